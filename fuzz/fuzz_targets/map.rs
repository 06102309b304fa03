//! Fuzz target: the whole `map` path on small inputs: a table read, located, drawn; the SVG
//! must parse as XML whatever the input held.
//! `cargo +nightly fuzz run map fuzz/corpus/map-new fuzz/corpus/map`
#![no_main]

use incimap::gazetteer::{Context, Gazetteer};
use incimap::geocode::geocode;
use incimap::ingest::{read_table, ReadOptions};
use incimap::render::{render_map, MapOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() > 4096 {
        return;
    }
    let incidents = read_table(data, "fuzz.csv", &ReadOptions::default()).incidents;
    let located = geocode(incidents, Gazetteer::builtin(), &Context::default()).located;
    if located.is_empty() {
        return;
    }
    let options = MapOptions {
        width_px: 400.0,
        height_px: 300.0,
        ..MapOptions::default()
    };
    if let Ok(map) = render_map(&located, &options) {
        if let Err(err) = roxmltree::Document::parse(&map.svg) {
            panic!("the SVG does not parse: {err}");
        }
    }
});
