//! Quotations over several sentences. News quotes run on: `He said: "Qantas have been
//! belligerent.` is followed by `"Qantas are the company that cut wages."` (a new quoted
//! paragraph opens with a mark, the last one never closed), and `"We want a deal. We will talk
//! to anyone," he said.` names its speaker only at the end of its last sentence. Where each
//! sentence stands in the document's quotations is read from the quotation marks of the
//! sentences before it; a quoted sentence with no speaker of its own keeps the speaker named
//! where its quotation closes, else the one of the quotation just before it.

use super::mentions::Mention;
use super::quotes;
use crate::text::{Analysis, ClauseKind, Sentence, Token};
use std::ops::Range;

/// How many sentences an open quotation runs without a mark before it is taken as closed (a
/// stray mark must not quote the rest of the document).
const MAX_RUN: usize = 4;

/// Where a sentence stands in the document's quotations.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct QuotePlace {
    /// It starts inside a quotation opened in an earlier sentence (no mark of its own opens it).
    pub(super) continues: bool,
    /// The mark that closes that quotation in this sentence.
    pub(super) closes: Option<usize>,
    /// It opens with a quotation mark.
    pub(super) opens: bool,
    /// A quotation is still open at its end.
    pub(super) left_open: bool,
}

/// The document's quotation places and the speaker of its latest attributed quotation.
#[derive(Debug, Default)]
pub(super) struct QuoteRuns {
    places: Vec<QuotePlace>,
    /// The latest sentence with an attributed quotation, and that quotation's speaker.
    last: Option<(usize, Mention)>,
}

impl QuoteRuns {
    /// The quotation places of the document's sentences.
    pub(super) fn new(analysis: &Analysis) -> QuoteRuns {
        QuoteRuns {
            places: places(analysis),
            last: None,
        }
    }

    /// Where sentence `i` stands.
    pub(super) fn place(&self, i: usize) -> QuotePlace {
        self.places.get(i).copied().unwrap_or_default()
    }

    /// The later sentence where the quotation left open by sentence `i` closes, if each
    /// sentence up to it continues that quotation.
    pub(super) fn closing_sentence(&self, i: usize) -> Option<usize> {
        if !self.place(i).left_open {
            return None;
        }
        for j in i + 1..=(i + MAX_RUN).min(self.places.len().saturating_sub(1)) {
            let p = self.places[j];
            if !p.continues {
                return None;
            }
            if p.closes.is_some() {
                return Some(j);
            }
        }
        None
    }

    /// The speaker of the quotation of the sentence just before sentence `i`.
    pub(super) fn previous_speaker(&self, i: usize) -> Option<&Mention> {
        let (at, speaker) = self.last.as_ref()?;
        (at + 1 == i).then_some(speaker)
    }

    /// Remembers that sentence `i` quotes `speaker` (none: no quotation of it is attributed).
    pub(super) fn remember(&mut self, i: usize, speaker: Option<Mention>) {
        self.last = speaker.map(|s| (i, s));
    }
}

/// The quotation places of the document's sentences, in order.
fn places(analysis: &Analysis) -> Vec<QuotePlace> {
    let text = analysis.text();
    let mut open = false;
    let mut run = 0;
    let mut prev_end = 0;
    let mut out = Vec::with_capacity(analysis.sentences.len());
    for s in &analysis.sentences {
        let marks: Vec<usize> = (s.tokens.iter().enumerate())
            .filter(|(_, t)| is_mark(t))
            .map(|(i, _)| i)
            .collect();
        let opens = marks.first() == Some(&0);
        // A new paragraph that opens with no mark ends the quotation.
        let paragraph = text
            .get(prev_end..s.start)
            .is_some_and(|gap| gap.contains('\n'));
        prev_end = s.end;
        run = if marks.is_empty() { run + 1 } else { 0 };
        let continues = open && !opens && !paragraph && run <= MAX_RUN;
        let left_open = (marks.len() % 2 == 1) != continues;
        out.push(QuotePlace {
            continues,
            closes: marks.first().copied().filter(|_| continues),
            opens,
            left_open,
        });
        open = left_open;
    }
    out
}

/// A quotation mark.
pub(super) fn is_mark(t: &Token) -> bool {
    matches!(
        t.text.as_str(),
        "\"" | "\u{201c}" | "\u{201d}" | "''" | "``"
    )
}

/// The words of the quotation sentence `sentence` opens with or continues from an earlier one:
/// up to the mark that closes it, else to the sentence's end.
pub(super) fn lead_quote(sentence: &Sentence, place: QuotePlace) -> Option<Range<usize>> {
    let tokens = &sentence.tokens;
    let words = if place.continues {
        quotes::quoted_words(tokens, 0..place.closes.unwrap_or(tokens.len()))
    } else if place.opens && sentence.clauses.first()?.kind == ClauseKind::Quotation {
        let extent = quotes::quotation_extent(sentence, 0);
        quotes::quoted_words(tokens, 1..extent.end)
    } else {
        return None;
    };
    (!words.is_empty()).then_some(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places_of(text: &str) -> Vec<QuotePlace> {
        let lexicon = &crate::dict::Dictionaries::bundled().lexicon;
        let analysis = crate::text::analyze(text.as_bytes(), lexicon);
        places(&analysis)
    }

    fn place(continues: bool, closes: Option<usize>, opens: bool, left_open: bool) -> QuotePlace {
        QuotePlace {
            continues,
            closes,
            opens,
            left_open,
        }
    }

    #[test]
    fn quotations_run_over_sentences() {
        let cases: [(&str, Vec<QuotePlace>); 4] = [
            (
                "He said: \"We want peace. We are ready. Anyone can come,\" he added.",
                vec![
                    place(false, None, false, true),
                    place(true, None, false, true),
                    place(true, Some(4), false, false),
                ],
            ),
            (
                "He said: \"Qantas is wrong. \"Qantas cut wages.\" Talks went on.",
                vec![
                    place(false, None, false, true),
                    place(false, None, true, false),
                    place(false, None, false, false),
                ],
            ),
            (
                "\"We are ready,\" he said. Talks went on.",
                vec![
                    place(false, None, true, false),
                    place(false, None, false, false),
                ],
            ),
            (
                "He said: \"We want peace.\n\nTalks went on.",
                vec![
                    place(false, None, false, true),
                    place(false, None, false, false),
                ],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(places_of(text), want, "{text}");
        }
    }
}
