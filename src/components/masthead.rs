//! The page header: title, tagline and the language switch.

use super::{effect, language_switch::LanguageSwitch, use_state};
use crate::i18n::{t, Msg};
use crate::web;
use leptos::prelude::*;

/// Title bar of the atlas.
#[component]
pub fn Masthead() -> impl IntoView {
    let lang = use_state().lang;
    effect(move |_| {
        let l = lang.get();
        web::set_text("app-title", t(Msg::AppTitle, l));
        web::set_text("app-tagline", t(Msg::Tagline, l));
    });
    view! {
        <header class="masthead">
            <div class="masthead-text">
                <h1 id="app-title"></h1>
                <p class="tagline" id="app-tagline"></p>
            </div>
            <LanguageSwitch/>
        </header>
    }
}
