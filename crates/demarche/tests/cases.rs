//! Runs the data-driven coding cases in `tests/cases/*.tsv` (see `tests/cases/README.md`).

use demarche::{Coder, Document};
use std::collections::BTreeSet;
use std::path::PathBuf;

fn cases_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases")
}

type Triple = (String, String, String);

fn parse_expected(s: &str) -> Result<BTreeSet<Triple>, String> {
    if s.trim() == "-" {
        return Ok(BTreeSet::new());
    }
    s.split(';')
        .map(|e| {
            let e = e.trim();
            let (actors, code) = e
                .split_once(':')
                .ok_or_else(|| format!("bad expected event '{e}'"))?;
            let (src, tgt) = actors
                .split_once('>')
                .ok_or_else(|| format!("bad expected event '{e}'"))?;
            Ok((
                src.trim().to_string(),
                tgt.trim().to_string(),
                code.trim().to_string(),
            ))
        })
        .collect()
}

fn matches(expected: &Triple, produced: &Triple) -> bool {
    expected.0 == produced.0 && expected.1 == produced.1 && produced.2.starts_with(&expected.2)
}

#[test]
fn data_driven_cases() {
    let coder = Coder::bundled();
    let mut files: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .expect("tests/cases exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    let (mut total, mut failures, mut gaps_total, mut gaps_passing) = (0, Vec::new(), 0, 0);
    for file in &files {
        let tracked_only = file.to_string_lossy().ends_with(".gaps.tsv");
        let text = std::fs::read_to_string(file).expect("readable case file");
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let where_ = format!(
                "{}:{}",
                file.file_name().unwrap_or_default().to_string_lossy(),
                n + 1
            );
            assert_eq!(cols.len(), 4, "{where_}: expected 4 tab-separated columns");
            let date = if cols[1] == "-" {
                None
            } else {
                demarche::ingest::parse_date(cols[1])
            };
            let expected = parse_expected(cols[3]).unwrap_or_else(|e| panic!("{where_}: {e}"));
            let doc = Document::new(cols[0], date, cols[2]);
            let produced: BTreeSet<Triple> = coder
                .code(&doc)
                .events
                .into_iter()
                .map(|e| {
                    let code = |a: Option<demarche::Actor>| a.map_or("-".to_string(), |a| a.code);
                    (code(e.source), code(e.target), e.cameo)
                })
                .collect();
            let all_expected_found = expected
                .iter()
                .all(|x| produced.iter().any(|p| matches(x, p)));
            let no_extra = produced
                .iter()
                .all(|p| expected.iter().any(|x| matches(x, p)));
            if tracked_only {
                gaps_total += 1;
                gaps_passing += usize::from(all_expected_found && no_extra);
                continue;
            }
            total += 1;
            if !(all_expected_found && no_extra) {
                failures.push(format!(
                    "{where_} [{}] {}\n    expected {:?}\n    produced {:?}",
                    cols[0], cols[2], expected, produced
                ));
            }
        }
    }
    println!(
        "{} of {total} cases passed; known gaps: {gaps_passing} of {gaps_total} now pass",
        total - failures.len()
    );
    assert!(total > 0, "no cases found");
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
