//! The root component: provides [`AppState`], keeps the URL, `<html lang>`, the title and the theme in sync.

use super::{
    actor_select::ActorSelect, colophon::Colophon, jurisdiction_picker::JurisdictionPicker, masthead::Masthead, profile::Profile,
    url_notice::UrlNotice,
};
use crate::i18n::{self, t, Msg};
use crate::state::AppState;
use crate::web;
use leptos::prelude::*;

/// The whole atlas. Reads its initial state from the URL and the browser language.
#[component]
pub fn App() -> impl IntoView {
    let default_lang = i18n::lang_for_locale(&web::navigator_language().unwrap_or_default());
    let state = AppState::new(&web::location_search(), default_lang);
    provide_context(state);

    Effect::new(move || {
        let lang = state.lang.get();
        web::set_root_attribute("lang", Some(lang.key()));
        web::set_title(t(Msg::AppTitle, lang));
    });
    Effect::new(move || web::set_root_attribute("data-theme", state.theme.get().map(|t| t.key())));
    // The first run normalizes the address (dropping invalid values); later runs add history entries.
    Effect::new(move |first: Option<()>| web::set_query(&state.query(), first.is_some()));
    web::on_popstate(move || state.apply_query(&web::location_search()));
    // Decode the other language's texts while the reader looks at the first screen, so the first switch is instant.
    web::after_first_paint(crate::data::warm_up);

    view! {
        <a class="skip-link" href="#atlas-main">{move || t(Msg::SkipToContent, state.lang.get())}</a>
        <Masthead/>
        <main id="atlas-main" tabindex="-1">
            <UrlNotice/>
            // <AtlasMap/> — not mounted yet: with it the first load is ~208 KB gzip, over the 150 KB budget (issue 4).
            <JurisdictionPicker/>
            <ActorSelect/>
            <Profile/>
        </main>
        <Colophon/>
    }
}
