//! Stage 3, render: one map frame decided — the basemap's paths, the context places, the
//! proportional symbols in drawing order (largest first), what a label must not cover, the
//! labels (incidents first, then context places, towns, area names), river names and town
//! dots. A map has one frame, or one per period with `MapOptions::facet`.

use crate::model::{Figure, Incident, Place};
use crate::render::geometry::{Circle, Rect};
use crate::render::projection::Viewport;
use crate::render::MapOptions;

use super::area_names::thin_towns;
use super::basemap::build_basemap;
use super::frame_labels::{label_requests, settle_labels, Candidates};
use super::labels::place_labels;
use super::layout::PageLayout;
use super::rivers::place_river_names;
use super::scale::{symbol_radii, SizeScale, MARKER_PX, ZERO_MARK_PX};
use super::sizing::group_size;
use super::types::{FrameScene, Mark, Pt, Symbol, CONTEXT_DOT_PX};
use super::types::{SymbolInfo, Unlabelled};

/// Radius a town's dot keeps clear of labels, at unit scale.
const TOWN_CLEARANCE_PX: f64 = 3.5;

/// What goes into a frame.
pub(crate) struct FrameInput<'a> {
    pub frame: Rect,
    pub viewport: &'a Viewport,
    pub located: &'a [&'a Incident],
    pub sized: &'a [Option<&'a Figure>],
    pub scale: &'a SizeScale,
    pub references: &'a [&'a Place],
    pub focus: Option<&'a str>,
    /// Put each incident's date in its label (incidents on several dates).
    pub show_dates: bool,
}

/// Decides one frame; also returns the incidents whose label found no room.
pub(crate) fn build_frame(
    page: &PageLayout,
    options: &MapOptions,
    input: &FrameInput,
) -> (FrameScene, Vec<Unlabelled>) {
    let f = input.frame;
    let unit = page.unit;
    // The basemap is clipped geometrically to the frame (cheaper to render than a clip path,
    // and the SVG holds only what shows).
    let (basemap, names) = build_basemap(input.viewport, f, input.focus, unit, options.lang);
    let (mut symbols, symbol_incident) = symbols_in_order(input, options);
    let context: Vec<(&Place, Pt)> = input
        .references
        .iter()
        .filter_map(|p| {
            p.lon_lat()
                .and_then(|(lon, lat)| input.viewport.to_px(lon, lat))
                .map(|xy| (*p, xy))
        })
        .filter(|(_, (x, y))| f.distance_to(*x, *y) == 0.0)
        .collect();
    let towns = thin_towns(&names, input.located, input.references, &symbols, unit);
    let obstacles = obstacles(&symbols, &context, &towns, unit);
    let candidates = Candidates {
        located: input.located,
        sized: input.sized,
        show_dates: input.show_dates,
        symbol_incident: &symbol_incident,
        context: &context,
        towns: &towns,
        areas: &names.areas,
    };
    let (blocks, requests) = label_requests(page, options, &candidates, &obstacles);
    let inner = Rect {
        x: f.x + 4.0,
        y: f.y + 4.0,
        w: f.w - 8.0,
        h: f.h - 8.0,
    };
    let placed = place_labels(&requests, &obstacles, &[], inner);
    let settled = settle_labels(&placed, blocks, &requests, &mut symbols, unit);
    let river_size_px = 14.0 * unit;
    let taken: Vec<Rect> = settled.labels.iter().map(|l| l.rect).collect();
    let rivers = place_river_names(
        input.viewport,
        f,
        options.lang,
        river_size_px,
        &taken,
        &obstacles,
    );
    let scene = FrameScene {
        rect: f,
        heading: None,
        basemap,
        context_places: context.iter().map(|(_, xy)| *xy).collect(),
        symbols,
        labels: settled.labels,
        rivers,
        river_size_px,
        towns: settled.towns.iter().map(|&k| towns[k].1).collect(),
    };
    (scene, settled.unlabelled)
}

/// The symbols of the incidents that project, in drawing and labelling order, and the index
/// of each one's incident.
fn symbols_in_order(input: &FrameInput, options: &MapOptions) -> (Vec<Symbol>, Vec<usize>) {
    let FrameInput {
        located,
        sized,
        scale,
        viewport,
        ..
    } = *input;
    // Symbols, largest first so that small ones stay on top and visible.
    let radius = |i: usize| sized[i].map_or(0.0, |f| scale.radius_px(f.best.unwrap_or(0) as f64));
    // Importance: the largest value, then (for groups) the most incidents; labels are placed
    // in this order, so a larger symbol's label is never dropped for a smaller one's.
    let members = |i: usize| group_size(located[i]).and_then(|n| n.parse::<usize>().ok());
    let mut order: Vec<usize> = (0..located.len()).collect();
    order.sort_by(|&a, &b| {
        radius(b)
            .total_cmp(&radius(a))
            .then(members(b).cmp(&members(a)))
            .then(a.cmp(&b))
    });
    let mut symbols = Vec::new();
    let mut symbol_incident = Vec::new();
    for i in order {
        let Some((x, y)) = located[i]
            .place
            .lon_lat()
            .and_then(|(lon, lat)| viewport.to_px(lon, lat))
        else {
            continue;
        };
        let (r, ring) = symbol_radii(sized[i], scale);
        let value = sized[i].and_then(|f| f.best);
        let mark = match (r > 0.0, value) {
            (true, _) => Mark::Circle,
            (false, Some(0)) => Mark::ReportedZero,
            (false, _) => Mark::NoFigure,
        };
        let info = SymbolInfo {
            incident_id: located[i].id.clone(),
            x_px: x,
            y_px: y,
            r_px: r,
            value,
            ring_r_px: ring,
            label: None,
            leader: None,
        };
        let colour = options.theme.event_colour(located[i].event_type);
        symbols.push(Symbol { info, mark, colour });
        symbol_incident.push(i);
    }
    (symbols, symbol_incident)
}

/// Everything a label must not cover: each symbol as large as it is drawn (then the context
/// places and the towns, in this order).
fn obstacles(
    symbols: &[Symbol],
    context: &[(&Place, Pt)],
    towns: &[(String, Pt)],
    unit: f64,
) -> Vec<Circle> {
    let marker_r = |s: &SymbolInfo| match s.value {
        Some(0) => ZERO_MARK_PX * unit * 1.3,
        _ => MARKER_PX * unit * 1.3,
    };
    let mut obstacles: Vec<Circle> = symbols
        .iter()
        .map(|s| Circle {
            x: s.info.x_px,
            y: s.info.y_px,
            r: s.info
                .ring_r_px
                .unwrap_or(s.info.r_px)
                .max(marker_r(&s.info)),
        })
        .collect();
    obstacles.extend(context.iter().map(|(_, (x, y))| Circle {
        x: *x,
        y: *y,
        r: CONTEXT_DOT_PX * unit,
    }));
    obstacles.extend(towns.iter().map(|t| Circle {
        x: t.1 .0,
        y: t.1 .1,
        r: TOWN_CLEARANCE_PX * unit,
    }));
    obstacles
}
