//! A drop-down of every actor beyond the five core jurisdictions (secondary states, blocs and international
//! bodies), so that every profile in the widget can be reached. Its options come from [`crate::html::actor_options`].

use super::{effect_later, use_state};
use crate::i18n::{t, Msg};
use crate::{data, html, web};
use leptos::prelude::*;

/// A labelled native `<select>`; choosing an entry selects that actor, "— choose —" clears the selection.
#[component]
pub fn ActorSelect() -> impl IntoView {
    let state = use_state();
    let (lang, sel) = (state.lang, state.sel);
    effect_later(move |first| {
        if first {
            web::listen("actor-select", &["change"], move |e| {
                sel.set(data::actor(&web::event_value(&e)).map(|a| a.id))
            });
        }
        let l = lang.get();
        web::set_text("actor-select-label", t(Msg::OtherActors, l));
        web::set_html("actor-select", &html::actor_options(sel.get(), l));
    });
    view! {
        <div class="actor-select">
            <label for="actor-select" id="actor-select-label"></label>
            <select id="actor-select"></select>
        </div>
    }
}
