//! The dataset, compiled from `src/data/*.toml` by `build.rs`, and its look-ups. No Leptos.

use crate::model::*;
use std::sync::OnceLock;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/data.rs"));
}

pub use generated::{ACTORS, AS_OF, COUNTRIES, LAWS, RISKS, RISKS_NOTE, RISKS_SOURCE, SEEDS, SOURCES};

/// The dataset's texts, one compressed blob per language (see [`crate::codec`]), NUL-separated in `Text` order.
static KO_PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ko.bin"));
static EN_PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/en.bin"));
/// Single-language strings (section quotes, URLs, page titles), likewise.
static MISC_PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/misc.bin"));

fn unpack(packed: &[u8]) -> Vec<&'static str> {
    let bytes = crate::codec::decompress(packed).unwrap_or_default();
    let text: &'static str = String::from_utf8(bytes).map(|s| &*s.leak()).unwrap_or("");
    text.split('\0').collect()
}

/// The decoded string table of a language, decoded once on first use. `build.rs` round-trips both blobs before
/// writing them and `tests/data.rs` checks every text, so a failure here is impossible in a built binary; it would
/// show empty strings rather than panic.
fn table(lang: Lang) -> &'static [&'static str] {
    static KO: OnceLock<Vec<&'static str>> = OnceLock::new();
    static EN: OnceLock<Vec<&'static str>> = OnceLock::new();
    let (cell, packed) = match lang {
        Lang::Ko => (&KO, KO_PACKED),
        Lang::En => (&EN, EN_PACKED),
    };
    cell.get_or_init(|| unpack(packed))
}

impl Str {
    /// The string.
    pub fn get(self) -> &'static str {
        static MISC: OnceLock<Vec<&'static str>> = OnceLock::new();
        MISC.get_or_init(|| unpack(MISC_PACKED)).get(self.0 as usize).copied().unwrap_or("")
    }
}

impl Source {
    /// The seed document this source cites, if it is one.
    pub fn seed(&self) -> Option<&'static Seed> {
        match self {
            Source::Seed { seed, .. } => SEEDS.get(*seed as usize),
            Source::Url { .. } => None,
        }
    }
}

impl Text {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        table(lang).get(self.0 as usize).copied().unwrap_or("")
    }
}

/// Decodes both languages' texts now (so the first language switch does not pay for it).
pub fn warm_up() {
    table(Lang::Ko);
    table(Lang::En);
}

/// The five core jurisdictions, in their canonical order.
pub const CORE_IDS: [&str; 5] = ["EU", "US", "JP", "CN", "KR"];

/// The actor with this id (exact, case-sensitive).
pub fn actor(id: &str) -> Option<&'static Actor> {
    ACTORS.iter().find(|a| a.id == id)
}

/// The actor whose id matches `id` ignoring ASCII case, as found in URLs typed by people.
pub fn actor_loose(id: &str) -> Option<&'static Actor> {
    ACTORS.iter().find(|a| a.id.eq_ignore_ascii_case(id))
}

/// The core jurisdictions in canonical order.
pub fn core_actors() -> impl Iterator<Item = &'static Actor> {
    CORE_IDS.iter().filter_map(|id| actor(id))
}

/// The country with this ISO alpha-2 code.
pub fn country(a2: &str) -> Option<&'static Country> {
    COUNTRIES.binary_search_by(|c| c.a2.cmp(a2)).ok().map(|i| &COUNTRIES[i])
}


/// Every instrument, with the actor that owns it.
pub fn instruments() -> impl Iterator<Item = &'static Instrument> {
    ACTORS.iter().flat_map(|a| a.instruments.iter())
}

/// The instrument with this id.
pub fn instrument(id: &str) -> Option<&'static Instrument> {
    instruments().find(|i| i.id == id)
}

/// Facets of an actor on one dimension.
pub fn facets(actor: &'static Actor, dim: Dimension) -> impl Iterator<Item = &'static Facet> {
    actor.facets.iter().filter(move |f| f.dimension == dim)
}

/// Positions on a pre-emptive LAWS ban with a given stance.
pub fn laws_positions(stance: Stance) -> impl Iterator<Item = &'static LawsPosition> {
    LAWS.positions.iter().filter(move |p| p.stance == stance)
}
