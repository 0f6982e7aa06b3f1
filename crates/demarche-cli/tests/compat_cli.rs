//! `demarche validate`, `dict lint` and `dict convert` on small self-made TABARI/PETRARCH files
//! (the real suites are licensed and live outside the repository; see
//! `crates/demarche-compat/tests/compat_suites.rs`).

use std::path::Path;
use std::process::{Command, Output};

fn demarche(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_demarche"))
        .args(args)
        .output()
        .expect("run demarche")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write fixture");
    p.to_string_lossy().into_owned()
}

fn tabari_project(dir: &Path, second_expected: &str) -> String {
    write(
        dir,
        "t.actors",
        "ARNOR [ARN]\nGONDOR [GON]\nGOLLUM\n+SMEAGOL\n  [HOB <950601]\n  [HOBREB]\nBROKEN [X\n",
    );
    write(dir, "t.agents", "GOVERNMENT_ [~GOV]\n");
    write(
        dir,
        "t.verbs",
        "RESTORE [060]\n- * DIPLOMATIC TIES [064]\nMEET [031:031]\n",
    );
    write(dir, "t.options", "SET: MINIMUM WORDS = 3\n");
    write(
        dir,
        "v.text",
        &format!("950101  T-01\nArnor is about to restore full diplomatic ties with Gondor.\n/*\\n{{ ARN / GON / 064 }} */\n\n950101  T-02\nThe Arnor government will meet Gondor soon.\n/*\\n{second_expected} */\n"),
    );
    write(dir, "v.project", "<actorsfile> t.actors\n<agentsfile> t.agents\n<verbsfile> t.verbs\n<optionsfile> t.options\n<textfile> v.text\n")
}

#[test]
fn validate_reports_pass_fail_and_summary() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = tabari_project(dir.path(), "{ ARNGOV / GON / 031 } { GON / ARNGOV / 031 }");
    let o = demarche(&["validate", &project]);
    let out = stdout(&o);
    assert!(
        out.contains("PASS T-01") && out.contains("PASS T-02"),
        "{out}"
    );
    assert!(out.contains("skipped entry t.actors:7"), "{out}");
    assert!(out.contains("2/2 standard records"), "{out}");
    assert_eq!(o.status.code(), Some(0), "{out}");

    let project = tabari_project(dir.path(), "{ ARN / GON / 031 }");
    let o = demarche(&["validate", &project, "--failures"]);
    let out = stdout(&o);
    assert!(
        out.contains("FAIL T-02")
            && out.contains("expected: { ARN / GON / 031 }")
            && out.contains("produced: { ARNGOV / GON / 031 }"),
        "{out}"
    );
    assert!(!out.contains("PASS T-01"), "{out}");
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn lint_and_convert() {
    let dir = tempfile::tempdir().expect("tempdir");
    let actors = write(dir.path(), "x.actors", "ARNOR [ARN]\nARNOR [ARN]\nGONDOR [GON]\nGONDOR [GOX]\nBAD [991301-991231]\nG7_ [USA/JPN]\n");
    let verbs = write(
        dir.path(),
        "x.verbs",
        "MEET [031]\n- * IN [032]\n- * IN [033]\n- SAID * [034]\n",
    );
    let o = demarche(&["dict", "lint", &actors, &verbs]);
    let out = stdout(&o);
    for kind in ["duplicate", "conflict", "unreachable", "unconvertible"] {
        assert!(out.contains(kind), "{kind} missing: {out}");
    }
    assert!(out.contains("x.actors:5:"), "{out}");
    assert_eq!(o.status.code(), Some(1));

    let outdir = dir.path().join("out");
    let o = demarche(&[
        "dict",
        "convert",
        &actors,
        &verbs,
        "--out",
        &outdir.to_string_lossy(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    ); // the bad line was skipped
    let a = std::fs::read_to_string(outdir.join("actors/x_actors.txt")).expect("actors written");
    assert!(
        a.contains("ARN : arnor") && a.contains("coded compound"),
        "{a}"
    );
    let v = std::fs::read_to_string(outdir.join("verbs.txt")).expect("verbs written");
    assert!(
        v.contains("031 : meet") && v.contains("032 : meet * in") && v.contains("before the verb"),
        "{v}"
    );
    // refuses to overwrite without --force
    let o = demarche(&[
        "dict",
        "convert",
        &actors,
        "--out",
        &outdir.to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn missing_inputs_are_usage_errors() {
    assert_eq!(
        demarche(&["validate", "/nonexistent/Validate.project"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        demarche(&["dict", "lint", "/nonexistent.actors"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(demarche(&["dict", "convert"]).status.code(), Some(2));
}

/// Issue 12: `dict check --dict <PETRARCH files>` reported lines of the in-memory converted
/// file (`actors/x_actors.txt:11`) instead of the user's file and line.
#[test]
fn dict_check_reports_the_users_file_and_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let actors = write(
        dir.path(),
        "x.actors.txt",
        "ARNOR [ARN]\nGONDOR [GON]\nMORDOR [MOR.X]\nROHAN [ROH]\n",
    );
    let verbs = write(
        dir.path(),
        "x.verbs.txt",
        "--- MEET [031] ---\nMEET\n- * WITH [032]\n",
    );
    let o = demarche(&["dict", "check", "--dict", &actors, "--dict", &verbs]);
    let out = stdout(&o);
    assert!(out.contains("x.actors.txt:3: bad code 'MOR.X'"), "{out}");
    assert!(!out.contains("actors/x_actors.txt"), "{out}");
    assert_eq!(o.status.code(), Some(1), "{out}");
}

/// `demarche code --engine tabari` codes with TABARI semantics through the usual sinks.
#[test]
fn code_with_the_tabari_engine() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = tabari_project(dir.path(), "{ ARN / GON / 031 }");
    let input = write(
        dir.path(),
        "in.txt",
        "Arnor is about to restore full diplomatic ties with Gondor.",
    );
    let o = demarche(&["code", "--engine", "tabari", "--dict", &project, &input]);
    let out = stdout(&o);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let events: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(events.len(), 1, "{out}");
    let e = &events[0];
    assert_eq!(e["cameo"], "064");
    assert_eq!(e["source"]["code"], "ARN");
    assert_eq!(e["source"]["span"], serde_json::json!([0, 5]));
    assert_eq!(e["target"]["text"], "Gondor");
    assert_eq!(e["evidence"]["text"], "restore");
    assert_eq!(e["quad_class"], 2);
    let o = demarche(&["code", "--engine", "tabari", &input]);
    assert_eq!(o.status.code(), Some(2), "--engine tabari needs --dict");
    let o = demarche(&["code", "--engine-option", "SET: CODE ALL", &input]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "--engine-option needs a legacy engine"
    );
}
