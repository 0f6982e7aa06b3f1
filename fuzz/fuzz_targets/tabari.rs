//! Fuzz target `tabari`: see `docs/fuzzing.md` and [`demarche_compat::fuzz_support::fuzz_tabari`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| demarche_compat::fuzz_support::fuzz_tabari(data));
