//! Compiles the bundled gazetteer at build time: parses `dictionaries/gazetteer/*.tsv` with the
//! library's own parser (its source files are compiled into this script too) and writes the
//! snapshot that `src/resolve/bundled.rs` embeds, so that loading it at run time parses nothing.

// The library's modules, compiled here only for their parser and encoder.
#[allow(dead_code)]
#[path = "src/error.rs"]
mod error;
#[allow(dead_code)]
#[path = "src/resolve/gazetteer.rs"]
mod gazetteer;
#[allow(dead_code)]
#[path = "src/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "src/resolve/snapshot.rs"]
mod snapshot;

use std::path::{Path, PathBuf};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dictionaries/gazetteer");
    println!("cargo:rerun-if-changed={}", dir.display());
    for source in [
        "build.rs",
        "src/error.rs",
        "src/model.rs",
        "src/resolve/gazetteer.rs",
        "src/resolve/snapshot.rs",
    ] {
        println!("cargo:rerun-if-changed={source}");
    }
    let read = |name: &str| {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
    };
    let gazetteer = gazetteer::Gazetteer::from_tsv(
        &read("countries.tsv"),
        &read("admin1.tsv"),
        &read("cities.tsv"),
        &read("regions.tsv"),
    )
    .unwrap_or_else(|e| panic!("the bundled gazetteer does not parse: {e}"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("gazetteer.bin"), gazetteer.to_snapshot())
        .expect("writing the gazetteer snapshot");
}
