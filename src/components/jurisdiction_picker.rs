//! The five core jurisdictions as a row of toggle cards; choosing one opens its profile.

use super::use_state;
use crate::data;
use crate::i18n::{self, t, Msg};
use leptos::prelude::*;

/// Lists EU, US, Japan, China and Korea with their approach; the pressed card is the selection. The cards are
/// re-rendered only when the language changes (focus is then on the language switch), so keyboard focus on a card
/// survives selecting it.
#[component]
pub fn JurisdictionPicker() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let sel = state.sel;
    view! {
        <section class="picker" aria-labelledby="picker-heading">
            {move || {
                let l = lang.get();
                let cards: Vec<_> = data::core_actors()
                    .map(|a| {
                        let id = a.id;
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="jurisdiction"
                                    data-id=id
                                    aria-pressed=move || if sel.get() == Some(id) { "true" } else { "false" }
                                    on:click=move |_| sel.update(|s| *s = if *s == Some(id) { None } else { Some(id) })
                                >
                                    <span class="jurisdiction-code" aria-hidden="true">{id}</span>
                                    <span class="jurisdiction-name">{a.short.get(l)}</span>
                                    <span class="jurisdiction-approach">{a.approach.map(|ap| i18n::approach(ap).get(l))}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect();
                view! {
                    <h2 id="picker-heading">{t(Msg::CoreHeading, l)}</h2>
                    <p class="lede">{t(Msg::CoreIntro, l)}</p>
                    <ul class="jurisdictions" role="list">{cards}</ul>
                    <p class="hint" hidden=move || sel.get().is_some()>{t(Msg::ChooseHint, l)}</p>
                }
            }}
        </section>
    }
}
