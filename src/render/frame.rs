//! Stage 3, render: one map frame — basemap, context places, proportional symbols, and the
//! labels (incidents first, then context places, towns, area and river names) — drawn into a
//! rectangle of the page. A map has one frame, or one per period with `--facet`.

use crate::model::{Figure, Incident, Place};

use super::area_names::{thin_towns, AreaKind};
use super::background::draw_basemap;
use super::label_text::{area_style, block_size, draw_block, incident_label};
use super::labels::{place_labels, Circle, LabelRequest, Rect};
use super::layout::PageLayout;
use super::map::{SymbolInfo, Unlabelled};
use super::projection::Viewport;
use super::rivers::{draw_river_names, place_river_names};
use super::sizing::group_size;
use super::svg::{num, SvgDoc, TextLine};
use super::symbols::{draw_symbols, symbol_radii, SizeScale, MARKER_PX, ZERO_MARK_PX};
use super::MapOptions;

/// At most this many incidents (the largest) get a label.
const MAX_INCIDENT_LABELS: usize = 150;

/// What goes into a frame.
pub(super) struct FrameInput<'a> {
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

/// What a frame placed.
pub(super) struct FrameOutput {
    pub symbols: Vec<SymbolInfo>,
    pub labels: Vec<Rect>,
    pub unlabelled: Vec<Unlabelled>,
    pub has_references: bool,
    pub has_towns: bool,
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

/// Draws one frame and reports what it placed.
pub(super) fn draw_frame(
    doc: &mut SvgDoc,
    page: &PageLayout,
    options: &MapOptions,
    input: &FrameInput,
) -> FrameOutput {
    let FrameInput {
        frame: f,
        viewport,
        located,
        sized,
        scale,
        references,
        focus,
        show_dates,
    } = *input;
    let unit = page.unit;
    let theme = &options.theme;
    // The basemap is clipped geometrically to the frame (cheaper to render than a clip path,
    // and the SVG holds only what shows).
    doc.open_group("basemap", "");
    let names = draw_basemap(doc, viewport, f, focus, theme, unit, options.lang);
    doc.close_group();

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
        let (r, ring) = symbol_radii(sized[i], scale);
        symbols.push(SymbolInfo {
            incident_id: located[i].id.clone(),
            x_px: x,
            y_px: y,
            r_px: r,
            value: sized[i].and_then(|f| f.best),
            ring_r_px: ring,
            label: None,
            leader: None,
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
    let towns = thin_towns(&names, located, references, &symbols, unit);

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
    draw_symbols(doc, &symbols, &symbol_incident, located, options, f, unit);

    // Everything a label must not cover: each symbol as large as it is drawn.
    let marker_r = |s: &SymbolInfo| match s.value {
        Some(0) => ZERO_MARK_PX * unit * 1.3,
        _ => MARKER_PX * unit * 1.3,
    };
    let mut obstacles: Vec<Circle> = symbols
        .iter()
        .map(|s| Circle {
            x: s.x_px,
            y: s.y_px,
            r: s.ring_r_px.unwrap_or(s.r_px).max(marker_r(s)),
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

    let mut blocks: Vec<Block> = Vec::new();
    let mut requests: Vec<LabelRequest> = Vec::new();
    // `centered`: a name set on its point (or one of the alternative points), no leader.
    let mut push = |block: Block, anchor: Circle, centered: Option<Vec<(f64, f64)>>, extra_w| {
        let (w, h) = block_size(&block.lines);
        requests.push(LabelRequest {
            anchor,
            w: w + extra_w,
            h,
            centered: centered.is_some(),
            alternatives: centered.unwrap_or_default(),
        });
        blocks.push(block);
    };
    // The largest symbols get labels; on crowded maps the rest stay unlabelled by design.
    for (k, &i) in symbol_incident.iter().enumerate().take(MAX_INCIDENT_LABELS) {
        let lines = incident_label(located[i], sized[i], options, show_dates, page);
        push(
            Block {
                lines,
                kind: BlockKind::Incident(k),
            },
            obstacles[k],
            None,
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
            None,
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
            None,
            0.0,
        );
    }
    for area in &names.areas {
        let (size, spacing) = area_style(area.kind, unit);
        let line = TextLine {
            text: area.text.clone(),
            size_px: size,
            bold: area.kind == AreaKind::FocusCountry,
            fill: if area.kind == AreaKind::Water {
                theme.water_label
            } else {
                theme.area_label
            }
            .to_string(),
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
            Some(area.alternatives.clone()),
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
                let lines: Vec<&str> = block.lines.iter().map(|l| l.text.as_str()).collect();
                unlabelled.push(Unlabelled {
                    incident_id: symbols[k].incident_id.clone(),
                    text: lines.join(" · "),
                    value: symbols[k].value.unwrap_or(0),
                });
            }
            continue;
        };
        labels.push(spot.rect);
        match block.kind {
            BlockKind::Incident(k) => {
                symbols[k].label = Some(spot.rect);
                symbols[k].leader = spot.leader;
            }
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
                doc,
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
    let rivers = place_river_names(viewport, f, options.lang, river_size, &labels, &obstacles);
    draw_river_names(doc, &rivers, theme, river_size);
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

    FrameOutput {
        has_references: !reference_px.is_empty(),
        has_towns: !towns.is_empty() && labels.len() > symbols.len() + reference_px.len(),
        symbols,
        labels,
        unlabelled,
    }
}
