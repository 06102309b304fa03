//! Stage 3, render: composes the map page as SVG — header, basemap, proportional symbols,
//! collision-free labels (incidents first, then context places, towns and area names), the
//! side panel and the credits — in named layer groups (`<g id="symbols">` …).

use std::collections::{BTreeMap, BTreeSet};

use crate::error::{Error, Result};
use crate::gazetteer::fold;
use crate::model::{EventType, Figure, Incident, Measure, Place};

use super::aggregate::{aggregate, HEX_RADIUS_PX};
use super::background::{draw_basemap, AreaKind, BasemapNames};
use super::basemap::{layer, LayerName};
use super::captions::{date_caption, default_title, draw_credits, draw_header};
use super::font::{text_width_px, Weight};
use super::inset::draw_inset;
use super::labels::{place_labels, Circle, LabelRequest, Rect};
use super::layout::PageLayout;
use super::panel::{draw_panel, PanelContent};
use super::projection::Viewport;
use super::rivers::{draw_river_names, place_river_names};
use super::svg::{num, SvgDoc, TextLine};
use super::symbols::SizeScale;
use super::theme::{Lang, Word};
use super::{MapOptions, SizeBy};

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
}

/// A rendered map and what was placed on it.
#[derive(Debug, Clone)]
pub struct RenderedMap {
    pub svg: String,
    pub symbols: Vec<SymbolInfo>,
    /// Every label box drawn (incidents, context places, towns, area names).
    pub labels: Vec<Rect>,
    pub scale: SizeScale,
    /// Ids of incidents whose label found no free position.
    pub unlabelled: Vec<String>,
}

/// Marker half-size for incidents without a figure, at unit scale.
const MARKER_PX: f64 = 7.0;
/// The share of the map frame all circles together may cover at most.
const SYMBOL_AREA_SHARE: f64 = 0.06;
/// At most this many incidents (the largest) get a label.
const MAX_INCIDENT_LABELS: usize = 150;
/// At most this many reference towns are named.
const MAX_TOWNS: usize = 10;

/// The figure that sizes an incident's symbol under `size_by`.
pub fn size_figure<'a>(incident: &'a Incident, size_by: &SizeBy) -> Option<&'a Figure> {
    if group_size(incident).is_some() {
        // A group made by aggregation carries exactly one figure: the sum.
        return incident.figures.first();
    }
    match size_by {
        SizeBy::Largest => incident.largest_figure(),
        SizeBy::Measure(measure) => incident.figure(measure).filter(|f| f.best.unwrap_or(0) > 0),
    }
}

/// How many incidents a group made by aggregation stands for (`None` for a plain incident).
pub fn group_size(incident: &Incident) -> Option<&str> {
    incident
        .tags
        .iter()
        .find_map(|t| t.strip_prefix("aggregate:"))
}

/// The country most incidents are in, the map's focus (`None` when no country has most).
fn focus_country(incidents: &[&Incident]) -> Option<String> {
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

fn country_name(iso2: &str) -> Option<String> {
    layer(LayerName::Countries)
        .iter()
        .find(|f| f.attr("iso_a2") == iso2)
        .map(|f| f.attr("name").to_string())
}

/// A text block to place: its lines and what it labels.
struct Block {
    lines: Vec<TextLine>,
    kind: BlockKind,
}

enum BlockKind {
    Incident(usize),
    Reference,
    Town(usize),
    Area(AreaKind),
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
    let mut located: Vec<&Incident> = match &with_fields {
        Some(adapted) => adapted.iter().collect(),
        None => incidents.iter().collect(),
    };
    if located.is_empty() {
        return Err(Error::NoIncidents("the incident set is empty".into()));
    }
    located.sort_by(|a, b| {
        a.date
            .start
            .cmp(&b.date.start)
            .then_with(|| a.id.cmp(&b.id))
    });
    let page = PageLayout::new(options.width_px, options.height_px);
    let unit = page.unit;
    let theme = &options.theme;

    let references = reference_places(&located);
    let focus = focus_country(&located);
    let viewport = fit_viewport(&located, &references, &page, options)?;
    // Large sets become groups (by place, or hexagons) so that the map stays legible.
    let groups = aggregate(
        &located,
        options.aggregate,
        &options.size_by,
        &viewport,
        unit,
    );
    let aggregated = groups.is_some();
    let all = located.clone();
    let located: Vec<&Incident> = match &groups {
        Some(groups) => groups.iter().collect(),
        None => located,
    };

    let sized: Vec<Option<&Figure>> = located
        .iter()
        .map(|i| size_figure(i, &options.size_by))
        .collect();
    let max_value = sized
        .iter()
        .flatten()
        .map(|f| f.high.unwrap_or(0).max(f.best.unwrap_or(0)) as f64)
        .fold(0.0, f64::max);
    // Hexagon groups keep their circles inside their cells.
    let hexagons = located.iter().any(|i| i.id.starts_with("hexgroup:"));
    let max_radius = if hexagons {
        page.max_radius_px.min(HEX_RADIUS_PX * unit)
    } else {
        // Crowded maps get smaller circles: all of them together cover at most
        // SYMBOL_AREA_SHARE of the frame, so that places and labels stay visible.
        let relative_area: f64 = sized
            .iter()
            .flatten()
            .map(|f| f.best.unwrap_or(0) as f64 / max_value.max(1.0))
            .sum();
        let area_cap = SYMBOL_AREA_SHARE * page.frame.w * page.frame.h
            / (std::f64::consts::PI * relative_area.max(1.0));
        page.max_radius_px.min(area_cap.sqrt()).max(6.0 * unit)
    };
    let scale = SizeScale::new(max_value, max_radius);
    let f = page.frame;
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
            focus.as_deref().and_then(country_name).as_deref(),
            options.lang,
        )
    });
    draw_header(&mut doc, &page, &title, &all, options, theme);
    // The basemap is clipped geometrically to the frame (cheaper to render than a clip path,
    // and the SVG holds only what shows).
    doc.open_group("basemap", "");
    let names = draw_basemap(&mut doc, &viewport, f, focus.as_deref(), theme, unit);
    doc.close_group();

    // Symbols, largest first so that small ones stay on top and visible.
    let radius = |i: usize| sized[i].map_or(0.0, |f| scale.radius_px(f.best.unwrap_or(0) as f64));
    let mut order: Vec<usize> = (0..located.len()).collect();
    order.sort_by(|&a, &b| radius(b).total_cmp(&radius(a)).then(a.cmp(&b)));
    let mut symbols: Vec<SymbolInfo> = Vec::new();
    let mut symbol_incident: Vec<usize> = Vec::new();
    for &i in &order {
        let Some((x, y)) = located[i]
            .place
            .lon_lat()
            .and_then(|(lon, lat)| viewport.to_px(lon, lat))
        else {
            continue;
        };
        let r = radius(i);
        let ring = sized[i]
            .filter(|f| f.is_disputed())
            .map(|f| scale.radius_px(f.high.unwrap_or(0) as f64))
            .filter(|ring| *ring > r + 1.0);
        symbols.push(SymbolInfo {
            incident_id: located[i].id.clone(),
            x_px: x,
            y_px: y,
            r_px: r,
            value: sized[i].and_then(|f| f.best),
            ring_r_px: ring,
            label: None,
        });
        symbol_incident.push(i);
    }
    let reference_px: Vec<(&Place, (f64, f64))> = references
        .iter()
        .filter_map(|p| {
            p.lon_lat()
                .and_then(|(lon, lat)| viewport.to_px(lon, lat))
                .map(|xy| (*p, xy))
        })
        .filter(|(_, (x, y))| f.distance_to(*x, *y) == 0.0)
        .collect();
    let towns = thin_towns(&names, &located, &references, &symbols, unit);

    doc.open_group("reference-places", "");
    for (_, (x, y)) in &reference_px {
        doc.circle(
            *x,
            *y,
            4.5 * unit,
            &format!(
                "fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\"",
                theme.page,
                theme.text_muted,
                num(1.6 * unit)
            ),
        );
    }
    doc.close_group();
    draw_symbols(
        &mut doc,
        &symbols,
        &symbol_incident,
        &located,
        options,
        unit,
    );

    // Everything a label must not cover.
    let marker_r = MARKER_PX * unit * 1.3;
    let mut obstacles: Vec<Circle> = symbols
        .iter()
        .map(|s| Circle {
            x: s.x_px,
            y: s.y_px,
            r: s.ring_r_px.unwrap_or(s.r_px).max(marker_r),
        })
        .collect();
    obstacles.extend(reference_px.iter().map(|(_, (x, y))| Circle {
        x: *x,
        y: *y,
        r: 4.5 * unit,
    }));
    obstacles.extend(towns.iter().map(|t| Circle {
        x: t.1 .0,
        y: t.1 .1,
        r: 3.5 * unit,
    }));

    let show_dates = located
        .iter()
        .map(|i| date_caption(&i.date, options.lang))
        .collect::<BTreeSet<_>>()
        .len()
        > 1;
    let mut blocks: Vec<Block> = Vec::new();
    let mut requests: Vec<LabelRequest> = Vec::new();
    let mut push = |block: Block, anchor: Circle, centered: bool, extra_w: f64| {
        let (w, h) = block_size(&block.lines);
        requests.push(LabelRequest {
            anchor,
            w: w + extra_w,
            h,
            centered,
        });
        blocks.push(block);
    };
    // The largest symbols get labels; on crowded maps the rest stay unlabelled by design.
    for (k, &i) in symbol_incident.iter().enumerate().take(MAX_INCIDENT_LABELS) {
        let lines = incident_label(located[i], sized[i], options, show_dates, &page);
        push(
            Block {
                lines,
                kind: BlockKind::Incident(k),
            },
            obstacles[k],
            false,
            0.0,
        );
    }
    for (k, (place, _)) in reference_px.iter().enumerate() {
        let lines = vec![TextLine {
            text: place.display_name().to_string(),
            size_px: page.label_figure_size_px,
            bold: false,
            fill: theme.text_muted.to_string(),
        }];
        push(
            Block {
                lines,
                kind: BlockKind::Reference,
            },
            obstacles[symbols.len() + k],
            false,
            0.0,
        );
    }
    for (k, (name, _)) in towns.iter().enumerate() {
        let lines = vec![TextLine {
            text: name.clone(),
            size_px: 14.5 * unit,
            bold: false,
            fill: theme.town.to_string(),
        }];
        push(
            Block {
                lines,
                kind: BlockKind::Town(k),
            },
            obstacles[symbols.len() + reference_px.len() + k],
            false,
            0.0,
        );
    }
    for area in &names.areas {
        let (size, spacing) = area_style(area.kind, unit);
        let line = TextLine {
            text: area.text.clone(),
            size_px: size,
            bold: area.kind == AreaKind::FocusCountry,
            fill: theme.area_label.to_string(),
        };
        let extra = spacing * area.text.chars().count().saturating_sub(1) as f64;
        push(
            Block {
                lines: vec![line],
                kind: BlockKind::Area(area.kind),
            },
            Circle {
                x: area.x_px,
                y: area.y_px,
                r: 0.0,
            },
            true,
            extra,
        );
    }
    let inner = Rect {
        x: f.x + 4.0,
        y: f.y + 4.0,
        w: f.w - 8.0,
        h: f.h - 8.0,
    };
    let placed = place_labels(&requests, &obstacles, &[], inner);

    let mut unlabelled = Vec::new();
    let mut labels = Vec::new();
    let mut placed_towns = Vec::new();
    doc.open_group("labels", "");
    for ((spot, block), request) in placed.iter().zip(&blocks).zip(&requests) {
        let Some(spot) = spot else {
            if let BlockKind::Incident(k) = block.kind {
                unlabelled.push(symbols[k].incident_id.clone());
            }
            continue;
        };
        labels.push(spot.rect);
        match block.kind {
            BlockKind::Incident(k) => symbols[k].label = Some(spot.rect),
            BlockKind::Town(k) => placed_towns.push(k),
            _ => {}
        }
        if let Some((a, b)) = spot.leader {
            doc.line(
                a,
                b,
                &format!(
                    "stroke=\"{}\" stroke-width=\"{}\"",
                    theme.text_muted,
                    num(1.2 * unit)
                ),
            );
        }
        match block.kind {
            BlockKind::Area(kind) => {
                let (_, spacing) = area_style(kind, unit);
                let line = &block.lines[0];
                let baseline = spot.rect.y + spot.rect.h * 0.5 + line.size_px * 0.36;
                doc.text(
                    spot.rect.x + spot.rect.w / 2.0,
                    baseline,
                    line,
                    "middle",
                    &format!("letter-spacing=\"{}\"", num(spacing)),
                );
                debug_assert!(request.centered);
            }
            _ => draw_block(
                &mut doc,
                spot.rect,
                &block.lines,
                theme.halo,
                unit,
                request.anchor.x,
            ),
        }
    }
    doc.close_group();
    let river_size = 14.0 * unit;
    let rivers = place_river_names(&viewport, f, options.lang, river_size, &labels, &obstacles);
    draw_river_names(&mut doc, &rivers, theme, river_size);
    labels.extend(rivers.iter().map(|r| r.bbox));
    doc.open_group("towns", "");
    for k in placed_towns {
        let (x, y) = towns[k].1;
        doc.rect(
            x - 3.0 * unit,
            y - 3.0 * unit,
            6.0 * unit,
            6.0 * unit,
            &format!("fill=\"{}\"", theme.town),
        );
    }
    doc.close_group();
    doc.rect(
        f.x,
        f.y,
        f.w,
        f.h,
        &format!(
            "fill=\"none\" stroke=\"{}\" stroke-width=\"1\"",
            theme.frame
        ),
    );

    let content = PanelContent {
        event_types: located
            .iter()
            .map(|i| i.event_type)
            .collect::<BTreeSet<Option<EventType>>>(),
        has_references: !reference_px.is_empty(),
        aggregated,
        has_towns: labels.len() > symbols.len() + reference_px.len(),
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
        draw_inset(&mut doc, rect, &viewport, f, focus.as_deref(), theme, unit);
    }
    draw_credits(&mut doc, &page, &all, theme, options.lang);

    Ok(RenderedMap {
        svg: doc.finish(page.width_px, page.height_px, &title, super::font::FAMILY),
        symbols,
        labels,
        scale,
        unlabelled,
    })
}

/// With `--size-by FIELD` where FIELD is no measure any incident has a figure for, but a
/// numeric property in `extra` (columns of other people's tables): copies of the incidents
/// with that value as a figure. `None` when nothing needs adapting.
fn sizing_from_extra(incidents: &[Incident], size_by: &SizeBy) -> Option<Vec<Incident>> {
    let SizeBy::Measure(measure @ Measure::Other(field)) = size_by else { return None };
    let value = |i: &Incident| i.extra.get(field.as_str()).and_then(|v| v.as_f64().or_else(|| v.as_str()?.trim().parse().ok()));
    if !incidents.iter().any(|i| i.figure(measure).is_none() && value(i).is_some()) {
        return None;
    }
    Some(
        incidents
            .iter()
            .map(|i| {
                let mut copy = i.clone();
                if copy.figure(measure).is_none() {
                    if let Some(v) = value(i).filter(|v| v.is_finite() && *v > 0.0) {
                        copy.figures.push(Figure::from_value(measure.clone(), v.round() as u64));
                    }
                }
                copy
            })
            .collect(),
    )
}

/// The label's first line: the place as reported, or the property `--label FIELD` names
/// (`title`, `id`, or a column kept in `extra`).
fn label_text(incident: &Incident, field: Option<&str>) -> String {
    let from_field = field.and_then(|f| match f {
        "title" => Some(incident.title.clone()),
        "id" => Some(incident.id.clone()),
        "place" => None,
        other => incident.extra.get(other).map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string)),
    });
    from_field.filter(|t| !t.trim().is_empty()).unwrap_or_else(|| incident.place.display_name().to_string())
}

/// Places the reports mention for context, resolved, and not an incident's own place.
fn reference_places<'a>(located: &[&'a Incident]) -> Vec<&'a Place> {
    let mut out: Vec<&Place> = Vec::new();
    let mut seen = BTreeSet::new();
    let incident_places: BTreeSet<&str> = located
        .iter()
        .filter_map(|i| i.place.gazetteer_id.as_deref())
        .collect();
    for incident in located {
        for mention in &incident.mentions {
            let key = mention
                .gazetteer_id
                .clone()
                .unwrap_or_else(|| mention.name.clone());
            let at_incident = mention
                .gazetteer_id
                .as_deref()
                .is_some_and(|id| incident_places.contains(id));
            if mention.lon_lat().is_some() && !at_incident && seen.insert(key) {
                out.push(mention);
            }
        }
    }
    out
}

fn fit_viewport(
    located: &[&Incident],
    references: &[&Place],
    page: &PageLayout,
    options: &MapOptions,
) -> Result<Viewport> {
    let f = page.frame;
    let fitted = match options.bbox {
        Some([lon_min, lat_min, lon_max, lat_max]) => {
            let corners = [
                (lon_min, lat_min),
                (lon_max, lat_max),
                (lon_min, lat_max),
                (lon_max, lat_min),
                ((lon_min + lon_max) / 2.0, lat_min),
                ((lon_min + lon_max) / 2.0, lat_max),
            ];
            Viewport::fit_with(options.projection, &corners, (f.x, f.y, f.w, f.h), 0.0, 1.0)
        }
        None => {
            let mut points: Vec<(f64, f64)> =
                located.iter().filter_map(|i| i.place.lon_lat()).collect();
            points.extend(references.iter().filter_map(|p| p.lon_lat()));
            let inset = page.max_radius_px + 12.0 * page.unit;
            Viewport::fit_with(
                options.projection,
                &points,
                (
                    f.x + inset,
                    f.y + inset,
                    f.w - 2.0 * inset,
                    f.h - 2.0 * inset,
                ),
                0.12,
                220.0,
            )
        }
    };
    fitted.ok_or_else(|| Error::Render("cannot fit the incidents into the map frame".into()))
}

/// Reference towns worth naming: the most populous in view, none at an incident or context
/// place, none crowding a symbol or each other.
fn thin_towns(
    names: &BasemapNames,
    located: &[&Incident],
    references: &[&Place],
    symbols: &[SymbolInfo],
    unit: f64,
) -> Vec<(String, (f64, f64))> {
    let taken: BTreeSet<String> = located
        .iter()
        .map(|i| &i.place)
        .chain(references.iter().copied())
        .flat_map(|p| {
            [
                Some(fold(&p.name)),
                p.canonical_name.as_deref().map(fold),
                p.gazetteer_id
                    .as_deref()
                    .map(|id| id.trim_start_matches("geonames:").to_string()),
            ]
        })
        .flatten()
        .collect();
    let mut kept: Vec<(String, (f64, f64))> = Vec::new();
    for town in &names.towns {
        if kept.len() >= MAX_TOWNS {
            break;
        }
        if taken.contains(&fold(&town.name)) || taken.contains(&town.geonameid) {
            continue;
        }
        let (x, y) = (town.x_px, town.y_px);
        let near_symbol = symbols
            .iter()
            .any(|s| (s.x_px - x).hypot(s.y_px - y) < s.ring_r_px.unwrap_or(s.r_px) + 40.0 * unit);
        let near_town = kept
            .iter()
            .any(|(_, (kx, ky))| (kx - x).hypot(ky - y) < 90.0 * unit);
        if !near_symbol && !near_town {
            kept.push((town.name.clone(), (x, y)));
        }
    }
    kept
}

fn area_style(kind: AreaKind, unit: f64) -> (f64, f64) {
    match kind {
        AreaKind::FocusCountry => (22.0 * unit, 6.0 * unit),
        AreaKind::Country => (18.0 * unit, 4.0 * unit),
        AreaKind::Admin1 => (13.0 * unit, 1.0 * unit),
    }
}

fn draw_symbols(
    doc: &mut SvgDoc,
    symbols: &[SymbolInfo],
    symbol_incident: &[usize],
    located: &[&Incident],
    options: &MapOptions,
    unit: f64,
) {
    let theme = &options.theme;
    doc.open_group("symbols", "");
    for (sym, &i) in symbols.iter().zip(symbol_incident) {
        let colour = theme.event_colour(located[i].event_type);
        let stroke_w = num(2.0 * unit);
        if let Some(ring) = sym.ring_r_px {
            doc.circle(sym.x_px, sym.y_px, ring, &format!("fill=\"none\" stroke=\"{colour}\" stroke-width=\"{stroke_w}\" stroke-dasharray=\"{} {}\"", num(6.0 * unit), num(4.0 * unit)));
        }
        if sym.r_px > 0.0 {
            doc.circle(sym.x_px, sym.y_px, sym.r_px, &format!("fill=\"{colour}\" fill-opacity=\"{}\" stroke=\"{colour}\" stroke-width=\"{stroke_w}\"", theme.symbol_opacity));
        } else {
            let m = MARKER_PX * unit;
            let (x, y) = (sym.x_px, sym.y_px);
            doc.raw(&format!(
                "<path d=\"M{},{}L{},{}L{},{}L{},{}Z\" fill=\"{colour}\" stroke=\"{}\" stroke-width=\"{}\"/>",
                num(x), num(y - m * 1.3), num(x + m), num(y), num(x), num(y + m * 1.3), num(x - m), num(y), theme.halo, num(1.5 * unit)
            ));
        }
    }
    doc.close_group();
}

/// Width and height of a block of text lines (with a small padding).
pub(super) fn block_size(lines: &[TextLine]) -> (f64, f64) {
    let w = lines
        .iter()
        .map(|l| {
            text_width_px(
                &l.text,
                l.size_px,
                if l.bold {
                    Weight::Bold
                } else {
                    Weight::Regular
                },
            )
        })
        .fold(0.0, f64::max);
    let h: f64 = lines.iter().map(|l| l.size_px * 1.22).sum();
    (w + 4.0, h + 2.0)
}

/// Draws a text block in its box, left-aligned, with a halo for legibility over the basemap.
/// Text aligns towards its symbol: right-aligned when the label sits left of it.
fn draw_block(
    doc: &mut SvgDoc,
    rect: Rect,
    lines: &[TextLine],
    halo: &str,
    unit: f64,
    anchor_x: f64,
) {
    let right_aligned = rect.right() <= anchor_x;
    let (x, anchor) = if right_aligned {
        (rect.right() - 2.0, "end")
    } else {
        (rect.x + 2.0, "start")
    };
    let mut y = rect.y + 1.0;
    for line in lines {
        let (ascent, _) = super::font::ascent_descent_px(line.size_px, Weight::Regular);
        let baseline = y + ascent * 0.98 + line.size_px * 0.03;
        let attrs = format!("stroke=\"{halo}\" stroke-width=\"{}\" stroke-linejoin=\"round\" paint-order=\"stroke\"", num(3.5 * unit));
        doc.text(x, baseline, line, anchor, &attrs);
        y += line.size_px * 1.22;
    }
}

fn incident_label(
    incident: &Incident,
    figure: Option<&Figure>,
    options: &MapOptions,
    show_dates: bool,
    page: &PageLayout,
) -> Vec<TextLine> {
    let theme = &options.theme;
    let mut lines = vec![TextLine {
        text: label_text(incident, options.label_field.as_deref()),
        size_px: page.label_name_size_px,
        bold: true,
        fill: theme.text.to_string(),
    }];
    let members = group_size(incident);
    let what = match (
        members,
        figure.and_then(|f| f.range_label().map(|label| (label, f))),
    ) {
        (Some(n), Some((label, f))) => format!(
            "{n} {} · {label} {}",
            options.lang.word(Word::IncidentsShort),
            options.lang.measure(&f.measure)
        ),
        (Some(n), None) => format!("{n} {}", options.lang.word(Word::IncidentsShort)),
        (None, Some((label, f))) => format!("{label} {}", options.lang.measure(&f.measure)),
        (None, None) => match (
            &options.size_by,
            incident.sub_event_type,
            incident.event_type,
        ) {
            (SizeBy::Measure(m), _, _) => match options.lang {
                Lang::En => format!("no {m} figure"),
                Lang::Nl => format!("geen aantal {}", Lang::Nl.measure(m)),
            },
            (_, Some(sub), _) => sub.as_str().to_lowercase(),
            (_, None, Some(t)) => t.as_str().to_lowercase(),
            _ => "no figure reported".to_string(),
        },
    };
    let text = if show_dates && members.is_none() {
        format!("{what} · {}", date_caption(&incident.date, options.lang))
    } else {
        what
    };
    lines.push(TextLine {
        text,
        size_px: page.label_figure_size_px,
        bold: false,
        fill: theme.text_muted.to_string(),
    });
    lines
}
