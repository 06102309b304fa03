//! Stage 3, render, first half: located incidents and
//! [`MapOptions`](crate::render::MapOptions) in, a [`MapScene`] out — every decision of a map
//! taken, nothing drawn.
//!
//! The scene is a typed value, as usvg's tree is for resvg: the page's size and theme, the
//! header and credits lines, one [`FrameScene`] per map frame (the basemap's projected paths,
//! the context places, the proportional [`Symbol`]s with their px positions, radii and dashed
//! rings, the placed [`Label`]s with their boxes, leader lines, text positions and anchors,
//! river names, town dots), the [`Legend`] (size circles on the map's own scale, the rows
//! explaining each mark, event colours, scale bar) and the locator [`Inset`]. The SVG writer
//! ([`crate::render::svg`]) only walks it.
//!
//! How it is decided, file by file: `build` composes the page; `fit` fits the extent (or
//! cuts to `MapOptions::bbox`); `facets` splits small multiples; `aggregate` groups large sets
//! ([`Aggregate`](crate::render::Aggregate)); `sizing` picks each symbol's figure and `scale`
//! sizes the circles ([`SizeScale`](crate::render::SizeScale)); `frame` and `frame_labels` decide a frame and its
//! labels, which `labels` places ([`place_labels`](crate::render::place_labels)); `legend`,
//! `size_legend` and `cursor` lay out the side panel; `basemap`, `graticule`, `projected`,
//! `area_names` and `rivers` the basemap and its names; `inset` the locator; `header` the
//! title, subtitle and credits; `streamed` (with `spool`) the same scene decided while the
//! incidents stream by, never holding them ([`MapSurvey`]); `hex_sums` the hexagon sums of a map with a fixed
//! frame, combinable across the parts of an input read in parts ([`HexSums`]); `context` the focus country and context places; `types` the
//! scene's types, all re-exported here.
//!
//! ```
//! use incimap::model::{DateSpan, Figure, Incident, Measure, Place};
//! use incimap::render::{build_scene, MapOptions};
//!
//! let mut place = Place::named("Riverton");
//! place.lon = Some(36.2);
//! place.lat = Some(35.1);
//! let mut incident = Incident::new("a", "shelling", DateSpan::parse("2020-05-09").unwrap(), place);
//! incident.figures.push(Figure::from_value(Measure::Killed, 12));
//!
//! let scene = build_scene(&[incident], &MapOptions::default()).unwrap();
//! let symbol = &scene.frames[0].symbols[0];
//! assert_eq!(symbol.info.value, Some(12));
//! assert!(scene.frames[0].rect.distance_to(symbol.info.x_px, symbol.info.y_px) == 0.0);
//! // The size legend draws its circles on the map's own scale.
//! let size = scene.legend.size.as_ref().unwrap();
//! assert_eq!(size.circles[0].r_px, scene.scale.radius_px(size.circles[0].value as f64));
//! ```

pub(crate) mod aggregate;
pub(crate) mod area_names;
pub(crate) mod basemap;
pub(crate) mod build;
pub(crate) mod context;
mod cursor;
pub(crate) mod facets;
pub(crate) mod fit;
mod frame;
mod frame_labels;
mod graticule;
mod group_sum;
pub(crate) mod header;
pub(crate) mod hex_sums;
mod inset;
mod keep;
mod label_candidates;
pub(crate) mod label_text;
pub(crate) mod labels;
pub(crate) mod layout;
pub(crate) mod legend;
pub(crate) mod near;
mod projected;
pub(crate) mod rivers;
pub(crate) mod scale;
pub(crate) mod size_legend;
pub(crate) mod sizing;
mod spool;
mod streamed;
#[cfg(test)]
mod tests;
mod types;

pub use build::build_scene;
pub use group_sum::{Group, GroupMember, LARGEST_MEMBERS};
pub use hex_sums::{HexCell, HexSums};
pub use streamed::{why_in_memory, Gathered, InMemoryOption, MapGather, MapSurvey, Plan};
pub use types::{
    Anchor, AreaKind, Basemap, FrameScene, Inset, Label, LabelKind, LabelStyle, Legend,
    LegendCircle, LegendRow, MapScene, Mark, Pt, RiverLabel, RiverLine, Sample, ScaleBar,
    SizeLegend, Symbol, SymbolInfo, Text, TextLine, Unlabelled, CONTEXT_DOT_PX, TOWN_DOT_PX,
};
