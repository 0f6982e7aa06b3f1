//! Evidence similarity: the content words of the words that triggered an event.
//!
//! A report's evidence is its matched words ("expelled two American diplomats") and the
//! dictionary pattern that matched ("expel * diplomat"). Each word is lower-cased and cut to a
//! crude stem (a trailing `ing`, `ed`, `es`, `s` removed while three letters remain), function
//! words and pattern markup are dropped, and two reports are compared by the Jaccard overlap
//! of those stems. Reports with the same full CAMEO code count as fully similar: the
//! dictionary already judged the two actions the same.

/// Words that say nothing about which act it was.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "by", "for", "from", "had", "has", "have",
    "he", "her", "his", "in", "is", "it", "its", "of", "on", "or", "she", "that", "the", "their",
    "they", "this", "to", "two", "was", "were", "will", "with", "would",
];

/// The sorted, de-duplicated stems of `text` and `pattern`.
pub(crate) fn stems(text: &str, pattern: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .chain(pattern.split(|c: char| !c.is_alphanumeric()))
        .filter_map(stem)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The stem of one word, or `None` for an empty, numeric or function word.
fn stem(word: &str) -> Option<String> {
    if word.is_empty() || word.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let lower = word.to_lowercase();
    if FUNCTION_WORDS.contains(&lower.as_str()) {
        return None;
    }
    let mut s = lower.as_str();
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            if rest.chars().count() >= 3 {
                s = rest;
                break;
            }
        }
    }
    Some(s.to_string())
}

/// Jaccard overlap of two sorted stem lists (0 when both are empty).
pub(crate) fn jaccard(a: &[String], b: &[String]) -> f64 {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - common;
    if union == 0 {
        0.0
    } else {
        common as f64 / union as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_drop_markup_function_words_and_suffixes() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "expelled two American diplomats",
                "expel * diplomat",
                &["american", "diplomat", "expel", "expell"],
            ),
            (
                "held talks with",
                "hold * talk with",
                &["held", "hold", "talk"],
            ),
            ("met", "meet", &["meet", "met"]),
            ("", "", &[]),
            ("2024 of the", "+", &[]),
        ];
        for (text, pattern, want) in cases {
            assert_eq!(stems(text, pattern), *want, "{text} / {pattern}");
        }
    }

    #[test]
    fn jaccard_counts_shared_stems() {
        let a = stems("expelled diplomats", "expel * diplomat");
        let b = stems("ordered diplomats to leave", "order * diplomat * leave");
        let j = jaccard(&a, &b);
        assert!(j > 0.1 && j < 0.5, "{j}");
        assert_eq!(jaccard(&a, &a), 1.0);
        assert_eq!(jaccard(&[], &[]), 0.0);
        assert_eq!(jaccard(&a, &stems("cut aid", "cut * aid")), 0.0);
    }
}
