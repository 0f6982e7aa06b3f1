//! The data that flows through the pipeline: documents in, events out.
//!
//! Every span is a half-open byte range `[start, end)` into the *original* bytes of the
//! document's text, before any decoding repair or normalization.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A half-open byte range `[start, end)` into a document's original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "[usize; 2]", from = "[usize; 2]")]
#[non_exhaustive]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// Creates a span; `end` is clamped to be at least `start`.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }
}

impl From<Span> for [usize; 2] {
    fn from(s: Span) -> [usize; 2] {
        [s.start, s.end]
    }
}

impl From<[usize; 2]> for Span {
    fn from(a: [usize; 2]) -> Span {
        Span::new(a[0], a[1])
    }
}

/// An immutable string that is cheap to clone: a `&'static str` or a shared `Arc<str>`.
///
/// The fields of an [`Event`] that many events share — the document id, the CAMEO code and
/// its table's name and PLOVER fields, dictionary entries, patterns, rule names — are these,
/// so making and dropping an event copies no text. It derefs to `str`, compares with `str`
/// and `String`, and serializes as a plain JSON string.
///
/// ```
/// use demarche::model::SharedStr;
///
/// let code = SharedStr::from("190");
/// assert_eq!(code, "190");
/// assert_eq!(code.clone().as_str(), "190");
/// assert_eq!(serde_json::to_string(&SharedStr::from_static("passive")).unwrap(), "\"passive\"");
/// ```
#[derive(Clone)]
pub struct SharedStr(SharedRepr);

/// How a [`SharedStr`] holds its text.
#[derive(Clone)]
enum SharedRepr {
    Static(&'static str),
    Shared(std::sync::Arc<str>),
}

impl SharedStr {
    /// A shared string of static text (no allocation).
    pub const fn from_static(s: &'static str) -> SharedStr {
        SharedStr(SharedRepr::Static(s))
    }

    /// The text.
    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            SharedRepr::Static(s) => s,
            SharedRepr::Shared(s) => s,
        }
    }
}

impl Default for SharedStr {
    fn default() -> SharedStr {
        SharedStr::from_static("")
    }
}

impl std::ops::Deref for SharedStr {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for SharedStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for SharedStr {
    fn eq(&self, other: &SharedStr) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SharedStr {}

impl PartialOrd for SharedStr {
    fn partial_cmp(&self, other: &SharedStr) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SharedStr {
    fn cmp(&self, other: &SharedStr) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for SharedStr {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

/// `SharedStr == T` and `T == SharedStr` for the string types `T` it is compared with.
macro_rules! shared_str_eq {
    ($($t:ty),*) => {$(
        impl PartialEq<$t> for SharedStr {
            fn eq(&self, other: &$t) -> bool {
                self.as_str() == AsRef::<str>::as_ref(other)
            }
        }
        impl PartialEq<SharedStr> for $t {
            fn eq(&self, other: &SharedStr) -> bool {
                AsRef::<str>::as_ref(self) == other.as_str()
            }
        }
    )*};
}
shared_str_eq!(str, &str, String);

impl From<&str> for SharedStr {
    fn from(s: &str) -> SharedStr {
        SharedStr(SharedRepr::Shared(s.into()))
    }
}

impl From<String> for SharedStr {
    fn from(s: String) -> SharedStr {
        SharedStr(SharedRepr::Shared(s.into()))
    }
}

impl From<&String> for SharedStr {
    fn from(s: &String) -> SharedStr {
        SharedStr::from(s.as_str())
    }
}

impl From<&SharedStr> for SharedStr {
    fn from(s: &SharedStr) -> SharedStr {
        s.clone()
    }
}

impl From<std::sync::Arc<str>> for SharedStr {
    fn from(s: std::sync::Arc<str>) -> SharedStr {
        SharedStr(SharedRepr::Shared(s))
    }
}

impl From<SharedStr> for String {
    fn from(s: SharedStr) -> String {
        s.as_str().to_owned()
    }
}

impl Serialize for SharedStr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for SharedStr {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<SharedStr, D::Error> {
        d.deserialize_str(SharedStrVisitor)
    }
}

/// The visitor behind [`SharedStr`]'s `Deserialize`: the text goes straight into its `Arc`
/// (one allocation; no `String` on the way, which would cost the dictionary snapshot's decode
/// a second copy of every pattern).
struct SharedStrVisitor;

impl serde::de::Visitor<'_> for SharedStrVisitor {
    type Value = SharedStr;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<SharedStr, E> {
        Ok(SharedStr::from(s))
    }
}

/// A calendar date as used for documents and events.
pub type Date = chrono::NaiveDate;

/// One input document: an id, an optional date, the raw text and any extra metadata.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Document {
    /// Identifier (file name, record id, or `file:line`).
    pub id: String,
    /// The document's date (publication date), when known.
    pub date: Option<Date>,
    /// The raw bytes of the text. May be invalid UTF-8; spans index into these bytes.
    pub text: Vec<u8>,
    /// Other fields of the input record, kept as metadata.
    pub metadata: BTreeMap<String, serde_json::Value>,
}

impl Document {
    /// Creates a document with no metadata.
    pub fn new(id: impl Into<String>, date: Option<Date>, text: impl Into<Vec<u8>>) -> Document {
        Document {
            id: id.into(),
            date,
            text: text.into(),
            metadata: BTreeMap::new(),
        }
    }
}

/// Where a dictionary entry came from: file and 1-based line.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EntryRef {
    /// Dictionary file name, relative to the dictionary root (`actors/countries.txt`).
    #[serde(deserialize_with = "shared_file_name")]
    pub file: std::sync::Arc<str>,
    /// 1-based line number.
    pub line: u32,
}

/// Deserializes an [`EntryRef`] file name, sharing one `Arc` among consecutive entries of the
/// same file as compiling does: a dictionary snapshot of 50,000 entries holds each name once
/// and allocates it once.
fn shared_file_name<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<std::sync::Arc<str>, D::Error> {
    d.deserialize_str(SharedFileName)
}

/// The visitor behind [`shared_file_name`]; the last name read is kept per thread.
struct SharedFileName;

impl serde::de::Visitor<'_> for SharedFileName {
    type Value = std::sync::Arc<str>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a dictionary file name")
    }

    fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<Self::Value, E> {
        thread_local! {
            static LAST: std::cell::RefCell<Option<std::sync::Arc<str>>> =
                const { std::cell::RefCell::new(None) };
        }
        Ok(LAST.with_borrow_mut(|last| match last {
            Some(file) if **file == *name => file.clone(),
            _ => last.insert(name.into()).clone(),
        }))
    }
}

impl std::fmt::Display for EntryRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// An actor taking part in an event, with the text that named it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Actor {
    /// CAMEO actor code (`USAGOV`, `PRK`, `IGOUNO`).
    pub code: String,
    /// The text that named the actor, as it appears in the document.
    pub text: String,
    /// Where that text is.
    pub span: Span,
    /// The dictionary entries that fired, `file:line`; an agent entry follows the actor entry.
    pub entry: SharedStr,
    /// How the actor was found when not named directly (`coreference`, `inherited-subject`, ...).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub via: Option<String>,
}

impl Actor {
    /// An actor named directly by `text` at `span`, found by dictionary entries `entry`.
    pub fn new(
        code: impl Into<String>,
        text: impl Into<String>,
        span: Span,
        entry: impl Into<SharedStr>,
    ) -> Actor {
        Actor {
            code: code.into(),
            text: text.into(),
            span,
            entry: entry.into(),
            via: None,
        }
    }

    /// The same actor, found indirectly (`coreference`, `inherited-subject`, ...).
    pub fn with_via(mut self, via: impl Into<String>) -> Actor {
        self.via = Some(via.into());
        self
    }
}

/// The verb phrase (or nominal phrase) that triggered an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Evidence {
    /// The matched words, as they appear in the document.
    pub text: String,
    /// Where they are.
    pub span: Span,
    /// The verb dictionary entry, `file:line`.
    pub entry: SharedStr,
    /// The pattern that matched, as written in the dictionary.
    pub pattern: SharedStr,
}

impl Evidence {
    /// The words `text` at `span`, matched by `pattern` of verb dictionary entry `entry`.
    pub fn new(
        text: impl Into<String>,
        span: Span,
        entry: impl Into<SharedStr>,
        pattern: impl Into<SharedStr>,
    ) -> Evidence {
        Evidence {
            text: text.into(),
            span,
            entry: entry.into(),
            pattern: pattern.into(),
        }
    }
}

/// How precise an event date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum DatePrecision {
    /// A calendar day.
    Day,
    /// A month.
    Month,
    /// A year.
    Year,
}

/// One coded event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Event {
    /// The document id.
    pub doc: SharedStr,
    /// 0-based index of the sentence in the document.
    pub sentence: usize,
    /// The sentence's byte range in the original document.
    pub sentence_span: Span,
    /// The event's date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), or `null`.
    pub date: Option<SharedStr>,
    /// How precise `date` is.
    pub date_precision: Option<DatePrecision>,
    /// The document's date, `YYYY-MM-DD`, or `null`.
    pub doc_date: Option<SharedStr>,
    /// Who did it.
    pub source: Option<Actor>,
    /// To whom, or `null`.
    pub target: Option<Actor>,
    /// CAMEO event code.
    pub cameo: SharedStr,
    /// CAMEO code name.
    pub event_name: SharedStr,
    /// Goldstein conflict–cooperation score.
    pub goldstein: Option<f32>,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// PLOVER event type, when CAMEO maps to one.
    pub plover: Option<SharedStr>,
    /// PLOVER mode, when defined.
    pub plover_mode: Option<SharedStr>,
    /// PLOVER context (the subject the CAMEO code names: `economic`, `military`, ...), when defined.
    pub plover_context: Option<SharedStr>,
    /// The words that triggered the event.
    pub evidence: Evidence,
    /// The grammatical rules that shaped the event (`passive`, `reported-speech`, ...).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub rules: Vec<SharedStr>,
    /// For a statement attributed to a quotation: the quoted words.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub quote: Option<Quote>,
    /// Where it happened: the place in the event's clause, else in its sentence, else the
    /// document's dateline; `null` when none is named.
    pub location: Option<Location>,
}

impl Event {
    /// An event with CAMEO code `cameo`, triggered by `evidence` in sentence `sentence` (at
    /// `sentence_span`) of document `doc`. Every other field is empty (no actors, no date, no
    /// CAMEO name or scores, quad class 0); set the ones the engine knows.
    ///
    /// ```
    /// use demarche::{Actor, Event, Evidence, Span};
    ///
    /// let text = "Arnor condemned Gondor.";
    /// let verb = Evidence::new("condemned", Span::new(6, 15), "verbs.txt:3", "condemn");
    /// let mut event = Event::new("d1", 0, Span::new(0, text.len()), "122", verb);
    /// event.source = Some(Actor::new("ARN", "Arnor", Span::new(0, 5), "actors.txt:1"));
    /// event.quad_class = 3;
    /// let json = serde_json::to_value(&event).unwrap();
    /// assert_eq!(json["source"]["code"], "ARN");
    /// assert_eq!(json["evidence"]["span"], serde_json::json!([6, 15]));
    /// assert!(json["target"].is_null());
    /// ```
    pub fn new(
        doc: impl Into<SharedStr>,
        sentence: usize,
        sentence_span: Span,
        cameo: impl Into<SharedStr>,
        evidence: Evidence,
    ) -> Event {
        Event {
            doc: doc.into(),
            sentence,
            sentence_span,
            date: None,
            date_precision: None,
            doc_date: None,
            source: None,
            target: None,
            cameo: cameo.into(),
            event_name: SharedStr::default(),
            goldstein: None,
            quad_class: 0,
            plover: None,
            plover_mode: None,
            plover_context: None,
            evidence,
            rules: Vec::new(),
            quote: None,
            location: None,
        }
    }
}

/// Quoted words attributed to a statement event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quote {
    /// The words inside the quotation marks.
    pub text: String,
    /// Where they are.
    pub span: Span,
}

/// What kind of place a gazetteer entry (or a resolved place) is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum FeatureType {
    /// A country or territory with an ISO code.
    Country,
    /// A first-level administrative division (a US state, a Canadian province).
    Admin1,
    /// A region that is not an administrative division (the Gaza Strip, Crimea).
    Region,
    /// A populated place.
    City,
    /// A populated place that is its country's capital.
    Capital,
}

impl FeatureType {
    /// The lower-case name used in output (`city`, `country`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            FeatureType::Country => "country",
            FeatureType::Admin1 => "admin1",
            FeatureType::Region => "region",
            FeatureType::City => "city",
            FeatureType::Capital => "capital",
        }
    }
}

/// How precisely a location pins down where something happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Precision {
    /// A city or town.
    City,
    /// A first-level division or a region.
    Admin1,
    /// A country.
    Country,
}

impl Precision {
    /// The lower-case name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::City => "city",
            Precision::Admin1 => "admin1",
            Precision::Country => "country",
        }
    }
}

/// Where an event happened, as attached to events and written out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Location {
    /// The place's name as the gazetteer writes it ("Paris", "Gaza Strip", "China").
    pub name: String,
    /// CAMEO country code of the country it lies in (`FRA`, `PSE`, `KSV`).
    pub country: String,
    /// The first-level division: its name when known ("Texas"), else its GeoNames code.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub admin1: Option<String>,
    /// Latitude (a country's is its capital's).
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// What kind of place it is.
    pub feature_type: FeatureType,
    /// The text that named the place, as a byte range of the original document.
    pub span: Span,
    /// How precise the location is.
    pub precision: Precision,
    /// GeoNames id, for cities.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub geonameid: Option<u32>,
}
