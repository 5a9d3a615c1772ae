//! A small text compressor for the dataset's prose, so that all of it fits the 150 KB first-load budget.
//!
//! Burrows–Wheeler transform → move-to-front → adaptive binary arithmetic coding of the ranks. On the atlas's Korean
//! and English text it is about a fifth smaller than gzip -9, and the decoder is a few hundred bytes of wasm. The
//! encoder runs in `build.rs` (which includes this file), the decoder at start-up. Pure Rust, no Leptos.
//!
//! Format: `[n: u32 LE][primary: u32 LE][arithmetic-coded ranks…]`.

/// Adaptive probability of a 1 bit: the mean of a fast and a slow estimate (16-bit precision each).
#[derive(Clone, Copy)]
struct Bit(u16, u16);

impl Bit {
    const NEW: Bit = Bit(1 << 15, 1 << 15);

    #[inline(always)]
    fn p12(self) -> u32 {
        (((self.0 as u32 + self.1 as u32) >> 5) as u32).clamp(1, 4095)
    }

    /// Splits the interval `[x1, x2]` at this bit's probability of a 1.
    #[inline(always)]
    fn split(self, x1: u32, x2: u32) -> u32 {
        x1 + (((x2 - x1) as u64 * self.p12() as u64) >> 12) as u32
    }

    #[inline(always)]
    fn update(&mut self, bit: bool) {
        if bit {
            self.0 += (65535 - self.0) >> 4;
            self.1 += (65535 - self.1) >> 6;
        } else {
            self.0 -= self.0 >> 4;
            self.1 -= self.1 >> 6;
        }
    }
}

/// The context model shared by encoder and decoder: how a move-to-front rank is binarized and which adaptive bit
/// codes each decision.
struct Model {
    zero: [Bit; 64],
    unary: [[Bit; 9]; 4],
    low: [[Bit; 256]; 9],
    run: usize,
}

impl Model {
    fn new() -> Model {
        Model { zero: [Bit::NEW; 64], unary: [[Bit::NEW; 9]; 4], low: [[Bit::NEW; 256]; 9], run: 0 }
    }

    /// Context for the "rank is zero" decision: the length of the current run of zeros, capped.
    fn zero_ctx(&self) -> usize {
        self.run.min(63)
    }

    fn class_ctx(&self) -> usize {
        match self.run {
            0 => 0,
            1 => 1,
            2..=4 => 2,
            _ => 3,
        }
    }
}

/// The coding interval `[x1, x2]` shared by encoder and decoder (binary arithmetic coding, carry-less, 32-bit,
/// after lpaq).
struct Interval {
    x1: u32,
    x2: u32,
}

impl Interval {
    const FULL: Interval = Interval { x1: 0, x2: u32::MAX };

    /// Keeps the part of the interval that stands for `bit` (split at `b`'s probability) and adapts `b`.
    #[inline(always)]
    fn narrow(&mut self, bit: bool, xmid: u32, b: &mut Bit) {
        if bit {
            self.x2 = xmid;
        } else {
            self.x1 = xmid + 1;
        }
        b.update(bit);
    }

    /// Once the leading byte of both ends agrees it is settled: shifts it out and returns it.
    #[inline(always)]
    fn settled_byte(&mut self) -> Option<u8> {
        if (self.x1 ^ self.x2) & 0xff00_0000 != 0 {
            return None;
        }
        let top = (self.x2 >> 24) as u8;
        self.x1 <<= 8;
        self.x2 = (self.x2 << 8) | 255;
        Some(top)
    }
}

/// Writes bits through the arithmetic coder.
struct Encoder {
    range: Interval,
    out: Vec<u8>,
}

impl Encoder {
    fn code(&mut self, bit: bool, b: &mut Bit) {
        let xmid = b.split(self.range.x1, self.range.x2);
        self.range.narrow(bit, xmid, b);
        while let Some(byte) = self.range.settled_byte() {
            self.out.push(byte);
        }
    }
}

/// Reads bits back: `x` is the position of the encoded number inside the interval.
struct Decoder<'a> {
    range: Interval,
    x: u32,
    input: &'a [u8],
    pos: usize,
}

impl Decoder<'_> {
    #[inline(always)]
    fn next_byte(&mut self) -> u32 {
        let b = self.input.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b as u32
    }

    #[inline(always)]
    fn code(&mut self, b: &mut Bit) -> bool {
        let xmid = b.split(self.range.x1, self.range.x2);
        let bit = self.x <= xmid;
        self.range.narrow(bit, xmid, b);
        while self.range.settled_byte().is_some() {
            self.x = (self.x << 8) | self.next_byte();
        }
        bit
    }
}

/// Codes one rank `r` (0..=255): "is it 0?", then the bit length of `r` in unary, then its low bits.
#[inline(always)]
fn code_rank(m: &mut Model, r: Option<u8>, mut bit: impl FnMut(Option<bool>, &mut Bit) -> bool) -> u8 {
    let zc = m.zero_ctx();
    let is_zero = bit(r.map(|r| r == 0), &mut m.zero[zc]);
    if is_zero {
        m.run += 1;
        return 0;
    }
    let cc = m.class_ctx();
    m.run = 0;
    // r >= 1: k = bit length of r (1..=8); unary-code k-1.
    let k_target = r.map(|r| 8 - r.leading_zeros() as usize);
    let mut k = 1;
    while k < 8 {
        let more = bit(k_target.map(|t| t > k), &mut m.unary[cc][k]);
        if !more {
            break;
        }
        k += 1;
    }
    // The k-1 bits below the leading 1, coded through a binary tree of adaptive bits.
    let mut value: usize = 1;
    for i in (0..k - 1).rev() {
        let b = bit(r.map(|r| (r >> i) & 1 == 1), &mut m.low[k][value]);
        value = (value << 1) | b as usize;
    }
    value as u8
}

/// Suffix array of `s` (plain comparison sort: fine for the dataset's ~120 KB blobs at build time).
fn suffix_array(s: &[u8]) -> Vec<u32> {
    let mut sa: Vec<u32> = (0..s.len() as u32).collect();
    sa.sort_unstable_by(|&a, &b| s[a as usize..].cmp(&s[b as usize..]));
    sa
}

/// Compresses `input`.
pub fn compress(input: &[u8]) -> Vec<u8> {
    let n = input.len();
    // BWT of input + EOF (EOF sorts first, so the sorted suffixes of input follow row 0, which is EOF itself).
    let sa = suffix_array(input);
    let mut last = Vec::with_capacity(n);
    last.push(input.last().copied().unwrap_or(0)); // row 0: the suffix "EOF", preceded by the last byte
    let mut primary = 0u32;
    for (row, &i) in sa.iter().enumerate() {
        if i == 0 {
            primary = row as u32 + 1; // this row is preceded by EOF: not emitted
        } else {
            last.push(input[i as usize - 1]);
        }
    }
    if n == 0 {
        last.clear();
    }
    let mut out = Vec::with_capacity(n / 3 + 16);
    out.extend_from_slice(&(n as u32).to_le_bytes());
    out.extend_from_slice(&primary.to_le_bytes());
    let mut enc = Encoder { range: Interval::FULL, out };
    let mut m = Model::new();
    let mut mtf: [u8; 256] = std::array::from_fn(|i| i as u8);
    for &c in &last {
        let r = mtf.iter().position(|&x| x == c).unwrap_or(0) as u8;
        mtf.copy_within(0..r as usize, 1);
        mtf[0] = c;
        code_rank(&mut m, Some(r), |b, p| {
            let b = b.unwrap_or(false);
            enc.code(b, p);
            b
        });
    }
    let mut out = enc.out;
    out.extend_from_slice(&enc.range.x1.to_be_bytes());
    out
}

/// Decompresses what [`compress`] produced; `None` when the input is malformed.
pub fn decompress(data: &[u8]) -> Option<Vec<u8>> {
    let n = u32::from_le_bytes(data.get(0..4)?.try_into().ok()?) as usize;
    let primary = u32::from_le_bytes(data.get(4..8)?.try_into().ok()?) as usize;
    if n == 0 {
        return Some(Vec::new());
    }
    if primary == 0 || primary > n {
        return None;
    }
    let body = &data[8..];
    let mut dec = Decoder { range: Interval::FULL, x: 0, input: body, pos: 0 };
    for _ in 0..4 {
        dec.x = (dec.x << 8) | dec.next_byte();
    }
    let mut m = Model::new();
    let mut mtf: [u8; 256] = std::array::from_fn(|i| i as u8);
    // `last` holds the n emitted symbols; the EOF row (`primary`) is implicit.
    let mut last = Vec::with_capacity(n);
    for _ in 0..n {
        let r = code_rank(&mut m, None, |_, p| dec.code(p)) as usize;
        let c = mtf[r];
        mtf.copy_within(0..r, 1);
        mtf[0] = c;
        last.push(c);
    }
    if dec.pos > body.len() + 4 {
        return None;
    }
    // Inverse BWT with the implicit EOF: rows 0..=n, where row `primary` has EOF in the last column.
    let mut counts = [0usize; 256];
    for &c in &last {
        counts[c as usize] += 1;
    }
    // First column: row 0 is EOF, then the bytes in order.
    let mut starts = [0usize; 256];
    let mut sum = 1;
    for (c, &k) in counts.iter().enumerate() {
        starts[c] = sum;
        sum += k;
    }
    // lf[row] = the row whose suffix is one longer (the row of last[row] in the first column).
    let mut lf = vec![0u32; n + 1];
    let mut seen = [0usize; 256];
    let mut j = 0;
    for (row, slot) in lf.iter_mut().enumerate() {
        if row == primary {
            *slot = 0; // EOF precedes this row; EOF's own row is 0
            continue;
        }
        let c = last[j] as usize;
        j += 1;
        *slot = (starts[c] + seen[c]) as u32;
        seen[c] += 1;
    }
    // Walk backwards from row 0 (the EOF suffix): the byte before EOF is the text's last byte.
    let mut out = vec![0u8; n];
    let mut row = 0usize;
    for k in (0..n).rev() {
        let idx = if row < primary { row } else { row.checked_sub(1)? };
        let c = *last.get(idx)?;
        out[k] = c;
        row = lf[row] as usize;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(s: &[u8]) {
        let c = compress(s);
        assert_eq!(decompress(&c).as_deref(), Some(s), "round trip of {} bytes", s.len());
    }

    #[test]
    fn round_trips_edge_cases() {
        for s in [&b""[..], b"a", b"aa", b"ab", b"ba", b"banana", b"abracadabra\0abracadabra", b"\0\0\0", b"zyxwvu"] {
            round_trip(s);
        }
    }

    #[test]
    fn round_trips_korean_and_pseudo_random_text() {
        round_trip("인공지능 기본법은 2026년 1월 22일 시행되었다.\0The AI Basic Act took effect on 22 Jan 2026.".as_bytes());
        let mut x: u32 = 12345;
        let bytes: Vec<u8> = (0..5000)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                (x >> 16) as u8 % 7 + b'a'
            })
            .collect();
        round_trip(&bytes);
        let all: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
        round_trip(&all);
    }

    #[test]
    fn compresses_repetitive_text() {
        let s = "governance of artificial intelligence; ".repeat(200);
        assert!(compress(s.as_bytes()).len() < s.len() / 20);
    }

    #[test]
    fn malformed_input_is_rejected_or_harmless() {
        assert_eq!(decompress(&[]), None);
        assert_eq!(decompress(&[1, 0, 0, 0, 0, 0, 0, 0]), None); // primary 0
        assert_eq!(decompress(&[5, 0, 0, 0, 9, 0, 0, 0]), None); // primary > n
        let _ = decompress(&[4, 0, 0, 0, 2, 0, 0, 0, 0xff, 0x13]); // garbage body: no panic
    }
}
