//! KO/EN switch: two toggle buttons; the pressed one is the current language.

use super::{effect, use_state};
use crate::i18n::{t, Msg};
use crate::model::Lang;
use crate::web;
use leptos::prelude::*;

/// Switches every string of the atlas between Korean and English, instantly. The buttons are static (each names
/// its language in that language); only `aria-pressed` and the group's label follow the state.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let lang = use_state().lang;
    effect(move |first| {
        if first {
            web::listen("lang-switch", &["click"], move |e| {
                if let Some(l) = web::closest_attr(&e, "button[lang]", "lang").and_then(|k| Lang::from_key(&k)) {
                    lang.set(l);
                }
            });
        }
        let l = lang.get();
        web::set_attr_by_id("lang-switch", "aria-label", Some(t(Msg::LanguageLabel, l)));
        for n in web::query_all("lang-switch", "button[lang]") {
            n.set("aria-pressed", Some(if n.attr("lang").as_deref() == Some(l.key()) { "true" } else { "false" }));
        }
    });
    view! {
        <div class="lang-switch" id="lang-switch" role="group">
            <button type="button" class="lang-button" lang="ko" aria-pressed="false">"한국어"</button>
            <button type="button" class="lang-button" lang="en" aria-pressed="false">"English"</button>
        </div>
    }
}
