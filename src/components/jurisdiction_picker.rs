//! The five core jurisdictions as a row of toggle cards; choosing one opens its profile.

use super::use_state;
use crate::data;
use crate::i18n::{self, t, Msg};
use leptos::prelude::*;

/// Lists EU, US, Japan, China and Korea with their approach; the pressed card is the selection.
#[component]
pub fn JurisdictionPicker() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let sel = state.sel;
    let cards = data::core_actors()
        .map(|a| {
            let id = a.id;
            let pressed = Memo::new(move |_| sel.get() == Some(id));
            view! {
                <li>
                    <button
                        type="button"
                        class="jurisdiction"
                        data-id=id
                        aria-pressed=move || if pressed.get() { "true" } else { "false" }
                        on:click=move |_| sel.set(if pressed.get_untracked() { None } else { Some(id) })
                    >
                        <span class="jurisdiction-code" aria-hidden="true">{id}</span>
                        <span class="jurisdiction-name">{move || a.short.get(lang.get())}</span>
                        <span class="jurisdiction-approach">
                            {move || a.approach.map(|ap| i18n::approach(ap).get(lang.get()))}
                        </span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="picker" aria-labelledby="picker-heading">
            <h2 id="picker-heading">{move || t(Msg::CoreHeading, lang.get())}</h2>
            <p class="lede">{move || t(Msg::CoreIntro, lang.get())}</p>
            <ul class="jurisdictions" role="list">{cards}</ul>
            <Show when=move || sel.get().is_none()>
                <p class="hint">{move || t(Msg::ChooseHint, lang.get())}</p>
            </Show>
        </section>
    }
}
