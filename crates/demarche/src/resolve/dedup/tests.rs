//! Table-driven tests of the grouping rules: each case lists reports and the expected groups.

use super::*;

/// `doc outlet source target cameo date evidence…` (`-` for none), one report per line.
fn reports(spec: &str) -> Vec<Report> {
    spec.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let f: Vec<&str> = line.split_whitespace().collect();
            let opt = |s: &str| (s != "-").then(|| s.to_string());
            let mut r = Report::new(f[0], f[4]);
            r.outlet = opt(f[1]);
            r.source = opt(f[2]);
            r.target = opt(f[3]);
            r.date = opt(f[5]);
            r.doc_date = r.date.clone();
            r.evidence_text = f[6..].join(" ");
            r
        })
        .collect()
}

/// The cluster index of each report, renumbered from 0 in order of appearance.
fn groups(reports: &[Report], config: &DedupConfig) -> Vec<u64> {
    let c = cluster(reports, config);
    (0..reports.len()).map(|i| c.cluster_of(i).id - 1).collect()
}

const CASES: &[(&str, &str, &[u64])] = &[
    (
        "same event, one day apart, two outlets",
        "a Wire RUS USAGOV 166 2024-03-04 expelled diplomats
         b Post RUS USAGOV 166 2024-03-05 ordered diplomats out",
        &[0, 0],
    ),
    (
        "swapped direction stays apart",
        "a Wire RUS USA 111 2024-03-04 condemned
         b Post USA RUS 111 2024-03-04 condemned",
        &[0, 1],
    ),
    (
        "different root stays apart",
        "a Wire RUS USA 111 2024-03-04 condemned
         b Post RUS USA 040 2024-03-04 met",
        &[0, 1],
    ),
    (
        "two days after the first report is outside the window",
        "a Wire RUS USA 111 2024-03-04 condemned
         b Post RUS USA 111 2024-03-05 condemned
         c Post RUS USA 111 2024-03-06 condemned",
        &[0, 0, 1],
    ),
    (
        "same root, different code, no shared words: apart",
        "a Wire RUS USA 166 2024-03-04 expelled diplomats
         b Post RUS USA 162 2024-03-04 cut aid",
        &[0, 1],
    ),
    (
        "same root, different code, shared words: together",
        "a Wire CHN JPN 040 2024-03-04 held talks
         b Post CHN JPN 046 2024-03-04 talks",
        &[0, 0],
    ),
    (
        "a different target agent stays apart",
        "a Wire ISR PSEREB 190 2024-03-04 attacked
         b Post ISR PSEGOV 190 2024-03-04 attacked",
        &[0, 1],
    ),
    (
        "unknown-country actors match only in their document",
        "a Wire ---REB AFGGOV 190 2024-03-04 attacked
         a Wire ---REB AFGGOV 190 2024-03-04 attacked
         b Post ---REB AFGGOV 190 2024-03-04 attacked",
        &[0, 0, 1],
    ),
    (
        "no target matches only other events with no target",
        "a Wire USA - 010 2024-03-04 said
         b Post USA - 010 2024-03-04 said
         c Post USA IRN 010 2024-03-04 said",
        &[0, 0, 1],
    ),
    (
        "undated reports group within their document only",
        "a Wire USA IRN 111 - criticized
         a Wire USA IRN 111 - criticized
         b Wire USA IRN 111 - criticized",
        &[0, 0, 1],
    ),
    (
        "month dates match the same month only",
        "a Wire USA IRN 111 2024-03 criticized
         b Post USA IRN 111 2024-03 criticized
         c Post USA IRN 111 2024-03-01 criticized",
        &[0, 0, 1],
    ),
    (
        "input order does not matter: the sweep sorts by date",
        "a Wire USA IRN 111 2024-03-05 criticized
         b Post USA IRN 111 2024-03-01 criticized
         c Post USA IRN 111 2024-03-04 criticized",
        &[0, 1, 0],
    ),
];

#[test]
fn grouping_cases() {
    let config = DedupConfig::default();
    for (name, spec, want) in CASES {
        assert_eq!(groups(&reports(spec), &config), *want, "{name}");
    }
}

#[test]
fn levels_and_windows_change_the_grouping() {
    let spec = "a Wire RUS USA 166 2024-03-04 expelled
                b Post RUS USA 162 2024-03-06 expelled";
    let r = reports(spec);
    let at = |level, days| {
        let config = DedupConfig::builder()
            .level(level)
            .window_days(days)
            .build()
            .unwrap();
        groups(&r, &config)
    };
    assert_eq!(at(CodeLevel::Root, 1), [0, 1]);
    assert_eq!(at(CodeLevel::Root, 2), [0, 0]);
    assert_eq!(at(CodeLevel::Three, 2), [0, 1]);
    assert_eq!(at(CodeLevel::Full, 2), [0, 1]);
}

#[test]
fn generalized_agents_let_a_bare_country_match_one_agent() {
    let spec = "a Wire FRA DEU 051 2024-03-04 praised
                b Post FRAGOV DEU 051 2024-03-04 praised
                c Post FRAMIL DEU 051 2024-03-04 praised
                d Post FRA DEUGOV 051 2024-03-04 praised
                e Post FRAGOV DEUMIL 051 2024-03-04 praised";
    let r = reports(spec);
    let exact = DedupConfig::builder()
        .agents(AgentMatch::Exact)
        .build()
        .unwrap();
    assert_eq!(groups(&r, &exact), [0, 1, 2, 3, 4]);
    assert_eq!(groups(&r, &DedupConfig::default()), [0, 0, 1, 0, 2]);
}

#[test]
fn counts_and_canonical() {
    let spec = "a Wire RUS USA 16 2024-03 expelled
                a Wire RUS USAGOV 166 2024-03-04 expelled
                b - RUS USAGOV 166 2024-03-04 expelled
                c Post RUS USAGOV 166 2024-03-05 expelled";
    let mut r = reports(spec);
    r[0].doc_date = Some("2024-03-04".into());
    let c = cluster(&r, &DedupConfig::default());
    assert_eq!(c.clusters().len(), 2, "{c:?}");
    let big = c.cluster_of(1);
    assert_eq!((big.mentions, big.documents, big.outlets), (3, 3, 2));
    assert_eq!(big.canonical, 1, "the most specific, then the earliest");
    assert!(c.is_canonical(1) && !c.is_canonical(2));
    assert_eq!(big.first_date.as_deref(), Some("2024-03-04"));
    assert_eq!(big.last_date.as_deref(), Some("2024-03-05"));
    assert_eq!(c.members(big), [1, 2, 3]);
    assert_eq!(c.members(c.cluster_of(0)), [0]);
}

#[test]
fn empty_input_has_no_clusters() {
    assert!(cluster(&[], &DedupConfig::default()).clusters().is_empty());
}
