//! The one-way layer rule of the library crate, checked from its source.
//!
//! Every top-level module of `crates/demarche/src` sits in one layer; a module may use modules
//! of strictly lower layers only (never a peer, never one above). The scan reads every
//! `crate::…` path in a module's files — `use` lines, inline paths, doc links — including
//! `crate::{a::X, b::Y}` groups, and reports each upward or sideways one as `file:line`.
//! ARCHITECTURE.md shows the same table.

use std::path::{Path, PathBuf};

/// The layers, bottom first. Keep in step with ARCHITECTURE.md ("Dependency rule").
const LAYERS: &[&[&str]] = &[
    &["error", "model"],
    &["text", "ingest"],
    &["dict", "dates", "resolve"],
    &["code", "compat", "bench_support", "tagger_support"],
    &["sink"],
    &["pipeline", "fuzz_support"],
];

/// The layer of a top-level module, `None` when the table does not list it.
fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// One `crate::` reference: the line it is on and the first path segment after `crate::`.
#[derive(Debug, PartialEq)]
struct CrateRef {
    line: usize,
    target: String,
}

/// Every `crate::` reference in `source` (not `$crate::`, not `foo_crate::`).
fn crate_refs(source: &str) -> Vec<CrateRef> {
    let mut refs = Vec::new();
    let mut from = 0;
    while let Some(found) = source[from..].find("crate::") {
        let at = from + found;
        from = at + "crate::".len();
        let before = source[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let line = source[..at].matches('\n').count() + 1;
        for target in first_segments(&source[from..]) {
            refs.push(CrateRef { line, target });
        }
    }
    refs
}

/// The first path segment of what follows `crate::`: one name, or each item of a `{…}` group.
fn first_segments(rest: &str) -> Vec<String> {
    let rest = rest.trim_start();
    let Some(group) = rest.strip_prefix('{') else {
        // `crate::` named in prose, with no path after it, refers to nothing.
        let name = leading_identifier(rest);
        return if name.is_empty() {
            Vec::new()
        } else {
            vec![name]
        };
    };
    let mut depth = 0usize;
    let mut items = vec![String::new()];
    for c in group.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => items.push(String::new()),
            _ => {}
        }
        if depth == 0 && c != ',' && c != '}' {
            items.last_mut().expect("never empty").push(c);
        }
    }
    items
        .iter()
        .map(|item| leading_identifier(item.trim_start()))
        .filter(|name| !name.is_empty())
        .collect()
}

/// The identifier at the start of `s` (empty when there is none).
fn leading_identifier(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// What is wrong with module `from` referring to `target`, if anything.
fn violation(from: &str, target: &str) -> Option<String> {
    if target == from || target == "self" || target == "super" {
        return None;
    }
    let from_layer = layer_of(from)?;
    match layer_of(target) {
        None => Some(format!(
            "`crate::{target}` is not a layered module: use the item from the module that \
             defines it"
        )),
        Some(to) if to >= from_layer => Some(format!(
            "`{from}` (layer {from_layer}) uses `{target}` (layer {to}); a module may use \
             only lower layers"
        )),
        Some(_) => None,
    }
}

/// Every violation in one file of module `from`, as `file:line: message`.
fn check_source(file: &str, from: &str, source: &str) -> Vec<String> {
    crate_refs(source)
        .into_iter()
        .filter_map(|r| violation(from, &r.target).map(|m| format!("{file}:{}: {m}", r.line)))
        .collect()
}

/// The `.rs` files of a module: `src/<m>.rs` or everything under `src/<m>/`, sorted.
fn module_files(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    let mut files = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .expect("module directory is readable")
        .map(|e| e.expect("directory entry is readable").path())
        .collect();
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            files.extend(module_files(&entry));
        } else if entry.extension().is_some_and(|x| x == "rs") {
            files.push(entry);
        }
    }
    files
}

/// The top-level modules of the crate: (name, path) for each `src/*.rs` and `src/*/` but lib.rs.
fn top_level_modules(src: &Path) -> Vec<(String, PathBuf)> {
    let mut modules: Vec<(String, PathBuf)> = std::fs::read_dir(src)
        .expect("src is readable")
        .map(|e| e.expect("src entry is readable").path())
        .filter_map(|p| {
            let name = if p.is_dir() {
                p.file_name()?.to_str()?.to_string()
            } else if p.extension().is_some_and(|x| x == "rs") {
                p.file_stem()?.to_str()?.to_string()
            } else {
                return None;
            };
            (name != "lib" && name != "main").then_some((name, p))
        })
        .collect();
    modules.sort();
    modules
}

#[test]
fn every_module_imports_only_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();
    let modules = top_level_modules(&src);
    assert!(modules.len() >= 8, "found only {modules:?} under {src:?}");
    for (module, path) in modules {
        if layer_of(&module).is_none() {
            problems.push(format!(
                "{}: module `{module}` is in no layer: add it to LAYERS in tests/layers.rs and \
                 to the dependency rule in ARCHITECTURE.md",
                path.display()
            ));
            continue;
        }
        for file in module_files(&path) {
            let source = std::fs::read_to_string(&file).expect("source is readable");
            let shown = file
                .strip_prefix(&src)
                .unwrap_or(&file)
                .display()
                .to_string();
            problems.extend(check_source(&format!("src/{shown}"), &module, &source));
        }
    }
    assert!(
        problems.is_empty(),
        "upward imports:\n{}",
        problems.join("\n")
    );
}

#[test]
fn scanner_finds_paths_groups_and_line_numbers() {
    let source = "use crate::model::Span;\n\
                  // nothing here\n\
                  use crate::{\n    text::Token,\n    dict::{Dictionaries, Diagnostic},\n};\n\
                  fn f() -> crate::code::Coder { $crate::x; my_crate::y }\n\
                  //! paths named in prose: `crate::` alone\n";
    let found: Vec<String> = crate_refs(source)
        .iter()
        .map(|r| format!("{}:{}", r.line, r.target))
        .collect();
    assert_eq!(found, ["1:model", "3:text", "3:dict", "7:code"]);
}

#[test]
fn scanner_reports_upward_sideways_and_root_paths() {
    let source = "use crate::model::Span;\nuse crate::code::Coder;\nuse crate::resolve::X;\n\
                  use crate::text::Token;\nuse crate::Coder;\nuse crate::dict::Y;\n";
    let problems = check_source("src/dict/mod.rs", "dict", source);
    let lines: Vec<&str> = problems
        .iter()
        .map(|p| p.split(": ").next().unwrap())
        .collect();
    assert_eq!(
        lines,
        vec![
            "src/dict/mod.rs:2",
            "src/dict/mod.rs:3",
            "src/dict/mod.rs:5"
        ],
        "{problems:#?}"
    );
    assert!(problems[0].contains("`dict` (layer 2) uses `code` (layer 3)"));
}

#[test]
fn the_bottom_layer_may_use_nothing_above_it() {
    let problems = check_source("src/model.rs", "model", "x: crate::resolve::Location,\n");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("src/model.rs:1: "), "{problems:?}");
}
