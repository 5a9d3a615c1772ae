//! The profile of the selection: its name, a close button, and every sourced claim ([`crate::html::profile`]); for a
//! state the atlas has no profile for, what each map layer records about it ([`crate::map_html::country_card`]).

use super::{effect_later, use_state};
use crate::layers::Unit;
use crate::model::Lang;
use crate::{data, html, map_html, web};
use leptos::prelude::*;

/// The name and body HTML for a selection id, or `None` for an unknown id.
fn content(id: &str, l: Lang) -> Option<(&'static str, String)> {
    match data::actor(id) {
        Some(a) => Some((a.name.get(l), html::profile(a, l))),
        None => Unit::from_code(id).map(|u| (u.name(l), map_html::country_card(u, l))),
    }
}

/// Shows the selected actor or state, or nothing when none is selected; announces its name politely.
#[component]
pub fn Profile() -> impl IntoView {
    let state = use_state();
    let (lang, sel) = (state.lang, state.sel);
    effect_later(move |first| {
        if first {
            web::listen("profile", &["click"], move |e| {
                if web::closest_attr(&e, "button.clear", "class").is_some() {
                    sel.set(None);
                }
            });
        }
        let l = lang.get();
        let shown = sel.get().and_then(|id| content(id, l));
        web::set_html("profile", &shown.as_ref().map(|(name, body)| html::profile_article(name, body, l)).unwrap_or_default());
        web::set_text("announcer", shown.map_or("", |c| c.0));
    });
    view! {
        <p id="announcer" class="visually-hidden" aria-live="polite" data-testid="announcer"></p>
        <div id="profile"></div>
    }
}
