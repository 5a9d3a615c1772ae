//! Export files for the download buttons: the whole dataset as one JSON file and the main tables as CSV.
//! Schema: docs/data.md ("Export files").

use crate::codegen::actor_order;
use crate::raw::{self, Loaded};
use std::path::Path;

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut out = header.join(",") + "\r\n";
    for r in rows {
        let fields: Vec<String> = r.iter().map(|f| csv_field(f)).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

fn source_cols(s: &raw::Source) -> [String; 2] {
    match (&s.seed, &s.section, &s.url) {
        (Some(seed), Some(section), _) => [format!("seed:{seed}"), section.clone()],
        (_, _, Some(url)) => [url.clone(), s.title.clone().unwrap_or_default()],
        _ => [String::new(), String::new()],
    }
}

fn opt(t: &Option<raw::Text>) -> [String; 2] {
    t.as_ref().map_or([String::new(), String::new()], |t| [t.ko.clone(), t.en.clone()])
}

pub fn write_all(l: &Loaded, dir: &Path) -> std::io::Result<()> {
    let actors = actor_order(l);
    let json = serde_json::json!({
        "schema": "ai-strategy-atlas/1",
        "as_of": l.meta.as_of,
        "seeds": l.meta.seed,
        "countries": l.countries.country,
        "actors": actors,
        "laws_positions": l.laws,
        "risks": l.risks,
    });
    std::fs::write(dir.join("atlas.json"), serde_json::to_string(&json).expect("serializable") + "\n")?;

    let mut rows = Vec::new();
    for a in &actors {
        let [src, sec] = source_cols(&a.source);
        rows.push(vec![
            a.id.clone(),
            a.kind.clone(),
            a.tier.clone(),
            a.name.ko.clone(),
            a.name.en.clone(),
            a.approach.clone().unwrap_or_default(),
            a.cooperation.clone().unwrap_or_default(),
            a.summary.ko.clone(),
            a.summary.en.clone(),
            src,
            sec,
        ]);
    }
    let header = ["id", "kind", "tier", "name_ko", "name_en", "approach", "cooperation", "summary_ko", "summary_en", "source", "section"];
    std::fs::write(dir.join("actors.csv"), csv(&header, rows))?;

    let mut rows = Vec::new();
    for a in &actors {
        for f in &a.facet {
            let [src, sec] = source_cols(&f.source);
            let [cko, cen] = opt(&f.correction);
            rows.push(vec![a.id.clone(), f.dimension.clone(), f.text.ko.clone(), f.text.en.clone(), src, sec, cko, cen]);
        }
    }
    let header = ["actor", "dimension", "text_ko", "text_en", "source", "section", "correction_ko", "correction_en"];
    std::fs::write(dir.join("facets.csv"), csv(&header, rows))?;

    let mut rows = Vec::new();
    for a in &actors {
        for i in &a.instrument {
            let [src, sec] = source_cols(&i.source);
            let dates: Vec<String> = i.dates.iter().map(|d| format!("{}={}", d.what, d.date)).collect();
            let [cko, cen] = opt(&i.correction);
            rows.push(vec![
                i.id.clone(),
                a.id.clone(),
                i.title.ko.clone(),
                i.title.en.clone(),
                i.kind.clone(),
                i.binding.to_string(),
                i.scope.clone(),
                i.status.clone(),
                dates.join(";"),
                src,
                sec,
                cko,
                cen,
            ]);
        }
    }
    let header = ["id", "actor", "title_ko", "title_en", "kind", "binding", "scope", "status", "dates", "source", "section", "correction_ko", "correction_en"];
    std::fs::write(dir.join("instruments.csv"), csv(&header, rows))?;

    let mut rows = Vec::new();
    for a in &actors {
        for e in &a.event {
            let [src, sec] = source_cols(&e.source);
            let [cko, cen] = opt(&e.correction);
            rows.push(vec![
                e.date.clone(),
                e.id.clone(),
                a.id.clone(),
                e.actors.join(";"),
                e.kind.clone(),
                e.title.ko.clone(),
                e.title.en.clone(),
                e.instrument.clone().unwrap_or_default(),
                src,
                sec,
                cko,
                cen,
            ]);
        }
    }
    rows.sort();
    let header = ["date", "id", "actor", "other_actors", "kind", "title_ko", "title_en", "instrument", "source", "section", "correction_ko", "correction_en"];
    std::fs::write(dir.join("events.csv"), csv(&header, rows))?;

    let rows = l
        .laws
        .position
        .iter()
        .map(|p| vec![p.country.clone(), p.stance.clone(), p.seed_name.clone(), l.laws.year.clone(), l.laws.cited.clone()])
        .collect();
    std::fs::write(dir.join("laws_positions.csv"), csv(&["country", "stance", "seed_name", "year", "cited"], rows))?;
    Ok(())
}
