//! The `Event` record: actors with their text and spans, the CAMEO table's description of the
//! code, the evidence, the date, the rules and the quotation. What many events share — the
//! document's id and date, the code and its table row, dictionary entries, the pattern, rule
//! names — goes in as shared strings: making or dropping an event copies none of that text.

use super::decision::{CameoCode, Rule};
use super::event_date::EventDate;
use super::label;
use super::mentions::{Mention, MentionKind};
use super::patterns::VerbMatch;
use super::sentence::SentenceContext;
use crate::model::{Actor, Document, Event, Evidence, Quote, SharedStr};

/// The document's id and date as its events carry them, made once per document.
#[derive(Clone, Debug, Default)]
pub(super) struct DocLabels {
    /// The document id.
    pub(super) id: SharedStr,
    /// The document's date, `YYYY-MM-DD`.
    pub(super) date: Option<SharedStr>,
}

impl DocLabels {
    /// The labels of `doc`.
    pub(super) fn of(doc: &Document) -> DocLabels {
        DocLabels {
            id: doc.id.as_str().into(),
            date: doc.date.map(|d| crate::dates::iso_date(d).into()),
        }
    }
}

/// What the events of one pattern match share.
pub(super) struct EventFrame {
    /// The event code.
    pub(super) code: CameoCode,
    /// The rules that shaped the events.
    pub(super) rules: Vec<Rule>,
    /// The date, when the document has one.
    pub(super) when: Option<EventDate>,
    /// The quotation a statement keeps.
    pub(super) quote: Option<Quote>,
}

impl EventFrame {
    /// The event with source `s` and target `t`.
    pub(super) fn event(
        &self,
        ctx: &SentenceContext<'_>,
        m: &VerbMatch<'_>,
        s: &Mention,
        t: Option<&Mention>,
    ) -> Event {
        let (analysis, sentence) = (ctx.analysis, ctx.sentence);
        let table = &ctx.coder.dict.cameo;
        let info = table.get(self.code.as_str());
        Event {
            doc: ctx.labels.id.clone(),
            sentence: sentence.index,
            sentence_span: analysis.original_span(sentence.start, sentence.end),
            date: self.when.as_ref().map(|w| w.date.clone()),
            date_precision: self.when.as_ref().map(|w| w.precision),
            doc_date: ctx.labels.date.clone(),
            source: Some(actor(ctx, s)),
            target: t.map(|t| actor(ctx, t)),
            cameo: table.code(self.code.as_str()),
            event_name: info.name,
            goldstein: info.goldstein,
            quad_class: info.quad_class,
            plover: info.plover_type,
            plover_mode: info.plover_mode,
            plover_context: info.plover_context,
            evidence: evidence(ctx, m),
            rules: self.rules.iter().map(|&r| r.into()).collect(),
            quote: self.quote.clone(),
            location: None,
        }
    }
}

/// A mention as an event actor.
pub(super) fn actor(ctx: &SentenceContext<'_>, x: &Mention) -> Actor {
    let tokens = ctx.tokens();
    let (a, b) = (tokens[x.start].start, tokens[x.end - 1].end);
    let antecedent = x.antecedent.as_deref().unwrap_or("");
    Actor {
        code: x.code.to_string(),
        text: ctx.analysis.text()[a..b].to_string(),
        span: ctx.analysis.original_span(a, b),
        entry: x.entry.clone().into(),
        via: match x.kind {
            MentionKind::Dictionary => None,
            MentionKind::LearnedName => Some(via("learned-name", antecedent)),
            MentionKind::Coreference => Some(via("coreference", antecedent)),
            MentionKind::RoleNoun => x
                .antecedent
                .as_ref()
                .map(|c| via(x.country_from.map_or("", |f| f.label()), c)),
        },
    }
}

/// `how (what)`: how an actor was found, and from what.
fn via(how: &str, what: &str) -> String {
    let mut s = String::with_capacity(how.len() + what.len() + 3);
    s.push_str(how);
    s.push_str(" (");
    s.push_str(what);
    s.push(')');
    s
}

/// The words the pattern matched and the dictionary entry behind it.
fn evidence(ctx: &SentenceContext<'_>, m: &VerbMatch<'_>) -> Evidence {
    let tokens = ctx.tokens();
    let (ea, eb) = (tokens[m.tokens.start].start, tokens[m.tokens.end - 1].end);
    Evidence {
        text: ctx.analysis.text()[ea..eb].to_string(),
        span: ctx.analysis.original_span(ea, eb),
        entry: label::entry_of(&m.pattern.entry).into(),
        pattern: m.pattern.text.clone(),
    }
}

/// Gives `event` another code (and the CAMEO table's name, weight, class and PLOVER type for
/// it), noting the rule that changed it.
pub(super) fn recode(ctx: &SentenceContext<'_>, event: &mut Event, code: &str, rule: Rule) {
    let table = &ctx.coder.dict.cameo;
    let info = table.get(code);
    event.cameo = table.code(code);
    event.event_name = info.name;
    event.goldstein = info.goldstein;
    event.quad_class = info.quad_class;
    event.plover = info.plover_type;
    event.plover_mode = info.plover_mode;
    event.plover_context = info.plover_context;
    if !event.rules.iter().any(|r| r == rule.as_str()) {
        event.rules.push(rule.into());
    }
}
