//! The map's geometry, prepared at build time so the browser does no projection work: Natural Earth 1:110m
//! countries (the `world-atlas` 2.0.2 TopoJSON, vendored in `src/data/geo/`), parsed with the `topojson` crate,
//! projected with Equal Earth, quantized to a 1-unit grid of the SVG view box, simplified per arc with `geo`'s
//! Ramer–Douglas–Peucker (shared borders stay shared: arcs are simplified once and keep their end points), and
//! written with an arithmetic coder and a context model of its own (far smaller than the general `src/codec.rs`
//! makes a plain varint stream). `src/geo.rs` decodes it into SVG path strings; `build.rs` writes it as it is.
//!
//! Stream: a binary arithmetic code (32-bit carry-less range coder; every decision has its own adaptive
//! probability, a "context", listed in `src/geo.rs`). An integer is coded as its bit length in unary, then the bits
//! below the leading 1; a signed one as "zero?", the sign, and the magnitude less one. In order:
//! - `W H`;
//! - per shape (shapes sorted by state, shapes without a state, e.g. N. Cyprus, last): "another shape", "has a
//!   state" and the state's index (less the previous one's, less 1), its rings, "another ring" after each, and its
//!   label point as a correction to the rounded centroid of its largest ring (nearly always 0); then "no more";
//! - a ring is its arcs in drawing order. Arcs are numbered in the order they are first drawn and kept the way they
//!   are first drawn. Per arc "new?". A new arc's points follow: a ring's first arc starts at a delta from the
//!   previous ring's start, a later one where the ring is; then per point "the arc ends here?" (in context: the
//!   point is an end point of an earlier arc, or the ring's start) and if not the delta to the next point: mirrored
//!   and swapped as the previous delta along the ring must be to get `x >= y >= 0`, and coded in contexts of that
//!   canonical previous delta (x then y). An old arc is, for a ring's first arc, its number counted back from
//!   the newest and "reversed?"; for a later arc, which of the old arcs that start where the ring is (newest first,
//!   reversed before forward, not the arc just drawn) it is. After each arc that brings the ring back to its start:
//!   "the ring is closed?";
//! - per dot "another dot", its state (less the previous one's, less 1) and its position; then "no more";
//! - the number of arcs of the EU's outer border, then per arc (in TopoJSON order, as the border is drawn) its
//!   number less the previous one's and "reversed?" (against the way it was first drawn).

use geo::{Area, Centroid, Coord, LineString, Polygon, Simplify};
use crate::geo_model::*;
use std::collections::BTreeMap;
use topojson::{TopoJson, Value};

/// Width of the SVG view box in map units.
pub const WIDTH: f64 = 1000.0;
/// Simplification tolerance in map units (a tenth of a unit is invisible; half a unit keeps 110m's character).
const TOLERANCE: f64 = 0.35;
/// Southern limit: Antarctica is left out (no AI policy data, and it would take a fifth of the height).
const SOUTH: f64 = -58.0;

/// A state as the geometry needs it: code, numeric id, English name (to match features without id), dot.
pub struct State<'a> {
    pub a2: &'a str,
    pub num: u16,
    pub en: &'a str,
    pub dot: Option<[f64; 2]>,
}

/// What the build produced, for validation and the export.
pub struct Built {
    pub stream: Vec<u8>,
    /// Alpha-2 codes of states that have a shape or a dot.
    pub drawn: Vec<String>,
    pub errors: Vec<String>,
}

/// Equal Earth (Šavrič, Patterson & Jenny 2018), unit sphere; `lon`, `lat` in degrees.
fn equal_earth(lon: f64, lat: f64) -> (f64, f64) {
    const A1: f64 = 1.340264;
    const A2: f64 = -0.081106;
    const A3: f64 = 0.000893;
    const A4: f64 = 0.003796;
    let m = 3f64.sqrt() / 2.0;
    let theta = (m * lat.to_radians().sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = lon.to_radians() * theta.cos() / (m * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

struct Grid {
    scale: f64,
    x0: f64,
    y0: f64,
}

impl Grid {
    fn new() -> Grid {
        let (xmax, _) = equal_earth(180.0, 0.0);
        let (_, ymax) = equal_earth(0.0, 84.0);
        let scale = WIDTH / (2.0 * xmax);
        Grid { scale, x0: -xmax, y0: ymax }
    }
    fn height(&self) -> f64 {
        (self.y0 - equal_earth(0.0, SOUTH).1) * self.scale
    }
    fn point(&self, lon: f64, lat: f64) -> (i32, i32) {
        let (x, y) = equal_earth(lon, lat);
        (((x - self.x0) * self.scale).round() as i32, ((self.y0 - y) * self.scale).round() as i32)
    }
}

/// The arc a TopoJSON reference points at (`~i`, i.e. a negative reference, is arc `i` reversed).
fn arc_index(r: i32) -> usize {
    (if r < 0 { !r } else { r }) as usize
}

/// The ring of arc references `refs` as points (TopoJSON: each arc after the first starts where the last ended).
fn ring<P: Copy>(arcs: &[Vec<P>], refs: &[i32]) -> Vec<P> {
    let mut pts: Vec<P> = Vec::new();
    for &r in refs {
        let mut a = arcs[arc_index(r)].clone();
        if r < 0 {
            a.reverse();
        }
        let skip = usize::from(!pts.is_empty());
        pts.extend(a.into_iter().skip(skip));
    }
    pts
}

fn line(pts: &[(i32, i32)]) -> LineString<f64> {
    LineString::new(pts.iter().map(|&(x, y)| Coord { x: x as f64, y: y as f64 }).collect())
}

/// Builds the geometry stream. `states` are sorted by alpha-2 (their index is the `Country` index in the binary);
/// `eu` lists the EU's members.
pub fn build(topojson_text: &str, states: &[State], eu: &[String]) -> Built {
    let mut errors = Vec::new();
    let grid = Grid::new();
    let topo = match topojson_text.parse::<TopoJson>().ok().and_then(|t| t.try_unwrap_topology()) {
        Some(t) => t,
        None => {
            return Built { stream: Vec::new(), drawn: Vec::new(), errors: vec!["src/data/geo/countries-110m.json: not a TopoJSON topology".into()] }
        }
    };
    let Some(countries) = topo.objects.iter().find(|o| o.name == "countries") else {
        return Built { stream: Vec::new(), drawn: Vec::new(), errors: vec!["countries-110m.json: no `countries` object".into()] };
    };
    let Value::GeometryCollection(features) = &countries.geometry.value else {
        return Built { stream: Vec::new(), drawn: Vec::new(), errors: vec!["countries-110m.json: `countries` is not a collection".into()] };
    };

    // Decode every arc to longitude/latitude (a quantized topology stores delta-encoded integers, spec §2.1.2).
    let lonlat: Vec<Vec<(f64, f64)>> = topo
        .arcs
        .iter()
        .map(|arc| {
            let (mut qx, mut qy) = (0.0, 0.0);
            arc.iter()
                .map(|p| match &topo.transform {
                    Some(t) => {
                        qx += p[0];
                        qy += p[1];
                        (qx * t.scale[0] + t.translate[0], qy * t.scale[1] + t.translate[1])
                    }
                    None => (p[0], p[1]),
                })
                .collect()
        })
        .collect();
    // Features that cross the antimeridian (Russia's Chukotka, Fiji) are drawn east of 180°, beyond the right edge
    // of the view box, instead of as a band across the whole map: their arcs' western longitudes get +360°.
    let mut wrap = std::collections::BTreeSet::new();
    for f in features {
        let rings: Vec<&Vec<i32>> = match &f.value {
            Value::Polygon(p) => p.iter().collect(),
            Value::MultiPolygon(m) => m.iter().flatten().collect(),
            _ => continue,
        };
        let crosses = rings.iter().any(|r| ring(&lonlat, r).windows(2).any(|w| (w[0].0 - w[1].0).abs() > 180.0));
        if crosses {
            wrap.extend(rings.iter().flat_map(|r| r.iter().map(|&a| arc_index(a))));
        }
    }

    // Project, quantize and simplify every arc once.
    let arcs: Vec<Vec<(i32, i32)>> = lonlat
        .iter()
        .enumerate()
        .map(|(i, arc)| {
            let mut q: Vec<(i32, i32)> = Vec::new();
            for &(lon, lat) in arc {
                let lon = if wrap.contains(&i) && lon < 0.0 { lon + 360.0 } else { lon };
                let pt = grid.point(lon, lat.max(SOUTH));
                if q.last() != Some(&pt) {
                    q.push(pt);
                }
            }
            if q.len() > 2 {
                let simple = line(&q).simplify(TOLERANCE);
                q = simple.0.iter().map(|c| (c.x as i32, c.y as i32)).collect();
            }
            q
        })
        .collect();

    let index: BTreeMap<&str, usize> = states.iter().enumerate().map(|(i, s)| (s.a2, i)).collect();
    let by_num: BTreeMap<u16, usize> = states.iter().enumerate().map(|(i, s)| (s.num, i)).collect();
    let by_name: BTreeMap<&str, usize> = states.iter().enumerate().map(|(i, s)| (s.en, i)).collect();

    let mut shapes: Vec<Shape> = Vec::new();
    let mut dots: BTreeMap<usize, (i32, i32)> = BTreeMap::new();
    for f in features {
        let polys: Vec<&Vec<Vec<i32>>> = match &f.value {
            Value::Polygon(p) => vec![p],
            Value::MultiPolygon(m) => m.iter().collect(),
            _ => continue,
        };
        let name = f.properties.as_ref().and_then(|p| p.get("name")).and_then(|n| n.as_str()).unwrap_or("");
        let id = f.id.as_ref().and_then(|v| v.as_str().and_then(|s| s.parse::<u16>().ok()));
        let country = match id {
            Some(10) => continue, // Antarctica
            Some(n) => by_num.get(&n).copied(),
            None => by_name.get(name).copied(),
        };
        if id.is_some() && country.is_none() {
            errors.push(format!("countries-110m.json: feature {name:?} (id {id:?}) is not in src/data/countries.toml"));
        }
        let mut rings = Vec::new();
        let mut largest: Option<(f64, (i32, i32))> = None;
        for poly in polys {
            let mut kept = Vec::new();
            for r in poly {
                let pts = ring(&arcs, r);
                let area = Polygon::new(line(&pts), vec![]).unsigned_area();
                if area >= 1.0 {
                    kept.push((r.clone(), pts, area));
                }
            }
            // The first ring of a polygon is its exterior; label on the largest exterior.
            if let Some((_, pts, area)) = kept.first() {
                if largest.is_none_or(|(a, _)| *area > a) {
                    if let Some(c) = Polygon::new(line(pts), vec![]).centroid() {
                        largest = Some((*area, (c.x().round() as i32, c.y().round() as i32)));
                    }
                }
            }
            rings.extend(kept.into_iter().map(|(r, _, _)| r));
        }
        match (largest, country) {
            (Some((_, label)), _) => shapes.push(Shape { country, label, rings }),
            // Everything of it is below one square unit: draw it as a dot at its first point.
            (None, Some(c)) => {
                if let Some(&p) = poly_first_point(&f.value, &arcs) {
                    dots.insert(c, p);
                }
            }
            (None, None) => {}
        }
    }
    for (i, s) in states.iter().enumerate() {
        let has_shape = shapes.iter().any(|sh| sh.country == Some(i));
        match (s.dot, has_shape) {
            (Some(_), true) => errors.push(format!("src/data/countries.toml: {} has a map shape; remove its `dot`", s.a2)),
            (Some([lon, lat]), false) => {
                if !(-180.0..=180.0).contains(&lon) || !(SOUTH..=84.0).contains(&lat) {
                    errors.push(format!("src/data/countries.toml: {}: `dot` {lon},{lat} is off the map", s.a2));
                }
                dots.insert(i, grid.point(lon, lat));
            }
            (None, _) => {}
        }
    }

    // The EU's outer border: arcs used by exactly one ring side of its members.
    let eu_idx: Vec<usize> = eu.iter().filter_map(|a2| index.get(a2.as_str()).copied()).collect();
    let mut uses: BTreeMap<usize, u32> = BTreeMap::new();
    for sh in shapes.iter().filter(|s| s.country.is_some_and(|c| eu_idx.contains(&c))) {
        for r in sh.rings.iter().flatten() {
            *uses.entry(arc_index(*r)).or_default() += 1;
        }
    }
    let eu_border: Vec<usize> = uses.into_iter().filter(|(_, n)| *n == 1).map(|(a, _)| a).collect();

    shapes.sort_by_key(|s| (s.country.is_none(), s.country));
    let stream = encode((WIDTH as u32, grid.height().ceil() as u32), &arcs, &shapes, &dots, &eu_border);

    let mut drawn: Vec<String> = shapes.iter().filter_map(|s| s.country).chain(dots.keys().copied()).map(|i| states[i].a2.to_string()).collect();
    drawn.sort();
    drawn.dedup();
    Built { stream, drawn, errors }
}

/// The arithmetic encoder; `src/geo.rs` has the matching decoder, and `src/geo_model.rs` the model both use.
struct Enc {
    out: Vec<u8>,
    x1: u32,
    x2: u32,
    /// Per context: probability of a 1 (16 bits) and how often it was seen.
    ctx: Vec<(u16, u16)>,
}

impl Enc {
    fn new() -> Enc {
        Enc { out: Vec::new(), x1: 0, x2: u32::MAX, ctx: vec![(32768, 0); N_CTX] }
    }

    fn bit(&mut self, c: usize, one: bool) {
        let (p, n) = self.ctx[c];
        let mid = split(self.x1, self.x2, p);
        if one {
            self.x2 = mid;
        } else {
            self.x1 = mid + 1;
        }
        self.ctx[c] = adapt((p, n), one);
        while (self.x1 ^ self.x2) >> 24 == 0 {
            self.out.push((self.x2 >> 24) as u8);
            self.x1 <<= 8;
            self.x2 = self.x2 << 8 | 255;
        }
    }

    /// An unsigned integer below 2^24: its bit length in unary, then the bits below the leading 1.
    fn uint(&mut self, f: usize, v: u32) {
        assert!(v < 1 << 24, "geometry value {v} out of range");
        let len = (32 - v.leading_zeros()) as usize;
        for k in 0..len {
            self.bit(f + k, true);
        }
        if len < 24 {
            self.bit(f + len, false);
        }
        for k in 1..len {
            self.bit(low_bit(f, len, k), v >> (len - 1 - k) & 1 == 1);
        }
    }

    /// A signed integer: "zero" (context `z`), the sign (context `z + 1`), the magnitude less one (family `f`).
    fn signed(&mut self, z: usize, f: usize, v: i32) {
        self.bit(z, v == 0);
        if v != 0 {
            self.bit(z + 1, v < 0);
            self.uint(f, v.unsigned_abs() - 1);
        }
    }

    fn sint(&mut self, f: usize, v: i32) {
        self.signed(f + FAM - 2, f, v);
    }

    /// A delta `(dx, dy)` (never both zero), coded in the frame of the previous delta `prev` of the line.
    fn delta(&mut self, prev: Option<(i32, i32)>, (dx, dy): (i32, i32)) {
        let ((mx, my, swap), pc) = frame(prev);
        let (x, y) = (if mx { -dx } else { dx }, if my { -dy } else { dy });
        let (u, v) = if swap { (y, x) } else { (x, y) };
        self.sint(F_U + pc * FAM, u);
        self.signed(second(pc, u), F_V + size(u) * FAM, v);
    }

    /// Ends the code: the decoder reads 0xff past the end, so the first byte of `x1` pins a value in range.
    fn finish(mut self) -> Vec<u8> {
        self.out.push((self.x1 >> 24) as u8);
        self.out
    }
}

/// A shape as the stream codes it: state index, label point, rings of TopoJSON arc references.
struct Shape {
    country: Option<usize>,
    label: (i32, i32),
    rings: Vec<Vec<i32>>,
}

/// Codes the map (see the module's doc for the model). `arcs` are the simplified arcs by TopoJSON index, `shapes`
/// sorted by state (shapes without one last), `dots` by state, `eu` the EU border's arcs in TopoJSON order.
fn encode(
    size: (u32, u32),
    arcs: &[Vec<(i32, i32)>],
    shapes: &[Shape],
    dots: &BTreeMap<usize, (i32, i32)>,
    eu: &[usize],
) -> Vec<u8> {
    let mut e = Enc::new();
    e.uint(F_HEAD, size.0);
    e.uint(F_HEAD, size.1);
    // The end points of the arcs coded so far.
    let mut ends = std::collections::BTreeSet::new();
    // Arcs in the order they are first drawn, each the way it is first drawn; where each TopoJSON arc went.
    let mut coded: Vec<Vec<(i32, i32)>> = Vec::new();
    let mut placed: BTreeMap<usize, (usize, bool)> = BTreeMap::new();
    let (mut state, mut last_start) = (-1i32, (0i32, 0i32));
    for s in shapes {
        e.bit(MORE_SHAPE, true);
        e.bit(HAS_STATE, s.country.is_some());
        if let Some(c) = s.country {
            e.sint(F_STATE, c as i32 - state - 1);
            state = c as i32;
        }
        let mut best = (0i64, 0i64, 0i64);
        for (ri, refs) in s.rings.iter().enumerate() {
            let (mut sums, mut start, mut at, mut dir) = ((0i64, 0i64, 0i64), (0, 0), (0, 0), None);
            let mut last = usize::MAX;
            for (k, &r) in refs.iter().enumerate() {
                let topo = arc_index(r);
                // Old arcs that start where the ring is (the order `src/geo.rs` finds them in).
                let mut cands = Vec::new();
                for (j, a) in coded.iter().enumerate().rev() {
                    for (rev, p) in [(true, a[a.len() - 1]), (false, a[0])] {
                        if k > 0 && j != last && p == at {
                            cands.push((j, rev));
                        }
                    }
                }
                let new = !placed.contains_key(&topo);
                e.bit(if k == 0 { NEW_FIRST } else { NEW + cands.len().min(2) }, new);
                let (j, rev) = if new {
                    let mut pts = arcs[topo].clone();
                    if r < 0 {
                        pts.reverse();
                    }
                    if k == 0 {
                        start = pts[0];
                        let f = F_START + 2 * FAM * usize::from(ri > 0);
                        e.sint(f, start.0 - last_start.0);
                        e.sint(f + FAM, start.1 - last_start.1);
                        last_start = start;
                    } else {
                        assert_eq!(pts[0], at, "arc {topo} does not continue its ring");
                    }
                    for i in 1..=pts.len() {
                        let q = pts[i - 1];
                        let c = match i {
                            1 => 0,
                            _ => 1 + usize::from(ends.contains(&q)) + 2 * usize::from(q == start),
                        };
                        e.bit(END + c, i == pts.len());
                        if i < pts.len() {
                            let d = (pts[i].0 - q.0, pts[i].1 - q.1);
                            e.delta(dir, d);
                            dir = Some(d);
                        }
                    }
                    ends.insert(pts[0]);
                    ends.insert(pts[pts.len() - 1]);
                    placed.insert(topo, (coded.len(), r < 0));
                    coded.push(pts);
                    (coded.len() - 1, false)
                } else {
                    let (j, was_rev) = placed[&topo];
                    let rev = was_rev != (r < 0);
                    if k == 0 {
                        e.uint(F_OLD, (coded.len() - 1 - j) as u32);
                        e.bit(OLD_REV, rev);
                    } else {
                        let c = cands.iter().position(|&x| x == (j, rev)).expect("an old arc continues the ring");
                        for (t, &(_, rev)) in cands.iter().enumerate().take(c) {
                            e.bit(CAND + 2 * usize::from(rev) + t.min(1), false);
                        }
                        if c + 1 < cands.len() {
                            e.bit(CAND + 2 * usize::from(cands[c].1) + c.min(1), true);
                        }
                    }
                    (j, rev)
                };
                let arc = &coded[j];
                let n = arc.len();
                let pt = |i: usize| if rev { arc[n - 1 - i] } else { arc[i] };
                if k == 0 {
                    start = pt(0);
                    last_start = start;
                }
                for i in 1..n {
                    let (p, q) = (pt(i - 1), pt(i));
                    ring_edge(&mut sums, p, q);
                    dir = Some((q.0 - p.0, q.1 - p.1));
                }
                at = pt(n - 1);
                last = j;
                if at == start {
                    e.bit(RING_END, k + 1 == refs.len());
                } else {
                    assert!(k + 1 < refs.len(), "a ring of arcs does not close");
                }
            }
            if sums.0.abs() > best.0.abs() {
                best = sums;
            }
            e.bit(MORE_RING + usize::from(ri > 0), ri + 1 < s.rings.len());
        }
        let (gx, gy) = label_guess(best);
        e.sint(F_LABEL, s.label.0.max(0) - gx as i32);
        e.sint(F_LABEL, s.label.1.max(0) - gy as i32);
    }
    e.bit(MORE_SHAPE, false);
    state = -1;
    for (&c, &(x, y)) in dots {
        e.bit(MORE_DOT, true);
        e.uint(F_DOT, (c as i32 - state - 1) as u32);
        state = c as i32;
        e.uint(F_DOT_XY, x.max(0) as u32);
        e.uint(F_DOT_XY, y.max(0) as u32);
    }
    e.bit(MORE_DOT, false);
    e.uint(F_HEAD, eu.len() as u32);
    let mut prev = 0i32;
    for a in eu {
        let (j, rev) = placed[a];
        e.sint(F_EU, j as i32 - prev);
        e.bit(EU_REV, rev);
        prev = j as i32;
    }
    e.finish()
}

fn poly_first_point<'a>(v: &Value, arcs: &'a [Vec<(i32, i32)>]) -> Option<&'a (i32, i32)> {
    let r = match v {
        Value::Polygon(p) => p.first()?.first()?,
        Value::MultiPolygon(m) => m.first()?.first()?.first()?,
        _ => return None,
    };
    arcs[arc_index(*r)].first()
}
