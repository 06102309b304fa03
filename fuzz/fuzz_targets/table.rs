//! Fuzz target: arbitrary bytes as a table of any layout (incimap CSV, ACLED, UCDP GED,
//! incimap's CSV export: detected from the header), as `incimap export x.csv` reads it.
//! `cargo +nightly fuzz run table fuzz/corpus/table-new fuzz/corpus/table -- -max_total_time=300`
#![no_main]

use incimap::ingest::{read_table, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (incidents, errors) = read_table(data, "fuzz.csv", &ReadOptions::default());
    for error in &errors {
        let _ = error.to_string();
    }
    for incident in &incidents {
        assert!(incident.date.start <= incident.date.end);
    }
});
