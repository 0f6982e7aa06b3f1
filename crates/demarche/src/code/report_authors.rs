//! The authors of reports, remembered across a document: a report named once with its author
//! ("A UN report released on Monday accused Israel ...", "Amnesty's annual report", "a study by
//! the institute", "his report for APRA", "the commission released a review") makes that author
//! the actor a later "the report" stands for when it heads a clause ("The report says troops
//! fired on protesters", "The study also found ..."). Report nouns are `report-nouns.txt`; a
//! report named without an author leaves the memory as it was.

use super::grammar::REPORT_NOUNS;
use super::mentions::Mention;
use super::salience::Remembered;
use crate::text::{Tag, Token};

/// Verbs by which an actor puts out a report ("released a report").
const RELEASING_VERBS: [&str; 8] = [
    "release",
    "publish",
    "issue",
    "present",
    "table",
    "produce",
    "commission",
    "prepare",
];

/// Whether the mention `m` authors a report named with it: the report noun after it, past a
/// possessive and up to three modifiers ("the UN's annual human rights report"), after a
/// releasing verb and its determiner ("released a new report"), or before a `by`/`from` phrase
/// that holds it ("a report (released) by Amnesty").
pub(super) fn authors_report(tokens: &[Token], m: &Mention) -> bool {
    report_after(tokens, m.end) || report_before(tokens, m)
}

/// A report noun at `i` or after a releasing verb at `i`, past modifiers.
fn report_after(tokens: &[Token], mut i: usize) -> bool {
    if tokens.get(i).is_some_and(|t| t.tag == Tag::POS) {
        i += 1;
    }
    let released = tokens
        .get(i)
        .is_some_and(|t| t.tag.is_verb() && RELEASING_VERBS.contains(&t.lemma.as_str()));
    if released {
        i += 1;
        if !tokens.get(i).is_some_and(|t| t.tag == Tag::DT) {
            return false;
        }
        i += 1;
    }
    (i..(i + 4).min(tokens.len()))
        .take_while(|&k| tokens[k].tag.is_noun() || tokens[k].tag == Tag::JJ)
        .any(|k| is_report(&tokens[k]) && !tokens.get(k + 1).is_some_and(|n| n.tag.is_noun()))
}

/// "a report by Amnesty", "a study released by the institute", "the report from the UN".
fn report_before(tokens: &[Token], m: &Mention) -> bool {
    if !matches!(m.preposition.as_deref(), Some("by" | "from")) || m.start < 2 {
        return false;
    }
    let mut k = m.start - 1;
    while k > 0 && tokens[k].tag == Tag::DT {
        k -= 1;
    }
    if tokens[k].lower != "by" && tokens[k].lower != "from" {
        return false;
    }
    let Some(mut j) = k.checked_sub(1) else {
        return false;
    };
    if tokens[j].tag == Tag::VBN && j > 0 {
        j -= 1;
    }
    is_report(&tokens[j])
}

/// A report noun.
fn is_report(t: &Token) -> bool {
    t.tag.is_noun() && REPORT_NOUNS.contains(&t.lemma)
}

/// "The report says", "the study also found": "the" at `i`, a report noun (past one modifier)
/// heading a clause — a verb follows, past adverbs and modals — stands for the report's
/// `author`.
pub(super) fn report_mention(tokens: &[Token], i: usize, author: &Remembered) -> Option<Mention> {
    let mut noun = i + 1;
    if tokens.get(noun).is_some_and(|t| t.tag == Tag::JJ) {
        noun += 1;
    }
    if !tokens.get(noun).is_some_and(is_report) {
        return None;
    }
    let verb = tokens[noun + 1..]
        .iter()
        .find(|t| !matches!(t.tag, Tag::MD | Tag::RB))
        .is_some_and(|t| t.tag.is_verb());
    let (code, entry, text) = author.clone();
    verb.then(|| Mention::coreference(i, noun + 1, code, entry, text))
}
