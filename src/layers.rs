//! What the map shows: for a layer, a date and a state (or the EU), the category the data puts it in, since when,
//! on what evidence. Pure functions over [`crate::data`]; no Leptos, no `web_sys`.

use crate::data::{self, COUNTRIES};
use crate::model::*;

crate::model::keyed_enum!(
    /// A map layer. Keys appear in URLs (`?layer=`).
    Layer {
        Law = "law",
        Approach = "approach",
        Safety = "safety",
        Laws = "laws",
        Coe = "coe",
        Bletchley = "bletchley",
        Gpai = "gpai",
    }
);

/// The layer a map shows when the URL names none.
pub const DEFAULT_LAYER: Layer = Layer::Law;

/// The first month of the time slider.
pub const START: Date = Date { year: 2017, month: 1, day: 31 };

/// The first day the slider can show (URLs may name any day of its first month).
pub const START_OF_MONTH: Date = Date { year: 2017, month: 1, day: 0 };

/// What the map is about: a state (index into [`COUNTRIES`]) or the European Union as a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    Country(u16),
    Eu,
}

impl Unit {
    /// The unit for a URL or search key: an alpha-2 code or `EU`.
    pub fn from_code(code: &str) -> Option<Unit> {
        if code.eq_ignore_ascii_case("EU") {
            return Some(Unit::Eu);
        }
        let up = code.to_ascii_uppercase();
        COUNTRIES.binary_search_by(|c| c.a2.cmp(up.as_str())).ok().map(|i| Unit::Country(i as u16))
    }

    /// `EU` or the alpha-2 code.
    pub fn code(self) -> &'static str {
        match self {
            Unit::Eu => "EU",
            Unit::Country(i) => COUNTRIES.get(i as usize).map_or("", |c| c.a2),
        }
    }

    /// The actor profile this unit opens, if the atlas has one.
    pub fn actor(self) -> Option<&'static Actor> {
        data::actor(self.code())
    }

    /// Its short name.
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, self.actor()) {
            (Unit::Eu, Some(a)) => a.short.get(lang),
            (Unit::Country(i), _) => country_name(i, lang),
            _ => "EU",
        }
    }
}

/// The short name of state `i` (index into [`COUNTRIES`]).
pub fn country_name(i: u16, lang: Lang) -> &'static str {
    COUNTRIES.get(i as usize).map_or("", |c| c.name.get(lang))
}

/// What a layer says about one unit at one date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fact {
    /// Index of the category (see [`crate::i18n::category`]); `None` is "no data".
    pub cat: Option<u8>,
    /// Since when (for dated categories).
    pub since: Option<Date>,
    /// The instrument or record behind it.
    pub what: Option<Text>,
    pub source: Option<&'static Source>,
    /// Inherited from the EU (a member state without a record of its own).
    pub via_eu: bool,
}

const NO_DATA: Fact = Fact { cat: None, since: None, what: None, source: None, via_eu: false };

impl Fact {
    fn cat(cat: u8) -> Fact {
        Fact { cat: Some(cat), ..NO_DATA }
    }
}

impl Layer {
    /// Number of categories (besides "no data").
    pub const fn categories(self) -> u8 {
        match self {
            Layer::Law => 5,
            Layer::Approach => Approach::ALL.len() as u8,
            Layer::Safety => 3,
            Layer::Laws => 3,
            Layer::Coe | Layer::Bletchley | Layer::Gpai => 2,
        }
    }

    /// Whether the layer changes with the date (the others are the sources' characterization as of the data date).
    pub const fn dated(self) -> bool {
        !matches!(self, Layer::Approach)
    }

    /// Whether the layer puts every state in a category (membership lists: a state not on the list is "not a
    /// member"), so that it has no "no data". The map paints the look shared by most states once, under them
    /// ([`crate::map_html::base`]).
    pub const fn covers_all(self) -> bool {
        matches!(self, Layer::Safety | Layer::Coe | Layer::Bletchley | Layer::Gpai)
    }

    /// The category that stands for "nothing recorded" (left out of the table), if the layer has one.
    pub const fn residual(self) -> Option<u8> {
        match self {
            Layer::Law => Some(4),
            Layer::Safety => Some(2),
            Layer::Coe | Layer::Bletchley | Layer::Gpai => Some(1),
            Layer::Approach | Layer::Laws => None,
        }
    }
}

fn first(i: &Instrument, steps: &[Step]) -> Option<Date> {
    i.dates.iter().filter(|d| steps.contains(&d.step)).map(|d| d.date).min()
}

/// Status of AI law for an actor (a state or the EU) at `date`: 0 binding horizontal AI law in force, 1 adopted and
/// not yet in force, 2 draft, 3 only sectoral rules or executive orders, 4 none recorded.
fn law(actor: &'static Actor, date: Date) -> Fact {
    let mut best = Fact::cat(4);
    let mut consider = |cat: u8, since: Date, i: &'static Instrument| {
        let better = match best.cat {
            Some(b) => cat < b || (cat == b && best.since.is_some_and(|s| since < s)),
            None => true,
        };
        if better {
            best = Fact { cat: Some(cat), since: Some(since), what: Some(i.title), source: Some(i.source), via_eu: false };
        }
    };
    for i in actor.instruments.iter().filter(|i| i.ai_specific && i.binding) {
        if first(i, &[Step::Revoked]).is_some_and(|r| r <= date) {
            continue;
        }
        let effective = first(i, &[Step::InForce])
            .or_else(|| first(i, &[Step::Applies]))
            .or_else(|| first(i, &[Step::Signed, Step::Adopted, Step::Promulgated, Step::Published]));
        let adopted = first(i, &[Step::Passed, Step::Adopted, Step::Signed, Step::Promulgated]);
        let proposed = first(i, &[Step::Proposed]);
        let horizontal = i.scope == Scope::Horizontal && matches!(i.kind, InstrumentKind::Law | InstrumentKind::Regulation);
        let on = |d: Option<Date>| d.filter(|d| *d <= date);
        if horizontal {
            if let Some(d) = on(effective) {
                consider(0, d, i);
            } else if let Some(d) = on(adopted) {
                consider(1, d, i);
            } else if let Some(d) = on(proposed) {
                consider(2, d, i);
            }
        } else if let Some(d) = on(effective) {
            consider(3, d, i);
        }
    }
    best
}

/// Membership of `org` (members with dates, or the signatories of its instrument `instrument`).
fn member(org: &str, instrument: Option<&str>, code: &str, date: Date) -> Option<Fact> {
    let org = data::actor(org)?;
    match instrument {
        None => org.membership.iter().find(|m| m.id == code && m.since.is_none_or(|s| s <= date)).map(|m| Fact {
            since: m.since,
            what: Some(org.name),
            source: Some(m.source),
            ..Fact::cat(0)
        }),
        Some(id) => {
            let i = org.instruments.iter().find(|i| i.id == id)?;
            i.signatories.iter().find(|s| s.id == code && s.date <= date).map(|s| Fact {
                since: Some(s.date),
                what: Some(i.title),
                source: Some(i.source),
                ..Fact::cat(0)
            })
        }
    }
}

/// What `layer` says about `unit` at `date`.
pub fn fact(layer: Layer, unit: Unit, date: Date) -> Fact {
    let code = unit.code();
    let own = unit.actor().filter(|a| matches!(a.kind, ActorKind::State | ActorKind::Bloc));
    let eu = data::actor("EU");
    let in_eu = matches!(unit, Unit::Country(_)) && eu.is_some_and(|e| e.members.contains(&code));
    // Law and approach: a member state without its own record takes the EU's (its AI Act applies directly).
    let inherit = |f: &dyn Fn(&'static Actor) -> Fact| -> Fact {
        let mine = own.map(f).filter(|x| x.cat.is_some() && x.cat != layer.residual());
        match (mine, in_eu, eu) {
            (Some(m), _, _) => m,
            (None, true, Some(e)) => Fact { via_eu: true, ..f(e) },
            (None, _, _) => own.map(f).unwrap_or(NO_DATA),
        }
    };
    match layer {
        Layer::Law => inherit(&|a| law(a, date)),
        Layer::Approach => inherit(&|a| match a.approach {
            Some(ap) => Fact {
                cat: Approach::ALL.iter().position(|x| *x == ap).map(|p| p as u8),
                what: Some(a.summary),
                source: Some(a.source),
                ..NO_DATA
            },
            None => NO_DATA,
        }),
        Layer::Safety => member("AISI_NET", None, code, date)
            .or_else(|| {
                member("AISI_NET", Some("aisi-net-seoul-statement-of-intent"), code, date).map(|f| Fact { cat: Some(1), ..f })
            })
            .unwrap_or(Fact::cat(2)),
        Layer::Laws => {
            let Some(p) = data::LAWS.positions.iter().find(|p| p.country == code) else { return NO_DATA };
            if date < data::LAWS.year {
                return NO_DATA;
            }
            Fact {
                cat: Stance::ALL.iter().position(|s| *s == p.stance).map(|i| i as u8),
                since: Some(data::LAWS.year),
                what: Some(data::LAWS.title),
                source: Some(data::LAWS.source),
                via_eu: false,
            }
        }
        Layer::Coe => member("COE", Some("coe-framework-convention-ai"), code, date).unwrap_or(Fact::cat(1)),
        Layer::Bletchley => {
            member("AI_SUMMITS", Some("ai-summits-bletchley-declaration"), code, date).unwrap_or(Fact::cat(1))
        }
        Layer::Gpai => member("GPAI", None, code, date).unwrap_or(Fact::cat(1)),
    }
}

/// Every unit the map can show: the states, then the EU.
pub fn units() -> impl Iterator<Item = Unit> {
    (0..COUNTRIES.len() as u16).map(Unit::Country).chain(std::iter::once(Unit::Eu))
}

/// The category of every state (in [`COUNTRIES`] order) and of the EU (last).
pub fn classify(layer: Layer, date: Date) -> Vec<Option<u8>> {
    units().map(|u| fact(layer, u, date).cat).collect()
}

/// How many states fall in each category (index = category; the last entry counts "no data").
pub fn counts(layer: Layer, cats: &[Option<u8>]) -> Vec<u16> {
    let n = layer.categories() as usize;
    let mut out = vec![0u16; n + 1];
    for c in &cats[..cats.len().saturating_sub(1)] {
        out[c.map_or(n, |c| (c as usize).min(n))] += 1;
    }
    out
}

/// The last day of the month `months` months after January 2017, capped at the data's date.
pub fn date_at(months: u16) -> Date {
    let m = START.month as u16 - 1 + months;
    let (year, month) = (START.year + m / 12, (m % 12) as u8 + 1);
    let last = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month as usize - 1]
        + u8::from(month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0));
    let d = Date { year, month, day: last };
    d.min(data::AS_OF)
}

/// Slider positions: months from January 2017 to the data's date.
pub fn months() -> u16 {
    (data::AS_OF.year - START.year) * 12 + data::AS_OF.month as u16 - START.month as u16
}

/// The slider position of a date (clamped).
pub fn month_of(date: Date) -> u16 {
    let m = (date.year as i32 - START.year as i32) * 12 + date.month.max(1) as i32 - START.month as i32;
    m.clamp(0, months() as i32) as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }
    fn c(a2: &str) -> Unit {
        Unit::from_code(a2).unwrap()
    }

    #[test]
    fn korea_moves_from_nothing_to_adopted_to_in_force() {
        assert_eq!(fact(Layer::Law, c("KR"), d("2024-06-30")).cat, Some(4));
        let adopted = fact(Layer::Law, c("KR"), d("2025-06-30"));
        assert_eq!((adopted.cat, adopted.since), (Some(1), Some(d("2024-12-26"))));
        let in_force = fact(Layer::Law, c("KR"), d("2026-02-28"));
        assert_eq!((in_force.cat, in_force.since), (Some(0), Some(d("2026-01-22"))));
        assert!(in_force.what.is_some() && in_force.source.is_some());
    }

    #[test]
    fn the_eu_act_is_draft_then_adopted_then_in_force_and_members_inherit_it() {
        assert_eq!(fact(Layer::Law, Unit::Eu, d("2020-12-31")).cat, Some(4));
        assert_eq!(fact(Layer::Law, Unit::Eu, d("2022-12-31")).cat, Some(2));
        assert_eq!(fact(Layer::Law, Unit::Eu, d("2024-06-30")).cat, Some(1));
        assert_eq!(fact(Layer::Law, Unit::Eu, d("2024-08-31")).cat, Some(0));
        let lt = fact(Layer::Law, c("LT"), d("2024-08-31"));
        assert_eq!((lt.cat, lt.via_eu), (Some(0), true));
        // France has a profile of its own but no AI law of its own: it shows the EU's.
        assert!(fact(Layer::Law, c("FR"), d("2025-01-31")).via_eu);
        // Not an EU member: Norway has no data.
        assert_eq!(fact(Layer::Law, c("NO"), d("2025-01-31")).cat, None);
    }

    #[test]
    fn us_and_china_have_sectoral_rules_and_revoked_orders_stop_counting() {
        assert_eq!(fact(Layer::Law, c("CN"), d("2023-12-31")).cat, Some(3));
        assert_eq!(fact(Layer::Law, c("US"), d("2024-12-31")).cat, Some(3));
        // Japan's AI Promotion Act: in force from 4 June 2025.
        assert_eq!(fact(Layer::Law, c("JP"), d("2025-05-31")).cat, Some(1));
        assert_eq!(fact(Layer::Law, c("JP"), d("2025-06-30")).cat, Some(0));
    }

    #[test]
    fn memberships_follow_their_dates() {
        assert_eq!(fact(Layer::Safety, c("KR"), d("2024-04-30")).cat, Some(2));
        assert_eq!(fact(Layer::Safety, c("KR"), d("2024-06-30")).cat, Some(1));
        assert_eq!(fact(Layer::Safety, c("KR"), d("2024-11-30")).cat, Some(0));
        assert_eq!(fact(Layer::Safety, Unit::Eu, d("2024-11-30")).cat, Some(0));
        assert_eq!(fact(Layer::Bletchley, c("CN"), d("2023-11-30")).cat, Some(0));
        assert_eq!(fact(Layer::Bletchley, c("CN"), d("2023-10-31")).cat, Some(1));
        assert_eq!(fact(Layer::Gpai, c("KR"), d("2020-06-30")).cat, Some(0));
        assert_eq!(fact(Layer::Gpai, c("KR"), d("2020-05-31")).cat, Some(1));
    }

    #[test]
    fn laws_positions_come_from_the_seed_table_from_its_year() {
        let at = d("2026-01-31");
        assert_eq!(fact(Layer::Laws, c("AT"), at).cat, Some(0), "Austria supports a ban");
        assert_eq!(fact(Layer::Laws, c("US"), at).cat, Some(2), "the US opposes");
        assert_eq!(fact(Layer::Laws, c("DE"), at).cat, Some(2), "Germany opposes");
        assert_eq!(fact(Layer::Laws, c("JP"), at).cat, None, "not in the table");
        assert_eq!(fact(Layer::Laws, c("AT"), d("2018-12-31")).cat, None, "before the table's year");
        assert_eq!(fact(Layer::Laws, c("VA"), at).cat, Some(0));
    }

    #[test]
    fn layers_that_cover_all_states_have_no_no_data_and_the_others_do() {
        for layer in Layer::ALL.iter().copied() {
            for date in [START, d("2023-11-30"), data::AS_OF] {
                let none = units().filter(|u| fact(layer, *u, date).cat.is_none()).count();
                if layer.covers_all() {
                    assert_eq!(none, 0, "{layer:?} at {date:?}");
                } else {
                    assert!(none > 0, "{layer:?} at {date:?}");
                }
            }
        }
    }

    #[test]
    fn approach_is_undated_and_counts_add_up() {
        let a = fact(Layer::Approach, c("KR"), START);
        assert_eq!(a.cat.map(|i| Approach::ALL[i as usize]), Some(Approach::FrameworkAct));
        let cats = classify(Layer::Law, data::AS_OF);
        let n = counts(Layer::Law, &cats);
        assert_eq!(n.iter().map(|&x| x as usize).sum::<usize>(), COUNTRIES.len());
        assert!(n[0] >= 29, "27 EU members + Korea + Japan: {n:?}");
    }

    #[test]
    fn slider_months_map_to_month_ends_up_to_the_data_date() {
        assert_eq!(date_at(0), d("2017-01-31"));
        assert_eq!(date_at(13), d("2018-02-28"));
        assert_eq!(date_at(37), d("2020-02-29"));
        assert_eq!(date_at(months()), data::AS_OF);
        assert_eq!(month_of(d("2026-01-22")), (2026 - 2017) * 12);
        assert_eq!(month_of(d("2010-01-01")), 0);
        for m in [0, 5, 50, months()] {
            assert_eq!(month_of(date_at(m)), m);
        }
    }

    #[test]
    fn units_round_trip_their_codes() {
        assert_eq!(Unit::from_code("eu"), Some(Unit::Eu));
        assert_eq!(Unit::from_code("kr").map(|u| u.code()), Some("KR"));
        assert_eq!(Unit::from_code("ZZ"), None);
        assert_eq!(c("KR").name(Lang::En), "South Korea");
        assert_eq!(c("KR").name(Lang::Ko), "한국");
    }
}
