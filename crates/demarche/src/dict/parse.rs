//! The line syntax shared by demarche's dictionary files: `CODE [ATTRS] : phrase | phrase`.

use crate::model::Date;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A problem found while reading a dictionary; the line is skipped, loading goes on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Diagnostic {
    /// The file.
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// What is wrong.
    pub message: String,
}

impl Diagnostic {
    /// A problem at `file`:`line`.
    pub fn new(file: impl Into<String>, line: u32, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: file.into(),
            line,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// An inclusive date range; either end may be open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    /// First day, if bounded.
    #[serde(with = "day_number")]
    pub from: Option<Date>,
    /// Last day, if bounded.
    #[serde(with = "day_number")]
    pub to: Option<Date>,
}

/// Dates in the compiled snapshot as day numbers (days from 1 January of year 1), which load
/// without parsing a `YYYY-MM-DD` string per dictionary entry at start-up.
mod day_number {
    use super::Date;
    use chrono::Datelike;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(date: &Option<Date>, out: S) -> Result<S::Ok, S::Error> {
        date.map(|d| d.num_days_from_ce()).serialize(out)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(input: D) -> Result<Option<Date>, D::Error> {
        match Option::<i32>::deserialize(input)? {
            None => Ok(None),
            Some(days) => Date::from_num_days_from_ce_opt(days)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom(format!("day number {days} is no date"))),
        }
    }
}

impl DateRange {
    /// True when `date` lies in the range; an unknown date is in every range.
    pub fn contains(&self, date: Option<Date>) -> bool {
        let Some(d) = date else { return true };
        self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t)
    }

    /// True when both ends are open.
    pub fn is_unbounded(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }
}

/// One parsed dictionary line.
#[derive(Clone, Debug, PartialEq)]
pub struct Line<'a> {
    /// 1-based line number.
    pub number: u32,
    /// The code.
    pub code: &'a str,
    /// Attribute words other than a date range.
    pub flags: Vec<&'a str>,
    /// The date range (unbounded when none was given).
    pub dates: DateRange,
    /// The phrases.
    pub phrases: Vec<&'a str>,
}

/// Strips a comment: `#` at line start or after whitespace.
pub fn strip_comment(line: &str) -> &str {
    let b = line.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c == b'#' && (i == 0 || b[i - 1].is_ascii_whitespace()) {
            return &line[..i];
        }
    }
    line
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `end` picks the last day of a year or month.
pub fn parse_partial_date(s: &str, end: bool) -> Option<Date> {
    let parts: Vec<&str> = s.split('-').collect();
    let year: i32 = parts.first()?.parse().ok()?;
    if parts[0].len() != 4 {
        return None;
    }
    match parts.len() {
        1 => NaiveDate::from_ymd_opt(year, if end { 12 } else { 1 }, if end { 31 } else { 1 }),
        2 => {
            let month: u32 = parts[1].parse().ok()?;
            let first = NaiveDate::from_ymd_opt(year, month, 1)?;
            if !end {
                return Some(first);
            }
            let next = if month == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(year, month + 1, 1)?
            };
            next.pred_opt().filter(|d| d.month() == month)
        }
        3 => NaiveDate::from_ymd_opt(year, parts[1].parse().ok()?, parts[2].parse().ok()?),
        _ => None,
    }
}

fn parse_range(s: &str) -> Result<DateRange, String> {
    let (from, to) = s
        .split_once("..")
        .ok_or_else(|| format!("not a date range: {s}"))?;
    let side = |v: &str, end: bool| -> Result<Option<Date>, String> {
        if v.is_empty() {
            Ok(None)
        } else {
            parse_partial_date(v, end)
                .map(Some)
                .ok_or_else(|| format!("bad date '{v}' in range {s}"))
        }
    };
    let range = DateRange {
        from: side(from, false)?,
        to: side(to, true)?,
    };
    if let (Some(f), Some(t)) = (range.from, range.to) {
        if f > t {
            return Err(format!("date range {s} ends before it starts"));
        }
    }
    Ok(range)
}

/// Parses one non-blank, comment-free line. `allowed_flags` lists the attribute words accepted.
pub fn parse_line<'a>(
    number: u32,
    line: &'a str,
    allowed_flags: &[&str],
) -> Result<Line<'a>, String> {
    let (head, body) = line
        .split_once(':')
        .ok_or("missing ':' between code and phrases")?;
    let mut words = head.split_whitespace();
    let code = words.next().ok_or("missing code")?;
    if !code
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(format!("bad code '{code}'"));
    }
    let mut flags = Vec::new();
    let mut dates = DateRange::default();
    for w in words {
        if w.contains("..") {
            dates = parse_range(w)?;
        } else if allowed_flags.contains(&w) {
            flags.push(w);
        } else {
            return Err(format!("unknown attribute '{w}'"));
        }
    }
    let phrases: Vec<&str> = body
        .split('|')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if phrases.is_empty() {
        return Err("no phrases after ':'".into());
    }
    Ok(Line {
        number,
        code,
        flags,
        dates,
        phrases,
    })
}

/// Iterates the meaningful lines of a dictionary file, parsing each; bad lines become diagnostics.
pub fn parse_file<'a>(
    file: &str,
    text: &'a str,
    allowed_flags: &[&str],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let number = u32::try_from(n + 1).unwrap_or(u32::MAX);
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        match parse_line(number, line, allowed_flags) {
            Ok(l) => out.push(l),
            Err(message) => diagnostics.push(Diagnostic {
                file: file.to_string(),
                line: number,
                message,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_line() {
        let l = parse_line(
            3,
            "USAGOV 2005-04..2009-04 person : Christopher Hill | Chris Hill",
            &["person", "place"],
        )
        .unwrap();
        assert_eq!(l.code, "USAGOV");
        assert_eq!(l.flags, ["person"]);
        assert_eq!(l.phrases, ["Christopher Hill", "Chris Hill"]);
        assert_eq!(l.dates.from, NaiveDate::from_ymd_opt(2005, 4, 1));
        assert_eq!(l.dates.to, NaiveDate::from_ymd_opt(2009, 4, 30));
        assert!(l.dates.contains(NaiveDate::from_ymd_opt(2006, 11, 30)));
        assert!(!l.dates.contains(NaiveDate::from_ymd_opt(2010, 1, 1)));
        assert!(l.dates.contains(None));
    }

    #[test]
    fn errors_are_reported_not_fatal() {
        let mut d = Vec::new();
        let lines = parse_file("x.txt", "USA : United States\nbroken line\nCHN bogus : China\nPRK 2010..2001 : X\n# c\n\nJPN : Japan # comment", &[], &mut d);
        assert_eq!(lines.len(), 2);
        assert_eq!(d.len(), 3);
        assert_eq!(d[0].line, 2);
        assert!(d[2].message.contains("ends before"));
    }

    #[test]
    fn hash_inside_phrase_is_kept() {
        assert_eq!(strip_comment("C#: x # y"), "C#: x ");
    }
}
