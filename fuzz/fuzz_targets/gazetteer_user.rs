//! Fuzz target: arbitrary bytes as a user gazetteer (TSV/CSV place table, `--gazetteer FILE`),
//! then a look-up in the combined gazetteer.
//! `cargo +nightly fuzz run gazetteer_user fuzz/corpus/gazetteer_user-new fuzz/corpus/gazetteer_user`
#![no_main]

use incimap::gazetteer::{Context, Gazetteer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (combined, _) = Gazetteer::builtin().with_user_places(data, "fuzz.tsv");
    if let Some(gazetteer) = combined {
        let _ = gazetteer.resolve("Camp Alpha", &Context::default());
    }
});
