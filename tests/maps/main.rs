//! Integration tests of the maps, one module per theme, in one test crate (one link instead
//! of one per file): reference images and the properties of every map (`render`,
//! `render_real`, right-to-left labels in `render_bidi`), the interactive map
//! (`render_html`), and maps aggregated while reading, which equal the maps drawn in memory
//! (`map_streamed`, `map_streamed_outputs`).
//! One theme: `cargo test --release --test maps render::`; re-bless the reference images
//! with `INCIMAP_BLESS=1 cargo test --release --test maps`.

#[path = "../common/mod.rs"]
mod common;

mod map_streamed;
mod map_streamed_outputs;
mod render;
mod render_bidi;
mod render_html;
mod render_real;
