//! The salient antecedents of pronouns: the last person, collective actor and plural group
//! named, each with the sentence it was last named or referred back to in. A pronoun reaches
//! back only [`WINDOW`] sentences; a quotation has its own antecedents, so names inside a quote
//! never become what a pronoun of the narrative stands for, nor the narrative's actors what a
//! pronoun inside the quote stands for.

use super::label::{Code, Shared};

/// An actor remembered across sentences: (code, entry, text).
pub(super) type Remembered = (Code, Shared, Shared);

/// How many sentences before the current one a pronoun may reach back to its antecedent (an
/// antecedent referred back to in a sentence counts as named there: "Hill said ... He added
/// ... He also said" is one chain).
pub(super) const WINDOW: usize = 2;

/// One remembered antecedent and the sentence it was last named in.
#[derive(Clone, Debug, Default)]
pub(super) struct Slot {
    actor: Option<Remembered>,
    at: usize,
}

impl Slot {
    /// The antecedent, whenever it was named (for definite descriptions and object pronouns'
    /// fallbacks, which check compatibility themselves).
    pub(super) fn get(&self) -> Option<&Remembered> {
        self.actor.as_ref()
    }

    /// The antecedent when it was named within [`WINDOW`] sentences of sentence `now`.
    pub(super) fn recent(&self, now: usize) -> Option<&Remembered> {
        self.actor
            .as_ref()
            .filter(|_| now - self.at.min(now) <= WINDOW)
    }

    /// The sentence the antecedent was last named or referred back to in (None when there is
    /// none).
    pub(super) fn named_at(&self) -> Option<usize> {
        self.actor.as_ref().map(|_| self.at)
    }

    /// Makes `actor` the antecedent, named in sentence `now`; returns the one it replaces.
    pub(super) fn set(&mut self, actor: Remembered, now: usize) -> Option<Remembered> {
        self.at = now;
        self.actor.replace(actor)
    }

    /// Marks the antecedent as referred back to in sentence `now`.
    pub(super) fn touch(&mut self, now: usize) {
        self.at = now;
    }

    /// Forgets the antecedent.
    pub(super) fn clear(&mut self) {
        self.actor = None;
    }
}

/// The antecedents pronouns can stand for.
#[derive(Clone, Debug, Default)]
pub(super) struct Salience {
    pub(super) person: Slot,
    pub(super) collective: Slot,
    /// The last plural role noun that was a subject ("Gunmen attacked ..."), for "they",
    /// "them", "their" in later sentences; cleared by a later collective subject.
    pub(super) group: Slot,
    /// The salient person and collective actor before the current ones: what an object
    /// pronoun stands for first when the current one is its clause's subject.
    pub(super) previous_person: Option<Remembered>,
    pub(super) previous_collective: Option<Remembered>,
    /// The salient person is one no dictionary knows ("Mr Hicks said ..."): "he", "she" stand
    /// for no one until a known person is salient again.
    pub(super) person_unknown: bool,
}

/// Tracks whether the walk over a sentence's tokens is inside a quotation, keeping the
/// narrative's antecedents aside while it is.
#[derive(Debug, Default)]
pub(super) struct QuoteScope {
    narrative: Option<Salience>,
}

impl QuoteScope {
    /// Enters or leaves a quotation at a token (`quoted`: the token is inside one): on entry
    /// the narrative's antecedents are set aside and the quote starts with none; on leaving
    /// they come back and the quote's are forgotten.
    pub(super) fn step(&mut self, quoted: bool, salience: &mut Salience) {
        match (quoted, self.narrative.is_some()) {
            (true, false) => self.narrative = Some(std::mem::take(salience)),
            (false, true) => self.leave(salience),
            _ => {}
        }
    }

    /// Leaves the quotation, if inside one (at the end of the sentence).
    pub(super) fn leave(&mut self, salience: &mut Salience) {
        if let Some(narrative) = self.narrative.take() {
            *salience = narrative;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(code: &str) -> Remembered {
        (code.into(), "x".into(), code.into())
    }

    #[test]
    fn antecedents_expire_after_the_window() {
        let mut slot = Slot::default();
        slot.set(actor("AUSGOV"), 3);
        for (now, expect) in [(3, true), (4, true), (5, true), (6, false), (9, false)] {
            assert_eq!(slot.recent(now).is_some(), expect, "sentence {now}");
        }
        slot.touch(8);
        assert!(slot.recent(9).is_some());
        assert!(slot.get().is_some());
        assert_eq!(slot.named_at(), Some(8));
        assert_eq!(Slot::default().named_at(), None);
    }

    #[test]
    fn a_quotation_has_its_own_antecedents() {
        let mut salience = Salience::default();
        salience.person.set(actor("USAGOV"), 0);
        let mut scope = QuoteScope::default();
        scope.step(true, &mut salience);
        assert!(
            salience.person.get().is_none(),
            "the narrative's person is set aside"
        );
        salience.person.set(actor("PSEGOV"), 0);
        scope.step(false, &mut salience);
        assert_eq!(salience.person.get().map(|a| a.0.as_str()), Some("USAGOV"));
        scope.step(true, &mut salience);
        scope.leave(&mut salience);
        assert_eq!(salience.person.get().map(|a| a.0.as_str()), Some("USAGOV"));
    }
}
