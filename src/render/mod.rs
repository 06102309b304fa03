//! Stage 3, render: located incidents → a map as SVG, and from the very same SVG a PNG.
//!
//! Deciding and drawing are apart, as usvg's typed tree is apart from resvg's renderer:
//! [`scene`] takes every decision — extent, groups, circle sizes, label positions, legend,
//! inset, credits — into a typed [`MapScene`]; [`svg`] only walks that scene into SVG, and
//! turns the SVG into PNG or PDF with resvg and the embedded fonts. [`render_map`] does both.
//! `html` writes the interactive map, one self-contained HTML file sized and coloured by the
//! same scene functions. Shared by every part: `projection` and `equal_earth`, the `basemap`
//! layers, `clip`, `font` metrics, `theme` colours and words.
//!
//! A map that cannot be made fails with [`crate::error::NoIncidents`] (nothing to draw),
//! [`crate::error::MapOptionError`] (a `size_by` or `label_field` no incident has:
//! [`check_fields`]) or [`crate::error::RenderError`] (no fit, a PNG or PDF writer failure).

mod basemap;
mod captions;
mod clip;
mod country_names;
mod equal_earth;
mod fields;
mod font;
mod geometry;
mod html;
mod map;
mod projection;
pub mod scene;
pub mod svg;
mod theme;
mod wording;

pub use equal_earth::EqualEarth;
pub use fields::check_fields;
pub use font::{text_width_px, Weight, FAMILY as FONT_FAMILY};
pub use geometry::{Circle, Rect};
pub use html::{render_html, render_html_of_groups, HTML_INCIDENT_LIMIT};
pub use map::{render_map, RenderedMap};
pub use projection::{EachPoint, Laea, Projection, ProjectionChoice, Viewport, EARTH_RADIUS_KM};
pub use scene::aggregate::{Aggregate, AUTO_LIMIT};
pub use scene::labels::{
    place_labels, segment_hits_rect, segments_cross, LabelRequest, Placed, MAX_LABEL_DISTANCE_PX,
};
pub use scene::scale::{legend_values, SizeScale};
pub use scene::sizing::size_figure;
pub use scene::{
    build_scene, why_in_memory, Gathered, Group, GroupMember, HexCell, HexSums, InMemoryOption,
    MapGather, MapScene, MapSurvey, Plan as MapPlan, SymbolInfo, Unlabelled, LARGEST_MEMBERS,
};
pub use svg::raster::{svg_to_pdf, svg_to_png};
pub use svg::{escape, write_svg};
pub use theme::{Lang, Theme};

use crate::model::Measure;

/// What sets a symbol's size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SizeBy {
    /// Each incident's largest count of people the event concerns (see
    /// [`crate::model::Incident::largest_figure`]).
    Largest,
    /// One measure's best value (e.g. killed).
    Measure(Measure),
}

impl SizeBy {
    pub fn parse(text: &str) -> SizeBy {
        match text.trim().to_lowercase().as_str() {
            "" | "largest" | "auto" => SizeBy::Largest,
            other => SizeBy::Measure(Measure::parse(other)),
        }
    }
}

/// Options of a map.
#[derive(Debug, Clone)]
pub struct MapOptions {
    pub width_px: f64,
    pub height_px: f64,
    /// Title; a default is made from the incidents when `None`.
    pub title: Option<String>,
    pub size_by: SizeBy,
    /// Pixel density of the PNG relative to the SVG's px (1 = same size).
    pub png_scale: f32,
    pub theme: Theme,
    /// Language of the map's own words (legend, scale bar).
    pub lang: Lang,
    /// Map extent (lon_min, lat_min, lon_max, lat_max); fitted to the data when `None`.
    pub bbox: Option<[f64; 4]>,
    /// Grouping of large incident sets.
    pub aggregate: Aggregate,
    pub projection: ProjectionChoice,
    /// Property naming each label instead of the place (`title`, `id`, or an input column).
    pub label_field: Option<String>,
    /// Small multiples: one panel per period.
    pub facet: Option<Facet>,
}

/// Periods of small multiples (`MapOptions::facet`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Year,
    Month,
}

impl Facet {
    pub fn parse(text: &str) -> Option<Option<Facet>> {
        match text.trim().to_ascii_lowercase().as_str() {
            "none" | "" => Some(None),
            "year" => Some(Some(Facet::Year)),
            "month" => Some(Some(Facet::Month)),
            _ => None,
        }
    }
}

impl Default for MapOptions {
    fn default() -> MapOptions {
        MapOptions {
            width_px: 1600.0,
            height_px: 1200.0,
            title: None,
            size_by: SizeBy::Largest,
            png_scale: 1.0,
            theme: Theme::light(),
            lang: Lang::En,
            bbox: None,
            aggregate: Aggregate::Auto,
            projection: ProjectionChoice::Auto,
            label_field: None,
            facet: None,
        }
    }
}
