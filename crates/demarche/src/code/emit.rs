//! The `Event` record: actors with their text and spans, the CAMEO table's description of the
//! code, the evidence, the date, the rules and the quotation.

use super::decision::{CameoCode, Rule};
use super::event_date::EventDate;
use super::label;
use super::mentions::{Mention, MentionKind};
use super::patterns::VerbMatch;
use super::sentence::SentenceContext;
use crate::model::{Actor, Event, Evidence, Quote};

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
        let info = ctx.coder.dict.cameo.get(self.code.as_str());
        Event {
            doc: ctx.doc.id.clone(),
            sentence: sentence.index,
            sentence_span: analysis.original_span(sentence.start, sentence.end),
            date: self.when.as_ref().map(|w| w.date.clone()),
            date_precision: self.when.as_ref().map(|w| w.precision),
            doc_date: ctx.doc.date.map(crate::dates::iso_date),
            source: Some(actor(ctx, s)),
            target: t.map(|t| actor(ctx, t)),
            cameo: self.code.as_str().to_owned(),
            event_name: info.name,
            goldstein: info.goldstein,
            quad_class: info.quad_class,
            plover: info.plover_type,
            plover_mode: info.plover_mode,
            plover_context: info.plover_context,
            evidence: evidence(ctx, m),
            rules: self.rules.iter().map(|r| r.as_str().to_owned()).collect(),
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
        entry: x.entry.to_string(),
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
        entry: label::entry_string(&m.pattern.entry),
        pattern: m.pattern.text.clone(),
    }
}

/// Gives `event` another code (and the CAMEO table's name, weight, class and PLOVER type for
/// it), noting the rule that changed it.
pub(super) fn recode(ctx: &SentenceContext<'_>, event: &mut Event, code: &str, rule: Rule) {
    let info = ctx.coder.dict.cameo.get(code);
    event.cameo = code.to_string();
    event.event_name = info.name;
    event.goldstein = info.goldstein;
    event.quad_class = info.quad_class;
    event.plover = info.plover_type;
    event.plover_mode = info.plover_mode;
    event.plover_context = info.plover_context;
    let name = rule.as_str();
    if !event.rules.iter().any(|r| r == name) {
        event.rules.push(name.to_owned());
    }
}
