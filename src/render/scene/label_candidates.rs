//! Stage 3, render: what a label asks for and the positions it may take around its symbol, in
//! order of preference (for [`place_labels`](super::labels::place_labels)). In: a
//! [`LabelRequest`] (its symbol, its box's size, whether it is centred, stacked or kept beside
//! its symbol); out: candidate [`Placed`] boxes, each with its leader line when it is set off.
//! A centred name tries its anchor and alternative points, each nudged a little; any other
//! label tries eight positions close to its symbol (right, left, the diagonals, above, below),
//! then rings of sixteen further out with a leader line, up to [`MAX_LABEL_DISTANCE_PX`].

use crate::render::geometry::{Circle, Rect, Segment};

/// What to place: a box of the given size next to a symbol.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelRequest {
    pub anchor: Circle,
    pub w: f64,
    pub h: f64,
    /// Area names sit centred on their anchor (or nudged a little), never with a leader.
    pub centered: bool,
    /// For centred names: other points to try, in order, when the anchor's are taken.
    pub alternatives: Vec<(f64, f64)>,
    /// When no clear position exists, the label may lie over these symbols (by index; for
    /// the largest symbols, which must be labelled: the less important ones).
    pub may_cover: Option<std::ops::Range<usize>>,
    /// The size (w, h) of a shorter form of the label, tried when the full one finds no room.
    pub compact: Option<(f64, f64)>,
    /// The symbol overlaps another: its label goes on a leader line to its centre.
    pub stacked: bool,
    /// Only beside the anchor, never set off on a leader line (a town's name).
    pub beside_only: bool,
}

/// Where a label went, and the leader line from symbol to label when it is set off.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub rect: Rect,
    pub leader: Option<Segment>,
    /// The label lies over smaller symbols (see the module documentation).
    pub covers: bool,
    /// The label is in its shorter form.
    pub compact: bool,
}

/// The farthest a label's anchor point sits from its symbol's edge, in px: beyond this a
/// label is dropped rather than set far from what it names.
pub const MAX_LABEL_DISTANCE_PX: f64 = 240.0;

/// Candidate positions in order of preference.
pub(crate) fn candidates(request: &LabelRequest) -> Box<dyn Iterator<Item = Placed> + '_> {
    if request.centered {
        let (w, h) = (request.w, request.h);
        let anchors = std::iter::once((request.anchor.x, request.anchor.y))
            .chain(request.alternatives.iter().copied());
        const NUDGES: [(f64, f64); 9] = [
            (0.0, 0.0),
            (0.0, -1.0),
            (0.0, 1.0),
            (-0.5, 0.0),
            (0.5, 0.0),
            (-0.5, -1.0),
            (0.5, -1.0),
            (-0.5, 1.0),
            (0.5, 1.0),
        ];
        return Box::new(anchors.flat_map(move |(x, y)| {
            NUDGES.iter().map(move |(dx, dy)| Placed {
                rect: Rect {
                    x: x - w / 2.0 + dx * w,
                    y: y - h / 2.0 + dy * h * 1.2,
                    w,
                    h,
                },
                leader: None,
                covers: false,
                compact: false,
            })
        }));
    }
    // Angles in degrees, counter-clockwise from east (y up), in cartographic preference order.
    const CLOSE: [f64; 8] = [0.0, 180.0, 30.0, 150.0, 330.0, 210.0, 90.0, 270.0];
    const OFFSETS_PX: [f64; 7] = [4.0, 24.0, 48.0, 80.0, 120.0, 170.0, MAX_LABEL_DISTANCE_PX];
    // A stacked symbol tries the near leader rings first, then beside itself, then far out.
    const STACKED_ORDER: [usize; 7] = [1, 2, 3, 0, 4, 5, 6];
    let rings: Vec<(usize, f64)> = if request.beside_only {
        vec![(0, OFFSETS_PX[0])]
    } else if request.stacked {
        STACKED_ORDER.iter().map(|&k| (k, OFFSETS_PX[k])).collect()
    } else {
        OFFSETS_PX.iter().copied().enumerate().collect()
    };
    Box::new(rings.into_iter().flat_map(move |(ring, offset)| {
        let steps = if ring == 0 { 8 } else { 16 };
        (0..steps).map(move |k| {
            let angle = if ring == 0 { CLOSE[k] } else { k as f64 * 22.5 };
            candidate_at(request, angle, offset, ring > 0)
        })
    }))
}

fn candidate_at(request: &LabelRequest, angle_deg: f64, offset: f64, leader: bool) -> Placed {
    let Circle { x, y, r } = request.anchor;
    let (sin, cos) = angle_deg.to_radians().sin_cos();
    let reach = r + offset;
    let (ax, ay) = (x + reach * cos, y - reach * sin);
    let left = if cos > 0.35 {
        ax
    } else if cos < -0.35 {
        ax - request.w
    } else {
        ax - request.w / 2.0
    };
    let top = if sin > 0.35 {
        ay - request.h
    } else if sin < -0.35 {
        ay
    } else {
        ay - request.h / 2.0
    };
    let rect = Rect {
        x: left,
        y: top,
        w: request.w,
        h: request.h,
    };
    let leader = leader.then(|| {
        let end = rect.nearest_point(x, y);
        let (dx, dy) = (end.0 - x, end.1 - y);
        let len = (dx * dx + dy * dy).sqrt().max(1e-9);
        let from_r = if request.stacked { 0.0 } else { r };
        ((x + dx / len * from_r, y + dy / len * from_r), end)
    });
    Placed {
        rect,
        leader,
        covers: false,
        compact: false,
    }
}
