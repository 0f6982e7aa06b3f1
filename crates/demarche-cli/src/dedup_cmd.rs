//! `demarche dedup`: event clusters over a JSONL events file (a `cluster` field added to each
//! record, order kept) or over a SQLite event store (`clusters` and `events.cluster_id`).
//!
//! A JSONL file is read twice — once to cluster, once to write — so memory holds one small
//! report per event, not the records. A line that is not an event record is written unchanged
//! with a warning (nothing is lost) and makes the exit status 1.

use anyhow::{bail, Context, Result};
use demarche::dedup::{self, AgentMatch, Clustering, CodeLevel, DedupConfig, Report};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `demarche dedup` options.
#[derive(clap::Args, Debug)]
pub struct DedupArgs {
    /// Events: a JSONL file written by `demarche code`, or a SQLite store (`--db`).
    pub input: PathBuf,
    /// Write the clustered JSONL here instead of stdout (JSONL input only).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// How much of the CAMEO code must match: root, 3 or full.
    #[arg(long, default_value = "root")]
    pub level: String,
    /// Days an event may lie after the first event of its cluster.
    #[arg(long, default_value_t = 1)]
    pub window_days: u32,
    /// Least evidence similarity (0–1) between events whose full CAMEO codes differ.
    #[arg(long, default_value_t = dedup::DEFAULT_MIN_SIMILARITY)]
    pub min_similarity: f64,
    /// How actor agents match: exact (`FRA` ≠ `FRAGOV`) or generalize (a bare country
    /// matches one agent of it).
    #[arg(long, default_value = "generalize")]
    pub agents: String,
    /// Print no summary or warnings on stderr.
    #[arg(long, short)]
    pub quiet: bool,
}

impl DedupArgs {
    /// The clustering settings.
    pub fn config(&self) -> Result<DedupConfig> {
        Ok(DedupConfig::builder()
            .level(self.level.parse::<CodeLevel>()?)
            .window_days(self.window_days)
            .min_similarity(self.min_similarity)
            .agents(self.agents.parse::<AgentMatch>()?)
            .build()?)
    }
}

/// Runs `demarche dedup`.
pub fn run(args: DedupArgs) -> Result<ExitCode> {
    let config = args.config()?;
    if is_sqlite(&args.input)? {
        if args.output.is_some() {
            bail!("--output is for JSONL input; a store is clustered in place");
        }
        return run_store(&args, &config);
    }
    run_jsonl(&args, &config)
}

#[cfg(feature = "sqlite")]
fn run_store(args: &DedupArgs, config: &DedupConfig) -> Result<ExitCode> {
    let summary = crate::store_dedup::dedup_store(&args.input, config)?;
    if !args.quiet {
        eprintln!("demarche: {summary}");
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "sqlite"))]
fn run_store(_args: &DedupArgs, _config: &DedupConfig) -> Result<ExitCode> {
    bail!("this demarche was built without the SQLite store (cargo feature `sqlite`)")
}

/// Whether `path` is a SQLite database (by its 16-byte header).
fn is_sqlite(path: &Path) -> Result<bool> {
    use std::io::Read;
    if path.as_os_str() == "-" {
        return Ok(false);
    }
    let mut file =
        std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut header = [0u8; 16];
    let n = file
        .read(&mut header)
        .with_context(|| format!("reading {}", path.display()))?;
    Ok(n == 16 && &header == b"SQLite format 3\0")
}

/// The fields of an event record that clustering needs.
#[derive(Deserialize)]
struct EventLine {
    doc: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    doc_date: Option<String>,
    #[serde(default)]
    source: Option<ActorCode>,
    #[serde(default)]
    target: Option<ActorCode>,
    cameo: String,
    evidence: EvidenceWords,
    #[serde(default)]
    meta: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    cluster: Option<serde::de::IgnoredAny>,
}

#[derive(Deserialize)]
struct ActorCode {
    code: String,
}

#[derive(Deserialize)]
struct EvidenceWords {
    #[serde(default)]
    text: String,
    #[serde(default)]
    pattern: String,
}

impl EventLine {
    fn report(self) -> Report {
        let mut r = Report::new(self.doc, self.cameo);
        r.outlet = dedup::outlet(&self.meta).map(str::to_string);
        r.source = self.source.map(|a| a.code);
        r.target = self.target.map(|a| a.code);
        r.date = self.date;
        r.doc_date = self.doc_date;
        r.evidence_text = self.evidence.text;
        r.evidence_pattern = self.evidence.pattern;
        r
    }
}

/// What the first pass found: one report per event line, and which lines are events.
struct Scan {
    reports: Vec<Report>,
    /// Per line: `Some(had_cluster)` for an event record, `None` for any other line.
    lines: Vec<Option<bool>>,
    bad: usize,
}

fn open(path: &Path) -> Result<BufReader<std::fs::File>> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    Ok(BufReader::with_capacity(1 << 20, file))
}

/// Pass 1: parses every line; warns about each one that is not an event record.
fn scan(path: &Path, quiet: bool) -> Result<Scan> {
    let mut scan = Scan {
        reports: Vec::new(),
        lines: Vec::new(),
        bad: 0,
    };
    for (n, line) in split_lines(open(path)?).enumerate() {
        let line = line.with_context(|| format!("reading {}", path.display()))?;
        match serde_json::from_slice::<EventLine>(&line) {
            Ok(event) => {
                scan.lines.push(Some(event.cluster.is_some()));
                scan.reports.push(event.report());
            }
            Err(_) if is_document_record(&line) => {
                bail!("{}:{}: a jsonl-docs document record; dedup reads event records (`demarche code --format jsonl`)", path.display(), n + 1)
            }
            Err(e) => {
                scan.lines.push(None);
                if !line.iter().all(u8::is_ascii_whitespace) {
                    scan.bad += 1;
                    if !quiet {
                        eprintln!("demarche: warning: {}:{}: not an event record ({e}); written unchanged", path.display(), n + 1);
                    }
                }
            }
        }
    }
    Ok(scan)
}

/// Whether a line is a `--format jsonl-docs` record (an object with an `events` array).
fn is_document_record(line: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(line)
        .is_ok_and(|v| v.get("events").is_some_and(|e| e.is_array()))
}

/// The lines of a reader as bytes, without their `\n` (a final line may lack one).
fn split_lines(reader: impl BufRead) -> impl Iterator<Item = std::io::Result<Vec<u8>>> {
    reader.split(b'\n').map(|line| {
        line.map(|mut l| {
            if l.last() == Some(&b'\r') {
                l.pop();
            }
            l
        })
    })
}

fn run_jsonl(args: &DedupArgs, config: &DedupConfig) -> Result<ExitCode> {
    if args.input.as_os_str() == "-" {
        bail!("dedup reads its input twice: give it a file, not stdin");
    }
    if let Some(out) = &args.output {
        if same_file(out, &args.input) {
            bail!("--output {} is the input file", out.display());
        }
    }
    let scan = scan(&args.input, args.quiet)?;
    let clustering = dedup::cluster(&scan.reports, config);
    let out: Box<dyn Write> = match &args.output {
        Some(p) => {
            Box::new(std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?)
        }
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 20, out);
    write_clustered(&args.input, &scan, &clustering, &mut out)?;
    out.flush().context("writing the output")?;
    if !args.quiet {
        eprintln!(
            "demarche: {} event(s) in {} cluster(s); {} line(s) not events",
            scan.reports.len(),
            clustering.clusters().len(),
            scan.bad
        );
    }
    Ok(if scan.bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Pass 2: each event line with its `cluster` field (an earlier one replaced), others as read.
fn write_clustered(
    input: &Path,
    scan: &Scan,
    clustering: &Clustering,
    out: &mut impl Write,
) -> Result<()> {
    let mut event = 0;
    for (n, line) in split_lines(open(input)?).enumerate() {
        let line = line.with_context(|| format!("reading {}", input.display()))?;
        let kind = scan.lines.get(n).copied().flatten();
        let Some(had_cluster) = kind else {
            out.write_all(&line)?;
            out.write_all(b"\n")?;
            continue;
        };
        let body = record_body(&line, had_cluster).with_context(|| {
            format!(
                "{}:{}: an earlier `cluster` field is not the last one",
                input.display(),
                n + 1
            )
        })?;
        out.write_all(body)?;
        write_cluster(out, clustering, event)?;
        event += 1;
    }
    if event != scan.reports.len() {
        bail!("{} changed while it was read", input.display());
    }
    Ok(())
}

/// The record up to (not including) its closing brace, without a trailing `cluster` field.
fn record_body(line: &[u8], had_cluster: bool) -> Option<&[u8]> {
    let end = line.iter().rposition(|&b| b == b'}')?;
    let body = &line[..end];
    if !had_cluster {
        return Some(body);
    }
    let key = b",\"cluster\":{";
    let at = body.windows(key.len()).rposition(|w| w == key)?;
    let rest = &body[at + key.len()..];
    (rest.last() == Some(&b'}') && !rest[..rest.len() - 1].contains(&b'{')).then_some(&body[..at])
}

/// `,"cluster":{...}}` and the newline for event `i`.
fn write_cluster(out: &mut impl Write, clustering: &Clustering, i: usize) -> std::io::Result<()> {
    let c = clustering.cluster_of(i);
    writeln!(
        out,
        ",\"cluster\":{{\"id\":{},\"canonical\":{},\"mentions\":{},\"documents\":{},\"outlets\":{}}}}}",
        c.id,
        clustering.is_canonical(i),
        c.mentions,
        c.documents,
        c.outlets
    )
}

#[cfg(test)]
mod tests {
    use super::record_body;

    #[test]
    fn record_body_drops_the_brace_and_an_earlier_cluster() {
        let cases: &[(&str, bool, Option<&str>)] = &[
            (r#"{"doc":"a"}"#, false, Some(r#"{"doc":"a""#)),
            (r#"{"doc":"a"}  "#, false, Some(r#"{"doc":"a""#)),
            (
                r#"{"doc":"a","cluster":{"id":3,"canonical":true}}"#,
                true,
                Some(r#"{"doc":"a""#),
            ),
            (r#"{"cluster":{"id":3},"doc":"a"}"#, true, None),
        ];
        for (line, had, want) in cases {
            let got =
                record_body(line.as_bytes(), *had).map(|b| String::from_utf8_lossy(b).into_owned());
            assert_eq!(got.as_deref(), *want, "{line}");
        }
    }
}
