//! Reference knowledge every stage shares, depending on no stage: countries (ISO codes,
//! names in several languages and spellings), great-circle distance and destination point,
//! name folding (also compiled into `build.rs`), and bytes decoded as UTF-8 text. Readers,
//! the gazetteer, the writers and the renderer all import from here, never from each other,
//! for these.

pub mod countries;
pub mod fold;
mod geodesic;
mod text;

pub use fold::{fold, fold_literal};
pub use geodesic::{bearing_deg, destination, distance_km};
pub use text::decode_utf8;
