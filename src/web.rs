//! The one module that touches the browser directly (`web_sys`): location, history, document attributes, the
//! panic panel. Every call tolerates a hostile host: a sandboxed iframe may throw on history or storage, so each
//! failure is swallowed and the app keeps its state in memory.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    // Looked up once: the page asks for it hundreds of times at start-up.
    thread_local! {
        static DOC: std::cell::OnceCell<Option<web_sys::Document>> = const { std::cell::OnceCell::new() };
    }
    DOC.with(|d| d.get_or_init(|| web_sys::window().and_then(|w| w.document())).clone())
}

/// Logs panics to the console and shows a visible error panel (`#atlas-error`) instead of a dead widget.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        // The message only (its file and line would pull in 0.2 KB of formatting).
        web_sys::console::error_1(&info.payload_as_str().unwrap_or("internal error").into());
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

thread_local! {
    /// The address changes waiting to be written by [`set_query_soon`], in order, and the timer that writes them.
    static PENDING: std::cell::RefCell<(Option<i32>, Vec<(String, bool)>)> = const { std::cell::RefCell::new((None, Vec::new())) };
}

/// Like [`set_query`], but once changes have paused for `ms`: writing the address is slow in browsers (a
/// same-document navigation; Chromium also re-reads the icon), so nothing is written during a burst of changes
/// such as a slider drag or quick layer switches. The waiting writes keep one history entry per push
/// ([`crate::url::enqueue`]), so back/forward stay exact.
pub fn set_query_soon(query: String, push: bool, ms: i32) {
    let Some(w) = web_sys::window() else { return };
    let waiting = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        crate::url::enqueue(&mut p.1, query, push);
        p.0.take()
    });
    if let Some(id) = waiting {
        w.clear_timeout_with_handle(id);
    }
    let write = Closure::once_into_js(|| {
        let queue = PENDING.with(|p| {
            let mut p = p.borrow_mut();
            p.0 = None;
            std::mem::take(&mut p.1)
        });
        for (q, push) in queue {
            set_query(&q, push);
        }
    });
    if let Ok(id) = w.set_timeout_with_callback_and_timeout_and_arguments_0(write.unchecked_ref(), ms) {
        PENDING.with(|p| p.borrow_mut().0 = Some(id));
    }
}

/// Drops the changes waiting in [`set_query_soon`] (when back/forward replaced the state they described).
fn cancel_pending_query() {
    let Some(id) = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        p.1.clear();
        p.0.take()
    }) else {
        return;
    };
    if let Some(w) = web_sys::window() {
        w.clear_timeout_with_handle(id);
    }
}

/// Calls `f` on every back/forward navigation (after dropping an address change still waiting to be written). The
/// listener lives as long as the page.
pub fn on_popstate(f: impl Fn() + 'static) {
    let Some(w) = web_sys::window() else { return };
    let closure = Closure::<dyn Fn()>::new(move || {
        cancel_pending_query();
        f()
    });
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

/// Runs `f` once the next frame has been produced (a zero timer set from `requestAnimationFrame`), for work that
/// can wait a frame and should not delay that one.
pub fn after_next_frame(f: impl FnOnce() + 'static) {
    after_frame(Box::new(f));
}

/// [`after_next_frame`] for one type of closure (boxed), so the wasm holds one copy of its glue, not one per caller.
fn after_frame(f: Box<dyn FnOnce()>) {
    let Some(w) = web_sys::window() else { return };
    let frame = Closure::once_into_js(move || after_box(0, f));
    let _ = w.request_animation_frame(frame.unchecked_ref());
}

/// Runs `f` once, `ms` milliseconds from now (for work that should wait until the page has painted, or until the
/// reader pauses).
pub fn after(ms: i32, f: impl FnOnce() + 'static) {
    after_box(ms, Box::new(f));
}

fn after_box(ms: i32, f: Box<dyn FnOnce()>) {
    let Some(w) = web_sys::window() else { return };
    let closure = Closure::once_into_js(f);
    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(closure.unchecked_ref(), ms);
}

/// An element found by [`query_all`], kept to update its attributes without looking it up again.
pub struct Node(web_sys::Element);

impl Node {
    /// Ticks or unticks a checkbox (its `checked` property, which a click changes; the attribute is only the
    /// default).
    pub fn check(&self, on: bool) {
        if let Some(input) = self.0.dyn_ref::<web_sys::HtmlInputElement>() {
            input.set_checked(on);
        }
    }

    /// An attribute's value.
    pub fn attr(&self, name: &str) -> Option<String> {
        self.0.get_attribute(name)
    }

    /// Sets its text content, if different.
    pub fn text(&self, text: &str) {
        if self.0.text_content().as_deref() != Some(text) {
            self.0.set_text_content(Some(text));
        }
    }

    /// Sets a CSS property (see [`set_style`]).
    pub fn style(&self, prop: &str, value: &str) {
        style(&self.0, prop, value);
    }

    /// Sets (or with `None` removes) an attribute.
    pub fn set(&self, name: &str, value: Option<&str>) {
        let _ = match value {
            Some(v) => self.0.set_attribute(name, v),
            None => self.0.remove_attribute(name),
        };
    }
}

/// The elements under `root` (by id) matching `selector`, in document order.
pub fn query_all(root_id: &str, selector: &str) -> Vec<Node> {
    let Some(root) = document().and_then(|d| d.get_element_by_id(root_id)) else { return Vec::new() };
    let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok().map(Node)).collect()
}

/// Sets (or with `None` removes) an attribute of the element with this id.
pub fn set_attr_by_id(id: &str, name: &str, value: Option<&str>) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        Node(el).set(name, value);
    }
}

/// Moves keyboard focus to the element with this id (SVG elements included).
pub fn focus(id: &str) {
    let Some(el) = document().and_then(|d| d.get_element_by_id(id)) else { return };
    if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = svg.focus();
    } else if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
}

/// The nearest ancestor-or-self of an event's target carrying `data-a2`, and its value.
pub fn event_code(ev: &web_sys::Event) -> Option<String> {
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    el.closest("[data-a2]").ok()??.get_attribute("data-a2")
}

/// Client position of a mouse or pointer event.
pub fn pointer_xy(ev: &web_sys::Event) -> Option<(f64, f64)> {
    let m = ev.dyn_ref::<web_sys::MouseEvent>()?;
    Some((m.client_x() as f64, m.client_y() as f64))
}

/// The pointer id of a pointer event.
pub fn pointer_id(ev: &web_sys::Event) -> Option<i32> {
    Some(ev.dyn_ref::<web_sys::PointerEvent>()?.pointer_id())
}

/// Vertical wheel movement in pixels (lines and pages converted), or `None` for other events.
pub fn wheel_dy(ev: &web_sys::Event) -> Option<f64> {
    let w = ev.dyn_ref::<web_sys::WheelEvent>()?;
    Some(match w.delta_mode() {
        1 => w.delta_y() * 16.0,
        2 => w.delta_y() * 400.0,
        _ => w.delta_y(),
    })
}

/// The key and whether Shift was held, of a keyboard event.
pub fn key(ev: &web_sys::Event) -> Option<(String, bool)> {
    let k = ev.dyn_ref::<web_sys::KeyboardEvent>()?;
    if k.ctrl_key() || k.meta_key() || k.alt_key() {
        return None;
    }
    Some((k.key(), k.shift_key()))
}

/// Client rectangle (left, top, width, height) of the element with this id.
pub fn rect(id: &str) -> Option<(f64, f64, f64, f64)> {
    let r = document()?.get_element_by_id(id)?.get_bounding_client_rect();
    Some((r.left(), r.top(), r.width(), r.height()))
}

/// Sets a CSS property through the CSSOM (allowed under a CSP without `'unsafe-inline'`, unlike style attributes).
pub fn set_style(id: &str, prop: &str, value: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        style(&el, prop, value);
    }
}

/// [`set_style`] on an element; an empty `value` removes the property.
fn style(el: &web_sys::Element, prop: &str, value: &str) {
    let style = match el.dyn_ref::<web_sys::HtmlElement>() {
        Some(h) => h.style(),
        None => match el.dyn_ref::<web_sys::SvgElement>() {
            Some(s) => s.style(),
            None => return,
        },
    };
    let _ = style.set_property(prop, value);
}

/// Captures a pointer on the element with this id (so a drag continues outside it).
pub fn capture_pointer(id: &str, pointer: i32) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        let _ = el.set_pointer_capture(pointer);
    }
}

/// Whether the reader asked for reduced motion.
pub fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Calls `f` every `ms` milliseconds until the returned handle is passed to [`clear_interval`].
pub fn set_interval(ms: i32, f: impl Fn() + 'static) -> Option<i32> {
    let w = web_sys::window()?;
    let closure = Closure::<dyn Fn()>::new(f);
    let id = w.set_interval_with_callback_and_timeout_and_arguments_0(closure.as_ref().unchecked_ref(), ms).ok();
    closure.forget();
    id
}

/// Stops an interval started by [`set_interval`].
pub fn clear_interval(id: i32) {
    if let Some(w) = web_sys::window() {
        w.clear_interval_with_handle(id);
    }
}

/// Prevents the browser's default action for an event (e.g. page scroll on a map key or wheel).
pub fn prevent_default(ev: &web_sys::Event) {
    ev.prevent_default();
}

/// The current value of an input or select event's target.
pub fn event_value(ev: &web_sys::Event) -> String {
    let Some(t) = ev.target() else { return String::new() };
    if let Some(i) = t.dyn_ref::<web_sys::HtmlInputElement>() {
        return i.value();
    }
    t.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default()
}

/// The value of attribute `attr` on the nearest ancestor-or-self of the event's target matching `selector`.
pub fn closest_attr(ev: &web_sys::Event, selector: &str, attr: &str) -> Option<String> {
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    el.closest(selector).ok()??.get_attribute(attr)
}

/// The id of the event's target element.
pub fn target_id(ev: &web_sys::Event) -> String {
    ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).map(|e| e.id()).unwrap_or_default()
}

/// Replaces the content of the element with this id by `html` (already escaped by the caller).
pub fn set_html(id: &str, html: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        el.set_inner_html(html);
    }
}

/// Sets the text content of the element with this id.
pub fn set_text(id: &str, text: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        Node(el).text(text);
    }
}

/// Sets the current value of an `<input>` or `<select>` with this id (the property, not the attribute).
pub fn set_value(id: &str, value: &str) {
    let Some(el) = document().and_then(|d| d.get_element_by_id(id)) else { return };
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        if i.value() != value {
            i.set_value(value);
        }
    } else if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        if s.value() != value {
            s.set_value(value);
        }
    }
}

/// Checks the radio button (or checkbox) with this id (the property, not the attribute; a no-op if it is checked).
pub fn check(id: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        Node(el).check(true);
    }
}

/// Scrolls the strip holding the element with this id's parent (a chip's label in a row of chips, which scrolls
/// sideways on narrow screens) so that the chip is in view. Only the strip scrolls, never the page (which
/// `scrollIntoView` would, in an embedding page too).
pub fn reveal(id: &str) {
    let Some(chip) = document().and_then(|d| d.get_element_by_id(id)).and_then(|e| e.parent_element()) else { return };
    let Some(strip) = chip.parent_element() else { return };
    let (c, s) = (chip.get_bounding_client_rect(), strip.get_bounding_client_rect());
    let by = if c.left() < s.left() {
        c.left() - s.left() - 8.0
    } else if c.right() > s.right() {
        c.right() - s.right() + 8.0
    } else {
        return;
    };
    strip.set_scroll_left(strip.scroll_left() + by as i32);
}

/// Whether the `<details>` with this id is open.
pub fn is_open(id: &str) -> bool {
    document().and_then(|d| d.get_element_by_id(id)).is_some_and(|e| e.has_attribute("open"))
}

/// A DOM event, as handed to [`listen`]'s handler (read it with this module's helpers).
pub type Event = web_sys::Event;

/// Calls `f` for every event of the given kinds on the element with this id (bubbling from its descendants). One
/// closure serves all kinds, so the handler is compiled once. Returns whether the element was found. The listener
/// lives as long as the element. `f` is `Fn`, not `FnMut`: a handler that moves focus triggers `focusin` at once,
/// which re-enters it, and wasm-bindgen refuses to re-enter an `FnMut` closure.
pub fn listen(id: &str, kinds: &[&str], f: impl Fn(Event) + 'static) -> bool {
    let Some(el) = document().and_then(|d| d.get_element_by_id(id)) else { return false };
    let closure = Closure::<dyn Fn(Event)>::new(f);
    for kind in kinds {
        let _ = el.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref());
    }
    closure.forget();
    true
}

/// The event's type (`click`, `keydown`…).
pub fn event_type(ev: &Event) -> String {
    ev.type_()
}
