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

/// Interface messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    AppTitle,
    Tagline,
    SkipToContent,
    LanguageLabel,
    CoreHeading,
    CoreIntro,
    ChooseHint,
    SummaryLabel,
    ApproachLabel,
    CooperationLabel,
    InstrumentsHeading,
    MilestonesHeading,
    DimensionsHeading,
    SourceLabel,
    SectionLabel,
    CorrectionLabel,
    Binding,
    NonBinding,
    AsOf,
    SourcesHeading,
    DownloadHeading,
    DownloadJson,
    DownloadCsv,
    Dismiss,
    ClearSelection,
    NoticeTitle,
    MoreDetail,
    OtherActors,
    NoneChosen,
    GroupStates,
    GroupOrganizations,
    GroupCompanies,
}

/// The message in both languages.
pub const fn text(m: Msg) -> Label {
    use Msg::*;
    match m {
        AppTitle => Label { ko: "AI 전략 아틀라스", en: "AI Strategy Atlas" },
        Tagline => Label {
            ko: "각국은 AI를 어떻게 다스리는가 — 출처와 함께 비교합니다",
            en: "How nations govern AI — compared, with a source for every claim",
        },
        SkipToContent => Label { ko: "본문으로 건너뛰기", en: "Skip to content" },
        LanguageLabel => Label { ko: "언어", en: "Language" },
        CoreHeading => Label { ko: "다섯 가지 접근", en: "Five approaches" },
        CoreIntro => Label {
            ko: "EU, 미국, 일본, 중국, 한국은 AI 거버넌스에서 서로 다른 길을 택했습니다.",
            en: "The EU, the US, Japan, China and Korea have taken different paths in governing AI.",
        },
        ChooseHint => Label {
            ko: "관할권을 고르면 접근 방식과 근거 자료를 볼 수 있습니다.",
            en: "Choose a jurisdiction to see its approach and the sources behind it.",
        },
        SummaryLabel => Label { ko: "요약", en: "In one line" },
        ApproachLabel => Label { ko: "접근 방식", en: "Approach" },
        CooperationLabel => Label { ko: "국제협력 방식", en: "International cooperation" },
        InstrumentsHeading => Label { ko: "법·정책 수단", en: "Laws and policies" },
        MilestonesHeading => Label { ko: "주요 일지", en: "Milestones" },
        DimensionsHeading => Label { ko: "분야별 내용", en: "By dimension" },
        SourceLabel => Label { ko: "출처", en: "Source" },
        SectionLabel => Label { ko: "해당 부분", en: "section" },
        CorrectionLabel => Label { ko: "정정", en: "Correction" },
        Binding => Label { ko: "구속력 있음", en: "Binding" },
        NonBinding => Label { ko: "구속력 없음", en: "Non-binding" },
        AsOf => Label { ko: "자료 기준일", en: "Data as of" },
        SourcesHeading => Label { ko: "근거 문헌", en: "Source documents" },
        DownloadHeading => Label { ko: "데이터 내려받기", en: "Download the data" },
        DownloadJson => Label { ko: "전체 데이터 (JSON)", en: "Full dataset (JSON)" },
        DownloadCsv => Label { ko: "표 (CSV)", en: "Tables (CSV)" },
        Dismiss => Label { ko: "닫기", en: "Dismiss" },
        ClearSelection => Label { ko: "선택 해제", en: "Clear selection" },
        NoticeTitle => Label { ko: "링크 안내", en: "About this link" },
        MoreDetail => Label { ko: "자세히", en: "More detail" },
        OtherActors => Label { ko: "다른 국가·국제기구·기업", en: "Other countries, organizations and companies" },
        NoneChosen => Label { ko: "— 선택 —", en: "— choose —" },
        GroupStates => Label { ko: "국가", en: "Countries" },
        GroupOrganizations => Label { ko: "국제기구·협의체", en: "International bodies" },
        GroupCompanies => Label { ko: "기업", en: "Companies" },
    }
}

/// The message in `lang`.
pub const fn t(m: Msg, lang: Lang) -> &'static str {
    text(m).get(lang)
}

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
        let all = [
            Msg::AppTitle, Msg::Tagline, Msg::SkipToContent, Msg::LanguageLabel, Msg::CoreHeading, Msg::CoreIntro,
            Msg::ChooseHint, Msg::SummaryLabel, Msg::ApproachLabel, Msg::CooperationLabel, Msg::InstrumentsHeading,
            Msg::MilestonesHeading, Msg::DimensionsHeading, Msg::SourceLabel, Msg::SectionLabel, Msg::CorrectionLabel,
            Msg::Binding, Msg::NonBinding, Msg::AsOf, Msg::SourcesHeading, Msg::DownloadHeading, Msg::DownloadJson,
            Msg::DownloadCsv, Msg::Dismiss, Msg::ClearSelection, Msg::NoticeTitle, Msg::MoreDetail,
            Msg::OtherActors, Msg::NoneChosen, Msg::GroupStates, Msg::GroupOrganizations, Msg::GroupCompanies,
        ];
        for m in all {
            let t = text(m);
            assert!(!t.ko.trim().is_empty() && !t.en.trim().is_empty(), "{m:?}");
            assert_ne!(t.ko, t.en, "{m:?} is not translated");
            assert!(t.ko.chars().any(|c| ('가'..='힣').contains(&c)), "{m:?}: Korean text has no Hangul");
        }
        for d in Dimension::ALL {
            assert_ne!(dimension(*d).ko, dimension(*d).en);
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
