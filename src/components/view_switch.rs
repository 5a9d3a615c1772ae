//! The switch between the atlas's views: the map with the profiles, the compare view and the timeline.

use super::{effect, use_state};
use crate::i18n::{t, Msg};
use crate::model::Lang;
use crate::url::View;
use crate::{html, web};
use leptos::prelude::*;

/// A toggle button per view; the pressed one is shown (and the map view hidden when another is). The buttons
/// ([`html::views`]) are re-rendered only when the language changes; a switch only updates `aria-pressed`, so focus
/// stays on the button.
#[component]
pub fn ViewSwitch() -> impl IntoView {
    let state = use_state();
    let (lang, page) = (state.lang, state.page);
    let mut drawn: Option<Lang> = None;
    effect(move |first| {
        let l = lang.get();
        if first {
            web::listen("views", &["click"], move |e| {
                if let Some(v) =
                    web::closest_attr(&e, "button[data-view]", "data-view").and_then(|k| View::from_key(&k))
                {
                    page.update(|p| p.view = v);
                }
            });
        }
        if drawn.replace(l) != Some(l) {
            web::set_html("views", &html::views(l));
            web::set_attr_by_id("views", "aria-label", Some(t(Msg::ViewsLabel, l)));
        }
        let v = page.get().view;
        // One view at a time: the compare and timeline views hide themselves; the map view is hidden here.
        web::set_attr_by_id("view-map", "hidden", (v != View::Map).then_some(""));
        for n in web::query_all("views", "button[data-view]") {
            n.set("aria-pressed", Some(if n.attr("data-view").as_deref() == Some(v.key()) { "true" } else { "false" }));
        }
    });
    view! { <nav class="views" id="views"></nav> }
}
