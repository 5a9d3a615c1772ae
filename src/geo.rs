//! The world map's geometry, decoded from the stream `build/geo.rs` wrote (projected, quantized and simplified at
//! build time, then arithmetic-coded; see there for the format, [`crate::geo_model`] for the context model) into SVG
//! path data. No Leptos, no `web_sys`.

use crate::geo_model::*;
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

/// `v` in decimal (see [`push_int`]).
pub(crate) fn int(v: i32) -> String {
    let mut s = String::new();
    push_int(&mut s, v);
    s
}

/// Appends `v` in decimal. Path data is thousands of small numbers: this is several times faster than `write!`
/// (the map's path data is built at start-up, before the first frame), and it keeps `core::fmt` out of the code
/// that uses it.
pub(crate) fn push_int(d: &mut String, v: i32) {
    if v < 0 {
        d.push('-');
    }
    let mut u = v.unsigned_abs();
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (u % 10) as u8;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    for &c in &digits[i..] {
        d.push(c as char);
    }
}

/// Appends the points of `arc` to a path: `M` for the first, then relative `l` segments.
fn push_arc(d: &mut String, arc: &[(i32, i32)], reversed: bool, start: bool) {
    let n = arc.len();
    let at = |k: usize| if reversed { arc[n - 1 - k] } else { arc[k] };
    if n == 0 {
        return;
    }
    let mut prev = at(0);
    if start {
        d.push('M');
        push_int(d, prev.0);
        d.push(' ');
        push_int(d, prev.1);
        d.push('l');
    }
    for k in 1..n {
        let p = at(k);
        let (dx, dy) = (p.0 - prev.0, p.1 - prev.1);
        // A negative number needs no separator; the first pair after `l` needs none either.
        if !d.ends_with('l') && dx >= 0 {
            d.push(' ');
        }
        push_int(d, dx);
        if dy >= 0 {
            d.push(' ');
        }
        push_int(d, dy);
        prev = p;
    }
}

/// The arithmetic decoder; `build/geo.rs` has the matching encoder, and `src/geo_model.rs` the model both use.
struct Dec<'a> {
    b: &'a [u8],
    i: usize,
    x1: u32,
    x2: u32,
    x: u32,
    /// Per context: probability of a 1 (16 bits) and how often it was seen.
    ctx: Vec<(u16, u16)>,
}

impl Dec<'_> {
    fn bit(&mut self, c: usize) -> bool {
        let (p, n) = self.ctx[c];
        let mid = split(self.x1, self.x2, p);
        let one = self.x <= mid;
        if one {
            self.x2 = mid;
        } else {
            self.x1 = mid + 1;
        }
        self.ctx[c] = adapt((p, n), one);
        while (self.x1 ^ self.x2) >> 24 == 0 {
            self.x1 <<= 8;
            self.x2 = self.x2 << 8 | 255;
            // Past the end the encoder's flush implies 0xff bytes.
            self.x = self.x << 8 | u32::from(self.b.get(self.i).copied().unwrap_or(255));
            self.i += 1;
        }
        one
    }

    /// An unsigned integer below 2^24: its bit length in unary, then the bits below the leading 1.
    fn uint(&mut self, f: usize) -> u32 {
        let mut len = 0;
        while len < 24 && self.bit(f + len) {
            len += 1;
        }
        let mut v = u32::from(len > 0);
        for k in 1..len {
            v = v << 1 | self.bit(low_bit(f, len, k)) as u32;
        }
        v
    }

    /// A signed integer: "zero" (context `z`), the sign (context `z + 1`), the magnitude less one (family `f`).
    fn signed(&mut self, z: usize, f: usize) -> i32 {
        if self.bit(z) {
            return 0;
        }
        let neg = self.bit(z + 1);
        let m = self.uint(f) as i32 + 1;
        if neg { -m } else { m }
    }

    fn sint(&mut self, f: usize) -> i32 {
        self.signed(f + FAM - 2, f)
    }

    /// A delta `(dx, dy)` (never both zero), coded in the frame of the previous delta `prev` of the line.
    fn delta(&mut self, prev: Option<(i32, i32)>) -> (i32, i32) {
        let ((mx, my, swap), pc) = frame(prev);
        let u = self.sint(F_U + pc * FAM);
        let v = self.signed(second(pc, u), F_V + size(u) * FAM);
        let (x, y) = if swap { (v, u) } else { (u, v) };
        (if mx { -x } else { x }, if my { -y } else { y })
    }

    /// True while the decoder has not run far past the end of the data (only malformed data does).
    fn ok(&self) -> bool {
        self.i <= self.b.len() + 8
    }
}

/// The end points of the arcs decoded so far in hash chains, newest first, so that the arcs meeting at a point are
/// found at once: entry `2j` is arc `j`'s first point, `2j + 1` its last. `head` and `next` hold entry + 1 (0: none).
struct Tips {
    head: Vec<u32>,
    next: Vec<u32>,
    pts: Vec<(i32, i32)>,
}

impl Tips {
    fn slot(p: (i32, i32)) -> usize {
        (p.0.wrapping_mul(1021) ^ p.1) as usize & 4095
    }

    fn add(&mut self, p: (i32, i32)) {
        let h = Self::slot(p);
        self.next.push(self.head[h]);
        self.pts.push(p);
        self.head[h] = self.pts.len() as u32;
    }

    /// The entries at `p` of arcs other than `skip`, newest first: the arcs that start there (reversed if odd).
    fn at(&self, p: (i32, i32), skip: usize) -> Vec<usize> {
        let mut v = Vec::new();
        let mut e = self.head[Self::slot(p)] as usize;
        while let Some(&q) = self.pts.get(e.wrapping_sub(1)) {
            e -= 1;
            if q == p && e / 2 != skip {
                v.push(e);
            }
            e = self.next[e] as usize;
        }
        v
    }
}

fn decode(bytes: &[u8]) -> Option<WorldMap> {
    let mut r = Dec { b: bytes, i: 4, x1: 0, x2: u32::MAX, x: 0, ctx: vec![(32768, 0); N_CTX] };
    for k in 0..4 {
        r.x = r.x << 8 | u32::from(bytes.get(k).copied().unwrap_or(255));
    }
    let (width, height) = (r.uint(F_HEAD), r.uint(F_HEAD));
    let mut tips = Tips { head: vec![0; 4096], next: Vec::new(), pts: Vec::new() };
    let mut arcs: Vec<Vec<(i32, i32)>> = Vec::new();
    let (mut n_points, mut refs) = (0, 0);
    let mut shapes = Vec::new();
    let (mut state, mut last_start) = (-1i32, (0i32, 0i32));
    while r.bit(MORE_SHAPE) {
        let country = if r.bit(HAS_STATE) {
            state = state.wrapping_add(1).wrapping_add(r.sint(F_STATE));
            Some(state as u16)
        } else {
            None
        };
        let mut d = String::new();
        // The largest ring's doubled area and its centroid's sums (for the label).
        let mut best = (0i64, 0i64, 0i64);
        let mut more_rings = false;
        loop {
            let (mut sums, mut start, mut at, mut dir) = ((0i64, 0i64, 0i64), (0, 0), (0, 0), None);
            let mut last = usize::MAX;
            for k in 0.. {
                refs += 1;
                if !r.ok() || refs > 1 << 13 {
                    return None;
                }
                // Old arcs that start where the ring is, newest first, reversed before forward (a shared border
                // is drawn the other way by the neighbour); not the arc just drawn (a ring never turns back).
                let cands = if k > 0 { tips.at(at, last) } else { Vec::new() };
                let (j, rev) = if r.bit(if k == 0 { NEW_FIRST } else { NEW + cands.len().min(2) }) {
                    let mut q = if k == 0 {
                        let f = F_START + 2 * FAM * usize::from(more_rings);
                        start = (last_start.0.wrapping_add(r.sint(f)), last_start.1.wrapping_add(r.sint(f + FAM)));
                        start
                    } else {
                        at
                    };
                    let mut arc = vec![q];
                    loop {
                        // Does the arc end here? Likely where an earlier arc ends, or back at the ring's start.
                        let e = match arc.len() {
                            1 => 0,
                            _ => 1 + usize::from(!tips.at(q, usize::MAX).is_empty()) + 2 * usize::from(q == start),
                        };
                        if r.bit(END + e) {
                            break;
                        }
                        n_points += 1;
                        if !r.ok() || n_points > 1 << 20 {
                            return None;
                        }
                        let (dx, dy) = r.delta(dir);
                        q = (q.0.wrapping_add(dx), q.1.wrapping_add(dy));
                        dir = Some((dx, dy));
                        arc.push(q);
                    }
                    tips.add(arc[0]);
                    tips.add(q);
                    arcs.push(arc);
                    (arcs.len() - 1, false)
                } else if k == 0 {
                    let j = arcs.len().checked_sub(1 + r.uint(F_OLD) as usize)?;
                    (j, r.bit(OLD_REV))
                } else {
                    let mut c = 0;
                    while c + 1 < cands.len() && !r.bit(CAND + 2 * (cands[c] % 2) + c.min(1)) {
                        c += 1;
                    }
                    let e = *cands.get(c)?;
                    (e / 2, e % 2 == 1)
                };
                let arc = &arcs[j];
                let n = arc.len();
                let pt = |i: usize| if rev { arc[n - 1 - i] } else { arc[i] };
                if k == 0 {
                    start = pt(0);
                    last_start = start;
                }
                for i in 1..n {
                    let (p, q) = (pt(i - 1), pt(i));
                    ring_edge(&mut sums, p, q);
                    dir = Some((q.0.wrapping_sub(p.0), q.1.wrapping_sub(p.1)));
                }
                push_arc(&mut d, arc, rev, k == 0);
                at = pt(n - 1);
                last = j;
                if at == start && r.bit(RING_END) {
                    break;
                }
            }
            d.push('z');
            if sums.0.unsigned_abs() > best.0.unsigned_abs() {
                best = sums;
            }
            if !r.bit(MORE_RING + usize::from(more_rings)) {
                break;
            }
            more_rings = true;
        }
        // The label is the largest ring's centroid (rounded), plus a correction (0 unless rounding differed).
        let (gx, gy) = label_guess(best);
        let x = gx.wrapping_add(i64::from(r.sint(F_LABEL))) as u16;
        let y = gy.wrapping_add(i64::from(r.sint(F_LABEL))) as u16;
        shapes.push(Shape { country, d, x, y });
        if !r.ok() {
            return None;
        }
    }
    state = -1;
    while r.bit(MORE_DOT) && r.ok() {
        state = state.wrapping_add(1).wrapping_add(r.uint(F_DOT) as i32);
        let (x, y) = (r.uint(F_DOT_XY) as u16, r.uint(F_DOT_XY) as u16);
        shapes.push(Shape { country: Some(state as u16), d: String::new(), x, y });
    }
    let mut eu_border = String::new();
    let mut j = 0i32;
    for _ in 0..r.uint(F_HEAD) {
        if !r.ok() {
            return None;
        }
        j = j.wrapping_add(r.sint(F_EU));
        let arc = arcs.get(j as usize)?;
        let rev = r.bit(EU_REV);
        if arc.len() > 1 {
            push_arc(&mut eu_border, arc, rev, true);
        }
    }
    r.ok().then_some(WorldMap { width: width as u16, height: height as u16, shapes, eu_border })
}

/// The map, decoded on first use. `build.rs` writes and the tests decode the stream, so a failure cannot happen in
/// a built binary; it would show an empty map rather than panic.
pub fn world() -> &'static WorldMap {
    static MAP: OnceLock<WorldMap> = OnceLock::new();
    MAP.get_or_init(|| decode(PACKED).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{country, COUNTRIES};

    fn idx(a2: &str) -> u16 {
        COUNTRIES.iter().position(|c| c.a2 == a2).unwrap() as u16
    }

    #[test]
    fn numbers_are_written_as_format_writes_them() {
        for v in [0, 7, -7, 10, -10, 438, -999, 1000, i32::MAX, i32::MIN] {
            let mut d = String::from("l");
            push_int(&mut d, v);
            assert_eq!(d, format!("l{v}"));
        }
        let mut d = String::new();
        push_arc(&mut d, &[(10, 20), (13, 18), (13, 25), (5, 25)], false, true);
        assert_eq!(d, "M10 20l3-2 0 7-8 0");
        d.clear();
        push_arc(&mut d, &[(10, 20), (13, 18)], true, true);
        assert_eq!(d, "M13 18l-3 2");
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
    fn every_ring_closes_where_it_starts() {
        for s in world().shapes.iter().filter(|s| !s.is_dot()) {
            for ring in s.d.split_inclusive('z') {
                let p = points(ring);
                assert!(p.len() >= 4 && p.first() == p.last(), "{:?}: a ring ends at {:?}", s.country, p.last());
            }
        }
    }

    #[test]
    fn the_eu_border_is_drawn() {
        let d = &world().eu_border;
        assert!(d.matches('M').count() >= 10, "{} lines", d.matches('M').count());
    }

    /// xorshift64, for reproducible damage in the test below.
    fn next(s: &mut u64) -> u64 {
        *s ^= *s << 13;
        *s ^= *s >> 7;
        *s ^= *s << 17;
        *s
    }

    #[test]
    fn damaged_data_is_rejected_without_panicking() {
        assert!(decode(PACKED).is_some());
        assert!(decode(&PACKED[..PACKED.len() / 2]).is_none(), "a truncated stream runs past its end");
        for b in [&[][..], &[0; 64], &[255; 64]] {
            let _ = decode(b);
        }
        for n in (0..PACKED.len()).step_by(37) {
            let _ = decode(&PACKED[..n]);
        }
        let mut s = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..128 {
            let mut b = PACKED.to_vec();
            let i = next(&mut s) as usize % b.len();
            b[i] ^= 1 << (next(&mut s) % 8);
            let _ = decode(&b);
            let n = next(&mut s) as usize % 1500;
            let _ = decode(&(0..n).map(|_| next(&mut s) as u8).collect::<Vec<u8>>());
        }
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
