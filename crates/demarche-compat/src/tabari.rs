//! Readers for TABARI's files: `.actors`, `.agents`, `.verbs`, `.options`, `.project`.
//!
//! The syntax follows the TABARI 0.8.4 manual (chapters 4–8): `PHRASE [CODE] ; comment`,
//! `+SYNONYM` lines, indented `[CODE date]` restrictions, `<NOUN>`/`<ADJECTIVE>` lists,
//! `<SYNSETS>` and `<TIME>` sections, `- pattern [code]` lines, `{FORM FORM}` irregular forms.
//! The actor reader also reads PETRARCH/Phoenix actor files (same structure, `#` comments).

use super::*;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn diag(out: &mut Vec<Diagnostic>, file: &str, line: u32, message: impl Into<String>) {
    out.push(Diagnostic::new(file, line, message));
}

/// Strips comments: `;` (TABARI, `tabari` true) or `;` and `#` (PETRARCH), and whole
/// `<!-- ... -->` comments (tracked across lines by `in_xml_comment`). The special code
/// `[###]` is not a comment. Returns the remaining text (untrimmed at the start).
pub(crate) fn strip_comments<'a>(
    raw: &'a str,
    in_xml_comment: &mut bool,
    tabari: bool,
) -> std::borrow::Cow<'a, str> {
    let mut s = std::borrow::Cow::Borrowed(raw);
    if *in_xml_comment || s.contains("<!--") {
        let mut out = String::new();
        let mut rest: &str = raw;
        loop {
            if *in_xml_comment {
                match rest.find("-->") {
                    Some(i) => {
                        rest = &rest[i + 3..];
                        *in_xml_comment = false;
                    }
                    None => break,
                }
            } else {
                match rest.find("<!--") {
                    Some(i) => {
                        out.push_str(&rest[..i]);
                        rest = &rest[i + 4..];
                        *in_xml_comment = true;
                    }
                    None => {
                        out.push_str(rest);
                        break;
                    }
                }
            }
        }
        s = std::borrow::Cow::Owned(out);
    }
    let mut depth = 0i32;
    let cut = s
        .char_indices()
        .find(|&(_, c)| {
            match c {
                '[' => depth += 1,
                ']' => depth -= 1,
                _ => {}
            }
            depth <= 0 && (c == ';' || (c == '#' && !tabari))
        })
        .map(|(i, _)| i);
    match (cut, s) {
        (Some(i), std::borrow::Cow::Borrowed(b)) => std::borrow::Cow::Borrowed(&b[..i]),
        (Some(i), std::borrow::Cow::Owned(mut o)) => {
            o.truncate(i);
            std::borrow::Cow::Owned(o)
        }
        (None, s) => s,
    }
}

/// Splits `PHRASE [a] [b]` into the phrase and the insides of its code blocks.
pub(crate) fn split_blocks(line: &str) -> std::result::Result<(&str, Vec<&str>), String> {
    let Some(first) = line.find('[') else {
        if line.contains(']') {
            return Err("missing left bracket [".into());
        }
        return Ok((line.trim(), Vec::new()));
    };
    let phrase = line[..first].trim();
    let mut blocks = Vec::new();
    let mut rest = &line[first..];
    while let Some(open) = rest.find('[') {
        if !rest[..open].trim().is_empty() {
            return Err(format!(
                "unexpected text '{}' between code blocks",
                rest[..open].trim()
            ));
        }
        let close = rest[open..].find(']').ok_or("missing right bracket ]")? + open;
        blocks.push(&rest[open + 1..close]);
        rest = &rest[close + 1..];
    }
    if !rest.trim().is_empty() {
        return Err(format!(
            "unexpected text '{}' after code blocks",
            rest.trim()
        ));
    }
    Ok((phrase, blocks))
}

struct Group {
    phrases: Vec<(String, Loc)>,
    codes: Vec<DatedCode>,
    plurals: Option<Vec<String>>,
}

/// Reads an actors (or TABARI agents) file.
pub fn read_actors(
    file: &Arc<str>,
    text: &str,
    dialect: Dialect,
    diags: &mut Vec<Diagnostic>,
) -> ActorDict {
    let mut reader = ActorReader {
        file,
        dialect,
        diags,
        dict: ActorDict::default(),
        group: None,
        section: None,
        in_xml: false,
    };
    for (n, raw) in text.lines().enumerate() {
        let line_no = u32::try_from(n + 1).unwrap_or(u32::MAX);
        if reader.line(line_no, raw).is_break() {
            break;
        }
    }
    reader.flush();
    reader.dict
}

/// A `<NOUN>` or `<ADJECTIVE>` section of an actors file.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Nouns,
    Adjectives,
}

/// The state of reading one actors file: the entry being built (a phrase, its synonyms and
/// restrictions on the following lines) and the section.
struct ActorReader<'a> {
    file: &'a Arc<str>,
    dialect: Dialect,
    diags: &'a mut Vec<Diagnostic>,
    dict: ActorDict,
    group: Option<Group>,
    section: Option<Section>,
    in_xml: bool,
}

impl ActorReader<'_> {
    /// Reads one line; breaks at `~FINISH`.
    fn line(&mut self, line_no: u32, raw: &str) -> std::ops::ControlFlow<()> {
        use std::ops::ControlFlow::{Break, Continue};
        let trimmed_raw = raw.trim_start();
        let tabari = self.dialect == Dialect::Tabari;
        if tabari && (trimmed_raw.starts_with('/') || trimmed_raw.starts_with('#')) {
            return Continue(());
        }
        if trimmed_raw.starts_with('~') && trimmed_raw.trim_start_matches('~').starts_with("FINISH")
        {
            return Break(());
        }
        let stripped = strip_comments(raw, &mut self.in_xml, tabari);
        let indented = stripped.starts_with([' ', '\t']);
        let line = stripped.trim();
        if line.is_empty() || self.section_tag(line) {
            return Continue(());
        }
        let loc = Loc {
            file: self.file.clone(),
            line: line_no,
        };
        if let Some(sec) = self.section {
            self.section_entry(sec, line, loc);
        } else if line.starts_with('<') {
            let message = format!("unknown section tag '{line}'; skipped");
            self.diag(line_no, message);
        } else if let Some(syn) = line.strip_prefix('+') {
            self.synonym(syn, loc);
        } else if indented && line.starts_with('[') {
            self.restriction(line, line_no);
        } else {
            self.flush();
            self.entry(line, loc);
        }
        Continue(())
    }

    fn diag(&mut self, line: u32, message: impl Into<String>) {
        diag(self.diags, self.file, line, message);
    }

    /// Handles `<NOUN>`, `</NOUN>` and the like; false for any other line.
    fn section_tag(&mut self, line: &str) -> bool {
        let opens = match line.to_ascii_uppercase().as_str() {
            "<NOUN>" | "<NOUNS>" => Some(Section::Nouns),
            "<ADJECTIVE>" | "<ADJECTIVES>" | "<ADJ>" => Some(Section::Adjectives),
            "</NOUN>" | "</NOUNS>" | "</ADJECTIVE>" | "</ADJECTIVES>" | "</ADJ>" => None,
            _ => return false,
        };
        if opens.is_some() {
            self.flush();
        }
        self.section = opens;
        true
    }

    fn section_entry(&mut self, sec: Section, line: &str, loc: Loc) {
        let w = phrase_words(line.split('[').next().unwrap_or(line));
        if w.is_empty() {
            return;
        }
        match sec {
            Section::Nouns => self.dict.nouns.push((w, loc)),
            Section::Adjectives => self.dict.adjectives.push((w, loc)),
        }
    }

    /// A `+SYNONYM [codes]` line of the entry being built.
    fn synonym(&mut self, syn: &str, loc: Loc) {
        let line_no = loc.line;
        let Some(g) = self.group.as_mut() else {
            self.diag(line_no, "synonym '+' line before any actor; skipped");
            return;
        };
        match split_blocks(syn) {
            Ok((p, blocks)) => {
                g.phrases.push((p.to_string(), loc));
                add_blocks(&mut g.codes, &blocks, self.file, line_no, self.diags);
            }
            Err(m) => diag(self.diags, self.file, line_no, m),
        }
    }

    /// An indented `[CODE date]` line restricting the entry being built.
    fn restriction(&mut self, line: &str, line_no: u32) {
        match (self.group.as_mut(), split_blocks(line)) {
            (Some(g), Ok((_, blocks))) => {
                add_blocks(&mut g.codes, &blocks, self.file, line_no, self.diags)
            }
            (None, _) => self.diag(line_no, "date restriction before any actor; skipped"),
            (_, Err(m)) => self.diag(line_no, m),
        }
    }

    /// `PHRASE [codes]` (PETRARCH agents may add `{plurals}`): starts a new entry.
    fn entry(&mut self, line: &str, loc: Loc) {
        let line_no = loc.line;
        let (phrase_part, plurals) = match extract_braces(line) {
            Ok(v) => v,
            Err(m) => return self.diag(line_no, m),
        };
        let (p, blocks) = match split_blocks(&phrase_part) {
            Ok(v) => v,
            Err(m) => return self.diag(line_no, m),
        };
        if p.is_empty() {
            return self.diag(line_no, "phrase missing before code");
        }
        let mut codes = Vec::new();
        add_blocks(&mut codes, &blocks, self.file, line_no, self.diags);
        if !blocks.is_empty() && codes.is_empty() {
            return; // every block was bad; already reported
        }
        self.group = Some(Group {
            phrases: vec![(p.to_string(), loc)],
            codes,
            plurals,
        });
    }

    /// Turns the entry being built into dictionary entries (one per phrase).
    fn flush(&mut self) {
        let Some(g) = self.group.take() else { return };
        if g.codes.is_empty() {
            for (p, loc) in &g.phrases {
                diag(
                    self.diags,
                    self.file,
                    loc.line,
                    format!("actor '{p}' has no code; skipped"),
                );
            }
            return;
        }
        let parent = g.phrases.first().map(|p| p.0.clone());
        for (i, (p, loc)) in g.phrases.into_iter().enumerate() {
            let words = phrase_words(&p);
            if words.is_empty() {
                self.diag(loc.line, "empty phrase");
                continue;
            }
            self.dict.entries.push(ActorEntry {
                phrase: p,
                words,
                codes: g.codes.clone(),
                parent: if i == 0 { None } else { parent.clone() },
                plurals: g.plurals.clone(),
                loc,
            });
        }
    }
}

/// Pulls a PETRARCH `{plural plural}` out of an agent line.
pub(crate) fn extract_braces(
    line: &str,
) -> std::result::Result<(String, Option<Vec<String>>), String> {
    let Some(open) = line.find('{') else {
        return Ok((line.to_string(), None));
    };
    let close = line[open..].find('}').ok_or("missing '}'")? + open;
    let inner: Vec<String> = line[open + 1..close]
        .split_whitespace()
        .map(|s| s.to_string())
        .collect();
    Ok((
        format!("{} {}", &line[..open], &line[close + 1..]),
        Some(inner),
    ))
}

fn add_blocks(
    codes: &mut Vec<DatedCode>,
    blocks: &[&str],
    file: &str,
    line: u32,
    diags: &mut Vec<Diagnostic>,
) {
    for b in blocks {
        match parse_code_block(b) {
            Ok(c) => codes.push(c),
            Err(m) => diag(diags, file, line, m),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Patterns

#[derive(Debug, PartialEq)]
enum Lex {
    Word(String),
    Space,
    Under,
    Tilde,
    Open,
    Bar,
    Close,
}

fn lex(s: &str) -> Vec<Lex> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        let sym = match c {
            ' ' | '\t' => Some(Lex::Space),
            '_' | '-' => Some(Lex::Under),
            '~' => Some(Lex::Tilde),
            '{' => Some(Lex::Open),
            '|' => Some(Lex::Bar),
            '}' => Some(Lex::Close),
            _ => None,
        };
        match sym {
            Some(l) => {
                if !cur.is_empty() {
                    out.push(Lex::Word(std::mem::take(&mut cur)));
                }
                if !(l == Lex::Space && out.last() == Some(&Lex::Space)) {
                    out.push(l);
                }
            }
            None => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(Lex::Word(cur));
    }
    out
}

/// Parses a pattern body (without the leading `-` and the code).
pub fn parse_pattern(s: &str) -> std::result::Result<Vec<PTok>, String> {
    let lexed = lex(s);
    let mut pos = 0;
    let toks = parse_seq(&lexed, &mut pos, false)?;
    if pos < lexed.len() {
        return Err("unbalanced '}' or '|' in pattern".into());
    }
    Ok(toks)
}

/// (exact, joined) from the separators that follow position `i`.
fn seps_after(l: &[Lex], i: usize) -> (bool, bool, usize) {
    let mut j = i;
    let mut space = false;
    while j < l.len() && matches!(l[j], Lex::Space | Lex::Under | Lex::Tilde) {
        space |= l[j] == Lex::Space;
        j += 1;
    }
    let first = l.get(i);
    let exact = first == Some(&Lex::Under);
    let at_end = j >= l.len() || matches!(l[j], Lex::Bar | Lex::Close);
    let joined = !at_end && j > i && (!space || first == Some(&Lex::Tilde));
    (exact, joined, j)
}

fn parse_seq(l: &[Lex], pos: &mut usize, inside: bool) -> std::result::Result<Vec<PTok>, String> {
    let mut out = Vec::new();
    while *pos < l.len() {
        match &l[*pos] {
            Lex::Space | Lex::Under | Lex::Tilde => *pos += 1,
            Lex::Bar | Lex::Close => {
                if inside {
                    return Ok(out);
                }
                return Err("'|' or '}' outside alternatives".into());
            }
            Lex::Open => {
                *pos += 1;
                let mut alts = Vec::new();
                loop {
                    let seq = parse_seq(l, pos, true)?;
                    alts.push(seq);
                    match l.get(*pos) {
                        Some(Lex::Bar) => *pos += 1,
                        Some(Lex::Close) => {
                            *pos += 1;
                            break;
                        }
                        _ => return Err("missing '}' in alternatives".into()),
                    }
                }
                let (_, joined, j) = seps_after(l, *pos);
                *pos = j;
                out.push(PTok::Alt { alts, joined });
            }
            Lex::Word(w) => {
                let (exact, joined, j) = seps_after(l, *pos + 1);
                *pos = j;
                let tok = match w.as_str() {
                    "*" => PTok::Verb { joined },
                    "$" => PTok::Source { joined },
                    "+" => PTok::Target { joined },
                    "%" => PTok::Compound { joined },
                    "^" => PTok::Skip { joined },
                    _ if w.starts_with('&') => PTok::Synset {
                        name: w[1..].to_uppercase(),
                        joined,
                    },
                    _ => {
                        let no_endings = w.ends_with('=');
                        let text = w.trim_end_matches('=').to_uppercase();
                        if text.contains(['*', '$', '%', '^', '[', ']']) {
                            return Err(format!("bad word '{w}' in pattern"));
                        }
                        PTok::Word(PWord {
                            text,
                            exact: exact || no_endings,
                            no_endings,
                            joined,
                        })
                    }
                };
                out.push(tok);
            }
        }
    }
    Ok(out)
}

/// The ordering length of a pattern: letters of literal words, longest alternative.
pub fn pattern_len(toks: &[PTok]) -> usize {
    toks.iter()
        .map(|t| match t {
            PTok::Word(w) => w.text.len(),
            PTok::Synset { name, .. } => name.len(),
            PTok::Alt { alts, .. } => alts.iter().map(|a| pattern_len(a)).max().unwrap_or(0),
            _ => 0,
        })
        .sum()
}

/// Writes pattern elements back in TABARI notation.
pub fn pattern_to_string(toks: &[PTok]) -> String {
    let mut s = String::new();
    for (i, t) in toks.iter().enumerate() {
        let (text, joined, exact) = match t {
            PTok::Word(w) => (
                format!("{}{}", w.text, if w.no_endings { "=" } else { "" }),
                w.joined,
                w.exact && !w.no_endings,
            ),
            PTok::Verb { joined } => ("*".into(), *joined, false),
            PTok::Source { joined } => ("$".into(), *joined, false),
            PTok::Target { joined } => ("+".into(), *joined, false),
            PTok::Compound { joined } => ("%".into(), *joined, false),
            PTok::Skip { joined } => ("^".into(), *joined, false),
            PTok::Synset { name, joined } => (format!("&{name}"), *joined, false),
            PTok::Alt { alts, joined } => (
                format!(
                    "{{ {} }}",
                    alts.iter()
                        .map(|a| pattern_to_string(a))
                        .collect::<Vec<_>>()
                        .join(" | ")
                ),
                *joined,
                false,
            ),
        };
        s.push_str(&text);
        let last = i + 1 == toks.len();
        let is_word = matches!(t, PTok::Word(_));
        s.push_str(match (last, is_word, exact, joined) {
            (true, _, true, _) => "_",
            (true, _, false, _) => "",
            (false, true, true, true) => "_",
            (false, true, true, false) => "_ ",
            (false, true, false, true) => "~ ",
            (false, false, _, true) => "_",
            (false, _, _, false) => " ",
        });
    }
    s
}

// ---------------------------------------------------------------------------------------------
// Verbs

/// Reads a TABARI `.verbs` file.
pub fn read_verbs(file: &Arc<str>, text: &str, diags: &mut Vec<Diagnostic>) -> VerbDict {
    let mut dict = VerbDict::default();
    let mut section = "";
    let mut current_synset: Option<String> = None;
    let mut in_xml = false;
    for (n, raw) in text.lines().enumerate() {
        let line_no = u32::try_from(n + 1).unwrap_or(u32::MAX);
        let loc = Loc {
            file: file.clone(),
            line: line_no,
        };
        let tr = raw.trim_start();
        if tr.starts_with('/') || tr.starts_with('#') {
            continue;
        }
        if tr.starts_with('~') && tr.trim_start_matches('~').starts_with("FINISH") {
            break;
        }
        let stripped = strip_comments(raw, &mut in_xml, true);
        let line = stripped.trim();
        if line.is_empty() {
            continue;
        }
        let upper = line.to_ascii_uppercase();
        match upper.as_str() {
            "<SYNSETS>" | "<SYNSET>" => {
                section = "syn";
                continue;
            }
            "<TIME>" => {
                section = "time";
                continue;
            }
            "</SYNSETS>" | "</SYNSET>" | "</TIME>" => {
                section = "";
                current_synset = None;
                continue;
            }
            _ => {}
        }
        if section == "syn" {
            read_synset_line(line, &mut current_synset, &mut dict, file, line_no, diags);
            continue;
        }
        if section == "time" {
            match split_blocks(line) {
                Ok((p, b)) if b.len() == 1 => {
                    dict.time
                        .push((p.to_string(), b[0].trim().to_string(), loc))
                }
                Ok(_) => diag(diags, file, line_no, "time entry needs exactly one [shift]"),
                Err(m) => diag(diags, file, line_no, m),
            }
            continue;
        }
        if line.starts_with('<') {
            diag(
                diags,
                file,
                line_no,
                format!("unknown section tag '{line}'; skipped"),
            );
            continue;
        }
        if let Some(forms) = line.strip_prefix('{') {
            let Some(root) = dict.roots.last_mut() else {
                diag(diags, file, line_no, "verb forms before any verb; skipped");
                continue;
            };
            let forms = forms.trim_end_matches('}');
            let list: Vec<Vec<PWord>> = forms
                .split_whitespace()
                .map(phrase_words)
                .filter(|w| !w.is_empty())
                .collect();
            if list.is_empty() {
                diag(diags, file, line_no, "no verb forms inside {...}");
            }
            root.forms.extend(list);
            continue;
        }
        if let Some(pat) = line.strip_prefix('-').or_else(|| line.strip_prefix("_ ")) {
            let Some(root) = dict.roots.last_mut() else {
                diag(diags, file, line_no, "pattern before any verb; skipped");
                continue;
            };
            match read_pattern(pat, loc) {
                Ok(p) => root.patterns.push(p),
                Err(m) => diag(diags, file, line_no, m),
            }
            continue;
        }
        match split_blocks(line) {
            Ok((p, blocks)) if blocks.len() == 1 && !p.is_empty() => {
                match VerbCode::parse(blocks[0]) {
                    Ok(code) => {
                        let words = phrase_words(p);
                        dict.roots.push(VerbRoot {
                            phrase: p.to_string(),
                            words,
                            head: 0,
                            forms: Vec::new(),
                            code,
                            patterns: Vec::new(),
                            shared: None,
                            loc,
                        });
                    }
                    Err(m) => diag(diags, file, line_no, m),
                }
            }
            Ok(("", blocks)) => diag(
                diags,
                file,
                line_no,
                format!("phrase missing before {} code block(s)", blocks.len()),
            ),
            Ok((_, blocks)) => diag(
                diags,
                file,
                line_no,
                format!("verb needs exactly one [code], found {}", blocks.len()),
            ),
            Err(m) => diag(diags, file, line_no, m),
        }
    }
    for r in &mut dict.roots {
        r.patterns.sort_by_key(|p| std::cmp::Reverse(p.len));
    }
    check_synset_refs(&dict, diags);
    dict
}

pub(crate) fn read_synset_line(
    line: &str,
    current: &mut Option<String>,
    dict: &mut VerbDict,
    file: &str,
    line_no: u32,
    diags: &mut Vec<Diagnostic>,
) {
    if let Some(name) = line.strip_prefix('&') {
        // PETRARCH: a label ending in `_` only turns off plurals; the name is without it
        let name = name
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches('_')
            .to_uppercase();
        if name.is_empty() {
            diag(diags, file, line_no, "synset without a name");
            *current = None;
            return;
        }
        dict.synsets.entry(name.clone()).or_default();
        *current = Some(name);
    } else if let Some(member) = line.strip_prefix('+') {
        let Some(name) = current.as_ref() else {
            diag(
                diags,
                file,
                line_no,
                "synset member before any '&NAME'; skipped",
            );
            return;
        };
        match parse_pattern(member.trim()) {
            Ok(toks)
                if toks
                    .iter()
                    .any(|t| matches!(t, PTok::Synset { name: n, .. } if n == name)) =>
            {
                diag(
                    diags,
                    file,
                    line_no,
                    format!("synset &{name} refers to itself"),
                )
            }
            Ok(toks) if !toks.is_empty() => {
                dict.synsets.entry(name.clone()).or_default().push(toks)
            }
            Ok(_) => diag(diags, file, line_no, "empty synset member"),
            Err(m) => diag(diags, file, line_no, m),
        }
    } else {
        diag(
            diags,
            file,
            line_no,
            format!("unexpected line in synsets: '{line}'"),
        );
    }
}

fn check_synset_refs(dict: &VerbDict, diags: &mut Vec<Diagnostic>) {
    fn walk(t: &[PTok], f: &mut dyn FnMut(&str)) {
        for x in t {
            match x {
                PTok::Synset { name, .. } => f(name),
                PTok::Alt { alts, .. } => alts.iter().for_each(|a| walk(a, f)),
                _ => {}
            }
        }
    }
    for r in &dict.roots {
        for p in &r.patterns {
            walk(&p.toks, &mut |n| {
                if !dict.synsets.contains_key(n) {
                    diags.push(Diagnostic::new(
                        p.loc.file.to_string(),
                        p.loc.line,
                        format!("pattern uses undefined synset &{n}"),
                    ));
                }
            });
        }
    }
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
    let toks = parse_pattern(p)?;
    let verbs = toks
        .iter()
        .filter(|t| matches!(t, PTok::Verb { .. }))
        .count();
    if verbs != 1 {
        return Err(if verbs == 0 {
            "missing verb marker '*' in pattern".into()
        } else {
            "more than one '*' in pattern".into()
        });
    }
    let len = pattern_len(&toks);
    Ok(Pattern {
        raw: p.to_string(),
        toks,
        code,
        len,
        loc,
    })
}

// ---------------------------------------------------------------------------------------------
// Options and project

/// How much of a sentence is coded (`SET: CODE BY ...`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CodeBy {
    /// First event of each clause (default).
    #[default]
    Clause,
    /// First event of the sentence.
    Sentence,
    /// Every event.
    All,
}

/// Limits for dropping comma-delimited clauses (`COMMA:`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommaOptions {
    /// Whether the feature is on.
    pub enabled: bool,
    /// Interior clause: more than `min` words...
    pub min: usize,
    /// ... and at most `max` words.
    pub max: usize,
    /// Clause from a comma to the end: limits.
    pub emin: usize,
    /// See `emin`.
    pub emax: usize,
    /// Clause from the start to a comma: limits.
    pub bmin: usize,
    /// See `bmin`.
    pub bmax: usize,
}

impl Default for CommaOptions {
    fn default() -> Self {
        CommaOptions {
            enabled: true,
            min: 2,
            max: 10,
            emin: 2,
            emax: 10,
            bmin: 255,
            bmax: 0,
        }
    }
}

/// The settings of a `.options` file that affect coding.
#[derive(Clone, Debug)]
pub struct Options {
    /// `SET: CODE BY ...`.
    pub code_by: CodeBy,
    /// `COMPLEX: VERBS[n]`.
    pub complex_verbs: Option<usize>,
    /// `COMPLEX: CONJ[n]`.
    pub complex_conj: Option<usize>,
    /// `COMPLEX: NOACTPRIOR`.
    pub noactprior: bool,
    /// `COMPLEX: NOSOURCE`.
    pub nosource: bool,
    /// `COMPLEX: NOTARGET`.
    pub notarget: bool,
    /// `DEFAULT: SOURCE [code] PRIOR`: code and whether only when no actor precedes the verb.
    pub default_source: Option<(String, bool)>,
    /// `DEFAULT: TARGET [code] AFTER`.
    pub default_target: Option<(String, bool)>,
    /// `COMMA:`.
    pub comma: CommaOptions,
    /// `SET: CONVERT AGENTS = TRUE`.
    pub convert_agents: bool,
    /// `FORWARD:` is on: pronouns may refer to the previous record of the same story.
    pub forward: bool,
    /// PETRARCH conventions: agents share a noun phrase with their actor and distribute over
    /// "agent of A, B and C"; `FROM` links an agent to an actor.
    pub petrarch: bool,
    /// PETRARCH `require_dyad`: when false, events with a missing actor are kept, with `---`.
    pub require_dyad: bool,
    /// `SET: MINIMUM WORDS = n` (TABARI's default is 8; commas count as words).
    pub minimum_words: usize,
    /// `LABEL:` lines.
    pub labels: BTreeMap<String, String>,
    /// Other settings, kept as written (`SET: TIME SHIFT = FALSE`, `OUTPUT: ...`).
    pub other: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            code_by: CodeBy::default(),
            complex_verbs: None,
            complex_conj: None,
            noactprior: false,
            nosource: false,
            notarget: false,
            default_source: None,
            default_target: None,
            comma: CommaOptions::default(),
            convert_agents: false,
            forward: false,
            petrarch: false,
            require_dyad: true,
            minimum_words: 8,
            labels: BTreeMap::new(),
            other: Vec::new(),
        }
    }
}

impl Options {
    /// Applies every line of an options file.
    pub fn apply_file(&mut self, file: &str, text: &str, diags: &mut Vec<Diagnostic>) {
        for (n, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty()
                || line.starts_with("//")
                || line.starts_with('#')
                || line.starts_with('~')
            {
                continue;
            }
            if let Err(m) = self.apply(line) {
                diag(diags, file, u32::try_from(n + 1).unwrap_or(u32::MAX), m);
            }
        }
    }

    /// Applies one options command (`SET: CODE ALL`, `COMPLEX: ...`, `DEFAULT: OFF`, ...).
    pub fn apply(&mut self, line: &str) -> std::result::Result<(), String> {
        let (cmd, rest) = line
            .split_once(':')
            .ok_or_else(|| format!("not an options command: '{line}'"))?;
        let rest = rest.trim();
        let up = rest.to_ascii_uppercase();
        match cmd.trim().to_ascii_uppercase().as_str() {
            "SET" => self.apply_set(&up),
            "COMPLEX" => {
                self.complex_verbs = bracket_num(&up, "VERBS[");
                self.complex_conj = bracket_num(&up, "CONJ[");
                self.noactprior = up.contains("NOACTPRIOR");
                self.nosource = up.contains("NOSOURCE");
                self.notarget = up.contains("NOTARGET");
                Ok(())
            }
            "DEFAULT" => {
                if up.starts_with("OFF") {
                    self.default_source = None;
                    self.default_target = None;
                    return Ok(());
                }
                let code_after = |key: &str| -> Option<String> {
                    let i = up.find(key)? + key.len();
                    let r = up[i..].trim_start().strip_prefix('[')?;
                    Some(r[..r.find(']')?].trim().to_string())
                };
                if let Some(c) = code_after("SOURCE") {
                    self.default_source = Some((c, up.contains("PRIOR")));
                }
                if let Some(c) = code_after("TARGET") {
                    self.default_target = Some((c, up.contains("AFTER")));
                }
                Ok(())
            }
            "COMMA" => {
                if up.starts_with("OFF") {
                    self.comma.enabled = false;
                    return Ok(());
                }
                self.comma.enabled = true;
                let toks: Vec<&str> = up
                    .split(|c: char| c.is_whitespace() || c == '=')
                    .filter(|s| !s.is_empty())
                    .collect();
                for w in toks.windows(2) {
                    let v: usize = match w[1].parse() {
                        Ok(v) => v,
                        Err(_) => continue,
                    };
                    match w[0] {
                        "MIN" => self.comma.min = v,
                        "MAX" => self.comma.max = v,
                        "EMIN" => self.comma.emin = v,
                        "EMAX" => self.comma.emax = v,
                        "BMIN" => self.comma.bmin = v,
                        "BMAX" => self.comma.bmax = v,
                        _ => return Err(format!("unknown COMMA setting {}", w[0])),
                    }
                }
                Ok(())
            }
            "LABEL" => {
                let (k, v) = rest.split_once('=').ok_or("LABEL needs code=text")?;
                self.labels
                    .insert(k.trim().to_string(), v.trim().to_string());
                Ok(())
            }
            "FORWARD" => {
                self.forward = !up.ends_with("OFF");
                Ok(())
            }
            "OUTPUT" | "NONEVENTS" | "ISSUES" | "FREQUENCY" => {
                self.other.push(line.to_string());
                Ok(())
            }
            other => Err(format!("unknown options command '{other}:'")),
        }
    }

    fn apply_set(&mut self, up: &str) -> std::result::Result<(), String> {
        let (key, val) = match up.split_once('=') {
            Some((k, v)) => (k.trim().to_string(), v.trim().to_string()),
            None => (up.trim().to_string(), String::new()),
        };
        match key.as_str() {
            "CODE BY CLAUSE" => self.code_by = CodeBy::Clause,
            "CODE BY SENTENCE" => self.code_by = CodeBy::Sentence,
            "CODE ALL" => self.code_by = CodeBy::All,
            "CONVERT AGENT" | "CONVERT AGENTS" => self.convert_agents = val.starts_with('T'),
            "MINIMUM WORDS" => {
                self.minimum_words = val
                    .parse()
                    .map_err(|_| format!("bad MINIMUM WORDS '{val}'"))?
            }
            _ => self.other.push(format!("SET: {up}")),
        }
        Ok(())
    }
}

fn bracket_num(s: &str, key: &str) -> Option<usize> {
    let i = s.find(key)? + key.len();
    let j = s[i..].find(']')? + i;
    s[i..j].trim().parse().ok()
}

/// The files named by a TABARI `.project` file (paths resolved against its folder).
#[derive(Clone, Debug, Default)]
pub struct Project {
    /// `<actorsfile>` entries.
    pub actors: Vec<PathBuf>,
    /// `<agentsfile>` entries.
    pub agents: Vec<PathBuf>,
    /// `<verbsfile>` entries.
    pub verbs: Vec<PathBuf>,
    /// `<optionsfile>`.
    pub options: Option<PathBuf>,
    /// `<textfile>` entries.
    pub texts: Vec<PathBuf>,
}

impl Project {
    /// Reads a `.project` file.
    pub fn read(path: &Path) -> Result<Project> {
        let text = read_text(path)?;
        Ok(Project::parse(
            &text,
            path.parent().unwrap_or(Path::new(".")),
        ))
    }

    /// Parses a `.project` file's text; names are resolved against `dir`.
    pub fn parse(text: &str, dir: &Path) -> Project {
        let mut p = Project::default();
        for line in text.lines() {
            let line = line.trim();
            let Some(rest) = line.strip_prefix('<') else {
                continue;
            };
            let Some((tag, value)) = rest.split_once('>') else {
                continue;
            };
            let value = value.trim();
            if value.is_empty() || value.starts_with('<') {
                continue;
            }
            let file = dir.join(value.split_whitespace().next().unwrap_or(value));
            match tag.trim().to_ascii_lowercase().as_str() {
                "actorsfile" => p.actors.push(file),
                "agentsfile" => p.agents.push(file),
                "verbsfile" => p.verbs.push(file),
                "optionsfile" => p.options = Some(file),
                "textfile" => p.texts.push(file),
                _ => {}
            }
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f() -> Arc<str> {
        "t.actors".into()
    }

    #[test]
    fn actors_with_synonyms_and_dates() {
        let text = "<NOUN>\nBEES ;x\n</NOUN>\nALBRIGHT  [USAGOV 991201-010114] [---] ;ems\n#X [Y]\nGOLLUM ; pas\n+SMEAGOL\n  [HOB <950601]\n\t[HOBREB >990816]\nBAD [ 991201-010114]\nNOCODE\nX [Y\n";
        let mut d = Vec::new();
        let a = read_actors(&f(), text, Dialect::Tabari, &mut d);
        assert_eq!(a.nouns.len(), 1);
        assert_eq!(a.entries.len(), 3, "{:?}", a.entries);
        assert_eq!(a.entries[2].parent.as_deref(), Some("GOLLUM"));
        assert_eq!(a.entries[2].codes.len(), 2);
        assert_eq!(d.len(), 3, "{d:?}");
        assert_eq!(d[0].line, 10);
    }

    #[test]
    fn patterns() {
        let t =
            parse_pattern("SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS").unwrap();
        assert_eq!(t.len(), 6);
        assert!(matches!(&t[0], PTok::Word(w) if w.exact && w.joined));
        assert!(matches!(&t[3], PTok::Word(w) if w.exact && w.joined));
        assert!(matches!(&t[4], PTok::Alt { joined: true, .. }));
        let t = parse_pattern("* BACK~ POLICY").unwrap();
        assert!(matches!(&t[1], PTok::Word(w) if !w.exact && w.joined));
        let t = parse_pattern("IN_ *").unwrap();
        assert!(matches!(&t[0], PTok::Word(w) if w.exact && !w.joined));
        assert_eq!(
            pattern_to_string(&parse_pattern("+_WAS_*_BY_$").unwrap()),
            "+_WAS_*_BY_$"
        );
    }

    #[test]
    fn verbs_file() {
        let text = "<SYNSETS>\n&TIE\n+MILITARY\n</SYNSETS>\nABANDON  [345] ;pas\n- * &TIE TIES [902]\n- * NOSTAR [1]\nACT_ [100]\n{ ACTING_ ACTXD_ }\n- * &NOPE [1]\n- X [2\n";
        let mut d = Vec::new();
        let v = read_verbs(&"t.verbs".into(), text, &mut d);
        assert_eq!(v.roots.len(), 2);
        assert_eq!(v.roots[1].forms.len(), 2);
        assert_eq!(d.len(), 2, "{d:?}");
    }

    #[test]
    fn options() {
        let mut o = Options::default();
        o.apply("COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN")
            .unwrap();
        assert_eq!(
            (o.complex_verbs, o.complex_conj, o.noactprior),
            (Some(5), Some(4), true)
        );
        o.apply("DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER")
            .unwrap();
        assert_eq!(o.default_source, Some(("DEFSRC".into(), true)));
        o.apply("COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8")
            .unwrap();
        assert_eq!(o.comma.bmax, 8);
        o.apply("SET: CODE ALL").unwrap();
        assert_eq!(o.code_by, CodeBy::All);
        assert!(o.apply("BOGUS: X").is_err());
    }
}
