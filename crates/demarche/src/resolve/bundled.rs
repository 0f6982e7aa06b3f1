//! The bundled gazetteer: `build.rs` parses `dictionaries/gazetteer/*.tsv` with
//! [`Gazetteer::from_tsv`] and embeds the result as a snapshot, which is decoded once per
//! process, on first use.

use super::gazetteer::Gazetteer;
use std::sync::{Arc, OnceLock};

/// The snapshot `build.rs` wrote ([`Gazetteer::to_snapshot`]).
static SNAPSHOT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));

static BUNDLED: OnceLock<Arc<Gazetteer>> = OnceLock::new();

impl Gazetteer {
    /// The bundled gazetteer, decoded on first use and shared afterwards.
    pub fn bundled() -> Arc<Gazetteer> {
        BUNDLED
            .get_or_init(|| {
                // build.rs wrote the snapshot with this crate's own encoder.
                Arc::new(
                    Gazetteer::from_static_snapshot(SNAPSHOT)
                        .expect("the bundled snapshot is whole"),
                )
            })
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! bundled_file {
        ($name:literal) => {
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../dictionaries/gazetteer/",
                $name
            ))
        };
    }

    #[test]
    fn the_snapshot_is_the_parsed_text() {
        let parsed = Gazetteer::from_tsv(
            bundled_file!("countries.tsv"),
            bundled_file!("admin1.tsv"),
            bundled_file!("cities.tsv"),
            bundled_file!("regions.tsv"),
        )
        .unwrap();
        assert!(*Gazetteer::bundled() == parsed);
        assert_eq!(
            Gazetteer::from_snapshot(&parsed.to_snapshot()).unwrap(),
            parsed
        );
    }

    #[test]
    fn a_cut_snapshot_is_an_error() {
        let bytes = Gazetteer::bundled().to_snapshot();
        assert!(Gazetteer::from_snapshot(&bytes[..bytes.len() / 2]).is_err());
        assert!(Gazetteer::from_snapshot(&[]).is_err());
    }
}
