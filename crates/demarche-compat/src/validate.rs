//! Validation suites: TABARI's `Validate.text` (with its `.project`) and PETRARCH's
//! `PETR.UnitTest.records.xml` (with the dictionaries named in its `<Environment>`).
//!
//! Each record is coded with the [`Engine`] and compared with the
//! expected events: a record passes when the produced events equal the expected ones as a
//! multiset, or — for records expecting `{+++}`, `{###}` or no events — when the engine found
//! the sentence complex, discarded it, or produced no events.

use super::engine::{CompatEvent, Engine};
use super::*;
use std::path::PathBuf;

/// What a record expects.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Expected {
    /// Expected events.
    pub events: Vec<CompatEvent>,
    /// `{+++}`: complex.
    pub complex: bool,
    /// `{###}`: discarded.
    pub discard: bool,
    /// PETRARCH `error="..."`: the record must produce no events.
    pub error: bool,
}

/// One record of a suite.
#[derive(Clone, Debug)]
pub struct Record {
    /// Record id (`DEMO-01`).
    pub id: String,
    /// Record date.
    pub date: Option<Date>,
    /// The text to code.
    pub text: String,
    /// Options commands to apply before coding (`SET: CODE ALL`).
    pub options: Vec<String>,
    /// What should come out.
    pub expected: Expected,
    /// Part of the standard set (TABARI: before `FINAL-01`).
    pub standard: bool,
    /// PETRARCH: the record's `<Parse>` tree is malformed (unbalanced brackets), so PETRARCH
    /// rejects the record; the engine does not code it either.
    pub bad_parse: bool,
    /// Line in the suite file.
    pub line: u32,
}

/// The outcome of one record.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// The record.
    pub record: Record,
    /// What the engine produced.
    pub produced: super::engine::Coded,
    /// Whether it matched.
    pub pass: bool,
}

/// A loaded suite: dictionaries plus records.
#[derive(Debug)]
pub struct Suite {
    /// The suite file.
    pub path: PathBuf,
    /// The compiled dictionaries.
    pub engine: Engine,
    /// The records in order.
    pub records: Vec<Record>,
}

/// Totals of a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Records run.
    pub total: usize,
    /// Records passed.
    pub passed: usize,
    /// Standard records run.
    pub standard: usize,
    /// Standard records passed.
    pub standard_passed: usize,
}

impl Summary {
    /// Pass rate over the standard records, in percent.
    pub fn standard_rate(&self) -> f64 {
        if self.standard == 0 {
            return 0.0;
        }
        100.0 * self.standard_passed as f64 / self.standard as f64
    }
}

impl Suite {
    /// Loads a suite: a TABARI `.project` or `Validate.text`, or a PETRARCH unit-test XML.
    pub fn load(path: &Path) -> Result<Suite> {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "xml" => load_petrarch(path),
            "project" => {
                let project = tabari::Project::read(path)?;
                let text = project.texts.first().cloned().ok_or_else(|| {
                    Error::Suite(format!("{} names no <textfile>", path.display()))
                })?;
                load_tabari(&text, path)
            }
            _ => {
                let dir = path.parent().unwrap_or(Path::new("."));
                let project = std::fs::read_dir(dir)
                    .map_err(|e| Error::io(dir, e))?
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .find(|p| {
                        p.extension().is_some_and(|e| e == "project")
                            && read_text(p).is_ok_and(|t| {
                                t.contains(
                                    path.file_name()
                                        .map(|n| n.to_string_lossy().into_owned())
                                        .unwrap_or_default()
                                        .as_str(),
                                )
                            })
                    })
                    .ok_or_else(|| {
                        Error::Suite(format!(
                            "no .project file next to {} names it",
                            path.display()
                        ))
                    })?;
                load_tabari(path, &project)
            }
        }
    }

    /// Codes every record (applying option records in order).
    pub fn run(&mut self) -> (Vec<Outcome>, Summary) {
        let mut outcomes = Vec::new();
        let mut sum = Summary::default();
        let mut last: Option<(String, Vec<String>)> = None;
        for r in &self.records {
            for o in &r.options {
                let _ = apply_option(&mut self.engine.options, o);
            }
            let story = if r.id.matches('-').count() >= 2 {
                r.id.rsplit_once('-')
                    .map_or(r.id.as_str(), |(a, _)| a)
                    .to_string()
            } else {
                r.id.clone()
            };
            let forward = last
                .as_ref()
                .filter(|(s, _)| self.engine.options.forward && *s == story)
                .map(|(_, f)| f.clone());
            let produced = if r.bad_parse {
                super::engine::Coded::default()
            } else {
                self.engine.code_forward(&r.text, r.date, forward)
            };
            if !produced.first_actor.is_empty() {
                last = Some((story, produced.first_actor.clone()));
            }
            let pass = judge(&r.expected, &produced);
            sum.total += 1;
            sum.passed += usize::from(pass);
            if r.standard {
                sum.standard += 1;
                sum.standard_passed += usize::from(pass);
            }
            outcomes.push(Outcome {
                record: r.clone(),
                produced,
                pass,
            });
        }
        (outcomes, sum)
    }
}

/// Applies an option record: a TABARI options command, or `PETR:name=value` for a PETRARCH
/// `<Config>` record.
pub fn apply_option(o: &mut tabari::Options, cmd: &str) -> std::result::Result<(), String> {
    if let Some((k, v)) = cmd.strip_prefix("PETR:").and_then(|c| c.split_once('=')) {
        let v = v.trim().to_ascii_lowercase();
        match k.trim() {
            "comma_emax" => o.comma.emax = v.parse().unwrap_or(o.comma.emax),
            "comma_emin" => o.comma.emin = v.parse().unwrap_or(o.comma.emin),
            "comma_max" => o.comma.max = v.parse().unwrap_or(o.comma.max),
            "comma_min" => o.comma.min = v.parse().unwrap_or(o.comma.min),
            "comma_bmax" => o.comma.bmax = v.parse().unwrap_or(o.comma.bmax),
            "comma_bmin" => o.comma.bmin = v.parse().unwrap_or(o.comma.bmin),
            "require_dyad" => o.require_dyad = v != "false",
            _ => {}
        }
        return Ok(());
    }
    o.apply(cmd)
}

/// Applies the options of a PETRARCH `PETR_config.ini` (comma limits, `require_dyad`; other
/// keys are ignored).
pub fn apply_petrarch_config(o: &mut tabari::Options, ini: &str) {
    for line in ini.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if let Some((k, v)) = line.split_once('=') {
            let _ = apply_option(o, &format!("PETR:{}={}", k.trim(), v.trim()));
        }
    }
}

fn judge(exp: &Expected, got: &super::engine::Coded) -> bool {
    if exp.error {
        return got.events.is_empty();
    }
    if exp.discard {
        return got.discarded;
    }
    if exp.complex && (got.complex || (got.events.is_empty() && exp.events.is_empty())) {
        return true;
    }
    let mut a = exp.events.clone();
    let mut b = got.events.clone();
    a.sort();
    b.sort();
    a == b
}

fn header(line: &str) -> Option<(Option<Date>, String)> {
    let mut it = line.split_whitespace();
    let d = it.next()?;
    let id = it.next()?;
    if it.next().is_some()
        || !(6..=8).contains(&d.len())
        || !d.bytes().all(|b| b.is_ascii_digit())
        || !id.starts_with(|c: char| c.is_ascii_alphabetic())
    {
        return None;
    }
    let date = parse_date(d).or_else(|| parse_date(&d[..6]));
    Some((date, id.to_string()))
}

/// Parses the expectations inside a record's `/* ... */` comment.
pub fn parse_expectations(comment: &str, options: &mut Vec<String>) -> Expected {
    let mut exp = Expected::default();
    let bytes = comment.as_bytes();
    let mut i = 0;
    while let Some(off) = comment[i..].find('{') {
        let open = i + off;
        let close = comment[open..]
            .find('}')
            .map_or(comment.len(), |c| open + c);
        i = (close + 1).min(comment.len());
        if open > 0 && bytes[open - 1] == b'-' {
            continue;
        }
        let inner = comment[open + 1..close].trim();
        if let Some(o) = inner.strip_prefix("OPTION:") {
            options.push(o.trim().to_string());
            continue;
        }
        match normalize_code(inner).as_str() {
            "+++" => exp.complex = true,
            "###" => exp.discard = true,
            "---" | "" => {}
            _ => {
                let parts: Vec<&str> = inner.split('/').map(str::trim).collect();
                if parts.len() == 3
                    && parts
                        .iter()
                        .all(|p| !p.is_empty() && !p.contains(char::is_whitespace))
                {
                    exp.events.push(CompatEvent {
                        source: parts[0].into(),
                        target: parts[1].into(),
                        code: parts[2].into(),
                    });
                }
            }
        }
    }
    exp
}

/// Parses TABARI `Validate.text`.
pub fn parse_tabari_records(text: &str) -> Vec<Record> {
    let mut out: Vec<Record> = Vec::new();
    let mut cur: Option<(Record, String, String, bool)> = None; // record, text, comment, in_comment
    let mut standard = true;
    let finish = |c: Option<(Record, String, String, bool)>, out: &mut Vec<Record>| {
        if let Some((mut r, t, comment, _)) = c {
            r.text = t.split_whitespace().collect::<Vec<_>>().join(" ");
            let mut opts = Vec::new();
            r.expected = parse_expectations(&comment, &mut opts);
            r.options = opts;
            out.push(r);
        }
    };
    for (n, line) in text.lines().enumerate() {
        let in_comment = cur.as_ref().is_some_and(|c| c.3);
        if !in_comment {
            if let Some((date, id)) = header(line) {
                finish(cur.take(), &mut out);
                if id == "FINAL-01" {
                    standard = false;
                }
                let r = Record {
                    id,
                    date,
                    text: String::new(),
                    options: Vec::new(),
                    expected: Expected::default(),
                    standard,
                    bad_parse: false,
                    line: u32::try_from(n + 1).unwrap_or(u32::MAX),
                };
                cur = Some((r, String::new(), String::new(), false));
                continue;
            }
        }
        let Some(c) = cur.as_mut() else { continue };
        if c.3 {
            match line.find("*/") {
                Some(e) => {
                    c.2.push_str(&line[..e]);
                    c.3 = false;
                    // anything after */ ends the record body
                }
                None => {
                    c.2.push_str(line);
                    c.2.push('\n');
                }
            }
            continue;
        }
        if !c.2.is_empty() {
            continue; // after the comment: '#' banners and blank lines
        }
        match line.find("/*") {
            Some(s) => {
                c.1.push_str(&line[..s]);
                c.1.push(' ');
                let rest = &line[s + 2..];
                match rest.find("*/") {
                    Some(e) => c.2.push_str(&rest[..e]),
                    None => {
                        c.2.push_str(rest);
                        c.2.push('\n');
                        c.3 = true;
                    }
                }
                if c.2.is_empty() {
                    c.2.push(' ');
                }
            }
            None => {
                if !line.trim_start().starts_with('#') {
                    c.1.push_str(line);
                    c.1.push(' ');
                }
            }
        }
    }
    finish(cur.take(), &mut out);
    out
}

fn load_tabari(text_path: &Path, project: &Path) -> Result<Suite> {
    let dicts = CompatDicts::from_tabari_project(project)?;
    let text = read_text(text_path)?;
    let records = parse_tabari_records(&text);
    Ok(Suite {
        path: text_path.to_path_buf(),
        engine: Engine::new(dicts),
        records,
    })
}

/// The words of a bracketed parse tree, re-joined as text: PETRARCH codes the parse, whose words
/// can differ from `<Text>`. Clitics (`'s`, `n't`) are glued back to their word.
fn parse_leaves_text(parse: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut rest = parse;
    while let Some(open) = rest.find('(') {
        rest = &rest[open + 1..];
        let end = rest.find(['(', ')']).unwrap_or(rest.len());
        let inner = &rest[..end];
        if rest[end..].starts_with(')') {
            let mut it = inner.split_whitespace();
            if let (Some(_tag), Some(word)) = (it.next(), it.next()) {
                let w = match word {
                    "-LRB-" | "-RRB-" | "-LCB-" | "-RCB-" | "-LSB-" | "-RSB-" | "``" | "''" => {
                        continue
                    }
                    w => w,
                };
                let lw = w.to_ascii_lowercase();
                match words.last_mut() {
                    Some(prev) if lw.starts_with('\'') || lw == "n't" => prev.push_str(w),
                    _ => words.push(w.to_string()),
                }
            }
        }
    }
    words.join(" ").replace(" ,", ",").replace(" .", ".")
}

/// True when a bracketed parse tree has balanced parentheses.
fn balanced(parse: &str) -> bool {
    let mut depth = 0i64;
    for c in parse.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    depth == 0
}

/// Parses PETRARCH unit-test records (the `<Sentence>` elements, with the `<Config>` options
/// before each).
pub fn parse_petrarch_records(xml: &str) -> Vec<Record> {
    crate::suite_xml::parse(xml)
        .sentences
        .into_iter()
        .map(petrarch_record)
        .collect()
}

fn petrarch_record(s: crate::suite_xml::XmlSentence) -> Record {
    let events = s
        .events
        .into_iter()
        .map(|(source, target, code)| CompatEvent {
            source,
            target,
            code,
        });
    let parse = s.parse.as_deref();
    let bad_parse = parse.is_some_and(|p| !balanced(p));
    let text = match parse.filter(|p| !bad_parse && p.contains('(')) {
        Some(p) => parse_leaves_text(p),
        None => s
            .text
            .as_deref()
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    };
    Record {
        id: s.attrs.get("id").cloned().unwrap_or_default(),
        date: s.attrs.get("date").and_then(|d| parse_date(d)),
        text,
        options: s.options,
        expected: Expected {
            events: events.collect(),
            error: s.error,
            ..Expected::default()
        },
        standard: true,
        bad_parse,
        line: 0,
    }
}

fn load_petrarch(path: &Path) -> Result<Suite> {
    let xml = read_text(path)?;
    let suite = crate::suite_xml::parse(&xml);
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut dicts = CompatDicts::default();
    for (tag, kind) in [
        ("Verbfile", DictKind::Verbs),
        ("Actorfile", DictKind::Actors),
        ("Agentfile", DictKind::Agents),
        ("Discardfile", DictKind::Discards),
    ] {
        if let Some(f) = suite.environment.get(tag) {
            dicts.add_file(&dir.join(f.trim()), Some((Dialect::Petrarch, kind)))?;
        }
    }
    dicts.finish();
    dicts.options.petrarch = true;
    dicts.options.minimum_words = 0;
    // PETR_config.ini next to the suite: its [Options] comma limits and require_dyad
    if let Ok(ini) = read_text(&dir.join("PETR_config.ini")) {
        apply_petrarch_config(&mut dicts.options, &ini);
    }
    let records = suite.sentences.into_iter().map(petrarch_record).collect();
    Ok(Suite {
        path: path.to_path_buf(),
        engine: Engine::new(dicts),
        records,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabari_records() {
        let t = "000101  START-00\nSome text\n/*\\n---\n\\n{+++}  */\n\n#####\n950101  DEMO-01\nArnor is about to restore ties with Gondor./*\n\\n{ ARN / GON / 064 } 950101\n\\n-{ARN / GON / 099 }\n\\n{ OPTION: SET: CODE ALL } */\n990101  FINAL-01\nend\n";
        let r = parse_tabari_records(t);
        assert_eq!(r.len(), 3);
        assert!(r[0].expected.complex);
        assert_eq!(r[1].text, "Arnor is about to restore ties with Gondor.");
        assert_eq!(r[1].expected.events.len(), 1);
        assert_eq!(r[1].options, ["SET: CODE ALL"]);
        assert!(r[1].standard && !r[2].standard);
    }

    #[test]
    fn petrarch_records() {
        let x = "<Sentences>\n<Config option=\"comma_emax\" value=\"0\"></Config>\n<Sentence date=\"19950101\" id=\"DEMO-00\" category=\"DEMO\">\n<!-- c -->\n<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"></EventCoding>\n<Text>\nArnor restored ties.\n</Text>\n</Sentence>\n<Sentence id=\"X\"><EventCoding noevents = \"True\"></EventCoding><Text>x</Text></Sentence>";
        let r = parse_petrarch_records(x);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].options, ["PETR:comma_emax=0"]);
        assert_eq!(r[0].expected.events[0].code, "064");
        assert!(r[1].expected.events.is_empty());
    }
}
