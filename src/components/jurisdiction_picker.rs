//! The five core jurisdictions as a row of toggle cards; choosing one opens its profile.

use super::{effect_later, use_state};
use crate::model::Lang;
use crate::{data, html, web};
use leptos::prelude::*;

/// Lists EU, US, Japan, China and Korea with their approach; the pressed card is the selection. The cards
/// ([`html::picker`]) are re-rendered only when the language changes (focus is then on the language switch); a
/// selection only updates `aria-pressed`, so keyboard focus on a card survives selecting it.
#[component]
pub fn JurisdictionPicker() -> impl IntoView {
    let state = use_state();
    let (lang, sel) = (state.lang, state.sel);
    let mut drawn: Option<Lang> = None;
    effect_later(move |first| {
        let l = lang.get();
        if first {
            web::listen("picker", &["click"], move |e| {
                let Some(a) = web::closest_attr(&e, "button.jurisdiction", "data-id").and_then(|id| data::actor(&id)) else { return };
                sel.update(|s| *s = if *s == Some(a.id) { None } else { Some(a.id) });
            });
        }
        if drawn.replace(l) != Some(l) {
            web::set_html("picker", &html::picker(l));
        }
        let current = sel.get();
        for n in web::query_all("picker", "button.jurisdiction") {
            n.set("aria-pressed", Some(if n.attr("data-id").as_deref() == current { "true" } else { "false" }));
        }
        web::set_attr_by_id("picker-hint", "hidden", current.is_some().then_some(""));
    });
    view! { <section class="picker" id="picker" aria-labelledby="picker-heading"></section> }
}
