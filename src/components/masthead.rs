//! The page header: title, tagline and the language switch.

use super::{language_switch::LanguageSwitch, use_state};
use crate::i18n::{t, Msg};
use leptos::prelude::*;

/// Title bar of the atlas.
#[component]
pub fn Masthead() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    view! {
        <header class="masthead">
            <div class="masthead-text">
                <h1>{move || t(Msg::AppTitle, lang.get())}</h1>
                <p class="tagline">{move || t(Msg::Tagline, lang.get())}</p>
            </div>
            <LanguageSwitch/>
        </header>
    }
}
