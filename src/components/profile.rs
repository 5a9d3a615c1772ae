//! The profile of the selected actor: summary, approach, every facet by dimension, instruments and milestones,
//! each claim with its source.

use super::{source_ref::SourceRef, use_state};
use crate::data;
use crate::i18n::{self, t, Msg};
use crate::model::{Actor, Dimension, Lang};
use leptos::prelude::*;

/// Shows the selected actor, or nothing when none is selected.
#[component]
pub fn Profile() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let sel = state.sel;
    view! {
        <p class="visually-hidden" aria-live="polite" data-testid="announcer">
            {move || sel.get().and_then(data::actor).map(|a| a.name.get(lang.get()))}
        </p>
        {move || {
            let l = lang.get();
            sel.get().and_then(data::actor).map(|a| profile_view(a, l))
        }}
    }
}

fn profile_view(a: &'static Actor, lang: Lang) -> impl IntoView {
    let state = use_state();
    let badges = [
        a.approach.map(|ap| (t(Msg::ApproachLabel, lang), i18n::approach(ap).get(lang))),
        a.cooperation.map(|c| (t(Msg::CooperationLabel, lang), i18n::cooperation(c).get(lang))),
    ];
    let dims = Dimension::ALL
        .iter()
        .filter(|d| data::facets(a, **d).next().is_some())
        .map(|d| {
            let items = data::facets(a, *d)
                .map(|f| {
                    view! {
                        <li class="facet">
                            <p>{f.text.get(lang)}</p>
                            {f.detail.map(|det| view! {
                                <details><summary>{t(Msg::MoreDetail, lang)}</summary><p>{det.get(lang)}</p></details>
                            })}
                            <SourceRef source=f.source lang=lang correction=f.correction/>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="dimension" data-dimension=d.key()>
                    <h4>{i18n::dimension(*d).get(lang)}</h4>
                    <ul role="list">{items}</ul>
                </section>
            }
        })
        .collect_view();
    let instruments = a
        .instruments
        .iter()
        .map(|i| {
            let steps = i
                .dates
                .iter()
                .map(|d| view! { <li><span class="step">{i18n::step(d.step).get(lang)}</span>" "<time datetime=d.date.to_string()>{d.date.display(lang)}</time></li> })
                .collect_view();
            view! {
                <li class="instrument" data-id=i.id>
                    <h4>{i.title.get(lang)}</h4>
                    <p class="tags">
                        <span class="tag">{i18n::instrument_kind(i.kind).get(lang)}</span>
                        <span class="tag" data-binding=i.binding.to_string()>
                            {t(if i.binding { Msg::Binding } else { Msg::NonBinding }, lang)}
                        </span>
                        <span class="tag">{i18n::status(i.status).get(lang)}</span>
                    </p>
                    <p>{i.summary.get(lang)}</p>
                    <ul class="steps" role="list">{steps}</ul>
                    <SourceRef source=i.source lang=lang correction=i.correction/>
                </li>
            }
        })
        .collect_view();
    let events = a
        .events
        .iter()
        .map(|e| {
            view! {
                <li class="event">
                    <time datetime=e.date.to_string()>{e.date.display(lang)}</time>
                    <span class="tag">{i18n::event_kind(e.kind).get(lang)}</span>
                    <p>{e.title.get(lang)}</p>
                    <SourceRef source=e.source lang=lang correction=e.correction/>
                </li>
            }
        })
        .collect_view();
    let has_instruments = !a.instruments.is_empty();
    let has_events = !a.events.is_empty();
    view! {
        <article class="profile" aria-labelledby="profile-heading" data-testid="profile">
            <header class="profile-head">
                <h3 id="profile-heading">{a.name.get(lang)}</h3>
                <button type="button" class="clear" on:click=move |_| state.sel.set(None)>
                    {t(Msg::ClearSelection, lang)}
                </button>
            </header>
            <p class="summary" data-testid="profile-summary">{a.summary.get(lang)}</p>
            <dl class="badges">
                {badges.into_iter().flatten().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
            </dl>
            <SourceRef source=a.source lang=lang correction=None/>
            <Show when=move || a.spectrum.is_some()>
                {a.spectrum.map(|s| view! { <p class="reason">{s.reason.get(lang)}</p> })}
            </Show>
            <h3 class="section-title">{t(Msg::DimensionsHeading, lang)}</h3>
            {dims}
            <Show when=move || has_instruments>
                <h3 class="section-title">{t(Msg::InstrumentsHeading, lang)}</h3>
            </Show>
            <ul class="instruments" role="list">{instruments}</ul>
            <Show when=move || has_events>
                <h3 class="section-title">{t(Msg::MilestonesHeading, lang)}</h3>
            </Show>
            <ol class="events" role="list">{events}</ol>
        </article>
    }
}
