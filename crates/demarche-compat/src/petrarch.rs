//! Readers for PETRARCH / Phoenix dictionaries: agents (`{plural}`, `!SUBST!`), verbs
//! (CAMEO.2.0 synonym blocks, patterns, transformations), discards and issues. Actor files
//! share TABARI's structure and are read by [`tabari::read_actors`](super::tabari::read_actors()).
//!
//! PETRARCH patterns are written for parse trees (`- {FINANCIAL AID} * (FOR AID)`); for the
//! compat engine they are flattened to TABARI word sequences: noun phrases and prepositional
//! phrases lose their brackets and every word must match whole (regular endings allowed).

use super::tabari::{extract_braces, read_synset_line, split_blocks, strip_comments};
use super::*;

fn diag(out: &mut Vec<Diagnostic>, file: &str, line: u32, message: impl Into<String>) {
    out.push(Diagnostic::new(file, line, message));
}

fn strip_comments_p<'a>(raw: &'a str, in_xml: &mut bool) -> std::borrow::Cow<'a, str> {
    // PETRARCH: '#' starts a comment, ';' too in actor files (`[AFGMIL]; CountryInfo.txt`)
    strip_comments(raw, in_xml, false)
}

fn line_no(n: usize) -> u32 {
    u32::try_from(n + 1).unwrap_or(u32::MAX)
}

/// A `!MARKER! = A, B` substitution list of an agents file.
type Substitution = (String, Vec<String>);

/// Reads a PETRARCH agents file.
pub fn read_agents(file: &Arc<str>, text: &str, diags: &mut Vec<Diagnostic>) -> ActorDict {
    let mut dict = ActorDict::default();
    let mut subst: Vec<Substitution> = Vec::new();
    let mut in_xml = false;
    for (n, raw) in text.lines().enumerate() {
        let ln = line_no(n);
        let stripped = strip_comments_p(raw, &mut in_xml);
        let line = stripped.trim();
        if line.is_empty() {
            continue;
        }
        if line.starts_with('!') && line.contains('=') && !line.contains('[') {
            subst.push(substitution(line));
            continue;
        }
        let read = agent_line(line)
            .and_then(|(phrase, plurals, code)| Ok((substitute(&phrase, &subst)?, plurals, code)));
        match read {
            Ok((phrases, plurals, code)) => {
                let loc = Loc {
                    file: file.clone(),
                    line: ln,
                };
                push_agent(&mut dict, &phrases, plurals, &code, &loc);
            }
            Err(m) => diag(diags, file, ln, m),
        }
    }
    dict
}

fn substitution(line: &str) -> Substitution {
    let (k, v) = line.split_once('=').unwrap_or((line, ""));
    let values = v
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    (k.trim().to_string(), values)
}

/// `PHRASE {PLURALS} [~CODE]`: the phrase, the plurals and the code.
fn agent_line(line: &str) -> std::result::Result<(String, Option<Vec<String>>, DatedCode), String> {
    // tolerate the `[~LEG}` typo seen in the documentation
    let fixed = if line.contains('[') && !line.contains(']') {
        line.replacen('}', "]", 1)
    } else {
        line.to_string()
    };
    let (rest, plurals) = extract_braces(&fixed)?;
    let (phrase, blocks) = split_blocks(&rest)?;
    if phrase.is_empty() {
        return Err("phrase missing".into());
    }
    let [block] = blocks.as_slice() else {
        return Err(format!(
            "agent '{phrase}' needs exactly one [~CODE], found {}",
            blocks.len()
        ));
    };
    let code = parse_code_block(block)?;
    if !code.code.starts_with('~') && !code.code.ends_with('~') {
        return Err(format!(
            "agent code '{}' lacks the '~' connector",
            code.code
        ));
    }
    Ok((phrase.to_string(), plurals, code))
}

/// The phrases a phrase with a `!MARKER!` stands for (itself when it has none).
fn substitute(phrase: &str, subst: &[Substitution]) -> std::result::Result<Vec<String>, String> {
    let Some((marker, values)) = subst.iter().find(|(m, _)| phrase.contains(m.as_str())) else {
        if phrase.contains('!') {
            return Err(format!("undefined substitution marker in '{phrase}'"));
        }
        return Ok(vec![phrase.to_string()]);
    };
    if values.is_empty() {
        return Err(format!(
            "substitution marker {marker} in '{phrase}' has no values"
        ));
    }
    Ok(values
        .iter()
        .map(|v| phrase.replace(marker.as_str(), v))
        .collect())
}

/// One entry per phrase (the first is the parent of the others) and per plural.
fn push_agent(
    dict: &mut ActorDict,
    phrases: &[String],
    plurals: Option<Vec<String>>,
    code: &DatedCode,
    loc: &Loc,
) {
    let Some(parent) = phrases.first() else {
        return;
    };
    let entry = |phrase: &str, no_endings: bool, parent: Option<&String>, plurals| {
        let mut words = phrase_words(phrase);
        if let Some(w) = words.last_mut() {
            w.exact = true;
            w.no_endings |= no_endings;
        }
        ActorEntry {
            phrase: phrase.to_string(),
            words,
            codes: vec![code.clone()],
            parent: parent.cloned(),
            plurals,
            loc: loc.clone(),
        }
    };
    for (i, p) in phrases.iter().enumerate() {
        let parent = (i > 0).then_some(parent);
        dict.entries
            .push(entry(p, plurals.is_some(), parent, plurals.clone()));
    }
    for pl in plurals.iter().flatten() {
        dict.entries.push(entry(pl, true, Some(parent), None));
    }
}

/// Reads a PETRARCH verbs file (CAMEO.2.0 format or `PETR.Validate.verbs.txt`).
pub fn read_verbs(file: &Arc<str>, text: &str, diags: &mut Vec<Diagnostic>) -> VerbDict {
    let mut dict = VerbDict::default();
    let mut block_code = VerbCode {
        null: true,
        ..VerbCode::default()
    };
    let mut block_first: Option<usize> = None;
    let mut current_synset: Option<String> = None;
    let mut in_xml = false;
    let mut patterns_started = false;
    for (n, raw) in text.lines().enumerate() {
        let ln = line_no(n);
        let loc = Loc {
            file: file.clone(),
            line: ln,
        };
        let t = raw.trim_start();
        if let Some(h) = t.strip_prefix("---") {
            // block header: --- NAME [code] ---
            let h = h.trim().trim_end_matches('-').trim();
            block_code = match split_blocks(h) {
                Ok((_, b)) if b.len() == 1 => VerbCode::parse(b[0]).unwrap_or_else(|m| {
                    diag(diags, file, ln, m);
                    VerbCode {
                        null: true,
                        ..VerbCode::default()
                    }
                }),
                _ => VerbCode {
                    null: true,
                    ..VerbCode::default()
                },
            };
            block_first = None;
            patterns_started = false;
            current_synset = None;
            // the header names the block's first verb
            let name = h.split('[').next().unwrap_or("").trim();
            if !name.is_empty() && !name.contains(char::is_whitespace) {
                let (words, head) = verb_words(name);
                block_first = Some(dict.roots.len());
                dict.roots.push(VerbRoot {
                    phrase: name.to_string(),
                    words,
                    head,
                    forms: Vec::new(),
                    code: block_code.clone(),
                    patterns: Vec::new(),
                    shared: None,
                    loc,
                });
            }
            continue;
        }
        if t.starts_with('~') {
            dict.transformations
                .push((strip_comments_p(raw, &mut in_xml).trim().to_string(), loc));
            continue;
        }
        let stripped = strip_comments_p(raw, &mut in_xml);
        let line = stripped.trim();
        if line.is_empty() {
            continue;
        }
        if line.starts_with('&') || (line.starts_with('+') && current_synset.is_some()) {
            read_synset_line(line, &mut current_synset, &mut dict, file, ln, diags);
            continue;
        }
        current_synset = None;
        if let Some(p) = line.strip_prefix('-') {
            let Some(first) = block_first else {
                diag(diags, file, ln, "pattern before any verb; skipped");
                continue;
            };
            patterns_started = true;
            match read_pattern(p, loc) {
                Ok(p) => dict.roots[first].patterns.push(p),
                Err(m) => diag(diags, file, ln, m),
            }
            continue;
        }
        if patterns_started {
            // a verb after patterns without a new header: starts a new block with the same code
            block_first = None;
            patterns_started = false;
        }
        match read_verb_line(line, &block_code, loc) {
            Ok(root)
                if block_first.is_some_and(|f| {
                    dict.roots[f].phrase == root.phrase && dict.roots[f].forms.is_empty()
                }) =>
            {
                if let Some(f) = block_first {
                    dict.roots[f].forms = root.forms;
                    dict.roots[f].code = root.code;
                }
            }
            Ok(mut root) => {
                let idx = dict.roots.len();
                match block_first {
                    Some(_) => root.patterns.clear(),
                    None => block_first = Some(idx),
                }
                if let Some(f) = block_first.filter(|&f| f != idx) {
                    root.shared = Some(f);
                }
                dict.roots.push(root);
            }
            Err(m) => diag(diags, file, ln, m),
        }
    }
    for r in &mut dict.roots {
        r.patterns.sort_by_key(|p| std::cmp::Reverse(p.len));
    }
    dict
}

fn read_verb_line(
    line: &str,
    block_code: &VerbCode,
    loc: Loc,
) -> std::result::Result<VerbRoot, String> {
    let (rest, forms) = extract_braces(line)?;
    let (phrase, blocks) = split_blocks(&rest)?;
    if phrase.is_empty() {
        return Err("verb phrase missing".into());
    }
    if phrase.contains(['*', '$', '%']) {
        return Err(format!("unexpected line '{line}' (pattern without '-'?)"));
    }
    let code = match blocks.as_slice() {
        [] => block_code.clone(),
        [b] => VerbCode::parse(b)?,
        _ => return Err("verb has more than one [code]".into()),
    };
    let (words, head) = verb_words(phrase);
    let forms = forms
        .unwrap_or_default()
        .iter()
        .map(|f| verb_words(f).0)
        .filter(|w| !w.is_empty())
        .collect();
    Ok(VerbRoot {
        phrase: phrase.to_string(),
        words,
        head,
        forms,
        code,
        patterns: Vec::new(),
        shared: None,
        loc,
    })
}

/// Words of a PETRARCH verb (`WIRE_+TAP`): all exact, consecutive; the `+` marks the head.
fn verb_words(phrase: &str) -> (Vec<PWord>, usize) {
    let mut head = 0;
    let parts: Vec<&str> = phrase.split(['_', ' ']).filter(|s| !s.is_empty()).collect();
    let n = parts.len();
    let words = parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if p.starts_with('+') {
                head = i;
            }
            PWord {
                text: p.trim_start_matches('+').to_uppercase(),
                exact: true,
                no_endings: false,
                joined: i + 1 < n,
            }
        })
        .collect();
    (words, head)
}

fn read_pattern(body: &str, loc: Loc) -> std::result::Result<Pattern, String> {
    let (p, blocks) = split_blocks(body)?;
    if blocks.len() != 1 {
        return Err(format!(
            "pattern needs exactly one [code], found {}",
            blocks.len()
        ));
    }
    let code = VerbCode::parse(blocks[0])?;
    let toks = flatten_pattern(p)?;
    if toks
        .iter()
        .filter(|t| matches!(t, PTok::Verb { .. }))
        .count()
        != 1
    {
        return Err("pattern needs exactly one '*'".into());
    }
    let len = super::tabari::pattern_len(&toks);
    Ok(Pattern {
        raw: p.to_string(),
        toks,
        code,
        len,
        loc,
    })
}

/// Flattens a PETRARCH pattern to TABARI elements: brackets go, every word must match whole
/// (regular endings allowed), `_` still joins.
pub fn flatten_pattern(p: &str) -> std::result::Result<Vec<PTok>, String> {
    let depth_ok = p.matches('(').count() == p.matches(')').count()
        && p.matches('{').count() == p.matches('}').count();
    if !depth_ok {
        return Err("unbalanced brackets in pattern".into());
    }
    let cleaned: String = p
        .chars()
        .map(|c| if "(){}".contains(c) { ' ' } else { c })
        .collect();
    let mut toks = super::tabari::parse_pattern(&cleaned)?;
    for t in &mut toks {
        if let PTok::Word(w) = t {
            w.exact = true;
        }
    }
    Ok(toks)
}

/// Reads a PETRARCH discard list.
pub fn read_discards(file: &Arc<str>, text: &str, diags: &mut Vec<Diagnostic>) -> Vec<Discard> {
    let mut out = Vec::new();
    let mut in_xml = false;
    for (n, raw) in text.lines().enumerate() {
        let stripped = strip_comments_p(raw, &mut in_xml);
        let line = stripped.trim();
        if line.is_empty() {
            continue;
        }
        let (story, phrase) = match line.strip_prefix('+') {
            Some(p) => (true, p.trim()),
            None => (false, line),
        };
        let mut words = phrase_words(phrase);
        if words.is_empty() {
            diag(diags, file, line_no(n), "empty discard phrase");
            continue;
        }
        let last = words.len() - 1;
        for w in &mut words[..last] {
            w.exact = true;
            w.joined = true;
        }
        out.push(Discard {
            words,
            story,
            loc: Loc {
                file: file.clone(),
                line: line_no(n),
            },
        });
    }
    out
}

/// Most phrases one issues line may expand to (each `+` doubles them, each `n:`/`v:` word
/// multiplies them by 2 or 4).
pub const MAX_ISSUE_EXPANSIONS: usize = 4096;

/// An issues line whose `+` and `n:`/`v:` forms expand to more than [`MAX_ISSUE_EXPANSIONS`]
/// phrases; the line is skipped.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {}", self.reason())]
pub struct ExpansionLimit {
    /// The issues file.
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// The limit that was reached.
    pub limit: usize,
}

impl ExpansionLimit {
    /// What is wrong, without the place.
    pub fn reason(&self) -> String {
        format!(
            "issue phrase expands to more than {} forms; skipped",
            self.limit
        )
    }
}

/// The forms of one segment of an issue word: `n:school` → school, schools; `v:ban` → ban,
/// bans, baned, baning; anything else as written.
fn segment_forms(s: &str) -> Vec<String> {
    if let Some(x) = s.strip_prefix("n:") {
        let plural = if let Some(st) = x.strip_suffix('y') {
            format!("{st}ies")
        } else if x.ends_with('s') {
            format!("{x}es")
        } else {
            format!("{x}s")
        };
        return vec![x.to_string(), plural];
    }
    if let Some(x) = s.strip_prefix("v:") {
        let stem = x.strip_suffix('e').unwrap_or(x);
        return vec![
            x.to_string(),
            format!("{x}s"),
            format!("{stem}ed"),
            format!("{stem}ing"),
        ];
    }
    vec![s.to_string()]
}

/// Every combination of `prefixes` × `forms` joined by `joiners`, or `None` past `limit`.
fn combine(
    prefixes: &[String],
    forms: &[String],
    joiners: &[&str],
    limit: usize,
) -> Option<Vec<String>> {
    if prefixes.len() * forms.len() * joiners.len() > limit {
        return None;
    }
    let mut out = Vec::with_capacity(prefixes.len() * forms.len() * joiners.len());
    for p in prefixes {
        for f in forms {
            for j in joiners {
                out.push(format!("{p}{j}{f}"));
            }
        }
    }
    Some(out)
}

/// The phrases one issue word stands for: `pre+n:school` → "pre school", "pre-school",
/// "pre schools", "pre-schools"; `None` past `limit`.
fn expand_issue_word(w: &str, limit: usize) -> Option<Vec<String>> {
    let mut segments = w.split('+');
    let mut out = segment_forms(segments.next().unwrap_or(""));
    for seg in segments {
        out = combine(&out, &segment_forms(seg), &[" ", "-"], limit)?;
    }
    (out.len() <= limit).then_some(out)
}

/// The phrases an issue phrase expands to, word by word; `None` past `limit`.
fn expand_issue_phrase(phrase: &str, limit: usize) -> Option<Vec<String>> {
    let mut words = phrase.split_whitespace();
    let mut out = expand_issue_word(words.next().unwrap_or(""), limit)?;
    for w in words {
        out = combine(&out, &expand_issue_word(w, limit)?, &[" "], limit)?;
    }
    Some(out)
}

/// Reads a PETRARCH issues file.
pub fn read_issues(file: &Arc<str>, text: &str, diags: &mut Vec<Diagnostic>) -> Vec<Issue> {
    let mut out = Vec::new();
    let mut in_xml = false;
    for (n, raw) in text.lines().enumerate() {
        let stripped = strip_comments_p(raw, &mut in_xml);
        let line = stripped.trim();
        if line.is_empty() || line.starts_with('<') {
            continue;
        }
        let loc = Loc {
            file: file.clone(),
            line: line_no(n),
        };
        if let Some(ig) = line.strip_prefix('~') {
            let ig = ig.trim_start_matches('~').trim();
            out.push(Issue {
                phrases: vec![ig.to_string()],
                code: String::new(),
                ignore: true,
                loc,
            });
            continue;
        }
        let (phrase, blocks) = match split_blocks(line) {
            Ok(v) => v,
            Err(m) => {
                diag(diags, file, line_no(n), m);
                continue;
            }
        };
        if blocks.len() != 1 || phrase.is_empty() {
            diag(diags, file, line_no(n), "issue line needs 'phrase [CODE]'");
            continue;
        }
        let Some(phrases) = expand_issue_phrase(phrase, MAX_ISSUE_EXPANSIONS) else {
            let limit = ExpansionLimit {
                file: file.to_string(),
                line: line_no(n),
                limit: MAX_ISSUE_EXPANSIONS,
            };
            diag(diags, file, line_no(n), limit.reason());
            continue;
        };
        out.push(Issue {
            phrases,
            code: blocks[0].trim().to_string(),
            ignore: false,
            loc,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agents() {
        let t = "!PERSON! = MAN, MEN\nCONGRESS!PERSON! [~LEG]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV] # c\nBAD [GOV]\nMEDIA {} [~MED]\n";
        let mut d = Vec::new();
        let a = read_agents(&"a.txt".into(), t, &mut d);
        assert_eq!(
            a.entries.len(),
            5,
            "{:?}",
            a.entries.iter().map(|e| &e.phrase).collect::<Vec<_>>()
        );
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn verbs() {
        let t = "&CUR\n+DOLLARS\n\n--- ACCELERATE [042] ---\nACCELERATE\nHURRY {HURRIES HURRIED}\n- * (TO)  [042:043] # RUSH\n- * {ARMS SHIPMENT} [072]\n~ a (a b Q) SAY = a b Q\n--- X [---] ---\n+BEEF_UP\nWIRE_+TAP\n- * &CUR [1]\n- nostar [2]\n";
        let mut d = Vec::new();
        let v = read_verbs(&"v.txt".into(), t, &mut d);
        assert_eq!(
            v.roots.len(),
            5,
            "{:?}",
            v.roots.iter().map(|r| &r.phrase).collect::<Vec<_>>()
        );
        assert_eq!(v.roots[0].patterns.len(), 2);
        assert_eq!(v.roots[1].shared, Some(0));
        assert_eq!(v.roots[0].code.code, "042");
        assert_eq!(v.roots[4].head, 1);
        assert_eq!(v.transformations.len(), 1);
        assert_eq!(d.len(), 1, "{d:?}");
    }

    /// Issue 12: `v:a+v:b+...` doubled memory per `+` (24 GB, killed).
    #[test]
    fn issue_expansion_is_capped_with_an_error_naming_file_and_line() {
        let mut d = Vec::new();
        let line = "v:a+v:b+v:c+v:d+v:e+v:f+v:g+v:h+v:i+v:j+v:k+v:l+v:m [X]";
        let i = read_issues(&"issues.txt".into(), &format!("n:ok [Y]\n{line}\n"), &mut d);
        assert_eq!(i.len(), 1);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].file.as_str(), d[0].line), ("issues.txt", 2));
        assert!(d[0].message.contains("expands to more than"), "{}", d[0]);
        let e = ExpansionLimit {
            file: "issues.txt".into(),
            line: 2,
            limit: MAX_ISSUE_EXPANSIONS,
        };
        assert!(e
            .to_string()
            .starts_with("issues.txt:2: issue phrase expands"));
        let words = ["n:a+n:b"; 12].join(" ");
        let i = read_issues(&"i".into(), &format!("{words} [X]\n"), &mut d);
        assert!(i.is_empty() && d.len() == 2, "{d:?}");
    }

    /// Issue 12: an empty substitution list panicked (index out of bounds).
    #[test]
    fn empty_substitution_is_a_diagnostic() {
        let mut d = Vec::new();
        let t = "!PERSON! = \nPOLICE_!PERSON! [~COP]\nPOLICE [~COP]\n";
        let a = read_agents(&"a.txt".into(), t, &mut d);
        assert_eq!(a.entries.len(), 1);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].line, 2);
        assert!(d[0].message.contains("no values"), "{}", d[0]);
    }

    #[test]
    fn issues_and_discards() {
        let mut d = Vec::new();
        let i = read_issues(
            &"i".into(),
            "<ISSUE CATEGORY=\"X\">\nn:preschool [ECE]\npre+n:school [ECE]\n~a head start\n",
            &mut d,
        );
        assert_eq!(i[0].phrases, ["preschool", "preschools"]);
        assert!(
            i[1].phrases.contains(&"pre school".to_string())
                && i[1].phrases.contains(&"pre-schools".to_string())
        );
        assert!(i[2].ignore);
        let ds = read_discards(&"d".into(), "+5K RUN # x\nBASEBALL\n", &mut d);
        assert!(ds[0].story && !ds[1].story);
        assert!(d.is_empty());
    }
}
