//! Explanations: what the coder saw in each sentence and why each event was or was not produced.

use super::mentions::{Mention, MentionKind, PlaceMention};
use crate::model::Event;
use crate::text::{chunk, Analysis, Sentence, Token};
use std::fmt::Write as _;

/// The explanation of one sentence.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct SentenceExplanation {
    /// Sentence index.
    pub index: usize,
    /// The sentence text (normalized).
    pub text: String,
    /// `word/TAG` pairs (with the lemma when it differs).
    pub tokens: Vec<String>,
    /// Phrase chunks: `NP[...]`, `VP[...]`, `PP[...]`.
    pub phrases: Vec<String>,
    /// Clauses with kind and parent.
    pub clauses: Vec<String>,
    /// Actor mentions and the entries that matched.
    pub actors: Vec<String>,
    /// Places used as locations.
    pub places: Vec<String>,
    /// Verb-pattern decisions.
    pub decisions: Vec<String>,
    /// The events produced.
    pub events: Vec<Event>,
}

/// The explanation of a document.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Explanation {
    /// Per sentence.
    pub sentences: Vec<SentenceExplanation>,
    /// Document-level warnings.
    pub warnings: Vec<String>,
}

fn words(tokens: &[Token], r: std::ops::Range<usize>) -> String {
    tokens[r]
        .iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

impl SentenceExplanation {
    pub(crate) fn new(analysis: &Analysis, s: &Sentence) -> SentenceExplanation {
        let tokens = &s.tokens;
        SentenceExplanation {
            index: s.index,
            text: analysis.text()[s.start..s.end].to_string(),
            tokens: tokens
                .iter()
                .map(|t| {
                    if t.lemma != t.lower {
                        format!("{}/{}({})", t.text, t.tag.name(), t.lemma)
                    } else {
                        format!("{}/{}", t.text, t.tag.name())
                    }
                })
                .collect(),
            phrases: chunk::phrases(tokens)
                .into_iter()
                .map(|p| {
                    let tag = match p.kind {
                        chunk::PhraseKind::Noun => "NP",
                        chunk::PhraseKind::Verb => "VP",
                        chunk::PhraseKind::Prepositional => "PP",
                    };
                    format!("{tag}[{}]", words(tokens, p.tokens))
                })
                .collect(),
            clauses: s
                .clauses
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let parent = c
                        .parent
                        .map_or(String::new(), |p| format!(" (under clause {p})"));
                    format!(
                        "{i} {}{parent}: {}",
                        c.kind.name(),
                        words(tokens, c.tokens.clone())
                    )
                })
                .collect(),
            ..SentenceExplanation::default()
        }
    }

    pub(crate) fn record_mentions(
        &mut self,
        tokens: &[Token],
        mentions: &[Mention],
        places: &[PlaceMention],
    ) {
        for m in mentions {
            let how = match m.kind {
                MentionKind::Dictionary => format!("entry {}", m.entry),
                MentionKind::LearnedName => format!(
                    "name learned earlier ({}), entry {}",
                    m.antecedent.as_deref().unwrap_or(""),
                    m.entry
                ),
                MentionKind::Coreference => format!(
                    "pronoun for '{}', entry {}",
                    m.antecedent.as_deref().unwrap_or(""),
                    m.entry
                ),
                MentionKind::RoleNoun => format!(
                    "role noun, country {} ({}), entry {}",
                    m.antecedent.as_deref().unwrap_or("---"),
                    m.country_from.map_or("none", |f| f.label()),
                    m.entry
                ),
            };
            let pp = m
                .preposition
                .as_ref()
                .map_or(String::new(), |p| format!(", after '{p}'"));
            self.actors.push(format!(
                "'{}' = {} ({how}{pp})",
                words(tokens, m.start..m.end),
                m.code
            ));
        }
        for p in places {
            self.places.push(format!(
                "'{}' ({}) is a location here, not an actor",
                words(tokens, p.start..p.end),
                p.code
            ));
        }
    }
}

impl std::fmt::Display for Explanation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for w in &self.warnings {
            writeln!(f, "warning: {w}")?;
        }
        for s in &self.sentences {
            let mut out = String::new();
            let _ = writeln!(out, "sentence {}: {}", s.index, s.text);
            let _ = writeln!(out, "  tokens:   {}", s.tokens.join(" "));
            let _ = writeln!(out, "  phrases:  {}", s.phrases.join(" "));
            for c in &s.clauses {
                let _ = writeln!(out, "  clause    {c}");
            }
            for a in &s.actors {
                let _ = writeln!(out, "  actor     {a}");
            }
            for p in &s.places {
                let _ = writeln!(out, "  place     {p}");
            }
            for d in &s.decisions {
                let _ = writeln!(out, "  decision  {d}");
            }
            if s.decisions.is_empty() {
                let _ = writeln!(out, "  decision  no verb pattern matched: no event");
            }
            for e in &s.events {
                let code = |a: &Option<crate::model::Actor>| {
                    a.as_ref().map_or("-".to_string(), |a| a.code.clone())
                };
                let _ = writeln!(
                    out,
                    "  event     {} -> {} {} ({}) via '{}' [{}]{}",
                    code(&e.source),
                    code(&e.target),
                    e.cameo,
                    e.event_name,
                    e.evidence.pattern,
                    e.evidence.entry,
                    if e.rules.is_empty() {
                        String::new()
                    } else {
                        format!(" rules: {}", e.rules.join(", "))
                    }
                );
            }
            f.write_str(&out)?;
        }
        Ok(())
    }
}

/// Where the coder writes its decisions about one sentence, when it is explaining.
pub(crate) struct Trace<'t>(Option<&'t mut SentenceExplanation>);

impl<'t> Trace<'t> {
    /// A trace into `explanation`, or one that records nothing.
    pub(crate) fn new(explanation: Option<&'t mut SentenceExplanation>) -> Trace<'t> {
        Trace(explanation)
    }

    /// Whether decisions are being recorded.
    pub(crate) fn is_on(&self) -> bool {
        self.0.is_some()
    }

    /// Records a decision; `decision` runs only when explaining.
    pub(crate) fn note(&mut self, decision: impl FnOnce() -> String) {
        if let Some(t) = self.0.as_deref_mut() {
            t.decisions.push(decision());
        }
    }

    /// The explanation being written, if any.
    pub(crate) fn explanation(&mut self) -> Option<&mut SentenceExplanation> {
        self.0.as_deref_mut()
    }
}
