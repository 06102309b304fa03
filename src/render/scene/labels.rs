//! Stage 3, render: label placement.
//!
//! Greedy candidate placement in priority order (largest symbols first): each label tries
//! positions around its symbol — right, left, the four diagonals, above, below — first close
//! to the symbol, then further out on rings with a leader line. A position is taken only if
//! the label box stays inside the map frame and clear of every symbol (circle–box test), every
//! label already placed, every leader line already drawn, every fixed obstacle (legend, title
//! …), and, for leader lines, if the line crosses no placed label, no other leader line and no
//! symbol as large as its own (a thin line may pass over smaller symbols, so that the largest
//! symbol in a dense cluster still gets its label). A label sits at most [`MAX_LABEL_DISTANCE_PX`] from its symbol's edge: one
//! that finds no free position that near is not drawn (and is reported) rather than placed
//! far away, so labels never overlap and always read as their symbol's.

use crate::render::geometry::{Circle, Rect};

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
}

/// Where a label went, and the leader line from symbol to label when it is set off.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub rect: Rect,
    pub leader: Option<((f64, f64), (f64, f64))>,
}

/// Clearance kept between a label and anything else, in px.
pub const CLEARANCE_PX: f64 = 3.0;

/// The farthest a label's anchor point sits from its symbol's edge, in px: beyond this a
/// label is dropped rather than set far from what it names.
pub const MAX_LABEL_DISTANCE_PX: f64 = 240.0;

/// Places labels; requests are taken in the given order (put the most important first). The
/// result has one entry per request, `None` where no free position exists.
pub fn place_labels(
    requests: &[LabelRequest],
    symbols: &[Circle],
    obstacles: &[Rect],
    frame: Rect,
) -> Vec<Option<Placed>> {
    let mut placed: Vec<Rect> = Vec::new();
    let mut leaders: Vec<((f64, f64), (f64, f64))> = Vec::new();
    let mut out = Vec::with_capacity(requests.len());
    for request in requests {
        let found = candidates(request).find(|candidate| {
            frame.contains(&candidate.rect)
                && !placed
                    .iter()
                    .any(|p| p.intersects(&candidate.rect, CLEARANCE_PX))
                && !leaders
                    .iter()
                    .any(|&(a, b)| segment_hits_rect(a, b, &candidate.rect))
                && !obstacles
                    .iter()
                    .any(|o| o.intersects(&candidate.rect, CLEARANCE_PX))
                && !symbols
                    .iter()
                    .any(|s| candidate.rect.distance_to(s.x, s.y) < s.r + CLEARANCE_PX)
                && candidate.leader.is_none_or(|(a, b)| {
                    !placed.iter().any(|p| segment_hits_rect(a, b, p))
                        && !leaders.iter().any(|&(c, d)| segments_cross(a, b, c, d))
                        && !symbols.iter().any(|s| {
                            s != &request.anchor
                                && s.r >= request.anchor.r
                                && segment_point_distance(a, b, (s.x, s.y)) < s.r
                        })
                })
        });
        if let Some(candidate) = found {
            placed.push(candidate.rect);
            leaders.extend(candidate.leader);
        }
        out.push(found);
    }
    out
}

/// Candidate positions in order of preference.
fn candidates(request: &LabelRequest) -> Box<dyn Iterator<Item = Placed> + '_> {
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
            })
        }));
    }
    // Angles in degrees, counter-clockwise from east (y up), in cartographic preference order.
    const CLOSE: [f64; 8] = [0.0, 180.0, 30.0, 150.0, 330.0, 210.0, 90.0, 270.0];
    const OFFSETS_PX: [f64; 7] = [4.0, 24.0, 48.0, 80.0, 120.0, 170.0, MAX_LABEL_DISTANCE_PX];
    Box::new(
        OFFSETS_PX
            .iter()
            .enumerate()
            .flat_map(move |(ring, &offset)| {
                let steps = if ring == 0 { 8 } else { 16 };
                (0..steps).map(move |k| {
                    let angle = if ring == 0 { CLOSE[k] } else { k as f64 * 22.5 };
                    candidate_at(request, angle, offset, ring > 0)
                })
            }),
    )
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
        ((x + dx / len * r, y + dy / len * r), end)
    });
    Placed { rect, leader }
}

fn segment_point_distance(a: (f64, f64), b: (f64, f64), p: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    };
    let (cx, cy) = (a.0 + t * dx, a.1 + t * dy);
    ((p.0 - cx).powi(2) + (p.1 - cy).powi(2)).sqrt()
}

/// True when segments a–b and c–d cross (touching at an end point does not count).
pub fn segments_cross(a: (f64, f64), b: (f64, f64), c: (f64, f64), d: (f64, f64)) -> bool {
    let side = |p: (f64, f64), q: (f64, f64), r: (f64, f64)| {
        (q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0)
    };
    let (d1, d2) = (side(c, d, a), side(c, d, b));
    let (d3, d4) = (side(a, b, c), side(a, b, d));
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

/// True when the segment passes through the rectangle (sampled finely enough for labels).
pub fn segment_hits_rect(a: (f64, f64), b: (f64, f64), rect: &Rect) -> bool {
    let steps = 32;
    (0..=steps).any(|i| {
        let t = f64::from(i) / f64::from(steps);
        let (x, y) = (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1));
        rect.distance_to(x, y) < 1.0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAME: Rect = Rect {
        x: 0.0,
        y: 0.0,
        w: 800.0,
        h: 600.0,
    };

    #[test]
    fn a_lone_label_goes_right_of_its_symbol() {
        let c = Circle {
            x: 100.0,
            y: 100.0,
            r: 10.0,
        };
        let placed = place_labels(
            &[LabelRequest {
                anchor: c,
                w: 80.0,
                h: 20.0,
                centered: false,
                alternatives: Vec::new(),
            }],
            &[c],
            &[],
            FRAME,
        );
        let rect = placed[0].unwrap().rect;
        assert_eq!(rect.x, 114.0);
        assert_eq!(rect.y, 90.0);
        assert!(placed[0].unwrap().leader.is_none());
    }

    #[test]
    fn crowded_labels_never_overlap_each_other_or_symbols() {
        // A tight cluster of 30 symbols: every placed label must be clear of all the others.
        let symbols: Vec<Circle> = (0..30)
            .map(|i| Circle {
                x: 300.0 + f64::from(i % 6) * 18.0,
                y: 250.0 + f64::from(i / 6) * 18.0,
                r: 6.0,
            })
            .collect();
        let requests: Vec<LabelRequest> = symbols
            .iter()
            .map(|&anchor| LabelRequest {
                anchor,
                w: 70.0,
                h: 16.0,
                centered: false,
                alternatives: Vec::new(),
            })
            .collect();
        let placed = place_labels(&requests, &symbols, &[], FRAME);
        let rects: Vec<Rect> = placed.iter().flatten().map(|p| p.rect).collect();
        // The symbols on the cluster's edge get labels, as many as leader lines that cross
        // neither each other nor a label allow; a leader from an inner symbol would cross a
        // neighbour, so those stay unlabelled (and are reported).
        assert!(rects.len() >= 14, "only {} of 30 placed", rects.len());
        let leaders: Vec<_> = placed.iter().flatten().filter_map(|p| p.leader).collect();
        for (i, &(a, b)) in leaders.iter().enumerate() {
            for &(c, d) in &leaders[i + 1..] {
                assert!(!segments_cross(a, b, c, d), "leaders cross");
            }
        }
        for p in placed.iter().flatten() {
            for other in placed.iter().flatten().filter(|o| o.rect != p.rect) {
                if let Some((a, b)) = p.leader {
                    assert!(
                        !segment_hits_rect(a, b, &other.rect),
                        "a leader crosses a label"
                    );
                }
            }
        }
        for (i, a) in rects.iter().enumerate() {
            assert!(FRAME.contains(a));
            for b in &rects[i + 1..] {
                assert!(!a.intersects(b, 0.0), "{a:?} overlaps {b:?}");
            }
            for s in &symbols {
                assert!(a.distance_to(s.x, s.y) >= s.r, "{a:?} covers {s:?}");
            }
        }
    }

    #[test]
    fn obstacles_and_the_frame_push_labels_elsewhere() {
        let c = Circle {
            x: 790.0,
            y: 300.0,
            r: 5.0,
        };
        let legend = Rect {
            x: 700.0,
            y: 250.0,
            w: 100.0,
            h: 40.0,
        };
        let placed = place_labels(
            &[LabelRequest {
                anchor: c,
                w: 60.0,
                h: 20.0,
                centered: false,
                alternatives: Vec::new(),
            }],
            &[c],
            &[legend],
            FRAME,
        );
        let rect = placed[0].unwrap().rect;
        assert!(
            rect.right() <= 790.0 && !rect.intersects(&legend, 0.0),
            "{rect:?}"
        );
    }
}
