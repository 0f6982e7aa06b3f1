//! Place recognition in a sentence and disambiguation against the gazetteer.
//!
//! A place mention is a run of tokens that starts with a capital letter and spells a gazetteer
//! name (the longest such run wins: "Gaza Strip" over "Gaza"), or a phrase naming a capital
//! through its country ("the Chinese capital", "China's capital", "the capital of China").
//! Names that look like part of a person's name ("President Obama", "Michael Jordan"), common
//! words at the start of a sentence ("Police said") and weak matches without any support are
//! dropped.
//!
//! Each mention's candidates are scored:
//!
//! | evidence | score |
//! | --- | --- |
//! | population | 0.5 × log10(population) |
//! | how well known a city is, against the best known city of the same name | 0.5 × ln((1 + alternate names) / (1 + the most alternate names)) |
//! | kind | country +0.5, capital +0.8, admin1 +0.2, region 3.0 in all |
//! | a city sharing its name with its own state or province ("New York") | +1.0 |
//! | matched by an alternate name, not the entry's own | −0.3 |
//! | qualified: "Paris, Texas", "London, Ontario", "the Lebanese city of Tripoli" | +3.0 |
//! | qualified with "in": "Tripoli in northern Lebanon" | +2.0 |
//! | a context country (the event's actors) | +1.5 / √(number of context countries) |
//! | another place or a country adjective in the sentence ("Lebanese soldiers ... Tripoli"), unless already a context country | country +1.0, admin1 +1.5 |
//! | "the city of", "the state of", "the country of" before the name | +1.5 for that kind |
//! | resolved earlier in the document | same place +1.0, same country +0.5 |
//!
//! The best score wins; every candidate keeps its score and the reasons that add up to it.

use super::first_words::{word_hash, word_hash_extend, FirstWord, WORD_HASH_START};
use super::gazetteer::{
    fold_key_into, short_hash, FeatureType, Gazetteer, NameRef, PlaceId, MAX_NAME_WORDS,
};
use super::{Location, Precision};
use crate::model::Span;
use crate::text::token::Shape;
use crate::text::wordlist::{word_list, MONTHS, WEEKDAYS};
use crate::text::{Tag, Token};
use compact_str::CompactString;
use std::sync::{Arc, LazyLock, OnceLock};

word_list! {
    /// Prepositions (and verbs) after which a name is where something happens.
    static LOCATIVE = "places/locative.txt";
}
word_list! {
    /// Words that may stand between a locative word and the name ("in northern Lebanon").
    static DIRECTIONS = "places/directions.txt";
}
word_list! {
    /// Capitalized words that may precede a place name without making it part of another name.
    static ALLOWED_BEFORE = "places/allowed_before.txt";
}
word_list! {
    /// Words before a name that make it part of a person's name or title.
    static TITLES = "places/titles.txt";
}
word_list! {
    /// Capitalized words that are gazetteer names but far more often something else.
    /// (Month and weekday names, text/months.txt and text/weekdays.txt, are stop words too.)
    static STOPLIST = "places/stoplist.txt";
}
/// A month or weekday name (lower-case stem).
fn is_month_or_weekday(stem: &str) -> bool {
    MONTHS.contains(&stem) || WEEKDAYS.contains(&stem)
}

/// Month and weekday names and the stop list in one set: one look-up a name of one word.
static STOP_WORDS: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| {
    let lists = [&MONTHS, &WEEKDAYS, &STOPLIST];
    lists.iter().flat_map(|l| l.iter().copied()).collect()
});

/// A capitalized word that is a gazetteer name but far more often something else.
fn is_stop_word(stem: &str) -> bool {
    STOP_WORDS.contains(stem)
}

word_list! {
    /// Nouns after a capital phrase that make "capital" mean money ("the Chinese capital markets").
    static CAPITAL_MONEY = "places/capital_money.txt";
}
word_list! {
    /// Nouns in "the N of X" that say what kind of place X is.
    static CITY_NOUNS = "places/city_nouns.txt";
}
word_list! {
    /// Nouns in "the N of X" that make X a first-level division or region ("the province of Sindh").
    static ADMIN_NOUNS = "places/admin_nouns.txt";
}
word_list! {
    /// Nouns in "the N of X" that make X a country ("the kingdom of Jordan").
    static COUNTRY_NOUNS = "places/country_nouns.txt";
}
word_list! {
    /// Nouns after a name that say what it is rather than make it a modifier ("Sindh province").
    static CLASSIFIERS = "places/classifiers.txt";
}

const QUALIFIER_BONUS: f32 = 3.0;
const IN_QUALIFIER_BONUS: f32 = 2.0;
const CONTEXT_BONUS: f32 = 1.5;
const CUE_COUNTRY_BONUS: f32 = 1.0;
const CUE_ADMIN1_BONUS: f32 = 1.5;
const HINT_BONUS: f32 = 1.5;
const MEMORY_PLACE_BONUS: f32 = 1.0;
const MEMORY_COUNTRY_BONUS: f32 = 0.5;

/// One place mention in a sentence, resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceMatch {
    /// First token of the mention.
    pub start_token: usize,
    /// One past the last token (a qualifier such as ", Texas" is included).
    pub end_token: usize,
    /// First byte of the mention in the normalized text.
    pub byte_start: usize,
    /// One past its last byte in the normalized text.
    pub byte_end: usize,
    /// The words as written.
    pub text: CompactString,
    /// The winning entry.
    pub place: PlaceId,
    /// The entry's name ("Paris").
    pub name: CompactString,
    /// ISO 3166-1 alpha-3 code of its country, as GeoNames has it (`FRA`, `XKX`).
    pub country_iso3: CompactString,
    /// CAMEO code of its country (`FRA`, `KSV`).
    pub cameo_country: CompactString,
    /// Its first-level division: the name when known, else the GeoNames code.
    pub admin1: Option<CompactString>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// What kind of place it is.
    pub feature_type: FeatureType,
    /// How precise it is.
    pub precision: Precision,
    /// GeoNames id, for cities.
    pub geonameid: Option<u32>,
    /// The mention follows a locative word ("in", "near", "visited"): it says where.
    pub locative: bool,
    /// The name is probably not where something happened: it is the subject of a verb
    /// ("Beijing said") or, for a country, capital or division, a modifier of a noun ("US
    /// officials", "the Texas town of Paris").
    pub incidental: bool,
    /// The winning score.
    pub score: f32,
    /// Every candidate, best first, with the reasons for its score.
    pub candidates: Vec<Candidate>,
}

impl PlaceMatch {
    /// The serializable location; `span` is the mention's byte range in the original document
    /// (map [`PlaceMatch::byte_start`]..[`PlaceMatch::byte_end`] with
    /// [`crate::text::Analysis::original_span`]).
    pub fn location(&self, span: Span) -> Location {
        Location {
            name: self.name.to_string(),
            country: self.cameo_country.to_string(),
            admin1: self.admin1.as_deref().map(str::to_string),
            lat: self.lat,
            lon: self.lon,
            feature_type: self.feature_type,
            span,
            precision: self.precision,
            geonameid: self.geonameid,
        }
    }

    /// One line per candidate: "'Paris' → Paris, Île-de-France, FRA (...) 4.0: population +3.2; ..."
    /// (`gazetteer` is the one the match was resolved against).
    pub fn explain(&self, gazetteer: &Gazetteer) -> Vec<String> {
        let mut out = vec![format!(
            "place '{}' → {} [{}] ({}, {})",
            self.text,
            self.name,
            self.cameo_country,
            self.feature_type.as_str(),
            if self.locative {
                "locative"
            } else if self.incidental {
                "incidental"
            } else {
                "mention"
            }
        )];
        for (i, c) in self.candidates.iter().enumerate() {
            out.push(format!(
                "  {} {} {:.2}: {}",
                if i == 0 { "won" } else { "   " },
                gazetteer.describe(c.place),
                c.score,
                c.reasons(gazetteer)
            ));
        }
        out
    }
}

/// What a resolver remembers across the sentences of one document.
#[derive(Clone, Debug, Default)]
pub struct PlaceMemory {
    places: Vec<PlaceId>,
    countries: Vec<usize>,
}

impl PlaceMemory {
    /// An empty memory, for a new document.
    #[cfg(test)]
    pub fn new() -> PlaceMemory {
        PlaceMemory::default()
    }

    /// Remembers a resolved place.
    pub fn remember(&mut self, gazetteer: &Gazetteer, place: PlaceId) {
        if !self.places.contains(&place) {
            self.places.push(place);
        }
        let c = gazetteer.country_of(place);
        if !self.countries.contains(&c) {
            self.countries.push(c);
        }
    }
}

/// Finds and resolves place names. Cheap to clone; safe to share between threads.
///
/// The bundled gazetteer is loaded on the first look-up, so a resolver that is never asked
/// costs nothing.
#[derive(Clone, Debug)]
pub struct PlaceResolver {
    gazetteer: OnceLock<Arc<Gazetteer>>,
    /// Cities with names of more words by country, in index order, with the hash of their
    /// first word: built for the first short-form look-up.
    cities_by_country: OnceLock<Vec<Vec<(u32, u32)>>>,
}

impl Default for PlaceResolver {
    fn default() -> PlaceResolver {
        PlaceResolver::bundled()
    }
}

/// One candidate entry for a mention, with its score and the reasons that add up to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The entry.
    pub place: PlaceId,
    /// Named by its own name, not an alternate.
    primary: bool,
    /// The score.
    pub score: f32,
    /// The reasons, kept as data: they are put into words only for an explanation, and kept
    /// only when one is asked for (`record`).
    why: Vec<Reason>,
    record: bool,
    /// The kinds of reason scoring asks about ([`SHORT_FORM`], [`QUALIFIED`]), kept always.
    marks: u8,
}

/// [`Candidate::marks`]: a [`Why::ShortForm`] reason.
const SHORT_FORM: u8 = 1;
/// [`Candidate::marks`]: a [`Why::Qualified`] reason.
const QUALIFIED: u8 = 2;

type Cand = Candidate;

/// Points a candidate gained or lost (`None` for the phrase that named a capital), and why.
#[derive(Clone, Debug, PartialEq)]
struct Reason {
    points: Option<f32>,
    why: Why,
}

/// Why a candidate's score changed.
#[derive(Clone, Debug, PartialEq)]
enum Why {
    Text(&'static str),
    Population(u64),
    LessKnown {
        own: u32,
        most: u32,
    },
    ContextCountry(usize),
    CountryInSentence(usize),
    Introduced(Hint),
    CountryEarlier(usize),
    Qualified {
        label: String,
        division: bool,
        country: usize,
    },
    ShortForm(PlaceId),
    Capital {
        how: &'static str,
        country: usize,
        found: bool,
    },
}

impl Why {
    fn render(&self, g: &Gazetteer) -> String {
        let code = |c: usize| g.countries()[c].cameo.as_str();
        match self {
            Why::Text(s) => (*s).to_string(),
            Why::Population(pop) => format!("population {pop}"),
            Why::LessKnown { own, most } => format!("less known ({own} names against {most})"),
            Why::ContextCountry(c) => format!("context country {}", code(*c)),
            Why::CountryInSentence(c) => format!("{} named in the sentence", code(*c)),
            Why::Introduced(h) => format!("introduced as a {}", h.as_str()),
            Why::CountryEarlier(c) => format!("{} named earlier in the document", code(*c)),
            Why::Qualified {
                label,
                division,
                country,
            } => {
                let what = if *division { "division" } else { "country" };
                format!("qualified by '{label}' ({what} {})", code(*country))
            }
            Why::ShortForm(p) => format!("short form of '{}'", g.name_of(*p)),
            Why::Capital {
                how,
                country,
                found: true,
            } => {
                format!("{how}: the capital of {}", code(*country))
            }
            Why::Capital {
                how,
                country,
                found: false,
            } => {
                format!("{how}: {} has no capital in the gazetteer", code(*country))
            }
        }
    }
}

impl Candidate {
    /// A candidate with no reasons yet; `record`: keep them (for an explanation).
    fn new(place: PlaceId, primary: bool, record: bool) -> Candidate {
        Candidate {
            place,
            primary,
            score: 0.0,
            // Room for the usual reasons: one allocation a recorded candidate, none otherwise.
            why: if record {
                Vec::with_capacity(6)
            } else {
                Vec::new()
            },
            record,
            marks: 0,
        }
    }

    fn add(&mut self, points: f32, why: Why) {
        self.score += points;
        self.note(Some(points), why);
    }

    /// Notes a reason (kept when recording), with no change of score.
    fn note(&mut self, points: Option<f32>, why: Why) {
        self.marks |= match why {
            Why::ShortForm(_) => SHORT_FORM,
            Why::Qualified { .. } => QUALIFIED,
            _ => 0,
        };
        if self.record {
            self.why.push(Reason { points, why });
        }
    }

    /// Whether a reason of this kind ([`SHORT_FORM`], [`QUALIFIED`]) was noted.
    fn has(&self, mark: u8) -> bool {
        self.marks & mark != 0
    }

    /// The reasons in words, "; "-separated: "+3.20 population 4000000; +0.80 national capital".
    pub fn reasons(&self, g: &Gazetteer) -> String {
        let words: Vec<String> = self
            .why
            .iter()
            .map(|r| match r.points {
                Some(p) => format!(
                    "{}{p:.2} {}",
                    if p >= 0.0 { "+" } else { "" },
                    r.why.render(g)
                ),
                None => r.why.render(g),
            })
            .collect();
        words.join("; ")
    }
}

/// The lookup keys of a sentence's tokens ([`fold_key`](super::gazetteer::fold_key) of each),
/// made once per sentence for the tokens that can start a name (those that start upper case):
/// a token's lower-case form where that is its key (an ASCII word without periods), else its
/// key folded into a shared buffer; whether it has lower-case letters; and the [`word_hash`] of
/// the key. The other tokens' keys are made only when a span from a capitalized token or a
/// qualifier reads them ([`TokenKeys::key`], [`TokenKeys::push_key`]).
struct TokenKeys<'t> {
    tokens: &'t [Token],
    /// The keys of the tokens that are not their own lower-case form.
    folded: String,
    keys: Vec<Key>,
    /// Some token's lower-case form is "capital" (which every capital phrase has).
    has_capital: bool,
    /// Candidates keep their reasons (for an explanation).
    explain: bool,
}

/// Where one token's key is, and what the place look-ups read of it.
#[derive(Clone, Copy)]
struct Key {
    /// The key is `folded[start..end]`, or the token's `lower` when `start` is [`LOWER`].
    start: u32,
    end: u32,
    has_lower: bool,
    /// The token starts with an upper-case letter.
    upper: bool,
    /// [`word_hash`] of the key, for tokens that start upper case (else 0).
    hash: u64,
}

/// [`Key::start`] of a key that is the token's lower-case form.
const LOWER: u32 = u32::MAX;

/// [`Key::start`] of a token that does not start upper case (its key is not made up front:
/// see [`lazy_key`]).
const LAZY: u32 = u32::MAX - 1;

/// The buffers a sentence's place look-ups write their keys into, kept per thread from
/// sentence to sentence: once the longest sentence so far has been seen, a sentence allocates
/// none of them.
#[derive(Default)]
struct KeyBuffers {
    folded: String,
    keys: Vec<Key>,
    prefixes: Prefixes,
}

thread_local! {
    static KEY_BUFFERS: std::cell::Cell<KeyBuffers> = std::cell::Cell::default();
}

impl KeyBuffers {
    /// This thread's buffers (empty ones while they are in use, as by a nested call).
    fn take() -> KeyBuffers {
        KEY_BUFFERS.take()
    }

    /// Hands the buffers back for the thread's next sentence.
    fn give_back(self) {
        KEY_BUFFERS.set(self);
    }
}

impl<'t> TokenKeys<'t> {
    /// The keys of `tokens`, written into `folded` and `keys` (cleared first).
    fn new(
        tokens: &'t [Token],
        explain: bool,
        mut folded: String,
        mut keys: Vec<Key>,
    ) -> TokenKeys<'t> {
        folded.clear();
        keys.clear();
        keys.reserve(tokens.len());
        let mut keys = TokenKeys {
            tokens,
            folded,
            keys,
            has_capital: tokens.iter().any(|t| t.lower == "capital"),
            explain,
        };
        for t in tokens {
            let key = keys.key_of(t);
            keys.keys.push(key);
        }
        keys
    }

    /// The buffers the keys were written into, with `prefixes`, for the next sentence.
    fn into_buffers(self, prefixes: Prefixes) -> KeyBuffers {
        KeyBuffers {
            folded: self.folded,
            keys: self.keys,
            prefixes,
        }
    }

    /// Token `t`'s key: its lower-case form when that is its key, else folded into `folded`;
    /// [`LAZY`] for a token that does not start upper case.
    fn key_of(&mut self, t: &Token) -> Key {
        let (text, lower) = (t.text.as_str(), t.lower.as_str());
        // An ASCII first byte that is not a capital: not upper case, whatever follows.
        if text
            .as_bytes()
            .first()
            .is_none_or(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            return Key {
                start: LAZY,
                end: 0,
                has_lower: false,
                upper: false,
                hash: 0,
            };
        }
        if let Some((has_lower, hash)) = ascii_word(text, lower) {
            // ASCII, so its first byte is the capital.
            return Key {
                start: LOWER,
                end: 0,
                has_lower,
                upper: true,
                hash,
            };
        }
        let start = self.folded.len();
        fold_key_into(text, &mut self.folded);
        let end = self.folded.len();
        let upper = text.chars().next().is_some_and(char::is_uppercase);
        Key {
            start: start as u32,
            end: end as u32,
            has_lower: text.chars().any(char::is_lowercase),
            upper,
            hash: if upper {
                word_hash(&self.folded[start..end])
            } else {
                0
            },
        }
    }

    /// The key of token `i` (`buf`: where a key not made up front is folded).
    #[inline]
    fn key<'b>(&'b self, i: usize, buf: &'b mut String) -> &'b str {
        let k = self.keys[i];
        match k.start {
            LOWER => &self.tokens[i].lower,
            LAZY => lazy_key(&self.tokens[i], buf),
            _ => &self.folded[k.start as usize..k.end as usize],
        }
    }

    /// Appends the key of token `i` to `out`.
    fn push_key(&self, i: usize, out: &mut String) {
        let k = self.keys[i];
        match k.start {
            LOWER => out.push_str(&self.tokens[i].lower),
            LAZY => push_lazy_key(&self.tokens[i], out),
            _ => out.push_str(&self.folded[k.start as usize..k.end as usize]),
        }
    }

    /// The [`word_hash`] of token `i`'s key, for a token that starts upper case.
    fn hash_of(&self, i: usize) -> Option<u64> {
        let k = self.keys[i];
        k.upper.then_some(k.hash)
    }

    /// Token `i` has a lower-case letter.
    fn has_lower(&self, i: usize) -> bool {
        let k = self.keys[i];
        if k.start == LAZY {
            self.tokens[i].text.chars().any(char::is_lowercase)
        } else {
            k.has_lower
        }
    }

    /// What the gazetteer's first-word table says of token `i`'s key, for a token that starts
    /// upper case with a non-empty key; `None` otherwise (any name may then start there).
    fn first_word(&self, g: &Gazetteer, i: usize) -> Option<FirstWord> {
        let k = self.keys[i];
        (k.hash != 0 && (k.start == LOWER || k.end > k.start)).then(|| g.first_word(k.hash))
    }

    /// Token `i` starts with an upper-case letter.
    fn upper(&self, i: usize) -> bool {
        self.keys[i].upper
    }

    /// The key of tokens `i..i + len` joined by spaces (the non-empty keys, space-separated),
    /// written into `buf`.
    fn span<'b>(&'b self, i: usize, len: usize, buf: &'b mut String) -> &'b str {
        if len == 1 {
            return self.key(i, buf);
        }
        buf.clear();
        for k in i..i + len {
            push_word(buf, |out| self.push_key(k, out));
        }
        buf
    }

    /// No token of `i..i + len` has a lower-case letter.
    fn all_caps(&self, i: usize, len: usize) -> bool {
        !(i..i + len).any(|k| self.has_lower(k))
    }
}

/// Appends a word to the space-separated `out` with `push` (which appends it), a space first
/// when `out` has words already; an empty word leaves `out` as it was.
fn push_word(out: &mut String, push: impl FnOnce(&mut String)) {
    let mark = out.len();
    if mark > 0 {
        out.push(' ');
    }
    let start = out.len();
    push(out);
    if out.len() == start {
        out.truncate(mark);
    }
}

/// The key of a token that does not start upper case: its lower-case form when that is its key
/// (as [`TokenKeys::key_of`] decides), else folded into `buf`.
fn lazy_key<'b>(t: &'b Token, buf: &'b mut String) -> &'b str {
    if lower_is_key(t) {
        return &t.lower;
    }
    buf.clear();
    fold_key_into(&t.text, buf);
    buf
}

/// Appends [`lazy_key`] of `t` to `out`.
fn push_lazy_key(t: &Token, out: &mut String) {
    if lower_is_key(t) {
        out.push_str(&t.lower);
    } else {
        fold_key_into(&t.text, out);
    }
}

/// The token's lower-case form is its key: an ASCII word with nothing to fold (no period, no
/// white space or other control byte; as [`ascii_word`] decides).
fn lower_is_key(t: &Token) -> bool {
    t.lower.len() == t.text.len()
        && t.text
            .bytes()
            .all(|b| b.is_ascii() && b > b' ' && b != b'.')
}

/// For an ASCII word with nothing to fold (no period, no white space or other control byte)
/// whose lower-case form `lower` is as long: whether it has lower-case letters, and the
/// [`word_hash`] of `lower` (its key); `None` for any other text. One pass over the bytes.
fn ascii_word(text: &str, lower: &str) -> Option<(bool, u64)> {
    if text.len() != lower.len() {
        return None;
    }
    let (mut has_lower, mut hash) = (false, WORD_HASH_START);
    for (&b, &l) in text.as_bytes().iter().zip(lower.as_bytes()) {
        if !(b.is_ascii() && b > b' ' && b != b'.') {
            return None;
        }
        has_lower |= b.is_ascii_lowercase();
        hash = word_hash_extend(hash, &[l]);
    }
    Some((has_lower, hash))
}

/// The key of a span of tokens from one start (as [`TokenKeys::span`] writes it) with the end
/// and [`word_hash`] of the key of each shorter span from that start: `ends[n - 1]` for the
/// first `n` tokens. Reused from start to start and, in [`KeyBuffers`], from sentence to
/// sentence.
#[derive(Default)]
struct Prefixes {
    key: String,
    ends: Vec<(usize, u64)>,
    /// Where a word's key not made up front is folded.
    word: String,
}

impl Prefixes {
    /// The spans from token `i` of at most `max` tokens and `limit` words (tokens with empty
    /// keys add none). A span of more words than any name that begins with its words
    /// ([`Gazetteer::first_word`] of its key, which knows every name's prefixes) ends the
    /// spans: no name begins with a longer one either.
    fn build(&mut self, g: &Gazetteer, keys: &TokenKeys, i: usize, max: usize, limit: usize) {
        self.key.clear();
        self.ends.clear();
        let (mut hash, mut words, mut limit) = (WORD_HASH_START, 0, limit);
        for k in i..i + max {
            let word = keys.key(k, &mut self.word);
            if !word.is_empty() {
                words += 1;
                if words > limit {
                    break;
                }
                let next = match keys.hash_of(k) {
                    Some(own) if words == 1 => own,
                    _ if words == 1 => word_hash(word),
                    _ => word_hash_extend(word_hash_extend(hash, b" "), word.as_bytes()),
                };
                if words > 1 {
                    limit = limit.min(g.first_word(next).max_words());
                    if words > limit {
                        break;
                    }
                    self.key.push(' ');
                }
                self.key.push_str(word);
                hash = next;
            }
            self.ends.push((self.key.len(), hash));
        }
    }
}

/// What scoring one candidate reads of the other candidates of its mention.
#[derive(Clone, Copy)]
struct Siblings {
    /// The most alternate names of a city among them.
    most_known: u32,
    /// The candidate is a city, and a division of its country is among them.
    division_alike: bool,
}

/// A country or division named in the sentence, with the index of the mention that named it
/// (`usize::MAX` for an adjective).
type Cue<T> = (usize, T);

#[derive(Clone, Debug)]
struct Raw {
    start: usize,
    /// End of the name itself.
    name_end: usize,
    /// End including a merged qualifier.
    end: usize,
    cands: Vec<Cand>,
    /// Set for "the Chinese capital": the phrase that named the capital.
    capital_phrase: bool,
    consumed: bool,
    /// Qualifies the name before it ("Hyderabad in Pakistan"): not itself where it happened.
    qualifier: bool,
}

impl PlaceResolver {
    /// A resolver over the bundled gazetteer.
    /// (loaded when first needed).
    pub fn bundled() -> PlaceResolver {
        PlaceResolver {
            gazetteer: OnceLock::new(),
            cities_by_country: OnceLock::new(),
        }
    }

    /// A resolver over this gazetteer.
    pub fn new(gazetteer: Arc<Gazetteer>) -> PlaceResolver {
        PlaceResolver {
            gazetteer: OnceLock::from(gazetteer),
            cities_by_country: OnceLock::new(),
        }
    }

    /// The gazetteer in use (the bundled one is loaded here on first use).
    pub fn gazetteer(&self) -> &Gazetteer {
        self.gazetteer.get_or_init(Gazetteer::bundled)
    }

    /// Finds the places of one sentence on its own. `context_countries` are CAMEO or ISO3
    /// country codes (actor codes such as `USAGOV` count by their first three letters) that make
    /// candidates in those countries likelier.
    #[cfg(test)]
    pub fn find_places(&self, tokens: &[Token], context_countries: &[&str]) -> Vec<PlaceMatch> {
        self.find_places_in(tokens, context_countries, &mut PlaceMemory::new(), true)
    }

    /// Like [`PlaceResolver::find_places`], for a sentence of a document: places resolved in
    /// earlier sentences (kept in `memory`) make the same places and countries likelier, and the
    /// places found here are added to it. Only with `explain` do the candidates keep the
    /// reasons of their scores ([`PlaceMatch::explain`]); the scores are the same either way.
    pub fn find_places_in(
        &self,
        tokens: &[Token],
        context_countries: &[&str],
        memory: &mut PlaceMemory,
        explain: bool,
    ) -> Vec<PlaceMatch> {
        let g = self.gazetteer();
        let mut context: Vec<usize> = context_countries
            .iter()
            .filter_map(|c| g.country_by_code(c))
            .collect();
        context.sort_unstable();
        context.dedup();
        let mut buffers = KeyBuffers::take();
        let keys = TokenKeys::new(
            tokens,
            explain,
            std::mem::take(&mut buffers.folded),
            std::mem::take(&mut buffers.keys),
        );
        let mut raws = self.raw_matches(tokens, &keys, &mut buffers.prefixes);
        self.merge_qualifiers(tokens, &keys, &mut raws);
        self.kind_qualifiers(tokens, &keys, &mut raws);
        let keep: Vec<bool> = raws
            .iter()
            .map(|r| !r.consumed && !self.rejected(tokens, &keys, r, &raws))
            .collect();
        let mut keep = keep.into_iter();
        raws.retain(|_| keep.next().unwrap_or(false));
        let (cue_countries, cue_admin1) =
            self.sentence_cues(tokens, &keys, &raws, &mut buffers.prefixes.key);
        keys.into_buffers(buffers.prefixes).give_back();
        let mut out = Vec::new();
        for (k, raw) in raws.iter_mut().enumerate() {
            // Scoring a candidate reads the others' places, never their scores.
            let mut cands = std::mem::take(&mut raw.cands);
            let raw = &*raw;
            let hint = kind_hint(tokens, raw.start);
            let most_known = cands
                .iter()
                .filter_map(|o| match o.place {
                    PlaceId::City(j) => Some(g.cities()[j].altcount),
                    _ => None,
                })
                .max()
                .unwrap_or(0);
            for j in 0..cands.len() {
                let place = cands[j].place;
                let division_alike = matches!(place, PlaceId::City(_))
                    && cands.iter().any(|o| {
                        matches!(o.place, PlaceId::Admin1(_))
                            && g.country_of(o.place) == g.country_of(place)
                    });
                let siblings = Siblings {
                    most_known,
                    division_alike,
                };
                self.score(
                    &mut cands[j],
                    raw,
                    k,
                    &context,
                    &cue_countries,
                    &cue_admin1,
                    hint,
                    siblings,
                    memory,
                );
            }
            cands.sort_by(|a, b| {
                b.score
                    .total_cmp(&a.score)
                    .then_with(|| g.population_of(b.place).cmp(&g.population_of(a.place)))
            });
            let Some(best) = cands.first() else { continue };
            let locative = is_locative(tokens, raw.start);
            if !self.supported(
                tokens,
                raw,
                best,
                locative,
                &context,
                &cue_countries,
                memory,
            ) {
                continue;
            }
            out.push(self.to_match(tokens, raw, cands, locative));
        }
        for m in &out {
            memory.remember(g, m.place);
        }
        out
    }

    /// The place an event in this sentence most likely happened at: the first mention after a
    /// locative word, else the first that is not incidental.
    #[cfg(test)]
    pub fn primary(matches: &[PlaceMatch]) -> Option<&PlaceMatch> {
        matches
            .iter()
            .find(|m| m.locative)
            .or_else(|| matches.iter().find(|m| !m.incidental))
    }

    fn raw_matches(&self, tokens: &[Token], keys: &TokenKeys, prefixes: &mut Prefixes) -> Vec<Raw> {
        let g = self.gazetteer();
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if let Some(raw) = keys
                .has_capital
                .then(|| self.capital_phrase(tokens, keys, i))
                .flatten()
            {
                i = raw.end;
                out.push(raw);
                continue;
            }
            if !keys.upper(i) || !is_wordish(&tokens[i]) {
                i += 1;
                continue;
            }
            // The most words of a name that begins with this word.
            let limit = keys
                .first_word(g, i)
                .map_or(MAX_NAME_WORDS, FirstWord::max_words);
            if limit == 0 {
                i += 1;
                continue;
            }
            // Only runs of word tokens can spell a name.
            let max = tokens[i..]
                .iter()
                .take(MAX_NAME_WORDS)
                .take_while(|t| is_wordish(t))
                .count();
            let found = self.longest_name(keys, i, max, limit, prefixes);
            match found {
                Some((len, cands)) => {
                    out.push(Raw {
                        start: i,
                        name_end: i + len,
                        end: i + len,
                        cands,
                        capital_phrase: false,
                        consumed: false,
                        qualifier: false,
                    });
                    i += len;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The longest gazetteer name spelled by tokens `i..i + len` (`len` at most `max`, of at
    /// most `limit` words; a name in capitals only where the tokens are), with its candidates.
    /// The key of the longest span is built and hashed once: each shorter one is a prefix.
    fn longest_name(
        &self,
        keys: &TokenKeys,
        i: usize,
        max: usize,
        limit: usize,
        prefixes: &mut Prefixes,
    ) -> Option<(usize, Vec<Cand>)> {
        let g = self.gazetteer();
        prefixes.build(g, keys, i, max, limit);
        for len in (1..=prefixes.ends.len()).rev() {
            let (end, hash) = prefixes.ends[len - 1];
            let refs = g.lookup_key_hashed(&prefixes.key[..end], hash);
            // (Whether the text is in capitals matters only for a name in capitals.)
            let fits = |r: &NameRef| !r.all_caps || keys.all_caps(i, len);
            if refs.iter().any(|r| fits(&r)) {
                let cands: Vec<Cand> = refs
                    .iter()
                    .filter(fits)
                    .map(|r| Cand::new(r.place, r.primary, keys.explain))
                    .collect();
                return Some((len, cands));
            }
        }
        None
    }

    /// "the Chinese capital", "China's capital", "the capital of China" at token `i`.
    fn capital_phrase(&self, tokens: &[Token], keys: &TokenKeys, i: usize) -> Option<Raw> {
        let g = self.gazetteer();
        let lower = |k: usize| tokens.get(k).map_or("", |t| t.lower.as_str());
        let mut buf = String::new();
        let (country, start, end, how) = if lower(i) == "capital" && lower(i + 1) == "of" {
            let (c, len) = self.country_name_at(tokens, keys, i + 2)?;
            (c, i, i + 2 + len, "the capital of")
        } else {
            // "capital" ends every form below, at most four tokens on.
            if !starts_upper(&tokens[i]) || !(i + 1..=i + 4).any(|k| lower(k) == "capital") {
                return None;
            }
            // Adjective ("Chinese", "South Korean") or country name + 's, then "capital".
            let mut hit = None;
            for len in (1..=3.min(tokens.len() - i)).rev() {
                let key = keys.span(i, len, &mut buf);
                if let Some(c) = g.country_by_adjective_key(key) {
                    if lower(i + len) == "capital" {
                        hit = Some((c, i + len + 1, "country adjective + capital"));
                        break;
                    }
                }
                if let Some(c) = self.country_name_key(key, keys.all_caps(i, len)) {
                    if lower(i + len) == "'s" && lower(i + len + 1) == "capital" {
                        hit = Some((c, i + len + 2, "country's capital"));
                        break;
                    }
                    if lower(i + len) == "capital" {
                        hit = Some((c, i + len + 1, "country + capital"));
                        break;
                    }
                }
            }
            let (c, end, how) = hit?;
            (c, i, end, how)
        };
        let mut end = end;
        if lower(end) == "city" {
            end += 1;
        }
        if CAPITAL_MONEY.contains(&lower(end)) {
            return None;
        }
        let capital = g.capital_of(country);
        let mut cand = Cand::new(
            capital.map_or(PlaceId::Country(country), PlaceId::City),
            true,
            keys.explain,
        );
        let found = capital.is_some();
        cand.note(
            None,
            Why::Capital {
                how,
                country,
                found,
            },
        );
        Some(Raw {
            start,
            name_end: end,
            end,
            cands: vec![cand],
            capital_phrase: true,
            consumed: false,
            qualifier: false,
        })
    }

    fn country_name_at(
        &self,
        tokens: &[Token],
        keys: &TokenKeys,
        i: usize,
    ) -> Option<(usize, usize)> {
        let mut i = i;
        let mut skipped = 0;
        let mut buf = String::new();
        if tokens.get(i).is_some_and(|t| t.tag == Tag::DT) {
            i += 1;
            skipped = 1;
        }
        for len in (1..=4.min(tokens.len().saturating_sub(i))).rev() {
            let span = &tokens[i..i + len];
            if !starts_upper(&span[0]) {
                return None;
            }
            let key = keys.span(i, len, &mut buf);
            if let Some(c) = self.country_name_key(key, keys.all_caps(i, len)) {
                return Some((c, len + skipped));
            }
        }
        None
    }

    /// The country named by `key`; `all_caps_text` says whether the words have no lower case.
    fn country_name_key(&self, key: &str, all_caps_text: bool) -> Option<usize> {
        self.gazetteer()
            .lookup_key(key)
            .iter()
            .find_map(|r| match r.place {
                PlaceId::Country(c) if !r.all_caps || all_caps_text => Some(c),
                _ => None,
            })
    }

    /// "Paris, Texas", "London, Ontario", "Tripoli in northern Lebanon": boosts the candidates of
    /// a name that lie in the country or division named right after it, and merges a comma
    /// qualifier into the mention.
    fn merge_qualifiers(&self, tokens: &[Token], keys: &TokenKeys, raws: &mut [Raw]) {
        let mut buf = String::new();
        for k in 0..raws.len() {
            if raws[k].consumed || raws[k].capital_phrase {
                continue;
            }
            let end = raws[k].end;
            let comma = tokens.get(end).is_some_and(|t| t.text == ",");
            let mut j = end + usize::from(comma);
            let mut with_in = false;
            if !comma && tokens.get(end).is_some_and(|t| t.lower == "in") {
                j = end + 1;
                while tokens
                    .get(j)
                    .is_some_and(|t| t.tag == Tag::DT || DIRECTIONS.contains(&t.lower.as_str()))
                {
                    j += 1;
                }
                with_in = true;
            }
            let Some(q) = raws.iter().position(|r| r.start == j && !r.capital_phrase) else {
                continue;
            };
            if q == k || !(comma || with_in || j == end) {
                continue;
            }
            let areas: Vec<PlaceId> = raws[q]
                .cands
                .iter()
                .map(|c| c.place)
                .filter(|p| !matches!(p, PlaceId::City(_)))
                .collect();
            if areas.is_empty() {
                continue;
            }
            let label = join(&tokens[raws[q].start..raws[q].end]);
            let bonus = if with_in {
                IN_QUALIFIER_BONUS
            } else {
                QUALIFIER_BONUS
            };
            let mut agreed = self.boost_within(&mut raws[k].cands, &areas, bonus, &label);
            if !agreed {
                // "Santiago, Spain": a short form of a longer name in that country.
                let key = keys.span(raws[k].start, raws[k].name_end - raws[k].start, &mut buf);
                let extra = self.short_forms(key, &areas, keys.explain);
                if !extra.is_empty() {
                    raws[k].cands.extend(extra);
                    agreed = self.boost_within(&mut raws[k].cands, &areas, bonus, &label);
                }
            }
            if agreed && !with_in {
                raws[k].end = raws[q].end;
                raws[q].consumed = true;
            } else if agreed {
                raws[q].qualifier = true;
            }
        }
    }

    /// "the Lebanese city of Tripoli", "the Texas town of Paris", "Pakistan's city of Hyderabad":
    /// the country or division named before "city of" qualifies the name.
    fn kind_qualifiers(&self, tokens: &[Token], keys: &TokenKeys, raws: &mut [Raw]) {
        let g = self.gazetteer();
        for k in 0..raws.len() {
            let start = raws[k].start;
            if raws[k].capital_phrase || kind_hint(tokens, start).is_none() {
                continue;
            }
            // tokens[start - 2] is the noun ("city"); look at up to three words before it.
            let noun = start - 2;
            let mut areas: Vec<PlaceId> = Vec::new();
            let mut label = String::new();
            let mut buf = String::new();
            for b in (noun.saturating_sub(3)..noun).rev() {
                let t = &tokens[b];
                if let Some(c) = g.country_by_adjective_key(keys.key(b, &mut buf)) {
                    areas.push(PlaceId::Country(c));
                } else if let Some(r) = raws
                    .iter()
                    .find(|r| r.start <= b && b < r.end && !r.capital_phrase)
                {
                    areas.extend(
                        r.cands
                            .iter()
                            .map(|c| c.place)
                            .filter(|p| !matches!(p, PlaceId::City(_))),
                    );
                } else if t.tag == Tag::POS
                    || t.tag == Tag::JJ
                    || DIRECTIONS.contains(&t.lower.as_str())
                {
                    continue;
                }
                if !areas.is_empty() {
                    label = t.text.to_string();
                    break;
                }
                break;
            }
            if !areas.is_empty() {
                let mut agreed =
                    self.boost_within(&mut raws[k].cands, &areas, QUALIFIER_BONUS, &label);
                if !agreed {
                    let mut buf = String::new();
                    let key = keys.span(raws[k].start, raws[k].name_end - raws[k].start, &mut buf);
                    let extra = self.short_forms(key, &areas, keys.explain);
                    if !extra.is_empty() {
                        raws[k].cands.extend(extra);
                        agreed =
                            self.boost_within(&mut raws[k].cands, &areas, QUALIFIER_BONUS, &label);
                    }
                }
                if agreed {
                    for r in raws.iter_mut() {
                        if r.end <= noun && r.end + 3 >= noun && !r.capital_phrase {
                            r.qualifier = true;
                        }
                    }
                }
            }
        }
    }

    fn boost_within(&self, cands: &mut [Cand], areas: &[PlaceId], bonus: f32, label: &str) -> bool {
        let g = self.gazetteer();
        let mut any = false;
        for c in cands.iter_mut() {
            if areas.iter().any(|&a| self.within(c.place, a)) && !areas.contains(&c.place) {
                let division = !matches!(
                    areas.iter().find(|&&a| self.within(c.place, a)),
                    Some(PlaceId::Country(_)) | None
                );
                c.add(
                    bonus,
                    Why::Qualified {
                        label: label.to_string(),
                        division,
                        country: g.country_of(c.place),
                    },
                );
                any = true;
            }
        }
        any
    }

    /// True when `place` lies in `area` (a country or a first-level division).
    fn within(&self, place: PlaceId, area: PlaceId) -> bool {
        let g = self.gazetteer();
        match area {
            PlaceId::Country(c) => g.country_of(place) == c,
            PlaceId::Admin1(a) => {
                let ad = &g.admin1()[a];
                g.admin1_key_of(place).is_some_and(|(c, code)| {
                    c == ad.country && !ad.code.is_empty() && code == ad.code
                })
            }
            PlaceId::City(_) => false,
        }
    }

    /// Cities in `areas` whose names start with `key` and a space ("santiago" → "Santiago de
    /// Compostela" in Spain).
    fn short_forms(&self, key: &str, areas: &[PlaceId], explain: bool) -> Vec<Cand> {
        let g = self.gazetteer();
        if key.is_empty() {
            return Vec::new();
        }
        let prefix = format!("{key} ");
        let mut countries: Vec<usize> = areas.iter().map(|&a| g.country_of(a)).collect();
        countries.sort_unstable();
        countries.dedup();
        // Only cities whose folded name has more words, the first of them this key's.
        let first = short_hash(key.split(' ').next().unwrap_or(key));
        let by_country = self.cities_by_country();
        let mut in_areas: Vec<usize> = countries
            .iter()
            .filter_map(|&c| by_country.get(c))
            .flatten()
            .filter(|&&(hash, _)| hash == first)
            .map(|&(_, i)| i as usize)
            .collect();
        in_areas.sort_unstable();
        let mut folded = String::new();
        in_areas
            .into_iter()
            .map(|i| (i, &g.cities()[i]))
            .filter(|(_, c)| {
                c.ascii
                    .get(..prefix.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(&prefix))
                    || c.name.contains('.')
            })
            .filter(|(_, c)| {
                folded.clear();
                fold_key_into(&c.name, &mut folded);
                folded.starts_with(&prefix)
            })
            .map(|(i, _)| PlaceId::City(i))
            .filter(|&p| areas.iter().any(|&a| self.within(p, a)))
            .take(3)
            .map(|place| {
                let mut c = Cand::new(place, false, explain);
                c.add(-0.5, Why::ShortForm(place));
                c
            })
            .collect()
    }

    /// Each country's cities with names of more than one word, in index order, with
    /// [`Gazetteer::city_first_word`] (built on first use).
    fn cities_by_country(&self) -> &[Vec<(u32, u32)>] {
        self.cities_by_country.get_or_init(|| {
            let g = self.gazetteer();
            let mut by_country = vec![Vec::new(); g.countries().len()];
            for (i, c) in g.cities().iter().enumerate() {
                let hash = g.city_first_word(i);
                if let Some(list) = by_country.get_mut(c.country).filter(|_| hash != 0) {
                    list.push((hash, i as u32));
                }
            }
            by_country
        })
    }

    /// Drops names that are part of a person's name, a common word opening the sentence, or
    /// the start of a longer capitalized name.
    fn rejected(&self, tokens: &[Token], keys: &TokenKeys, r: &Raw, raws: &[Raw]) -> bool {
        if r.capital_phrase {
            return false;
        }
        let first = &tokens[r.start];
        let single = r.name_end - r.start == 1;
        let stem = first.lower.trim_end_matches('.');
        // Days and months always; the other common words unless a locative word comes first
        // ("the attack in Nice").
        if single
            && is_stop_word(stem)
            && (is_month_or_weekday(stem) || !is_locative(tokens, r.start))
        {
            return true;
        }
        if single
            && matches!(
                first.tag,
                Tag::DT
                    | Tag::IN
                    | Tag::TO
                    | Tag::CC
                    | Tag::PRP
                    | Tag::PRPS
                    | Tag::MD
                    | Tag::WDT
                    | Tag::WP
                    | Tag::WRB
                    | Tag::RB
                    | Tag::CD
            )
        {
            return true;
        }
        let in_match = |k: usize| {
            raws.iter()
                .any(|o| !o.consumed && o.start <= k && k < o.end)
        };
        if r.start > 0 {
            let prev = &tokens[r.start - 1];
            let prev_stem = prev.lower.trim_end_matches('.');
            if TITLES.contains(&prev_stem) {
                return true;
            }
            let prev_initial = r.start - 1 == 0
                || tokens[r.start - 2].shape == Shape::Punct && tokens[r.start - 2].text != ",";
            // (Not a title: that returned above.)
            if starts_upper(prev)
                && is_wordish(prev)
                && !in_match(r.start - 1)
                && !ALLOWED_BEFORE.contains(&prev_stem)
            {
                let closed = matches!(
                    prev.tag,
                    Tag::DT
                        | Tag::IN
                        | Tag::TO
                        | Tag::CC
                        | Tag::PRP
                        | Tag::PRPS
                        | Tag::MD
                        | Tag::WDT
                        | Tag::WP
                        | Tag::WRB
                        | Tag::RB
                        | Tag::CD
                );
                let adjective_of_country = self
                    .gazetteer()
                    .country_by_adjective_key(keys.key(r.start - 1, &mut String::new()))
                    .is_some();
                if !(closed || adjective_of_country || prev_initial && prev.tag.is_verb()) {
                    return true;
                }
            }
        }
        if let Some(next) = tokens.get(r.end) {
            if starts_upper(next)
                && is_wordish(next)
                && next.shape != Shape::Abbreviation
                && !in_match(r.end)
                && !is_month_or_weekday(&next.lower)
            {
                return true;
            }
        }
        false
    }

    /// Countries and divisions named elsewhere in the sentence: unambiguous place names and
    /// country adjectives.
    /// The countries and divisions the sentence names for sure (`buf`: a buffer to reuse).
    fn sentence_cues(
        &self,
        tokens: &[Token],
        keys: &TokenKeys,
        raws: &[Raw],
        buf: &mut String,
    ) -> (Vec<Cue<usize>>, Vec<Cue<PlaceId>>) {
        let g = self.gazetteer();
        let mut countries = Vec::new();
        let mut admin1 = Vec::new();
        for (k, r) in raws.iter().enumerate() {
            let mut areas = r
                .cands
                .iter()
                .map(|c| c.place)
                .filter(|p| !matches!(p, PlaceId::City(_)));
            let first_area = areas.next();
            let one_area = first_area.is_some() && areas.next().is_none();
            if r.capital_phrase || r.cands.len() == 1 || one_area && r.cands.len() <= 2 {
                if let Some(c) = r.cands.first().filter(|_| r.cands.len() == 1) {
                    countries.push((k, g.country_of(c.place)));
                    if let PlaceId::Admin1(_) = c.place {
                        admin1.push((k, c.place));
                    }
                } else if let Some(a) = first_area {
                    countries.push((k, g.country_of(a)));
                    if let PlaceId::Admin1(_) = a {
                        admin1.push((k, a));
                    }
                }
            }
        }
        for i in 0..tokens.len() {
            if !keys.upper(i) || keys.first_word(g, i).is_some_and(|w| !w.begins_adjective()) {
                continue;
            }
            for len in 1..=2.min(tokens.len() - i) {
                if let Some(c) = g.country_by_adjective_key(keys.span(i, len, buf)) {
                    countries.push((usize::MAX, c));
                }
            }
        }
        (countries, admin1)
    }

    #[allow(clippy::too_many_arguments)]
    fn score(
        &self,
        c: &mut Cand,
        raw: &Raw,
        k: usize,
        context: &[usize],
        cue_countries: &[(usize, usize)],
        cue_admin1: &[(usize, PlaceId)],
        hint: Option<Hint>,
        siblings: Siblings,
        memory: &PlaceMemory,
    ) {
        let g = self.gazetteer();
        let feature = g.feature_of(c.place);
        let pop = g.population_of(c.place);
        if feature == FeatureType::Region {
            c.add(3.0, Why::Text("named region"));
        } else {
            c.add(0.5 * (pop.max(1) as f32).log10(), Why::Population(pop));
        }
        match feature {
            FeatureType::Country => c.add(0.5, Why::Text("country")),
            FeatureType::Capital => c.add(0.8, Why::Text("national capital")),
            FeatureType::Admin1 => c.add(0.2, Why::Text("first-level division")),
            _ => {}
        }
        if siblings.division_alike {
            c.add(1.0, Why::Text("city named like its division"));
        }
        if let PlaceId::City(i) = c.place {
            let most = siblings.most_known;
            let own = g.cities()[i].altcount;
            if own < most {
                c.add(
                    0.5 * ((1.0 + own as f32) / (1.0 + most as f32)).ln(),
                    Why::LessKnown { own, most },
                );
            }
        }
        if !c.primary && !raw.capital_phrase && !c.has(SHORT_FORM) {
            c.add(-0.3, Why::Text("alternate name"));
        }
        let country = g.country_of(c.place);
        if context.contains(&country) {
            c.add(
                CONTEXT_BONUS / (context.len() as f32).sqrt(),
                Why::ContextCountry(country),
            );
        } else if cue_countries
            .iter()
            .any(|&(from, cc)| from != k && cc == country)
            && !matches!(c.place, PlaceId::Country(_))
        {
            c.add(CUE_COUNTRY_BONUS, Why::CountryInSentence(country));
        }
        if cue_admin1
            .iter()
            .any(|&(from, a)| from != k && self.within(c.place, a))
        {
            c.add(
                CUE_ADMIN1_BONUS,
                Why::Text("its division is named in the sentence"),
            );
        }
        if let Some(h) = hint {
            let fits = match h {
                Hint::City => matches!(feature, FeatureType::City | FeatureType::Capital),
                Hint::Admin => matches!(feature, FeatureType::Admin1 | FeatureType::Region),
                Hint::Country => feature == FeatureType::Country,
            };
            if fits {
                c.add(HINT_BONUS, Why::Introduced(h));
            }
        }
        if memory.places.contains(&c.place) {
            c.add(
                MEMORY_PLACE_BONUS,
                Why::Text("named earlier in the document"),
            );
        } else if memory.countries.contains(&country) {
            c.add(MEMORY_COUNTRY_BONUS, Why::CountryEarlier(country));
        }
    }

    /// Weak city matches need some support: a locative word, a qualifier, a context or cue
    /// country, earlier mentions, or a population of 100,000.
    #[allow(clippy::too_many_arguments)]
    fn supported(
        &self,
        tokens: &[Token],
        raw: &Raw,
        best: &Cand,
        locative: bool,
        context: &[usize],
        cues: &[(usize, usize)],
        memory: &PlaceMemory,
    ) -> bool {
        let g = self.gazetteer();
        let feature = g.feature_of(best.place);
        if raw.capital_phrase || !matches!(feature, FeatureType::City) {
            return true;
        }
        let pop = g.population_of(best.place);
        let qualified = best.has(QUALIFIED);
        if qualified {
            return true;
        }
        let sentence_initial = raw.start == 0
            || tokens[raw.start - 1].shape == Shape::Punct && tokens[raw.start - 1].text != ",";
        let single = raw.name_end - raw.start == 1;
        if sentence_initial && single && pop < 500_000 {
            return false;
        }
        let country = g.country_of(best.place);
        let backed = qualified
            || context.contains(&country)
            || cues.iter().any(|&(_, c)| c == country)
            || memory.countries.contains(&country);
        let alternate_only = !best.primary;
        if locative || backed {
            return !alternate_only || pop >= 50_000 || backed;
        }
        pop >= 100_000 && (!alternate_only || pop >= 1_000_000)
    }

    fn to_match(
        &self,
        tokens: &[Token],
        raw: &Raw,
        cands: Vec<Cand>,
        locative: bool,
    ) -> PlaceMatch {
        let g = self.gazetteer();
        let best = &cands[0];
        let place = best.place;
        let country = &g.countries()[g.country_of(place)];
        let feature = g.feature_of(place);
        let (lat, lon) = g.coordinates_of(place);
        let next = tokens.get(raw.end);
        let next_tag = next.map(|t| t.tag);
        let classifier = next.is_some_and(|t| CLASSIFIERS.contains(&t.lower.as_str()));
        let after_pos = if next_tag == Some(Tag::POS) {
            tokens.get(raw.end + 1).map(|t| t.tag)
        } else {
            None
        };
        let governed = {
            let mut j = raw.start;
            while j > 0 && tokens[j - 1].tag == Tag::DT {
                j -= 1;
            }
            j > 0 && matches!(tokens[j - 1].tag, Tag::IN | Tag::TO)
        };
        let subject = !governed
            && next.is_some_and(|t| {
                t.tag.is_finite_verb() && crate::text::tag::auxiliary_of(&t.lower) != Some("be")
            });
        // A modifier of a noun: "US officials", "the US embassy", "China's foreign minister";
        // not right after a preposition without a determiner ("in Kyiv overnight").
        let determiner_before =
            raw.start > 0 && matches!(tokens[raw.start - 1].tag, Tag::DT | Tag::PRPS);
        let modifier = !classifier
            && (determiner_before || !governed)
            && (next_tag
                .is_some_and(|t| matches!(t, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS | Tag::JJ))
                || after_pos.is_some_and(|t| t.is_noun() || t == Tag::JJ));
        // "outside the US embassy", "at the Paris office": the modified noun is the place.
        let noun_modifier = modifier
            && determiner_before
            && next_tag.is_some_and(|t| matches!(t, Tag::NN | Tag::NNS));
        let locative = locative && !raw.qualifier && !noun_modifier;
        let incidental = raw.qualifier
            || !locative
                && !raw.capital_phrase
                && match feature {
                    FeatureType::Country
                    | FeatureType::Capital
                    | FeatureType::Admin1
                    | FeatureType::Region => subject || modifier,
                    FeatureType::City => subject,
                };
        PlaceMatch {
            start_token: raw.start,
            end_token: raw.end,
            byte_start: tokens[raw.start].start,
            byte_end: tokens[raw.end - 1].end,
            text: join(&tokens[raw.start..raw.end]),
            place,
            name: g.name_of(place).into(),
            country_iso3: country.iso3.as_str().into(),
            cameo_country: country.cameo.as_str().into(),
            admin1: g.admin1_name_of(place).map(CompactString::from),
            lat,
            lon,
            feature_type: feature,
            precision: Precision::of(feature),
            geonameid: match place {
                PlaceId::City(c) => Some(g.cities()[c].geonameid),
                _ => None,
            },
            locative,
            incidental,
            score: best.score,
            candidates: cands,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hint {
    City,
    Admin,
    Country,
}

impl Hint {
    fn as_str(self) -> &'static str {
        match self {
            Hint::City => "city",
            Hint::Admin => "division",
            Hint::Country => "country",
        }
    }
}

/// "the city of X", "the US state of X", "the Lebanese port of X".
fn kind_hint(tokens: &[Token], start: usize) -> Option<Hint> {
    if start < 2 || tokens[start - 1].lower != "of" {
        return None;
    }
    let noun = tokens[start - 2].lower.as_str();
    if CITY_NOUNS.contains(&noun) {
        Some(Hint::City)
    } else if ADMIN_NOUNS.contains(&noun) {
        Some(Hint::Admin)
    } else if COUNTRY_NOUNS.contains(&noun) {
        Some(Hint::Country)
    } else {
        None
    }
}

/// The name follows a locative word, possibly across "the" and a direction ("in northern
/// Lebanon"), or "the city of".
fn is_locative(tokens: &[Token], start: usize) -> bool {
    let mut j = start;
    while j > 0
        && (tokens[j - 1].tag == Tag::DT || DIRECTIONS.contains(&tokens[j - 1].lower.as_str()))
    {
        j -= 1;
    }
    if j == 0 {
        return false;
    }
    let w = tokens[j - 1].lower.as_str();
    if LOCATIVE.contains(&w) {
        return true;
    }
    // "in the southern city of Basra", "near the Lebanese port of Tripoli"
    if w == "of"
        && j >= 2
        && (CITY_NOUNS.contains(&tokens[j - 2].lower.as_str())
            || ADMIN_NOUNS.contains(&tokens[j - 2].lower.as_str()))
    {
        let mut b = j - 2;
        while b > 0
            && !matches!(tokens[b - 1].tag, Tag::IN | Tag::TO | Tag::Punct)
            && !tokens[b - 1].tag.is_verb()
        {
            b -= 1;
        }
        return b > 0 && LOCATIVE.contains(&tokens[b - 1].lower.as_str());
    }
    false
}

fn starts_upper(t: &Token) -> bool {
    t.text.chars().next().is_some_and(char::is_uppercase)
}

fn is_wordish(t: &Token) -> bool {
    matches!(t.shape, Shape::Word | Shape::Abbreviation)
}

fn join(tokens: &[Token]) -> CompactString {
    if let [one] = tokens {
        return one.text.clone();
    }
    let len: usize = tokens.iter().map(|t| t.text.len() + 1).sum();
    let mut s = CompactString::with_capacity(len.saturating_sub(1));
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(&t.text);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{analyze, Lexicon};

    fn places(sentence: &str, context: &[&str]) -> Vec<PlaceMatch> {
        let a = analyze(sentence.as_bytes(), &Lexicon::new([]));
        let r = PlaceResolver::bundled();
        a.sentences
            .iter()
            .flat_map(|s| r.find_places(&s.tokens, context))
            .collect()
    }

    fn primary(sentence: &str, context: &[&str]) -> Option<(String, String)> {
        let m = places(sentence, context);
        PlaceResolver::primary(&m).map(|m| (m.name.to_string(), m.country_iso3.to_string()))
    }

    fn p(name: &str, iso3: &str) -> Option<(String, String)> {
        Some((name.to_string(), iso3.to_string()))
    }

    #[test]
    fn capitals_by_country_adjective() {
        assert_eq!(
            primary("Protesters gathered in the Chinese capital on Sunday.", &[]),
            p("Beijing", "CHN")
        );
        assert_eq!(
            primary("Talks resumed in the capital of Afghanistan.", &[]),
            p("Kabul", "AFG")
        );
        assert_eq!(
            primary("Troops massed outside Ukraine's capital.", &[]),
            p("Kyiv", "UKR")
        );
        assert!(places("The Chinese capital markets fell.", &[]).is_empty());
    }

    #[test]
    fn context_and_qualifiers_disambiguate() {
        assert_eq!(
            primary("Police in Paris, Texas, arrested two men.", &[]),
            p("Paris", "USA")
        );
        assert_eq!(
            primary("The ministers met in Paris.", &["USA"]),
            p("Paris", "FRA")
        );
        assert_eq!(
            primary("Fighting broke out in Tripoli.", &[]),
            p("Tripoli", "LBY")
        );
        assert_eq!(
            primary("Fighting broke out in Tripoli.", &["LBN"]),
            p("Tripoli", "LBN")
        );
        assert_eq!(
            primary("Fighting broke out in Tripoli in northern Lebanon.", &[]),
            p("Tripoli", "LBN")
        );
        assert_eq!(
            primary("The governor spoke in Georgia.", &["USA"]),
            p("Georgia", "USA")
        );
        assert_eq!(
            primary("Russian troops remain in Georgia.", &["RUS", "GEO"]),
            p("Georgia", "GEO")
        );
        assert_eq!(
            primary("The rally took place in London, Ontario.", &[]),
            p("London", "CAN")
        );
    }

    #[test]
    fn explains_candidates() {
        let m = places("Police in Paris, Texas, arrested two men.", &[]);
        let paris = m.iter().find(|m| m.name == "Paris").expect("Paris");
        assert!(paris.candidates.len() >= 2, "{:?}", paris.candidates);
        assert!(
            paris.candidates[0]
                .reasons(PlaceResolver::bundled().gazetteer())
                .contains("qualified"),
            "{:?}",
            paris.candidates[0]
        );
        assert_eq!(paris.text, "Paris , Texas");
        assert_eq!(paris.admin1.as_deref(), Some("Texas"));
        let lines = paris.explain(PlaceResolver::bundled().gazetteer());
        assert!(lines[1].contains("won"), "{lines:?}");
    }

    #[test]
    fn people_and_common_words_are_not_places() {
        assert_eq!(primary("Police said the suspect fled.", &[]), None);
        assert_eq!(
            primary("President Obama said the talks would go on.", &[]),
            None
        );
        assert_eq!(primary("Michael Jordan visited the team.", &[]), None);
        assert_eq!(primary("The minister said nothing.", &[]), None);
    }

    #[test]
    fn regions_and_memory() {
        assert_eq!(
            primary("An air strike hit a house in the Gaza Strip.", &[]),
            p("Gaza Strip", "PSE")
        );
        let a = analyze(
            "Riots broke out in Birmingham, Alabama. Later, police in Birmingham made arrests."
                .as_bytes(),
            &Lexicon::new([]),
        );
        let r = PlaceResolver::bundled();
        let mut memory = PlaceMemory::new();
        let found: Vec<_> = a
            .sentences
            .iter()
            .flat_map(|s| r.find_places_in(&s.tokens, &[], &mut memory, true))
            .collect();
        assert!(found.iter().all(|m| m.country_iso3 == "USA"), "{found:?}");
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn location_serializes() {
        let m = places("Talks were held in Geneva.", &[]);
        let loc = m[0].location(Span::new(19, 25));
        let json = serde_json::to_string(&loc).expect("json");
        assert!(
            json.contains("\"feature_type\":\"city\"")
                && json.contains("\"precision\":\"city\"")
                && json.contains("\"span\":[19,25]"),
            "{json}"
        );
        let back: Location = serde_json::from_str(&json).expect("back");
        assert_eq!(back, loc);
    }
}
