//! Issue 12: no dictionary or suite reader panics on any input. Lines made of the characters the
//! formats give meaning to (brackets, markers, dates, multi-byte text) are fed to every reader;
//! each must return (with diagnostics), never panic. Deterministic: a fixed-seed generator.

use demarche_compat::{petrarch, tabari, validate, CompatDicts, Dialect, DictKind};
use std::sync::Arc;

const PIECES: &[&str] = &[
    "[",
    "]",
    "{",
    "}",
    "(",
    ")",
    "<",
    ">",
    "!",
    "=",
    "+",
    "-",
    "~",
    "_",
    "*",
    "$",
    "%",
    "^",
    "&",
    "|",
    ";",
    "#",
    ":",
    ",",
    " ",
    "\t",
    "\n",
    "---",
    "###",
    "+++",
    "991201",
    "20140101",
    "<!--",
    "-->",
    "n:",
    "v:",
    "!X!",
    "ARNOR",
    "é",
    "日本",
    "\u{FFFD}",
    "~GOV",
    "/*",
    "*/",
    "<Sentence ",
    "</Sentence>",
    "\"",
    "&amp;",
    "SET:",
    "DEFAULT: SOURCE [",
    "COMMA:",
];

/// A small linear congruential generator (no dependency needed for a fixed sequence).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }

    fn text(&mut self) -> String {
        let len = 1 + self.next(24);
        (0..len).map(|_| PIECES[self.next(PIECES.len())]).collect()
    }
}

#[test]
fn readers_survive_arbitrary_lines() {
    let mut rng = Lcg(12);
    let kinds = [
        (Dialect::Tabari, DictKind::Actors),
        (Dialect::Tabari, DictKind::Agents),
        (Dialect::Tabari, DictKind::Verbs),
        (Dialect::Tabari, DictKind::Options),
        (Dialect::Petrarch, DictKind::Actors),
        (Dialect::Petrarch, DictKind::Agents),
        (Dialect::Petrarch, DictKind::Verbs),
        (Dialect::Petrarch, DictKind::Discards),
        (Dialect::Petrarch, DictKind::Issues),
    ];
    let name: Arc<str> = "fuzz".into();
    for _ in 0..3000 {
        let text = rng.text();
        for kind in kinds {
            let mut d = CompatDicts::default();
            d.add_text(&name, &text, kind);
            d.finish();
            let mut engine = demarche_compat::engine::Engine::new(d);
            engine.options.minimum_words = 0;
            let _ = engine.code(&text, None);
        }
        let mut diags = Vec::new();
        let _ = petrarch::read_issues(&name, &text, &mut diags);
        let _ = tabari::Project::parse(&text, std::path::Path::new("."));
        let _ = validate::parse_tabari_records(&text);
        let _ = validate::parse_petrarch_records(&text);
    }
}
