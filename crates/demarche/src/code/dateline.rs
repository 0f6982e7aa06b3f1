//! Wire datelines at the start of a sentence ("RANGOON, Oct 9 -", "MOSCOW (Reuters) -",
//! "Kabul, Dec 5 -"): the place a story was filed from, never an actor. The place itself is
//! still the document's dateline location (`resolve::locate`).

use crate::text::wordlist::MONTHS;
use crate::text::Token;

/// The most tokens a dateline takes before its dash.
const LONGEST: usize = 12;

/// Tokens that end a dateline.
const DASHES: &[&str] = &["-", "--", "—", "–", ":"];

/// The end (one past the dash) of the dateline opening `tokens`, if they open with one: a
/// place in capitals, or any capitalized place followed by a date or an agency in
/// parentheses, then a dash, with only capitalized words, numbers and punctuation before it.
pub(super) fn end(tokens: &[Token]) -> Option<usize> {
    let dash = tokens
        .iter()
        .take(LONGEST)
        .position(|t| DASHES.contains(&t.text.as_str()))?;
    let head = &tokens[..dash];
    let first = head.first()?;
    if !head.iter().all(dateline_word) || !first.text.starts_with(char::is_uppercase) {
        return None;
    }
    let capitals = first.text.len() >= 3 && first.text.chars().all(|c| c.is_ascii_uppercase());
    let dated = head.iter().any(|t| is_month(&t.text));
    let agency = head.iter().any(|t| t.text == "(");
    (capitals || dated || agency).then_some(dash + 1)
}

/// A word a dateline may hold: a capitalized word, a number, or punctuation.
fn dateline_word(t: &Token) -> bool {
    let text = t.text.as_str();
    text.starts_with(char::is_uppercase)
        || text.chars().all(|c| c.is_ascii_digit())
        || matches!(text, "," | "." | "(" | ")" | "/" | "'s")
}

/// A month's name or its abbreviation ("Oct", "Sept.", "December").
fn is_month(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    w.len() >= 3 && w.starts_with(char::is_alphabetic) && MONTHS.iter().any(|m| m.starts_with(&w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::bundled_tokens;

    #[test]
    fn datelines() {
        let cases = [
            (
                "RANGOON, Oct 9 - A bomb exploded at the mausoleum.",
                Some(5),
            ),
            (
                "MOSCOW (Reuters) - Police arrested ten protesters.",
                Some(5),
            ),
            ("Kabul, Dec. 5 - Gunmen attacked a convoy.", Some(5)),
            (
                "WASHINGTON — The president met the prime minister.",
                Some(2),
            ),
            (
                "Israeli Prime Minister Ariel Sharon - a hawk - said no.",
                None,
            ),
            ("The army - backed by tanks - attacked.", None),
            ("Police said: the men fled.", None),
        ];
        for (text, want) in cases {
            assert_eq!(end(&bundled_tokens(text)), want, "{text}");
        }
    }
}
