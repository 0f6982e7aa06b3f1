//! The coder's name indexes for the bundled dictionaries and gazetteer: `build.rs` builds them
//! with [`NameIndex::new`] and embeds them as a snapshot, which is decoded at start-up instead
//! of building them again (surnames, cities and regions from 12,000 actor entries and 34,000
//! cities).

use super::names::NameIndex;
use crate::dict::Dictionaries;
use crate::resolve::Gazetteer;
use std::sync::Arc;

/// The snapshot `build.rs` wrote ([`NameIndex::to_snapshot`]).
static SNAPSHOT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names.bin"));

/// The indexes for `dict` and `gazetteer`: decoded from the snapshot when both are the bundled
/// ones (the snapshot was built from exactly those), built otherwise.
pub fn name_index(dict: &Dictionaries, gazetteer: Option<Arc<Gazetteer>>) -> NameIndex {
    if dict.is_bundled() && gazetteer.is_some() {
        if let Ok(index) = NameIndex::from_snapshot(SNAPSHOT, gazetteer.clone()) {
            return index;
        }
    }
    NameIndex::new(&dict.actors, &dict.lexicon, gazetteer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snapshot_is_the_built_index() {
        let dict = Dictionaries::bundled();
        let g = Some(Gazetteer::bundled());
        let built = NameIndex::new(&dict.actors, &dict.lexicon, g.clone());
        assert_eq!(built.to_snapshot().unwrap(), SNAPSHOT);
        assert!(NameIndex::from_snapshot(SNAPSHOT, g.clone()).unwrap() == built);
        assert!(name_index(&dict, g) == built);
    }

    #[test]
    fn other_dictionaries_or_no_gazetteer_build_the_index() {
        let dict = Dictionaries::bundled();
        let without = NameIndex::new(&dict.actors, &dict.lexicon, None);
        assert!(name_index(&dict, None) == without);
        let compiled = Dictionaries::compile(crate::dict::DictionarySources::bundled());
        assert!(!compiled.is_bundled());
        let g = Some(Gazetteer::bundled());
        assert!(
            name_index(&compiled, g.clone())
                == NameIndex::new(&compiled.actors, &compiled.lexicon, g)
        );
    }

    #[test]
    fn a_cut_snapshot_is_an_error() {
        assert!(NameIndex::from_snapshot(&SNAPSHOT[..SNAPSHOT.len() / 2], None).is_err());
        assert!(NameIndex::from_snapshot(&[], None).is_err());
    }
}
