//! The tagger's per-thread word cache: for each word seen (its text, tokenizer shape and
//! whether it opens the sentence; a token's `lower` is its text in lower case, as
//! `text::analyze` makes it), its perceptron keys, its tag-dictionary entry, whether it is an
//! auxiliary, its lemmas, and the summed weights of the features that read only that word, one
//! row per role ([`Role`]): as the token scored (seven features summed) and as each of the four
//! neighbours a token's features read (one or two features summed). News repeats its words, so
//! a scored token mostly costs five cached rows plus its five features that cross words or
//! tags, instead of hashing and probing eighteen features in a table far larger than the CPU
//! caches. Three of those five read only word classes (the shapes and lexical classes of the
//! token and the next word; the token's lexical class after the previous tag): their rows are
//! kept apart, by class ([`ClassRows`]), so that only two features are probed per token.
//!
//! The rows are the bundled model's ([`perceptron::bundled`]); the keys depend on the lexicon,
//! so the cache empties itself when a sentence comes with another lexicon ([`Lexicon::id`]).
//! Scores are integers, so a row summed in advance gives exactly the tag the features summed
//! one by one give. The token's own row is kept in 32 bits (most of its sums do not fit in 16);
//! a neighbour's row in 16 bits ([`NarrowRow`]: a sum of at most two weights, which nearly
//! always fits; one that does not is summed from the model again at each use), so that an entry
//! is about 550 bytes and a token's five rows are summed in one vector pass (the edge rows kept
//! in 16 bits too), not a table probe per feature.
//! The cache is four-way set-associative (least recently used replaced). A thread's cache
//! starts small (128 entries, 70 KB) and, once it has looked up [`GROW_AFTER`] words, is
//! replaced by one of the full size (4,096 entries, about 2.2 MB), which never grows: a short
//! run never pays for the large one's pages.

use super::inflect::noun_singular;
use super::lexicon::Lexicon;
use super::perceptron::{self, Model, Role, Row, WordKeys, ROLES};
use super::tag::{auxiliary_of, lemma_of, LemmaKind, Tag, Token};
use super::tagdict::TagDict;
use super::token::Shape;
use super::vocabulary::{WordIds, UNKNOWN};
use compact_str::CompactString;
use std::cell::RefCell;
use std::hash::Hasher;

/// Entries of a set.
const WAYS: usize = 4;
/// Sets of the per-thread cache ([`WAYS`] entries each).
const SETS_LOG2: u32 = 10;
/// Sets of a thread's first, small cache.
const FIRST_SETS_LOG2: u32 = 5;
/// Word look-ups after which a thread's small cache is replaced by the full-size one.
const GROW_AFTER: u64 = 512;

/// One cached word.
#[derive(Clone)]
struct Entry {
    /// Which filling of the entry this is (0: empty), unique in its cache.
    stamp: u64,
    /// When it was last used, to choose which of a set's entries to replace.
    used: u64,
    /// The hash of the word's text, shape and `first` ([`hash`]).
    hash: u64,
    text: CompactString,
    /// `text` in lower case ([`lower_case`]).
    lower: CompactString,
    shape: Shape,
    first: bool,
    keys: WordKeys,
    dict: Option<Tag>,
    aux: bool,
    /// The vocabulary ids ([`Lexicon::words`]) of the word's lower-case form and its
    /// singular; the lemma's is the lower-case form's until the token's lemma is known.
    ids: WordIds,
    /// The lemmas of the word as a verb and as a plural noun ([`LemmaKind`]).
    lemmas: [CompactString; 2],
    /// The vocabulary ids of `lemmas`.
    lemma_ids: [u32; 2],
    /// The roles whose row is stored in `own` or `near` (bits 0 to 4), and the lemmas stored
    /// in `lemmas` (bits 5 and 6).
    have: u8,
    /// The neighbour roles whose row does not fit in 16 bits (bits 1 to 4): summed at each use.
    wide: u8,
    /// The row of the word as the token scored (its sums need 32 bits).
    own: Row,
    /// The rows of the word as each neighbour (`Role::Prev1` and after).
    near: [NarrowRow; ROLES - 1],
}

/// A neighbour's summed weights in 16 bits.
type NarrowRow = [i16; 32];

impl Entry {
    const EMPTY: Entry = Entry {
        stamp: 0,
        used: 0,
        hash: 0,
        text: CompactString::const_new(""),
        lower: CompactString::const_new(""),
        lemmas: [CompactString::const_new(""), CompactString::const_new("")],
        shape: Shape::Punct,
        first: false,
        keys: WordKeys::NONE,
        dict: None,
        aux: false,
        ids: WordIds::UNKNOWN,
        lemma_ids: [UNKNOWN; 2],
        have: 0,
        wide: 0,
        own: [0; 32],
        near: [[0; 32]; ROLES - 1],
    };

    fn holds(&self, hash: u64, t: &Token, first: bool) -> bool {
        self.hash == hash
            && self.stamp != 0
            && self.first == first
            && self.shape == t.shape
            && self.text == t.text
    }
}

/// A token of the sentence being tagged, as the cache knows it.
#[derive(Clone, Copy, Debug)]
pub struct Word {
    /// Its perceptron keys.
    pub keys: WordKeys,
    /// Its tag in the tag dictionary, wherever it stands.
    pub dict: Option<Tag>,
    /// A form of "be", "have" or "do" ([`auxiliary_of`]).
    pub aux: bool,
    /// The vocabulary ids of its lower-case form and singular (the lemma's still the lower-case
    /// form's).
    pub ids: WordIds,
    slot: usize,
    stamp: u64,
}

/// The rows of a neighbour beyond the sentence's edge in 16 bits, for `Role::Prev1` and after.
/// (One per thread's cache, read for every token near an edge: kept inline, not boxed.)
#[allow(clippy::large_enum_variant)]
enum EdgeRows {
    /// Not made yet.
    Unknown,
    /// Every one fits in 16 bits.
    Narrow([NarrowRow; ROLES - 1]),
    /// One does not: tokens near an edge are summed role by role.
    Wide,
}

/// Words and their rows (see the module documentation).
pub struct WordCache {
    lexicon: u64,
    clock: u64,
    entries: Vec<Entry>,
    sets_log2: u32,
    edges: EdgeRows,
    /// The vector [`WordCache::words`] fills, handed back by [`WordCache::recycle`] so that a
    /// sentence allocates none.
    spare: Vec<Word>,
    /// The rows of pairs of word classes ([`Model::class_pair_row`]).
    pairs: ClassRows,
    /// The rows of word classes after a tag ([`Model::class_history_row`]).
    histories: ClassRows,
}

/// Rows by the key of the word classes they read ([`perceptron::class_pair_key`],
/// [`perceptron::class_history_key`]), direct-mapped, filled on first use: news has a few
/// hundred such classes, so nearly every look-up finds its row, where the model's features
/// cost a table probe each.
struct ClassRows {
    log2: u32,
    /// Each slot's key (0: empty; no key is 0) and row.
    slots: Box<[(u64, Row)]>,
}

impl ClassRows {
    /// An empty table of `2^log2` rows (`log2` at least 1).
    fn new(log2: u32) -> ClassRows {
        let log2 = log2.max(1);
        ClassRows {
            log2,
            slots: vec![(0, [0; 32]); 1 << log2].into_boxed_slice(),
        }
    }

    /// The slot holding the row of `key`, made by `make` if it held another.
    fn fill(&mut self, key: u64, make: impl FnOnce() -> Row) -> usize {
        let slot = (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - self.log2)) as usize;
        if let Some(s) = self.slots.get_mut(slot).filter(|s| s.0 != key) {
            *s = (key, make());
        }
        slot
    }
}

thread_local! {
    static CACHE: RefCell<WordCache> = RefCell::new(WordCache::new(FIRST_SETS_LOG2));
}

/// Runs `f` (once) with this thread's cache, emptied first if it was filled with another
/// lexicon.
pub fn with<R>(lexicon: &Lexicon, mut f: impl FnMut(&mut WordCache) -> R) -> R {
    let shared = CACHE.try_with(|c| {
        let mut cache = c.try_borrow_mut().ok()?;
        cache.bind(lexicon);
        Some(f(&mut cache))
    });
    match shared {
        Ok(Some(r)) => r,
        // A thread being torn down (or a nested call) gets a small cache of its own.
        _ => f(&mut WordCache::new(2)),
    }
}

impl WordCache {
    /// An empty cache of `2^sets_log2` sets.
    pub fn new(sets_log2: u32) -> WordCache {
        WordCache {
            lexicon: 0,
            clock: 0,
            entries: vec![Entry::EMPTY; WAYS << sets_log2],
            sets_log2,
            edges: EdgeRows::Unknown,
            spare: Vec::new(),
            pairs: ClassRows::new(sets_log2),
            histories: ClassRows::new(sets_log2),
        }
    }

    /// Readies the cache for a sentence tagged with `lexicon`: emptied if it was filled with
    /// another lexicon; replaced by the full-size cache once a small one has seen
    /// [`GROW_AFTER`] words (between sentences, so no sentence's [`Word`]s outlive it).
    fn bind(&mut self, lexicon: &Lexicon) {
        if self.sets_log2 < SETS_LOG2 && self.clock >= GROW_AFTER {
            *self = WordCache::new(SETS_LOG2);
        }
        if self.lexicon != lexicon.id() {
            self.entries.fill(Entry::EMPTY);
            self.lexicon = lexicon.id();
        }
    }

    /// The words of `tokens`, from the cache or computed (and cached), in the vector the last
    /// [`WordCache::recycle`] handed back.
    /// Each token's `lower` is set here too, from the cache (see [`lower_case`]).
    pub fn words(&mut self, lexicon: &Lexicon, dict: &TagDict, tokens: &mut [Token]) -> Vec<Word> {
        let mut words = std::mem::take(&mut self.spare);
        words.clear();
        words.extend(
            (tokens.iter_mut().enumerate()).map(|(i, t)| self.word(lexicon, dict, t, i == 0)),
        );
        words
    }

    /// Keeps `words` (a sentence's, done with) for the next [`WordCache::words`] to fill.
    pub fn recycle(&mut self, words: Vec<Word>) {
        self.spare = words;
    }

    fn word(&mut self, lexicon: &Lexicon, dict: &TagDict, t: &mut Token, first: bool) -> Word {
        self.clock += 1;
        let hash = hash(t, first);
        let set = WAYS * (hash >> (64 - self.sets_log2)) as usize;
        let hit = (set..set + WAYS).find(|&s| self.entries[s].holds(hash, t, first));
        let slot = hit.unwrap_or_else(|| {
            let oldest = (set..set + WAYS).min_by_key(|&s| self.entries[s].used);
            let oldest = oldest.unwrap_or(set);
            t.lower = lower_case(&t.text);
            let e = &mut self.entries[oldest];
            (e.stamp, e.hash) = (self.clock, hash);
            e.text.clone_from(&t.text);
            e.lower.clone_from(&t.lower);
            (e.shape, e.first, e.have, e.wide) = (t.shape, first, 0, 0);
            e.keys = perceptron::word_keys(lexicon, t, first);
            e.dict = dict.word(&t.text);
            e.aux = auxiliary_of(&t.lower).is_some();
            e.ids = word_ids(lexicon, &t.lower);
            oldest
        });
        let e = &mut self.entries[slot];
        e.used = self.clock;
        if hit.is_some() {
            t.lower.clone_from(&e.lower);
        }
        Word {
            keys: e.keys,
            dict: e.dict,
            aux: e.aux,
            ids: e.ids,
            slot,
            stamp: e.stamp,
        }
    }

    /// The best tag for token `i` of the sentence whose words are `words`, given the two
    /// previous tags: [`Model::predict`]'s tag, from the cached rows.
    pub fn predict(
        &mut self,
        model: &Model,
        words: &[Word],
        i: usize,
        prev: Option<Tag>,
        prev2: Option<Tag>,
    ) -> Tag {
        let near = |d: isize| i.checked_add_signed(d).and_then(|j| words.get(j));
        let keys = |d| near(d).map_or(&WordKeys::NONE, |w| &w.keys);
        let (w, n1) = (keys(0), keys(1));
        let classes = [
            (self.pairs).fill(perceptron::class_pair_key(w, n1), || {
                model.class_pair_row(w, n1)
            }),
            (self.histories).fill(perceptron::class_history_key(w, prev), || {
                model.class_history_row(w, prev)
            }),
        ];
        let rows = match self.fused_rows(model, words, i, classes) {
            Some(rows) => rows,
            None => {
                let mut rows = self.summed_rows(model, words, i);
                add(&mut rows, &self.pairs.slots[classes[0]].1);
                add(&mut rows, &self.histories.slots[classes[1]].1);
                rows
            }
        };
        model.predict_from_classes(rows, [w, keys(-1)], prev, prev2)
    }

    /// The five rows token `i` reads and its two class rows (slots `classes` of
    /// [`WordCache::pairs`] and [`WordCache::histories`]), summed in one pass, when they are all
    /// in the cache (the neighbours' in 16 bits, the edge rows too): the usual case.
    fn fused_rows(
        &mut self,
        model: &Model,
        words: &[Word],
        i: usize,
        classes: [usize; 2],
    ) -> Option<Row> {
        let near = |d: isize| i.checked_add_signed(d).and_then(|j| words.get(j));
        let w = words.get(i)?;
        let mut ready = self.ready(model, w, Role::Own);
        for (role, d) in NEIGHBOURS {
            ready &= near(d).is_none_or(|n| self.ready(model, n, role));
        }
        if !ready {
            return None;
        }
        if let EdgeRows::Unknown = self.edges {
            self.edges = narrow_edges(model);
        }
        let EdgeRows::Narrow(edges) = &self.edges else {
            return None;
        };
        let row = |k: usize| {
            let (role, d) = NEIGHBOURS[k];
            near(d).map_or(&edges[k], |n| &self.entries[n.slot].near[role as usize - 1])
        };
        Some(sum_rows(
            &self.entries[w.slot].own,
            [row(0), row(1), row(2), row(3)],
            [
                &self.pairs.slots[classes[0]].1,
                &self.histories.slots[classes[1]].1,
            ],
        ))
    }

    /// Readies the row of `w` in `role` for [`WordCache::fused_rows`], computing (and storing)
    /// it on first use; false if `w`'s entry was replaced or the row does not fit 16 bits.
    fn ready(&mut self, model: &Model, w: &Word, role: Role) -> bool {
        let e = &mut self.entries[w.slot];
        if e.stamp != w.stamp {
            return false;
        }
        let bit = 1 << role as u8;
        if e.have & bit == 0 {
            e.store_row(model.role_row(&w.keys, role), role);
            e.have |= bit;
        }
        e.wide & bit == 0
    }

    /// The five rows token `i` reads, added role by role (whatever the cache holds).
    fn summed_rows(&mut self, model: &Model, words: &[Word], i: usize) -> Row {
        let mut rows = [0; 32];
        let near = |d: isize| i.checked_add_signed(d).and_then(|j| words.get(j));
        for (role, d) in [(Role::Own, 0)].into_iter().chain(NEIGHBOURS) {
            match near(d) {
                Some(w) => self.add_row(model, w, role, &mut rows),
                None => add(&mut rows, model.edge_row(role)),
            }
        }
        rows
    }

    /// Adds the row of `w` in `role` to `rows`, computing (and storing) it on first use.
    fn add_row(&mut self, model: &Model, w: &Word, role: Role, rows: &mut Row) {
        let e = &mut self.entries[w.slot];
        if e.stamp != w.stamp {
            // Replaced by another word of this very sentence.
            return add(rows, &model.role_row(&w.keys, role));
        }
        let bit = 1 << role as u8;
        if e.have & bit == 0 {
            e.store_row(model.role_row(&w.keys, role), role);
            e.have |= bit;
        }
        match role {
            Role::Own => add(rows, &e.own),
            _ if e.wide & bit != 0 => add(rows, &model.role_row(&w.keys, role)),
            _ => add_narrow(rows, &e.near[role as usize - 1]),
        }
    }
}

impl Entry {
    /// Keeps `row`, the word's row in `role`: in 16 bits for a neighbour if it fits.
    fn store_row(&mut self, row: Row, role: Role) {
        let Some(near) = (role as usize)
            .checked_sub(1)
            .and_then(|r| self.near.get_mut(r))
        else {
            self.own = row;
            return;
        };
        let mut fits = true;
        for (n, &x) in near.iter_mut().zip(&row) {
            *n = i16::try_from(x).unwrap_or_default();
            fits &= i16::try_from(x).is_ok();
        }
        if !fits {
            self.wide |= 1 << role as u8;
        }
    }
}

impl WordCache {
    /// The lemma of `t` (whose word is `w`) for its tag, as [`lemma_of`] makes it, with its
    /// vocabulary id.
    pub fn lemma(&mut self, lexicon: &Lexicon, w: &Word, t: &Token) -> (CompactString, u32) {
        let kind = LemmaKind::of(t.tag);
        let e = &mut self.entries[w.slot];
        let i = match kind {
            LemmaKind::Verb => 0,
            LemmaKind::Plural => 1,
            LemmaKind::Same => return (t.lower.clone(), w.ids.lower),
        };
        if e.stamp != w.stamp {
            let lemma = lemma_of(lexicon, &t.lower, kind);
            let id = lexicon.words().id(&lemma);
            return (lemma, id);
        }
        let bit = 1 << (ROLES + i);
        if e.have & bit == 0 {
            e.lemmas[i] = lemma_of(lexicon, &t.lower, kind);
            e.lemma_ids[i] = lexicon.words().id(&e.lemmas[i]);
            e.have |= bit;
        }
        (e.lemmas[i].clone(), e.lemma_ids[i])
    }
}

/// `text` in lower case: a copy for an ASCII word with no capital (most words), lowered in
/// place for other ASCII words, `str::to_lowercase` for the rest.
fn lower_case(text: &CompactString) -> CompactString {
    if !text.is_ascii() {
        return text.as_str().to_lowercase().into();
    }
    let mut lower = text.clone();
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        lower.make_ascii_lowercase();
    }
    lower
}

/// The vocabulary ids of the lower-case word `lower` and its singular; its lemma's is its own
/// until the tag is known.
fn word_ids(lexicon: &Lexicon, lower: &str) -> WordIds {
    let words = lexicon.words();
    let id = words.id(lower);
    let singular = noun_singular(lower);
    // A form borrowed whole is the word itself ("talks" gives "talk", shorter).
    let unchanged = matches!(singular, std::borrow::Cow::Borrowed(s) if s.len() == lower.len());
    WordIds {
        lower: id,
        lemma: id,
        singular: if unchanged { id } else { words.id(&singular) },
    }
}

/// The neighbour roles in `Role` order, with where each stands to the token scored.
const NEIGHBOURS: [(Role, isize); ROLES - 1] = [
    (Role::Prev1, -1),
    (Role::Prev2, -2),
    (Role::Next1, 1),
    (Role::Next2, 2),
];

/// The model's edge rows ([`Model::edge_row`]) in 16 bits, if they fit.
fn narrow_edges(model: &Model) -> EdgeRows {
    let mut out = [[0; 32]; ROLES - 1];
    for (narrow, (role, _)) in out.iter_mut().zip(NEIGHBOURS) {
        for (n, &x) in narrow.iter_mut().zip(model.edge_row(role)) {
            let Ok(x) = i16::try_from(x) else {
                return EdgeRows::Wide;
            };
            *n = x;
        }
    }
    EdgeRows::Narrow(out)
}

/// `own` plus the four neighbour rows and the two class rows, lane by lane. Kept out of line:
/// on its own it compiles to one pass of vector adds with the sums in registers.
#[inline(never)]
fn sum_rows(own: &Row, [a, b, c, d]: [&NarrowRow; ROLES - 1], [e, f]: [&Row; 2]) -> Row {
    let mut rows = *own;
    for (l, s) in rows.iter_mut().enumerate() {
        *s += i32::from(a[l]) + i32::from(b[l]) + i32::from(c[l]) + i32::from(d[l]) + e[l] + f[l];
    }
    rows
}

/// The hash of token `t` (opening the sentence if `first`); its high bits choose the set.
fn hash(t: &Token, first: bool) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    h.write(t.text.as_bytes());
    h.write_u8(t.shape as u8 | u8::from(first) << 4);
    h.finish().wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

fn add(rows: &mut Row, row: &Row) {
    for (s, &x) in rows.iter_mut().zip(row) {
        *s += x;
    }
}

fn add_narrow(rows: &mut Row, row: &NarrowRow) {
    for (s, &x) in rows.iter_mut().zip(row) {
        *s += i32::from(x);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::test_support::word_token;
    use crate::text::{perceptron::sentence_keys, tagdict};

    fn tokens(text: &str) -> Vec<Token> {
        (text.split(' '))
            .map(|w| word_token(w, w.len() == 1))
            .collect()
    }

    const SENTENCES: [&str; 4] = [
        "North Korea walked out of the talks , and Estonia arms Libya 's rebels .",
        "Talks between the rebels and the government of North Korea resumed on Monday .",
        "The talks , the rebels said , would resume ; Libya arms the rebels .",
        "Libya has been arming the rebels , who were fighting ; they did not say .",
    ];

    /// Every token's cached prediction, under several histories, against the model's.
    fn check(cache: &mut WordCache, lexicon: &Lexicon) {
        let (model, dict) = (perceptron::bundled(), tagdict::bundled());
        let history = [None, Some(Tag::DT), Some(Tag::NNP), Some(Tag::VBD)];
        for text in SENTENCES {
            let mut tokens = tokens(text);
            let keys = sentence_keys(lexicon, &tokens);
            let words = cache.words(lexicon, dict, &mut tokens);
            for i in 0..tokens.len() {
                assert_eq!(format!("{:?}", words[i].keys), format!("{:?}", keys[i]));
                assert_eq!(words[i].dict, dict.word(&tokens[i].text));
                assert_eq!(words[i].aux, auxiliary_of(&tokens[i].lower).is_some());
                for tag in [Tag::VBD, Tag::NNS, Tag::NN, Tag::VBD] {
                    let t = Token {
                        tag,
                        ..tokens[i].clone()
                    };
                    let want = lemma_of(lexicon, &t.lower, LemmaKind::of(tag));
                    let (lemma, id) = cache.lemma(lexicon, &words[i], &t);
                    assert_eq!(lemma, want);
                    assert_eq!(id, lexicon.words().id(&want));
                }
                for (p1, p2) in history.iter().flat_map(|&a| history.map(|b| (a, b))) {
                    let want = model.predict(&keys, i, p1, p2);
                    let got = cache.predict(model, &words, i, p1, p2);
                    assert_eq!(got, want, "{text}: token {i}, {p1:?} {p2:?}");
                }
            }
        }
    }

    #[test]
    fn cached_rows_predict_what_the_model_predicts() {
        let lexicon = Lexicon::new([]);
        // The usual size, cold then warm; and 8 entries, so that words of one sentence
        // replace each other.
        for sets_log2 in [SETS_LOG2, 2] {
            let mut cache = WordCache::new(sets_log2);
            cache.bind(&lexicon);
            check(&mut cache, &lexicon);
            check(&mut cache, &lexicon);
        }
    }

    #[test]
    fn a_neighbour_row_too_wide_for_16_bits_is_marked() {
        let mut e = Entry::EMPTY;
        let mut row = [-7; 32];
        e.store_row(row, Role::Prev1);
        assert_eq!((e.wide, e.near[0]), (0, [-7; 32]));
        row[3] = i32::from(i16::MAX) + 1;
        e.store_row(row, Role::Next2);
        assert_eq!(e.wide, 1 << Role::Next2 as u8);
        e.store_row(row, Role::Own);
        assert_eq!((e.wide, e.own), (1 << Role::Next2 as u8, row));
    }

    #[test]
    fn a_small_cache_grows_between_sentences() {
        let lexicon = Lexicon::new([]);
        let mut cache = WordCache::new(FIRST_SETS_LOG2);
        let mut grown = false;
        while !grown {
            cache.bind(&lexicon);
            grown = cache.sets_log2 == SETS_LOG2;
            check(&mut cache, &lexicon);
            assert!(grown || cache.clock < GROW_AFTER + 100, "{}", cache.clock);
        }
        assert_eq!(cache.entries.len(), WAYS << SETS_LOG2);
        assert_eq!(cache.lexicon, lexicon.id());
    }

    #[test]
    fn another_lexicon_empties_the_cache() {
        let plain = Lexicon::new([]);
        let mut verbs = plain.clone();
        verbs.add_verb("libya");
        assert_ne!(plain.id(), verbs.id());
        let mut cache = WordCache::new(4);
        for lexicon in [&plain, &verbs, &plain] {
            cache.bind(lexicon);
            check(&mut cache, lexicon);
        }
    }
}
