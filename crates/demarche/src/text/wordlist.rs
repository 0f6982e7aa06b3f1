//! Closed word lists as data: the small lists of words that grammar, date and place rules
//! consult ("speech verbs", "locative prepositions", month names), kept one entry per line in
//! `dictionaries/words/<area>/<name>.txt`, embedded with `include_str!` and parsed once.
//!
//! A list file holds one entry per line; surrounding whitespace is trimmed, and blank lines and
//! lines starting with `#` (which say what the list is for) are skipped. Entry order is kept:
//! some lists are positional (month names: line *n* is month *n*).

/// The entries of a word list file, in file order.
pub fn parse(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
}

/// The problems of a word list file, each as `line N: message`: no entries at all, an entry
/// that contains whitespace, or an entry listed twice.
#[cfg(test)]
pub fn lint(text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = std::collections::HashMap::new();
    for (n, line) in text.lines().enumerate().map(|(i, l)| (i + 1, l.trim())) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.contains(char::is_whitespace) {
            problems.push(format!("line {n}: entry {line:?} contains whitespace"));
        }
        if let Some(first) = seen.insert(line, n) {
            problems.push(format!("line {n}: {line:?} already listed on line {first}"));
        }
    }
    if seen.is_empty() {
        problems.push("the list has no entries".to_string());
    }
    problems
}

/// The entries of a word list in file order (it derefs to the slice), with a hash set so that
/// [`WordList::contains`] costs one hash, however long the list.
#[derive(Debug)]
pub struct WordList {
    entries: Vec<&'static str>,
    set: rustc_hash::FxHashSet<&'static str>,
}

impl WordList {
    /// The list in `text` (see [`parse`]).
    pub fn new(text: &'static str) -> WordList {
        let entries = parse(text);
        let set = entries.iter().copied().collect();
        WordList { entries, set }
    }

    /// Whether `word` is an entry (exact, case-sensitive comparison). Takes what a slice's
    /// `contains` took (`&&str`) as well as `&str`, `&String` or `&CompactString`.
    pub fn contains<S: AsRef<str> + ?Sized>(&self, word: &S) -> bool {
        self.set.contains(word.as_ref())
    }
}

impl std::ops::Deref for WordList {
    type Target = [&'static str];
    fn deref(&self) -> &[&'static str] {
        &self.entries
    }
}

/// Declares a `static NAME: LazyLock<WordList>` holding the entries of
/// `dictionaries/words/<path>`, embedded in the binary and parsed on first use.
macro_rules! word_list {
    ($(#[$meta:meta])* $vis:vis static $name:ident = $path:literal;) => {
        $(#[$meta])*
        $vis static $name: std::sync::LazyLock<$crate::text::wordlist::WordList> =
            std::sync::LazyLock::new(|| {
                $crate::text::wordlist::WordList::new(include_str!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/../../dictionaries/words/",
                    $path
                )))
            });
    };
}
pub(crate) use word_list;

word_list! {
    /// Month names in calendar order (lower-case): entry *n* is month *n* + 1.
    pub static MONTHS = "text/months.txt";
}

word_list! {
    /// Weekday names from Monday (lower-case): entry *n* is weekday *n* (0 = Monday).
    pub static WEEKDAYS = "text/weekdays.txt";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_skips_comments_and_blank_lines_and_trims() {
        assert_eq!(parse("# what\n\n  a \nb\n#c\n"), ["a", "b"]);
    }

    #[test]
    fn lint_reports_duplicates_whitespace_and_empty_lists() {
        assert_eq!(
            lint("# x\na\nb c\na\n"),
            [
                "line 3: entry \"b c\" contains whitespace",
                "line 4: \"a\" already listed on line 2"
            ]
        );
        assert_eq!(lint("# only a comment\n"), ["the list has no entries"]);
        assert!(lint("a\nb\n").is_empty());
    }

    #[test]
    fn positional_lists_have_their_lengths() {
        assert_eq!(MONTHS.len(), 12);
        assert_eq!(MONTHS[8], "september");
        assert_eq!(WEEKDAYS.len(), 7);
        assert_eq!(WEEKDAYS[0], "monday");
    }
}

/// Every word list under `dictionaries/words/` parses, has entries, lists none twice, is
/// documented in docs/dictionaries.md and is embedded by some source file.
#[cfg(test)]
mod word_list_files {
    use super::{lint, parse};
    use std::path::{Path, PathBuf};

    fn repo() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    /// Every `dictionaries/words/<area>/<name>.txt`, as (`<area>/<name>.txt`, contents), sorted.
    fn word_lists() -> Vec<(String, String)> {
        let root = repo().join("dictionaries/words");
        let mut lists = Vec::new();
        for area in std::fs::read_dir(&root).expect("dictionaries/words exists") {
            let area = area.expect("readable entry").path();
            for file in std::fs::read_dir(&area).expect("readable area") {
                let file = file.expect("readable entry").path();
                let name = file.strip_prefix(&root).expect("under root");
                let name = name.to_str().expect("utf-8 name").replace('\\', "/");
                lists.push((name, std::fs::read_to_string(&file).expect("utf-8 list")));
            }
        }
        lists.sort();
        lists
    }

    /// All library source, concatenated.
    fn library_source() -> String {
        fn walk(dir: &Path, out: &mut String) {
            for entry in std::fs::read_dir(dir).expect("readable src") {
                let path = entry.expect("readable entry").path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|x| x == "rs") {
                    out.push_str(&std::fs::read_to_string(&path).expect("utf-8 source"));
                }
            }
        }
        let mut out = String::new();
        walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
        out
    }

    #[test]
    fn every_word_list_is_clean_documented_and_used() {
        let lists = word_lists();
        assert!(lists.len() >= 30, "found only {} word lists", lists.len());
        let docs = std::fs::read_to_string(repo().join("docs/dictionaries.md")).expect("docs");
        let source = library_source();
        let mut problems = Vec::new();
        for (name, text) in &lists {
            for p in lint(text) {
                problems.push(format!("dictionaries/words/{name}: {p}"));
            }
            if !text.starts_with('#') {
                problems.push(format!(
                    "dictionaries/words/{name}: no `#` line saying what it is for"
                ));
            }
            if !docs.contains(&format!("`{name}`")) {
                problems.push(format!("{name}: not documented in docs/dictionaries.md"));
            }
            if !source.contains(&format!("\"{name}\"")) {
                problems.push(format!("{name}: not embedded by any source file"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn positional_lists_keep_their_length() {
        let lists = word_lists();
        let len = |name: &str| {
            let (_, text) = lists.iter().find(|(n, _)| n == name).expect(name);
            parse(text).len()
        };
        assert_eq!(len("text/months.txt"), 12);
        assert_eq!(len("dates/month_abbreviations.txt"), 12);
        assert_eq!(len("text/weekdays.txt"), 7);
    }
}
