//! Fuzz target: arbitrary bytes through the extractor's public entry points (as an article
//! file, and as `incimap map ARTICLE.txt` reads it). Run with
//! `cargo +nightly fuzz run extract -- -max_total_time=300` from the repository root.
#![no_main]

use incimap::extract::{extract_bytes, read_article, Options, PlaceIndex};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let out = extract_bytes(data, "fuzz.txt", PlaceIndex::builtin(), &Options::default());
    for p in &out.places {
        assert!(p.start <= p.end && p.end <= out.text.len());
    }
    let english = Options {
        language: Some("en".into()),
        country: Some("SY".into()),
    };
    let _ = extract_bytes(data, "fuzz.txt", PlaceIndex::builtin(), &english);
    let _ = read_article(data, "fuzz.txt");
});
