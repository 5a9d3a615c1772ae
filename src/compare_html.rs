//! The compare view as HTML strings: the choice of jurisdictions and the table that puts them side by side. No
//! Leptos (see [`crate::html`] for why strings).
//!
//! The table has two parts. "At a glance" rows hold one comparable value per jurisdiction (approach, cooperation,
//! and what each map layer records as of the data's date); a row whose values differ is marked with a word and a
//! highlight, and rows where all agree can be left out. "In detail" rows hold each jurisdiction's sourced claims on
//! one dimension. Every cell carries its source.

use crate::data::{self, AS_OF};
use crate::geo::push_int;
use crate::html::{claim, claims, esc, heading_and_lede, source};
use crate::i18n::{self, t, Msg};
use crate::layers::{self, Layer, Unit};
use crate::map_html::basis;
use crate::model::{Actor, ActorKind, Dimension, Lang};
use crate::url::{Picks, MAX_PICKS, MIN_PICKS};

/// The jurisdictions the view offers: every state and bloc with a profile, core ones first (data order).
pub fn offered() -> impl Iterator<Item = &'static Actor> {
    data::ACTORS.iter().filter(|a| matches!(a.kind, ActorKind::State | ActorKind::Bloc))
}

/// Whether `id`'s box is ticked, and whether it is disabled (unticking would leave fewer than two, ticking would
/// make more than five).
pub fn choice(picks: &Picks, id: &str) -> (bool, bool) {
    let on = picks.contains(id);
    let n = picks.ids().len();
    (on, if on { n <= MIN_PICKS } else { n >= MAX_PICKS })
}

/// The heading, intro, a checkbox per offered jurisdiction and the "only rows that differ" switch, in their current
/// state (the component keeps `checked` and `disabled` current afterwards, so focus survives a change).
pub fn controls(picks: &Picks, only_diff: bool, lang: Lang) -> String {
    let mut o = heading_and_lede("compare-heading", Msg::CompareHeading, Msg::CompareIntro, lang);
    o.push_str("<fieldset class=\"choices\"><legend>");
    esc(&mut o, t(Msg::CompareChoose, lang));
    o.push_str("</legend>");
    for a in offered() {
        let (on, off) = choice(picks, a.id);
        o.push_str("<label class=\"choice\"><input type=\"checkbox\" name=\"cmp\" value=\"");
        o.push_str(a.id);
        o.push('"');
        if on {
            o.push_str(" checked");
        }
        if off {
            o.push_str(" disabled");
        }
        o.push('>');
        esc(&mut o, a.short.get(lang));
        o.push_str("</label>");
    }
    o.push_str("</fieldset><label class=\"only-diff\"><input type=\"checkbox\" id=\"compare-diff\"");
    if only_diff {
        o.push_str(" checked");
    }
    o.push('>');
    esc(&mut o, t(Msg::OnlyDiffer, lang));
    o.push_str("</label>");
    o
}

/// The approach spectrum: the jurisdictions the sources let the atlas place, on two axes (voluntary ↔ binding,
/// national or bilateral ↔ multilateral or regional), as a small chart, then each placement's one-line reason and
/// source (which say in words where each one stands). Labelled as the editorial summary it is. The chosen
/// jurisdictions are emphasized.
pub fn spectrum(picks: &Picks, lang: Lang) -> String {
    let mut o = String::with_capacity(8192);
    o.push_str("<figure class=\"spectrum\" data-testid=\"spectrum\"><figcaption><strong id=\"spectrum-title\">");
    esc(&mut o, t(Msg::SpectrumHeading, lang));
    o.push_str("</strong> ");
    esc(&mut o, t(Msg::SpectrumNote, lang));
    // A 440 × 250 view box; the plot runs from x 70 (voluntary) to 420 (binding), y 215 (national) up to 20.
    o.push_str("</figcaption><svg viewBox=\"0 0 440 250\" role=\"img\" aria-labelledby=\"spectrum-title\" aria-describedby=\"spectrum-reasons\">\
<path class=\"axis\" d=\"M70 20V215H420\"/>");
    for (m, at) in [
        (Msg::AxisMultilateralEnd, "x=\"76\" y=\"14\""),
        (Msg::AxisNational, "x=\"76\" y=\"207\""),
        (Msg::AxisVoluntary, "x=\"70\" y=\"236\""),
        (Msg::AxisBindingEnd, "x=\"420\" y=\"236\" text-anchor=\"end\""),
    ] {
        o.push_str("<text class=\"axis-label\" ");
        o.push_str(at);
        o.push('>');
        esc(&mut o, t(m, lang));
        o.push_str("</text>");
    }
    let placed = || data::ACTORS.iter().filter_map(|a| Some((a, a.spectrum?)));
    for (a, s) in placed() {
        // Whole units: formatting floats would link ~9 KB of float printing into the wasm.
        let (x, y) = (70 + (350.0 * s.binding) as i32, 215 - (195.0 * s.multilateral) as i32);
        o.push_str(if picks.contains(a.id) { "<g class=\"dot picked\"><circle cx=\"" } else { "<g class=\"dot\"><circle cx=\"" });
        push_int(&mut o, x);
        o.push_str("\" cy=\"");
        push_int(&mut o, y);
        // A name goes right of its dot, or below it near the binding end (where it would run out of the plot or
        // into a neighbour's dot).
        let below = x > 360;
        o.push_str(if below { "\" r=\"6\"/><text text-anchor=\"middle\" x=\"" } else { "\" r=\"6\"/><text x=\"" });
        push_int(&mut o, if below { x } else { x + 10 });
        o.push_str("\" y=\"");
        push_int(&mut o, if below { y + 22 } else { y + 4 });
        o.push_str("\">");
        esc(&mut o, a.short.get(lang));
        o.push_str("</text></g>");
    }
    // The reasons below say in words where each one stands: they are the chart's text alternative.
    o.push_str("</svg><ul class=\"claims reasons\" id=\"spectrum-reasons\" role=\"list\">");
    for (a, s) in placed() {
        claim(&mut o, Some(a.short.get(lang)), None, s.reason.get(lang), s.source, None, lang);
    }
    o.push_str("</ul></figure>");
    o
}

/// A row of comparable values: approach, cooperation, or a map layer.
#[derive(Clone, Copy)]
enum Glance {
    Approach,
    Cooperation,
    Layer(Layer),
}

const GLANCE: [Glance; 8] = [
    Glance::Approach,
    Glance::Cooperation,
    Glance::Layer(Layer::Law),
    Glance::Layer(Layer::Safety),
    Glance::Layer(Layer::Laws),
    Glance::Layer(Layer::Coe),
    Glance::Layer(Layer::Bletchley),
    Glance::Layer(Layer::Gpai),
];

/// A jurisdiction's value on a glance row: what is compared, and the cell's HTML (value, date, basis, source).
fn value(row: Glance, a: &'static Actor, lang: Lang) -> (Option<u8>, String) {
    let mut cell = String::new();
    let (key, name) = match row {
        Glance::Approach => (a.approach.map(|x| x as u8), a.approach.map(|x| i18n::approach(x).get(lang))),
        Glance::Cooperation => (a.cooperation.map(|x| x as u8), a.cooperation.map(|x| i18n::cooperation(x).get(lang))),
        Glance::Layer(layer) => {
            let Some(f) = Unit::from_code(a.id).map(|u| layers::fact(layer, u, AS_OF)) else {
                return (None, String::new());
            };
            let mut name = i18n::category(layer, f.cat).get(lang).to_string();
            if let (Some(d), true) = (f.since, layer.dated() && f.cat != layer.residual()) {
                name.push_str(" · ");
                name.push_str(&d.display(lang));
            }
            cell.push_str("<p class=\"value\">");
            esc(&mut cell, &name);
            cell.push_str("</p>");
            // "None recorded" has nothing to cite.
            if f.what.is_some() || f.source.is_some() {
                cell.push_str("<div class=\"meta\">");
                basis(&mut cell, &f, lang);
                cell.push_str("</div>");
            }
            return (f.cat, cell);
        }
    };
    cell.push_str("<p class=\"value\">");
    esc(&mut cell, name.unwrap_or(t(Msg::NothingRecorded, lang)));
    cell.push_str("</p>");
    if name.is_some() {
        source(&mut cell, a.source, None, lang);
    }
    (key, cell)
}

fn row_head(o: &mut String, name: &str, mark: Option<Msg>, lang: Lang) {
    o.push_str("<th scope=\"row\">");
    esc(o, name);
    if let Some(m) = mark {
        o.push_str(" <span class=\"mark\">");
        esc(o, t(m, lang));
        o.push_str("</span>");
    }
    o.push_str("</th>");
}

/// The table of `picks` (ids the view does not offer are skipped). With `only_diff`, glance rows where every
/// jurisdiction has the same value are left out.
pub fn table(picks: &Picks, only_diff: bool, lang: Lang) -> String {
    let actors: Vec<&'static Actor> = picks.ids().iter().filter_map(|id| data::comparable(id)).collect();
    let mut o = String::with_capacity(32 * 1024);
    o.push_str("<table class=\"compare-table cols-");
    push_int(&mut o, actors.len() as i32);
    o.push_str("\" data-testid=\"compare-table\"><caption><span>");
    esc(&mut o, t(Msg::CompareCaption, lang));
    o.push_str("</span></caption><thead><tr><td></td>");
    for a in &actors {
        o.push_str("<th scope=\"col\"><button type=\"button\" class=\"open-profile\" data-open=\"");
        o.push_str(a.id);
        o.push_str("\">");
        esc(&mut o, a.short.get(lang));
        o.push_str("</button></th>");
    }
    o.push_str("</tr></thead><tbody>");
    group(&mut o, Msg::AtAGlance, actors.len(), lang);
    let mut shown = 0;
    for row in GLANCE {
        let values: Vec<(Option<u8>, String)> = actors.iter().map(|a| value(row, a, lang)).collect();
        let differs = values.iter().any(|v| v.0 != values[0].0);
        if only_diff && !differs {
            continue;
        }
        shown += 1;
        o.push_str(if differs { "<tr class=\"glance differs\">" } else { "<tr class=\"glance\">" });
        let name = match row {
            Glance::Approach => t(Msg::ApproachLabel, lang),
            Glance::Cooperation => t(Msg::CooperationLabel, lang),
            Glance::Layer(l) => i18n::layer(l).get(lang),
        };
        row_head(&mut o, name, Some(if differs { Msg::Differs } else { Msg::Same }), lang);
        for (_, cell) in &values {
            o.push_str("<td>");
            o.push_str(cell);
            o.push_str("</td>");
        }
        o.push_str("</tr>");
    }
    if shown == 0 {
        o.push_str("<tr><td class=\"none\" colspan=\"");
        push_int(&mut o, actors.len() as i32 + 1);
        o.push_str("\">");
        esc(&mut o, t(Msg::NoDifferences, lang));
        o.push_str("</td></tr>");
    }
    group(&mut o, Msg::InDetail, actors.len(), lang);
    for d in Dimension::ALL {
        if !actors.iter().any(|a| data::facets(a, *d).next().is_some()) {
            continue;
        }
        o.push_str("<tr class=\"detail\">");
        row_head(&mut o, i18n::dimension(*d).get(lang), None, lang);
        for a in &actors {
            o.push_str("<td>");
            if data::facets(a, *d).next().is_some() {
                claims(&mut o, data::facets(a, *d), lang);
            } else {
                o.push_str("<p class=\"value none\">");
                esc(&mut o, t(Msg::NothingRecorded, lang));
                o.push_str("</p>");
            }
            o.push_str("</td>");
        }
        o.push_str("</tr>");
    }
    o.push_str("</tbody></table>");
    o
}

/// A row naming a group of rows, across the table.
fn group(o: &mut String, title: Msg, columns: usize, lang: Lang) {
    o.push_str("<tr class=\"group\"><th scope=\"colgroup\" colspan=\"");
    push_int(o, columns as i32 + 1);
    o.push_str("\"><span>");
    esc(o, t(title, lang));
    o.push_str("</span></th></tr>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows<'a>(html: &'a str, class: &str) -> Vec<&'a str> {
        html.split("<tr").filter(|r| r.starts_with(&format!(" class=\"{class}"))).collect()
    }

    #[test]
    fn the_default_table_has_the_five_in_order_and_marks_the_rows_that_differ() {
        let html = table(&Picks::DEFAULT, false, Lang::En);
        let heads: Vec<&str> = html.split("data-open=\"").skip(1).map(|s| &s[..2]).collect();
        assert_eq!(heads, ["EU", "US", "JP", "CN", "KR"]);
        let glance = rows(&html, "glance");
        assert_eq!(glance.len(), GLANCE.len());
        // Five approaches, five different labels: the first row differs, and says so in words, not only in colour.
        assert!(glance[0].starts_with(" class=\"glance differs\"") && glance[0].contains("Regulation-centric"));
        assert!(glance[0].contains("<span class=\"mark\">differs</span>"));
        assert!(glance.iter().all(|r| r.contains("differs</span>") || r.contains("same</span>")));
        // Korea's law is in force since 22 Jan 2026, with its basis and source in the cell.
        assert!(glance[2].contains("Binding AI law in force · 22 Jan 2026"), "{}", glance[2]);
        // Every glance cell cites a source, unless it says that nothing is recorded.
        let mut nothing: Vec<&str> = vec![t(Msg::NothingRecorded, Lang::En), crate::i18n::mt(crate::i18n::MapMsg::NoData, Lang::En)];
        nothing.extend(Layer::ALL.iter().filter_map(|l| l.residual().map(|r| i18n::category(*l, Some(r)).en)));
        for r in &glance {
            for cell in r.split("<td>").skip(1) {
                let cited = cell.contains("class=\"cite\"");
                let empty = nothing.iter().any(|n| cell.starts_with(&format!("<p class=\"value\">{n}</p></td>")));
                assert!(cited != empty, "{cell}");
            }
        }
        // The detail rows hold each jurisdiction's claims, each with its source.
        let detail = rows(&html, "detail");
        assert!(detail.len() >= 7, "{} detail rows", detail.len());
        let law = detail.iter().find(|r| r.contains(">Laws and regulation<") || r.contains("AI Act")).expect("a law row");
        assert!(law.matches("<li class=\"claim\">").count() >= 5 && law.matches("class=\"cite\"").count() >= 5);
    }

    #[test]
    fn only_the_rows_that_differ_are_kept_when_asked() {
        // Germany and France both take the EU's AI Act, so their law rows agree.
        let picks = Picks::new(&["DE", "FR"]).expect("two");
        let all = table(&picks, false, Lang::En);
        let same = rows(&all, "glance").iter().filter(|r| !r.starts_with(" class=\"glance differs")).count();
        assert!(same >= 1, "DE and FR agree on something");
        let diff = table(&picks, true, Lang::En);
        assert_eq!(rows(&diff, "glance").len(), GLANCE.len() - same);
        assert!(rows(&diff, "glance").iter().all(|r| r.starts_with(" class=\"glance differs")));
        // When nothing differs, a line says so instead of an empty group.
        let twins = Picks::new(&["NL", "DE"]).expect("two");
        let t = table(&twins, true, Lang::Ko);
        if rows(&t, "glance").is_empty() {
            assert!(t.contains(t_ko(Msg::NoDifferences)));
        }
    }

    fn t_ko(m: Msg) -> &'static str {
        t(m, Lang::Ko)
    }

    #[test]
    fn choices_keep_between_two_and_five_and_render_in_both_languages() {
        let two = Picks::new(&["EU", "KR"]).expect("two");
        assert_eq!(choice(&two, "EU"), (true, true), "the last two cannot be unticked");
        assert_eq!(choice(&two, "US"), (false, false));
        assert_eq!(choice(&Picks::DEFAULT, "GB"), (false, true), "a sixth cannot be ticked");
        assert_eq!(choice(&Picks::DEFAULT, "JP"), (true, false));
        let html = controls(&Picks::DEFAULT, true, Lang::Ko);
        assert_eq!(html.matches("name=\"cmp\"").count(), offered().count());
        assert_eq!(html.matches(" checked").count(), 6, "five jurisdictions and the filter");
        assert!(html.contains(t(Msg::CompareChoose, Lang::Ko)) && html.contains("value=\"GB\" disabled"));
        assert!(offered().all(|a| data::comparable(a.id).is_some()) && offered().count() >= 15);
        assert!(offered().all(|a| a.kind != ActorKind::Organization));
    }

    #[test]
    fn the_spectrum_places_the_five_on_both_axes_with_reasons_and_sources() {
        let html = spectrum(&Picks::new(&["EU", "KR"]).expect("two"), Lang::En);
        assert!(html.contains("an editorial summary of the sources"));
        assert_eq!(html.matches("<circle").count(), 5);
        assert_eq!(html.matches("<g class=\"dot picked\">").count(), 2);
        // The EU (binding 0.9, multilateral 0.7) sits right of and above the US (0.25, 0.3).
        let at = |name: &str| -> (i32, i32) {
            let g = html.split("<g class=").find(|g| g.contains(&format!(">{name}</text>"))).expect(name);
            let num = |k: &str| g.split(k).nth(1).and_then(|s| s.split('"').next()).and_then(|v| v.parse().ok()).expect(k);
            (num("cx=\""), num("cy=\""))
        };
        let (eu, us) = (at("EU"), at("United States"));
        assert!(eu.0 > us.0 && eu.1 < us.1, "{eu:?} {us:?}");
        assert_eq!(eu, (70 + 315, 215 - 136));
        // Each placement's reason, with its source, is the chart's text alternative.
        let reasons = html.split("id=\"spectrum-reasons\"").nth(1).expect("reasons");
        assert_eq!(reasons.matches("<li class=\"claim\">").count(), 5);
        assert_eq!(reasons.matches("class=\"cite\"").count(), 5);
        assert!(html.contains("aria-describedby=\"spectrum-reasons\""));
        assert!(spectrum(&Picks::DEFAULT, Lang::Ko).contains(t(Msg::AxisBindingEnd, Lang::Ko)));
    }

    #[test]
    fn unknown_ids_in_picks_are_skipped_and_text_is_escaped() {
        let p = Picks::new(&["EU", "OECD", "KR"]).expect("three");
        let html = table(&p, false, Lang::En);
        assert_eq!(html.matches("data-open=").count(), 2, "an organization is not a column");
        assert!(html.contains("cols-2"));
        assert!(!html.contains("<script"));
    }
}
