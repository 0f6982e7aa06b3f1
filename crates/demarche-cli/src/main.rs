//! The `demarche` command line: `code`, `explain`, `dedup`, `validate`, `dict` and `serve` subcommands.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use demarche::ingest::{self, IngestConfig, InputFormat};
use demarche::pipeline::{self, Outcome, PipelineConfig, RunStats};
use demarche::sink::OutputFormat;
use demarche::{CoderBuilder, Dictionaries, Document};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc: the per-sentence `String`/`Vec` churn of coding costs about half the instructions
/// it costs glibc's malloc (BENCHMARKS.md, "Allocator"); word-aligned blocks through its plain
/// entry points ([`alloc`]).
#[global_allocator]
static GLOBAL: alloc::MiMalloc = alloc::MiMalloc;
use std::sync::Arc;

mod alloc;
mod compat_cmd;
mod dedup_cmd;
mod interrupt;
mod output;
mod resume;
mod serve_cmd;
#[cfg(feature = "sqlite")]
mod store_dedup;

/// demarche — political event coder: news text in, CAMEO/PLOVER events out.
#[derive(Parser, Debug)]
#[command(name = "demarche", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Code documents into events (JSON Lines or CSV on stdout, an SQLite store, Parquet).
    Code(Box<CodeArgs>),
    /// Show how a sentence is analysed and why each event was or was not produced.
    Explain(ExplainArgs),
    /// Group events that report one real-world event into clusters (JSONL file or SQLite store).
    Dedup(dedup_cmd::DedupArgs),
    /// Run a TABARI or PETRARCH validation suite and report, per record, pass or fail.
    Validate(compat_cmd::ValidateArgs),
    /// Inspect dictionaries.
    Dict {
        #[command(subcommand)]
        command: DictCommand,
    },
    /// Serve a local web app and JSON API over an event store (`demarche code --db`), read-only.
    Serve(serve_cmd::ServeArgs),
}

#[derive(clap::Args, Debug)]
struct DictOptions {
    /// Dictionaries: a directory laid out like `dictionaries/`, or TABARI/PETRARCH dictionaries
    /// (a `.project` file, dictionary files, or a directory of them), converted on the fly.
    /// Repeat for several files. Default: the bundled dictionaries.
    #[arg(long, value_name = "PATH")]
    dict: Vec<PathBuf>,
}

#[derive(clap::Args, Debug)]
struct CodeArgs {
    /// Input files, directories (recursive, *.txt) or `-` for stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Date for documents whose record has none (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date_arg)]
    date: Option<demarche::model::Date>,
    /// Output format: jsonl (one event per line, the default), csv, jsonl-docs (one document per
    /// line, with its places), sqlite (the event store: --db FILE) or parquet (-o FILE).
    #[arg(long)]
    format: Option<String>,
    /// Store documents, sentences and events in this SQLite event store (created if missing;
    /// documents already stored with the same content are skipped, so a rerun resumes).
    #[arg(long, value_name = "FILE.sqlite")]
    db: Option<PathBuf>,
    /// With --db: do not cluster the store's events at the end of the run (`demarche dedup
    /// FILE.sqlite` does it later, with any settings).
    #[arg(long)]
    no_dedup: bool,
    /// With --db: recode documents whose id is stored with different content (their old rows are
    /// deleted); without it they are rejected.
    #[arg(long)]
    replace: bool,
    /// Input format: auto, text, jsonl or csv.
    #[arg(long, default_value = "auto")]
    input_format: String,
    /// JSONL field / CSV column with the document id.
    #[arg(long, default_value = "id")]
    id_field: String,
    /// JSONL field / CSV column with the text.
    #[arg(long, default_value = "text")]
    text_field: String,
    /// JSONL field / CSV column with the date.
    #[arg(long, default_value = "date")]
    date_field: String,
    /// Write events to this file instead of stdout.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Make the run resumable and continue an interrupted one: keeps OUTPUT.done (ids of the
    /// documents written), skips the documents listed there and appends to OUTPUT.
    /// Needs --output; jsonl or jsonl-docs.
    #[arg(long, requires = "output")]
    resume: bool,
    /// Also code events under "must/should/could/might/may" and in "if" clauses.
    #[arg(long)]
    keep_hypothetical: bool,
    /// Also write statements (010, 012, 013, ...) that have no target; CAMEO codes interactions
    /// between a source and a target, so by default they are not events.
    #[arg(long)]
    untargeted_statements: bool,
    /// Home country (CAMEO/ISO3 code, e.g. AUS) of actors named without one ("the Government",
    /// "police") in documents that name no country; a record's `country` field overrides it.
    #[arg(long, value_name = "ISO3")]
    country: Option<String>,
    /// Print no summary, warnings or progress on stderr.
    #[arg(long, short)]
    quiet: bool,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', default_value_t = 0)]
    threads: usize,
    #[command(flatten)]
    dict: DictOptions,
    #[command(flatten)]
    engine: compat_cmd::EngineArgs,
}

#[derive(clap::Args, Debug)]
struct ExplainArgs {
    /// The sentence or text to explain (`-` reads stdin).
    text: String,
    /// Document date (YYYY-MM-DD), used for date-bounded dictionary entries.
    #[arg(long, value_parser = parse_date_arg)]
    date: Option<demarche::model::Date>,
    /// Also show the events as JSON.
    #[arg(long)]
    json: bool,
    /// Home country (CAMEO/ISO3 code) of actors named without one, as for `code`.
    #[arg(long, value_name = "ISO3")]
    country: Option<String>,
    #[command(flatten)]
    dict: DictOptions,
}

#[derive(Subcommand, Debug)]
enum DictCommand {
    /// Load the dictionaries and report entry counts and every line that could not be used.
    Check(DictOptions),
    /// Lint TABARI/PETRARCH dictionaries (skipped entries, duplicates, conflicts, bad codes/dates).
    Lint(compat_cmd::LintArgs),
    /// Convert TABARI/PETRARCH dictionaries into demarche's own format.
    Convert(compat_cmd::ConvertArgs),
}

fn parse_date_arg(s: &str) -> Result<demarche::model::Date, String> {
    ingest::try_parse_date(s).map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let result = match cli.command {
        Command::Code(args) => run_code(*args),
        Command::Explain(args) => run_explain(args),
        Command::Dict {
            command: DictCommand::Check(opts),
        } => run_dict_check(opts),
        Command::Dict {
            command: DictCommand::Lint(args),
        } => compat_cmd::run_lint(args),
        Command::Dict {
            command: DictCommand::Convert(args),
        } => compat_cmd::run_convert(args),
        Command::Validate(args) => compat_cmd::run_validate(args),
        Command::Dedup(args) => dedup_cmd::run(args),
        Command::Serve(args) => serve_cmd::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("demarche: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || matches!(c.downcast_ref::<demarche::Error>(), Some(demarche::Error::Output(io)) if io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn load_dictionaries(opts: &DictOptions, quiet: bool) -> Result<Arc<Dictionaries>> {
    let dict = match opts.dict.as_slice() {
        [] => Dictionaries::bundled(),
        [dir] if demarche::dict::DictionarySources::is_demarche_dir(dir) => {
            Dictionaries::from_dir(dir)
                .with_context(|| format!("loading dictionaries from {}", dir.display()))?
        }
        paths => compat_cmd::converted_dictionaries(paths, quiet)?,
    };
    if !quiet && !dict.diagnostics.is_empty() {
        eprintln!(
            "demarche: {} dictionary problem(s) (see `demarche dict check`)",
            dict.diagnostics.len()
        );
    }
    Ok(Arc::new(dict))
}

fn run_code(args: CodeArgs) -> Result<ExitCode> {
    let outputs = output::OutputArgs {
        format: args.format.as_deref(),
        output: args.output.as_deref(),
        db: args.db.as_deref(),
        resume: args.resume,
        replace: args.replace,
    };
    let out_format = outputs.format()?;
    let config = IngestConfig::builder()
        .format(args.input_format.parse::<InputFormat>()?)
        .id_field(&args.id_field)
        .text_field(&args.text_field)
        .date_field(&args.date_field)
        .default_date(args.date)
        .build()?;
    let coder = build_coder(&args, out_format)?;
    let interrupts = interrupt::Interrupts::install()?;
    let store = outputs.store(out_format)?;
    let (mut sink, mut resumable) = outputs.sink(out_format, store.as_ref())?;
    let done = resumable
        .as_ref()
        .map(|r| r.done.clone())
        .unwrap_or_default();
    let (mut skipped, mut stored) = (0, 0);
    let records = ingest::read_inputs(&args.inputs, &config)?.filter_map(|r| match (r, &store) {
        (ingest::Record::Document(d), _) if done.contains(&d.id) => {
            skipped += 1;
            None
        }
        (r, Some(store)) => match output::admit(store, r, args.replace) {
            output::Admitted::Pass(r) => Some(r),
            output::Admitted::Stored => {
                stored += 1;
                None
            }
        },
        (r, None) => Some(r),
    });
    let progress = progress_bar(&args.inputs, args.quiet);
    let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
    let mut commit_error = None;
    let quiet = args.quiet;
    let started = std::time::Instant::now();
    let config = PipelineConfig::default()
        .threads(args.threads)
        .stop_when(interrupts.stop.clone());
    let stats =
        pipeline::run(
            records,
            coder.as_ref(),
            sink.as_mut(),
            &config,
            |outcome| match outcome {
                Outcome::Coded { id, bytes, result } => {
                    if !quiet {
                        for w in &result.warnings {
                            progress.suspend(|| eprintln!("demarche: warning: {id}: {w}"));
                        }
                    }
                    progress.inc(bytes as u64);
                }
                Outcome::Rejected(r) => {
                    if !quiet {
                        progress.suspend(|| eprintln!("demarche: rejected {r}"));
                    }
                    *reasons.entry(reason_kind(&r.reason)).or_default() += 1;
                }
                Outcome::Flushed { ids } => {
                    if let Some(Err(e)) = resumable.as_mut().map(|r| r.commit(ids)) {
                        commit_error.get_or_insert(e);
                        interrupts
                            .stop
                            .store(true, std::sync::atomic::Ordering::SeqCst);
                    }
                }
                _ => {}
            },
        )?;
    drop(sink);
    progress.finish_and_clear();
    if let Some(e) = commit_error {
        return Err(e.context("writing the --resume progress file"));
    }
    let signal = interrupts.received();
    if signal.is_none() && !args.no_dedup {
        if let Some(store) = &store {
            dedup_store(store, args.quiet)?;
        }
    }
    if !args.quiet {
        let summary = Summary {
            stats: &stats,
            reasons: &reasons,
            seconds: started.elapsed().as_secs_f64(),
            skipped,
            stored,
            signal: signal.map(|(name, _)| name),
        };
        eprintln!("{summary}");
    }
    // The process ends here: the OS takes the compiled dictionaries back at once, faster than
    // freeing them an allocation at a time (a few ms of a short run).
    std::mem::forget(coder);
    Ok(match signal {
        Some((_, code)) => ExitCode::from(code),
        None if stats.rejected > 0 => ExitCode::from(1),
        None => ExitCode::SUCCESS,
    })
}

/// Recomputes the event clusters of the store (default settings) after a `--db` run.
#[cfg(feature = "sqlite")]
fn dedup_store(store: &output::Store, quiet: bool) -> Result<()> {
    let config = demarche::dedup::DedupConfig::default();
    let summary = store_dedup::cluster_connection(store.connection(), &config)
        .with_context(|| format!("clustering the events of {}", store.path().display()))?;
    if !quiet {
        eprintln!("demarche: dedup: {summary}");
    }
    Ok(())
}

#[cfg(not(feature = "sqlite"))]
fn dedup_store(store: &output::Store, _quiet: bool) -> Result<()> {
    match *store {}
}

/// The coder of `demarche code`: the bundled engine with the options, or a legacy engine.
fn build_coder(
    args: &CodeArgs,
    out_format: OutputFormat,
) -> Result<Box<dyn demarche::DocumentCoder>> {
    Ok(
        match compat_cmd::legacy_coder(&args.engine, &args.dict.dict)? {
            Some(_) if args.country.is_some() => {
                anyhow::bail!("--country applies to the demarche engine only")
            }
            Some(legacy) => legacy,
            None => Box::new(
                CoderBuilder::new()
                    .dictionaries(load_dictionaries(&args.dict, args.quiet)?)
                    .keep_hypothetical(args.keep_hypothetical)
                    .untargeted_statements(args.untargeted_statements)
                    .document_places(out_format == OutputFormat::JsonlDocs)
                    .home_country(args.country.as_deref())
                    .build()?,
            ),
        },
    )
}

/// A progress bar on a terminal (bytes of input, with documents/s and ETA); hidden otherwise.
fn progress_bar(inputs: &[PathBuf], quiet: bool) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if quiet || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let total: Option<u64> = inputs
        .iter()
        .map(|p| {
            std::fs::metadata(p)
                .ok()
                .filter(|m| m.is_file())
                .map(|m| m.len())
        })
        .sum();
    let bar = match total {
        Some(t) => indicatif::ProgressBar::new(t),
        None => indicatif::ProgressBar::no_length(),
    };
    let template = if total.is_some() {
        "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta}"
    } else {
        "{spinner} [{elapsed_precise}] {bytes} {bytes_per_sec}"
    };
    if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

fn reason_kind(reason: &str) -> String {
    reason.split(':').next().unwrap_or(reason).to_string()
}

struct Summary<'a> {
    stats: &'a RunStats,
    reasons: &'a BTreeMap<String, usize>,
    seconds: f64,
    skipped: usize,
    stored: usize,
    signal: Option<&'static str>,
}

impl std::fmt::Display for Summary<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = self.stats;
        write!(
            f,
            "demarche: {} document(s) read, {} coded, {} rejected, {} event(s)",
            s.read, s.coded, s.rejected, s.events
        )?;
        if !self.reasons.is_empty() {
            let parts: Vec<String> = self
                .reasons
                .iter()
                .map(|(k, v)| format!("{v} {k}"))
                .collect();
            write!(f, " (rejected: {})", parts.join(", "))?;
        }
        if self.skipped > 0 {
            write!(f, "; {} skipped as already done", self.skipped)?;
        }
        if self.stored > 0 {
            write!(f, "; {} skipped, already stored", self.stored)?;
        }
        if self.seconds > 0.0 {
            write!(f, "; {} sentences in {:.2}s", s.sentences, self.seconds)?;
        }
        if let Some(signal) = self.signal {
            let last = s.last_id.as_deref().unwrap_or("none");
            write!(f, "\ndemarche: interrupted by {signal}: stopped after {} document(s), last id {last}; output complete up to there", s.coded)?;
        }
        Ok(())
    }
}

fn run_explain(args: ExplainArgs) -> Result<ExitCode> {
    let text = if args.text == "-" {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut s)?;
        s
    } else {
        args.text.into_bytes()
    };
    let coder = CoderBuilder::new()
        .dictionaries(load_dictionaries(&args.dict, false)?)
        .home_country(args.country.as_deref())
        .build()?;
    let doc = Document::new("explain", args.date, text);
    let exp = coder.explain(&doc);
    let mut out = std::io::stdout().lock();
    write!(out, "{exp}")?;
    if args.json {
        for s in &exp.sentences {
            for e in &s.events {
                writeln!(out, "{}", serde_json::to_string(e)?)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn run_dict_check(opts: DictOptions) -> Result<ExitCode> {
    let d = load_dictionaries(&opts, true)?;
    let counts = d.counts();
    let mut out = std::io::stdout().lock();
    writeln!(out, "actors:   {} phrases", counts.actor_phrases)?;
    writeln!(
        out,
        "agents:   {} phrases (plurals included)",
        counts.agent_phrases
    )?;
    writeln!(out, "verbs:    {} patterns", counts.verb_patterns)?;
    writeln!(out, "discards: {} phrases", counts.discard_phrases)?;
    writeln!(out, "cameo:    {} codes", counts.cameo_codes)?;
    for diag in &d.diagnostics {
        writeln!(out, "{diag}")?;
    }
    Ok(if d.diagnostics.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
