//! Armed forces named by their hardware. A military vehicle or platform heading the subject of
//! an act of force (18x–20x) stands for the armed force that uses it: "US aircraft have been
//! bombarding" is the US military's act (`USAMIL`), "F-16s blasted targets" that of the last
//! armed force the document named, else of the context country's military. A weapon or fire noun after a country ("Israeli missiles hit",
//! "Indian shelling killed", "US air strikes on ...") makes the country's military the source
//! too, but without a country it names no user. An explosive device heading the subject with
//! no country before it ("a car bomb exploded", "a roadside bomb killed") is an attack by
//! someone the text does not name: the unknown attacker `---`. The nouns are
//! `dictionaries/grammar/hardware-nouns.txt`, `instrument-nouns.txt`, `explosive-nouns.txt`
//! and `explosive-compound-heads.txt`.

use super::decision::SourceRule;
use super::grammar::{
    DESIGNATED_HARDWARE_NOUNS, EXPLOSIVE_COMPOUND_HEADS, EXPLOSIVE_NOUNS, HARDWARE_NOUNS,
    INSTRUMENT_NOUNS,
};
use super::label::code_with;
use super::mentions::{is_model_designation, CountryFrom, Mention, MentionKind};
use super::patterns::VerbMatch;
use super::sentence::SentenceContext;
use crate::text::inflect::noun_singular;
use crate::text::{ClauseKind, Tag, Token};

/// The entry an armed force found by its hardware carries.
const ENTRY: &str = "grammar/hardware-nouns.txt";

/// The entry the unknown attacker behind an explosive device carries.
const EXPLOSIVE_ENTRY: &str = "grammar/explosive-nouns.txt";

/// The code of an attacker the text does not name.
const UNKNOWN: &str = "---";

/// What a noun heading an act's subject names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A vehicle or platform: its country's, else the context country's, military.
    Hardware,
    /// A weapon or fire: its country's military, when a country is named.
    Instrument,
    /// An explosive device: its country's military, else an attacker the text does not name.
    Explosive,
}

/// The armed force behind act `m` when its subject (or, for an event noun, the noun itself)
/// is headed by military hardware: replaces `sources` when they are empty or are only the
/// country named before the hardware ("US aircraft" → `USAMIL`); for an explosive device with
/// no country, the unknown attacker (`unknown-attacker`). With the rule that found it.
pub(super) fn armed_force(
    ctx: &SentenceContext<'_>,
    m: &VerbMatch<'_>,
    clause_idx: usize,
    passive: bool,
    sources: &[&Mention],
) -> Option<(Mention, SourceRule)> {
    if passive || !forceful(&m.pattern.code) {
        return None;
    }
    let tokens = ctx.tokens();
    let clause_start = ctx.sentence.clauses[clause_idx].tokens.start;
    let (head, scope_start) = if m.pattern.noun {
        (noun_head(tokens, m.head), clause_start)
    } else {
        subject_head(tokens, clause_start, m.head)
            .map(|h| (h, clause_start))
            .or_else(|| parent_explosive(ctx, clause_idx))
            .or_else(|| inherited_head(tokens, sources))?
    };
    let kind = kind_at(tokens, head)?;
    let np_start = phrase_start(tokens, scope_start, head);
    let country = ctx
        .mentions
        .iter()
        .find(|x| x.end > np_start && x.end <= head && is_country(&x.code));
    let force = match (country, sources) {
        // The device heads the subject: whatever actor the clause seemed to have is not it
        // ("two people were hurt when a grenade exploded").
        (None, _) if kind == Kind::Explosive && !m.pattern.noun => {
            // A relative clause on the device ("planted a bomb which killed") and a device an
            // actor owns ("a Hamas car bomb") leave the act to the actor the clause has.
            if opens_relative(tokens, clause_start) || owned(ctx, np_start, head) {
                return None;
            }
            return Some((unknown_attacker(m.head), SourceRule::UnknownAttacker));
        }
        (Some(c), []) => upgraded(c, head),
        (Some(c), [only]) if only.start == c.start => upgraded(c, head),
        (None, []) if kind == Kind::Hardware => context_force(ctx, np_start, head)?,
        _ => return None,
    };
    Some((force, SourceRule::Hardware))
}

/// Whether the clause starting at `clause_start` opens with a relative pronoun ("which killed").
fn opens_relative(tokens: &[Token], clause_start: usize) -> bool {
    tokens
        .get(clause_start)
        .is_some_and(|t| matches!(t.tag, Tag::WP | Tag::WDT))
}

/// Whether an actor is named inside the noun phrase `np_start..head` ("a *Hamas* car bomb").
fn owned(ctx: &SentenceContext<'_>, np_start: usize, head: usize) -> bool {
    ctx.mentions
        .iter()
        .any(|x| x.start >= np_start && x.end <= head)
}

/// Whether `source` is the unknown attacker behind an explosive device ("a bomb exploded").
pub(super) fn is_explosive_attacker(source: &Mention) -> bool {
    &*source.entry == EXPLOSIVE_ENTRY
}

/// The attacker the text does not name behind an explosive device, pointing at the act it is
/// implied by (the verb at `act`, as an agentless attack's points at its attack noun): the
/// device itself is a thing, no actor.
fn unknown_attacker(act: usize) -> Mention {
    Mention::implied(act, UNKNOWN, EXPLOSIVE_ENTRY)
}

/// Assault, fighting and mass violence (18x, 19x, 20x).
fn forceful(code: &str) -> bool {
    matches!(code.get(..2), Some("18" | "19" | "20"))
}

/// What the noun at `head` names: hardware or a weapon by itself, or an aircraft named by the
/// model designation before it ("B-52 *bombers*", "MiG-29 *fighters*").
fn kind_at(tokens: &[Token], head: usize) -> Option<Kind> {
    let t = tokens.get(head)?;
    let designated = head
        .checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|d| is_model_designation(&d.text));
    if designated
        && t.tag.is_noun()
        && DESIGNATED_HARDWARE_NOUNS.contains(noun_singular(&t.lower).as_ref())
    {
        return Some(Kind::Hardware);
    }
    // "an explosive device", "a bomb blast": a compound head after an explosive word.
    let compound = head
        .checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|d| {
            EXPLOSIVE_NOUNS.contains(noun_singular(&d.lower).as_ref())
                && EXPLOSIVE_COMPOUND_HEADS.contains(noun_singular(&t.lower).as_ref())
        });
    if compound && t.tag.is_noun() {
        return Some(Kind::Explosive);
    }
    kind_of(t)
}

/// What the noun `t` names, if it is hardware or a weapon.
fn kind_of(t: &Token) -> Option<Kind> {
    if !t.tag.is_noun() {
        return None;
    }
    let singular = noun_singular(&t.lower);
    if HARDWARE_NOUNS.contains(singular.as_ref()) || HARDWARE_NOUNS.contains(&t.lower) {
        Some(Kind::Hardware)
    } else if EXPLOSIVE_NOUNS.contains(singular.as_ref()) {
        Some(Kind::Explosive)
    } else if INSTRUMENT_NOUNS.contains(singular.as_ref()) {
        Some(Kind::Instrument)
    } else {
        None
    }
}

/// The last noun of the compound an event noun starts ("*air* strikes on" → "strikes").
fn noun_head(tokens: &[Token], start: usize) -> usize {
    let mut h = start;
    while tokens.get(h + 1).is_some_and(|t| t.tag.is_noun()) {
        h += 1;
    }
    h
}

/// The head noun of the subject of the verb at `verb`: the noun right before its verb group
/// ("US aircraft *have been* bombarding"), or, for a relative pronoun opening the clause, the
/// noun it follows ("B-52 *bombers* who targeted", "the *rampage*, which killed").
pub(super) fn subject_head(tokens: &[Token], clause_start: usize, verb: usize) -> Option<usize> {
    let mut j = verb;
    while j > clause_start && (tokens[j - 1].tag.is_verb() || tokens[j - 1].tag == Tag::RB) {
        j -= 1;
    }
    let h = j.checked_sub(1).filter(|&h| h >= clause_start)?;
    let relative = matches!(tokens[h].tag, Tag::WP | Tag::WDT) && h == clause_start;
    let comma = relative && h >= 2 && tokens[h - 1].tag == Tag::Punct && tokens[h - 1].text == ",";
    let h = match (relative, comma) {
        (true, true) => h - 2,
        (true, false) => h.checked_sub(1)?,
        _ => h,
    };
    tokens[h].tag.is_noun().then_some(h)
}

/// For a participle after a comma ("a bomb exploded in the market, *killing* ten"): the head
/// of its parent clause's subject when that is an explosive device, with the parent's start —
/// the bombing's attacker, not some actor of the parent clause.
fn parent_explosive(ctx: &SentenceContext<'_>, clause_idx: usize) -> Option<(usize, usize)> {
    let clause = &ctx.sentence.clauses[clause_idx];
    if clause.kind != ClauseKind::Participial {
        return None;
    }
    let parent = ctx.sentence.clauses.get(clause.parent?)?.tokens.clone();
    let tokens = ctx.tokens();
    let verb = parent.clone().find(|&k| tokens[k].tag.is_finite_verb())?;
    let head = subject_head(tokens, parent.start, verb)?;
    (kind_at(tokens, head) == Some(Kind::Explosive)).then_some((head, parent.start))
}

/// For an act whose clause has no subject of its own ("Israeli jets bombed ..., *killing*"),
/// the noun its one inherited source, a bare country word, heads: the last noun of the
/// compound right after the country ("Israeli *jets*"), with the country's first token.
fn inherited_head(tokens: &[Token], sources: &[&Mention]) -> Option<(usize, usize)> {
    let [only] = sources else { return None };
    if !is_country(&only.code) || !tokens.get(only.end)?.tag.is_noun() {
        return None;
    }
    Some((noun_head(tokens, only.end), only.start))
}

/// The first token of the noun phrase headed by `head`, its conjoined nouns included
/// ("Apache helicopters and F-16 fighter-bombers").
fn phrase_start(tokens: &[Token], clause_start: usize, head: usize) -> usize {
    let mut j = head;
    while j > clause_start {
        let t = &tokens[j - 1];
        let joins = t.tag == Tag::CC && j >= 2 && tokens[j - 2].tag.is_noun();
        if !(t.tag.is_prenominal() || t.tag.is_noun() || t.tag == Tag::POS || joins) {
            break;
        }
        j -= 1;
    }
    j
}

/// A bare country code ("USA", "ISR"): three capitals, no agent.
fn is_country(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// The country mention `c` extended over the hardware it names, as that country's military.
fn upgraded(c: &Mention, head: usize) -> Mention {
    Mention {
        start: c.start,
        end: head + 1,
        code: code_with(&c.code, "MIL"),
        entry: format!("{}+{ENTRY}", c.entry).into(),
        agent: None,
        ..c.clone()
    }
}

/// For hardware named without a country ("F-16s blasted"): the last armed force the document
/// named, else the context country's military.
fn context_force(ctx: &SentenceContext<'_>, np_start: usize, head: usize) -> Option<Mention> {
    let (country, from) = match &ctx.force_country {
        Some(c) => (c, CountryFrom::Context),
        None => ctx.context_country.as_ref().map(|(c, f)| (c, *f))?,
    };
    Some(Mention {
        start: np_start,
        end: head + 1,
        code: code_with(country, "MIL"),
        entry: ENTRY.into(),
        person: false,
        kind: MentionKind::RoleNoun,
        preposition: None,
        antecedent: Some(country.as_str().into()),
        agent: None,
        country_from: Some(from),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::code::bundled_tokens as tokens;

    #[test]
    fn the_subject_head_and_what_it_names() {
        // (sentence, the act's verb, the subject's head, what it names)
        let cases = [
            (
                "US aircraft have been bombarding the town.",
                "bombarding",
                Some(("aircraft", Some(Kind::Hardware))),
            ),
            (
                "Apache helicopters and F-16 fighter-bombers blasted targets.",
                "blasted",
                Some(("fighter-bombers", Some(Kind::Hardware))),
            ),
            (
                "Israeli fire killed two gunmen.",
                "killed",
                Some(("fire", Some(Kind::Instrument))),
            ),
            (
                "Rebels attacked the town.",
                "attacked",
                Some(("Rebels", None)),
            ),
            ("They attacked the town.", "attacked", None),
            (
                "B-52 bombers pounded the caves.",
                "pounded",
                Some(("bombers", Some(Kind::Hardware))),
            ),
            (
                "Suicide bombers attacked the town.",
                "attacked",
                Some(("bombers", None)),
            ),
            (
                "A car bomb exploded outside the embassy.",
                "exploded",
                Some(("bomb", Some(Kind::Explosive))),
            ),
            (
                "An explosive device went off in the market.",
                "went",
                Some(("device", Some(Kind::Explosive))),
            ),
            ("The device went off.", "went", Some(("device", None))),
        ];
        for (text, verb, expected) in cases {
            let toks = tokens(text);
            let v = toks.iter().position(|t| t.text == verb).unwrap();
            let got = subject_head(&toks, 0, v).map(|h| (toks[h].text.as_str(), kind_at(&toks, h)));
            assert!(got == expected, "{text}: {:?}", got.map(|g| g.0));
        }
    }

    #[test]
    fn the_phrase_takes_its_conjoined_nouns() {
        let toks = tokens("Apache helicopters and F-16 fighter-bombers blasted targets.");
        let head = toks
            .iter()
            .position(|t| t.text == "fighter-bombers")
            .unwrap();
        assert_eq!(phrase_start(&toks, 0, head), 0);
    }
}
