//! Maps serialized in key order, so that a snapshot's bytes depend only on the map's contents,
//! never on hash order or capacity (`serialize_with` helpers for the dictionary snapshot and
//! the coder's name indexes, `code::bundled_names`).

use serde::{Serialize, Serializer};
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;

/// Serializes `map` as a map sorted by key.
pub fn map<K, V, H, S>(map: &HashMap<K, V, H>, serializer: S) -> Result<S::Ok, S::Error>
where
    K: Serialize + Ord,
    V: Serialize,
    H: BuildHasher,
    S: Serializer,
{
    let mut entries: Vec<(&K, &V)> = map.iter().collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
    serializer.collect_map(entries)
}

/// Serializes `set` as a sequence in order.
pub fn set<K, H, S>(set: &HashSet<K, H>, serializer: S) -> Result<S::Ok, S::Error>
where
    K: Serialize + Ord,
    H: BuildHasher,
    S: Serializer,
{
    let mut keys: Vec<&K> = set.iter().collect();
    keys.sort_unstable();
    serializer.collect_seq(keys)
}
