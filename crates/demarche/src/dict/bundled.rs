//! The bundled dictionaries: `build.rs` compiles `dictionaries/` with
//! [`Dictionaries::compile`] and embeds the result as a snapshot, which is decoded at start-up
//! instead of parsing and compiling the text again.

use super::compiled::Dictionaries;

/// The snapshot `build.rs` wrote ([`Dictionaries::to_snapshot`]).
static SNAPSHOT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dictionaries.bin"));

impl Dictionaries {
    /// The bundled dictionaries, compiled at build time.
    ///
    /// # Panics
    ///
    /// Only if the snapshot compiled into the binary is broken, a build defect that
    /// `the_snapshot_is_the_compiled_text` rules out.
    pub fn bundled() -> Dictionaries {
        // build.rs wrote the snapshot with this crate's own types and encoder.
        let mut dict = Dictionaries::from_snapshot(SNAPSHOT)
            .expect("the bundled dictionary snapshot is whole");
        dict.mark_bundled();
        dict
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::DictionarySources;

    #[test]
    fn the_snapshot_is_the_compiled_text() {
        let compiled = Dictionaries::compile(DictionarySources::bundled());
        assert_eq!(compiled.to_snapshot().unwrap(), SNAPSHOT);
        assert_eq!(Dictionaries::bundled().to_snapshot().unwrap(), SNAPSHOT);
    }

    #[test]
    fn a_cut_snapshot_is_an_error() {
        assert!(Dictionaries::from_snapshot(&SNAPSHOT[..SNAPSHOT.len() / 2]).is_err());
        assert!(Dictionaries::from_snapshot(&[]).is_err());
    }
}
