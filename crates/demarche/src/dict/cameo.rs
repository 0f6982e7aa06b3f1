//! The CAMEO event-code table: names, Goldstein scores, quad classes, PLOVER types and modes.

use super::parse::Diagnostic;
use std::collections::HashMap;

/// What demarche knows about one CAMEO event code.
#[derive(Clone, Debug, PartialEq)]
pub struct CameoInfo {
    /// Code name ("Make a visit").
    pub name: String,
    /// Goldstein score.
    pub goldstein: Option<f32>,
    /// Quad class 1–4.
    pub quad_class: u8,
    /// PLOVER event type, if any.
    pub plover_type: Option<String>,
    /// PLOVER mode, if any.
    pub plover_mode: Option<String>,
}

/// The table, keyed by code.
#[derive(Clone, Debug, Default)]
pub struct CameoTable {
    codes: HashMap<String, CameoInfo>,
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
    /// Reads `cameo.tsv`.
    pub fn from_tsv(file: &str, text: &str, diagnostics: &mut Vec<Diagnostic>) -> CameoTable {
        let mut codes = HashMap::new();
        for (n, line) in text.lines().enumerate() {
            let line_no = u32::try_from(n + 1).unwrap_or(u32::MAX);
            if line.starts_with('#') || line.trim().is_empty() || line.starts_with("code\t") {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            if cols.len() < 4 || !cols[0].bytes().all(|b| b.is_ascii_digit()) {
                diagnostics.push(Diagnostic {
                    file: file.into(),
                    line: line_no,
                    message:
                        "expected code, name, goldstein, quad_class[, plover_type, plover_mode]"
                            .into(),
                });
                continue;
            }
            let opt = |i: usize| {
                cols.get(i)
                    .filter(|v| !v.is_empty() && **v != "-")
                    .map(|v| v.to_string())
            };
            codes.insert(
                cols[0].to_string(),
                CameoInfo {
                    name: cols[1].to_string(),
                    goldstein: cols[2].parse().ok(),
                    quad_class: cols[3].parse().unwrap_or_else(|_| quad_class_of(cols[0])),
                    plover_type: opt(4),
                    plover_mode: opt(5),
                },
            );
        }
        CameoTable { codes }
    }

    /// Information about `code`; falls back to the code's root, then to a bare entry.
    pub fn get(&self, code: &str) -> CameoInfo {
        if let Some(i) = self.codes.get(code) {
            return i.clone();
        }
        let root = format!("{}0", code.get(..2).unwrap_or(code));
        let mut info = self.codes.get(&root).cloned().unwrap_or(CameoInfo {
            name: String::new(),
            goldstein: None,
            quad_class: quad_class_of(code),
            plover_type: None,
            plover_mode: None,
        });
        info.plover_mode = None;
        info
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
