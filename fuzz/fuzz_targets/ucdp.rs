//! Fuzz target: arbitrary rows under a UCDP GED header, so that every input reaches the UCDP
//! row decoder. `cargo +nightly fuzz run ucdp fuzz/corpus/ucdp-new fuzz/corpus/ucdp`
#![no_main]

use incimap::ingest::{read_table, ReadOptions};
use libfuzzer_sys::fuzz_target;

const HEADER: &[u8] = b"id,year,type_of_violence,conflict_name,side_a,side_b,source_article,\
where_prec,where_coordinates,where_description,adm_1,latitude,longitude,country,date_prec,\
date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low\n";

fuzz_target!(|data: &[u8]| {
    let mut table = HEADER.to_vec();
    table.extend_from_slice(data);
    let _ = read_table(&table, "fuzz-ged.csv", &ReadOptions::default());
});
