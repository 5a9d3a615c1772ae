//! A visible, dismissible notice listing URL parameters that fell back to their defaults.

use super::{effect, use_state};
use crate::{html, web};
use leptos::prelude::*;

/// Shown only while the URL had values the atlas did not understand ([`html::notice`]).
#[component]
pub fn UrlNotice() -> impl IntoView {
    let state = use_state();
    let (lang, problems) = (state.lang, state.problems);
    effect(move |first| {
        if first {
            web::listen("url-notice", &["click"], move |e| {
                if web::closest_attr(&e, ".notice-dismiss", "class").is_some() {
                    problems.set(Vec::new());
                }
            });
        }
        web::set_html("url-notice", &problems.with(|p| html::notice(p, lang.get())));
    });
    view! { <div id="url-notice"></div> }
}
