//! The bundled CAMEO table's PLOVER columns agree with the anchors of the CAMEO→PLOVER 2021
//! table named in issue 9, use only PLOVER's sixteen event types, and give no type, mode or
//! context to statements (01x) and appeals (02x).

use demarche::dict::CameoTable;
use std::path::Path;

/// The sixteen PLOVER event types.
const PLOVER_TYPES: [&str; 16] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// (CAMEO code, PLOVER type) anchors from issue 9, plus one neighbour each that keeps its type.
const ANCHORS: [(&str, &str); 13] = [
    ("057", "SUPPORT"),
    ("0813", "RETREAT"),
    ("0814", "RETREAT"),
    ("0862", "RETREAT"),
    ("0863", "RETREAT"),
    ("163", "COERCE"),
    ("175", "ASSAULT"),
    ("051", "SUPPORT"),
    ("0812", "CONCEDE"),
    ("0841", "RETREAT"),
    ("162", "SANCTION"),
    ("173", "COERCE"),
    ("1823", "ASSAULT"),
];

/// Every code listed in the bundled `dictionaries/cameo.tsv`.
fn bundled_codes() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dictionaries/cameo.tsv");
    let text = std::fs::read_to_string(path).expect("cameo.tsv is readable");
    text.lines()
        .filter_map(|line| line.split('\t').next())
        .filter(|code| !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_issue_anchor_codes_have_their_published_plover_types() {
    let table = CameoTable::bundled();
    for (code, want) in ANCHORS {
        assert!(table.contains(code), "{code} is not in cameo.tsv");
        assert_eq!(table.get(code).plover_type.as_deref(), Some(want), "{code}");
    }
}

#[test]
fn statements_and_appeals_have_no_plover_type_mode_or_context() {
    let table = CameoTable::bundled();
    let codes = bundled_codes();
    let unmapped: Vec<&String> = codes
        .iter()
        .filter(|c| c.starts_with("01") || c.starts_with("02"))
        .collect();
    assert!(
        unmapped.len() > 30,
        "01x and 02x rows are listed: {unmapped:?}"
    );
    for code in unmapped {
        let info = table.get(code);
        let plover = (info.plover_type, info.plover_mode, info.plover_context);
        assert_eq!(plover, (None, None, None), "{code}");
    }
}

#[test]
fn every_other_code_has_one_of_the_sixteen_plover_types() {
    let table = CameoTable::bundled();
    let codes = bundled_codes();
    assert_eq!(codes.len(), table.len(), "every row is read");
    for code in codes
        .iter()
        .filter(|c| !c.starts_with("01") && !c.starts_with("02"))
    {
        let plover = table.get(code).plover_type;
        let plover = plover.unwrap_or_else(|| panic!("{code} has no PLOVER type"));
        assert!(PLOVER_TYPES.contains(&plover.as_str()), "{code}: {plover}");
    }
}

#[test]
fn contexts_come_from_the_table() {
    let table = CameoTable::bundled();
    let context = |code: &str| table.get(code).plover_context;
    assert_eq!(context("163").as_deref(), Some("economic"));
    assert_eq!(context("1952").as_deref(), Some("military"));
    assert_eq!(context("0863").as_deref(), Some("humanitarian"));
    assert_eq!(context("040"), None);
}
