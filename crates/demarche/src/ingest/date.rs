//! Record dates: the one parser for document dates in the workspace (record fields, `--date`).
//!
//! Accepted: a calendar date `YYYY-M-D` / `YYYY/M/D` (month and day with one or two digits),
//! the compact `YYYYMMDD`, and a timestamp (RFC 3339 such as `2024-05-15T10:00:00Z`, or the same
//! without an offset, `T` or a space between date and time). A timestamp gives the calendar date
//! it is written in (its own offset, no conversion). Anything else is a [`DateError`].

use crate::model::Date;
use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// A string that is not a date in any accepted form.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("'{input}' is not a date (expected YYYY-MM-DD, YYYYMMDD or an RFC 3339 timestamp)")]
#[non_exhaustive]
pub struct DateError {
    input: String,
}

impl DateError {
    /// The rejected text.
    pub fn input(&self) -> &str {
        &self.input
    }
}

/// Parses a document date; see the module documentation for the accepted forms.
pub fn try_parse_date(s: &str) -> Result<Date, DateError> {
    let s = s.trim();
    iso(s)
        .or_else(|| compact(s))
        .or_else(|| calendar(s))
        .or_else(|| timestamp(s))
        .ok_or_else(|| DateError { input: s.into() })
}

/// [`try_parse_date`] without the reason.
pub fn parse_date(s: &str) -> Option<Date> {
    try_parse_date(s).ok()
}

/// The common `YYYY-MM-DD`, read by its bytes (what [`calendar`] reads it as, without
/// splitting and parsing each part).
fn iso(s: &str) -> Option<Date> {
    let b: &[u8; 10] = s.as_bytes().try_into().ok()?;
    let digits = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i32::try_from(digits(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)
}

fn compact(s: &str) -> Option<Date> {
    if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y%m%d").ok()
}

fn calendar(s: &str) -> Option<Date> {
    let sep = if s.contains('/') { '/' } else { '-' };
    let mut parts = s.split(sep);
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |p: &str, lens: std::ops::RangeInclusive<usize>| {
        lens.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    if parts.next().is_some() || !digits(y, 4..=4) || !digits(m, 1..=2) || !digits(d, 1..=2) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn timestamp(s: &str) -> Option<Date> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.date_naive());
    }
    [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
    .map(|t| t.date())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACCEPTED: &[(&str, (i32, u32, u32))] = &[
        ("2024-05-15", (2024, 5, 15)),
        ("2024-5-15", (2024, 5, 15)),
        ("2024-5-1", (2024, 5, 1)),
        ("2024/05/15", (2024, 5, 15)),
        ("20240515", (2024, 5, 15)),
        (" 2024-05-15 ", (2024, 5, 15)),
        ("2024-05-15T10:00:00Z", (2024, 5, 15)),
        ("2024-05-15T23:30:00-05:00", (2024, 5, 15)),
        ("2024-05-15t10:00:00.123+02:00", (2024, 5, 15)),
        ("2024-05-15 10:00:00Z", (2024, 5, 15)),
        ("2024-05-15T10:00:00", (2024, 5, 15)),
        ("2024-05-15 10:00:00", (2024, 5, 15)),
    ];

    const REJECTED: &[&str] = &[
        "",
        "2024",
        "2024-5",
        "24-5-15",
        "2024-13-01",
        "2024-02-30",
        "2024-05-15x",
        "2024-05-15T",
        "2024-05-15Tgarbage",
        "30 Nov 2006",
        "yesterday",
        "2024515",
        "2024-05/15",
        "2024-005-15",
        "+2024-05-15",
        "１２３４-05-15",
        "2024-05-15-01",
    ];

    #[test]
    fn accepted_forms() {
        for (s, (y, m, d)) in ACCEPTED {
            assert_eq!(parse_date(s), NaiveDate::from_ymd_opt(*y, *m, *d), "{s:?}");
        }
    }

    #[test]
    fn rejected_forms_name_the_input() {
        for s in REJECTED {
            let e = try_parse_date(s).expect_err(s);
            assert_eq!(e.input(), s.trim());
            assert!(e.to_string().contains("is not a date"), "{e}");
        }
    }
}
