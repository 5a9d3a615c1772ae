//! The dataset, compiled from `src/data/*.toml` by `build.rs`, and its look-ups. No Leptos.

use crate::model::*;
use std::sync::OnceLock;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/data.rs"));
}

pub use generated::{AS_OF, SEEDS};

/// The tables, packed by `build.rs` (`codegen::pack`, which documents the layout) and compressed like the prose.
static TABLES_PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/tables.bin"));

/// The tables, read once on first use.
struct Tables {
    sources: &'static [Source],
    countries: &'static [Country],
    actors: &'static [Actor],
    laws: LawsTable,
    risks_source: &'static Source,
    risks_note: Option<Text>,
    risks: &'static [RiskCategory],
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let bytes: &'static [u8] = crate::codec::decompress(TABLES_PACKED).unwrap_or_default().leak();
        read_tables(bytes).0
    })
}

/// A table read through [`Deref`](std::ops::Deref) on first use, so that `ACTORS.iter()`, `COUNTRIES[i]` and
/// `LAWS.positions` read like the statics they replace.
pub struct Table<T: ?Sized + 'static>(fn(&'static Tables) -> &'static T);

impl<T: ?Sized> Clone for Table<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for Table<T> {}

impl<T> IntoIterator for Table<[T]> {
    type Item = &'static T;
    type IntoIter = std::slice::Iter<'static, T>;
    fn into_iter(self) -> Self::IntoIter {
        (self.0)(tables()).iter()
    }
}

impl<T: ?Sized> std::ops::Deref for Table<T> {
    type Target = T;
    fn deref(&self) -> &'static T {
        (self.0)(tables())
    }
}

/// Every distinct source.
pub static SOURCES: Table<[Source]> = Table(|t| t.sources);
/// Every state the data or the map may name, sorted by alpha-2 code.
pub static COUNTRIES: Table<[Country]> = Table(|t| t.countries);
/// Jurisdictions, blocs, organizations and companies: core first.
pub static ACTORS: Table<[Actor]> = Table(|t| t.actors);
/// The seed's table of positions on a pre-emptive ban of lethal autonomous weapons.
pub static LAWS: Table<LawsTable> = Table(|t| &t.laws);
/// Source of the risk taxonomy.
pub static RISKS_SOURCE: Table<Source> = Table(|t| t.risks_source);
/// Note on the risk taxonomy.
pub static RISKS_NOTE: Table<Option<Text>> = Table(|t| &t.risks_note);
/// The general-purpose AI risk taxonomy.
pub static RISKS: Table<[RiskCategory]> = Table(|t| t.risks);

/// Reads the packed tables. `build.rs` writes and round-trips them and `tests/data.rs` checks their content, so
/// malformed input cannot occur in a built binary; it would read as zeros and empty strings rather than panic.
struct Reader {
    b: &'static [u8],
    i: usize,
    /// The next new text and source index (see `codegen::Packer::reference` in `build/`).
    next_text: usize,
    next_source: usize,
}

impl Reader {
    fn u8(&mut self) -> u8 {
        let v = self.b.get(self.i).copied().unwrap_or(0);
        self.i += 1;
        v
    }
    fn var(&mut self) -> usize {
        let (mut v, mut shift) = (0usize, 0);
        loop {
            let b = self.u8();
            v |= ((b & 0x7f) as usize) << shift;
            shift += 7;
            if b < 0x80 || shift > 28 {
                return v;
            }
        }
    }
    fn str(&mut self) -> &'static str {
        let n = self.var();
        let s = self.b.get(self.i..self.i + n).and_then(|s| std::str::from_utf8(s).ok()).unwrap_or("");
        self.i += n;
        s
    }
    fn list<T>(&mut self, mut f: impl FnMut(&mut Reader) -> T) -> &'static [T] {
        // Every record takes at least one byte, so a longer list is malformed: never allocate for it.
        let n = self.var().min(self.b.len().saturating_sub(self.i));
        let v: Vec<T> = (0..n).map(|_| f(self)).collect();
        v.leak()
    }
    fn strs(&mut self) -> &'static [&'static str] {
        self.list(|r| r.str())
    }
    /// A reference: 0 is the next new index, else the index plus one.
    fn reference(&mut self, next: fn(&mut Reader) -> &mut usize) -> usize {
        match self.var() {
            0 => {
                let n = next(self);
                *n += 1;
                *n - 1
            }
            i => i - 1,
        }
    }
    fn text(&mut self) -> Text {
        Text(self.reference(|r| &mut r.next_text) as u16)
    }
    fn opt_text(&mut self) -> Option<Text> {
        (self.u8() == 1).then(|| self.text())
    }
    fn date(&mut self) -> Date {
        let v = self.var();
        Date { year: (v >> 9) as u16, month: ((v >> 5) & 15) as u8, day: (v & 31) as u8 }
    }
    fn key<T: Copy>(&mut self, all: &'static [T]) -> T {
        let i = self.u8() as usize;
        all.get(i).copied().unwrap_or(all[0])
    }
    fn opt_key<T: Copy>(&mut self, all: &'static [T]) -> Option<T> {
        (self.u8() as usize).checked_sub(1).and_then(|i| all.get(i).copied())
    }
    fn source(&mut self, sources: &'static [Source]) -> &'static Source {
        const NONE: Source = Source::Url { url: Str(0), title: Str(0) };
        sources.get(self.reference(|r| &mut r.next_source)).unwrap_or(&NONE)
    }
}

/// The tables, and whether reading them consumed the stream exactly (a check on the writer and reader agreeing).
fn read_tables(b: &'static [u8]) -> (Tables, bool) {
    let mut r = Reader { b, i: 0, next_text: 0, next_source: 0 };
    r.next_text = r.var();
    let sources: &'static [Source] = r.list(|r| match r.u8() {
        0 => Source::Seed { seed: r.var() as u8, section: Str(r.var() as u16) },
        _ => Source::Url { url: Str(r.var() as u16), title: Str(r.var() as u16) },
    });
    let countries = r.list(|r| Country { a2: r.str(), num: r.var() as u16, name: r.text() });
    let actors = r.list(|r| {
        let owner = r.str();
        Actor {
            id: owner,
            kind: r.key(ActorKind::ALL),
            tier: r.key(Tier::ALL),
            name: r.text(),
            short: r.text(),
            members: r.strs(),
            approach: r.opt_key(Approach::ALL),
            cooperation: r.opt_key(Cooperation::ALL),
            summary: r.text(),
            source: r.source(sources),
            spectrum: (r.u8() == 1).then(|| Spectrum {
                binding: r.var() as f32 / 1000.0,
                multilateral: r.var() as f32 / 1000.0,
                reason: r.text(),
                source: r.source(sources),
            }),
            facets: r.list(|r| Facet {
                dimension: r.key(Dimension::ALL),
                text: r.text(),
                source: r.source(sources),
                correction: r.opt_text(),
            }),
            instruments: r.list(|r| {
                let (id, title, kind) = (r.str(), r.text(), r.key(InstrumentKind::ALL));
                let flags = r.u8();
                Instrument {
                    id,
                    actor: owner,
                    title,
                    kind,
                    binding: flags & 1 != 0,
                    ai_specific: flags & 2 != 0,
                    scope: r.key(Scope::ALL),
                    status: r.key(Status::ALL),
                    summary: r.text(),
                    source: r.source(sources),
                    dates: r.list(|r| Dated { step: r.key(Step::ALL), date: r.date() }),
                    signatories: r.list(|r| Signature { id: r.str(), date: r.date() }),
                    correction: r.opt_text(),
                }
            }),
            events: r.list(|r| Event {
                actor: owner,
                date: r.date(),
                kind: r.key(EventKind::ALL),
                title: r.text(),
                actors: r.strs(),
                source: r.source(sources),
                correction: r.opt_text(),
            }),
            membership: r.list(|r| Member {
                id: r.str(),
                since: (r.u8() == 1).then(|| r.date()),
                role: r.key(Role::ALL),
                source: r.source(sources),
            }),
        }
    });
    let laws = LawsTable {
        title: r.text(),
        year: r.date(),
        cited: r.str(),
        source: r.source(sources),
        positions: r.list(|r| LawsPosition {
            country: r.str(),
            stance: r.key(Stance::ALL),
            seed_name: r.str(),
            correction: r.opt_text(),
        }),
    };
    let risks_source = r.source(sources);
    let risks_note = r.opt_text();
    let risks = r.list(|r| RiskCategory {
        id: r.str(),
        name: r.text(),
        risks: r.list(|r| Risk { id: r.str(), name: r.text(), example: r.text() }),
    });
    (Tables { sources, countries, actors, laws, risks_source, risks_note, risks }, r.i == b.len())
}

/// The dataset's texts, one compressed blob per language (see [`crate::codec`]), NUL-separated in `Text` order.
static KO_PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ko.bin"));
static EN_PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/en.bin"));

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
    /// The string. Single-language strings follow the texts in the language tables: those with Hangul (section
    /// quotes from the seeds) in the Korean one, the others (URLs, titles) in the English one.
    pub fn get(self) -> &'static str {
        let i = self.0 as usize;
        let (lang, at) = match i.checked_sub(generated::KO_STRS) {
            None => (Lang::Ko, generated::TEXTS + i),
            Some(j) => (Lang::En, generated::TEXTS + j),
        };
        table(lang).get(at).copied().unwrap_or("")
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

/// A jurisdiction the compare view offers (a state or bloc with a profile), by id ignoring ASCII case.
pub fn comparable(id: &str) -> Option<&'static Actor> {
    actor_loose(id).filter(|a| matches!(a.kind, ActorKind::State | ActorKind::Bloc))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_packed_tables_are_read_to_their_exact_end() {
        let bytes: &'static [u8] = crate::codec::decompress(TABLES_PACKED).expect("tables decompress").leak();
        let (t, exact) = read_tables(bytes);
        assert!(exact, "the reader and build/codegen.rs's packer disagree on the layout");
        assert_eq!(t.actors.len(), 27);
        assert!(t.countries.len() >= 200 && t.countries.windows(2).all(|w| w[0].a2 < w[1].a2));
        let kr = t.actors.iter().find(|a| a.id == "KR").expect("KR");
        assert_eq!(kr.name.get(Lang::En), "Republic of Korea");
        assert!(kr.instruments.iter().all(|i| i.actor == "KR") && kr.events.iter().all(|e| e.actor == "KR"));
        // A truncated stream reads as zeros and empty strings, without panicking.
        let (_, exact) = read_tables(&bytes[..bytes.len() / 2]);
        assert!(!exact);
    }
}
