//! UI components, one per file, named as nouns. Data flows down as props; changes flow up through [`AppState`]
//! signals or callbacks.
//!
//! [`AppState`]: crate::state::AppState

pub mod actor_select;
pub mod app;
pub mod atlas_map;
pub mod colophon;
pub mod jurisdiction_picker;
pub mod language_switch;
pub mod masthead;
pub mod profile;
pub mod url_notice;

use crate::state::AppState;
use leptos::prelude::*;

/// The application state provided by [`app::App`].
pub fn use_state() -> AppState {
    use_context::<AppState>().expect("AppState is provided by App, which every component is rendered under")
}
