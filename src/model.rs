//! The domain model: plain Rust, no Leptos, no `web_sys`.
//!
//! `build.rs` includes this file too (`#[path]`), so the enum keys used in the TOML data are validated against the
//! very same lists the app matches on, and the tables it packs are read back into these types (`data.rs`).

use std::cmp::Ordering;
use std::fmt;

/// Declares a fieldless enum whose variants each have a stable lower-case key (used in data files and URLs).
macro_rules! keyed_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $key:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The key used in data files and URLs.
            pub const fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            /// The variant with this key, if any.
            pub fn from_key(key: &str) -> Option<Self> {
                match key { $($key => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

#[allow(unused_imports)]
pub(crate) use keyed_enum;

keyed_enum!(
    /// Interface and content language.
    Lang { Ko = "ko", En = "en" }
);

keyed_enum!(
    /// What an actor is.
    ActorKind { State = "state", Bloc = "bloc", Organization = "organization", Company = "company" }
);

keyed_enum!(
    /// How prominently the atlas treats an actor.
    Tier { Core = "core", Secondary = "secondary", Other = "other" }
);

keyed_enum!(
    /// The seeds' characterization of a governance approach.
    Approach {
        RegulationCentric = "regulation_centric",
        MarketLed = "market_led",
        SoftLaw = "soft_law",
        StateLed = "state_led",
        FrameworkAct = "framework_act",
        Mixed = "mixed",
    }
);

keyed_enum!(
    /// Preferred mode of international cooperation.
    Cooperation { Bilateral = "bilateral", Regional = "regional", Multilateral = "multilateral", Mixed = "mixed" }
);

keyed_enum!(
    /// The dimensions a profile and the comparison are organized by.
    Dimension {
        Approach = "approach",
        Law = "law",
        Bodies = "bodies",
        SafetyInstitute = "safety_institute",
        Cooperation = "cooperation",
        Industry = "industry",
        Military = "military",
        LawsStance = "laws_stance",
        Criticism = "criticism",
        RiskResponse = "risk_response",
        Governance = "governance",
    }
);

keyed_enum!(
    /// Kind of legal or policy instrument.
    InstrumentKind {
        Law = "law",
        Regulation = "regulation",
        ExecutiveOrder = "executive_order",
        Strategy = "strategy",
        Plan = "plan",
        Guideline = "guideline",
        Standard = "standard",
        CodeOfPractice = "code_of_practice",
        Principles = "principles",
        Recommendation = "recommendation",
        Declaration = "declaration",
        Resolution = "resolution",
        Convention = "convention",
        Report = "report",
        Framework = "framework",
    }
);

keyed_enum!(
    /// Reach of an instrument.
    Scope { Horizontal = "horizontal", Sectoral = "sectoral", International = "international" }
);

keyed_enum!(
    /// Status of an instrument as of the dataset's "as of" date.
    Status {
        Proposed = "proposed",
        Draft = "draft",
        Adopted = "adopted",
        PartlyApplicable = "partly_applicable",
        InForce = "in_force",
        Revoked = "revoked",
        Superseded = "superseded",
        NonBindingActive = "non_binding_active",
    }
);

keyed_enum!(
    /// A dated step in an instrument's life.
    Step {
        Proposed = "proposed",
        Passed = "passed",
        Adopted = "adopted",
        Signed = "signed",
        Promulgated = "promulgated",
        Published = "published",
        InForce = "in_force",
        Applies = "applies",
        Revoked = "revoked",
        Expires = "expires",
    }
);

keyed_enum!(
    /// Kind of timeline event.
    EventKind {
        Law = "law",
        Strategy = "strategy",
        Institution = "institution",
        International = "international",
        Military = "military",
        Industry = "industry",
    }
);

keyed_enum!(
    /// Role of a member in an organization or network.
    Role { Member = "member", Founding = "founding", Observer = "observer", Signatory = "signatory", Party = "party" }
);

keyed_enum!(
    /// A state's position on a pre-emptive ban of lethal autonomous weapons (the seed table's three columns).
    Stance { Support = "support", Other = "other", Oppose = "oppose" }
);

/// A text of the dataset in both languages: an index into the per-language string tables that `build.rs` compresses
/// into the binary (see `data.rs`: `Text::get`). Both languages are required by the build's validation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Text(pub u16);

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A calendar date known to year, month or day precision. Unknown parts are 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a real calendar day), years 1900–2099.
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.split('-');
        let year = parse_digits(parts.next()?, 4)?;
        if !(1900..=2099).contains(&year) {
            return None;
        }
        let month = match parts.next() {
            None => 0,
            Some(m) => parse_digits(m, 2).filter(|m| (1..=12).contains(m))?,
        };
        let day = match parts.next() {
            None => 0,
            Some(d) => parse_digits(d, 2).filter(|&d| d >= 1 && d <= days_in_month(year, month))?,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(Date { year, month: month as u8, day: day as u8 })
    }

    pub const fn precision(&self) -> Precision {
        if self.month == 0 {
            Precision::Year
        } else if self.day == 0 {
            Precision::Month
        } else {
            Precision::Day
        }
    }

    /// Sort key: an imprecise date sorts at the start of its period.
    const fn key(&self) -> u32 {
        self.year as u32 * 10_000 + self.month as u32 * 100 + self.day as u32
    }

    /// Formatted for humans in `lang`, to the date's own precision.
    pub fn display(&self, lang: Lang) -> String {
        const EN_MONTHS: [&str; 12] =
            ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        match (lang, self.precision()) {
            (Lang::Ko, Precision::Year) => format!("{}년", self.year),
            (Lang::Ko, Precision::Month) => format!("{}년 {}월", self.year, self.month),
            (Lang::Ko, Precision::Day) => format!("{}년 {}월 {}일", self.year, self.month, self.day),
            (Lang::En, Precision::Year) => format!("{}", self.year),
            (Lang::En, Precision::Month) => format!("{} {}", EN_MONTHS[self.month as usize - 1], self.year),
            (Lang::En, Precision::Day) => {
                format!("{} {} {}", self.day, EN_MONTHS[self.month as usize - 1], self.year)
            }
        }
    }
}

impl Ord for Date {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key().cmp(&other.key())
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// ISO form with the date's own precision (`2024`, `2024-12`, `2024-12-26`).
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision() {
            Precision::Year => write!(f, "{:04}", self.year),
            Precision::Month => write!(f, "{:04}-{:02}", self.year, self.month),
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }
}

fn parse_digits(s: &str, len: usize) -> Option<u16> {
    if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn days_in_month(year: u16, month: u16) -> u16 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// A single-language string of the dataset (a section quote, a URL, a page title): an index into the compressed
/// table of such strings (see `data.rs`: `Str::get`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Str(pub u16);

/// Where a claim comes from. Records point into one shared table of distinct sources.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A seed document (index into `SEEDS`) and the heading, caption or phrase of the passage.
    Seed { seed: u8, section: Str },
    /// A public web page.
    Url { url: Str, title: Str },
}

/// A sourced claim about one dimension of an actor.
#[derive(Clone, Copy, Debug)]
pub struct Facet {
    pub dimension: Dimension,
    pub text: Text,
    pub source: &'static Source,
    pub correction: Option<Text>,
}

/// A dated step of an instrument.
#[derive(Clone, Copy, Debug)]
pub struct Dated {
    pub step: Step,
    pub date: Date,
}

/// A signature of an instrument (conventions, declarations).
#[derive(Clone, Copy, Debug)]
pub struct Signature {
    pub id: &'static str,
    pub date: Date,
}

/// A law, order, strategy, guideline, declaration or convention.
#[derive(Clone, Copy, Debug)]
pub struct Instrument {
    pub id: &'static str,
    pub actor: &'static str,
    pub title: Text,
    pub kind: InstrumentKind,
    pub binding: bool,
    /// Specifically about AI (the map's AI-law layer counts only these).
    pub ai_specific: bool,
    pub scope: Scope,
    pub status: Status,
    pub summary: Text,
    pub source: &'static Source,
    pub dates: &'static [Dated],
    pub signatories: &'static [Signature],
    pub correction: Option<Text>,
}

/// A timeline milestone. (Its data-file id and the instrument it marks are kept in the export files, not in the
/// binary: the build checks the link, and nothing on the page needs it.)
#[derive(Clone, Copy, Debug)]
pub struct Event {
    /// The actor whose record it is.
    pub actor: &'static str,
    pub date: Date,
    pub kind: EventKind,
    pub title: Text,
    /// Other actors taking part (a summit's hosts, a statement's signers).
    pub actors: &'static [&'static str],
    pub source: &'static Source,
    pub correction: Option<Text>,
}

/// Membership of an actor in an organization or network.
#[derive(Clone, Copy, Debug)]
pub struct Member {
    pub id: &'static str,
    pub since: Option<Date>,
    pub role: Role,
    pub source: &'static Source,
}

/// An editorial placement on the approach spectrum (0..=1 on both axes).
#[derive(Clone, Copy, Debug)]
pub struct Spectrum {
    pub binding: f32,
    pub multilateral: f32,
    pub reason: Text,
    pub source: &'static Source,
}

/// A jurisdiction, bloc, organization or company.
#[derive(Clone, Copy, Debug)]
pub struct Actor {
    pub id: &'static str,
    pub kind: ActorKind,
    pub tier: Tier,
    pub name: Text,
    pub short: Text,
    pub members: &'static [&'static str],
    pub approach: Option<Approach>,
    pub cooperation: Option<Cooperation>,
    pub summary: Text,
    pub source: &'static Source,
    pub spectrum: Option<Spectrum>,
    pub facets: &'static [Facet],
    pub instruments: &'static [Instrument],
    pub events: &'static [Event],
    pub membership: &'static [Member],
}

/// A state in the reference country list. (Its short names are in a blob of their own: `layers::country_name`.)
#[derive(Clone, Copy, Debug)]
pub struct Country {
    pub a2: &'static str,
    /// ISO 3166-1 numeric code (the ids of the world-atlas map geometry).
    pub num: u16,
    /// Its short name (as on the map).
    pub name: Text,
}

/// One row of the seed's table of positions on a pre-emptive LAWS ban.
#[derive(Clone, Copy, Debug)]
pub struct LawsPosition {
    pub country: &'static str,
    pub stance: Stance,
    pub seed_name: &'static str,
    pub correction: Option<Text>,
}

/// The seed's table of positions on a pre-emptive LAWS ban.
#[derive(Clone, Copy, Debug)]
pub struct LawsTable {
    pub title: Text,
    pub year: Date,
    pub cited: &'static str,
    pub source: &'static Source,
    pub positions: &'static [LawsPosition],
}

/// A sub-risk of the general-purpose AI risk taxonomy.
#[derive(Clone, Copy, Debug)]
pub struct Risk {
    pub id: &'static str,
    pub name: Text,
    pub example: Text,
}

/// A category of the general-purpose AI risk taxonomy.
#[derive(Clone, Copy, Debug)]
pub struct RiskCategory {
    pub id: &'static str,
    pub name: Text,
    pub risks: &'static [Risk],
}

/// A seed document.
#[derive(Clone, Copy, Debug)]
pub struct Seed {
    pub file: &'static str,
    pub title: Text,
    pub publisher: Text,
    pub year: Date,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_with_their_precision() {
        let d = Date::parse("2024-12-26").unwrap();
        assert_eq!((d.year, d.month, d.day, d.precision()), (2024, 12, 26, Precision::Day));
        assert_eq!(Date::parse("2024-12").unwrap().precision(), Precision::Month);
        assert_eq!(Date::parse("2024").unwrap().precision(), Precision::Year);
        assert_eq!(Date::parse("2024-02-29").unwrap().to_string(), "2024-02-29");
    }

    #[test]
    fn invalid_dates_are_rejected() {
        for bad in ["", "24", "2023-02-29", "2024-13", "2024-00", "2024-1-5", "2024-04-31", "2024-05-06-07", "x024", "1800"] {
            assert_eq!(Date::parse(bad), None, "{bad:?} should be rejected");
        }
    }

    #[test]
    fn dates_order_by_period_start() {
        let y = Date::parse("2024").unwrap();
        let m = Date::parse("2024-03").unwrap();
        let d = Date::parse("2024-03-02").unwrap();
        assert!(y < m && m < d);
        assert!(Date::parse("2023-12-31").unwrap() < y);
    }

    #[test]
    fn dates_display_in_both_languages() {
        let d = Date::parse("2026-01-22").unwrap();
        assert_eq!(d.display(Lang::En), "22 Jan 2026");
        assert_eq!(d.display(Lang::Ko), "2026년 1월 22일");
        assert_eq!(Date::parse("2019-02").unwrap().display(Lang::En), "Feb 2019");
    }

    #[test]
    fn keyed_enums_round_trip() {
        for d in Dimension::ALL {
            assert_eq!(Dimension::from_key(d.key()), Some(*d));
        }
        assert_eq!(Lang::from_key("ko"), Some(Lang::Ko));
        assert_eq!(Lang::from_key("KO"), None);
    }
}
