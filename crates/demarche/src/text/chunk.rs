//! Phrase chunks (noun, verb and prepositional phrases) and clause boundaries.
//!
//! Chunks are flat runs of tags. Clauses are found from boundary cues: relative pronouns,
//! complementizers ("that"), subordinators followed by a verb, reported speech after a speech
//! verb, coordination before a new verb, participial clauses after a comma, and `;` or `:`.
//! Each clause knows the clause it hangs from, so a clause without its own subject can inherit
//! one ("met Kim *and agreed* to ...").

use super::tag::{Tag, Token};
use super::token::Shape;
use super::wordlist::word_list;
use std::ops::Range;

/// The kind of a phrase chunk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhraseKind {
    /// Noun phrase.
    Noun,
    /// Verb group (auxiliaries, adverbs, verbs, particles).
    Verb,
    /// Preposition followed by its noun phrase.
    Prepositional,
}

/// A phrase chunk: a kind and a token range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    /// Kind.
    pub kind: PhraseKind,
    /// Tokens covered.
    pub tokens: Range<usize>,
}

/// The kind of a clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClauseKind {
    /// The sentence's main clause.
    Main,
    /// The complement of a speech or cognition verb ("said (that) ...").
    Reported,
    /// A relative clause ("..., which ...").
    Relative,
    /// An adverbial clause ("because ...", "before departing ...").
    Subordinate,
    /// A coordinated clause ("... and agreed to ...").
    Coordinate,
    /// A participial clause after a comma ("..., saying ...").
    Participial,
    /// Words inside quotation marks.
    Quotation,
}

impl ClauseKind {
    /// Lower-case name used in explanations.
    pub fn name(self) -> &'static str {
        match self {
            ClauseKind::Main => "main",
            ClauseKind::Reported => "reported",
            ClauseKind::Relative => "relative",
            ClauseKind::Subordinate => "subordinate",
            ClauseKind::Coordinate => "coordinate",
            ClauseKind::Participial => "participial",
            ClauseKind::Quotation => "quotation",
        }
    }
}

/// A clause: a token range, a kind and the clause it depends on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    /// Tokens covered (including the cue word that opens it).
    pub tokens: Range<usize>,
    /// Kind.
    pub kind: ClauseKind,
    /// Index of the clause this one hangs from.
    pub parent: Option<usize>,
}

/// True when `lemma` is a verb whose complement is reported speech or thought.
pub fn is_speech_verb(lemma: &str) -> bool {
    // Short-circuit on length first: most tokens are not speech verbs.
    (3..=10).contains(&lemma.len()) && SPEECH_VERBS.contains(&lemma)
}

word_list! {
    /// Verbs whose complement is reported speech or thought (base forms).
    pub static SPEECH_VERBS = "text/speech_verbs.txt";
}

word_list! {
    /// Verbs (besides speech verbs) whose participle after reported speech is the speaker's act.
    static SPEAKER_PARTICIPLES = "text/speaker_participles.txt";
}

word_list! {
    /// Subordinators that open a subordinate clause only before a gerund, not before a finite verb ("by talking", "despite").
    static GERUND_SUBORDINATORS = "text/gerund_subordinators.txt";
}

word_list! {
    /// Gerund subordinators that open a clause with its own subject ("as police arrested ...").
    static SUBJECT_SUBORDINATORS = "text/subject_subordinators.txt";
}

word_list! {
    /// Words after which "as" compares ("as many as", "such as").
    static COMPARATIVE_WORDS = "text/comparative_words.txt";
}

word_list! {
    /// Subordinating conjunctions: a clause that opens with one (tagged IN) is subordinate ("because", "although").
    static SUBORDINATORS = "text/subordinators.txt";
}

/// Finds noun, verb and prepositional chunks.
pub fn phrases(tokens: &[Token]) -> Vec<Phrase> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i].tag;
        if t == Tag::IN || t == Tag::TO && tokens.get(i + 1).is_some_and(|n| !n.tag.is_verb()) {
            let np_end = noun_phrase_end(tokens, i + 1);
            if np_end > i + 1 {
                out.push(Phrase {
                    kind: PhraseKind::Prepositional,
                    tokens: i..np_end,
                });
                i = np_end;
                continue;
            }
        }
        let np_end = noun_phrase_end(tokens, i);
        if np_end > i {
            out.push(Phrase {
                kind: PhraseKind::Noun,
                tokens: i..np_end,
            });
            i = np_end;
            continue;
        }
        if t.is_verb() || t == Tag::MD {
            let mut j = i;
            while j < tokens.len()
                && (tokens[j].tag.is_verb()
                    || matches!(tokens[j].tag, Tag::MD | Tag::RB | Tag::RP | Tag::TO))
            {
                j += 1;
            }
            out.push(Phrase {
                kind: PhraseKind::Verb,
                tokens: i..j,
            });
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

/// End of a noun phrase starting at `i` (== `i` when none starts there).
pub fn noun_phrase_end(tokens: &[Token], i: usize) -> usize {
    let mut j = i;
    let mut last_head = None;
    while j < tokens.len() {
        let t = &tokens[j];
        let hyphen_joined = last_head == Some(j) && is_punct(t, "-");
        if t.tag.is_prenominal() || t.tag.is_noun() || t.tag == Tag::PRP && j == i || hyphen_joined
        {
            if t.tag.is_noun() || t.tag == Tag::PRP || t.tag == Tag::CD {
                last_head = Some(j + 1);
            }
            j += 1;
        } else if matches!(t.tag, Tag::VBG | Tag::VBN)
            && j > i
            && tokens
                .get(j + 1)
                .is_some_and(|n| n.tag.is_noun() || n.tag == Tag::JJ)
        {
            j += 1; // "the ruling party", "the isolated state"
        } else {
            break;
        }
    }
    last_head.unwrap_or(i)
}

/// Splits a sentence into clauses.
pub fn clauses(tokens: &[Token]) -> Vec<Clause> {
    let mut quotes_seen = Vec::with_capacity(tokens.len() + 1);
    let mut n = 0;
    for t in tokens {
        quotes_seen.push(n);
        n += usize::from(is_quote(t));
    }
    let quotes_before = |i: usize| quotes_seen[i];
    let opens_with_subordinator = tokens.first().is_some_and(|t| {
        SUBORDINATORS.contains(&t.lower.as_str())
            && subordinator_tag(t.tag)
            && t.lower != "despite"
            && has_finite_verb_ahead(tokens, 1)
    });
    let first_kind = if tokens.first().is_some_and(is_quote) {
        ClauseKind::Quotation
    } else if opens_with_subordinator {
        ClauseKind::Subordinate
    } else {
        ClauseKind::Main
    };
    let mut starts: Vec<(usize, ClauseKind)> = vec![(0, first_kind)];
    // A clause that resumes the clause before a parenthetical relative clause ("Iran, which
    // rejected the offer, criticized ...") is marked here and attached to that clause.
    let mut resumes = Vec::new();
    let mut mains = Vec::new();
    for i in 1..tokens.len() {
        let mut kind = boundary_at(tokens, i, &quotes_seen);
        let in_relative = starts.last().is_some_and(|&(s, k)| {
            k == ClauseKind::Relative && s > 0 && is_punct(&tokens[s - 1], ",")
        });
        let verbish = |t: &Token| t.tag.is_finite_verb() || t.tag == Tag::VBN;
        if kind.is_none()
            && in_relative
            && is_punct(&tokens[i - 1], ",")
            && (verbish(&tokens[i])
                || tokens[i].tag == Tag::RB && tokens.get(i + 1).is_some_and(verbish))
        {
            kind = Some(ClauseKind::Coordinate);
            resumes.push(i);
        }
        // "After Israel bombed Lebanon, Hezbollah fired ...": a fronted adverbial clause ends
        // at the comma before the main clause's subject.
        let in_fronted = starts.last().is_some_and(|&(s, k)| {
            k == ClauseKind::Subordinate && (s == 0 || s == 1 && tokens[0].tag == Tag::RB)
        });
        if kind.is_none()
            && in_fronted
            && is_punct(&tokens[i - 1], ",")
            && starts_subject_then_verb(tokens, i)
        {
            kind = Some(ClauseKind::Main);
            mains.push(i);
        }
        if let Some(kind) = kind {
            if starts.last().is_some_and(|&(s, _)| s == i) {
                starts.pop();
            }
            starts.push((i, kind));
        }
    }
    let mut out: Vec<Clause> = Vec::with_capacity(starts.len());
    for (n, &(start, kind)) in starts.iter().enumerate() {
        let end = starts.get(n + 1).map_or(tokens.len(), |&(s, _)| s);
        let after_quote =
            start > 0 && is_quote(&tokens[start - 1]) && quotes_before(start - 1) % 2 == 1;
        let parent =
            if n == 0 || kind == ClauseKind::Quotation || after_quote || mains.contains(&start) {
                None
            } else if resumes.contains(&start) {
                out.last().and_then(|r| r.parent).or(Some(n - 1))
            } else {
                Some(parent_of(&out, kind, &tokens[start]))
            };
        out.push(Clause {
            tokens: start..end,
            kind,
            parent,
        });
    }
    out
}

/// The clause a new clause of `kind`, opening with token `first`, hangs from: the previous
/// one, except for participial clauses (see [`participle_parent`]).
fn parent_of(done: &[Clause], kind: ClauseKind, first: &Token) -> usize {
    let last = done.len() - 1;
    match kind {
        ClauseKind::Participial => participle_parent(done, first),
        _ => last,
    }
}

/// A participial clause after a comma attaches to the nearest main or coordinate clause
/// ("X said ..., *adding* ...", "*demanding* ..."), except that a participle of an act, not of
/// speech or of the speaker's stance (`speaker_participles.txt`), right after
/// reported speech tells what the reported act did ("the army said rebels ambushed a patrol,
/// *killing* four soldiers": the ambush killed them) and hangs from the reported clause.
fn participle_parent(done: &[Clause], first: &Token) -> usize {
    let last = done.len() - 1;
    let speakers =
        is_speech_verb(&first.lemma) || SPEAKER_PARTICIPLES.contains(&first.lemma.as_str());
    if done[last].kind == ClauseKind::Reported && !speakers {
        return last;
    }
    (0..=last)
        .rev()
        .find(|&c| matches!(done[c].kind, ClauseKind::Main | ClauseKind::Coordinate))
        .unwrap_or(0)
}

fn has_finite_verb_ahead(tokens: &[Token], from: usize) -> bool {
    tokens[from..]
        .iter()
        .take_while(|t| !(t.shape == Shape::Punct && matches!(t.text.as_str(), ";" | ":" | ".")))
        .any(|t| t.tag.is_finite_verb())
}

fn is_quote(t: &Token) -> bool {
    is_punct(t, "\"")
}

/// Token `t` is the punctuation `p`: its shape compared first (a byte), its text (a string)
/// only for punctuation. (Punctuation is never part of a word token.)
fn is_punct(t: &Token, p: &str) -> bool {
    t.shape == Shape::Punct && t.text == p
}

fn boundary_at(tokens: &[Token], i: usize, quotes_before: &[usize]) -> Option<ClauseKind> {
    let t = &tokens[i];
    let prev = &tokens[i - 1];
    if is_quote(t) && quotes_before[i].is_multiple_of(2) {
        return Some(ClauseKind::Quotation);
    }
    if is_quote(prev) && quotes_before[i - 1] % 2 == 1 {
        return Some(ClauseKind::Main);
    }
    if prev.shape == Shape::Punct && matches!(prev.text.as_str(), ";" | ":") {
        return Some(ClauseKind::Coordinate);
    }
    match t.tag {
        Tag::WDT | Tag::WP | Tag::WPS if t.lower != "what" => return Some(ClauseKind::Relative),
        Tag::IN if t.lower == "that" => return Some(ClauseKind::Reported),
        _ => {}
    }
    // The tag first: it is a compare, the word list a hash of the word.
    if subordinator_tag(t.tag) && SUBORDINATORS.contains(&t.lower.as_str()) {
        let next = tokens.get(i + 1);
        if next.is_some_and(|n| n.tag == Tag::VBG)
            || has_finite_verb_ahead(tokens, i + 1)
                && !GERUND_SUBORDINATORS.contains(&t.lower.as_str())
            || opens_subject_clause(tokens, i)
        {
            return Some(ClauseKind::Subordinate);
        }
    }
    if t.tag == Tag::VBG && is_punct(prev, ",") {
        return Some(ClauseKind::Participial);
    }
    if t.tag == Tag::CC && matches!(t.lower.as_str(), "and" | "but") {
        let next = tokens.get(i + 1)?;
        if next.tag.is_finite_verb()
            || next.tag == Tag::VB
            || next.tag == Tag::RB && tokens.get(i + 2).is_some_and(|n| n.tag.is_finite_verb())
        {
            return Some(ClauseKind::Coordinate);
        }
        if is_punct(prev, ",") && starts_subject_then_verb(tokens, i + 1) {
            return Some(ClauseKind::Coordinate);
        }
    }
    if reported_without_that(tokens, i) {
        return Some(ClauseKind::Reported);
    }
    if is_punct(prev, ",") && trailing_attribution(tokens, i) {
        return Some(ClauseKind::Coordinate);
    }
    None
}

/// A subordinator's tag: a preposition, or the wh-adverb "when" ("died *when* helicopter
/// gunships fired on their car").
fn subordinator_tag(tag: Tag) -> bool {
    matches!(tag, Tag::IN | Tag::WRB)
}

/// "came as police arrested militants": a subordinator of [`SUBJECT_SUBORDINATORS`] directly
/// followed by a subject and its finite verb, not after a comparative word ("as many as") or an
/// adjective or adverb ("as soon as", "twice as many").
fn opens_subject_clause(tokens: &[Token], i: usize) -> bool {
    let prev = &tokens[i - 1];
    SUBJECT_SUBORDINATORS.contains(&tokens[i].lower.as_str())
        && !COMPARATIVE_WORDS.contains(&prev.lower.as_str())
        && !matches!(prev.tag, Tag::JJ | Tag::JJR | Tag::JJS | Tag::RB | Tag::CD)
        && starts_subject_then_verb(tokens, i + 1)
}

/// ", officials said." / ", said the ministry." / ", KCNA said on Tuesday.": a speech verb and
/// its subject closing the sentence.
fn trailing_attribution(tokens: &[Token], i: usize) -> bool {
    let rest = &tokens[i..];
    let Some(v) = rest
        .iter()
        .position(|t| t.tag.is_verb() && is_speech_verb(&t.lemma))
    else {
        return false;
    };
    if v > 6
        || rest[..v]
            .iter()
            .any(|t| t.tag.is_verb() || is_punct(t, ","))
    {
        return false;
    }
    let tail = &rest[v + 1..];
    tail.len() <= 8
        && !tail.iter().any(|t| t.tag.is_verb() || t.lower == "that")
        && (v > 0 || tail.iter().any(|t| t.tag.is_noun()))
}

/// "said the North was ..." — a speech verb directly followed by a subject and a finite verb.
fn reported_without_that(tokens: &[Token], i: usize) -> bool {
    let prev = &tokens[i - 1];
    let speech_verb = (prev.tag.is_verb() && is_speech_verb(&prev.lemma))
        || (prev.tag == Tag::RB
            && i >= 2
            && tokens[i - 2].tag.is_verb()
            && is_speech_verb(&tokens[i - 2].lemma));
    speech_verb
        && !matches!(tokens[i].tag, Tag::TO | Tag::IN | Tag::Punct)
        && starts_subject_then_verb(tokens, i)
}

/// A noun phrase (or pronoun) starting at `i` followed by a finite verb (after optional adverbs,
/// appositions in commas are not crossed).
pub fn starts_subject_then_verb(tokens: &[Token], i: usize) -> bool {
    let mut j = i;
    // Allow coordinated subjects: "the United States and other nations would".
    loop {
        let end = noun_phrase_end(tokens, j);
        if end == j {
            return false;
        }
        j = end;
        while j < tokens.len() && tokens[j].tag == Tag::IN && tokens[j].lower == "of" {
            let e = noun_phrase_end(tokens, j + 1);
            if e == j + 1 {
                break;
            }
            j = e;
        }
        if tokens.get(j).is_some_and(|t| t.tag == Tag::CC) {
            j += 1;
            continue;
        }
        break;
    }
    while tokens.get(j).is_some_and(|t| t.tag == Tag::RB) {
        j += 1;
    }
    tokens.get(j).is_some_and(|t| t.tag.is_finite_verb())
}
