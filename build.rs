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

#[path = "src/codec.rs"]
#[allow(dead_code)]
mod codec;

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    println!("cargo:rerun-if-env-changed=ATLAS_DATA_DIR");
    for p in ["build.rs", "build", "src/model.rs", "src/codec.rs"] {
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
    let errors = validate::validate(&loaded);
    if !errors.is_empty() {
        fail(&errors);
    }

    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("data.rs"), codegen::generate(&loaded)).expect("write data.rs");
    assert!(codegen::text_count() < u16::MAX as usize, "too many texts for a u16 index");
    let blobs = [("ko.bin", codegen::blob(true)), ("en.bin", codegen::blob(false)), ("misc.bin", codegen::misc_blob())];
    for (name, raw) in blobs {
        let packed = codec::compress(&raw);
        assert_eq!(codec::decompress(&packed).as_deref(), Some(&raw[..]), "codec round trip of {name}");
        std::fs::write(out.join(name), packed).expect("write text blob");
    }
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
