//! `model::SharedStr`, the shared strings of an `Event`: comparisons, order, hashing and serde
//! behave as the `String`s they replaced, and an event read back from its JSON is the same event.

use demarche::model::SharedStr;
use demarche::{Actor, Event, Evidence, Span};
use std::collections::HashSet;

#[test]
fn compares_orders_and_hashes_as_its_text() {
    let cases: &[(&str, &str)] = &[("190", "190"), ("", ""), ("010", "0100"), ("b", "a")];
    for &(a, b) in cases {
        let (x, y) = (SharedStr::from(a), SharedStr::from_static(b));
        assert_eq!(x == y, a == b, "{a:?} == {b:?}");
        assert_eq!(x.cmp(&y), a.cmp(b), "{a:?} cmp {b:?}");
        assert_eq!(x, a);
        assert_eq!(a, x);
        assert_eq!(x, a.to_string());
        assert_eq!(&*x, a);
        assert_eq!(x.to_string(), a);
        assert_eq!(format!("{x:?}"), format!("{a:?}"));
        assert_eq!(String::from(x.clone()), a);
        let set: HashSet<SharedStr> = [x].into_iter().collect();
        assert!(
            set.contains(a),
            "a set of shared strings is searched by &str"
        );
    }
    assert_eq!(SharedStr::default(), "");
}

#[test]
fn serializes_as_a_plain_string_and_reads_back() {
    let cases = ["passive", "with \"quotes\" and \\ and \n", "é ü 中文", ""];
    for text in cases {
        let shared = SharedStr::from(text);
        let json = serde_json::to_string(&shared).unwrap();
        assert_eq!(json, serde_json::to_string(text).unwrap());
        let back: SharedStr = serde_json::from_str(&json).unwrap();
        assert_eq!(back, text);
    }
    assert!(serde_json::from_str::<SharedStr>("12").is_err());
}

#[test]
fn an_event_reads_back_from_its_json() {
    let span = Span::new(0, 5);
    let verb = Evidence::new("condemned", Span::new(6, 15), "verbs.txt:3", "condemn");
    let mut event = Event::new("d1", 0, Span::new(0, 23), "122", verb);
    event.source = Some(Actor::new("ARN", "Arnor", span, "actors.txt:1"));
    event.event_name = SharedStr::from_static("Criticize or denounce");
    event.plover = Some("ACCUSE".into());
    event.rules = vec![SharedStr::from_static("passive"), "reply".into()];
    event.doc_date = Some("2006-11-30".into());
    let json = serde_json::to_string(&event).unwrap();
    let back: Event = serde_json::from_str(&json).unwrap();
    assert_eq!(back, event);
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
}
