//! The timeline view as HTML strings: its filters and the milestones from January 2017 to the data's date, by
//! year, each with its source and a button that shows the world map at that month. No Leptos (see [`crate::html`]).

use crate::data;
use crate::geo::push_int;
use crate::html::{claim, esc, heading_and_lede};
use crate::i18n::{self, t, Msg};
use crate::layers;
use crate::model::{Actor, Date, Event, EventKind, Lang};

/// The milestones the filters let through, from January 2017 on, oldest first (by date, then actor). A jurisdiction's
/// milestones are its own and those it took part in (the Seoul summit is the summits' record, with Korea as host).
pub fn events(who: Option<&str>, kind: Option<EventKind>) -> Vec<(&'static Actor, &'static Event)> {
    let mut v: Vec<(&'static Actor, &'static Event)> = data::ACTORS
        .iter()
        .flat_map(|a| a.events.iter().map(move |e| (a, e)))
        .filter(|(a, e)| who.is_none_or(|w| w == a.id || e.actors.contains(&w)))
        .filter(|(_, e)| e.date >= layers::START_OF_MONTH && kind.is_none_or(|k| k == e.kind))
        .collect();
    crate::map_html::sort_small(&mut v, |(a, e)| (e.date, a.id));
    v
}

/// The heading, intro and the two filters (`<select>`s: jurisdiction and type), showing `who` and `kind`.
pub fn controls(who: Option<&str>, kind: Option<EventKind>, lang: Lang) -> String {
    let mut o = heading_and_lede("timeline-heading", Msg::TimelineHeading, Msg::TimelineIntro, lang);
    o.push_str("<div class=\"filters\"><label class=\"filter\">");
    esc(&mut o, t(Msg::FilterWho, lang));
    o.push_str("<select id=\"timeline-who\">");
    option(&mut o, "", t(Msg::FilterAll, lang), who.is_none());
    for a in data::ACTORS.iter().filter(|a| !a.events.is_empty()) {
        option(&mut o, a.id, a.short.get(lang), who == Some(a.id));
    }
    o.push_str("</select></label><label class=\"filter\">");
    esc(&mut o, t(Msg::FilterKind, lang));
    o.push_str("<select id=\"timeline-kind\">");
    option(&mut o, "", t(Msg::FilterAll, lang), kind.is_none());
    for k in EventKind::ALL {
        option(&mut o, k.key(), i18n::event_kind(*k).get(lang), kind == Some(*k));
    }
    o.push_str("</select></label></div>");
    o
}

fn option(o: &mut String, value: &str, text: &str, selected: bool) {
    o.push_str("<option value=\"");
    o.push_str(value);
    o.push_str(if selected { "\" selected>" } else { "\">" });
    esc(o, text);
    o.push_str("</option>");
}

/// How many milestones match, then a list per year: date, who and type; the milestone with its source; and a
/// button (`data-month`, the map slider's position) that shows the map at that month.
pub fn list(who: Option<&str>, kind: Option<EventKind>, lang: Lang) -> String {
    let events = events(who, kind);
    let mut o = String::with_capacity(64 * 1024);
    o.push_str("<p class=\"tl-count\" role=\"status\">");
    esc(&mut o, &i18n::milestones(events.len(), lang));
    o.push_str("</p>");
    let mut year = 0;
    for (a, e) in &events {
        if e.date.year != year {
            if year != 0 {
                o.push_str("</ol>");
            }
            year = e.date.year;
            o.push_str("<h3 class=\"year\">");
            push_int(&mut o, year as i32);
            o.push_str("</h3><ol class=\"events\" role=\"list\">");
        }
        let when = e.date.display(lang);
        // Who: the record's actor, then those taking part ("AI summits (Korea, UK)").
        let mut who = a.short.get(lang).to_string();
        let others: Vec<&str> =
            e.actors.iter().filter(|x| **x != a.id).filter_map(|x| data::actor(x)).map(|x| x.short.get(lang)).collect();
        if !others.is_empty() {
            who.push_str(" (");
            who.push_str(&crate::html::join(&others, ", "));
            who.push(')');
        }
        let meta = format!("{when} · {who} · {}", i18n::event_kind(e.kind).get(lang));
        claim(&mut o, None, Some(&meta), e.title.get(lang), e.source, e.correction, lang);
        // The map button goes inside the item, after its source (`claim` ends the item with `</li>`).
        if let Some(open) = o.strip_suffix("</li>").map(str::len) {
            o.truncate(open);
        }
        let month = layers::month_of(e.date);
        o.push_str("<button type=\"button\" class=\"to-map\" data-month=\"");
        push_int(&mut o, month as i32);
        o.push_str("\">");
        esc(&mut o, &i18n::map_at(Date { day: 0, ..layers::date_at(month) }, lang));
        o.push_str("</button></li>");
    }
    if year != 0 {
        o.push_str("</ol>");
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn milestones_are_since_2017_oldest_first_and_filtered() {
        let all = events(None, None);
        assert!(all.len() > 100);
        assert!(all.iter().all(|(_, e)| e.date >= layers::START_OF_MONTH && e.date <= data::AS_OF));
        assert!(all.windows(2).all(|w| w[0].1.date <= w[1].1.date));
        let kr = events(Some("KR"), None);
        assert!(kr.len() >= 10 && kr.iter().all(|(a, e)| a.id == "KR" || e.actors.contains(&"KR")));
        // Korea's own record and one it took part in: the Seoul summit is the summits' record.
        assert!(kr.iter().any(|(a, _)| a.id == "KR") && kr.iter().any(|(a, _)| a.id == "AI_SUMMITS"));
        let kr_law = events(Some("KR"), Some(EventKind::Law));
        assert!(!kr_law.is_empty() && kr_law.len() < kr.len());
        assert!(kr_law.iter().all(|(_, e)| e.kind == EventKind::Law));
        // Before 2017 is left out (the US DoD directive of 2012 is in the data).
        assert!(data::actor("US").is_some_and(|us| us.events.iter().any(|e| e.date.year == 2012)));
        assert!(events(Some("US"), None).iter().all(|(_, e)| e.date.year >= 2017));
    }

    #[test]
    fn the_list_has_a_count_years_sources_and_map_buttons_within_the_slider() {
        let html = list(Some("KR"), None, Lang::En);
        let n = events(Some("KR"), None).len();
        assert!(html.contains(&format!("{n} milestones")));
        assert_eq!(html.matches("<li class=\"claim\">").count(), n);
        assert_eq!(html.matches("class=\"cite\"").count(), n);
        assert_eq!(html.matches("<ol ").count(), html.matches("</ol>").count());
        let months: Vec<u16> = html.split("data-month=\"").skip(1).filter_map(|s| s.split('"').next()?.parse().ok()).collect();
        assert_eq!(months.len(), n);
        assert!(months.iter().all(|m| *m <= layers::months()));
        assert!(html.contains(">Map in Jan 2026</button>"), "the Basic Act's entry into force");
        let ko = list(Some("KR"), Some(EventKind::Law), Lang::Ko);
        assert!(ko.contains("2026년 1월 지도 보기") && ko.contains("주요 일지"));
        // A filter that matches nothing still says how many: none.
        assert!(list(Some("WHO"), Some(EventKind::Military), Lang::En).contains("0 milestones"));
    }

    #[test]
    fn the_filters_show_the_current_choice_in_both_languages() {
        let html = controls(Some("KR"), Some(EventKind::Law), Lang::En);
        assert!(html.contains("<option value=\"KR\" selected>") && html.contains("<option value=\"law\" selected>"));
        assert_eq!(html.matches(" selected>").count(), 2);
        assert_eq!(html.matches("<option value=\"\"").count(), 2);
        let ko = controls(None, None, Lang::Ko);
        assert!(ko.contains(t(Msg::FilterWho, Lang::Ko)) && ko.contains("<option value=\"\" selected>전체</option>"));
        assert!(data::ACTORS.iter().filter(|a| !a.events.is_empty()).all(|a| ko.contains(&format!("value=\"{}\"", a.id))));
    }
}
