//! The gazetteer's name index as one block of bytes, laid out at build time and searched in
//! place: folded name → the entries it can refer to.
//!
//! Loading it is a check of its layout, not a decode: no key is copied and no hash map is
//! built, so the bundled table stays in the binary's read-only pages, and only the pages a
//! look-up touches come in. The layout (all numbers `u32`, little-endian):
//!
//! ```text
//! header   slots_log2, keys, refs
//! slots    2^slots_log2 entries: 0 = empty, else key index + 1 (open addressing, linear
//!          probing from the slot of the key's word_hash)
//! key_ends per key, the end of its bytes in `text` (it starts where the key before it ends)
//! ref_ends per key, the end of its entries in `refs`
//! refs     per entry: bits 0-1 the table (country, division, city), bit 2 primary,
//!          bit 3 all capitals, bits 4-31 the index
//! text     the keys' bytes, in key order (sorted, so the bytes depend only on the contents)
//! ```
//!
//! [`NameTable::from_bytes`] checks every offset, entry and slot once (one pass over the
//! words, no allocation), so a cut table, or one whose offsets, indexes or slots are out of
//! place, is refused there. The bundled table, which the build wrote, is loaded with
//! [`NameTable::from_trusted_bytes`], which checks only its header and size, so that its pages
//! stay out of memory until look-ups touch them; reads are bounds-checked either way and drop
//! entries out of the gazetteer's range, so no table, however damaged, can panic. The module
//! depends only on `super::first_words` and `super::gazetteer`'s `NameRef`, so the build script
//! compiles it too.

use super::first_words::word_hash;
use super::gazetteer::{NameRef, PlaceId};
use std::borrow::Cow;

/// Header words before the slots.
const HEADER: usize = 3;

/// Bits of a packed entry below its index.
const INDEX_SHIFT: u32 = 4;

/// The name table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NameTable {
    bytes: Cow<'static, [u8]>,
    /// log2 of the number of slots; the table is empty when `keys` is 0.
    slots_log2: u32,
    keys: usize,
    refs: usize,
    /// The gazetteer's table sizes: an entry out of their range is never returned.
    sizes: TableSizes,
}

/// The entries one name refers to, read from the table as they are iterated.
#[derive(Clone, Copy, Debug, Default)]
pub struct NameRefs<'a> {
    packed: &'a [u8],
    sizes: TableSizes,
}

impl<'a> NameRefs<'a> {
    /// The entries, in the order they were indexed.
    pub fn iter(self) -> impl Iterator<Item = NameRef> + 'a {
        self.packed
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .filter(move |&w| fits(w, self.sizes))
            .filter_map(unpack)
    }

    /// True when the name refers to nothing.
    pub fn is_empty(self) -> bool {
        self.iter().next().is_none()
    }

    /// How many entries the name refers to.
    pub fn len(self) -> usize {
        self.iter().count()
    }
}

/// How many entries each of the gazetteer's tables holds, to check the table's indexes against.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TableSizes {
    /// Countries.
    pub countries: usize,
    /// Divisions and regions.
    pub admin1: usize,
    /// Cities.
    pub cities: usize,
}

impl NameTable {
    /// The table of `names` (folded key → entries; in any order, sorted here).
    pub fn build<'k>(
        names: impl IntoIterator<Item = (&'k str, &'k [NameRef])>,
        sizes: TableSizes,
    ) -> NameTable {
        let mut names: Vec<(&str, &[NameRef])> = names.into_iter().collect();
        names.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let slots_log2 = (2 * names.len())
            .next_power_of_two()
            .max(1)
            .trailing_zeros();
        let mut slots = vec![0u32; 1 << slots_log2];
        let (mut key_ends, mut ref_ends, mut refs, mut text) = (vec![], vec![], vec![], vec![]);
        for (k, (key, entries)) in names.iter().enumerate() {
            text.extend_from_slice(key.as_bytes());
            key_ends.push(to_u32(text.len()));
            refs.extend(entries.iter().map(pack));
            ref_ends.push(to_u32(refs.len()));
            let mut slot = slot_of(word_hash(key), slots_log2);
            while slots[slot] != 0 {
                slot = (slot + 1) & (slots.len() - 1);
            }
            slots[slot] = to_u32(k + 1);
        }
        let header = [slots_log2, to_u32(names.len()), to_u32(refs.len())];
        let words = header
            .iter()
            .chain(&slots)
            .chain(&key_ends)
            .chain(&ref_ends);
        let mut bytes: Vec<u8> = words.chain(&refs).flat_map(|w| w.to_le_bytes()).collect();
        bytes.extend_from_slice(&text);
        NameTable {
            bytes: Cow::Owned(bytes),
            slots_log2,
            keys: names.len(),
            refs: refs.len(),
            sizes,
        }
    }

    /// A table written by [`NameTable::as_bytes`], checked whole against the gazetteer's table
    /// sizes; `None` when it is cut or any offset, index or slot is out of place.
    pub fn from_bytes(bytes: Cow<'static, [u8]>, sizes: TableSizes) -> Option<NameTable> {
        let table = NameTable::from_trusted_bytes(bytes, sizes)?;
        table.is_whole().then_some(table)
    }

    /// Like [`NameTable::from_bytes`] for bytes this crate's build wrote (the bundled
    /// snapshot, which a test compares with the parsed text): only the header and the section
    /// sizes are checked, so that loading reads none of the table. Reads stay bounds-checked and
    /// entries out of the gazetteer's range are dropped, so even a damaged table cannot panic
    /// or return an entry the gazetteer lacks.
    pub fn from_trusted_bytes(bytes: Cow<'static, [u8]>, sizes: TableSizes) -> Option<NameTable> {
        if bytes.is_empty() {
            return Some(NameTable {
                sizes,
                ..NameTable::default()
            });
        }
        let word = |i: usize| read_u32(&bytes, i);
        let (slots_log2, keys, refs) = (word(0)?, word(1)? as usize, word(2)? as usize);
        let table = NameTable {
            slots_log2: (slots_log2 < 32).then_some(slots_log2)?,
            keys,
            refs,
            bytes,
            sizes,
        };
        let (.., text) = table.sections();
        (text <= table.bytes.len()).then_some(table)
    }

    /// The table as bytes, for a snapshot.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The entries `key` (folded) refers to; none when it is not a name.
    pub fn get(&self, key: &str) -> NameRefs<'_> {
        self.get_hashed(key, word_hash(key))
    }

    /// Like [`NameTable::get`], for a key whose [`word_hash`] is `hash` (computed by the
    /// caller, from the hashes of the key's words).
    pub fn get_hashed(&self, key: &str, hash: u64) -> NameRefs<'_> {
        if self.keys == 0 {
            return NameRefs::default();
        }
        let mask = self.slots() - 1;
        let mut slot = slot_of(hash, self.slots_log2);
        for _ in 0..self.slots() {
            let k = match self.word(HEADER + slot) {
                Some(0) | None => break,
                Some(k) => k as usize - 1,
            };
            if self.key(k) == Some(key.as_bytes()) {
                return self.refs_of(k);
            }
            slot = (slot + 1) & mask;
        }
        NameRefs::default()
    }

    /// Every name and its entries, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&[u8], NameRefs<'_>)> {
        (0..self.keys).map(|k| (self.key(k).unwrap_or_default(), self.refs_of(k)))
    }

    fn slots(&self) -> usize {
        1 << self.slots_log2
    }

    /// Word positions of the key ends, the ref ends and the refs; the byte offset of the text.
    fn sections(&self) -> (usize, usize, usize, usize) {
        let key_ends = HEADER + self.slots();
        let ref_ends = key_ends + self.keys;
        let refs = ref_ends + self.keys;
        (key_ends, ref_ends, refs, 4 * (refs + self.refs))
    }

    fn word(&self, i: usize) -> Option<u32> {
        read_u32(&self.bytes, i)
    }

    /// The `[start, end)` of item `k` in a section of ends (`section` is its word position).
    fn range(&self, section: usize, k: usize) -> Option<(usize, usize)> {
        let start = match k {
            0 => 0,
            _ => self.word(section + k - 1)? as usize,
        };
        Some((start, self.word(section + k)? as usize))
    }

    fn key(&self, k: usize) -> Option<&[u8]> {
        let (key_ends, .., text) = self.sections();
        let (start, end) = self.range(key_ends, k)?;
        self.bytes.get(text + start..text + end)
    }

    fn refs_of(&self, k: usize) -> NameRefs<'_> {
        let (_, ref_ends, refs, _) = self.sections();
        let packed = self
            .range(ref_ends, k)
            .and_then(|(a, b)| self.bytes.get(4 * (refs + a)..4 * (refs + b)));
        NameRefs {
            packed: packed.unwrap_or_default(),
            sizes: self.sizes,
        }
    }

    /// The layout check of [`NameTable::from_bytes`].
    fn is_whole(&self) -> bool {
        let (key_ends, ref_ends, refs, text) = self.sections();
        let Some(text_len) = self.bytes.len().checked_sub(text) else {
            return false;
        };
        let words = |at: usize, n: usize| words(&self.bytes[4 * at..4 * (at + n)]);
        ends_rise(words(key_ends, self.keys), text_len)
            && ends_rise(words(ref_ends, self.keys), self.refs)
            && words(refs, self.refs).all(|w| fits(w, self.sizes))
            && slots_are_whole(words(HEADER, self.slots()), self.keys)
    }
}

/// The little-endian `u32`s of `bytes` (a multiple of 4 long).
fn words(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    bytes
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

/// True when `ends` never fall and the last is `total` (0 when there are none).
fn ends_rise(ends: impl Iterator<Item = u32>, total: usize) -> bool {
    let mut last = 0;
    for end in ends {
        if (end as usize) < last {
            return false;
        }
        last = end as usize;
    }
    last == total
}

/// True when the slots hold `keys` key indexes, each in range, and at least one slot is empty
/// (so that a probe always ends).
fn slots_are_whole(slots: impl Iterator<Item = u32>, keys: usize) -> bool {
    let (mut used, mut empty) = (0, false);
    for s in slots {
        match s as usize {
            0 => empty = true,
            k if k <= keys => used += 1,
            _ => return false,
        }
    }
    empty && used == keys
}

/// The `i`th little-endian `u32` of `bytes`.
fn read_u32(bytes: &[u8], i: usize) -> Option<u32> {
    let b = bytes.get(4 * i..4 * i + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// The first slot to probe for `key`.
fn slot_of(hash: u64, slots_log2: u32) -> usize {
    let h = hash.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> 32 >> (32 - slots_log2.min(32))) as usize & ((1 << slots_log2) - 1)
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("the gazetteer's name table fits in u32 offsets")
}

fn pack(r: &NameRef) -> u32 {
    let (tag, index) = match r.place {
        PlaceId::Country(i) => (0, i),
        PlaceId::Admin1(i) => (1, i),
        PlaceId::City(i) => (2, i),
    };
    assert!(
        index < 1 << (32 - INDEX_SHIFT),
        "gazetteer index {index} too large"
    );
    (to_u32(index) << INDEX_SHIFT)
        | tag
        | (u32::from(r.primary) << 2)
        | (u32::from(r.all_caps) << 3)
}

fn unpack(w: u32) -> Option<NameRef> {
    let index = (w >> INDEX_SHIFT) as usize;
    let place = match w & 0b11 {
        0 => PlaceId::Country(index),
        1 => PlaceId::Admin1(index),
        2 => PlaceId::City(index),
        _ => return None,
    };
    Some(NameRef {
        place,
        primary: w & 0b100 != 0,
        all_caps: w & 0b1000 != 0,
    })
}

/// True when a packed entry names an entry the gazetteer has.
fn fits(w: u32, sizes: TableSizes) -> bool {
    let index = (w >> INDEX_SHIFT) as usize;
    match w & 0b11 {
        0 => index < sizes.countries,
        1 => index < sizes.admin1,
        2 => index < sizes.cities,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIZES: TableSizes = TableSizes {
        countries: 3,
        admin1: 3,
        cities: 3,
    };

    fn r(place: PlaceId, primary: bool, all_caps: bool) -> NameRef {
        NameRef {
            place,
            primary,
            all_caps,
        }
    }

    fn in_range(place: PlaceId) -> bool {
        match place {
            PlaceId::Country(i) => i < SIZES.countries,
            PlaceId::Admin1(i) => i < SIZES.admin1,
            PlaceId::City(i) => i < SIZES.cities,
        }
    }

    fn sample() -> (Vec<(&'static str, Vec<NameRef>)>, NameTable) {
        let names = vec![
            ("paris", vec![r(PlaceId::City(0), true, false)]),
            (
                "georgia",
                vec![
                    r(PlaceId::Country(1), true, false),
                    r(PlaceId::Admin1(2), true, false),
                ],
            ),
            ("us", vec![r(PlaceId::Country(2), false, true)]),
            ("new york city", vec![r(PlaceId::City(2), false, false)]),
        ];
        let table = NameTable::build(names.iter().map(|(k, v)| (*k, v.as_slice())), SIZES);
        (names, table)
    }

    #[test]
    fn every_name_is_found_with_its_entries() {
        let (names, table) = sample();
        for (key, refs) in &names {
            assert_eq!(table.get(key).iter().collect::<Vec<_>>(), *refs, "{key}");
        }
        for missing in ["", "pari", "parisx", "york", "GEORGIA"] {
            assert!(table.get(missing).is_empty(), "{missing}");
        }
        assert_eq!(table.iter().count(), 4);
        assert_eq!(table.get("georgia").len(), 2);
        let keys: Vec<&[u8]> = table.iter().map(|(k, _)| k).collect();
        assert_eq!(keys, [&b"georgia"[..], b"new york city", b"paris", b"us"]);
    }

    #[test]
    fn bytes_read_back_and_the_order_of_names_does_not_matter() {
        let (mut names, table) = sample();
        let copy = NameTable::from_bytes(Cow::Owned(table.as_bytes().to_vec()), SIZES);
        assert_eq!(copy.as_ref(), Some(&table));
        names.reverse();
        let again = NameTable::build(names.iter().map(|(k, v)| (*k, v.as_slice())), SIZES);
        assert_eq!(again.as_bytes(), table.as_bytes());
        let empty = NameTable::build([], SIZES);
        assert!(empty.get("paris").is_empty());
        let read = NameTable::from_bytes(Cow::Owned(empty.as_bytes().to_vec()), SIZES).unwrap();
        assert!(read.get("paris").is_empty());
    }

    #[test]
    fn cut_or_corrupt_tables_are_refused() {
        let (_, table) = sample();
        let bytes = table.as_bytes().to_vec();
        let refused = |b: Vec<u8>| NameTable::from_bytes(Cow::Owned(b), SIZES).is_none();
        for cut in [1, 4, 11, bytes.len() / 2, bytes.len() - 1] {
            assert!(refused(bytes[..cut].to_vec()), "cut at {cut}");
        }
        let small = TableSizes { cities: 2, ..SIZES };
        assert!(NameTable::from_bytes(Cow::Owned(bytes.clone()), small).is_none());
        let trusted = NameTable::from_trusted_bytes(Cow::Owned(bytes.clone()), small).unwrap();
        assert!(trusted.get("new york city").is_empty());
        assert_eq!(trusted.get("paris").iter().count(), 1);
        // Every single byte changed: refused, or still a table whose look-ups do not panic and
        // return only entries in range; the trusted load too.
        for i in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[i] ^= 0xA5;
            let checked = NameTable::from_bytes(Cow::Owned(bad.clone()), SIZES);
            let trusted = NameTable::from_trusted_bytes(Cow::Owned(bad), SIZES);
            for t in checked.iter().chain(&trusted) {
                for key in ["paris", "georgia", "us", "new york city", "x"] {
                    assert!(t.get(key).iter().all(|r| in_range(r.place)), "byte {i}");
                }
            }
        }
        let mut huge = bytes.clone();
        huge[0] = 40;
        assert!(refused(huge));
    }
}
