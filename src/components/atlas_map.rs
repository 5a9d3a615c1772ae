//! The map section: controls, the world map, its legend, its table and a live region.
//!
//! Tested by `tests/web.rs` (Chromium and Firefox) and `tests/e2e/map.spec.mjs`.
//!
//! Built for size and speed. The markup comes from pure functions ([`map_html`]) as strings and the SVG is drawn
//! once. One effect follows the state (language, selection, [`MapView`]) and changes only what differs from what it
//! drew last: classes, labels and tab stops of the shapes, the legend, read-outs, the view box. One listener on the
//! section handles every event kind (one closure type, so the handler is compiled once).
//!
//! Pointer: hover for a tooltip, click or tap to select, wheel or pinch to zoom, drag to pan. Keyboard: the map is
//! one tab stop (a roving `tabindex` over the units with data); arrows move between them by direction, Enter
//! selects, Esc clears, `+`/`-` zoom, Shift+arrows pan.

use super::{effect, use_state};
use crate::i18n::{self, mt, MapMsg};
use crate::layers::{self, Layer, Unit};
use crate::map_html;
use crate::model::Lang;
use crate::state::AppState;
use crate::url::MapView;
use crate::viewport::{Direction, Viewport};
use crate::{geo, web};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;

/// The event kinds the section listens to.
const EVENTS: &[&str] = &[
    "click", "input", "change", "keydown", "focusin", "focusout", "wheel", "pointerdown", "pointermove", "pointerup",
    "pointercancel", "pointerout",
];

/// A shape on the map and what was last written to it. It is transparent (after the first frame, which draws it in
/// its own colour, see [`Local::ready`]): its colour is drawn by the layer's overlay under it (see [`Overlay`]); it
/// carries the border, name, focus and pointer.
struct Drawn {
    node: web::Node,
    unit: Unit,
    /// The fact it shows (category, since, through the EU), and the layer and language, as of the last [`facts`].
    made_from: Option<Made>,
    /// The same for its label, written from it after the frame has painted (see [`labels`]).
    labelled: Option<Made>,
    /// Drawn over the land (see [`map_html::base`]), not a dot.
    over_land: bool,
}

/// What a shape's class or label was made from: category, since, through the EU; layer; language.
type Made = (Option<u8>, Option<crate::model::Date>, bool, Layer, Lang);

/// A layer's colours: its own composited SVG under the map's shapes (see [`map_html::land`]), filled when first
/// needed. Only the current layer's is shown, so a layer switch fades one out and another in and repaints nothing;
/// the hidden ones are brought to the current date in idle moments ([`prepare`]).
#[derive(Default)]
struct Overlay {
    /// By shape (the index in [`Local::shapes`]): its element, once the overlay has one.
    nodes: Vec<Option<web::Node>>,
    /// By shape: its class as written.
    classes: Vec<&'static str>,
    /// The month the colours show, once drawn.
    month: Option<u16>,
}

/// What the map drew last and what pointer, keyboard and player are doing: plain data, not signals (nothing renders
/// from it).
#[derive(Default)]
struct Local {
    shapes: Vec<Drawn>,
    drawn: Option<(Lang, Option<&'static str>, MapView)>,
    /// The legend's rows, their swatches' rects, names and counts; and what each row shows (class, name, count),
    /// as written.
    legend_nodes: [Vec<web::Node>; 4],
    legend: [(&'static str, &'static str, u16); map_html::LEGEND_ROWS],
    legend_note: Option<(Layer, Lang)>,
    /// Each shape's category as last drawn, by [`slot`] (the legend counts them).
    cats: Vec<Option<u8>>,
    /// The language of the search box's list of names.
    options: Option<Lang>,
    /// What [`shapes`] drew has not reached the facts, legend, tab stop and accessible names yet: a pass of
    /// [`facts`], [`legend`] and [`labels`] is scheduled for the task after the next frame. And whether the live
    /// region should speak then.
    stale: bool,
    announce: bool,
    /// The date just came from the slider, whose own value text a screen reader speaks: the live region keeps quiet
    /// (it would say the same again at every step).
    slid: bool,
    cursor: Option<Unit>,
    /// Each layer's colours, in the order of [`Layer::ALL`]; the layer shown; and a count of the changes of layer or
    /// date, so that only the last one's [`prepare`] runs.
    overlays: Vec<Overlay>,
    shown: Option<Layer>,
    changes: u32,
    /// The base look the land shows (see [`map_html::base`]).
    base: Option<&'static str>,
    /// The unit whose shape is the map's tab stop (`tabindex="0"`; every other shape has `-1` from the markup).
    stop: Option<Unit>,
    hover: Option<Unit>,
    playing: Option<i32>,
    /// Pressed pointers (id, x, y), for drag and pinch; and how far they moved (a click after a drag is no selection).
    pointers: Vec<(i32, f64, f64)>,
    moved: f64,
    /// The frame's SVGs (the map's, the land's and every layer's colours), which zoom and pan together; the view
    /// their `viewBox` shows; and a count of zoom and pan steps. A step moves them by a CSS transform from that view
    /// to the one wanted, which only moves composited layers (no layout, no repaint); the `viewBox` catches up once
    /// the view has not changed for [`SETTLE_MS`] ([`settle`]), so only the last step of a gesture repaints.
    svgs: Vec<web::Node>,
    view_box: Option<Viewport>,
    moves: u32,
    /// `#map-below` has been shown (see [`map_html::section`]).
    below_shown: bool,
    /// The land and the layers' colours are drawn under the shapes: from the pass after the first frame on (see
    /// [`map_html::section`]). Until then [`render`] draws only the controls.
    ready: bool,
}

/// How long the view must rest before the map is redrawn at it (see [`Local::svgs`]): longer than the gap between
/// the steps of a wheel turn, a drag or a held key, short enough that the sharp redraw follows at once.
const SETTLE_MS: i32 = 180;

type Shared = Rc<RefCell<Local>>;

fn size() -> (f32, f32) {
    let m = geo::world();
    (m.width as f32, m.height as f32)
}

/// Everything of the map, in reading order.
#[component]
pub fn AtlasMap() -> impl IntoView {
    let state = use_state();
    let local: Shared = Rc::default();
    effect(move |_| {
        let (lang, sel, v) = (state.lang.get(), state.sel.get(), state.map.get());
        let Ok(mut l) = local.try_borrow_mut() else { return };
        if l.drawn.is_none() {
            let shared = local.clone();
            web::listen("atlas-map", EVENTS, move |e| handle(state, &shared, &e));
        }
        update(&local, &mut l, lang, sel, v);
    });
    view! {
        <section id="atlas-map" class="atlas-map" aria-labelledby="map-heading" inner_html=map_html::section(state.map.get_untracked())></section>
    }
}

/// Brings the map in line with the state (see [`render`]) and schedules what follows: the redraw once the view
/// rests, the other layers' colours once the date rests, and the pass after the frame.
fn update(shared: &Shared, l: &mut Local, lang: Lang, sel: Option<&'static str>, v: MapView) {
    let (was_stale, changes, moves) = (l.stale, l.changes, l.moves);
    render(l, lang, sel, v);
    if l.moves != moves {
        let (shared, gen) = (shared.clone(), l.moves);
        web::after(SETTLE_MS, move || settle(shared, gen));
    }
    // The other layers' colours follow the date a moment after it stops changing (not at every slider step).
    if l.changes != changes {
        let (shared, gen) = (shared.clone(), l.changes);
        web::after(300, move || prepare(shared, gen));
    }
    // The frame that answers a layer switch or a slider step recolours the map only. In the task after it come
    // the legend's rows and counts (and the table, when open) and what only assistive technology reads (200
    // accessible names, the map's name, the slider's value text, the live region): they show a frame later.
    if l.stale && !was_stale {
        let shared = shared.clone();
        web::after_next_frame(move || {
            let Ok(mut l) = shared.try_borrow_mut() else { return };
            // After the first frame (see `Local::ready`): the land under the shapes, which turn transparent over
            // it, then everything else of the map (the layer's colours, the view, the selection).
            if let (false, Some((lang, sel, v))) = (l.ready, l.drawn) {
                web::set_attr_by_id("map-land", "d", Some(&map_html::land_d()));
                for n in web::query_all("map-svg", "[class^=k]") {
                    n.set("class", None);
                }
                l.ready = true;
                update(&shared, &mut l, lang, sel, v);
            }
            l.stale = false;
            // What lies under the map shows once the frame with the map has been drawn (`map_html::section`).
            if !l.below_shown {
                l.below_shown = true;
                web::set_attr_by_id("map-below", "hidden", None);
            }
            // On a narrow screen the layers are a strip that scrolls sideways: the one shown comes into view
            // (it may not be, when it came from the address or the history).
            if let Some((_, _, v)) = l.drawn {
                web::reveal(&map_html::radio_id(v.layer));
            }
            facts(&mut l);
            legend(&mut l);
            labels(&mut l);
            // The search box's list of names, in the language shown.
            if l.options != l.drawn.map(|d| d.0) {
                l.options = l.drawn.map(|d| d.0);
                web::set_html("map-countries", &l.options.map(map_html::search_options).unwrap_or_default());
            }
        });
    }
}

/// Brings the page in line with the state, touching only what changed since the last call.
fn render(l: &mut Local, lang: Lang, sel: Option<&'static str>, v: MapView) {
    let prev = l.drawn.replace((lang, sel, v));
    let slid = std::mem::take(&mut l.slid);
    let new_lang = prev.map(|p| p.0) != Some(lang);
    if new_lang {
        web::set_html("map-top", &map_html::controls_top(v.layer, v.month, lang));
        web::set_html("map-bottom", &map_html::controls_bottom(lang));
        web::set_html("map-table-sum", mt(MapMsg::TableSummary, lang));
        play_button(l.playing.is_some(), lang);
    }
    // Until the land and the layers' colours are drawn (see `Local::ready`), only the controls follow the state;
    // the rest is drawn by the pass after the frame.
    if !l.ready {
        l.stale = true;
        return;
    }
    // The first drawing after the first frame draws everything, whatever changed since the controls were drawn.
    let fresh = l.shapes.is_empty();
    if fresh {
        // The elements come in the order of `map_html::drawn_units` (a native test pins it).
        l.shapes = web::query_all("map-svg", "[data-a2]")
            .into_iter()
            .zip(map_html::drawn_units())
            .map(|(node, unit)| Drawn { node, unit, made_from: None, labelled: None, over_land: map_html::over_land(unit) })
            .collect();
        l.overlays = Layer::ALL.iter().map(|_| Overlay::default()).collect();
        l.svgs = web::query_all("atlas-map-frame", "svg");
        l.legend_nodes = ["li", "rect", "li > span:first-of-type", ".count"].map(|q| web::query_all("map-legend", q));
        l.legend = [("", "", u16::MAX); map_html::LEGEND_ROWS];
    }
    if fresh || new_lang || prev.map(|p| (p.2.layer, p.2.month)) != Some((v.layer, v.month)) {
        shapes(l, lang, v, !fresh && !slid);
    }
    let z = v.zoom;
    let moved = prev.map(|p| p.2.zoom) != Some(z);
    if l.view_box.is_none() {
        draw_view(l, z);
    } else if moved {
        l.moves = l.moves.wrapping_add(1);
        let (w, h) = size();
        let t = l.view_box.filter(|&from| from != z).map(|from| z.transform_from(from, w, h)).unwrap_or_default();
        for svg in &l.svgs {
            svg.style("transform", &t);
        }
    }
    if fresh || new_lang || moved {
        for n in web::query_all("map-bottom", "[data-zoom]") {
            let on = n.attr("data-zoom").and_then(|k| Viewport::parse(&k)) == Some(z);
            n.set("aria-pressed", Some(if on { "true" } else { "false" }));
        }
        for n in web::query_all("map-bottom", "[data-step=out]") {
            n.set("disabled", (z.k <= 1.0).then_some(""));
        }
    }
    if fresh || prev.map(|p| p.1) != Some(sel) {
        let outline = sel.and_then(Unit::from_code).map(map_html::outline).unwrap_or_default();
        web::set_attr_by_id("map-sel", "d", Some(&outline));
    }
}

/// Draws the frame's SVGs at view `z` (their `viewBox`), without a transform.
fn draw_view(l: &mut Local, z: Viewport) {
    let (w, h) = size();
    let view_box = z.view_box(w, h);
    for svg in &l.svgs {
        svg.set("viewBox", Some(&view_box));
        svg.style("transform", "");
    }
    l.view_box = Some(z);
    // Zoomed in, one-finger drags pan the map; at world view they scroll the page. Set when the view rests, as it
    // only matters to the next gesture: the change restyles every shape (their effective touch-action), about 6 ms
    // of a step at 4x CPU throttling.
    web::set_attr_by_id("map-svg", "class", Some(if z.k > 1.0 { "map-svg zoomed" } else { "map-svg" }));
}

/// Redraws the map at the view wanted, unless it changed again since step `gen` (see [`Local::svgs`]).
fn settle(shared: Shared, gen: u32) {
    let Ok(mut l) = shared.try_borrow_mut() else { return };
    if let (true, Some((_, _, v))) = (l.moves == gen, l.drawn) {
        draw_view(&mut l, v.zoom);
    }
}

/// The layer's colours and which are shown, the land's base look, the read-outs and tooltip; the rest (facts, legend,
/// names, live region, table) is marked for the pass after the frame.
fn shapes(l: &mut Local, lang: Lang, v: MapView, announce: bool) {
    let date = layers::date_at(v.month);
    // The layer's colours (already at this date if prepared), then the switch: one fades out, this one in. The
    // facts behind them (for the legend, names and tab stop) follow after the frame ([`facts`]).
    bring(l, v.layer, v.month);
    if l.shown != Some(v.layer) {
        for (layer, class) in [(l.shown, "map-base map-ov"), (Some(v.layer), "map-base map-ov on")] {
            if let Some(layer) = layer {
                web::set_attr_by_id(&map_html::overlay_id(layer), "class", Some(class));
            }
        }
        l.shown = Some(v.layer);
    }
    l.changes += 1;
    // The land under the shapes shows the layer's base look: the "nothing recorded" copy fades in or out. Its own
    // class, not the frame's: a class on the frame would restyle all 230 shapes inside it.
    if l.base != Some(map_html::base(v.layer)) {
        l.base = Some(map_html::base(v.layer));
        let z = if l.base == Some("kz") { "map-base map-base-z on" } else { "map-base map-base-z" };
        web::set_attr_by_id("map-base-z", "class", Some(z));
    }
    web::check(&map_html::radio_id(v.layer));
    web::set_value("map-date", &geo::int(v.month as i32));
    web::set_text("map-date-out", &date.display(lang));
    l.stale = true;
    l.announce |= announce;
    if let Some(u) = l.hover {
        web::set_text("map-tip", &tip(u, v, lang));
    }
}

/// Each shape's fact on the layer and date shown, for the legend's counts ([`Local::cats`]) and the names
/// ([`Drawn::made_from`]); and the tab stop, which stays where it was if that unit still has data, else goes to the
/// selection, else to the first unit with data.
fn facts(l: &mut Local) {
    let Some((lang, sel, v)) = l.drawn else { return };
    let date = layers::date_at(v.month);
    let mut cats = vec![None; crate::data::COUNTRIES.len() + 1];
    for s in l.shapes.iter_mut() {
        let f = layers::fact(v.layer, s.unit, date);
        cats[slot(s.unit)] = f.cat;
        s.made_from = Some((f.cat, f.since, f.via_eu, v.layer, lang));
    }
    let has = |u: &Unit| cats[slot(*u)].is_some();
    let selected = sel.and_then(Unit::from_code);
    let stop = l.cursor.filter(has).or(selected.filter(has)).or_else(|| l.shapes.iter().map(|s| s.unit).find(has));
    move_stop(l, stop);
    l.cursor = stop;
    l.cats = cats;
}

/// Brings a layer's colours to `month`, unless they are there already (see [`paint`]).
fn bring(l: &mut Local, layer: Layer, month: u16) {
    if l.overlays.get(layer as usize).is_some_and(|o| o.month == Some(month)) {
        return;
    }
    let date = layers::date_at(month);
    let want = l.shapes.iter().map(|s| map_html::shape_class(layer, layers::fact(layer, s.unit, date).cat, s.over_land)).collect();
    paint(l, layer, month, want);
}

/// Brings a layer's colours to `month` (`want`: each shape's class): writes the classes that differ, or, when a
/// shape needs an element the overlay lacks (at first, or at a date where more states have data), rebuilds it with
/// the elements it had plus those.
fn paint(l: &mut Local, layer: Layer, month: u16, want: Vec<&'static str>) {
    let Some(ov) = l.overlays.get_mut(layer as usize) else { return };
    let has = |k: usize| ov.nodes.get(k).is_some_and(Option::is_some);
    let keep: Vec<bool> = want.iter().enumerate().map(|(k, c)| has(k) || !c.is_empty()).collect();
    if ov.month.is_none() || keep.iter().enumerate().any(|(k, &on)| on && !has(k)) {
        let id = map_html::overlay_id(layer);
        let units = l.shapes.iter().zip(&want).zip(&keep).filter(|(_, on)| **on).map(|((s, c), _)| (s.unit, *c));
        web::set_html(&id, &map_html::overlay(units));
        let mut found = web::query_all(&id, "[data-u]").into_iter();
        ov.nodes = keep.into_iter().map(|on| if on { found.next() } else { None }).collect();
    } else {
        for ((node, was), now) in ov.nodes.iter().zip(&ov.classes).zip(&want) {
            if let (Some(node), true) = (node, was != now) {
                node.set("class", (!now.is_empty()).then_some(*now));
            }
        }
    }
    ov.classes = want;
    ov.month = Some(month);
}

/// Brings one hidden layer's colours to the date shown, then (a frame later) the next, unless the layer or date
/// changed again meanwhile (`gen`: the count of changes it was scheduled at). So a later switch finds them ready.
fn prepare(shared: Shared, gen: u32) {
    let Ok(mut l) = shared.try_borrow_mut() else { return };
    let (Some((_, _, v)), true) = (l.drawn, l.changes == gen) else { return };
    let Some(&layer) = Layer::ALL.iter().zip(&l.overlays).find(|(_, o)| o.month != Some(v.month)).map(|(x, _)| x) else { return };
    bring(&mut l, layer, v.month);
    drop(l);
    web::after_next_frame(move || prepare(shared, gen));
}

/// The legend's rows, counts and note, and the table when it is open, for what [`shapes`] drew last (scheduled by
/// the effect for the task after the next frame).
fn legend(l: &mut Local) {
    let Some((lang, _, v)) = l.drawn else { return };
    // The legend's rows stay; only the classes, names and counts that differ are written.
    let counts = layers::counts(v.layer, &l.cats);
    let [rows, rects, names, nums] = &l.legend_nodes;
    for (i, was) in l.legend.iter_mut().enumerate() {
        let (Some(row), Some(rect), Some(name), Some(num)) = (rows.get(i), rects.get(i), names.get(i), nums.get(i)) else { break };
        let now = map_html::legend_row(v.layer, i, lang).map_or(("", "", 0), |(c, n)| (c, n, counts[i]));
        if now.0 != was.0 {
            row.set("hidden", now.0.is_empty().then_some(""));
            rect.set("class", Some(now.0));
        }
        if now.1 != was.1 {
            name.text(now.1);
        }
        if now.2 != was.2 {
            num.text(&geo::int(now.2 as i32));
        }
        *was = now;
    }
    if l.legend_note != Some((v.layer, lang)) {
        web::set_text("map-legend-note", &map_html::legend_note(v.layer, lang));
        l.legend_note = Some((v.layer, lang));
    }
    if web::is_open("map-table-wrap") {
        web::set_html("map-table", &map_html::table(v.layer, layers::date_at(v.month), lang));
    }
}

/// Writes what only assistive technology reads: the map's name, the slider's value text, the live region, and the
/// accessible name of every shape whose fact changed since its name was written (scheduled by the effect for the
/// task after the next frame; see [`Drawn::labelled`]).
fn labels(l: &mut Local) {
    let Some((lang, _, v)) = l.drawn else { return };
    let date = layers::date_at(v.month);
    let shown = date.display(lang);
    let layer_name = i18n::layer(v.layer).get(lang);
    web::set_attr_by_id("map-date", "aria-valuetext", Some(&shown));
    web::set_attr_by_id("map-svg", "aria-label", Some(&format!("{} — {layer_name}, {shown}", mt(MapMsg::MapHeading, lang))));
    if std::mem::take(&mut l.announce) {
        web::set_text("map-announcer", &format!("{layer_name} · {shown}"));
    }
    for s in l.shapes.iter_mut().filter(|s| s.labelled != s.made_from) {
        let Some((_, _, _, layer, lang)) = s.made_from else { continue };
        let f = layers::fact(layer, s.unit, date);
        s.node.set("aria-label", Some(&map_html::describe(layer, s.unit, &f, lang)));
        s.labelled = s.made_from;
    }
}

/// Makes `to` the map's one tab stop.
fn move_stop(l: &mut Local, to: Option<Unit>) {
    if l.stop == to {
        return;
    }
    for s in l.shapes.iter().filter(|s| Some(s.unit) == l.stop || Some(s.unit) == to) {
        s.node.set("tabindex", Some(if Some(s.unit) == to { "0" } else { "-1" }));
    }
    l.stop = to;
}

fn slot(u: Unit) -> usize {
    match u {
        Unit::Country(i) => i as usize,
        Unit::Eu => crate::data::COUNTRIES.len(),
    }
}

fn tip(u: Unit, v: MapView, lang: Lang) -> String {
    map_html::describe(v.layer, u, &layers::fact(v.layer, u, layers::date_at(v.month)), lang)
}

fn play_button(on: bool, lang: Lang) {
    web::set_attr_by_id("map-play", "aria-pressed", Some(if on { "true" } else { "false" }));
    web::set_text("map-play", mt(if on { MapMsg::Pause } else { MapMsg::Play }, lang));
}

/// Shows the hover outline and tooltip for `u` (or hides them).
fn set_hover(l: &mut Local, u: Option<Unit>, state: AppState) {
    if l.hover == u {
        return;
    }
    l.hover = u;
    web::set_attr_by_id("map-hover", "d", Some(&u.map(map_html::outline).unwrap_or_default()));
    web::set_attr_by_id("map-tip", "hidden", u.is_none().then_some(""));
    if let Some(u) = u {
        web::set_text("map-tip", &tip(u, state.map.get_untracked(), state.lang.get_untracked()));
    }
}

/// Client point → map units, through the view box of view `z` (`meet`: uniform scale, centred) in the map SVG's
/// client rectangle. `z` is the view the `viewBox` shows ([`Local::view_box`]): the rectangle includes a pending
/// step's transform, which is what moves that view to the one wanted. Also returns the client rectangle's origin
/// and the scale, for the way back.
fn frame(z: Viewport) -> Option<(f32, f32, f32, f32, f32)> {
    let (w, h) = size();
    let (l, t, rw, rh) = web::rect("map-svg")?;
    let (vw, vh) = (w / z.k, h / z.k);
    let s = (rw as f32 / vw).min(rh as f32 / vh);
    // Client position of the view box's top-left corner.
    let ox = l as f32 + (rw as f32 - vw * s) / 2.0;
    let oy = t as f32 + (rh as f32 - vh * s) / 2.0;
    let (x0, y0) = z.corner(w, h);
    Some((ox, oy, s, x0, y0))
}

fn to_map(z: Viewport, x: f64, y: f64) -> Option<(f32, f32)> {
    let (ox, oy, s, x0, y0) = frame(z)?;
    Some((x0 + (x as f32 - ox) / s, y0 + (y as f32 - oy) / s))
}

/// Places the tooltip at map point (x, y), relative to the map's frame.
fn place_tip(z: Viewport, x: f32, y: f32) {
    let (Some((ox, oy, s, x0, y0)), Some((fl, ft, _, _))) = (frame(z), web::rect("atlas-map-frame")) else { return };
    web::set_style("map-tip", "left", &format!("{}px", ((x - x0) * s + ox - fl as f32) as i32));
    web::set_style("map-tip", "top", &format!("{}px", ((y - y0) * s + oy - ft as f32) as i32));
}

fn set_zoom(state: AppState, zoom: Viewport) {
    let v = state.map.get_untracked();
    if v.zoom != zoom {
        state.map.set(MapView { zoom, ..v });
    }
}

fn toggle_play(state: AppState, shared: &Shared, l: &mut Local) {
    if let Some(id) = l.playing.take() {
        web::clear_interval(id);
    } else {
        let step = if web::reduced_motion() { 12 } else { 1 };
        let v = state.map.get_untracked();
        if v.month >= layers::months() {
            state.map.set(MapView { month: 0, ..v });
        }
        let shared = shared.clone();
        l.playing = web::set_interval(400, move || {
            let v = state.map.get_untracked();
            if v.month < layers::months() {
                state.map.set(MapView { month: (v.month + step).min(layers::months()), ..v });
            } else if let Ok(mut l) = shared.try_borrow_mut() {
                if let Some(id) = l.playing.take() {
                    web::clear_interval(id);
                }
                play_button(false, state.lang.get_untracked());
            }
        });
    }
    play_button(l.playing.is_some(), state.lang.get_untracked());
}

/// The one event handler. Focus moves happen after the shared state is released (they fire `focusin` at once).
fn handle(state: AppState, shared: &Shared, e: &web::Event) {
    let Ok(mut l) = shared.try_borrow_mut() else { return };
    let focus = event(state, shared, &mut l, e);
    drop(l);
    if let Some(id) = focus {
        web::focus(&id);
    }
}

fn unit_at(e: &web::Event) -> Option<Unit> {
    web::closest_attr(e, "#map-svg [data-a2]", "data-a2").and_then(|c| Unit::from_code(&c))
}

fn event(state: AppState, shared: &Shared, l: &mut Local, e: &web::Event) -> Option<String> {
    let (w, h) = size();
    let v = state.map.get_untracked();
    let z = v.zoom;
    // The view the SVGs' viewBox shows: with a step's transform still on them, client points map through it.
    let drawn_view = l.view_box.unwrap_or(z);
    let in_map = || web::closest_attr(e, "#map-svg", "id").is_some();
    match web::event_type(e).as_str() {
        "click" => {
            if let Some(key) = web::closest_attr(e, "[data-zoom]", "data-zoom") {
                if let Some(z) = Viewport::parse(&key) {
                    set_zoom(state, z);
                }
            } else if let Some(step) = web::closest_attr(e, "[data-step]", "data-step") {
                set_zoom(state, z.zoom_at(z.cx, z.cy, if step == "in" { 1.5 } else { 1.0 / 1.5 }, w, h));
            } else if web::target_id(e) == "map-play" {
                toggle_play(state, shared, l);
            } else if web::closest_attr(e, "summary", "id").as_deref() == Some("map-table-sum") && !web::is_open("map-table-wrap") {
                let lang = state.lang.get_untracked();
                web::set_html("map-table", &map_html::table(v.layer, layers::date_at(v.month), lang));
            } else if l.moved <= 6.0 {
                if let Some(u) = unit_at(e) {
                    state.sel.set(Some(u.code()));
                }
            }
        }
        "input" if web::target_id(e) == "map-date" => {
            l.slid = true;
            if let Ok(m) = web::event_value(e).parse::<u16>() {
                state.map.set(MapView { month: m.min(layers::months()), ..v });
            }
        }
        "change" => match web::target_id(e).as_str() {
            id if id.starts_with("map-layer-") => {
                if let Some(layer) = Layer::from_key(&web::event_value(e)) {
                    state.map.set(MapView { layer, ..v });
                }
            }
            "map-search" => {
                let q = web::event_value(e);
                let found = map_html::find(&q);
                let none = found.is_none() && !q.trim().is_empty();
                web::set_text("map-search-msg", if none { mt(MapMsg::SearchNone, state.lang.get_untracked()) } else { "" });
                if let Some(u) = found {
                    state.sel.set(Some(u.code()));
                    if let Some((x, y)) = map_html::point(u) {
                        set_zoom(state, Viewport { cx: x, cy: y, k: z.k.max(3.0) }.clamp(w, h));
                    }
                }
            }
            _ => {}
        },
        "keydown" if in_map() => return key(state, l, e, v),
        "focusin" => {
            let u = unit_at(e)?;
            l.cursor = Some(u);
            set_hover(l, Some(u), state);
            let (x, y) = map_html::point(u)?;
            place_tip(drawn_view, x, y);
        }
        "focusout" | "pointerout" => set_hover(l, None, state),
        "wheel" if in_map() => {
            let (dy, (x, y)) = (web::wheel_dy(e)?, web::pointer_xy(e)?);
            let (fx, fy) = to_map(drawn_view, x, y)?;
            web::prevent_default(e);
            set_zoom(state, z.zoom_at(fx, fy, crate::viewport::within(1.0 - dy as f32 / 400.0, 0.6, 1.6), w, h));
        }
        "pointerdown" if in_map() => {
            let (id, (x, y)) = (web::pointer_id(e)?, web::pointer_xy(e)?);
            if l.pointers.is_empty() {
                l.moved = 0.0;
            }
            l.pointers.retain(|p| p.0 != id);
            l.pointers.push((id, x, y));
        }
        "pointermove" if in_map() => {
            let (id, (x, y)) = (web::pointer_id(e)?, web::pointer_xy(e)?);
            match l.pointers.len() {
                0 => {
                    set_hover(l, unit_at(e), state);
                    let (fx, fy) = to_map(drawn_view, x, y)?;
                    place_tip(drawn_view, fx, fy);
                }
                1 => {
                    let (_, px, py) = l.pointers[0];
                    l.moved += (x - px).abs() + (y - py).abs();
                    l.pointers[0] = (id, x, y);
                    // Capture only once this is a drag: a captured pointer's click goes to the SVG, not the
                    // country under it, so capturing on press would make clicks select nothing.
                    if l.moved > 6.0 {
                        web::capture_pointer("map-svg", id);
                    }
                    if let (Some(a), Some(b), true) = (to_map(drawn_view, px, py), to_map(drawn_view, x, y), z.k > 1.0) {
                        set_zoom(state, z.pan(a.0 - b.0, a.1 - b.1, w, h));
                    }
                }
                _ => {
                    // Pinch: scale by the change of distance to the other pointer, about the midpoint.
                    let i = l.pointers.iter().position(|p| p.0 == id)?;
                    let o = l.pointers[if i == 0 { 1 } else { 0 }];
                    let p = l.pointers[i];
                    l.pointers[i] = (id, x, y);
                    l.moved += 100.0;
                    web::capture_pointer("map-svg", id);
                    let before = ((p.1 - o.1).powi(2) + (p.2 - o.2).powi(2)).sqrt();
                    let after = ((x - o.1).powi(2) + (y - o.2).powi(2)).sqrt();
                    let (fx, fy) = to_map(drawn_view, (x + o.1) / 2.0, (y + o.2) / 2.0)?;
                    if before > 10.0 {
                        set_zoom(state, z.zoom_at(fx, fy, (after / before) as f32, w, h));
                    }
                }
            }
        }
        "pointerup" | "pointercancel" => {
            let id = web::pointer_id(e);
            l.pointers.retain(|p| Some(p.0) != id);
        }
        _ => {}
    }
    None
}

/// Keys on the map. Returns the element to focus, if the cursor moved.
fn key(state: AppState, l: &mut Local, e: &web::Event, v: MapView) -> Option<String> {
    let (w, h) = size();
    let z = v.zoom;
    let (key, shift) = web::key(e)?;
    let dir = match key.as_str() {
        "ArrowLeft" => Some(Direction::Left),
        "ArrowRight" => Some(Direction::Right),
        "ArrowUp" => Some(Direction::Up),
        "ArrowDown" => Some(Direction::Down),
        _ => None,
    };
    let mut focus = None;
    match (key.as_str(), dir) {
        (_, Some(d)) if shift => {
            let (dx, dy) = d.vector();
            set_zoom(state, z.pan(dx * 60.0 / z.k, dy * 60.0 / z.k, w, h));
        }
        (_, Some(d)) => {
            let from = l.cursor;
            let here = from.and_then(map_html::point).unwrap_or((z.cx, z.cy));
            let date = layers::date_at(v.month);
            let candidates = layers::units()
                .filter(|u| Some(*u) != from && layers::fact(v.layer, *u, date).cat.is_some())
                .filter_map(|u| map_html::point(u).map(|p| (u, p)));
            let next = crate::viewport::nearest(here, d, candidates)?;
            // Move the tab stop, and pan to keep the unit on screen.
            move_stop(l, Some(next));
            l.cursor = Some(next);
            if let Some((x, y)) = map_html::point(next) {
                if (x - z.cx).abs() > w / 2.0 / z.k * 0.85 || (y - z.cy).abs() > h / 2.0 / z.k * 0.85 {
                    set_zoom(state, Viewport { cx: x, cy: y, k: z.k }.clamp(w, h));
                }
            }
            focus = Some(map_html::element_id(next));
        }
        ("Enter" | " ", _) => state.sel.set(Some(l.cursor?.code())),
        ("Escape", _) => state.sel.set(None),
        ("+" | "=", _) => {
            let (x, y) = l.cursor.and_then(map_html::point).unwrap_or((z.cx, z.cy));
            set_zoom(state, z.zoom_at(x, y, 1.5, w, h));
        }
        ("-" | "_", _) => set_zoom(state, z.zoom_at(z.cx, z.cy, 1.0 / 1.5, w, h)),
        _ => return None,
    }
    web::prevent_default(e);
    focus
}
