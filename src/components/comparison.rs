//! The compare view: two to five jurisdictions side by side, every cell sourced ([`crate::compare_html`]).

use super::{effect_later, use_state};
use crate::compare_html;
use crate::i18n::{t, Msg};
use crate::model::Lang;
use crate::url::{Page, View};
use crate::{data, web};
use leptos::prelude::*;

/// The choice of jurisdictions, the "only rows that differ" switch and the table. Hidden (and not rendered) while
/// another view is shown. The controls are rendered once per language and then only ticked and disabled in place,
/// so keyboard focus survives a change; the table is rendered anew. A column's name opens that profile on the map
/// view.
#[component]
pub fn Comparison() -> impl IntoView {
    let state = use_state();
    let (lang, page, sel) = (state.lang, state.page, state.sel);
    // What it drew last (`None` until first shown).
    let mut drawn: Option<(Lang, Page)> = None;
    effect_later(move |first| {
        let (l, p) = (lang.get(), page.get());
        if first {
            web::listen("compare", &["change", "click"], move |e| {
                let kind = web::event_type(&e);
                if kind == "change" && web::target_id(&e) == "compare-diff" {
                    page.update(|p| p.only_diff = !p.only_diff);
                } else if kind == "change" {
                    let Some(a) =
                        web::closest_attr(&e, "input[name=cmp]", "value").and_then(|id| data::comparable(&id))
                    else {
                        return;
                    };
                    page.update(|p| p.picks = p.picks.toggle(a.id));
                } else if let Some(a) =
                    web::closest_attr(&e, "button[data-open]", "data-open").and_then(|id| data::actor(&id))
                {
                    sel.set(Some(a.id));
                    page.update(|p| p.view = View::Map);
                    // The button is hidden with this view: focus goes to the profile it opened (and scrolls to it).
                    web::after_next_frame(|| web::focus("profile-heading"));
                }
            });
        }
        let shown = p.view == View::Compare;
        web::set_attr_by_id("compare", "hidden", (!shown).then_some(""));
        if !shown || drawn == Some((l, p)) {
            return;
        }
        if drawn.map(|d| d.0) != Some(l) {
            web::set_html("compare-controls", &compare_html::controls(&p.picks, p.only_diff, l));
            web::set_attr_by_id("compare-scroll", "aria-label", Some(t(Msg::CompareCaption, l)));
        } else {
            for n in web::query_all("compare-controls", "input[name=cmp]") {
                let (on, off) = compare_html::choice(&p.picks, &n.attr("value").unwrap_or_default());
                n.check(on);
                n.set("disabled", off.then_some(""));
            }
            for n in web::query_all("compare-controls", "#compare-diff") {
                n.check(p.only_diff);
            }
        }
        if drawn.map(|d| (d.0, d.1.picks)) != Some((l, p.picks)) {
            web::set_html("compare-spectrum", &compare_html::spectrum(&p.picks, l));
        }
        web::set_html("compare-scroll", &compare_html::table(&p.picks, p.only_diff, l));
        drawn = Some((l, p));
    });
    view! {
        <section id="compare" class="compare" aria-labelledby="compare-heading" hidden>
            <div id="compare-controls"></div>
            <div id="compare-spectrum"></div>
            <div id="compare-scroll" class="compare-scroll" role="region" tabindex="0"></div>
        </section>
    }
}
