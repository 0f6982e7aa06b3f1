//! Fuzz target `dictionaries`: see `docs/fuzzing.md` and [`demarche::fuzz_support::fuzz_dictionaries`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| demarche::fuzz_support::fuzz_dictionaries(data));
