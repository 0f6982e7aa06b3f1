//! Cross-story deduplication: events that report one real-world event, grouped into clusters.
//!
//! Many stories report one event. [`cluster`] groups [`Report`]s (one per coded event) whose
//! source and target codes are equal, whose CAMEO codes agree at the configured
//! [`CodeLevel`], whose dates lie within the window and whose evidence is similar (the rules
//! are in `group`; the settings in [`DedupConfig`]). Each [`Cluster`] has an id, a canonical
//! report and counts in GDELT's sense: mentions (reports), distinct documents and distinct
//! outlets. `docs/dedup.md` describes every decision and the evaluation behind the defaults.
//!
//! ```
//! use demarche::dedup::{cluster, DedupConfig, Report};
//!
//! let report = |doc: &str, outlet: &str, date: &str, cameo: &str| {
//!     let mut r = Report::new(doc, cameo);
//!     r.outlet = Some(outlet.into());
//!     r.source = Some("RUS".into());
//!     r.target = Some("USAGOV".into());
//!     r.date = Some(date.into());
//!     r
//! };
//! let reports = [
//!     report("a", "Wire", "2024-03-04", "166"),
//!     report("b", "Post", "2024-03-05", "166"),
//!     report("c", "Post", "2024-03-09", "166"), // four days later: another event
//! ];
//! let clustering = cluster(&reports, &DedupConfig::default());
//! assert_eq!(clustering.cluster_of(0), clustering.cluster_of(1));
//! assert_ne!(clustering.cluster_of(0), clustering.cluster_of(2));
//! let first = &clustering.clusters()[0];
//! assert_eq!((first.mentions, first.documents, first.outlets), (2, 2, 2));
//! ```

mod config;
mod evidence;
mod group;
mod report;

pub use config::{
    AgentMatch, CodeLevel, DedupConfig, DedupConfigBuilder, DEFAULT_MIN_SIMILARITY, MAX_WINDOW_DAYS,
};
pub use report::{outlet, Report, OUTLET_FIELDS};

/// One event cluster: the reports of one real-world event.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Cluster {
    /// 1-based id, in order of each cluster's first report in the input.
    pub id: u64,
    /// Index (into the reports) of the canonical report.
    pub canonical: usize,
    /// Reports in the cluster (GDELT's NumMentions).
    pub mentions: usize,
    /// Distinct documents (GDELT's NumArticles).
    pub documents: usize,
    /// Distinct named outlets (GDELT's NumSources); documents without one are not counted.
    pub outlets: usize,
    /// The earliest date of its reports (event date, else document date).
    pub first_date: Option<String>,
    /// The latest.
    pub last_date: Option<String>,
}

/// The clusters of a set of reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clustering {
    of: Vec<usize>,
    clusters: Vec<Cluster>,
    /// Report indexes grouped by cluster (in input order within each); cluster `c` holds
    /// `order[starts[c]..starts[c + 1]]`.
    order: Vec<usize>,
    starts: Vec<usize>,
}

impl Clustering {
    /// The clusters, by id.
    pub fn clusters(&self) -> &[Cluster] {
        &self.clusters
    }

    /// The cluster that report `i` belongs to.
    ///
    /// # Panics
    /// When `i` is not an index of the reports that were clustered.
    pub fn cluster_of(&self, i: usize) -> &Cluster {
        &self.clusters[self.of[i]]
    }

    /// The indexes of the reports in `cluster`, in input order.
    pub fn members(&self, cluster: &Cluster) -> &[usize] {
        let c = (cluster.id - 1) as usize;
        self.starts
            .get(c..c + 2)
            .map_or(&[][..], |s| &self.order[s[0]..s[1]])
    }

    /// Whether report `i` is its cluster's canonical report.
    pub fn is_canonical(&self, i: usize) -> bool {
        self.cluster_of(i).canonical == i
    }
}

/// Groups `reports` into clusters; every report belongs to exactly one.
pub fn cluster(reports: &[Report], config: &DedupConfig) -> Clustering {
    let (of, count) = group::assign(reports, config);
    let (order, starts) = group_by_cluster(&of, count);
    let clusters = (0..count)
        .map(|c| summarize(c as u64 + 1, &order[starts[c]..starts[c + 1]], reports))
        .collect();
    Clustering {
        of,
        clusters,
        order,
        starts,
    }
}

/// A counting sort of the report indexes by cluster: the order and each cluster's start.
fn group_by_cluster(of: &[usize], count: usize) -> (Vec<usize>, Vec<usize>) {
    let mut starts = vec![0usize; count + 1];
    for &c in of {
        starts[c + 1] += 1;
    }
    for c in 0..count {
        starts[c + 1] += starts[c];
    }
    let mut next = starts.clone();
    let mut order = vec![0usize; of.len()];
    for (i, &c) in of.iter().enumerate() {
        order[next[c]] = i;
        next[c] += 1;
    }
    (order, starts)
}

/// The number of distinct values of `f` over `members` (`None` not counted).
fn distinct<'r>(
    members: &[usize],
    reports: &'r [Report],
    f: impl Fn(&'r Report) -> Option<&'r str>,
) -> usize {
    let mut v: Vec<&str> = members.iter().filter_map(|&i| f(&reports[i])).collect();
    v.sort_unstable();
    v.dedup();
    v.len()
}

/// A cluster's canonical report and counts.
fn summarize(id: u64, members: &[usize], reports: &[Report]) -> Cluster {
    let dates = members.iter().filter_map(|&i| reports[i].effective_date());
    let first = dates.clone().min().map(str::to_string);
    let last = match members {
        [_] => first.clone(),
        _ => dates.max().map(str::to_string),
    };
    Cluster {
        id,
        canonical: canonical(members, reports),
        mentions: members.len(),
        documents: distinct(members, reports, |r| Some(r.doc.as_str())),
        outlets: distinct(members, reports, |r| r.outlet.as_deref()),
        first_date: first,
        last_date: last,
    }
}

/// The most specific report: the most precise date, then the most known actors, then the
/// longest actor codes (agents), then the longest CAMEO code; ties go to the earliest date,
/// then to the first in the input.
fn canonical(members: &[usize], reports: &[Report]) -> usize {
    let mut best = members[0];
    for &i in &members[1..] {
        if rank(&reports[i]) > rank(&reports[best]) {
            best = i;
        }
    }
    best
}

/// What makes a report more specific, compared in order (greater is better).
fn rank(r: &Report) -> (usize, usize, usize, usize, std::cmp::Reverse<&str>) {
    let actors = [r.source.as_deref(), r.target.as_deref()];
    let known = actors
        .iter()
        .flatten()
        .filter(|c| !c.starts_with("---"))
        .count();
    let code_len: usize = actors.iter().flatten().map(|c| c.len()).sum();
    let precision = r.date.as_deref().map_or(0, str::len);
    let date = std::cmp::Reverse(r.effective_date().unwrap_or("9999"));
    (precision, known, code_len, r.cameo.len(), date)
}

#[cfg(test)]
mod tests;
