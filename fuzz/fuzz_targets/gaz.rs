//! Fuzz target: arbitrary bytes as a `.gaz` index (`incimap gazetteer build` output), then
//! exact and fuzzy look-ups in it.
//! `cargo +nightly fuzz run gaz fuzz/corpus/gaz-new fuzz/corpus/gaz`
#![no_main]

use incimap::gazetteer::{Context, Gazetteer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(gazetteer) = Gazetteer::from_index_bytes(data.to_vec(), "fuzz.gaz") {
        for name in ["Hasakah", "Hasakh", "a"] {
            let _ = gazetteer.resolve(name, &Context::default());
        }
    }
});
