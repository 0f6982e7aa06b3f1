//! Every word list under `dictionaries/words/` parses, has entries, lists none twice, is
//! documented in docs/dictionaries.md and is embedded by some source file.

use demarche::text::wordlist::{lint, parse};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `dictionaries/words/<area>/<name>.txt`, as (`<area>/<name>.txt`, contents), sorted.
fn word_lists() -> Vec<(String, String)> {
    let root = repo().join("dictionaries/words");
    let mut lists = Vec::new();
    for area in std::fs::read_dir(&root).expect("dictionaries/words exists") {
        let area = area.expect("readable entry").path();
        for file in std::fs::read_dir(&area).expect("readable area") {
            let file = file.expect("readable entry").path();
            let name = file.strip_prefix(&root).expect("under root");
            let name = name.to_str().expect("utf-8 name").replace('\\', "/");
            lists.push((name, std::fs::read_to_string(&file).expect("utf-8 list")));
        }
    }
    lists.sort();
    lists
}

/// All library source, concatenated.
fn library_source() -> String {
    fn walk(dir: &Path, out: &mut String) {
        for entry in std::fs::read_dir(dir).expect("readable src") {
            let path = entry.expect("readable entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push_str(&std::fs::read_to_string(&path).expect("utf-8 source"));
            }
        }
    }
    let mut out = String::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out
}

#[test]
fn every_word_list_is_clean_documented_and_used() {
    let lists = word_lists();
    assert!(lists.len() >= 30, "found only {} word lists", lists.len());
    let docs = std::fs::read_to_string(repo().join("docs/dictionaries.md")).expect("docs");
    let source = library_source();
    let mut problems = Vec::new();
    for (name, text) in &lists {
        for p in lint(text) {
            problems.push(format!("dictionaries/words/{name}: {p}"));
        }
        if !text.starts_with('#') {
            problems.push(format!(
                "dictionaries/words/{name}: no `#` line saying what it is for"
            ));
        }
        if !docs.contains(&format!("`{name}`")) {
            problems.push(format!("{name}: not documented in docs/dictionaries.md"));
        }
        if !source.contains(&format!("\"{name}\"")) {
            problems.push(format!("{name}: not embedded by any source file"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn positional_lists_keep_their_length() {
    let lists = word_lists();
    let len = |name: &str| {
        let (_, text) = lists.iter().find(|(n, _)| n == name).expect(name);
        parse(text).len()
    };
    assert_eq!(len("text/months.txt"), 12);
    assert_eq!(len("dates/month_abbreviations.txt"), 12);
    assert_eq!(len("text/weekdays.txt"), 7);
}
