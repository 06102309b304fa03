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
//! How it is decided: [`fit`] fits the extent (or cuts to `--bbox`), [`facets`] splits
//! small multiples, [`aggregate`] groups large sets, [`sizing`] and [`scale`] size the
//! circles, [`labels`] places the labels, [`legend`] lays out the side panel.
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
pub(crate) mod facets;
pub(crate) mod fit;
mod frame;
mod frame_labels;
mod graticule;
mod header;
mod inset;
pub(crate) mod label_text;
pub(crate) mod labels;
pub(crate) mod layout;
pub(crate) mod legend;
pub(crate) mod near;
pub(crate) mod rivers;
pub(crate) mod scale;
mod size_legend;
pub(crate) mod sizing;
#[cfg(test)]
mod tests;

pub use area_names::AreaKind;
pub use build::{build_scene, SymbolInfo, Unlabelled};
pub use legend::{Legend, LegendCircle, LegendRow, Sample, ScaleBar, SizeLegend};
pub use rivers::RiverLabel;

use crate::render::geometry::Rect;
use crate::render::theme::Theme;
use scale::SizeScale;

/// A point in px on the page (y down).
pub type Pt = (f64, f64);

/// One line of text in a label or caption.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    pub text: String,
    pub size_px: f64,
    pub bold: bool,
    pub fill: String,
}

/// Which end of a text its position gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    /// The SVG `text-anchor` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A line of text set at a point: `y_px` is its baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub x_px: f64,
    pub y_px: f64,
    pub line: TextLine,
    pub anchor: Anchor,
}

/// A whole map page, decided.
#[derive(Debug, Clone)]
pub struct MapScene {
    pub width_px: f64,
    pub height_px: f64,
    /// Scale factor of line widths and marks relative to the 1600×1200 design size.
    pub unit: f64,
    pub theme: Theme,
    /// The document title (also the header's first line).
    pub title: String,
    /// Title and subtitle lines.
    pub header: Vec<Text>,
    /// One frame, or one per period with `--facet` (each then with a heading).
    pub frames: Vec<FrameScene>,
    pub legend: Legend,
    /// The locator map, when the panel has room for it below the legend.
    pub inset: Option<Inset>,
    pub credits: Text,
    /// The circle scale every frame and the legend share.
    pub scale: SizeScale,
    /// Incidents whose label found no free position, largest first.
    pub unlabelled: Vec<Unlabelled>,
    /// True when the symbols are groups of incidents.
    pub aggregated: bool,
}

/// One map frame: a rectangle of the page with its basemap, symbols and labels.
#[derive(Debug, Clone)]
pub struct FrameScene {
    pub rect: Rect,
    /// The period's heading of a small-multiples panel (`None` on a single map).
    pub heading: Option<Text>,
    pub basemap: Basemap,
    /// Context places the reports mention (a hollow dot each).
    pub context_places: Vec<Pt>,
    /// Proportional symbols, largest first (drawn in this order, so small ones stay on top).
    pub symbols: Vec<Symbol>,
    /// Labels placed, in placement order (incidents, context places, towns, areas).
    pub labels: Vec<Label>,
    /// River names set along their rivers.
    pub rivers: Vec<RiverLabel>,
    pub river_size_px: f64,
    /// Dots of the towns whose names found room.
    pub towns: Vec<Pt>,
    /// The legend should explain context places and town dots.
    pub has_context_places: bool,
    pub has_towns: bool,
}

/// The basemap of a frame: projected paths already cut to the frame.
#[derive(Debug, Clone, Default)]
pub struct Basemap {
    /// Meridians and parallels (`None` when the frame's centre has no lon/lat).
    pub graticule: Option<Vec<Vec<Pt>>>,
    pub land: Vec<Vec<Pt>>,
    /// The mapped country, emphasized (`None` when the map has no focus country).
    pub focus: Option<Vec<Vec<Pt>>>,
    /// First-level borders of the focus country (`None` when it is not in view).
    pub admin1: Option<Vec<Vec<Pt>>>,
    pub lakes: Vec<Vec<Pt>>,
    pub rivers: Vec<RiverLine>,
    pub borders: Vec<Vec<Pt>>,
}

/// A river's course, with its stroke width by importance.
#[derive(Debug, Clone, PartialEq)]
pub struct RiverLine {
    pub width_px: f64,
    pub parts: Vec<Vec<Pt>>,
}

/// What a symbol's mark is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A filled circle whose area is proportional to the value.
    Circle,
    /// A small hollow circle: a reported 0.
    ReportedZero,
    /// A diamond: no figure at all.
    NoFigure,
}

/// An incident's (or group's) symbol.
#[derive(Debug, Clone, PartialEq)]
pub struct Symbol {
    /// Position, radii, value, and where its label went.
    pub info: SymbolInfo,
    pub mark: Mark,
    /// Its event type's colour.
    pub colour: &'static str,
}

/// What a placed label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    /// The symbol at this index of the frame's symbols.
    Incident(usize),
    ContextPlace,
    Town,
    Area(AreaKind),
}

/// How a label's text is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LabelStyle {
    /// With a halo over the basemap.
    Halo,
    /// An area's name, letter-spaced by this many px, no halo.
    Spaced(f64),
}

/// A label that found room: its box, leader line, and lines of text in position.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub kind: LabelKind,
    pub rect: Rect,
    pub leader: Option<(Pt, Pt)>,
    pub texts: Vec<Text>,
    pub style: LabelStyle,
}

/// The locator inset: the wider region with the main frame's extent outlined.
#[derive(Debug, Clone)]
pub struct Inset {
    pub rect: Rect,
    pub land: Vec<Vec<Pt>>,
    pub focus: Option<Vec<Vec<Pt>>>,
    pub borders: Vec<Vec<Pt>>,
    /// The main frame's outline, bent by the projection.
    pub outline: Vec<Pt>,
}

/// Radius of a context place's dot, at unit scale.
pub const CONTEXT_DOT_PX: f64 = 4.5;
/// Half the side of a town's square dot, at unit scale.
pub const TOWN_DOT_PX: f64 = 3.0;
