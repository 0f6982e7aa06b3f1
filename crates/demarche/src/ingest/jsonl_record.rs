//! One JSON Lines record parsed in a single pass: the id, date and text fields (named at run
//! time) are taken out as they are read, the other fields go straight into the metadata map.
//!
//! This replaces parsing the whole line to a `serde_json::Value` object and then removing the
//! three fields from it: keys are compared borrowed from the line, and only metadata keys are
//! allocated. The result is the same as that of the `Value` route — the last of duplicate keys
//! wins, a line that is not an object is [`Parsed::NotObject`], and syntax errors are serde_json's
//! own messages. A string value of the three fields is kept borrowed from the line when it has
//! no escapes ([`FieldValue`]), so that the date, say, is read without a copy.

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{Deserialize, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Number, Value};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

/// The fields of a record other than id, date and text.
type Metadata = BTreeMap<String, Value>;

/// The names of the three fields the record is read for.
#[derive(Clone, Copy)]
pub(super) struct FieldNames<'c> {
    pub(super) id: &'c str,
    pub(super) date: &'c str,
    pub(super) text: &'c str,
}

/// A parsed line.
pub(super) enum Parsed<'de> {
    /// A JSON object: the three fields (when present) and the rest.
    Object(Fields<'de>),
    /// Valid JSON that is not an object.
    NotObject,
}

/// The fields of a record object.
#[derive(Default)]
pub(super) struct Fields<'de> {
    pub(super) id: Option<FieldValue<'de>>,
    pub(super) date: Option<FieldValue<'de>>,
    pub(super) text: Option<FieldValue<'de>>,
    pub(super) metadata: Metadata,
}

/// The value of one of the three fields: a string (borrowed from the line unless it had
/// escapes) or any other JSON value.
#[derive(Debug, PartialEq)]
pub(super) enum FieldValue<'de> {
    /// A JSON string.
    Str(Cow<'de, str>),
    /// Any other value, as the `Value` route reads it.
    Other(Value),
}

impl<'de> Deserialize<'de> for FieldValue<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FieldVisitor)
    }
}

/// Reads a [`FieldValue`]; every value but a string is made the `Value` that
/// `serde_json::Value`'s own visitor makes.
struct FieldVisitor;

impl<'de> Visitor<'de> for FieldVisitor {
    type Value = FieldValue<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any valid JSON value")
    }
    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Self::Value, E> {
        Ok(FieldValue::Str(Cow::Borrowed(s)))
    }
    fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
        Ok(FieldValue::Str(Cow::Owned(s.to_owned())))
    }
    fn visit_string<E>(self, s: String) -> Result<Self::Value, E> {
        Ok(FieldValue::Str(Cow::Owned(s)))
    }
    fn visit_bool<E>(self, b: bool) -> Result<Self::Value, E> {
        Ok(FieldValue::Other(Value::Bool(b)))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Self::Value, E> {
        Ok(FieldValue::Other(Value::Number(n.into())))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Self::Value, E> {
        Ok(FieldValue::Other(Value::Number(n.into())))
    }
    fn visit_f64<E>(self, x: f64) -> Result<Self::Value, E> {
        Ok(FieldValue::Other(
            Number::from_f64(x).map_or(Value::Null, Value::Number),
        ))
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(FieldValue::Other(Value::Null))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        Value::deserialize(SeqAccessDeserializer::new(seq)).map(FieldValue::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        Value::deserialize(MapAccessDeserializer::new(map)).map(FieldValue::Other)
    }
}

/// Parses one line (the whole of `line` must be one JSON value).
pub(super) fn parse<'de>(line: &'de str, names: FieldNames<'_>) -> serde_json::Result<Parsed<'de>> {
    let mut de = serde_json::Deserializer::from_str(line);
    let parsed = RecordSeed(names).deserialize(&mut de)?;
    de.end()?;
    Ok(parsed)
}

struct RecordSeed<'c>(FieldNames<'c>);

impl<'de> DeserializeSeed<'de> for RecordSeed<'_> {
    type Value = Parsed<'de>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Parsed<'de>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for RecordSeed<'_> {
    type Value = Parsed<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Parsed<'de>, A::Error> {
        let names = self.0;
        let mut fields = Fields::default();
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            let slot = match &*key {
                k if k == names.text => &mut fields.text,
                k if k == names.id => &mut fields.id,
                k if k == names.date => &mut fields.date,
                _ => {
                    let value = map.next_value::<Value>()?;
                    fields.metadata.insert(key.into_owned(), value);
                    continue;
                }
            };
            *slot = Some(map.next_value::<FieldValue<'de>>()?);
        }
        Ok(Parsed::Object(fields))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Parsed<'de>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Parsed::NotObject)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Parsed<'de>, E> {
        Ok(Parsed::NotObject)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Parsed<'de>, E> {
        Ok(Parsed::NotObject)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Parsed<'de>, E> {
        Ok(Parsed::NotObject)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Parsed<'de>, E> {
        Ok(Parsed::NotObject)
    }
    fn visit_str<E>(self, _: &str) -> Result<Parsed<'de>, E> {
        Ok(Parsed::NotObject)
    }
    fn visit_unit<E>(self) -> Result<Parsed<'de>, E> {
        Ok(Parsed::NotObject)
    }
}

/// An object key, borrowed from the line unless it had escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string key")
    }
    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(s)))
    }
    fn visit_str<E>(self, s: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(s.to_owned())))
    }
    fn visit_string<E>(self, s: String) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(s)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: FieldNames<'static> = FieldNames {
        id: "id",
        date: "date",
        text: "text",
    };

    fn object(line: &str) -> Fields<'_> {
        match parse(line, NAMES) {
            Ok(Parsed::Object(f)) => f,
            Ok(Parsed::NotObject) => panic!("not an object: {line}"),
            Err(e) => panic!("{line}: {e}"),
        }
    }

    fn value(v: FieldValue<'_>) -> Value {
        match v {
            FieldValue::Str(s) => Value::String(s.into_owned()),
            FieldValue::Other(v) => v,
        }
    }

    #[test]
    fn fields_and_metadata_match_the_value_route() {
        let cases = [
            r#"{"id": "a", "date": "2020-01-02", "text": "Hi", "src": {"x": [1, 2.5]}}"#,
            r#"{"text": "x", "text": 5, "t\u0065xt": "last", "m": null, "m": "again"}"#,
            r#"{"id": 42, "text": "esc\"aped\n", "k\u00e9y": true}"#,
            r#"{}"#,
            r#"{"id": -3, "date": 2.5e0, "text": [1, {"a": null}], "x": 1}"#,
            r#"{"id": {"k": [true, false]}, "date": null, "text": 18446744073709551615}"#,
        ];
        for line in cases {
            let mut want: serde_json::Map<String, Value> = serde_json::from_str(line).unwrap();
            let got = object(line);
            assert_eq!(got.text.map(value), want.remove("text"), "{line}");
            assert_eq!(got.id.map(value), want.remove("id"), "{line}");
            assert_eq!(got.date.map(value), want.remove("date"), "{line}");
            let rest: Metadata = want.into_iter().collect();
            assert_eq!(got.metadata, rest, "{line}");
        }
    }

    #[test]
    fn strings_without_escapes_are_borrowed() {
        let got = object(r#"{"id": "a\u0062", "date": "2020-01-02", "text": "plain"}"#);
        assert!(matches!(
            got.date,
            Some(FieldValue::Str(Cow::Borrowed("2020-01-02")))
        ));
        assert!(matches!(
            got.text,
            Some(FieldValue::Str(Cow::Borrowed("plain")))
        ));
        assert_eq!(got.id, Some(FieldValue::Str(Cow::Owned("ab".into()))));
    }

    #[test]
    fn non_objects_and_syntax_errors() {
        for line in ["[1, {\"a\": 2}]", "3", "\"text\"", "null", "true", "-1.5e3"] {
            assert!(
                matches!(parse(line, NAMES), Ok(Parsed::NotObject)),
                "{line}"
            );
        }
        for line in [
            "{\"text\": ",
            "[1, 2",
            "{\"a\": 1} x",
            "{\"a\" 1}",
            "{1: 2}",
            "nul",
        ] {
            let want = serde_json::from_str::<Value>(line).unwrap_err().to_string();
            let got = parse(line, NAMES).err().map(|e| e.to_string());
            assert_eq!(got.as_deref(), Some(want.as_str()), "{line}");
        }
    }
}
