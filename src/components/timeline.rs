//! The timeline view: milestones from 2017 to the data's date, filtered by jurisdiction and type, each one able to
//! move the world map to its month ([`crate::timeline_html`]).

use super::{effect_later, use_state};
use crate::model::{EventKind, Lang};
use crate::url::{MapView, Page, View};
use crate::{data, layers, timeline_html, web};
use leptos::prelude::*;

/// Two filters and the list. Hidden (and not rendered) while another view is shown. The filters are rendered once
/// per language and then only set in place, so keyboard focus survives a change; the list is rendered anew. A
/// milestone's map button sets the map's date to that month and shows the map view, with focus on its date slider.
#[component]
pub fn Timeline() -> impl IntoView {
    let state = use_state();
    let (lang, page, map) = (state.lang, state.page, state.map);
    // What it drew last (`None` until first shown).
    let mut drawn: Option<(Lang, Page)> = None;
    effect_later(move |first| {
        let (l, p) = (lang.get(), page.get());
        if first {
            web::listen("timeline", &["change", "click"], move |e| {
                let id = web::target_id(&e);
                if web::event_type(&e) == "change" {
                    let v = web::event_value(&e);
                    match id.as_str() {
                        "timeline-who" => page.update(|p| p.who = data::actor(&v).map(|a| a.id)),
                        "timeline-kind" => page.update(|p| p.kind = EventKind::from_key(&v)),
                        _ => {}
                    }
                } else if let Some(m) = web::closest_attr(&e, "button[data-month]", "data-month") {
                    let Ok(month) = m.parse::<u16>() else { return };
                    map.update(|v| *v = MapView { month: month.min(layers::months()), ..*v });
                    page.update(|p| p.view = View::Map);
                    // Once the map view is shown (effects run after this handler).
                    web::after_next_frame(|| web::focus("map-date"));
                }
            });
        }
        let shown = p.view == View::Timeline;
        web::set_attr_by_id("timeline", "hidden", (!shown).then_some(""));
        let same = |d: &Page| (d.who, d.kind) == (p.who, p.kind);
        if !shown || drawn.is_some_and(|(dl, dp)| dl == l && same(&dp)) {
            return;
        }
        if drawn.map(|d| d.0) != Some(l) {
            web::set_html("timeline-controls", &timeline_html::controls(p.who, p.kind, l));
        } else {
            web::set_value("timeline-who", p.who.unwrap_or(""));
            web::set_value("timeline-kind", p.kind.map_or("", |k| k.key()));
        }
        web::set_html("timeline-list", &timeline_html::list(p.who, p.kind, l));
        drawn = Some((l, p));
    });
    view! {
        <section id="timeline" class="timeline" aria-labelledby="timeline-heading" hidden>
            <div id="timeline-controls"></div>
            <div id="timeline-list"></div>
        </section>
    }
}
