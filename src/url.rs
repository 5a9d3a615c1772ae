//! The URL state: what a permalink carries. Parse and serialize, no Leptos, no `web_sys`.
//!
//! Rules (after OWID's grapher): defaults are omitted from the URL; an invalid value falls back to its default and
//! is reported as a [`Problem`] so the page can show a notice; unknown parameters (e.g. `utm_source` added by a
//! newsletter) are ignored.

use crate::layers::{self, Layer};
use crate::model::{Date, EventKind, Lang};
use crate::viewport::Viewport;

/// Colour theme override; `None` in [`UrlState`] follows the system preference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub const fn key(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_key(s: &str) -> Option<Theme> {
        match s {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

/// Which view of the atlas is shown: the map with the profiles, jurisdictions side by side, or the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Map,
    Compare,
    Timeline,
}

impl View {
    pub const ALL: &'static [View] = &[View::Map, View::Compare, View::Timeline];

    pub const fn key(self) -> &'static str {
        match self {
            View::Map => "map",
            View::Compare => "compare",
            View::Timeline => "timeline",
        }
    }

    pub fn from_key(s: &str) -> Option<View> {
        View::ALL.iter().copied().find(|v| v.key() == s)
    }
}

/// How many jurisdictions the compare view puts side by side.
pub const MIN_PICKS: usize = 2;
pub const MAX_PICKS: usize = 5;

/// The jurisdictions in the compare view: 2 to 5 distinct ids, in the order they were chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Picks {
    ids: [&'static str; MAX_PICKS],
    n: u8,
}

impl Picks {
    /// The five core jurisdictions.
    pub const DEFAULT: Picks = Picks { ids: crate::data::CORE_IDS, n: MAX_PICKS as u8 };

    /// The ids in order, duplicates dropped; `None` unless 2 to 5 remain.
    pub fn new(ids: &[&'static str]) -> Option<Picks> {
        let mut p = Picks { ids: [""; MAX_PICKS], n: 0 };
        for &id in ids {
            if p.contains(id) {
                continue;
            }
            if p.n as usize == MAX_PICKS {
                return None;
            }
            p.ids[p.n as usize] = id;
            p.n += 1;
        }
        (p.n as usize >= MIN_PICKS).then_some(p)
    }

    pub fn ids(&self) -> &[&'static str] {
        &self.ids[..self.n as usize]
    }

    pub fn contains(&self, id: &str) -> bool {
        self.ids().contains(&id)
    }

    /// With `id` added at the end (when fewer than five) or removed (when more than two); else unchanged.
    pub fn toggle(self, id: &'static str) -> Picks {
        let mut ids: Vec<&'static str> = self.ids().iter().copied().filter(|i| *i != id).collect();
        if !self.contains(id) {
            ids.push(id);
        }
        Picks::new(&ids).unwrap_or(self)
    }
}

/// What the page shows besides the map's own state: the view, the compare view's choices and the timeline's
/// filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    pub view: View,
    pub picks: Picks,
    /// The compare view hides the rows where all jurisdictions agree.
    pub only_diff: bool,
    /// The timeline shows one jurisdiction's milestones (`None`: everyone's).
    pub who: Option<&'static str>,
    /// The timeline shows one type of milestone (`None`: every type).
    pub kind: Option<EventKind>,
}

/// Everything the URL carries. `None` means "the default".
#[derive(Clone, Copy, PartialEq, Default)]
#[cfg_attr(test, derive(Debug))]
pub struct UrlState {
    /// Interface language; `None` follows the browser's language.
    pub lang: Option<Lang>,
    /// Selected actor id or state code (canonical spelling).
    pub sel: Option<&'static str>,
    /// Theme override.
    pub theme: Option<Theme>,
    /// Map layer; `None` is [`layers::DEFAULT_LAYER`].
    pub layer: Option<Layer>,
    /// Map date as a slider position (months since January 2017); `None` is the data's "as of" date.
    pub month: Option<u16>,
    /// Map zoom; `None` is the whole world.
    pub zoom: Option<Viewport>,
    /// The view; `None` is the map.
    pub view: Option<View>,
    /// The compare view's jurisdictions; `None` is [`Picks::DEFAULT`].
    pub cmp: Option<Picks>,
    /// The compare view shows only the rows that differ.
    pub diff: bool,
    /// The timeline's jurisdiction filter.
    pub who: Option<&'static str>,
    /// The timeline's type filter.
    pub kind: Option<EventKind>,
}

/// What the map shows, with defaults resolved (the map's part of the application state).
#[derive(Clone, Copy, PartialEq)]
#[cfg_attr(test, derive(Debug))]
pub struct MapView {
    pub layer: Layer,
    pub month: u16,
    pub zoom: Viewport,
}

impl UrlState {
    /// The map's view, defaults filled in.
    pub fn map(&self) -> MapView {
        MapView {
            layer: self.layer.unwrap_or(layers::DEFAULT_LAYER),
            month: self.month.unwrap_or(layers::months()),
            zoom: self.zoom.unwrap_or(Viewport::WORLD),
        }
    }

    /// The view and the compare view's choices, defaults filled in.
    pub fn page(&self) -> Page {
        Page {
            view: self.view.unwrap_or_default(),
            picks: self.cmp.unwrap_or(Picks::DEFAULT),
            only_diff: self.diff,
            who: self.who,
            kind: self.kind,
        }
    }
}

/// A parameter whose value was not understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub param: &'static str,
    pub value: String,
}

/// The decoded `(key, value)` pairs of a query string (with or without the leading `?`), in order.
fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    let query = query.strip_prefix('?').unwrap_or(query);
    query.split('&').filter(|p| !p.is_empty()).map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (decode(k), decode(v))
    })
}

/// Parses a query string (with or without the leading `?`). `find_sel` maps a user-typed id to its canonical
/// static id (an actor or a state), `find_cmp` one of the jurisdictions the compare view offers. Never panics; the
/// last occurrence of a repeated parameter wins, and clears an earlier problem with it. Values equal to their
/// default are returned as `None`.
pub fn parse(
    query: &str,
    find_sel: impl Fn(&str) -> Option<&'static str>,
    find_cmp: impl Fn(&str) -> Option<&'static str>,
) -> (UrlState, Vec<Problem>) {
    let mut s = UrlState::default();
    let mut problems: Vec<Problem> = Vec::new();
    for (key, value) in pairs(query) {
        let lower = value.to_ascii_lowercase();
        let (param, ok) = match key.as_str() {
            "lang" => {
                s.lang = Lang::from_key(&lower);
                ("lang", s.lang.is_some())
            }
            "sel" => {
                s.sel = find_sel(&value);
                ("sel", s.sel.is_some())
            }
            "theme" => {
                s.theme = Theme::from_key(&lower);
                ("theme", s.theme.is_some())
            }
            "layer" => {
                s.layer = Layer::from_key(&lower);
                ("layer", s.layer.is_some())
            }
            "date" => {
                let d = Date::parse(&value).filter(|d| *d >= layers::START_OF_MONTH && *d <= crate::data::AS_OF);
                s.month = d.map(layers::month_of);
                ("date", s.month.is_some())
            }
            "zoom" => {
                s.zoom = Viewport::parse(&lower);
                ("zoom", s.zoom.is_some())
            }
            "view" => {
                s.view = View::from_key(&lower);
                ("view", s.view.is_some())
            }
            "cmp" => {
                // Unknown ids are reported; the known ones are kept if there are enough of them.
                let ids: Vec<&str> = value.split(',').collect();
                let found: Vec<&'static str> = ids.iter().filter_map(|id| find_cmp(id.trim())).collect();
                s.cmp = Picks::new(&found);
                ("cmp", s.cmp.is_some() && found.len() == ids.len())
            }
            "diff" => {
                s.diff = value == "1";
                ("diff", value == "1" || value == "0")
            }
            "who" => {
                // Any actor of the data (organizations have milestones too), not a state without a profile.
                s.who = find_sel(&value).filter(|id| crate::data::actor(id).is_some());
                ("who", s.who.is_some())
            }
            "kind" => {
                s.kind = EventKind::from_key(&lower);
                ("kind", s.kind.is_some())
            }
            _ => continue,
        };
        problems.retain(|p| p.param != param);
        if !ok {
            problems.push(Problem { param, value });
        }
    }
    s.layer = s.layer.filter(|l| *l != layers::DEFAULT_LAYER);
    s.month = s.month.filter(|m| *m != layers::months());
    s.zoom = s.zoom.filter(|v| *v != Viewport::WORLD);
    s.view = s.view.filter(|v| *v != View::Map);
    s.cmp = s.cmp.filter(|c| *c != Picks::DEFAULT);
    (s, problems)
}

/// The query string for `state` (`""` or `?a=b&…`), omitting defaults. `default_lang` is the language the page
/// would pick by itself; a language equal to it is omitted.
pub fn serialize(state: &UrlState, default_lang: Lang) -> String {
    let mut q = String::new();
    let mut put = |key: &str, value: &str| {
        q.push(if q.is_empty() { '?' } else { '&' });
        q.push_str(key);
        q.push('=');
        q.push_str(value);
    };
    if let Some(l) = state.lang.filter(|l| *l != default_lang) {
        put("lang", l.key());
    }
    if let Some(sel) = state.sel {
        put("sel", &encode(sel));
    }
    if let Some(t) = state.theme {
        put("theme", t.key());
    }
    if let Some(v) = state.view.filter(|v| *v != View::Map) {
        put("view", v.key());
    }
    if let Some(c) = state.cmp.filter(|c| *c != Picks::DEFAULT) {
        put("cmp", &crate::html::join(c.ids(), ","));
    }
    if state.diff {
        put("diff", "1");
    }
    if let Some(w) = state.who {
        put("who", w);
    }
    if let Some(k) = state.kind {
        put("kind", k.key());
    }
    if let Some(l) = state.layer.filter(|l| *l != layers::DEFAULT_LAYER) {
        put("layer", l.key());
    }
    if let Some(m) = state.month.filter(|m| *m < layers::months()) {
        let d = layers::date_at(m).to_string();
        put("date", d.get(..7).unwrap_or(&d));
    }
    if let Some(v) = state.zoom.filter(|v| *v != Viewport::WORLD) {
        put("zoom", &encode(&v.key()));
    }
    q
}

/// Percent-decoding (and `+` as space) tolerant of malformed input: bad escapes are kept literally and invalid
/// UTF-8 is replaced.
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                match (hex(b[i + 1]), hex(b[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push(h * 16 + l);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Percent-encodes everything but unreserved characters.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &c in s.as_bytes() {
        if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.' | b'~') {
            out.push(c as char);
        } else {
            out.push_str(&format!("%{c:02X}"));
        }
    }
    out
}

/// Adds an address change to the writes waiting to happen, in order: a push is a new history entry; a replacement
/// rewrites the entry the last waiting write will make (or, with none waiting, the current one). Writing them all
/// later gives the same history as writing each at once, so back/forward stay exact while nothing is written
/// during a burst of changes.
pub fn enqueue(queue: &mut Vec<(String, bool)>, query: String, push: bool) {
    match queue.last_mut() {
        Some(last) if !push => last.0 = query,
        _ => queue.push((query, push)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waiting_address_writes_keep_one_history_entry_per_push() {
        let mut q = Vec::new();
        // A replacement with nothing waiting rewrites the current entry.
        enqueue(&mut q, "?date=2024-01".into(), false);
        assert_eq!(q, [("?date=2024-01".to_string(), false)]);
        enqueue(&mut q, "?date=2024-02".into(), false);
        assert_eq!(q, [("?date=2024-02".to_string(), false)]);
        // Pushes each keep their entry; a replacement after a push rewrites what that push will write.
        enqueue(&mut q, "?layer=laws".into(), true);
        enqueue(&mut q, "?layer=coe".into(), true);
        enqueue(&mut q, "?layer=coe&date=2024-03".into(), false);
        assert_eq!(
            q,
            [
                ("?date=2024-02".to_string(), false),
                ("?layer=laws".to_string(), true),
                ("?layer=coe&date=2024-03".to_string(), true),
            ]
        );
    }

    fn find(id: &str) -> Option<&'static str> {
        ["EU", "US", "JP", "CN", "KR"].into_iter().find(|c| c.eq_ignore_ascii_case(id))
    }

    #[test]
    fn the_compare_view_round_trips_and_omits_its_defaults() {
        let s =
            UrlState { view: Some(View::Compare), cmp: Picks::new(&["KR", "EU"]), diff: true, ..UrlState::default() };
        let q = serialize(&s, Lang::En);
        assert_eq!(q, "?view=compare&cmp=KR,EU&diff=1");
        assert_eq!(parse(&q, find, find), (s, vec![]));
        // Defaults are omitted, case is forgiven, and the default set in another order is a choice of its own.
        assert_eq!(parse("?view=map&cmp=eu,us,jp,cn,kr&diff=0", find, find), (UrlState::default(), vec![]));
        assert_eq!(parse("?cmp=KR,CN,JP,US,EU", find, find).0.page().picks.ids(), ["KR", "CN", "JP", "US", "EU"]);
        assert_eq!(
            UrlState::default().page(),
            Page { view: View::Map, picks: Picks::DEFAULT, only_diff: false, who: None, kind: None }
        );
    }

    #[test]
    fn the_timeline_filters_round_trip() {
        let s = UrlState { view: Some(View::Timeline), who: Some("KR"), kind: Some(EventKind::Law), ..UrlState::default() };
        let q = serialize(&s, Lang::En);
        assert_eq!(q, "?view=timeline&who=KR&kind=law");
        assert_eq!(parse(&q, find, find), (s, vec![]));
        assert_eq!(parse("?who=kr&kind=LAW", find, find).0.page().who, Some("KR"));
        let (s, p) = parse("?view=timeline&who=ZZ&kind=party", find, find);
        assert_eq!((s.view, s.who, s.kind), (Some(View::Timeline), None, None));
        assert_eq!(p.iter().map(|p| p.param).collect::<Vec<_>>(), ["who", "kind"]);
    }

    #[test]
    fn invalid_compare_parameters_keep_what_they_can_and_report_the_rest() {
        // One unknown id: the two known ones are kept, and the parameter is reported.
        let (s, p) = parse("?cmp=KR,XX,EU", find, find);
        assert_eq!(s.cmp.map(|c| c.ids().to_vec()), Some(vec!["KR", "EU"]));
        assert_eq!(p, vec![Problem { param: "cmp", value: "KR,XX,EU".into() }]);
        // Fewer than two, or more than five, fall back to the default set.
        for q in ["?cmp=KR", "?cmp=", "?cmp=KR,KR", "?cmp=EU,US,JP,CN,KR,XX", "?view=table", "?diff=yes"] {
            let (s, p) = parse(q, find, |id| find(id).or((id == "XX").then_some("XX")));
            assert_eq!((s.page(), p.len()), (UrlState::default().page(), 1), "{q}");
        }
    }

    #[test]
    fn picks_stay_between_two_and_five() {
        let two = Picks::new(&["EU", "US"]).expect("two");
        assert_eq!(two.toggle("EU"), two, "cannot drop below two");
        assert_eq!(two.toggle("KR").ids(), ["EU", "US", "KR"]);
        assert_eq!(Picks::DEFAULT.toggle("GB"), Picks::DEFAULT, "cannot go above five");
        assert_eq!(Picks::DEFAULT.toggle("JP").ids(), ["EU", "US", "CN", "KR"]);
        assert_eq!(Picks::new(&["EU"]), None);
    }

    #[test]
    fn empty_query_is_all_defaults() {
        assert_eq!(parse("", find, find), (UrlState::default(), vec![]));
        assert_eq!(parse("?", find, find), (UrlState::default(), vec![]));
    }

    #[test]
    fn round_trips_every_field() {
        let s = UrlState { lang: Some(Lang::Ko), sel: Some("KR"), theme: Some(Theme::Dark), ..UrlState::default() };
        let q = serialize(&s, Lang::En);
        assert_eq!(q, "?lang=ko&sel=KR&theme=dark");
        assert_eq!(parse(&q, find, find), (s, vec![]));
    }

    #[test]
    fn defaults_are_omitted() {
        let s = UrlState { lang: Some(Lang::En), ..UrlState::default() };
        assert_eq!(serialize(&s, Lang::En), "");
        assert_eq!(serialize(&UrlState::default(), Lang::Ko), "");
    }

    #[test]
    fn invalid_values_fall_back_with_a_problem_each() {
        let (s, p) = parse("?lang=fr&sel=ZZ&theme=neon", find, find);
        assert_eq!(s, UrlState::default());
        let params: Vec<_> = p.iter().map(|p| (p.param, p.value.as_str())).collect();
        assert_eq!(params, vec![("lang", "fr"), ("sel", "ZZ"), ("theme", "neon")]);
    }

    #[test]
    fn ids_and_values_are_case_tolerant() {
        let (s, p) = parse("sel=kr&lang=EN&theme=Light", find, find);
        assert_eq!(
            s,
            UrlState { lang: Some(Lang::En), sel: Some("KR"), theme: Some(Theme::Light), ..UrlState::default() }
        );
        assert!(p.is_empty());
    }

    #[test]
    fn unknown_parameters_are_ignored() {
        let (s, p) = parse("?utm_source=news&sel=EU&fbclid=x", find, find);
        assert_eq!(s.sel, Some("EU"));
        assert!(p.is_empty());
    }

    #[test]
    fn last_occurrence_wins_and_clears_earlier_problem() {
        let (s, p) = parse("sel=nope&sel=JP", find, find);
        assert_eq!(s.sel, Some("JP"));
        assert!(p.is_empty());
        let (s, p) = parse("sel=JP&sel=nope", find, find);
        assert_eq!(s.sel, None);
        assert_eq!(p.len(), 1);
    }

    #[test]
    fn malformed_escapes_never_panic() {
        for q in ["%", "%%", "sel=%", "sel=%4", "sel=%ZZ", "lang=%E2%82", "=&=&&", "sel=%F0%9F%98%80", "a=b=c"] {
            let _ = parse(q, find, find);
        }
        assert_eq!(decode("a%20b+c%2"), "a b c%2");
        assert_eq!(decode("%EB%8C%80"), "대");
    }

    #[test]
    fn map_parameters_round_trip_and_omit_defaults() {
        let map = UrlState {
            layer: Some(Layer::Safety),
            month: Some(layers::month_of(Date::parse("2024-06").unwrap())),
            zoom: Some(crate::viewport::PRESETS[1].1),
            sel: Some("KR"),
            ..UrlState::default()
        };
        let q = serialize(&map, Lang::En);
        assert_eq!(q, "?sel=KR&layer=safety&date=2024-06&zoom=europe");
        assert_eq!(parse(&q, find, find), (map, vec![]));
        let custom = UrlState { zoom: Some(Viewport { cx: 600.0, cy: 100.0, k: 2.5 }), ..UrlState::default() };
        assert_eq!(serialize(&custom, Lang::En), "?zoom=600%2C100%2C2.5");
        assert_eq!(parse("?zoom=600%2C100%2C2.5", find, find).0, custom);
        let d = crate::data::AS_OF;
        let spelled = format!("layer=law&date={:04}-{:02}&zoom=world", d.year, d.month);
        assert_eq!(parse(&spelled, find, find), (UrlState::default(), vec![]));
        assert_eq!(
            UrlState::default().map(),
            MapView { layer: layers::DEFAULT_LAYER, month: layers::months(), zoom: Viewport::WORLD }
        );
        assert_eq!(map.map().layer, Layer::Safety);
    }

    #[test]
    fn bad_map_parameters_fall_back_with_a_problem_each() {
        let (s, p) = parse("layer=moon&date=2016-05&zoom=mars", find, find);
        assert_eq!(s, UrlState::default());
        let params: Vec<_> = p.iter().map(|p| (p.param, p.value.as_str())).collect();
        assert_eq!(params, vec![("layer", "moon"), ("date", "2016-05"), ("zoom", "mars")]);
        for bad in ["2099-01", "2025-13", "yesterday", ""] {
            assert_eq!(parse(&format!("date={bad}"), find, find).1.len(), 1, "{bad:?}");
        }
        // A later valid value clears the problem.
        assert_eq!(
            parse("layer=moon&layer=gpai", find, find),
            (UrlState { layer: Some(Layer::Gpai), ..UrlState::default() }, vec![])
        );
    }

    #[test]
    fn encode_escapes_reserved_characters() {
        assert_eq!(encode("a b&c"), "a%20b%26c");
        assert_eq!(decode(&encode("대한민국 & co")), "대한민국 & co");
    }
}
