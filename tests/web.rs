//! Component tests in real browsers (headless Chromium and Firefox, via wasm-bindgen-test-runner): the whole `App`
//! is mounted into the test page and driven through the DOM, as a user would.
#![cfg(target_arch = "wasm32")]

use ai_strategy_atlas::App;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

fn document() -> web_sys::Document {
    window().document().expect("a document")
}

/// Waits for Leptos's scheduled effects and the browser's event loop.
async fn tick() {
    sleep(20).await;
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).expect("setTimeout");
    });
    JsFuture::from(promise).await.expect("timer");
}

/// Waits until the next frame has been produced and 60 ms more: what waits for a frame has run by then (the map's
/// legend, the shapes' names and the live region; the parts of the page below the map).
async fn painted() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let after = Closure::once_into_js(move || {
            window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 60).expect("setTimeout");
        });
        window().request_animation_frame(after.unchecked_ref()).expect("requestAnimationFrame");
    });
    JsFuture::from(promise).await.expect("frame");
}

/// Sets the address bar's query, then mounts a fresh `App` into a new container.
struct Mounted {
    root: HtmlElement,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

fn mount(query: &str) -> Mounted {
    let path = window().location().pathname().expect("pathname");
    window().history().expect("history").replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{path}{query}"))).expect("replaceState");
    let root: HtmlElement = document().create_element("div").expect("div").dyn_into().expect("HtmlElement");
    document().body().expect("body").append_child(&root).expect("append");
    let handle = leptos::mount::mount_to(root.clone(), || leptos::prelude::IntoAny::into_any(App()));
    Mounted { root, _handle: handle }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

impl Mounted {
    fn q(&self, sel: &str) -> Option<Element> {
        self.root.query_selector(sel).expect("valid selector")
    }
    fn all(&self, sel: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(sel).expect("valid selector");
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
    }
    fn text(&self, sel: &str) -> String {
        self.q(sel).and_then(|e| e.text_content()).unwrap_or_default()
    }
    fn click(&self, sel: &str) {
        self.q(sel).unwrap_or_else(|| panic!("no element {sel}")).dyn_into::<HtmlElement>().expect("HtmlElement").click();
    }
}

/// The address bar's query, once pending writes are done (the app writes it ~100 ms after a change).
async fn search() -> String {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 150).expect("setTimeout");
    });
    JsFuture::from(promise).await.expect("timer");
    window().location().search().expect("search")
}

#[wasm_bindgen_test]
async fn lists_the_five_core_jurisdictions_in_order() {
    let m = mount("?lang=en");
    painted().await; // parts below the map start after the first frame
    let ids: Vec<String> = m.all("button.jurisdiction").iter().filter_map(|b| b.get_attribute("data-id")).collect();
    assert_eq!(ids, ["EU", "US", "JP", "CN", "KR"]);
    assert!(m.all("button.jurisdiction").iter().all(|b| b.get_attribute("aria-pressed").as_deref() == Some("false")));
    assert!(m.q("[data-testid=profile]").is_none());
}

#[wasm_bindgen_test]
async fn selecting_shows_the_profile_and_updates_the_url() {
    let m = mount("?lang=en");
    painted().await; // parts below the map start after the first frame
    m.click("button.jurisdiction[data-id=KR]");
    tick().await;
    assert_eq!(m.text("#profile-heading"), "Republic of Korea");
    assert!(!m.text("[data-testid=profile-summary]").trim().is_empty());
    assert_eq!(m.q("button.jurisdiction[data-id=KR]").and_then(|b| b.get_attribute("aria-pressed")).as_deref(), Some("true"));
    let url = search().await;
    assert!(url.contains("sel=KR"), "URL was {url}");
    m.click("button.jurisdiction[data-id=KR]");
    tick().await;
    assert!(m.q("[data-testid=profile]").is_none());
    assert!(!search().await.contains("sel="));
}

#[wasm_bindgen_test]
async fn language_switch_translates_and_sets_html_lang() {
    let m = mount("?lang=en&sel=EU");
    painted().await; // parts below the map start after the first frame
    assert_eq!(m.text("h1"), "AI Strategy Atlas");
    let english_profile = m.text("[data-testid=profile-summary]");
    m.click(".lang-button[lang=ko]");
    tick().await;
    assert_eq!(m.text("h1"), "AI 전략 아틀라스");
    assert_eq!(document().document_element().and_then(|e| e.get_attribute("lang")).as_deref(), Some("ko"));
    assert_eq!(document().title(), "AI 전략 아틀라스");
    let korean_profile = m.text("[data-testid=profile-summary]");
    assert_ne!(english_profile, korean_profile);
    assert!(korean_profile.chars().any(|c| ('가'..='힣').contains(&c)));
}

#[wasm_bindgen_test]
async fn invalid_url_values_show_a_notice_and_fall_back() {
    let m = mount("?lang=en&sel=NOWHERE&theme=plaid");
    painted().await; // parts below the map start after the first frame
    let notice = m.text("[data-testid=url-notice]");
    assert!(notice.contains("NOWHERE") && notice.contains("plaid"), "notice was {notice:?}");
    assert!(m.q("[data-testid=profile]").is_none());
    let url = search().await;
    assert!(!url.contains("NOWHERE"), "invalid value left in the URL: {url}");
    m.click(".notice-dismiss");
    tick().await;
    assert!(m.q("[data-testid=url-notice]").is_none());
}

#[wasm_bindgen_test]
async fn back_and_forward_restore_the_selection() {
    let m = mount("?lang=en");
    painted().await; // parts below the map start after the first frame
    m.click("button.jurisdiction[data-id=JP]");
    tick().await;
    m.click("button.jurisdiction[data-id=CN]");
    assert!(search().await.contains("sel=CN"));
    assert_eq!(m.text("#profile-heading"), "People's Republic of China");
    window().history().expect("history").back().expect("back");
    tick().await;
    tick().await;
    assert_eq!(m.text("#profile-heading"), "Japan");
    window().history().expect("history").forward().expect("forward");
    tick().await;
    tick().await;
    assert_eq!(m.text("#profile-heading"), "People's Republic of China");
}

// ---------------------------------------------------------------- the world map (issue 4)
// The map component is also tested on its own, with a bare AppState.

use ai_strategy_atlas::components::atlas_map::AtlasMap;
use ai_strategy_atlas::model::Lang;
use ai_strategy_atlas::state::AppState;
use leptos::prelude::*;

fn mount_map(query: &str) -> Mounted {
    let root: HtmlElement = document().create_element("div").expect("div").dyn_into().expect("HtmlElement");
    document().body().expect("body").append_child(&root).expect("append");
    let query = query.to_string();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(AppState::new(&query, Lang::En));
        view! { <AtlasMap/> }.into_any()
    });
    Mounted { root, _handle: handle }
}

fn fire(el: &Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict(kind, &init).expect("event");
    el.dispatch_event(&ev).expect("dispatch");
}

fn key(el: &Element, k: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(k);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("keydown");
    el.dispatch_event(&ev).expect("dispatch");
}

fn set_value(el: &Element, v: &str) {
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        i.set_value(v);
    } else if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        s.set_value(v);
    }
}

fn attr(m: &Mounted, sel: &str, name: &str) -> String {
    m.q(sel).and_then(|e| e.get_attribute(name)).unwrap_or_default()
}

/// The class a unit's colour has on the layer shown (its element in the overlay marked `on`), or "" for none.
fn shown(m: &Mounted, code: &str) -> String {
    assert_eq!(m.all(".map-ov.on").len(), 1, "one layer's colours show");
    attr(m, &format!(".map-ov.on [data-u=\"{code}\"]"), "class")
}

/// Picks a layer in the radio group, as a click does (checks it, then `change` bubbles).
fn choose_layer(m: &Mounted, key: &str) {
    let radio = m.q(&format!("#map-layer-{key}")).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()).expect("layer radio");
    radio.set_checked(true);
    fire(&radio, "change");
}

/// Waits for the microtasks queued so far (the effects' first runs), not for a frame.
async fn microtasks() {
    JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL)).await.expect("resolved");
}

#[wasm_bindgen_test]
async fn the_first_frame_colours_the_shapes_themselves_then_the_land_and_the_layer_go_under_them() {
    let m = mount_map("?zoom=europe&sel=KR");
    microtasks().await;
    // The first frame: the controls, and the shapes coloured by their own classes, at the address's view; the
    // land's path and the layer's colours under them are still empty.
    let europe = ai_strategy_atlas::viewport::Viewport::parse("europe").expect("preset").view_box(1000.0, 438.0);
    assert_eq!(attr(&m, "#map-svg", "viewBox"), europe);
    assert_eq!(attr(&m, "#m-KR", "class"), "k0");
    assert_eq!(attr(&m, "#m-NO", "class"), "kn", "no data");
    assert_eq!(attr(&m, "#m-EU circle", "class"), "k0", "the EU's badge");
    assert!(m.q("#map-land").expect("land").get_attribute("d").is_none());
    assert_eq!(m.all("#map-ov-law [data-u]").len(), 0);
    assert!(m.q("#map-layer-law").is_some(), "the layer controls are drawn");
    // The task after the frame: the land and the layer's colours under the shapes, which turn transparent; the
    // view, the selection's outline and the zoom buttons follow the address.
    painted().await;
    assert_eq!(m.all("#map-svg [class^=k]").len(), 0, "no shape carries a colour of its own any more");
    assert!(attr(&m, "#map-land", "d").len() > 10_000);
    assert_eq!(shown(&m, "KR"), "k0");
    assert_eq!(shown(&m, "NO"), "", "no data: the land under it shows");
    assert_eq!(attr(&m, "#map-base", "viewBox"), europe);
    assert!(attr(&m, "#map-sel", "d").starts_with('M'), "the selection's outline");
    assert_eq!(attr(&m, "[data-zoom=europe]", "aria-pressed"), "true");
    assert!(attr(&m, "#map-svg", "class").contains("zoomed"));
}

#[wasm_bindgen_test]
async fn the_map_draws_every_state_with_its_category_and_name() {
    let m = mount_map("");
    painted().await; // parts below the map start after the first frame
    assert!(m.all("#map-svg [data-a2]").len() >= 200);
    // The colours are the law layer's overlay, under the map's own shapes, which stay transparent.
    assert_eq!(attr(&m, ".map-ov.on", "id"), "map-ov-law");
    assert_eq!(shown(&m, "KR"), "k0");
    assert_eq!(m.all("#map-svg [data-a2][class]").len(), 0, "the map's own shapes carry no colour");
    // The names follow the colours once the frame has painted.
    painted().await;
    assert_eq!(attr(&m, "#m-KR", "aria-label"), "South Korea: Binding AI law in force since 22 Jan 2026");
    assert_eq!(attr(&m, "#m-KR", "role"), "graphics-symbol");
    assert!(attr(&m, "#m-LT", "aria-label").ends_with("through the EU"));
    // "No data" is the law layer's base look: Norway shows the land under it, painted as no data, while a state
    // with "none recorded" carries its own class.
    assert_eq!(shown(&m, "NO"), "", "no data");
    assert_eq!(attr(&m, "#map-base g", "class"), "kn");
    assert_eq!(attr(&m, "#map-base-z", "class"), "map-base map-base-z", "the no-data land shows");
    assert!(m.all(".map-ov.on path.kz").len() >= 5, "none recorded");
    assert_eq!(shown(&m, "SG"), "kz", "a dot has no land under it and always has a colour");
    assert_eq!(m.all("#map-svg [tabindex=\"0\"]").len(), 1, "one tab stop");
    assert!(m.text("[data-testid=legend]").contains("No data"));
    assert!(attr(&m, "#map-svg", "aria-label").starts_with("World map — Status of AI law, 22 Nov 2026"));
}

#[wasm_bindgen_test]
async fn layer_and_date_controls_recolour_the_map() {
    let m = mount_map("");
    painted().await; // parts below the map start after the first frame
    choose_layer(&m, "laws");
    tick().await;
    assert_eq!(attr(&m, ".map-ov.on", "id"), "map-ov-laws");
    assert_eq!(shown(&m, "AT"), "k0", "Austria supports a ban");
    assert_eq!(shown(&m, "US"), "k2", "the US opposes");
    assert_eq!(shown(&m, "JP"), "", "Japan is not in the table: the no-data land shows");
    // A layer that covers every state has "not a signatory" as its base: that land fades in (by its own class: one
    // on the frame would restyle every shape in it), and only the signatories carry a class (a switch rewrites a
    // few dozen shapes, not 200).
    choose_layer(&m, "coe");
    tick().await;
    assert_eq!(attr(&m, "#map-base-z", "class"), "map-base map-base-z on");
    assert_eq!(attr(&m, "#atlas-map-frame", "class"), "map-frame");
    assert_eq!(shown(&m, "GB"), "k0", "the UK signed the convention");
    assert_eq!(shown(&m, "CN"), "", "China did not: the land shows");
    let classed = m.all("#map-ov-coe path[class]").len();
    assert!((5..60).contains(&classed), "{classed} shapes carry a colour");
    assert_eq!(attr(&m, "#map-ov-laws", "class"), "map-base map-ov", "the previous layer's colours are hidden");
    choose_layer(&m, "law");
    painted().await;
    // A layer switch is announced.
    assert_eq!(m.text("[data-testid=map-announcer]"), "Status of AI law · 22 Nov 2026");
    let slider = m.q("#map-date").expect("date slider");
    set_value(&slider, &((2025 - 2017) * 12 + 5).to_string());
    fire(&slider, "input");
    tick().await;
    assert_eq!(m.text("#map-date-out"), "30 Jun 2025");
    assert_eq!(shown(&m, "KR"), "k1", "adopted, not yet in force");
    painted().await;
    // The slider's own value text says the date; the live region does not say it again.
    assert_eq!(attr(&m, "#map-date", "aria-valuetext"), "30 Jun 2025");
    assert_eq!(m.text("[data-testid=map-announcer]"), "Status of AI law · 22 Nov 2026");
    // A date set from elsewhere (the player, a timeline milestone, the history) is announced.
    m.q("#map-play").and_then(|e| e.dyn_into::<HtmlElement>().ok()).expect("play button").click();
    for _ in 0..20 {
        painted().await;
        if !m.text("[data-testid=map-announcer]").contains("22 Nov 2026") {
            break;
        }
    }
    m.q("#map-play").and_then(|e| e.dyn_into::<HtmlElement>().ok()).expect("pause button").click();
    let said = m.text("[data-testid=map-announcer]");
    assert!(said.starts_with("Status of AI law · ") && !said.ends_with("22 Nov 2026"), "{said}");
}

#[wasm_bindgen_test]
async fn hidden_layers_follow_the_date_and_a_switch_shows_the_date_drawn() {
    let m = mount_map("");
    painted().await;
    // Korea's law was in force at the data's date; on 30 Jun 2025 it was adopted, not yet in force.
    let june_2025 = ((2025 - 2017) * 12 + 5).to_string();
    choose_layer(&m, "coe");
    let slider = m.q("#map-date").expect("date slider");
    set_value(&slider, &june_2025);
    fire(&slider, "input");
    tick().await;
    assert_eq!(attr(&m, "#map-ov-law [data-u=\"KR\"]", "class"), "k0", "the hidden law layer still shows the last date");
    // Switched back at once (before the hidden layers caught up), the law layer is brought to the date first.
    choose_layer(&m, "law");
    tick().await;
    assert_eq!(shown(&m, "KR"), "k1");
    // Left alone, the hidden layers follow the date a moment after it stops changing.
    choose_layer(&m, "coe");
    set_value(&slider, &(ai_strategy_atlas::layers::months() - 2).to_string());
    fire(&slider, "input");
    tick().await;
    assert_eq!(attr(&m, "#map-ov-law [data-u=\"KR\"]", "class"), "k1", "not yet: the date just changed");
    for _ in 0..12 {
        painted().await;
    }
    assert_eq!(attr(&m, "#map-ov-law [data-u=\"KR\"]", "class"), "k0", "followed while hidden");
    assert_eq!(attr(&m, ".map-ov.on", "id"), "map-ov-coe");
    assert!(m.all("#map-ov-gpai path[class]").len() >= 5, "every layer is drawn, shown or not");
}

#[wasm_bindgen_test]
async fn the_map_is_one_tab_stop_and_arrows_move_between_countries() {
    let m = mount_map("?sel=KR");
    painted().await; // parts below the map start after the first frame
    let stop = m.q("#map-svg [tabindex=\"0\"]").expect("a tab stop");
    assert_eq!(stop.id(), "m-KR", "the selection holds the tab stop");
    stop.dyn_ref::<web_sys::SvgElement>().expect("svg element").focus().expect("focus");
    key(&stop, "ArrowRight");
    tick().await;
    let now = document().active_element().expect("focused element");
    assert_eq!(now.id(), "m-JP", "Japan is east of Korea");
    assert_eq!(now.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(m.all("#map-svg [tabindex=\"0\"]").len(), 1);
    key(&now, "Enter");
    tick().await;
    assert!(!attr(&m, "#map-sel", "d").is_empty(), "Japan is selected and outlined");
    key(&now, "Escape");
    tick().await;
    assert!(attr(&m, "#map-sel", "d").is_empty(), "Esc clears the selection");
}

#[wasm_bindgen_test]
async fn zoom_presets_and_search_move_the_view() {
    let m = mount_map("");
    painted().await; // parts below the map start after the first frame
    assert_eq!(attr(&m, "#map-svg", "viewBox"), "0.0 0.0 1000.0 438.0");
    m.q("[data-zoom=europe]").and_then(|e| e.dyn_into::<HtmlElement>().ok()).expect("Europe button").click();
    tick().await;
    assert_eq!(attr(&m, "[data-zoom=europe]", "aria-pressed"), "true");
    // The step moves the drawn map (the shapes, the land, each layer's colours) by a transform...
    assert_eq!(attr(&m, "#map-svg", "viewBox"), "0.0 0.0 1000.0 438.0", "not redrawn at once");
    for sel in ["#map-svg", "#map-base", "#map-ov-law", "#map-ov-gpai"] {
        assert!(attr(&m, sel, "style").contains("scale(4)"), "{sel} moves with the map: {}", attr(&m, sel, "style"));
    }
    assert!(!attr(&m, "#map-svg", "class").contains("zoomed"), "drags still scroll the page until the view rests");
    // ...and the map is redrawn at the view once it rests.
    sleep(400).await;
    let europe = ai_strategy_atlas::viewport::Viewport::parse("europe").expect("preset").view_box(1000.0, 438.0);
    for sel in ["#map-svg", "#map-base", "#map-ov-law", "#map-ov-gpai"] {
        assert_eq!(attr(&m, sel, "viewBox"), europe, "{sel}");
        assert!(!attr(&m, sel, "style").contains("transform"), "{sel}: no transform left");
    }
    assert!(attr(&m, "#map-svg", "class").contains("zoomed"));
    let search = m.q("#map-search").expect("search box");
    set_value(&search, "싱가포르");
    fire(&search, "change");
    tick().await;
    assert!(attr(&m, "#map-sel", "d").contains('a'), "Singapore's dot is outlined");
    set_value(&search, "Atlantis");
    fire(&search, "change");
    tick().await;
    assert_eq!(m.text("#map-search-msg"), "No country by that name.");
}
