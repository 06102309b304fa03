//! incimap: news reports and incident tables → geocoded incidents → GeoJSON and maps.
//!
//! The pipeline is the architecture, one module per stage; only [`model`] types cross stage
//! boundaries, and every stage may use [`reference`](mod@reference) (countries, distances, name folding):
//!
//! ```text
//! ingest ──► (extract) ──► geocode ──► merge ──► filter ──► export (GeoJSON, CSV, KML, JSONL, GeoParquet)
//!  files      articles     names →                                 render (SVG → PNG, PDF, HTML)
//!  → Incident → Incident   lon/lat
//! ```
//!
//! | stage | in | out | main entry points |
//! | --- | --- | --- | --- |
//! | [`ingest`] | files, directories, tables | [`Incident`]s and rejected records | [`ingest::read_file`], [`ingest::read_table`] |
//! | [`extract`] | article text | [`Incident`]s with every claim's source | [`extract::extract_text`], [`extract::read_article_with`] |
//! | [`gazetteer`] | place names | candidates with coordinates | [`Gazetteer::resolve`] |
//! | [`geocode`](mod@geocode) | incidents | located incidents, or why not | [`geocode::geocode`] |
//! | [`merge`] | reports of one event | one incident per event | [`merge::merge`] |
//! | [`filter`] | incidents | the ones asked for | [`filter::Filter`] |
//! | [`export`] | located incidents | GeoJSON, CSV, KML, JSON Lines, GeoParquet | [`export::write_geojson`], [`export::write_document`], [`pipeline::export`] |
//! | [`render`] | located incidents | SVG, PNG, PDF, HTML maps | [`render::render_map`] |
//! | [`pipeline`] | input paths and [`pipeline::ExportOptions`] | streamed passes on every core | [`pipeline::export`], [`pipeline::run_pass`] |
//!
//! Failures are [`Error`] values, one variant per failure with the values a caller needs
//! (files; records with file, line and column; nothing to draw, [`error::NoIncidents`]; a map
//! that cannot be made, [`error::RenderError`]; a map option these incidents cannot honour,
//! [`error::MapOptionError`]; outputs that [`clash`] with inputs); [`Error::is_usage`] tells
//! the caller's choices from the data's. One bad record never stops a reader: it comes back as
//! a [`RecordError`]. The command line, its flags, printing and exit codes live in the
//! `incimap` binary only.
//!
//! ```
//! use incimap::{geocode, Context, Gazetteer};
//!
//! // The embedded example incidents, located with the built-in gazetteer.
//! let loaded = incimap::ingest::example_incidents();
//! let located = geocode(loaded.incidents, Gazetteer::builtin(), &Context::default());
//! assert!(located.unresolved.is_empty());
//! let mut geojson = Vec::new();
//! incimap::export::write_geojson(&located.located, &Default::default(), &mut geojson)?;
//! assert!(geojson.starts_with(b"{\n  \"type\": \"FeatureCollection\""));
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! Place data: GeoNames (CC BY 4.0). Basemap: Natural Earth.

pub mod clash;
pub mod error;
pub mod export;
pub mod extract;
mod file_key;
pub mod filter;
pub mod gazetteer;
pub mod geocode;
pub mod ingest;
pub mod merge;
pub mod model;
pub mod pipeline;
pub mod reference;
pub mod render;
mod xml_chars;

pub use error::{Error, ParseError, RecordError, Result};
pub use gazetteer::{Context, Gazetteer};
pub use geocode::{geocode, Unresolved};
pub use model::{DateSpan, Figure, Incident, Measure, Place};

/// The data credit every map and export carries.
pub const DATA_CREDITS: &str = "Places: GeoNames (CC BY 4.0). Basemap: Natural Earth.";
