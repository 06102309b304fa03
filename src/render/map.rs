//! Stage 3, render: composes the map page as SVG — header, one frame (or one per period with
//! `--facet`, sharing extent, circle scale and legend), the side panel with the locator inset,
//! and the credits — in named layer groups (`<g id="symbols">` …).

use std::collections::{BTreeMap, BTreeSet};

use crate::error::{Error, Result};
use crate::model::{EventType, Figure, Incident, Place};

use super::aggregate::aggregate;
use super::basemap::{layer, LayerName};
use super::captions::{date_caption, default_title, draw_credits, draw_header};
use super::extent::{fit_viewport, within_bbox, without_outliers};
use super::facets::{facet_frames, facet_periods};
use super::frame::{draw_frame, FrameInput};
use super::inset::draw_inset;
use super::labels::Rect;
use super::layout::PageLayout;
use super::near::NearIndex;
use super::panel::{draw_panel, PanelContent};
use super::sizing::{effective_size_by, size_figure, size_scale, sizing_from_extra};
use super::svg::{SvgDoc, TextLine};
use super::symbols::SizeScale;
use super::theme::Lang;

use super::MapOptions;

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

/// A rendered map and what was placed on it.
#[derive(Debug, Clone)]
pub struct RenderedMap {
    pub svg: String,
    pub symbols: Vec<SymbolInfo>,
    /// Every label box drawn (incidents, context places, towns, area names).
    pub labels: Vec<Rect>,
    /// The map frames (one, or one per period with `--facet`): every symbol lies inside one.
    pub frames: Vec<Rect>,
    pub scale: SizeScale,
    /// Incidents whose label found no free position, largest first.
    pub unlabelled: Vec<Unlabelled>,
    /// True when the symbols are groups of incidents (`--aggregate`), sized on `scale`.
    pub aggregated: bool,
}

/// A context place this close to an incident is the incident's own place.
const SAME_PLACE_KM: f64 = 5.0;
/// The country most incidents are in, the map's focus (`None` when no country has most).
pub(super) fn focus_country(incidents: &[&Incident]) -> Option<String> {
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

pub(super) fn country_name(iso2: &str, lang: Lang) -> Option<String> {
    layer(LayerName::Countries)
        .iter()
        .find(|f| f.attr("iso_a2") == iso2)
        .map(|f| super::country_names::country_name(iso2, f.attr("name"), lang).into_owned())
}

/// Renders the incidents. Every incident needs valid coordinates (an incident without them is
/// an error naming its id), and an empty set is an error, not an empty map.
pub fn render_map(incidents: &[Incident], options: &MapOptions) -> Result<RenderedMap> {
    if let Some(bad) = incidents.iter().find(|i| i.place.lon_lat().is_none()) {
        let show = |v: Option<f64>| v.map_or("none".to_string(), |v| v.to_string());
        return Err(Error::InvalidIncident {
            id: bad.id.clone(),
            message: format!(
                "expected lon in -180..180 and lat in -90..90 to draw it, got lon {}, lat {} (geocode it first)",
                show(bad.place.lon),
                show(bad.place.lat)
            ),
        });
    }
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
    let unit = page.unit;
    let theme = &options.theme;
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
    let frames = facet_frames(page.frame, periods.len(), unit);
    let all_references = reference_places(&all);
    let scale_down = frames[0].w / page.frame.w;
    let viewport = fit_viewport(
        &all,
        &all_references,
        frames[0],
        page.max_radius_px * scale_down,
        unit,
        options,
    )?;

    // Large sets become groups (by place, or hexagons) so that the map stays legible.
    let mut groups: Vec<Option<Vec<Incident>>> = Vec::new();
    for (_, members) in &periods {
        groups.push(aggregate(
            members,
            options.aggregate,
            &options.size_by,
            &viewport,
            unit,
        ));
    }
    let aggregated = groups.iter().any(Option::is_some);
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
    let scale = size_scale(&shown, &sized, &page, frames[0], unit);

    let mut doc = SvgDoc::new();
    doc.rect(
        0.0,
        0.0,
        page.width_px,
        page.height_px,
        &format!("fill=\"{}\"", theme.page),
    );
    let title = options.title.clone().unwrap_or_else(|| {
        default_title(
            &all,
            focus
                .as_deref()
                .and_then(|iso2| country_name(iso2, options.lang))
                .as_deref(),
            options.lang,
            of_total,
        )
    });
    draw_header(&mut doc, &page, &title, &all, options, theme);

    let mut symbols = Vec::new();
    let mut labels = Vec::new();
    let mut unlabelled = Vec::new();
    let (mut has_references, mut has_towns) = (false, false);
    for (k, frame) in frames.iter().enumerate() {
        let panel_viewport = viewport.moved_to((frame.x + frame.w / 2.0, frame.y + frame.h / 2.0));
        let references = reference_places(&shown[k]);
        let show_dates = shown[k]
            .iter()
            .map(|i| date_caption(&i.date, options.lang))
            .collect::<BTreeSet<_>>()
            .len()
            > 1;
        let input = FrameInput {
            frame: *frame,
            viewport: &panel_viewport,
            located: &shown[k],
            sized: &sized[k],
            scale: &scale,
            references: &references,
            focus: focus.as_deref(),
            show_dates,
        };
        let output = if periods.len() == 1 {
            draw_frame(&mut doc, &page, options, &input)
        } else {
            // Each panel's layers get ids of their own (`p1-symbols` …) and a heading.
            let mut panel = SvgDoc::new();
            let heading = TextLine {
                text: periods[k].0.clone(),
                size_px: page.panel_heading_size_px,
                bold: true,
                fill: theme.text.to_string(),
            };
            panel.text(frame.x, frame.y - 6.0 * unit, &heading, "start", "");
            let output = draw_frame(&mut panel, &page, options, &input);
            let prefix = format!("p{}-", k + 1);
            doc.open_group(&format!("panel-{}", k + 1), "");
            doc.raw(
                &panel
                    .into_body()
                    .replace("id=\"", &format!("id=\"{prefix}"))
                    .replace("url(#", &format!("url(#{prefix}"))
                    .replace("href=\"#", &format!("href=\"#{prefix}")),
            );
            doc.close_group();
            output
        };
        symbols.extend(output.symbols);
        labels.extend(output.labels);
        unlabelled.extend(output.unlabelled);
        has_references |= output.has_references;
        has_towns |= output.has_towns;
    }

    let content = PanelContent {
        event_types: shown
            .iter()
            .flatten()
            .map(|i| i.event_type)
            .collect::<BTreeSet<Option<EventType>>>(),
        has_references,
        aggregated,
        has_towns,
        zero_measure: sized
            .iter()
            .flatten()
            .flatten()
            .find(|f| f.best == Some(0))
            .map(|f| f.measure.clone()),
    };
    let panel_end = draw_panel(
        &mut doc, &page, &scale, &viewport, options, &symbols, &content,
    );
    let inset_h = page.panel.w * 0.72;
    if page.panel.bottom() - inset_h - 16.0 * unit >= panel_end {
        let rect = Rect {
            x: page.panel.x,
            y: page.panel.bottom() - inset_h,
            w: page.panel.w,
            h: inset_h,
        };
        let main = viewport.moved_to((
            frames[0].x + frames[0].w / 2.0,
            frames[0].y + frames[0].h / 2.0,
        ));
        draw_inset(
            &mut doc,
            rect,
            &main,
            frames[0],
            focus.as_deref(),
            theme,
            unit,
        );
    }
    draw_credits(&mut doc, &page, &all, theme, options.lang);
    // Largest first across every panel (a stable sort keeps each panel's order on ties).
    unlabelled.sort_by_key(|u: &Unlabelled| std::cmp::Reverse(u.value));

    Ok(RenderedMap {
        svg: doc.finish(page.width_px, page.height_px, &title, super::font::FAMILY),
        symbols,
        labels,
        frames,
        scale,
        unlabelled,
        aggregated,
    })
}

/// Places the reports mention for context, resolved, and not an incident's own place.
pub(super) fn reference_places<'a>(located: &[&'a Incident]) -> Vec<&'a Place> {
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
