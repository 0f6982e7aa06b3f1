//! The JSON API over a fixture store (see `common`), through `tower::ServiceExt::oneshot`: no
//! socket is opened. Bad parameters are a table of requests and the 4xx each must get.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use demarche_serve::{Error, Server, ServerBuilder};
use http_body_util::BodyExt;
use serde_json::Value;
use std::sync::OnceLock;
use std::time::Duration;
use tower::ServiceExt;

/// One fixture store for the whole file (built once; the tests only read it).
fn server() -> &'static Server {
    static SERVER: OnceLock<(tempfile::TempDir, Server)> = OnceLock::new();
    &SERVER
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let db = common::build(dir.path());
            let server = ServerBuilder::new().build(&db).unwrap();
            (dir, server)
        })
        .1
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// GETs `uri` (or sends `method`) and returns the status and the body as JSON (or as a string).
fn request(server: &Server, method: &str, uri: &str) -> (StatusCode, Value, String) {
    let req = Request::builder()
        .method(method)
        .uri(uri)
        .body(Body::empty())
        .unwrap();
    runtime().block_on(async {
        let res = server.router().oneshot(req).await.unwrap();
        let status = res.status();
        let ctype = res
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let json = if ctype.starts_with("application/json") {
            serde_json::from_str(&text).unwrap()
        } else {
            Value::Null
        };
        (status, json, text)
    })
}

fn get(uri: &str) -> Value {
    let (status, json, text) = request(server(), "GET", uri);
    assert_eq!(status, StatusCode::OK, "{uri}: {text}");
    json
}

fn total(uri: &str) -> i64 {
    get(uri)["total"].as_i64().unwrap()
}

#[test]
fn malformed_requests_get_a_clear_4xx_json_error() {
    let long = format!("/api/events?q={}", "a".repeat(9000));
    let cases: &[(&str, &str, u16, &str)] = &[
        ("GET", "/api/events?limit=0", 400, "\"limit\""),
        ("GET", "/api/events?limit=1001", 400, "1 to 1000"),
        ("GET", "/api/events?limit=ten", 400, "not an integer"),
        ("GET", "/api/events?offset=-1", 400, "\"offset\""),
        ("GET", "/api/events?from=2006-13-01", 400, "YYYY-MM-DD"),
        (
            "GET",
            "/api/events?from=2006-10-10&to=2006-10-01",
            400,
            "after",
        ),
        ("GET", "/api/events?actor=US%25A", 400, "actor code"),
        (
            "GET",
            "/api/events?actor=%27%3B+DROP+TABLE+events%3B--",
            400,
            "actor code",
        ),
        ("GET", "/api/events?country=USAA", 400, "country"),
        ("GET", "/api/events?root=21", 400, "root"),
        ("GET", "/api/events?root=04,x", 400, "root"),
        ("GET", "/api/events?code=abc", 400, "CAMEO code"),
        ("GET", "/api/events?quad=5", 400, "quad"),
        ("GET", "/api/events?plover=a%20b", 400, "PLOVER"),
        ("GET", "/api/events?sort=evil", 400, "sort"),
        ("GET", "/api/events?bogus=1", 400, "unknown parameter"),
        ("GET", "/api/events?limit=1&limit=2", 400, "twice"),
        ("GET", "/api/events?q=%22unterminated", 400, "full-text"),
        ("GET", "/api/events?q=nosuchcolumn%3Aword", 400, "full-text"),
        ("GET", "/api/events?q=AND+OR", 400, "full-text"),
        ("GET", "/api/events?cluster=x", 400, "cluster"),
        ("GET", "/api/events?%FF%FE=%00", 400, "unknown parameter"),
        ("GET", "/api/events/abc", 400, "not an integer"),
        ("GET", "/api/events/99999999", 404, "no event"),
        ("GET", "/api/events/1/extra", 404, "no route"),
        ("GET", "/api/timeline?bucket=year", 400, "bucket"),
        ("GET", "/api/timeline?by=actor", 400, "\"by\""),
        ("GET", "/api/network?by=plover", 400, "\"by\""),
        ("GET", "/api/map?limit=100000", 400, "limit"),
        ("GET", "/api/facets?x=1", 400, "unknown parameter"),
        ("GET", "/assets/nope.js", 404, "no asset"),
        ("GET", "/nope", 404, "no route"),
        ("POST", "/api/events", 405, "only GET"),
        ("GET", long.as_str(), 414, "URI longer"),
    ];
    for (method, uri, status, message) in cases {
        let (got, json, text) = request(server(), method, uri);
        let shown = &uri[..uri.len().min(80)];
        assert_eq!(got.as_u16(), *status, "{method} {shown}: {text}");
        let error = json["error"]
            .as_str()
            .unwrap_or_else(|| panic!("{shown}: no JSON error in {text}"));
        assert!(
            error.contains(message),
            "{shown}: {error:?} lacks {message:?}"
        );
    }
}

#[test]
fn the_list_pages_through_every_event_once() {
    let all = total("/api/events");
    assert!(all > 20, "fixture has {all} events");
    let mut seen = Vec::new();
    let mut offset = 0;
    while offset < all {
        let page = get(&format!("/api/events?limit=7&offset={offset}&sort=id"));
        assert_eq!(page["limit"], 7);
        seen.extend(
            page["events"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["id"].as_i64().unwrap()),
        );
        offset += 7;
    }
    let mut unique = seen.clone();
    unique.dedup();
    assert_eq!(unique.len() as i64, all);
    assert!(seen.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(get("/api/events")["limit"], 100);
}

/// Each filter, and a check every listed event must pass.
#[test]
fn filters_select_exactly_the_matching_events() {
    type Check = fn(&Value) -> bool;
    let cases: &[(&str, Check)] = &[
        ("actor=prk", |e| {
            e["source_code"].as_str().unwrap_or("").starts_with("PRK")
                || e["target_code"].as_str().unwrap_or("").starts_with("PRK")
        }),
        ("source=USA", |e| {
            e["source_code"].as_str().unwrap().starts_with("USA")
        }),
        ("target=JPN", |e| {
            e["target_code"].as_str().unwrap().starts_with("JPN")
        }),
        ("root=04,11", |e| {
            ["04", "11"].contains(&e["root"].as_str().unwrap())
        }),
        ("code=11", |e| {
            e["cameo"].as_str().unwrap().starts_with("11")
        }),
        ("quad=3,4", |e| e["quad_class"].as_i64().unwrap() >= 3),
        ("plover=consult", |e| e["plover"] == "CONSULT"),
        ("from=2006-10-10&to=2006-10-31", |e| {
            e["day"]
                .as_str()
                .is_some_and(|d| ("2006-10-10".."2006-11-01").contains(&d))
        }),
        ("doc=non-ascii", |e| e["doc_id"] == "non-ascii"),
    ];
    for (params, check) in cases {
        let page = get(&format!("/api/events?{params}&limit=1000"));
        let events = page["events"].as_array().unwrap();
        assert!(!events.is_empty(), "{params} matched nothing");
        assert_eq!(
            page["total"].as_i64().unwrap(),
            events.len() as i64,
            "{params}"
        );
        for e in events {
            assert!(check(e), "{params}: {e}");
        }
        let rest = total("/api/events") - events.len() as i64;
        assert!(rest > 0, "{params} matched everything");
    }
}

#[test]
fn full_text_search_binds_the_query_and_finds_sentence_words() {
    let page = get("/api/events?q=nuclear&limit=1000");
    let events = page["events"].as_array().unwrap();
    assert!(!events.is_empty());
    for e in events {
        let detail = get(&format!("/api/events/{}", e["id"]));
        let text = detail["sentence"]["text"].as_str().unwrap().to_lowercase();
        assert!(text.contains("nuclear"), "{text}");
    }
    // FTS syntax passes through as a bound value: quotes and operators cannot reach the SQL.
    assert!(total("/api/events?q=%22North+Korea%22+OR+nuclear") >= events.len() as i64);
    assert_eq!(
        total("/api/events?q=%22%27%29%3B+DROP+TABLE+events%3B--%22"),
        0
    );
    let (status, _, _) = request(
        server(),
        "GET",
        "/api/events?q=%27%29%3B+DROP+TABLE+events%3B--",
    );
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(total("/api/events") > 0, "the table is still there");
}

#[test]
fn country_matches_actors_and_places() {
    for e in get("/api/events?country=JPN&limit=1000")["events"]
        .as_array()
        .unwrap()
    {
        let detail = get(&format!("/api/events/{}", e["id"]));
        let actor = detail["actors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["country"] == "JPN");
        assert!(actor || detail["location"]["country"] == "JPN", "{e}");
    }
}

/// Text as the coder's normalization sees it: the `text` fields of actors and evidence are the
/// normalized words (curly quotes and dashes made plain), the spans index the original bytes.
fn loose(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .replace(['\u{2019}', '\u{2018}'], "'")
        .replace(['\u{201C}', '\u{201D}'], "\"")
        .replace(['\u{2013}', '\u{2014}'], "-")
}

/// The spans of every event index its sentence: the actor and evidence text is what the bytes
/// say, also after non-ASCII characters.
#[test]
fn event_pages_carry_spans_that_index_the_sentence() {
    let events = get("/api/events?limit=1000")["events"]
        .as_array()
        .unwrap()
        .clone();
    for e in &events {
        let d = get(&format!("/api/events/{}", e["id"]));
        let sentence = &d["sentence"];
        let (start, text) = (
            sentence["start"].as_u64().unwrap() as usize,
            sentence["text"].as_str().unwrap(),
        );
        let slice = |s: &Value, e: &Value| {
            &text.as_bytes()
                [s.as_u64().unwrap() as usize - start..e.as_u64().unwrap() as usize - start]
        };
        let evidence = slice(&d["evidence_start"], &d["evidence_end"]);
        assert_eq!(
            loose(evidence),
            loose(d["evidence_text"].as_str().unwrap().as_bytes())
        );
        for a in d["actors"].as_array().unwrap() {
            assert_eq!(
                loose(slice(&a["start"], &a["end"])),
                loose(a["text"].as_str().unwrap().as_bytes()),
                "{a}"
            );
            assert!(a["entry"].as_str().unwrap().contains(".txt:"));
        }
        assert!(d["document"]["outlet"].is_string());
        assert!(d["rules"].is_array() && d["record"].is_object());
        assert_eq!(d["record"]["cameo"], d["cameo"]);
    }
    let non_ascii = get("/api/events?doc=non-ascii")["events"][0]["id"]
        .as_i64()
        .unwrap();
    let d = get(&format!("/api/events/{non_ascii}"));
    assert!(
        !d["sentence"]["text"].as_str().unwrap().is_ascii()
            || d["sentence"]["start"].as_u64().unwrap() > 50
    );
}

#[test]
fn an_event_lists_the_other_reports_of_its_cluster() {
    let clustered = get("/api/events?limit=1000")["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["cluster_id"].is_i64())
        .cloned()
        .expect("the reprint makes clusters");
    let d = get(&format!("/api/events/{}", clustered["id"]));
    let cluster = &d["cluster"];
    assert_eq!(cluster["id"], clustered["cluster_id"]);
    let others = cluster["other_events"].as_array().unwrap();
    assert_eq!(
        others.len() as i64,
        cluster["mentions"].as_i64().unwrap() - 1
    );
    assert!(others
        .iter()
        .all(|o| o["cluster_id"] == cluster["id"] && o["id"] != clustered["id"]));
    let members = total(&format!("/api/events?cluster={}", cluster["id"]));
    assert_eq!(members, cluster["mentions"].as_i64().unwrap());
}

#[test]
fn timeline_buckets_add_up_to_the_filtered_events() {
    for params in [
        "bucket=day&by=quad",
        "bucket=week&by=plover",
        "bucket=week&by=quad&actor=PRK",
        "q=talks",
    ] {
        let t = get(&format!("/api/timeline?{params}"));
        let buckets = t["buckets"].as_array().unwrap();
        let sum: i64 = buckets.iter().map(|b| b["count"].as_i64().unwrap()).sum();
        let filters: Vec<&str> = params
            .split('&')
            .filter(|p| !p.starts_with("bucket") && !p.starts_with("by"))
            .collect();
        let expected = total(&format!("/api/events?{}", filters.join("&")));
        assert_eq!(sum + t["undated"].as_i64().unwrap(), expected, "{params}");
        for b in buckets {
            let split: i64 = b["groups"]
                .as_object()
                .unwrap()
                .values()
                .map(|v| v.as_i64().unwrap())
                .sum();
            assert_eq!(split, b["count"].as_i64().unwrap());
        }
        assert!(buckets
            .windows(2)
            .all(|w| w[0]["start"].as_str() < w[1]["start"].as_str()));
    }
    let weeks = get("/api/timeline?bucket=week");
    let first = weeks["buckets"][0]["start"].as_str().unwrap();
    let day =
        get(&format!("/api/events?from={first}&sort=date&limit=1"))["events"][0]["day"].clone();
    assert!(day.as_str().unwrap() >= first && weeks["buckets"].as_array().unwrap().len() > 1);
}

#[test]
fn network_edges_count_the_events_with_both_actors() {
    let net = get("/api/network?limit=1000");
    let edges = net["edges"].as_array().unwrap();
    let sum: i64 = edges.iter().map(|e| e["count"].as_i64().unwrap()).sum();
    let events = get("/api/events?limit=1000");
    let both = events["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["source_code"].is_string() && e["target_code"].is_string())
        .count();
    assert_eq!(sum, both as i64);
    for edge in edges {
        let share = edge["conflict_share"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&share));
        let n = total(&format!(
            "/api/events?source={}&target={}",
            edge["source"].as_str().unwrap(),
            edge["target"].as_str().unwrap()
        ));
        assert!(n >= edge["count"].as_i64().unwrap(), "{edge}");
    }
    let nodes = net["nodes"].as_array().unwrap();
    let node_sum: i64 = nodes.iter().map(|n| n["events"].as_i64().unwrap()).sum();
    assert_eq!(node_sum, 2 * sum);
    let countries = get("/api/network?by=country");
    assert!(countries["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|n| n["id"].as_str().unwrap().len() == 3));
    assert_eq!(
        get("/api/network?limit=1")["edges"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn map_counts_places_and_countries() {
    let m = get("/api/map");
    let places: i64 = m["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["count"].as_i64().unwrap())
        .sum();
    let countries: i64 = m["countries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["count"].as_i64().unwrap())
        .sum();
    assert_eq!(places, countries);
    assert_eq!(
        places + m["unplaced"].as_i64().unwrap(),
        total("/api/events")
    );
    assert!(m["places"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["lat"].is_f64() && p["lon"].is_f64()));
    assert!(places > 0);
}

#[test]
fn facets_list_what_the_store_holds() {
    let f = get("/api/facets");
    assert_eq!(f["events"].as_i64().unwrap(), total("/api/events"));
    assert_eq!(f["documents"], 4);
    assert!(f["clusters"].as_i64().unwrap() > 0);
    let roots: i64 = f["roots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["count"].as_i64().unwrap())
        .sum();
    assert_eq!(roots, total("/api/events"));
    assert_eq!(f["roots"].as_array().unwrap().len(), 20);
    assert_eq!(f["quads"].as_array().unwrap().len(), 4);
    assert!(f["dates"]["first"].as_str().unwrap() <= f["dates"]["last"].as_str().unwrap());
    for p in f["plover"].as_array().unwrap() {
        assert_eq!(
            total(&format!(
                "/api/events?plover={}",
                p["code"].as_str().unwrap()
            )),
            p["count"].as_i64().unwrap()
        );
    }
}

#[test]
fn the_page_and_its_assets_are_embedded_and_load_nothing_else() {
    let (status, _, html) = request(server(), "GET", "/");
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("/assets/app.js"));
    for (name, needle) in [
        ("app.js", "fetch(`/api/"),
        ("style.css", "{"),
        ("world.json", "\"JPN\""),
        ("LICENSES.txt", "ISC"),
    ] {
        let (status, _, body) = request(server(), "GET", &format!("/assets/{name}"));
        assert_eq!(status, StatusCode::OK, "{name}");
        assert!(body.contains(needle), "{name}");
        let code = body.replace("\"http://www.w3.org/2000/svg\"", "");
        let remote =
            code.contains("http://") || code.contains("https://") || code.contains("//cdn");
        assert!(
            !remote || name == "LICENSES.txt",
            "{name} names a remote URL"
        );
    }
    let req = Request::builder().uri("/").body(Body::empty()).unwrap();
    let res = runtime().block_on(server().router().oneshot(req)).unwrap();
    let csp = res.headers()["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("default-src 'none'") && csp.contains("connect-src 'self'"));
}

#[test]
fn a_query_past_its_time_limit_is_a_503_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::build(dir.path());
    let slow = ServerBuilder::new()
        .query_time(Duration::from_nanos(1))
        .build(&db)
        .unwrap();
    let (status, json, _) = request(&slow, "GET", "/api/facets");
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(json["error"].as_str().unwrap().contains("longer than"));
}

#[test]
fn opening_checks_the_file_and_its_schema_version() {
    let dir = tempfile::tempdir().unwrap();
    let missing = ServerBuilder::new()
        .build(&dir.path().join("absent.sqlite"))
        .unwrap_err();
    assert!(matches!(missing, Error::Open { .. }), "{missing}");
    let plain = dir.path().join("plain.sqlite");
    rusqlite::Connection::open(&plain)
        .unwrap()
        .execute_batch("CREATE TABLE t (x)")
        .unwrap();
    let not_store = ServerBuilder::new().build(&plain).unwrap_err();
    assert!(matches!(not_store, Error::NotAStore { .. }), "{not_store}");
    let db = common::build(dir.path());
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "UPDATE meta SET value = '2' WHERE key = 'schema_version'",
            [],
        )
        .unwrap();
    let version = ServerBuilder::new().build(&db).unwrap_err();
    assert!(
        version.to_string().contains("schema version 2"),
        "{version}"
    );
    let text = dir.path().join("text.sqlite");
    std::fs::write(
        &text,
        "not a database at all, just some text that is long enough",
    )
    .unwrap();
    assert!(ServerBuilder::new().build(&text).is_err());
    assert!(matches!(
        ServerBuilder::new().pool_size(0).build(&db),
        Err(Error::Config(_))
    ));
}

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Server>();
    check::<Error>();
}
