//! The hand-written JSON writer of events and places, straight into an output buffer.
//!
//! It writes the bytes `serde_json` writes — the same string escaping, numbers through
//! `serde_json`'s own [`CompactFormatter`] — in two key orders: [`KeyOrder::Declared`], the
//! order of the model's fields (what `serde_json::to_writer` of the derived `Serialize` makes:
//! the `jsonl` format and the SQLite store's `record`), and [`KeyOrder::Sorted`], the order of a
//! `serde_json::Value` (a `BTreeMap`, keys sorted: the `jsonl-docs` format, where a `Value` also
//! widens `f32` to `f64` before writing it). Each type's fields are one table, written in
//! declaration order; the sorted order is that table sorted once by key. The unit tests compare
//! both orders with `serde_json` on events that fill every field.

use crate::model::{
    Actor, DatePrecision, Event, Evidence, FeatureType, Location, Precision, Quote, Span,
};
use serde_json::ser::{CompactFormatter, Formatter};
use std::sync::LazyLock;

/// The order of an object's keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KeyOrder {
    /// The model's field order, numbers as their own type (`serde_json::to_writer`).
    Declared,
    /// Keys sorted, `f32` widened to `f64` (`serde_json::to_value`, then written).
    Sorted,
}

/// One field of a type's JSON object: its key (and the key as written, `"key":`), when it is
/// left out, how its value is written.
struct Field<T> {
    key: &'static str,
    head: &'static str,
    skip: Option<fn(&T) -> bool>,
    write: fn(&mut Json<'_>, &T),
}

impl<T> Clone for Field<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Field<T> {}

/// `skip` as a field's test for leaving it out.
const fn skip_if<T>(skip: fn(&T) -> bool) -> Option<fn(&T) -> bool> {
    Some(skip)
}

/// A field that is always written: `field!("key", write)`.
macro_rules! field {
    ($key:literal, $write:expr $(,)?) => {
        Field {
            key: $key,
            head: concat!("\"", $key, "\":"),
            skip: None,
            write: $write,
        }
    };
}

/// A field left out when `skip` says so (`skip_serializing_if`): `optional!("key", skip, write)`.
macro_rules! optional {
    ($key:literal, $skip:expr, $write:expr $(,)?) => {
        Field {
            key: $key,
            head: concat!("\"", $key, "\":"),
            skip: skip_if($skip),
            write: $write,
        }
    };
}

/// A type written as a JSON object: its fields in declaration order, and sorted by key.
trait Object: Sized + 'static {
    const FIELDS: &'static [Field<Self>];
    fn sorted() -> &'static [Field<Self>];
}

/// `fields` sorted by key (the order of a `serde_json::Map`).
fn sorted<T>(fields: &[Field<T>]) -> Vec<Field<T>> {
    let mut v = fields.to_vec();
    v.sort_by_key(|f| f.key);
    v
}

/// Writes JSON values into a buffer in one [`KeyOrder`].
pub(crate) struct Json<'a> {
    out: &'a mut Vec<u8>,
    order: KeyOrder,
}

impl<'a> Json<'a> {
    /// A writer appending to `out`.
    pub(crate) fn new(out: &'a mut Vec<u8>, order: KeyOrder) -> Json<'a> {
        Json { out, order }
    }

    /// An event, as one object.
    pub(crate) fn event(&mut self, e: &Event) {
        self.object(e);
    }

    /// A list of places, as an array of objects.
    pub(crate) fn places(&mut self, places: &[Location]) {
        self.array(places, |j, p| j.object(p));
    }

    fn object<T: Object>(&mut self, value: &T) {
        let fields = match self.order {
            KeyOrder::Declared => T::FIELDS,
            KeyOrder::Sorted => T::sorted(),
        };
        self.out.push(b'{');
        let mut first = true;
        for f in fields
            .iter()
            .filter(|f| f.skip.is_none_or(|skip| !skip(value)))
        {
            if !first {
                self.out.push(b',');
            }
            first = false;
            self.out.extend_from_slice(f.head.as_bytes());
            (f.write)(self, value);
        }
        self.out.push(b'}');
    }

    fn array<T>(&mut self, items: &[T], mut write: impl FnMut(&mut Self, &T)) {
        self.out.push(b'[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            write(self, item);
        }
        self.out.push(b']');
    }

    fn option<T>(&mut self, value: Option<&T>, write: impl FnOnce(&mut Self, &T)) {
        match value {
            Some(v) => write(self, v),
            None => self.null(),
        }
    }

    fn null(&mut self) {
        self.out.extend_from_slice(b"null");
    }

    /// A string, escaped as `serde_json` escapes it.
    pub(crate) fn str(&mut self, s: &str) {
        write_escaped(self.out, s);
    }

    fn u64(&mut self, n: u64) {
        // Writing to a `Vec` cannot fail.
        let _ = CompactFormatter.write_u64(self.out, n);
    }

    fn usize(&mut self, n: usize) {
        self.u64(n as u64);
    }

    fn span(&mut self, s: Span) {
        self.out.push(b'[');
        self.usize(s.start);
        self.out.push(b',');
        self.usize(s.end);
        self.out.push(b']');
    }

    /// An `f32`: as itself in declared order, widened to `f64` in sorted order (as a `Value`
    /// holds it); `null` when not finite, as `serde_json` writes it.
    fn f32(&mut self, x: f32) {
        if !x.is_finite() {
            return self.null();
        }
        match self.order {
            KeyOrder::Declared => {
                let _ = CompactFormatter.write_f32(self.out, x);
            }
            KeyOrder::Sorted => self.f64(f64::from(x)),
        }
    }

    fn f64(&mut self, x: f64) {
        if !x.is_finite() {
            return self.null();
        }
        let _ = CompactFormatter.write_f64(self.out, x);
    }
}

/// How `serde_json` escapes each byte: 0 not at all, `u` as `\u00XX`, else `\` and the byte.
static ESCAPE: [u8; 256] = escape_table();

const fn escape_table() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0A] = b'n';
    t[0x0C] = b'f';
    t[0x0D] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
}

/// `s` as a JSON string, quotes included, escaped as `serde_json` escapes it.
pub(crate) fn write_escaped(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut start = 0;
    loop {
        let i = start + plain_prefix(&bytes[start..]);
        out.extend_from_slice(&bytes[start..i]);
        let Some(&b) = bytes.get(i) else {
            break;
        };
        start = i + 1;
        match ESCAPE[b as usize] {
            b'u' => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[(b >> 4) as usize],
                HEX[(b & 0xF) as usize],
            ]),
            e => out.extend_from_slice(&[b'\\', e]),
        }
    }
    out.push(b'"');
}

/// The length of the longest prefix of `bytes` that needs no escape: eight bytes at a time
/// while no byte of a word may need one, then byte by byte.
fn plain_prefix(bytes: &[u8]) -> usize {
    let mut n = 0;
    for chunk in bytes.chunks_exact(8) {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        if may_escape(u64::from_le_bytes(word)) {
            break;
        }
        n += 8;
    }
    n + bytes[n..]
        .iter()
        .position(|&b| ESCAPE[b as usize] != 0)
        .unwrap_or(bytes.len() - n)
}

/// Whether one of the eight bytes of `w` is a control character, `"` or `\\` (the classic
/// bit tricks: a byte below `n` sets its high bit in `(w - n) & !w`, a zero byte of `w ^ c`
/// is a byte equal to `c`).
fn may_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH;
    let control = below(w, 0x20);
    let quote = below(w ^ (ONES * u64::from(b'"')), 1);
    let backslash = below(w ^ (ONES * u64::from(b'\\')), 1);
    control | quote | backslash != 0
}

fn date_precision(p: DatePrecision) -> &'static str {
    match p {
        DatePrecision::Day => "day",
        DatePrecision::Month => "month",
        DatePrecision::Year => "year",
    }
}

fn opt_str<S: AsRef<str>>(j: &mut Json<'_>, s: &Option<S>) {
    j.option(s.as_ref(), |j, s| j.str(s.as_ref()));
}

fn opt_actor(j: &mut Json<'_>, a: &Option<Actor>) {
    j.option(a.as_ref(), |j, a| j.object(a));
}

impl Object for Event {
    const FIELDS: &'static [Field<Event>] = &[
        field!("doc", |j, e| j.str(&e.doc)),
        field!("sentence", |j, e| j.usize(e.sentence)),
        field!("sentence_span", |j, e| j.span(e.sentence_span)),
        field!("date", |j, e| opt_str(j, &e.date)),
        field!("date_precision", |j, e| {
            j.option(e.date_precision.as_ref(), |j, p| j.str(date_precision(*p)))
        }),
        field!("doc_date", |j, e| opt_str(j, &e.doc_date)),
        field!("source", |j, e| opt_actor(j, &e.source)),
        field!("target", |j, e| opt_actor(j, &e.target)),
        field!("cameo", |j, e| j.str(&e.cameo)),
        field!("event_name", |j, e| j.str(&e.event_name)),
        field!("goldstein", |j, e| {
            j.option(e.goldstein.as_ref(), |j, g| j.f32(*g))
        }),
        field!("quad_class", |j, e| j.u64(u64::from(e.quad_class))),
        field!("plover", |j, e| opt_str(j, &e.plover)),
        field!("plover_mode", |j, e| opt_str(j, &e.plover_mode)),
        field!("plover_context", |j, e| opt_str(j, &e.plover_context)),
        field!("evidence", |j, e| j.object(&e.evidence)),
        optional!("rules", |e| e.rules.is_empty(), |j, e| j
            .array(&e.rules, |j, r| j.str(r)),),
        optional!("quote", |e| e.quote.is_none(), |j, e| j
            .option(e.quote.as_ref(), |j, q| j.object(q)),),
        field!("location", |j, e| {
            j.option(e.location.as_ref(), |j, l| j.object(l))
        }),
    ];
    fn sorted() -> &'static [Field<Event>] {
        static SORTED: LazyLock<Vec<Field<Event>>> = LazyLock::new(|| sorted(Event::FIELDS));
        &SORTED
    }
}

impl Object for Actor {
    const FIELDS: &'static [Field<Actor>] = &[
        field!("code", |j, a| j.str(&a.code)),
        field!("text", |j, a| j.str(&a.text)),
        field!("span", |j, a| j.span(a.span)),
        field!("entry", |j, a| j.str(&a.entry)),
        optional!("via", |a| a.via.is_none(), |j, a| opt_str(j, &a.via)),
    ];
    fn sorted() -> &'static [Field<Actor>] {
        static SORTED: LazyLock<Vec<Field<Actor>>> = LazyLock::new(|| sorted(Actor::FIELDS));
        &SORTED
    }
}

impl Object for Evidence {
    const FIELDS: &'static [Field<Evidence>] = &[
        field!("text", |j, e| j.str(&e.text)),
        field!("span", |j, e| j.span(e.span)),
        field!("entry", |j, e| j.str(&e.entry)),
        field!("pattern", |j, e| j.str(&e.pattern)),
    ];
    fn sorted() -> &'static [Field<Evidence>] {
        static SORTED: LazyLock<Vec<Field<Evidence>>> = LazyLock::new(|| sorted(Evidence::FIELDS));
        &SORTED
    }
}

impl Object for Quote {
    const FIELDS: &'static [Field<Quote>] = &[
        field!("text", |j, q| j.str(&q.text)),
        field!("span", |j, q| j.span(q.span)),
    ];
    fn sorted() -> &'static [Field<Quote>] {
        static SORTED: LazyLock<Vec<Field<Quote>>> = LazyLock::new(|| sorted(Quote::FIELDS));
        &SORTED
    }
}

fn feature_type(f: FeatureType) -> &'static str {
    f.as_str()
}

fn precision(p: Precision) -> &'static str {
    p.as_str()
}

impl Object for Location {
    const FIELDS: &'static [Field<Location>] = &[
        field!("name", |j, l| j.str(&l.name)),
        field!("country", |j, l| j.str(&l.country)),
        optional!("admin1", |l| l.admin1.is_none(), |j, l| opt_str(
            j, &l.admin1
        ),),
        field!("lat", |j, l| j.option(l.lat.as_ref(), |j, x| j.f64(*x))),
        field!("lon", |j, l| j.option(l.lon.as_ref(), |j, x| j.f64(*x))),
        field!("feature_type", |j, l| j.str(feature_type(l.feature_type))),
        field!("span", |j, l| j.span(l.span)),
        field!("precision", |j, l| j.str(precision(l.precision))),
        optional!("geonameid", |l| l.geonameid.is_none(), |j, l| j
            .option(l.geonameid.as_ref(), |j, id| j.u64(u64::from(*id))),),
    ];
    fn sorted() -> &'static [Field<Location>] {
        static SORTED: LazyLock<Vec<Field<Location>>> = LazyLock::new(|| sorted(Location::FIELDS));
        &SORTED
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn declared(e: &Event) -> Vec<u8> {
        let mut out = Vec::new();
        Json::new(&mut out, KeyOrder::Declared).event(e);
        out
    }

    fn sorted_bytes(e: &Event) -> Vec<u8> {
        let mut out = Vec::new();
        Json::new(&mut out, KeyOrder::Sorted).event(e);
        out
    }

    fn location(admin1: Option<&str>, geonameid: Option<u32>, lat: Option<f64>) -> Location {
        Location {
            name: "Tel \"Aviv\"\n".into(),
            country: "ISR".into(),
            admin1: admin1.map(String::from),
            lat,
            lon: lat.map(|x| -x / 3.0),
            feature_type: FeatureType::City,
            span: Span::new(3, 9),
            precision: Precision::City,
            geonameid,
        }
    }

    /// Events that fill every field (a field added to the model and not to the writer fails
    /// here), and ones that leave the optional ones out.
    fn events() -> Vec<Event> {
        let verb = Evidence::new("con\u{1}demned \\ é", Span::new(6, 15), "verbs.txt:3", "x");
        let mut full = Event::new("d\u{7f}1\u{1f}\t", 7, Span::new(0, 40), "122", verb.clone());
        full.date = Some("2001-02-03".into());
        full.date_precision = Some(DatePrecision::Month);
        full.doc_date = Some("2001-02-04".into());
        let actor = Actor::new("ARN", "Arnor \u{8}\u{c}\r", Span::new(0, 5), "actors.txt:1");
        full.source = Some(actor.clone().with_via("coreference (Arnor)"));
        full.target = Some(actor);
        full.event_name = "Criticize or denounce".into();
        full.goldstein = Some(-4.4);
        full.quad_class = 3;
        full.plover = Some("ACCUSE".into());
        full.plover_mode = Some("m".into());
        full.plover_context = Some("c".into());
        full.rules = vec!["passive".into(), "reported-speech".into()];
        full.quote = Some(Quote {
            text: "“quoted”".into(),
            span: Span::new(20, 30),
        });
        full.location = Some(location(
            Some("Tel Aviv District"),
            Some(293397),
            Some(32.08),
        ));
        let mut bare = Event::new("d2", 0, Span::new(1, 2), "010", verb);
        bare.location = Some(location(None, None, None));
        let mut odd = full.clone();
        odd.goldstein = Some(f32::NAN);
        odd.location = Some(location(None, None, Some(f64::INFINITY)));
        let mut year = bare.clone();
        year.date_precision = Some(DatePrecision::Year);
        year.goldstein = Some(1.9);
        vec![full, bare, odd, year]
    }

    #[test]
    fn declared_order_is_what_serde_json_writes() {
        for e in events() {
            let want = serde_json::to_vec(&e).unwrap();
            assert_eq!(
                String::from_utf8(declared(&e)).unwrap(),
                String::from_utf8(want).unwrap()
            );
        }
    }

    #[test]
    fn sorted_order_is_what_a_serde_json_value_writes() {
        for e in events() {
            let want = serde_json::to_vec(&serde_json::to_value(&e).unwrap()).unwrap();
            let got = String::from_utf8(sorted_bytes(&e)).unwrap();
            assert_eq!(got, String::from_utf8(want).unwrap());
        }
    }

    #[test]
    fn places_are_written_as_a_sorted_value() {
        let places = vec![
            location(Some("X"), Some(1), Some(1.5)),
            location(None, None, None),
        ];
        let mut out = Vec::new();
        Json::new(&mut out, KeyOrder::Sorted).places(&places);
        let want = serde_json::to_vec(&serde_json::to_value(&places).unwrap()).unwrap();
        assert_eq!(out, want);
    }

    #[test]
    fn every_byte_and_some_characters_escape_as_in_serde_json() {
        let mut strings: Vec<String> = (0u8..0x80).map(|b| char::from(b).to_string()).collect();
        strings.extend(
            [
                "",
                "plain",
                "a\"b\\c",
                "\u{2028}\u{2029}",
                "日本語",
                "\u{10ffff}x\u{0}",
            ]
            .map(String::from),
        );
        for len in 0..40 {
            for at in 0..len {
                for c in ['"', '\\', '\u{0}', '\u{1f}', '\n'] {
                    let mut s: Vec<char> = "abcdéfghij日klmnopqrstuvwxyz0123456789ABCD"
                        .chars()
                        .take(len)
                        .collect();
                    s[at] = c;
                    strings.push(s.into_iter().collect());
                }
            }
        }
        for s in strings {
            let mut out = Vec::new();
            write_escaped(&mut out, &s);
            assert_eq!(out, serde_json::to_vec(&s).unwrap(), "{s:?}");
        }
    }
}
