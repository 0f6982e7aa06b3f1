//! Fuzz target `petrarch`: see `docs/fuzzing.md` and [`demarche_compat::fuzz_support::fuzz_petrarch`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| demarche_compat::fuzz_support::fuzz_petrarch(data));
