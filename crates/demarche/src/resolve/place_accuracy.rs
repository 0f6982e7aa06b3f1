//! Runs the place resolver on every case of `tests/places/places.tsv` and checks its accuracy:
//! at least 90% of the expected places (name and country) and 97% of the countries.

use super::gazetteer::{fold_key, PlaceId};
use super::places::PlaceResolver;
use crate::text::{analyze, Lexicon};

const CASES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/places/places.tsv"
));

struct Case<'a> {
    line: usize,
    sentence: &'a str,
    context: Vec<&'a str>,
    name: Option<&'a str>,
    country: Option<&'a str>,
}

fn cases() -> Vec<Case<'static>> {
    CASES
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(
                f.len(),
                4,
                "places.tsv:{}: expected 4 tab-separated fields",
                i + 1
            );
            let dash = |s: &'static str| (s != "-").then_some(s);
            Case {
                line: i + 1,
                sentence: f[0],
                context: if f[1] == "-" {
                    Vec::new()
                } else {
                    f[1].split(',').map(str::trim).collect()
                },
                name: dash(f[2]),
                country: dash(f[3]),
            }
        })
        .collect()
}

#[test]
fn place_test_set_accuracy() {
    let resolver = PlaceResolver::bundled();
    let gazetteer = resolver.gazetteer();
    let lexicon = Lexicon::new([]);
    let cases = cases();
    assert!(cases.len() >= 120, "only {} cases", cases.len());
    let (mut place_ok, mut country_ok) = (0, 0);
    let mut failures = Vec::new();
    for c in &cases {
        let analysis = analyze(c.sentence.as_bytes(), &lexicon);
        let matches: Vec<_> = analysis
            .sentences
            .iter()
            .flat_map(|s| resolver.find_places(&s.tokens, &c.context))
            .collect();
        let got = PlaceResolver::primary(&matches);
        let got_country = got.map(|m| m.country_iso3.as_str());
        let country_right = match (c.country, got) {
            (None, None) => true,
            (Some(want), Some(m)) => want == m.country_iso3 || want == m.cameo_country,
            _ => false,
        };
        let name_right = match (c.name, got) {
            (None, None) => true,
            (Some(want), Some(m)) => {
                let ascii = match m.place {
                    PlaceId::City(i) => gazetteer.cities()[i].ascii.as_str(),
                    _ => m.name.as_str(),
                };
                // The gazetteer's name, its ASCII form, or any other name of the same place.
                fold_key(want) == fold_key(&m.name)
                    || fold_key(want) == fold_key(ascii)
                    || gazetteer.lookup(want).iter().any(|r| r.place == m.place)
            }
            _ => false,
        };
        country_ok += usize::from(country_right);
        place_ok += usize::from(country_right && name_right);
        if !(country_right && name_right) {
            let mut detail = format!(
                "places.tsv:{}: {:?} [{}]\n    expected {} ({}), got {} ({})",
                c.line,
                c.sentence,
                c.context.join(","),
                c.name.unwrap_or("-"),
                c.country.unwrap_or("-"),
                got.map_or("-", |m| m.name.as_str()),
                got_country.unwrap_or("-"),
            );
            for m in &matches {
                for line in m.explain(gazetteer) {
                    detail.push_str("\n    ");
                    detail.push_str(&line);
                }
            }
            failures.push(detail);
        }
    }
    let n = cases.len() as f64;
    let place_rate = place_ok as f64 / n;
    let country_rate = country_ok as f64 / n;
    println!(
        "{} cases: place {place_ok} ({:.1}%), country {country_ok} ({:.1}%)",
        cases.len(),
        100.0 * place_rate,
        100.0 * country_rate
    );
    for f in &failures {
        println!("{f}");
    }
    assert!(
        place_rate >= 0.90,
        "place accuracy {:.1}% < 90%",
        100.0 * place_rate
    );
    assert!(
        country_rate >= 0.97,
        "country accuracy {:.1}% < 97%",
        100.0 * country_rate
    );
}
