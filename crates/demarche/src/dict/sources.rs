//! The texts of a set of dictionaries before compiling ([`DictionarySources`]), and the
//! bundled ones (`dictionaries/` in the repository, embedded with `include_str!`). Reading a
//! directory lives in the parent module; this file is also compiled into `build.rs`.

use std::path::Path;

/// A named dictionary file's text.
pub type SourceFile = (String, String);

/// The texts of a full set of dictionaries, before compiling.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct DictionarySources {
    /// Actor files.
    pub actors: Vec<SourceFile>,
    /// Agent files.
    pub agents: Vec<SourceFile>,
    /// Verb pattern files.
    pub verbs: Vec<SourceFile>,
    /// Discard files.
    pub discards: Vec<SourceFile>,
    /// The CAMEO table (`cameo.tsv`).
    pub cameo: Option<SourceFile>,
}

macro_rules! bundled_file {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../dictionaries/",
                $name
            )),
        )
    };
}

const BUNDLED_ACTORS: &[(&str, &str)] = &[
    bundled_file!("actors/companies.txt"),
    bundled_file!("actors/countries.txt"),
    bundled_file!("actors/igos.txt"),
    bundled_file!("actors/nonstate.txt"),
    bundled_file!("actors/parties.txt"),
    bundled_file!("actors/peoples.txt"),
    bundled_file!("actors/persons.txt"),
];
const BUNDLED_AGENTS: (&str, &str) = bundled_file!("agents.txt");
const BUNDLED_VERBS: (&str, &str) = bundled_file!("verbs.txt");
const BUNDLED_DISCARDS: (&str, &str) = bundled_file!("discards.txt");
pub(crate) const BUNDLED_CAMEO: (&str, &str) = bundled_file!("cameo.tsv");

/// A bundled file as an owned [`SourceFile`].
pub(crate) fn owned(f: &(&str, &str)) -> SourceFile {
    (f.0.to_string(), f.1.to_string())
}

impl DictionarySources {
    /// The dictionaries that ship with demarche.
    pub fn bundled() -> DictionarySources {
        DictionarySources {
            actors: BUNDLED_ACTORS.iter().map(owned).collect(),
            agents: vec![owned(&BUNDLED_AGENTS)],
            verbs: vec![owned(&BUNDLED_VERBS)],
            discards: vec![owned(&BUNDLED_DISCARDS)],
            cameo: Some(owned(&BUNDLED_CAMEO)),
        }
    }
}

impl DictionarySources {
    /// Sources from in-memory files laid out like `dictionaries/` (relative path → text), e.g.
    /// the output of `demarche_compat::convert::convert`; the CAMEO table is the bundled one.
    pub fn from_files(files: &std::collections::BTreeMap<String, String>) -> DictionarySources {
        let pick = |pred: &dyn Fn(&str) -> bool| {
            files
                .iter()
                .filter(|(k, _)| pred(k))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect::<Vec<_>>()
        };
        DictionarySources {
            actors: pick(&|k| k.starts_with("actors/")),
            agents: pick(&|k| k == "agents.txt"),
            verbs: pick(&|k| k == "verbs.txt" || k.starts_with("verbs/")),
            discards: pick(&|k| k == "discards.txt"),
            cameo: Some(files.get("cameo.tsv").map_or_else(
                || owned(&BUNDLED_CAMEO),
                |t| ("cameo.tsv".to_string(), t.clone()),
            )),
        }
    }

    /// True when `dir` looks like a demarche dictionary directory.
    pub fn is_demarche_dir(dir: &Path) -> bool {
        dir.is_dir()
            && ["agents.txt", "verbs.txt", "actors", "discards.txt"]
                .iter()
                .any(|f| dir.join(f).exists())
    }
}
