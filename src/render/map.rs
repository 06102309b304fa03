//! Stage 3, render: composes the map page as SVG — header, basemap layers, proportional
//! symbols, collision-free labels, the side panel (size and colour legends, scale bar) and the
//! credits — in named layer groups (`<g id="symbols">` …).

use std::collections::BTreeSet;

use crate::error::{Error, Result};
use crate::model::{DatePrecision, DateSpan, EventType, Figure, Incident, Place};

use super::font::{text_width_px, Weight};
use super::labels::{place_labels, Circle, LabelRequest, Rect};
use super::layout::PageLayout;
use super::panel::draw_panel;
use super::projection::Viewport;
use super::svg::{SvgDoc, TextLine};
use super::symbols::{event_colour, SizeScale};
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
    /// Labels of reference places (mentions) that were placed.
    pub reference_labels: Vec<Rect>,
    pub scale: SizeScale,
    /// Ids of incidents whose label found no free position.
    pub unlabelled: Vec<String>,
}

/// Marker half-size for incidents without a figure, relative to the page unit.
const MARKER_PX: f64 = 7.0;

/// The figure that sizes an incident's symbol under `size_by`.
pub fn size_figure<'a>(incident: &'a Incident, size_by: &SizeBy) -> Option<&'a Figure> {
    match size_by {
        SizeBy::Largest => incident.largest_figure(),
        SizeBy::Measure(measure) => incident.figure(measure).filter(|f| f.best.unwrap_or(0) > 0),
    }
}

/// Renders the incidents that have valid coordinates; an empty set is an error.
pub fn render_map(incidents: &[Incident], options: &MapOptions) -> Result<RenderedMap> {
    let mut located: Vec<&Incident> = incidents
        .iter()
        .filter(|i| i.place.lon_lat().is_some())
        .collect();
    if located.is_empty() {
        return Err(Error::NoIncidents(
            "none of the incidents has valid coordinates (see the geocoding report)".into(),
        ));
    }
    located.sort_by(|a, b| {
        a.date
            .start
            .cmp(&b.date.start)
            .then_with(|| a.id.cmp(&b.id))
    });
    let page = PageLayout::new(options.width_px, options.height_px);
    let unit = page.unit;

    // Symbol sizes: the scale's maximum covers the highest claims too, so rings fit.
    let sized: Vec<Option<&Figure>> = located
        .iter()
        .map(|i| size_figure(i, &options.size_by))
        .collect();
    let max_value = sized
        .iter()
        .flatten()
        .map(|f| f.high.unwrap_or(0).max(f.best.unwrap_or(0)) as f64)
        .fold(0.0, f64::max);
    let scale = SizeScale::new(max_value, page.max_radius_px);

    // Reference places: mentions that resolved, not at an incident's own place.
    let mut references: Vec<&Place> = Vec::new();
    let mut seen = BTreeSet::new();
    for incident in &located {
        for mention in &incident.mentions {
            let key = mention
                .gazetteer_id
                .clone()
                .unwrap_or_else(|| mention.name.clone());
            let at_incident = located.iter().any(|i| {
                i.place.gazetteer_id.is_some() && i.place.gazetteer_id == mention.gazetteer_id
            });
            if mention.lon_lat().is_some() && !at_incident && seen.insert(key) {
                references.push(mention);
            }
        }
    }

    let mut points: Vec<(f64, f64)> = located.iter().filter_map(|i| i.place.lon_lat()).collect();
    points.extend(references.iter().filter_map(|p| p.lon_lat()));
    let inset = page.max_radius_px + 12.0 * unit;
    let fit_rect = (
        page.frame.x + inset,
        page.frame.y + inset,
        page.frame.w - 2.0 * inset,
        page.frame.h - 2.0 * inset,
    );
    let viewport = Viewport::fit(&points, fit_rect, 0.12, 220.0)
        .ok_or_else(|| Error::Render("cannot fit the incidents into the map frame".into()))?;

    let mut doc = SvgDoc::new();
    doc.rect(0.0, 0.0, page.width_px, page.height_px, "fill=\"#ffffff\"");
    draw_header(&mut doc, &page, &located, options);
    let f = page.frame;
    doc.raw(&format!(
        "<defs><clipPath id=\"map-clip\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath></defs>",
        super::svg::num(f.x),
        super::svg::num(f.y),
        super::svg::num(f.w),
        super::svg::num(f.h)
    ));
    doc.open_group("basemap", "clip-path=\"url(#map-clip)\"");
    doc.rect(f.x, f.y, f.w, f.h, "fill=\"#f4f1ea\"");
    draw_graticule(&mut doc, &viewport, f);
    doc.close_group();

    // Symbols, largest first so that small ones stay on top and visible.
    let mut symbols: Vec<SymbolInfo> = Vec::new();
    let mut order: Vec<usize> = (0..located.len()).collect();
    let radius = |i: usize| sized[i].map_or(0.0, |f| scale.radius_px(f.best.unwrap_or(0) as f64));
    order.sort_by(|&a, &b| radius(b).total_cmp(&radius(a)).then(a.cmp(&b)));
    for &i in &order {
        let incident = located[i];
        let Some((lon, lat)) = incident.place.lon_lat() else {
            continue;
        };
        let Some((x, y)) = viewport.to_px(lon, lat) else {
            continue;
        };
        let figure = sized[i];
        let r = radius(i);
        let ring = figure
            .filter(|f| f.is_disputed())
            .map(|f| scale.radius_px(f.high.unwrap_or(0) as f64))
            .filter(|ring| *ring > r + 1.0);
        symbols.push(SymbolInfo {
            incident_id: incident.id.clone(),
            x_px: x,
            y_px: y,
            r_px: r,
            value: figure.and_then(|f| f.best),
            ring_r_px: ring,
            label: None,
        });
    }

    let reference_px: Vec<(&Place, (f64, f64))> = references
        .iter()
        .filter_map(|p| {
            p.lon_lat()
                .and_then(|(lon, lat)| viewport.to_px(lon, lat))
                .map(|xy| (*p, xy))
        })
        .collect();
    doc.open_group("reference-places", "");
    for (_, (x, y)) in &reference_px {
        doc.circle(
            *x,
            *y,
            4.5 * unit,
            &format!(
                "fill=\"#ffffff\" stroke=\"#555555\" stroke-width=\"{}\"",
                super::svg::num(1.6 * unit)
            ),
        );
    }
    doc.close_group();

    doc.open_group("symbols", "");
    for (sym, &i) in symbols.iter().zip(&order) {
        let colour = event_colour(located[i].event_type);
        let stroke_w = super::svg::num(2.0 * unit);
        if let Some(ring) = sym.ring_r_px {
            doc.circle(sym.x_px, sym.y_px, ring, &format!("fill=\"none\" stroke=\"{colour}\" stroke-width=\"{stroke_w}\" stroke-dasharray=\"{} {}\"", super::svg::num(6.0 * unit), super::svg::num(4.0 * unit)));
        }
        if sym.r_px > 0.0 {
            doc.circle(sym.x_px, sym.y_px, sym.r_px, &format!("fill=\"{colour}\" fill-opacity=\"0.45\" stroke=\"{colour}\" stroke-width=\"{stroke_w}\""));
        } else {
            let m = MARKER_PX * unit;
            doc.raw(&format!(
                "<path d=\"M{},{}L{},{}L{},{}L{},{}Z\" fill=\"{colour}\" stroke=\"#ffffff\" stroke-width=\"{}\"/>",
                super::svg::num(sym.x_px), super::svg::num(sym.y_px - m * 1.3),
                super::svg::num(sym.x_px + m), super::svg::num(sym.y_px),
                super::svg::num(sym.x_px), super::svg::num(sym.y_px + m * 1.3),
                super::svg::num(sym.x_px - m), super::svg::num(sym.y_px),
                super::svg::num(1.5 * unit)
            ));
        }
    }
    doc.close_group();

    // Labels: incidents by symbol size, then reference places.
    let show_dates = located
        .iter()
        .map(|i| date_caption(&i.date))
        .collect::<BTreeSet<_>>()
        .len()
        > 1;
    let obstacles_circles: Vec<Circle> = symbols
        .iter()
        .map(|s| Circle {
            x: s.x_px,
            y: s.y_px,
            r: s.ring_r_px.unwrap_or(s.r_px).max(MARKER_PX * unit * 1.3),
        })
        .chain(reference_px.iter().map(|(_, (x, y))| Circle {
            x: *x,
            y: *y,
            r: 4.5 * unit,
        }))
        .collect();
    let mut blocks: Vec<Vec<TextLine>> = Vec::new();
    let mut requests: Vec<LabelRequest> = Vec::new();
    for (k, (sym, &i)) in symbols.iter().zip(&order).enumerate() {
        let lines = incident_label(located[i], sized[i], &options.size_by, show_dates, &page);
        let (w, h) = block_size(&lines);
        requests.push(LabelRequest {
            anchor: obstacles_circles[k],
            w,
            h,
        });
        blocks.push(lines);
        debug_assert_eq!(sym.x_px, obstacles_circles[k].x);
    }
    for (k, (place, _)) in reference_px.iter().enumerate() {
        let lines = vec![TextLine {
            text: place.display_name().to_string(),
            size_px: page.label_figure_size_px,
            bold: false,
            fill: "#444444".into(),
        }];
        let (w, h) = block_size(&lines);
        requests.push(LabelRequest {
            anchor: obstacles_circles[symbols.len() + k],
            w,
            h,
        });
        blocks.push(lines);
    }
    let frame_inner = Rect {
        x: f.x + 4.0,
        y: f.y + 4.0,
        w: f.w - 8.0,
        h: f.h - 8.0,
    };
    let placed = place_labels(&requests, &obstacles_circles, &[], frame_inner);

    doc.open_group("labels", "");
    let mut unlabelled = Vec::new();
    let mut reference_labels = Vec::new();
    for (k, (spot, lines)) in placed.iter().zip(&blocks).enumerate() {
        let Some(spot) = spot else {
            if let Some(sym) = symbols.get(k) {
                unlabelled.push(sym.incident_id.clone());
            }
            continue;
        };
        if let Some((a, b)) = spot.leader {
            doc.line(
                a,
                b,
                &format!(
                    "stroke=\"#555555\" stroke-width=\"{}\"",
                    super::svg::num(1.2 * unit)
                ),
            );
        }
        draw_block(&mut doc, spot.rect, lines);
        match symbols.get_mut(k) {
            Some(sym) => sym.label = Some(spot.rect),
            None => reference_labels.push(spot.rect),
        }
    }
    doc.close_group();
    doc.rect(
        f.x,
        f.y,
        f.w,
        f.h,
        "fill=\"none\" stroke=\"#8c8c8c\" stroke-width=\"1\"",
    );

    let event_types: BTreeSet<Option<EventType>> = located.iter().map(|i| i.event_type).collect();
    draw_panel(
        &mut doc,
        &page,
        &scale,
        &viewport,
        &options.size_by,
        &symbols,
        &event_types,
        !reference_px.is_empty(),
    );
    draw_credits(&mut doc, &page, &located);

    let title = options
        .title
        .clone()
        .unwrap_or_else(|| default_title(&located));
    Ok(RenderedMap {
        svg: doc.finish(page.width_px, page.height_px, &title, super::font::FAMILY),
        symbols,
        reference_labels,
        scale,
        unlabelled,
    })
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

/// Draws a text block in its box, left-aligned, with a white halo for legibility.
fn draw_block(doc: &mut SvgDoc, rect: Rect, lines: &[TextLine]) {
    let mut y = rect.y + 1.0;
    for line in lines {
        let (ascent, _) = super::font::ascent_descent_px(line.size_px, Weight::Regular);
        let baseline = y + ascent * 0.98 + (line.size_px * 1.22 - line.size_px * 1.16) / 2.0;
        doc.text(rect.x + 2.0, baseline, line, "start", "stroke=\"#ffffff\" stroke-width=\"3.5\" stroke-linejoin=\"round\" paint-order=\"stroke\"");
        y += line.size_px * 1.22;
    }
}

fn incident_label(
    incident: &Incident,
    figure: Option<&Figure>,
    size_by: &SizeBy,
    show_dates: bool,
    page: &PageLayout,
) -> Vec<TextLine> {
    let mut lines = vec![TextLine {
        text: incident.place.display_name().to_string(),
        size_px: page.label_name_size_px,
        bold: true,
        fill: "#1a1a1a".into(),
    }];
    let what = match figure.and_then(|f| f.range_label().map(|label| (label, f))) {
        Some((label, f)) => format!("{label} {}", f.measure),
        None => match (size_by, incident.sub_event_type, incident.event_type) {
            (SizeBy::Measure(m), _, _) => format!("no {m} figure"),
            (_, Some(sub), _) => sub.as_str().to_lowercase(),
            (_, None, Some(t)) => t.as_str().to_lowercase(),
            _ => "no figure reported".to_string(),
        },
    };
    let text = if show_dates {
        format!("{what} · {}", date_caption(&incident.date))
    } else {
        what
    };
    lines.push(TextLine {
        text,
        size_px: page.label_figure_size_px,
        bold: false,
        fill: "#333333".into(),
    });
    lines
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_LONG: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A short date for a label: "13 Oct 2019", "Oct 2019", "2019", "20–23 Jan 2022".
pub fn date_caption(span: &DateSpan) -> String {
    let month = |m: u8| MONTHS[usize::from(m.clamp(1, 12)) - 1];
    let (s, e) = (span.start, span.end);
    match span.precision {
        DatePrecision::Year => format!("{}", s.year),
        DatePrecision::Month if s.month == e.month && s.year == e.year => {
            format!("{} {}", month(s.month), s.year)
        }
        _ if s == e => format!("{} {} {}", s.day, month(s.month), s.year),
        _ if s.year == e.year && s.month == e.month => {
            format!("{}–{} {} {}", s.day, e.day, month(s.month), s.year)
        }
        _ => format!(
            "{} {} {} – {} {} {}",
            s.day,
            month(s.month),
            s.year,
            e.day,
            month(e.month),
            e.year
        ),
    }
}

/// The period a set of incidents covers: "October 2019", "October 2019 – January 2022".
fn period_caption(incidents: &[&Incident]) -> String {
    let start = incidents.iter().map(|i| i.date.start).min();
    let end = incidents.iter().map(|i| i.date.end).max();
    let (Some(start), Some(end)) = (start, end) else {
        return String::new();
    };
    let long = |d: crate::model::Date| {
        format!(
            "{} {}",
            MONTHS_LONG[usize::from(d.month.clamp(1, 12)) - 1],
            d.year
        )
    };
    if (start.year, start.month) == (end.year, end.month) {
        long(start)
    } else {
        format!("{} – {}", long(start), long(end))
    }
}

fn default_title(incidents: &[&Incident]) -> String {
    let n = incidents.len();
    format!("{n} reported incident{}", if n == 1 { "" } else { "s" })
}

fn draw_header(doc: &mut SvgDoc, page: &PageLayout, incidents: &[&Incident], options: &MapOptions) {
    let title = options
        .title
        .clone()
        .unwrap_or_else(|| default_title(incidents));
    doc.open_group("title", "");
    doc.text(
        page.margin_px,
        page.title_baseline_px,
        &TextLine {
            text: title,
            size_px: page.title_size_px,
            bold: true,
            fill: "#111111".into(),
        },
        "start",
        "",
    );
    let measure = match &options.size_by {
        SizeBy::Largest => "people affected".to_string(),
        SizeBy::Measure(m) => format!("people {m}"),
    };
    let subtitle = format!(
        "{} · circle area shows {measure} (best estimate)",
        period_caption(incidents)
    );
    doc.text(
        page.margin_px,
        page.subtitle_baseline_px,
        &TextLine {
            text: subtitle,
            size_px: page.subtitle_size_px,
            bold: false,
            fill: "#444444".into(),
        },
        "start",
        "",
    );
    doc.close_group();
}

fn draw_graticule(doc: &mut SvgDoc, viewport: &Viewport, frame: Rect) {
    let km_across = frame.w / viewport.px_per_km;
    let deg_across = km_across / 111.0;
    let step = [0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 30.0]
        .into_iter()
        .find(|s| deg_across / s <= 8.0)
        .unwrap_or(30.0);
    let Some((lon_c, lat_c)) = centre_lon_lat(viewport, frame) else {
        return;
    };
    let half = (deg_across * 0.9).max(step * 2.0);
    let lat_half = half.min(80.0);
    let (lon_min, lon_max) = (
        (lon_c - half * 2.0).max(-180.0),
        (lon_c + half * 2.0).min(180.0),
    );
    let (lat_min, lat_max) = ((lat_c - lat_half).max(-85.0), (lat_c + lat_half).min(85.0));
    let mut lines = Vec::new();
    let mut lon = (lon_min / step).floor() * step;
    while lon <= lon_max {
        let mut ring = Vec::new();
        let mut lat = lat_min;
        while lat <= lat_max {
            if let Some(p) = viewport.to_px(lon, lat) {
                ring.push(p);
            }
            lat += step / 8.0;
        }
        lines.push(ring);
        lon += step;
    }
    let mut lat = (lat_min / step).floor() * step;
    while lat <= lat_max {
        let mut ring = Vec::new();
        let mut lon = lon_min;
        while lon <= lon_max {
            if let Some(p) = viewport.to_px(lon, lat) {
                ring.push(p);
            }
            lon += step / 8.0;
        }
        lines.push(ring);
        lat += step;
    }
    doc.open_group("graticule", "");
    doc.path(
        &lines,
        false,
        "fill=\"none\" stroke=\"#d8d2c4\" stroke-width=\"1\"",
    );
    doc.close_group();
}

/// lon/lat at the frame centre, found by inverting the viewport numerically (coarse search is
/// enough for choosing graticule lines).
fn centre_lon_lat(viewport: &Viewport, frame: Rect) -> Option<(f64, f64)> {
    let target = (frame.x + frame.w / 2.0, frame.y + frame.h / 2.0);
    let (mut lon, mut lat) = (0.0f64, 0.0f64);
    let mut best = f64::INFINITY;
    for step in [10.0, 1.0, 0.1, 0.01] {
        let (lon0, lat0) = (lon, lat);
        for i in -20..=20 {
            for j in -20..=20 {
                let (cand_lon, cand_lat) = (
                    lon0 + f64::from(i) * step,
                    (lat0 + f64::from(j) * step).clamp(-89.0, 89.0),
                );
                if let Some((x, y)) = viewport.to_px(cand_lon, cand_lat) {
                    let d = (x - target.0).hypot(y - target.1);
                    if d < best {
                        best = d;
                        lon = cand_lon;
                        lat = cand_lat;
                    }
                }
            }
        }
    }
    best.is_finite().then_some((lon, lat))
}

fn draw_credits(doc: &mut SvgDoc, page: &PageLayout, incidents: &[&Incident]) {
    let mut names: Vec<String> = Vec::new();
    for incident in incidents {
        for source in &incident.sources {
            if let Some(name) = source
                .outlet
                .clone()
                .or_else(|| source.title.clone())
                .or_else(|| source.location.clone())
            {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
    }
    let data = match names.len() {
        0 => "Data: as supplied.".to_string(),
        1..=3 => format!("Data: {}.", names.join("; ")),
        n => format!("Data: {}; and {} more.", names[..2].join("; "), n - 2),
    };
    let tail = format!(" {} Map: incimap.", crate::DATA_CREDITS);
    let max_w = page.width_px - 2.0 * page.margin_px;
    let mut data_chars: Vec<char> = data.chars().collect();
    let mut text = format!("{data}{tail}");
    // Shorten the data part if needed; the place and basemap credits always stay whole.
    while text_width_px(&text, page.credits_size_px, Weight::Regular) > max_w
        && !data_chars.is_empty()
    {
        data_chars.pop();
        text = format!(
            "{}…{tail}",
            data_chars.iter().collect::<String>().trim_end()
        );
    }
    doc.open_group("credits", "");
    doc.text(
        page.margin_px,
        page.credits_baseline_px,
        &TextLine {
            text,
            size_px: page.credits_size_px,
            bold: false,
            fill: "#555555".into(),
        },
        "start",
        "",
    );
    doc.close_group();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    #[test]
    fn date_captions_follow_precision() {
        assert_eq!(
            date_caption(&DateSpan::parse("2019-10").unwrap()),
            "Oct 2019"
        );
        assert_eq!(
            date_caption(&DateSpan::parse("2019-10-13").unwrap()),
            "13 Oct 2019"
        );
        assert_eq!(date_caption(&DateSpan::parse("2019").unwrap()), "2019");
        assert_eq!(
            date_caption(&DateSpan::parse("2022-01-20/2022-01-23").unwrap()),
            "20–23 Jan 2022"
        );
        let span = DateSpan::between(
            Date::new(2021, 12, 30).unwrap(),
            Date::new(2022, 1, 2).unwrap(),
            DatePrecision::Day,
        )
        .unwrap();
        assert_eq!(date_caption(&span), "30 Dec 2021 – 2 Jan 2022");
    }
}
