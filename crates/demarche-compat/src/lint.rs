//! `dict lint`: checks TABARI/PETRARCH dictionaries for problems beyond unreadable lines —
//! duplicate and conflicting entries, unreachable patterns, bad codes, inconsistent dates —
//! and lists the constructs that demarche's own format cannot express.

use super::*;
use std::collections::HashMap;

/// What kind of problem a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FindingKind {
    /// A line that could not be read (skipped when loading).
    Unreadable,
    /// The same entry twice with the same code.
    Duplicate,
    /// The same phrase or pattern with different codes.
    Conflict,
    /// A pattern that can never fire (an identical pattern comes first).
    Unreachable,
    /// A code that is not usable (shape, missing `~`, ...).
    BadCode,
    /// Date restrictions that overlap or are out of order.
    BadDate,
    /// A construct demarche's dictionary format cannot express (reported by conversion).
    Unconvertible,
}

impl FindingKind {
    /// A short lower-case label.
    pub fn label(self) -> &'static str {
        match self {
            FindingKind::Unreadable => "unreadable",
            FindingKind::Duplicate => "duplicate",
            FindingKind::Conflict => "conflict",
            FindingKind::Unreachable => "unreachable",
            FindingKind::BadCode => "bad-code",
            FindingKind::BadDate => "bad-date",
            FindingKind::Unconvertible => "unconvertible",
        }
    }
}

/// One lint finding.
#[derive(Clone, Debug)]
pub struct Finding {
    /// Its kind.
    pub kind: FindingKind,
    /// File, line and message.
    pub diag: Diagnostic,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.diag.file,
            self.diag.line,
            self.kind.label(),
            self.diag.message
        )
    }
}

fn push(out: &mut Vec<Finding>, kind: FindingKind, loc: &Loc, message: String) {
    out.push(Finding {
        kind,
        diag: Diagnostic::new(loc.file.to_string(), loc.line, message),
    });
}

fn classify(d: &Diagnostic) -> FindingKind {
    let m = &d.message;
    if m.contains("date") {
        FindingKind::BadDate
    } else if m.contains("code") || m.contains('~') {
        FindingKind::BadCode
    } else {
        FindingKind::Unreadable
    }
}

/// Lints loaded dictionaries. Includes the loader's diagnostics.
pub fn lint(d: &CompatDicts) -> Vec<Finding> {
    let mut out: Vec<Finding> = d
        .diagnostics
        .iter()
        .map(|x| Finding {
            kind: classify(x),
            diag: x.clone(),
        })
        .collect();
    lint_actors(&d.actors, false, &mut out);
    lint_actors(&d.agents, true, &mut out);
    lint_verbs(&d.verbs, &mut out);
    out
}

fn code_shape_ok(code: &str, agent: bool) -> bool {
    if matches!(code, "---" | "###" | "+++") {
        return true;
    }
    let c = if agent { code.trim_matches('~') } else { code };
    !c.is_empty()
        && c.split('/')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn lint_actors(dict: &ActorDict, agents: bool, out: &mut Vec<Finding>) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, e) in dict.entries.iter().enumerate() {
        let key = words_to_string(&e.words);
        if let Some(&j) = seen.get(&key) {
            let first = &dict.entries[j];
            if first.loc == e.loc {
                continue; // expansions of one line
            }
            if first.codes == e.codes {
                let note = if first.phrase != e.phrase {
                    format!(" ('{}' once hyphens become underscores)", first.phrase)
                } else {
                    String::new()
                };
                push(
                    out,
                    FindingKind::Duplicate,
                    &e.loc,
                    format!(
                        "'{}' repeats {}{note} with the same code",
                        e.phrase, first.loc
                    ),
                );
            } else {
                push(
                    out,
                    FindingKind::Conflict,
                    &e.loc,
                    format!(
                        "'{}' also at {} with different codes; the longest/first entry wins",
                        e.phrase, first.loc
                    ),
                );
            }
        } else {
            seen.insert(key, i);
        }
        if e.parent.is_some() {
            continue; // synonyms share the primary's codes: check those once
        }
        for c in &e.codes {
            if !code_shape_ok(&c.code, agents) {
                push(
                    out,
                    FindingKind::BadCode,
                    &e.loc,
                    format!(
                        "code '{}' of '{}' has characters other than letters and digits",
                        c.code, e.phrase
                    ),
                );
            }
            if agents && !c.code.starts_with('~') && !c.code.ends_with('~') {
                push(
                    out,
                    FindingKind::BadCode,
                    &e.loc,
                    format!(
                        "agent code '{}' of '{}' lacks the '~' connector",
                        c.code, e.phrase
                    ),
                );
            }
        }
        let restricted: Vec<&DatedCode> = e.codes.iter().filter(|c| c.is_restricted()).collect();
        for (a, x) in restricted.iter().enumerate() {
            for y in &restricted[a + 1..] {
                let lo = x.from.max(y.from);
                let hi = match (x.to, y.to) {
                    (Some(p), Some(q)) => Some(p.min(q)),
                    (p, q) => p.or(q),
                };
                if hi.is_none_or(|h| lo.is_none_or(|l| l < h)) {
                    push(out, FindingKind::BadDate, &e.loc, format!("date restrictions of '{}' overlap by more than a boundary day ({} and {}); the first one listed wins", e.phrase, x.code, y.code));
                }
            }
        }
        if e.codes.iter().filter(|c| !c.is_restricted()).count() > 1 {
            push(
                out,
                FindingKind::Conflict,
                &e.loc,
                format!(
                    "'{}' has more than one unrestricted (default) code; only the first is used",
                    e.phrase
                ),
            );
        }
        if let Some(pos) = e.codes.iter().position(|c| !c.is_restricted()) {
            if pos + 1 < e.codes.len() && e.loc.file.ends_with(".actors") {
                push(
                    out,
                    FindingKind::BadDate,
                    &e.loc,
                    format!(
                        "default code of '{}' is not the last code (TABARI requires it last)",
                        e.phrase
                    ),
                );
            }
        }
    }
}

fn lint_verbs(v: &VerbDict, out: &mut Vec<Finding>) {
    let mut roots: HashMap<String, usize> = HashMap::new();
    for (i, r) in v.roots.iter().enumerate() {
        let key = words_to_string(&r.words);
        if let Some(&j) = roots.get(&key) {
            let first = &v.roots[j];
            let kind = if first.code == r.code {
                FindingKind::Duplicate
            } else {
                FindingKind::Conflict
            };
            push(
                out,
                kind,
                &r.loc,
                format!(
                    "verb '{}' already defined at {}; its patterns are searched separately",
                    r.phrase, first.loc
                ),
            );
        } else {
            roots.insert(key, i);
        }
        if !r.code.null
            && !r.code.discard
            && !r.code.complex
            && !r.code.code.bytes().all(|b| b.is_ascii_digit())
        {
            push(
                out,
                FindingKind::BadCode,
                &r.loc,
                format!(
                    "event code '{}' of '{}' is not numeric (not a CAMEO code)",
                    r.code.code, r.phrase
                ),
            );
        }
        let mut pats: HashMap<String, usize> = HashMap::new();
        for (k, p) in r.patterns.iter().enumerate() {
            let key = super::tabari::pattern_to_string(&p.toks);
            if let Some(&j) = pats.get(&key) {
                let first = &r.patterns[j];
                if first.code == p.code {
                    push(
                        out,
                        FindingKind::Duplicate,
                        &p.loc,
                        format!(
                            "pattern '- {}' of '{}' repeats {}",
                            p.raw.trim(),
                            r.phrase,
                            first.loc
                        ),
                    );
                } else {
                    push(out, FindingKind::Unreachable, &p.loc, format!("pattern '- {}' [{}] of '{}' can never fire: the same pattern at {} [{}] is tried first", p.raw.trim(), p.code.to_tabari(), r.phrase, first.loc, first.code.to_tabari()));
                }
            } else {
                pats.insert(key, k);
            }
            if p.toks.len() == 1 && p.code == r.code {
                push(
                    out,
                    FindingKind::Unreachable,
                    &p.loc,
                    format!(
                        "pattern '- *' of '{}' only repeats the verb's own code",
                        r.phrase
                    ),
                );
            }
            if !p.code.null
                && !p.code.discard
                && !p.code.complex
                && !p.code.code.bytes().all(|b| b.is_ascii_digit())
            {
                push(
                    out,
                    FindingKind::BadCode,
                    &p.loc,
                    format!(
                        "event code '{}' is not numeric (not a CAMEO code)",
                        p.code.code
                    ),
                );
            }
        }
    }
}

/// Counts findings by kind.
pub fn summary(findings: &[Finding]) -> Vec<(FindingKind, usize)> {
    let mut m: std::collections::BTreeMap<FindingKind, usize> = std::collections::BTreeMap::new();
    for f in findings {
        *m.entry(f.kind).or_default() += 1;
    }
    m.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_duplicates_conflicts_and_unreachable() {
        let mut d = CompatDicts::default();
        let f: Arc<str> = "x.actors".into();
        d.add_text(&f, "ARNOR [ARN]\nARNOR [ARN]\nGONDOR [GON]\nGONDOR [GOX]\nBAD [A-B]\nX [A 900101-920101] [B 910101-930101] [C]\n", (Dialect::Tabari, DictKind::Actors));
        let v: Arc<str> = "x.verbs".into();
        d.add_text(
            &v,
            "MEET [031]\n- * IN [032]\n- * IN [033]\n- * IN [032]\n",
            (Dialect::Tabari, DictKind::Verbs),
        );
        let l = lint(&d);
        let kinds: Vec<FindingKind> = l.iter().map(|f| f.kind).collect();
        for k in [
            FindingKind::Duplicate,
            FindingKind::Conflict,
            FindingKind::BadCode,
            FindingKind::BadDate,
            FindingKind::Unreachable,
        ] {
            assert!(kinds.contains(&k), "{k:?} missing in {l:#?}");
        }
    }
}
