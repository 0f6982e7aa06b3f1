//! Issue 4: the TABARI and PETRARCH validation suites and full dictionaries.
//!
//! The suites are licensed and live outside the repository, in `<repo>/../shared`. When that
//! folder is absent these tests print `SKIPPED: ../shared absent` and pass, except under
//! `CI=true` (CI always has it), where they fail. Thresholds: TABARI standard records
//! (before FINAL-01) >= 95% exact; PETRARCH unit tests >= 90% exact. Set
//! `DEMARCHE_COMPAT_ENFORCE=0` to report the rates without failing on them.

use demarche_compat::validate::Suite;
use demarche_compat::{CompatDicts, DictKind};
use std::path::{Path, PathBuf};

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.join("validation").is_dir() {
        return Some(p);
    }
    assert!(
        std::env::var("CI").map_or(true, |v| v != "true"),
        "{} is absent, and CI must have it",
        p.display()
    );
    eprintln!("SKIPPED: ../shared absent ({})", p.display());
    None
}

fn enforce() -> bool {
    std::env::var("DEMARCHE_COMPAT_ENFORCE").map_or(true, |v| v != "0")
}

fn run(path: &Path, threshold: f64, name: &str) -> f64 {
    let mut suite = Suite::load(path).unwrap_or_else(|e| panic!("{name}: {e}"));
    let (outcomes, sum) = suite.run();
    for o in outcomes.iter().filter(|o| !o.pass && o.record.standard) {
        eprintln!(
            "FAIL {}: expected {:?} got {:?}{}{}",
            o.record.id,
            o.record
                .expected
                .events
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>(),
            o.produced
                .events
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>(),
            if o.produced.complex { " (complex)" } else { "" },
            if o.produced.discarded {
                " (discarded)"
            } else {
                ""
            }
        );
    }
    eprintln!(
        "{name}: {}/{} standard records pass ({:.1}%), {}/{} overall",
        sum.standard_passed,
        sum.standard,
        sum.standard_rate(),
        sum.passed,
        sum.total
    );
    if enforce() {
        assert!(
            sum.standard_rate() >= threshold,
            "{name}: {:.1}% < {threshold}%",
            sum.standard_rate()
        );
    }
    sum.standard_rate()
}

#[test]
fn tabari_validation_suite() {
    let Some(s) = shared() else { return };
    run(
        &s.join("validation/tabari/Validate.project"),
        95.0,
        "TABARI",
    );
}

/// PETRARCH codes from CoreNLP parse trees; the compat engine ignores the trees and codes the
/// PETRARCH dictionaries with TABARI's shallow parse plus PETRARCH conventions.
#[test]
fn petrarch_unit_tests() {
    let Some(s) = shared() else { return };
    run(
        &s.join("validation/petrarch/PETR.UnitTest.records.xml"),
        90.0,
        "PETRARCH",
    );
}

#[test]
fn full_dictionaries_load_and_report_skips() {
    let Some(s) = shared() else { return };
    for sub in ["tabari", "phoenix"] {
        let dir = s.join("dictionaries").join(sub);
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            let text = demarche_compat::read_text(&p).unwrap_or_default();
            let Some(kind) = demarche_compat::detect(&p, &text) else {
                continue;
            };
            if p.extension().is_some_and(|x| x == "rst") || kind.1 == DictKind::Project {
                continue;
            }
            let mut d = CompatDicts::default();
            d.add_file(&p, Some(kind))
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            d.finish();
            let engine = demarche_compat::engine::Engine::new(d);
            let d = engine.dicts();
            for diag in &d.diagnostics {
                assert!(diag.line > 0, "{diag}");
            }
            let entries = d.actors.entries.len()
                + d.agents.entries.len()
                + d.verbs.roots.len()
                + d.discards.len()
                + d.issues.len()
                + d.options.labels.len();
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            eprintln!("{name}: {entries} entries, {} skipped", d.diagnostics.len());
            assert!(
                entries * 50 > text.lines().count(),
                "{name}: only {entries} entries read from {} lines",
                text.lines().count()
            );
        }
    }
}

/// Every line of the suites, coded with the full Phoenix and TABARI dictionaries: no panics
/// (timings are printed for information only; BENCHMARKS.md records them).
#[test]
fn full_dictionaries_code_arbitrary_lines() {
    let Some(s) = shared() else { return };
    let text =
        demarche_compat::read_text(&s.join("validation/tabari/Validate.text")).unwrap_or_default();
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(3000)
        .collect();
    let sets: [(&str, Vec<PathBuf>); 2] = [
        (
            "phoenix",
            [
                "CAMEO.2.0.txt",
                "Phoenix.Countries.actors.txt",
                "Phoenix.International.actors.txt",
                "Phoenix.MilNonState.actors.txt",
                "Phoenix.agents.txt",
                "Phoenix.discards.txt",
            ]
            .iter()
            .map(|f| s.join("dictionaries/phoenix").join(f))
            .collect(),
        ),
        (
            "tabari",
            [
                "CAMEO.091003.master.verbs",
                "Levant.080629.actors",
                "Internatnl.120521.actors",
                "PSU.120522.agents",
                "CAMEO.09b5.options",
            ]
            .iter()
            .map(|f| s.join("dictionaries/tabari").join(f))
            .collect(),
        ),
    ];
    for (name, files) in sets {
        let t = std::time::Instant::now();
        let d = CompatDicts::from_files(&files).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut engine = demarche_compat::engine::Engine::new(d);
        engine.options.petrarch = name == "phoenix";
        let loaded = t.elapsed();
        let t = std::time::Instant::now();
        let mut events = 0;
        for l in &lines {
            events += engine.code(l, None).events.len();
        }
        eprintln!(
            "{name}: loaded in {loaded:?}; coded {} lines in {:?} ({events} events)",
            lines.len(),
            t.elapsed()
        );
    }
}
