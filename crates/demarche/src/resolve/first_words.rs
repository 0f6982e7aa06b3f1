//! The first-word table of the gazetteer: for each folded word, and each run of a name's first
//! words ("gaza", "gaza strip"), the most words of a place name that begins with it, and
//! whether a country adjective begins with it (words only).
//!
//! Place look-ups consult it before they build and hash any span key: a capitalized token
//! whose word begins no name is skipped, and spans longer than the longest name their first
//! words begin are not tried. The table is indexed by a hash of the word ([`word_hash`], the same on every
//! platform, so that `build.rs` and the library agree) and holds one 4-bit entry a slot: two
//! words that share a slot share the larger entry, so a collision only makes the table less
//! selective, never wrong. It is built with the gazetteer ([`FirstWords::build`]) — at build
//! time for the bundled one, written into its snapshot as bytes ([`FirstWords::as_bytes`]) —
//! so loading it parses nothing; the bundled snapshot's table is read in place
//! ([`Gazetteer::from_static_snapshot`](super::gazetteer::Gazetteer::from_static_snapshot)).
//! The module depends on nothing else in the crate, so the build script can compile it too.

use std::borrow::Cow;

/// log2 of the number of slots (2^19 slots, 256 KiB).
const SLOTS_LOG2: u32 = 19;

/// The bits of an entry that hold the most words of a name.
const WORDS_MASK: u8 = 0b0111;

/// The bit of an entry set when a country adjective begins with the word.
const ADJECTIVE: u8 = 0b1000;

/// What the table says about one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FirstWord(u8);

impl FirstWord {
    /// The most words of a gazetteer name that begins with the word (0: no name does).
    pub fn max_words(self) -> usize {
        usize::from(self.0 & WORDS_MASK)
    }

    /// False when no country adjective begins with the word.
    pub fn begins_adjective(self) -> bool {
        self.0 & ADJECTIVE != 0
    }
}

/// The [`word_hash`] of the empty string (FNV-1a's offset basis).
pub const WORD_HASH_START: u64 = 0xcbf2_9ce4_8422_2325;

/// The hash of a folded word the table is indexed by: 64-bit FNV-1a over its bytes.
pub fn word_hash(word: &str) -> u64 {
    word_hash_extend(WORD_HASH_START, word.as_bytes())
}

/// The [`word_hash`] of a string continued with `bytes`, given the hash `h` of the string: the
/// hashes of a key's prefixes come out of one pass over it.
#[inline]
pub fn word_hash_extend(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The first word of a folded key (keys are single-space separated).
fn first_word(key: &str) -> &str {
    key.split(' ').next().unwrap_or(key)
}

/// The table: two 4-bit slots a byte; empty for an empty gazetteer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FirstWords {
    nibbles: Cow<'static, [u8]>,
}

impl FirstWords {
    /// The table of these folded name keys and folded adjective keys.
    pub fn build<'a>(
        names: impl IntoIterator<Item = &'a str>,
        adjectives: impl IntoIterator<Item = &'a str>,
    ) -> FirstWords {
        let mut table = FirstWords {
            nibbles: Cow::Owned(vec![0; 1 << (SLOTS_LOG2 - 1)]),
        };
        for key in names {
            let words = key.split(' ').count().min(usize::from(WORDS_MASK)) as u8;
            table.raise(first_word(key), words);
            // Each longer run of its first words, up to the whole key.
            let ends = key.match_indices(' ').map(|(i, _)| i);
            for end in ends.chain(std::iter::once(key.len())).skip(1) {
                table.raise(&key[..end], words);
            }
        }
        for key in adjectives {
            table.raise(first_word(key), ADJECTIVE);
        }
        table
    }

    /// Merges `bits` into the entry of `word` (the word count as a maximum, flags as an "or").
    fn raise(&mut self, word: &str, bits: u8) {
        let (byte, shift) = slot(word_hash(word));
        let nibbles = self.nibbles.to_mut();
        let old = (nibbles[byte] >> shift) & 0xF;
        let words = (old & WORDS_MASK).max(bits & WORDS_MASK);
        let new = words | (old & ADJECTIVE) | (bits & ADJECTIVE);
        nibbles[byte] = (nibbles[byte] & !(0xF << shift)) | (new << shift);
    }

    /// The entry of the word with this [`word_hash`].
    pub fn get(&self, hash: u64) -> FirstWord {
        if self.nibbles.is_empty() {
            return FirstWord(0);
        }
        let (byte, shift) = slot(hash);
        FirstWord((self.nibbles[byte] >> shift) & 0xF)
    }

    /// The table as bytes, for a snapshot.
    pub fn as_bytes(&self) -> &[u8] {
        &self.nibbles
    }

    /// A table written by [`FirstWords::as_bytes`]; `None` when the length is not a table's.
    pub fn from_bytes(bytes: Cow<'static, [u8]>) -> Option<FirstWords> {
        let whole = bytes.is_empty() || bytes.len() == 1 << (SLOTS_LOG2 - 1);
        whole.then_some(FirstWords { nibbles: bytes })
    }
}

/// The byte and the shift within it of a hash's slot (the hash's bits mixed, then the top ones).
fn slot(hash: u64) -> (usize, u32) {
    let index = (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOTS_LOG2)) as usize;
    (index >> 1, (index as u32 & 1) * 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_hold_the_longest_name_and_the_adjective_flag() {
        let table = FirstWords::build(
            [
                "gaza",
                "gaza strip",
                "new york",
                "new york city",
                "a b c d e f",
            ],
            ["south korean", "chinese"],
        );
        let cases = [
            ("gaza", 2, false),
            ("new", 3, false),
            ("york", 0, false),
            ("south", 0, true),
            ("chinese", 0, true),
            ("a", 6, false),
        ];
        for (word, words, adjective) in cases {
            // (No two of these words share a slot.)
            let entry = table.get(word_hash(word));
            assert_eq!(entry.max_words(), words, "{word}");
            assert_eq!(entry.begins_adjective(), adjective, "{word}");
        }
        assert_eq!(FirstWords::default().get(word_hash("gaza")).max_words(), 0);
    }

    #[test]
    fn bytes_read_back_and_bad_lengths_are_refused() {
        let table = FirstWords::build(["paris"], ["french"]);
        let copy = Cow::Owned(table.as_bytes().to_vec());
        assert_eq!(FirstWords::from_bytes(copy), Some(table));
        let empty = FirstWords::from_bytes(Cow::Borrowed(&[]));
        assert_eq!(empty, Some(FirstWords::default()));
        assert_eq!(FirstWords::from_bytes(Cow::Borrowed(&[0; 7])), None);
    }

    #[test]
    fn the_hash_is_fnv_1a() {
        assert_eq!(word_hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(word_hash("a"), 0xaf63_dc4c_8601_ec8c);
        for (head, tail) in [("gaza", " strip"), ("", "new york"), ("new york", "")] {
            let whole = format!("{head}{tail}");
            let extended = word_hash_extend(word_hash(head), tail.as_bytes());
            assert_eq!(extended, word_hash(&whole), "{whole}");
        }
    }
}
