//! Where a protest is held says whom it presses: "a rally by nurses *outside the US embassy*",
//! "will hold a picket *in front of the Prime Minister's residence*", "a protest *at the Israeli
//! embassy*". A protest (14x) that names no target takes the actor whose building it stands
//! before — the first actor of its clause after the act, opening a phrase of
//! `grammar/protest-site-prepositions.txt` ("outside", "at", "opposite"), or after "in front
//! of" — as the verb patterns "rally outside", "protest in front of" already do.

use super::grammar::PROTEST_SITE_PREPOSITIONS;
use super::mentions::Mention;
use crate::text::Token;
use std::ops::Range;

/// Whether `code` is a protest whose site can name its target.
pub(super) fn is_protest(code: &str) -> bool {
    code.starts_with("14")
}

/// The actor before whose building the protest at `head` is held, within `clause`.
pub(super) fn site_target<'m>(
    tokens: &[Token],
    mentions: &'m [Mention],
    head: usize,
    clause: Range<usize>,
) -> Option<&'m Mention> {
    mentions
        .iter()
        .filter(|x| x.start > head && x.end <= clause.end)
        .find(|x| opens_site(tokens, x))
}

/// The mention opens a site phrase: "outside (the) X", "in front of (the) X".
fn opens_site(tokens: &[Token], x: &Mention) -> bool {
    let mut j = x.start;
    while j > 0 && tokens[j - 1].tag.is_prenominal() {
        j -= 1;
    }
    let word = |k: usize| j.checked_sub(k).map_or("", |i| tokens[i].lower.as_str());
    PROTEST_SITE_PREPOSITIONS.contains(word(1))
        || word(1) == "of" && word(2) == "front" && word(3) == "in"
        || word(1) == "of" && word(2) == "outside"
}
