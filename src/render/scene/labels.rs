//! Stage 3, render: label placement. In: [`LabelRequest`]s in priority order, the symbols,
//! the fixed obstacles and the frame; out: where each label went ([`Placed`]), or `None`.
//!
//! Greedy candidate placement in priority order (largest symbols first): each label tries
//! positions around its symbol (`label_candidates.rs`) — right, left, the four diagonals,
//! above, below — first close to the symbol, then further out on rings with a leader line.
//! A position is taken only if the label box stays inside the map frame and clear of every
//! symbol (circle–box test), every label already placed, every leader line already drawn,
//! every fixed obstacle (legend, title …), and, for leader lines, if the line crosses no
//! placed label, no other leader line and no symbol as large as its own (a thin line may pass
//! over smaller symbols, so that the largest symbol in a dense cluster still gets its label).
//! A label sits at most [`MAX_LABEL_DISTANCE_PX`] from its symbol's edge: one that finds no
//! free position that near is not drawn (and is reported) rather than placed far away, so
//! labels never overlap and always read as their symbol's.
//!
//! The largest symbols must be labelled even where symbols fill the whole map (a dense
//! hexagon grid has no free space at all): a request with `may_cover` that finds no clear
//! position tries the same positions again, now allowed to lie over the symbols that range
//! names (those less important than its own; never its own symbol or a more important one,
//! another label or a leader line); such a label is marked `covers` and drawn on a plate.
//! A symbol stacked with another (one holds the other's centre) is labelled beside itself,
//! where the label could read as its neighbour's, only when no near leader position (up to
//! 80 px out) is free: its label is set off with a leader line that ends at its centre (and
//! may cross the symbols in its stack).
//! Where even that fails, a request's shorter form (`compact`, its size) is tried the same
//! two ways; such a label is marked `compact`.

pub use crate::render::geometry::{segment_hits_rect, segments_cross, Segment};
use crate::render::geometry::{segment_point_distance, Circle, Rect};

use super::label_candidates::candidates;
pub use super::label_candidates::{LabelRequest, Placed, MAX_LABEL_DISTANCE_PX};

/// Clearance kept between a label and anything else, in px.
pub const CLEARANCE_PX: f64 = 3.0;

/// Places labels; requests are taken in the given order (put the most important first). The
/// result has one entry per request, `None` where no free position exists.
pub fn place_labels(
    requests: &[LabelRequest],
    symbols: &[Circle],
    obstacles: &[Rect],
    frame: Rect,
) -> Vec<Option<Placed>> {
    let mut placed: Vec<Rect> = Vec::new();
    let mut leaders: Vec<Segment> = Vec::new();
    let mut out = Vec::with_capacity(requests.len());
    for request in requests {
        let taken = Taken {
            placed: &placed,
            leaders: &leaders,
            obstacles,
            symbols,
            frame,
        };
        let found = taken.find(request).or_else(|| {
            let (w, h) = request.compact?;
            let short = LabelRequest {
                w,
                h,
                ..request.clone()
            };
            let placed = taken.find(&short)?;
            Some(Placed {
                compact: true,
                ..placed
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

/// What a new label must keep clear of.
struct Taken<'a> {
    placed: &'a [Rect],
    leaders: &'a [Segment],
    obstacles: &'a [Rect],
    symbols: &'a [Circle],
    frame: Rect,
}

impl Taken<'_> {
    /// The first clear position, else (with `may_cover`) the first over coverable symbols.
    fn find(&self, request: &LabelRequest) -> Option<Placed> {
        candidates(request)
            .find(|c| self.allows(request, c, false))
            .or_else(|| {
                request.may_cover.as_ref()?;
                candidates(request)
                    .find(|c| self.allows(request, c, true))
                    .map(|c| Placed { covers: true, ..c })
            })
    }

    /// True when `candidate` is free; with `cover`, its box may lie over the symbols the
    /// request's `may_cover` names.
    fn allows(&self, request: &LabelRequest, candidate: &Placed, cover: bool) -> bool {
        let rect = &candidate.rect;
        let own = &request.anchor;
        let coverable =
            |i: usize| cover && request.may_cover.as_ref().is_some_and(|r| r.contains(&i));
        let blocks_box = |(i, s): (usize, &Circle)| {
            rect.distance_to(s.x, s.y) < s.r + CLEARANCE_PX && !coverable(i)
        };
        self.frame.contains(rect)
            && !self.placed.iter().any(|p| p.intersects(rect, CLEARANCE_PX))
            && !self
                .leaders
                .iter()
                .any(|&(a, b)| segment_hits_rect(a, b, rect))
            && !self
                .obstacles
                .iter()
                .any(|o| o.intersects(rect, CLEARANCE_PX))
            && !self.symbols.iter().enumerate().any(blocks_box)
            && candidate.leader.is_none_or(|(a, b)| {
                !self.placed.iter().any(|p| segment_hits_rect(a, b, p))
                    && !self
                        .leaders
                        .iter()
                        .any(|&(c, d)| segments_cross(a, b, c, d))
                    && !self.symbols.iter().any(|s| {
                        let in_stack = request.stacked && s.overlaps(own);
                        s != own
                            && !in_stack
                            && s.r >= own.r
                            && segment_point_distance(a, b, (s.x, s.y)) < s.r
                    })
            })
    }
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

    /// A plain request: a `w` × `h` label beside `anchor`, nothing else asked.
    fn plain(anchor: Circle, w: f64, h: f64) -> LabelRequest {
        LabelRequest {
            anchor,
            w,
            h,
            centered: false,
            alternatives: Vec::new(),
            may_cover: None,
            compact: None,
            stacked: false,
            beside_only: false,
        }
    }

    #[test]
    fn a_lone_label_goes_right_of_its_symbol() {
        let c = Circle {
            x: 100.0,
            y: 100.0,
            r: 10.0,
        };
        let placed = place_labels(&[plain(c, 80.0, 20.0)], &[c], &[], FRAME);
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
            .map(|&anchor| plain(anchor, 70.0, 16.0))
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
        let placed = place_labels(&[plain(c, 60.0, 20.0)], &[c], &[legend], FRAME);
        let rect = placed[0].unwrap().rect;
        assert!(
            rect.right() <= 790.0 && !rect.intersects(&legend, 0.0),
            "{rect:?}"
        );
    }

    #[test]
    fn the_largest_symbol_is_labelled_over_smaller_ones_when_nothing_is_free() {
        // Symbols every 20 px over the whole frame: no clear position exists anywhere.
        let mut symbols = vec![Circle {
            x: 400.0,
            y: 300.0,
            r: 9.5,
        }];
        for row in 0..30 {
            for col in 0..40 {
                let (x, y) = (10.0 + f64::from(col) * 20.0, 10.0 + f64::from(row) * 20.0);
                if (x - 400.0).abs() > 15.0 || (y - 300.0).abs() > 15.0 {
                    symbols.push(Circle { x, y, r: 8.0 });
                }
            }
        }
        let request = |may_cover| LabelRequest {
            may_cover,
            ..plain(symbols[0], 90.0, 30.0)
        };
        let strict = place_labels(&[request(None)], &symbols, &[], FRAME);
        assert!(strict[0].is_none());
        let must = place_labels(&[request(Some(1..symbols.len()))], &symbols, &[], FRAME);
        let placed = must[0].expect("the largest symbol is labelled");
        assert!(placed.covers);
        let own = symbols[0];
        assert!(placed.rect.distance_to(own.x, own.y) >= own.r + CLEARANCE_PX);
        // Only the symbols it may cover: none other than the first one's range.
        let only_some = place_labels(&[request(Some(1..2))], &symbols, &[], FRAME);
        assert!(only_some[0].is_none());
    }
}
