//! Stage 3, render: a frame's labels — what each says and how large its box is (incidents
//! largest first, then context places, towns and area names, in this order of priority), and,
//! once [`super::labels::place_labels`] has found them room, their text set in position, the
//! incident labels that found none, and the towns whose names show.

use crate::model::{Figure, Incident, Place};
use crate::render::geometry::{Circle, Rect};
use crate::render::theme::Theme;
use crate::render::MapOptions;

use super::area_names::AreaName;
use super::label_text::{area_style, block_size, block_texts, compact_lines, incident_label};
use super::labels::{LabelRequest, Placed};
use super::layout::PageLayout;
use super::types::AreaKind;
use super::types::Unlabelled;
use super::types::{Anchor, Label, LabelKind, LabelStyle, Pt, Symbol, Text, TextLine};

/// At most this many incidents (the largest) get a label.
const MAX_INCIDENT_LABELS: usize = 150;
/// This many of the largest incidents are labelled even where symbols leave no free space:
/// their labels may lie, on a plate, over smaller symbols.
const MUST_LABEL: usize = 5;

/// What may be labelled in a frame, each with an obstacle of its own in this order.
pub(crate) struct Candidates<'a> {
    /// The frame's incidents (or groups), and the figure sizing each.
    pub located: &'a [&'a Incident],
    pub sized: &'a [Option<&'a Figure>],
    /// Put each incident's date in its label.
    pub show_dates: bool,
    /// For each symbol, the index of its incident in the frame's input.
    pub symbol_incident: &'a [usize],
    pub context: &'a [(&'a Place, Pt)],
    pub towns: &'a [(String, Pt)],
    pub areas: &'a [AreaName],
}

/// A text block to place: its lines and what it labels.
pub(crate) struct Block {
    lines: Vec<TextLine>,
    kind: BlockKind,
    /// A shorter form, for the largest incidents' labels.
    compact: Option<Vec<TextLine>>,
}

#[derive(Clone, Copy)]
enum BlockKind {
    Incident(usize),
    Reference,
    Town(usize),
    Area(AreaKind),
}

/// The blocks to place and their requests, most important first.
pub(crate) fn label_requests(
    page: &PageLayout,
    options: &MapOptions,
    candidates: &Candidates,
    obstacles: &[Circle],
) -> (Vec<Block>, Vec<LabelRequest>) {
    let theme = &options.theme;
    let symbols = candidates.symbol_incident.len();
    let mut out = Requests {
        blocks: Vec::new(),
        requests: Vec::new(),
        obstacles,
        symbols,
    };
    // The largest symbols get labels; on crowded maps the rest stay unlabelled by design.
    let labelled = candidates.symbol_incident.iter().take(MAX_INCIDENT_LABELS);
    for (k, &i) in labelled.enumerate() {
        let block = incident_block(k, i, candidates, options, page);
        out.push(block, obstacles[k], None, 0.0);
    }
    for (k, (place, _)) in candidates.context.iter().enumerate() {
        let text = place.display_name().to_string();
        let size_px = page.label_figure_size_px;
        let block = Block::plain(text, size_px, theme.text_muted, BlockKind::Reference);
        out.push(block, obstacles[symbols + k], None, 0.0);
    }
    for (k, (name, _)) in candidates.towns.iter().enumerate() {
        let size_px = 14.5 * page.unit;
        let block = Block::plain(name.clone(), size_px, theme.town, BlockKind::Town(k));
        let anchor = obstacles[symbols + candidates.context.len() + k];
        out.push(block, anchor, None, 0.0);
    }
    for area in candidates.areas {
        let (block, extra_w) = area_block(area, theme, page.unit);
        let anchor = Circle {
            x: area.x_px,
            y: area.y_px,
            r: 0.0,
        };
        out.push(block, anchor, Some(area.alternatives.clone()), extra_w);
    }
    (out.blocks, out.requests)
}

/// The label of the `k`-th largest symbol, showing incident `i` of the frame (with a shorter
/// form when it must be labelled).
fn incident_block(
    k: usize,
    i: usize,
    candidates: &Candidates,
    options: &MapOptions,
    page: &PageLayout,
) -> Block {
    let lines = incident_label(
        candidates.located[i],
        candidates.sized[i],
        options,
        candidates.show_dates,
        page,
    );
    let compact = if k < MUST_LABEL {
        compact_lines(&lines)
    } else {
        None
    };
    Block {
        lines,
        kind: BlockKind::Incident(k),
        compact,
    }
}

impl Block {
    /// One line of plain text.
    fn plain(text: String, size_px: f64, fill: &str, kind: BlockKind) -> Block {
        let line = TextLine {
            text,
            size_px,
            bold: false,
            fill: fill.to_string(),
        };
        Block {
            lines: vec![line],
            kind,
            compact: None,
        }
    }
}

/// The blocks and their requests gathered so far.
struct Requests<'a> {
    blocks: Vec<Block>,
    requests: Vec<LabelRequest>,
    /// The symbols (the first `symbols`), then the context places' and towns' dots.
    obstacles: &'a [Circle],
    symbols: usize,
}

impl Requests<'_> {
    /// Adds `block` at `anchor`; `centered`: a name set on its point (or one of the
    /// alternative points), no leader; `extra_w`: width its letter-spacing adds.
    fn push(&mut self, block: Block, anchor: Circle, centered: Option<Vec<Pt>>, extra_w: f64) {
        let (w, h) = block_size(&block.lines);
        let symbols = self.symbols;
        // A must-label may lie over the less important symbols (later in the order).
        let may_cover = match block.kind {
            BlockKind::Incident(k) if k < MUST_LABEL => Some(k + 1..symbols),
            _ => None,
        };
        let stacked = match block.kind {
            BlockKind::Incident(k) => {
                let mut others = self.obstacles[..symbols].iter().enumerate();
                others.any(|(j, s)| j != k && s.stacks_with(&anchor))
            }
            _ => false,
        };
        self.requests.push(LabelRequest {
            anchor,
            w: w + extra_w,
            h,
            centered: centered.is_some(),
            alternatives: centered.unwrap_or_default(),
            may_cover,
            compact: block.compact.as_deref().map(block_size),
            stacked,
            // A town's name far off on a line would read as an incident's label.
            beside_only: matches!(block.kind, BlockKind::Town(_)),
        });
        self.blocks.push(block);
    }
}

/// An area's name in its style, and the width its letter-spacing adds.
fn area_block(area: &AreaName, theme: &Theme, unit: f64) -> (Block, f64) {
    let (size_px, spacing) = area_style(area.kind, unit);
    let fill = match area.kind {
        AreaKind::Water => theme.water_label,
        _ => theme.area_label,
    };
    let name = TextLine {
        text: area.text.clone(),
        size_px,
        bold: area.kind == AreaKind::FocusCountry,
        fill: fill.to_string(),
    };
    let extra_w = spacing * area.text.chars().count().saturating_sub(1) as f64;
    let block = Block {
        lines: vec![name],
        kind: BlockKind::Area(area.kind),
        compact: None,
    };
    (block, extra_w)
}

/// The labels placed, in placement order; the incidents whose label found no room; the
/// indices of the towns whose names show.
pub(crate) struct Settled {
    pub labels: Vec<Label>,
    pub unlabelled: Vec<Unlabelled>,
    pub towns: Vec<usize>,
}

/// Sets each placed block's text in its box, notes on each symbol where its label went, and
/// lists the incident labels that found no room.
pub(crate) fn settle_labels(
    placed: &[Option<Placed>],
    blocks: Vec<Block>,
    requests: &[LabelRequest],
    symbols: &mut [Symbol],
    unit: f64,
) -> Settled {
    let mut settled = Settled {
        labels: Vec::new(),
        unlabelled: Vec::new(),
        towns: Vec::new(),
    };
    for ((spot, mut block), request) in placed.iter().zip(blocks).zip(requests) {
        let Some(spot) = spot else {
            if let BlockKind::Incident(k) = block.kind {
                let lines: Vec<&str> = block.lines.iter().map(|l| l.text.as_str()).collect();
                let info = &symbols[k].info;
                settled.unlabelled.push(Unlabelled {
                    incident_id: info.incident_id.clone(),
                    text: lines.join(" · "),
                    value: info.value.unwrap_or(0),
                });
            }
            continue;
        };
        if spot.compact {
            if let Some(short) = block.compact.take() {
                block.lines = short;
            }
        }
        let kind = match block.kind {
            BlockKind::Incident(k) => {
                symbols[k].info.label = Some(spot.rect);
                symbols[k].info.leader = spot.leader;
                LabelKind::Incident(k)
            }
            BlockKind::Town(k) => {
                settled.towns.push(k);
                LabelKind::Town
            }
            BlockKind::Reference => LabelKind::ContextPlace,
            BlockKind::Area(kind) => LabelKind::Area(kind),
        };
        let (texts, style) = match block.kind {
            BlockKind::Area(area) => area_text(spot.rect, block.lines, area, unit),
            _ => (
                block_texts(spot.rect, block.lines, request.anchor.x),
                if spot.covers {
                    LabelStyle::Plate
                } else {
                    LabelStyle::Halo
                },
            ),
        };
        settled.labels.push(Label {
            kind,
            rect: spot.rect,
            leader: spot.leader,
            texts,
            style,
        });
    }
    settled
}

/// An area's name: centred in its box, letter-spaced.
fn area_text(
    rect: Rect,
    lines: Vec<TextLine>,
    kind: AreaKind,
    unit: f64,
) -> (Vec<Text>, LabelStyle) {
    let (_, spacing) = area_style(kind, unit);
    let texts = lines
        .into_iter()
        .take(1)
        .map(|line| Text {
            x_px: rect.x + rect.w / 2.0,
            y_px: rect.y + rect.h * 0.5 + line.size_px * 0.36,
            line,
            anchor: Anchor::Middle,
        })
        .collect();
    (texts, LabelStyle::Spaced(spacing))
}
