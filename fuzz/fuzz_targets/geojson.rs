//! Fuzz target: arbitrary text as a GeoJSON document (cut into features, each parsed alone).
//! `cargo +nightly fuzz run geojson fuzz/corpus/geojson-new fuzz/corpus/geojson`
#![no_main]

use incimap::ingest::{read_geojson, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let read = read_geojson(&text, "fuzz.geojson", &ReadOptions::default());
    for incident in &read.incidents {
        for figure in &incident.figures {
            assert!(figure.best.unwrap_or(0) <= incimap::model::MAX_COUNT);
        }
    }
});
