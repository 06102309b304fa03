//! Stage 3, render: the scene's composer — the incidents checked and sorted, the extent
//! fitted (or cut to `--bbox`), the periods of small multiples, large sets grouped, one
//! circle scale for every frame, then each frame, the legend, the inset, header and credits
//! decided into a [`MapScene`].

use std::collections::{BTreeMap, BTreeSet};

use crate::error::{Error, Result};
use crate::model::{EventType, Figure, Incident, Place};
use crate::render::basemap::{layer, LayerName};
use crate::render::captions::{date_caption, default_title};
use crate::render::geometry::Rect;
use crate::render::projection::Viewport;
use crate::render::theme::Lang;
use crate::render::MapOptions;

use super::aggregate::aggregate;
use super::facets::{facet_frames, facet_periods, Panel};
use super::fit::{fit_viewport, within_bbox, without_outliers};
use super::frame::{build_frame, FrameInput};
use super::header::{credits, header};
use super::inset::build_inset;
use super::layout::PageLayout;
use super::legend::{build_legend, LegendContent};
use super::near::NearIndex;
use super::scale::SizeScale;
use super::sizing::{effective_size_by, size_figure, size_scale, sizing_from_extra};
use super::{Anchor, FrameScene, MapScene, Text, TextLine};

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

/// A context place this close to an incident is the incident's own place.
const SAME_PLACE_KM: f64 = 5.0;
/// The country most incidents are in, the map's focus (`None` when no country has most).
pub(crate) fn focus_country(incidents: &[&Incident]) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for incident in incidents {
        if let Some(code) = incident.place.country_code.as_deref() {
            *counts.entry(code).or_default() += 1;
        }
    }
    let max = counts.values().copied().max()?;
    // A focus only when most incidents share it; a map across many countries has none.
    if max * 2 <= incidents.len() {
        return None;
    }
    counts
        .into_iter()
        .find(|(_, n)| *n == max)
        .map(|(code, _)| code.to_ascii_uppercase())
}

pub(crate) fn country_name(iso2: &str, lang: Lang) -> Option<String> {
    layer(LayerName::Countries)
        .iter()
        .find(|f| f.attr("iso_a2") == iso2)
        .map(|f| {
            crate::render::country_names::country_name(iso2, f.attr("name"), lang).into_owned()
        })
}

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
        return Err(Error::NoIncidents("the incident set is empty".into()));
    }
    all.sort_by(|a, b| {
        a.date
            .start
            .cmp(&b.date.start)
            .then_with(|| a.id.cmp(&b.id))
    });
    let page = PageLayout::new(options.width_px, options.height_px);
    let focus = focus_country(&all);
    // A table of fatalities is sized, named and labelled as "killed", not "people affected".
    let options = &MapOptions {
        size_by: effective_size_by(&all, &options.size_by),
        ..options.clone()
    };
    // With --bbox only what lies in the frame is drawn and counted; a fitted map leaves far
    // outliers off (counted in the title too).
    let total = all.len();
    all = match options.bbox {
        Some(bbox) => within_bbox(all, bbox, &page, options)?,
        None => without_outliers(all),
    };
    let of_total = (all.len() < total).then_some(total);
    // One frame, or one per period (small multiples sharing extent, scale and legend).
    let periods = facet_periods(&all, options.facet, options.lang)?;
    let title = options.title.clone().unwrap_or_else(|| {
        let country = focus
            .as_deref()
            .and_then(|iso2| country_name(iso2, options.lang));
        default_title(&all, country.as_deref(), options.lang, of_total)
    });
    let decided = Decided {
        page,
        options,
        focus: focus.as_deref(),
    };
    compose(&decided, &all, &periods, title)
}

/// An incident without coordinates cannot be drawn: an error naming it.
fn check_located(incidents: &[Incident]) -> Result<()> {
    let Some(bad) = incidents.iter().find(|i| i.place.lon_lat().is_none()) else {
        return Ok(());
    };
    let show = |v: Option<f64>| v.map_or("none".to_string(), |v| v.to_string());
    Err(Error::InvalidIncident {
        id: bad.id.clone(),
        message: format!(
            "expected lon in -180..180 and lat in -90..90 to draw it, got lon {}, lat {} (geocode it first)",
            show(bad.place.lon),
            show(bad.place.lat)
        ),
    })
}

/// What every part of the page shares.
struct Decided<'a> {
    page: PageLayout,
    options: &'a MapOptions,
    focus: Option<&'a str>,
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
    let sized: Vec<Vec<Option<&Figure>>> = shown
        .iter()
        .map(|list| {
            list.iter()
                .map(|i| size_figure(i, &options.size_by))
                .collect()
        })
        .collect();
    let scale = size_scale(&shown, &sized, page, frames[0], unit);
    let sets = Shown {
        periods,
        frames: &frames,
        viewport: &viewport,
        shown: &shown,
        sized: &sized,
        scale: &scale,
        aggregated: groups.iter().any(Option::is_some),
    };
    Ok(assemble(decided, all, &sets, title))
}

/// The incidents (or groups) each frame shows, and how they are sized.
struct Shown<'a> {
    periods: &'a [Panel<'a>],
    frames: &'a [Rect],
    viewport: &'a Viewport,
    shown: &'a [Vec<&'a Incident>],
    sized: &'a [Vec<Option<&'a Figure>>],
    scale: &'a SizeScale,
    aggregated: bool,
}

fn assemble(decided: &Decided, all: &[&Incident], sets: &Shown, title: String) -> MapScene {
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
        has_references: frames.iter().any(|f| f.has_context_places),
        aggregated: sets.aggregated,
        has_towns: frames.iter().any(|f| f.has_towns),
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
        header: header(page, &title, all, options),
        title,
        frames,
        legend,
        inset,
        credits: credits(page, all, &options.theme, options.lang),
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
        if sets.periods.len() != 1 {
            scene.heading = Some(Text {
                x_px: frame.x,
                y_px: frame.y - 6.0 * page.unit,
                line: TextLine {
                    text: sets.periods[k].0.clone(),
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

/// Places the reports mention for context, resolved, and not an incident's own place.
pub(crate) fn reference_places<'a>(located: &[&'a Incident]) -> Vec<&'a Place> {
    let mut out: Vec<&Place> = Vec::new();
    let mut seen = BTreeSet::new();
    let incident_places: BTreeSet<&str> = located
        .iter()
        .filter_map(|i| i.place.gazetteer_id.as_deref())
        .collect();
    let incident_points: Vec<(f64, f64)> =
        located.iter().filter_map(|i| i.place.lon_lat()).collect();
    let near_incident = NearIndex::new(&incident_points);
    for incident in located {
        for mention in &incident.mentions {
            let key = mention
                .gazetteer_id
                .clone()
                .unwrap_or_else(|| mention.name.clone());
            // The same place as an incident (by id, or within a few km: the camp at a town)
            // needs no second mark.
            let same_id = mention
                .gazetteer_id
                .as_deref()
                .is_some_and(|id| incident_places.contains(id));
            // Cheap tests first: the distance is only asked of a mention still in the running.
            let Some(point) = mention.lon_lat() else {
                continue;
            };
            if same_id || seen.contains(&key) {
                continue;
            }
            let close = near_incident.any_within(point, SAME_PLACE_KM, |km| km < SAME_PLACE_KM);
            if !close && seen.insert(key) {
                out.push(mention);
            }
        }
    }
    out
}
