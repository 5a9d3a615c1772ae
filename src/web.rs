//! The one module that touches the browser directly (`web_sys`): location, history, document attributes, the
//! panic panel. Every call tolerates a hostile host: a sandboxed iframe may throw on history or storage, so each
//! failure is swallowed and the app keeps its state in memory.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Logs panics to the console and shows a visible error panel (`#atlas-error`) instead of a dead widget.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_error_panel();
    }));
}

fn show_error_panel() {
    let Some(doc) = document() else { return };
    let Some(panel) = doc.get_element_by_id("atlas-error") else { return };
    let _ = panel.remove_attribute("hidden");
    if let Some(root) = doc.get_element_by_id("atlas") {
        let _ = root.set_attribute("aria-hidden", "true");
    }
}

/// Removes the static loading state from `index.html`.
pub fn clear_loading() {
    if let Some(el) = document().and_then(|d| d.get_element_by_id("atlas-loading")) {
        el.remove();
    }
}

/// The element the app mounts into: `#atlas`, else the body.
pub fn mount_point() -> Option<web_sys::HtmlElement> {
    let doc = document()?;
    match doc.get_element_by_id("atlas") {
        Some(el) => el.dyn_into::<web_sys::HtmlElement>().ok(),
        None => doc.body(),
    }
}

/// The browser's preferred language tag (e.g. `ko-KR`).
pub fn navigator_language() -> Option<String> {
    web_sys::window()?.navigator().language()
}

/// The current query string, including the leading `?` (or empty).
pub fn location_search() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// Puts `query` (`""` or `?…`) into the address bar, as a new history entry when `push`, keeping path and hash.
/// Does nothing when the query is already current or when the host forbids it.
pub fn set_query(query: &str, push: bool) {
    let Some(w) = web_sys::window() else { return };
    let loc = w.location();
    if loc.search().ok().as_deref() == Some(query) {
        return;
    }
    let path = loc.pathname().unwrap_or_default();
    let hash = loc.hash().unwrap_or_default();
    let url = format!("{path}{query}{hash}");
    let Ok(history) = w.history() else { return };
    let _ = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// Calls `f` on every back/forward navigation. The listener lives as long as the page.
pub fn on_popstate(f: impl Fn() + 'static) {
    let Some(w) = web_sys::window() else { return };
    let closure = Closure::<dyn Fn()>::new(f);
    let _ = w.add_event_listener_with_callback("popstate", closure.as_ref().unchecked_ref());
    closure.forget();
}

/// Sets an attribute on `<html>` (or removes it for `None`).
pub fn set_root_attribute(name: &str, value: Option<&str>) {
    let Some(root) = document().and_then(|d| d.document_element()) else { return };
    let _ = match value {
        Some(v) => root.set_attribute(name, v),
        None => root.remove_attribute(name),
    };
}

/// Sets the document title.
pub fn set_title(title: &str) {
    if let Some(doc) = document() {
        doc.set_title(title);
    }
}

/// Runs `f` once, shortly after the page has painted (a 200 ms timer), for work that should not delay the first
/// render.
pub fn after_first_paint(f: impl FnOnce() + 'static) {
    let Some(w) = web_sys::window() else { return };
    let closure = Closure::once_into_js(f);
    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(closure.unchecked_ref(), 200);
}
