//! The map's zoom and pan: a centre in map units and a zoom factor, its presets and its URL form. Pure; no Leptos.

/// Largest zoom factor.
pub const MAX_ZOOM: f32 = 12.0;

/// What part of the map is on screen. (`Debug` only in tests: it would link float formatting into the wasm.)
#[derive(Clone, Copy, PartialEq)]
#[cfg_attr(test, derive(Debug))]
pub struct Viewport {
    /// Centre, in map units.
    pub cx: f32,
    pub cy: f32,
    /// Zoom factor, 1 (the whole world) to [`MAX_ZOOM`].
    pub k: f32,
}

/// Named views (buttons and `?zoom=` keys). The first is the default.
pub const PRESETS: [(&str, Viewport); 3] = [
    ("world", Viewport { cx: 500.0, cy: 219.0, k: 1.0 }),
    ("europe", Viewport { cx: 527.0, cy: 70.0, k: 4.0 }),
    ("east-asia", Viewport { cx: 805.0, cy: 125.0, k: 3.2 }),
];

impl Viewport {
    pub const WORLD: Viewport = PRESETS[0].1;

    /// Keeps the zoom in range and the centre such that the view stays over the map (`w`×`h` map units).
    pub fn clamp(self, w: f32, h: f32) -> Viewport {
        let k = if self.k.is_finite() { within(self.k, 1.0, MAX_ZOOM) } else { 1.0 };
        let (hw, hh) = (w / 2.0 / k, h / 2.0 / k);
        let c = |v: f32, lo: f32, hi: f32, mid: f32| if v.is_finite() { within(v, lo, hi) } else { mid };
        Viewport { cx: c(self.cx, hw, w - hw, w / 2.0), cy: c(self.cy, hh, h - hh, h / 2.0), k }
    }

    /// Zooms by `factor` keeping the map point (`fx`, `fy`) where it is on screen.
    pub fn zoom_at(self, fx: f32, fy: f32, factor: f32, w: f32, h: f32) -> Viewport {
        let k = within(self.k * factor, 1.0, MAX_ZOOM);
        let f = self.k / k;
        Viewport { cx: fx + (self.cx - fx) * f, cy: fy + (self.cy - fy) * f, k }.clamp(w, h)
    }

    /// Moves the centre by (`dx`, `dy`) map units.
    pub fn pan(self, dx: f32, dy: f32, w: f32, h: f32) -> Viewport {
        Viewport { cx: self.cx + dx, cy: self.cy + dy, k: self.k }.clamp(w, h)
    }

    /// The view's top-left corner on a `w`×`h` map, in map units (the `viewBox`'s origin).
    pub fn corner(&self, w: f32, h: f32) -> (f32, f32) {
        (self.cx - w / 2.0 / self.k, self.cy - h / 2.0 / self.k)
    }

    /// The SVG `viewBox` for a `w`×`h` map.
    pub fn view_box(&self, w: f32, h: f32) -> String {
        let ((x, y), vw, vh) = (self.corner(w, h), w / self.k, h / self.k);
        let mut s = String::new();
        for (sep, v) in [("", x), (" ", y), (" ", vw), (" ", vh)] {
            s.push_str(sep);
            push_places(&mut s, v, 1);
        }
        s
    }

    /// The CSS `transform` (with `transform-origin: 0 0`) under which an SVG whose `viewBox` shows `from` shows
    /// this view instead, over a `w`×`h` map in a box of the map's shape. A zoom or pan step only sets this (moving
    /// composited layers: no layout, no repaint); the `viewBox` follows once the view settles (see `atlas_map`).
    /// A map point at fraction `f` of the box's width under `from` is at `f·m + t` under `self`, with `m` the ratio
    /// of the zoom factors and `t` the shift of the view's left edge, in box widths (heights for y).
    pub fn transform_from(&self, from: Viewport, w: f32, h: f32) -> String {
        let m = self.k / from.k;
        let ((fx, fy), (x, y)) = (from.corner(w, h), self.corner(w, h));
        let (tx, ty) = ((fx - x) * self.k / w * 100.0, (fy - y) * self.k / h * 100.0);
        let mut t = String::new();
        for (part, v, places) in [("translate(", tx, 3), ("%,", ty, 3), ("%) scale(", m, 6)] {
            t.push_str(part);
            push_places(&mut t, v, places);
        }
        t.push(')');
        t
    }

    /// The URL form: a preset's name, or `x,y,k` (whole units, one decimal of zoom).
    pub fn key(&self) -> String {
        match PRESETS.iter().find(|(_, p)| p == self) {
            Some((name, _)) => name.to_string(),
            None => format!("{},{},{}", self.cx.round() as i32, self.cy.round() as i32, fmt1(self.k)),
        }
    }

    /// Parses [`Viewport::key`]'s form. Out-of-range numbers are clamped later; garbage is `None`.
    pub fn parse(s: &str) -> Option<Viewport> {
        if let Some((_, p)) = PRESETS.iter().find(|(name, _)| name.eq_ignore_ascii_case(s)) {
            return Some(*p);
        }
        let mut it = s.split(',').map(|p| parse_num(p.trim()));
        let (cx, cy, k) = (it.next()??, it.next()??, it.next()??);
        if it.next().is_some() || !(1.0..=MAX_ZOOM).contains(&k) {
            return None;
        }
        // Round as the URL does, so that a parsed view serializes to the same text.
        let r = |v: f32| v.round();
        Some(Viewport { cx: r(cx), cy: r(cy), k: (k * 10.0).round() / 10.0 })
    }
}

/// `v` limited to `lo..=hi`. (`f32::clamp` asserts `lo <= hi` with a message that formats floats, which links
/// kilobytes of float formatting into the wasm; this never panics.)
pub fn within(v: f32, lo: f32, hi: f32) -> f32 {
    v.max(lo).min(hi)
}

/// `v` with one decimal (integer arithmetic: float formatting would add kilobytes of wasm).
pub fn fmt1(v: f32) -> String {
    fmt_places(v, 1)
}

/// `v` with `places` decimals (1 to 6; |`v`| under 2·10⁹ / 10^`places`), by integer arithmetic like [`fmt1`].
pub fn fmt_places(v: f32, places: u32) -> String {
    let mut s = String::new();
    push_places(&mut s, v, places);
    s
}

/// Appends [`fmt_places`]'s text to `s`.
fn push_places(s: &mut String, v: f32, places: u32) {
    let p = 10u32.pow(places.clamp(1, 6));
    let t = (v * p as f32).round() as i32;
    let a = t.unsigned_abs();
    if t < 0 {
        s.push('-');
    }
    crate::geo::push_int(s, (a / p) as i32);
    s.push('.');
    let mut digit = p / 10;
    while digit > 0 {
        s.push(char::from(b'0' + (a / digit % 10) as u8));
        digit /= 10;
    }
}

/// A decimal number such as `12`, `-3.25` or `2.5` (no exponents, no `inf`/`NaN`).
pub fn parse_num(s: &str) -> Option<f32> {
    let (neg, digits) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if int.is_empty() || int.len() > 6 || frac.len() > 6 || !(int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())) {
        return None;
    }
    let mut v = int.parse::<u32>().ok()? as f32;
    let mut scale = 0.1;
    for b in frac.bytes() {
        v += (b - b'0') as f32 * scale;
        scale /= 10.0;
    }
    Some(if neg { -v } else { v })
}

/// An arrow key's direction on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

impl Direction {
    /// Unit vector in map coordinates (y grows downwards).
    pub const fn vector(self) -> (f32, f32) {
        match self {
            Direction::Left => (-1.0, 0.0),
            Direction::Right => (1.0, 0.0),
            Direction::Up => (0.0, -1.0),
            Direction::Down => (0.0, 1.0),
        }
    }
}

/// The candidate nearest to `from` in direction `dir`: among those ahead of it (within 60° either side), the one
/// with the least distance, counting sideways distance double, so that Right goes to the neighbour on the right
/// rather than to a closer one above.
pub fn nearest<T: Copy>(from: (f32, f32), dir: Direction, candidates: impl Iterator<Item = (T, (f32, f32))>) -> Option<T> {
    let (ux, uy) = dir.vector();
    let mut best: Option<(f32, T)> = None;
    for (item, (x, y)) in candidates {
        let (dx, dy) = (x - from.0, y - from.1);
        let ahead = dx * ux + dy * uy;
        let side = (dx * uy - dy * ux).abs();
        if ahead <= 0.0 || side > ahead * 1.8 {
            continue;
        }
        let score = ahead + 2.0 * side;
        if best.is_none_or(|(b, _)| score < b) {
            best = Some((score, item));
        }
    }
    best.map(|(_, item)| item)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_go_to_the_neighbour_in_that_direction() {
        let pts = [("W", (0.0, 10.0)), ("E", (30.0, 12.0)), ("NE", (12.0, -8.0)), ("S", (2.0, 40.0))];
        let from = (10.0, 10.0);
        let go = |d| nearest(from, d, pts.iter().copied());
        assert_eq!(go(Direction::Left), Some("W"));
        assert_eq!(go(Direction::Right), Some("E"));
        assert_eq!(go(Direction::Up), Some("NE"));
        assert_eq!(go(Direction::Down), Some("S"));
        assert_eq!(nearest((100.0, 10.0), Direction::Right, pts.iter().copied()), None, "nothing further east");
    }
    const W: f32 = 1000.0;
    const H: f32 = 438.0;

    #[test]
    fn presets_round_trip_and_custom_views_too() {
        for (name, p) in PRESETS {
            assert_eq!(p.key(), name);
            assert_eq!(Viewport::parse(name), Some(p));
        }
        let v = Viewport { cx: 612.0, cy: 140.0, k: 2.5 };
        assert_eq!(v.key(), "612,140,2.5");
        assert_eq!(Viewport::parse(&v.key()), Some(v));
        for bad in ["", "mars", "1,2", "1,2,3,4", "1,2,0.5", "1,2,99", "a,b,c", "NaN,1,2", "1,2,inf"] {
            assert_eq!(Viewport::parse(bad), None, "{bad:?}");
        }
    }

    /// Parses `translate(a%,b%) scale(m)` back into (a, b, m).
    fn parse_transform(t: &str) -> (f32, f32, f32) {
        let t = t.strip_prefix("translate(").expect("translate first");
        let (xy, m) = t.split_once("%) scale(").expect("then scale");
        let (x, y) = xy.split_once("%,").expect("two offsets");
        let n = |s: &str| parse_num(s).expect("a number");
        (n(x), n(y), n(m.strip_suffix(')').expect("closed")))
    }

    #[test]
    fn a_transform_shows_one_view_drawn_for_another() {
        let (w, h) = (W, H);
        assert_eq!(Viewport::WORLD.transform_from(Viewport::WORLD, w, h), "translate(0.000%,0.000%) scale(1.000000)");
        // Where a map point sits in the box, as fractions of its width and height, under a view's viewBox.
        let at = |v: Viewport, (px, py): (f32, f32)| ((px - v.cx) * v.k / w + 0.5, (py - v.cy) * v.k / h + 0.5);
        let europe = Viewport::parse("europe").expect("preset");
        let views = [Viewport::WORLD, europe, Viewport { cx: 700.0, cy: 300.0, k: 7.3 }.clamp(w, h), europe.zoom_at(560.0, 90.0, 1.5, w, h)];
        for from in views {
            for to in views {
                let (tx, ty, m) = parse_transform(&to.transform_from(from, w, h));
                for p in [(527.0, 70.0), (100.0, 400.0), (805.0, 125.0), (0.0, 0.0)] {
                    let (f0, f1) = (at(from, p), at(to, p));
                    // Box fractions to a 1000-px-wide box: within a fifth of a pixel.
                    assert!((f0.0 * m + tx / 100.0 - f1.0).abs() * 1000.0 < 0.2, "x of {p:?}, {from:?} -> {to:?}");
                    assert!((f0.1 * m + ty / 100.0 - f1.1).abs() * 438.0 < 0.2, "y of {p:?}, {from:?} -> {to:?}");
                }
            }
        }
    }

    #[test]
    fn numbers_format_and_parse_without_float_machinery() {
        assert_eq!(fmt1(2.54), "2.5");
        assert_eq!(fmt1(-0.26), "-0.3");
        assert_eq!(fmt1(1000.0), "1000.0");
        assert_eq!(fmt1(-0.04), "0.0", "no negative zero");
        assert_eq!(fmt_places(1.23456, 3), "1.235");
        assert_eq!(fmt_places(-3.25, 2), "-3.25");
        assert_eq!(fmt_places(0.05, 3), "0.050", "leading zeros of the fraction kept");
        assert_eq!(fmt_places(12.5, 4), "12.5000");
        assert_eq!(parse_num("612"), Some(612.0));
        assert_eq!(parse_num("-3.25"), Some(-3.25));
        for bad in ["", "-", "1e3", "inf", "NaN", "1.2.3", "+4", " 1"] {
            assert_eq!(parse_num(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn zooming_keeps_the_point_under_the_cursor() {
        let v = Viewport::WORLD.zoom_at(700.0, 150.0, 2.0, W, H);
        assert_eq!(v.k, 2.0);
        // The point was 200 units right of the centre at k=1; at k=2 it must be 100 units right of the new centre.
        assert!((700.0 - v.cx - 100.0).abs() < 0.01 && (150.0 - v.cy - (150.0 - 219.0) / 2.0).abs() < 0.01, "{v:?}");
        assert_eq!(Viewport::WORLD.zoom_at(0.0, 0.0, 0.5, W, H), Viewport::WORLD, "cannot zoom out past the world");
        assert_eq!(Viewport::WORLD.zoom_at(500.0, 219.0, 100.0, W, H).k, MAX_ZOOM);
    }

    #[test]
    fn the_view_stays_over_the_map() {
        let v = Viewport { cx: -500.0, cy: 9999.0, k: 2.0 }.clamp(W, H);
        assert_eq!((v.cx, v.cy), (250.0, H - H / 4.0));
        assert_eq!(Viewport::WORLD.pan(300.0, 0.0, W, H), Viewport::WORLD, "the whole world cannot pan");
        assert_eq!(Viewport::WORLD.view_box(W, H), "0.0 0.0 1000.0 438.0");
        let nan = Viewport { cx: f32::NAN, cy: 1.0, k: f32::NAN }.clamp(W, H);
        assert_eq!(nan.k, 1.0);
        assert!(nan.cx.is_finite());
    }
}
