//! Scores actor recognition on the held-out-style actor tests of `tests/actors/` (see
//! `tests/actors/README.md`): `heldout.tsv` and the harder `hard.tsv`. Each row is an actor
//! phrase as the subject of a sentence, with its gold CAMEO actor code at the document date.
//! A gold of `-` marks a non-actor (a thing, a time, a place used as a location, generic people):
//! right when no event source lies inside the phrase.
//! Rows alternate between a *tune* half (its misses are printed with `HELDOUT_MISSES=1`, to find
//! general causes) and a *test* half (only its score is printed).
//!
//! Run with `cargo test --release -p demarche --test actors_heldout -- --nocapture`.

use demarche::{Coder, Document};
use std::path::PathBuf;

/// One row: the document and where the subject phrase is in it.
struct Row {
    file: &'static str,
    line: usize,
    date: String,
    text: String,
    phrase: std::ops::Range<usize>,
    gold: String,
}

/// Right / total counts of one half.
#[derive(Default)]
struct Score {
    rows: usize,
    country: usize,
    with_agent: usize,
    agent: usize,
    non_actors: usize,
    non_actors_right: usize,
}

fn read_rows(file: &'static str, min_rows: usize) -> Vec<Row> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/actors")
        .join(file);
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("tests/actors/{file}: {e}"));
    let rows: Vec<Row> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !(l.starts_with('#') || l.trim().is_empty()))
        .map(|(n, l)| parse_row(file, n + 1, l))
        .collect();
    assert!(rows.len() >= min_rows, "{file}: only {} rows", rows.len());
    rows
}

fn parse_row(file: &'static str, line: usize, l: &str) -> Row {
    let cols: Vec<&str> = l.split('\t').collect();
    assert_eq!(cols.len(), 5, "{file}:{line}: expected 5 columns");
    let context = if cols[1] == "-" {
        String::new()
    } else {
        format!("{} ", cols[1])
    };
    let start = context.len();
    let text = format!("{context}{} {}", cols[2], cols[3]);
    Row {
        file,
        line,
        date: cols[0].to_string(),
        phrase: start..start + cols[2].len(),
        text,
        gold: cols[4].to_string(),
    }
}

/// The code of the first event source that lies inside the subject phrase.
fn subject_code(coder: &Coder, row: &Row) -> Option<String> {
    let date = demarche::ingest::parse_date(&row.date);
    let doc = Document::new(format!("heldout-{}", row.line), date, row.text.as_str());
    let coded = coder.code(&doc);
    let inside =
        |a: &demarche::Actor| a.span.start >= row.phrase.start && a.span.end <= row.phrase.end;
    let source = coded
        .events
        .into_iter()
        .filter_map(|e| e.source)
        .find(inside)?;
    Some(source.code)
}

/// Country part and agent part of a code: `IGO`/`NGO`/`IMG` codes name the organisation after
/// the prefix, so their "agent" is the whole code.
fn split_code(code: &str) -> (&str, &str) {
    let country = code.get(..3).unwrap_or(code);
    let agent = if matches!(country, "IGO" | "NGO" | "IMG") {
        code
    } else {
        code.get(3..6).unwrap_or("")
    };
    (country, agent)
}

fn score(coder: &Coder, rows: &[&Row], show_misses: bool) -> Score {
    let mut s = Score::default();
    for row in rows {
        let got = subject_code(coder, row).unwrap_or_default();
        if row.gold == "-" {
            s.non_actors += 1;
            s.non_actors_right += usize::from(got.is_empty());
            if show_misses && !got.is_empty() {
                eprintln!(
                    "miss {}:{} gold - got {got:?}: {}",
                    row.file, row.line, row.text
                );
            }
            continue;
        }
        let (gc, ga) = split_code(&row.gold);
        let (pc, pa) = split_code(&got);
        s.rows += 1;
        s.country += usize::from(gc == pc);
        let has_agent = !ga.is_empty();
        s.with_agent += usize::from(has_agent);
        s.agent += usize::from(has_agent && ga == pa);
        if show_misses && (gc != pc || (has_agent && ga != pa)) {
            eprintln!(
                "miss {}:{} gold {} got {:?}: {}",
                row.file, row.line, row.gold, got, row.text
            );
        }
    }
    s
}

fn report(name: &str, s: &Score) -> (f64, f64) {
    let country = s.country as f64 / s.rows as f64;
    let agent = s.agent as f64 / s.with_agent.max(1) as f64;
    println!(
        "{name}: {} phrases, source country right {country:.2} ({}/{}), agent right {agent:.2} ({}/{})",
        s.rows, s.country, s.rows, s.agent, s.with_agent
    );
    if s.non_actors > 0 {
        println!(
            "{name}: non-actors with no actor {:.2} ({}/{})",
            non_actor_share(s),
            s.non_actors_right,
            s.non_actors
        );
    }
    (country, agent)
}

/// Share of the non-actor rows that gave no actor (1 when there are none).
fn non_actor_share(s: &Score) -> f64 {
    if s.non_actors == 0 {
        return 1.0;
    }
    s.non_actors_right as f64 / s.non_actors as f64
}

/// Scores one file's tune and test halves and checks the test half against its floors.
fn check_file(file: &'static str, min_rows: usize, floors: (f64, f64, f64)) {
    let coder = Coder::bundled();
    let rows = read_rows(file, min_rows);
    let tune: Vec<&Row> = rows.iter().step_by(2).collect();
    let test: Vec<&Row> = rows.iter().skip(1).step_by(2).collect();
    let show = std::env::var_os("HELDOUT_MISSES").is_some();
    report(&format!("{file} tune"), &score(&coder, &tune, show));
    let test_score = score(&coder, &test, false);
    let (country, agent) = report(&format!("{file} test"), &test_score);
    let non_actors = non_actor_share(&test_score);
    assert!(
        non_actors >= floors.2,
        "{file} test half: non-actors with no actor {non_actors:.2} fell below the floor {:.2}",
        floors.2
    );
    assert!(
        country >= floors.0,
        "{file} test half: source country right {country:.2} fell below the floor {:.2}",
        floors.0
    );
    assert!(
        agent >= floors.1,
        "{file} test half: agent right {agent:.2} fell below the floor {:.2}",
        floors.1
    );
}

// Floors: the test half's scores when each file was last measured (tests/actors/README.md).
#[test]
fn heldout_actor_phrases() {
    check_file("heldout.tsv", 300, (0.94, 0.92, 1.0));
}

#[test]
fn hard_actor_phrases() {
    check_file("hard.tsv", 250, (0.90, 0.88, 1.0));
}

#[test]
fn group_actor_phrases() {
    check_file("groups.tsv", 120, (0.72, 0.68, 1.0));
}
