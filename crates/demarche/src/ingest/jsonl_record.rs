//! One JSON Lines record parsed in a single pass: the id, date and text fields (named at run
//! time) are taken out as they are read, the other fields go straight into the metadata map.
//!
//! This replaces parsing the whole line to a `serde_json::Value` object and then removing the
//! three fields from it: keys are compared borrowed from the line, and only metadata keys are
//! allocated. The result is the same as that of the `Value` route — the last of duplicate keys
//! wins, a line that is not an object is [`Parsed::NotObject`], and syntax errors are serde_json's
//! own messages.

use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
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
pub(super) enum Parsed {
    /// A JSON object: the three fields (when present) and the rest.
    Object(Fields),
    /// Valid JSON that is not an object.
    NotObject,
}

/// The fields of a record object.
#[derive(Default)]
pub(super) struct Fields {
    pub(super) id: Option<Value>,
    pub(super) date: Option<Value>,
    pub(super) text: Option<Value>,
    pub(super) metadata: Metadata,
}

/// Parses one line (the whole of `line` must be one JSON value).
pub(super) fn parse(line: &str, names: FieldNames<'_>) -> serde_json::Result<Parsed> {
    let mut de = serde_json::Deserializer::from_str(line);
    let parsed = RecordSeed(names).deserialize(&mut de)?;
    de.end()?;
    Ok(parsed)
}

struct RecordSeed<'c>(FieldNames<'c>);

impl<'de> DeserializeSeed<'de> for RecordSeed<'_> {
    type Value = Parsed;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Parsed, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for RecordSeed<'_> {
    type Value = Parsed;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Parsed, A::Error> {
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
            *slot = Some(map.next_value::<Value>()?);
        }
        Ok(Parsed::Object(fields))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Parsed, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Parsed::NotObject)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Parsed, E> {
        Ok(Parsed::NotObject)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Parsed, E> {
        Ok(Parsed::NotObject)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Parsed, E> {
        Ok(Parsed::NotObject)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Parsed, E> {
        Ok(Parsed::NotObject)
    }
    fn visit_str<E>(self, _: &str) -> Result<Parsed, E> {
        Ok(Parsed::NotObject)
    }
    fn visit_unit<E>(self) -> Result<Parsed, E> {
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

    fn object(line: &str) -> Fields {
        match parse(line, NAMES) {
            Ok(Parsed::Object(f)) => f,
            Ok(Parsed::NotObject) => panic!("not an object: {line}"),
            Err(e) => panic!("{line}: {e}"),
        }
    }

    #[test]
    fn fields_and_metadata_match_the_value_route() {
        let cases = [
            r#"{"id": "a", "date": "2020-01-02", "text": "Hi", "src": {"x": [1, 2.5]}}"#,
            r#"{"text": "x", "text": 5, "t\u0065xt": "last", "m": null, "m": "again"}"#,
            r#"{"id": 42, "text": "esc\"aped\n", "k\u00e9y": true}"#,
            r#"{}"#,
        ];
        for line in cases {
            let mut want: serde_json::Map<String, Value> = serde_json::from_str(line).unwrap();
            let got = object(line);
            assert_eq!(got.text, want.remove("text"), "{line}");
            assert_eq!(got.id, want.remove("id"), "{line}");
            assert_eq!(got.date, want.remove("date"), "{line}");
            let rest: Metadata = want.into_iter().collect();
            assert_eq!(got.metadata, rest, "{line}");
        }
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
