//! Event dates come from the temporal expression nearest the verb, relative to the document date.

use demarche::{Coder, Document};

fn dates(text: &str, doc_date: &str) -> Vec<(String, Option<String>, String)> {
    let doc = Document::new("d", demarche::ingest::parse_date(doc_date), text);
    Coder::bundled()
        .code(&doc)
        .events
        .into_iter()
        .map(|e| {
            let precision = e
                .date_precision
                .map(|p| format!("{p:?}").to_lowercase())
                .unwrap_or_default();
            (e.cameo.to_string(), e.date.map(String::from), precision)
        })
        .collect()
}

#[test]
fn weekday_month_day_and_year_expressions() {
    // 2006-11-30 was a Thursday.
    let got = dates(
        "Russian officials met Chinese envoys on Tuesday.",
        "2006-11-30",
    );
    assert_eq!(
        got,
        [(
            "040".to_string(),
            Some("2006-11-28".to_string()),
            "day".to_string()
        )]
    );
    let got = dates(
        "North Korea walked out of the talks in September last year.",
        "2006-11-30",
    );
    assert!(
        !got.is_empty()
            && got
                .iter()
                .all(|(_, d, p)| d.as_deref() == Some("2005-09") && p == "month"),
        "{got:?}"
    );
    let got = dates("Iran criticized Israel in 2003.", "2006-11-30");
    assert!(
        !got.is_empty()
            && got
                .iter()
                .all(|(_, d, p)| d.as_deref() == Some("2003") && p == "year"),
        "{got:?}"
    );
}

#[test]
fn without_an_expression_the_document_date_is_used_and_without_one_null() {
    let got = dates("Russian officials met Chinese envoys.", "2006-11-30");
    assert!(
        !got.is_empty()
            && got
                .iter()
                .all(|(_, d, p)| d.as_deref() == Some("2006-11-30") && p == "day"),
        "{got:?}"
    );
    let doc = Document::new(
        "d",
        None,
        "Russian officials met Chinese envoys on Tuesday.",
    );
    let events = Coder::bundled().code(&doc).events;
    assert!(!events.is_empty());
    assert!(events
        .iter()
        .all(|e| e.date.is_none() && e.doc_date.is_none()));
}
