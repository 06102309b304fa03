//! Stage 3, render: the scene's types — what a decided map is made of, from the page down to
//! a label's line of text. Plain values in px (y down); nothing here decides or draws.

use crate::render::geometry::Rect;
use crate::render::theme::Theme;

use super::scale::SizeScale;

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
    /// One frame, or one per period with `MapOptions::facet` (each then with a heading).
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
    /// With a halo, on a plate that hides the smaller symbols the label lies over.
    Plate,
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

/// Where an incident's symbol went (for tests and for callers that link symbols to data).
#[derive(Debug, Clone, PartialEq)]
pub struct SymbolInfo {
    pub incident_id: String,
    pub x_px: f64,
    pub y_px: f64,
    /// 0 for incidents drawn with the "no figure" marker.
    pub r_px: f64,
    pub value: Option<u64>,
    /// Radius of the ring at the highest claim, when claims disagree.
    pub ring_r_px: Option<f64>,
    /// The label box, `None` when no free position was found.
    pub label: Option<Rect>,
    /// The leader line from the symbol to its label, when the label is set off.
    pub leader: Option<((f64, f64), (f64, f64))>,
}

/// An incident whose label found no room, largest first: its id and what the label said.
#[derive(Debug, Clone, PartialEq)]
pub struct Unlabelled {
    pub incident_id: String,
    /// The label's lines joined: "Savar · 112 killed".
    pub text: String,
    /// The value its symbol shows (0 for none).
    pub value: u64,
}

/// The kind of area a basemap name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AreaKind {
    FocusCountry,
    Country,
    Admin1,
    /// A lake ("Lake Assad").
    Water,
}

/// A river name placed along a stretch of its course.
#[derive(Debug, Clone, PartialEq)]
pub struct RiverLabel {
    pub text: String,
    pub path: Vec<Pt>,
    pub bbox: Rect,
}

/// The side panel: what the marks, sizes and colours mean, and the scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Legend {
    /// Circles at round values, `None` when no symbol shows a value.
    pub size: Option<SizeLegend>,
    /// The note that symbols are groups of incidents.
    pub aggregated_note: Vec<Text>,
    /// One row for each kind of mark the map shows.
    pub rows: Vec<LegendRow>,
    pub event_heading: Text,
    /// One row per event type shown, in its colour.
    pub event_rows: Vec<LegendRow>,
    /// `None` on a world projection, which has no single scale.
    pub scale_bar: Option<ScaleBar>,
    /// The y (px) where the panel's content ends.
    pub end_y_px: f64,
}

/// The size legend: heading, what the circles count, and the circles.
#[derive(Debug, Clone, PartialEq)]
pub struct SizeLegend {
    pub heading: Text,
    pub what: Vec<Text>,
    /// Largest first.
    pub circles: Vec<LegendCircle>,
}

/// A legend circle at a round value, on the map's scale.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendCircle {
    pub value: u64,
    pub cx_px: f64,
    pub cy_px: f64,
    pub r_px: f64,
    pub label: Text,
    /// The dashed line from the circle's top to its value (nested circles only).
    pub tick: Option<(Pt, Pt)>,
}

/// A sample mark and the words explaining it.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendRow {
    pub sample: Sample,
    /// The sample's centre.
    pub x_px: f64,
    pub y_px: f64,
    pub texts: Vec<Text>,
}

/// The mark a legend row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sample {
    /// A circle with the dashed ring of a disputed figure.
    DisputedRing,
    ReportedZero,
    NoFigure,
    ContextPlace,
    Town,
    /// A circle in an event type's colour.
    EventType(&'static str),
}

/// A bar of a round length in km.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleBar {
    pub heading: Text,
    pub x_px: f64,
    pub y_px: f64,
    pub length_px: f64,
    pub height_px: f64,
    pub km: f64,
    /// "0" at its start, the length at its end.
    pub labels: Vec<Text>,
}
