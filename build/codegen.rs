//! Turns the validated dataset into static Rust that constructs `crate::model` types.

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

/// The interned texts of one language joined by NUL, in index order.
pub fn blob(korean: bool) -> Vec<u8> {
    let pairs = PAIRS.lock().expect("lock");
    let parts: Vec<&str> = pairs.iter().map(|(k, e)| if korean { k.as_str() } else { e.as_str() }).collect();
    parts.join("\0").into_bytes()
}

/// Every distinct single-language string (sections, URLs, titles), in first-use order; a `Str` is its index.
static STRS: Mutex<Vec<String>> = Mutex::new(Vec::new());
/// Every distinct source, as the Rust expression constructing it; records refer to `&SOURCES[i]`.
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

fn str_ref(s: &str) -> String {
    format!("Str({})", intern_in(&STRS, s.to_string()))
}

/// The single-language strings joined by NUL, in index order.
/// The states' short names, Korean then English, NUL-separated in `COUNTRIES` (alpha-2) order: a blob of its own,
/// linked into the binary only by the views that name states (the map).
pub fn names_blob(l: &Loaded) -> Vec<u8> {
    let mut countries = l.countries.country.clone();
    countries.sort_by(|a, b| a.a2.cmp(&b.a2));
    let ko = countries.iter().map(|c| c.short_ko.as_deref().unwrap_or(&c.ko));
    let en = countries.iter().map(|c| c.short_en.as_deref().unwrap_or(&c.en));
    ko.chain(en).collect::<Vec<_>>().join("\0").into_bytes()
}

pub fn misc_blob() -> Vec<u8> {
    STRS.lock().expect("lock").join("\0").into_bytes()
}

/// How many texts were interned.
pub fn text_count() -> usize {
    PAIRS.lock().expect("lock").len()
}

fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn camel(key: &str) -> String {
    key.split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

fn variant(ty: &str, key: &str) -> String {
    format!("{ty}::{}", camel(key))
}

fn text(t: &raw::Text) -> String {
    plain_text(t.ko.trim(), t.en.trim())
}

fn opt_text(t: &Option<raw::Text>) -> String {
    t.as_ref().map_or("None".into(), |t| format!("Some({})", text(t)))
}

fn plain_text(ko: &str, en: &str) -> String {
    format!("Text({})", intern(ko, en))
}

fn date(s: &str) -> String {
    // Validation has already rejected unparsable dates.
    let d = Date::parse(s).unwrap_or(Date { year: 1900, month: 0, day: 0 });
    format!("Date {{ year: {}, month: {}, day: {} }}", d.year, d.month, d.day)
}

/// A reference to the shared, de-duplicated source table.
fn source(s: &raw::Source) -> String {
    let expr = match (&s.seed, &s.section, &s.url) {
        (Some(seed), Some(section), _) => {
            let i = SEED_FILES.lock().expect("lock").iter().position(|f| f == seed).unwrap_or(0);
            format!("Source::Seed {{ seed: {i}, section: {} }}", str_ref(section))
        }
        (_, _, Some(url)) => {
            format!("Source::Url {{ url: {}, title: {} }}", str_ref(url), str_ref(s.title.as_deref().unwrap_or(url)))
        }
        _ => format!("Source::Url {{ url: {}, title: {} }}", str_ref(""), str_ref("")),
    };
    format!("&SOURCES[{}]", intern_in(&SOURCES, expr))
}

/// Seed file names in `meta.toml` order (the index a `Source::Seed` carries).
static SEED_FILES: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn strs(v: &[String]) -> String {
    let items: Vec<String> = v.iter().map(|s| lit(s)).collect();
    format!("&[{}]", items.join(", "))
}

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

pub fn generate(l: &Loaded) -> String {
    *SEED_FILES.lock().expect("lock") = l.meta.seed.iter().map(|s| s.file.clone()).collect();
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

    let mut countries = l.countries.country.clone();
    countries.sort_by(|a, b| a.a2.cmp(&b.a2));
    o.push_str("/// Every state the data or the map may name, sorted by alpha-2 code.\npub static COUNTRIES: &[Country] = &[\n");
    for c in &countries {
        let _ = writeln!(
            o,
            "    Country {{ a2: {}, num: {} }},",
            lit(&c.a2),
            c.num.parse::<u16>().unwrap_or(0),
        );
    }
    o.push_str("];\n\n");

    o.push_str("/// Jurisdictions, blocs, organizations and companies: core first.\npub static ACTORS: &[Actor] = &[\n");
    for a in actor_order(l) {
        actor(&mut o, a);
    }
    o.push_str("];\n\n");

    let t = &l.laws;
    o.push_str("/// The seed's table of positions on a pre-emptive ban of lethal autonomous weapons.\n");
    let _ = writeln!(
        o,
        "pub static LAWS: LawsTable = LawsTable {{ title: {}, year: {}, cited: {}, source: {}, positions: &[",
        text(&t.title),
        date(&t.year),
        lit(&t.cited),
        source(&t.source)
    );
    for p in &t.position {
        let _ = writeln!(
            o,
            "    LawsPosition {{ country: {}, stance: {}, seed_name: {}, correction: {} }},",
            lit(&p.country),
            variant("Stance", &p.stance),
            lit(&p.seed_name),
            opt_text(&p.correction)
        );
    }
    o.push_str("] };\n\n");

    let _ = writeln!(o, "/// Source of the risk taxonomy.\npub static RISKS_SOURCE: &Source = {};", source(&l.risks.source));
    let _ = writeln!(o, "/// Note on the risk taxonomy.\npub static RISKS_NOTE: Option<Text> = {};", opt_text(&l.risks.note));
    o.push_str("/// The general-purpose AI risk taxonomy.\npub static RISKS: &[RiskCategory] = &[\n");
    for c in &l.risks.category {
        let _ = writeln!(o, "    RiskCategory {{ id: {}, name: {}, risks: &[", lit(&c.id), text(&c.name));
        for r in &c.risk {
            let _ = writeln!(
                o,
                "        Risk {{ id: {}, name: {}, example: {} }},",
                lit(&r.id),
                text(&r.name),
                text(&r.example)
            );
        }
        o.push_str("    ] },\n");
    }
    o.push_str("];\n");
    let sources = SOURCES.lock().expect("lock");
    let _ = writeln!(o, "/// Every distinct source.\npub static SOURCES: [Source; {}] = [", sources.len());
    for s in sources.iter() {
        let _ = writeln!(o, "    {s},");
    }
    o.push_str("];\n");
    o
}

fn actor(o: &mut String, a: &raw::Actor) {
    let _ = writeln!(o, "    Actor {{");
    let _ = writeln!(o, "        id: {},", lit(&a.id));
    let _ = writeln!(o, "        kind: {},", variant("ActorKind", &a.kind));
    let _ = writeln!(o, "        tier: {},", variant("Tier", &a.tier));
    let _ = writeln!(o, "        name: {},", text(&a.name));
    let _ = writeln!(o, "        short: {},", text(&a.short));
    let _ = writeln!(o, "        members: {},", strs(&a.members));
    let _ = writeln!(
        o,
        "        approach: {},",
        a.approach.as_ref().map_or("None".into(), |k| format!("Some({})", variant("Approach", k)))
    );
    let _ = writeln!(
        o,
        "        cooperation: {},",
        a.cooperation.as_ref().map_or("None".into(), |k| format!("Some({})", variant("Cooperation", k)))
    );
    let _ = writeln!(o, "        summary: {},", text(&a.summary));
    let _ = writeln!(o, "        source: {},", source(&a.source));
    let spectrum = a.spectrum.as_ref().map_or("None".into(), |s| {
        format!(
            "Some(Spectrum {{ binding: {:?}_f32, multilateral: {:?}_f32, reason: {}, source: {} }})",
            s.binding,
            s.multilateral,
            text(&s.reason),
            source(&s.source)
        )
    });
    let _ = writeln!(o, "        spectrum: {spectrum},");
    o.push_str("        facets: &[\n");
    for f in &a.facet {
        let _ = writeln!(
            o,
            "            Facet {{ dimension: {}, text: {}, detail: {}, source: {}, correction: {} }},",
            variant("Dimension", &f.dimension),
            text(&f.text),
            opt_text(&f.detail),
            source(&f.source),
            opt_text(&f.correction)
        );
    }
    o.push_str("        ],\n        instruments: &[\n");
    for i in &a.instrument {
        let dates: Vec<String> = i
            .dates
            .iter()
            .map(|d| format!("Dated {{ step: {}, date: {} }}", variant("Step", &d.what), date(&d.date)))
            .collect();
        let sigs: Vec<String> = i
            .signatories
            .iter()
            .map(|s| format!("Signature {{ id: {}, date: {} }}", lit(&s.id), date(&s.date)))
            .collect();
        let _ = writeln!(
            o,
            "            Instrument {{ id: {}, actor: {}, title: {}, kind: {}, binding: {}, ai_specific: {}, scope: {}, status: {}, summary: {}, source: {}, dates: &[{}], signatories: &[{}], correction: {} }},",
            lit(&i.id),
            lit(&a.id),
            text(&i.title),
            variant("InstrumentKind", &i.kind),
            i.binding,
            i.ai_specific,
            variant("Scope", &i.scope),
            variant("Status", &i.status),
            text(&i.summary),
            source(&i.source),
            dates.join(", "),
            sigs.join(", "),
            opt_text(&i.correction)
        );
    }
    o.push_str("        ],\n        events: &[\n");
    let mut events: Vec<&raw::Event> = a.event.iter().collect();
    events.sort_by_key(|e| (Date::parse(&e.date), e.id.clone()));
    for e in events {
        let _ = writeln!(
            o,
            "            Event {{ actor: {}, date: {}, kind: {}, title: {}, instrument: {}, actors: {}, source: {}, correction: {} }},",
            lit(&a.id),
            date(&e.date),
            variant("EventKind", &e.kind),
            text(&e.title),
            e.instrument.as_ref().map_or("None".into(), |i| format!("Some({})", lit(i))),
            strs(&e.actors),
            source(&e.source),
            opt_text(&e.correction)
        );
    }
    o.push_str("        ],\n        membership: &[\n");
    for m in &a.member {
        let _ = writeln!(
            o,
            "            Member {{ id: {}, since: {}, role: {}, source: {} }},",
            lit(&m.id),
            m.since.as_ref().map_or("None".into(), |s| format!("Some({})", date(s))),
            variant("Role", &m.role),
            source(&m.source)
        );
    }
    o.push_str("        ],\n    },\n");
}
