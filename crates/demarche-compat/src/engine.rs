//! A TABARI-style coding engine: sequential shallow parsing with dictionary patterns.
//!
//! The steps follow chapter 7 of the TABARI manual: filter the text; classify words by the
//! dictionaries (longest phrase wins; stems match prefixes); shift verbs to nouns after a
//! determiner or when capitalized mid-sentence; resolve date-restricted actor codes; attach
//! agents to adjacent actors; find compound actors, nouns and adjectives; coreference
//! pronouns; drop comma-delimited clauses; split clauses at conjunctions; then, clause by
//! clause, try each verb's patterns longest first, assign source and target (designated by
//! `$ + %`, otherwise by the default search rules, with passive voice reversed), and expand
//! compounds and paired codes into events.

use super::tabari::{CodeBy, Options};
use super::*;
use std::collections::HashMap;

/// One coded event.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CompatEvent {
    /// Source actor code.
    pub source: String,
    /// Target actor code.
    pub target: String,
    /// Event code.
    pub code: String,
}

impl std::fmt::Display for CompatEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} / {} / {}", self.source, self.target, self.code)
    }
}

/// What coding a sentence produced.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coded {
    /// The events.
    pub events: Vec<CompatEvent>,
    /// A discard phrase or code was found: no events.
    pub discarded: bool,
    /// The sentence was too complex (or a complex code fired): no events.
    pub complex: bool,
    /// The patterns that fired (`file:line`), for explanations.
    pub fired: Vec<String>,
    /// Codes (before agents) of the first actor in the text, for forwarding.
    pub first_actor: Vec<String>,
    /// Where each event's parts are, parallel to `events`.
    pub details: Vec<EventDetail>,
}

/// Where an event's parts are in the coded text (byte ranges), as far as the engine can tell:
/// a default or forwarded actor has no words in the text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventDetail {
    /// The words that named the source actor.
    pub source: Option<std::ops::Range<usize>>,
    /// The words that named the target actor.
    pub target: Option<std::ops::Range<usize>>,
    /// The verb (the words of the verb root that matched).
    pub verb: std::ops::Range<usize>,
    /// The pattern or verb entry that fired, `file:line`.
    pub entry: String,
    /// The pattern as written, or the verb phrase when no pattern matched.
    pub pattern: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Flat {
    Word(usize),    // index into words table
    SynWord(usize), // a word that came from a synset (not counted in the pattern length)
    Verb,
    Source,
    Target,
    Compound,
    Skip,
}

#[derive(Clone, Debug)]
struct FlatPattern {
    toks: Vec<(Flat, bool)>, // element, joined to next
    code: VerbCode,
    len: usize,
    loc: String,
    raw: String,
}

#[derive(Clone, Debug)]
enum EntryKind {
    Actor(usize),
    Agent(usize),
    Verb(usize),
    Noun,
    Adj,
}

#[derive(Clone, Debug)]
struct Entry {
    words: Vec<PWord>,
    kind: EntryKind,
    chars: usize,
}

/// Dictionaries compiled for the compat engine.
#[derive(Debug)]
pub struct Engine {
    dicts: CompatDicts,
    entries: Vec<Entry>,
    index: HashMap<String, Vec<usize>>,
    words: Vec<PWord>,
    patterns: Vec<Vec<FlatPattern>>, // per root
    discards: Vec<Vec<PWord>>,
    /// Options in force (records of a validation suite may change them).
    pub options: Options,
}

fn key_of(s: &str) -> String {
    s.chars().take(2).collect()
}

const FUNCTION_WORDS: &[&str] = &[
    "THE", "A", "AN", "AND", "BUT", "OR", "NOR", "HE", "SHE", "IT", "ITS", "HIS", "HER", "THEY",
    "THEM", "THEIR", "WAS", "WERE", "BEEN", "BY", "OF", "IN", "TO",
];

impl Engine {
    /// Compiles dictionaries.
    pub fn new(dicts: CompatDicts) -> Engine {
        let mut e = Engine {
            options: dicts.options.clone(),
            dicts,
            entries: Vec::new(),
            index: HashMap::new(),
            words: Vec::new(),
            patterns: Vec::new(),
            discards: Vec::new(),
        };
        e.compile();
        e
    }

    /// The dictionaries.
    pub fn dicts(&self) -> &CompatDicts {
        &self.dicts
    }

    fn add_entry(&mut self, words: Vec<PWord>, kind: EntryKind) {
        if words.is_empty() {
            return;
        }
        let chars = words.iter().map(|w| w.text.len()).sum();
        let idx = self.entries.len();
        self.index
            .entry(key_of(&words[0].text))
            .or_default()
            .push(idx);
        self.entries.push(Entry { words, kind, chars });
    }

    fn compile(&mut self) {
        let petr = self.options.petrarch;
        // PETRARCH matches whole words (no stems)
        let consecutive = |mut w: Vec<PWord>| {
            if petr {
                for x in w.iter_mut() {
                    x.exact = true;
                }
            }
            w
        };
        let actors: Vec<Vec<PWord>> = self
            .dicts
            .actors
            .entries
            .iter()
            .map(|a| consecutive(a.words.clone()))
            .collect();
        for (i, w) in actors.into_iter().enumerate() {
            self.add_entry(w, EntryKind::Actor(i));
        }
        let agents: Vec<Vec<PWord>> = self
            .dicts
            .agents
            .entries
            .iter()
            .map(|a| consecutive(a.words.clone()))
            .collect();
        for (i, w) in agents.into_iter().enumerate() {
            self.add_entry(w, EntryKind::Agent(i));
        }
        let nouns: Vec<Vec<PWord>> = self
            .dicts
            .actors
            .nouns
            .iter()
            .map(|n| n.0.clone())
            .collect();
        for w in nouns {
            self.add_entry(w, EntryKind::Noun);
        }
        let adjs: Vec<Vec<PWord>> = self
            .dicts
            .actors
            .adjectives
            .iter()
            .map(|n| n.0.clone())
            .collect();
        for w in adjs {
            self.add_entry(w, EntryKind::Adj);
        }
        let roots: Vec<(Vec<PWord>, Vec<Vec<PWord>>)> = self
            .dicts
            .verbs
            .roots
            .iter()
            .map(|r| (r.words.clone(), r.forms.clone()))
            .collect();
        for (i, (w, forms)) in roots.into_iter().enumerate() {
            self.add_entry(w, EntryKind::Verb(i));
            for f in forms {
                self.add_entry(f, EntryKind::Verb(i));
            }
        }
        for i in 0..self.dicts.verbs.roots.len() {
            let pats = self.flatten_root(i);
            self.patterns.push(pats);
        }
        self.discards = self
            .dicts
            .discards
            .iter()
            .map(|d| d.words.clone())
            .collect();
    }

    fn flatten_root(&mut self, i: usize) -> Vec<FlatPattern> {
        let roots = &self.dicts.verbs.roots;
        let own = |r: &VerbRoot| match r.shared {
            Some(s) => roots[s].patterns.clone(),
            None => r.patterns.clone(),
        };
        let root = &roots[i];
        let mut pats = own(root);
        if self.options.petrarch {
            // PETRARCH merges the patterns of a verb listed in several blocks
            for (j, r) in roots.iter().enumerate() {
                if j != i && r.words == root.words {
                    pats.extend(own(r));
                }
            }
        }
        let mut out = Vec::new();
        for p in &pats {
            let mut variants: Vec<Vec<(Flat, bool)>> = vec![Vec::new()];
            let ok = self.expand(&p.toks, &mut variants, 0, false);
            if !ok {
                continue;
            }
            for v in variants {
                let len = v
                    .iter()
                    .map(|(f, _)| {
                        if let Flat::Word(w) = f {
                            self.words[*w].text.len()
                        } else {
                            0
                        }
                    })
                    .sum();
                out.push(FlatPattern {
                    toks: v,
                    code: p.code.clone(),
                    len,
                    loc: p.loc.to_string(),
                    raw: p.raw.clone(),
                });
            }
        }
        out.sort_by_key(|p| std::cmp::Reverse(p.len));
        out
    }

    fn expand(
        &mut self,
        toks: &[PTok],
        acc: &mut Vec<Vec<(Flat, bool)>>,
        depth: usize,
        syn: bool,
    ) -> bool {
        for t in toks {
            let simple = match t {
                PTok::Word(w) => {
                    self.words.push(w.clone());
                    let i = self.words.len() - 1;
                    Some((if syn { Flat::SynWord(i) } else { Flat::Word(i) }, w.joined))
                }
                PTok::Verb { joined } => Some((Flat::Verb, *joined)),
                PTok::Source { joined } => Some((Flat::Source, *joined)),
                PTok::Target { joined } => Some((Flat::Target, *joined)),
                PTok::Compound { joined } => Some((Flat::Compound, *joined)),
                PTok::Skip { joined } => Some((Flat::Skip, *joined)),
                _ => None,
            };
            if let Some(s) = simple {
                acc.iter_mut().for_each(|v| v.push(s));
                continue;
            }
            if depth > 4 {
                return false;
            }
            let (alts, joined, is_syn) = match t {
                PTok::Alt { alts, joined } => (alts.clone(), *joined, syn),
                PTok::Synset { name, joined } => match self.dicts.verbs.synsets.get(name) {
                    Some(a) => (a.clone(), *joined, true),
                    None => return false,
                },
                _ => return false,
            };
            let mut next = Vec::new();
            for a in &alts {
                let mut sub = acc.clone();
                if !self.expand(a, &mut sub, depth + 1, is_syn) {
                    continue;
                }
                for mut v in sub {
                    if let Some(last) = v.last_mut() {
                        last.1 = joined;
                    }
                    next.push(v);
                }
            }
            if next.is_empty() || next.len() > 512 {
                return false;
            }
            *acc = next;
        }
        true
    }
}

// ---------------------------------------------------------------------------------------------
// Sentence analysis

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TK {
    Null,
    Comma,
    Conj,
    Determ,
    Pronoun,
    Auxil,
    By,
    Noun,
    Adj,
    Actor,
    Agent,
    Verb,
}

#[derive(Clone, Debug)]
struct Tok {
    text: String,
    cap: bool,
    kind: TK,
    removed: bool,
    consumed: bool, // conj/comma used by a compound
    /// Byte range of the word in the coded text (empty for a comma token).
    span: std::ops::Range<usize>,
}

impl Tok {
    fn new(text: String, cap: bool, span: std::ops::Range<usize>, kind: TK) -> Tok {
        Tok {
            text,
            cap,
            kind,
            removed: false,
            consumed: false,
            span,
        }
    }
}

#[derive(Clone, Debug)]
struct Unit {
    start: usize,
    end: usize,
    codes: Vec<String>,
    base: Vec<String>,
    compound: bool,
}

#[derive(Clone, Debug)]
struct VerbHit {
    start: usize,
    end: usize,
    root: usize,
}

/// Splits text the TABARI way: upper case, hyphens to blanks, commas kept as tokens. Each token
/// keeps the byte range of its word in `text`.
fn tokenize(text: &str, treebank: bool) -> (Vec<Tok>, bool) {
    let allcaps = !text.chars().any(|c| c.is_lowercase());
    let raw = raw_words(text);
    let mut toks = Vec::new();
    for (k, &(at, word)) in raw.iter().enumerate() {
        let (w, comma) = trim_word(word, k + 1 == raw.len());
        if !w.is_empty() {
            let offset = at + (w.as_ptr() as usize - word.as_ptr() as usize);
            push_word(&mut toks, w, offset, treebank);
        }
        if comma {
            let end = at + word.len();
            toks.push(Tok::new(",".into(), false, end..end, TK::Comma));
        }
    }
    (toks, allcaps)
}

/// The blank-separated words of `text` (hyphens, underscores and dashes are blanks), each with
/// its byte offset.
fn raw_words(text: &str) -> Vec<(usize, &str)> {
    let is_blank = |c: char| c.is_whitespace() || matches!(c, '-' | '_' | '\u{2014}' | '\u{2013}');
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_blank(c), start) {
            (true, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// Strips quotes, brackets and sentence punctuation from a word (a slice of it, so its offset
/// is known); reports whether a comma-like mark followed it.
fn trim_word(word: &str, last: bool) -> (&str, bool) {
    let mut w = word
        .trim_matches(|c: char| "\"`()[]{}!?:;".contains(c) || c == '\u{201C}' || c == '\u{201D}');
    let mut comma = false;
    while let Some(rest) = w.strip_suffix([',', ';', ':']) {
        w = rest;
        comma = true;
    }
    let w = w
        .trim_matches(|c: char| "\"`()[]{}!?".contains(c))
        .trim_start_matches('\'');
    let internal_period = w.trim_end_matches('.').contains('.');
    let mut w = w;
    if !internal_period || last {
        while w.ends_with('.') && !(internal_period && w.len() <= 5 && !last) {
            w = &w[..w.len() - 1];
        }
    }
    (w, comma)
}

/// Pushes one word; PETRARCH dictionaries are written for TreeBank tokens, so there "didn't"
/// is "did n't".
fn push_word(toks: &mut Vec<Tok>, w: &str, offset: usize, treebank: bool) {
    let cap = w.chars().next().is_some_and(|c| c.is_uppercase());
    let up = w.to_uppercase();
    let span = offset..offset + w.len();
    let split = w
        .len()
        .checked_sub(3)
        .filter(|&h| h > 0 && w.is_char_boundary(h));
    match (
        up.strip_suffix("N'T").filter(|r| treebank && !r.is_empty()),
        split,
    ) {
        (Some(head), Some(h)) => {
            toks.push(Tok::new(
                head.to_string(),
                cap,
                offset..offset + h,
                TK::Null,
            ));
            toks.push(Tok::new(
                "N'T".into(),
                false,
                offset + h..span.end,
                TK::Null,
            ));
        }
        _ => toks.push(Tok::new(up, cap, span, TK::Null)),
    }
}

struct Sentence<'e> {
    eng: &'e Engine,
    toks: Vec<Tok>,
    allcaps: bool,
    date: Option<Date>,
    units: Vec<Unit>,
    unit_at: Vec<Option<usize>>,
    verbs: Vec<VerbHit>,
    discarded: bool,
    complex: bool,
    forward: Option<Vec<String>>,
    isolated_from: Option<usize>,
}

impl Engine {
    /// Codes one text (a TABARI record or a sentence) dated `date`.
    pub fn code(&self, text: &str, date: Option<Date>) -> Coded {
        self.code_forward(text, date, None)
    }

    /// Codes one text; pronouns with no antecedent in it refer to `forward` (the first actor
    /// of the previous text of the same story, TABARI's `FORWARD:`).
    pub fn code_forward(
        &self,
        text: &str,
        date: Option<Date>,
        forward: Option<Vec<String>>,
    ) -> Coded {
        let (toks, allcaps) = tokenize(text, self.options.petrarch);
        let n = toks.len();
        let mut s = Sentence {
            eng: self,
            toks,
            allcaps,
            date,
            units: Vec::new(),
            unit_at: vec![None; n],
            verbs: Vec::new(),
            discarded: false,
            complex: false,
            forward,
            isolated_from: None,
        };
        if s.toks.len() < self.options.minimum_words {
            return Coded::default();
        }
        s.check_discards();
        if !s.discarded {
            s.classify();
        }
        if s.discarded {
            return Coded {
                discarded: true,
                ..Coded::default()
            };
        }
        s.compounds();
        // only the first actor's own code is forwarded, not its agent nor the rest of a compound
        let first_actor = s
            .units
            .first()
            .and_then(|u| u.base.first().cloned())
            .into_iter()
            .collect();
        s.commas();
        s.pronouns();
        let mut out = s.code_clauses();
        out.first_actor = first_actor;
        if s.complex {
            out.events.clear();
            out.complex = true;
        }
        out
    }
}

/// The events of one sentence of a document coded by [`Engine::code_document`].
#[derive(Clone, Debug)]
pub struct SentenceEvents {
    /// 0-based sentence index.
    pub index: usize,
    /// Byte range of the sentence in the document text.
    pub span: std::ops::Range<usize>,
    /// What coding produced.
    pub coded: Coded,
}

impl Engine {
    /// Codes a whole document: splits it into sentences with demarche's splitter and codes each
    /// TABARI-style (what `demarche code` with TABARI/PETRARCH dictionaries needs).
    /// With `FORWARD` on, a pronoun with no antecedent in its sentence refers to the first actor
    /// of the previous sentence, as TABARI forwards within a story.
    pub fn code_document(&self, text: &str, date: Option<Date>) -> Vec<SentenceEvents> {
        let tokens = demarche::text::tokenize(text);
        let mut forward: Option<Vec<String>> = None;
        let mut out = Vec::new();
        for (index, range) in demarche::text::split_sentences(text, &tokens)
            .into_iter()
            .enumerate()
        {
            let (Some(first), Some(last)) = (
                tokens.get(range.start),
                range.end.checked_sub(1).and_then(|e| tokens.get(e)),
            ) else {
                continue;
            };
            let span = first.start..last.end;
            let Some(sentence) = text.get(span.clone()) else {
                continue;
            };
            let fwd = forward.clone().filter(|_| self.options.forward);
            let coded = self.code_forward(sentence, date, fwd);
            if !coded.first_actor.is_empty() {
                forward = Some(coded.first_actor.clone());
            }
            out.push(SentenceEvents { index, span, coded });
        }
        out
    }

    /// Describes how a text is parsed: each token with its type, removed tokens in `[...]`,
    /// actor units with their codes, and the verbs found.
    pub fn explain(&self, text: &str, date: Option<Date>) -> String {
        let (toks, allcaps) = tokenize(text, self.options.petrarch);
        let n = toks.len();
        let mut s = Sentence {
            eng: self,
            toks,
            allcaps,
            date,
            units: Vec::new(),
            unit_at: vec![None; n],
            verbs: Vec::new(),
            discarded: false,
            complex: false,
            forward: None,
            isolated_from: None,
        };
        s.check_discards();
        s.classify();
        s.compounds();
        s.commas();
        s.pronouns();
        let mut out = String::new();
        for (k, t) in s.toks.iter().enumerate() {
            let mark = if t.consumed { "^" } else { "" };
            if t.removed {
                out.push_str(&format!("[{}/{:?}{mark}] ", t.text, t.kind));
            } else {
                out.push_str(&format!("{}/{:?}{mark} ", t.text, t.kind));
            }
            if let Some(u) = s.units.iter().find(|u| u.end == k + 1) {
                out.push_str(&format!(
                    "<{}{}> ",
                    u.codes.join("+"),
                    if u.compound { " cmp" } else { "" }
                ));
            }
        }
        for v in &s.verbs {
            out.push_str(&format!(
                "\n  verb {} at {}..{}",
                self.dicts.verbs.roots[v.root].phrase, v.start, v.end
            ));
        }
        if s.discarded {
            out.push_str("\n  discarded");
        }
        if s.complex {
            out.push_str("\n  complex");
        }
        out
    }
}

/// PETRARCH generates regular verb forms only: `-S`, `-ES` after a sibilant or `O`, `-ED`/`-D`,
/// `-ING`, `Y` → `-IES`/`-IED`. Rejects other endings ("departes").
fn petrarch_verb_form(words: &[PWord], tok: &str) -> bool {
    let Some(w) = words.last() else { return true };
    if !w.exact || tok == w.text {
        return true;
    }
    let Some(rest) = tok.strip_prefix(w.text.as_str()) else {
        return true;
    };
    let root = w.text.as_str();
    match rest {
        "ES" => root.ends_with(['S', 'X', 'Z', 'H', 'O']),
        "S" => !root.ends_with(['S', 'X', 'Z']),
        "D" => root.ends_with('E'),
        "ED" | "ING" => !root.ends_with('E') || rest == "ING",
        _ => true,
    }
}

fn match_phrase(words: &[PWord], toks: &[Tok], i: usize, endings_last: bool) -> Option<usize> {
    let mut pos = i;
    for (k, w) in words.iter().enumerate() {
        let last = k + 1 == words.len();
        let endings = last && endings_last;
        if k == 0 || words[k - 1].joined {
            let t = toks.get(pos)?;
            if t.kind == TK::Comma || !w.matches(&t.text, endings) {
                return None;
            }
            pos += 1;
        } else {
            // may skip a few words, not across commas or conjunctions
            let mut found = None;
            for (p, t) in toks.iter().enumerate().skip(pos) {
                if t.kind == TK::Comma || matches!(t.text.as_str(), "AND" | "BUT" | "OR" | "NOR") {
                    break;
                }
                if w.matches(&t.text, endings) {
                    found = Some(p);
                    break;
                }
            }
            pos = found? + 1;
        }
    }
    Some(pos)
}

impl Sentence<'_> {
    fn check_discards(&mut self) {
        for d in &self.eng.discards {
            for i in 0..self.toks.len() {
                if match_phrase(d, &self.toks, i, true).is_some() {
                    self.discarded = true;
                    return;
                }
            }
        }
        for (d, _) in &self.eng.dicts.complex_phrases {
            if (0..self.toks.len()).any(|i| match_phrase(d, &self.toks, i, true).is_some()) {
                self.complex = true;
            }
        }
    }

    fn best_match(&self, i: usize) -> Option<(usize, usize)> {
        let t = &self.toks[i];
        let mut best: Option<(usize, usize, usize, u8)> = None; // entry, end, chars, rank
        let keys = [key_of(&t.text), t.text.chars().take(1).collect()];
        for (ki, key) in keys.iter().enumerate() {
            if ki == 1 && key.len() == keys[0].len() {
                break;
            }
            let Some(list) = self.eng.index.get(key) else {
                continue;
            };
            for &ei in list {
                let e = &self.eng.entries[ei];
                let endings = true;
                let Some(end) = match_phrase(&e.words, &self.toks, i, endings) else {
                    continue;
                };
                if self.eng.options.petrarch
                    && matches!(e.kind, EntryKind::Verb(_))
                    && !petrarch_verb_form(&e.words, &self.toks[end - 1].text)
                {
                    continue;
                }
                let rank = match e.kind {
                    EntryKind::Actor(_) => 4,
                    EntryKind::Agent(_) => 3,
                    EntryKind::Verb(_) => 2,
                    EntryKind::Noun => 1,
                    EntryKind::Adj => 0,
                };
                let exact_bonus = usize::from(e.words.last().is_some_and(|w| w.exact));
                let score = (e.words.len(), e.chars * 2 + exact_bonus, rank);
                let better = match best {
                    None => true,
                    Some((_, _, c, r)) => {
                        let bl = self.eng.entries[best.map_or(0, |b| b.0)].words.len();
                        (score.0, score.1, score.2) > (bl, c, r)
                    }
                };
                if better {
                    best = Some((ei, end, score.1, rank));
                }
            }
        }
        best.map(|(e, end, _, _)| (e, end))
    }

    fn classify(&mut self) {
        let n = self.toks.len();
        let mut i = 0;
        let mut agents: Vec<(usize, usize, usize)> = Vec::new();
        let mut actor_hits: Vec<(usize, usize, usize)> = Vec::new();
        while i < n {
            let t = self.toks[i].text.clone();
            if self.toks[i].kind == TK::Comma {
                i += 1;
                continue;
            }
            let m = self.best_match(i);
            let fw = FUNCTION_WORDS.contains(&t.as_str());
            match m {
                Some((ei, end)) if !fw || end > i + 1 => {
                    let kind = self.eng.entries[ei].kind.clone();
                    match kind {
                        EntryKind::Actor(a) => {
                            actor_hits.push((i, end, a));
                            i = end;
                        }
                        EntryKind::Agent(a) => {
                            agents.push((i, end, a));
                            for k in i..end {
                                self.toks[k].kind = TK::Agent;
                            }
                            i = end;
                        }
                        EntryKind::Verb(r) => {
                            let shifted = i > 0
                                && (self.toks[i - 1].kind == TK::Determ
                                    || (self.toks[i].cap
                                        && !self.allcaps
                                        && !self.sentence_start(i)));
                            let code = &self.eng.dicts.verbs.roots[r].code;
                            if code.discard {
                                self.discarded = true;
                            }
                            for k in i..end {
                                self.toks[k].kind = if shifted { TK::Noun } else { TK::Verb };
                            }
                            if !shifted {
                                if code.complex {
                                    self.complex = true;
                                }
                                self.verbs.push(VerbHit {
                                    start: i,
                                    end,
                                    root: r,
                                });
                            }
                            i = end;
                        }
                        EntryKind::Noun => {
                            for k in i..end {
                                self.toks[k].kind = TK::Noun;
                            }
                            i = end;
                        }
                        EntryKind::Adj => {
                            for k in i..end {
                                self.toks[k].kind = TK::Adj;
                            }
                            i = end;
                        }
                    }
                }
                _ => {
                    self.toks[i].kind = match t.as_str() {
                        "THE" | "A" | "AN" => TK::Determ,
                        "AND" | "BUT" | "OR" | "NOR" => TK::Conj,
                        "HE" | "SHE" | "IT" | "HIM" | "ITS" | "HIS" | "HER" | "THEY" | "THEM"
                        | "THEIR" => TK::Pronoun,
                        "WAS" | "WERE" | "BEEN" => TK::Auxil,
                        "BY" => TK::By,
                        _ => TK::Null,
                    };
                    i += 1;
                }
            }
        }
        for (s, e, a) in actor_hits {
            let entry = &self.eng.dicts.actors.entries[a];
            match resolve_code(&entry.codes, self.date) {
                None | Some("---") => {
                    for k in s..e {
                        self.toks[k].kind = TK::Noun;
                    }
                }
                Some("###") => self.discarded = true,
                Some("+++") => self.complex = true,
                Some(code) => {
                    for k in s..e {
                        self.toks[k].kind = TK::Actor;
                    }
                    let codes: Vec<String> = code.split('/').map(str::to_string).collect();
                    self.push_unit(Unit {
                        start: s,
                        end: e,
                        base: codes.clone(),
                        codes,
                        compound: false,
                    });
                }
            }
        }
        self.units.sort_by_key(|u| u.start);
        self.reindex();
        self.attach_agents(agents);
    }

    fn sentence_start(&self, i: usize) -> bool {
        i == 0
            || self.toks[..i]
                .iter()
                .all(|t| matches!(t.kind, TK::Null) && t.text.chars().all(|c| !c.is_alphabetic()))
    }

    fn push_unit(&mut self, u: Unit) {
        self.units.push(u);
    }

    fn reindex(&mut self) {
        self.unit_at = vec![None; self.toks.len()];
        for (ui, u) in self.units.iter().enumerate() {
            for k in u.start..u.end.min(self.toks.len()) {
                self.unit_at[k] = Some(ui);
            }
        }
    }

    fn attach_agents(&mut self, agents: Vec<(usize, usize, usize)>) {
        let mut leftovers = Vec::new();
        for (s, e, a) in agents {
            let entry = &self.eng.dicts.agents.entries[a];
            let Some(code) = resolve_code(&entry.codes, self.date).map(str::to_string) else {
                continue;
            };
            // "former" right before the agent, or right before the actor the agent follows
            let actor_before = if s > 0 {
                self.unit_at[s - 1].filter(|&u| self.units[u].end == s)
            } else {
                None
            };
            let former = (s > 0 && self.toks[s - 1].text == "FORMER")
                || actor_before.is_some_and(|u| {
                    self.units[u].start > 0 && self.toks[self.units[u].start - 1].text == "FORMER"
                });
            let code = if former { "~ELI".to_string() } else { code };
            // actor right after (skipping nothing), actor right before, agent OF/IN actor
            let petr = self.eng.options.petrarch;
            let after = self
                .unit_at
                .get(e)
                .copied()
                .flatten()
                .filter(|&u| self.units[u].start == e);
            let mut before = if s > 0 {
                self.unit_at[s - 1].filter(|&u| self.units[u].end == s)
            } else {
                None
            };
            if before.is_none() && s > 1 && self.toks[s - 1].text == "FORMER" {
                before = self.unit_at[s - 2].filter(|&u| self.units[u].end == s - 1);
            }
            if petr && before.is_none() {
                // PETRARCH: the agent and the actor share a noun phrase ("Dagolath's first deputy minister")
                let mut p = s;
                while p > 0
                    && s - p < 3
                    && matches!(self.toks[p - 1].kind, TK::Null | TK::Adj | TK::Conj)
                    && self.toks[p - 1].text.chars().all(|c| c.is_alphabetic())
                {
                    p -= 1;
                }
                while p < s {
                    let cand = if p > 0 {
                        self.unit_at[p - 1].filter(|&u| self.units[u].end == p)
                    } else {
                        None
                    };
                    let possessive = p > 0 && self.toks[p - 1].text.ends_with("'S");
                    if cand.is_some()
                        && (s - p <= 1 || possessive)
                        && !self.toks[p..s]
                            .iter()
                            .any(|t| t.kind == TK::Conj && !possessive)
                    {
                        before = cand;
                        break;
                    }
                    p += 1;
                }
            }
            let of = if e < self.toks.len()
                && (matches!(self.toks[e].text.as_str(), "OF" | "IN")
                    || (petr && self.toks[e].text == "FROM"))
            {
                let mut p = e + 1;
                while p < self.toks.len() && self.toks[p].kind == TK::Determ {
                    p += 1;
                }
                self.unit_at.get(p).copied().flatten()
            } else {
                None
            };
            let target = before.or(after).or(of);
            match target {
                Some(u) => {
                    let unit = &mut self.units[u];
                    unit.codes = unit.codes.iter().map(|c| add_agent(c, &code)).collect();
                    unit.start = unit.start.min(s);
                    unit.end = unit.end.max(e);
                    let (a, b) = (unit.start, unit.end);
                    for t in &mut self.toks[a..b] {
                        if t.kind == TK::Conj {
                            t.consumed = true;
                        }
                    }
                    if petr && of == Some(u) && before.is_none() && after.is_none() {
                        // PETRARCH distributes "ambassadors of A, B and C" over the list
                        let mut k = u;
                        while k + 1 < self.units.len()
                            && self
                                .gap_kind(self.units[k].end, self.units[k + 1].start)
                                .is_some()
                        {
                            k += 1;
                            let next = &mut self.units[k];
                            next.codes = next.codes.iter().map(|c| add_agent(c, &code)).collect();
                        }
                    }
                }
                None => leftovers.push((s, e, code)),
            }
        }
        let opts = self.eng.options.clone();
        if opts.petrarch {
            // "Danish media and government": an agent after AND shares the previous actor
            self.units.sort_by_key(|u| u.start);
            self.reindex();
            leftovers.retain(|&(s, e, ref code)| {
                if s < 2 || self.toks[s - 1].text != "AND" {
                    return true;
                }
                let Some(u) = self.unit_at[s - 2].filter(|&u| self.units[u].end == s - 1) else {
                    return true;
                };
                let unit = &mut self.units[u];
                let extra: Vec<String> = unit.base.iter().map(|c| add_agent(c, code)).collect();
                for c in extra {
                    if !unit.codes.contains(&c) {
                        unit.codes.push(c);
                    }
                }
                unit.compound = unit.codes.len() > 1;
                unit.end = e;
                self.toks[s - 1].consumed = true;
                false
            });
        }
        if opts.convert_agents || opts.petrarch {
            for (s, e, code) in leftovers {
                for k in s..e {
                    self.toks[k].kind = TK::Actor;
                }
                let code = if opts.convert_agents {
                    code
                } else {
                    add_agent("---", &code)
                };
                self.units.push(Unit {
                    start: s,
                    end: e,
                    base: vec![code.clone()],
                    codes: vec![code],
                    compound: false,
                });
            }
        }
        self.units.sort_by_key(|u| u.start);
        if self.eng.options.petrarch {
            // PETRARCH: "Arnor's Elrond" is one noun phrase coded by its first actor
            let mut k = 0;
            while k + 1 < self.units.len() {
                let (a, b) = (&self.units[k], &self.units[k + 1]);
                if a.end == b.start && a.end > 0 && self.toks[a.end - 1].text.ends_with("'S") {
                    let end = b.end;
                    self.units[k].end = end;
                    self.units.remove(k + 1);
                } else {
                    k += 1;
                }
            }
        }
        self.reindex();
    }

    /// Gap between two units: `Some(true)` when it holds a conjunction, `Some(false)` when it is
    /// a comma or only adjectives/determiners, `None` when the units cannot be chained.
    fn gap_kind(&self, from: usize, to: usize) -> Option<bool> {
        let gap = self.toks.get(from..to)?;
        // PETRARCH reads noun phrases from the parse: unknown modifiers after the separator are fine
        let petr_mod = |k: usize, t: &Tok| {
            self.eng.options.petrarch
                && k > 0
                && t.kind == TK::Null
                && t.text.chars().all(|c| c.is_alphabetic())
        };
        if gap.iter().enumerate().any(|(k, t)| {
            !matches!(t.kind, TK::Comma | TK::Conj | TK::Determ | TK::Adj) && !petr_mod(k, t)
        }) {
            return None;
        }
        let seps: Vec<&Tok> = gap
            .iter()
            .filter(|t| matches!(t.kind, TK::Comma | TK::Conj))
            .collect();
        if seps.is_empty() {
            // adjacent actors chain only after a possessive ("Arnor's Elrond")
            let possessive = from > 0 && self.toks[from - 1].text.ends_with("'S");
            return if gap.iter().any(|t| t.kind == TK::Null) || (gap.is_empty() && !possessive) {
                None
            } else {
                Some(false)
            };
        }
        if !matches!(gap[0].kind, TK::Comma | TK::Conj)
            || seps.iter().filter(|t| t.kind == TK::Conj).count() > 1
            || seps.iter().any(|t| t.kind == TK::Conj && t.text == "BUT")
        {
            return None;
        }
        Some(seps.iter().any(|t| t.kind == TK::Conj))
    }

    fn compounds(&mut self) {
        // parsed compound actors: np (, np)* AND np, np = (determ|adjctv)* actor
        let units = std::mem::take(&mut self.units);
        let mut merged: Vec<Unit> = Vec::new();
        let mut i = 0;
        while i < units.len() {
            // extend a chain while gaps allow; remember where the last conjunction was
            let mut j = i;
            let mut last_conj_end: Option<usize> = None;
            while j + 1 < units.len() {
                match self.gap_kind(units[j].end, units[j + 1].start) {
                    Some(conj) => {
                        j += 1;
                        if conj {
                            last_conj_end = Some(j);
                            if self.eng.options.petrarch {
                                break; // PETRARCH's parse ends the noun phrase at its conjunction
                            }
                        }
                    }
                    None => break,
                }
            }
            let coded = units[i..=j].iter().any(|u| u.codes.len() > 1);
            let Some(end) = last_conj_end.filter(|_| !coded) else {
                merged.push(units[i].clone());
                i += 1;
                continue;
            };
            // members after the last conjunction joined by adjectives only stay in
            let mut end = end;
            while end < j
                && self.gap_kind(units[end].end, units[end + 1].start) == Some(false)
                && !self.toks[units[end].end..units[end + 1].start]
                    .iter()
                    .any(|t| t.kind == TK::Comma)
            {
                end += 1;
            }
            let mut cur = units[i].clone();
            for u in &units[i + 1..=end] {
                for c in &u.codes {
                    if !cur.codes.contains(c) {
                        cur.codes.push(c.clone());
                    }
                }
                for c in &u.base {
                    if !cur.base.contains(c) {
                        cur.base.push(c.clone());
                    }
                }
            }
            for k in cur.end..units[end].start {
                if matches!(self.toks[k].kind, TK::Comma | TK::Conj) {
                    self.toks[k].consumed = true;
                }
            }
            cur.end = units[end].end;
            cur.compound = cur.codes.len() > 1;
            merged.push(cur);
            i = end + 1;
        }
        self.units = merged;
        self.reindex();
        // compound nouns and adjectives: conj is not a clause break
        let n = self.toks.len();
        for k in 1..n.saturating_sub(1) {
            if self.toks[k].kind != TK::Conj {
                continue;
            }
            let prev = self.toks[k - 1].kind;
            let mut p = k + 1;
            while p < n && self.toks[p].kind == TK::Adj {
                p += 1;
            }
            let next = self.toks.get(p).map(|t| t.kind);
            let petr_np = self.eng.options.petrarch
                && prev == TK::Null
                && self.toks[k + 1].kind == TK::Null
                && self.toks[k - 1].text.chars().all(char::is_alphabetic)
                && self.toks[k + 1].text.chars().all(char::is_alphabetic);
            if (prev == TK::Noun && next == Some(TK::Noun))
                || (prev == TK::Adj && self.toks[k + 1].kind == TK::Adj)
                || petr_np
            {
                self.toks[k].consumed = true;
            }
        }
    }

    fn pronouns(&mut self) {
        if self.eng.options.petrarch {
            return; // PETRARCH does not resolve pronouns
        }
        let first = self
            .units
            .iter()
            .find(|u| !self.toks[u.start].removed)
            .cloned();
        let first_compound = self
            .units
            .iter()
            .find(|u| u.compound && !self.toks[u.start].removed)
            .cloned();
        let mut new_units = Vec::new();
        for k in 0..self.toks.len() {
            if self.toks[k].kind != TK::Pronoun {
                continue;
            }
            let plural = matches!(self.toks[k].text.as_str(), "THEY" | "THEM" | "THEIR");
            let r = if plural {
                first_compound.clone().or(first.clone())
            } else {
                first.clone()
            };
            match r {
                Some(u) if u.start < k || (plural && u.compound) => new_units.push(Unit {
                    start: k,
                    end: k + 1,
                    base: u.base.clone(),
                    codes: u.codes.clone(),
                    compound: u.compound,
                }),
                _ => {
                    if let Some(f) = self.forward.as_ref().filter(|f| !f.is_empty()) {
                        new_units.push(Unit {
                            start: k,
                            end: k + 1,
                            base: f.clone(),
                            codes: f.clone(),
                            compound: f.len() > 1,
                        });
                    }
                }
            }
        }
        self.units.extend(new_units);
        self.units.sort_by_key(|u| u.start);
        self.reindex();
    }

    fn commas(&mut self) {
        let c = self.eng.options.comma;
        if !c.enabled {
            return;
        }
        let commas: Vec<usize> = (0..self.toks.len())
            .filter(|&k| self.toks[k].kind == TK::Comma && !self.toks[k].consumed)
            .collect();
        let words = |a: usize, b: usize| (a..b).filter(|&k| self.toks[k].kind != TK::Comma).count();
        let mut remove: Vec<(usize, usize)> = Vec::new();
        let mut k = 0;
        let mut last_free = None;
        while k < commas.len() {
            if k + 1 < commas.len() {
                let n = words(commas[k] + 1, commas[k + 1]);
                if n > c.min && n <= c.max {
                    remove.push((commas[k], commas[k + 1]));
                    k += 2;
                    continue;
                }
            }
            last_free = Some(commas[k]);
            k += 1;
        }
        if let Some(last) = last_free {
            let n = words(last + 1, self.toks.len());
            if n > c.emin && n <= c.emax {
                remove.push((last, self.toks.len()));
            } else if self.eng.options.petrarch {
                // PETRARCH codes a trailing clause it keeps on its own ("..., a senior official said")
                self.isolated_from = Some(last + 1);
            }
        }
        if let Some(&first) = commas.first() {
            let n = words(0, first);
            if n > c.bmin && n <= c.bmax {
                remove.push((0, first + 1));
            }
        }
        for (a, b) in remove {
            for k in a..b {
                self.toks[k].removed = true;
            }
            if b < self.toks.len() && a > 0 {
                self.toks[a].removed = false; // keep one comma as a boundary
            }
        }
    }

    // -----------------------------------------------------------------------------------------
    // Coding

    fn clauses(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        for k in 0..self.toks.len() {
            let t = &self.toks[k];
            if (t.kind == TK::Conj && !t.consumed && !t.removed)
                || self.isolated_from == Some(k + 1)
            {
                out.push((start, k));
                start = k + 1;
            }
        }
        out.push((start, self.toks.len()));
        out
    }

    fn code_clauses(&mut self) -> Coded {
        let opts = &self.eng.options;
        let live_verbs: Vec<VerbHit> = self
            .verbs
            .iter()
            .filter(|v| !self.toks[v.start].removed)
            .cloned()
            .collect();
        if opts.complex_verbs.is_some_and(|n| live_verbs.len() >= n) {
            self.complex = true;
        }
        let clauses = self.clauses();
        if opts.complex_conj.is_some_and(|n| clauses.len() > n) {
            self.complex = true;
        }
        let mut out = Coded::default();
        let mut events: Vec<Tagged> = Vec::new();
        let mut carried_source: Option<usize> = None;
        let mut any_sentence_event = false;
        for &(cs, ce) in &clauses {
            let mut clause_has_event = false;
            let mut clause_sub: Vec<Tagged> = Vec::new();
            let verbs: Vec<&VerbHit> = live_verbs
                .iter()
                .filter(|v| v.start >= cs && v.end <= ce)
                .collect();
            for v in verbs {
                let Some(fired) = self.match_verb(v, cs, ce) else {
                    continue;
                };
                let code = fired.code.clone();
                if code.discard {
                    return Coded {
                        discarded: true,
                        ..Coded::default()
                    };
                }
                if code.complex {
                    self.complex = true;
                    continue;
                }
                if code.null {
                    continue;
                }
                let sides = self.assign(v, cs, ce, &fired, &mut carried_source);
                if sides.source.codes.is_none() && opts.noactprior && opts.default_source.is_none()
                {
                    self.complex = true;
                }
                let evs = self.expand_events(&sides, &code);
                if evs.is_empty() {
                    continue;
                }
                let verb = self.byte_span(v.start, v.end).unwrap_or_default();
                let tagged: Vec<Tagged> = evs
                    .into_iter()
                    .map(|(event, reversed)| {
                        let (s, t) = if reversed {
                            (&sides.target, &sides.source)
                        } else {
                            (&sides.source, &sides.target)
                        };
                        let detail = EventDetail {
                            source: self.unit_span(s.unit),
                            target: self.unit_span(t.unit),
                            verb: verb.clone(),
                            entry: fired.entry.clone(),
                            pattern: fired.pattern.clone(),
                        };
                        (event, detail, code.subordinate, code.dominant)
                    })
                    .collect();
                out.fired.push(fired.entry);
                if code.subordinate {
                    clause_sub.extend(tagged);
                    continue;
                }
                events.extend(tagged);
                clause_has_event = true;
                any_sentence_event = true;
                if opts.code_by != CodeBy::All {
                    break;
                }
            }
            if !clause_has_event {
                events.extend(clause_sub);
                if carried_source.is_none() {
                    carried_source = self
                        .units
                        .iter()
                        .position(|u| u.start >= cs && u.end <= ce && !self.toks[u.start].removed);
                }
            }
            if opts.code_by == CodeBy::Sentence && any_sentence_event {
                break;
            }
        }
        let has_main = events.iter().any(|e| !e.2);
        let has_dom = events.iter().any(|e| e.3);
        for (e, detail, sub, dom) in events {
            if (sub && has_main) || (has_dom && !dom) {
                continue;
            }
            if !out.events.contains(&e) {
                out.events.push(e);
                out.details.push(detail);
            }
        }
        out
    }

    /// Finds the pattern (or the bare verb) that applies: code, designated source/target units.
    fn match_verb(&self, v: &VerbHit, cs: usize, ce: usize) -> Option<Fired> {
        let live: Vec<usize> = (cs..ce).filter(|&k| !self.toks[k].removed).collect();
        let vs = live.iter().position(|&k| k == v.start)?;
        let ve = live
            .iter()
            .position(|&k| k + 1 == v.end)
            .map(|p| p + 1)
            .unwrap_or(vs + 1);
        for p in &self.eng.patterns[v.root] {
            let mut b = Bind::default();
            if self.match_flat(&p.toks, 0, &live, 0, vs, ve, &mut b) {
                return Some(Fired {
                    code: p.code.clone(),
                    designated: b.src.is_some() || b.tgt.is_some(),
                    bind: b,
                    entry: p.loc.clone(),
                    pattern: p.raw.clone(),
                });
            }
        }
        let root = &self.eng.dicts.verbs.roots[v.root];
        Some(Fired {
            code: root.code.clone(),
            bind: Bind::default(),
            designated: false,
            entry: root.loc.to_string(),
            pattern: root.phrase.clone(),
        })
    }

    /// The byte range of tokens `start..end` in the coded text.
    fn byte_span(&self, start: usize, end: usize) -> Option<std::ops::Range<usize>> {
        let first = self.toks.get(start)?;
        let last = self.toks.get(end.checked_sub(1)?)?;
        (first.span.start <= last.span.end).then_some(first.span.start..last.span.end)
    }

    fn unit_span(&self, unit: Option<usize>) -> Option<std::ops::Range<usize>> {
        let u = self.units.get(unit?)?;
        self.byte_span(u.start, u.end)
    }

    #[allow(clippy::too_many_arguments)]
    fn match_flat(
        &self,
        toks: &[(Flat, bool)],
        i: usize,
        live: &[usize],
        pos: usize,
        vs: usize,
        ve: usize,
        b: &mut Bind,
    ) -> bool {
        if i == toks.len() {
            return true;
        }
        let prev_joined = i > 0 && toks[i - 1].1;
        let (el, _) = toks[i];
        if el == Flat::Verb {
            if pos > vs || (prev_joined && pos != vs) {
                return false;
            }
            return self.match_flat(toks, i + 1, live, ve, vs, ve, b);
        }
        let candidates: Vec<usize> = if prev_joined {
            vec![pos]
        } else {
            (pos..live.len()).collect()
        };
        for p in candidates {
            if p > live.len() {
                break;
            }
            // elements before the verb must end before it; after it, start after it
            let before_verb = toks[i..].iter().any(|t| t.0 == Flat::Verb);
            if el != Flat::Verb && before_verb && p >= vs {
                break;
            }
            match el {
                Flat::Verb => {
                    if p > vs {
                        break;
                    }
                    if p != vs {
                        if prev_joined {
                            return false;
                        }
                        continue;
                    }
                    return self.match_flat(toks, i + 1, live, ve, vs, ve, b);
                }
                Flat::Word(w) | Flat::SynWord(w) => {
                    let Some(&k) = live.get(p) else { break };
                    if self.toks[k].kind == TK::Comma {
                        break;
                    }
                    let pw = &self.eng.words[w];
                    if pw.matches(&self.toks[k].text, !pw.exact)
                        && self.match_flat(toks, i + 1, live, p + 1, vs, ve, b)
                    {
                        return true;
                    }
                }
                Flat::Source | Flat::Target | Flat::Compound | Flat::Skip => {
                    let Some(&k) = live.get(p) else { break };
                    let Some(u) = self.unit_at[k].filter(|&u| {
                        self.units[u].start == k || (p == pos && self.units[u].start < k)
                    }) else {
                        if self.toks[k].kind == TK::Comma {
                            break;
                        }
                        continue;
                    };
                    if el == Flat::Compound && !self.units[u].compound {
                        continue;
                    }
                    let end = self.units[u].end;
                    let np = live.iter().position(|&x| x >= end).unwrap_or(live.len());
                    let saved = b.clone();
                    match el {
                        Flat::Source => b.src = Some(u),
                        Flat::Target => b.tgt = Some(u),
                        Flat::Compound => {
                            // PETRARCH: a compound after the verb is the target only
                            let after_verb = !toks[i..].iter().any(|t| t.0 == Flat::Verb);
                            if !(self.eng.options.petrarch && after_verb) {
                                b.src = Some(u);
                            }
                            b.tgt = Some(u);
                        }
                        _ => {}
                    }
                    if self.match_flat(toks, i + 1, live, np, vs, ve, b) {
                        return true;
                    }
                    *b = saved;
                    // the first actor in the location is the one; PETRARCH's `^` may also skip nothing
                    return el == Flat::Skip
                        && self.eng.options.petrarch
                        && self.match_flat(toks, i + 1, live, pos, vs, ve, b);
                }
            }
            if prev_joined {
                break;
            }
        }
        el == Flat::Skip
            && self.eng.options.petrarch
            && self.match_flat(toks, i + 1, live, pos, vs, ve, b)
    }

    fn first_actor(&self, from: usize, to: usize, not: Option<&[String]>) -> Option<usize> {
        self.units.iter().position(|u| {
            u.start >= from
                && u.start < to
                && !self.toks[u.start].removed
                && not.is_none_or(|n| u.codes.iter().any(|c| !n.contains(c)))
        })
    }

    /// Source and target codes for a verb (designated ones first, then TABARI's default
    /// search rules and `DEFAULT:` codes), and whether both are the same compound.
    fn assign(
        &self,
        v: &VerbHit,
        cs: usize,
        ce: usize,
        fired: &Fired,
        carried: &mut Option<usize>,
    ) -> Sides {
        let opts = &self.eng.options;
        let designated = fired.designated;
        let mut src = fired.bind.src;
        let mut tgt = fired.bind.tgt;
        let mut src_codes: Option<Vec<String>> = None;
        let mut tgt_codes: Option<Vec<String>> = None;
        let isolated = self.isolated_from.is_some_and(|i| cs >= i);
        if src.is_none() {
            let tcodes = tgt.map(|t| self.units[t].codes.clone());
            src = self.first_actor(cs, v.start, tcodes.as_deref());
            if !isolated {
                src = src
                    .or(*carried)
                    .or_else(|| self.first_actor(0, v.start, tcodes.as_deref()));
            }
            if src.is_none() {
                if let Some((c, prior)) = &opts.default_source {
                    if *prior {
                        src_codes = Some(vec![c.clone()]);
                    } else if let Some(u) = self.first_actor(v.end, ce, None) {
                        let codes = &self.units[u].codes;
                        src_codes = Some(vec![codes[0].clone()]);
                        if codes.len() > 1 && tgt.is_none() {
                            tgt_codes = Some(codes[1..].to_vec());
                        }
                    } else {
                        src_codes = Some(vec![c.clone()]);
                    }
                }
            }
        }
        if let Some(s) = src {
            if carried.is_none() || self.units[s].start >= cs {
                *carried = Some(s);
            }
        }
        let scodes: Option<Vec<String>> = src
            .map(|s| self.units[s].codes.clone())
            .or_else(|| src_codes.clone());
        if tgt.is_none() && tgt_codes.is_none() {
            tgt = self.first_actor(v.end, ce, scodes.as_deref());
            if tgt.is_none() {
                match &opts.default_target {
                    Some((c, true)) => tgt_codes = Some(vec![c.clone()]),
                    Some((c, false)) => {
                        if let Some(s) = src.filter(|&s| self.units[s].compound) {
                            tgt_codes = Some(self.units[s].codes[1..].to_vec());
                        } else {
                            tgt = self
                                .first_actor(cs, v.start, scodes.as_deref())
                                .filter(|&t| Some(t) != src);
                            if tgt.is_none() {
                                tgt_codes = Some(vec![c.clone()]);
                            }
                        }
                    }
                    None => {
                        tgt = self
                            .first_actor(cs, v.start, scodes.as_deref())
                            .filter(|&t| Some(t) != src);
                        if tgt.is_none() {
                            tgt = src.filter(|&s| self.units[s].compound);
                        }
                    }
                }
            }
        }
        let mut source = Side {
            codes: src.map(|s| self.units[s].codes.clone()).or(src_codes),
            unit: src,
        };
        let mut target = Side {
            codes: tgt.map(|t| self.units[t].codes.clone()).or(tgt_codes),
            unit: tgt,
        };
        // passive voice
        if !designated {
            let aux = (1..=2).any(|d| v.start >= d && self.toks[v.start - d].kind == TK::Auxil);
            let by = (v.end..v.end + 2).any(|k| self.toks.get(k).is_some_and(|t| t.kind == TK::By));
            if aux && by {
                std::mem::swap(&mut source, &mut target);
            }
        }
        Sides {
            source,
            target,
            same: src.is_some() && src == tgt,
        }
    }

    /// The events of one verb: every source code × target code, and the reverse of a paired
    /// code (flagged `true`: its source is the sides' target).
    fn expand_events(&self, sides: &Sides, code: &VerbCode) -> Vec<(CompatEvent, bool)> {
        let same = sides.same;
        let opts = &self.eng.options;
        let missing = || {
            if opts.petrarch && !opts.require_dyad {
                Some(vec!["---".to_string()])
            } else {
                None
            }
        };
        let (Some(s_codes), Some(t_codes)) = (
            sides.source.codes.clone().or_else(missing),
            sides.target.codes.clone().or_else(missing),
        ) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (si, s) in s_codes.iter().enumerate() {
            for (ti, t) in t_codes.iter().enumerate() {
                if s == t || (same && code.pair.is_some() && ti <= si) {
                    continue;
                }
                let event = |source: &String, target: &String, code: &String| CompatEvent {
                    source: source.clone(),
                    target: target.clone(),
                    code: code.clone(),
                };
                out.push((event(s, t, &code.code), false));
                if let Some(p) = &code.pair {
                    out.push((event(t, s, p), true));
                }
            }
        }
        out
    }
}

#[derive(Clone, Debug, Default)]
struct Bind {
    src: Option<usize>,
    tgt: Option<usize>,
}

/// The pattern (or bare verb) that applied to a verb.
struct Fired {
    code: VerbCode,
    /// Units the pattern designated (`$`, `+`, `%`).
    bind: Bind,
    designated: bool,
    entry: String,
    pattern: String,
}

/// One side of an event: its codes and the unit that named it (none for default codes).
struct Side {
    codes: Option<Vec<String>>,
    unit: Option<usize>,
}

/// Source and target of a verb, and whether both are the same compound unit.
struct Sides {
    source: Side,
    target: Side,
    same: bool,
}

/// An event with where it is, and whether its code is subordinate / dominant.
type Tagged = (CompatEvent, EventDetail, bool, bool);

/// Adds an agent code (`~GOV` appends, `NGO~` prepends) unless already present on a
/// 3-character boundary.
pub fn add_agent(actor: &str, agent: &str) -> String {
    let (code, prepend) = if let Some(c) = agent.strip_prefix('~') {
        (c, false)
    } else {
        (agent.trim_end_matches('~'), true)
    };
    let present = actor.len() >= code.len()
        && (0..=actor.len() - code.len())
            .step_by(3)
            .any(|i| actor.get(i..i + code.len()) == Some(code));
    if present || code.is_empty() {
        return actor.to_string();
    }
    if prepend {
        format!("{code}{actor}")
    } else {
        format!("{actor}{code}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine() -> Engine {
        let mut d = CompatDicts::default();
        d.add_text(
            &"t.actors".into(),
            "ARNOR [ARN]\nGONDOR [GON]\nOSGILIATH [OSG]\nCALENARDHON [CAL]\n",
            (Dialect::Tabari, DictKind::Actors),
        );
        d.add_text(
            &"t.agents".into(),
            "GOVERNMENT_ [~GOV]\nSOLDIER [~MIL]\n",
            (Dialect::Tabari, DictKind::Agents),
        );
        d.add_text(&"t.verbs".into(), "RESTORE [060]\n- * DIPLOMATIC TIES [064]\nCONDEMN [122]\nMEET [031:031]\nADVISE [040]\n", (Dialect::Tabari, DictKind::Verbs));
        d.finish();
        d.options.minimum_words = 0;
        Engine::new(d)
    }

    fn ev(c: &Coded) -> Vec<String> {
        c.events.iter().map(|e| e.to_string()).collect()
    }

    #[test]
    fn simple_and_pattern() {
        let e = engine();
        assert_eq!(
            ev(&e.code(
                "Arnor is about to restore full diplomatic ties with Gondor.",
                None
            )),
            ["ARN / GON / 064"]
        );
        assert_eq!(
            ev(&e.code(
                "The Calenardhon government condemned Osgiliath soldiers.",
                None
            )),
            ["CALGOV / OSGMIL / 122"]
        );
        assert_eq!(
            ev(&e.code("Arnor will meet Gondor.", None)),
            ["ARN / GON / 031", "GON / ARN / 031"]
        );
        assert_eq!(
            ev(&e.code("Gondor was advised by Arnor.", None)),
            ["ARN / GON / 040"]
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        let e = engine();
        let mut p = engine();
        p.options.petrarch = true;
        p.options.require_dyad = false;
        for text in [
            "",
            ",",
            ", , ,",
            "'",
            "n't",
            "Arnor's's",
            "Arnor , and and , Gondor",
            "\u{201C}Arnor\u{201D} -- _ met\tGondor.",
            "...",
            "Arnor Arnor Arnor meet meet meet",
            "Ärnor trifft Gondor",
            "A. B. C. D.",
            "Arnor former",
        ] {
            for eng in [&e, &p] {
                let _ = eng.code(text, None);
                let _ = eng.explain(text, None);
                let _ = eng.code_forward(text, None, Some(vec!["ARN".into()]));
            }
        }
    }

    #[test]
    fn documents_are_split_into_sentences() {
        let e = engine();
        let out = e.code_document("Arnor will meet Gondor. Nothing here. The Calenardhon government condemned Osgiliath soldiers.", None);
        let coded: Vec<(usize, usize)> = out
            .iter()
            .map(|s| (s.index, s.coded.events.len()))
            .collect();
        assert_eq!(coded, [(0, 2), (1, 0), (2, 1)], "{out:?}");
    }

    #[test]
    fn agents_combine() {
        assert_eq!(add_agent("ISR", "~GOV"), "ISRGOV");
        assert_eq!(add_agent("LKAREB", "~REB"), "LKAREB");
        assert_eq!(add_agent("USA", "NGO~"), "NGOUSA");
    }
}
