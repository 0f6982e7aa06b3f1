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

/// Declares a `static NAME: LazyLock<Vec<&'static str>>` holding the entries of
/// `dictionaries/words/<path>`, embedded in the binary and parsed on first use.
macro_rules! word_list {
    ($(#[$meta:meta])* $vis:vis static $name:ident = $path:literal;) => {
        $(#[$meta])*
        $vis static $name: std::sync::LazyLock<Vec<&'static str>> =
            std::sync::LazyLock::new(|| {
                $crate::text::wordlist::parse(include_str!(concat!(
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
