//! Whether a verb's act happened: modals of possibility or obligation, conditional clauses,
//! demanded complements, gerunds that are not acts, intended infinitives; and the future
//! ("will meet"); questions and "whether" clauses (undecided, not done); acts only supposed,
//! alleged or expected ("is alleged to have", "believes Hamas attacked").

use super::grammar::{
    ACCUSATION_WORDS, ALLEGATION_NOUNS, BELIEF_VERBS, CATENATIVE_VERBS, CONDITIONAL_CONJUNCTIONS,
    DECISION_NOUNS, DEMAND_WORDS, FUTURE_MODALS, GERUND_BLOCKERS, GERUND_CONTENT_PREPOSITIONS,
    HYPOTHETICAL_MODALS, INTENTION_WORDS, OPPOSING_PREPOSITIONS, SUPPOSITION_WORDS,
};
use crate::text::{Clause, ClauseKind, Sentence, Tag, Token};

/// Why a verb's event has not happened: a modal of possibility or obligation, an "if" clause, a
/// demanded complement, a gerund that is not an act, or an intended infinitive.
pub(super) fn hypothetical(sentence: &Sentence, clause_idx: usize, head: usize) -> Option<String> {
    let tokens = &sentence.tokens;
    let clause = &sentence.clauses[clause_idx];
    hypothetical_modal(tokens, clause, head)
        .or_else(|| shared_modal(sentence, clause_idx, head))
        .or_else(|| obliged(tokens, clause, head))
        .or_else(|| asked(tokens))
        .or_else(|| undecided(tokens, clause.tokens.start, head))
        .or_else(|| conditional(tokens, clause))
        .or_else(|| or_else(sentence, clause_idx, head))
        .or_else(|| demanded(tokens, clause))
        .or_else(|| gerund_not_an_act(tokens, clause, head))
        .or_else(|| catenative(tokens, clause, head))
        .or_else(|| intended_infinitive(tokens, clause, head))
}

/// "must meet", "could visit": a modal of possibility or obligation in the verb group.
fn hypothetical_modal(tokens: &[Token], clause: &Clause, head: usize) -> Option<String> {
    let mut j = head;
    while j > clause.tokens.start {
        let t = &tokens[j - 1];
        if t.tag == Tag::MD && HYPOTHETICAL_MODALS.contains(&t.lower) {
            return Some(format!("modal '{}'", t.text));
        }
        if !(t.tag == Tag::RB || t.tag == Tag::MD || t.tag.is_verb() || t.tag == Tag::TO) {
            break;
        }
        j -= 1;
    }
    None
}

/// Whether the bare verb at `head` opens coordinate clause `clause_idx` (only conjunctions and
/// adverbs before it): "... *and destroy* their bases".
pub(super) fn opens_coordinate(sentence: &Sentence, clause_idx: usize, head: usize) -> bool {
    let tokens = &sentence.tokens;
    let clause = &sentence.clauses[clause_idx];
    clause.kind == ClauseKind::Coordinate
        && tokens[head].tag == Tag::VB
        && tokens[clause.tokens.start..head]
            .iter()
            .all(|t| t.tag == Tag::CC || t.tag == Tag::RB)
}

/// "must arrest the militants *and destroy* their bases": a bare verb opening a coordinate
/// clause shares the modal of the first bare verb of the clause it is joined to.
fn shared_modal(sentence: &Sentence, clause_idx: usize, head: usize) -> Option<String> {
    let tokens = &sentence.tokens;
    if !opens_coordinate(sentence, clause_idx, head) {
        return None;
    }
    let parent = &sentence.clauses[sentence.clauses[clause_idx].parent?];
    let verb = parent.tokens.clone().find(|&k| tokens[k].tag == Tag::VB)?;
    hypothetical_modal(tokens, parent, verb)
        .map(|why| format!("{why}, shared by the verb it is joined to"))
}

/// "has to act", "needs to withdraw", "it is time for Y to act": obliged, not done.
fn obliged(tokens: &[Token], clause: &Clause, head: usize) -> Option<String> {
    let w = super::content::obligation(tokens, head, clause.tokens.start)?;
    Some(format!(
        "obligation '{}': asked for, not done",
        tokens[w].text
    ))
}

/// "Will Iran release the sailors?": a question asks about an act, it reports none.
pub(super) fn asked(tokens: &[Token]) -> Option<String> {
    tokens
        .last()
        .filter(|t| t.text == "?")
        .map(|_| "the sentence is a question".to_string())
}

/// "did not say whether it would release", "has not decided whether to send": an act under
/// "whether" is an open question, not done, intended or refused.
pub(super) fn undecided(tokens: &[Token], clause_start: usize, head: usize) -> Option<String> {
    tokens[clause_start..head]
        .iter()
        .any(|t| t.lower == "whether")
        .then(|| "under 'whether': undecided".to_string())
}

/// "if they attack": a conditional clause.
fn conditional(tokens: &[Token], clause: &Clause) -> Option<String> {
    let first = &tokens[clause.tokens.start];
    (clause.kind == ClauseKind::Subordinate && CONDITIONAL_CONJUNCTIONS.contains(&first.lower))
        .then(|| format!("conditional clause '{}'", first.text))
}

/// "had 48 hours to act or else he would return to Washington, ending the mission": what follows
/// "or else" in its clause (or a clause hanging from it) is the consequence held out, not done; a
/// threat or intent stated that way is coded by `complement` first.
fn or_else(sentence: &Sentence, clause_idx: usize, head: usize) -> Option<String> {
    let tokens = &sentence.tokens;
    let k = (1..head).find(|&k| tokens[k - 1].lower == "or" && tokens[k].lower == "else")?;
    let holder = sentence
        .clauses
        .iter()
        .position(|c| c.tokens.contains(&k))?;
    let clause = &sentence.clauses[clause_idx];
    (clause_idx == holder || clause.parent == Some(holder))
        .then(|| "after 'or else': held out, not done".to_string())
}

/// "insistence that North Korea give up ...", "urged that ...": demanded, not done.
fn demanded(tokens: &[Token], clause: &Clause) -> Option<String> {
    if clause.kind != ClauseKind::Reported {
        return None;
    }
    let governor = super::complement::clause_governor(tokens, clause.tokens.start);
    let w = governor
        .map(|g| &tokens[g])
        .filter(|w| DEMAND_WORDS.contains(&w.lemma))?;
    Some(format!("complement of '{}': asked for, not done", w.text))
}

/// An act supposed, alleged or expected by others, not reported done: not intended or threatened
/// by its subject either ("Israel fears Syria will attack"). Such an act is coded only for the
/// accusation of its doer by a speaker who reports it (`speech`), then dropped.
pub(super) fn supposed_act(tokens: &[Token], clause: &Clause, head: usize) -> Option<String> {
    believed(tokens, clause).or_else(|| supposed(tokens, clause.tokens.start, head))
}

/// "Israel believes Hamas attacked", "alleged that Iraq attacked", "allegations that troops
/// tortured prisoners": the complement of a verb of belief, suspicion or allegation, or of a noun
/// of allegation, is supposed, not reported done (an allegation's 112 is coded by its own verb).
fn believed(tokens: &[Token], clause: &Clause) -> Option<String> {
    if clause.kind == ClauseKind::Relative {
        return alleged_content(tokens, clause.tokens.start);
    }
    if clause.kind != ClauseKind::Reported {
        return None;
    }
    let g = super::complement::clause_governor(tokens, clause.tokens.start)?;
    let t = &tokens[g];
    let alleged = t.tag.is_noun() && ALLEGATION_NOUNS.contains(&t.lemma);
    (believing(t) || alleged).then(|| format!("complement of '{}': supposed, not done", t.text))
}

/// "there were allegations that police tortured prisoners", read as a relative clause: "that"
/// right after a noun of allegation, then a subject of its own (no verb right after "that").
fn alleged_content(tokens: &[Token], start: usize) -> Option<String> {
    allegation_clause(tokens, start).then(|| {
        format!(
            "complement of '{}': supposed, not done",
            tokens[start - 1].text
        )
    })
}

/// Whether the relative clause starting at `start` is what a noun of allegation before it
/// alleges ("allegations *that police tortured prisoners*"), not a relative ("the allegations
/// that were made").
pub(super) fn allegation_clause(tokens: &[Token], start: usize) -> bool {
    let Some(noun) = start.checked_sub(1).map(|k| &tokens[k]) else {
        return false;
    };
    let own_subject = tokens
        .get(start + 1)
        .is_some_and(|t| !t.tag.is_verb() && t.tag != Tag::MD && t.tag != Tag::RB);
    tokens[start].lower == "that"
        && own_subject
        && noun.tag.is_noun()
        && ALLEGATION_NOUNS.contains(&noun.lemma)
}

/// A verb of belief, suspicion, expectation or allegation ("believes", "alleged").
fn believing(t: &Token) -> bool {
    t.tag.is_verb() && BELIEF_VERBS.contains(&t.lemma)
}

/// "is alleged to have attacked", "is believed to be leading", "expected the rebels to
/// surrender", "Israel thinks Syria attacked": the act is supposed by others, not reported done.
/// A participle that only describes a noun ("suspected militants attacked", "gunmen believed to
/// be from the group abducted") leaves the act reported.
fn supposed(tokens: &[Token], clause_start: usize, head: usize) -> Option<String> {
    let w = (clause_start + 1..head).find(|&w| {
        supposition_before_to(tokens, clause_start, w) || believing_verb(tokens, clause_start, w)
    })?;
    Some(format!("after '{}': supposed, not done", tokens[w].text))
}

/// "alleged", "likely" right before "to", after a form of "be".
fn supposition_before_to(tokens: &[Token], clause_start: usize, w: usize) -> bool {
    SUPPOSITION_WORDS.contains(&tokens[w].lower)
        && tokens.get(w + 1).is_some_and(|n| n.lower == "to")
        && auxiliary_before(tokens, clause_start, w, &["be"])
}

/// "thinks", "has alleged", "is suspected": a verb of belief in the verb group, not a
/// participle describing a noun ("gunmen believed to be ...", tagged either way).
fn believing_verb(tokens: &[Token], clause_start: usize, w: usize) -> bool {
    let participle =
        || tokens[w].tag == Tag::VBN || tokens.get(w + 1).is_some_and(|n| n.lower == "to");
    believing(&tokens[w])
        && (!participle() || auxiliary_before(tokens, clause_start, w, &["be", "have"]))
}

/// A form of one of `lemmas` right before `w`, past adverbs.
fn auxiliary_before(tokens: &[Token], clause_start: usize, w: usize, lemmas: &[&str]) -> bool {
    let mut j = w;
    while j > clause_start && tokens[j - 1].tag == Tag::RB {
        j -= 1;
    }
    j > clause_start && lemmas.contains(&tokens[j - 1].lemma.as_str())
}

/// "stop cooperating", "accused Russia of shooting": a gerund that is not an act.
fn gerund_not_an_act(tokens: &[Token], clause: &Clause, head: usize) -> Option<String> {
    if tokens[head].tag != Tag::VBG || head <= clause.tokens.start {
        return None;
    }
    let prev = &tokens[head - 1];
    if prev.tag.is_verb() && GERUND_BLOCKERS.contains(&prev.lemma) {
        return Some(format!("gerund after '{}': not an act", prev.text));
    }
    if OPPOSING_PREPOSITIONS.contains(&prev.lower) {
        return Some(format!("gerund after '{}': opposed, not done", prev.text));
    }
    if !GERUND_CONTENT_PREPOSITIONS.contains(&prev.lower) {
        return None;
    }
    let governor = tokens[clause.tokens.start..head - 1]
        .iter()
        .rev()
        .find(|t| t.tag.is_verb() || t.tag.is_noun() && ACCUSATION_WORDS.contains(&t.lemma));
    let g = governor.filter(|g| ACCUSATION_WORDS.contains(&g.lemma))?;
    Some(format!("gerund is what '{}' is about", g.text))
}

/// "help bring the economy out of recession", "to help finance": a catenative verb followed by an
/// infinitive is no act of its own (no aid is given); the infinitive is the act.
fn catenative(tokens: &[Token], clause: &Clause, head: usize) -> Option<String> {
    if !CATENATIVE_VERBS.contains(&tokens[head].lemma) {
        return None;
    }
    let mut next = (head + 1..clause.tokens.end).skip_while(|&i| tokens[i].tag == Tag::TO);
    let infinitive = next.next().filter(|&i| tokens[i].tag == Tag::VB)?;
    Some(format!(
        "'{}' + infinitive '{}': not an act of its own",
        tokens[head].text, tokens[infinitive].text
    ))
}

/// "pledged to return to talks", "refused to meet": an intention, coded by its own verb.
fn intended_infinitive(tokens: &[Token], clause: &Clause, head: usize) -> Option<String> {
    if tokens[head].tag != Tag::VB {
        return None;
    }
    let mut j = head;
    while j > clause.tokens.start && tokens[j - 1].tag == Tag::RB {
        j -= 1;
    }
    if j == 0 || tokens[j - 1].tag != Tag::TO {
        return None;
    }
    // Walk back over an object or adverbial ("allow IAEA inspectors to visit", "urged Iran on
    // Monday to return") to the word that governs the infinitive.
    for w in tokens[clause.tokens.start..j - 1].iter().rev() {
        if w.tag.is_noun() && DECISION_NOUNS.contains(&w.lemma) {
            // "Israel's decision to cut ties": the act decided is coded as done.
            return None;
        }
        if INTENTION_WORDS.contains(&w.lemma) || INTENTION_WORDS.contains(&w.lower) {
            return Some(format!("infinitive after '{}': intended, not done", w.text));
        }
        if !(w.tag == Tag::RB
            || w.tag.is_noun()
            || w.tag.is_prenominal()
            || matches!(w.tag, Tag::PRP | Tag::IN | Tag::CD))
        {
            break;
        }
    }
    None
}

/// "urged Iran to return to negotiations over ...": the noun hangs from an infinitive that is
/// itself not coded (an intention or request).
pub(super) fn inside_unrealized_infinitive(
    sentence: &Sentence,
    clause_idx: usize,
    head: usize,
) -> bool {
    let tokens = &sentence.tokens;
    let start = sentence.clauses[clause_idx].tokens.start;
    let verb = (start..head).rev().find(|&k| tokens[k].tag.is_verb());
    verb.is_some_and(|v| {
        tokens[v].tag == Tag::VB
            && v > 0
            && tokens[v - 1].tag == Tag::TO
            && hypothetical(sentence, clause_idx, v).is_some()
    })
}

/// "will meet", "would visit", "'ll hold talks": a future modal in the verb group.
pub(super) fn future_modal(tokens: &[Token], head: usize, clause_start: usize) -> bool {
    let mut j = head;
    while j > clause_start {
        let t = &tokens[j - 1];
        if t.tag == Tag::MD {
            return FUTURE_MODALS.contains(&t.lower);
        }
        if !(t.tag == Tag::RB || t.tag.is_verb()) {
            return false;
        }
        j -= 1;
    }
    false
}
