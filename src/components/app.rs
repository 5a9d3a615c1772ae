//! The root component: provides [`AppState`], keeps the URL, `<html lang>`, the title and the theme in sync.

use super::{
    actor_select::ActorSelect, atlas_map::AtlasMap, colophon::Colophon, comparison::Comparison, effect, effect_later,
    jurisdiction_picker::JurisdictionPicker, masthead::Masthead, profile::Profile, timeline::Timeline,
    url_notice::UrlNotice, view_switch::ViewSwitch,
};
use crate::i18n::{self, t, Msg};
use crate::state::AppState;
use crate::url::UrlState;
use crate::web;
use leptos::prelude::*;

/// The whole atlas. Reads its initial state from the URL and the browser language.
#[component]
pub fn App() -> impl IntoView {
    let default_lang = i18n::lang_for_locale(&web::navigator_language().unwrap_or_default());
    let state = AppState::new(&web::location_search(), default_lang);
    provide_context(state);

    effect(move |_| web::set_root_attribute("lang", Some(state.lang.get().key())));
    // Not drawn in the first frame: the title and the skip link's text (shown only when focused).
    effect_later(move |_| {
        let lang = state.lang.get();
        web::set_title(t(Msg::AppTitle, lang));
        web::set_text("skip-link", t(Msg::SkipToContent, lang));
    });
    effect(move |_| web::set_root_attribute("data-theme", state.theme.get().map(|t| t.key())));
    // The first run normalizes the address (dropping invalid values). Later runs add a history entry, except when
    // only the map's date or zoom changed (a drag or a slider would flood the history): those replace it. They
    // write it a moment later, after the interaction has painted.
    let mut written: Option<UrlState> = None;
    effect(move |_| {
        let s = state.url_state();
        match written.replace(s) {
            None => web::set_query(&state.query(&s), false),
            Some(p) => web::set_query_soon(state.query(&s), UrlState { month: s.month, zoom: s.zoom, ..p } != s, 100),
        }
    });
    web::on_popstate(move || state.apply_query(&web::location_search()));
    // Decode the other language's texts while the reader looks at the first screen, so the first switch is instant.
    web::after(200, crate::data::warm_up);

    view! {
        <a class="skip-link" id="skip-link" href="#atlas-main"></a>
        <Masthead/>
        <main id="atlas-main" tabindex="-1">
            <UrlNotice/>
            <ViewSwitch/>
            <div id="view-map">
                <AtlasMap/>
                <JurisdictionPicker/>
                <ActorSelect/>
                <Profile/>
            </div>
            <Comparison/>
            <Timeline/>
        </main>
        <Colophon/>
    }
}
