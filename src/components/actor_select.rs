//! A drop-down of every actor beyond the five core jurisdictions (secondary states, international bodies,
//! companies), so that every profile in the data can be reached. Its options come from [`crate::html::actor_options`].

use super::use_state;
use crate::data;
use crate::html;
use crate::i18n::{t, Msg};
use leptos::prelude::*;

/// A labelled native `<select>`; choosing an entry selects that actor, "— choose —" clears the selection.
#[component]
pub fn ActorSelect() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let sel = state.sel;
    view! {
        <div class="actor-select">
            <label for="actor-select">{move || t(Msg::OtherActors, lang.get())}</label>
            <select
                id="actor-select"
                inner_html=move || html::actor_options(sel.get(), lang.get())
                on:change=move |ev| sel.set(data::actor(&event_target_value(&ev)).map(|a| a.id))
            ></select>
        </div>
    }
}
