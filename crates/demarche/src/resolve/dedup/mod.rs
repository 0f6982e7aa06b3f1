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
    CodeLevel, DedupConfig, DedupConfigBuilder, DEFAULT_MIN_SIMILARITY, MAX_WINDOW_DAYS,
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
    /// Indexes of its reports, in input order.
    pub members: Vec<usize>,
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

    /// Whether report `i` is its cluster's canonical report.
    pub fn is_canonical(&self, i: usize) -> bool {
        self.cluster_of(i).canonical == i
    }
}

/// Groups `reports` into clusters; every report belongs to exactly one.
pub fn cluster(reports: &[Report], config: &DedupConfig) -> Clustering {
    let of = group::assign(reports, config);
    let count = of.iter().max().map_or(0, |m| m + 1);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (i, &c) in of.iter().enumerate() {
        members[c].push(i);
    }
    let clusters = members
        .into_iter()
        .enumerate()
        .map(|(c, m)| summarize(c as u64 + 1, m, reports))
        .collect();
    Clustering { of, clusters }
}

/// A cluster's canonical report and counts.
fn summarize(id: u64, members: Vec<usize>, reports: &[Report]) -> Cluster {
    let distinct = |f: &dyn Fn(&Report) -> Option<&str>| {
        let mut v: Vec<&str> = members.iter().filter_map(|&i| f(&reports[i])).collect();
        v.sort_unstable();
        v.dedup();
        v.len()
    };
    let dates = members.iter().filter_map(|&i| reports[i].effective_date());
    Cluster {
        id,
        canonical: canonical(&members, reports),
        mentions: members.len(),
        documents: distinct(&|r| Some(r.doc.as_str())),
        outlets: distinct(&|r| r.outlet.as_deref()),
        first_date: dates.clone().min().map(str::to_string),
        last_date: dates.max().map(str::to_string),
        members,
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
