//! The CAMEO event-code table: names, Goldstein scores, quad classes, PLOVER types, modes and
//! contexts.

use super::parse::Diagnostic;
use crate::model::SharedStr;
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

/// What demarche knows about one CAMEO event code. Its strings are shared: a copy (what
/// [`CameoTable::get`] returns) allocates nothing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CameoInfo {
    /// Code name ("Make a visit").
    pub name: SharedStr,
    /// Goldstein score.
    pub goldstein: Option<f32>,
    /// Quad class 1–4.
    pub quad_class: u8,
    /// PLOVER event type, if any.
    pub plover_type: Option<SharedStr>,
    /// PLOVER mode, if any.
    pub plover_mode: Option<SharedStr>,
    /// PLOVER context (the subject the code names: `economic`, `military`, ...), if any.
    pub plover_context: Option<SharedStr>,
}

/// The table, keyed by code.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CameoTable {
    #[serde(serialize_with = "super::sorted::map")]
    codes: HashMap<SharedStr, CameoInfo>,
}

/// The quad class of a CAMEO code from its root.
pub fn quad_class_of(code: &str) -> u8 {
    match code.get(..2).and_then(|r| r.parse::<u8>().ok()) {
        Some(1..=5) => 1,
        Some(6..=8) => 2,
        Some(9..=13) => 3,
        _ => 4,
    }
}

impl CameoTable {
    /// Reads `cameo.tsv` (tab-separated, `#` comments, an optional `code` header). A row that
    /// cannot be read, or a Goldstein score or quad class that is not a number, becomes a
    /// [`Diagnostic`] with its line; a row with a bad score is kept without one.
    pub fn from_tsv(file: &str, text: &str, diagnostics: &mut Vec<Diagnostic>) -> CameoTable {
        let mut codes = HashMap::default();
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b'\t')
            .has_headers(false)
            .flexible(true)
            .quoting(false)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        for record in reader.records() {
            let mut report = |line: u64, message: String| {
                diagnostics.push(Diagnostic {
                    file: file.into(),
                    line: u32::try_from(line).unwrap_or(u32::MAX),
                    message,
                });
            };
            let record = match record {
                Ok(record) => record,
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    report(line, format!("unreadable row: {e}"));
                    continue;
                }
            };
            let line = record.position().map_or(0, |p| p.line());
            if let Some((code, info)) = cameo_row(&record, &mut |m| report(line, m)) {
                codes.insert(code, info);
            }
        }
        CameoTable { codes }
    }

    /// Information about `code`; falls back to the code's root, then to a bare entry.
    pub fn get(&self, code: &str) -> CameoInfo {
        if let Some(i) = self.codes.get(code) {
            return i.clone();
        }
        let root = format!("{}0", code.get(..2).unwrap_or(code));
        let mut info = self.codes.get(root.as_str()).cloned().unwrap_or(CameoInfo {
            name: SharedStr::default(),
            goldstein: None,
            quad_class: quad_class_of(code),
            plover_type: None,
            plover_mode: None,
            plover_context: None,
        });
        info.plover_mode = None;
        info
    }

    /// `code` as a shared string: the table's own copy when it lists the code (no allocation).
    pub fn code(&self, code: &str) -> SharedStr {
        match self.codes.get_key_value(code) {
            Some((k, _)) => k.clone(),
            None => code.into(),
        }
    }

    /// True when the table lists `code`.
    pub fn contains(&self, code: &str) -> bool {
        self.codes.contains_key(code)
    }

    /// Number of codes.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

/// One row of `cameo.tsv` as (code, info); `None` for the header, a comment, a blank row or a
/// bad row (reported). Comments are skipped here, not by the csv reader, whose line numbers
/// drift after a comment line.
fn cameo_row(
    record: &csv::StringRecord,
    report: &mut dyn FnMut(String),
) -> Option<(SharedStr, CameoInfo)> {
    let col = |i: usize| record.get(i).unwrap_or("");
    if record.iter().all(str::is_empty) || col(0).starts_with('#') || col(0) == "code" {
        return None;
    }
    if record.len() < 4 || !col(0).bytes().all(|b| b.is_ascii_digit()) {
        report(
            "expected code, name, goldstein, quad_class[, plover_type, plover_mode, plover_context]"
                .into(),
        );
        return None;
    }
    let optional = |i: usize| Some(col(i)).filter(|v| !v.is_empty() && *v != "-");
    let goldstein = optional(2).and_then(|v| match v.parse::<f32>() {
        Ok(g) => Some(g),
        Err(_) => {
            report(format!("bad Goldstein score `{v}` for {}", col(0)));
            None
        }
    });
    let quad_class = col(3).parse().unwrap_or_else(|_| {
        report(format!("bad quad class `{}` for {}", col(3), col(0)));
        quad_class_of(col(0))
    });
    let info = CameoInfo {
        name: col(1).into(),
        goldstein,
        quad_class,
        plover_type: optional(4).map(SharedStr::from),
        plover_mode: optional(5).map(SharedStr::from),
        plover_context: optional(6).map(SharedStr::from),
    };
    Some((col(0).into(), info))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (CameoTable, Vec<String>) {
        let mut diagnostics = Vec::new();
        let table = CameoTable::from_tsv("cameo.tsv", text, &mut diagnostics);
        (table, diagnostics.iter().map(|d| d.to_string()).collect())
    }

    #[test]
    fn reads_rows_comments_header_and_optional_columns() {
        let (table, problems) = read(
            "code\tname\tgoldstein\tquad_class\n# comment\n\n\
             042\tMake a visit\t1.9\t1\tCONSULT\tvisit\n190\tFight\t-10\t4\t-\t\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(table.len(), 2);
        let visit = table.get("042");
        assert_eq!(visit.goldstein, Some(1.9));
        assert_eq!(visit.plover_mode.as_deref(), Some("visit"));
        assert_eq!(table.get("190").plover_type, None);
    }

    #[test]
    fn a_bad_goldstein_score_is_a_diagnostic_with_its_line() {
        let (table, problems) = read("# c\n042\tMake a visit\t1,9\t1\n043\tHost\t2.8\tx\n");
        assert_eq!(
            problems,
            [
                "cameo.tsv:2: bad Goldstein score `1,9` for 042",
                "cameo.tsv:3: bad quad class `x` for 043"
            ]
        );
        assert_eq!(table.get("042").goldstein, None);
        assert_eq!(table.get("043").quad_class, 1);
    }

    #[test]
    fn a_short_row_is_a_diagnostic() {
        let (table, problems) = read("042\tMake a visit\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("cameo.tsv:1: expected code"),
            "{problems:?}"
        );
        assert!(table.is_empty());
    }
}
