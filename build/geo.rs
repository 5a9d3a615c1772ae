//! The map's geometry, prepared at build time so the browser does no projection work: Natural Earth 1:110m
//! countries (the `world-atlas` 2.0.2 TopoJSON, vendored in `src/data/geo/`), parsed with the `topojson` crate,
//! projected with Equal Earth, quantized to a 1-unit grid of the SVG view box, simplified per arc with `geo`'s
//! Ramer–Douglas–Peucker (shared borders stay shared: arcs are simplified once and keep their end points), and
//! written as a varint stream that `src/codec.rs` compresses. `src/geo.rs` decodes it into SVG path strings.
//!
//! Stream (all unsigned LEB128 varints; `z` = zigzag-signed):
//! `W H` · `n_arcs` · per arc `n_pts` then `z dx z dy` per point (deltas run on across arcs) ·
//! `n_shapes` · per shape `country+1` (0: a shape without a state, e.g. N. Cyprus) `label_x label_y n_rings`, per ring
//! `n_refs` and `z ref` per arc reference (TopoJSON's `~i` for a reversed arc) ·
//! `n_dots` · per dot `country x y` · `n_eu` · arc indices of the EU's outer border.

use geo::{Area, Centroid, Coord, LineString, Polygon, Simplify};
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

fn varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn zigzag(out: &mut Vec<u8>, v: i32) {
    varint(out, ((v << 1) ^ (v >> 31)) as u32);
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

    struct Shape {
        country: Option<usize>,
        label: (i32, i32),
        rings: Vec<Vec<i32>>,
    }
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

    // Keep only arcs that are drawn, renumbered.
    let mut used: Vec<usize> = shapes.iter().flat_map(|s| s.rings.iter().flatten().map(|r| arc_index(*r))).collect();
    used.sort_unstable();
    used.dedup();
    let renum: BTreeMap<usize, i32> = used.iter().enumerate().map(|(n, &a)| (a, n as i32)).collect();

    let mut out = Vec::new();
    varint(&mut out, WIDTH as u32);
    varint(&mut out, grid.height().ceil() as u32);
    varint(&mut out, used.len() as u32);
    let mut cur = (0, 0);
    for &a in &used {
        varint(&mut out, arcs[a].len() as u32);
        for &(x, y) in &arcs[a] {
            zigzag(&mut out, x - cur.0);
            zigzag(&mut out, y - cur.1);
            cur = (x, y);
        }
    }
    shapes.sort_by_key(|s| (s.country.is_none(), s.country));
    varint(&mut out, shapes.len() as u32);
    for s in &shapes {
        varint(&mut out, s.country.map_or(0, |c| c as u32 + 1));
        varint(&mut out, s.label.0.max(0) as u32);
        varint(&mut out, s.label.1.max(0) as u32);
        varint(&mut out, s.rings.len() as u32);
        for r in &s.rings {
            varint(&mut out, r.len() as u32);
            for &a in r {
                let n = renum[&arc_index(a)];
                zigzag(&mut out, if a < 0 { !n } else { n });
            }
        }
    }
    varint(&mut out, dots.len() as u32);
    for (&c, &(x, y)) in &dots {
        varint(&mut out, c as u32);
        varint(&mut out, x.max(0) as u32);
        varint(&mut out, y.max(0) as u32);
    }
    varint(&mut out, eu_border.len() as u32);
    for a in eu_border {
        varint(&mut out, renum.get(&a).copied().unwrap_or(0) as u32);
    }

    let mut drawn: Vec<String> = shapes.iter().filter_map(|s| s.country).chain(dots.keys().copied()).map(|i| states[i].a2.to_string()).collect();
    drawn.sort();
    drawn.dedup();
    Built { stream: out, drawn, errors }
}

fn poly_first_point<'a>(v: &Value, arcs: &'a [Vec<(i32, i32)>]) -> Option<&'a (i32, i32)> {
    let r = match v {
        Value::Polygon(p) => p.first()?.first()?,
        Value::MultiPolygon(m) => m.first()?.first()?.first()?,
        _ => return None,
    };
    arcs[arc_index(*r)].first()
}
