//! The context model of the map geometry's arithmetic coder, shared by the encoder (`build/geo.rs`, which includes
//! this file) and the decoder (`src/geo.rs`): the context layout, the probability split and adaptation, the delta
//! frame, and the label's prediction (the largest ring's centroid). One copy, so the two sides cannot drift apart. No Leptos, no `web_sys`.

/// A family of contexts for one kind of integer: 24 for its bit length (unary), 3 per length for the bits below
/// the leading 1 (first, second, the rest), then one for "zero" and one for the sign of a signed value.
pub const FAM: usize = 24 + 3 * 25 + 2;
/// Contexts of single decisions: another shape, the shape has a state, another ring (after the first / a later
/// one), the ring's first arc is new, a later arc is new (by how many old arcs start at the point: 0, 1, more),
/// an old first arc is reversed, "this candidate?" (by whether it is reversed and whether it is the first), the
/// arc ends here (at its first point / elsewhere, by whether an earlier arc ends there and whether it is the
/// ring's start), the ring is closed, another dot, an EU arc is reversed.
pub const MORE_SHAPE: usize = 0;
pub const HAS_STATE: usize = 1;
pub const MORE_RING: usize = 2;
pub const NEW_FIRST: usize = 4;
pub const NEW: usize = 5;
pub const OLD_REV: usize = 8;
pub const CAND: usize = 9;
pub const END: usize = 13;
pub const RING_END: usize = 18;
pub const MORE_DOT: usize = 19;
pub const EU_REV: usize = 20;
/// Contexts of the second component of a delta: "zero" and sign, by the first component's context and value.
pub const V_BITS: usize = 21;
/// Integer families: header, state index, ring start x and y (of a shape's first ring, of a later ring), number of
/// an old first arc, label correction, dot state, dot position, EU arc, then a delta's first component by the
/// previous delta (16), its second by the first component's size (6).
pub const F_HEAD: usize = V_BITS + 2 * 16 * 7;
pub const F_STATE: usize = F_HEAD + FAM;
pub const F_START: usize = F_STATE + FAM;
pub const F_OLD: usize = F_START + 4 * FAM;
pub const F_LABEL: usize = F_OLD + FAM;
pub const F_DOT: usize = F_LABEL + FAM;
pub const F_DOT_XY: usize = F_DOT + FAM;
pub const F_EU: usize = F_DOT_XY + FAM;
pub const F_U: usize = F_EU + FAM;
pub const F_V: usize = F_U + 16 * FAM;
pub const N_CTX: usize = F_V + 6 * FAM;

/// Size class of a delta component: 0, 1, 2, 3–4, 5–8, more.
pub fn size(v: i32) -> usize {
    match v.unsigned_abs() {
        0 => 0,
        1 => 1,
        2 => 2,
        3..=4 => 3,
        5..=8 => 4,
        _ => 5,
    }
}

/// The symmetry of the grid (mirror x, mirror y, swap) that turns the previous delta `p` into one with
/// `x >= y >= 0`, and the context that canonical delta gives (0: no previous delta).
pub fn frame(p: Option<(i32, i32)>) -> ((bool, bool, bool), usize) {
    let Some((x, y)) = p.filter(|&p| p != (0, 0)) else { return ((false, false, false), 0) };
    let (a, b) = (x.unsigned_abs().max(y.unsigned_abs()), x.unsigned_abs().min(y.unsigned_abs()));
    let shape = if b == 0 { 0 } else if b == a { 2 } else { 1 };
    ((x < 0, y < 0, y.unsigned_abs() > x.unsigned_abs()), (size(a as i32) - 1) * 3 + shape + 1)
}

/// The point splitting the interval `[x1, x2]` for a context whose probability of a 1 is `p` (16 bits).
pub fn split(x1: u32, x2: u32, p: u16) -> u32 {
    x1 + ((u64::from(x2 - x1) * u64::from(p.clamp(32, 65503))) >> 16) as u32
}

/// Adapts a context (probability of a 1, times seen) to a coded bit: fast at first, then at 1/63.
pub fn adapt((p, n): (u16, u16), one: bool) -> (u16, u16) {
    let t = if one { 65535 } else { 0 };
    ((p as i32 + (t - p as i32) / (n as i32 + 3)) as u16, n + u16::from(n < 60))
}

/// The context of bit `k` (1 ≤ k < len) below the leading 1 of an integer of bit length `len` in family `f`.
pub fn low_bit(f: usize, len: usize, k: usize) -> usize {
    f + 24 + 3 * len + (k - 1).min(2)
}

/// The "zero"/sign context pair of a delta's second component, given the frame's context `pc` and the first
/// component `u`.
pub fn second(pc: usize, u: i32) -> usize {
    V_BITS + 2 * (pc * 7 + if u == 0 { 0 } else { usize::from(u < 0) * 3 + (size(u).min(3)) })
}

/// Adds the edge `p`→`q` of a ring to its sums: twice its signed area, and the centroid's x and y sums (times six
/// times the area). Wrapping, so that a hostile stream cannot make the decoder panic.
pub fn ring_edge(sums: &mut (i64, i64, i64), p: (i32, i32), q: (i32, i32)) {
    let cross = (i64::from(p.0) * i64::from(q.1)).wrapping_sub(i64::from(q.0) * i64::from(p.1));
    sums.0 = sums.0.wrapping_add(cross);
    sums.1 = sums.1.wrapping_add(cross.wrapping_mul(i64::from(p.0) + i64::from(q.0)));
    sums.2 = sums.2.wrapping_add(cross.wrapping_mul(i64::from(p.1) + i64::from(q.1)));
}

/// The label's prediction from the largest ring's sums ([`ring_edge`]): its centroid, rounded to whole units
/// (0 for a ring without area). The coded label is the correction to it.
pub fn label_guess((a, sx, sy): (i64, i64, i64)) -> (i64, i64) {
    let (six_a, sign) = ((a.unsigned_abs() as i64).wrapping_mul(6), a.signum());
    let round = |s: i64| s.wrapping_mul(2 * sign).wrapping_add(six_a / 2).checked_div_euclid(six_a).unwrap_or(0);
    (round(sx), round(sy))
}
