//! Component tests in real browsers (headless Chromium and Firefox, via wasm-bindgen-test-runner): the whole `App`
//! is mounted into the test page and driven through the DOM, as a user would.
#![cfg(target_arch = "wasm32")]

use ai_strategy_atlas::App;
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
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20).expect("setTimeout");
    });
    JsFuture::from(promise).await.expect("timer");
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

fn search() -> String {
    window().location().search().expect("search")
}

#[wasm_bindgen_test]
async fn lists_the_five_core_jurisdictions_in_order() {
    let m = mount("?lang=en");
    tick().await;
    let ids: Vec<String> = m.all("button.jurisdiction").iter().filter_map(|b| b.get_attribute("data-id")).collect();
    assert_eq!(ids, ["EU", "US", "JP", "CN", "KR"]);
    assert!(m.all("button.jurisdiction").iter().all(|b| b.get_attribute("aria-pressed").as_deref() == Some("false")));
    assert!(m.q("[data-testid=profile]").is_none());
}

#[wasm_bindgen_test]
async fn selecting_shows_the_profile_and_updates_the_url() {
    let m = mount("?lang=en");
    tick().await;
    m.click("button.jurisdiction[data-id=KR]");
    tick().await;
    assert_eq!(m.text("#profile-heading"), "Republic of Korea");
    assert!(!m.text("[data-testid=profile-summary]").trim().is_empty());
    assert_eq!(m.q("button.jurisdiction[data-id=KR]").and_then(|b| b.get_attribute("aria-pressed")).as_deref(), Some("true"));
    assert!(search().contains("sel=KR"), "URL was {}", search());
    m.click("button.jurisdiction[data-id=KR]");
    tick().await;
    assert!(m.q("[data-testid=profile]").is_none());
    assert!(!search().contains("sel="));
}

#[wasm_bindgen_test]
async fn language_switch_translates_and_sets_html_lang() {
    let m = mount("?lang=en&sel=EU");
    tick().await;
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
    tick().await;
    let notice = m.text("[data-testid=url-notice]");
    assert!(notice.contains("NOWHERE") && notice.contains("plaid"), "notice was {notice:?}");
    assert!(m.q("[data-testid=profile]").is_none());
    assert!(!search().contains("NOWHERE"), "invalid value left in the URL: {}", search());
    m.click(".notice-dismiss");
    tick().await;
    assert!(m.q("[data-testid=url-notice]").is_none());
}

#[wasm_bindgen_test]
async fn back_and_forward_restore_the_selection() {
    let m = mount("?lang=en");
    tick().await;
    m.click("button.jurisdiction[data-id=JP]");
    tick().await;
    m.click("button.jurisdiction[data-id=CN]");
    tick().await;
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
