//! The bodies of the TABARI and PETRARCH fuzz targets (`fuzz/` in the repository), shared with
//! the regression tests that replay their minimized crashes (`tests/fuzz-regressions/`). Each
//! takes arbitrary bytes and panics only when a reader, the lint, the converter or the engine
//! does. Not part of the stable API.

use crate::engine::Engine;
use crate::{convert, lint, petrarch, tabari, validate, CompatDicts, Dialect, DictKind};
use std::path::Path;
use std::sync::Arc;

/// Splits `data` at NUL bytes into TABARI `.actors`, `.agents`, `.verbs` and `.options` texts,
/// loads them, lints and converts the result, codes `data` with the TABARI engine, and reads
/// `data` as a `.project` file and as `Validate.text` records.
pub fn fuzz_tabari(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let kinds = [
        ("fuzz.actors", DictKind::Actors),
        ("fuzz.agents", DictKind::Agents),
        ("fuzz.verbs", DictKind::Verbs),
        ("fuzz.options", DictKind::Options),
    ];
    exercise(&text, Dialect::Tabari, &kinds);
    let _ = tabari::Project::parse(&text, Path::new("."));
    let _ = validate::parse_tabari_records(&text);
}

/// Splits `data` at NUL bytes into PETRARCH actors, agents, verbs, discards and issues texts,
/// loads them, lints and converts the result, codes `data` with the engine, and reads `data` as
/// PETRARCH unit-test records.
pub fn fuzz_petrarch(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let kinds = [
        ("Phoenix.Countries.actors.txt", DictKind::Actors),
        ("PETR.Internal.agents.txt", DictKind::Agents),
        ("CAMEO.2.0.verbs.txt", DictKind::Verbs),
        ("Phoenix.discards.txt", DictKind::Discards),
        ("PETR.issues.txt", DictKind::Issues),
    ];
    exercise(&text, Dialect::Petrarch, &kinds);
    let _ = validate::parse_petrarch_records(&text);
    let mut diagnostics = Vec::new();
    let _ = petrarch::read_issues(&"fuzz".into(), &text, &mut diagnostics);
}

fn exercise(text: &str, dialect: Dialect, kinds: &[(&str, DictKind)]) {
    let mut dicts = CompatDicts::default();
    for ((name, kind), part) in kinds.iter().zip(text.split('\0')) {
        let name: Arc<str> = (*name).into();
        dicts.add_text(&name, part, (dialect, *kind));
    }
    dicts.finish();
    let _ = lint::lint(&dicts);
    let _ = convert::convert(&dicts);
    let mut engine = Engine::new(dicts);
    engine.options.minimum_words = 0;
    let _ = engine.code(text, None);
}
