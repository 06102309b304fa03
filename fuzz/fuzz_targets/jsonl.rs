//! Fuzz target: arbitrary text as JSON Lines and as a JSON array of incidents.
//! `cargo +nightly fuzz run jsonl fuzz/corpus/jsonl-new fuzz/corpus/jsonl`
#![no_main]

use incimap::ingest::{read_json, read_jsonl};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let read = read_jsonl(&text, "fuzz.jsonl");
    for incident in &read.incidents {
        // What was read writes back.
        assert!(serde_json::to_string(incident).is_ok());
    }
    let _ = read_json(&text, "fuzz.json");
});
