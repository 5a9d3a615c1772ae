//! The map section: controls, the world map, its legend, its table and a live region.
//!
//! Not mounted in the page yet: with it the first load is ~208 KB gzip, over the 150 KB budget (README, "The map
//! (work in progress)"). It is exercised by the component tests in `tests/web.rs`.
//!
//! Built for size and speed: the markup comes from pure functions ([`map_html`]) as strings, the SVG is drawn once,
//! and effects only change attributes, values and small text where the state changed. Events are handled by one
//! delegated listener per kind on the section. Pointer: hover for a tooltip, click or tap to select, wheel or pinch
//! to zoom, drag to pan. Keyboard: the map is one tab stop (a roving `tabindex` over the units with data); arrows
//! move between them by direction, Enter selects, Esc clears, `+`/`-` zoom, Shift+arrows pan.

use super::use_state;
use crate::i18n::{self, mt, MapMsg};
use crate::layers::{self, Layer, Unit};
use crate::map_html;
use crate::viewport::{Direction, Viewport};
use crate::{geo, web};
use leptos::ev;
use leptos::prelude::*;

/// Where pointers are while pressed (drag to pan, two-finger pinch), and how far they moved (a click after a drag
/// is not a selection).
#[derive(Default, Clone)]
struct Gesture {
    pointers: Vec<(i32, f64, f64)>,
    moved: f64,
}

fn slot(u: Unit) -> usize {
    match u {
        Unit::Country(i) => i as usize,
        Unit::Eu => crate::data::COUNTRIES.len(),
    }
}

/// The map's own state. (It joins [`crate::state::AppState`] and the URL's write-back when the map is mounted in
/// the page; until then it is read from the URL once.)
#[derive(Clone, Copy)]
struct MapState {
    lang: RwSignal<crate::model::Lang>,
    sel: RwSignal<Option<&'static str>>,
    layer: RwSignal<Layer>,
    month: RwSignal<u16>,
    zoom: RwSignal<Viewport>,
}

impl MapState {
    fn new(app: crate::state::AppState) -> MapState {
        let (m, _) = crate::url::parse_map(&web::location_search());
        MapState {
            lang: app.lang,
            sel: app.sel,
            layer: RwSignal::new(m.layer.unwrap_or(layers::DEFAULT_LAYER)),
            month: RwSignal::new(m.month.unwrap_or(layers::months())),
            zoom: RwSignal::new(m.zoom.unwrap_or(Viewport::WORLD)),
        }
    }
}

/// Everything of the map, in reading order.
#[component]
pub fn AtlasMap() -> impl IntoView {
    let app = use_state();
    let state = MapState::new(app);
    let world = geo::world();
    let (w, h) = (world.width as f32, world.height as f32);
    let hover = RwSignal::new(None::<Unit>);
    let playing = RwSignal::new(None::<i32>);
    let cursor = StoredValue::new(None::<Unit>);
    let gesture = StoredValue::new(Gesture::default());
    // Last category and label written per unit (and the layer they were for), so updates touch only changes.
    let written = StoredValue::new((None::<Layer>, Vec::<(Option<u8>, String)>::new()));
    let selected = Memo::new(move |_| state.sel.get().and_then(Unit::from_code));
    let date = Memo::new(move |_| layers::date_at(state.month.get()));

    // Controls: rendered per language (focus is on the language switch then).
    Effect::new(move |_| {
        let l = state.lang.get();
        web::set_html("map-top", &map_html::controls_top(state.layer.get_untracked(), state.month.get_untracked(), l));
        web::set_html("map-bottom", &map_html::controls_bottom(l));
        web::set_html("map-table-sum", mt(MapMsg::TableSummary, l));
    });
    // Shapes: class, label and tab stop; legend, read-outs, live region and (if open) the table.
    Effect::new(move |_| {
        let (layer, lang, date) = (state.layer.get(), state.lang.get(), date.get());
        let (last, mut w) = written.get_value();
        w.resize(crate::data::COUNTRIES.len() + 1, (Some(255), String::new()));
        let nodes = web::query_all("map-svg", "[data-a2]");
        let units: Vec<Option<Unit>> = nodes.iter().map(|n| n.attr("data-a2").and_then(|c| Unit::from_code(&c))).collect();
        let mut cats = vec![None; w.len()];
        for (el, u) in nodes.iter().zip(&units) {
            let Some(u) = *u else { continue };
            let f = layers::fact(layer, u, date);
            cats[slot(u)] = f.cat;
            let label = map_html::describe(layer, u, &f, lang);
            let s = &mut w[slot(u)];
            if s.0 != f.cat || last != Some(layer) {
                el.set("class", Some(&map_html::class(layer, f.cat)));
                el.set("role", Some("graphics-symbol"));
                s.0 = f.cat;
            }
            if s.1 != label {
                el.set("aria-label", Some(&label));
                s.1 = label;
            }
        }
        // The tab stop stays where it was if that unit still has data; else the selection; else the first.
        let has = |u: &Unit| w[slot(*u)].0.is_some();
        let stop = cursor.get_value().filter(has).or(selected.get_untracked().filter(has)).or_else(|| units.iter().flatten().copied().find(has));
        for (el, u) in nodes.iter().zip(&units) {
            let Some(u) = *u else { continue };
            let tab = if Some(u) == stop { Some("0") } else { w[slot(u)].0.map(|_| "-1") };
            if el.attr("tabindex").as_deref() != tab {
                el.set("tabindex", tab);
            }
        }
        cursor.set_value(stop);
        written.set_value((Some(layer), w));
        let counts = layers::counts(layer, &cats);
        web::set_html("map-legend", &map_html::legend(layer, &counts, lang));
        let shown = date.display(lang);
        web::set_value("map-layer", layer.key());
        web::set_value("map-date", &state.month.get().to_string());
        web::set_attr_by_id("map-date", "aria-valuetext", Some(&shown));
        web::set_text("map-date-out", &shown);
        let title = format!("{} — {}, {}", mt(MapMsg::MapHeading, lang), i18n::layer(layer).get(lang), shown);
        web::set_attr_by_id("map-svg", "aria-label", Some(&title));
        web::set_text("map-announcer", &format!("{} · {}", i18n::layer(layer).get(lang), shown));
        if web::is_open("map-table-wrap") {
            web::set_html("map-table", &map_html::table(layer, date, lang));
        }
    });
    Effect::new(move |_| {
        let v = state.zoom.get();
        state.lang.track();
        web::set_attr_by_id("map-svg", "viewBox", Some(&v.view_box(w, h)));
        // Zoomed in, one-finger drags pan the map; at world view they scroll the page.
        web::set_attr_by_id("map-svg", "class", Some(if v.k > 1.0 { "map-svg zoomed" } else { "map-svg" }));
        for n in web::query_all("map-bottom", "[data-zoom]") {
            let on = n.attr("data-zoom").and_then(|k| Viewport::parse(&k)) == Some(v);
            n.set("aria-pressed", Some(if on { "true" } else { "false" }));
        }
        for n in web::query_all("map-bottom", "[data-step=out]") {
            n.set("disabled", (v.k <= 1.0).then_some(""));
        }
    });
    Effect::new(move |_| web::set_attr_by_id("map-sel", "d", Some(&selected.get().map(map_html::outline).unwrap_or_default())));
    Effect::new(move |_| {
        let u = hover.get();
        web::set_attr_by_id("map-hover", "d", Some(&u.map(map_html::outline).unwrap_or_default()));
        web::set_attr_by_id("map-tip", "hidden", u.is_none().then_some(""));
        if let Some(u) = u {
            let layer = state.layer.get();
            web::set_text("map-tip", &map_html::describe(layer, u, &layers::fact(layer, u, date.get()), state.lang.get()));
        }
    });
    Effect::new(move |_| {
        state.lang.track();
        let on = playing.get().is_some();
        web::set_attr_by_id("map-play", "aria-pressed", Some(if on { "true" } else { "false" }));
        web::set_text("map-play", mt(if on { MapMsg::Pause } else { MapMsg::Play }, state.lang.get_untracked()));
    });

    let select = move |u: Unit| state.sel.set(Some(u.code()));
    let stop_playing = move || {
        if let Some(id) = playing.get_untracked() {
            web::clear_interval(id);
        }
        playing.set(None);
    };
    let toggle_play = move || {
        if playing.get_untracked().is_some() {
            return stop_playing();
        }
        let step = if web::reduced_motion() { 12 } else { 1 };
        if state.month.get_untracked() >= layers::months() {
            state.month.set(0);
        }
        playing.set(web::set_interval(400, move || {
            let m = state.month.get_untracked();
            if m >= layers::months() {
                stop_playing();
            } else {
                state.month.set((m + step).min(layers::months()));
            }
        }));
    };
    // Screen position (relative to the frame) of a map point, for the tooltip.
    let place_tip = move |x: f32, y: f32| {
        let (Some((l, t, rw, rh)), Some((fl, ft, _, _))) = (web::rect("map-svg"), web::rect("atlas-map-frame")) else { return };
        let v = state.zoom.get_untracked();
        let (vw, vh) = (w / v.k, h / v.k);
        let s = (rw as f32 / vw).min(rh as f32 / vh);
        let sx = (x - (v.cx - vw / 2.0)) * s + (rw as f32 - vw * s) / 2.0 + (l - fl) as f32;
        let sy = (y - (v.cy - vh / 2.0)) * s + (rh as f32 - vh * s) / 2.0 + (t - ft) as f32;
        web::set_style("map-tip", "left", &format!("{}px", sx as i32));
        web::set_style("map-tip", "top", &format!("{}px", sy as i32));
    };
    // Client point → map units, through the current view box (`meet`: uniform scale, centred).
    let to_map = move |x: f64, y: f64| -> Option<(f32, f32)> {
        let (l, t, rw, rh) = web::rect("map-svg")?;
        let v = state.zoom.get_untracked();
        let (vw, vh) = (w / v.k, h / v.k);
        let s = (rw as f32 / vw).min(rh as f32 / vh);
        let (ox, oy) = ((rw as f32 - vw * s) / 2.0, (rh as f32 - vh * s) / 2.0);
        Some((v.cx - vw / 2.0 + (x - l) as f32 / s - ox / s, v.cy - vh / 2.0 + (y - t) as f32 / s - oy / s))
    };
    // Moves the tab stop and focus to `u`, panning to keep it on screen.
    let move_to = move |u: Unit| {
        if let Some(prev) = cursor.get_value() {
            web::set_attr_by_id(&map_html::element_id(prev), "tabindex", Some("-1"));
        }
        cursor.set_value(Some(u));
        let id = map_html::element_id(u);
        web::set_attr_by_id(&id, "tabindex", Some("0"));
        if let Some((x, y)) = map_html::point(u) {
            let v = state.zoom.get_untracked();
            if (x - v.cx).abs() > w / 2.0 / v.k * 0.85 || (y - v.cy).abs() > h / 2.0 / v.k * 0.85 {
                state.zoom.set(Viewport { cx: x, cy: y, k: v.k }.clamp(w, h));
            }
        }
        web::focus(&id);
    };

    let on_click = move |e: ev::MouseEvent| {
        if let Some(key) = web::closest_attr(&e, "[data-zoom]", "data-zoom") {
            if let Some(v) = Viewport::parse(&key) {
                state.zoom.set(v);
            }
        } else if let Some(step) = web::closest_attr(&e, "[data-step]", "data-step") {
            let v = state.zoom.get_untracked();
            state.zoom.set(v.zoom_at(v.cx, v.cy, if step == "in" { 1.5 } else { 1.0 / 1.5 }, w, h));
        } else if web::target_id(&e) == "map-play" {
            toggle_play();
        } else if web::closest_attr(&e, "summary", "id").as_deref() == Some("map-table-sum") && !web::is_open("map-table-wrap") {
            web::set_html("map-table", &map_html::table(state.layer.get_untracked(), date.get_untracked(), state.lang.get_untracked()));
        } else if gesture.get_value().moved <= 6.0 {
            if let Some(u) = web::closest_attr(&e, "#map-svg [data-a2]", "data-a2").and_then(|c| Unit::from_code(&c)) {
                select(u);
            }
        }
    };
    let on_input = move |e: ev::Event| {
        if web::target_id(&e) == "map-date" {
            if let Ok(m) = web::event_value(&e).parse::<u16>() {
                state.month.set(m.min(layers::months()));
            }
        }
    };
    let on_change = move |e: ev::Event| match web::target_id(&e).as_str() {
        "map-layer" => {
            if let Some(l) = Layer::from_key(&web::event_value(&e)) {
                state.layer.set(l);
            }
        }
        "map-search" => {
            let q = web::event_value(&e);
            let found = map_html::find(&q);
            let lang = state.lang.get_untracked();
            web::set_text("map-search-msg", if found.is_none() && !q.trim().is_empty() { mt(MapMsg::SearchNone, lang) } else { "" });
            if let Some(u) = found {
                select(u);
                if let Some((x, y)) = map_html::point(u) {
                    let k = state.zoom.get_untracked().k.max(3.0);
                    state.zoom.set(Viewport { cx: x, cy: y, k }.clamp(w, h));
                }
            }
        }
        _ => {}
    };
    let on_key = move |e: ev::KeyboardEvent| {
        if web::closest_attr(&e, "#map-svg", "id").is_none() {
            return;
        }
        let Some((key, shift)) = web::key(&e) else { return };
        let v = state.zoom.get_untracked();
        let dir = match key.as_str() {
            "ArrowLeft" => Some(Direction::Left),
            "ArrowRight" => Some(Direction::Right),
            "ArrowUp" => Some(Direction::Up),
            "ArrowDown" => Some(Direction::Down),
            _ => None,
        };
        match (key.as_str(), dir) {
            (_, Some(d)) if shift => {
                let (dx, dy) = d.vector();
                state.zoom.set(v.pan(dx * 60.0 / v.k, dy * 60.0 / v.k, w, h));
            }
            (_, Some(d)) => {
                let from = cursor.get_value();
                let here = from.and_then(map_html::point).unwrap_or((v.cx, v.cy));
                let (layer, date) = (state.layer.get_untracked(), date.get_untracked());
                let candidates = layers::units()
                    .filter(|u| Some(*u) != from && layers::fact(layer, *u, date).cat.is_some())
                    .filter_map(|u| map_html::point(u).map(|p| (u, p)));
                if let Some(next) = crate::viewport::nearest(here, d, candidates) {
                    move_to(next);
                }
            }
            ("Enter" | " ", _) => {
                if let Some(u) = cursor.get_value() {
                    select(u);
                }
            }
            ("Escape", _) => state.sel.set(None),
            ("+" | "=", _) => {
                let (x, y) = cursor.get_value().and_then(map_html::point).unwrap_or((v.cx, v.cy));
                state.zoom.set(v.zoom_at(x, y, 1.5, w, h));
            }
            ("-" | "_", _) => state.zoom.set(v.zoom_at(v.cx, v.cy, 1.0 / 1.5, w, h)),
            _ => return,
        }
        web::prevent_default(&e);
    };
    let on_wheel = move |e: ev::WheelEvent| {
        let (Some(dy), Some((x, y))) = (web::wheel_dy(&e), web::pointer_xy(&e)) else { return };
        let Some((fx, fy)) = to_map(x, y) else { return };
        web::prevent_default(&e);
        let factor = (1.0 - dy as f32 / 400.0).clamp(0.6, 1.6);
        state.zoom.set(state.zoom.get_untracked().zoom_at(fx, fy, factor, w, h));
    };
    let on_down = move |e: ev::PointerEvent| {
        let (Some(id), Some((x, y))) = (web::pointer_id(&e), web::pointer_xy(&e)) else { return };
        gesture.update_value(|g| {
            if g.pointers.is_empty() {
                g.moved = 0.0;
            }
            g.pointers.retain(|p| p.0 != id);
            g.pointers.push((id, x, y));
        });
        web::capture_pointer("map-svg", id);
    };
    let on_move = move |e: ev::PointerEvent| {
        let (Some(id), Some((x, y))) = (web::pointer_id(&e), web::pointer_xy(&e)) else { return };
        let g = gesture.get_value();
        match g.pointers.len() {
            0 => {
                let u = web::event_code(&e).and_then(|c| Unit::from_code(&c));
                if u != hover.get_untracked() {
                    hover.set(u);
                }
                if let Some((fx, fy)) = to_map(x, y) {
                    place_tip(fx, fy);
                }
            }
            1 => {
                let (_, px, py) = g.pointers[0];
                let (dx, dy) = (x - px, y - py);
                if let (Some(a), Some(b)) = (to_map(px, py), to_map(x, y)) {
                    let v = state.zoom.get_untracked();
                    if v.k > 1.0 {
                        state.zoom.set(v.pan(a.0 - b.0, a.1 - b.1, w, h));
                    }
                }
                gesture.update_value(|g| {
                    g.moved += dx.abs() + dy.abs();
                    g.pointers[0] = (id, x, y);
                });
            }
            _ => {
                // Pinch: scale by the change of distance to the other pointer, about the midpoint.
                let Some(i) = g.pointers.iter().position(|p| p.0 == id) else { return };
                let o = g.pointers[if i == 0 { 1 } else { 0 }];
                let before = ((g.pointers[i].1 - o.1).powi(2) + (g.pointers[i].2 - o.2).powi(2)).sqrt();
                let after = ((x - o.1).powi(2) + (y - o.2).powi(2)).sqrt();
                if before > 10.0 {
                    if let Some((fx, fy)) = to_map((x + o.1) / 2.0, (y + o.2) / 2.0) {
                        let v = state.zoom.get_untracked();
                        state.zoom.set(v.zoom_at(fx, fy, (after / before) as f32, w, h));
                    }
                }
                gesture.update_value(|g| {
                    g.moved += 100.0;
                    g.pointers[i] = (id, x, y);
                });
            }
        }
    };
    let on_up = move |e: ev::PointerEvent| {
        let id = web::pointer_id(&e);
        gesture.update_value(|g| g.pointers.retain(|p| Some(p.0) != id));
    };
    let on_focus = move |e: ev::FocusEvent| {
        let Some(u) = web::closest_attr(&e, "#map-svg [data-a2]", "data-a2").and_then(|c| Unit::from_code(&c)) else { return };
        cursor.set_value(Some(u));
        hover.set(Some(u));
        if let Some((x, y)) = map_html::point(u) {
            place_tip(x, y);
        }
    };

    view! {
        <section
            class="atlas-map"
            aria-labelledby="map-heading"
            on:click=on_click
            on:input=on_input
            on:change=on_change
            on:keydown=on_key
            on:focusin=on_focus
            on:focusout=move |_| hover.set(None)
        >
            <div id="map-top"></div>
            <div class="map-frame" id="atlas-map-frame" data-testid="map">
                <svg
                    id="map-svg"
                    class="map-svg"
                    role="graphics-document"
                    aria-describedby="map-help"
                    inner_html=map_html::svg_body()
                    on:wheel=on_wheel
                    on:pointerdown=on_down
                    on:pointermove=on_move
                    on:pointerup=on_up
                    on:pointercancel=on_up
                    on:pointerleave=move |_| hover.set(None)
                ></svg>
                <div id="map-tip" class="map-tip" aria-hidden="true" hidden></div>
            </div>
            <div id="map-bottom"></div>
            <div id="map-legend" class="legend" data-testid="legend"></div>
            <details id="map-table-wrap" class="map-table-wrap">
                <summary id="map-table-sum"></summary>
                <div id="map-table" class="table-scroll"></div>
            </details>
            <p id="map-announcer" class="visually-hidden" aria-live="polite" data-testid="map-announcer"></p>
        </section>
    }
}
