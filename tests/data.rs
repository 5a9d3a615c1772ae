//! Native tests of the compiled dataset: every claim sourced and bilingual, dates valid and consistent, codes known,
//! the LAWS table exactly as the seed prints it, and the export files in `pkg/data/` matching what is compiled in.
#![cfg(not(target_arch = "wasm32"))]

use ai_strategy_atlas::data::{self, ACTORS, AS_OF, COUNTRIES, LAWS, RISKS, SEEDS};
use ai_strategy_atlas::model::*;
use std::collections::BTreeSet;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The seed documents live beside the repo (`../shared/seeds`). CI always has them; elsewhere the tests that
/// need them say so and pass only when not in CI.
fn seed_text(file: &str) -> Option<String> {
    let path = root().join("../shared/seeds").join(file);
    match std::fs::read_to_string(&path) {
        Ok(t) => Some(t),
        Err(e) => {
            assert!(std::env::var_os("CI").is_none(), "CI must have the seed {}: {e}", path.display());
            eprintln!("skipping: seed {} not available ({e})", path.display());
            None
        }
    }
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A label for an event in messages (events carry no id at run time).
fn ev(e: &Event) -> String {
    format!("{} event of {} ({:?})", e.actor, e.date, e.title.get(Lang::En))
}

fn has_hangul(s: &str) -> bool {
    s.chars().any(|c| ('가'..='힣').contains(&c))
}

/// Every sentence-like text of the dataset with a label saying where it is.
fn all_prose() -> Vec<(String, Text)> {
    let mut v = Vec::new();
    for a in ACTORS {
        v.push((format!("{} summary", a.id), a.summary));
        if let Some(s) = a.spectrum {
            v.push((format!("{} spectrum reason", a.id), s.reason));
        }
        for (i, f) in a.facets.iter().enumerate() {
            v.push((format!("{} facet {i}", a.id), f.text));
            v.extend(f.correction.map(|d| (format!("{} facet {i} correction", a.id), d)));
        }
        for ins in a.instruments {
            v.push((format!("{} summary", ins.id), ins.summary));
            v.extend(ins.correction.map(|d| (format!("{} correction", ins.id), d)));
        }
        for e in a.events {
            v.push((format!("{} title", ev(e)), e.title));
            v.extend(e.correction.map(|d| (format!("{} correction", ev(e)), d)));
        }
    }
    for c in RISKS {
        for r in c.risks {
            v.push((format!("risk {}", r.id), r.example));
        }
    }
    v
}

fn all_sources() -> Vec<(String, &'static Source)> {
    let mut v = vec![("LAWS table".to_string(), LAWS.source), ("risks".to_string(), &*data::RISKS_SOURCE)];
    for a in ACTORS {
        v.push((format!("{}", a.id), a.source));
        v.extend(a.spectrum.map(|s| (format!("{} spectrum", a.id), s.source)));
        v.extend(a.facets.iter().enumerate().map(|(i, f)| (format!("{} facet {i}", a.id), f.source)));
        v.extend(a.instruments.iter().map(|i| (i.id.to_string(), i.source)));
        v.extend(a.events.iter().map(|e| (ev(e), e.source)));
        v.extend(a.membership.iter().map(|m| (format!("{} member {}", a.id, m.id), m.source)));
    }
    v
}

#[test]
fn the_dataset_covers_the_seeds_breadth() {
    let ids: BTreeSet<&str> = ACTORS.iter().map(|a| a.id).collect();
    for id in [
        "EU", "US", "JP", "CN", "KR", "GB", "SG", "IN", "RU", "IL", "OECD", "UNESCO", "UN", "G7", "COE", "WHO", "CCW",
        "REAIM", "AI_SUMMITS", "AISI_NET",
    ] {
        assert!(ids.contains(id), "no actor {id}");
    }
    // Companies are in the downloadable dataset, not in the widget (build/codegen.rs, `widget_actors`).
    assert!(ACTORS.iter().all(|a| a.kind != ActorKind::Company));
    for id in data::CORE_IDS {
        let a = data::actor(id).expect("core actor");
        assert_eq!(a.tier, Tier::Core);
        assert!(a.approach.is_some() && a.spectrum.is_some(), "{id} lacks approach or spectrum");
        let dims: BTreeSet<Dimension> = a.facets.iter().map(|f| f.dimension).collect();
        assert!(dims.len() >= 7, "{id} covers only {} dimensions", dims.len());
        assert!(a.instruments.len() >= 5 && a.events.len() >= 10, "{id} is thin");
        assert!(a.events.iter().any(|e| e.date.year <= 2019), "{id} has no history back to 2017–2019");
    }
    assert_eq!(data::actor("EU").expect("EU").members.len(), 27);
    assert_eq!(SEEDS.len(), 4);
    let risks: usize = RISKS.iter().map(|c| c.risks.len()).sum();
    assert_eq!(RISKS.len(), 3);
    assert!(risks >= 10, "only {risks} risks");
}

#[test]
fn every_text_is_bilingual_and_every_korean_text_is_korean() {
    for (at, t) in all_prose() {
        let (ko, en) = (t.get(Lang::Ko), t.get(Lang::En));
        assert!(!ko.trim().is_empty() && !en.trim().is_empty(), "{at}: a language is empty");
        assert!(has_hangul(ko), "{at}: the Korean text has no Hangul: {ko:?}");
        assert_ne!(ko, en, "{at}: not translated");
    }
}

#[test]
fn every_record_has_a_resolvable_source() {
    for (at, s) in all_sources() {
        match *s {
            Source::Seed { seed, section } => {
                assert!(s.seed().is_some(), "{at}: unknown seed #{seed}");
                assert!(!section.get().trim().is_empty(), "{at}: empty section");
            }
            Source::Url { url, title } => {
                let url = url.get();
                assert!(url.starts_with("https://") || url.starts_with("http://"), "{at}: bad URL {url}");
                assert!(!url.contains(char::is_whitespace), "{at}: white space in URL {url}");
                assert!(!title.get().is_empty(), "{at}: URL without title");
            }
        }
    }
}

#[test]
fn every_seed_section_can_be_found_in_its_seed() {
    let mut missing = Vec::new();
    for seed in SEEDS {
        let Some(text) = seed_text(seed.file) else { return };
        let hay = squash(&text);
        for (at, s) in all_sources() {
            if let (Source::Seed { section, .. }, Some(doc)) = (*s, s.seed()) {
                let section = section.get();
                if doc.file == seed.file && !hay.contains(&squash(section)) {
                    missing.push(format!("{at}: {section:?} not in {}", doc.file));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{} sections not found:\n{}", missing.len(), missing.join("\n"));
}

#[test]
fn dates_are_valid_and_not_after_as_of() {
    let mut all: Vec<(String, Date)> = Vec::new();
    for a in ACTORS {
        for i in a.instruments {
            all.extend(i.dates.iter().map(|d| (i.id.to_string(), d.date)));
            all.extend(i.signatories.iter().map(|s| (format!("{} signatory {}", i.id, s.id), s.date)));
        }
        all.extend(a.events.iter().map(|e| (ev(e), e.date)));
        all.extend(a.membership.iter().filter_map(|m| m.since.map(|d| (format!("{} member {}", a.id, m.id), d))));
    }
    assert!(all.len() > 300, "only {} dates", all.len());
    for (at, d) in all {
        assert!(d <= AS_OF, "{at}: {d} is after as_of {AS_OF}");
        assert_eq!(Date::parse(&d.to_string()), Some(d), "{at}: {d} does not round-trip");
        assert!(d.year >= 1970, "{at}: {d} is implausibly early");
    }
}

#[test]
fn every_code_is_a_known_country_or_actor() {
    let known = |id: &str| data::country(id).is_some() || data::actor(id).is_some();
    for a in ACTORS {
        a.members.iter().for_each(|m| assert!(data::country(m).is_some(), "{}: member {m}", a.id));
        a.membership.iter().for_each(|m| assert!(known(m.id), "{}: member {}", a.id, m.id));
        for i in a.instruments {
            i.signatories.iter().for_each(|s| assert!(known(s.id), "{}: signatory {}", i.id, s.id));
        }
        for e in a.events {
            e.actors.iter().for_each(|x| assert!(known(x), "{}: actor {x}", ev(e)));
        }
        if a.kind == ActorKind::State {
            assert!(data::country(a.id).is_some(), "state {} not in the country list", a.id);
        }
    }
    // Country list sanity: sorted (binary search), unique numeric codes, 193 UN members and more.
    assert!(COUNTRIES.windows(2).all(|w| w[0].a2 < w[1].a2));
    let nums: BTreeSet<u16> = COUNTRIES.iter().map(|c| c.num).collect();
    assert_eq!(nums.len(), COUNTRIES.len());
    assert!(COUNTRIES.len() >= 195);
    assert_eq!(data::country("KR").map(|c| c.num), Some(410));
    assert_eq!(data::country("VA").map(|c| c.num), Some(336));
}

#[test]
fn the_laws_table_matches_the_seed_exactly() {
    let count = |s| data::laws_positions(s).count();
    assert_eq!((count(Stance::Support), count(Stance::Other), count(Stance::Oppose)), (26, 1, 12));
    assert_eq!(LAWS.cited, "Liu & Moodie (2019)");
    assert_eq!(LAWS.year.year, 2019);
    let stance = |c: &str| LAWS.positions.iter().find(|p| p.country == c).map(|p| p.stance);
    assert_eq!(stance("CN"), Some(Stance::Other));
    assert_eq!(stance("KR"), Some(Stance::Oppose));
    assert_eq!(stance("VA"), Some(Stance::Support));
    assert_eq!(stance("AT"), Some(Stance::Support));
    assert_eq!(stance("JP"), None, "Japan is not in the seed's table");

    // Read the table from the seed itself: the names between the column headings and the caption, in order.
    let Some(text) = seed_text("004_d517512a7dc48fa0.txt") else { return };
    let start = text.find("찬성 국가 기 타 반대 국가").expect("table header in seed 004");
    let end = text[start..].find("<표 1>").expect("table caption in seed 004") + start;
    let lines: Vec<&str> = text[start..end].lines().skip(1).map(str::trim).filter(|l| !l.is_empty()).collect();
    // The PDF extraction splits one name over two lines ("오스트레일리" + "아").
    let mut names: Vec<String> = Vec::new();
    for l in lines {
        match names.last_mut() {
            Some(prev) if l.chars().count() == 1 => prev.push_str(l),
            _ => names.push(l.to_string()),
        }
    }
    let ours: Vec<&str> = LAWS.positions.iter().map(|p| p.seed_name).collect();
    assert_eq!(ours, names, "our table differs from the seed's");
}

/// Facts checked against the primary documents. Pinned so that no edit (or seed) silently changes them; several
/// are places where a seed is wrong and the data carries a correction.
#[test]
fn key_dates_match_the_primary_sources() {
    let step = |id: &str, s: Step| {
        data::instrument(id)
            .unwrap_or_else(|| panic!("no instrument {id}"))
            .dates
            .iter()
            .find(|d| d.step == s)
            .map(|d| d.date.to_string())
    };
    let kr_act = "kr-ai-basic-act";
    assert_eq!(step(kr_act, Step::Passed).as_deref(), Some("2024-12-26"));
    assert_eq!(step(kr_act, Step::Promulgated).as_deref(), Some("2025-01-21"));
    assert_eq!(step(kr_act, Step::InForce).as_deref(), Some("2026-01-22"));
    assert_eq!(step("eu-ai-act", Step::InForce).as_deref(), Some("2024-08-01"));
    assert_eq!(step("eu-ai-act", Step::Published).as_deref(), Some("2024-07-12"));
    let eo = "us-eo-14110";
    assert_eq!(step(eo, Step::Signed).as_deref(), Some("2023-10-30"));
    assert_eq!(step(eo, Step::Revoked).as_deref(), Some("2025-01-20"));
    assert!(data::instrument(eo).and_then(|i| i.correction).is_some(), "seed 000 misdates EO 14110: keep the correction");
    let coe = data::instruments().find(|i| i.actor == "COE" && i.kind == InstrumentKind::Convention).expect("CoE convention");
    assert!(Some(coe).expect("coe").signatories.iter().any(|s| s.id == "US" && s.date.to_string() == "2024-09-05"));
}

/// No two records disagree about the date of the same well-known event.
#[test]
fn records_do_not_contradict_each_other_on_dates() {
    let canon: &[(&str, &str)] = &[
        ("Bletchley", "2023-11"),
        ("AI Seoul Summit", "2024-05"),
        ("Paris", "2025-02"),
        ("EO 14110", "2023-10"),
        ("AI Basic Act", ""),
    ];
    for e in ACTORS.iter().flat_map(|a| a.events.iter()) {
        for (kw, month) in canon {
            let title = e.title.get(Lang::En);
            if !month.is_empty() && title.contains(kw) && !title.contains("anniversary") {
                let d = e.date.to_string();
                assert!(d.starts_with(month), "{}: {title:?} dated {d}, but {kw} was in {month}", ev(e));
            }
        }
    }
    // Instrument steps are in chronological order.
    for i in data::instruments() {
        assert!(i.dates.windows(2).all(|w| w[0].date <= w[1].date), "{}: steps out of order", i.id);
    }
}

#[test]
fn the_export_files_match_the_compiled_dataset() {
    let dir = root().join("pkg/data");
    let json = std::fs::read_to_string(dir.join("atlas.json")).expect("pkg/data/atlas.json (run scripts/build.sh)");
    let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(v["schema"], "ai-strategy-atlas/1");
    assert_eq!(v["as_of"], AS_OF.to_string());
    // The export has every actor: the widget's, plus the company profiles it leaves out.
    let exported = v["actors"].as_array().expect("actors");
    let companies: Vec<&str> = exported.iter().filter(|a| a["kind"] == "company").filter_map(|a| a["id"].as_str()).collect();
    assert_eq!(companies, ["CO_ANTHROPIC", "CO_GOOGLE", "CO_KAKAO", "CO_KT", "CO_LG", "CO_NAVER", "CO_OPENAI"]);
    assert_eq!(exported.len(), ACTORS.len() + companies.len());
    assert_eq!(v["countries"].as_array().map(|a| a.len()), Some(COUNTRIES.len()));
    let kr = v["countries"].as_array().and_then(|cs| cs.iter().find(|c| c["a2"] == "KR")).expect("KR exported");
    assert_eq!((kr["num"].as_str(), kr["ko"].as_str()), (Some("410"), Some("대한민국")));
    assert_eq!(v["laws_positions"]["position"].as_array().map(|a| a.len()), Some(LAWS.positions.len()));
    let events: usize = exported.iter().map(|a| a["event"].as_array().map_or(0, |e| e.len())).sum();
    assert!(events > ACTORS.iter().map(|a| a.events.len()).sum::<usize>(), "the companies' events are exported");
    let csv = std::fs::read_to_string(dir.join("events.csv")).expect("events.csv");
    assert!(csv.starts_with("date,id,actor,"));
    assert_eq!(csv.lines().count(), events + 1);
    for name in ["actors.csv", "facets.csv", "instruments.csv", "laws_positions.csv"] {
        let text = std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(text.lines().count() > 1, "{name} is empty");
    }
}

/// Every checked post-2025 event in `shared/reference/post-2025-facts.md` is in the dataset, cited by its URL.
#[test]
fn every_post_2025_reference_fact_is_cited() {
    let path = root().join("../shared/reference/post-2025-facts.md");
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            assert!(std::env::var_os("CI").is_none(), "CI must have {}: {e}", path.display());
            return;
        }
    };
    let cited: BTreeSet<&str> = all_sources()
        .into_iter()
        .filter_map(|(_, s)| match *s {
            Source::Url { url, .. } => Some(url.get()),
            Source::Seed { .. } => None,
        })
        .collect();
    let urls: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.starts_with("http://") || w.starts_with("https://"))
        .collect();
    assert!(urls.len() >= 20, "only {} URLs in the reference file", urls.len());
    let missing: Vec<&&str> = urls.iter().filter(|u| !cited.contains(**u)).collect();
    assert!(missing.is_empty(), "reference facts not cited: {missing:#?}");
}
