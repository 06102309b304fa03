//! incimap: news reports and incident tables → geocoded incidents → GeoJSON and maps.
//!
//! The pipeline is the architecture, one module per stage; only [`model`] types cross stage
//! boundaries:
//!
//! ```text
//! ingest  ──►  geocode  ──►  export (GeoJSON, …)
//!   (files → Incident)   (names → lon/lat)   render (SVG → PNG, PDF)
//! ```
//!
//! Place data: GeoNames (CC BY 4.0). Basemap: Natural Earth.

pub mod clash;
pub mod error;
pub mod export;
pub mod extract;
pub mod file_key;
pub mod filter;
pub mod gazetteer;
pub mod geocode;
pub mod ingest;
pub mod merge;
pub mod model;
pub mod pipeline;
pub mod render;
pub mod xml_chars;

pub use error::{Error, ParseError, RecordError, Result};

/// The data credit every map and export carries.
pub const DATA_CREDITS: &str = "Places: GeoNames (CC BY 4.0). Basemap: Natural Earth.";
