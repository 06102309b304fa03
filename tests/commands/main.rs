//! Integration tests of the commands, one module per theme, in one test crate (one link
//! instead of one per file): the binary on the embedded defaults and bad input (`cli`),
//! standard input, exports read back by incimap and GDAL (`interop`, `interop_gdal`,
//! `geoparquet`), real data sets' habits, every record accounted for, outputs that never
//! overwrite an input or leave half a file (`output_safety`, `wrong_output`), merging
//! through the command line, and the gazetteer (its command, and its table of spellings).
//! The map tests are the crate `tests/maps`; the extraction tests are `tests/extract`.
//! One theme: `cargo test --release --test commands interop::`.

#[path = "../common/mod.rs"]
mod common;

mod cli;
mod gazetteer_cli;
mod gazetteer_table;
mod geoparquet;
mod interop;
mod interop_gdal;
mod invariant;
mod merge_cli;
mod output_safety;
mod real_habits;
mod records_accounted;
mod stdin;
mod wrong_output;
