//! An averaged-perceptron part-of-speech tagger (Collins 2002) with the classic feature set of
//! Honnibal's "A good POS tagger in about 200 lines": the word, its suffixes and first letter,
//! its shape, the two previous tags and the neighbouring words.
//!
//! The weights are trained by `scripts/train_tagger.py` (which runs the `train_tagger` example
//! on spaCy-tagged registry text) into `dictionaries/tagger/perceptron.bin`: sorted 32-bit
//! feature hashes, each with a run of (tag, weight) entries quantized to `i16`. The build script
//! turns that file into the model's own layout ([`Model::compile`]: the look-up table, dense
//! rows and history rows made in advance), which the library embeds and reads in place
//! ([`Model::from_compiled`]), so that start-up builds no table and the table's pages are read
//! only as tagging touches them. Feature extraction here is shared by training and tagging, so
//! both always see the same features.

use super::lexicon::Lexicon;
use super::tag::{Tag, Token};
use super::tagdict::TagDict;
use super::token::Shape;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Every tag, in `Tag`'s declaration order (the model's tag indices).
pub const ALL_TAGS: [Tag; 30] = [
    Tag::CC,
    Tag::CD,
    Tag::DT,
    Tag::EX,
    Tag::IN,
    Tag::JJ,
    Tag::JJR,
    Tag::JJS,
    Tag::MD,
    Tag::NN,
    Tag::NNS,
    Tag::NNP,
    Tag::NNPS,
    Tag::POS,
    Tag::PRP,
    Tag::PRPS,
    Tag::RB,
    Tag::RP,
    Tag::TO,
    Tag::VB,
    Tag::VBD,
    Tag::VBG,
    Tag::VBN,
    Tag::VBP,
    Tag::VBZ,
    Tag::WDT,
    Tag::WP,
    Tag::WPS,
    Tag::WRB,
    Tag::Punct,
];
const N_TAGS: usize = ALL_TAGS.len();
const MAGIC: &[u8; 8] = b"DMPT0001";
const HEADER: usize = 24;
/// The first bytes of a compiled model ([`Model::compiled`]).
const COMPILED_MAGIC: &[u8; 8] = b"DMPC0001";
/// Bytes of a compiled model's header ([`Model::compile`]): the magic and five `u32` counts.
const COMPILED_HEADER: usize = 28;
/// Stands for "no tag" before the sentence start.
const START: u64 = N_TAGS as u64;

/// The tag named `name` ("NNP", "PRP$", "PUNCT").
pub fn tag_by_name(name: &str) -> Option<Tag> {
    ALL_TAGS.iter().copied().find(|t| t.name() == name)
}

/// Per-token hashes that the features combine, computed once per sentence.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordKeys {
    word: u64,
    suffix3: u64,
    suffix2: u64,
    prefix1: u64,
    shape: u64,
    suffix4: u64,
    /// What the lexicon knows: the verb forms the word can be and its closed-class tag.
    lexical: u64,
}

impl WordKeys {
    /// The keys of no word (a neighbour beyond the sentence's edge).
    pub const NONE: WordKeys = WordKeys {
        word: 0,
        suffix3: 0,
        suffix2: 0,
        prefix1: 0,
        shape: 0,
        suffix4: 0,
        lexical: 0,
    };

    /// The lexicon lists the word as a form of some verb ("arms", "talks", "said").
    pub fn may_be_verb(&self) -> bool {
        (self.lexical >> 1) & 0x7fff != 0
    }
}

/// The keys of every token of a sentence.
pub fn sentence_keys(lexicon: &Lexicon, tokens: &[Token]) -> Vec<WordKeys> {
    tokens
        .iter()
        .enumerate()
        .map(|(i, t)| word_keys(lexicon, t, i == 0))
        .collect()
}

fn lexical_class(lexicon: &Lexicon, lower: &str) -> u64 {
    let verb_kinds = lexicon
        .verb(lower)
        .iter()
        .fold(0u64, |m, f| m | 1 << (f.kind as u64));
    let closed = lexicon.closed(lower).map_or(0, |t| t as u64 + 1);
    1 | verb_kinds << 1 | closed << 16
}

/// The keys of token `t`, `first` if it opens its sentence.
pub fn word_keys(lexicon: &Lexicon, t: &Token, first: bool) -> WordKeys {
    let lower = t.lower.as_str();
    let word = match t.shape {
        Shape::Number if lower.len() == 4 && lower.bytes().all(|b| b.is_ascii_digit()) => {
            fnv(b"!YEAR")
        }
        Shape::Number => fnv(b"!NUM"),
        _ => fnv(lower.as_bytes()),
    };
    WordKeys {
        word,
        suffix3: fnv(last_chars(lower, 3).as_bytes()),
        suffix2: fnv(last_chars(lower, 2).as_bytes()),
        suffix4: fnv(last_chars(lower, 4).as_bytes()),
        lexical: lexical_class(lexicon, lower),
        prefix1: t.text.chars().next().map_or(0, u64::from),
        shape: shape_class(t, first),
    }
}

fn last_chars(s: &str, n: usize) -> &str {
    // Most words end in ASCII letters: then the last `n` bytes are the last `n` characters.
    let tail = s.len().saturating_sub(n);
    if s.as_bytes()[tail..].is_ascii() {
        return &s[tail..];
    }
    let start = s.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &s[start..]
}

/// Capitalization pattern, hyphen, digits, tokenizer shape and sentence start, packed.
fn shape_class(t: &Token, first: bool) -> u64 {
    let text = t.text.as_str();
    let (upper, alphabetic) = if text.is_ascii() {
        let count = |f: fn(&u8) -> bool| text.bytes().filter(f).count();
        (
            count(u8::is_ascii_uppercase),
            count(u8::is_ascii_alphabetic),
        )
    } else {
        let count = |f: fn(char) -> bool| text.chars().filter(|&c| f(c)).count();
        (count(char::is_uppercase), count(char::is_alphabetic))
    };
    let caps = match (text.chars().next().is_some_and(char::is_uppercase), upper) {
        (_, 0) => 0u64,
        (true, 1) => 1,
        (true, n) if n == alphabetic => 2,
        _ => 3,
    };
    let hyphen = u64::from(text.contains('-'));
    let digit = u64::from(text.bytes().any(|b| b.is_ascii_digit()));
    caps | hyphen << 2 | digit << 3 | (t.shape as u64) << 4 | u64::from(first) << 8
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Mixes a feature template id with its values into a 32-bit feature key.
fn key(template: u64, a: u64, b: u64) -> u32 {
    let mut z = template
        .wrapping_mul(0x9e37_79b9_7f4a_7c15)
        .wrapping_add(a)
        .rotate_left(23)
        ^ b.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    (z ^ (z >> 31)) as u32
}

/// Number of features of one token.
pub const N_FEATURES: usize = N_HISTORY + N_WORD;
/// Features that depend only on the two previous tags (the bias among them).
const N_HISTORY: usize = 4;
/// Features of the words around the token (some crossed with the previous tag).
const N_WORD: usize = 18;

/// The feature keys of token `i`, given the two previous tags.
pub fn features(
    keys: &[WordKeys],
    i: usize,
    prev: Option<Tag>,
    prev2: Option<Tag>,
) -> [u32; N_FEATURES] {
    let (t1, t2) = (history_index(prev), history_index(prev2));
    let mut out = [0; N_FEATURES];
    out[..N_HISTORY].copy_from_slice(&history_features(t1, t2));
    out[N_HISTORY..].copy_from_slice(&word_features(keys, i, t1));
    out
}

fn history_index(tag: Option<Tag>) -> u64 {
    tag.map_or(START, |t| t as u64)
}

/// The keys of the features of the previous tags `t1`, `t2` (indices, `START` for none).
fn history_features(t1: u64, t2: u64) -> [u32; N_HISTORY] {
    [key(0, 0, 0), key(6, t1, 0), key(7, t2, 0), key(8, t1, t2)]
}

/// The keys of the features of the words around token `i`, the previous tag being `t1`.
fn word_features(keys: &[WordKeys], i: usize, t1: u64) -> [u32; N_WORD] {
    let none = WordKeys::default();
    let at = |j: isize| {
        usize::try_from(j)
            .ok()
            .and_then(|j| keys.get(j))
            .unwrap_or(&none)
    };
    let (w, i) = (at(i as isize), i as isize);
    let (p1, p2, n1, n2) = (at(i - 1), at(i - 2), at(i + 1), at(i + 2));
    [
        key(1, w.word, 0),
        key(2, w.suffix3, 0),
        key(3, w.suffix2, 0),
        key(4, w.prefix1, 0),
        key(5, w.shape, 0),
        key(9, t1, w.word),
        key(10, p1.word, 0),
        key(11, p1.suffix3, 0),
        key(12, p2.word, 0),
        key(13, n1.word, 0),
        key(14, n1.suffix3, 0),
        key(15, n2.word, 0),
        key(16, n1.shape, w.shape),
        key(17, p1.word, w.word),
        key(18, w.suffix4, 0),
        key(19, w.lexical, 0),
        key(20, w.lexical, t1),
        key(21, n1.lexical, w.lexical),
    ]
}

/// Where a word stands to the token being scored, for the features that read only that word:
/// the token itself or one of its four neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The token's own word, suffixes, prefix, shape and lexicon class.
    Own,
    /// The word before the token.
    Prev1,
    /// The word two before.
    Prev2,
    /// The word after.
    Next1,
    /// The word two after.
    Next2,
}

/// Number of roles.
pub const ROLES: usize = 5;

/// Every role, in `Role`'s declaration order.
pub const ALL_ROLES: [Role; ROLES] = [
    Role::Own,
    Role::Prev1,
    Role::Prev2,
    Role::Next1,
    Role::Next2,
];

/// The features among [`word_features`] that read only the word `w` in `role`.
fn role_features(w: &WordKeys, role: Role) -> ([u32; 7], usize) {
    let mut out = [0; 7];
    let n = match role {
        Role::Own => {
            out = [
                key(1, w.word, 0),
                key(2, w.suffix3, 0),
                key(3, w.suffix2, 0),
                key(4, w.prefix1, 0),
                key(5, w.shape, 0),
                key(18, w.suffix4, 0),
                key(19, w.lexical, 0),
            ];
            7
        }
        Role::Prev1 => put(&mut out, [key(10, w.word, 0), key(11, w.suffix3, 0)]),
        Role::Prev2 => put(&mut out, [key(12, w.word, 0)]),
        Role::Next1 => put(&mut out, [key(13, w.word, 0), key(14, w.suffix3, 0)]),
        Role::Next2 => put(&mut out, [key(15, w.word, 0)]),
    };
    (out, n)
}

fn put<const N: usize>(out: &mut [u32; 7], keys: [u32; N]) -> usize {
    out[..N].copy_from_slice(&keys);
    N
}

/// The features among [`word_features`] that cross two words or a word and the previous tag
/// `t1`: the token's `w`, with the words before (`p1`) and after it (`n1`) — those of its word
/// ([`word_pair_features`]) and those of its word's classes ([`class_pair_features`],
/// [`class_history_feature`]), as [`Model::predict_from`] adds them.
#[cfg(test)]
fn pair_features(w: &WordKeys, p1: &WordKeys, n1: &WordKeys, t1: u64) -> [u32; 5] {
    let ([a, b], [c, d]) = (word_pair_features(w, p1, t1), class_pair_features(w, n1));
    [a, b, c, d, class_history_feature(w, t1)]
}

/// The features of a token's word (`w`) with the previous tag `t1` and the previous word.
fn word_pair_features(w: &WordKeys, p1: &WordKeys, t1: u64) -> [u32; 2] {
    [key(9, t1, w.word), key(17, p1.word, w.word)]
}

/// The features of the shapes and lexical classes of a token (`w`) and the next word.
fn class_pair_features(w: &WordKeys, n1: &WordKeys) -> [u32; 2] {
    [key(16, n1.shape, w.shape), key(21, n1.lexical, w.lexical)]
}

/// The feature of a token's lexical class with the previous tag `t1`.
fn class_history_feature(w: &WordKeys, t1: u64) -> u32 {
    key(20, w.lexical, t1)
}

/// The key of what [`Model::class_pair_row`] reads: the shapes and lexical classes of a token
/// (`w`) and of the word after it (`n1`). Never 0: a token's lexical class has its low bit set.
pub fn class_pair_key(w: &WordKeys, n1: &WordKeys) -> u64 {
    let class = |k: &WordKeys| k.shape | k.lexical << 9;
    class(w) | class(n1) << 32
}

/// The key of what [`Model::class_history_row`] reads: a token's lexical class and the
/// previous tag. Never 0, like [`class_pair_key`].
pub fn class_history_key(w: &WordKeys, prev: Option<Tag>) -> u64 {
    w.lexical | history_index(prev) << 32
}

/// Adds `row` to `rows`, lane by lane.
fn add(rows: &mut Row, row: &Row) {
    for (s, &x) in rows.iter_mut().zip(row) {
        *s += x;
    }
}

/// The summed weights of a token's features that read one word each ([`Role`]), to which
/// [`Model::predict_from`] adds the rest.
pub type Row = [i32; 32];

/// A read-only model over the bytes of a weights file.
///
/// Looking a feature up is one probe of an open-addressing table that says where its weights
/// are: a dense row (for features with many entries) or a run of (tag, weight) entries in the
/// file. Tagging is bound by memory latency, so each feature costs about two cache lines.
pub struct Model<'a> {
    tags: &'a [u8],
    weights: &'a [u8],
    /// (feature key, slot) cells, two little-endian `u32`, the slot encoded as
    /// `DENSE_BIT`/`MAX_SPARSE_START` say; a zero slot is an empty cell. The number of cells is a
    /// power of two, and at least one is empty.
    table: &'a [[u8; 8]],
    /// The number of cells less one.
    mask: usize,
    /// The weights of the features with many entries as whole rows, one lane per tag (32
    /// little-endian `i16`), so that adding one is a few vector instructions instead of a loop
    /// over (tag, weight) pairs.
    dense: &'a [[u8; 64]],
    /// For each pair of previous tags (`t1 * HISTORY_TAGS + t2`), the summed weights of the
    /// history features (32 little-endian `i32`): a token's four tag-only features are one row
    /// read.
    history: &'a [[u8; 128]],
    /// For each [`Role`] but `Own`, the row of a neighbour beyond the sentence's edge.
    edges: [Row; ROLES],
}

/// Tag indices of the history, `START` included.
const HISTORY_TAGS: usize = N_TAGS + 1;

/// Features with at least this many (tag, weight) entries get a dense row.
const DENSE_MIN_ENTRIES: usize = 12;
/// A slot with this bit set holds a row of `dense`; otherwise `len << 24 | start` of a run.
const DENSE_BIT: u32 = 1 << 31;
/// Runs start below this entry and have fewer than 128 entries.
const MAX_SPARSE_START: usize = 1 << 24;

/// Why a weights file cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("tagger weights: {0}")]
pub struct ModelError(&'static str);

fn u32_at(bytes: &[u8], i: usize) -> u32 {
    u32::from_le_bytes(bytes[4 * i..4 * i + 4].try_into().expect("4 bytes"))
}

impl<'a> Model<'a> {
    /// Reads a weights file (see [`write_model`] for the layout) into the compiled layout that
    /// [`Model::from_compiled`] reads in place: the look-up table built, the long runs of
    /// entries made dense rows, the history rows summed.
    pub fn compile(bytes: &[u8]) -> Result<Vec<u8>, ModelError> {
        if bytes.len() < HEADER || &bytes[..8] != MAGIC {
            return Err(ModelError("not a demarche perceptron file"));
        }
        let n_tags = u32_at(&bytes[8..], 0) as usize;
        let n_feats = u32_at(&bytes[8..], 1) as usize;
        let n_entries = u32_at(&bytes[8..], 2) as usize;
        if n_tags != N_TAGS {
            return Err(ModelError("trained for another tag set"));
        }
        let keys_end = HEADER + 4 * n_feats;
        let starts_end = keys_end + 4 * (n_feats + 1);
        let tags_end = starts_end + n_entries + n_entries % 2;
        if bytes.len() != tags_end + 2 * n_entries {
            return Err(ModelError("truncated or padded file"));
        }
        if n_entries >= MAX_SPARSE_START {
            return Err(ModelError("too many entries"));
        }
        let mut table = TableBuilder {
            tags: &bytes[starts_end..tags_end],
            weights: &bytes[tags_end..],
            cells: vec![(0, 0); (n_feats + n_feats / 2).next_power_of_two().max(2)],
            dense: Vec::new(),
        };
        let (keys, starts) = (&bytes[HEADER..keys_end], &bytes[keys_end..starts_end]);
        for f in 0..n_feats {
            let (start, end) = (u32_at(starts, f) as usize, u32_at(starts, f + 1) as usize);
            if start > end || end > n_entries || end - start >= 128 {
                return Err(ModelError("bad entry offsets"));
            }
            let slot = table.slot_for(start, end);
            table.insert(u32_at(keys, f), slot);
        }
        let (cells, dense) = (table.cells(), table.dense_rows());
        let mut model = table.model(&cells, &dense);
        let history: Vec<[u8; 128]> = (0..HISTORY_TAGS * HISTORY_TAGS)
            .map(|i| le_bytes(model.history_row(i / HISTORY_TAGS, i % HISTORY_TAGS)))
            .collect();
        model.history = &history;
        Ok(model.encode())
    }

    /// The model in its compiled layout ([`Model::compile`]).
    ///
    /// Layout (little-endian): `DMPC0001`; the numbers of table cells, dense rows, history
    /// rows, tag bytes and weight bytes (`u32` each); the table cells (key, slot: `u32` each);
    /// the dense rows (32 `i16` each); the history rows (32 `i32` each); the tag bytes; the
    /// weight bytes.
    fn encode(&self) -> Vec<u8> {
        let counts = [
            self.mask + 1,
            self.dense.len(),
            self.history.len(),
            self.tags.len(),
            self.weights.len(),
        ];
        let mut out = COMPILED_MAGIC.to_vec();
        out.extend(counts.iter().flat_map(|&n| (n as u32).to_le_bytes()));
        out.extend(self.table.iter().flatten());
        out.extend(self.dense.iter().flatten());
        out.extend(self.history.iter().flatten());
        out.extend_from_slice(self.tags);
        out.extend_from_slice(self.weights);
        out
    }

    /// Reads a compiled model ([`Model::compile`]) in place.
    pub fn from_compiled(bytes: &'a [u8]) -> Result<Model<'a>, ModelError> {
        if bytes.len() < COMPILED_HEADER || &bytes[..8] != COMPILED_MAGIC {
            return Err(ModelError("not a compiled demarche perceptron"));
        }
        let count = |i| u32_at(&bytes[8..], i) as usize;
        let (cells, n_dense, n_history) = (count(0), count(1), count(2));
        if !cells.is_power_of_two() || n_history != HISTORY_TAGS * HISTORY_TAGS {
            return Err(ModelError("bad compiled table"));
        }
        let sizes = [8 * cells, 64 * n_dense, 128 * n_history, count(3), count(4)];
        let mut parts = [&bytes[..0]; 5];
        let mut rest = &bytes[COMPILED_HEADER..];
        for (part, size) in parts.iter_mut().zip(sizes) {
            (*part, rest) = rest
                .split_at_checked(size)
                .ok_or(ModelError("truncated compiled model"))?;
        }
        if !rest.is_empty() {
            return Err(ModelError("padded compiled model"));
        }
        let [table, dense, history, tags, weights] = parts;
        let table = table.as_chunks::<8>().0;
        // Linear probing ends at an empty cell: there must be one.
        if !table.iter().any(|c| c[4..] == [0; 4]) {
            return Err(ModelError("a compiled table without an empty cell"));
        }
        let mut model = Model {
            tags,
            weights,
            table,
            mask: cells - 1,
            dense: dense.as_chunks().0,
            history: history.as_chunks().0,
            edges: [[0; 32]; ROLES],
        };
        model.edges = ALL_ROLES.map(|role| model.role_row(&WordKeys::NONE, role));
        Ok(model)
    }

    /// The summed weights of the history features of previous tags `t1`, `t2`.
    fn history_row(&self, t1: usize, t2: usize) -> [i32; 32] {
        let mut row = [0i32; 32];
        for k in history_features(t1 as u64, t2 as u64) {
            if let Some(slot) = self.find(k) {
                self.add_weights(slot, &mut row);
            }
        }
        row
    }

    /// Table cell `i`, a masked index (`i <= self.mask`, so that it is in the table).
    #[inline]
    fn cell(&self, i: usize) -> (u32, u32) {
        let cell = u64::from_le_bytes(self.table[i]);
        (cell as u32, (cell >> 32) as u32)
    }

    /// The slot of feature key `k`, if the model has it.
    fn find(&self, k: u32) -> Option<u32> {
        self.find_from(k, self.cell(k as usize & self.mask))
    }

    /// The slot of feature key `k` whose first probe read `cell`, if the model has it. (Keys
    /// are hashes already: their low bits index the table.)
    fn find_from(&self, k: u32, cell: (u32, u32)) -> Option<u32> {
        let mut i = k as usize & self.mask;
        let (mut key, mut slot) = cell;
        loop {
            if slot == 0 {
                return None;
            }
            if key == k {
                return Some(slot);
            }
            i = (i + 1) & self.mask;
            (key, slot) = self.cell(i);
        }
    }

    /// Entries `start..end` as (tag, little-endian weight bytes); empty when out of range.
    fn entries(&self, start: usize, end: usize) -> impl Iterator<Item = (&u8, &[u8])> {
        let tags = self.tags.get(start..end).unwrap_or_default();
        let weights = self.weights.get(2 * start..2 * end).unwrap_or_default();
        tags.iter().zip(weights.chunks_exact(2))
    }

    /// The best tag for token `i` of a sentence with keys `keys`.
    pub fn predict(
        &self,
        keys: &[WordKeys],
        i: usize,
        prev: Option<Tag>,
        prev2: Option<Tag>,
    ) -> Tag {
        let (t1, t2) = (history_index(prev), history_index(prev2));
        let mut scores = [0; 32];
        if let Some(h) = self.history.get(t1 as usize * HISTORY_TAGS + t2 as usize) {
            add_i32(&mut scores, h);
        }
        self.add_features(&word_features(keys, i, t1), &mut scores);
        best_tag(&scores)
    }

    /// Adds the weights of the features `feats` to `scores`. Every feature's first probe is
    /// read before any is resolved, so that their cache misses overlap instead of following
    /// one another. (Scores are integers: the order of the additions does not matter.)
    #[inline]
    fn add_features(&self, feats: &[u32], scores: &mut Row) {
        let mut cells = [(0, 0); N_WORD];
        for (cell, &k) in cells.iter_mut().zip(feats) {
            *cell = self.cell(k as usize & self.mask);
        }
        for (&k, &cell) in feats.iter().zip(&cells) {
            if let Some(slot) = self.find_from(k, cell) {
                self.add_weights(slot, scores);
            }
        }
    }

    /// The summed weights of the features that read only the word with keys `w` in `role`.
    pub fn role_row(&self, w: &WordKeys, role: Role) -> Row {
        let (feats, n) = role_features(w, role);
        let mut row = [0; 32];
        self.add_features(&feats[..n], &mut row);
        row
    }

    /// The row of a neighbour in `role` that lies beyond the sentence's edge.
    pub fn edge_row(&self, role: Role) -> &Row {
        &self.edges[role as usize]
    }

    /// The best tag for a token whose keys are `w` (`p1` before it, `n1` after it, the default
    /// keys beyond the sentence's edge), given `rows`: the sum of the [`Model::role_row`]s of
    /// its word and its four neighbours. The same tag as [`Model::predict`].
    pub fn predict_from(
        &self,
        mut rows: Row,
        [w, p1, n1]: [&WordKeys; 3],
        prev: Option<Tag>,
        prev2: Option<Tag>,
    ) -> Tag {
        add(&mut rows, &self.class_pair_row(w, n1));
        add(&mut rows, &self.class_history_row(w, prev));
        self.predict_from_classes(rows, [w, p1], prev, prev2)
    }

    /// [`Model::predict_from`] where `rows` holds the [`Model::class_pair_row`] and the
    /// [`Model::class_history_row`] of the token too: what is left are the features of its
    /// word with the previous word and with the previous tag, and the tag history.
    pub fn predict_from_classes(
        &self,
        mut rows: Row,
        [w, p1]: [&WordKeys; 2],
        prev: Option<Tag>,
        prev2: Option<Tag>,
    ) -> Tag {
        let (t1, t2) = (history_index(prev), history_index(prev2));
        if let Some(h) = self.history.get(t1 as usize * HISTORY_TAGS + t2 as usize) {
            add_i32(&mut rows, h);
        }
        self.add_features(&word_pair_features(w, p1, t1), &mut rows);
        best_tag(&rows)
    }

    /// The summed weights of the features that read the shapes and lexical classes of a token
    /// (keys `w`) and of the word after it (`n1`): the same for every pair of words of those
    /// classes ([`class_pair_key`]).
    pub fn class_pair_row(&self, w: &WordKeys, n1: &WordKeys) -> Row {
        let mut row = [0; 32];
        self.add_features(&class_pair_features(w, n1), &mut row);
        row
    }

    /// The weights of the feature that reads a token's lexical class with the previous tag
    /// (`prev`, [`class_history_key`]): the same for every word of that class.
    pub fn class_history_row(&self, w: &WordKeys, prev: Option<Tag>) -> Row {
        let mut row = [0; 32];
        self.add_features(&[class_history_feature(w, history_index(prev))], &mut row);
        row
    }

    /// Adds the weights a slot points to to `scores`.
    fn add_weights(&self, slot: u32, scores: &mut [i32; 32]) {
        if slot & DENSE_BIT != 0 {
            if let Some(row) = self.dense.get((slot & !DENSE_BIT) as usize) {
                for (s, w) in scores.iter_mut().zip(row.as_chunks::<2>().0) {
                    *s += i32::from(i16::from_le_bytes(*w));
                }
            }
            return;
        }
        let start = (slot & (MAX_SPARSE_START as u32 - 1)) as usize;
        let end = start + (slot >> 24) as usize;
        for (&tag, w) in self.entries(start, end) {
            scores[usize::from(tag & 31)] += i32::from(i16::from_le_bytes([w[0], w[1]]));
        }
    }
}

/// The highest-scoring tag; on a tie the tag that comes first. (Rows have 32 lanes so that a
/// tag byte masked to 0..32 needs no bounds check; lanes 30 and 31 stay out of the choice.)
///
/// Branch-free over whole rows, which the compiler turns into vector compares: the top score
/// of the tag lanes, then the lowest lane that has it, from a bit mask of the lanes equal to it.
fn best_tag(scores: &Row) -> Tag {
    let mut lanes = *scores;
    lanes[N_TAGS..].fill(i32::MIN);
    let top = lanes.iter().copied().fold(i32::MIN, i32::max);
    let equal = (lanes.iter().enumerate()).fold(0u32, |m, (i, &s)| m | u32::from(s == top) << i);
    // `equal` has a bit below `N_TAGS`: lane 30 or 31 can equal `top` only if every tag lane
    // does too.
    ALL_TAGS[(equal.trailing_zeros() as usize).min(N_TAGS - 1)]
}

/// The bundled weights file, as `train_tagger` wrote it (read by the build script and tests).
#[cfg_attr(demarche_tagger_snapshot, allow(dead_code))]
pub const BUNDLED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../dictionaries/tagger/perceptron.bin"
));

/// The bundled model.
pub fn bundled() -> &'static Model<'static> {
    static MODEL: OnceLock<Model<'static>> = OnceLock::new();
    MODEL.get_or_init(|| load_bundled().expect("bundled tagger weights are valid"))
}

/// The bundled model as the build script compiled it (`crates/demarche/build.rs`, which sets
/// `demarche_tagger_snapshot` for the library).
#[cfg(demarche_tagger_snapshot)]
fn load_bundled() -> Result<Model<'static>, ModelError> {
    Model::from_compiled(include_bytes!(concat!(env!("OUT_DIR"), "/tagger.bin")))
}

/// The bundled model compiled from the weights file (in the build script itself, which has no
/// compiled model yet).
#[cfg(not(demarche_tagger_snapshot))]
fn load_bundled() -> Result<Model<'static>, ModelError> {
    static COMPILED: OnceLock<Vec<u8>> = OnceLock::new();
    let bytes = match COMPILED.get() {
        Some(bytes) => bytes,
        None => {
            let bytes = Model::compile(BUNDLED)?;
            COMPILED.get_or_init(|| bytes)
        }
    };
    Model::from_compiled(bytes)
}

/// The table and dense rows of a model being read from a weights file.
struct TableBuilder<'a> {
    tags: &'a [u8],
    weights: &'a [u8],
    cells: Vec<(u32, u32)>,
    dense: Vec<[i16; 32]>,
}

impl<'a> TableBuilder<'a> {
    /// Where the weights of entries `start..end` will be read from: a new dense row for a long
    /// run without a repeated tag, else the run itself.
    fn slot_for(&mut self, start: usize, end: usize) -> u32 {
        let sparse = ((end - start) as u32) << 24 | start as u32;
        if end - start < DENSE_MIN_ENTRIES {
            return sparse;
        }
        let mut row = [0i16; 32];
        let mut seen = 0u32;
        let tags = self.tags.get(start..end).unwrap_or_default();
        let weights = self.weights.get(2 * start..2 * end).unwrap_or_default();
        for (&tag, w) in tags.iter().zip(weights.chunks_exact(2)) {
            let lane = usize::from(tag & 31);
            seen |= 1 << lane;
            row[lane] = i16::from_le_bytes([w[0], w[1]]);
        }
        // A tag listed twice (never written by `write_model`) keeps the feature sparse.
        if seen.count_ones() as usize != end - start {
            return sparse;
        }
        self.dense.push(row);
        DENSE_BIT | (self.dense.len() - 1) as u32
    }

    /// Adds `key` unless it is there already (the first of equal keys wins, as in the file).
    fn insert(&mut self, key: u32, slot: u32) {
        let mask = self.cells.len() - 1;
        let mut i = key as usize & mask;
        while self.cells[i].1 != 0 {
            if self.cells[i].0 == key {
                return;
            }
            i = (i + 1) & mask;
        }
        self.cells[i] = (key, slot);
    }

    /// The table's cells as the model reads them.
    fn cells(&self) -> Vec<[u8; 8]> {
        let cell = |&(k, s): &(u32, u32)| {
            let (k, s) = (k.to_le_bytes(), s.to_le_bytes());
            [k[0], k[1], k[2], k[3], s[0], s[1], s[2], s[3]]
        };
        self.cells.iter().map(cell).collect()
    }

    /// The dense rows as the model reads them.
    fn dense_rows(&self) -> Vec<[u8; 64]> {
        let row = |r: &[i16; 32]| {
            let mut out = [0; 64];
            for (o, w) in out.as_chunks_mut::<2>().0.iter_mut().zip(r) {
                *o = w.to_le_bytes();
            }
            out
        };
        self.dense.iter().map(row).collect()
    }

    /// The model over this table (its `cells` and `dense` rows), without history or edge rows.
    fn model<'c>(&self, cells: &'c [[u8; 8]], dense: &'c [[u8; 64]]) -> Model<'c>
    where
        'a: 'c,
    {
        Model {
            tags: self.tags,
            weights: self.weights,
            mask: cells.len() - 1,
            table: cells,
            dense,
            history: &[],
            edges: [[0; 32]; ROLES],
        }
    }
}

/// `row` as 32 little-endian `i32`.
fn le_bytes(row: Row) -> [u8; 128] {
    let mut out = [0; 128];
    for (o, x) in out.as_chunks_mut::<4>().0.iter_mut().zip(row) {
        *o = x.to_le_bytes();
    }
    out
}

/// Adds a row of 32 little-endian `i32` to `scores`. Kept out of line: on its own it compiles
/// to vector adds, where inlined into a caller it became 32 scalar ones.
#[inline(never)]
fn add_i32(scores: &mut Row, row: &[u8; 128]) {
    for (s, x) in scores.iter_mut().zip(row.as_chunks::<4>().0) {
        *s += i32::from_le_bytes(*x);
    }
}

impl Model<'_> {
    /// Greedy tagging of `tokens` (punctuation kept as such, the words of `dict` taken from
    /// it), for measuring a model.
    pub fn tag_all(&self, lexicon: &Lexicon, dict: &TagDict, tokens: &[Token]) -> Vec<Tag> {
        let keys = sentence_keys(lexicon, tokens);
        let mut out: Vec<Tag> = Vec::with_capacity(tokens.len());
        for (i, t) in tokens.iter().enumerate() {
            let (p1, p2) = (
                out.last().copied(),
                out.len().checked_sub(2).map(|j| out[j]),
            );
            let tag = match t.shape {
                Shape::Punct => Tag::Punct,
                _ => (dict.get(tokens, &keys, i)).unwrap_or_else(|| self.predict(&keys, i, p1, p2)),
            };
            out.push(tag);
        }
        out
    }
}

/// One tagged training sentence.
pub struct Example {
    /// The tokens (text, lower and shape set).
    pub tokens: Vec<Token>,
    /// The reference tags.
    pub tags: Vec<Tag>,
}

#[derive(Clone, Copy, Default)]
struct Param {
    weight: f32,
    total: f64,
    stamp: u32,
}

/// The weights being learned: per feature key, per tag.
#[derive(Default)]
pub struct Trainer {
    params: HashMap<u32, Vec<(u8, Param)>>,
    step: u32,
}

impl Trainer {
    fn scores(&self, feats: &[u32]) -> [f32; N_TAGS] {
        let mut scores = [0f32; N_TAGS];
        for k in feats {
            for (t, p) in self.params.get(k).into_iter().flatten() {
                scores[usize::from(*t)] += p.weight;
            }
        }
        scores
    }

    fn update(&mut self, feats: &[u32], truth: usize, guess: usize) {
        let step = self.step;
        for &k in feats {
            let entries = self.params.entry(k).or_default();
            for (tag, delta) in [(truth, 1f32), (guess, -1f32)] {
                let pos = entries.iter().position(|(t, _)| usize::from(*t) == tag);
                let pos = pos.unwrap_or_else(|| {
                    entries.push((tag as u8, Param::default()));
                    entries.len() - 1
                });
                let p = &mut entries[pos].1;
                p.total += f64::from(step - p.stamp) * f64::from(p.weight);
                p.stamp = step;
                p.weight += delta;
            }
        }
    }

    /// One pass over `examples` (tagging greedily, updating on each error); returns the
    /// number of tokens tagged right.
    pub fn epoch(&mut self, lexicon: &Lexicon, examples: &[&Example]) -> usize {
        let mut right = 0;
        for ex in examples {
            let keys = sentence_keys(lexicon, &ex.tokens);
            let (mut p1, mut p2) = (None, None);
            for (i, &truth) in ex.tags.iter().enumerate() {
                let feats = features(&keys, i, p1, p2);
                let scores = self.scores(&feats);
                let guess = (0..N_TAGS)
                    .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
                    .unwrap_or(0);
                self.step += 1;
                if guess == truth as usize {
                    right += 1;
                } else {
                    self.update(&feats, truth as usize, guess);
                }
                // The history is the tagger's own guesses, as at run time.
                (p2, p1) = (p1, Some(ALL_TAGS[guess]));
            }
        }
        right
    }

    /// The averaged weights, pruned below `min_weight`, as (key, [(tag, weight)]) sorted by key.
    fn averaged(&self, min_weight: f32) -> Vec<(u32, Vec<(u8, f32)>)> {
        let step = f64::from(self.step.max(1));
        let mut out: Vec<_> = self
            .params
            .iter()
            .filter_map(|(&k, entries)| {
                let kept: Vec<(u8, f32)> = entries
                    .iter()
                    .map(|(t, p)| {
                        let total = p.total + f64::from(self.step - p.stamp) * f64::from(p.weight);
                        (*t, (total / step) as f32)
                    })
                    .filter(|(_, w)| w.abs() >= min_weight)
                    .collect();
                (!kept.is_empty()).then_some((k, kept))
            })
            .collect();
        out.sort_by_key(|(k, _)| *k);
        out
    }
}

/// Writes the averaged, pruned and quantized weights of `trainer`.
///
/// Layout (little-endian): `DMPT0001`, n_tags, n_feats, n_entries, scale (f32); n_feats
/// sorted u32 keys; n_feats + 1 u32 entry starts; n_entries u8 tags (padded to even);
/// n_entries i16 weights (the weight divided by scale).
pub fn write_model(trainer: &Trainer, min_weight: f32) -> Vec<u8> {
    let feats = trainer.averaged(min_weight);
    let max = feats
        .iter()
        .flat_map(|(_, e)| e.iter().map(|(_, w)| w.abs()))
        .fold(1e-6f32, f32::max);
    let scale = max / 32_000.0;
    let n_entries: usize = feats.iter().map(|(_, e)| e.len()).sum();
    let mut out = MAGIC.to_vec();
    for n in [N_TAGS, feats.len(), n_entries] {
        out.extend((n as u32).to_le_bytes());
    }
    out.extend(scale.to_le_bytes());
    out.extend(feats.iter().flat_map(|(k, _)| k.to_le_bytes()));
    let mut start = 0u32;
    for (_, e) in &feats {
        out.extend(start.to_le_bytes());
        start += e.len() as u32;
    }
    out.extend(start.to_le_bytes());
    out.extend(feats.iter().flat_map(|(_, e)| e.iter().map(|(t, _)| *t)));
    if n_entries % 2 == 1 {
        out.push(0);
    }
    for (_, e) in &feats {
        for (_, w) in e {
            out.extend(((w / scale).round() as i16).to_le_bytes());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::test_support::word_token;

    #[test]
    fn every_tag_is_at_its_index() {
        for (i, t) in ALL_TAGS.iter().enumerate() {
            assert_eq!(*t as usize, i);
            assert_eq!(tag_by_name(t.name()), Some(*t));
        }
    }

    #[test]
    fn bad_files_are_rejected() {
        assert!(Model::compile(b"nonsense").is_err());
        let mut bytes = BUNDLED.to_vec();
        bytes.pop();
        assert!(Model::compile(&bytes).is_err());
    }

    #[test]
    fn compiling_again_gives_the_same_bytes() {
        let bytes = Model::compile(BUNDLED).unwrap();
        assert_eq!(Model::from_compiled(&bytes).unwrap().encode(), bytes);
        assert_eq!(Model::compile(BUNDLED).unwrap(), bytes);
    }

    #[test]
    fn bad_compiled_models_are_rejected() {
        let bytes = Model::compile(BUNDLED).unwrap();
        // Two cells, the second empty (slot 0) or both taken: no probe would end.
        let two_cells = |second_slot: u8| {
            let counts = [2u32, 0, (HISTORY_TAGS * HISTORY_TAGS) as u32, 0, 0];
            let mut model = COMPILED_MAGIC.to_vec();
            model.extend(counts.iter().flat_map(|n| n.to_le_bytes()));
            model.extend([2, 0, 0, 0, 1, 0, 0, 0, 3, 0, 0, 0, second_slot, 0, 0, 0]);
            model.resize(model.len() + 128 * HISTORY_TAGS * HISTORY_TAGS, 0);
            model
        };
        let free = two_cells(0);
        let one_free = Model::from_compiled(&free).unwrap();
        assert_eq!(
            (one_free.find(2), one_free.find(4), one_free.find(1)),
            (Some(1), None, None)
        );
        let cases: [(&str, Vec<u8>); 6] = [
            ("empty", Vec::new()),
            ("weights file", BUNDLED.to_vec()),
            ("truncated", bytes[..bytes.len() - 1].to_vec()),
            ("padded", [&bytes[..], &[0]].concat()),
            (
                "3 cells",
                [&bytes[..8], &3u32.to_le_bytes(), &bytes[12..]].concat(),
            ),
            ("no empty cell", two_cells(1)),
        ];
        for (what, bad) in cases {
            assert!(Model::from_compiled(&bad).is_err(), "{what}");
        }
    }

    /// Adds the weights of feature `key` as the weights file lists them (a binary search of
    /// its sorted keys: nothing of the compiled table) to `scores`.
    fn add_from_file(key: u32, scores: &mut [i32; 32]) {
        let file = BUNDLED;
        let (n_feats, n_entries) = (
            u32_at(&file[8..], 1) as usize,
            u32_at(&file[8..], 2) as usize,
        );
        let keys = &file[HEADER..HEADER + 4 * n_feats];
        let starts = &file[HEADER + 4 * n_feats..];
        let tags = &starts[4 * (n_feats + 1)..];
        let weights = &tags[n_entries + n_entries % 2..];
        let (mut lo, mut hi) = (0, n_feats);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if u32_at(keys, mid) < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if lo == n_feats || u32_at(keys, lo) != key {
            return;
        }
        for e in u32_at(starts, lo) as usize..u32_at(starts, lo + 1) as usize {
            let w = i16::from_le_bytes([weights[2 * e], weights[2 * e + 1]]);
            scores[usize::from(tags[e] & 31)] += i32::from(w);
        }
    }

    /// The tag of the plain sum of all 22 features, each read from the weights file.
    fn plainly_predicted(keys: &[WordKeys], i: usize, p: [Option<Tag>; 2]) -> Tag {
        let mut scores = [0i32; 32];
        for k in features(keys, i, p[0], p[1]) {
            add_from_file(k, &mut scores);
        }
        let best = (0..N_TAGS).rev().max_by_key(|&t| scores[t]).unwrap_or(0);
        ALL_TAGS[best]
    }

    #[test]
    fn prediction_equals_the_plain_sum_of_the_features() {
        let model = bundled();
        let lexicon = Lexicon::new([]);
        let text = "North Korea walked out of the talks , and Estonia arms Libya 's rebels .";
        let tokens: Vec<Token> = (text.split(' '))
            .map(|w| word_token(w, w.len() == 1))
            .collect();
        let keys = sentence_keys(&lexicon, &tokens);
        let history = [
            None,
            Some(Tag::DT),
            Some(Tag::NNP),
            Some(Tag::VBD),
            Some(Tag::Punct),
        ];
        for i in 0..tokens.len() {
            for p1 in history {
                for p2 in history {
                    let plain = plainly_predicted(&keys, i, [p1, p2]);
                    assert_eq!(model.predict(&keys, i, p1, p2), plain, "{i} {p1:?} {p2:?}");
                }
            }
        }
    }

    #[test]
    fn role_and_pair_features_are_the_word_features() {
        let tokens: Vec<Token> = ["Estonia", "arms", "Libya", "'s", "rebels"]
            .iter()
            .map(|w| Token {
                start: 0,
                end: 0,
                text: (*w).into(),
                lower: w.to_lowercase().into(),
                lemma: w.to_lowercase().into(),
                tag: Tag::NN,
                shape: Shape::Word,
                ids: crate::text::vocabulary::WordIds::UNKNOWN,
            })
            .collect();
        let keys = sentence_keys(&Lexicon::new([]), &tokens);
        let at = |j: usize| keys.get(j).unwrap_or(&WordKeys::NONE);
        for i in 0..keys.len() {
            let t1 = 3;
            let mut split = pair_features(at(i), at(i.wrapping_sub(1)), at(i + 1), t1).to_vec();
            let near = [0, 1, 2, 1, 2];
            for (role, d) in ALL_ROLES.into_iter().zip(near) {
                let j = match role {
                    Role::Prev1 | Role::Prev2 => i.wrapping_sub(d),
                    _ => i + d,
                };
                let (feats, n) = role_features(at(j), role);
                split.extend(&feats[..n]);
            }
            let mut all = word_features(&keys, i, t1).to_vec();
            split.sort_unstable();
            all.sort_unstable();
            assert_eq!(split, all, "token {i}");
        }
    }

    #[test]
    fn the_best_tag_is_the_first_of_the_top_scores() {
        // (lanes set: (lane, score)), the tag chosen; the other lanes score 0.
        let cases: [(&[(usize, i32)], Tag); 7] = [
            (&[], Tag::CC),
            (&[(0, -5)], Tag::CD),
            (&[(11, 7), (20, 7)], Tag::NNP),
            (&[(29, 1)], Tag::Punct),
            // Lanes 30 and 31 are not tags, however high.
            (&[(30, 99), (31, 99), (4, 1)], Tag::IN),
            (&(0..30).map(|l| (l, i32::MIN)).collect::<Vec<_>>(), Tag::CC),
            (&[(3, i32::MAX), (2, i32::MAX - 1)], Tag::EX),
        ];
        for (lanes, want) in cases {
            let mut row = [0; 32];
            for &(lane, score) in lanes {
                row[lane] = score;
            }
            assert_eq!(best_tag(&row), want, "{lanes:?}");
        }
    }

    #[test]
    fn suffixes_respect_char_boundaries() {
        let cases = [
            ("café", 3, "afé"),
            ("a", 3, "a"),
            ("", 2, ""),
            ("talks", 4, "alks"),
            ("talks", 5, "talks"),
            ("Zürich", 4, "rich"),
            ("Zürich", 5, "ürich"),
            ("über", 4, "über"),
            ("éé", 3, "éé"),
        ];
        for (word, n, want) in cases {
            assert_eq!(last_chars(word, n), want, "{word} {n}");
        }
    }

    #[test]
    fn shapes_count_capitals_beyond_ascii() {
        // (text, capitalization class: 0 none, 1 initial, 2 all, 3 mixed)
        let cases = [
            ("talks", 0),
            ("Korea", 1),
            ("NATO", 2),
            ("McCain", 3),
            ("Öcalan", 1),
            ("ÖZ", 2),
            ("ÖzDemİr", 3),
            ("iPhone", 3),
            ("F-16", 1),
            ("éclat", 0),
        ];
        for (text, caps) in cases {
            let t = word_token(text, false);
            assert_eq!(shape_class(&t, false) & 3, caps, "{text}");
        }
        let t = word_token("F-16", false);
        assert_eq!(shape_class(&t, true) >> 2 & 3, 3, "hyphen and digit");
    }
}
