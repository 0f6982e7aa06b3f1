//! Dictionaries: demarche's own text formats, parsed and compiled into matchers.
//!
//! The bundled dictionaries (`dictionaries/` in the repository) are compiled into the binary and
//! loaded at start-up; [`Dictionaries::from_dir`] loads a directory laid out the same way. Lines
//! that cannot be used are kept as [`Diagnostic`]s; loading never stops for one bad line.

pub(crate) mod actors;
pub(crate) mod cameo;
pub(crate) mod parse;
pub(crate) mod phrase;
pub(crate) mod verbs;

pub use cameo::{CameoInfo, CameoTable};
pub use parse::Diagnostic;

pub(crate) use actors::{ActorDictionary, ActorEntry, AgentDictionary, AgentEntry};
pub(crate) use phrase::{EncodedSentence, PhraseMatch, PhraseSet};
pub(crate) use verbs::{PatternWord, VerbDictionary, VerbPattern};

use crate::error::{Error, Result};
use crate::text::Lexicon;
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
    bundled_file!("actors/persons.txt"),
];
const BUNDLED_AGENTS: (&str, &str) = bundled_file!("agents.txt");
const BUNDLED_VERBS: (&str, &str) = bundled_file!("verbs.txt");
const BUNDLED_DISCARDS: (&str, &str) = bundled_file!("discards.txt");
const BUNDLED_CAMEO: (&str, &str) = bundled_file!("cameo.tsv");

impl cameo::CameoTable {
    /// The bundled CAMEO table (event names, Goldstein scores, quad classes, PLOVER types), for
    /// engines that code with other dictionaries but report the usual event fields.
    pub fn bundled() -> cameo::CameoTable {
        cameo::CameoTable::from_tsv(BUNDLED_CAMEO.0, BUNDLED_CAMEO.1, &mut Vec::new())
    }
}

fn owned(f: &(&str, &str)) -> SourceFile {
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

/// Compiled dictionaries, ready for coding. Cheap to share between threads.
///
/// ```
/// use demarche::{Dictionaries, DictionarySources};
///
/// let mut sources = DictionarySources::default();
/// sources.actors.push(("actors.txt".into(), "ARN : Arnor\nGON : Gondor\n".into()));
/// sources.verbs.push(("verbs.txt".into(), "not a pattern line\n".into()));
/// let dict = Dictionaries::compile(sources);
/// assert_eq!(dict.counts().actor_phrases, 2);
/// // A line that cannot be used is reported with its file and line; loading goes on.
/// assert_eq!(dict.diagnostics[0].file, "verbs.txt");
/// assert_eq!(dict.diagnostics[0].line, 1);
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Dictionaries {
    /// Actor phrases.
    pub(crate) actors: ActorDictionary,
    /// Agent role nouns.
    pub(crate) agents: AgentDictionary,
    /// Verb patterns.
    pub(crate) verbs: VerbDictionary,
    /// Discard phrases.
    pub(crate) discards: Vec<String>,
    /// One trie for actor, agent and discard phrases, in that id order.
    phrases: PhraseSet,
    /// CAMEO code table.
    pub(crate) cameo: CameoTable,
    /// The tagger's lexicon, extended with the verb heads.
    pub(crate) lexicon: Lexicon,
    /// Lines that could not be used.
    pub diagnostics: Vec<Diagnostic>,
}

impl Dictionaries {
    /// The bundled dictionaries, compiled.
    pub fn bundled() -> Dictionaries {
        Dictionaries::compile(DictionarySources::bundled())
    }

    /// The dictionaries in `dir`, compiled.
    pub fn from_dir(dir: &Path) -> Result<Dictionaries> {
        Ok(Dictionaries::compile(DictionarySources::from_dir(dir)?))
    }

    /// Compiles sources.
    pub fn compile(sources: DictionarySources) -> Dictionaries {
        let mut diagnostics = Vec::new();
        let actors = ActorDictionary::from_files(&sources.actors, &mut diagnostics);
        let agents = AgentDictionary::from_files(&sources.agents, &mut diagnostics);
        let verbs = VerbDictionary::from_files(&sources.verbs, &mut diagnostics);
        let discard_phrases: Vec<String> = sources
            .discards
            .iter()
            .flat_map(|(_, text)| {
                text.lines()
                    .map(parse::strip_comment)
                    .flat_map(|l| l.split('|'))
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(String::from)
                    .collect::<Vec<_>>()
            })
            .collect();
        let all: Vec<&str> = actors
            .phrases()
            .iter()
            .map(String::as_str)
            .chain(agents.phrases())
            .chain(discard_phrases.iter().map(String::as_str))
            .collect();
        let phrases = PhraseSet::new(&all);
        let cameo = sources
            .cameo
            .as_ref()
            .map(|(n, t)| CameoTable::from_tsv(n, t, &mut diagnostics))
            .unwrap_or_default();
        let mut reported = std::collections::HashSet::new();
        for p in verbs.patterns() {
            if !cameo.is_empty()
                && !cameo.contains(&p.code)
                && reported.insert((p.entry.file.clone(), p.entry.line))
            {
                diagnostics.push(Diagnostic {
                    file: p.entry.file.to_string(),
                    line: p.entry.line,
                    message: format!("event code {} is not in the CAMEO table (its events get no name or scores)", p.code),
                });
            }
        }
        let lexicon = Lexicon::new(verbs.verb_head_lemmas());
        Dictionaries {
            actors,
            agents,
            verbs,
            discards: discard_phrases,
            phrases,
            cameo,
            lexicon,
            diagnostics,
        }
    }

    /// How many entries each dictionary holds (what `demarche dict check` reports).
    pub fn counts(&self) -> DictionaryCounts {
        DictionaryCounts {
            actor_phrases: self.actors.len(),
            agent_phrases: self.agents.len(),
            verb_patterns: self.verbs.patterns().len(),
            discard_phrases: self.discards.len(),
            cameo_codes: self.cameo.len(),
        }
    }

    /// All actor, agent and discard phrase occurrences in a sentence, in one pass.
    pub(crate) fn match_phrases(&self, sentence: &EncodedSentence) -> SentenceMatches {
        let (a, g) = (self.actors.phrases().len(), self.agents.len());
        let mut out = SentenceMatches::default();
        for mut m in self.phrases.find_all(sentence) {
            if m.phrase < a {
                out.actors.push(m);
            } else if m.phrase < a + g {
                m.phrase -= a;
                out.agents.push(m);
            } else {
                m.phrase -= a + g;
                out.discards.push(m);
            }
        }
        out
    }
}

/// How many entries each compiled dictionary holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct DictionaryCounts {
    /// Actor phrases.
    pub actor_phrases: usize,
    /// Agent phrases, plurals included.
    pub agent_phrases: usize,
    /// Verb patterns.
    pub verb_patterns: usize,
    /// Discard phrases.
    pub discard_phrases: usize,
    /// CAMEO codes in the table.
    pub cameo_codes: usize,
}

/// Phrase occurrences in one sentence, by dictionary (phrase ids are per dictionary).
#[derive(Clone, Debug, Default)]
pub(crate) struct SentenceMatches {
    /// Actor phrase occurrences (all, overlapping).
    pub actors: Vec<PhraseMatch>,
    /// Agent phrase occurrences.
    pub agents: Vec<PhraseMatch>,
    /// Discard phrase occurrences.
    pub discards: Vec<PhraseMatch>,
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
