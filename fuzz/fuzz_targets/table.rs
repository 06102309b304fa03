//! Fuzz target: arbitrary bytes as a table of any layout (incimap CSV, ACLED, UCDP GED,
//! incimap's CSV export: detected from the header), as `incimap export x.csv` reads it.
//! `cargo +nightly fuzz run table fuzz/corpus/table-new fuzz/corpus/table -- -max_total_time=300`
#![no_main]

use incimap::ingest::{read_table, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let read = read_table(data, "fuzz.csv", &ReadOptions::default());
    for rejected in &read.rejected {
        let _ = rejected.to_string();
    }
    for incident in &read.incidents {
        assert!(incident.date.start <= incident.date.end);
    }
});
