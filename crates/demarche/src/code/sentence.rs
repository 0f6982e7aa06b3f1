//! One sentence at a time: the per-sentence context the coder's decisions read (the analysis,
//! the sentence, its actor mentions, quotations and temporal expressions), and the walk over the
//! sentence's tokens that tries the verb patterns at each head.

use super::complement::{self, Stance};
use super::decision::Rule;
use super::explain::{SentenceExplanation, Trace};
use super::memory::DocumentState;
use super::mentions::{self, CountryFrom, Mention, MentionKind};
use super::patterns::{self, VerbMatch};
use super::phrases::SentencePhrases;
use super::quote_runs::{self, QuotePlace};
use super::quotes::{self, Attribution};
use super::speech::{self, HeadedEvent};
use super::{
    authority, dateline, emit, events, method, place_target, reciprocal, speaker, victims, Coder,
};
use crate::dates::TimeExpression;
use crate::dict::PatternWord;
use crate::model::{Document, Event, Quote};
use crate::resolve::locate::{self, ActorSpan};
use crate::resolve::PlaceMatch;
use crate::text::{Analysis, ClauseKind, Sentence, Tag, Token};
use std::ops::Range;

/// Everything the coder knows about the sentence it is coding.
pub(super) struct SentenceContext<'a> {
    /// The coder (dictionaries and settings).
    pub(super) coder: &'a Coder,
    /// The document being coded.
    pub(super) doc: &'a Document,
    /// The document's analysis (text, offsets back to the original bytes).
    pub(super) analysis: &'a Analysis,
    /// The sentence: tokens and clauses.
    pub(super) sentence: &'a Sentence,
    /// Its actor mentions, in token order.
    pub(super) mentions: Vec<Mention>,
    /// Its quotations and their speakers.
    pub(super) attributions: Vec<Attribution>,
    /// Its temporal expressions.
    pub(super) times: Vec<TimeExpression>,
    /// The document's context country after this sentence's places and actors, else its
    /// fallbacks (dominant, home), with where it came from.
    pub(super) context_country: Option<(String, CountryFrom)>,
    /// The country of the last armed force the document named, this sentence included.
    pub(super) force_country: Option<String>,
    /// The document's id and date as its events carry them.
    pub(super) labels: emit::DocLabels,
    /// The source of the latest act of force of the sentences before this one
    /// (`attack-reference`).
    pub(super) prior_force: Option<crate::model::Actor>,
}

/// An event, the clause its pattern matched in and the tokens the pattern covered.
struct ClausedEvent {
    event: Event,
    clause: usize,
    pattern: Range<usize>,
}

impl Coder {
    /// Codes one sentence: mentions, pattern matches, events with their locations.
    pub(super) fn code_sentence(
        &self,
        doc: &Document,
        (analysis, sentence, matches): (&Analysis, &Sentence, SentencePhrases<'_>),
        memory: &mut DocumentState,
        explanation: Option<&mut SentenceExplanation>,
    ) -> Vec<Event> {
        if sentence.is_empty_of_words() {
            return Vec::new();
        }
        let mut trace = Trace::new(explanation);
        let Some(matches) = self.phrase_matches(sentence, matches, &mut trace) else {
            return Vec::new();
        };
        let ctx = SentenceContext::new(self, doc, analysis, sentence, matches, memory, &mut trace);
        let mut events = ctx.code_patterns(&mut trace);
        ctx.military_bombings(&mut events, &mut trace);
        let mut ends: Vec<(usize, &mut Event)> = (events.iter_mut())
            .map(|e| (e.pattern.start + 1, &mut e.event))
            .collect();
        for note in super::appraisal::aim(&memory.acts, &sentence.tokens, &mut ends) {
            trace.note(|| note);
        }
        let mut refs: Vec<&mut Event> = events.iter_mut().map(|e| &mut e.event).collect();
        for note in memory.acts.answer(&mut refs) {
            trace.note(|| note);
        }
        let mut events = ctx.locate(events, memory, &mut trace);
        for e in &mut events {
            if let Some(code) = super::home_target::set_home_target(e) {
                trace.note(|| format!("'{}' is aimed at home: target {code}", e.cameo));
            }
        }
        ctx.drop_quoted_selves(&mut events, &mut trace);
        super::collapse::drop_targetless_repeats(&mut events);
        let events = dedupe(events);
        if sentence.index + 1 < analysis.sentences.len() {
            // Only later sentences answer these acts: the last one's are not remembered.
            memory.acts.remember(&events);
        }
        events
    }

    /// The sentence's dictionary phrase matches, or `None` when a discard phrase drops it.
    fn phrase_matches<'p>(
        &self,
        sentence: &Sentence,
        mut matches: SentencePhrases<'p>,
        trace: &mut Trace,
    ) -> Option<SentencePhrases<'p>> {
        let tokens = &sentence.tokens;
        let discards = std::mem::take(&mut matches.raw.discards);
        let Some(d) = discards.first() else {
            return Some(matches);
        };
        trace.note(|| {
            let words = tokens[d.start..d.end]
                .iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            format!("sentence discarded: it contains the discard phrase '{words}'")
        });
        None
    }
}

impl<'a> SentenceContext<'a> {
    /// Finds the sentence's mentions (updating the document memory), quotations and times.
    fn new(
        coder: &'a Coder,
        doc: &'a Document,
        analysis: &'a Analysis,
        sentence: &'a Sentence,
        matches: SentencePhrases<'a>,
        memory: &mut DocumentState,
        trace: &mut Trace,
    ) -> SentenceContext<'a> {
        let tokens = &sentence.tokens;
        let (mentions, attributions) =
            sentence_mentions(coder, doc, (analysis, sentence), matches, memory, trace);
        SentenceContext {
            coder,
            doc,
            analysis,
            sentence,
            mentions,
            attributions,
            times: crate::dates::find(tokens),
            context_country: (memory.actors.country()).map(|(c, from)| (c.to_string(), from)),
            force_country: memory.actors.force_country().map(str::to_string),
            labels: memory.labels.clone(),
            prior_force: (memory.acts)
                .last_force(sentence.index, super::attackers::REFERENCE_WINDOW)
                .cloned(),
        }
    }

    /// Drops the targetless events of a quoted first person ("“We are trying hard,” he said"):
    /// like a common-noun actor, the speaker's "I", "we" inside a quotation is the source only of
    /// an event with a target or of a code of `common-noun-targetless-codes.txt` — what speakers
    /// say of their own plans and state is no act toward anyone.
    fn drop_quoted_selves(&self, events: &mut Vec<Event>, trace: &mut Trace) {
        let selves: Vec<crate::model::Span> =
            quotes::first_persons(self.sentence, &self.attributions)
                .map(|(i, _)| {
                    let t = &self.tokens()[i];
                    self.analysis.original_span(t.start, t.end)
                })
                .collect();
        if selves.is_empty() {
            return;
        }
        events.retain(|e| {
            let quoted_self = e.source.as_ref().is_some_and(|s| selves.contains(&s.span));
            let keep = e.target.is_some()
                || !quoted_self
                || (super::grammar::COMMON_NOUN_TARGETLESS_CODES.words().iter())
                    .any(|p| e.cameo.starts_with(*p));
            if !keep {
                trace.note(|| {
                    format!(
                        "'{}' by a quoted first person has no target: no event",
                        e.cameo
                    )
                });
            }
            keep
        });
    }

    /// The sentence's tokens.
    pub(super) fn tokens(&self) -> &'a [Token] {
        &self.sentence.tokens
    }

    /// The first token of the clause holding token `i`.
    fn clause_start(&self, i: usize) -> usize {
        self.sentence.clauses[self.sentence.clause_of(i)]
            .tokens
            .start
    }

    /// The quotation whose speech verb is `head`, if any.
    pub(super) fn quote_at(&self, head: usize) -> Option<Quote> {
        let a = self.attributions.iter().find(|a| a.verb == Some(head))?;
        let tokens = self.tokens();
        let (start, end) = (
            tokens[a.quote.start].start,
            tokens[a.quote.end.max(a.quote.start + 1) - 1].end,
        );
        Some(Quote {
            text: self.analysis.text()[start..end].to_string(),
            span: self.analysis.original_span(start, end),
        })
    }

    /// Tries the verb patterns at every token; returns the events with their clauses, settled by
    /// the conventions for reported speech ([`speech::settle`]).
    fn code_patterns(&self, trace: &mut Trace) -> Vec<ClausedEvent> {
        let tokens = self.tokens();
        let units = self.skip_units();
        let words = patterns::Words::new(tokens, &units).with_adjuncts(&self.times);
        let mut walk = PatternWalk::default();
        let mut candidates = Vec::new();
        let mut events = Vec::new();
        let mut superseded = Vec::new();
        let mut open: Option<OpenGovernor> = None;
        let mut weapon: Option<Weapon> = None;
        for i in 0..tokens.len() {
            // The tag test first: it needs neither the walk nor the clause.
            if !patterns::can_head(&tokens[i]) || walk.skips(self, i) {
                continue;
            }
            let clause_idx = self.sentence.clause_of(i);
            let clause = self.sentence.clauses[clause_idx].tokens.clone();
            match patterns::match_at(&self.coder.dict, &words, i, clause, &mut candidates) {
                Ok(m) => {
                    walk.enter(&m);
                    let mut made = events::events_for(self, &m, clause_idx, &walk.prior, trace);
                    if reciprocal::is_mutual(tokens, &m) {
                        let before = made.events.len();
                        made.events = reciprocal::pair_up(made.events);
                        if made.events.len() != before {
                            trace.note(|| {
                                let text = &tokens[m.head].text;
                                format!("'{text}' is mutual: each joined source targets the other")
                            });
                        }
                    }
                    if let Some(sides) = self.two_sides() {
                        made.events = reciprocal::both_sides(made.events, [&sides[0], &sides[1]]);
                    }
                    walk.prior.record(&m, !made.events.is_empty());
                    if let Some(w) = weapon.take().filter(|_| !m.pattern.noun) {
                        self.instrument_subject(w, &m, clause_idx, &mut made.events, trace);
                    }
                    if m.pattern.noun && is_violent(&m.pattern.code) {
                        weapon = Some(Weapon {
                            head: m.head,
                            clause: clause_idx,
                            code: m.pattern.code.clone(),
                        });
                    }
                    // A request or demand noun inside an open governor's object is what it
                    // governs, not a new governor: "rejected a request for a loan" stays 1221.
                    let inner = m.pattern.noun
                        && complement::stance_of(&tokens[m.head]).is_some()
                        && open.as_ref().is_some_and(|g| g.clause == clause_idx);
                    if m.pattern.noun && answers_demand(tokens, &m, clause_idx, &events) {
                        // "gave in to opposition demands for reform": the demand is what the
                        // act yields to, accepts or meets, not a second event.
                        made.events.clear();
                    }
                    if m.pattern.noun && made.events.is_empty() {
                        if !inner {
                            self.noun_object(open.take(), &m, clause_idx, &mut events, trace);
                        }
                    } else if !inner {
                        open = OpenGovernor::after(self, &m, clause_idx, events.len(), &made);
                    }
                    superseded.extend(made.supersedes);
                    events.extend(made.events.into_iter().map(|event| HeadedEvent {
                        event,
                        clause: clause_idx,
                        head: m.head,
                        pattern: m.tokens.clone(),
                    }));
                }
                Err(Some(miss)) => trace.note(|| {
                    let text = &tokens[miss.head].text;
                    format!("token {} '{text}': {}", miss.head, miss.reason)
                }),
                Err(None) => {}
            }
        }
        let mut settled = speech::settle(self, events, &superseded);
        super::authority::unauthorised_charges(self, &mut settled);
        super::topic::refine(self, &mut settled, false);
        super::protest::fold_purposes(self, &mut settled);
        super::topic::refine(self, &mut settled, true);
        super::visits::drop_private(&mut settled);
        super::visits::recode_deployments(self, &mut settled);
        super::visits::drop_armed_marches(&mut settled);
        super::collapse::drop_objects(&mut settled, |head| !tokens[head].tag.is_verb());
        super::background::drop_background(&mut settled, tokens, &self.mentions);
        super::collapse::drop_results(&mut settled, tokens);
        super::collapse::drop_punishments(&mut settled, tokens);
        super::collapse::drop_weapon_agents(&mut settled);
        super::collapse::one_per_act(&mut settled);
        settled
            .into_iter()
            .map(|e| ClausedEvent {
                event: e.event,
                clause: e.clause,
                pattern: e.pattern,
            })
            .collect()
    }

    /// "asked Japan for more assistance", "threatened Iran with sanctions", "rejected joint
    /// military operations": a governing verb's generic event takes the sub-code of the event
    /// noun in its object (the noun is no event of its own), mapped like a governed act.
    fn noun_object(
        &self,
        open: Option<OpenGovernor>,
        m: &VerbMatch<'_>,
        clause_idx: usize,
        events: &mut [HeadedEvent],
        trace: &mut Trace,
    ) {
        // A plain statement's object is who hears it ("told a news conference"), not an act.
        let Some(g) = open.filter(|g| {
            g.clause == clause_idx && g.head < m.head && g.code != speech::PLAIN_STATEMENT
        }) else {
            return;
        };
        if self.tokens()[g.head + 1..m.head]
            .iter()
            .any(|t| t.tag.is_verb())
        {
            return;
        }
        let Some(code) = complement::governed_code(&m.pattern.code, g.stance) else {
            return;
        };
        // A generic code gives way; a specific one only to its own sub-code ("appeal to * for
        // aid" 023 + "food aid" → 0233).
        let refines = code.len() > g.code.len() && code.starts_with(g.code.as_str());
        if !complement::gives_way(&g.code) && !refines {
            return;
        }
        for e in &mut events[g.events] {
            emit::recode(self, &mut e.event, code, Rule::Governed(g.stance));
        }
        trace.note(|| {
            let (p, text) = (&m.pattern, &self.tokens()[m.head].text);
            format!(
                "event noun '{}' ({}) at '{text}' is the object of a {:?}: its events are coded as {code}",
                p.text, p.code, g.stance
            )
        });
    }

    /// "A roadside bomb killed four soldiers", "a US drone strike killed militants": a generic
    /// act of force whose subject is a weapon or attack noun takes that noun's code (1833, 1952).
    fn instrument_subject(
        &self,
        w: Weapon,
        m: &VerbMatch<'_>,
        clause_idx: usize,
        made: &mut [Event],
        trace: &mut Trace,
    ) {
        let tokens = self.tokens();
        let subject = w.clause == clause_idx && w.head < m.head;
        if !subject || made.is_empty() || !is_violent(&m.pattern.code) || w.code == m.pattern.code {
            return;
        }
        if tokens[w.head + 1..m.head].iter().any(|t| t.tag.is_verb()) {
            return;
        }
        for e in made.iter_mut() {
            emit::recode(self, e, &w.code, Rule::NominalEvent);
        }
        trace.note(|| {
            let (verb, noun) = (&tokens[m.head].text, &tokens[w.head].text);
            format!(
                "'{verb}' is done with '{noun}' ({}): coded as {}",
                w.code, w.code
            )
        });
    }

    /// A bombing by a state's forces is aerial weapons, not CAMEO's non-military 183.
    fn military_bombings(&self, events: &mut [ClausedEvent], trace: &mut Trace) {
        for e in events.iter_mut() {
            let source = e.event.source.as_ref().map_or("", |a| a.code.as_str());
            if let Some(code) = method::military_bombing(&e.event.cameo, source) {
                trace.note(|| format!("a bombing by {source} is aerial weapons: coded as {code}"));
                emit::recode(self, &mut e.event, code, Rule::MilitaryBombing);
            }
        }
    }

    /// The two actors "both sides", "the two countries" stand for in this sentence, if any.
    fn two_sides(&self) -> Option<[crate::model::Actor; 2]> {
        let mut sides = self
            .mentions
            .iter()
            .filter(|m| m.is_two_sides())
            .map(|m| emit::actor(self, m));
        let pair = [sides.next()?, sides.next()?];
        Some(pair)
    }

    /// `units[k]`: the end of the unit a gap skips at token `k`. A mention is one unit, and so
    /// are actors joined by "and"/"or" ("gave *Israel and the Palestinians* a deadline") and a
    /// noun phrase — determiners, numbers and adjectives up to its last noun ("six employees",
    /// "the company") — so that "found six employees of the company guilty of" skips three
    /// units, not five.
    fn skip_units(&self) -> Vec<usize> {
        let tokens = self.tokens();
        let mut units = noun_phrase_units(tokens);
        let mut starts = vec![false; tokens.len() + 1];
        for m in &self.mentions {
            units[m.start] = units[m.start].max(m.end);
            starts[m.start] = true;
        }
        for k in (0..tokens.len()).rev().filter(|&k| starts[k]) {
            let joiner = units[k];
            let or_and = tokens
                .get(joiner)
                .is_some_and(|t| t.lower == "and" || t.lower == "or");
            let mut next = joiner + 1;
            if tokens.get(next).is_some_and(|t| t.tag == Tag::DT) {
                next += 1;
            }
            if or_and && starts.get(next) == Some(&true) {
                units[k] = units[next];
            }
        }
        units
    }

    /// Gives each event its location. Places are resolved only where they are used: for events,
    /// for the dateline (first sentence), and for the document's place list when it is asked for.
    fn locate(
        &self,
        mut events: Vec<ClausedEvent>,
        memory: &mut DocumentState,
        trace: &mut Trace,
    ) -> Vec<Event> {
        let wanted = !events.is_empty()
            || self.sentence.index == 0
            || self.coder.document_places
            || trace.is_on();
        if let (true, Some(resolver)) = (wanted, &self.coder.places) {
            let actors = self.actor_spans();
            let places = &mut memory.places;
            let text = (self.analysis, self.sentence);
            let found = places.resolve_sentence(resolver, text, &actors, trace.is_on());
            if let Some(t) = trace.explanation() {
                t.places
                    .extend(found.iter().flat_map(|m| m.explain(resolver.gazetteer())));
            }
            for e in &mut events {
                e.event.location =
                    places.event_location(self.analysis, self.sentence, &found, &actors, e.clause);
                self.place_target(e, &found, &actors, trace);
                self.authority_place(e, &found, &actors, trace);
            }
        }
        events.into_iter().map(|e| e.event).collect()
    }

    /// An event aimed at a territory without a target actor targets its place's country.
    fn place_target(
        &self,
        e: &mut ClausedEvent,
        found: &[PlaceMatch],
        actors: &[ActorSpan<'_>],
        trace: &mut Trace,
    ) {
        let open = e.event.target.is_none() || victims::yields_to_place(&e.event.rules);
        let Some(role) = open
            .then(|| place_target::place_role(&e.event.cameo))
            .flatten()
        else {
            return;
        };
        let clause = self.sentence.clauses[e.clause].tokens.clone();
        let tokens = self.tokens();
        let place = locate::target_place(tokens, found, actors, clause, e.pattern.clone(), role);
        if let Some(m) =
            place.filter(|m| place_target::set_place_target(self.analysis, &mut e.event, m))
        {
            victims::forget(&mut e.event.rules);
            trace.note(|| {
                format!(
                    "place '{}' gives the target country {}",
                    m.text, m.cameo_country
                )
            });
        }
    }

    /// "was detained in Mumbai": the implied authority of an agentless arrest or charge is the
    /// police or judiciary of the country of the place in its clause where it happened.
    fn authority_place(
        &self,
        e: &mut ClausedEvent,
        found: &[PlaceMatch],
        actors: &[ActorSpan<'_>],
        trace: &mut Trace,
    ) {
        if !authority::takes_locative_place(&e.event.rules) {
            return;
        }
        let clause = self.sentence.clauses[e.clause].tokens.clone();
        let (tokens, at) = (self.tokens(), locate::PlaceRole::At);
        let Some(m) = locate::target_place(tokens, found, actors, clause, e.pattern.clone(), at)
        else {
            return;
        };
        if authority::set_place_country(&mut e.event, m) {
            trace.note(|| {
                format!(
                    "place '{}' gives the implied authority's country {}",
                    m.text, m.cameo_country
                )
            });
        }
    }

    /// The mentions as the place resolver sees them.
    fn actor_spans(&self) -> Vec<ActorSpan<'_>> {
        self.mentions
            .iter()
            .map(|m| ActorSpan {
                tokens: m.start..m.end,
                code: m.code.as_str(),
            })
            .collect()
    }
}

/// The mentions of a sentence (with speakers' pronouns and quoted first persons resolved) and
/// its quotations.
fn sentence_mentions(
    coder: &Coder,
    doc: &Document,
    (analysis, sentence): (&Analysis, &Sentence),
    matches: SentencePhrases<'_>,
    memory: &mut DocumentState,
    trace: &mut Trace,
) -> (Vec<Mention>, Vec<Attribution>) {
    let tokens = &sentence.tokens;
    let place = memory.quotes.place(sentence.index);
    let quoted = quotations(sentence, place);
    let (mut mentions, places) = mentions::find_mentions(
        &coder.dict,
        &coder.names,
        tokens,
        matches,
        (doc.date, &quoted),
        &mut memory.actors,
    );
    if let Some(end) = dateline::end(tokens) {
        mentions.retain(|m| m.start >= end); // "RANGOON, Oct 9 -" is where, not who
    }
    speaker::speaker_possessives(sentence, &mut mentions);
    let attributions = attributions(coder, doc, (analysis, sentence), &mentions, memory);
    let quoted = quotes::first_person_mentions(sentence, &attributions);
    if !quoted.is_empty() {
        mentions.extend(quoted);
        mentions.sort_by_key(|m| m.start);
    }
    if let Some(t) = trace.explanation() {
        t.record_mentions(tokens, &mentions, &places);
    }
    (mentions, attributions)
}

/// The sentence's quotations with their speakers: those attributed in the sentence, the end of
/// a quotation opened earlier that closes here before its attribution, and a quotation the
/// sentence opens with or continues that names no speaker of its own — it keeps the speaker
/// named where it closes in a later sentence (`"We want a deal. We will talk to anyone," he
/// said.`), else that of the previous sentence's quotation (a paragraph of quoted sentences).
fn attributions(
    coder: &Coder,
    doc: &Document,
    (analysis, sentence): (&Analysis, &Sentence),
    mentions: &[Mention],
    memory: &mut DocumentState,
) -> Vec<Attribution> {
    let place = memory.quotes.place(sentence.index);
    let mut out = quotes::attribute(sentence, mentions);
    out.extend(
        place
            .closes
            .and_then(|c| quotes::closing_attribution(sentence, mentions, c)),
    );
    let lead = quote_runs::lead_quote(sentence, place)
        .filter(|q| !out.iter().any(|a| a.quote.contains(&q.start)));
    if let Some(quote) = lead {
        let speaker = closing_speaker(coder, doc, analysis, sentence.index, memory)
            .or_else(|| memory.quotes.previous_speaker(sentence.index).cloned());
        out.extend(speaker.map(|speaker| Attribution {
            quote,
            verb: None,
            speaker,
        }));
    }
    let last = out.iter().max_by_key(|a| a.quote.start);
    let carried = last.map(|a| quotes::carried(&sentence.tokens, &a.speaker));
    memory.quotes.remember(sentence.index, carried);
    out
}

/// The speaker named where the quotation left open by sentence `i` closes, in a later sentence
/// (`... anyone," he said.`), resolved with a copy of the document's actor memory (names inside a
/// quotation are no antecedents, so the memory is the one that sentence will see).
fn closing_speaker(
    coder: &Coder,
    doc: &Document,
    analysis: &Analysis,
    i: usize,
    memory: &DocumentState,
) -> Option<Mention> {
    let j = memory.quotes.closing_sentence(i)?;
    let later = analysis.sentences.get(j)?;
    let place = memory.quotes.place(j);
    let raw = coder
        .dict
        .match_phrases(&crate::dict::EncodedSentence::new(&later.tokens));
    let phrases = SentencePhrases::new(&coder.dict, (raw, &later.tokens), doc.date);
    let mut actors = memory.actors.clone();
    let quoted = quotations(later, place);
    let (mentions, _) = mentions::find_mentions(
        &coder.dict,
        &coder.names,
        &later.tokens,
        phrases,
        (doc.date, &quoted),
        &mut actors,
    );
    let a = quotes::closing_attribution(later, &mentions, place.closes?)?;
    Some(quotes::carried(&later.tokens, &a.speaker))
}

/// The token ranges of the sentence's quotations: a quotation clause closed in the sentence or
/// opening it ("“We are ready. ..."), one it opens and leaves open (`He said: "We are ready.`),
/// and the words before the mark that closes a quotation opened in an earlier sentence (or the
/// whole sentence, inside one). In a sentence that continues an earlier quotation, a quotation
/// clause that starts after the first token and never closes starts at its closing mark (`...at
/// all,” he said.`): what follows that mark is the narrative.
fn quotations(sentence: &Sentence, place: QuotePlace) -> Vec<Range<usize>> {
    let tokens = &sentence.tokens;
    let mut out: Vec<Range<usize>> = (0..sentence.clauses.len())
        .filter(|&k| sentence.clauses[k].kind == ClauseKind::Quotation)
        .map(|k| quotes::quotation_extent(sentence, k))
        .filter(|q| {
            let inner = tokens.get(q.start + 1..q.end);
            q.start == 0
                || !place.continues
                || inner.is_some_and(|t| t.iter().any(quote_runs::is_mark))
        })
        .collect();
    if place.continues {
        out.push(0..place.closes.map_or(tokens.len(), |c| c + 1));
    }
    out
}

/// A weapon or attack noun ("roadside bomb", "drone strike") that may be the subject of the
/// next act of force.
struct Weapon {
    head: usize,
    clause: usize,
    code: String,
}

/// Unconventional violence, assault, fighting: the codes whose weapon nouns make a generic act
/// specific.
fn is_violent(code: &str) -> bool {
    code.starts_with("18") || code.starts_with("19")
}

/// A governing verb's generic event ("ask" 020, "demand" 100, "reject" 120, "threaten" 130)
/// that an event noun in its object can still make specific.
struct OpenGovernor {
    stance: Stance,
    clause: usize,
    /// The governing verb.
    head: usize,
    /// The governing pattern's code.
    code: String,
    /// Its events, as indices into the sentence's events.
    events: Range<usize>,
}

impl OpenGovernor {
    /// The governor opened by match `m`, whose events start at `first` in the sentence's list.
    fn after(
        ctx: &SentenceContext<'_>,
        m: &VerbMatch<'_>,
        clause: usize,
        first: usize,
        made: &events::Coded,
    ) -> Option<OpenGovernor> {
        let head = &ctx.tokens()[m.head];
        // Nominal governors count too: "Arafat's call for an end to attacks" (020 → 0256).
        let generic = m.pattern.code.len() == 3;
        if !generic || made.events.is_empty() || made.supersedes.is_some() {
            return None;
        }
        Some(OpenGovernor {
            stance: complement::stance_of(head)?,
            clause,
            head: m.head,
            code: m.pattern.code.clone(),
            events: first..first + made.events.len(),
        })
    }
}

/// What earlier pattern matches in the sentence covered.
#[derive(Debug, Default)]
pub(super) struct PriorMatches {
    /// Tokens skipped by their gaps.
    pub(super) gaps: Vec<Range<usize>>,
    /// Tokens their fixed words matched.
    pub(super) fixed: Vec<usize>,
    /// One past the last token of the latest match.
    pub(super) last_end: Option<usize>,
    /// The latest pattern ends in "of" ("offer of").
    pub(super) last_ends_with_of: bool,
    /// Fixed words of coded matches that yield or de-escalate (08x), appeal, promise, demand or
    /// threaten (02x, 03x, 10x, 13x): what they stop, ask for, promise or threaten is no act of
    /// its own ("suspended its air strikes", "pledged $35 million in aid to").
    pub(super) yielded: Vec<usize>,
}

impl PriorMatches {
    /// Whether token `i` is a fixed word of an earlier match or inside one of its gaps.
    pub(super) fn covers(&self, i: usize) -> bool {
        self.fixed.contains(&i) || self.gaps.iter().any(|g| g.contains(&i))
    }

    fn record(&mut self, m: &VerbMatch<'_>, coded: bool) {
        let code = m.pattern.code.as_str();
        if coded
            && ["02", "03", "08", "10", "13"]
                .iter()
                .any(|p| code.starts_with(p))
        {
            self.yielded.reserve(m.tokens.len());
            self.yielded.extend(fixed_tokens(m));
        }
        self.gaps.extend(m.gaps.iter().cloned());
        self.fixed.reserve(m.tokens.len());
        self.fixed.extend(fixed_tokens(m));
        self.last_end = Some(m.tokens.end);
        self.last_ends_with_of =
            matches!(m.pattern.rest.last(), Some(PatternWord::Word(w)) if w.as_str() == "of");
    }
}

/// The tokens of a match that are not inside its gaps.
pub(super) fn fixed_tokens<'m>(m: &'m VerbMatch<'_>) -> impl Iterator<Item = usize> + 'm {
    m.tokens
        .clone()
        .filter(|k| !m.gaps.iter().any(|g| g.contains(k)))
}

/// The walk's position: what the matches so far cover.
#[derive(Debug, Default)]
struct PatternWalk {
    /// Tokens before this are covered by a match.
    covered: usize,
    /// Fixed words of gapped matches: not heads again.
    skip_fixed: Vec<usize>,
    /// What the earlier matches covered.
    prior: PriorMatches,
}

impl PatternWalk {
    /// Whether token `i` cannot head a pattern: covered by a match, a fixed word of a gapped
    /// match, or inside an actor mention (unless a verb).
    fn skips(&self, ctx: &SentenceContext<'_>, i: usize) -> bool {
        let t = &ctx.tokens()[i];
        // The tag tests come first: only a past form can be a prenominal participle, only a
        // verb a fixed word skipped, only a non-verb is inside a mention.
        let past = matches!(t.tag, Tag::VBN | Tag::VBD);
        i < self.covered
            || past && prenominal_participle(ctx.tokens(), i, ctx.clause_start(i))
            || t.tag.is_verb() && self.skip_fixed.contains(&i)
            || !t.tag.is_verb()
                && ctx
                    .mentions
                    .iter()
                    .any(|m| m.start <= i && i < m.end && m.kind != MentionKind::Coreference)
    }

    /// Words skipped by a gap stay available ("condemned North Korea's nuclear test" also codes
    /// the test).
    fn enter(&mut self, m: &VerbMatch<'_>) {
        self.covered = m.gaps.first().map_or(m.tokens.end, |g| g.start);
        if !m.gaps.is_empty() {
            self.skip_fixed.extend(fixed_tokens(m));
        }
    }
}

/// A participle used as an adjective before its noun ("armed men", "the detained sailors",
/// "the proposed deal") is no act: it opens a noun phrase, after a determiner, preposition,
/// conjunction, number, possessive, a main verb ("said armed men attacked") or at the start of
/// its clause.
fn prenominal_participle(tokens: &[Token], i: usize, clause_start: usize) -> bool {
    // "said armed men attacked": a past form right after another (non-auxiliary) verb.
    let after_verb = i > 0
        && tokens[i - 1].tag.is_finite_verb()
        && crate::text::tag::auxiliary_of(&tokens[i - 1].lower).is_none();
    let opens_phrase = i == clause_start
        || after_verb
        || matches!(
            tokens[i - 1].tag,
            Tag::DT | Tag::IN | Tag::CC | Tag::CD | Tag::PRPS | Tag::POS
        );
    let participle = tokens[i].tag == Tag::VBN || tokens[i].tag == Tag::VBD && after_verb;
    participle
        && opens_phrase
        && tokens
            .get(i + 1)
            .is_some_and(|n| matches!(n.tag, Tag::NN | Tag::NNS | Tag::JJ))
}

/// Drops repeated (source, target, code) triples within a sentence (the first is kept). A
/// sentence has few events: a scan of those kept, without copying their codes into a set; the
/// kept events move to the front of the vector, in order.
fn dedupe(mut events: Vec<Event>) -> Vec<Event> {
    fn key(e: &Event) -> (Option<&str>, Option<&str>, &str) {
        (
            e.source.as_ref().map(|a| a.code.as_str()),
            e.target.as_ref().map(|a| a.code.as_str()),
            e.cameo.as_str(),
        )
    }
    let mut kept = 0;
    for i in 0..events.len() {
        if !events[..kept].iter().any(|k| key(k) == key(&events[i])) {
            if kept != i {
                events.swap(kept, i);
            }
            kept += 1;
        }
    }
    events.truncate(kept);
    events
}

/// A request or demand noun right after a yield (08) or rejection (12) coded from a verb in its
/// clause, with no verb between ("gave in to opposition demands", "rejected the union's
/// demands"): the act's object, no event. A statement before it ("repeated his offer of talks")
/// or a noun act ("its nuclear test and its pledge to return") keeps it.
fn answers_demand(
    tokens: &[Token],
    m: &VerbMatch<'_>,
    clause_idx: usize,
    events: &[HeadedEvent],
) -> bool {
    complement::stance_of(&tokens[m.head]).is_some()
        && events.last().is_some_and(|e| {
            e.clause == clause_idx
                && ["08", "12"]
                    .iter()
                    .any(|root| e.event.cameo.starts_with(root))
                && tokens[e.head].tag.is_verb()
                && e.pattern.end <= m.head
                && tokens[e.pattern.end..m.head]
                    .iter()
                    .all(|t| !t.tag.is_verb())
        })
}

/// `units[k]`: the end of the noun phrase starting at token `k` (prenominal words and nouns up to
/// its last noun), else `k + 1`.
fn noun_phrase_units(tokens: &[Token]) -> Vec<usize> {
    let mut units: Vec<usize> = (1..=tokens.len()).collect();
    let mut start = 0;
    while start < tokens.len() {
        let run = noun_phrase_end(&tokens[start..]);
        if run > 1 {
            units[start] = start + run;
        }
        start += run.max(1);
    }
    units
}

/// The length of the noun phrase that opens `tokens` — prenominal words and nouns up to the
/// last noun of the run — or 0 when the run holds no noun.
fn noun_phrase_end(tokens: &[Token]) -> usize {
    let mut last_noun = 0;
    for (i, t) in tokens.iter().enumerate() {
        if t.tag.is_noun() {
            last_noun = i + 1;
        } else if !t.tag.is_prenominal() {
            break;
        }
    }
    last_noun
}
