//! Coding: from analysed sentences to events.
//!
//! For each sentence the coder finds actor mentions ([`mentions`]) and verb-pattern matches
//! ([`patterns`]), then for each match picks the source (the clause's subject, inherited from the
//! governing clause when the clause has none, or the `by` agent of a passive) and the target (the
//! first actor after the verb in the clause, or the subject of its complement clause), and emits
//! one event per source–target pair. [`Coder::explain`] records every decision.

pub mod explain;
pub mod mentions;
pub mod patterns;
pub mod quotes;

pub use explain::{Explanation, SentenceExplanation};

use crate::dict::{Dictionaries, EncodedSentence};
use crate::error::Result;
use crate::model::{Actor, DatePrecision, Document, Event, Evidence};
use crate::resolve::{PlaceMatch, PlaceMemory, PlaceResolver};
use crate::text::{analyze, Analysis, ClauseKind, Sentence, Tag};
use mentions::{DocumentMemory, Mention, MentionKind};
use patterns::VerbMatch;
use std::sync::Arc;

/// Builds a [`Coder`].
#[derive(Clone, Debug)]
pub struct CoderBuilder {
    dictionaries: Option<Arc<Dictionaries>>,
    keep_hypothetical: bool,
    places: bool,
    document_places: bool,
}

impl Default for CoderBuilder {
    fn default() -> Self {
        CoderBuilder {
            dictionaries: None,
            keep_hypothetical: false,
            places: true,
            document_places: true,
        }
    }
}

impl CoderBuilder {
    /// A builder with the bundled dictionaries.
    pub fn new() -> CoderBuilder {
        CoderBuilder::default()
    }

    /// Uses these dictionaries instead of the bundled ones.
    pub fn dictionaries(mut self, d: Arc<Dictionaries>) -> CoderBuilder {
        self.dictionaries = Some(d);
        self
    }

    /// Also code verbs under "must", "should", "could", "might", "may" and in "if" clauses
    /// (off by default: those events have not happened).
    pub fn keep_hypothetical(mut self, yes: bool) -> CoderBuilder {
        self.keep_hypothetical = yes;
        self
    }

    /// Resolve event locations with the bundled gazetteer (default: on).
    pub fn places(mut self, yes: bool) -> CoderBuilder {
        self.places = yes;
        self
    }

    /// Resolve the places of every sentence for [`CodedDocument::places`] (default: on). When
    /// off, only sentences with events (and the first, for the dateline) are resolved, which is
    /// faster when only events are written.
    pub fn document_places(mut self, yes: bool) -> CoderBuilder {
        self.document_places = yes;
        self
    }

    /// Builds the coder. The gazetteer loads on a second thread while the dictionaries compile.
    pub fn build(self) -> Result<Coder> {
        let gazetteer = self
            .places
            .then(|| std::thread::spawn(crate::resolve::Gazetteer::bundled));
        let dict = self
            .dictionaries
            .unwrap_or_else(|| Arc::new(Dictionaries::bundled()));
        let places = match gazetteer {
            Some(handle) => Some(Arc::new(PlaceResolver::new(handle.join().map_err(
                |_| crate::error::Error::Config("the gazetteer failed to load".into()),
            )?))),
            None => None,
        };
        Ok(Coder {
            dict,
            keep_hypothetical: self.keep_hypothetical,
            places,
            document_places: self.document_places,
        })
    }
}

/// The event coder. Cheap to clone; safe to share between threads.
#[derive(Clone, Debug)]
pub struct Coder {
    dict: Arc<Dictionaries>,
    keep_hypothetical: bool,
    places: Option<Arc<PlaceResolver>>,
    document_places: bool,
}

/// The events of one document, plus warnings about its text.
#[derive(Clone, Debug, Default)]
pub struct CodedDocument {
    /// Events in text order.
    pub events: Vec<Event>,
    /// Number of sentences.
    pub sentences: usize,
    /// Warnings (invalid UTF-8 repaired, ...).
    pub warnings: Vec<String>,
    /// The distinct places the document names as places (not as actors), in order.
    pub places: Vec<crate::resolve::Location>,
}

const MODALS_HYPOTHETICAL: &[&str] = &["must", "should", "could", "might", "may", "ought"];
const LOCATIVE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "near",
    "inside",
    "outside",
    "across",
    "throughout",
    "within",
    "around",
    "across",
];
const NON_TARGET_PREPOSITIONS: &[&str] = &[
    "during",
    "since",
    "after",
    "before",
    "despite",
    "amid",
    "amidst",
    "like",
    "unlike",
    "including",
    "until",
    "by",
];

impl Coder {
    /// A coder with the bundled dictionaries.
    pub fn bundled() -> Coder {
        CoderBuilder::new().build().unwrap_or_else(|_| Coder {
            dict: Arc::new(Dictionaries::bundled()),
            keep_hypothetical: false,
            places: None,
            document_places: false,
        })
    }

    /// The dictionaries in use.
    pub fn dictionaries(&self) -> &Dictionaries {
        &self.dict
    }

    /// Codes one document.
    pub fn code(&self, doc: &Document) -> CodedDocument {
        self.run(doc, None)
    }

    /// Codes one document and records why each event was or was not produced.
    pub fn explain(&self, doc: &Document) -> Explanation {
        let mut exp = Explanation::default();
        let coded = self.run(doc, Some(&mut exp));
        exp.warnings = coded.warnings;
        exp
    }

    fn run(&self, doc: &Document, mut trace: Option<&mut Explanation>) -> CodedDocument {
        let analysis = analyze(&doc.text, &self.dict.lexicon);
        let mut out = CodedDocument {
            sentences: analysis.sentences.len(),
            ..CodedDocument::default()
        };
        if analysis.normalized.had_invalid_utf8() {
            out.warnings.push(
                "invalid UTF-8 replaced with U+FFFD; spans still index the original bytes".into(),
            );
        }
        let mut memory = DocumentMemory::default();
        let mut places = PlaceState::default();
        for sentence in &analysis.sentences {
            let mut st = trace
                .as_ref()
                .map(|_| SentenceExplanation::new(&analysis, sentence));
            let events = self.code_sentence(
                doc,
                &analysis,
                sentence,
                &mut memory,
                &mut places,
                st.as_mut(),
            );
            if let (Some(t), Some(mut s)) = (trace.as_deref_mut(), st) {
                s.events = events.clone();
                t.sentences.push(s);
            }
            out.events.extend(events);
        }
        out.places = places.all;
        out
    }

    fn code_sentence(
        &self,
        doc: &Document,
        analysis: &Analysis,
        sentence: &Sentence,
        memory: &mut DocumentMemory,
        place_state: &mut PlaceState,
        mut trace: Option<&mut SentenceExplanation>,
    ) -> Vec<Event> {
        if sentence.is_empty_of_words() {
            return Vec::new();
        }
        let tokens = &sentence.tokens;
        let encoded = EncodedSentence::new(tokens);
        let mut matches = self.dict.match_phrases(&encoded);
        if let Some(d) = std::mem::take(&mut matches.discards).first() {
            let words = tokens[d.start..d.end]
                .iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            if let Some(t) = trace.as_deref_mut() {
                t.decisions.push(format!(
                    "sentence discarded: it contains the discard phrase '{words}'"
                ));
            }
            return Vec::new();
        }
        let (mut mentions, places) =
            mentions::find_mentions(&self.dict, tokens, matches, doc.date, memory);
        speaker_possessives(sentence, &mut mentions);
        let attributions = quotes::attribute(sentence, &mentions);
        let quoted = quotes::first_person_mentions(sentence, &attributions);
        if !quoted.is_empty() {
            mentions.extend(quoted);
            mentions.sort_by_key(|m| m.start);
        }
        if let Some(t) = trace.as_deref_mut() {
            t.record_mentions(tokens, &mentions, &places);
        }
        let times = crate::dates::find(tokens);
        let mut units: Vec<usize> = (1..=tokens.len()).collect();
        for m in &mentions {
            units[m.start] = units[m.start].max(m.end);
        }
        let mut events = Vec::new();
        let mut event_clauses: Vec<usize> = Vec::new();
        let mut covered = 0;
        let mut skip_fixed: Vec<usize> = Vec::new();
        let mut prior = PriorMatches::default();
        for i in 0..tokens.len() {
            if i < covered
                || skip_fixed.contains(&i) && tokens[i].tag.is_verb()
                || mentions
                    .iter()
                    .any(|m| m.start <= i && i < m.end && m.kind != MentionKind::Coreference)
                    && !tokens[i].tag.is_verb()
            {
                continue;
            }
            let clause_idx = sentence.clause_of(i);
            let clause = sentence.clauses[clause_idx].tokens.clone();
            match patterns::match_at(&self.dict, tokens, &units, i, clause) {
                Ok(m) => {
                    // Words skipped by a gap stay available ("condemned North Korea's nuclear
                    // test" also codes the test).
                    covered = m.gaps.first().map_or(m.tokens.end, |g| g.start);
                    if !m.gaps.is_empty() {
                        skip_fixed.extend(
                            m.tokens
                                .clone()
                                .filter(|k| !m.gaps.iter().any(|g| g.contains(k))),
                        );
                    }
                    let quote = attributions
                        .iter()
                        .find(|a| a.verb == m.head)
                        .map(|a| quote_of(analysis, sentence, a));
                    let mut made = self.events_for(
                        doc,
                        analysis,
                        sentence,
                        &mentions,
                        &times,
                        &m,
                        clause_idx,
                        &prior,
                        trace.as_deref_mut(),
                    );
                    prior.gaps.extend(m.gaps.iter().cloned());
                    prior.fixed.extend(
                        m.tokens
                            .clone()
                            .filter(|k| !m.gaps.iter().any(|g| g.contains(k))),
                    );
                    prior.last_end = Some(m.tokens.end);
                    prior.last_ends_with_of = matches!(m.pattern.rest.last(), Some(crate::dict::PatternWord::Word(w)) if w == "of");
                    if quote.is_some() {
                        for e in made.iter_mut().filter(|e| e.cameo.starts_with("01")) {
                            e.quote = quote.clone();
                            e.rules.push("quotation".into());
                        }
                    }
                    event_clauses.extend(std::iter::repeat_n(clause_idx, made.len()));
                    events.extend(made);
                }
                Err(Some(miss)) => {
                    if let Some(t) = trace.as_deref_mut() {
                        t.decisions.push(format!(
                            "token {} '{}': {}",
                            miss.head, tokens[miss.head].text, miss.reason
                        ));
                    }
                }
                Err(None) => {}
            }
        }
        // Places are resolved only where they are used: for events, for the dateline (first
        // sentence), and for the document's place list when it is asked for.
        if !events.is_empty() || sentence.index == 0 || self.document_places || trace.is_some() {
            let found = self.find_places(
                analysis,
                sentence,
                &mentions,
                place_state,
                trace.as_deref_mut(),
            );
            for (e, &ci) in events.iter_mut().zip(&event_clauses) {
                e.location = event_location(
                    analysis,
                    sentence,
                    &found,
                    &mentions,
                    ci,
                    place_state.dateline.as_ref(),
                );
            }
        }
        dedupe(events)
    }

    #[allow(clippy::too_many_arguments)]
    fn events_for(
        &self,
        doc: &Document,
        analysis: &Analysis,
        sentence: &Sentence,
        mentions: &[Mention],
        times: &[crate::dates::TimeExpression],
        m: &VerbMatch<'_>,
        clause_idx: usize,
        prior: &PriorMatches,
        trace: Option<&mut SentenceExplanation>,
    ) -> Vec<Event> {
        let tokens = &sentence.tokens;
        let p = m.pattern;
        let (gaps_so_far, previous_end, previous_ends_with_of) =
            (&prior.gaps, prior.last_end, prior.last_ends_with_of);
        let head_text = &tokens[m.head].text;
        let mut decisions: Vec<String> = Vec::new();
        let mut rules: Vec<String> = Vec::new();
        if p.noun {
            rules.push("nominal-event".into());
        }
        if p.negated {
            rules.push("negated-pattern".into());
        }
        let clause = &sentence.clauses[clause_idx];
        if !self.keep_hypothetical && !p.noun {
            if let Some(reason) = hypothetical(sentence, clause_idx, m.head) {
                decisions.push(format!(
                    "pattern '{}' ({}) at '{}' not coded: {reason}",
                    p.text, p.code, head_text
                ));
                push_decisions(trace, decisions);
                return Vec::new();
            }
        }
        let passive = !p.noun && is_passive(tokens, m.head, clause.tokens.clone());
        let (sources, source_rule) = if passive {
            rules.push("passive".into());
            (
                by_agent(tokens, mentions, m, clause.tokens.end),
                "passive-agent",
            )
        } else if p.noun {
            nominal_source(sentence, mentions, m.head, clause_idx)
        } else {
            subject_of(sentence, mentions, clause_idx, m.head)
        };
        if !source_rule.is_empty() && source_rule != "subject" && source_rule != "passive-agent" {
            rules.push(source_rule.to_string());
        }
        let inside_gap =
            gaps_so_far.iter().any(|g| g.contains(&m.head)) || prior.fixed.contains(&m.head);
        // The noun phrase right after an earlier pattern is its object ("condemned the coup in
        // Niger", "offer of aid").
        let np_start = {
            let mut j = m.head;
            while j > 0
                && (tokens[j - 1].tag.is_prenominal()
                    || matches!(tokens[j - 1].tag, Tag::NN | Tag::NNS | Tag::RB))
            {
                j -= 1;
            }
            j
        };
        let object_of_previous = previous_end == Some(m.head) && previous_ends_with_of
            || previous_end.is_some_and(|e| e == np_start && e < m.head);
        if p.noun && source_rule != "possessor" && (inside_gap || object_of_previous) {
            decisions.push(format!("nominal pattern '{}' ({}) at '{}' not coded: it is the object of the event before it", p.text, p.code, head_text));
            push_decisions(trace, decisions);
            return Vec::new();
        }
        if p.noun
            && source_rule != "possessor"
            && inside_unrealized_infinitive(sentence, clause_idx, m.head)
        {
            decisions.push(format!("nominal pattern '{}' ({}) at '{}' not coded: it belongs to an infinitive that is not coded", p.text, p.code, head_text));
            push_decisions(trace, decisions);
            return Vec::new();
        }
        if p.noun && source_rule != "possessor" && !ends_in_preposition(p) {
            decisions.push(format!(
                "nominal pattern '{}' ({}) at '{}' not coded: the noun has no actor of its own",
                p.text, p.code, head_text
            ));
            push_decisions(trace, decisions);
            return Vec::new();
        }
        if sources.is_empty() {
            decisions.push(format!(
                "pattern '{}' ({}) at '{}' matched, but no source actor was found",
                p.text, p.code, head_text
            ));
            push_decisions(trace, decisions);
            return Vec::new();
        }
        let (mut targets, target_rule) = if p.noun && !names_target_slot(p) {
            // "North Korea's nuclear test": a nominal act without a target slot has no target.
            (Vec::new(), "")
        } else {
            target_of(sentence, mentions, m, clause_idx, passive, &sources)
        };
        targets.retain(|t| {
            t.is_none_or(|t| {
                // "raised its military alert": the source's own forces are not a target.
                let own = t.kind == MentionKind::Coreference && tokens[t.start].tag == Tag::PRPS;
                !sources.iter().any(|s| {
                    s.code == t.code
                        || s.start == t.start
                        || own && t.code.get(..3) == s.code.get(..3)
                })
            })
        });
        if !target_rule.is_empty() {
            rules.push(target_rule.to_string());
        }
        if sources.len() > 1 {
            rules.push("compound-source".into());
        }
        if targets.len() > 1 {
            rules.push("compound-target".into());
        }
        if sources
            .iter()
            .copied()
            .chain(targets.iter().flatten().copied())
            .any(|x| x.kind == MentionKind::Coreference)
        {
            rules.push("coreference".into());
        }
        if sources
            .iter()
            .copied()
            .chain(targets.iter().flatten().copied())
            .any(|x| x.kind == MentionKind::LearnedName)
        {
            rules.push("learned-name".into());
        }
        if targets.is_empty() {
            targets.push(None);
        }
        let when = event_date(sentence, times, m.head, clause_idx, doc.date);
        // "will meet", "would visit": an announced meeting is an intent to meet (036).
        let mut code = p.code.clone();
        if code.starts_with("04") && !p.noun && future_modal(tokens, m.head, clause.tokens.start) {
            code = "036".to_string();
            rules.push("future-intent".into());
        }
        if when.as_ref().is_some_and(|w| w.2.is_some()) {
            rules.push("event-date".into());
        }
        let mut events = Vec::new();
        for s in &sources {
            for t in &targets {
                let target = t.filter(|t| t.code != s.code && t.start != s.start);
                events.push(self.make_event(
                    doc,
                    analysis,
                    sentence,
                    s,
                    target,
                    m,
                    &code,
                    &rules,
                    when.clone(),
                ));
            }
        }
        decisions.push(format!(
            "pattern '{}' ({}) at '{}' → {} event(s): source by {}, {}",
            p.text,
            p.code,
            head_text,
            events.len(),
            if source_rule.is_empty() {
                "subject"
            } else {
                source_rule
            },
            if targets.iter().all(Option::is_none) {
                "no target".to_string()
            } else {
                format!(
                    "target by {}",
                    if target_rule.is_empty() {
                        "object"
                    } else {
                        target_rule
                    }
                )
            }
        ));
        push_decisions(trace, decisions);
        events
    }

    #[allow(clippy::too_many_arguments)]
    fn make_event(
        &self,
        doc: &Document,
        analysis: &Analysis,
        sentence: &Sentence,
        s: &Mention,
        t: Option<&Mention>,
        m: &VerbMatch<'_>,
        code: &str,
        rules: &[String],
        when: Option<(String, DatePrecision, Option<usize>)>,
    ) -> Event {
        let tokens = &sentence.tokens;
        let actor = |x: &Mention| {
            let (a, b) = (tokens[x.start].start, tokens[x.end - 1].end);
            Actor {
                code: x.code.clone(),
                text: analysis.text()[a..b].to_string(),
                span: analysis.original_span(a, b),
                entry: x.entry.clone(),
                via: match x.kind {
                    MentionKind::Dictionary => None,
                    MentionKind::LearnedName => Some(format!(
                        "learned-name ({})",
                        x.antecedent.as_deref().unwrap_or("")
                    )),
                    MentionKind::Coreference => Some(format!(
                        "coreference ({})",
                        x.antecedent.as_deref().unwrap_or("")
                    )),
                },
            }
        };
        let info = self.dict.cameo.get(code);
        let (ea, eb) = (tokens[m.tokens.start].start, tokens[m.tokens.end - 1].end);
        let doc_date = doc.date.map(|d| d.format("%Y-%m-%d").to_string());
        Event {
            doc: doc.id.clone(),
            sentence: sentence.index,
            sentence_span: analysis.original_span(sentence.start, sentence.end),
            date: when.as_ref().map(|w| w.0.clone()),
            date_precision: when.map(|w| w.1),
            doc_date,
            source: Some(actor(s)),
            target: t.map(actor),
            cameo: code.to_string(),
            event_name: info.name,
            goldstein: info.goldstein,
            quad_class: info.quad_class,
            plover: info.plover_type,
            plover_mode: info.plover_mode,
            evidence: Evidence {
                text: analysis.text()[ea..eb].to_string(),
                span: analysis.original_span(ea, eb),
                entry: m.pattern.entry.to_string(),
                pattern: m.pattern.text.clone(),
            },
            rules: rules.to_vec(),
            quote: None,
            location: None,
        }
    }
}

/// The event's date: the temporal expression nearest the verb in its clause, else in the clauses
/// it hangs from (not across a relative clause boundary), else the document date. The third
/// element is the expression's first token when one was used.
fn event_date(
    sentence: &Sentence,
    times: &[crate::dates::TimeExpression],
    head: usize,
    clause_idx: usize,
    doc_date: Option<crate::model::Date>,
) -> Option<(String, DatePrecision, Option<usize>)> {
    let doc_date = doc_date?;
    let mut c = Some(clause_idx);
    while let Some(ci) = c {
        let clause = &sentence.clauses[ci];
        let nearest = times
            .iter()
            .filter(|t| clause.tokens.contains(&t.start))
            .min_by_key(|t| {
                if t.start > head {
                    t.start - head
                } else {
                    head - t.end + 1
                }
            });
        if let Some(t) = nearest {
            if let Some((d, p)) = crate::dates::resolve(t.value, doc_date) {
                return Some((d, p, Some(t.start)));
            }
        }
        if clause.kind == ClauseKind::Relative {
            break;
        }
        c = clause.parent;
    }
    Some((
        doc_date.format("%Y-%m-%d").to_string(),
        DatePrecision::Day,
        None,
    ))
}

fn quote_of(
    analysis: &Analysis,
    sentence: &Sentence,
    a: &quotes::Attribution,
) -> crate::model::Quote {
    let tokens = &sentence.tokens;
    let (start, end) = (
        tokens[a.quote.start].start,
        tokens[a.quote.end.max(a.quote.start + 1) - 1].end,
    );
    crate::model::Quote {
        text: analysis.text()[start..end].to_string(),
        span: analysis.original_span(start, end),
    }
}

fn push_decisions(trace: Option<&mut SentenceExplanation>, decisions: Vec<String>) {
    if let Some(t) = trace {
        t.decisions.extend(decisions);
    }
}

/// "urged Iran to return to negotiations over ...": the noun hangs from an infinitive that is
/// itself not coded (an intention or request).
fn inside_unrealized_infinitive(sentence: &Sentence, clause_idx: usize, head: usize) -> bool {
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

/// "invasion of", "embargo on", "talks with": a nominal pattern with a slot for its target.
fn names_target_slot(p: &crate::dict::VerbPattern) -> bool {
    matches!(
        p.rest.last(),
        Some(crate::dict::PatternWord::Word(w)) if matches!(w.as_str(), "with" | "between" | "to" | "on" | "against" | "of" | "in" | "for" | "from" | "over" | "by" | "into")
    )
}

/// "talks with", "meeting between", "visit to": a nominal pattern that names its partner, so
/// the clause subject can be its source. ("killing of", "row over" name no agent.)
fn ends_in_preposition(p: &crate::dict::VerbPattern) -> bool {
    matches!(
        p.rest.last(),
        Some(crate::dict::PatternWord::Word(w)) if matches!(w.as_str(), "with" | "between" | "to")
    )
}

/// Drops repeated (source, target, code) triples within a sentence.
fn dedupe(events: Vec<Event>) -> Vec<Event> {
    let mut seen = std::collections::HashSet::new();
    events
        .into_iter()
        .filter(|e| {
            seen.insert((
                e.source.as_ref().map(|a| a.code.clone()),
                e.target.as_ref().map(|a| a.code.clone()),
                e.cameo.clone(),
            ))
        })
        .collect()
}

/// Why a verb's event has not happened: a modal of possibility or obligation, or an "if" clause.
fn hypothetical(sentence: &Sentence, clause_idx: usize, head: usize) -> Option<String> {
    let tokens = &sentence.tokens;
    let clause = &sentence.clauses[clause_idx];
    let mut j = head;
    while j > clause.tokens.start {
        let t = &tokens[j - 1];
        if t.tag == Tag::MD && MODALS_HYPOTHETICAL.contains(&t.lower.as_str()) {
            return Some(format!("modal '{}'", t.text));
        }
        if !(t.tag == Tag::RB || t.tag == Tag::MD || t.tag.is_verb() || t.tag == Tag::TO) {
            break;
        }
        j -= 1;
    }
    let first = &tokens[clause.tokens.start];
    if clause.kind == ClauseKind::Subordinate && matches!(first.lower.as_str(), "if" | "unless") {
        return Some(format!("conditional clause '{}'", first.text));
    }
    if clause.kind == ClauseKind::Reported {
        // "insistence that North Korea give up ...", "urged that ...": demanded, not done.
        let governor = tokens[..clause.tokens.start]
            .iter()
            .rev()
            .find(|t| t.tag != Tag::RB && t.lower != "that");
        if let Some(w) = governor.filter(|w| DEMAND_WORDS.contains(&w.lemma.as_str())) {
            return Some(format!("complement of '{}': asked for, not done", w.text));
        }
    }
    if tokens[head].tag == Tag::VBG && head > clause.tokens.start {
        let prev = &tokens[head - 1];
        if prev.tag.is_verb() && GERUND_BLOCKERS.contains(&prev.lemma.as_str()) {
            return Some(format!("gerund after '{}': not an act", prev.text));
        }
        if matches!(prev.lower.as_str(), "of" | "for" | "against" | "from") {
            let governor = tokens[clause.tokens.start..head - 1]
                .iter()
                .rev()
                .find(|t| {
                    t.tag.is_verb()
                        || t.tag.is_noun() && ACCUSATION_WORDS.contains(&t.lemma.as_str())
                });
            if let Some(g) = governor.filter(|g| ACCUSATION_WORDS.contains(&g.lemma.as_str())) {
                return Some(format!("gerund is what '{}' is about", g.text));
            }
        }
    }
    // "pledged to return to talks", "refused to meet": an intention, coded by its own verb.
    if tokens[head].tag == Tag::VB {
        let mut j = head;
        while j > clause.tokens.start && tokens[j - 1].tag == Tag::RB {
            j -= 1;
        }
        if j > 0 && tokens[j - 1].tag == Tag::TO {
            // Walk back over an object or adverbial ("allow IAEA inspectors to visit", "urged
            // Iran on Monday to return") to the word that governs the infinitive.
            for w in tokens[clause.tokens.start..j - 1].iter().rev() {
                if INTENTION_WORDS.contains(&w.lemma.as_str())
                    || INTENTION_WORDS.contains(&w.lower.as_str())
                {
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
        }
    }
    None
}

/// Words whose "that" complement is something demanded or hoped for, not something done.
const DEMAND_WORDS: &[&str] = &[
    "insist",
    "insistence",
    "demand",
    "urge",
    "call",
    "ask",
    "request",
    "propose",
    "proposal",
    "recommend",
    "suggest",
    "order",
    "require",
    "requirement",
    "condition",
    "appeal",
    "press",
    "want",
    "wish",
    "hope",
    "fear",
    "expect",
    "expectation",
    "warn",
    "warning",
    "threaten",
    "threat",
    "stipulate",
    "plead",
];

/// Words whose infinitive complement is an intention or attempt, not an act.
const INTENTION_WORDS: &[&str] = &[
    "pledge",
    "promise",
    "vow",
    "plan",
    "intend",
    "agree",
    "agreement",
    "offer",
    "threaten",
    "threat",
    "decide",
    "decision",
    "want",
    "hope",
    "aim",
    "seek",
    "try",
    "attempt",
    "refuse",
    "refusal",
    "fail",
    "prepare",
    "expect",
    "call",
    "urge",
    "ask",
    "demand",
    "push",
    "need",
    "order",
    "ready",
    "willing",
    "able",
    "unable",
    "likely",
    "unlikely",
    "due",
    "going",
    "about",
    "set",
    "move",
    "bid",
    "effort",
    "plot",
    "scheme",
    "resolve",
    "determination",
    "determined",
    "commitment",
    "commit",
    "pressure",
    "press",
    "invite",
    "invitation",
    "encourage",
    "allow",
    "permit",
    "authorize",
    "forbid",
    "ban",
    "motivate",
    "persuade",
    "convince",
    "force",
    "compel",
    "oblige",
    "wish",
    "desire",
    "eager",
    "keen",
    "reluctant",
    "hesitant",
    "chance",
    "opportunity",
    "right",
    "way",
    "capacity",
    "ability",
    "power",
    "require",
    "enable",
    "help",
    "tell",
    "warn",
    "advise",
    "instruct",
    "expect",
    "appear",
    "seem",
];

/// Verbs whose gerund complement is not an act ("stop cooperating", "avoid attacking").
const GERUND_BLOCKERS: &[&str] = &[
    "stop", "cease", "halt", "quit", "avoid", "refrain", "consider", "discuss", "deny", "risk",
    "suspend", "end", "oppose", "reject", "resist",
];

/// Verbs whose "of/for + gerund" is the content of an accusation ("accused Russia of shooting").
const ACCUSATION_WORDS: &[&str] = &[
    "warn",
    "caution",
    "deter",
    "prevent",
    "ban",
    "bar",
    "prohibit",
    "discourage",
    "dissuade",
    "stop",
    "refrain",
    "advise",
    "accuse",
    "charge",
    "blame",
    "suspect",
    "criticize",
    "criticise",
    "condemn",
    "convict",
    "fine",
    "punish",
    "sanction",
    "arrest",
    "indict",
    "sentence",
    "praise",
    "thank",
    "credit",
    "accusation",
    "allegation",
    "suspicion",
];

/// "South Korea said North Korean troops fired on its soldiers": "it"/"its" inside reported
/// speech stand for the collective speaker, not for the reported clause's own subject.
fn speaker_possessives(sentence: &Sentence, mentions: &mut [Mention]) {
    let tokens = &sentence.tokens;
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.kind != MentionKind::Coreference
            || !matches!(tokens[m.start].lower.as_str(), "its" | "it")
        {
            continue;
        }
        let ci = sentence.clause_of(m.start);
        let clause = &sentence.clauses[ci];
        let Some(parent) = clause
            .parent
            .filter(|_| clause.kind == ClauseKind::Reported)
        else {
            continue;
        };
        // Only under a speech verb ("said that ..."), not under a noun ("insistence that ...").
        let governor = tokens[..clause.tokens.start]
            .iter()
            .rev()
            .find(|t| t.lower != "that");
        if !governor
            .is_some_and(|g| g.tag.is_verb() && crate::text::chunk::is_speech_verb(&g.lemma))
        {
            continue;
        }
        let pc = &sentence.clauses[parent].tokens;
        let speaker = mentions
            .iter()
            .find(|x| pc.contains(&x.start) && x.preposition.is_none() && !x.person);
        let own_subject = mentions.iter().find(|x| {
            clause.tokens.contains(&x.start) && x.start < m.start && x.preposition.is_none()
        });
        let Some(sp) = speaker else { continue };
        let root = |c: &str| -> String {
            if ["IGO", "NGO", "IMG", "MNC"]
                .iter()
                .any(|p| c.starts_with(p))
            {
                c.to_string()
            } else {
                c.get(..3).unwrap_or(c).to_string()
            }
        };
        let speaker_root = root(&sp.code);
        let differs = own_subject.is_none_or(|os| root(&os.code) != speaker_root);
        if differs && root(&m.code) != speaker_root {
            let code = match (&m.agent, speaker_root.len()) {
                (Some((agent, _)), 3) => format!("{speaker_root}{agent}"),
                _ => speaker_root.clone(),
            };
            let entry = match &m.agent {
                Some((_, agent_entry)) if speaker_root.len() == 3 => {
                    format!("{}+{agent_entry}", sp.entry.split('+').next().unwrap_or(""))
                }
                _ => sp.entry.clone(),
            };
            let text = tokens[sp.start..sp.end]
                .iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let m = &mut mentions[k];
            m.code = code;
            m.entry = entry;
            m.antecedent = Some(text);
        }
    }
}

/// What earlier pattern matches in the sentence covered.
#[derive(Debug, Default)]
struct PriorMatches {
    gaps: Vec<std::ops::Range<usize>>,
    fixed: Vec<usize>,
    last_end: Option<usize>,
    last_ends_with_of: bool,
}

/// Places seen so far in a document.
#[derive(Debug, Default)]
struct PlaceState {
    memory: PlaceMemory,
    dateline: Option<crate::resolve::Location>,
    all: Vec<crate::resolve::Location>,
}

impl Coder {
    /// Resolves the places of a sentence, with the sentence's actors as context.
    fn find_places(
        &self,
        analysis: &Analysis,
        sentence: &Sentence,
        mentions: &[Mention],
        state: &mut PlaceState,
        trace: Option<&mut SentenceExplanation>,
    ) -> Vec<PlaceMatch> {
        let Some(resolver) = &self.places else {
            return Vec::new();
        };
        let context: Vec<&str> = mentions.iter().map(|m| m.code.as_str()).collect();
        let found = resolver.find_places_in(&sentence.tokens, &context, &mut state.memory);
        let tokens = &sentence.tokens;
        let as_place = |m: &PlaceMatch| {
            let is_actor = mentions
                .iter()
                .any(|x| x.start < m.end_token && m.start_token < x.end);
            let after_in = m.start_token > 0
                && matches!(
                    tokens[m.start_token - 1].lower.as_str(),
                    "in" | "at" | "near"
                );
            !m.incidental && (!is_actor || after_in)
        };
        for m in found.iter().filter(|m| as_place(m)) {
            let loc = m.location(analysis.original_span(m.byte_start, m.byte_end));
            if sentence.index == 0 && m.start_token == 0 && state.dateline.is_none() {
                state.dateline = Some(loc.clone());
            }
            if !state
                .all
                .iter()
                .any(|l| l.name == loc.name && l.country == loc.country)
            {
                state.all.push(loc);
            }
        }
        if let Some(t) = trace {
            t.places.extend(found.iter().flat_map(PlaceMatch::explain));
        }
        found
    }
}

/// The event's location: a place in its clause (a locative one first), else the sentence's main
/// place, else the dateline.
fn event_location(
    analysis: &Analysis,
    sentence: &Sentence,
    found: &[PlaceMatch],
    mentions: &[Mention],
    clause_idx: usize,
    dateline: Option<&crate::resolve::Location>,
) -> Option<crate::resolve::Location> {
    let tokens = &sentence.tokens;
    let clause = &sentence.clauses[clause_idx].tokens;
    // "in Beijing", "at the border" name where something happened; "from Seoul" names where
    // someone came from; a place that is also an actor counts only after "in"/"at"/"near".
    let rank = |m: &PlaceMatch| -> u8 {
        let mut j = m.start_token;
        while j > 0 && tokens[j - 1].tag == Tag::DT {
            j -= 1;
        }
        let prep = if j > 0 {
            tokens[j - 1].lower.as_str()
        } else {
            ""
        };
        let is_actor = mentions
            .iter()
            .any(|x| x.start < m.end_token && m.start_token < x.end);
        match (
            matches!(
                prep,
                "in" | "at" | "near" | "inside" | "outside" | "across" | "throughout"
            ),
            m.locative,
            is_actor,
        ) {
            (true, _, _) => 0,
            (false, true, false) => 1,
            (false, false, false) if !m.incidental => 2,
            // "the Beijing talks": a place used as a modifier still says where.
            (false, false, false) => 3,
            _ => 9,
        }
    };
    let usable = |m: &&PlaceMatch| rank(m) < 9;
    let in_clause = found
        .iter()
        .filter(|m| clause.contains(&m.start_token))
        .filter(usable)
        .min_by_key(|m| rank(m));
    let chosen = in_clause.or_else(|| found.iter().filter(usable).min_by_key(|m| rank(m)));
    match chosen {
        Some(m) => Some(m.location(analysis.original_span(m.byte_start, m.byte_end))),
        None => dateline.cloned(),
    }
}

/// "will meet", "would visit", "'ll hold talks": a future modal in the verb group.
fn future_modal(tokens: &[crate::text::Token], head: usize, clause_start: usize) -> bool {
    let mut j = head;
    while j > clause_start {
        let t = &tokens[j - 1];
        if t.tag == Tag::MD {
            return matches!(t.lower.as_str(), "will" | "would" | "shall" | "'ll");
        }
        if !(t.tag == Tag::RB || t.tag.is_verb()) {
            return false;
        }
        j -= 1;
    }
    false
}

/// A passive verb: a past participle after a form of "be", or a reduced relative after a noun
/// with a "by" agent ("sanctions imposed on it by the United States").
fn is_passive(tokens: &[crate::text::Token], head: usize, clause: std::ops::Range<usize>) -> bool {
    let clause_start = clause.start;
    if tokens[head].tag != Tag::VBN && tokens[head].tag != Tag::VBD {
        return false;
    }
    let mut j = head;
    while j > clause_start {
        let t = &tokens[j - 1];
        if crate::text::tag::auxiliary_of(&t.lower) == Some("be") {
            return tokens[head].tag == Tag::VBN || tokens[head].lower.ends_with("ed");
        }
        if t.tag == Tag::RB {
            j -= 1;
            continue;
        }
        break;
    }
    let after_noun = head > clause_start && matches!(tokens[head - 1].tag, Tag::NN | Tag::NNS);
    let earlier_finite = tokens[clause_start..head]
        .iter()
        .any(|t| t.tag.is_finite_verb());
    after_noun
        && (earlier_finite
            || tokens[head].tag == Tag::VBN
            || tokens[head + 1..clause.end]
                .iter()
                .take(8)
                .any(|t| t.lower == "by"))
}

/// The agent of a passive: the `by` phrase, else an actor modifying the noun the participle
/// follows ("UN sanctions imposed on North Korea" → UN).
fn by_agent<'m>(
    tokens: &[crate::text::Token],
    mentions: &'m [Mention],
    m: &VerbMatch<'_>,
    clause_end: usize,
) -> Vec<&'m Mention> {
    if let Some(x) = mentions.iter().find(|x| {
        x.start > m.head && x.start < clause_end && x.preposition.as_deref() == Some("by")
    }) {
        return group(mentions, x);
    }
    let mut j = m.head;
    while j > 0 && (tokens[j - 1].tag.is_prenominal() || tokens[j - 1].tag.is_noun()) {
        j -= 1;
    }
    let noun_before = m.head > 0 && matches!(tokens[m.head - 1].tag, Tag::NN | Tag::NNS);
    mentions
        .iter()
        .find(|x| {
            noun_before && x.start >= j && x.end < m.head && x.kind == MentionKind::Dictionary
        })
        .map(|x| vec![x])
        .unwrap_or_default()
}

/// `first` and the mentions conjoined with it ("South Korea and Japan").
fn group<'m>(mentions: &'m [Mention], first: &'m Mention) -> Vec<&'m Mention> {
    let mut out = vec![first];
    let mut last = first;
    for m in mentions.iter().filter(|m| m.start >= first.end) {
        let two_sides = m.start == last.end
            && m.kind == MentionKind::Coreference
            && last.kind == MentionKind::Coreference;
        if m.start == last.end + 1 || m.start == last.end + 2 || two_sides {
            out.push(m);
            last = m;
        } else {
            break;
        }
    }
    out
}

fn conjoined<'m>(tokens: &[crate::text::Token], group: Vec<&'m Mention>) -> Vec<&'m Mention> {
    let mut out = vec![group[0]];
    for pair in group.windows(2) {
        let between = &tokens[pair[0].end..pair[1].start];
        if between.is_empty()
            && pair[1]
                .antecedent
                .as_deref()
                .is_some_and(|a| a.ends_with("(the two sides)"))
        {
            out.push(pair[1]);
            continue;
        }
        let joined = between
            .iter()
            .all(|t| matches!(t.lower.as_str(), "and" | "or" | "nor" | "," | "as" | "well"))
            && between
                .iter()
                .any(|t| matches!(t.lower.as_str(), "and" | "or" | "nor" | ","));
        if !joined {
            break;
        }
        out.push(pair[1]);
    }
    out
}

/// The subject of the clause: the first actor before the verb that is not inside a
/// prepositional phrase; clauses without one inherit the subject of the clause they hang from.
fn subject_of<'m>(
    sentence: &Sentence,
    mentions: &'m [Mention],
    clause_idx: usize,
    head: usize,
) -> (Vec<&'m Mention>, &'static str) {
    let tokens = &sentence.tokens;
    let clause = &sentence.clauses[clause_idx];
    if tokens.get(head).is_some_and(|t| t.tag == Tag::VBG) {
        // The subject of a gerund is the actor right before it ("despite Kim saying").
        if let Some(m) = mentions
            .iter()
            .find(|x| x.end == head || x.end + 1 == head && tokens[head - 1].tag == Tag::POS)
        {
            return (vec![m], "gerund-subject");
        }
    }
    let first = mentions.iter().find(|x| {
        x.start >= clause.tokens.start
            && x.end <= head
            && x.preposition.is_none()
            && !is_determiner_pronoun(tokens, mentions, x)
    });
    if let Some(f) = first {
        return (conjoined(tokens, group(mentions, f)), "subject");
    }
    // ", said the ministry": an inverted speech verb takes the actor right after it.
    if head == clause.tokens.start
        || tokens[clause.tokens.start].text == "," && head == clause.tokens.start + 1
    {
        if let Some(m) = mentions
            .iter()
            .find(|x| x.start == head + 1 || x.start == head + 2 && tokens[head + 1].tag == Tag::DT)
        {
            if crate::text::chunk::is_speech_verb(&tokens[head].lemma)
                && matches!(tokens[head].tag, Tag::VBD | Tag::VBZ | Tag::VBP)
            {
                return (vec![m], "inverted-subject");
            }
        }
    }
    let Some(parent) = clause.parent else {
        return (Vec::new(), "");
    };
    match clause.kind {
        ClauseKind::Coordinate | ClauseKind::Subordinate | ClauseKind::Participial => {
            let parent_clause = &sentence.clauses[parent];
            let (s, _) = subject_of(sentence, mentions, parent, parent_clause.tokens.end);
            (s, "inherited-subject")
        }
        ClauseKind::Relative => {
            let antecedent = mentions
                .iter()
                .rev()
                .find(|x| x.end <= clause.tokens.start && clause.tokens.start - x.end <= 2);
            (
                antecedent.map(|a| vec![a]).unwrap_or_default(),
                "relative-antecedent",
            )
        }
        _ => (Vec::new(), ""),
    }
}

/// "his Chinese counterpart": a possessive pronoun right before another actor only determines it.
fn is_determiner_pronoun(tokens: &[crate::text::Token], mentions: &[Mention], x: &Mention) -> bool {
    x.kind == MentionKind::Coreference
        && tokens[x.start].tag == Tag::PRPS
        && mentions
            .iter()
            .any(|o| o.start == x.end || o.start == x.end + 1 && tokens[x.end].tag == Tag::JJ)
}

/// The source of a nominal event: a possessor or modifier actor right before the noun
/// ("North Korea's nuclear test", "UN sanctions"), else the clause subject.
fn nominal_source<'m>(
    sentence: &Sentence,
    mentions: &'m [Mention],
    head: usize,
    clause_idx: usize,
) -> (Vec<&'m Mention>, &'static str) {
    let tokens = &sentence.tokens;
    let np_start = {
        let mut j = head;
        while j > 0
            && (tokens[j - 1].tag.is_prenominal()
                || tokens[j - 1].tag.is_noun()
                || matches!(tokens[j - 1].tag, Tag::PRPS | Tag::RB))
        {
            j -= 1;
        }
        j
    };
    if let Some(m) = mentions
        .iter()
        .find(|x| x.start >= np_start && x.end <= head)
    {
        return (vec![m], "possessor");
    }
    // "the arrest of two journalists by Iranian police": the agent of the nominal act.
    let clause = &sentence.clauses[clause_idx];
    if let Some(m) = mentions.iter().find(|x| {
        x.start > head && x.start < clause.tokens.end && x.preposition.as_deref() == Some("by")
    }) {
        return (vec![m], "possessor");
    }
    let (s, rule) = subject_of(sentence, mentions, clause_idx, head);
    (
        s,
        if rule == "subject" {
            "clause-subject"
        } else {
            rule
        },
    )
}

/// The target: the first actor after the pattern's head in the clause (not the source, not in
/// a temporal or `by` phrase); when there is none, the subject of a complement clause that
/// follows ("insisted North Korea must ..."), except for plain statements (01x).
fn target_of<'m>(
    sentence: &Sentence,
    mentions: &'m [Mention],
    m: &VerbMatch<'_>,
    clause_idx: usize,
    passive: bool,
    sources: &[&Mention],
) -> (Vec<Option<&'m Mention>>, &'static str) {
    let tokens = &sentence.tokens;
    let clause = &sentence.clauses[clause_idx];
    let reduced_relative = m.head > 0 && matches!(tokens[m.head - 1].tag, Tag::NN | Tag::NNS);
    if passive && !reduced_relative {
        let subject = mentions
            .iter()
            .find(|x| x.start >= clause.tokens.start && x.end <= m.head && x.preposition.is_none());
        if let Some(s) = subject {
            return (
                conjoined(tokens, group(mentions, s))
                    .into_iter()
                    .map(Some)
                    .collect(),
                "passive-subject",
            );
        }
    }
    let last_word = match m.pattern.rest.last() {
        Some(crate::dict::PatternWord::Word(w)) => w.as_str(),
        _ => "",
    };
    let candidate = mentions.iter().find(|x| {
        x.start > m.head
            && x.start < clause.tokens.end
            && !sources.iter().any(|s| s.start == x.start)
            && !is_determiner_pronoun(tokens, mentions, x)
            && !(x.kind == MentionKind::Coreference
                && tokens[x.start].tag == Tag::PRPS
                && sources.iter().any(|s| s.code.get(..3) == x.code.get(..3)))
            && !x.preposition.as_deref().is_some_and(|p| {
                NON_TARGET_PREPOSITIONS.contains(&p)
                    || LOCATIVE_PREPOSITIONS.contains(&p) && p != last_word
            })
    });
    if let Some(c) = candidate {
        let end = clause.tokens.end;
        return (
            conjoined(tokens, group(mentions, c))
                .into_iter()
                .filter(|x| x.end <= end)
                .map(Some)
                .collect(),
            "",
        );
    }
    if m.pattern.code.starts_with("01") {
        return (Vec::new(), "");
    }
    let complement = sentence.clauses.iter().enumerate().find(|(k, c)| {
        c.parent == Some(clause_idx) && c.kind == ClauseKind::Reported && *k > clause_idx
    });
    if let Some((k, c)) = complement {
        let (s, _) = subject_of(
            sentence,
            mentions,
            k,
            c.tokens.end.min(first_verb(tokens, c.tokens.clone())),
        );
        if !s.is_empty() {
            return (s.into_iter().map(Some).collect(), "complement-subject");
        }
    }
    (Vec::new(), "")
}

fn first_verb(tokens: &[crate::text::Token], range: std::ops::Range<usize>) -> usize {
    range
        .clone()
        .find(|&i| tokens[i].tag.is_finite_verb() || tokens[i].tag == Tag::VB)
        .unwrap_or(range.end)
}
