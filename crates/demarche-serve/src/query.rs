//! Query strings: parsed once into a key → value map, checked against the keys an endpoint
//! takes, with typed accessors that answer a malformed value with a clear 400 message.

use crate::error::ApiError;
use std::collections::BTreeMap;

/// The longest value accepted for any parameter, in bytes.
const MAX_VALUE: usize = 500;

/// The parameters of one request.
#[derive(Debug, Default)]
pub(crate) struct Query {
    pairs: BTreeMap<String, String>,
}

impl Query {
    /// Parses `raw` (the part after `?`); unknown and repeated keys are errors. Empty values
    /// count as absent, so a form can send every field.
    pub(crate) fn parse(raw: Option<&str>, allowed: &[&str]) -> Result<Query, ApiError> {
        let mut pairs = BTreeMap::new();
        for (key, value) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
            if !allowed.contains(&key.as_ref()) {
                return Err(ApiError::BadRequest(format!(
                    "unknown parameter {key:?}; this endpoint takes: {}",
                    allowed.join(", ")
                )));
            }
            if value.len() > MAX_VALUE {
                return Err(bad(&key, &format!("longer than {MAX_VALUE} bytes")));
            }
            if pairs
                .insert(key.to_string(), value.trim().to_string())
                .is_some()
            {
                return Err(ApiError::BadRequest(format!(
                    "parameter {key:?} given twice"
                )));
            }
        }
        pairs.retain(|_, v: &mut String| !v.is_empty());
        Ok(Query { pairs })
    }

    /// The value of `key`, if given.
    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.pairs.get(key).map(String::as_str)
    }

    /// `key` checked by `valid` (after upper-casing when `upper`), or `None` when absent.
    pub(crate) fn word(
        &self,
        key: &str,
        upper: bool,
        valid: fn(&str) -> bool,
        expected: &str,
    ) -> Result<Option<String>, ApiError> {
        let Some(value) = self.get(key) else {
            return Ok(None);
        };
        let value = if upper {
            value.to_ascii_uppercase()
        } else {
            value.to_string()
        };
        if valid(&value) {
            Ok(Some(value))
        } else {
            Err(bad(key, &format!("{value:?} is not {expected}")))
        }
    }

    /// A comma-separated list of words, each checked like [`Query::word`].
    pub(crate) fn list(
        &self,
        key: &str,
        valid: fn(&str) -> bool,
        expected: &str,
    ) -> Result<Vec<String>, ApiError> {
        let Some(value) = self.get(key) else {
            return Ok(Vec::new());
        };
        let items: Vec<String> = value
            .split(',')
            .map(|s| s.trim().to_ascii_uppercase())
            .collect();
        match items.iter().find(|item| !valid(item)) {
            Some(item) => Err(bad(key, &format!("{item:?} is not {expected}"))),
            None => Ok(items),
        }
    }

    /// An integer in `min..=max`, `default` when absent.
    pub(crate) fn int(&self, key: &str, min: i64, max: i64, default: i64) -> Result<i64, ApiError> {
        let Some(value) = self.get(key) else {
            return Ok(default);
        };
        match value.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err(bad(
                key,
                &format!("{value:?} is not an integer from {min} to {max}"),
            )),
        }
    }

    /// One of `choices`, the first when absent.
    pub(crate) fn choice<'c>(&self, key: &str, choices: &[&'c str]) -> Result<&'c str, ApiError> {
        let Some(value) = self.get(key) else {
            return Ok(choices[0]);
        };
        choices
            .iter()
            .find(|c| **c == value)
            .copied()
            .ok_or_else(|| {
                bad(
                    key,
                    &format!("{value:?} is not one of {}", choices.join(", ")),
                )
            })
    }
}

/// A 400 error naming the parameter.
pub(crate) fn bad(key: &str, why: &str) -> ApiError {
    ApiError::BadRequest(format!("parameter {key:?}: {why}"))
}
