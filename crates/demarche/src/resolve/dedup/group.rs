//! Grouping: reports bucketed by key (actors, code prefix, date class), each bucket swept in
//! date order against the clusters still open in its window.
//!
//! The key holds everything that must be equal. With [`AgentMatch::Generalize`] it holds
//! only the country part of each actor code (`FRA` of `FRAGOV`), and a report joins a cluster
//! only if its agents fit the cluster's (a bare country fits any agent; an agent must equal the
//! one the cluster already has). An actor whose country is unknown (`---REB`) is only equal
//! within one document, and so is a report with no date at all. A report dated
//! to a month or year (`2024-03`) keys by that value and matches only the same value. Within a
//! bucket a report joins the open cluster whose *first* report is at most `window_days`
//! earlier and similar enough, or opens a new one — there is no chaining, so a cluster spans at
//! most the window and a daily series of clashes stays a series of clusters. Cost: one hash
//! insert per report, a sort per bucket, and a scan of the few open clusters.

use super::config::{AgentMatch, DedupConfig};
use super::evidence;
use super::report::Report;
use rustc_hash::FxHashMap;

/// When a report happened, as far as grouping is concerned.
enum When<'a> {
    /// A calendar day (days since the common era).
    Day(i64),
    /// A month or year, or a date that does not parse: equal values only.
    Coarse(&'a str),
    /// No event or document date: within its document only.
    Undated,
}

fn when(report: &Report) -> When<'_> {
    match report.effective_date() {
        None => When::Undated,
        Some(s) => day_number(s).map_or(When::Coarse(s), When::Day),
    }
}

/// Days since the common era of a `YYYY-MM-DD` date (a hand-rolled parse: chrono's format
/// parser was a tenth of the time on a million reports).
fn day_number(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let date = chrono::NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?;
    Some(i64::from(chrono::Datelike::num_days_from_ce(&date)))
}

/// An actor's part of the key: its code, scoped to the document when its country is unknown.
fn actor_key(code: Option<&str>, doc: &str, config: &DedupConfig, key: &mut String) {
    let code = match config.agents {
        AgentMatch::Exact => code,
        AgentMatch::Generalize => code.map(|c| c.get(..3).unwrap_or(c)),
    };
    match code {
        None => key.push('\u{1}'),
        Some(c) if c.starts_with("---") => {
            key.push_str(c);
            key.push('@');
            key.push_str(doc);
        }
        Some(c) => key.push_str(c),
    }
    key.push('\u{1f}');
}

/// The bucket key of a report and its day (0 when it has none).
fn key_of(report: &Report, config: &DedupConfig) -> (String, i64) {
    let mut key = String::with_capacity(32);
    actor_key(report.source.as_deref(), &report.doc, config, &mut key);
    actor_key(report.target.as_deref(), &report.doc, config, &mut key);
    key.push_str(config.level.prefix(&report.cameo));
    key.push('\u{1f}');
    let day = match when(report) {
        When::Day(d) => d,
        When::Coarse(s) => {
            key.push_str(s);
            0
        }
        When::Undated => {
            key.push('@');
            key.push_str(&report.doc);
            0
        }
    };
    (key, day)
}

/// Buckets of report indexes with their days, in order of each bucket's first report.
fn buckets(reports: &[Report], config: &DedupConfig) -> Vec<Vec<(i64, usize)>> {
    let mut index: FxHashMap<String, usize> =
        FxHashMap::with_capacity_and_hasher(reports.len(), Default::default());
    let mut out: Vec<Vec<(i64, usize)>> = Vec::new();
    for (i, report) in reports.iter().enumerate() {
        let (key, day) = key_of(report, config);
        let next = out.len();
        let b = *index.entry(key).or_insert(next);
        if b == next {
            out.push(Vec::new());
        }
        out[b].push((day, i));
    }
    out
}

/// A cluster being filled: its first report's day and index, the reports with each distinct
/// CAMEO code it holds, and the report that fixed each actor's agent (with
/// [`AgentMatch::Generalize`], the first member whose code is more than a bare country).
struct Open {
    day: i64,
    first: usize,
    cluster: usize,
    codes: Vec<usize>,
    agents: [Option<usize>; 2],
}

/// The two actor codes of a report.
fn actors(r: &Report) -> [Option<&str>; 2] {
    [r.source.as_deref(), r.target.as_deref()]
}

/// Whether report `i` may join `open`: each actor is a bare country (three letters) or has the
/// agent the cluster already has. (With exact matching the key already holds whole codes.)
fn agents_fit(reports: &[Report], i: usize, open: &Open) -> bool {
    let mine = actors(&reports[i]);
    (0..2).all(|role| match (mine[role], open.agents[role]) {
        (Some(code), Some(fixed)) => code.len() <= 3 || actors(&reports[fixed])[role] == Some(code),
        _ => true,
    })
}

/// Records the agents report `i` brings to `open`.
fn fix_agents(reports: &[Report], i: usize, open: &mut Open) {
    for (fixed, code) in open.agents.iter_mut().zip(actors(&reports[i])) {
        if fixed.is_none() && code.is_some_and(|c| c.len() > 3) {
            *fixed = Some(i);
        }
    }
}

/// Evidence stems, computed the first time a report is compared.
struct Stems<'r> {
    reports: &'r [Report],
    cache: Vec<Option<Vec<String>>>,
}

impl Stems<'_> {
    fn of(&mut self, i: usize) -> &[String] {
        let r = &self.reports[i];
        self.cache[i].get_or_insert_with(|| evidence::stems(&r.evidence_text, &r.evidence_pattern))
    }

    /// How similar report `i` is to an open cluster: 1 when the cluster holds its full code,
    /// else the evidence overlap with the cluster's first report.
    fn similarity(&mut self, i: usize, open: &Open) -> f64 {
        let code = &self.reports[i].cameo;
        if open.codes.iter().any(|&c| self.reports[c].cameo == *code) {
            return 1.0;
        }
        self.of(i);
        self.of(open.first);
        let (a, b) = (&self.cache[i], &self.cache[open.first]);
        evidence::jaccard(a.as_deref().unwrap_or(&[]), b.as_deref().unwrap_or(&[]))
    }
}

/// The cluster index of every report (clusters numbered from 0 in order of first report) and
/// the number of clusters.
pub(crate) fn assign(reports: &[Report], config: &DedupConfig) -> (Vec<usize>, usize) {
    let mut of = vec![usize::MAX; reports.len()];
    let mut stems = Stems {
        reports,
        cache: vec![None; reports.len()],
    };
    let mut clusters = 0;
    for mut bucket in buckets(reports, config) {
        bucket.sort_unstable();
        sweep(&bucket, config, &mut stems, &mut of, &mut clusters);
    }
    renumber(&mut of, clusters);
    (of, clusters)
}

/// Assigns the reports of one date-sorted bucket to clusters.
fn sweep(
    bucket: &[(i64, usize)],
    config: &DedupConfig,
    stems: &mut Stems<'_>,
    of: &mut [usize],
    clusters: &mut usize,
) {
    let window = i64::from(config.window_days);
    let mut open: Vec<Open> = Vec::new();
    for &(day, i) in bucket {
        open.retain(|o| day - o.day <= window);
        let best = best_open(i, &open, config, stems);
        let slot = match best {
            Some(slot) => slot,
            None => {
                open.push(Open {
                    day,
                    first: i,
                    cluster: *clusters,
                    codes: Vec::new(),
                    agents: [None; 2],
                });
                *clusters += 1;
                open.len() - 1
            }
        };
        let o = &mut open[slot];
        of[i] = o.cluster;
        fix_agents(stems.reports, i, o);
        if !o
            .codes
            .iter()
            .any(|&c| stems.reports[c].cameo == stems.reports[i].cameo)
        {
            o.codes.push(i);
        }
    }
}

/// The most similar open cluster at or above the threshold (the oldest on a tie).
fn best_open(
    i: usize,
    open: &[Open],
    config: &DedupConfig,
    stems: &mut Stems<'_>,
) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    for (slot, o) in open.iter().enumerate() {
        if !agents_fit(stems.reports, i, o) {
            continue;
        }
        let s = stems.similarity(i, o);
        if s >= config.min_similarity && best.is_none_or(|(_, b)| s > b) {
            best = Some((slot, s));
        }
    }
    best.map(|(slot, _)| slot)
}

/// Renumbers clusters in order of their first report, so ids follow the input.
fn renumber(of: &mut [usize], clusters: usize) {
    let mut map = vec![usize::MAX; clusters];
    let mut next = 0;
    for c in of.iter_mut() {
        if map[*c] == usize::MAX {
            map[*c] = next;
            next += 1;
        }
        *c = map[*c];
    }
}

#[cfg(test)]
mod tests {
    use super::day_number;

    #[test]
    fn day_numbers_of_good_and_bad_dates() {
        assert_eq!(
            day_number("2024-03-05").map(|d| d - day_number("2024-03-04").unwrap()),
            Some(1)
        );
        assert_eq!(
            day_number("2024-03-01").unwrap() - day_number("2024-02-28").unwrap(),
            2
        );
        for bad in [
            "2024-02-30",
            "2024-3-05",
            "2024-03",
            "20x4-03-05",
            "",
            "2024-03-05T",
        ] {
            assert_eq!(day_number(bad), None, "{bad}");
        }
    }
}
