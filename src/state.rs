//! The one application state: a `Copy` struct of signals, provided once by [`crate::App`].

use crate::data;
use crate::layers::Unit;
use crate::model::Lang;
use crate::url::{self, MapView, Page, Problem, Theme, UrlState};
use leptos::prelude::*;

/// Everything the UI can change. Derived values are memos over pure functions, not more state.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Interface and content language.
    pub lang: RwSignal<Lang>,
    /// Selected actor id or state code (canonical static id).
    pub sel: RwSignal<Option<&'static str>>,
    /// What the map shows: layer, date and zoom.
    pub map: RwSignal<MapView>,
    /// The view, and the compare view's jurisdictions and filter.
    pub page: RwSignal<Page>,
    /// Theme override; `None` follows the system.
    pub theme: RwSignal<Option<Theme>>,
    /// URL parameters that were not understood, shown as a notice until dismissed.
    pub problems: RwSignal<Vec<Problem>>,
    /// The language the page picks by itself (from the browser); omitted from URLs.
    pub default_lang: Lang,
}

impl AppState {
    /// A state from a query string, falling back to defaults (and recording problems) for invalid values.
    pub fn new(query: &str, default_lang: Lang) -> Self {
        let (s, problems) = parse(query);
        AppState {
            lang: RwSignal::new(s.lang.unwrap_or(default_lang)),
            sel: RwSignal::new(s.sel),
            map: RwSignal::new(s.map()),
            page: RwSignal::new(s.page()),
            theme: RwSignal::new(s.theme),
            problems: RwSignal::new(problems),
            default_lang,
        }
    }

    /// What the URL should carry now.
    pub fn url_state(&self) -> UrlState {
        let m = self.map.get();
        let p = self.page.get();
        UrlState {
            view: Some(p.view),
            cmp: Some(p.picks),
            diff: p.only_diff,
            who: p.who,
            kind: p.kind,
            lang: Some(self.lang.get()),
            sel: self.sel.get(),
            theme: self.theme.get(),
            layer: Some(m.layer),
            month: Some(m.month),
            zoom: Some(m.zoom),
        }
    }

    /// Applies a query string (back/forward): every field is set, so absent parameters return to defaults.
    pub fn apply_query(&self, query: &str) {
        let (s, problems) = parse(query);
        self.lang.set(s.lang.unwrap_or(self.default_lang));
        self.sel.set(s.sel);
        self.map.set(s.map());
        self.page.set(s.page());
        self.theme.set(s.theme);
        self.problems.set(problems);
    }

    /// The serialized query for `s`.
    pub fn query(&self, s: &UrlState) -> String {
        url::serialize(s, self.default_lang)
    }
}

fn parse(query: &str) -> (UrlState, Vec<Problem>) {
    url::parse(
        query,
        |id| data::actor_loose(id).map(|a| a.id).or_else(|| Unit::from_code(id.trim()).map(Unit::code)),
        |id| data::comparable(id).map(|a| a.id),
    )
}
