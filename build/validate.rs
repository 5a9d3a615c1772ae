//! Validation of the loaded dataset. Each message names the file, the record and the field.

use crate::model::{
    ActorKind, Approach, Cooperation, Date, Dimension, EventKind, InstrumentKind, Role, Scope, Stance, Status, Step,
    Tier,
};
use crate::raw::{self, Loaded};
use std::collections::{BTreeMap, BTreeSet};

/// Length limits in characters (docs/data.md): texts fit a card, and the whole dataset fits the size budget.
pub mod limits {
    pub const TEXT: usize = 150;
    pub const SUMMARY: usize = 150;
    pub const CORRECTION: usize = 150;
    pub const EVENT_TITLE: usize = 90;
    pub const DETAIL: usize = 450;
    pub const REASON: usize = 200;
}

/// The five core jurisdictions, in display order.
pub const CORE: [&str; 5] = ["EU", "US", "JP", "CN", "KR"];

struct Ctx<'a> {
    errors: Vec<String>,
    as_of: Option<Date>,
    seeds: BTreeSet<&'a str>,
}

impl<'a> Ctx<'a> {
    fn err(&mut self, at: &str, msg: impl AsRef<str>) {
        self.errors.push(format!("{at}: {}", msg.as_ref()));
    }

    fn text(&mut self, at: &str, field: &str, t: &raw::Text) {
        if t.ko.trim().is_empty() {
            self.err(at, format!("field `{field}.ko` is empty or missing"));
        }
        if t.en.trim().is_empty() {
            self.err(at, format!("field `{field}.en` is empty or missing"));
        }
    }

    /// A text whose English must fit a card: at most `max` characters (the Korean is checked for not running
    /// far longer, allowing for a looser translation).
    fn short_text(&mut self, at: &str, field: &str, t: &raw::Text, max: usize) {
        self.text(at, field, t);
        let en = t.en.trim().chars().count();
        if en > max {
            self.err(at, format!("field `{field}.en` has {en} characters; at most {max} fit (move the rest into `detail`)"));
        }
        let ko = t.ko.trim().chars().count();
        if ko > max {
            self.err(at, format!("field `{field}.ko` has {ko} characters; at most {max} fit"));
        }
    }

    fn opt_text(&mut self, at: &str, field: &str, t: &Option<raw::Text>) {
        if let Some(t) = t {
            self.text(at, field, t);
        }
    }

    fn date(&mut self, at: &str, field: &str, s: &str) -> Option<Date> {
        let Some(d) = Date::parse(s) else {
            self.err(at, format!("field `{field}`: {s:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"));
            return None;
        };
        if let Some(as_of) = self.as_of {
            if d > as_of {
                self.err(at, format!("field `{field}`: {s} is after the dataset's as_of date {as_of}"));
            }
        }
        Some(d)
    }

    fn source(&mut self, at: &str, field: &str, s: &raw::Source) {
        match (&s.seed, &s.section, &s.url) {
            (Some(seed), Some(section), None) => {
                if !self.seeds.contains(seed.as_str()) {
                    self.err(at, format!("field `{field}.seed`: {seed:?} is not a seed listed in meta.toml"));
                }
                if section.trim().is_empty() {
                    self.err(at, format!("field `{field}.section` is empty"));
                }
            }
            (None, None, Some(url)) => {
                if !url.starts_with("https://") && !url.starts_with("http://") {
                    self.err(at, format!("field `{field}.url`: {url:?} is not an http(s) URL"));
                }
                if url.contains(char::is_whitespace) {
                    self.err(at, format!("field `{field}.url` contains white space"));
                }
            }
            _ => self.err(at, format!("field `{field}`: give either `seed` + `section`, or `url` (+ `title`)")),
        }
    }

    fn key<T>(&mut self, at: &str, field: &str, value: &str, parse: fn(&str) -> Option<T>, all: &[&str]) -> Option<T> {
        let v = parse(value);
        if v.is_none() {
            self.err(at, format!("field `{field}`: {value:?} is not one of {}", all.join(" | ")));
        }
        v
    }
}

macro_rules! keys {
    ($t:ty) => {
        &<$t>::ALL.iter().map(|v| v.key()).collect::<Vec<_>>()
    };
}

/// All problems found in the dataset (empty when valid).
pub fn validate(l: &Loaded) -> Vec<String> {
    let mut cx = Ctx { errors: Vec::new(), as_of: None, seeds: BTreeSet::new() };
    let meta_at = "src/data/meta.toml";
    cx.as_of = Date::parse(&l.meta.as_of);
    if cx.as_of.is_none() {
        cx.err(meta_at, format!("field `as_of`: {:?} is not a date", l.meta.as_of));
    }
    if l.meta.seed.is_empty() {
        cx.err(meta_at, "no [[seed]] listed");
    }
    for (i, s) in l.meta.seed.iter().enumerate() {
        let at = format!("{meta_at}: seed[{i}] {:?}", s.file);
        if !cx.seeds.insert(&s.file) {
            cx.err(&at, "duplicate seed file");
        }
        cx.text(&at, "title", &s.title);
        cx.text(&at, "publisher", &s.publisher);
        cx.date(&at, "year", &s.year);
    }

    // Countries.
    let c_at = "src/data/countries.toml";
    match &l.countries.source {
        Some(s) => cx.source(c_at, "source", s),
        None => cx.err(c_at, "field `source` is missing"),
    }
    let mut countries = BTreeSet::new();
    let mut nums = BTreeSet::new();
    for (i, c) in l.countries.country.iter().enumerate() {
        let at = format!("{c_at}: country[{i}] {:?}", c.a2);
        if c.a2.len() != 2 || !c.a2.bytes().all(|b| b.is_ascii_uppercase()) {
            cx.err(&at, "field `a2` must be two upper-case letters");
        }
        if c.a3.len() != 3 || !c.a3.bytes().all(|b| b.is_ascii_uppercase()) {
            cx.err(&at, "field `a3` must be three upper-case letters");
        }
        if c.num.len() != 3 || !c.num.bytes().all(|b| b.is_ascii_digit()) {
            cx.err(&at, "field `num` must be three digits");
        }
        if c.ko.trim().is_empty() || c.en.trim().is_empty() {
            cx.err(&at, "fields `ko` and `en` are required");
        }
        if !countries.insert(c.a2.as_str()) {
            cx.err(&at, "duplicate a2 code");
        }
        if !nums.insert(c.num.as_str()) {
            cx.err(&at, format!("duplicate numeric code {}", c.num));
        }
    }

    // Actors: ids, file names, nested records.
    let mut actor_ids: BTreeMap<&str, &raw::Actor> = BTreeMap::new();
    for f in &l.actors {
        if actor_ids.insert(&f.actor.id, &f.actor).is_some() {
            cx.err(&f.path, format!("duplicate actor id {:?}", f.actor.id));
        }
        let expected = format!("{}.toml", f.actor.id.to_lowercase());
        if !f.path.ends_with(&format!("/{expected}")) {
            cx.err(&f.path, format!("file name must be {expected} for actor id {:?}", f.actor.id));
        }
    }
    for core in CORE {
        if !actor_ids.contains_key(core) {
            cx.err("src/data/actors", format!("the core jurisdiction {core} has no file"));
        }
    }
    let known = |id: &str| countries.contains(id) || actor_ids.contains_key(id);

    let mut instruments: BTreeMap<&str, (&str, &raw::Instrument)> = BTreeMap::new();
    let mut event_ids = BTreeSet::new();
    for f in &l.actors {
        let a = &f.actor;
        let at = format!("{}: actor {:?}", f.path, a.id);
        let kind = cx.key(&at, "kind", &a.kind, ActorKind::from_key, keys!(ActorKind));
        let tier = cx.key(&at, "tier", &a.tier, Tier::from_key, keys!(Tier));
        if kind == Some(ActorKind::State) && !countries.contains(a.id.as_str()) {
            cx.err(&at, "field `id`: a state's id must be an ISO alpha-2 code in countries.toml");
        }
        let is_core = CORE.contains(&a.id.as_str());
        if is_core != (tier == Some(Tier::Core)) {
            cx.err(&at, format!("field `tier`: exactly {} are core", CORE.join(", ")));
        }
        cx.text(&at, "name", &a.name);
        cx.text(&at, "short", &a.short);
        cx.short_text(&at, "summary", &a.summary, limits::SUMMARY);
        cx.source(&at, "source", &a.source);
        if kind == Some(ActorKind::Bloc) && a.members.is_empty() {
            cx.err(&at, "field `members`: a bloc lists its members");
        }
        for m in &a.members {
            if !countries.contains(m.as_str()) {
                cx.err(&at, format!("field `members`: {m:?} is not in countries.toml"));
            }
        }
        if a.id == "EU" && a.members.len() != 27 {
            cx.err(&at, format!("field `members`: the EU has 27 members, found {}", a.members.len()));
        }
        if let Some(ap) = &a.approach {
            cx.key(&at, "approach", ap, Approach::from_key, keys!(Approach));
        } else if is_core {
            cx.err(&at, "field `approach` is required for a core jurisdiction");
        }
        if let Some(co) = &a.cooperation {
            cx.key(&at, "cooperation", co, Cooperation::from_key, keys!(Cooperation));
        }
        match &a.spectrum {
            Some(s) => {
                for (name, v) in [("binding", s.binding), ("multilateral", s.multilateral)] {
                    if !(0.0..=1.0).contains(&v) {
                        cx.err(&at, format!("field `spectrum.{name}`: {v} is outside 0..1"));
                    }
                }
                cx.short_text(&at, "spectrum.reason", &s.reason, limits::REASON);
                cx.source(&at, "spectrum.source", &s.source);
            }
            None if is_core => cx.err(&at, "field `spectrum` is required for a core jurisdiction"),
            None => {}
        }
        for (i, fc) in a.facet.iter().enumerate() {
            let at = format!("{}: facet[{i}] ({})", f.path, fc.dimension);
            cx.key(&at, "dimension", &fc.dimension, Dimension::from_key, keys!(Dimension));
            cx.short_text(&at, "text", &fc.text, limits::TEXT);
            if let Some(d) = &fc.detail {
                cx.short_text(&at, "detail", d, limits::DETAIL);
            }
            if let Some(c) = &fc.correction {
                cx.short_text(&at, "correction", c, limits::CORRECTION);
            }
            cx.source(&at, "source", &fc.source);
        }
        for ins in &a.instrument {
            let at = format!("{}: instrument {:?}", f.path, ins.id);
            if instruments.insert(&ins.id, (&a.id, ins)).is_some() {
                cx.err(&at, "duplicate instrument id");
            }
            check_id(&mut cx, &at, &ins.id);
            cx.text(&at, "title", &ins.title);
            cx.short_text(&at, "summary", &ins.summary, limits::SUMMARY);
            if let Some(c) = &ins.correction {
                cx.short_text(&at, "correction", c, limits::CORRECTION);
            }
            cx.source(&at, "source", &ins.source);
            cx.key(&at, "kind", &ins.kind, InstrumentKind::from_key, keys!(InstrumentKind));
            cx.key(&at, "scope", &ins.scope, Scope::from_key, keys!(Scope));
            cx.key(&at, "status", &ins.status, Status::from_key, keys!(Status));
            let mut prev: Option<Date> = None;
            for (j, d) in ins.dates.iter().enumerate() {
                cx.key(&at, &format!("dates[{j}].what"), &d.what, Step::from_key, keys!(Step));
                let date = cx.date(&at, &format!("dates[{j}].date"), &d.date);
                if let (Some(p), Some(date)) = (prev, date) {
                    if date < p {
                        cx.err(&at, format!("field `dates[{j}]`: {date} is earlier than the step before it ({p})"));
                    }
                }
                prev = date.or(prev);
            }
            for (j, s) in ins.signatories.iter().enumerate() {
                if !known(&s.id) {
                    cx.err(&at, format!("field `signatories[{j}].id`: {:?} is neither a country nor an actor", s.id));
                }
                cx.date(&at, &format!("signatories[{j}].date"), &s.date);
            }
        }
        for (j, m) in a.member.iter().enumerate() {
            let at = format!("{}: member[{j}] {:?}", f.path, m.id);
            if !known(&m.id) {
                cx.err(&at, "field `id`: neither a country nor an actor");
            }
            if let Some(s) = &m.since {
                cx.date(&at, "since", s);
            }
            cx.key(&at, "role", &m.role, Role::from_key, keys!(Role));
            cx.source(&at, "source", &m.source);
        }
    }
    // Events, after every instrument is known.
    for f in &l.actors {
        for ev in &f.actor.event {
            let at = format!("{}: event {:?}", f.path, ev.id);
            if !event_ids.insert(ev.id.as_str()) {
                cx.err(&at, "duplicate event id");
            }
            check_id(&mut cx, &at, &ev.id);
            let date = cx.date(&at, "date", &ev.date);
            cx.key(&at, "kind", &ev.kind, EventKind::from_key, keys!(EventKind));
            cx.short_text(&at, "title", &ev.title, limits::EVENT_TITLE);
            if let Some(c) = &ev.correction {
                cx.short_text(&at, "correction", c, limits::CORRECTION);
            }
            cx.source(&at, "source", &ev.source);
            for other in &ev.actors {
                if !known(other) {
                    cx.err(&at, format!("field `actors`: {other:?} is neither a country nor an actor"));
                }
            }
            if let Some(iid) = &ev.instrument {
                match instruments.get(iid.as_str()) {
                    None => cx.err(&at, format!("field `instrument`: no instrument has id {iid:?}")),
                    Some((_, ins)) => {
                        // An event about an instrument marks one of its dated steps: the two must agree.
                        let steps: Vec<Date> = ins.dates.iter().filter_map(|d| Date::parse(&d.date)).collect();
                        if let Some(date) = date {
                            if !steps.is_empty() && !steps.contains(&date) {
                                let list: Vec<String> = steps.iter().map(|d| d.to_string()).collect();
                                cx.err(
                                    &at,
                                    format!(
                                        "field `date`: {date} contradicts instrument {iid:?}, whose dates are {}",
                                        list.join(", ")
                                    ),
                                );
                            }
                        }
                    }
                }
            }
        }
    }

    // LAWS table.
    let l_at = "src/data/laws_positions.toml";
    cx.text(l_at, "title", &l.laws.title);
    cx.date(l_at, "year", &l.laws.year);
    cx.source(l_at, "source", &l.laws.source);
    let mut seen = BTreeSet::new();
    for (i, p) in l.laws.position.iter().enumerate() {
        let at = format!("{l_at}: position[{i}] {:?}", p.country);
        if !countries.contains(p.country.as_str()) {
            cx.err(&at, "field `country`: not in countries.toml");
        }
        if !seen.insert(p.country.as_str()) {
            cx.err(&at, "duplicate country");
        }
        cx.key(&at, "stance", &p.stance, Stance::from_key, keys!(Stance));
        if p.seed_name.trim().is_empty() {
            cx.err(&at, "field `seed_name` is empty");
        }
        cx.opt_text(&at, "correction", &p.correction);
    }

    // Risks.
    let r_at = "src/data/risks.toml";
    cx.source(r_at, "source", &l.risks.source);
    cx.opt_text(r_at, "note", &l.risks.note);
    cx.opt_text(r_at, "title", &l.risks.title);
    let mut risk_ids = BTreeSet::new();
    for c in &l.risks.category {
        let at = format!("{r_at}: category {:?}", c.id);
        cx.text(&at, "name", &c.name);
        if !risk_ids.insert(c.id.as_str()) {
            cx.err(&at, "duplicate id");
        }
        for r in &c.risk {
            let at = format!("{r_at}: risk {:?}", r.id);
            if !risk_ids.insert(r.id.as_str()) {
                cx.err(&at, "duplicate id");
            }
            cx.text(&at, "name", &r.name);
            cx.text(&at, "example", &r.example);
        }
    }
    cx.errors
}

fn check_id(cx: &mut Ctx<'_>, at: &str, id: &str) {
    let ok = !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && !id.starts_with('-');
    if !ok {
        cx.err(at, "field `id`: use lower-case kebab case (a-z, 0-9, -)");
    }
}

/// Every state the data names (an actor, a bloc member, a member or signatory, a LAWS position) must be on the map,
/// as a shape or a dot: `drawn` lists the alpha-2 codes the geometry has.
pub fn undrawn(l: &Loaded, drawn: &[String]) -> Vec<String> {
    let countries: BTreeSet<&str> = l.countries.country.iter().map(|c| c.a2.as_str()).collect();
    let mut named: BTreeMap<String, String> = BTreeMap::new();
    for f in &l.actors {
        let a = &f.actor;
        let mut add = |code: &str, what: &str| {
            if countries.contains(code) {
                named.entry(code.to_string()).or_insert_with(|| format!("{}: {what}", f.path));
            }
        };
        add(&a.id, "actor id");
        for m in &a.members {
            add(m, "members");
        }
        for m in &a.member {
            add(&m.id, "member");
        }
        for i in &a.instrument {
            for s in &i.signatories {
                add(&s.id, &format!("instrument {:?} signatories", i.id));
            }
        }
    }
    for p in &l.laws.position {
        named.entry(p.country.clone()).or_insert_with(|| "src/data/laws_positions.toml".into());
    }
    named
        .into_iter()
        .filter(|(code, _)| drawn.binary_search(code).is_err())
        .map(|(code, at)| format!("{at}: {code} is neither a shape of the 110m map nor given a `dot` in countries.toml"))
        .collect()
}
