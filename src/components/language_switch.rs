//! KO/EN switch: two toggle buttons; the pressed one is the current language.

use super::{effect, effect_later, use_state};
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
    // The Korean button's name is written in the task after the first frame: in an English page it is the only
    // Korean text of that frame, and setting up a Korean font took about 30 ms of the frame's layout. The button
    // keeps its size (its minimum width is wider than either name).
    effect_later(|_| web::set_text("lang-ko", "한국어"));
    view! {
        <div class="lang-switch" id="lang-switch" role="group">
            <button type="button" class="lang-button" id="lang-ko" lang="ko" aria-pressed="false"></button>
            <button type="button" class="lang-button" lang="en" aria-pressed="false">"English"</button>
        </div>
    }
}
