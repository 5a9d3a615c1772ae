//! UI components, one per file, named as nouns. Data flows down as props; changes flow up through [`AppState`]
//! signals or callbacks.
//!
//! [`AppState`]: crate::state::AppState

pub mod actor_select;
pub mod app;
pub mod atlas_map;
pub mod colophon;
pub mod comparison;
pub mod jurisdiction_picker;
pub mod language_switch;
pub mod masthead;
pub mod profile;
pub mod timeline;
pub mod url_notice;
pub mod view_switch;

use crate::state::AppState;
use leptos::prelude::*;

/// Runs `f` now, then again whenever a signal it read changes; `f` is told whether this is the first run (when a
/// component registers its listeners: its elements exist from then on). Every component's effect goes through here
/// as one boxed closure type, so Leptos's effect machinery is compiled once rather than once per component (a few
/// hundred bytes of wasm each).
pub fn effect(f: impl FnMut(bool) + 'static) {
    let mut f: Box<dyn FnMut(bool)> = Box::new(f);
    let mut first = true;
    Effect::new(move |_: Option<()>| {
        f(first);
        first = false;
    });
}

/// [`effect`] for what lies below the map or in another view (the picker, the profile, the other views, the
/// footer): it starts in the task after the first frame, so the map is painted without waiting for it, nor for the
/// decoding of the texts it shows.
pub fn effect_later(f: impl FnMut(bool) + 'static) {
    let f: Box<dyn FnMut(bool)> = Box::new(f);
    // Created under the calling component's owner, so it is disposed with it like any other effect.
    let owner = Owner::current();
    crate::web::after_next_frame(move || match owner {
        Some(o) => o.with(|| effect(f)),
        None => effect(f),
    });
}

/// The application state provided by [`app::App`].
pub fn use_state() -> AppState {
    use_context::<AppState>().expect("AppState is provided by App, which every component is rendered under")
}
