//! demarche-compat: compatibility with the TABARI and PETRARCH event coders — their dictionary
//! formats, a coding engine with their pattern semantics, their validation suites, and tools to
//! lint and convert their dictionaries into demarche's own format. It depends on the `demarche`
//! library (never the reverse).
//!
//! * [`tabari`] reads `.actors`, `.agents`, `.verbs`, `.options` and `.project` files.
//! * [`petrarch`] reads PETRARCH / Phoenix actors, agents, verbs (CAMEO.2.0), discards, issues.
//! * [`engine`] codes sentences TABARI-style: shallow parsing, `$`/`+`/`%`/`^` patterns,
//!   compounds, agents, pronouns, passive voice, paired/subordinate/dominant codes.
//! * [`validate`] runs TABARI's `Validate.text` and PETRARCH's `PETR.UnitTest.records.xml`.
//! * [`lint`] and [`convert`] check dictionaries and translate them to demarche's format.
//! * [`document`] codes whole documents into demarche events through
//!   [`demarche::DocumentCoder`] (`demarche code --engine tabari|petrarch`).
//!
//! Every reader keeps going past lines it cannot use and reports each as a
//! [`Diagnostic`] with file and line.

#![deny(missing_docs)]

pub mod convert;
pub mod document;
pub mod engine;
pub mod error;
#[doc(hidden)]
pub mod fuzz_support;
pub mod lint;
pub mod petrarch;
mod suite_xml;
pub mod tabari;
pub mod validate;

pub use demarche::dict::Diagnostic;
pub use error::{Error, Result};

use demarche::model::Date;
use std::path::Path;
use std::sync::Arc;

/// Where an entry came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loc {
    /// The file name.
    pub file: Arc<str>,
    /// 1-based line.
    pub line: u32,
}

impl std::fmt::Display for Loc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// Which program's syntax a file uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// TABARI (`;` comments, `[code]` on the phrase line).
    Tabari,
    /// PETRARCH / Phoenix (`#` comments, tab-indented date restrictions).
    Petrarch,
}

/// What a dictionary file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictKind {
    /// Actor phrases.
    Actors,
    /// Agent nouns.
    Agents,
    /// Verbs and patterns.
    Verbs,
    /// Discard phrases (PETRARCH).
    Discards,
    /// Issue phrases (PETRARCH).
    Issues,
    /// A TABARI `.options` file.
    Options,
    /// A TABARI `.project` file.
    Project,
}

/// Guesses dialect and kind from a file name (and, failing that, its text).
pub fn detect(path: &Path, text: &str) -> Option<(Dialect, DictKind)> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let tabari = match ext.as_str() {
        "actors" => Some(DictKind::Actors),
        "agents" => Some(DictKind::Agents),
        "verbs" => Some(DictKind::Verbs),
        "options" => Some(DictKind::Options),
        "project" => Some(DictKind::Project),
        _ => None,
    };
    if let Some(k) = tabari {
        return Some((Dialect::Tabari, k));
    }
    let kind = if name.contains("actors") {
        DictKind::Actors
    } else if name.contains("agents") {
        DictKind::Agents
    } else if name.contains("discard") {
        DictKind::Discards
    } else if name.contains("issue") {
        DictKind::Issues
    } else if name.contains("verbs") || name.starts_with("cameo") || text.contains("\n--- ") {
        DictKind::Verbs
    } else {
        return None;
    };
    Some((Dialect::Petrarch, kind))
}

/// The dictionary files named by `paths`: files as given, directories replaced by the files
/// directly inside them, sorted by name.
pub fn dictionary_files(paths: &[std::path::PathBuf]) -> Result<Vec<std::path::PathBuf>> {
    let mut files = Vec::new();
    for p in paths {
        if !p.is_dir() {
            files.push(p.clone());
            continue;
        }
        let mut entries: Vec<std::path::PathBuf> = std::fs::read_dir(p)
            .map_err(|e| Error::io(p, e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|f| f.is_file())
            .collect();
        entries.sort();
        files.extend(entries);
    }
    Ok(files)
}

/// Reads a file as text, replacing invalid UTF-8 (old dictionaries are Latin-1 in places).
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
    })
}

/// Parses a TABARI/PETRARCH date: `YYMMDD` (years 00–30 are 20xx) or `YYYYMMDD`. The century
/// is TABARI's; the calendar check is the library's date parser ([`demarche::ingest::parse_date`]).
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let full = match s.len() {
        6 => {
            let century = if &s[..2] <= "30" { "20" } else { "19" };
            format!("{century}{s}")
        }
        8 => s.to_string(),
        _ => return None,
    };
    demarche::ingest::parse_date(&full)
}

/// One code of an actor or agent entry, possibly restricted to a date range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedCode {
    /// The code as written (`USAGOV`, `GME/GMW`, `~GOV`, `---`, `###`, `+++`).
    pub code: String,
    /// First day the code applies (inclusive), if bounded.
    pub from: Option<Date>,
    /// Last day the code applies (inclusive), if bounded.
    pub to: Option<Date>,
}

impl DatedCode {
    /// True when the code carries a date restriction.
    pub fn is_restricted(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// True when `date` falls inside the restriction (an unknown date matches).
    pub fn applies(&self, date: Option<Date>) -> bool {
        let Some(d) = date else { return true };
        self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t)
    }
}

/// Picks the code for a date: the first restricted code that applies, else the unrestricted
/// default, else the null code (`None`).
pub fn resolve_code(codes: &[DatedCode], date: Option<Date>) -> Option<&str> {
    if date.is_some() {
        if let Some(c) = codes.iter().find(|c| c.is_restricted() && c.applies(date)) {
            return Some(&c.code);
        }
    }
    codes
        .iter()
        .find(|c| !c.is_restricted())
        .or_else(|| if date.is_none() { codes.first() } else { None })
        .map(|c| c.code.as_str())
}

/// Parses the inside of one `[...]` code block: `CODE`, `CODE <date`, `CODE >date`,
/// `CODE date-date`. A lone restriction without code is an error.
pub fn parse_code_block(inner: &str) -> std::result::Result<DatedCode, String> {
    let inner = inner.trim();
    if inner.is_empty() {
        return Err("empty code block []".into());
    }
    let squeezed = normalize_code(inner);
    if matches!(squeezed.as_str(), "---" | "###" | "+++") {
        return Ok(DatedCode {
            code: squeezed,
            from: None,
            to: None,
        });
    }
    let (code, restr) = match inner.find(|c: char| c == '<' || c == '>' || c.is_whitespace()) {
        Some(i) => (inner[..i].trim(), inner[i..].trim()),
        None => (inner, ""),
    };
    if code.is_empty() || (code.len() >= 6 && code.bytes().all(|b| b.is_ascii_digit() || b == b'-'))
    {
        return Err(format!("no code in [{inner}]"));
    }
    let code = normalize_code(code);
    let mut dc = DatedCode {
        code,
        from: None,
        to: None,
    };
    if restr.is_empty() {
        return Ok(dc);
    }
    let bad = |d: &str| format!("bad date '{d}' in [{inner}]");
    if let Some(d) = restr.strip_prefix('<') {
        dc.to = Some(parse_date(d).ok_or_else(|| bad(d))?);
    } else if let Some(d) = restr.strip_prefix('>') {
        dc.from = Some(parse_date(d).ok_or_else(|| bad(d))?);
    } else if let Some((a, b)) = restr.split_once('-') {
        dc.from = Some(parse_date(a).ok_or_else(|| bad(a))?);
        dc.to = Some(parse_date(b).ok_or_else(|| bad(b))?);
        if dc.from > dc.to {
            return Err(format!("date range in [{inner}] ends before it starts"));
        }
    } else {
        return Err(bad(restr));
    }
    Ok(dc)
}

/// Normalizes the special codes: `- - -` → `---` and so on.
pub fn normalize_code(code: &str) -> String {
    let c: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    c
}

/// A word of a dictionary phrase or pattern.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PWord {
    /// Upper-case text.
    pub text: String,
    /// Must match the whole token (trailing `_`); otherwise a prefix (stem) match.
    pub exact: bool,
    /// No regular endings (trailing `=`).
    pub no_endings: bool,
    /// The next element must follow immediately (`_` or `~` connector).
    pub joined: bool,
}

/// Regular endings TABARI accepts on exact words.
pub const ENDINGS: &[&str] = &["S", "'S", "ES", "ED", "D", "EN", "ING", "'"];

impl PWord {
    /// True when this dictionary word matches the (upper-case) text token.
    pub fn matches(&self, tok: &str, endings: bool) -> bool {
        if !self.exact {
            return tok.starts_with(self.text.as_str());
        }
        if tok == self.text {
            return true;
        }
        if !endings || self.no_endings {
            return false;
        }
        tok.strip_prefix(self.text.as_str())
            .is_some_and(|rest| ENDINGS.contains(&rest))
            || (self.text.ends_with('Y')
                && tok.len() + 1 == self.text.len() + 3
                && tok.starts_with(&self.text[..self.text.len() - 1])
                && tok.ends_with("IES"))
    }

    /// The number of letters, as counted for pattern length.
    pub fn len_chars(&self) -> usize {
        self.text.len()
    }
}

/// Splits a phrase written with blanks and underscores (`AL_GORE`, `DANISH_BIRDS_`,
/// `INTELLIGENCE CHIEF`) into words. Hyphens become underscores, as TABARI does.
pub fn phrase_words(phrase: &str) -> Vec<PWord> {
    let mut out: Vec<PWord> = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = phrase
        .trim()
        .chars()
        .map(|c| if c == '-' { '_' } else { c })
        .collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '_' || c == '~' || c.is_whitespace() {
            if !cur.is_empty() {
                let exact = c == '_';
                // look at the whole separator run
                let mut j = i;
                let mut space = false;
                while j < chars.len()
                    && (chars[j] == '_' || chars[j] == '~' || chars[j].is_whitespace())
                {
                    space |= chars[j].is_whitespace();
                    j += 1;
                }
                let joined = !space || c == '~';
                out.push(make_word(&cur, exact, joined && j < chars.len()));
                cur.clear();
                i = j;
                continue;
            }
        } else {
            cur.push(c);
        }
        i += 1;
    }
    if !cur.is_empty() {
        out.push(make_word(&cur, false, false));
    }
    out
}

fn make_word(s: &str, exact: bool, joined: bool) -> PWord {
    let no_endings = s.ends_with('=');
    let text = s.trim_end_matches('=').to_uppercase();
    PWord {
        text,
        exact: exact || no_endings,
        no_endings,
        joined,
    }
}

/// Writes phrase words back in TABARI notation.
pub fn words_to_string(words: &[PWord]) -> String {
    let mut s = String::new();
    for (i, w) in words.iter().enumerate() {
        s.push_str(&w.text);
        if w.no_endings {
            s.push('=');
        }
        let last = i + 1 == words.len();
        match (w.exact, w.joined, last) {
            (true, true, false) => s.push('_'),
            (true, false, false) => s.push_str("_ "),
            (false, true, false) => s.push_str("~ "),
            (false, false, false) => s.push(' '),
            (true, _, true) => s.push('_'),
            (false, _, true) => {}
        }
    }
    s
}

/// An actor or agent dictionary entry (one phrase; synonyms are separate entries).
#[derive(Clone, Debug)]
pub struct ActorEntry {
    /// The phrase as written.
    pub phrase: String,
    /// Its words.
    pub words: Vec<PWord>,
    /// The codes, in order; the unrestricted one is the default.
    pub codes: Vec<DatedCode>,
    /// The primary phrase when this is a `+` synonym.
    pub parent: Option<String>,
    /// PETRARCH agent plural forms given in `{...}` (an empty set means "no plural").
    pub plurals: Option<Vec<String>>,
    /// Where it was read.
    pub loc: Loc,
}

/// An actors or agents dictionary.
#[derive(Clone, Debug, Default)]
pub struct ActorDict {
    /// Actor or agent entries.
    pub entries: Vec<ActorEntry>,
    /// `<NOUN>` list (TABARI).
    pub nouns: Vec<(Vec<PWord>, Loc)>,
    /// `<ADJECTIVE>` list (TABARI).
    pub adjectives: Vec<(Vec<PWord>, Loc)>,
}

/// A special or event code of a verb or pattern.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VerbCode {
    /// The event code (empty for special codes).
    pub code: String,
    /// The reverse code of a paired code `[032:033]`.
    pub pair: Option<String>,
    /// `---`.
    pub null: bool,
    /// `###`.
    pub discard: bool,
    /// `+++`.
    pub complex: bool,
    /// Subordinate (`?`).
    pub subordinate: bool,
    /// Dominant (`!`).
    pub dominant: bool,
}

impl VerbCode {
    /// Parses the inside of `[...]` of a verb or pattern.
    pub fn parse(inner: &str) -> std::result::Result<VerbCode, String> {
        let mut s = normalize_code(inner);
        if s.is_empty() {
            return Err("no code in []".into());
        }
        let mut vc = VerbCode::default();
        match s.as_str() {
            "---" => {
                vc.null = true;
                return Ok(vc);
            }
            "###" => {
                vc.discard = true;
                return Ok(vc);
            }
            "+++" => {
                vc.complex = true;
                return Ok(vc);
            }
            _ => {}
        }
        if s.ends_with('?') {
            vc.subordinate = true;
            s.pop();
        }
        if s.ends_with('!') {
            vc.dominant = true;
            s.pop();
        }
        let (a, b) = match s.split_once(':') {
            Some((a, b)) => (a.to_string(), Some(b.to_string())),
            None => (s, None),
        };
        let ok = |c: &str| !c.is_empty() && c.bytes().all(|b| b.is_ascii_alphanumeric());
        if !ok(&a) || b.as_deref().is_some_and(|b| !ok(b)) {
            return Err(format!("bad event code [{inner}]"));
        }
        vc.code = a;
        vc.pair = b;
        Ok(vc)
    }

    /// Writes it back in TABARI notation.
    pub fn to_tabari(&self) -> String {
        if self.null {
            return "---".into();
        }
        if self.discard {
            return "###".into();
        }
        if self.complex {
            return "+++".into();
        }
        let mut s = self.code.clone();
        if let Some(p) = &self.pair {
            s.push(':');
            s.push_str(p);
        }
        if self.dominant {
            s.push('!');
        }
        if self.subordinate {
            s.push('?');
        }
        s
    }
}

/// One element of a verb pattern.
#[derive(Clone, Debug, PartialEq)]
pub enum PTok {
    /// A literal word.
    Word(PWord),
    /// `*`: the verb.
    Verb {
        /// Must be followed immediately by the next element.
        joined: bool,
    },
    /// `$`: the source actor.
    Source {
        /// Must be followed immediately.
        joined: bool,
    },
    /// `+`: the target actor.
    Target {
        /// Must be followed immediately.
        joined: bool,
    },
    /// `%`: a compound actor that is both source and target.
    Compound {
        /// Must be followed immediately.
        joined: bool,
    },
    /// `^`: skip an actor.
    Skip {
        /// Must be followed immediately.
        joined: bool,
    },
    /// `&NAME`: a synonym set.
    Synset {
        /// The name, without `&`.
        name: String,
        /// Must be followed immediately.
        joined: bool,
    },
    /// `{ a | b }`: alternatives.
    Alt {
        /// The alternatives.
        alts: Vec<Vec<PTok>>,
        /// Must be followed immediately.
        joined: bool,
    },
}

impl PTok {
    /// Whether the next element must follow immediately.
    pub fn joined(&self) -> bool {
        match self {
            PTok::Word(w) => w.joined,
            PTok::Verb { joined }
            | PTok::Source { joined }
            | PTok::Target { joined }
            | PTok::Compound { joined }
            | PTok::Skip { joined } => *joined,
            PTok::Synset { joined, .. } | PTok::Alt { joined, .. } => *joined,
        }
    }
}

/// A verb pattern (`- + * TO $ [032]`).
#[derive(Clone, Debug)]
pub struct Pattern {
    /// The pattern text as written.
    pub raw: String,
    /// Its elements.
    pub toks: Vec<PTok>,
    /// The code.
    pub code: VerbCode,
    /// Length for ordering (letters of literal words; longest alternative).
    pub len: usize,
    /// Where it was read.
    pub loc: Loc,
}

/// A verb root with its forms and patterns.
#[derive(Clone, Debug)]
pub struct VerbRoot {
    /// The root phrase as written.
    pub phrase: String,
    /// Its words (a root may be several words: `APPRECIATE POSITION`).
    pub words: Vec<PWord>,
    /// Index of the verb word within `words` (PETRARCH `+` marker; 0 otherwise).
    pub head: usize,
    /// Irregular forms from `{...}`.
    pub forms: Vec<Vec<PWord>>,
    /// The code of the bare verb.
    pub code: VerbCode,
    /// Patterns, longest first.
    pub patterns: Vec<Pattern>,
    /// Index (in [`VerbDict::roots`]) of the root whose patterns this one shares (PETRARCH
    /// synonym blocks); `None` when it owns its patterns.
    pub shared: Option<usize>,
    /// Where it was read.
    pub loc: Loc,
}

/// A verbs dictionary.
#[derive(Clone, Debug, Default)]
pub struct VerbDict {
    /// Synonym sets by name (without `&`).
    pub synsets: std::collections::HashMap<String, Vec<Vec<PTok>>>,
    /// Verb roots.
    pub roots: Vec<VerbRoot>,
    /// `<TIME>` entries (TABARI), kept for conversion and lint.
    pub time: Vec<(String, String, Loc)>,
    /// PETRARCH transformations (`~ a (a b Q) SAY = a b Q`), as written.
    pub transformations: Vec<(String, Loc)>,
}

/// A discard phrase (PETRARCH discard list, or a TABARI `[###]` entry).
#[derive(Clone, Debug)]
pub struct Discard {
    /// Its words.
    pub words: Vec<PWord>,
    /// `+`: discards the whole story, not just the sentence.
    pub story: bool,
    /// Where it was read.
    pub loc: Loc,
}

/// An issue phrase (PETRARCH issues dictionary).
#[derive(Clone, Debug)]
pub struct Issue {
    /// The phrases the line expands to.
    pub phrases: Vec<String>,
    /// The issue code (empty for `~` ignore phrases).
    pub code: String,
    /// `~`: ignore phrase (cancels issue coding for the sentence).
    pub ignore: bool,
    /// Where it was read.
    pub loc: Loc,
}

/// Everything the compat engine needs, from whichever dialect.
#[derive(Clone, Debug, Default)]
pub struct CompatDicts {
    /// Actors.
    pub actors: ActorDict,
    /// Agents.
    pub agents: ActorDict,
    /// Verbs.
    pub verbs: VerbDict,
    /// Discard phrases.
    pub discards: Vec<Discard>,
    /// Issues.
    pub issues: Vec<Issue>,
    /// Phrases that make a sentence complex (TABARI `[+++]` time words).
    pub complex_phrases: Vec<(Vec<PWord>, Loc)>,
    /// Coding options.
    pub options: tabari::Options,
    /// Entries that could not be used.
    pub diagnostics: Vec<Diagnostic>,
}

impl CompatDicts {
    /// Loads a TABARI `.project` file and the dictionaries it names.
    pub fn from_tabari_project(path: &Path) -> Result<CompatDicts> {
        let project = tabari::Project::read(path)?;
        let mut d = CompatDicts::default();
        for f in &project.actors {
            d.add_file(f, Some((Dialect::Tabari, DictKind::Actors)))?;
        }
        for f in &project.agents {
            d.add_file(f, Some((Dialect::Tabari, DictKind::Agents)))?;
        }
        for f in &project.verbs {
            d.add_file(f, Some((Dialect::Tabari, DictKind::Verbs)))?;
        }
        if let Some(f) = &project.options {
            d.add_file(f, Some((Dialect::Tabari, DictKind::Options)))?;
        }
        d.finish();
        Ok(d)
    }

    /// Loads a list of dictionary files (or a `.project`), detecting each file's kind.
    pub fn from_files(paths: &[std::path::PathBuf]) -> Result<CompatDicts> {
        if paths.len() == 1 && paths[0].extension().is_some_and(|e| e == "project") {
            return CompatDicts::from_tabari_project(&paths[0]);
        }
        let mut d = CompatDicts::default();
        for p in paths {
            d.add_file(p, None)?;
        }
        d.finish();
        Ok(d)
    }

    /// Reads one file into these dictionaries. `kind` overrides detection.
    pub fn add_file(&mut self, path: &Path, kind: Option<(Dialect, DictKind)>) -> Result<()> {
        let text = read_text(path)?;
        let name: Arc<str> = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
            .into();
        let kind = kind
            .or_else(|| detect(path, &text))
            .ok_or_else(|| Error::UnknownKind {
                file: name.to_string(),
            })?;
        self.add_text(&name, &text, kind);
        Ok(())
    }

    /// Reads one file's text into these dictionaries.
    pub fn add_text(&mut self, name: &Arc<str>, text: &str, (dialect, kind): (Dialect, DictKind)) {
        let diags = &mut self.diagnostics;
        match (dialect, kind) {
            (_, DictKind::Actors) => {
                let d = tabari::read_actors(name, text, dialect, diags);
                self.actors.entries.extend(d.entries);
                self.actors.nouns.extend(d.nouns);
                self.actors.adjectives.extend(d.adjectives);
            }
            (Dialect::Tabari, DictKind::Agents) => {
                let d = tabari::read_actors(name, text, dialect, diags);
                self.agents.entries.extend(d.entries);
            }
            (Dialect::Petrarch, DictKind::Agents) => self
                .agents
                .entries
                .extend(petrarch::read_agents(name, text, diags).entries),
            (Dialect::Tabari, DictKind::Verbs) => {
                merge_verbs(&mut self.verbs, tabari::read_verbs(name, text, diags))
            }
            (Dialect::Petrarch, DictKind::Verbs) => {
                merge_verbs(&mut self.verbs, petrarch::read_verbs(name, text, diags))
            }
            (_, DictKind::Discards) => self
                .discards
                .extend(petrarch::read_discards(name, text, diags)),
            (_, DictKind::Issues) => self.issues.extend(petrarch::read_issues(name, text, diags)),
            (_, DictKind::Options) => self.options.apply_file(name, text, diags),
            (_, DictKind::Project) => diags.push(Diagnostic::new(
                name.to_string(),
                0,
                "a .project file must be given on its own",
            )),
        }
    }

    /// Final steps after all files are read: TABARI `[###]` actors and time words become
    /// discards, `[+++]` time words complex phrases.
    pub fn finish(&mut self) {
        for (p, c, loc) in &self.verbs.time {
            let code = normalize_code(c);
            if code == "###" {
                self.discards.push(Discard {
                    words: phrase_words(p),
                    story: false,
                    loc: loc.clone(),
                });
            } else if code == "+++" {
                self.complex_phrases.push((phrase_words(p), loc.clone()));
            }
        }
        for e in &self.actors.entries {
            if e.codes.len() == 1 && e.codes[0].code == "###" {
                self.discards.push(Discard {
                    words: e.words.clone(),
                    story: false,
                    loc: e.loc.clone(),
                });
            }
        }
    }
}

fn merge_verbs(into: &mut VerbDict, from: VerbDict) {
    into.synsets.extend(from.synsets);
    into.roots.extend(from.roots);
    into.time.extend(from.time);
    into.transformations.extend(from.transformations);
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn dates_and_blocks() {
        assert_eq!(parse_date("991201"), NaiveDate::from_ymd_opt(1999, 12, 1));
        assert_eq!(parse_date("010114"), NaiveDate::from_ymd_opt(2001, 1, 14));
        assert_eq!(parse_date("20140101"), NaiveDate::from_ymd_opt(2014, 1, 1));
        assert!(parse_date("991301").is_none());
        let c = parse_code_block("USAGOV 991201-010114").unwrap();
        assert_eq!(c.code, "USAGOV");
        assert!(c.applies(NaiveDate::from_ymd_opt(2000, 6, 1)));
        assert!(!c.applies(NaiveDate::from_ymd_opt(2002, 6, 1)));
        assert!(parse_code_block(" 991201-010114").is_err());
        assert!(parse_code_block("X 010114-991201").is_err());
        assert_eq!(
            parse_code_block("AR1 <911226").unwrap().to,
            NaiveDate::from_ymd_opt(1991, 12, 26)
        );
        assert_eq!(parse_code_block("- - -").unwrap().code, "---");
    }

    #[test]
    fn words() {
        let w = phrase_words("AL_GORE");
        assert!(w[0].exact && w[0].joined && !w[1].exact && !w[1].joined);
        let w = phrase_words("ESTONIA_");
        assert!(w[0].exact && !w[0].joined);
        assert!(w[0].matches("ESTONIA'S", true));
        assert!(!w[0].matches("ESTONIAN", true));
        assert!(phrase_words("ARGENTIN")[0].matches("ARGENTINA", false));
        assert_eq!(words_to_string(&phrase_words("AL_GORE")), "AL_GORE");
        assert_eq!(words_to_string(&phrase_words("IN_ WAR")), "IN_ WAR");
    }

    #[test]
    fn verb_codes() {
        let c = VerbCode::parse("032:033").unwrap();
        assert_eq!((c.code.as_str(), c.pair.as_deref()), ("032", Some("033")));
        assert!(VerbCode::parse("023?").unwrap().subordinate);
        assert!(VerbCode::parse("111!").unwrap().dominant);
        assert!(VerbCode::parse("- - -").unwrap().null);
        assert!(VerbCode::parse("").is_err());
    }
}
