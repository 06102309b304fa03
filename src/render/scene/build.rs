//! Stage 3, render: the scene's composer — the incidents checked and sorted, the extent
//! fitted (or cut to `MapOptions::bbox`), the periods of small multiples, large sets grouped, one
//! circle scale for every frame, then each frame, the legend, the inset, header and credits
//! decided into a [`MapScene`].

use std::collections::BTreeSet;

use crate::error::{Error, NoIncidents, Result};
use crate::model::{EventType, Figure, Incident};
use crate::render::captions::{credit_names, date_caption, period_caption};
use crate::render::geometry::Rect;
use crate::render::projection::Viewport;
use crate::render::MapOptions;

use super::aggregate::aggregate;
use super::context::{focus_country, reference_places};
use super::facets::{facet_frames, facet_periods, Panel};
use super::fit::{fit_viewport, within_bbox, without_outliers};
use super::frame::{build_frame, FrameInput};
use super::header::{credits, header, map_title};
use super::inset::build_inset;
use super::layout::PageLayout;
use super::legend::{build_legend, LegendContent};
use super::scale::size_scale;
use super::scale::SizeScale;
use super::sizing::{effective_size_by, size_figure, sizing_from_extra};
use super::types::{Anchor, FrameScene, MapScene, SymbolInfo, Text, TextLine, Unlabelled};

/// Decides the map of the incidents. Every incident needs valid coordinates (an incident
/// without them is an error naming its id), and an empty set is an error, not an empty map.
pub fn build_scene(incidents: &[Incident], options: &MapOptions) -> Result<MapScene> {
    check_located(incidents)?;
    // Sizing by a property that is not a figure (other people's GeoJSON): read it from `extra`.
    let with_fields = sizing_from_extra(incidents, &options.size_by);
    let mut all: Vec<&Incident> = match &with_fields {
        Some(adapted) => adapted.iter().collect(),
        None => incidents.iter().collect(),
    };
    if all.is_empty() {
        return Err(NoIncidents::Empty.into());
    }
    sort_in_map_order(&mut all);
    let page = PageLayout::new(options.width_px, options.height_px);
    let focus = focus_country(&all);
    // A table of fatalities is sized, named and labelled as "killed", not "people affected".
    let options = &MapOptions {
        size_by: effective_size_by(&all, &options.size_by),
        ..options.clone()
    };
    // With a bbox only what lies in the frame is drawn and counted; a fitted map leaves far
    // outliers off (counted in the title too).
    let total = all.len();
    all = match options.bbox {
        Some(bbox) => within_bbox(all, bbox, &page, options)?,
        None => without_outliers(all),
    };
    let of_total = (all.len() < total).then_some(total);
    // One frame, or one per period (small multiples sharing extent, scale and legend).
    let periods = facet_periods(&all, options.facet, options.lang)?;
    let title = map_title(&all, options, of_total);
    let decided = Decided {
        page,
        options,
        focus: focus.as_deref(),
    };
    compose(&decided, &all, &periods, title)
}

/// The order incidents are looked at in, by both maps: by start date, then id.
pub(crate) fn sort_in_map_order(incidents: &mut [&Incident]) {
    incidents.sort_by(|a, b| {
        a.date
            .start
            .cmp(&b.date.start)
            .then_with(|| a.id.cmp(&b.id))
    });
}

/// An incident without coordinates cannot be drawn: an error naming it and what it has.
/// The interactive map refuses it the same way.
pub(crate) fn check_located(incidents: &[Incident]) -> Result<()> {
    match incidents.iter().find(|i| i.place.lon_lat().is_none()) {
        Some(bad) => Err(unlocated(bad)),
        None => Ok(()),
    }
}

/// The error of an incident without coordinates, naming it and what it has.
pub(crate) fn unlocated(bad: &Incident) -> Error {
    Error::Unlocated {
        id: bad.id.clone(),
        lon: bad.place.lon,
        lat: bad.place.lat,
    }
}

/// What every part of the page shares.
pub(crate) struct Decided<'a> {
    pub page: PageLayout,
    pub options: &'a MapOptions,
    pub focus: Option<&'a str>,
}

/// What the page says of the whole set shown, beside its frames: the title, the period the
/// subtitle names, and the sources the credits name.
pub(crate) struct Whole {
    pub title: String,
    pub period: String,
    pub credits: Vec<String>,
}

/// The frames, legend, inset, header and credits of the incidents shown, period by period.
fn compose(
    decided: &Decided,
    all: &[&Incident],
    periods: &[Panel<'_>],
    title: String,
) -> Result<MapScene> {
    let Decided { page, options, .. } = decided;
    let unit = page.unit;
    let frames = facet_frames(page.frame, periods.len(), unit);
    let all_references = reference_places(all);
    let scale_down = frames[0].w / page.frame.w;
    let viewport = fit_viewport(
        all,
        &all_references,
        frames[0],
        page.max_radius_px * scale_down,
        unit,
        options,
    )?;
    // Large sets become groups (by place, or hexagons) so that the map stays legible.
    let groups: Vec<Option<Vec<Incident>>> = periods
        .iter()
        .map(|(_, members)| {
            aggregate(
                members,
                options.aggregate,
                &options.size_by,
                &viewport,
                unit,
            )
        })
        .collect();
    let shown: Vec<Vec<&Incident>> = periods
        .iter()
        .zip(&groups)
        .map(|((_, members), g)| {
            g.as_ref()
                .map_or_else(|| members.clone(), |g| g.iter().collect())
        })
        .collect();
    let whole = Whole {
        title,
        period: period_caption(all, options.lang),
        credits: credit_names(all),
    };
    let headings: Vec<String> = periods.iter().map(|(label, _)| label.clone()).collect();
    let aggregated = groups.iter().any(Option::is_some);
    let drawn = Drawn {
        headings: &headings,
        frames: &frames,
        viewport: &viewport,
        shown: &shown,
        aggregated,
    };
    Ok(draw(decided, whole, &drawn))
}

/// What each frame draws: the incidents (or groups) of each period on one viewport.
pub(crate) struct Drawn<'a> {
    /// One heading per frame (ignored for a single frame).
    pub headings: &'a [String],
    pub frames: &'a [Rect],
    pub viewport: &'a Viewport,
    pub shown: &'a [Vec<&'a Incident>],
    pub aggregated: bool,
}

/// The scene of what is drawn: one circle scale for every frame, then the frames, legend,
/// inset, header and credits.
pub(crate) fn draw(decided: &Decided, whole: Whole, drawn: &Drawn) -> MapScene {
    let Decided { page, options, .. } = decided;
    let sized: Vec<Vec<Option<&Figure>>> = drawn
        .shown
        .iter()
        .map(|list| {
            list.iter()
                .map(|i| size_figure(i, &options.size_by))
                .collect()
        })
        .collect();
    let scale = size_scale(drawn.shown, &sized, page, drawn.frames[0], page.unit);
    let sets = Shown {
        headings: drawn.headings,
        frames: drawn.frames,
        viewport: drawn.viewport,
        shown: drawn.shown,
        sized: &sized,
        scale: &scale,
        aggregated: drawn.aggregated,
    };
    assemble(decided, whole, &sets)
}

/// The incidents (or groups) each frame shows, and how they are sized.
struct Shown<'a> {
    headings: &'a [String],
    frames: &'a [Rect],
    viewport: &'a Viewport,
    shown: &'a [Vec<&'a Incident>],
    sized: &'a [Vec<Option<&'a Figure>>],
    scale: &'a SizeScale,
    aggregated: bool,
}

fn assemble(decided: &Decided, whole: Whole, sets: &Shown) -> MapScene {
    let Decided {
        page,
        options,
        focus,
    } = decided;
    let (frames, mut unlabelled) = frame_scenes(decided, sets);
    // Largest first across every panel (a stable sort keeps each panel's order on ties).
    unlabelled.sort_by_key(|u: &Unlabelled| std::cmp::Reverse(u.value));
    let content = LegendContent {
        event_types: sets
            .shown
            .iter()
            .flatten()
            .map(|i| i.event_type)
            .collect::<BTreeSet<Option<EventType>>>(),
        has_references: frames.iter().any(|f| !f.context_places.is_empty()),
        aggregated: sets.aggregated,
        // The legend explains a town's dot wherever one is drawn.
        has_towns: frames.iter().any(|f| !f.towns.is_empty()),
        zero_measure: sets
            .sized
            .iter()
            .flatten()
            .flatten()
            .find(|f| f.best == Some(0))
            .map(|f| f.measure.clone()),
    };
    let symbols: Vec<&SymbolInfo> = frames
        .iter()
        .flat_map(|f| f.symbols.iter().map(|s| &s.info))
        .collect();
    let legend = build_legend(page, sets.scale, sets.viewport, options, &symbols, &content);
    let inset = inset_room(page, legend.end_y_px).and_then(|rect| {
        let main = sets.viewport.moved_to(centre(sets.frames[0]));
        build_inset(rect, &main, sets.frames[0], *focus)
    });
    MapScene {
        width_px: page.width_px,
        height_px: page.height_px,
        unit: page.unit,
        theme: options.theme.clone(),
        header: header(page, &whole.title, &whole.period, options),
        title: whole.title,
        frames,
        legend,
        inset,
        credits: credits(page, &whole.credits, &options.theme, options.lang),
        scale: *sets.scale,
        unlabelled,
        aggregated: sets.aggregated,
    }
}

/// The locator inset's place at the panel's foot, when the legend leaves room for it.
fn inset_room(page: &PageLayout, legend_end_y_px: f64) -> Option<Rect> {
    let unit = page.unit;
    let inset_h = page.panel.w * 0.72;
    (page.panel.bottom() - inset_h - 16.0 * unit >= legend_end_y_px).then_some(Rect {
        x: page.panel.x,
        y: page.panel.bottom() - inset_h,
        w: page.panel.w,
        h: inset_h,
    })
}

fn centre(rect: Rect) -> (f64, f64) {
    (rect.x + rect.w / 2.0, rect.y + rect.h / 2.0)
}

/// Each frame's scene (with a heading when there are several), and the labels that found no
/// room, frame by frame.
fn frame_scenes(decided: &Decided, sets: &Shown) -> (Vec<FrameScene>, Vec<Unlabelled>) {
    let Decided {
        page,
        options,
        focus,
    } = decided;
    let mut scenes = Vec::new();
    let mut unlabelled = Vec::new();
    for (k, frame) in sets.frames.iter().enumerate() {
        let panel_viewport = sets.viewport.moved_to(centre(*frame));
        let references = reference_places(&sets.shown[k]);
        let show_dates = sets.shown[k]
            .iter()
            .map(|i| date_caption(&i.date, options.lang))
            .collect::<BTreeSet<_>>()
            .len()
            > 1;
        let input = FrameInput {
            frame: *frame,
            viewport: &panel_viewport,
            located: &sets.shown[k],
            sized: &sets.sized[k],
            scale: sets.scale,
            references: &references,
            focus: *focus,
            show_dates,
        };
        let (mut scene, missed) = build_frame(page, options, &input);
        if sets.frames.len() != 1 {
            scene.heading = Some(Text {
                x_px: frame.x,
                y_px: frame.y - 6.0 * page.unit,
                line: TextLine {
                    text: sets.headings[k].clone(),
                    size_px: page.panel_heading_size_px,
                    bold: true,
                    fill: options.theme.text.to_string(),
                },
                anchor: Anchor::Start,
            });
        }
        scenes.push(scene);
        unlabelled.extend(missed);
    }
    (scenes, unlabelled)
}
