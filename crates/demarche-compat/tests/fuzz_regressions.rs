//! Replays the TABARI and PETRARCH fuzz targets' inputs through the same code as the fuzzers
//! (`demarche_compat::fuzz_support`): every minimized crash in `tests/fuzz-regressions/<target>/`
//! and every seed in `fuzz/corpus/<target>/`. See `docs/fuzzing.md`.

use demarche_compat::fuzz_support::{fuzz_petrarch, fuzz_tabari};
use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    demarche::fuzz_support::replay(&root, target, check);
}

#[test]
fn tabari_readers() {
    replay("tabari", fuzz_tabari);
}

#[test]
fn petrarch_readers() {
    replay("petrarch", fuzz_petrarch);
}
