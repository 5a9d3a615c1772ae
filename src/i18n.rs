//! Every user-visible interface string, in Korean and English. No Leptos.
//!
//! Each string is a [`Label`] struct literal, which needs both fields: a missing translation does not compile.
//! Matches are exhaustive, so a new message or enum variant without its strings does not compile either.

use crate::model::*;

/// An interface string in both languages. Both fields are required by construction: a missing translation does
/// not compile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label {
    pub ko: &'static str,
    pub en: &'static str,
}

impl Label {
    /// The string in `lang`.
    pub const fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ko => self.ko,
            Lang::En => self.en,
        }
    }
}

/// Declares [`Msg`], its list [`Msg::ALL`] and [`text`] from one table, so that every message has both languages
/// (the pattern requires two literals: a missing translation does not compile) and tests can walk all of them.
macro_rules! messages {
    ($(#[$meta:meta])* $enum:ident, $text:ident, $t:ident { $($name:ident => $ko:literal, $en:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $enum { $($name),+ }

        impl $enum {
            /// Every message.
            pub const ALL: &'static [$enum] = &[$($enum::$name),+];
        }

        /// The message in both languages.
        pub const fn $text(m: $enum) -> Label {
            match m { $($enum::$name => Label { ko: $ko, en: $en }),+ }
        }

        /// The message in `lang`.
        pub const fn $t(m: $enum, lang: Lang) -> &'static str {
            $text(m).get(lang)
        }
    };
}

messages! {
    /// Interface messages.
    Msg, text, t {
    AppTitle => "AI 전략 아틀라스", "AI Strategy Atlas";
    Tagline => "각국은 AI를 어떻게 다스리는가 — 출처와 함께 비교합니다", "How nations govern AI — compared, with a source for every claim";
    SkipToContent => "본문으로 건너뛰기", "Skip to content";
    LanguageLabel => "언어", "Language";
    CoreHeading => "다섯 가지 접근", "Five approaches";
    CoreIntro => "EU, 미국, 일본, 중국, 한국은 AI 거버넌스에서 서로 다른 길을 택했습니다.", "The EU, the US, Japan, China and Korea have taken different paths in governing AI.";
    ChooseHint => "관할권을 고르면 접근 방식과 근거 자료를 볼 수 있습니다.", "Choose a jurisdiction to see its approach and the sources behind it.";
    SummaryLabel => "요약", "In one line";
    ApproachLabel => "접근 방식", "Approach";
    CooperationLabel => "국제협력 방식", "International cooperation";
    InstrumentsHeading => "법·정책 수단", "Laws and policies";
    MilestonesHeading => "주요 일지", "Milestones";
    DimensionsHeading => "분야별 내용", "By dimension";
    SourceLabel => "출처", "Source";
    SectionLabel => "해당 부분", "section";
    CorrectionLabel => "정정", "Correction";
    Binding => "구속력 있음", "Binding";
    NonBinding => "구속력 없음", "Non-binding";
    AsOf => "자료 기준일", "Data as of";
    SourcesHeading => "근거 문헌", "Source documents";
    DownloadHeading => "데이터 내려받기", "Download the data";
    DownloadJson => "전체 데이터 (JSON)", "Full dataset (JSON)";
    DownloadCsv => "표 (CSV)", "Tables (CSV)";
    Dismiss => "닫기", "Dismiss";
    ClearSelection => "선택 해제", "Clear selection";
    NoticeTitle => "링크 안내", "About this link";
    OtherActors => "다른 국가·국제기구", "Other countries and organizations";
    NoneChosen => "— 선택 —", "— choose —";
    GroupStates => "국가", "Countries";
    GroupOrganizations => "국제기구·협의체", "International bodies";
    ViewsLabel => "보기", "Views";
    ViewMap => "지도와 프로필", "Map and profiles";
    ViewCompare => "나란히 비교", "Compare";
    CompareHeading => "나란히 비교", "Side by side";
    CompareIntro => "관할권을 2~5곳 골라 같은 항목으로 비교합니다. 값이 서로 다른 항목은 표시되고, 모든 칸에 출처가 붙습니다.", "Choose 2 to 5 jurisdictions to compare on the same dimensions. Rows where they differ are marked, and every cell cites its source.";
    CompareChoose => "비교할 관할권 (2~5곳)", "Jurisdictions to compare (2 to 5)";
    OnlyDiffer => "서로 다른 항목만 보기", "Show only rows that differ";
    CompareCaption => "선택한 관할권을 항목별로 비교한 표 (자료 기준일 현재)", "The chosen jurisdictions, dimension by dimension (as of the data date)";
    AtAGlance => "한눈에 보기", "At a glance";
    InDetail => "자세히", "In detail";
    Differs => "차이 있음", "differs";
    Same => "같음", "same";
    NothingRecorded => "기록 없음", "Nothing recorded";
    NoDifferences => "한눈에 보기 항목에서는 모두 같습니다.", "They agree on every row at a glance.";
    ViewTimeline => "연표", "Timeline";
    SpectrumHeading => "접근 방식의 스펙트럼", "The approach spectrum";
    SpectrumNote => "— 근거 문헌을 바탕으로 한 편집상의 요약입니다.", "— an editorial summary of the sources.";
    AxisVoluntary => "자율·시장 주도", "Voluntary, market-led";
    AxisBindingEnd => "구속력 있는 규제", "Binding regulation";
    AxisNational => "국가·양자", "National, bilateral";
    AxisMultilateralEnd => "다자·지역", "Multilateral, regional";
    TimelineHeading => "2017년부터의 주요 일지", "Milestones since 2017";
    TimelineIntro => "법, 전략, 기관, 국제 합의의 흐름을 한데 모았습니다. 관할권이나 유형으로 좁혀 보고, 항목마다 그 시점의 세계 지도를 열 수 있습니다.", "Laws, strategies, institutions and international agreements in one list. Narrow it by jurisdiction or type, and open the world map at any milestone's month.";
    FilterWho => "관할권·기구", "Jurisdiction or body";
    FilterKind => "유형", "Type";
    FilterAll => "전체", "All";
}}

messages! {
    /// Messages of the world map (kept apart so that they are linked only with the map).
    MapMsg, map_text, mt {
    MapHeading => "세계 지도", "World map";
    LayerLabel => "지도 주제", "Map layer";
    DateLabel => "기준 시점", "Date";
    Play => "재생", "Play";
    Pause => "멈춤", "Pause";
    ZoomLabel => "지도 확대", "Zoom";
    ZoomWorld => "세계", "World";
    ZoomEurope => "유럽", "Europe";
    ZoomEastAsia => "동아시아", "East Asia";
    ZoomIn => "확대", "Zoom in";
    ZoomOut => "축소", "Zoom out";
    SearchLabel => "국가 찾기", "Find a country";
    SearchPlaceholder => "국가 이름 (한글 또는 영문)", "Name, in English or Korean";
    SearchNone => "그런 이름의 국가가 없습니다.", "No country by that name.";
    NoData => "자료 없음", "No data";
    ViaEu => "EU 차원", "through the EU";
    Since => "부터", "since";
    TableSummary => "표로 보기: 이 지도가 보여 주는 내용", "Table: what this map shows";
    ColCountry => "국가·지역", "Country or bloc";
    ColCategory => "구분", "Category";
    ColSince => "시점", "Since";
    ColBasis => "근거", "Basis";
    AllOthers => "나머지 국가", "All other countries";
    MapHelp => "지도: 화살표 키로 자료가 있는 국가 사이를 이동하고, Enter로 선택, Esc로 선택 해제, +와 −로 확대·축소, Shift+화살표로 이동합니다.", "Map keys: arrows move between countries with data, Enter selects, Esc clears, + and − zoom, Shift+arrows pan.";
    NoProfile => "이 아틀라스에는 이 국가의 개별 프로필이 없습니다. 지도 주제별 기록:", "The atlas has no profile of its own for this country. What the map layers record:";
    LegendLabel => "범례", "Legend";
    LawNote => "구속력 있는 AI 특화 법·규정만 셉니다. EU 회원국에는 EU AI법이 표시됩니다.", "Only binding, AI-specific laws and rules count. EU member states show the EU AI Act.";
    ApproachNote => "시드 문헌을 바탕으로 한 편집상의 요약으로, 날짜에 따라 바뀌지 않습니다.", "An editorial summary of the seed documents; it does not change with the date.";
    LawsNote => "시드 문헌 표(그 해 기준)의 입장이며, 이후 갱신되지 않았습니다.", "Positions as in the seed document’s table, from its year; not updated since.";
}}

/// The name of a language, written in that language (for the switch).
pub const fn lang_name(l: Lang) -> &'static str {
    match l {
        Lang::Ko => "한국어",
        Lang::En => "English",
    }
}

/// The interface language for a browser locale such as `ko-KR` or `en-US`: Korean for any `ko` locale, else English.
pub fn lang_for_locale(locale: &str) -> Lang {
    let primary = locale.split(['-', '_']).next().unwrap_or("");
    if primary.eq_ignore_ascii_case("ko") {
        Lang::Ko
    } else {
        Lang::En
    }
}

pub const fn approach(a: Approach) -> Label {
    match a {
        Approach::RegulationCentric => Label { ko: "규제 중심", en: "Regulation-centric" },
        Approach::MarketLed => Label { ko: "시장 주도", en: "Market-led" },
        Approach::SoftLaw => Label { ko: "연성규범 중심", en: "Soft law" },
        Approach::StateLed => Label { ko: "국가 주도", en: "State-led" },
        Approach::FrameworkAct => Label { ko: "기본법 체계", en: "Framework act" },
        Approach::Mixed => Label { ko: "혼합형", en: "Mixed" },
    }
}

pub const fn cooperation(c: Cooperation) -> Label {
    match c {
        Cooperation::Bilateral => Label { ko: "양자 협력 중심", en: "Mainly bilateral" },
        Cooperation::Regional => Label { ko: "지역 협력 중심", en: "Mainly regional" },
        Cooperation::Multilateral => Label { ko: "다자 협력 중심", en: "Mainly multilateral" },
        Cooperation::Mixed => Label { ko: "혼합형", en: "Mixed" },
    }
}

pub const fn dimension(d: Dimension) -> Label {
    match d {
        Dimension::Approach => Label { ko: "접근 방식", en: "Approach" },
        Dimension::Law => Label { ko: "법·제도", en: "Law and rules" },
        Dimension::Bodies => Label { ko: "추진 기구", en: "Governing bodies" },
        Dimension::SafetyInstitute => Label { ko: "AI 안전연구소", en: "AI safety institute" },
        Dimension::Cooperation => Label { ko: "국제협력", en: "International cooperation" },
        Dimension::Industry => Label { ko: "산업·혁신 정책", en: "Industry and innovation" },
        Dimension::Military => Label { ko: "국방·군사 AI", en: "Defence and military AI" },
        Dimension::LawsStance => Label { ko: "자율살상무기 입장", en: "Position on autonomous weapons" },
        Dimension::Criticism => Label { ko: "비판과 쟁점", en: "Criticism and debate" },
        Dimension::RiskResponse => Label { ko: "위험 대응 동향", en: "Response to AI risks" },
        Dimension::Governance => Label { ko: "자체 거버넌스", en: "Own governance" },
    }
}

pub const fn instrument_kind(k: InstrumentKind) -> Label {
    match k {
        InstrumentKind::Law => Label { ko: "법률", en: "Law" },
        InstrumentKind::Regulation => Label { ko: "규정", en: "Regulation" },
        InstrumentKind::ExecutiveOrder => Label { ko: "행정명령", en: "Executive order" },
        InstrumentKind::Strategy => Label { ko: "전략", en: "Strategy" },
        InstrumentKind::Plan => Label { ko: "계획", en: "Plan" },
        InstrumentKind::Guideline => Label { ko: "가이드라인", en: "Guideline" },
        InstrumentKind::Standard => Label { ko: "표준", en: "Standard" },
        InstrumentKind::CodeOfPractice => Label { ko: "실천 강령", en: "Code of practice" },
        InstrumentKind::Principles => Label { ko: "원칙", en: "Principles" },
        InstrumentKind::Recommendation => Label { ko: "권고", en: "Recommendation" },
        InstrumentKind::Declaration => Label { ko: "선언", en: "Declaration" },
        InstrumentKind::Resolution => Label { ko: "결의", en: "Resolution" },
        InstrumentKind::Convention => Label { ko: "협약", en: "Convention" },
        InstrumentKind::Report => Label { ko: "보고서", en: "Report" },
        InstrumentKind::Framework => Label { ko: "프레임워크", en: "Framework" },
    }
}

pub const fn status(s: Status) -> Label {
    match s {
        Status::Proposed => Label { ko: "제안됨", en: "Proposed" },
        Status::Draft => Label { ko: "초안", en: "Draft" },
        Status::Adopted => Label { ko: "채택됨 (시행 전)", en: "Adopted, not yet applicable" },
        Status::PartlyApplicable => Label { ko: "일부 적용 중", en: "Partly applicable" },
        Status::InForce => Label { ko: "시행 중", en: "In force" },
        Status::Revoked => Label { ko: "폐지됨", en: "Revoked" },
        Status::Superseded => Label { ko: "대체됨", en: "Superseded" },
        Status::NonBindingActive => Label { ko: "유효 (비구속)", en: "Active (non-binding)" },
    }
}

pub const fn step(s: Step) -> Label {
    match s {
        Step::Proposed => Label { ko: "제안", en: "Proposed" },
        Step::Passed => Label { ko: "의결", en: "Passed" },
        Step::Adopted => Label { ko: "채택", en: "Adopted" },
        Step::Signed => Label { ko: "서명", en: "Signed" },
        Step::Promulgated => Label { ko: "공포", en: "Promulgated" },
        Step::Published => Label { ko: "발표·게재", en: "Published" },
        Step::InForce => Label { ko: "발효", en: "In force" },
        Step::Applies => Label { ko: "적용 개시", en: "Applies from" },
        Step::Revoked => Label { ko: "폐지", en: "Revoked" },
        Step::Expires => Label { ko: "만료", en: "Expires" },
    }
}

pub const fn event_kind(k: EventKind) -> Label {
    match k {
        EventKind::Law => Label { ko: "법·규제", en: "Law" },
        EventKind::Strategy => Label { ko: "전략·정책", en: "Strategy" },
        EventKind::Institution => Label { ko: "기관", en: "Institution" },
        EventKind::International => Label { ko: "국제", en: "International" },
        EventKind::Military => Label { ko: "군사", en: "Military" },
        EventKind::Industry => Label { ko: "산업", en: "Industry" },
    }
}

pub const fn stance(s: Stance) -> Label {
    match s {
        Stance::Support => Label { ko: "금지 찬성", en: "Supports a ban" },
        Stance::Other => Label { ko: "기타", en: "Other" },
        Stance::Oppose => Label { ko: "금지 반대", en: "Opposes a ban" },
    }
}

/// The name of a map layer.
pub const fn layer(l: crate::layers::Layer) -> Label {
    use crate::layers::Layer::*;
    match l {
        Law => Label { ko: "AI 법 제정 현황", en: "Status of AI law" },
        Approach => Label { ko: "거버넌스 접근 방식", en: "Governance approach" },
        Safety => Label { ko: "AI 안전연구소 국제 네트워크", en: "AI safety institutes network" },
        Laws => Label { ko: "자율살상무기 선제적 금지 입장", en: "Autonomous weapons: pre-emptive ban" },
        Coe => Label { ko: "유럽평의회 AI 기본협약 서명", en: "Council of Europe AI convention" },
        Bletchley => Label { ko: "블레츨리 선언(2023) 서명", en: "Bletchley Declaration (2023)" },
        Gpai => Label { ko: "GPAI 회원", en: "GPAI membership" },
    }
}

/// "12 milestones", for the timeline's count.
pub fn milestones(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Ko => format!("주요 일지 {n}건"),
        Lang::En if n == 1 => "1 milestone".to_string(),
        Lang::En => format!("{n} milestones"),
    }
}

/// A timeline button's text: the map at a month ("Map in Jan 2026").
pub fn map_at(month: Date, lang: Lang) -> String {
    match lang {
        Lang::Ko => format!("{} 지도 보기", month.display(lang)),
        Lang::En => format!("Map in {}", month.display(lang)),
    }
}

/// The name of category `cat` of a map layer (`None`: no data).
pub fn category(l: crate::layers::Layer, cat: Option<u8>) -> Label {
    use crate::layers::Layer::*;
    let Some(c) = cat else { return map_text(MapMsg::NoData) };
    let signed = [Label { ko: "서명", en: "Signed" }, Label { ko: "서명 기록 없음", en: "No signature recorded" }];
    let list: &[Label] = match l {
        Law => &[
            Label { ko: "구속력 있는 AI 법 시행 중", en: "Binding AI law in force" },
            Label { ko: "AI 법 제정, 시행 전", en: "AI law adopted, not yet in force" },
            Label { ko: "AI 법안 논의 중", en: "Draft AI law" },
            Label { ko: "분야별 규정·행정명령만", en: "Only sectoral rules or executive orders" },
            Label { ko: "구속력 있는 AI 법 기록 없음", en: "No binding AI rules recorded" },
        ],
        Approach => return crate::model::Approach::ALL.get(c as usize).map_or(map_text(MapMsg::NoData), |a| approach(*a)),
        Safety => &[
            Label { ko: "네트워크 회원", en: "Network member" },
            Label { ko: "서울 의향서 서명", en: "Signed the Seoul statement of intent" },
            Label { ko: "기록 없음", en: "None recorded" },
        ],
        Laws => return Stance::ALL.get(c as usize).map_or(map_text(MapMsg::NoData), |s| stance(*s)),
        Coe | Bletchley => &signed,
        Gpai => &[Label { ko: "회원", en: "Member" }, Label { ko: "회원 기록 없음", en: "No membership recorded" }],
    };
    list.get(c as usize).copied().unwrap_or(map_text(MapMsg::NoData))
}

/// What a reader should know about a layer, if anything.
pub const fn layer_note(l: crate::layers::Layer) -> Option<MapMsg> {
    use crate::layers::Layer::*;
    match l {
        Law => Some(MapMsg::LawNote),
        Approach => Some(MapMsg::ApproachNote),
        Laws => Some(MapMsg::LawsNote),
        Safety | Coe | Bletchley | Gpai => None,
    }
}

/// The notice shown when a URL parameter had a value the atlas does not know.
pub fn bad_param_notice(param: &str, value: &str, lang: Lang) -> String {
    let value: String = value.chars().take(40).collect();
    match lang {
        Lang::Ko => format!("링크의 ‘{param}’ 값 ‘{value}’을(를) 알 수 없어 기본값으로 표시합니다."),
        Lang::En => format!("This link’s ‘{param}’ value ‘{value}’ is not one we know, so the default is shown instead."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_picks_korean_only_for_ko() {
        assert_eq!(lang_for_locale("ko-KR"), Lang::Ko);
        assert_eq!(lang_for_locale("ko"), Lang::Ko);
        assert_eq!(lang_for_locale("KO_kr"), Lang::Ko);
        assert_eq!(lang_for_locale("en-US"), Lang::En);
        assert_eq!(lang_for_locale("kok"), Lang::En);
        assert_eq!(lang_for_locale(""), Lang::En);
    }

    #[test]
    fn korean_and_english_strings_differ_and_are_not_blank() {
        let all = Msg::ALL.iter().map(|&m| (format!("{m:?}"), text(m))).chain(MapMsg::ALL.iter().map(|&m| (format!("{m:?}"), map_text(m))));
        for (m, t) in all {
            assert!(!t.ko.trim().is_empty() && !t.en.trim().is_empty(), "{m:?}");
            assert_ne!(t.ko, t.en, "{m:?} is not translated");
            assert!(t.ko.chars().any(|c| ('가'..='힣').contains(&c)), "{m:?}: Korean text has no Hangul");
        }
        for d in Dimension::ALL {
            assert_ne!(dimension(*d).ko, dimension(*d).en);
        }
        for &l in crate::layers::Layer::ALL {
            assert_ne!(layer(l).ko, layer(l).en);
            for c in 0..l.categories() {
                let label = category(l, Some(c));
                assert_ne!(label, map_text(MapMsg::NoData), "{l:?} category {c} has a name");
                assert!(label.ko.chars().any(|c| ('가'..='힣').contains(&c)), "{l:?} {c}");
            }
        }
    }

    #[test]
    fn notice_names_parameter_and_value_and_truncates() {
        let n = bad_param_notice("sel", "XX", Lang::En);
        assert!(n.contains("sel") && n.contains("XX"));
        let long = "a".repeat(500);
        assert!(bad_param_notice("sel", &long, Lang::Ko).len() < 200);
    }
}
