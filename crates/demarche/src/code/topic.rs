//! What an appeal, intention, demand, refusal or protest is about when its object names a
//! thing, not an act: "pleaded for food and medical supplies" (0233), "demanded higher wages"
//! (1042), "marched against the pension reform" (1412), "boycotted classes to press for
//! democratic reform" (1434).
//!
//! The thing stands for an act (`dictionaries/grammar/topic-nouns.txt`: food for humanitarian
//! aid 073, wages for a change of policy 0832, ...). A family's generic code (020, 023, 100, 141,
//! ...) takes the sub-code that act has under the family's stance in `complement-codes.txt`,
//! like a governed act; a protest takes the act's reform digit (14x1–14x4).

use super::complement::{governed_code, Stance};
use super::decision::Rule;
use super::emit;
use super::grammar::TOPIC_NOUNS;
use super::sentence::SentenceContext;
use super::speech::HeadedEvent;
use crate::text::{ClauseKind, Tag, Token};
use std::ops::Range;
use std::sync::OnceLock;

/// Most tokens looked at after the end of an event's pattern.
const WINDOW: usize = 16;

/// Words that open a new clause or an adjunct about something else: the topic stops there.
const STOPS: &[&str] = &[
    "after",
    "as",
    "because",
    "while",
    "following",
    "when",
    "since",
    "despite",
    "amid",
    "but",
    "which",
    "who",
    "whom",
    "where",
    "saying",
    "warning",
    "adding",
    "although",
    "though",
    "until",
    "before",
    "if",
    "unless",
    ";",
];

/// Participles that say what a protest or act asks for ("demanding", "calling for").
const ASKING_VERBS: &[&str] = &["demand", "call", "seek", "press", "urge", "ask"];

/// Gives each generic appeal, intention, demand or refusal (`protests` false: before their
/// purposes are folded into protests) or each plain protest still without a purpose (`protests`
/// true: after) the sub-code of the first topic noun after its pattern.
pub(super) fn refine(ctx: &SentenceContext<'_>, events: &mut [HeadedEvent], protests: bool) {
    for e in events.iter_mut() {
        let Some(family) = Family::of(e.event.cameo.as_str()) else {
            continue;
        };
        if matches!(family, Family::Protest(_)) != protests {
            continue;
        }
        let Some(act) = topic_after(ctx, e) else {
            continue;
        };
        if let Some(code) = family.code_for(act) {
            emit::recode(ctx, &mut e.event, &code, Rule::Topic);
        }
    }
}

/// The generic codes a topic refines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    /// A generic 02x, 03x, 10x or 12x code: its stance and the prefix a refined code keeps.
    Governed(Stance, &'static str),
    /// A plain protest (141–145): a reform topic gives its last digit.
    Protest(&'static str),
}

impl Family {
    fn of(code: &str) -> Option<Family> {
        const GOVERNED: &[(&str, Stance, &str)] = &[
            ("020", Stance::Appeal, "02"),
            ("021", Stance::Appeal, "021"),
            ("023", Stance::Appeal, "023"),
            ("024", Stance::Appeal, "024"),
            ("030", Stance::Intent, "03"),
            ("031", Stance::Intent, "031"),
            ("033", Stance::Intent, "033"),
            ("034", Stance::Intent, "034"),
            ("100", Stance::Demand, "10"),
            ("101", Stance::Demand, "101"),
            ("103", Stance::Demand, "103"),
            ("104", Stance::Demand, "104"),
            ("121", Stance::Reject, "121"),
            ("122", Stance::Reject, "122"),
        ];
        const PROTESTS: &[&str] = &["141", "142", "143", "144", "145"];
        if let Some(&(_, stance, prefix)) = GOVERNED.iter().find(|(c, _, _)| *c == code) {
            return Some(Family::Governed(stance, prefix));
        }
        PROTESTS
            .iter()
            .find(|c| **c == code)
            .map(|c| Family::Protest(c))
    }

    /// The refined code for topic act `act`, when it is more specific and of this family.
    fn code_for(self, act: &str) -> Option<String> {
        match self {
            Family::Governed(stance, prefix) => governed_code(act, stance)
                .filter(|c| c.starts_with(prefix) && c.len() > 3)
                .map(str::to_string),
            Family::Protest(code) => {
                let digit = act.strip_prefix("083")?;
                (digit.len() == 1).then(|| format!("{code}{digit}"))
            }
        }
    }
}

/// The act code of the first topic phrase after `e`'s pattern, in its clause and before a new
/// clause or adjunct opens, or in the clause right after that says what is asked for ("demanded
/// that rich nations send more food", "clashed with police, demanding the right to ...").
fn topic_after(ctx: &SentenceContext<'_>, e: &HeadedEvent) -> Option<&'static str> {
    let tokens = ctx.tokens();
    let clause = &ctx.sentence.clauses[e.clause].tokens;
    match scan(tokens, e.pattern.end..clause.end, false) {
        Scan::Found(act) => Some(act),
        Scan::Stopped => None,
        Scan::Ended => match scan(tokens, continuation(ctx, clause.end)?, true) {
            Scan::Found(act) => Some(act),
            _ => None,
        },
    }
}

/// How a scan for a topic ended.
enum Scan {
    Found(&'static str),
    /// At a word that opens something else.
    Stopped,
    /// At the end of the range (or of the window).
    Ended,
}

/// Looks for a topic phrase in `range` (at most `WINDOW` tokens), stopping at a finite verb —
/// past the first one when `one_verb` (the verb of the act asked for) — or a word of `STOPS`.
fn scan(tokens: &[Token], range: Range<usize>, mut one_verb: bool) -> Scan {
    let end = range.end.min(range.start + WINDOW);
    for i in range.start..end {
        let t = &tokens[i];
        let verb = t.tag.is_finite_verb();
        if STOPS.contains(&t.lower.as_str()) || verb && !one_verb {
            return Scan::Stopped;
        }
        one_verb &= !verb;
        if let Some(act) = topic_at(tokens, i, end) {
            return Scan::Found(act);
        }
    }
    Scan::Ended
}

/// The clause starting where a clause ends (or one comma after) that says what is asked for: a
/// reported clause ("demanded *that ...*") or a participle of asking ("*, demanding ...*").
fn continuation(ctx: &SentenceContext<'_>, end: usize) -> Option<Range<usize>> {
    let tokens = ctx.tokens();
    let asks = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| t.tag == Tag::VBG && ASKING_VERBS.contains(&t.lemma.as_str()))
    };
    ctx.sentence
        .clauses
        .iter()
        .find(|c| {
            let start = c.tokens.start;
            let comma = tokens.get(start).is_some_and(|t| t.text == ",");
            (start == end || start == end + 1)
                && match c.kind {
                    ClauseKind::Reported => true,
                    ClauseKind::Participial => asks(start) || comma && asks(start + 1),
                    _ => false,
                }
        })
        .map(|c| c.tokens.clone())
}

/// The act of the longest topic phrase starting at `i` whose last word is a noun.
fn topic_at(tokens: &[Token], i: usize, end: usize) -> Option<&'static str> {
    let index = topics();
    let t = &tokens[i];
    let candidates = index.get(t.lower.as_str()).into_iter().chain(
        (t.lemma != t.lower)
            .then(|| index.get(t.lemma.as_str()))
            .flatten(),
    );
    let words = |t: &Token, w: &str| t.lower == w || t.lemma == w;
    candidates
        .flatten()
        .filter(|topic| {
            let n = topic.words.len();
            i + n <= end
                && topic
                    .words
                    .iter()
                    .zip(&tokens[i..])
                    .all(|(w, t)| words(t, w))
                && matches!(tokens[i + n - 1].tag, Tag::NN | Tag::NNS)
        })
        .max_by_key(|topic| topic.words.len())
        .map(|topic| topic.act)
}

/// A topic phrase, split into words, and the act code it stands for.
#[derive(Debug)]
struct Topic {
    act: &'static str,
    words: Vec<&'static str>,
}

/// Every topic phrase, by its first word.
fn topics() -> &'static rustc_hash::FxHashMap<&'static str, Vec<Topic>> {
    static TOPICS: OnceLock<rustc_hash::FxHashMap<&'static str, Vec<Topic>>> = OnceLock::new();
    TOPICS.get_or_init(|| {
        let mut index: rustc_hash::FxHashMap<&str, Vec<Topic>> = Default::default();
        for line in TOPIC_NOUNS.words() {
            let Some((act, phrases)) = line.split_once(char::is_whitespace) else {
                continue;
            };
            for phrase in phrases.split('|') {
                let words: Vec<&str> = phrase.split_whitespace().collect();
                if let Some(first) = words.first() {
                    index.entry(*first).or_default().push(Topic { act, words });
                }
            }
        }
        index
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_codes_take_the_sub_code_of_their_family() {
        let cases = [
            ("020", "073", Some("0233")),
            ("023", "072", Some("0232")),
            ("023", "0832", None),
            ("100", "0832", Some("1042")),
            ("104", "0833", Some("1043")),
            ("030", "071", Some("0331")),
            ("141", "0834", Some("1414")),
            ("143", "0831", Some("1431")),
            ("141", "073", None),
            ("0233", "073", None),
            ("120", "073", None),
        ];
        for (code, act, want) in cases {
            let got = Family::of(code).and_then(|f| f.code_for(act));
            assert_eq!(got.as_deref(), want, "{code} about {act}");
        }
    }

    #[test]
    fn every_topic_row_names_an_act_with_codes() {
        let all: Vec<&Topic> = topics().values().flatten().collect();
        assert!(all.len() > 50);
        let mut seen = std::collections::HashSet::new();
        for Topic { act, words } in all {
            assert!(seen.insert(words.clone()), "{words:?} listed twice");
            assert!(
                governed_code(act, Stance::Appeal).is_some(),
                "{act} {words:?} has no appeal code"
            );
        }
    }
}
