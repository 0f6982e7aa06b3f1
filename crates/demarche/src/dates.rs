//! Event dates: temporal expressions in a sentence ("Tuesday", "October 9", "in September last
//! year", "in 2003", "late last year", "this week") resolved against the document date.
//!
//! News reports the past: a bare weekday is the last such day on or before the document date,
//! and a month-day without a year that would fall after the document date is last year's.

use crate::model::{Date, DatePrecision};
use crate::text::wordlist::{word_list, MONTHS, WEEKDAYS};
use crate::text::Token;
use chrono::{Datelike, Duration, NaiveDate};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// A temporal expression found in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeExpression {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// What it refers to.
    pub value: TimeValue,
}

/// The meaning of a temporal expression, relative or absolute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeValue {
    /// A weekday (0 = Monday).
    Weekday(u32),
    /// A month and day, year unknown.
    MonthDay(u32, u32),
    /// A month and day in a year.
    FullDate(i32, u32, u32),
    /// A month, year unknown (with a year offset: -1 for "last year").
    Month(u32, i32),
    /// A month in a given year.
    MonthOfYear(i32, u32),
    /// A year.
    Year(i32),
    /// A year relative to the document's (0 this year, -1 last year).
    RelativeYear(i32),
    /// The document's week.
    ThisWeek,
    /// A day relative to the document date (-1 yesterday, 0 today).
    RelativeDay(i64),
    /// A month relative to the document's (-1 last month).
    RelativeMonth(i32),
}

word_list! {
    /// Ordinal suffixes of a day number ("9th", "21st").
    static ORDINAL_SUFFIXES = "dates/ordinal_suffixes.txt";
}

word_list! {
    /// Words before "May" or "March" (without a day number after it) that make it the month ("in May", "last March").
    static MONTH_CUES = "dates/month_cues.txt";
}

word_list! {
    /// Words before a bare year that make it the event's date ("in 2003", "since 1998").
    static YEAR_CUES = "dates/year_cues.txt";
}

word_list! {
    /// Month abbreviations in calendar order (lower-case, with the period): entry n is month n + 1.
    static MONTH_ABBR = "dates/month_abbreviations.txt";
}

/// What a lower-case word names in the calendar.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CalendarWord {
    /// A weekday (0 = Monday).
    Weekday(u32),
    /// A month (1 = January), by its name or an abbreviation.
    Month(u32),
}

/// The calendar words of [`WEEKDAYS`], [`MONTHS`], [`MONTH_ABBR`] and "sept.", one hash
/// look-up instead of a scan of each list (a month's name wins over an abbreviation).
fn calendar_word(lower: &str) -> Option<CalendarWord> {
    static WORDS: LazyLock<FxHashMap<&'static str, CalendarWord>> = LazyLock::new(|| {
        let mut map = FxHashMap::default();
        map.insert("sept.", CalendarWord::Month(9));
        let months = |list: &'static [&'static str]| {
            (1..)
                .zip(list.iter())
                .map(|(m, w)| (*w, CalendarWord::Month(m)))
        };
        map.extend(months(&MONTH_ABBR[..]));
        map.extend(months(&MONTHS[..]));
        map.extend(
            (0..)
                .zip(WEEKDAYS.iter())
                .map(|(d, w)| (*w, CalendarWord::Weekday(d))),
        );
        map
    });
    WORDS.get(lower).copied()
}

/// The weekday token `t` names (0 = Monday).
fn weekday_of(t: &Token) -> Option<u32> {
    match calendar_word(&t.lower) {
        Some(CalendarWord::Weekday(d)) => Some(d),
        _ => None,
    }
}

/// The month a capitalized token `t` names ("May" only as such: callers check context further).
fn month_of(t: &Token) -> Option<u32> {
    if !t.text.starts_with(char::is_uppercase) {
        return None;
    }
    match calendar_word(&t.lower) {
        Some(CalendarWord::Month(m)) => Some(m),
        _ => None,
    }
}

fn number(t: Option<&Token>) -> Option<u32> {
    let t = t?;
    let digits = t.lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if digits.is_empty()
        || !digits.bytes().all(|b| b.is_ascii_digit())
        || !(t.lower.len() == digits.len() || ORDINAL_SUFFIXES.contains(&&t.lower[digits.len()..]))
    {
        return None;
    }
    digits.parse().ok()
}

fn word(tokens: &[Token], i: usize) -> &str {
    tokens.get(i).map_or("", |t| t.lower.as_str())
}

/// Finds temporal expressions in a sentence.
pub fn find(tokens: &[Token]) -> Vec<TimeExpression> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !may_start(&tokens[i]) {
            i += 1;
            continue;
        }
        if let Some((end, value)) = at(tokens, i) {
            out.push(TimeExpression {
                start: i,
                end,
                value,
            });
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// The words that start a relative expression ("last year", "this week", "yesterday").
const RELATIVE_STARTS: [&str; 4] = ["last", "this", "yesterday", "today"];

/// A cheap test that token `t` can start an expression that [`at`] finds: a number (day or
/// year), a capitalized month, weekday or relative word, a weekday, or the first word of a
/// relative expression. (A capitalized word is a calendar word only if it begins like one.)
fn may_start(t: &Token) -> bool {
    let l = t.lower.as_str();
    match l.as_bytes().first() {
        None => false,
        Some(b) if b.is_ascii_digit() => true,
        Some(&b) if t.text.starts_with(char::is_uppercase) => {
            begins_a_name(b) && (RELATIVE_STARTS.contains(&l) || calendar_word(l).is_some())
        }
        // The first letters of the weekdays and of "last", "this", "yesterday", "today".
        Some(b'm' | b't' | b'w' | b'f' | b's' | b'l' | b'y') => {
            RELATIVE_STARTS.contains(&l)
                || matches!(calendar_word(l), Some(CalendarWord::Weekday(_)))
        }
        Some(_) => false,
    }
}

/// True when some month or weekday name, month abbreviation or relative word begins with
/// this byte: a capitalized word that begins otherwise ("Israeli", "Gaza") starts nothing.
fn begins_a_name(first: u8) -> bool {
    static FIRST_BYTES: LazyLock<[bool; 256]> = LazyLock::new(|| {
        let mut set = [false; 256];
        let words = MONTHS
            .iter()
            .chain(MONTH_ABBR.iter())
            .chain(WEEKDAYS.iter());
        for w in words.chain(RELATIVE_STARTS.iter()).chain(["sept."].iter()) {
            if let Some(&b) = w.as_bytes().first() {
                set[usize::from(b)] = true;
            }
        }
        set
    });
    FIRST_BYTES[usize::from(first)]
}

fn year_at(tokens: &[Token], i: usize) -> Option<i32> {
    let y = number(tokens.get(i))?;
    (1900..=2100).contains(&y).then_some(y as i32)
}

fn at(tokens: &[Token], i: usize) -> Option<(usize, TimeValue)> {
    let t = &tokens[i];
    if let Some(w) = weekday_of(t) {
        return Some((i + 1, TimeValue::Weekday(w)));
    }
    if let Some(m) = month_of(t) {
        if matches!(t.lower.as_str(), "may" | "march")
            && !(MONTH_CUES.contains(&word(tokens, i.wrapping_sub(1)))
                || number(tokens.get(i + 1)).is_some())
        {
            return None;
        }
        if let Some(d) = number(tokens.get(i + 1)).filter(|d| (1..=31).contains(d)) {
            let mut end = i + 2;
            if word(tokens, end) == "," {
                end += 1;
            }
            if let Some(y) = year_at(tokens, end) {
                return Some((end + 1, TimeValue::FullDate(y, m, d)));
            }
            return Some((i + 2, TimeValue::MonthDay(m, d)));
        }
        if let Some(y) = year_at(tokens, i + 1) {
            return Some((i + 2, TimeValue::MonthOfYear(y, m)));
        }
        if word(tokens, i + 1) == "last" && word(tokens, i + 2) == "year" {
            return Some((i + 3, TimeValue::Month(m, -1)));
        }
        let last = word(tokens, i.wrapping_sub(1)) == "last";
        return Some((i + 1, TimeValue::Month(m, if last { -1 } else { 0 })));
    }
    if let Some(d) = number(Some(t)).filter(|d| (1..=31).contains(d)) {
        if let Some(m) = tokens.get(i + 1).and_then(month_of) {
            if let Some(y) = year_at(tokens, i + 2) {
                return Some((i + 3, TimeValue::FullDate(y, m, d)));
            }
            return Some((i + 2, TimeValue::MonthDay(m, d)));
        }
    }
    if let Some(y) = year_at(tokens, i) {
        if YEAR_CUES.contains(&word(tokens, i.wrapping_sub(1))) {
            return Some((i + 1, TimeValue::Year(y)));
        }
    }
    match (t.lower.as_str(), word(tokens, i + 1)) {
        ("last", "year") => Some((i + 2, TimeValue::RelativeYear(-1))),
        ("this", "year") => Some((i + 2, TimeValue::RelativeYear(0))),
        ("last", "month") => Some((i + 2, TimeValue::RelativeMonth(-1))),
        ("this", "month") => Some((i + 2, TimeValue::RelativeMonth(0))),
        ("this", "week") => Some((i + 2, TimeValue::ThisWeek)),
        ("yesterday", _) => Some((i + 1, TimeValue::RelativeDay(-1))),
        ("today", _) => Some((i + 1, TimeValue::RelativeDay(0))),
        _ => None,
    }
}

/// `date` as `YYYY-MM-DD`, the string chrono's `%Y-%m-%d` makes, without chrono's formatting
/// machinery (it was ≈ 3,500 instructions an event); years outside 0–9999 go to chrono.
pub(crate) fn iso_date(date: NaiveDate) -> String {
    let Ok(year) = u32::try_from(date.year()) else {
        return date.format("%Y-%m-%d").to_string();
    };
    if year > 9999 {
        return date.format("%Y-%m-%d").to_string();
    }
    let mut out = String::with_capacity(10);
    push_digits(&mut out, year, 4);
    out.push('-');
    push_digits(&mut out, date.month(), 2);
    out.push('-');
    push_digits(&mut out, date.day(), 2);
    out
}

/// Appends the last `width` decimal digits of `n`, zero-padded.
fn push_digits(out: &mut String, n: u32, width: u32) {
    for k in (0..width).rev() {
        let digit = (n / 10u32.pow(k) % 10) as u8;
        out.push(char::from(b'0' + digit));
    }
}

/// Resolves an expression against the document date into a date string and its precision.
pub fn resolve(value: TimeValue, doc: Date) -> Option<(String, DatePrecision)> {
    let day = |d: NaiveDate| Some((iso_date(d), DatePrecision::Day));
    let month = |y: i32, m: u32| Some((format!("{y:04}-{m:02}"), DatePrecision::Month));
    match value {
        TimeValue::Weekday(w) => {
            let back = (doc.weekday().num_days_from_monday() + 7 - w) % 7;
            day(doc - Duration::days(i64::from(back)))
        }
        TimeValue::MonthDay(m, d) => {
            let this_year = NaiveDate::from_ymd_opt(doc.year(), m, d)?;
            day(if this_year > doc {
                NaiveDate::from_ymd_opt(doc.year() - 1, m, d)?
            } else {
                this_year
            })
        }
        TimeValue::FullDate(y, m, d) => day(NaiveDate::from_ymd_opt(y, m, d)?),
        TimeValue::Month(m, offset) => {
            let mut y = doc.year() + offset;
            if offset == 0 && m > doc.month() {
                y -= 1;
            }
            month(y, m)
        }
        TimeValue::MonthOfYear(y, m) => month(y, m),
        TimeValue::Year(y) => Some((format!("{y:04}"), DatePrecision::Year)),
        TimeValue::RelativeYear(o) => Some((format!("{:04}", doc.year() + o), DatePrecision::Year)),
        TimeValue::ThisWeek => month(doc.year(), doc.month()),
        TimeValue::RelativeDay(o) => day(doc + Duration::days(o)),
        TimeValue::RelativeMonth(o) => {
            let total = doc.year() * 12 + doc.month0() as i32 + o;
            month(total.div_euclid(12), total.rem_euclid(12) as u32 + 1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{analyze, Lexicon};

    #[test]
    fn every_start_of_an_expression_passes_the_prefilter() {
        let text = "On Monday, Tuesday and sunday, Last year in May 2003, 9 October, \
                    Sept. 11, 2001 and Jan. 5 this week, Yesterday and today, since 1998 \
                    Security forces in Sana and Madrid met Friday; Wednesday's talks. \
                    The 21st of March and last March, in 2004 and 31 December 2005.";
        let a = analyze(text.as_bytes(), &Lexicon::new([]));
        let mut found = 0;
        for s in &a.sentences {
            for (i, t) in s.tokens.iter().enumerate() {
                if at(&s.tokens, i).is_some() {
                    found += 1;
                    assert!(may_start(t), "{:?}", t.text);
                }
            }
        }
        assert!(found >= 15, "{found} expressions");
    }

    fn resolve_in(text: &str, doc: &str) -> Vec<String> {
        let a = analyze(text.as_bytes(), &Lexicon::new([]));
        let doc = NaiveDate::parse_from_str(doc, "%Y-%m-%d").expect("date");
        find(&a.sentences[0].tokens)
            .into_iter()
            .filter_map(|e| resolve(e.value, doc))
            .map(|(s, _)| s)
            .collect()
    }

    #[test]
    fn iso_date_writes_what_chrono_writes() {
        let days = [
            (2006, 11, 30),
            (2024, 2, 29),
            (1, 1, 1),
            (0, 1, 1),
            (999, 12, 31),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 6, 15),
            (-2000, 1, 9),
        ];
        for (y, m, d) in days {
            let date = NaiveDate::from_ymd_opt(y, m, d).expect("valid date");
            assert_eq!(
                iso_date(date),
                date.format("%Y-%m-%d").to_string(),
                "{y}-{m}-{d}"
            );
        }
    }

    #[test]
    fn weekdays_are_in_the_past() {
        // 2006-11-30 was a Thursday.
        assert_eq!(
            resolve_in("They met Tuesday and Wednesday.", "2006-11-30"),
            ["2006-11-28", "2006-11-29"]
        );
        assert_eq!(
            resolve_in("He spoke Thursday.", "2006-11-30"),
            ["2006-11-30"]
        );
    }

    #[test]
    fn month_days_and_months() {
        assert_eq!(
            resolve_in("The test on October 9 shocked Tokyo.", "2006-11-30"),
            ["2006-10-09"]
        );
        assert_eq!(
            resolve_in("The deal of December 20 collapsed.", "2006-11-30"),
            ["2005-12-20"]
        );
        assert_eq!(
            resolve_in(
                "An agreement made in September last year held.",
                "2006-11-30"
            ),
            ["2005-09"]
        );
        assert_eq!(resolve_in("Talks started in 2003.", "2006-11-30"), ["2003"]);
        assert_eq!(
            resolve_in("Talks broke down late last year.", "2006-11-30"),
            ["2005"]
        );
        assert_eq!(
            resolve_in("He met Putin on 5 March 2014.", "2016-01-01"),
            ["2014-03-05"]
        );
        assert_eq!(
            resolve_in("Envoys met this week and yesterday.", "2006-11-30"),
            ["2006-11", "2006-11-29"]
        );
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        assert!(resolve_in("Iran may resume talks.", "2006-11-30").is_empty());
        assert_eq!(
            resolve_in("Iran resumed talks in May.", "2006-11-30"),
            ["2006-05"]
        );
    }
}
