//! Runs the data-driven coding cases in `tests/cases/*.tsv` (see `tests/cases/README.md`), one
//! test per row, so a failure names its case (`grammar.tsv:12 passive-01`).
//!
//! Rows of `*.gaps.tsv` are known gaps: such a test passes while the coder still gets the case
//! wrong and fails once it gets it right, so that the case is promoted to an enforced file.

use demarche::{Coder, Document};
use libtest_mimic::{Arguments, Failed, Trial};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

type Triple = (String, String, String);

/// One row of a case file.
struct Case {
    location: String,
    name: String,
    date: Option<String>,
    text: String,
    expected: BTreeSet<Triple>,
    known_gap: bool,
}

fn cases_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases")
}

fn parse_expected(s: &str) -> Result<BTreeSet<Triple>, String> {
    if s.trim() == "-" {
        return Ok(BTreeSet::new());
    }
    s.split(';').map(parse_event).collect()
}

fn parse_event(e: &str) -> Result<Triple, String> {
    let e = e.trim();
    let bad = || format!("bad expected event '{e}'");
    let (actors, code) = e.split_once(':').ok_or_else(bad)?;
    let (src, tgt) = actors.split_once('>').ok_or_else(bad)?;
    let triple = (src.trim(), tgt.trim(), code.trim());
    Ok((triple.0.into(), triple.1.into(), triple.2.into()))
}

fn matches(expected: &Triple, produced: &Triple) -> bool {
    expected.0 == produced.0 && expected.1 == produced.1 && produced.2.starts_with(&expected.2)
}

fn parse_row(file: &Path, n: usize, line: &str) -> Result<Case, String> {
    let file_name = file.file_name().unwrap_or_default().to_string_lossy();
    let location = format!("{file_name}:{}", n + 1);
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() != 4 {
        return Err(format!(
            "{location}: expected 4 tab-separated columns, found {}",
            cols.len()
        ));
    }
    let expected = parse_expected(cols[3]).map_err(|e| format!("{location}: {e}"))?;
    Ok(Case {
        name: cols[0].to_string(),
        date: (cols[1] != "-").then(|| cols[1].to_string()),
        text: cols[2].to_string(),
        expected,
        known_gap: file_name.ends_with(".gaps.tsv"),
        location,
    })
}

fn read_cases() -> Result<Vec<Case>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .map_err(|e| format!("tests/cases: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        for (n, line) in text.lines().enumerate() {
            if !(line.starts_with('#') || line.trim().is_empty()) {
                cases.push(parse_row(file, n, line)?);
            }
        }
    }
    Ok(cases)
}

fn coder() -> &'static Coder {
    static CODER: OnceLock<Coder> = OnceLock::new();
    CODER.get_or_init(Coder::bundled)
}

fn produced_events(case: &Case) -> BTreeSet<Triple> {
    let date = case.date.as_deref().and_then(demarche::ingest::parse_date);
    let doc = Document::new(&case.name, date, case.text.as_str());
    let code = |a: Option<demarche::Actor>| a.map_or("-".to_string(), |a| a.code);
    coder()
        .code(&doc)
        .events
        .into_iter()
        .map(|e| (code(e.source), code(e.target), e.cameo.to_string()))
        .collect()
}

fn run_case(case: &Case) -> Result<(), Failed> {
    let produced = produced_events(case);
    let all_found = (case.expected.iter()).all(|x| produced.iter().any(|p| matches(x, p)));
    let no_extra = (produced.iter()).all(|p| case.expected.iter().any(|x| matches(x, p)));
    let passes = all_found && no_extra;
    let detail = || {
        format!(
            "{} [{}] {}\n    expected {:?}\n    produced {:?}",
            case.location, case.name, case.text, case.expected, produced
        )
    };
    match (case.known_gap, passes) {
        (false, true) | (true, false) => Ok(()),
        (false, false) => Err(detail().into()),
        (true, true) => Err(format!(
            "known gap now passes: promote it to an enforced file\n{}",
            detail()
        )
        .into()),
    }
}

fn main() {
    let args = Arguments::from_args();
    let cases = match read_cases() {
        Ok(cases) if !cases.is_empty() => cases,
        Ok(_) => panic!("no cases found in tests/cases"),
        Err(e) => panic!("{e}"),
    };
    let trials = cases
        .into_iter()
        .map(|case| {
            let case = Arc::new(case);
            let kind = if case.known_gap { "gap" } else { "case" };
            let name = format!("{} {}", case.location, case.name);
            Trial::test(name, move || run_case(&case)).with_kind(kind)
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}
