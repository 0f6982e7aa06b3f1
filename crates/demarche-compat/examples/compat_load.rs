//! Load benchmark for the TABARI and PETRARCH dictionaries (issue 4).
//!
//! `cargo run --release -p demarche-compat --example compat_load [SHARED_DIR]` loads each full
//! dictionary in `<repo>/../shared/dictionaries` (or SHARED_DIR/dictionaries), five times, and
//! prints the best time to read it and to read and compile it for the compat engine, the
//! number of entries, and the number of skipped (reported) entries.
//! Pass `-v` after the directory to print every skipped entry.

use demarche_compat::{CompatDicts, Dialect, DictKind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let shared = args
        .iter()
        .find(|a| *a != "-v")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let dir = shared.join("dictionaries");
    if !dir.is_dir() {
        eprintln!("{} not found: nothing to benchmark", dir.display());
        return;
    }
    let mut files: Vec<PathBuf> = ["tabari", "phoenix"]
        .iter()
        .flat_map(|d| {
            std::fs::read_dir(dir.join(d))
                .into_iter()
                .flatten()
                .filter_map(|e| e.ok().map(|e| e.path()))
        })
        .collect();
    files.sort();
    println!(
        "{:<36} {:>9} {:>8} {:>8} {:>9} {:>12}",
        "file", "bytes", "entries", "skipped", "read ms", "+compile ms"
    );
    for f in files {
        let text = demarche_compat::read_text(&f).unwrap_or_default();
        if f.extension().is_some_and(|e| e == "rst") {
            continue;
        }
        let Some(kind) = demarche_compat::detect(&f, &text) else {
            continue;
        };
        if matches!(kind.1, DictKind::Options | DictKind::Project)
            && kind.0 == Dialect::Tabari
            && f.extension().is_some_and(|e| e == "project")
        {
            continue;
        }
        let mut best = Duration::MAX;
        let mut best_total = Duration::MAX;
        let mut last = None;
        for _ in 0..5 {
            let t = Instant::now();
            let mut d = CompatDicts::default();
            if let Err(e) = d.add_file(&f, Some(kind)) {
                eprintln!("{}: {e}", f.display());
                break;
            }
            d.finish();
            best = best.min(t.elapsed());
            let engine = demarche_compat::engine::Engine::new(d);
            best_total = best_total.min(t.elapsed());
            last = Some(engine.dicts().clone());
        }
        let Some(d) = last else { continue };
        let entries = d.actors.entries.len()
            + d.agents.entries.len()
            + d.verbs.roots.len()
            + d.verbs
                .roots
                .iter()
                .map(|r| r.patterns.len())
                .sum::<usize>()
            + d.discards.len()
            + d.issues.len()
            + d.options.labels.len();
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        println!(
            "{:<36} {:>9} {:>8} {:>8} {:>9.1} {:>12.1}",
            name,
            text.len(),
            entries,
            d.diagnostics.len(),
            best.as_secs_f64() * 1e3,
            best_total.as_secs_f64() * 1e3
        );
        if verbose {
            for x in &d.diagnostics {
                println!("    {x}");
            }
        }
    }
}
