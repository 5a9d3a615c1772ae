//! Turns the validated dataset into what the app compiles in: a little static Rust (the "as of" date, the seeds),
//! the packed tables ([`pack`]) and the string tables.

use crate::model::Date;
use crate::raw::{self, Loaded};
use crate::validate::CORE;
use std::collections::HashMap;
use std::fmt::Write;
use std::sync::Mutex;

/// Every distinct (ko, en) pair, in first-use order; a data `Text` is its index.
static PAIRS: Mutex<Vec<(String, String)>> = Mutex::new(Vec::new());
static INDEX: Mutex<Option<HashMap<(String, String), usize>>> = Mutex::new(None);

fn intern(ko: &str, en: &str) -> usize {
    let key = (ko.to_string(), en.to_string());
    let mut index = INDEX.lock().expect("lock");
    let map = index.get_or_insert_with(HashMap::new);
    if let Some(&i) = map.get(&key) {
        return i;
    }
    let mut pairs = PAIRS.lock().expect("lock");
    pairs.push(key.clone());
    map.insert(key, pairs.len() - 1);
    pairs.len() - 1
}

/// One language's string table: its texts in index order, then the single-language strings that go with it (those
/// with Hangul in the Korean table, the others in the English one; see [`str_index`]), joined by NUL. Compressing
/// the Korean section quotes with the Korean prose (and URLs and titles with the English) saves ~2 KB over a table
/// of their own.
pub fn blob(korean: bool) -> Vec<u8> {
    let pairs = PAIRS.lock().expect("lock");
    let mut parts: Vec<&str> = pairs.iter().map(|(k, e)| if korean { k.as_str() } else { e.as_str() }).collect();
    let strs = STRS.lock().expect("lock");
    parts.extend(strs.iter().filter(|s| has_hangul(s) == korean).map(String::as_str));
    parts.join("\0").into_bytes()
}

fn has_hangul(s: &str) -> bool {
    s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c) || ('\u{3131}'..='\u{318E}').contains(&c))
}

/// The final index of interned single-language string `i`: the ones with Hangul first (in interning order), then
/// the others. At run time `Str(n)` with `n < ko_str_count()` is entry `TEXTS + n` of the Korean table, else entry
/// `TEXTS + n - ko_str_count()` of the English one.
fn str_index(i: usize) -> usize {
    let strs = STRS.lock().expect("lock");
    let korean = has_hangul(&strs[i]);
    let before = strs[..i].iter().filter(|s| has_hangul(s) == korean).count();
    if korean {
        before
    } else {
        strs.iter().filter(|s| has_hangul(s)).count() + before
    }
}

/// How many single-language strings go with the Korean table.
pub fn ko_str_count() -> usize {
    STRS.lock().expect("lock").iter().filter(|s| has_hangul(s)).count()
}

/// Every distinct single-language string (sections, URLs, titles), in first-use order; a `Str` is its index.
static STRS: Mutex<Vec<String>> = Mutex::new(Vec::new());
/// Every distinct source, as a key for de-duplication (its packed form is in `SOURCES_PACKED`).
static SOURCES: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn intern_in(table: &Mutex<Vec<String>>, s: String) -> usize {
    let mut t = table.lock().expect("lock");
    match t.iter().position(|x| *x == s) {
        Some(i) => i,
        None => {
            t.push(s);
            t.len() - 1
        }
    }
}

/// How many texts were interned.
pub fn text_count() -> usize {
    PAIRS.lock().expect("lock").len()
}

fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn text(t: &raw::Text) -> String {
    plain_text(t.ko.trim(), t.en.trim())
}

fn plain_text(ko: &str, en: &str) -> String {
    format!("Text({})", intern(ko, en))
}

fn date(s: &str) -> String {
    // Validation has already rejected unparsable dates.
    let d = Date::parse(s).unwrap_or(Date { year: 1900, month: 0, day: 0 });
    format!("Date {{ year: {}, month: {}, day: {} }}", d.year, d.month, d.day)
}

/// The index of a source in the shared, de-duplicated table (interning it, with its packed form, on first use).
fn source_index(s: &raw::Source) -> usize {
    let (expr, packed) = match (&s.seed, &s.section, &s.url) {
        (Some(seed), Some(section), _) => {
            let i = SEED_FILES.lock().expect("lock").iter().position(|f| f == seed).unwrap_or(0);
            let sec = intern_in(&STRS, section.to_string());
            (format!("Source::Seed {{ seed: {i}, section: Str({sec}) }}"), (0u8, i, sec))
        }
        _ => {
            let url = s.url.as_deref().unwrap_or("");
            let (u, t) = (intern_in(&STRS, url.to_string()), intern_in(&STRS, s.title.as_deref().unwrap_or(url).to_string()));
            (format!("Source::Url {{ url: Str({u}), title: Str({t}) }}"), (1u8, u, t))
        }
    };
    let i = intern_in(&SOURCES, expr);
    let mut bin = SOURCES_PACKED.lock().expect("lock");
    if bin.len() == i {
        bin.push(packed);
    }
    i
}

/// The packed form of each source, in `SOURCES` order: (0 = seed, seed index, section) or (1 = URL, url, title).
static SOURCES_PACKED: Mutex<Vec<(u8, usize, usize)>> = Mutex::new(Vec::new());

/// Seed file names in `meta.toml` order (the index a `Source::Seed` carries).
static SEED_FILES: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Display order: the five core jurisdictions first (in their canonical order), then secondary, then the rest,
/// each group by id.
pub fn actor_order(l: &Loaded) -> Vec<&raw::Actor> {
    let rank = |a: &raw::Actor| match CORE.iter().position(|c| *c == a.id) {
        Some(i) => (0, i, a.id.clone()),
        None if a.tier == "secondary" => (1, 0, a.id.clone()),
        None => (2, 0, a.id.clone()),
    };
    let mut v: Vec<&raw::Actor> = l.actors.iter().map(|f| &f.actor).collect();
    v.sort_by_key(|a| rank(a));
    v
}

/// The actors compiled into the widget, in [`actor_order`]: every state, bloc and organization. Company profiles
/// (`kind = "company"`) are kept in the downloadable dataset only ([`crate::export`]): the brief's scope is how
/// states and international bodies govern AI, and their ~8 KB gzip of prose is what let the world map fit the
/// 150 KB first-load budget (issue 4). Likewise the facets' longer `detail` notes (~6 KB gzip) stay in the
/// download: the widget shows each claim in its one sentence with its source, which made room for the compare
/// view (issue 5).
pub fn widget_actors(l: &Loaded) -> Vec<&raw::Actor> {
    actor_order(l).into_iter().filter(|a| a.kind != "company").collect()
}

/// The static Rust part. Runs after [`pack`], so that every text and string is interned when the counts are written.
pub fn generate(l: &Loaded) -> String {
    let mut o = String::new();
    o.push_str("// @generated by build.rs from src/data/*.toml — do not edit.\n");
    o.push_str("#[allow(unused_imports)]\nuse crate::model::*;\n\n");
    let _ = writeln!(o, "/// The date up to which the dataset was checked.\npub static AS_OF: Date = {};", date(&l.meta.as_of));

    o.push_str("/// The seed documents.\npub static SEEDS: &[Seed] = &[\n");
    for s in &l.meta.seed {
        let _ = writeln!(
            o,
            "    Seed {{ file: {}, title: {}, publisher: {}, year: {} }},",
            lit(&s.file),
            text(&s.title),
            text(&s.publisher),
            date(&s.year)
        );
    }
    o.push_str("];\n\n");
    let _ = writeln!(o, "/// How many texts there are: single-language strings follow them in the language tables.");
    let _ = writeln!(o, "pub const TEXTS: usize = {};", text_count());
    let _ = writeln!(o, "/// How many single-language strings are in the Korean table (the others are in the English one).");
    let _ = writeln!(o, "pub const KO_STRS: usize = {};", ko_str_count());
    o
}

/// A byte stream of the packed tables (read back by `src/data.rs`'s `Reader`).
#[derive(Default)]
struct Packer(Vec<u8>, usize, usize);

impl Packer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    /// Unsigned LEB128.
    fn var(&mut self, mut v: usize) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.0.push(b);
                return;
            }
            self.0.push(b | 0x80);
        }
    }
    fn str(&mut self, s: &str) {
        self.var(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
    fn strs(&mut self, v: &[String]) {
        self.var(v.len());
        for s in v {
            self.str(s);
        }
    }
    /// A reference into a table that grows as the walk meets new entries: 0 for "the next new entry" (most
    /// references), else the index plus one. `next` counts the entries met so far.
    fn reference(&mut self, i: usize, next: fn(&mut Packer) -> &mut usize) {
        let n = next(self);
        if i == *n {
            *n += 1;
            self.var(0);
        } else {
            self.var(i + 1);
        }
    }
    fn text(&mut self, t: &raw::Text) {
        self.reference(intern(t.ko.trim(), t.en.trim()), |p| &mut p.1);
    }
    /// 0 for none, else as [`Packer::text`] plus one.
    fn opt_text(&mut self, t: &Option<raw::Text>) {
        match t {
            None => self.u8(0),
            Some(t) => {
                self.u8(1);
                self.text(t);
            }
        }
    }
    fn date(&mut self, s: &str) {
        let d = Date::parse(s).unwrap_or(Date { year: 1900, month: 0, day: 0 });
        self.var(((d.year as usize) << 9) | ((d.month as usize) << 5) | d.day as usize);
    }
    fn source(&mut self, s: &raw::Source) {
        self.reference(source_index(s), |p| &mut p.2);
    }
    /// A keyed enum as its position in `ALL` (validation has rejected unknown keys).
    fn key<T: Copy + PartialEq>(&mut self, all: &[T], v: Option<T>) {
        self.u8(all.iter().position(|x| Some(*x) == v).unwrap_or(0) as u8);
    }
    /// An optional keyed enum: 0 for none, else the position plus one.
    fn opt_key<T: Copy + PartialEq>(&mut self, all: &[T], key: Option<&String>, from: impl Fn(&str) -> Option<T>) {
        match key {
            None => self.u8(0),
            Some(k) => self.u8(all.iter().position(|x| Some(*x) == from(k)).map_or(0, |i| i as u8 + 1)),
        }
    }
}

/// The tables (countries, actors with everything they own, the LAWS table, the risk taxonomy and the shared source
/// table) as one byte stream, compressed like the prose. Static Rust structs would cost ~15 KB gzip of pointer-rich
/// data in the wasm; the stream is ~5 KB and is read into the same `crate::model` types at start-up.
///
/// Layout: the number of texts interned before, sources, countries, actors, LAWS, risks. Numbers are LEB128;
/// strings are length-prefixed UTF-8; texts and sources are references ([`Packer::reference`]; optional ones have a
/// presence byte); enums are positions in `ALL`; dates are `year << 9 | month << 5 | day`.
pub fn pack(l: &Loaded) -> Vec<u8> {
    use crate::model::*;
    *SEED_FILES.lock().expect("lock") = l.meta.seed.iter().map(|s| s.file.clone()).collect();
    // Texts interned before come first; the walk's new texts continue from there.
    let text_count_before = text_count();
    let mut p = Packer(Vec::new(), text_count_before, 0);
    let mut countries = l.countries.country.clone();
    countries.sort_by(|a, b| a.a2.cmp(&b.a2));
    p.var(countries.len());
    for c in &countries {
        p.str(&c.a2);
        p.var(c.num.parse::<usize>().unwrap_or(0));
        let (ko, en) = (c.short_ko.as_deref().unwrap_or(&c.ko), c.short_en.as_deref().unwrap_or(&c.en));
        p.reference(intern(ko.trim(), en.trim()), |p| &mut p.1);
    }
    let actors = widget_actors(l);
    let ids: Vec<&str> = actors.iter().map(|a| a.id.as_str()).collect();
    p.var(actors.len());
    for a in actors {
        p.str(&a.id);
        p.key(ActorKind::ALL, ActorKind::from_key(&a.kind));
        p.key(Tier::ALL, Tier::from_key(&a.tier));
        p.text(&a.name);
        p.text(&a.short);
        p.strs(&a.members);
        p.opt_key(Approach::ALL, a.approach.as_ref(), Approach::from_key);
        p.opt_key(Cooperation::ALL, a.cooperation.as_ref(), Cooperation::from_key);
        p.text(&a.summary);
        p.source(&a.source);
        match &a.spectrum {
            None => p.u8(0),
            Some(s) => {
                p.u8(1);
                p.var((s.binding as f64 * 1000.0).round() as usize);
                p.var((s.multilateral as f64 * 1000.0).round() as usize);
                p.text(&s.reason);
                p.source(&s.source);
            }
        }
        p.var(a.facet.len());
        for f in &a.facet {
            p.key(Dimension::ALL, Dimension::from_key(&f.dimension));
            p.text(&f.text);
            p.source(&f.source);
            p.opt_text(&f.correction);
        }
        p.var(a.instrument.len());
        for i in &a.instrument {
            p.str(&i.id);
            p.text(&i.title);
            p.key(InstrumentKind::ALL, InstrumentKind::from_key(&i.kind));
            p.u8(i.binding as u8 | (i.ai_specific as u8) << 1);
            p.key(Scope::ALL, Scope::from_key(&i.scope));
            p.key(Status::ALL, Status::from_key(&i.status));
            p.text(&i.summary);
            p.source(&i.source);
            p.var(i.dates.len());
            for d in &i.dates {
                p.key(Step::ALL, Step::from_key(&d.what));
                p.date(&d.date);
            }
            p.var(i.signatories.len());
            for s in &i.signatories {
                p.str(&s.id);
                p.date(&s.date);
            }
            p.opt_text(&i.correction);
        }
        let mut events: Vec<&raw::Event> = a.event.iter().collect();
        events.sort_by_key(|e| (Date::parse(&e.date), e.id.clone()));
        p.var(events.len());
        for e in events {
            p.date(&e.date);
            p.key(EventKind::ALL, EventKind::from_key(&e.kind));
            p.text(&e.title);
            // Links to actors left out of the widget (companies) are dropped with them.
            let linked: Vec<String> = e.actors.iter().filter(|id| ids.contains(&id.as_str())).cloned().collect();
            p.strs(&linked);
            p.source(&e.source);
            p.opt_text(&e.correction);
        }
        p.var(a.member.len());
        for m in &a.member {
            p.str(&m.id);
            match &m.since {
                None => p.u8(0),
                Some(d) => {
                    p.u8(1);
                    p.date(d);
                }
            }
            p.key(Role::ALL, Role::from_key(&m.role));
            p.source(&m.source);
        }
    }
    let t = &l.laws;
    p.text(&t.title);
    p.date(&t.year);
    p.str(&t.cited);
    p.source(&t.source);
    p.var(t.position.len());
    for x in &t.position {
        p.str(&x.country);
        p.key(Stance::ALL, Stance::from_key(&x.stance));
        p.str(&x.seed_name);
        p.opt_text(&x.correction);
    }
    p.source(&l.risks.source);
    p.opt_text(&l.risks.note);
    p.var(l.risks.category.len());
    for c in &l.risks.category {
        p.str(&c.id);
        p.text(&c.name);
        p.var(c.risk.len());
        for r in &c.risk {
            p.str(&r.id);
            p.text(&r.name);
            p.text(&r.example);
        }
    }
    // The source table goes first, so the reader can resolve references as it meets them.
    let mut head = Packer::default();
    let sources = SOURCES_PACKED.lock().expect("lock");
    head.var(text_count_before);
    head.var(sources.len());
    for &(tag, a, b) in sources.iter() {
        head.u8(tag);
        // A seed source's first field is the seed's index; every other field is a string.
        head.var(if tag == 0 { a } else { str_index(a) });
        head.var(str_index(b));
    }
    head.0.extend_from_slice(&p.0);
    head.0
}
