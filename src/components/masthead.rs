//! The page header: title, tagline and the language switch.

use super::{language_switch::LanguageSwitch, use_state};
use crate::i18n::{t, Msg};
use leptos::prelude::*;

/// Title bar of the atlas.
#[component]
pub fn Masthead() -> impl IntoView {
    let lang = use_state().lang;
    view! {
        <header class="masthead">
            {move || {
                let l = lang.get();
                view! {
                    <div class="masthead-text">
                        <h1>{t(Msg::AppTitle, l)}</h1>
                        <p class="tagline">{t(Msg::Tagline, l)}</p>
                    </div>
                }
            }}
            <LanguageSwitch/>
        </header>
    }
}
