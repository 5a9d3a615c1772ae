//! The map's markup as strings: the SVG drawing (built once; the map component then only changes classes and
//! labels), the legend, the table alternative, the description of a unit, and the card of a country without a
//! profile. Pure; no Leptos. Text passes through [`crate::html::esc`].

use crate::data::{self, COUNTRIES};
use crate::geo::{self, push_int, Shape};
use crate::html::esc;
use crate::i18n::{self, mt, MapMsg};
use crate::layers::{self, Fact, Layer, Unit};
use crate::model::{Date, Lang};
use crate::url::MapView;
use std::fmt::Write;

/// Where the EU's badge sits: in the Atlantic west of Europe (map units), clear of any country.
pub const EU_BADGE: (u16, u16) = (448, 76);

/// The letters "EU" in bold capitals, 5.2 map units high, centred on (0, 0): an E and a U as filled outlines.
const EU_MARK: &str = "M-4-2.6h3.6v1.1h-2.4v.95h2.1v1.1h-2.1v.95h2.4v1.1h-3.6zM.8-2.6h1.2v3.4q0 .7.6.7t.6-.7v-3.4h1.2v3.5q0 1.7-1.8 1.7t-1.8-1.7z";

/// The radius of a small state's dot and of the EU's badge (map units), in the map's own elements and in each
/// layer's colours ([`overlay`]) alike.
const DOT_R: &str = "2.6";
const BADGE_R: u16 = 9;

/// The element id of a unit on the map (`m-KR`, `m-EU`).
pub fn element_id(u: Unit) -> String {
    format!("m-{}", u.code())
}

/// The label point of a unit: its largest part's centroid, its dot, or the EU badge.
pub fn point(u: Unit) -> Option<(f32, f32)> {
    match u {
        Unit::Eu => Some((EU_BADGE.0 as f32, EU_BADGE.1 as f32)),
        Unit::Country(i) => geo::world().of(i).map(|s| (s.x as f32, s.y as f32)),
    }
}

/// Path data outlining a unit (for the hover and selection outlines).
pub fn outline(u: Unit) -> String {
    let circle = |x: u16, y: u16, r: u16| format!("M{} {}a{r} {r} 0 1 0 {} 0a{r} {r} 0 1 0 -{} 0", x - r, y, 2 * r, 2 * r);
    match u {
        Unit::Eu => geo::world().eu_border.clone() + &circle(EU_BADGE.0, EU_BADGE.1, BADGE_R),
        Unit::Country(i) => match geo::world().of(i) {
            Some(s) if s.is_dot() => circle(s.x, s.y, 4),
            Some(s) => s.d.clone(),
            None => String::new(),
        },
    }
}

/// The map's shapes (`dots` false) or dots, in the order [`svg_body`] draws them and [`drawn_units`] lists them.
fn drawn(dots: bool) -> impl Iterator<Item = &'static Shape> {
    geo::world().shapes.iter().filter(move |s| s.is_dot() == dots)
}

/// The state a shape draws, if it is one of the list (else the shape is plain land, e.g. Northern Cyprus).
fn state_of(s: &Shape) -> Option<&'static crate::model::Country> {
    s.country.and_then(|i| COUNTRIES.get(i as usize))
}

/// One shape's element, in the class `paint` gives it (see [`svg_body`]). Plain pushes rather than `write!`:
/// this runs for 200 shapes before the first frame.
fn shape_el(out: &mut String, s: &Shape, paint: &dyn Fn(Unit) -> &'static str) {
    let (Some(c), Some(i)) = (state_of(s), s.country) else {
        out.push_str("<path class=\"land\" d=\"");
        out.push_str(&s.d);
        out.push_str("\"/>");
        return;
    };
    let dot = s.is_dot();
    let tag = if dot { "<circle id=\"m-" } else { "<path id=\"m-" };
    for part in [tag, c.a2, "\" role=\"graphics-symbol\" tabindex=\"-1\" data-a2=\"", c.a2, "\" class=\"", paint(Unit::Country(i))] {
        out.push_str(part);
    }
    if dot {
        let _ = write!(out, "\" cx=\"{}\" cy=\"{}\" r=\"{DOT_R}\"/>", s.x, s.y);
    } else {
        for part in ["\" d=\"", &s.d, "\"/>"] {
            out.push_str(part);
        }
    }
}

/// The SVG's content (patterns, sea, shapes, the EU border and badge, the outline layers), language-independent.
/// Each unit's shape (or dot, or the EU's badge) has the class `paint` gives it: its colour in the first frame,
/// before the land and the layer's colours are drawn under the shapes (see [`section`]).
pub fn svg_body(paint: &dyn Fn(Unit) -> &'static str) -> String {
    let m = geo::world();
    let mut out = String::with_capacity(56 * 1024);
    // Second cues besides colour: stripes, dots, cross-hatching; "no data" is a fine grey hatch.
    out.push_str(
        "<defs>\
<pattern id=\"p1\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect class=\"pf1\" width=\"4\" height=\"4\"/><rect class=\"pi\" width=\"1.3\" height=\"4\"/></pattern>\
<pattern id=\"p2\" width=\"3\" height=\"3\" patternUnits=\"userSpaceOnUse\"><rect class=\"pf2\" width=\"3\" height=\"3\"/><circle class=\"pi\" cx=\"1.5\" cy=\"1.5\" r=\".7\"/></pattern>\
<pattern id=\"p3\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\"><rect class=\"pf3\" width=\"4\" height=\"4\"/><path class=\"pl\" d=\"M0 2h4M2 0v4\"/></pattern>\
<pattern id=\"p5\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(-45)\"><rect class=\"pf5\" width=\"4\" height=\"4\"/><rect class=\"pi\" width=\"1\" height=\"4\"/></pattern>\
<pattern id=\"pn\" width=\"3\" height=\"3\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect class=\"pfn\" width=\"3\" height=\"3\"/><rect class=\"pin\" width=\".6\" height=\"3\"/></pattern>\
</defs>",
    );
    out.push_str("<g class=\"shapes\">");
    for s in drawn(false) {
        shape_el(&mut out, s, paint);
    }
    let _ = write!(out, "</g><path class=\"eu-border\" d=\"{}\"/><g class=\"dots\">", m.eu_border);
    for s in drawn(true) {
        shape_el(&mut out, s, paint);
    }
    // The badge's letters are a path, not `<text>`: SVG text is laid out again at every zoom step (about 3.5 ms
    // of a step at 4x CPU throttling), a path is not laid out at all.
    let _ = write!(
        out,
        "</g><g id=\"m-EU\" role=\"graphics-symbol\" tabindex=\"-1\" data-a2=\"EU\"><circle class=\"{2}\" cx=\"{0}\" cy=\"{1}\" r=\"{BADGE_R}\"/>\
<path class=\"eu-mark\" transform=\"translate({0} {1})\" d=\"{EU_MARK}\"/></g>\
<path id=\"map-hover\" class=\"outline-hover\" d=\"\"/><path id=\"map-sel\" class=\"outline-sel\" d=\"\"/>",
        EU_BADGE.0,
        EU_BADGE.1,
        paint(Unit::Eu),
    );
    out
}

/// The units the map draws, in the order of their elements in [`svg_body`] (shapes, dots, the EU's badge): the
/// component pairs the elements it finds with these instead of reading every element's `data-a2`.
pub fn drawn_units() -> Vec<Unit> {
    let mut out = Vec::new();
    for dots in [false, true] {
        for s in drawn(dots) {
            out.extend(state_of(s).and(s.country).map(Unit::Country));
        }
    }
    out.push(Unit::Eu);
    out
}

/// The map section's skeleton: slots for the controls (filled per language), the SVG, the land under it, the
/// tooltip, legend, table and live region. What lies under the map (the zoom and search controls, the legend, the
/// table) is in `#map-below`, hidden until the frame with the map has been drawn: it is off screen at first on most
/// screens, and its style and layout cost that frame about 10 ms at 4x CPU throttling.
///
/// The first frame draws the map as `v` shows it with the map's own shapes alone, each coloured by its class: the
/// land's path and the layers' colours under the shapes (a second and third copy of the geometry, which every later
/// change draws on instead, see [`land`]) are left empty here and filled in the task after that frame.
pub fn section(v: MapView) -> String {
    let date = layers::date_at(v.month);
    let paint = |u| class(v.layer, layers::fact(v.layer, u, date).cat);
    let m = geo::world();
    // One buffer, no `format!`: the map's markup (about 60 KB) is built before the first frame.
    let mut out = String::with_capacity(64 * 1024);
    for part in [
        "<div id=\"map-top\"></div><div class=\"map-frame\" id=\"atlas-map-frame\" data-testid=\"map\">\
<svg id=\"map-svg\" class=\"map-svg\" role=\"graphics-document\" aria-describedby=\"map-help\" \
xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"",
        &v.zoom.view_box(m.width as f32, m.height as f32),
        "\">",
        &svg_body(&paint),
        "</svg>",
        &land(),
        "<div id=\"map-tip\" class=\"map-tip\" aria-hidden=\"true\" hidden></div></div>\
<div id=\"map-below\" hidden><div id=\"map-bottom\"></div><div id=\"map-legend\" class=\"legend\" data-testid=\"legend\">",
        &legend(),
        "</div><details id=\"map-table-wrap\" class=\"map-table-wrap\"><summary id=\"map-table-sum\"></summary>\
<div id=\"map-table\" class=\"table-scroll\"></div></details></div>\
<p id=\"map-announcer\" class=\"visually-hidden\" aria-live=\"polite\" data-testid=\"map-announcer\"></p>",
    ] {
        out.push_str(part);
    }
    out
}

/// The land under the map, twice: with the "no data" look and with the "nothing recorded" look (see [`base`]).
/// Each is its own SVG (a composited layer, by `will-change` in the style sheet) under the map's SVG, so a layer
/// switch that changes the base only fades one in or out, without repainting. The second reuses the first's path.
/// Then one empty SVG per layer for its colours (filled by the component with [`overlay`]): only the current
/// layer's is shown, so a layer switch fades one out and another in, and repaints nothing.
/// The land's path (`#map-land`) is empty in the markup: [`land_d`] fills it after the first frame.
pub fn land() -> String {
    let mut out = String::from("<svg id=\"map-base\" class=\"map-base\" aria-hidden=\"true\"><g class=\"kn\"><path id=\"map-land\"/></g></svg>\
<svg id=\"map-base-z\" class=\"map-base map-base-z\" aria-hidden=\"true\"><use class=\"kz\" href=\"#map-land\"/></svg>");
    for &l in Layer::ALL {
        for part in ["<svg id=\"", &overlay_id(l), "\" class=\"map-base map-ov\" aria-hidden=\"true\"></svg>"] {
            out.push_str(part);
        }
    }
    out
}

/// The land's path data: every state's shape (not the dots).
pub fn land_d() -> String {
    let mut out = String::new();
    for s in geo::world().shapes.iter().filter(|s| s.country.is_some() && !s.is_dot()) {
        out.push_str(&s.d);
    }
    out
}

/// The element id of a layer's colours (`map-ov-law`).
pub fn overlay_id(layer: Layer) -> String {
    String::from("map-ov-") + layer.key()
}

/// The element id of a layer's radio button (`map-layer-law`).
pub fn radio_id(layer: Layer) -> String {
    String::from("map-layer-") + layer.key()
}

/// A layer's colours: for each unit given, in the order given, an element of its shape (or dot, or the EU's badge)
/// with its class (none: transparent) and `data-u` naming the unit. The map's own shapes stay transparent over it
/// and carry the borders, names, focus and pointer.
pub fn overlay(units: impl Iterator<Item = (Unit, &'static str)>) -> String {
    let mut out = String::new();
    for (u, class) in units {
        let shape = match u {
            Unit::Country(i) => geo::world().of(i).filter(|s| !s.is_dot()),
            Unit::Eu => None,
        };
        let tag = if shape.is_some() { "<path data-u=\"" } else { "<circle data-u=\"" };
        for part in [tag, u.code(), if class.is_empty() { "" } else { "\" class=\"" }, class] {
            out.push_str(part);
        }
        if let Some(s) = shape {
            out.push_str("\" d=\"");
            out.push_str(&s.d);
        } else if let Some((x, y)) = point(u) {
            out.push_str("\" r=\"");
            if u == Unit::Eu {
                push_int(&mut out, BADGE_R as i32);
            } else {
                out.push_str(DOT_R);
            }
            out.push_str("\" cx=\"");
            push_int(&mut out, x as i32);
            out.push_str("\" cy=\"");
            push_int(&mut out, y as i32);
        }
        out.push_str("\"/>");
    }
    out
}

/// The class of a category on a layer: `k0`… for categories, `kz` for the layer's "nothing recorded" category,
/// `kn` for no data (each has its own colour and, for most, a pattern).
pub fn class(layer: Layer, cat: Option<u8>) -> &'static str {
    const K: [&str; 8] = ["k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7"];
    match cat {
        Some(c) if Some(c) == layer.residual() => "kz",
        Some(c) => K.get(c as usize).copied().unwrap_or("kz"),
        None => "kn",
    }
}

/// The look most states share on a layer: "nothing recorded" on layers that cover every state, else "no data".
/// It is painted once, as the land under the shapes (`#map-land`), and the shapes that share it stay transparent,
/// so a layer switch repaints only the states whose look differs from it (a few dozen, not 200).
pub fn base(layer: Layer) -> &'static str {
    if layer.covers_all() {
        "kz"
    } else {
        "kn"
    }
}

/// The class of a shape: its category's, or none where that is the [`base`] painted under it. Dots and the EU's
/// badge have no land under them and always carry their class.
pub fn shape_class(layer: Layer, cat: Option<u8>, over_land: bool) -> &'static str {
    match class(layer, cat) {
        c if over_land && c == base(layer) => "",
        c => c,
    }
}

/// Whether a unit is drawn as a shape over the land (not as a dot or the EU's badge).
pub fn over_land(u: Unit) -> bool {
    match u {
        Unit::Country(i) => geo::world().of(i).is_some_and(|s| !s.is_dot()),
        Unit::Eu => false,
    }
}

/// One line about a unit on a layer: "South Korea: Binding AI law in force since 22 Jan 2026".
pub fn describe(layer: Layer, unit: Unit, f: &Fact, lang: Lang) -> String {
    let mut s = format!("{}: {}", unit.name(lang), i18n::category(layer, f.cat).get(lang));
    if let (Some(d), true) = (f.since, layer.dated() && f.cat != layer.residual()) {
        match lang {
            Lang::Ko => {
                let _ = write!(s, " ({}{})", d.display(lang), mt(MapMsg::Since, lang));
            }
            Lang::En => {
                let _ = write!(s, " {} {}", mt(MapMsg::Since, lang), d.display(lang));
            }
        }
    }
    if f.via_eu {
        let _ = write!(s, " · {}", mt(MapMsg::ViaEu, lang));
    }
    s
}

/// Rows of the legend: enough for the layer with the most categories, plus "no data".
pub const LEGEND_ROWS: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < Layer::ALL.len() {
        let c = Layer::ALL[i].categories() as usize + 1;
        if c > n {
            n = c;
        }
        i += 1;
    }
    n
};

/// The legend's fixed markup: [`LEGEND_ROWS`] rows of swatch, name and count, and a note. The map fills them per
/// layer ([`legend_row`], [`legend_note`]) and hides the rows a layer does not use, so a layer switch changes
/// texts and a few classes instead of rebuilding the legend (which repaints every pattern).
pub fn legend() -> String {
    let mut out = String::from("<ul class=\"legend-items\" role=\"list\">");
    for _ in 0..LEGEND_ROWS {
        out.push_str("<li hidden><svg class=\"swatch\" viewBox=\"0 0 16 12\" aria-hidden=\"true\"><rect width=\"16\" height=\"12\"/></svg><span></span> <span class=\"count\"></span></li>");
    }
    out.push_str("</ul><p class=\"legend-note\" id=\"map-legend-note\"></p>");
    out
}

/// Row `i` of the legend on a layer: its class and name (categories in order, then "no data"), or `None` for a row
/// the layer does not use.
pub fn legend_row(layer: Layer, i: usize, lang: Lang) -> Option<(&'static str, &'static str)> {
    let n = layer.categories() as usize;
    let cat = (i < n).then_some(i as u8);
    (i <= n).then(|| (class(layer, cat), i18n::category(layer, cat).get(lang)))
}

/// The note under the legend (what the layer counts, and its source where it is one table).
pub fn legend_note(layer: Layer, lang: Lang) -> String {
    let Some(note) = i18n::layer_note(layer) else { return String::new() };
    let mut out = mt(note, lang).to_string();
    if layer == Layer::Laws {
        // The citation carries its year already ("Liu & Moodie (2019)").
        out.push_str(" — ");
        out.push_str(data::LAWS.cited);
    }
    out
}

pub fn basis(out: &mut String, f: &Fact, lang: Lang) {
    if let Some(w) = f.what {
        esc(out, w.get(lang));
    }
    if let Some(src) = f.source {
        crate::html::source(out, src, None, lang);
    }
}

/// The table alternative: every unit the layer says something about (the residual "none recorded" category is
/// summarized in one row), in category order, then by name.
pub fn table(layer: Layer, date: Date, lang: Lang) -> String {
    let facts: Vec<(Unit, Fact)> = layers::units().map(|u| (u, layers::fact(layer, u, date))).collect();
    let mut rows: Vec<(u8, &str, usize)> = facts
        .iter()
        .enumerate()
        .filter_map(|(i, (u, f))| Some((f.cat.filter(|c| Some(*c) != layer.residual())?, u.name(lang), i)))
        .collect();
    sort_rows(&mut rows);
    let mut out = String::from("<table class=\"map-table\"><thead><tr>");
    for m in [MapMsg::ColCountry, MapMsg::ColCategory, MapMsg::ColSince, MapMsg::ColBasis] {
        out.push_str("<th scope=\"col\">");
        esc(&mut out, mt(m, lang));
        out.push_str("</th>");
    }
    out.push_str("</tr></thead><tbody>");
    for &(_, name, i) in &rows {
        let f = &facts[i].1;
        out.push_str("<tr><th scope=\"row\">");
        esc(&mut out, name);
        out.push_str("</th><td>");
        esc(&mut out, i18n::category(layer, f.cat).get(lang));
        if f.via_eu {
            out.push_str(" · ");
            esc(&mut out, mt(MapMsg::ViaEu, lang));
        }
        out.push_str("</td><td>");
        if let Some(d) = f.since.filter(|_| layer.dated()) {
            esc(&mut out, &d.display(lang));
        }
        out.push_str("</td><td>");
        basis(&mut out, f, lang);
        out.push_str("</td></tr>");
    }
    if let Some(r) = layer.residual() {
        out.push_str("<tr><th scope=\"row\">");
        esc(&mut out, mt(MapMsg::AllOthers, lang));
        out.push_str("</th><td>");
        esc(&mut out, i18n::category(layer, Some(r)).get(lang));
        out.push_str("</td><td></td><td></td></tr>");
    }
    out.push_str("</tbody></table>");
    out
}

/// The card of a state the atlas has no profile for: what each map layer records about it, as of the data's date.
pub fn country_card(unit: Unit, lang: Lang) -> String {
    let mut out = String::from("<p class=\"lede\">");
    esc(&mut out, mt(MapMsg::NoProfile, lang));
    out.push_str("</p><ul class=\"claims\">");
    for &layer in Layer::ALL {
        let f = layers::fact(layer, unit, data::AS_OF);
        out.push_str("<li class=\"claim\"><h5>");
        esc(&mut out, i18n::layer(layer).get(lang));
        out.push_str("</h5><p>");
        esc(&mut out, &describe(layer, unit, &f, lang));
        out.push_str("</p>");
        if f.cat != layer.residual() {
            out.push_str("<div class=\"meta\">");
            basis(&mut out, &f, lang);
            out.push_str("</div>");
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    out
}

/// Sorts by (group, name).
fn sort_rows(v: &mut [(u8, &str, usize)]) {
    sort_small(v, |r| (r.0, r.1));
}

/// A stable insertion sort by `key`: a couple of hundred items do not need the standard library's sorts, which add
/// kilobytes to the wasm.
pub(crate) fn sort_small<T, K: PartialOrd>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j]) < key(&v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// `<option>`s of every state and the EU, by name in `lang`, for the search box's suggestion list.
pub fn search_options(lang: Lang) -> String {
    let mut names: Vec<(u8, &str, usize)> = layers::units().map(|u| (0, u.name(lang), 0)).collect();
    sort_rows(&mut names);
    let mut out = String::new();
    for (_, n, _) in names {
        out.push_str("<option value=\"");
        esc(&mut out, n);
        out.push_str("\"></option>");
    }
    out
}

/// The unit whose name (in either language, ignoring case and spaces) or code is `query`.
pub fn find(query: &str) -> Option<Unit> {
    // ASCII case folding suffices (Korean has no case; English names capitalize ASCII letters) and keeps Unicode's
    // case tables out of the binary.
    let norm = |s: &str| s.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_lowercase()).collect::<String>();
    let q = norm(query);
    if q.is_empty() {
        return None;
    }
    layers::units()
        .find(|u| [Lang::Ko, Lang::En].iter().any(|&l| norm(u.name(l)) == q))
        .or_else(|| Unit::from_code(query.trim()))
        .or_else(|| {
            // A unique prefix match ("kor" finds nothing unique; "south k" finds South Korea).
            let mut hits = layers::units().filter(|u| [Lang::Ko, Lang::En].iter().any(|&l| norm(u.name(l)).starts_with(&q)));
            let first = hits.next()?;
            hits.next().is_none().then_some(first)
        })
}

/// Controls above the map: heading, layer drop-down, play button, date slider and its read-out. Re-rendered when
/// the language changes; values then follow the state through the map component's effects.
pub fn controls_top(layer: Layer, month: u16, lang: Lang) -> String {
    let mut o = String::from("<h2 id=\"map-heading\">");
    esc(&mut o, mt(MapMsg::MapHeading, lang));
    // The layers as a radio group, not a `<select>`: every choice is in view, and choosing one costs no layout
    // (a select's new text is laid out, and Chromium's form tracker reacts to its change).
    o.push_str("</h2><div class=\"map-controls\"><fieldset id=\"map-layers\" class=\"control layers\"><legend class=\"control-label\">");
    esc(&mut o, mt(MapMsg::LayerLabel, lang));
    o.push_str("</legend><div class=\"chips\">");
    for &l in Layer::ALL {
        let checked = if l == layer { "\" checked>" } else { "\">" };
        for part in ["<label class=\"chip\"><input type=\"radio\" name=\"map-layer\" id=\"", &radio_id(l), "\" value=\"", l.key(), checked] {
            o.push_str(part);
        }
        esc(&mut o, i18n::layer(l).get(lang));
        o.push_str("</label>");
    }
    o.push_str("</div></fieldset><div class=\"control time\"><label for=\"map-date\" class=\"control-label\">");
    esc(&mut o, mt(MapMsg::DateLabel, lang));
    o.push_str("</label><button type=\"button\" id=\"map-play\" class=\"play\" aria-pressed=\"false\">");
    esc(&mut o, mt(MapMsg::Play, lang));
    let date = layers::date_at(month).display(lang);
    let _ = write!(o, "</button><input id=\"map-date\" type=\"range\" min=\"0\" max=\"{}\" step=\"1\" value=\"{month}\" aria-valuetext=\"", layers::months());
    esc(&mut o, &date);
    o.push_str("\"><output id=\"map-date-out\" for=\"map-date\" class=\"date-out\">");
    esc(&mut o, &date);
    o.push_str("</output></div></div>");
    o
}

/// Controls below the map: keyboard help, zoom presets and steps, the country search.
pub fn controls_bottom(lang: Lang) -> String {
    let mut o = String::from("<p id=\"map-help\" class=\"map-help\">");
    esc(&mut o, mt(MapMsg::MapHelp, lang));
    o.push_str("</p><div class=\"map-controls below\"><div class=\"control zoom\" role=\"group\" aria-label=\"");
    esc(&mut o, mt(MapMsg::ZoomLabel, lang));
    o.push_str("\">");
    for ((key, _), msg) in crate::viewport::PRESETS.iter().zip([MapMsg::ZoomWorld, MapMsg::ZoomEurope, MapMsg::ZoomEastAsia]) {
        let _ = write!(o, "<button type=\"button\" data-zoom=\"{key}\" aria-pressed=\"false\">");
        esc(&mut o, mt(msg, lang));
        o.push_str("</button>");
    }
    for (step, sign, msg) in [("in", "+", MapMsg::ZoomIn), ("out", "−", MapMsg::ZoomOut)] {
        let _ = write!(o, "<button type=\"button\" class=\"zoom-step\" data-step=\"{step}\" aria-label=\"");
        esc(&mut o, mt(msg, lang));
        let _ = write!(o, "\">{sign}</button>");
    }
    o.push_str("</div><div class=\"control search\" role=\"search\"><label for=\"map-search\" class=\"control-label\">");
    esc(&mut o, mt(MapMsg::SearchLabel, lang));
    o.push_str("</label><input id=\"map-search\" type=\"search\" list=\"map-countries\" autocomplete=\"off\" aria-describedby=\"map-search-msg\" placeholder=\"");
    esc(&mut o, mt(MapMsg::SearchPlaceholder, lang));
    // The list of names is filled after the first frame (it needs every name in the language: `search_options`).
    o.push_str("\"><datalist id=\"map-countries\">");
    o.push_str("</datalist><span id=\"map-search-msg\" class=\"search-msg\" role=\"status\"></span></div></div>");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(a2: &str) -> Unit {
        Unit::from_code(a2).unwrap()
    }

    fn idx(a2: &str) -> u16 {
        let Unit::Country(i) = c(a2) else { unreachable!() };
        i
    }

    fn world_now(layer: Layer) -> MapView {
        MapView { layer, month: layers::months(), zoom: crate::viewport::Viewport::WORLD }
    }

    #[test]
    fn what_lies_under_the_map_waits_hidden_and_the_live_region_does_not() {
        let html = section(world_now(Layer::Law));
        let below = html.find("<div id=\"map-below\" hidden>").expect("a hidden block under the map");
        let frame_end = html.find("<div id=\"map-tip\"").expect("the tooltip, last in the frame");
        assert!(frame_end < below, "after the map's frame");
        for part in ["id=\"map-bottom\"", "id=\"map-legend\"", "id=\"map-table-wrap\""] {
            assert!(html.find(part).expect(part) > below, "{part} is in it");
        }
        let announcer = html.find("id=\"map-announcer\"").expect("the live region");
        assert!(html[below..announcer].ends_with("</details></div><p "), "the live region is outside it");
    }

    #[test]
    fn the_svg_has_every_drawn_state_once_and_the_eu() {
        let svg = svg_body(&|_| "kn");
        for a2 in ["KR", "US", "FR", "SG", "VA", "EU"] {
            assert_eq!(svg.matches(&format!("id=\"m-{a2}\"")).count(), 1, "{a2}");
        }
        let ids = svg.matches("data-a2=").count();
        assert!(ids >= 200, "{ids} units");
        assert!(!svg.contains("AQ"), "no Antarctica");
        // No SVG text: it is laid out again at every zoom step. The EU badge's letters are a path.
        assert!(!svg.contains("<text"));
        assert!(svg.contains(&format!("<path class=\"eu-mark\" transform=\"translate({} {})\" d=\"M", EU_BADGE.0, EU_BADGE.1)));
    }

    #[test]
    fn descriptions_say_what_since_when_and_through_whom() {
        let kr = layers::fact(Layer::Law, c("KR"), data::AS_OF);
        assert_eq!(describe(Layer::Law, c("KR"), &kr, Lang::En), "South Korea: Binding AI law in force since 22 Jan 2026");
        assert_eq!(describe(Layer::Law, c("KR"), &kr, Lang::Ko), "한국: 구속력 있는 AI 법 시행 중 (2026년 1월 22일부터)");
        let lt = layers::fact(Layer::Law, c("LT"), data::AS_OF);
        assert!(describe(Layer::Law, c("LT"), &lt, Lang::En).ends_with("· through the EU"));
        let no = layers::fact(Layer::Law, c("NO"), data::AS_OF);
        assert_eq!(describe(Layer::Law, c("NO"), &no, Lang::En), "Norway: No data");
    }

    #[test]
    fn the_legend_names_each_category_then_no_data_and_notes_the_layer() {
        assert_eq!(legend().matches("<li hidden>").count(), LEGEND_ROWS);
        assert_eq!(LEGEND_ROWS, 7, "six approaches and no data");
        assert_eq!(legend_row(Layer::Laws, 0, Lang::En), Some(("k0", "Supports a ban")));
        assert_eq!(legend_row(Layer::Laws, 2, Lang::En), Some(("k2", "Opposes a ban")));
        assert_eq!(legend_row(Layer::Laws, 3, Lang::En), Some(("kn", "No data")));
        assert_eq!(legend_row(Layer::Laws, 4, Lang::En), None);
        assert_eq!(legend_row(Layer::Coe, 1, Lang::En), Some(("kz", "No signature recorded")));
        for layer in Layer::ALL.iter().copied() {
            let rows = (0..LEGEND_ROWS).filter(|&i| legend_row(layer, i, Lang::Ko).is_some()).count();
            assert_eq!(rows, layer.categories() as usize + 1, "{layer:?}");
        }
        // The citation once carried its year twice: "(Liu & Moodie (2019), 2019)".
        assert!(legend_note(Layer::Laws, Lang::En).ends_with("not updated since. — Liu & Moodie (2019)"));
    }

    #[test]
    fn shapes_sharing_the_base_look_are_left_to_the_land_under_them() {
        assert_eq!(base(Layer::Law), "kn");
        assert_eq!(base(Layer::Coe), "kz");
        assert_eq!(shape_class(Layer::Law, None, true), "");
        assert_eq!(shape_class(Layer::Law, None, false), "kn", "a dot has no land under it");
        assert_eq!(shape_class(Layer::Law, Some(4), true), "kz", "none recorded is not the base of the law layer");
        assert_eq!(shape_class(Layer::Coe, Some(1), true), "");
        assert_eq!(shape_class(Layer::Coe, Some(0), true), "k0");
        assert!(over_land(c("KR")) && !over_land(c("SG")) && !over_land(Unit::Eu));
        // The land is every state's outline, each a closed path of its own.
        let shapes = geo::world().shapes.iter().filter(|s| s.country.is_some() && !s.is_dot()).count();
        assert!(land_d().matches("M").count() >= shapes);
        let land = land();
        assert!(land.contains("id=\"map-land\"") && land.contains("href=\"#map-land\""));
    }

    #[test]
    fn the_table_lists_what_the_layer_shows_with_sources() {
        let html = table(Layer::Law, data::AS_OF, Lang::En);
        assert!(html.contains("<th scope=\"row\">South Korea</th><td>Binding AI law in force</td><td>22 Jan 2026</td>"));
        assert!(html.contains("through the EU"));
        assert!(html.contains("All other countries"));
        assert!(html.matches("class=\"cite\"").count() >= 30);
        // In 2020 the EU had no AI law yet: no member state is listed.
        let early = table(Layer::Law, Date::parse("2020-06-30").unwrap(), Lang::En);
        assert!(!early.contains("Lithuania"));
    }

    #[test]
    fn a_country_without_profile_gets_a_card_of_its_records() {
        let html = country_card(c("BR"), Lang::En);
        assert!(html.contains("Bletchley Declaration (2023)"));
        assert!(html.contains("Brazil: Signed since 1 Nov 2023"), "{html}");
        assert!(html.contains("Brazil: Supports a ban"));
    }

    #[test]
    fn search_finds_names_in_both_languages_and_codes() {
        assert_eq!(find("south korea"), Some(c("KR")));
        assert_eq!(find("한국"), Some(c("KR")));
        assert_eq!(find("  South  Korea "), Some(c("KR")));
        assert_eq!(find("fr"), Some(c("FR")));
        assert_eq!(find("eu"), Some(Unit::Eu));
        assert_eq!(find("싱가포르"), Some(c("SG")));
        assert_eq!(find("Singa"), Some(c("SG")));
        assert_eq!(find(""), None);
        assert_eq!(find("Atlantis"), None);
        assert!(search_options(Lang::Ko).matches("<option").count() > 200);
    }

    #[test]
    fn the_controls_are_labelled_and_hold_the_state() {
        let top = controls_top(Layer::Safety, 3, Lang::En);
        // A radio group under a legend: one radio per layer, the shown one checked, each named by its label.
        assert!(top.contains("<fieldset id=\"map-layers\" class=\"control layers\"><legend class=\"control-label\">Map layer</legend>"));
        assert!(top.contains("<label class=\"chip\"><input type=\"radio\" name=\"map-layer\" id=\"map-layer-safety\" value=\"safety\" checked>AI safety institutes network</label>"));
        assert_eq!(top.matches("type=\"radio\"").count(), Layer::ALL.len());
        assert_eq!(top.matches(" checked>").count(), 1);
        assert!(top.contains("value=\"3\" aria-valuetext=\"30 Apr 2017\""), "{top}");
        assert!(top.contains("<label for=\"map-date\""));
        let ko = controls_bottom(Lang::Ko);
        assert!(ko.contains("data-zoom=\"europe\" aria-pressed=\"false\">유럽</button>"));
        assert!(ko.contains("aria-label=\"확대\""));
        assert!(ko.contains("<label for=\"map-search\""));
    }

    #[test]
    fn the_first_frame_colours_the_shapes_themselves_and_leaves_the_copies_under_them_empty() {
        let europe = crate::viewport::Viewport::parse("europe").unwrap();
        let (w, h) = (geo::world().width as f32, geo::world().height as f32);
        let law = section(MapView { zoom: europe, ..world_now(Layer::Law) });
        assert!(law.contains(&format!("xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{}\">", europe.view_box(w, h))), "drawn at the view");
        // Every state carries its class on the layer and date (the base look included, as nothing is under it yet).
        let kr = geo::world().of(idx("KR")).unwrap();
        assert!(law.contains(&format!("data-a2=\"KR\" class=\"k0\" d=\"{}\"/>", kr.d)));
        assert!(law.contains(&format!("data-a2=\"NO\" class=\"kn\" d=\"")), "no data");
        assert!(law.contains("data-a2=\"SG\" class=\"kz\" cx="), "a dot");
        assert!(law.contains("data-a2=\"EU\"><circle class=\"k0\" cx="), "the EU's badge");
        // Every unit has a colour: the states' shapes and dots right after their code, the EU on its badge's circle.
        let classed = law.matches("data-a2=\"").count();
        assert_eq!(law.matches("\" class=\"k").count() + 1, classed);
        // A year before the AI Basic Act was adopted, Korea shows a draft.
        let before = section(MapView { month: layers::months() - 36, ..world_now(Layer::Law) });
        assert!(!before.contains("data-a2=\"KR\" class=\"k0\""));
        let coe = section(world_now(Layer::Coe));
        assert!(coe.contains("data-a2=\"KR\" class=\"kz\""), "not a signatory: the layer's base look");
        // The copies of the geometry under the shapes are empty; the land's path comes with `land_d`.
        assert!(law.contains("<path id=\"map-land\"/>"));
        assert!(law.contains("<svg id=\"map-ov-law\" class=\"map-base map-ov\" aria-hidden=\"true\"></svg>"));
        assert!(land_d().starts_with('M') && land_d().contains(&*kr.d));
        assert!(law.len() < 64 * 1024, "{} bytes", law.len());
    }

    #[test]
    fn drawn_units_follow_the_order_of_the_elements() {
        let body = svg_body(&|_| "kn");
        let codes: Vec<&str> = body.split("data-a2=\"").skip(1).map(|rest| &rest[..rest.find('"').unwrap()]).collect();
        let units: Vec<String> = drawn_units().into_iter().map(|u| u.code().to_string()).collect();
        assert!(codes.len() > 200);
        assert_eq!(codes, units);
    }

    #[test]
    fn each_layer_has_an_empty_overlay_above_the_land() {
        let land = land();
        let base = land.find("id=\"map-base-z\"").unwrap();
        for &l in Layer::ALL {
            let tag = format!("<svg id=\"map-ov-{}\" class=\"map-base map-ov\" aria-hidden=\"true\"></svg>", l.key());
            let at = land.find(&tag).unwrap_or_else(|| panic!("no overlay for {l:?}"));
            assert!(at > base, "{l:?}'s colours are drawn above the land");
        }
        assert_eq!(overlay_id(Layer::Coe), "map-ov-coe");
    }

    #[test]
    fn an_overlay_draws_shapes_dots_and_the_eu_with_their_classes_in_order() {
        let html = overlay([(c("KR"), "k0"), (c("SG"), "kn"), (c("FR"), ""), (Unit::Eu, "k1")].into_iter());
        let s = geo::world().of(idx("KR")).unwrap();
        assert!(html.starts_with(&format!("<path data-u=\"KR\" class=\"k0\" d=\"{}\"/>", s.d)), "{html}");
        let sg = geo::world().of(idx("SG")).unwrap();
        assert!(html.contains(&format!("<circle data-u=\"SG\" class=\"kn\" r=\"2.6\" cx=\"{}\" cy=\"{}\"/>", sg.x, sg.y)), "{html}");
        // No class: no colour (the land under it shows).
        assert!(html.contains("<path data-u=\"FR\" d=\"M"), "{html}");
        assert!(html.ends_with(&format!("<circle data-u=\"EU\" class=\"k1\" r=\"9\" cx=\"{}\" cy=\"{}\"/>", EU_BADGE.0, EU_BADGE.1)));
        let codes: Vec<&str> = html.split("data-u=\"").skip(1).map(|r| &r[..r.find('"').unwrap()]).collect();
        assert_eq!(codes, ["KR", "SG", "FR", "EU"]);
    }

    #[test]
    fn outlines_exist_for_shapes_dots_and_the_eu() {
        assert!(outline(c("KR")).starts_with('M'));
        assert!(outline(c("SG")).contains('a'));
        assert!(outline(Unit::Eu).len() > 100);
    }
}
