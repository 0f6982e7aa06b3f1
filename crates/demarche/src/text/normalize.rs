//! Decoding and normalization with a map back to the original bytes.
//!
//! Input may be invalid UTF-8: bad sequences become U+FFFD. Typographic characters are folded to
//! ASCII (curly quotes, dashes, ellipsis, non-breaking and other Unicode spaces), zero-width
//! characters and soft hyphens are dropped. Every byte of the normalized text remembers the
//! original byte it came from, so spans found on normalized text map back exactly.

/// Normalized text plus the offset map to the original bytes.
#[derive(Clone, Debug)]
pub struct Normalized {
    text: String,
    /// `map[i]` is the original offset of normalized byte `i`; `map[len]` is the original length.
    /// Empty when the text is byte-identical to the original (the common case).
    map: Vec<usize>,
    original_len: usize,
    invalid_utf8: bool,
    after_cr: bool,
}

impl Normalized {
    /// Decodes and normalizes `raw`.
    pub fn new(raw: &[u8]) -> Normalized {
        if let Ok(s) = std::str::from_utf8(raw) {
            if s.bytes().all(|b| b.is_ascii() && b != 0 && b != b'\r') {
                return Normalized {
                    text: s.to_owned(),
                    map: Vec::new(),
                    original_len: raw.len(),
                    invalid_utf8: false,
                    after_cr: false,
                };
            }
        }
        let mut out = Normalized {
            text: String::with_capacity(raw.len()),
            map: Vec::with_capacity(raw.len() + 1),
            original_len: raw.len(),
            invalid_utf8: false,
            after_cr: false,
        };
        let mut offset = 0;
        for chunk in raw.utf8_chunks() {
            for (i, c) in chunk.valid().char_indices() {
                out.push_char(c, offset + i);
            }
            offset += chunk.valid().len();
            if !chunk.invalid().is_empty() {
                out.invalid_utf8 = true;
                out.push_str("\u{FFFD}", offset);
                offset += chunk.invalid().len();
            }
        }
        out.map.push(raw.len());
        out
    }

    fn push_char(&mut self, c: char, origin: usize) {
        let after_cr = std::mem::replace(&mut self.after_cr, c == '\r');
        match c {
            '\n' if after_cr => {}
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => {
                self.push_str("'", origin)
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
            | '\u{00BB}' => self.push_str("\"", origin),
            '\u{2010}' | '\u{2011}' => self.push_str("-", origin),
            '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => {
                self.push_str("-", origin)
            }
            '\u{2026}' => self.push_str("...", origin),
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            '\u{0000}' => self.push_str(" ", origin),
            '\r' => self.push_str("\n", origin),
            c if c != '\n' && c != '\t' && c.is_whitespace() => self.push_str(" ", origin),
            c => {
                let mut buf = [0u8; 4];
                self.push_str(c.encode_utf8(&mut buf), origin)
            }
        }
    }

    fn push_str(&mut self, s: &str, origin: usize) {
        self.text.push_str(s);
        self.map.extend(std::iter::repeat_n(origin, s.len()));
    }

    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// True when the input held invalid UTF-8 that was replaced.
    pub fn had_invalid_utf8(&self) -> bool {
        self.invalid_utf8
    }

    /// Maps a normalized offset to the original byte offset.
    pub fn original(&self, offset: usize) -> usize {
        if self.map.is_empty() {
            offset.min(self.original_len)
        } else {
            self.map.get(offset).copied().unwrap_or(self.original_len)
        }
    }

    /// Maps a normalized range `[start, end)` to the original range covering the same characters.
    pub fn original_span(&self, start: usize, end: usize) -> crate::model::Span {
        if self.map.is_empty() || end <= start {
            return crate::model::Span::new(self.original(start), self.original(end));
        }
        // The end maps to the first original byte *after* the last normalized character's source.
        let last = self.original(end - 1);
        let mut stop = self.original(end);
        if stop <= last {
            stop = last + 1;
        }
        crate::model::Span::new(self.original(start), stop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let n = Normalized::new(b"Hello world.");
        assert_eq!(n.text(), "Hello world.");
        assert_eq!(n.original_span(6, 11), crate::model::Span::new(6, 11));
    }

    #[test]
    fn typographic_characters_fold_and_map_back() {
        let raw = "\u{201C}We hope\u{201D} \u{2014} Kim\u{2019}s plan\u{2026}".as_bytes();
        let n = Normalized::new(raw);
        assert_eq!(n.text(), "\"We hope\" - Kim's plan...");
        let kim = n.text().find("Kim").unwrap();
        let span = n.original_span(kim, kim + 3);
        assert_eq!(&raw[span.start..span.end], b"Kim");
        let quote = n.original_span(0, 1);
        assert_eq!(&raw[quote.start..quote.end], "\u{201C}".as_bytes());
        let dots = n.text().find("...").unwrap();
        let span = n.original_span(dots, dots + 3);
        assert_eq!(&raw[span.start..span.end], "\u{2026}".as_bytes());
    }

    #[test]
    fn invalid_utf8_is_replaced_and_spans_still_fit() {
        let raw = b"Seoul \xff\xfe said Tokyo";
        let n = Normalized::new(raw);
        assert!(n.had_invalid_utf8());
        let t = n.text().find("Tokyo").unwrap();
        let span = n.original_span(t, t + 5);
        assert_eq!(&raw[span.start..span.end], b"Tokyo");
    }

    #[test]
    fn nbsp_and_crlf() {
        let n = Normalized::new("a\u{00A0}b\r\nc".as_bytes());
        assert_eq!(n.text(), "a b\nc");
    }
}
