//! `demarche validate`, `demarche dict lint` and `demarche dict convert`: the TABARI/PETRARCH
//! compatibility commands (issue 4). Exit codes: 0 all good, 1 some records failed or some
//! entries were skipped, 2 usage or load errors. Also the compat side of `demarche code`:
//! `--engine tabari|petrarch`, and `--dict <TABARI/PETRARCH files>` converted for demarche's
//! own engine.

use anyhow::{bail, Context, Result};
use demarche::{Dictionaries, DocumentCoder};
use demarche_compat::document::{self, Flavor, LegacyCoder};
use demarche_compat::lint::{self, FindingKind};
use demarche_compat::validate::Suite;
use demarche_compat::{convert, CompatDicts};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `demarche validate`.
#[derive(clap::Args, Debug)]
pub struct ValidateArgs {
    /// The suite: TABARI `Validate.project` (or its `Validate.text`), or PETRARCH
    /// `PETR.UnitTest.records.xml`.
    pub suite: PathBuf,
    /// Print only failing records (and the summary).
    #[arg(long, short = 'f')]
    pub failures: bool,
    /// Also run the records after TABARI's FINAL-01 (they need other settings).
    #[arg(long)]
    pub all: bool,
    /// Print only the summary.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Which engine codes: demarche's own, or the TABARI/PETRARCH engine (the one `validate` uses).
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EngineChoice {
    /// demarche's own coder (its dictionaries, or TABARI/PETRARCH ones converted).
    #[default]
    Demarche,
    /// TABARI's coding semantics, with TABARI dictionaries (`--dict`, a `.project` or files).
    Tabari,
    /// PETRARCH's conventions, with PETRARCH / Phoenix dictionaries (`--dict`).
    Petrarch,
}

/// The engine options of `demarche code`.
#[derive(clap::Args, Debug)]
pub struct EngineArgs {
    /// Coding engine: demarche, or tabari / petrarch to code exactly as those coders would
    /// with their dictionaries (given with --dict).
    #[arg(long, value_enum, default_value_t = EngineChoice::Demarche)]
    pub engine: EngineChoice,
    /// With --engine tabari|petrarch: a TABARI options command applied after the dictionaries
    /// (`SET: CODE ALL`, `DEFAULT: SOURCE [X]`), or `PETR:name=value`. Repeatable.
    #[arg(long, value_name = "COMMAND")]
    pub engine_option: Vec<String>,
}

/// The TABARI/PETRARCH engine for `demarche code --engine tabari|petrarch`; `None` for
/// demarche's own engine.
pub fn legacy_coder(args: &EngineArgs, dict: &[PathBuf]) -> Result<Option<Box<dyn DocumentCoder>>> {
    let flavor = match args.engine {
        EngineChoice::Demarche => {
            if !args.engine_option.is_empty() {
                bail!("--engine-option needs --engine tabari or petrarch");
            }
            return Ok(None);
        }
        EngineChoice::Tabari => Flavor::Tabari,
        EngineChoice::Petrarch => Flavor::Petrarch,
    };
    if dict.is_empty() {
        bail!("--engine tabari|petrarch needs their dictionaries (--dict)");
    }
    check_exist(dict)?;
    let engine = document::load_engine(flavor, dict, &args.engine_option)
        .context("loading TABARI/PETRARCH dictionaries")?;
    Ok(Some(Box::new(LegacyCoder::new(engine))))
}

/// TABARI/PETRARCH dictionaries converted in memory for demarche's own engine.
pub fn converted_dictionaries(paths: &[PathBuf], quiet: bool) -> Result<Dictionaries> {
    let files = demarche_compat::dictionary_files(paths)?;
    let compat = CompatDicts::from_files(&files).context("loading TABARI/PETRARCH dictionaries")?;
    let (dict, converted) = convert::to_dictionaries(&compat);
    if !quiet {
        eprintln!(
            "demarche: converted {} TABARI/PETRARCH file(s); {} construct(s) cannot be expressed in demarche's format (see `demarche dict lint`)",
            files.len(),
            converted.notes.len()
        );
    }
    Ok(dict)
}

fn check_exist(files: &[PathBuf]) -> Result<()> {
    match files.iter().find(|f| !Path::exists(f)) {
        Some(f) => bail!("{} does not exist", f.display()),
        None => Ok(()),
    }
}

/// Arguments of `demarche dict lint`.
#[derive(clap::Args, Debug)]
pub struct LintArgs {
    /// Dictionary files (TABARI `.actors/.agents/.verbs/.options`, a `.project`, or PETRARCH
    /// `*.actors.txt`, `*agents*.txt`, verbs, discards, issues).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Leave out the notes on constructs demarche's format cannot express.
    #[arg(long)]
    pub no_convert_notes: bool,
    /// Print only the counts by kind.
    #[arg(long, short)]
    pub summary: bool,
}

/// Arguments of `demarche dict convert`.
#[derive(clap::Args, Debug)]
pub struct ConvertArgs {
    /// Dictionary files (as for `dict lint`).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Output directory (laid out like `dictionaries/`: `actors/*.txt`, `agents.txt`,
    /// `verbs.txt`, `discards.txt`).
    #[arg(long, short)]
    pub out: PathBuf,
    /// Overwrite existing files.
    #[arg(long)]
    pub force: bool,
}

/// Runs a validation suite and prints, per record, pass/fail with expected and produced events.
pub fn run_validate(args: ValidateArgs) -> Result<ExitCode> {
    let mut suite = Suite::load(&args.suite)
        .with_context(|| format!("loading suite {}", args.suite.display()))?;
    if !args.all {
        suite.records.retain(|r| r.standard);
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for d in &suite.engine.dicts().diagnostics {
        writeln!(out, "skipped entry {d}")?;
    }
    let (outcomes, sum) = suite.run();
    for o in &outcomes {
        if args.quiet || (args.failures && o.pass) {
            continue;
        }
        let r = &o.record;
        writeln!(out, "{} {}", if o.pass { "PASS" } else { "FAIL" }, r.id)?;
        if !o.pass || !args.failures {
            let fmt = |ev: &[demarche_compat::engine::CompatEvent],
                       complex: bool,
                       discard: bool|
             -> String {
                let mut v: Vec<String> = ev.iter().map(|e| format!("{{ {e} }}")).collect();
                if complex {
                    v.push("{+++}".into());
                }
                if discard {
                    v.push("{###}".into());
                }
                if v.is_empty() {
                    "(none)".into()
                } else {
                    v.join(" ")
                }
            };
            writeln!(
                out,
                "    expected: {}",
                fmt(&r.expected.events, r.expected.complex, r.expected.discard)
            )?;
            writeln!(
                out,
                "    produced: {}",
                fmt(&o.produced.events, o.produced.complex, o.produced.discarded)
            )?;
            if !o.pass {
                writeln!(out, "    text: {}", r.text)?;
            }
        }
    }
    writeln!(
        out,
        "{}: {}/{} standard records coded exactly as expected ({:.1}%); {}/{} overall",
        args.suite.display(),
        sum.standard_passed,
        sum.standard,
        sum.standard_rate(),
        sum.passed,
        sum.total
    )?;
    out.flush()?;
    Ok(if sum.passed == sum.total {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn load(files: &[PathBuf]) -> Result<CompatDicts> {
    check_exist(files)?;
    CompatDicts::from_files(files).context("loading dictionaries")
}

/// Lints dictionaries: every skipped entry, duplicates, conflicts, unreachable patterns, bad
/// codes and dates, and (unless `--no-convert-notes`) what would not convert.
pub fn run_lint(args: LintArgs) -> Result<ExitCode> {
    let d = load(&args.files)?;
    let mut findings = lint::lint(&d);
    if !args.no_convert_notes {
        findings.extend(convert::convert(&d).notes);
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if !args.summary {
        for f in &findings {
            writeln!(out, "{f}")?;
        }
    }
    let counts = lint::summary(&findings);
    let entries = d.actors.entries.len()
        + d.agents.entries.len()
        + d.verbs.roots.len()
        + d.verbs
            .roots
            .iter()
            .map(|r| r.patterns.len())
            .sum::<usize>()
        + d.discards.len()
        + d.issues.len();
    let by_kind: Vec<String> = counts
        .iter()
        .map(|(k, n)| format!("{n} {}", k.label()))
        .collect();
    writeln!(
        out,
        "{} entries read; {}",
        entries,
        if by_kind.is_empty() {
            "no findings".to_string()
        } else {
            by_kind.join(", ")
        }
    )?;
    out.flush()?;
    let problems = findings
        .iter()
        .any(|f| f.kind != FindingKind::Unconvertible);
    Ok(if problems {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Converts dictionaries into demarche's format under `--out`.
pub fn run_convert(args: ConvertArgs) -> Result<ExitCode> {
    let d = load(&args.files)?;
    let c = convert::convert(&d);
    for (rel, text) in &c.files {
        let path = args.out.join(rel);
        if path.exists() && !args.force {
            bail!("{} exists (use --force to overwrite)", path.display());
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("creating {}", parent.display()))?;
        }
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    for diag in &d.diagnostics {
        eprintln!("skipped entry {diag}");
    }
    eprintln!("{} file(s) written; {} construct(s) not expressible (marked `# tabari:`/`# petrarch:` in the output); {} entr(ies) skipped while reading", c.files.len(), c.notes.len(), d.diagnostics.len());
    Ok(if d.diagnostics.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
