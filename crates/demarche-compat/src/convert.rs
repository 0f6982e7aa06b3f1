//! `dict convert`: translates TABARI/PETRARCH dictionaries into demarche's own format
//! (`docs/dictionaries.md`), as losslessly as that format allows.
//!
//! What converts exactly: actor phrases and codes, synonyms, date restrictions (TABARI's
//! "first restriction that applies, else the default" is turned into disjoint ranges), agents
//! (`~GOV` → `GOV`), bare verbs, patterns whose words all follow the verb (alternatives and
//! synonym sets are expanded), a leading `NOT`, discard phrases. Everything else is kept as a
//! `# tabari:` / `# petrarch:` comment in the output and reported as
//! [`FindingKind::Unconvertible`].

use super::lint::{Finding, FindingKind};
use super::*;
use chrono::Days;
use std::collections::BTreeMap;

/// Converts and compiles the dictionaries for demarche's own engine (`demarche code --dict
/// <TABARI/PETRARCH files>`). The diagnostics are the entries skipped while reading, then the
/// problems the compiler found in the converted files, each at the user's file and line.
pub fn to_dictionaries(d: &CompatDicts) -> (demarche::Dictionaries, Converted) {
    let converted = convert(d);
    let sources = demarche::dict::DictionarySources::from_files(&converted.files);
    let mut dict = demarche::Dictionaries::compile(sources);
    let compiled = std::mem::take(&mut dict.diagnostics);
    dict.diagnostics = d.diagnostics.clone();
    dict.diagnostics
        .extend(compiled.iter().map(|x| converted.locate(x)));
    (dict, converted)
}

/// Converted files: relative path → contents.
#[derive(Clone, Debug, Default)]
pub struct Converted {
    /// Output files in demarche's layout (`actors/NAME.txt`, `agents.txt`, `verbs.txt`,
    /// `discards.txt`).
    pub files: BTreeMap<String, String>,
    /// Constructs that could not be expressed.
    pub notes: Vec<Finding>,
    /// For each output file, the byte offset of each entry line and the source entry it came
    /// from, so problems found in the output are reported where the user can fix them.
    origins: BTreeMap<String, Vec<(usize, Loc)>>,
}

impl Converted {
    fn note(&mut self, path: &str, loc: &Loc, msg: String) {
        let prefix = if loc.file.ends_with(".txt") {
            "petrarch"
        } else {
            "tabari"
        };
        let f = self.files.entry(path.to_string()).or_default();
        f.push_str(&format!("# {prefix}: {loc}: {msg}\n"));
        self.notes.push(Finding {
            kind: FindingKind::Unconvertible,
            diag: Diagnostic::new(loc.file.to_string(), loc.line, msg),
        });
    }

    fn line(&mut self, path: &str, text: String, from: &Loc) {
        let f = self.files.entry(path.to_string()).or_default();
        let offset = f.len();
        f.push_str(&text);
        f.push('\n');
        let origins = self.origins.entry(path.to_string()).or_default();
        origins.push((offset, from.clone()));
    }

    /// Where line `line` of output file `file` came from in the user's dictionaries.
    pub fn origin(&self, file: &str, line: u32) -> Option<&Loc> {
        let index = usize::try_from(line).ok()?.checked_sub(1)?;
        let text = self.files.get(file)?;
        let offset = if index == 0 {
            0
        } else {
            text.match_indices('\n').nth(index - 1)?.0 + 1
        };
        let origins = self.origins.get(file)?;
        let at = origins.binary_search_by_key(&offset, |(o, _)| *o).ok()?;
        Some(&origins[at].1)
    }

    /// A problem found in an output file, re-addressed to the user's file and line (kept as it
    /// is when its origin is unknown).
    pub fn locate(&self, diag: &Diagnostic) -> Diagnostic {
        match self.origin(&diag.file, diag.line) {
            Some(loc) => Diagnostic::new(loc.file.to_string(), loc.line, diag.message.clone()),
            None => diag.clone(),
        }
    }
}

fn header(source: &str) -> String {
    format!(
        "# Converted by `demarche dict convert` from {source}.\n# TABARI/PETRARCH match stems and let words between pattern elements skip any number of\n# tokens; demarche matches whole words and `*` skips up to four tokens. Lines starting with\n# `# tabari:` or `# petrarch:` mark entries demarche's format cannot express.\n\n"
    )
}

/// Lower-case phrase text for demarche (TABARI matching is case-insensitive).
fn phrase_text(words: &[PWord]) -> String {
    words
        .iter()
        .map(|w| w.text.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

fn stems(words: &[PWord]) -> Vec<&str> {
    words
        .iter()
        .filter(|w| !w.exact)
        .map(|w| w.text.as_str())
        .collect()
}

fn date_str(d: Date) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn range_str(from: Option<Date>, to: Option<Date>) -> String {
    if from.is_none() && to.is_none() {
        return String::new();
    }
    format!(
        " {}..{}",
        from.map(date_str).unwrap_or_default(),
        to.map(date_str).unwrap_or_default()
    )
}

/// Turns TABARI's ordered code list into disjoint `(code, from, to)` pieces: earlier
/// restrictions win over later ones, the default fills the gaps.
pub fn disjoint_codes(codes: &[DatedCode]) -> Vec<(String, Option<Date>, Option<Date>)> {
    // intervals as (from, to) with None = open
    let mut taken: Vec<(Option<Date>, Option<Date>)> = Vec::new();
    let mut out = Vec::new();
    let ordered = codes
        .iter()
        .filter(|c| c.is_restricted())
        .chain(codes.iter().filter(|c| !c.is_restricted()).take(1));
    for c in ordered {
        let mut pieces = vec![(c.from, c.to)];
        for &(tf, tt) in &taken {
            pieces = pieces
                .into_iter()
                .flat_map(|p| subtract(p, (tf, tt)))
                .collect();
        }
        for &(f, t) in &pieces {
            out.push((c.code.clone(), f, t));
        }
        taken.push((c.from, c.to));
    }
    out
}

fn subtract(
    p: (Option<Date>, Option<Date>),
    q: (Option<Date>, Option<Date>),
) -> Vec<(Option<Date>, Option<Date>)> {
    let (pf, pt) = p;
    let (qf, qt) = q;
    // no overlap?
    let overlap = pt.is_none_or(|pt| qf.is_none_or(|qf| qf <= pt))
        && qt.is_none_or(|qt| pf.is_none_or(|pf| pf <= qt));
    if !overlap {
        return vec![p];
    }
    let mut out = Vec::new();
    if let Some(qf) = qf {
        if pf.is_none_or(|pf| pf < qf) {
            out.push((pf, qf.checked_sub_days(Days::new(1))));
        }
    }
    if let Some(qt) = qt {
        if pt.is_none_or(|pt| pt > qt) {
            out.push((qt.checked_add_days(Days::new(1)), pt));
        }
    }
    out
}

fn actor_path(loc: &Loc) -> String {
    let stem = loc
        .file
        .rsplit('/')
        .next()
        .unwrap_or(&loc.file)
        .trim_end_matches(".txt")
        .replace('.', "_");
    format!("actors/{stem}.txt")
}

fn convert_actors(dict: &ActorDict, out: &mut Converted) {
    // groups: primary + synonyms, in order
    let mut i = 0;
    while i < dict.entries.len() {
        let mut j = i + 1;
        while j < dict.entries.len()
            && dict.entries[j].parent.is_some()
            && dict.entries[j].parent.as_deref() == Some(dict.entries[i].phrase.as_str())
        {
            j += 1;
        }
        let group = &dict.entries[i..j];
        let path = actor_path(&group[0].loc);
        if !out.files.contains_key(&path) {
            out.files.insert(path.clone(), header(&group[0].loc.file));
        }
        for e in group {
            let s = stems(&e.words);
            if !s.is_empty() {
                out.note(
                    &path,
                    &e.loc,
                    format!(
                        "stem {} in '{}' is matched as a whole word",
                        s.join(", "),
                        e.phrase
                    ),
                );
            }
            if e.words.iter().rev().skip(1).any(|w| !w.joined) {
                out.note(&path, &e.loc, format!("'{}' lets other words stand between its words; demarche needs them adjacent", e.phrase));
            }
        }
        let phrases: Vec<String> = group.iter().map(|e| phrase_text(&e.words)).collect();
        for (code, from, to) in disjoint_codes(&group[0].codes) {
            match code.as_str() {
                "---" => {
                    if from.is_none() && to.is_none() {
                        out.note(&path, &group[0].loc, format!("null code [---] for '{}' (blocks shorter matches) cannot be expressed", group[0].phrase));
                    }
                }
                "###" => out.line("discards.txt", phrases.join(" | "), &group[0].loc),
                "+++" => out.note(
                    &path,
                    &group[0].loc,
                    format!(
                        "complex code [+++] for '{}' cannot be expressed",
                        group[0].phrase
                    ),
                ),
                c if c.contains('/') => out.note(
                    &path,
                    &group[0].loc,
                    format!(
                        "coded compound [{c}] for '{}' cannot be expressed",
                        group[0].phrase
                    ),
                ),
                c => out.line(
                    &path,
                    format!("{c}{} : {}", range_str(from, to), phrases.join(" | ")),
                    &group[0].loc,
                ),
            }
        }
        i = j;
    }
}

fn convert_agents(dict: &ActorDict, out: &mut Converted) {
    let path = "agents.txt";
    for e in &dict.entries {
        if !out.files.contains_key(path) {
            out.files.insert(path.into(), header(&e.loc.file));
        }
        let Some(c) = e.codes.first() else { continue };
        if e.codes.len() > 1 || c.is_restricted() {
            out.note(
                path,
                &e.loc,
                format!(
                    "date-restricted agent codes for '{}' cannot be expressed; using {}",
                    e.phrase, c.code
                ),
            );
        }
        if c.code.ends_with('~') && !c.code.starts_with('~') {
            out.note(
                path,
                &e.loc,
                format!(
                    "agent code {} goes before the actor code; demarche always appends",
                    c.code
                ),
            );
        }
        let s = stems(&e.words[..e.words.len().saturating_sub(1)]);
        if !s.is_empty() {
            out.note(
                path,
                &e.loc,
                format!(
                    "stem {} in '{}' is matched as a whole word",
                    s.join(", "),
                    e.phrase
                ),
            );
        }
        let code = c.code.trim_matches('~');
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
            out.note(
                path,
                &e.loc,
                format!("agent code '{}' is not usable", c.code),
            );
            continue;
        }
        out.line(path, format!("{code} : {}", phrase_text(&e.words)), &e.loc);
    }
}

/// Expands a pattern's elements into plain word sequences (alternatives and synsets).
/// `None` when it holds actor markers or expands to more than `limit` sequences.
fn expand(
    toks: &[PTok],
    synsets: &std::collections::HashMap<String, Vec<Vec<PTok>>>,
    limit: usize,
    depth: usize,
) -> Option<Vec<Vec<(String, bool)>>> {
    let mut acc: Vec<Vec<(String, bool)>> = vec![Vec::new()];
    for t in toks {
        let options: Vec<Vec<(String, bool)>> = match t {
            PTok::Word(w) => vec![vec![(w.text.to_lowercase(), w.joined)]],
            PTok::Alt { joined, .. } | PTok::Synset { joined, .. } if depth < 4 => {
                let list: &Vec<Vec<PTok>> = match t {
                    PTok::Alt { alts, .. } => alts,
                    PTok::Synset { name, .. } => synsets.get(name)?,
                    _ => return None,
                };
                let mut v = Vec::new();
                for a in list {
                    for mut seq in expand(a, synsets, limit, depth + 1)? {
                        if let Some(last) = seq.last_mut() {
                            last.1 = *joined;
                        }
                        v.push(seq);
                    }
                }
                v
            }
            _ => return None,
        };
        acc = acc
            .iter()
            .flat_map(|a| {
                options
                    .iter()
                    .map(move |o| a.iter().chain(o.iter()).cloned().collect())
            })
            .collect();
        if acc.len() > limit {
            return None;
        }
    }
    Some(acc)
}

fn convert_verbs(v: &VerbDict, out: &mut Converted) {
    let path = "verbs.txt";
    for r in &v.roots {
        if !out.files.contains_key(path) {
            out.files.insert(path.into(), header(&r.loc.file));
        }
        let root = phrase_text(&r.words);
        if r.head != 0 {
            out.note(
                path,
                &r.loc,
                format!(
                    "verb '{}' has its head after other words; demarche needs the head first",
                    r.phrase
                ),
            );
            continue;
        }
        if !stems(&r.words).is_empty() {
            out.note(
                path,
                &r.loc,
                format!("verb stem '{}' is used as the base form", r.phrase),
            );
        }
        if !r.forms.is_empty() {
            out.note(
                path,
                &r.loc,
                format!(
                    "irregular forms of '{}' are left to demarche's inflection table",
                    r.phrase
                ),
            );
        }
        emit_code(out, path, &r.loc, &r.code, &root, &r.phrase);
        let pats = match r.shared {
            Some(i) => v.roots.get(i).map(|x| x.patterns.as_slice()).unwrap_or(&[]),
            None => r.patterns.as_slice(),
        };
        for p in pats {
            convert_pattern(v, p, &root, &r.phrase, out);
        }
    }
    for (t, loc) in &v.transformations {
        out.note(
            path,
            loc,
            format!("transformation '{t}' cannot be expressed"),
        );
    }
    for (p, c, loc) in &v.time {
        out.note(
            path,
            loc,
            format!("time-shift entry '{p} [{c}]' cannot be expressed"),
        );
    }
}

fn emit_code(out: &mut Converted, path: &str, loc: &Loc, code: &VerbCode, body: &str, what: &str) {
    if code.null {
        if !body.contains(' ') {
            return; // a bare null-coded verb: nothing to write
        }
        out.note(
            path,
            loc,
            format!("null-coded pattern '{what}' (blocks shorter patterns) cannot be expressed"),
        );
        return;
    }
    if code.discard || code.complex {
        out.note(
            path,
            loc,
            format!(
                "special code [{}] on '{what}' cannot be expressed",
                code.to_tabari()
            ),
        );
        return;
    }
    if let Some(p) = &code.pair {
        out.note(
            path,
            loc,
            format!(
                "paired code [{}] on '{what}': only {} is kept, the reverse event {p} is lost",
                code.to_tabari(),
                code.code
            ),
        );
    }
    if code.subordinate || code.dominant {
        out.note(
            path,
            loc,
            format!(
                "priority marker on [{}] for '{what}' cannot be expressed",
                code.to_tabari()
            ),
        );
    }
    out.line(path, format!("{} : {body}", code.code), loc);
}

fn convert_pattern(v: &VerbDict, p: &Pattern, root: &str, phrase: &str, out: &mut Converted) {
    let path = "verbs.txt";
    let star = p
        .toks
        .iter()
        .position(|t| matches!(t, PTok::Verb { .. }))
        .unwrap_or(0);
    let mut pre = &p.toks[..star];
    let mut post: Vec<PTok> = p.toks[star + 1..].to_vec();
    let mut negated = false;
    if let [PTok::Word(w)] = pre {
        if w.text == "NOT" {
            negated = true;
            pre = &[];
        }
    }
    if !pre.is_empty() {
        out.note(
            path,
            &p.loc,
            format!(
                "pattern '- {}' of '{phrase}': elements before the verb cannot be expressed",
                p.raw.trim()
            ),
        );
        return;
    }
    if matches!(post.last(), Some(PTok::Target { .. })) {
        post.pop();
    }
    let Some(seqs) = expand(&post, &v.synsets, 64, 0) else {
        out.note(path, &p.loc, format!("pattern '- {}' of '{phrase}': actor markers ($ + % ^) or too many alternatives cannot be expressed", p.raw.trim()));
        return;
    };
    let verb_joined = p.toks[star].joined();
    let mut bodies = Vec::new();
    for seq in seqs {
        let mut s = String::new();
        if negated {
            s.push_str("not ");
        }
        s.push_str(root);
        let mut joined = verb_joined;
        for (w, j) in seq {
            s.push_str(if joined { " " } else { " * " });
            s.push_str(&w);
            joined = j;
        }
        bodies.push(s);
    }
    let code = &p.code;
    if code.null {
        out.note(path, &p.loc, format!("null-coded pattern '- {}' of '{phrase}' (blocks shorter patterns) cannot be expressed", p.raw.trim()));
        return;
    }
    emit_code(
        out,
        path,
        &p.loc,
        code,
        &bodies.join(" | "),
        &format!("- {}", p.raw.trim()),
    );
}

fn convert_discards(ds: &[Discard], out: &mut Converted) {
    let path = "discards.txt";
    for d in ds {
        if d.story {
            out.note(
                path,
                &d.loc,
                format!(
                    "story-level discard '+{}' is converted to a sentence-level discard",
                    phrase_text(&d.words)
                ),
            );
        }
        out.line(path, phrase_text(&d.words), &d.loc);
    }
}

/// Converts loaded dictionaries.
pub fn convert(d: &CompatDicts) -> Converted {
    let mut out = Converted::default();
    convert_actors(&d.actors, &mut out);
    convert_agents(&d.agents, &mut out);
    convert_verbs(&d.verbs, &mut out);
    convert_discards(
        &d.discards
            .iter()
            .filter(|x| !x.loc.file.ends_with(".actors"))
            .cloned()
            .collect::<Vec<_>>(),
        &mut out,
    );
    for i in d.issues.iter().take(1) {
        out.note(
            "verbs.txt",
            &i.loc,
            format!(
                "issue coding ({} entries) has no demarche equivalent",
                d.issues.len()
            ),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn restricted_codes_become_disjoint_ranges() {
        let d = |s| parse_date(s);
        let codes = vec![
            DatedCode {
                code: "A".into(),
                from: d("950101"),
                to: d("991231"),
            },
            DatedCode {
                code: "B".into(),
                from: None,
                to: None,
            },
        ];
        let r = disjoint_codes(&codes);
        assert_eq!(r.len(), 3);
        assert_eq!(
            r[1],
            ("B".into(), None, NaiveDate::from_ymd_opt(1994, 12, 31))
        );
        assert_eq!(
            r[2],
            ("B".into(), NaiveDate::from_ymd_opt(2000, 1, 1), None)
        );
    }

    #[test]
    fn converts_and_notes() {
        let mut d = CompatDicts::default();
        d.add_text(
            &"t.actors".into(),
            "AL_GORE_ [AGR]\nGOLLUM\n+SMEAGOL_\n  [HOB <950601]\n  [HOBREB]\nG7_ [USA/JPN]\n",
            (Dialect::Tabari, DictKind::Actors),
        );
        d.add_text(&"t.verbs".into(), "<SYNSETS>\n&TIE\n+MILITARY\n+ECONOMIC\n</SYNSETS>\nABANDON_ [345]\n- * &TIE_TIES [902]\n- SAID * [1]\n- NOT * [2]\n", (Dialect::Tabari, DictKind::Verbs));
        let c = convert(&d);
        let a = &c.files["actors/t_actors.txt"];
        assert!(a.contains("AGR : al gore"), "{a}");
        assert!(a.contains("HOB ..1995-06-01 : gollum | smeagol"), "{a}");
        assert!(a.contains("HOBREB 1995-06-02.. : gollum | smeagol"), "{a}");
        assert!(a.contains("coded compound"), "{a}");
        let v = &c.files["verbs.txt"];
        assert!(
            v.contains("902 : abandon * military ties | abandon * economic ties"),
            "{v}"
        );
        assert!(v.contains("2 : not abandon"), "{v}");
        assert!(v.contains("before the verb"), "{v}");
        assert!(c.notes.len() >= 3);
    }
}
