//! Static, non-interactive content rendered to escaped HTML strings: the body of a profile (every sourced claim)
//! and the colophon. No Leptos.
//!
//! Why not `view!`: these blocks hold hundreds of elements with no reactivity of their own; the components re-render
//! them whole when the selection or language changes. Generated as one string they cost a few hundred bytes of wasm
//! instead of many kilobytes of per-element code, which keeps the widget within its 150 KB budget, and they are
//! tested natively. All text passes through [`esc`]; every URL in the data is validated as http(s) at build time.

use crate::data::{self, AS_OF, SEEDS};
use crate::i18n::{self, t, Msg};
use crate::model::{Actor, ActorKind, Dimension, Lang, Source, Text, Tier};

/// `parts` joined by `sep`: what `[&str]::join` does, without its generic code (about 0.8 KB of wasm).
pub fn join(parts: &[&str], sep: &str) -> String {
    let mut out = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(p);
    }
    out
}

/// Appends `s` with `& < > " '` escaped.
pub fn esc(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Appends `<tag class="class">text</tag>` (class omitted when empty).
fn el(out: &mut String, tag: &str, class: &str, text: &str) {
    out.push('<');
    out.push_str(tag);
    if !class.is_empty() {
        out.push_str(" class=\"");
        out.push_str(class);
        out.push('"');
    }
    out.push('>');
    esc(out, text);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

/// A citation line (and the correction note, if any).
pub fn source(out: &mut String, src: &Source, correction: Option<Text>, lang: Lang) {
    out.push_str("<p class=\"cite\"><span class=\"cite-label\">");
    esc(out, t(Msg::SourceLabel, lang));
    out.push_str(": </span>");
    match *src {
        Source::Seed { section, .. } => {
            if let Some(seed) = src.seed() {
                out.push_str("<span class=\"cite-doc\" title=\"");
                esc(out, seed.file);
                out.push_str("\">");
                esc(out, seed.title.get(lang));
                out.push_str("</span> · ");
            }
            out.push_str("<span class=\"cite-section\">");
            esc(out, t(Msg::SectionLabel, lang));
            out.push_str(" “");
            esc(out, section.get());
            out.push_str("”</span>");
        }
        Source::Url { url, title } => {
            out.push_str("<a class=\"cite-link\" rel=\"noopener noreferrer\" target=\"_blank\" href=\"");
            esc(out, url.get());
            out.push_str("\">");
            esc(out, title.get());
            out.push_str("</a>");
        }
    }
    out.push_str("</p>");
    if let Some(c) = correction {
        out.push_str("<p class=\"correction\"><span class=\"correction-label\">");
        esc(out, t(Msg::CorrectionLabel, lang));
        out.push_str(": </span>");
        esc(out, c.get(lang));
        out.push_str("</p>");
    }
}

/// One sourced claim as a list item (ends with `</li>`).
pub(crate) fn claim(
    out: &mut String,
    heading: Option<&str>,
    meta: Option<&str>,
    text: &str,
    src: &Source,
    correction: Option<Text>,
    lang: Lang,
) {
    out.push_str("<li class=\"claim\">");
    if let Some(h) = heading {
        el(out, "h5", "", h);
    }
    if let Some(m) = meta {
        el(out, "p", "meta", m);
    }
    el(out, "p", "", text);
    source(out, src, correction, lang);
    out.push_str("</li>");
}

/// Facets as a list of sourced claims.
pub fn claims<'a>(out: &mut String, facets: impl Iterator<Item = &'a crate::model::Facet>, lang: Lang) {
    out.push_str("<ul class=\"claims\" role=\"list\">");
    for f in facets {
        claim(out, None, None, f.text.get(lang), f.source, f.correction, lang);
    }
    out.push_str("</ul>");
}

fn section_open(out: &mut String, key: &str, title: &str) {
    out.push_str("<section class=\"dimension\" data-dimension=\"");
    out.push_str(key);
    out.push_str("\">");
    el(out, "h4", "", title);
    out.push_str("<ul role=\"list\">");
}

const SECTION_CLOSE: &str = "</ul></section>";

/// The body of an actor's profile: summary, badges, source, spectrum reason, facets by dimension, instruments and
/// milestones. (The heading and the close button are interactive and rendered by the component.)
pub fn profile(a: &'static Actor, lang: Lang) -> String {
    let mut o = String::with_capacity(16 * 1024);
    o.push_str("<p class=\"summary\" data-testid=\"profile-summary\">");
    esc(&mut o, a.summary.get(lang));
    o.push_str("</p><ul class=\"badges\" role=\"list\">");
    if let Some(ap) = a.approach {
        el(&mut o, "li", "", &format!("{}: {}", t(Msg::ApproachLabel, lang), i18n::approach(ap).get(lang)));
    }
    if let Some(c) = a.cooperation {
        el(&mut o, "li", "", &format!("{}: {}", t(Msg::CooperationLabel, lang), i18n::cooperation(c).get(lang)));
    }
    o.push_str("</ul>");
    source(&mut o, a.source, None, lang);
    if let Some(s) = a.spectrum {
        el(&mut o, "p", "reason", s.reason.get(lang));
    }
    el(&mut o, "h3", "section-title", t(Msg::DimensionsHeading, lang));
    for d in Dimension::ALL {
        let mut facets = data::facets(a, *d).peekable();
        if facets.peek().is_none() {
            continue;
        }
        section_open(&mut o, d.key(), i18n::dimension(*d).get(lang));
        for f in facets {
            claim(&mut o, None, None, f.text.get(lang), f.source, f.correction, lang);
        }
        o.push_str(SECTION_CLOSE);
    }
    if !a.instruments.is_empty() {
        section_open(&mut o, "instruments", t(Msg::InstrumentsHeading, lang));
        for i in a.instruments {
            let kind = i18n::instrument_kind(i.kind).get(lang);
            let binding = t(if i.binding { Msg::Binding } else { Msg::NonBinding }, lang);
            let mut meta = join(&[kind, binding, i18n::status(i.status).get(lang)], " · ");
            for d in i.dates {
                for part in [" · ", i18n::step(d.step).get(lang), " ", &d.date.display(lang)] {
                    meta.push_str(part);
                }
            }
            claim(&mut o, Some(i.title.get(lang)), Some(&meta), i.summary.get(lang), i.source, i.correction, lang);
        }
        o.push_str(SECTION_CLOSE);
    }
    if !a.events.is_empty() {
        section_open(&mut o, "milestones", t(Msg::MilestonesHeading, lang));
        for e in a.events {
            let meta = format!("{} · {}", e.date.display(lang), i18n::event_kind(e.kind).get(lang));
            claim(&mut o, None, Some(&meta), e.title.get(lang), e.source, e.correction, lang);
        }
        o.push_str(SECTION_CLOSE);
    }
    o
}

/// The `<option>`s of the drop-down of non-core actors, grouped by kind, in data order (by id), with `selected` on
/// the current selection (none when a core jurisdiction or nothing is selected).
pub fn actor_options(sel: Option<&str>, lang: Lang) -> String {
    let mut o = String::with_capacity(2048);
    o.push_str("<option value=\"\">");
    esc(&mut o, t(Msg::NoneChosen, lang));
    o.push_str("</option>");
    let groups = [
        (Msg::GroupStates, &[ActorKind::State, ActorKind::Bloc][..]),
        (Msg::GroupOrganizations, &[ActorKind::Organization][..]),
    ];
    for (label, kinds) in groups {
        o.push_str("<optgroup label=\"");
        esc(&mut o, t(label, lang));
        o.push_str("\">");
        for a in data::ACTORS.iter().filter(|a| a.tier != Tier::Core && kinds.contains(&a.kind)) {
            o.push_str("<option value=\"");
            o.push_str(a.id);
            o.push('"');
            if sel == Some(a.id) {
                o.push_str(" selected");
            }
            o.push('>');
            esc(&mut o, a.short.get(lang));
            o.push_str("</option>");
        }
        o.push_str("</optgroup>");
    }
    o
}

/// The view switch's buttons (`aria-pressed` is kept current by the component).
pub fn views(lang: Lang) -> String {
    let mut o = String::from("<ul role=\"list\">");
    use crate::url::View;
    for (v, m) in [(View::Map, Msg::ViewMap), (View::Compare, Msg::ViewCompare), (View::Timeline, Msg::ViewTimeline)] {
        o.push_str("<li><button type=\"button\" class=\"view-button\" aria-pressed=\"false\" data-view=\"");
        o.push_str(v.key());
        o.push_str("\">");
        esc(&mut o, t(m, lang));
        o.push_str("</button></li>");
    }
    o.push_str("</ul>");
    o
}

/// A section's start: `<h2 id>` heading and its intro paragraph, in a new string.
pub(crate) fn heading_and_lede(id: &str, heading: Msg, lede: Msg, lang: Lang) -> String {
    let mut o = String::with_capacity(4096);
    o.push_str("<h2 id=\"");
    o.push_str(id);
    o.push_str("\">");
    esc(&mut o, t(heading, lang));
    o.push_str("</h2><p class=\"lede\">");
    esc(&mut o, t(lede, lang));
    o.push_str("</p>");
    o
}

/// The five core jurisdictions as toggle cards (`aria-pressed` is kept current by the component, not here), with the
/// section's heading, intro and hint.
pub fn picker(lang: Lang) -> String {
    let mut o = heading_and_lede("picker-heading", Msg::CoreHeading, Msg::CoreIntro, lang);
    o.push_str("<ul class=\"jurisdictions\" role=\"list\">");
    for a in data::core_actors() {
        o.push_str("<li><button type=\"button\" class=\"jurisdiction\" aria-pressed=\"false\" data-id=\"");
        o.push_str(a.id);
        o.push_str("\"><span class=\"jurisdiction-code\" aria-hidden=\"true\">");
        o.push_str(a.id);
        o.push_str("</span><span class=\"jurisdiction-name\">");
        esc(&mut o, a.short.get(lang));
        o.push_str("</span><span class=\"jurisdiction-approach\">");
        if let Some(ap) = a.approach {
            esc(&mut o, i18n::approach(ap).get(lang));
        }
        o.push_str("</span></button></li>");
    }
    o.push_str("</ul><p class=\"hint\" id=\"picker-hint\">");
    esc(&mut o, t(Msg::ChooseHint, lang));
    o.push_str("</p>");
    o
}

/// The notice listing URL parameters that fell back to defaults, with its dismiss button; empty when there are none.
pub fn notice(problems: &[crate::url::Problem], lang: Lang) -> String {
    if problems.is_empty() {
        return String::new();
    }
    let mut o = String::from("<div class=\"notice\" role=\"status\" data-testid=\"url-notice\"><strong>");
    esc(&mut o, t(Msg::NoticeTitle, lang));
    o.push_str("</strong><ul>");
    for p in problems {
        o.push_str("<li>");
        esc(&mut o, &i18n::bad_param_notice(p.param, &p.value, lang));
        o.push_str("</li>");
    }
    o.push_str("</ul><button type=\"button\" class=\"notice-dismiss\">");
    esc(&mut o, t(Msg::Dismiss, lang));
    o.push_str("</button></div>");
    o
}

/// A whole profile: heading, close button and a body (already HTML: [`profile`], or the map's card of a state
/// without a profile).
pub fn profile_article(name: &str, body: &str, lang: Lang) -> String {
    let mut o = String::from("<article class=\"profile\" aria-labelledby=\"profile-heading\" data-testid=\"profile\"><header class=\"profile-head\"><h3 id=\"profile-heading\" tabindex=\"-1\">");
    esc(&mut o, name);
    o.push_str("</h3><button type=\"button\" class=\"clear\">");
    esc(&mut o, t(Msg::ClearSelection, lang));
    o.push_str("</button></header><div class=\"profile-body\">");
    o.push_str(body);
    o.push_str("</div></article>");
    o
}

/// The colophon: the data's date, the source documents and the download links.
pub fn colophon(lang: Lang) -> String {
    let mut o = String::with_capacity(2048);
    o.push_str("<p class=\"as-of\">");
    esc(&mut o, t(Msg::AsOf, lang));
    o.push_str(": <time datetime=\"");
    o.push_str(&AS_OF.to_string());
    o.push_str("\">");
    esc(&mut o, &AS_OF.display(lang));
    o.push_str("</time></p>");
    el(&mut o, "h2", "", t(Msg::SourcesHeading, lang));
    o.push_str("<ul class=\"seeds\" role=\"list\">");
    for s in SEEDS {
        el(&mut o, "li", "", &format!("{} — {}, {}", s.title.get(lang), s.publisher.get(lang), s.year.display(lang)));
    }
    o.push_str("</ul>");
    el(&mut o, "h2", "", t(Msg::DownloadHeading, lang));
    o.push_str("<ul class=\"downloads\" role=\"list\"><li><a href=\"pkg/data/atlas.json\" download=\"ai-strategy-atlas.json\">");
    esc(&mut o, t(Msg::DownloadJson, lang));
    o.push_str("</a></li><li>");
    esc(&mut o, t(Msg::DownloadCsv, lang));
    o.push(':');
    for name in ["actors", "facets", "instruments", "events", "laws_positions"] {
        o.push_str(" <a href=\"pkg/data/");
        o.push_str(name);
        o.push_str(".csv\" download>");
        o.push_str(name);
        o.push_str("</a>");
    }
    o.push_str("</li></ul>");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_puts_the_separator_between_parts_only() {
        assert_eq!(join(&[], ", "), "");
        assert_eq!(join(&["EU"], ", "), "EU");
        assert_eq!(join(&["EU", "US", "JP"], ","), "EU,US,JP");
        assert_eq!(join(&["법", "", "시행"], " · "), "법 ·  · 시행");
    }

    #[test]
    fn escapes_markup_and_quotes() {
        let mut s = String::new();
        esc(&mut s, r#"<script>alert("x") & 'y'</script>"#);
        assert_eq!(s, "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;");
    }

    #[test]
    fn a_profile_holds_every_claim_with_its_source() {
        let kr = data::actor("KR").expect("KR");
        for lang in [Lang::En, Lang::Ko] {
            let html = profile(kr, lang);
            let claims = html.matches("<li class=\"claim\">").count();
            assert_eq!(claims, kr.facets.len() + kr.instruments.len() + kr.events.len());
            assert_eq!(html.matches("<p class=\"cite\">").count(), claims + 1);
            let mut summary = String::new();
            esc(&mut summary, kr.summary.get(lang));
            assert!(html.contains(&summary));
            assert!(!html.contains("<script"));
        }
        assert!(profile(kr, Lang::Ko).contains("출처"));
    }

    #[test]
    fn every_profile_is_well_nested() {
        for a in data::ACTORS {
            let html = profile(a, Lang::En);
            for tag in ["li", "ul", "section", "p", "details", "a", "span"] {
                let open = html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
                let close = html.matches(&format!("</{tag}>")).count();
                assert_eq!(open, close, "{}: <{tag}> opened {open}, closed {close}", a.id);
            }
        }
    }

    #[test]
    fn the_actor_options_list_every_non_core_actor_once_and_mark_the_selection() {
        let html = actor_options(Some("OECD"), Lang::En);
        let non_core = data::ACTORS.iter().filter(|a| a.tier != Tier::Core).count();
        assert_eq!(html.matches("<option value=\"").count(), non_core + 1);
        assert_eq!(html.matches(" selected").count(), 1);
        assert!(html.contains("<option value=\"OECD\" selected>"));
        assert!(!html.contains("value=\"KR\""));
        assert_eq!(html.matches("<optgroup").count(), 2);
        assert_eq!(actor_options(Some("KR"), Lang::Ko).matches(" selected").count(), 0);
        assert!(actor_options(None, Lang::Ko).contains("국제기구"));
    }

    #[test]
    fn the_colophon_links_every_download() {
        let html = colophon(Lang::En);
        for f in ["atlas.json", "actors.csv", "facets.csv", "instruments.csv", "events.csv", "laws_positions.csv"] {
            assert!(html.contains(&format!("pkg/data/{f}")), "{f}");
        }
        assert!(html.contains(&AS_OF.to_string()));
        assert_eq!(html.matches("<li>").count(), SEEDS.len() + 2);
    }
}
