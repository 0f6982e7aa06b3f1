//! CAMEO's conventions for acts that are intended, threatened, appealed for or demanded rather
//! than done: "pledged to free the sailors" (0353), "will lift the curfew" (0351), "urged Iran to
//! hold talks" (026), "said Iran must release them" (1053), "vowed to attack" (138).
//!
//! The governed act keeps its own pattern; its code is mapped through the table in
//! `dictionaries/grammar/complement-codes.txt` (act code prefix → intent, appeal, demand code),
//! and the governing word's generic event ("agree to" 030, "urge * to" 020, "said" 010) gives way.

use super::grammar::{
    APPEAL_GOVERNORS, COMPLEMENT_CODES, CONDITIONAL_CONJUNCTIONS, DEMAND_GOVERNORS, DEMAND_MODALS,
    DEMAND_WORDS, FUTURE_MODALS, HYPOTHETICAL_MODALS, INTENT_GOVERNORS, NEGATIVE_DETERMINERS,
    PERFORMATIVE_VERBS, REJECT_GOVERNORS, THREAT_GOVERNORS, WISH_GOVERNORS,
};
use crate::text::{ClauseKind, Sentence, Tag, Token};
use std::sync::OnceLock;

/// How the speaker stands to a governed act.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stance {
    /// Promised, offered, planned or announced ("will"): 03x, or 13x for conflictual acts.
    Intent,
    /// Threatened: 13x only.
    Threat,
    /// Appealed for: 02x.
    Appeal,
    /// Demanded: 10x.
    Demand,
    /// Refused or rejected: 12x ("refused to withdraw" 1246, "rejected talks" 125).
    Reject,
}

/// Where the participants of a governed act come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Frame {
    /// The act's own subject and object ("Japan is ready to send aid to Afghanistan").
    Own,
    /// The governing verb's subject, and the addressee between it and "to" ("urged Iran to").
    Addressee,
    /// The speaker (the subject of this clause) on the reported subject ("said Iran must").
    Speaker(usize),
    /// A refused request or offer (the noun at this token): the act's own subject, with the
    /// request's owner as target when one is named ("refused a UN request to allow ...").
    Requester(usize),
}

/// A governed act: its stance, the governing word (none for a future modal) and its frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Governed {
    pub(crate) stance: Stance,
    pub(crate) governor: Option<usize>,
    pub(crate) frame: Frame,
}

/// The stance towards the act headed by `head`, when a word or modal governs it.
pub(super) fn governed(sentence: &Sentence, clause_idx: usize, head: usize) -> Option<Governed> {
    let tokens = &sentence.tokens;
    let clause = &sentence.clauses[clause_idx];
    if tokens[head].tag != Tag::VB && !tokens[head].tag.is_verb() {
        return None;
    }
    if blocked(tokens, clause, head) {
        return None;
    }
    no_intention(tokens, clause.tokens.start, head)
        .or_else(|| infinitive_governor(tokens, clause.tokens.start, head))
        .or_else(|| coordinated_infinitive(sentence, clause_idx, head))
        .or_else(|| reported(sentence, clause_idx, head))
        .or_else(|| {
            let modal = group_modal(tokens, head, clause.tokens.start)?;
            FUTURE_MODALS.contains(&modal.lower).then_some(Governed {
                stance: Stance::Intent,
                governor: None,
                frame: Frame::Own,
            })
        })
}

/// "promised to stop enrichment *and allow* inspectors in", "urged Iran to halt enrichment *and
/// free* the sailors": a bare verb opening a coordinate clause shares the governor of the
/// parent clause's last infinitive — it is intended or asked for too, not done.
fn coordinated_infinitive(sentence: &Sentence, clause_idx: usize, head: usize) -> Option<Governed> {
    let clause = &sentence.clauses[clause_idx];
    let parent = &sentence.clauses[clause.parent?];
    let tokens = &sentence.tokens;
    if !super::modality::opens_coordinate(sentence, clause_idx, head) {
        return None;
    }
    let Some(first) = (parent.tokens.start..parent.tokens.end.saturating_sub(1))
        .rev()
        .find(|&k| tokens[k].tag == Tag::TO && tokens[k + 1].tag == Tag::VB)
        .map(|k| k + 1)
    else {
        // "Arafat must arrest them *and destroy* their bases."
        return obliged_in(sentence, clause.parent?, parent.tokens.end);
    };
    let finite = tokens[first + 1..parent.tokens.end]
        .iter()
        .any(|t| matches!(t.tag, Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD));
    if finite || blocked(tokens, parent, first) {
        return None;
    }
    infinitive_governor(tokens, parent.tokens.start, first)
        .or_else(|| obliged_in(sentence, clause.parent?, first))
}

/// "Arafat must move to arrest them *and destroy* their bases", Zinni said: the parent clause's
/// verb under a demand modal (before its infinitive at `first`) governs the coordinate act too.
fn obliged_in(sentence: &Sentence, parent: usize, first: usize) -> Option<Governed> {
    let tokens = &sentence.tokens;
    let start = sentence.clauses[parent].tokens.start;
    let obliged = (start..first).find(|&k| {
        tokens[k].tag == Tag::VB
            && group_modal(tokens, k, start).is_some_and(|m| DEMAND_MODALS.contains(&m.lower))
    })?;
    reported(sentence, parent, obliged).filter(|g| g.stance == Stance::Demand)
}

/// "would not withdraw", "will never negotiate": a negated future modal states a refusal of
/// the act (12x, the REJECT column) by its own subject — unless the clause is conditional or
/// under "whether" ("did not say whether it would release": nothing is refused).
pub(super) fn refusal(sentence: &Sentence, clause_idx: usize, head: usize) -> Option<Governed> {
    let tokens = &sentence.tokens;
    let clause = &sentence.clauses[clause_idx];
    if blocked(tokens, clause, head) {
        return None;
    }
    Some(Governed {
        stance: Stance::Reject,
        governor: None,
        frame: Frame::Own,
    })
}

/// The stance towards the nominal act headed by `head` when it is what an appeal or demand
/// asks for: "appealed on Friday *for international assistance*" (023), "asked Tokyo on
/// Thursday *for fresh loans*" (0231).
pub(super) fn governed_noun(
    sentence: &Sentence,
    clause_idx: usize,
    head: usize,
) -> Option<Governed> {
    let tokens = &sentence.tokens;
    let start = sentence.clauses[clause_idx].tokens.start;
    let np = noun_phrase_start(tokens, head).max(start);
    let mut g = np.checked_sub(1).filter(|&k| k >= start)?;
    let (mut addressee, asked_for) = (false, tokens[g].lower == "for");
    if asked_for {
        (g, addressee) = verb_before_for(tokens, start, g)?;
    }
    let verb = &tokens[g];
    let stance = stance_of(verb).filter(|_| verb.tag.is_verb())?;
    // Asked *for* a thing: an appeal or demand. A direct object is the act itself ("ordered
    // the withdrawal of its troops", "planned a bombing"), or recodes the governor's own event
    // ("threatened Iran with sanctions", "rejected joint patrols": `SentenceContext`).
    let frame = match stance {
        Stance::Appeal | Stance::Demand if asked_for && addressee => Frame::Addressee,
        Stance::Appeal | Stance::Demand if asked_for => Frame::Own,
        _ => return None,
    };
    Some(Governed {
        stance,
        governor: Some(g),
        frame,
    })
}

/// The verb before "for", back over the one asked and adverbials ("asked *Tokyo on Thursday*
/// for"), and whether someone is asked (a noun phrase right after the verb).
fn verb_before_for(tokens: &[Token], start: usize, for_at: usize) -> Option<(usize, bool)> {
    let (mut pos, mut addressee) = (for_at, false);
    for _ in 0..6 {
        let prev = pos.checked_sub(1).filter(|&p| p >= start)?;
        if tokens[prev].tag.is_verb() {
            return Some((prev, addressee));
        }
        if matches!(tokens[prev].tag, Tag::IN | Tag::RB) {
            pos = prev;
            continue;
        }
        let j = noun_phrase_start(tokens, pos).max(start);
        if j == pos {
            return None;
        }
        addressee |= j > start && tokens[j - 1].tag.is_verb();
        pos = j;
    }
    None
}

/// Conditional and "whether" clauses, questions and modals of possibility ("may attack", "if
/// they attack", "whether to send", "Will Iran release ...?") stay hypothetical.
fn blocked(tokens: &[Token], clause: &crate::text::Clause, head: usize) -> bool {
    // Cheapest first; each test only reads the tokens, so stopping at the first that holds
    // changes nothing.
    let first = &tokens[clause.tokens.start];
    let conditional = || {
        clause.kind == ClauseKind::Subordinate && CONDITIONAL_CONJUNCTIONS.contains(&first.lower)
    };
    let possible = || {
        group_modal(tokens, head, clause.tokens.start).is_some_and(|m| {
            HYPOTHETICAL_MODALS.contains(&m.lower) && !DEMAND_MODALS.contains(&m.lower)
        })
    };
    let undecided = || super::modality::undecided(tokens, clause.tokens.start, head).is_some();
    let supposed = || super::modality::supposed_act(tokens, clause, head).is_some();
    let asked = || super::modality::asked(tokens).is_some();
    conditional() || possible() || asked() || undecided() || supposed()
}

/// "has no intention of withdrawing", "has no plans to send": an intention word under "no"
/// before the act is a refusal of it by the subject (12x).
fn no_intention(tokens: &[Token], clause_start: usize, head: usize) -> Option<Governed> {
    let link = head.checked_sub(1).filter(|&k| k > clause_start + 1)?;
    let linked = match tokens[head].tag {
        Tag::VBG => tokens[link].lower == "of",
        Tag::VB => tokens[link].tag == Tag::TO,
        _ => false,
    };
    let noun = &tokens[link - 1];
    let refused = linked
        && noun.tag.is_noun()
        && stance_of(noun) == Some(Stance::Intent)
        && NEGATIVE_DETERMINERS.contains(&tokens[link - 2].lower);
    refused.then_some(Governed {
        stance: Stance::Reject,
        governor: Some(link - 1),
        frame: Frame::Own,
    })
}

/// The modal of the verb group before `head` ("will", "must").
fn group_modal(tokens: &[Token], head: usize, clause_start: usize) -> Option<&Token> {
    let mut j = head;
    while j > clause_start {
        let t = &tokens[j - 1];
        if t.tag == Tag::MD {
            return Some(t);
        }
        if !(t.tag == Tag::RB || t.tag.is_verb()) {
            return None;
        }
        j -= 1;
    }
    None
}

/// "pledged to free", "is ready to send", "urged Iran to hold", "threatened to strike".
fn infinitive_governor(tokens: &[Token], clause_start: usize, head: usize) -> Option<Governed> {
    if tokens[head].tag != Tag::VB {
        return None;
    }
    let mut j = head;
    while j > clause_start && tokens[j - 1].tag == Tag::RB {
        j -= 1;
    }
    if j == 0 || tokens[j - 1].tag != Tag::TO {
        return None;
    }
    // Nouns count as an addressee ("asked Iran to") unless they are the object of a
    // preposition ("threatened on Tuesday to", "refused in a statement to").
    let (mut addressee, mut pending) = (false, false);
    for k in (clause_start..j - 1).rev() {
        let w = &tokens[k];
        if w.tag == Tag::IN {
            // "for the union to come back": the noun after "for" is the infinitive's subject.
            addressee |= pending && w.lower == "for";
            pending = false;
        }
        if wishing(w) {
            return wished(tokens, head, k, addressee || pending);
        }
        if let Some(stance) = stance_of(w) {
            if let Some(r) = rejected_request(tokens, clause_start, k, stance) {
                return Some(r);
            }
            let addressee = addressee || pending;
            let frame = match stance {
                Stance::Appeal | Stance::Demand => Frame::Addressee,
                _ if addressee => return None,
                _ => Frame::Own,
            };
            return Some(Governed {
                stance,
                governor: Some(k),
                frame,
            });
        }
        let skippable = w.tag == Tag::RB
            || w.tag.is_noun()
            || w.tag.is_prenominal()
            || matches!(w.tag, Tag::PRP | Tag::IN | Tag::CD | Tag::CC)
            || w.tag.is_verb() && crate::text::tag::auxiliary_of(&w.lower) == Some("be");
        if !skippable {
            return None;
        }
        if w.tag.is_noun() || w.tag == Tag::PRP {
            pending = true;
        } else if !w.tag.is_prenominal() && w.tag != Tag::IN {
            addressee |= pending;
            pending = false;
        }
    }
    None
}

/// A verb of wishing ("want", "would like", "hope", "seek"; `wish-governors`).
fn wishing(w: &Token) -> bool {
    w.tag.is_verb() && WISH_GOVERNORS.contains(&w.lemma)
}

/// "wants to hold talks" (the subject's intent), "wants the union to return to talks" (an
/// appeal to the one wished to act); "would like to thank" is thanks done, neither.
fn wished(tokens: &[Token], head: usize, governor: usize, addressee: bool) -> Option<Governed> {
    if PERFORMATIVE_VERBS.contains(&tokens[head].lemma) {
        return None;
    }
    let (stance, frame) = if addressee {
        (Stance::Appeal, Frame::Addressee)
    } else {
        (Stance::Intent, Frame::Own)
    };
    Some(Governed {
        stance,
        governor: Some(governor),
        frame,
    })
}

/// The stance a governing word gives its complement.
pub(super) fn stance_of(w: &Token) -> Option<Stance> {
    let of = |word: &str| stances().get(word).copied();
    let (lemma, lower) = (w.lemma.as_str(), w.lower.as_str());
    if lemma == lower {
        // One form: one look-up (both would find the same).
        return of(lemma).map(|(_, stance)| stance);
    }
    let found = match (of(lemma), of(lower)) {
        (Some(a), Some(b)) => Some(if b.0 < a.0 { b } else { a }),
        (a, b) => a.or(b),
    };
    found.map(|(_, stance)| stance)
}

/// Each governing word with the first list that has it, in the order [`stance_of`] tries them
/// (threat, appeal, demand, reject, intent), as (rank, stance): one look-up, not one a list.
fn stances() -> &'static rustc_hash::FxHashMap<&'static str, (usize, Stance)> {
    static MAP: OnceLock<rustc_hash::FxHashMap<&'static str, (usize, Stance)>> = OnceLock::new();
    MAP.get_or_init(|| {
        let lists = [
            (&THREAT_GOVERNORS, Stance::Threat),
            (&APPEAL_GOVERNORS, Stance::Appeal),
            (&DEMAND_GOVERNORS, Stance::Demand),
            (&REJECT_GOVERNORS, Stance::Reject),
            (&INTENT_GOVERNORS, Stance::Intent),
        ];
        let mut map = rustc_hash::FxHashMap::default();
        for (rank, (list, stance)) in lists.iter().enumerate().rev() {
            for w in list.words() {
                map.insert(*w, (rank, *stance));
            }
        }
        map
    })
}

/// A reported clause: "said Iran must release" (a demand by the speaker), "demanded that Iran
/// release", "urged that", "warned it would strike".
fn reported(sentence: &Sentence, clause_idx: usize, head: usize) -> Option<Governed> {
    let tokens = &sentence.tokens;
    let clause = &sentence.clauses[clause_idx];
    if clause.kind != ClauseKind::Reported {
        return trailing_demand(sentence, clause_idx, head);
    }
    let g = clause_governor(tokens, clause.tokens.start)?;
    if passive_governor(tokens, g) {
        // "North Korea was told it must ...": the one who demands is not named here.
        return None;
    }
    let parent = clause.parent?;
    if super::content::extraposed_importance(tokens, g) {
        return important_act(sentence, parent, clause_idx);
    }
    let modal = group_modal(tokens, head, clause.tokens.start);
    let speaker = |stance| {
        Some(Governed {
            stance,
            governor: Some(g),
            frame: Frame::Speaker(parent),
        })
    };
    let obliged = super::content::obligation(tokens, head, clause.tokens.start).is_some();
    if obliged || modal.is_some_and(|m| DEMAND_MODALS.contains(&m.lower)) {
        return speaker(Stance::Demand);
    }
    let w = &tokens[g];
    let parent_start = sentence.clauses[parent].tokens.start;
    if let Some(r) = stance_of(w).and_then(|s| rejected_request(tokens, parent_start, g, s)) {
        return Some(r);
    }
    match stance_of(w) {
        Some(Stance::Threat) => Some(Governed {
            stance: Stance::Threat,
            governor: Some(g),
            frame: Frame::Own,
        }),
        Some(s @ (Stance::Appeal | Stance::Demand)) if DEMAND_WORDS.contains(&w.lemma) => {
            speaker(s)
        }
        _ => None,
    }
}

/// "said it is vital that Israel withdraw", "It is vital that Israel withdraws, Bush said": an
/// act under an importance predicate (clause `parent`) is demanded by whoever says so — the
/// speaker of the clause above it, or of a trailing attribution; with no speaker, nothing.
fn important_act(sentence: &Sentence, parent: usize, clause_idx: usize) -> Option<Governed> {
    let tokens = &sentence.tokens;
    let above = sentence.clauses[parent].parent.and_then(|k| {
        let reported = sentence.clauses[parent].kind == ClauseKind::Reported;
        let verb = clause_governor(tokens, sentence.clauses[parent].tokens.start)?;
        reported.then_some((k, verb))
    });
    let (speech, verb) =
        above.or_else(|| trailing_speech(sentence).filter(|&(k, _)| k > clause_idx))?;
    Some(Governed {
        stance: Stance::Demand,
        governor: Some(verb),
        frame: Frame::Speaker(speech),
    })
}

/// "refused their demand to reverse", "rejected calls by donors to dismantle", "rejected
/// demands that he resign", "rejected an offer to mediate": a request or offer that is refused
/// is a refusal of the act requested or offered (12x).
fn rejected_request(
    tokens: &[Token],
    clause_start: usize,
    request: usize,
    stance: Stance,
) -> Option<Governed> {
    if stance == Stance::Threat {
        return None;
    }
    // A request word right after the refusing verb is its object even when tagged as a verb
    // ("rejected calls/VBZ that").
    let np = if tokens[request].tag.is_noun() {
        noun_phrase_start(tokens, request)
    } else {
        request
    };
    let verb = np.checked_sub(1).filter(|&v| v >= clause_start)?;
    let frame = if tokens[request].tag.is_noun() {
        Frame::Requester(request)
    } else {
        Frame::Own
    };
    (tokens[verb].tag.is_verb() && stance_of(&tokens[verb]) == Some(Stance::Reject)).then_some(
        Governed {
            stance: Stance::Reject,
            governor: Some(verb),
            frame,
        },
    )
}

/// The word that governs the reported clause starting at `start`: the last word before it, past
/// "that", adverbs, a day ("said Tuesday that") and prepositional phrases ("demanded *on
/// Tuesday* that", "said *in a statement* that", "the demand *by protesters* that").
pub(super) fn clause_governor(tokens: &[Token], start: usize) -> Option<usize> {
    let mut k = start;
    loop {
        while k > 0 && (tokens[k - 1].tag == Tag::RB || tokens[k - 1].lower == "that") {
            k -= 1;
        }
        let np = noun_phrase_start(tokens, k);
        let day = np < k
            && tokens[np..k]
                .iter()
                .all(|t| calendar(t) || t.tag == Tag::DT);
        // "on their insistence that": the noun is the governor, not an adverbial.
        let governs = np < k && {
            let head = &tokens[k - 1];
            stance_of(head).is_some() || super::grammar::DEMAND_WORDS.contains(&head.lemma)
        };
        if governs {
            return Some(k - 1);
        }
        if np < k && np > 0 && tokens[np - 1].tag == Tag::IN {
            k = np - 1;
        } else if day {
            k = np;
        } else {
            return k.checked_sub(1);
        }
    }
}

/// The first token of the noun phrase that ends right before `end` (`end` when there is none).
fn noun_phrase_start(tokens: &[Token], end: usize) -> usize {
    let mut j = end;
    while j > 0 && (tokens[j - 1].tag.is_noun() || tokens[j - 1].tag.is_prenominal()) {
        j -= 1;
    }
    j
}

/// A day or month name ("Tuesday").
fn calendar(t: &Token) -> bool {
    super::grammar::CALENDAR_WORDS.contains(&t.lower)
}

/// "Russia must withdraw its troops, NATO said": a demand attributed by a trailing speech clause.
fn trailing_demand(sentence: &Sentence, clause_idx: usize, head: usize) -> Option<Governed> {
    let (k, verb) = trailing_speech(sentence)?;
    let start = sentence.clauses[clause_idx].tokens.start;
    let obliged = super::content::obligation(&sentence.tokens, head, start).is_some();
    let modal = group_modal(&sentence.tokens, head, start);
    let demanded = obliged || modal.is_some_and(|m| DEMAND_MODALS.contains(&m.lower));
    (clause_idx < k && demanded).then_some(Governed {
        stance: Stance::Demand,
        governor: Some(verb),
        frame: Frame::Speaker(k),
    })
}

/// ", NATO said." / "\"...,\" a Turkish official said.": the sentence's last clause, when it only
/// attributes what came before — it follows a comma or a quotation mark and its one verb is a
/// finite speech verb. Returns the clause and the verb.
pub(super) fn trailing_speech(sentence: &Sentence) -> Option<(usize, usize)> {
    let tokens = &sentence.tokens;
    let k = sentence.clauses.len().checked_sub(1)?;
    let c = &sentence.clauses[k].tokens;
    let before = c.start.checked_sub(1)?;
    if k == 0 || !matches!(tokens[before].text.as_str(), "," | "\"" | "\u{201d}" | "''") {
        return None;
    }
    let mut verbs = c.clone().filter(|&i| tokens[i].tag.is_verb());
    let (v, more) = (verbs.next()?, verbs.next());
    let speech =
        crate::text::chunk::is_speech_verb(&tokens[v].lemma) && tokens[v].tag.is_finite_verb();
    (speech && more.is_none()).then_some((k, v))
}

/// "was told", "were warned": a passive governor, whose subject is the one addressed.
fn passive_governor(tokens: &[Token], g: usize) -> bool {
    tokens[g].tag == Tag::VBN
        && (0..g)
            .rev()
            .take_while(|&k| tokens[k].tag == Tag::RB || tokens[k].tag.is_verb())
            .any(|k| crate::text::tag::auxiliary_of(&tokens[k].lower) == Some("be"))
}

/// One row of the complement table.
#[derive(Debug)]
struct Row {
    act: &'static str,
    intent: Option<&'static str>,
    appeal: Option<&'static str>,
    demand: Option<&'static str>,
    reject: Option<&'static str>,
}

/// The table, longest act prefixes first.
fn table() -> &'static [Row] {
    static TABLE: OnceLock<Vec<Row>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut rows: Vec<Row> = COMPLEMENT_CODES
            .words()
            .iter()
            .filter_map(|line| parse_row(line))
            .collect();
        rows.sort_by_key(|r| std::cmp::Reverse(r.act.len()));
        rows
    })
}

/// `ACT INTENT APPEAL DEMAND REJECT`, `-` for none.
fn parse_row(line: &'static str) -> Option<Row> {
    let mut cols = line.split_whitespace();
    let act = cols.next()?;
    let mut code = || cols.next().filter(|c| *c != "-");
    Some(Row {
        act,
        intent: code(),
        appeal: code(),
        demand: code(),
        reject: code(),
    })
}

/// The code of act `code` under `stance`, when the codebook has one.
pub(crate) fn governed_code(code: &str, stance: Stance) -> Option<&'static str> {
    let row = table().iter().find(|r| code.starts_with(r.act))?;
    match stance {
        Stance::Intent => row.intent,
        Stance::Threat => row.intent.filter(|c| c.starts_with("13")),
        Stance::Appeal => row.appeal,
        Stance::Demand => row.demand,
        Stance::Reject => row.reject,
    }
}

/// The code of an act demanded or appealed for that the codebook gives no sub-code ("said Arafat
/// must arrest the militants", "challenged Arafat to arrest"): the family's default, 100 or 020 —
/// the act is asked of its subject, not done. Other stances have none: the act stays as it is.
pub(crate) fn family_default(stance: Stance) -> Option<&'static str> {
    match stance {
        Stance::Demand => Some("100"),
        Stance::Appeal => Some("020"),
        _ => None,
    }
}

/// Whether the event of the governing word at `head` gives way to its coded complement: a
/// family default, or any event of a verb of wishing ("hopes to resume talks" is 036, not the
/// optimism 013 of "hope").
pub(crate) fn governor_gives_way(tokens: &[Token], head: usize, code: &str) -> bool {
    gives_way(code) || tokens.get(head).is_some_and(wishing)
}

/// Whether a governing word's own code gives way to its complement's: a family default
/// ("010", "020", "030", "100", "130").
pub(crate) fn gives_way(code: &str) -> bool {
    code.len() == 3 && code.ends_with('0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_maps_acts_to_the_codebook_sub_codes() {
        let cases = [
            ("0841", Stance::Intent, Some("0353")),
            ("0841", Stance::Appeal, Some("0253")),
            ("0841", Stance::Demand, Some("1053")),
            ("0813", Stance::Intent, Some("0351")),
            ("073", Stance::Intent, Some("0333")),
            ("070", Stance::Intent, Some("033")),
            ("042", Stance::Intent, Some("036")),
            ("045", Stance::Appeal, Some("028")),
            ("0874", Stance::Demand, Some("1056")),
            ("163", Stance::Threat, Some("1312")),
            ("190", Stance::Intent, Some("138")),
            ("195", Stance::Threat, Some("1384")),
            ("042", Stance::Threat, None),
            ("190", Stance::Appeal, None),
            ("112", Stance::Intent, None),
            ("0841", Stance::Reject, Some("1243")),
            ("087", Stance::Reject, Some("1246")),
            ("071", Stance::Reject, Some("1221")),
            ("046", Stance::Reject, Some("125")),
            ("190", Stance::Reject, None),
        ];
        for (act, stance, want) in cases {
            assert_eq!(governed_code(act, stance), want, "{act} {stance:?}");
        }
    }

    #[test]
    fn every_table_code_is_in_the_cameo_table() {
        let cameo = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../dictionaries/cameo.tsv"
        ));
        let known: Vec<&str> = cameo.lines().filter_map(|l| l.split('\t').next()).collect();
        for r in table() {
            for c in [r.intent, r.appeal, r.demand, r.reject]
                .into_iter()
                .flatten()
            {
                assert!(
                    known.contains(&c),
                    "{c} (row {}) is not a CAMEO code",
                    r.act
                );
            }
        }
    }

    #[test]
    fn demands_and_appeals_have_a_family_default() {
        assert_eq!(family_default(Stance::Demand), Some("100"));
        assert_eq!(family_default(Stance::Appeal), Some("020"));
        assert_eq!(family_default(Stance::Intent), None);
        assert_eq!(family_default(Stance::Threat), None);
    }

    #[test]
    fn only_family_defaults_and_statements_give_way() {
        assert!(gives_way("020") && gives_way("030") && gives_way("010") && gives_way("130"));
        assert!(!gives_way("0253") && !gives_way("036") && !gives_way("016"));
    }
}
