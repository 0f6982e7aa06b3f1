//! Sentence segmentation over the token stream.
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets that follow) when the
//! next token can start a sentence, at a paragraph break, and after a short line without final
//! punctuation (a headline or dateline). Abbreviations never end a sentence, except an acronym
//! such as "U.S." followed by a word that typically opens a sentence ("... the U.S. The E.U.").

use super::token::{RawToken, Shape};
use super::wordlist::word_list;

word_list! {
    /// Words that, capitalized after an acronym, show that a new sentence began.
    static SENTENCE_OPENERS = "text/sentence_openers.txt";
}

/// Lines shorter than this without final punctuation are taken as headlines or datelines.
const SHORT_LINE_BYTES: usize = 40;

/// The most tokens one sentence may hold. Longer runs without a boundary (lists, tables,
/// text without punctuation) are cut, preferably at `;` or `,`, so that the coder's work per
/// sentence stays bounded whatever the input.
pub const MAX_SENTENCE_TOKENS: usize = 250;

/// Returns the sentences of `text` as ranges of indices into `tokens`.
pub fn split(text: &str, tokens: &[RawToken]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    split_unbounded(text, tokens, |r| push_bounded(text, tokens, r, &mut out));
    out
}

/// Pushes the sentence `r` onto `out`, cut into pieces of at most [`MAX_SENTENCE_TOKENS`].
fn push_bounded(
    text: &str,
    tokens: &[RawToken],
    r: std::ops::Range<usize>,
    out: &mut Vec<std::ops::Range<usize>>,
) {
    let mut start = r.start;
    while r.end - start > MAX_SENTENCE_TOKENS {
        let limit = start + MAX_SENTENCE_TOKENS;
        let cut = (start + MAX_SENTENCE_TOKENS / 2..limit)
            .rev()
            .find(|&i| matches!(word(text, &tokens[i]), ";" | ","))
            .map_or(limit, |i| i + 1);
        out.push(start..cut);
        start = cut;
    }
    out.push(start..r.end);
}

/// Calls `sentence` with each sentence's token range, in order, before any cut.
fn split_unbounded(
    text: &str,
    tokens: &[RawToken],
    mut sentence: impl FnMut(std::ops::Range<usize>),
) {
    let mut start = 0;
    let mut line_start_byte = 0;
    for i in 0..tokens.len() {
        let next = tokens.get(i + 1);
        if let Some(n) = next {
            let ends = if n.newlines_before > 0 {
                ends_line_sentence(text, tokens, start, i, line_start_byte)
            } else {
                ends_sentence(text, tokens, i)
            };
            if ends {
                sentence(start..i + 1);
                start = i + 1;
            }
            if n.newlines_before > 0 {
                line_start_byte = n.start;
            }
        }
    }
    if start < tokens.len() {
        sentence(start..tokens.len());
    }
}

fn word<'t>(text: &'t str, t: &RawToken) -> &'t str {
    &text[t.start..t.end]
}

fn is_terminator(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "?!" | "!?")
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "'" | ")" | "]" | "}")
}

/// Whether token `t` may be a terminator or a closer ([`is_terminator`], [`is_closer`]): its
/// first byte is one of theirs. Most tokens are words, which this tells apart without slicing
/// and comparing their text.
fn may_end(text: &str, t: &RawToken) -> bool {
    matches!(
        text.as_bytes().get(t.start),
        Some(b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']' | b'}')
    )
}

/// Index of the terminator that this (possibly closing-quote) token ends, if any.
fn terminator_before(text: &str, tokens: &[RawToken], mut i: usize) -> Option<usize> {
    loop {
        if !may_end(text, &tokens[i]) {
            return None;
        }
        let w = word(text, &tokens[i]);
        if is_terminator(w) {
            return Some(i);
        }
        if is_closer(w) && !tokens[i].space_before && i > 0 {
            i -= 1;
            continue;
        }
        return None;
    }
}

fn can_open_sentence(text: &str, t: &RawToken) -> bool {
    let w = word(text, t);
    let first = w.chars().next().unwrap_or(' ');
    first.is_uppercase() || first.is_ascii_digit() || matches!(w, "\"" | "'" | "(" | "[" | "-")
}

/// A boundary between token `i` and `i + 1` on the same line.
fn ends_sentence(text: &str, tokens: &[RawToken], i: usize) -> bool {
    let next = &tokens[i + 1];
    // Closing quotes after a terminator belong to this sentence (they stand close to it):
    // wait for the last one.
    if !next.space_before {
        return false;
    }
    if terminator_before(text, tokens, i).is_some() {
        return can_open_sentence(text, next);
    }
    let t = &tokens[i];
    if t.shape == Shape::Abbreviation {
        let w = word(text, t);
        let acronym = w.chars().filter(|c| *c == '.').count() >= 2;
        let opener = word(text, next).to_ascii_lowercase();
        let capitalized = word(text, next).starts_with(char::is_uppercase);
        return acronym && capitalized && SENTENCE_OPENERS.contains(&opener.as_str());
    }
    false
}

/// A boundary at the line break after token `i`.
fn ends_line_sentence(
    text: &str,
    tokens: &[RawToken],
    start: usize,
    i: usize,
    line_start: usize,
) -> bool {
    let next = &tokens[i + 1];
    if next.newlines_before >= 2 {
        return true;
    }
    if terminator_before(text, tokens, i).is_some() {
        return true;
    }
    if tokens[i].shape == Shape::Abbreviation && ends_sentence_after_abbreviation(text, tokens, i) {
        return true;
    }
    let line_len = tokens[i].end.saturating_sub(line_start);
    let sentence_on_this_line = tokens[start].start >= line_start;
    let headline = line_len < SHORT_LINE_BYTES || title_case(text, &tokens[start..=i]);
    sentence_on_this_line && headline && can_open_sentence(text, next)
}

/// Most words capitalized, as in a headline ("Hill Holds Talks With Kim In Beijing").
fn title_case(text: &str, tokens: &[RawToken]) -> bool {
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.shape == Shape::Word)
        .map(|t| word(text, t))
        .collect();
    let capitalized = words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    words.len() >= 2 && capitalized * 10 >= words.len() * 6
}

fn ends_sentence_after_abbreviation(text: &str, tokens: &[RawToken], i: usize) -> bool {
    let opener = word(text, &tokens[i + 1]).to_ascii_lowercase();
    SENTENCE_OPENERS.contains(&opener.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    fn sentences(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        split(text, &tokens)
            .into_iter()
            .map(|r| text[tokens[r.start].start..tokens[r.end - 1].end].to_string())
            .collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sentences(
                "Mr. Hill met Gen. Lee on Jan. 5 in the U.S. capital. He left at 9 a.m. Tuesday."
            ),
            [
                "Mr. Hill met Gen. Lee on Jan. 5 in the U.S. capital.",
                "He left at 9 a.m. Tuesday."
            ]
        );
    }

    #[test]
    fn acronym_at_sentence_end() {
        assert_eq!(
            sentences("Sanctions were imposed by the U.S. The E.U. agreed."),
            ["Sanctions were imposed by the U.S.", "The E.U. agreed."]
        );
    }

    #[test]
    fn quotes_and_decimals() {
        assert_eq!(
            sentences("\"We will respond.\" Growth was 3.5 percent. \"Really?\" he asked."),
            [
                "\"We will respond.\"",
                "Growth was 3.5 percent.",
                "\"Really?\" he asked."
            ]
        );
    }

    #[test]
    fn initials_and_lines() {
        assert_eq!(
            sentences(",\nGeorge W. Bush spoke.\nKIM SAYS NO\n\nSeoul replied"),
            [",", "George W. Bush spoke.", "KIM SAYS NO", "Seoul replied"]
        );
    }

    #[test]
    fn runaway_sentences_are_cut() {
        let text = "Russia met China, and Iran said Japan attacked Korea ".repeat(100);
        let tokens = tokenize(&text);
        let ranges = split(&text, &tokens);
        assert!(ranges.len() > 1);
        assert!(ranges.iter().all(|r| r.len() <= MAX_SENTENCE_TOKENS));
        assert_eq!(ranges.iter().map(|r| r.len()).sum::<usize>(), tokens.len());
        assert!(ranges[..ranges.len() - 1]
            .iter()
            .all(|r| text[tokens[r.end - 1].start..tokens[r.end - 1].end] == *","));
    }

    #[test]
    fn hard_wrapped_lines_join() {
        let long = "The United States and its allies said on Wednesday that they would continue talks with";
        let text = format!("{long}\nNorth Korea next month.");
        assert_eq!(sentences(&text).len(), 1);
    }
}
