//! KO/EN switch: two toggle buttons; the pressed one is the current language.

use super::use_state;
use crate::i18n::{lang_name, t, Msg};
use crate::model::Lang;
use leptos::prelude::*;

/// Switches every string of the atlas between Korean and English, instantly.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let button = move |l: Lang| {
        view! {
            <button
                type="button"
                class="lang-button"
                lang=l.key()
                aria-pressed=move || if lang.get() == l { "true" } else { "false" }
                on:click=move |_| lang.set(l)
            >
                {lang_name(l)}
            </button>
        }
    };
    view! {
        <div class="lang-switch" role="group" aria-label=move || t(Msg::LanguageLabel, lang.get())>
            {button(Lang::Ko)}
            {button(Lang::En)}
        </div>
    }
}
