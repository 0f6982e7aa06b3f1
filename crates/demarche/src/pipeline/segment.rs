//! Very large documents, coded in segments so that memory and time per document stay bounded.
//!
//! A document longer than the segment cap is cut into segments of at most that many bytes, at
//! the last paragraph break in the second half of the window, else the last sentence end
//! (`.`, `!`, `?` before whitespace), else the last whitespace, else the last character
//! boundary. Each segment is coded on its own; its events get their spans and sentence indices
//! shifted back into the whole document, so they read exactly like the events of one document.
//! What does not cross a segment boundary: learned names, pronoun antecedents and the dateline.

use crate::code::CodedDocument;
use crate::model::{Event, Span};
use std::ops::Range;

/// Byte ranges of the segments of `text`, in order, each at most `cap` bytes (`cap` ≥ 1).
pub(crate) fn segments(text: &[u8], cap: usize) -> Vec<Range<usize>> {
    let cap = cap.max(1);
    let mut out = Vec::with_capacity(text.len() / cap + 1);
    let mut start = 0;
    while text.len() - start > cap {
        let cut = cut_point(&text[start..start + cap]);
        out.push(start..start + cut);
        start += cut;
    }
    if start < text.len() || out.is_empty() {
        out.push(start..text.len());
    }
    out
}

/// Where to end a segment inside `window` (1 ..= window.len()).
fn cut_point(window: &[u8]) -> usize {
    let half = window.len() / 2;
    let after = |i: usize| i + 1;
    let tail = &window[half..];
    let paragraph = tail
        .windows(2)
        .rposition(|w| w == b"\n\n")
        .map(|i| half + i + 2);
    let sentence = || {
        tail.windows(2)
            .rposition(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1].is_ascii_whitespace())
            .map(|i| half + i + 2)
    };
    let space = || window.iter().rposition(u8::is_ascii_whitespace).map(after);
    let char_boundary = || {
        window
            .iter()
            .rposition(|&b| !is_continuation(b))
            .filter(|&i| i > 0)
    };
    paragraph
        .or_else(sentence)
        .or_else(space)
        .or_else(char_boundary)
        .unwrap_or(window.len())
}

fn is_continuation(b: u8) -> bool {
    (0x80..0xC0).contains(&b)
}

/// Moves a segment's results to their place in the whole document: `bytes` is where the
/// segment starts, `sentences` how many sentences came before it.
pub(crate) fn shift(coded: &mut CodedDocument, bytes: usize, sentences: usize) {
    for e in &mut coded.events {
        shift_event(e, bytes, sentences);
    }
    for place in &mut coded.places {
        shift_span(&mut place.span, bytes);
    }
    for span in &mut coded.sentence_spans {
        shift_span(span, bytes);
    }
}

fn shift_event(e: &mut Event, bytes: usize, sentences: usize) {
    e.sentence += sentences;
    shift_span(&mut e.sentence_span, bytes);
    for actor in [&mut e.source, &mut e.target].into_iter().flatten() {
        shift_span(&mut actor.span, bytes);
    }
    shift_span(&mut e.evidence.span, bytes);
    if let Some(q) = &mut e.quote {
        shift_span(&mut q.span, bytes);
    }
    if let Some(l) = &mut e.location {
        shift_span(&mut l.span, bytes);
    }
}

fn shift_span(span: &mut Span, by: usize) {
    *span = Span::new(span.start + by, span.end + by);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_cover_the_text_and_respect_the_cap() {
        let accents = "é".repeat(40);
        let texts: &[&[u8]] = &[
            b"",
            b"One. Two.",
            b"Para one is here.\n\nPara two is here.\n\nPara three.",
            b"no punctuation at all just words and more words and words",
            b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            accents.as_bytes(),
        ];
        for text in texts {
            for cap in [1, 2, 7, 16, 1000] {
                let segs = segments(text, cap);
                assert_eq!(segs.first().map(|r| r.start), Some(0));
                assert_eq!(segs.last().map(|r| r.end), Some(text.len()));
                assert!(segs.windows(2).all(|w| w[0].end == w[1].start));
                assert!(segs.iter().all(|r| r.len() <= cap.max(1)), "{cap}");
                if cap >= 2 && std::str::from_utf8(text).is_ok() {
                    assert!(segs
                        .iter()
                        .all(|r| std::str::from_utf8(&text[r.clone()]).is_ok()));
                }
            }
        }
    }

    #[test]
    fn cuts_prefer_paragraphs_then_sentences_then_spaces() {
        let cut = |s: &str| {
            let w = s.as_bytes();
            std::str::from_utf8(&w[..cut_point(w)]).map(str::to_string)
        };
        let para = "Intro words. First para.\n\n";
        assert_eq!(cut(&format!("{para}Next x")).as_deref(), Ok(para));
        let sentence = "Words here and there. ";
        assert_eq!(
            cut(&format!("{sentence}And more y")).as_deref(),
            Ok(sentence)
        );
        assert_eq!(
            cut("words and more words z").as_deref(),
            Ok("words and more words ")
        );
    }
}
