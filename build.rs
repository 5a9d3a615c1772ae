//! Compiles the TOML dataset under `src/data/` into static Rust (`$OUT_DIR/data.rs`) and export files
//! (`$OUT_DIR/export/`: JSON and CSV, copied into `pkg/data/` by `scripts/build.sh`).
//!
//! Every record is validated; invalid data fails the build with messages naming file, record and field.

#[path = "src/model.rs"]
#[allow(dead_code)]
mod model;

#[path = "build/raw.rs"]
mod raw;

#[path = "build/validate.rs"]
mod validate;

#[path = "build/codegen.rs"]
mod codegen;

#[path = "build/export.rs"]
mod export;

#[path = "build/geo.rs"]
mod geo;

#[path = "src/geo_model.rs"]
#[allow(dead_code)]
mod geo_model;

#[path = "src/codec.rs"]
#[allow(dead_code)]
mod codec;

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    println!("cargo:rerun-if-env-changed=ATLAS_DATA_DIR");
    for p in ["build.rs", "build", "src/model.rs", "src/codec.rs", "src/geo_model.rs", "src/data/geo"] {
        println!("cargo:rerun-if-changed={p}");
    }
    let dir = std::env::var("ATLAS_DATA_DIR").map(PathBuf::from).unwrap_or_else(|_| manifest.join("src/data"));
    println!("cargo:rerun-if-changed={}", dir.display());

    let loaded = match raw::load(&dir) {
        Ok(l) => l,
        Err(errors) => fail(&errors),
    };
    for f in &loaded.files {
        println!("cargo:rerun-if-changed={}", f.display());
    }
    let mut errors = validate::validate(&loaded);
    let geo_path = manifest.join("src/data/geo/countries-110m.json");
    let geo_text = std::fs::read_to_string(&geo_path).unwrap_or_default();
    let mut states: Vec<&raw::Country> = loaded.countries.country.iter().collect();
    states.sort_by(|a, b| a.a2.cmp(&b.a2));
    let states: Vec<geo::State> = states
        .iter()
        .map(|c| geo::State { a2: &c.a2, num: c.num.parse().unwrap_or(0), en: &c.en, dot: c.dot })
        .collect();
    let eu: Vec<String> = loaded.actors.iter().find(|a| a.actor.id == "EU").map(|a| a.actor.members.clone()).unwrap_or_default();
    let map = geo::build(&geo_text, &states, &eu);
    errors.extend(map.errors.iter().cloned());
    errors.extend(validate::undrawn(&loaded, &map.drawn));
    if !errors.is_empty() {
        fail(&errors);
    }

    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    // Packing interns the tables' texts and strings, so it comes before data.rs (which counts them) and the string
    // tables are written.
    let tables = codegen::pack(&loaded);
    std::fs::write(out.join("data.rs"), codegen::generate(&loaded)).expect("write data.rs");
    assert!(codegen::text_count() < u16::MAX as usize, "too many texts for a u16 index");
    let blobs = [
        ("tables.bin", tables),
        ("ko.bin", codegen::blob(true)),
        ("en.bin", codegen::blob(false)),
    ];
    for (name, raw) in blobs {
        let packed = codec::compress(&raw);
        assert_eq!(codec::decompress(&packed).as_deref(), Some(&raw[..]), "codec round trip of {name}");
        std::fs::write(out.join(name), packed).expect("write text blob");
    }
    // The map's geometry has its own arithmetic coder (build/geo.rs), so it is written as it is.
    std::fs::write(out.join("geo.bin"), &map.stream).expect("write geo.bin");
    let export_dir = out.join("export");
    std::fs::create_dir_all(&export_dir).expect("create export dir");
    export::write_all(&loaded, &export_dir).expect("write export files");
}

fn fail(errors: &[String]) -> ! {
    eprintln!("\nAI Strategy Atlas: the dataset is invalid ({} problem(s)):", errors.len());
    for e in errors {
        eprintln!("  - {e}");
    }
    eprintln!();
    panic!("invalid dataset: {} problem(s), first: {}", errors.len(), errors[0]);
}
