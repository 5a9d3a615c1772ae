//! The dataset, compiled from `src/data/*.toml` by `build.rs`, and its look-ups. No Leptos.

use crate::model::*;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/data.rs"));
}

pub use generated::{ACTORS, AS_OF, COUNTRIES, LAWS, RISKS, RISKS_NOTE, RISKS_SOURCE, SEEDS};

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

/// Display name of an actor or country id (short form), if known.
pub fn name_of(id: &str) -> Option<Text> {
    actor(id).map(|a| a.short).or_else(|| country(id).map(|c| c.short))
}

/// The seed document with this file name.
pub fn seed(file: &str) -> Option<&'static Seed> {
    SEEDS.iter().find(|s| s.file == file)
}

/// Every instrument, with the actor that owns it.
pub fn instruments() -> impl Iterator<Item = &'static Instrument> {
    ACTORS.iter().flat_map(|a| a.instruments.iter())
}

/// The instrument with this id.
pub fn instrument(id: &str) -> Option<&'static Instrument> {
    instruments().find(|i| i.id == id)
}

/// Every event, sorted by date (then id).
pub fn events_sorted() -> Vec<&'static Event> {
    let mut v: Vec<&'static Event> = ACTORS.iter().flat_map(|a| a.events.iter()).collect();
    v.sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(b.id)));
    v
}

/// Facets of an actor on one dimension.
pub fn facets(actor: &'static Actor, dim: Dimension) -> impl Iterator<Item = &'static Facet> {
    actor.facets.iter().filter(move |f| f.dimension == dim)
}

/// Positions on a pre-emptive LAWS ban with a given stance.
pub fn laws_positions(stance: Stance) -> impl Iterator<Item = &'static LawsPosition> {
    LAWS.positions.iter().filter(move |p| p.stance == stance)
}
