//! The build's data validation (build.rs, build/validate.rs): invalid data fails with messages naming the file,
//! the record and the field. Runs the real loader and validator on a copy of `src/data/` with faults injected.
#![cfg(not(target_arch = "wasm32"))]

/// The validator names `crate::model`: here that is the library's own model module.
mod model {
    pub use ai_strategy_atlas::model::*;
}
#[path = "../build/raw.rs"]
#[allow(dead_code)]
mod raw;
#[path = "../build/validate.rs"]
#[allow(dead_code)]
mod validate;

use std::path::{Path, PathBuf};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir") {
        let e = e.expect("entry");
        let target = to.join(e.file_name());
        if e.file_type().expect("type").is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).expect("copy");
        }
    }
}

/// A fresh copy of the dataset in a temporary directory.
fn dataset(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atlas-validation-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/data"), &dir);
    dir
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{file} does not contain {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

fn errors(dir: &Path) -> Vec<String> {
    match raw::load(dir) {
        Ok(l) => validate::validate(&l),
        Err(e) => e,
    }
}

#[test]
fn the_real_dataset_is_valid() {
    let dir = dataset("valid");
    assert_eq!(errors(&dir), Vec::<String>::new());
}

#[test]
fn each_fault_is_reported_with_file_record_and_field() {
    let dir = dataset("faults");
    edit(&dir, "actors/kr.toml", "date = \"2026-01-22\"", "date = \"2026-13-22\"");
    edit(&dir, "actors/kr.toml", "what = \"passed\"", "what = \"voted\"");
    edit(&dir, "actors/jp.toml", "dimension = \"", "dimension = \"vibes\" # ");
    edit(&dir, "countries.toml", "num = \"410\"", "num = \"41\"");
    edit(&dir, "laws_positions.toml", "country = \"DZ\"", "country = \"ZZ\"");
    let errs = errors(&dir);
    let has = |needles: &[&str]| errs.iter().any(|e| needles.iter().all(|n| e.contains(n)));
    assert!(has(&["actors/kr.toml", "instrument \"kr-ai-basic-act\"", "`dates[2].date`", "2026-13-22"]), "{errs:#?}");
    assert!(has(&["actors/kr.toml", "instrument \"kr-ai-basic-act\"", "dates[0].what", "voted"]), "{errs:#?}");
    assert!(has(&["actors/jp.toml", "facet[0]", "`dimension`", "vibes"]), "{errs:#?}");
    assert!(has(&["src/data/countries.toml", "\"KR\"", "`num`"]), "{errs:#?}");
    assert!(has(&["src/data/laws_positions.toml", "\"ZZ\"", "`country`"]), "{errs:#?}");
}

#[test]
fn missing_translations_unknown_sources_and_late_dates_are_rejected() {
    let dir = dataset("missing");
    let kr = std::fs::read_to_string(dir.join("actors/kr.toml")).expect("kr");
    let summary_line = kr.lines().find(|l| l.starts_with("summary = ")).expect("summary line").to_string();
    edit(&dir, "actors/kr.toml", &summary_line, "summary = { ko = \"\", en = \"Only English\" }");
    edit(&dir, "actors/us.toml", "seed = \"000_3980044b594804b4.txt\"", "seed = \"999_missing.txt\"");
    edit(&dir, "meta.toml", "as_of = \"2026-11-22\"", "as_of = \"2020-01-01\"");
    let errs = errors(&dir);
    let has = |needles: &[&str]| errs.iter().any(|e| needles.iter().all(|n| e.contains(n)));
    assert!(has(&["actors/kr.toml", "actor \"KR\"", "`summary.ko`"]), "{errs:#?}");
    assert!(has(&["actors/us.toml", "999_missing.txt", "not a seed"]), "{errs:#?}");
    assert!(has(&["after the dataset's as_of date 2020-01-01"]), "{errs:#?}");
}

#[test]
fn an_event_contradicting_its_instrument_is_rejected() {
    let dir = dataset("contradiction");
    let kr = std::fs::read_to_string(dir.join("actors/kr.toml")).expect("kr");
    // The event marking the Basic Act's entry into force, moved by a day.
    let start = kr.find("id = \"kr-ai-basic-act-in-force\"").expect("event");
    let date_at = start + kr[start..].find("date = \"2026-01-22\"").expect("its date");
    let mut changed = kr.clone();
    changed.replace_range(date_at..date_at + "date = \"2026-01-22\"".len(), "date = \"2026-01-23\"");
    std::fs::write(dir.join("actors/kr.toml"), changed).expect("write");
    let errs = errors(&dir);
    assert!(
        errs.iter().any(|e| e.contains("kr-ai-basic-act-in-force") && e.contains("contradicts instrument \"kr-ai-basic-act\"")),
        "{errs:#?}"
    );
}

#[test]
fn over_long_card_texts_are_rejected() {
    let dir = dataset("long");
    let kr = std::fs::read_to_string(dir.join("actors/kr.toml")).expect("kr");
    let line = kr.lines().find(|l| l.starts_with("text = ")).expect("a facet text").to_string();
    let long = format!("text = {{ ko = \"가\", en = \"{}\" }}", "x".repeat(151));
    edit(&dir, "actors/kr.toml", &line, &long);
    let errs = errors(&dir);
    assert!(errs.iter().any(|e| e.contains("actors/kr.toml") && e.contains("`text.en` has 151 characters")), "{errs:#?}");
}

#[test]
fn every_state_the_data_names_must_be_on_the_map() {
    let dir = dataset("undrawn");
    let l = raw::load(&dir).expect("the dataset loads");
    let mut drawn: Vec<String> = l.countries.country.iter().map(|c| c.a2.clone()).collect();
    drawn.sort();
    assert_eq!(validate::undrawn(&l, &drawn), Vec::<String>::new());
    // Singapore is an actor and a member of several bodies: without a shape or a dot it cannot be shown.
    drawn.retain(|c| c != "SG");
    let e = validate::undrawn(&l, &drawn);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("SG") && e[0].contains("`dot`") && e[0].contains("actors/"), "{e:?}");
}
