//! Deduplication at scale: 1,000,000 synthetic reports clustered with the default settings,
//! against 100,000 to show that the cost grows near-linearly (bucketing plus a sort per bucket).
//!
//! Run with `cargo bench -p demarche --bench dedup`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use demarche::dedup::{cluster, DedupConfig, Report};
use std::hint::black_box;

const COUNTRIES: &[&str] = &[
    "USA", "RUS", "CHN", "GBR", "FRA", "DEU", "IRN", "ISR", "IND", "PAK", "JPN", "KOR", "PRK",
    "UKR", "TUR", "EGY", "SAU", "SYR", "AFG", "IRQ", "BRA", "MEX", "NGA", "ETH", "IGOUNO",
];
const AGENTS: &[&str] = &["", "GOV", "MIL", "COP", "REB", "CVL"];
const CODES: &[(&str, &str)] = &[
    ("040", "meet"),
    ("042", "visit"),
    ("046", "negotiate"),
    ("051", "praise"),
    ("057", "sign agreement"),
    ("111", "criticize"),
    ("112", "accuse"),
    ("130", "threaten"),
    ("163", "impose sanctions"),
    ("173", "arrest"),
    ("190", "attack"),
    ("194", "shell"),
];

/// A deterministic stream of pseudo-random numbers (64-bit LCG, high bits).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

fn actor(rng: &mut Lcg) -> String {
    let country = COUNTRIES[rng.below(COUNTRIES.len())];
    format!("{country}{}", AGENTS[rng.below(AGENTS.len())])
}

/// `n` reports over a year from 1,000 outlets, about 40 documents per outlet per day.
fn reports(n: usize) -> Vec<Report> {
    let mut rng = Lcg(42);
    let start = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    (0..n)
        .map(|i| {
            let (cameo, verb) = CODES[rng.below(CODES.len())];
            let mut r = Report::new(format!("doc{}", i / 3), cameo);
            r.outlet = Some(format!("outlet{}", rng.below(1000)));
            r.source = Some(actor(&mut rng));
            r.target = (rng.below(10) > 0).then(|| actor(&mut rng));
            let day = start + chrono::Days::new(rng.below(365) as u64);
            r.date = Some(day.format("%Y-%m-%d").to_string());
            r.evidence_text = format!("{verb}ed");
            r.evidence_pattern = verb.to_string();
            r
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let config = DedupConfig::default();
    let mut g = c.benchmark_group("dedup");
    g.sample_size(10);
    for n in [100_000, 1_000_000] {
        let input = reports(n);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("cluster", n), &input, |b, input| {
            b.iter(|| black_box(cluster(input, &config)).clusters().len())
        });
    }
    g.finish();
}

criterion_group!(dedup_benches, benches);
criterion_main!(dedup_benches);
