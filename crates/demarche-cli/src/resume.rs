//! `--resume`: a batch written to `-o OUTPUT` keeps a progress file `OUTPUT.done` so that a
//! killed run can continue with nothing lost and nothing doubled.
//!
//! After each chunk of documents is flushed to OUTPUT, the ids of its documents (one JSON
//! string per line, documents without events included) are appended to `OUTPUT.done`, followed
//! by a line `@<bytes>`: the length of OUTPUT at that point. On resume, everything after the
//! last `@` line is ignored (ids of a chunk that was not committed), OUTPUT is cut back to the
//! recorded length (dropping a partial chunk or a cut last line), and the documents whose ids
//! are listed are skipped; new output is appended.

use anyhow::{bail, Context, Result};
use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

/// The output file and its progress file, opened for appending.
pub struct Resumable {
    /// Ids of documents already written by an earlier run.
    pub done: HashSet<String>,
    output: File,
    progress: File,
}

fn progress_path(output: &Path) -> PathBuf {
    let mut p = output.as_os_str().to_owned();
    p.push(".done");
    PathBuf::from(p)
}

impl Resumable {
    /// Opens `output` for a resumable run, continuing an earlier one if there is one.
    pub fn open(output: &Path) -> Result<(Resumable, File)> {
        let progress_file = progress_path(output);
        let (done, committed, progress_len) = match std::fs::read(&progress_file) {
            Ok(bytes) => parse_progress(&bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let has_output = std::fs::metadata(output).is_ok_and(|m| m.len() > 0);
                if has_output {
                    bail!("cannot resume: {} exists but {} does not (it was not written with --resume)", output.display(), progress_file.display());
                }
                (HashSet::new(), 0, 0)
            }
            Err(e) => {
                return Err(e).with_context(|| format!("reading {}", progress_file.display()))
            }
        };
        let open = |p: &Path| {
            OpenOptions::new()
                .create(true)
                .append(true)
                .open(p)
                .with_context(|| format!("opening {}", p.display()))
        };
        let out = open(output)?;
        if out.metadata()?.len() < committed {
            bail!(
                "cannot resume: {} is shorter than {} records",
                output.display(),
                progress_file.display()
            );
        }
        out.set_len(committed)
            .with_context(|| format!("truncating {}", output.display()))?;
        let progress = open(&progress_file)?;
        progress.set_len(progress_len)?;
        let writer = out.try_clone()?;
        Ok((
            Resumable {
                done,
                output: out,
                progress,
            },
            writer,
        ))
    }

    /// Records that `ids` are written; call after the output was flushed.
    pub fn commit(&mut self, ids: &[String]) -> Result<()> {
        let mut buf = Vec::new();
        for id in ids {
            serde_json::to_writer(&mut buf, id)?;
            buf.push(b'\n');
        }
        writeln!(buf, "@{}", self.output.metadata()?.len())?;
        self.progress.write_all(&buf)?;
        self.progress.flush()?;
        Ok(())
    }
}

/// The committed ids, the committed output length and the length of the committed part of
/// the progress file.
fn parse_progress(bytes: &[u8]) -> (HashSet<String>, u64, u64) {
    let (mut done, mut pending) = (HashSet::new(), Vec::new());
    let (mut committed, mut progress_len, mut offset) = (0, 0, 0u64);
    for line in BufReader::new(bytes).split(b'\n') {
        let Ok(line) = line else { break };
        offset += line.len() as u64 + 1;
        if offset > bytes.len() as u64 {
            break; // a cut last line
        }
        if let Some(n) = line
            .strip_prefix(b"@")
            .and_then(|n| std::str::from_utf8(n).ok()?.parse().ok())
        {
            done.extend(pending.drain(..));
            (committed, progress_len) = (n, offset);
        } else if let Ok(id) = serde_json::from_slice::<String>(&line) {
            pending.push(id);
        }
    }
    (done, committed, progress_len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uncommitted_ids_and_cut_lines_are_ignored() {
        let (done, committed, len) = parse_progress(b"\"a\"\n\"b\"\n@120\n\"c\"\n@300\n\"d\"\n\"e");
        assert_eq!(committed, 300);
        assert_eq!(len, 22);
        let mut ids: Vec<_> = done.into_iter().collect();
        ids.sort();
        assert_eq!(ids, ["a", "b", "c"]);
    }
}
