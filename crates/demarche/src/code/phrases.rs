//! The dictionary phrases of one sentence resolved once: its actor phrases with their entries
//! (no `context` entry in scope) and its agent phrases, computed before the document's home and
//! dominant country and shared by them and by the sentence's mentions, so that no pass resolves
//! the same matches again; with them the sentence's walk for names ([`NameTokens`]), shared the
//! same way (the dominant country looks up the same capitalised words the mentions do).

use super::name_tokens::NameTokens;
use crate::dict::{ActorEntry, AgentEntry, Dictionaries, PhraseMatch, SentenceMatches};
use crate::model::Date;
use crate::text::Token;
use std::borrow::Cow;

/// An actor phrase match with its dictionary entry.
pub(super) type ResolvedActor<'d> = (PhraseMatch, &'d ActorEntry);

/// A sentence's phrase matches, resolved.
#[derive(Debug)]
pub(super) struct SentencePhrases<'d> {
    /// The raw matches (all, overlapping; the agents moved out): discards, and the actors a
    /// scoped resolution reads.
    pub(super) raw: SentenceMatches,
    /// The actor matches resolved with no `context` entry in scope.
    pub(super) plain: Vec<ResolvedActor<'d>>,
    /// Some actor match has a `context` entry (only then do the resolutions differ).
    pub(super) scoped: bool,
    /// The agent matches resolved (leftmost-longest).
    pub(super) agents: Vec<(PhraseMatch, &'d AgentEntry)>,
    /// The sentence's lower-case words and its capitalised, hyphenated and pronoun tokens.
    pub(super) words: NameTokens<'d>,
}

impl<'d> SentencePhrases<'d> {
    /// Resolves the matches of one sentence (`tokens`) of a document dated `date`.
    pub(super) fn new(
        dict: &'d Dictionaries,
        (mut raw, tokens): (SentenceMatches, &'d [Token]),
        date: Option<Date>,
    ) -> SentencePhrases<'d> {
        let scoped = raw.actors.iter().any(|m| dict.actors.is_scoped(m));
        let plain = dict.actors.resolve_in(&raw.actors, date, |_, _| false);
        let agents = dict.agents.resolve(std::mem::take(&mut raw.agents));
        SentencePhrases {
            raw,
            plain,
            scoped,
            agents,
            words: NameTokens::new(tokens),
        }
    }

    /// The actor matches resolved with every `context` entry in scope (the plain resolution
    /// when no match is scoped).
    pub(super) fn all(
        &self,
        dict: &'d Dictionaries,
        date: Option<Date>,
    ) -> Cow<'_, [ResolvedActor<'d>]> {
        if self.scoped {
            Cow::Owned(dict.actors.resolve(&self.raw.actors, date))
        } else {
            Cow::Borrowed(&self.plain)
        }
    }
}
