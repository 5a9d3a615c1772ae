//! The URL state: what a permalink carries. Parse and serialize, no Leptos, no `web_sys`.
//!
//! Rules (after OWID's grapher): defaults are omitted from the URL; an invalid value falls back to its default and
//! is reported as a [`Problem`] so the page can show a notice; unknown parameters (e.g. `utm_source` added by a
//! newsletter) are ignored.

use crate::layers::{self, Layer};
use crate::model::{Date, Lang};
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
/// static id (an actor or a state). Never panics; the last occurrence of a repeated parameter wins, and clears an
/// earlier problem with it. Values equal to their default are returned as `None`.
pub fn parse(query: &str, find_sel: impl Fn(&str) -> Option<&'static str>) -> (UrlState, Vec<Problem>) {
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
    (s, problems)
}

/// The query string for `state` (`""` or `?a=b&…`), omitting defaults. `default_lang` is the language the page
/// would pick by itself; a language equal to it is omitted.
pub fn serialize(state: &UrlState, default_lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(l) = state.lang.filter(|l| *l != default_lang) {
        parts.push(format!("lang={}", l.key()));
    }
    if let Some(sel) = state.sel {
        parts.push(format!("sel={}", encode(sel)));
    }
    if let Some(t) = state.theme {
        parts.push(format!("theme={}", t.key()));
    }
    if let Some(l) = state.layer.filter(|l| *l != layers::DEFAULT_LAYER) {
        parts.push(format!("layer={}", l.key()));
    }
    if let Some(m) = state.month.filter(|m| *m < layers::months()) {
        let d = layers::date_at(m);
        parts.push(format!("date={:04}-{:02}", d.year, d.month));
    }
    if let Some(v) = state.zoom.filter(|v| *v != Viewport::WORLD) {
        parts.push(format!("zoom={}", encode(&v.key())));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
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
    fn empty_query_is_all_defaults() {
        assert_eq!(parse("", find), (UrlState::default(), vec![]));
        assert_eq!(parse("?", find), (UrlState::default(), vec![]));
    }

    #[test]
    fn round_trips_every_field() {
        let s = UrlState { lang: Some(Lang::Ko), sel: Some("KR"), theme: Some(Theme::Dark), ..UrlState::default() };
        let q = serialize(&s, Lang::En);
        assert_eq!(q, "?lang=ko&sel=KR&theme=dark");
        assert_eq!(parse(&q, find), (s, vec![]));
    }

    #[test]
    fn defaults_are_omitted() {
        let s = UrlState { lang: Some(Lang::En), ..UrlState::default() };
        assert_eq!(serialize(&s, Lang::En), "");
        assert_eq!(serialize(&UrlState::default(), Lang::Ko), "");
    }

    #[test]
    fn invalid_values_fall_back_with_a_problem_each() {
        let (s, p) = parse("?lang=fr&sel=ZZ&theme=neon", find);
        assert_eq!(s, UrlState::default());
        let params: Vec<_> = p.iter().map(|p| (p.param, p.value.as_str())).collect();
        assert_eq!(params, vec![("lang", "fr"), ("sel", "ZZ"), ("theme", "neon")]);
    }

    #[test]
    fn ids_and_values_are_case_tolerant() {
        let (s, p) = parse("sel=kr&lang=EN&theme=Light", find);
        assert_eq!(s, UrlState { lang: Some(Lang::En), sel: Some("KR"), theme: Some(Theme::Light), ..UrlState::default() });
        assert!(p.is_empty());
    }

    #[test]
    fn unknown_parameters_are_ignored() {
        let (s, p) = parse("?utm_source=news&sel=EU&fbclid=x", find);
        assert_eq!(s.sel, Some("EU"));
        assert!(p.is_empty());
    }

    #[test]
    fn last_occurrence_wins_and_clears_earlier_problem() {
        let (s, p) = parse("sel=nope&sel=JP", find);
        assert_eq!(s.sel, Some("JP"));
        assert!(p.is_empty());
        let (s, p) = parse("sel=JP&sel=nope", find);
        assert_eq!(s.sel, None);
        assert_eq!(p.len(), 1);
    }

    #[test]
    fn malformed_escapes_never_panic() {
        for q in ["%", "%%", "sel=%", "sel=%4", "sel=%ZZ", "lang=%E2%82", "=&=&&", "sel=%F0%9F%98%80", "a=b=c"] {
            let _ = parse(q, find);
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
        assert_eq!(parse(&q, find), (map, vec![]));
        let custom = UrlState { zoom: Some(Viewport { cx: 600.0, cy: 100.0, k: 2.5 }), ..UrlState::default() };
        assert_eq!(serialize(&custom, Lang::En), "?zoom=600%2C100%2C2.5");
        assert_eq!(parse("?zoom=600%2C100%2C2.5", find).0, custom);
        let d = crate::data::AS_OF;
        let spelled = format!("layer=law&date={:04}-{:02}&zoom=world", d.year, d.month);
        assert_eq!(parse(&spelled, find), (UrlState::default(), vec![]));
        assert_eq!(UrlState::default().map(), MapView { layer: layers::DEFAULT_LAYER, month: layers::months(), zoom: Viewport::WORLD });
        assert_eq!(map.map().layer, Layer::Safety);
    }

    #[test]
    fn bad_map_parameters_fall_back_with_a_problem_each() {
        let (s, p) = parse("layer=moon&date=2016-05&zoom=mars", find);
        assert_eq!(s, UrlState::default());
        let params: Vec<_> = p.iter().map(|p| (p.param, p.value.as_str())).collect();
        assert_eq!(params, vec![("layer", "moon"), ("date", "2016-05"), ("zoom", "mars")]);
        for bad in ["2099-01", "2025-13", "yesterday", ""] {
            assert_eq!(parse(&format!("date={bad}"), find).1.len(), 1, "{bad:?}");
        }
        // A later valid value clears the problem.
        assert_eq!(parse("layer=moon&layer=gpai", find), (UrlState { layer: Some(Layer::Gpai), ..UrlState::default() }, vec![]));
    }

    #[test]
    fn encode_escapes_reserved_characters() {
        assert_eq!(encode("a b&c"), "a%20b%26c");
        assert_eq!(decode(&encode("대한민국 & co")), "대한민국 & co");
    }
}
