//! AI Strategy Atlas: an embeddable, bilingual explainer of how nations govern AI.
//!
//! Pure modules (no Leptos, no `web_sys`, tested natively): [`model`], [`data`], [`i18n`], [`url`], [`codec`],
//! [`html`], [`compare_html`], [`timeline_html`], [`geo`], [`geo_model`], [`layers`], [`viewport`], [`map_html`].
//! The only module that touches the browser directly: [`web`]. UI: [`state`] and [`components`].

pub mod codec;
pub mod compare_html;
pub mod components;
pub mod data;
pub mod geo;
pub mod geo_model;
pub mod html;
pub mod i18n;
pub mod layers;
pub mod map_html;
pub mod model;
pub mod state;
pub mod timeline_html;
pub mod url;
pub mod viewport;
pub mod web;

pub use components::app::App;

/// Mounts the app into `#atlas` (or the body when the page has no such element) and removes the loading state.
pub fn mount() {
    web::clear_loading();
    if let Some(el) = web::mount_point() {
        leptos::mount::mount_to(el, App).forget();
    }
}

/// A small allocator (dlmalloc, the default, is ~2 KB gzip larger).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: wasm32 without threads: the app runs on one thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
