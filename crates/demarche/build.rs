//! Compiles the bundled data at build time, with the library's own code (its source files are
//! compiled into this script too), so that loading it at run time parses nothing:
//!
//! * the gazetteer: parses `dictionaries/gazetteer/*.tsv` and writes the snapshot that
//!   `src/resolve/bundled.rs` embeds;
//! * the dictionaries: compiles `dictionaries/` (actors, agents, verbs, discards, CAMEO table,
//!   the tagger's lexicon) and writes the snapshot that `src/dict/bundled.rs` embeds;
//! * the coder's name indexes: builds `code::names::NameIndex` from those two and writes the
//!   snapshot that `src/code/bundled_names.rs` embeds;
//! * the tagger: reads `dictionaries/tagger/perceptron.bin` and writes the model in its compiled
//!   layout (look-up table, dense and history rows), which `src/text/perceptron.rs` embeds when
//!   this script sets the `demarche_tagger_snapshot` cfg (the script's own copy of that file,
//!   compiled without the cfg, reads the weights file).

// The library's modules, compiled here only for their parsers, compilers and encoders. The
// module tree mirrors the crate's, so their `crate::` paths resolve the same way.
#[allow(dead_code)]
#[path = "src/error.rs"]
mod error;
#[allow(dead_code)]
#[path = "src/model.rs"]
mod model;

#[allow(dead_code, unused_imports)]
#[path = "src/resolve"]
mod resolve {
    #[path = "first_words.rs"]
    pub mod first_words;
    #[path = "gazetteer.rs"]
    pub mod gazetteer;
    #[path = "name_table.rs"]
    pub mod name_table;
    #[path = "snapshot.rs"]
    pub mod snapshot;
    pub use gazetteer::Gazetteer;
}

#[allow(dead_code, unused_imports)]
#[path = "src/code"]
mod code {
    #[path = "names.rs"]
    pub mod names;
}

#[allow(dead_code, unused_imports)]
#[path = "src/text"]
mod text {
    #[path = "agreement.rs"]
    pub mod agreement;
    #[path = "chunk.rs"]
    pub mod chunk;
    #[path = "hidden_verbs.rs"]
    pub mod hidden_verbs;
    #[path = "inflect.rs"]
    pub mod inflect;
    #[path = "lexicon.rs"]
    pub mod lexicon;
    #[path = "perceptron.rs"]
    pub mod perceptron;
    #[path = "tag.rs"]
    pub mod tag;
    #[path = "tagcache.rs"]
    pub mod tagcache;
    #[path = "tagdict.rs"]
    pub mod tagdict;
    #[path = "token.rs"]
    pub mod token;
    #[path = "vocabulary.rs"]
    pub mod vocabulary;
    #[path = "wordlist.rs"]
    pub mod wordlist;
    pub use lexicon::Lexicon;
    pub use tag::{Tag, Token};
}

#[allow(dead_code, unused_imports)]
#[path = "src/dict"]
mod dict {
    #[path = "actors.rs"]
    pub mod actors;
    #[path = "cameo.rs"]
    pub mod cameo;
    #[path = "classes.rs"]
    pub mod classes;
    #[path = "compiled.rs"]
    pub mod compiled;
    #[path = "parse.rs"]
    pub mod parse;
    #[path = "phrase.rs"]
    pub mod phrase;
    #[path = "sorted.rs"]
    pub mod sorted;
    #[path = "sources.rs"]
    pub mod sources;
    #[path = "verbs.rs"]
    pub mod verbs;
    pub use actors::{ActorDictionary, ActorEntry};
}

use std::path::{Path, PathBuf};

/// The library sources compiled into this script.
const SOURCES: &[&str] = &[
    "build.rs",
    "src/error.rs",
    "src/model.rs",
    "src/resolve/first_words.rs",
    "src/resolve/gazetteer.rs",
    "src/resolve/name_table.rs",
    "src/resolve/snapshot.rs",
    "src/code/names.rs",
    "src/text",
    "src/dict",
    "../../dictionaries",
];

fn main() {
    for source in SOURCES {
        println!("cargo:rerun-if-changed={source}");
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let gazetteer = std::sync::Arc::new(bundled_gazetteer());
    std::fs::write(out.join("gazetteer.bin"), gazetteer.to_snapshot())
        .expect("writing the gazetteer snapshot");
    let dict = dict::compiled::Dictionaries::compile(dict::sources::DictionarySources::bundled());
    std::fs::write(out.join("dictionaries.bin"), dictionary_snapshot(&dict))
        .expect("writing the dictionary snapshot");
    std::fs::write(out.join("names.bin"), names_snapshot(&dict, gazetteer))
        .expect("writing the name index snapshot");
    std::fs::write(out.join("tagger.bin"), tagger_snapshot()).expect("writing the tagger model");
    println!("cargo:rustc-check-cfg=cfg(demarche_tagger_snapshot)");
    println!("cargo:rustc-cfg=demarche_tagger_snapshot");
}

/// The bundled tagger weights in the model's compiled layout.
fn tagger_snapshot() -> Vec<u8> {
    text::perceptron::Model::compile(text::perceptron::BUNDLED)
        .unwrap_or_else(|e| panic!("the bundled tagger weights do not load: {e}"))
}

/// The bundled gazetteer, parsed.
fn bundled_gazetteer() -> resolve::Gazetteer {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dictionaries/gazetteer");
    let read = |name: &str| {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
    };
    resolve::Gazetteer::from_tsv(
        &read("countries.tsv"),
        &read("admin1.tsv"),
        &read("cities.tsv"),
        &read("regions.tsv"),
    )
    .unwrap_or_else(|e| panic!("the bundled gazetteer does not parse: {e}"))
}

/// The bundled dictionaries (embedded in `src/dict/sources.rs` with `include_str!`), compiled,
/// encoded. Their diagnostics travel inside the snapshot, as `dict check` reports them.
fn dictionary_snapshot(dict: &dict::compiled::Dictionaries) -> Vec<u8> {
    dict.to_snapshot()
        .unwrap_or_else(|e| panic!("encoding the dictionary snapshot: {e}"))
}

/// The coder's name indexes (surnames, cities, regions) for the bundled dictionaries and
/// gazetteer, encoded (`src/code/bundled_names.rs` embeds them).
fn names_snapshot(
    dict: &dict::compiled::Dictionaries,
    gazetteer: std::sync::Arc<resolve::Gazetteer>,
) -> Vec<u8> {
    code::names::NameIndex::new(&dict.actors, &dict.lexicon, Some(gazetteer))
        .to_snapshot()
        .unwrap_or_else(|e| panic!("encoding the name index snapshot: {e}"))
}
