//! Tokenization of normalized text into words, numbers, abbreviations and punctuation.
//!
//! Tokens keep byte offsets into the normalized text. Abbreviations that end in a period keep
//! it ("U.S.", "Mr.", "Jan."), possessive and contracted clitics become tokens of their own
//! ("Korea" "'s", "did" "n't"), decimals and thousands stay whole ("3.5", "1,000").

use super::wordlist::word_list;

/// The coarse shape of a token, decided by the tokenizer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Shape {
    /// Letters (possibly with digits, hyphens or inner apostrophes).
    Word,
    /// A number ("9", "3.5", "1,000", "2006").
    Number,
    /// A word that keeps a final period: an abbreviation, an initial or an acronym ("U.S.").
    Abbreviation,
    /// A clitic split from a word ("'s", "n't", "'ll").
    Clitic,
    /// Punctuation.
    Punct,
}

/// One token of normalized text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RawToken {
    /// Start byte in the normalized text.
    pub start: usize,
    /// End byte in the normalized text.
    pub end: usize,
    /// The shape.
    pub shape: Shape,
    /// Number of line breaks between the previous token and this one.
    pub newlines_before: u32,
    /// True when whitespace precedes the token (or it starts the text).
    pub space_before: bool,
}

word_list! {
    /// Abbreviations that keep their period (lower-case, without the period).
    static ABBREVIATIONS = "text/abbreviations.txt";
}

/// True when `word` (any case, without its period) is a known abbreviation.
pub fn is_abbreviation(word: &str) -> bool {
    // Lower-cased in a stack buffer: the word before every sentence's final period is asked.
    let mut buf = [0u8; 32];
    let Some(lower) = buf.get_mut(..word.len()) else {
        return ABBREVIATIONS.contains(&word.to_ascii_lowercase());
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(|w| ABBREVIATIONS.contains(w))
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<RawToken> {
    Tokenizer {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        out: Vec::with_capacity(expected_tokens(text)),
    }
    .run()
}

/// About as many tokens as news text of this length has (a word and its space take about six
/// bytes), so that the token vector is allocated once instead of doubling its way up.
fn expected_tokens(text: &str) -> usize {
    text.len() / 5 + 4
}

struct Tokenizer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    out: Vec<RawToken>,
}

impl Tokenizer<'_> {
    fn run(mut self) -> Vec<RawToken> {
        let mut newlines = 0u32;
        let mut space = true;
        while let Some(c) = self.peek_char(self.pos) {
            if c.is_whitespace() {
                if c == '\n' {
                    newlines += 1;
                }
                space = true;
                self.pos += c.len_utf8();
                continue;
            }
            let start = self.pos;
            let shape = if c.is_alphanumeric() {
                self.word()
            } else {
                self.punct(c)
            };
            self.out.push(RawToken {
                start,
                end: self.pos,
                shape,
                newlines_before: newlines,
                space_before: space,
            });
            newlines = 0;
            space = false;
            if shape == Shape::Word || shape == Shape::Number {
                self.clitic();
            }
        }
        self.out
    }

    /// The character at byte `at`; `None` at the end or inside a character.
    fn peek_char(&self, at: usize) -> Option<char> {
        match self.bytes.get(at) {
            Some(&b) if b.is_ascii() => Some(char::from(b)),
            Some(_) => self.text.get(at..).and_then(|s| s.chars().next()),
            None => None,
        }
    }

    fn is_alnum_at(&self, at: usize) -> bool {
        self.peek_char(at).is_some_and(char::is_alphanumeric)
    }

    /// Consumes a word or number starting at `self.pos`.
    fn word(&mut self) -> Shape {
        let start = self.pos;
        if let Some(end) = self.acronym_end(start) {
            self.pos = end;
            return Shape::Abbreviation;
        }
        let mut all_digits = true;
        loop {
            self.ascii_alphanumerics(&mut all_digits);
            let Some(c) = self.peek_char(self.pos) else {
                break;
            };
            if c.is_alphanumeric() {
                all_digits &= c.is_ascii_digit();
                self.pos += c.len_utf8();
            } else if (c == '-' || c == '&') && self.is_alnum_at(self.pos + 1) && self.pos > start {
                all_digits = false;
                self.pos += 1;
            } else if (c == '.' || c == ',' || c == ':')
                && all_digits
                && self
                    .peek_char(self.pos + 1)
                    .is_some_and(|d| d.is_ascii_digit())
                || c == '\'' && self.inner_apostrophe()
            {
                self.pos += 1;
            } else {
                break;
            }
        }
        let word = &self.text[start..self.pos];
        if all_digits {
            return Shape::Number;
        }
        if self.bytes.get(self.pos) == Some(&b'.') && !self.is_alnum_at(self.pos + 1) {
            let single_capital = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            if single_capital || is_abbreviation(word) {
                self.pos += 1;
                return Shape::Abbreviation;
            }
        }
        Shape::Word
    }

    /// Consumes the ASCII letters and digits at `self.pos` (most of a word's characters), a
    /// byte at a time; `all_digits` stays true only if they are all digits.
    #[inline]
    fn ascii_alphanumerics(&mut self, all_digits: &mut bool) {
        let rest = self.bytes.get(self.pos..).unwrap_or_default();
        let n = (rest.iter())
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        *all_digits &= rest[..n].iter().all(u8::is_ascii_digit);
        self.pos += n;
    }

    /// "U.S.", "D.P.R.K.", "a.m.": single letters each followed by a period, at least two.
    fn acronym_end(&self, start: usize) -> Option<usize> {
        let mut at = start;
        let mut letters = 0;
        loop {
            let c = self.peek_char(at)?;
            if !c.is_alphabetic() || self.bytes.get(at + c.len_utf8()) != Some(&b'.') {
                break;
            }
            at += c.len_utf8() + 1;
            letters += 1;
            if !self.peek_char(at).is_some_and(char::is_alphabetic) {
                break;
            }
        }
        (letters >= 2 && !self.is_alnum_at(at)).then_some(at)
    }

    /// An apostrophe inside a name ("O'Brien", "Xi'an"), not a clitic.
    fn inner_apostrophe(&self) -> bool {
        let next = self.peek_char(self.pos + 1);
        let after_o = self.text[..self.pos].ends_with(['O', 'o']) && self.pos >= 1;
        match next {
            Some(n) if n.is_uppercase() => true,
            Some(n) if n.is_alphabetic() && after_o && self.pos >= 1 => {
                let before = self.text[..self.pos - 1].chars().last();
                before.is_none_or(|b| !b.is_alphanumeric())
            }
            _ => false,
        }
    }

    /// Splits a clitic that follows a word: 's, ', n't, 'll, 're, 've, 'd, 'm.
    fn clitic(&mut self) {
        let rest = &self.text[self.pos..];
        // Every clitic starts with an apostrophe.
        if !rest.starts_with('\'') {
            return;
        }
        let last_word_end = self.pos;
        // "n't" is part of the previous word's letters: split it back off.
        let prev = &self.text[self.out.last().map_or(0, |t| t.start)..last_word_end];
        if rest.starts_with('\'')
            && prev.len() > 1
            && prev.ends_with(['n', 'N'])
            && rest[1..].starts_with(['t', 'T'])
            && !rest[2..].starts_with(char::is_alphanumeric)
        {
            if let Some(last) = self.out.last_mut() {
                last.end -= 1;
                let start = last.end;
                self.pos += 2;
                self.out.push(RawToken {
                    start,
                    end: self.pos,
                    shape: Shape::Clitic,
                    newlines_before: 0,
                    space_before: false,
                });
            }
            return;
        }
        for clitic in ["'s", "'ll", "'re", "'ve", "'d", "'m", "'S"] {
            if rest.starts_with(clitic) && !rest[clitic.len()..].starts_with(char::is_alphanumeric)
            {
                let start = self.pos;
                self.pos += clitic.len();
                self.out.push(RawToken {
                    start,
                    end: self.pos,
                    shape: Shape::Clitic,
                    newlines_before: 0,
                    space_before: false,
                });
                return;
            }
        }
        if rest.starts_with('\'')
            && prev.ends_with(['s', 'S'])
            && !rest[1..].starts_with(char::is_alphanumeric)
        {
            let start = self.pos;
            self.pos += 1;
            self.out.push(RawToken {
                start,
                end: self.pos,
                shape: Shape::Clitic,
                newlines_before: 0,
                space_before: false,
            });
        }
    }

    fn punct(&mut self, c: char) -> Shape {
        let rest = &self.text[self.pos..];
        let len = if rest.starts_with("...") {
            rest.bytes().take_while(|&b| b == b'.').count()
        } else if rest.starts_with("--") {
            rest.bytes().take_while(|&b| b == b'-').count()
        } else {
            c.len_utf8()
        };
        self.pos += len;
        Shape::Punct
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn abbreviations_and_clitics() {
        assert_eq!(
            words("The U.S. envoy, Mr. Hill, didn't meet Pyongyang's Kim."),
            [
                "The",
                "U.S.",
                "envoy",
                ",",
                "Mr.",
                "Hill",
                ",",
                "did",
                "n't",
                "meet",
                "Pyongyang",
                "'s",
                "Kim",
                "."
            ]
        );
    }

    #[test]
    fn numbers_hyphens_initials() {
        assert_eq!(
            words("George W. Bush paid $1,000.50 for six-party talks on Jan. 5, 3.5 times."),
            [
                "George",
                "W.",
                "Bush",
                "paid",
                "$",
                "1,000.50",
                "for",
                "six-party",
                "talks",
                "on",
                "Jan.",
                "5",
                ",",
                "3.5",
                "times",
                "."
            ]
        );
    }

    #[test]
    fn names_with_apostrophes_and_plural_possessive() {
        assert_eq!(
            words("O'Brien met the allies' envoys..."),
            ["O'Brien", "met", "the", "allies", "'", "envoys", "..."]
        );
    }

    #[test]
    fn sentence_final_acronym_keeps_period_in_token() {
        assert_eq!(
            words("sanctions by the U.S. The E.U. agreed"),
            ["sanctions", "by", "the", "U.S.", "The", "E.U.", "agreed"]
        );
    }

    #[test]
    fn words_with_letters_beyond_ascii() {
        let cases = [
            (
                "Zürich-based Nestlé's café",
                vec!["Zürich-based", "Nestlé", "'s", "café"],
            ),
            ("São Paulo, 2006", vec!["São", "Paulo", ",", "2006"]),
            ("Ḥamās Ö. ak47 ١٢٣", vec!["Ḥamās", "Ö.", "ak47", "١٢٣"]),
        ];
        for (text, want) in cases {
            assert_eq!(words(text), want, "{text}");
        }
        let shapes: Vec<Shape> = tokenize("1.5 x2 ١٢").iter().map(|t| t.shape).collect();
        assert_eq!(shapes, [Shape::Number, Shape::Word, Shape::Word]);
    }

    #[test]
    fn abbreviations_in_any_case_and_length() {
        let cases = [
            ("Mr", true),
            ("MR", true),
            ("mr", true),
            ("Hill", false),
            ("", false),
            (&"x".repeat(40), false),
        ];
        for (word, want) in cases {
            assert_eq!(is_abbreviation(word), want, "{word}");
        }
    }

    #[test]
    fn newlines_are_counted() {
        let t = tokenize("a\n\nb\nc");
        assert_eq!(
            t.iter().map(|t| t.newlines_before).collect::<Vec<_>>(),
            [0, 2, 1]
        );
    }
}
