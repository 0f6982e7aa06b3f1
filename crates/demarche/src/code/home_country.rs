//! The countries of last resort of the country convention (docs/coding.md): the document's
//! *home* country — the record's `country` field, else the run's `--country`, else the country
//! whose leaders the document names by a bare title ("Prime Minister John Howard" → `AUS`),
//! the evidence that it is that country's own news — which the offices named alone ("the
//! Government") take first; its *dominant* country, from a cheap first pass over all its sentences (the countries of its
//! places, cities and first-level divisions included: "Sydney" → `AUS`). They serve where no
//! earlier actor gave the country.

use super::grammar::{AREA_ADJECTIVES, FORMER_WORDS, PLACE_LOCATIVE_WORDS};
use super::name_tokens::NameTokens;
use super::names::NameIndex;
use super::phrases::{ResolvedActor, SentencePhrases};
use crate::dict::Dictionaries;
use crate::model::{Date, Document};
use crate::text::{Sentence, Tag, Token};

/// The record field that gives a document's home country.
pub(super) const COUNTRY_FIELD: &str = "country";

/// Where a country given to an actor without one came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountryFrom {
    /// An earlier actor or place of the document (`context-country`).
    Context,
    /// The country the whole document names most often (`document-country`).
    Document,
    /// The record's or run's home country (`home-country`).
    Home,
    /// The place an agentless arrest or charge happened at ("arrested in India":
    /// `authority-place`).
    Place,
    /// The place right after a role noun ("Police in Lagos": `role-place`).
    RolePlace,
}

impl CountryFrom {
    /// The name used in `rules` and in an actor's `via`.
    pub(super) fn label(self) -> &'static str {
        match self {
            CountryFrom::Context => "context-country",
            CountryFrom::Document => "document-country",
            CountryFrom::Home => "home-country",
            CountryFrom::Place => "authority-place",
            CountryFrom::RolePlace => "role-place",
        }
    }
}

/// The fallbacks after the context country, in order.
#[derive(Clone, Debug, Default)]
pub(super) struct Fallbacks {
    /// The record's `country` field.
    pub(super) record: Option<String>,
    /// The country whose leaders the document names by a bare title ([`domestic`]).
    pub(super) domestic: Option<String>,
    /// The document's dominant country.
    pub(super) document: Option<String>,
    /// The run's home country (`--country`).
    pub(super) run: Option<String>,
}

impl Fallbacks {
    /// The document's home country: the record's, else the run's, else the one of its
    /// domestic evidence.
    pub(super) fn home(&self) -> Option<&str> {
        (self.record.as_deref())
            .or(self.run.as_deref())
            .or(self.domestic.as_deref())
    }

    /// The first fallback there is, with where it came from: the home country, else the
    /// dominant country.
    pub(super) fn first(&self) -> Option<(&str, CountryFrom)> {
        let home = self.home().map(|c| (c, CountryFrom::Home));
        home.or_else(|| self.document.as_deref().map(|c| (c, CountryFrom::Document)))
    }
}

/// The country whose government leaders the document names by a bare title most often (the
/// first on a tie): a dictionary person coded as a country's `GOV` right after an official's
/// title — "Prime Minister John Howard", "the Foreign Minister, Alexander Downer" — where no
/// country, possessive or name stands before the title ("Israeli Prime Minister Ariel Sharon"
/// does not count). News names its own country's offices without the country and foreign ones
/// with it, so this is the country whose offices the document's bare offices are.
pub(super) fn domestic<'d>(
    dict: &'d Dictionaries,
    names: &NameIndex,
    sentences: &[Sentence],
    phrases: &[SentencePhrases<'d>],
    date: Option<Date>,
) -> Option<String> {
    let mut counts = CountryTally::default();
    for (sentence, m) in sentences.iter().zip(phrases) {
        let tokens = &sentence.tokens;
        let actors = m.all(dict, date);
        let titles = &m.agents;
        for &(a, entry) in actors.iter() {
            // The cheap tests first: most actors are no government person.
            let governs = entry.person && entry.code.get(3..6) == Some("GOV");
            let Some(root) = governs.then(|| entry.code.get(..3)).flatten() else {
                continue;
            };
            let titled = || {
                titles.iter().any(|(t, _)| {
                    title_before(tokens, t.start, t.end, a.start)
                        && !actors.iter().any(|(o, _)| o.end == t.start)
                })
            };
            if names.is_root(root) && titled() {
                counts.add(root);
            }
        }
    }
    counts.most()
}

/// Countries counted in the order first seen, borrowed from the dictionaries and the name
/// index until the winner is copied out.
#[derive(Default)]
struct CountryTally<'a>(Vec<(&'a str, usize)>);

impl<'a> CountryTally<'a> {
    fn add(&mut self, country: &'a str) {
        match self.0.iter_mut().find(|(k, _)| *k == country) {
            Some(slot) => slot.1 += 1,
            None => self.0.push((country, 1)),
        }
    }

    /// The most counted country, the first seen on a tie.
    fn most(self) -> Option<String> {
        let best = self.0.iter().map(|(_, n)| *n).max()?;
        let first = self.0.into_iter().find(|(_, n)| *n == best);
        first.map(|(c, _)| c.to_string())
    }
}

/// The title at `start..end` stands bare right before the name at `name` (or before a comma
/// before it): nothing but a determiner before the title — no possessive ("Pakistan's"), no
/// capitalized word ("Israeli", "Labor"), no former word ("former Prime Minister").
fn title_before(tokens: &[Token], start: usize, end: usize, name: usize) -> bool {
    // The position test first: it fails for almost every title.
    let next = end == name || end + 1 == name && tokens[end].text == ",";
    if !next {
        return false;
    }
    let before = start.checked_sub(1).map(|b| &tokens[b]);
    let bare = before.is_none_or(|t| {
        t.tag == Tag::DT
            || !t.text.starts_with(char::is_uppercase)
                && !matches!(t.tag, Tag::POS | Tag::PRPS | Tag::JJ | Tag::NNP)
    });
    bare && !(start.saturating_sub(1)..end).any(|k| FORMER_WORDS.contains(&tokens[k].lower))
}

/// The country whose places the document names most often over all its sentences (the first
/// named on a tie): cities and first-level divisions of the name index, `place` entries of the
/// actor dictionary ("Canberra") and countries after a locative word ("in Australia", not "near
/// the Afghan border"). Actors
/// do not count: "Defence Minister X accused Algeria" says nothing of the minister's country.
/// Sentences a discard phrase drops do not count.
pub(super) fn dominant<'a>(
    names: &'a NameIndex,
    phrases: &[SentencePhrases<'a>],
) -> Option<String> {
    let mut counts = CountryTally::default();
    for m in phrases {
        if m.raw.discards.is_empty() {
            sentence_countries(names, &m.words, &m.plain, &mut |c| counts.add(c));
        }
    }
    counts.most()
}

/// Calls `count` with the country of each place name (city or division) and each dictionary
/// place outside those names ("New South Wales" is Australia's, not Wales).
fn sentence_countries<'a>(
    names: &'a NameIndex,
    words: &NameTokens<'_>,
    actors: &[ResolvedActor<'a>],
    count: &mut impl FnMut(&'a str),
) {
    let (tokens, lower) = (words.tokens, &words.lower);
    let mut spans = Vec::new();
    // A place name starts with a capitalised word; the next one is tried after it.
    let mut next = 0;
    for &i in words.capitalised() {
        if i < next {
            continue;
        }
        if let Some((n, country)) = names.place_country_at(&lower[i..]) {
            if !is_destination(tokens, i) {
                count(country);
            }
            spans.push(i..i + n);
            next = i + n;
        }
    }
    for &(m, entry) in actors {
        // Each test only when the ones before it pass (the locative test costs most).
        let Some(root) = entry.code.get(..3).filter(|r| names.is_root(r)) else {
            continue;
        };
        if spans.iter().any(|s| s.start <= m.start && m.end <= s.end) {
            continue;
        }
        let modifier = || tokens.get(m.end).is_some_and(|t| t.tag.is_noun());
        let place = entry.place || !modifier() && after_locative(tokens, m.start, m.end);
        if place && !is_destination(tokens, m.start) {
            count(root);
        }
    }
}

/// Words before a place that make it where someone goes, not where the story is ("flew to
/// Tokyo", "troops were sent to Mali", "crossed into Poland").
const DESTINATION_WORDS: &[&str] = &["to", "into", "toward", "towards", "for", "visiting"];

/// The place at token `start` (after determiners) is a destination ([`DESTINATION_WORDS`]): it
/// gives neither the document's dominant country nor its context country.
pub(super) fn is_destination(tokens: &[Token], start: usize) -> bool {
    let mut j = start;
    while j > 0 && tokens[j - 1].tag == Tag::DT {
        j -= 1;
    }
    j > 0 && DESTINATION_WORDS.contains(&tokens[j - 1].lower.as_str())
}

/// A locative word before token `start` ("in Australia"), over determiners and area
/// adjectives ("across the United States", "in eastern Congo", `area-adjectives.txt`) and a
/// capitalized place set off before it ("in Garissa, Kenya", the name at `start..end` closing
/// its phrase — not "In Beijing, China's ministry said"): the country named there is a place,
/// not an actor.
pub(super) fn after_locative(tokens: &[Token], start: usize, end: usize) -> bool {
    let mut j = before_place_modifiers(tokens, start);
    let closes = tokens
        .get(end)
        .is_none_or(|t| matches!(t.tag, Tag::Punct | Tag::IN | Tag::TO | Tag::CC));
    let set_off = closes && j >= 2 && tokens[j - 1].text == "," && capitalized(&tokens[j - 2]);
    if set_off {
        let mut k = j - 2;
        while k > 0 && capitalized(&tokens[k - 1]) && tokens[k - 1].tag != Tag::DT {
            k -= 1;
        }
        j = before_place_modifiers(tokens, k);
    }
    j > 0 && PLACE_LOCATIVE_WORDS.contains(&tokens[j - 1].lower)
}

/// Where the determiners and area adjectives before token `start` begin.
fn before_place_modifiers(tokens: &[Token], start: usize) -> usize {
    let mut j = start;
    while j > 0 && (tokens[j - 1].tag == Tag::DT || AREA_ADJECTIVES.contains(&tokens[j - 1].lower))
    {
        j -= 1;
    }
    j
}

fn capitalized(t: &Token) -> bool {
    t.text.starts_with(char::is_uppercase)
}

/// The home country of a record: its `country` field, when it holds a known country code
/// (upper-cased: "aus" → `AUS`). A field that holds anything else is ignored with a warning.
pub(super) fn record_country(
    doc: &Document,
    names: &NameIndex,
) -> (Option<String>, Option<String>) {
    let Some(value) = doc.metadata.get(COUNTRY_FIELD) else {
        return (None, None);
    };
    match value.as_str().and_then(|s| known_country(names, s)) {
        Some(code) => (Some(code), None),
        None => (
            None,
            Some(format!(
                "field '{COUNTRY_FIELD}' is not a known country code (ISO3 like AUS): {value}; ignored"
            )),
        ),
    }
}

/// `code` upper-cased, when it is a country root of the dictionaries (`AUS`, `USA`).
pub(super) fn known_country(names: &NameIndex, code: &str) -> Option<String> {
    let upper = code.trim().to_ascii_uppercase();
    (upper.len() == 3 && names.is_root(&upper)).then_some(upper)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallbacks_come_in_order() {
        let cases = [
            // record, domestic, document, run → first
            (
                [None, None, Some("AFG"), None],
                Some(("AFG", CountryFrom::Document)),
            ),
            (
                [None, None, None, Some("NZL")],
                Some(("NZL", CountryFrom::Home)),
            ),
            (
                [None, Some("AUS"), Some("AFG"), Some("NZL")],
                Some(("NZL", CountryFrom::Home)),
            ),
            (
                [None, Some("AUS"), Some("AFG"), None],
                Some(("AUS", CountryFrom::Home)),
            ),
            (
                [Some("GBR"), Some("AUS"), Some("AFG"), None],
                Some(("GBR", CountryFrom::Home)),
            ),
            ([None, None, None, None], None),
        ];
        for (given, want) in cases {
            let [record, domestic, document, run] = given.map(|c| c.map(String::from));
            let f = Fallbacks {
                record,
                domestic,
                document,
                run,
            };
            assert_eq!(f.first(), want, "{given:?}");
        }
    }

    #[test]
    fn labels_name_the_source() {
        assert_eq!(CountryFrom::Context.label(), "context-country");
        assert_eq!(CountryFrom::Document.label(), "document-country");
        assert_eq!(CountryFrom::Home.label(), "home-country");
    }
}
