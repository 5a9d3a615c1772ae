//! The dataset as written in TOML: owned, loosely typed (enum values are strings, checked by `validate`).

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

#[derive(Deserialize, Serialize, Clone, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct Text {
    #[serde(default)]
    pub ko: String,
    #[serde(default)]
    pub en: String,
}

#[derive(Deserialize, Serialize, Clone, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct Source {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

#[derive(Deserialize, Serialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct SeedDoc {
    pub file: String,
    pub title: Text,
    pub publisher: Text,
    pub year: String,
}

#[derive(Deserialize, Serialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub as_of: String,
    #[serde(default)]
    pub seed: Vec<SeedDoc>,
}

#[derive(Deserialize, Serialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Country {
    pub a2: String,
    pub a3: String,
    pub num: String,
    pub ko: String,
    pub en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_ko: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_en: Option<String>,
    /// Where the 1:110m map has no shape for the state: [longitude, latitude] of the dot drawn instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dot: Option<[f64; 2]>,
}

#[derive(Deserialize, Serialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Countries {
    #[serde(default, skip_serializing)]
    pub source: Option<Source>,
    pub country: Vec<Country>,
}

#[derive(Deserialize, Serialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Spectrum {
    pub binding: f64,
    pub multilateral: f64,
    pub reason: Text,
    pub source: Source,
}

#[derive(Deserialize, Serialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Facet {
    pub dimension: String,
    pub text: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<Text>,
    pub source: Source,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correction: Option<Text>,
}

#[derive(Deserialize, Serialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Dated {
    pub what: String,
    pub date: String,
}

#[derive(Deserialize, Serialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    pub id: String,
    pub date: String,
}

#[derive(Deserialize, Serialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    pub id: String,
    pub title: Text,
    pub kind: String,
    pub binding: bool,
    /// Specifically about AI (the map's "AI law" layer counts only these), as opposed to e.g. data-protection law.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ai_specific: bool,
    pub scope: String,
    pub status: String,
    pub summary: Text,
    pub source: Source,
    #[serde(default)]
    pub dates: Vec<Dated>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signatories: Vec<Signature>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correction: Option<Text>,
}

#[derive(Deserialize, Serialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub date: String,
    pub kind: String,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instrument: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<String>,
    pub source: Source,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correction: Option<Text>,
}

#[derive(Deserialize, Serialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    pub role: String,
    pub source: Source,
}

#[derive(Deserialize, Serialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub id: String,
    pub kind: String,
    pub tier: String,
    pub name: Text,
    pub short: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approach: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cooperation: Option<String>,
    pub summary: Text,
    pub source: Source,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spectrum: Option<Spectrum>,
    #[serde(default)]
    pub facet: Vec<Facet>,
    #[serde(default)]
    pub instrument: Vec<Instrument>,
    #[serde(default)]
    pub event: Vec<Event>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub member: Vec<Member>,
}

#[derive(Deserialize, Serialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct LawsPosition {
    pub country: String,
    pub stance: String,
    pub seed_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correction: Option<Text>,
}

#[derive(Deserialize, Serialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct LawsTable {
    pub title: Text,
    pub year: String,
    pub cited: String,
    pub source: Source,
    pub position: Vec<LawsPosition>,
}

#[derive(Deserialize, Serialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    pub id: String,
    pub name: Text,
    pub example: Text,
}

#[derive(Deserialize, Serialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct RiskCategory {
    pub id: String,
    pub name: Text,
    pub risk: Vec<Risk>,
}

#[derive(Deserialize, Serialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Risks {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    pub source: Source,
    pub category: Vec<RiskCategory>,
}

/// One actor file and the path it came from (for messages).
pub struct ActorFile {
    pub path: String,
    pub actor: Actor,
}

/// Everything loaded from the data directory.
pub struct Loaded {
    pub files: Vec<PathBuf>,
    pub meta: Meta,
    pub countries: Countries,
    pub laws: LawsTable,
    pub risks: Risks,
    pub actors: Vec<ActorFile>,
}

fn read<T: serde::de::DeserializeOwned>(path: &Path, errors: &mut Vec<String>) -> Option<T> {
    let shown = display(path);
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            errors.push(format!("{shown}: cannot read: {e}"));
            return None;
        }
    };
    match toml::from_str::<T>(&text) {
        Ok(v) => Some(v),
        Err(e) => {
            errors.push(format!("{shown}: {}", e.to_string().trim().replace('\n', "\n      ")));
            None
        }
    }
}

/// A path as shown in messages: relative to the crate where possible.
pub fn display(path: &Path) -> String {
    let s = path.display().to_string();
    match s.find("src/data/") {
        Some(i) => s[i..].to_string(),
        None => s,
    }
}

/// Reads every file; on any parse error returns all of them.
pub fn load(dir: &Path) -> Result<Loaded, Vec<String>> {
    let mut errors = Vec::new();
    let mut files = Vec::new();
    let mut path = |name: &str| {
        let p = dir.join(name);
        files.push(p.clone());
        p
    };
    let meta_p = path("meta.toml");
    let countries_p = path("countries.toml");
    let laws_p = path("laws_positions.toml");
    let risks_p = path("risks.toml");
    let meta = read::<Meta>(&meta_p, &mut errors);
    let countries = read::<Countries>(&countries_p, &mut errors);
    let laws = read::<LawsTable>(&laws_p, &mut errors);
    let risks = read::<Risks>(&risks_p, &mut errors);

    let actor_dir = dir.join("actors");
    let mut actor_paths: Vec<PathBuf> = match std::fs::read_dir(&actor_dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect(),
        Err(e) => {
            errors.push(format!("{}: cannot list: {e}", display(&actor_dir)));
            Vec::new()
        }
    };
    actor_paths.sort();
    let mut actors = Vec::new();
    for p in actor_paths {
        files.push(p.clone());
        if let Some(actor) = read::<Actor>(&p, &mut errors) {
            actors.push(ActorFile { path: display(&p), actor });
        }
    }
    match (meta, countries, laws, risks) {
        (Some(meta), Some(countries), Some(laws), Some(risks)) if errors.is_empty() => {
            Ok(Loaded { files, meta, countries, laws, risks, actors })
        }
        _ => Err(errors),
    }
}
