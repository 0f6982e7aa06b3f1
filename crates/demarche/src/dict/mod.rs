//! Dictionaries: demarche's own text formats, parsed and compiled into matchers.
//!
//! The bundled dictionaries (`dictionaries/` in the repository) are compiled at build time
//! (`build.rs` runs [`Dictionaries::compile`] and writes a snapshot that `bundled` decodes at
//! start-up); [`Dictionaries::from_dir`] reads and compiles a directory laid out the same way.
//! Lines that cannot be used are kept as [`Diagnostic`]s; loading never stops for one bad line.

pub(crate) mod actors;
mod bundled;
pub(crate) mod cameo;
mod classes;
mod compiled;
pub(crate) mod parse;
pub(crate) mod phrase;
pub(crate) mod sorted;
mod sources;
pub(crate) mod verbs;

pub use cameo::{CameoInfo, CameoTable};
pub use compiled::{Dictionaries, DictionaryCounts};
pub use parse::Diagnostic;
pub use sources::{DictionarySources, SourceFile};

pub(crate) use actors::{ActorDictionary, ActorEntry, AgentDictionary, AgentEntry};
pub(crate) use compiled::SentenceMatches;
pub(crate) use phrase::{EncodedSentence, PhraseMatch, PhraseSet};
pub(crate) use verbs::{PatternWord, VerbDictionary, VerbPattern};

use crate::error::{Error, Result};
use sources::{owned, BUNDLED_CAMEO};
use std::path::Path;

impl cameo::CameoTable {
    /// The bundled CAMEO table (event names, Goldstein scores, quad classes, PLOVER types), for
    /// engines that code with other dictionaries but report the usual event fields.
    pub fn bundled() -> cameo::CameoTable {
        cameo::CameoTable::from_tsv(BUNDLED_CAMEO.0, BUNDLED_CAMEO.1, &mut Vec::new())
    }
}

impl Dictionaries {
    /// The dictionaries in `dir`, compiled.
    pub fn from_dir(dir: &Path) -> Result<Dictionaries> {
        Ok(Dictionaries::compile(DictionarySources::from_dir(dir)?))
    }
}

impl DictionarySources {
    /// Reads a directory laid out like `dictionaries/`: `actors/*.txt`, `agents.txt`,
    /// `verbs.txt` (or `verbs/*.txt`), `discards.txt`, `cameo.tsv`. Missing parts are empty,
    /// except `cameo.tsv`, which falls back to the bundled table.
    pub fn from_dir(dir: &Path) -> Result<DictionarySources> {
        if !dir.is_dir() {
            return Err(Error::Config(format!(
                "dictionary directory {} does not exist",
                dir.display()
            )));
        }
        let read = |rel: &str| -> Result<Vec<SourceFile>> {
            let p = dir.join(rel);
            if p.is_file() {
                return Ok(vec![(
                    rel.to_string(),
                    std::fs::read_to_string(&p).map_err(|e| Error::io(&p, e))?,
                )]);
            }
            let sub = dir.join(rel.trim_end_matches(".txt"));
            if sub.is_dir() {
                return read_txt_dir(dir, &sub);
            }
            Ok(Vec::new())
        };
        let cameo_path = dir.join("cameo.tsv");
        let cameo = if cameo_path.is_file() {
            Some((
                "cameo.tsv".to_string(),
                std::fs::read_to_string(&cameo_path).map_err(|e| Error::io(&cameo_path, e))?,
            ))
        } else {
            Some(owned(&BUNDLED_CAMEO))
        };
        Ok(DictionarySources {
            actors: read("actors.txt")?,
            agents: read("agents.txt")?,
            verbs: read("verbs.txt")?,
            discards: read("discards.txt")?,
            cameo,
        })
    }
}

/// The `*.txt` files directly in `dir`, sorted by name, each named by its path under `root`.
fn read_txt_dir(root: &Path, dir: &Path) -> Result<Vec<SourceFile>> {
    let mut files = Vec::new();
    let entries = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .max_depth(1)
        .follow_links(true)
        .sort_by_file_name();
    for entry in entries {
        let entry = entry.map_err(|e| walk_error(dir, e))?;
        let path = entry.path();
        if path.extension().is_some_and(|x| x == "txt") {
            let name = path.strip_prefix(root).unwrap_or(path).to_string_lossy();
            let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
            files.push((name.replace('\\', "/"), text));
        }
    }
    Ok(files)
}

/// A directory-walk error as an I/O error on the entry it names.
fn walk_error(dir: &Path, e: walkdir::Error) -> Error {
    let path = e.path().unwrap_or(dir).to_path_buf();
    let io = e
        .into_io_error()
        .unwrap_or_else(|| std::io::Error::other("file system loop"));
    Error::io(&path, io)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dictionary_subdirectory_is_read_sorted_txt_only() {
        let root = std::env::temp_dir().join(format!("demarche-dict-{}", std::process::id()));
        let actors = root.join("actors");
        std::fs::create_dir_all(actors.join("nested")).unwrap();
        for (name, text) in [
            ("b.txt", "B"),
            ("a.txt", "A"),
            ("notes.md", "x"),
            ("nested/c.txt", "C"),
        ] {
            std::fs::write(actors.join(name), text).unwrap();
        }
        let files = read_txt_dir(&root, &actors);
        std::fs::remove_dir_all(&root).unwrap();
        let files = files.unwrap();
        let expected = [("actors/a.txt", "A"), ("actors/b.txt", "B")];
        let got: Vec<(&str, &str)> = files
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        assert_eq!(got, expected);
    }
}
