//! Fuzz target: arbitrary rows under an ACLED header, so that every input reaches the ACLED
//! row decoder. `cargo +nightly fuzz run acled fuzz/corpus/acled-new fuzz/corpus/acled`
#![no_main]

use incimap::ingest::{read_table, ReadOptions};
use libfuzzer_sys::fuzz_target;

const HEADER: &[u8] = b"event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,\
actor1,assoc_actor_1,actor2,assoc_actor_2,iso,country,admin1,location,latitude,longitude,\
geo_precision,source,notes,fatalities,tags\n";

fuzz_target!(|data: &[u8]| {
    let mut table = HEADER.to_vec();
    table.extend_from_slice(data);
    let _ = read_table(&table, "fuzz-acled.csv", &ReadOptions::default());
});
