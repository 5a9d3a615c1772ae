//! The world map's geometry, decoded from the stream `build/geo.rs` wrote (projected, quantized and simplified at
//! build time; see there for the format) into SVG path data. No Leptos, no `web_sys`.

use std::sync::OnceLock;

static PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/geo.bin"));

/// One thing drawn on the map: a state's shape, a dot for a state too small for the 1:110m data, or a shape without
/// a state of the list (e.g. Northern Cyprus).
#[derive(Clone, Debug)]
pub struct Shape {
    /// Index into [`crate::data::COUNTRIES`].
    pub country: Option<u16>,
    /// SVG path data (absolute start, relative lines); empty for a dot.
    pub d: String,
    /// Label point: the centroid of the largest part, or the dot's position (map units).
    pub x: u16,
    pub y: u16,
}

impl Shape {
    pub fn is_dot(&self) -> bool {
        self.d.is_empty()
    }
}

/// The decoded map.
#[derive(Debug, Default)]
pub struct WorldMap {
    pub width: u16,
    pub height: u16,
    /// Shapes, then dots; each sorted by country code (shapes without a state last among shapes).
    pub shapes: Vec<Shape>,
    /// The outer border of the European Union (open lines).
    pub eu_border: String,
}

impl WorldMap {
    /// The shape drawn for a country.
    pub fn of(&self, country: u16) -> Option<&Shape> {
        self.shapes.iter().find(|s| s.country == Some(country))
    }
}

struct Reader<'a> {
    b: &'a [u8],
    i: usize,
}

impl Reader<'_> {
    fn u(&mut self) -> Option<u32> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let byte = *self.b.get(self.i)?;
            self.i += 1;
            v |= ((byte & 0x7f) as u32) << shift;
            if byte < 0x80 {
                return Some(v);
            }
        }
        None
    }
    fn z(&mut self) -> Option<i32> {
        let v = self.u()?;
        Some((v >> 1) as i32 ^ -((v & 1) as i32))
    }
}

/// Appends the points of `arc` to a path: `M` for the first, then relative `l` segments.
fn push_arc(d: &mut String, arc: &[(i32, i32)], reversed: bool, start: bool) {
    use std::fmt::Write;
    let n = arc.len();
    let at = |k: usize| if reversed { arc[n - 1 - k] } else { arc[k] };
    if n == 0 {
        return;
    }
    let mut prev = at(0);
    if start {
        let _ = write!(d, "M{} {}l", prev.0, prev.1);
    }
    for k in 1..n {
        let p = at(k);
        let (dx, dy) = (p.0 - prev.0, p.1 - prev.1);
        // A negative number needs no separator; the first pair after `l` needs none either.
        if !d.ends_with('l') && dx >= 0 {
            d.push(' ');
        }
        let _ = write!(d, "{dx}");
        if dy >= 0 {
            d.push(' ');
        }
        let _ = write!(d, "{dy}");
        prev = p;
    }
}

fn decode(bytes: &[u8]) -> Option<WorldMap> {
    let mut r = Reader { b: bytes, i: 0 };
    let width = r.u()? as u16;
    let height = r.u()? as u16;
    let n_arcs = r.u()? as usize;
    let mut arcs: Vec<Vec<(i32, i32)>> = Vec::with_capacity(n_arcs);
    let mut cur = (0i32, 0i32);
    for _ in 0..n_arcs {
        let n = r.u()? as usize;
        let mut arc = Vec::with_capacity(n);
        for _ in 0..n {
            cur = (cur.0 + r.z()?, cur.1 + r.z()?);
            arc.push(cur);
        }
        arcs.push(arc);
    }
    let mut shapes = Vec::new();
    for _ in 0..r.u()? {
        let country = r.u()?.checked_sub(1).map(|c| c as u16);
        let (x, y) = (r.u()? as u16, r.u()? as u16);
        let mut d = String::new();
        for _ in 0..r.u()? {
            let mut start = true;
            for _ in 0..r.u()? {
                let a = r.z()?;
                let arc = arcs.get(if a < 0 { !a } else { a } as usize)?;
                push_arc(&mut d, arc, a < 0, start);
                start = false;
            }
            d.push('z');
        }
        shapes.push(Shape { country, d, x, y });
    }
    for _ in 0..r.u()? {
        let country = Some(r.u()? as u16);
        let (x, y) = (r.u()? as u16, r.u()? as u16);
        shapes.push(Shape { country, d: String::new(), x, y });
    }
    let mut eu_border = String::new();
    for _ in 0..r.u()? {
        let arc = arcs.get(r.u()? as usize)?;
        if arc.len() > 1 {
            push_arc(&mut eu_border, arc, false, true);
        }
    }
    Some(WorldMap { width, height, shapes, eu_border })
}

/// The map, decoded on first use. `build.rs` writes and the tests decode the stream, so a failure cannot happen in
/// a built binary; it would show an empty map rather than panic.
pub fn world() -> &'static WorldMap {
    static MAP: OnceLock<WorldMap> = OnceLock::new();
    MAP.get_or_init(|| crate::codec::decompress(PACKED).and_then(|b| decode(&b)).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{country, COUNTRIES};

    fn idx(a2: &str) -> u16 {
        COUNTRIES.iter().position(|c| c.a2 == a2).unwrap() as u16
    }

    #[test]
    fn the_map_decodes_with_every_state_of_the_110m_file() {
        let m = world();
        assert_eq!(m.width, 1000);
        assert!((400..480).contains(&m.height), "height {}", m.height);
        let shapes = m.shapes.iter().filter(|s| !s.is_dot()).count();
        assert!(shapes >= 170, "{shapes} shapes");
        for a2 in ["KR", "US", "FR", "CN", "JP", "BR", "XK"] {
            let s = m.of(idx(a2)).unwrap_or_else(|| panic!("{a2} has a shape"));
            assert!(s.d.starts_with('M') && s.d.ends_with('z'), "{a2}: {}", &s.d[..20.min(s.d.len())]);
        }
        assert!(country("AQ").is_some_and(|_| m.of(idx("AQ")).is_none()), "Antarctica is left out");
    }

    #[test]
    fn small_states_are_dots_where_they_are() {
        let m = world();
        for a2 in ["SG", "VA", "MT", "AD", "SM"] {
            assert!(m.of(idx(a2)).is_some_and(Shape::is_dot), "{a2} is a dot");
        }
        // Singapore sits just south of the Malay peninsula's label point, east of Sumatra.
        let sg = m.of(idx("SG")).unwrap();
        let my = m.of(idx("MY")).unwrap();
        assert!((sg.x as i32 - my.x as i32).abs() < 40 && sg.y > my.y - 20, "SG {},{} MY {},{}", sg.x, sg.y, my.x, my.y);
    }

    #[test]
    fn label_points_are_in_the_right_places() {
        let m = world();
        let at = |a2| {
            let s = m.of(idx(a2)).unwrap();
            (s.x as i32, s.y as i32)
        };
        // West to east, north to south, on an Equal Earth map of the world.
        assert!(at("US").0 < at("FR").0 && at("FR").0 < at("CN").0 && at("CN").0 < at("KR").0 && at("KR").0 < at("JP").0);
        assert!(at("NO").1 < at("FR").1 && at("FR").1 < at("NG").1 && at("NG").1 < at("ZA").1);
        // France's label is in metropolitan France, not French Guiana.
        assert!(at("FR").0 > at("GB").0 - 30 && at("FR").1 > at("GB").1);
        // Within the view box.
        for s in &m.shapes {
            assert!(s.x <= m.width && s.y <= m.height);
        }
    }

    /// Absolute points of a path made by [`push_arc`] (`M x y l dx dy …z`).
    fn points(d: &str) -> Vec<(i32, i32)> {
        let mut out = Vec::new();
        for ring in d.split('M').filter(|r| !r.is_empty()) {
            let ring = ring.trim_end_matches('z');
            let (start, rel) = ring.split_once('l').unwrap_or((ring, ""));
            let mut s = start.split(' ').map(|v| v.parse::<i32>().unwrap());
            let mut p = (s.next().unwrap(), s.next().unwrap());
            out.push(p);
            let nums: Vec<i32> = rel.replace('-', " -").split_whitespace().map(|v| v.parse().unwrap()).collect();
            for pair in nums.chunks(2) {
                p = (p.0 + pair[0], p.1 + pair[1]);
                out.push(p);
            }
        }
        out
    }

    #[test]
    fn shapes_across_the_antimeridian_do_not_band_across_the_map() {
        let m = world();
        // Russia spans from Kaliningrad (about 20°E) eastwards; Fiji lies around 180°.
        let ru = points(&m.of(idx("RU")).unwrap().d);
        assert!(ru.iter().all(|p| p.0 > 500), "a Russian point is west of 20°E: {:?}", ru.iter().min());
        let fj = points(&m.of(idx("FJ")).unwrap().d);
        assert!(fj.iter().all(|p| p.0 > 900), "{:?}", fj.iter().min());
        // And every shape stays within the map's height.
        for s in m.shapes.iter().filter(|s| !s.is_dot()) {
            assert!(points(&s.d).iter().all(|p| p.1 >= -2 && p.1 <= m.height as i32 + 2));
        }
    }

    #[test]
    fn the_eu_border_is_drawn() {
        let d = &world().eu_border;
        assert!(d.matches('M').count() >= 10, "{} lines", d.matches('M').count());
    }

    #[test]
    fn path_data_is_compact_and_well_formed() {
        let mut d = String::new();
        push_arc(&mut d, &[(10, 20), (12, 19), (9, 25)], false, true);
        assert_eq!(d, "M10 20l2-1-3 6");
        let mut r = String::new();
        push_arc(&mut r, &[(10, 20), (12, 19), (9, 25)], true, true);
        assert_eq!(r, "M9 25l3-6-2 1");
        push_arc(&mut r, &[(10, 20), (15, 20)], false, false);
        assert_eq!(r, "M9 25l3-6-2 1 5 0");
    }
}
