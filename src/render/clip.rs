//! Stage 3, render: clipping projected geometry to a rectangle, so that the SVG holds only
//! what can be seen (a continent's coastline shrinks to the part inside the map frame).
//! Polygons: Sutherland–Hodgman against each edge; lines: split where they leave the box.

use super::geometry::Rect;

type Pt = (f64, f64);
/// An edge of the box: which side is inside, and where a segment crosses it.
type Edge = (fn(Pt, Rect) -> bool, fn(Pt, Pt, Rect) -> Pt);

/// Clips a closed ring to `rect`; the result may be empty. Edges along the rectangle's sides
/// appear where the ring was cut, which is invisible under the frame's clip path.
pub fn clip_ring(ring: &[Pt], rect: Rect) -> Vec<Pt> {
    let mut out: Vec<Pt> = ring.to_vec();
    let edges: [Edge; 4] = [
        (|p, r| p.0 >= r.x, |a, b, r| cross_x(a, b, r.x)),
        (|p, r| p.0 <= r.right(), |a, b, r| cross_x(a, b, r.right())),
        (|p, r| p.1 >= r.y, |a, b, r| cross_y(a, b, r.y)),
        (
            |p, r| p.1 <= r.bottom(),
            |a, b, r| cross_y(a, b, r.bottom()),
        ),
    ];
    for (inside, cross) in edges {
        if out.is_empty() {
            break;
        }
        let input = std::mem::take(&mut out);
        let mut prev = input[input.len() - 1];
        for &cur in &input {
            match (inside(cur, rect), inside(prev, rect)) {
                (true, true) => out.push(cur),
                (true, false) => {
                    out.push(cross(prev, cur, rect));
                    out.push(cur);
                }
                (false, true) => out.push(cross(prev, cur, rect)),
                (false, false) => {}
            }
            prev = cur;
        }
    }
    if out.len() < 3 {
        out.clear();
    }
    out
}

/// Splits a polyline into the pieces that lie inside `rect` (each piece keeps the points
/// where it crosses the border).
pub fn clip_line(line: &[Pt], rect: Rect) -> Vec<Vec<Pt>> {
    let inside =
        |p: Pt| p.0 >= rect.x && p.0 <= rect.right() && p.1 >= rect.y && p.1 <= rect.bottom();
    let mut pieces = Vec::new();
    let mut current: Vec<Pt> = Vec::new();
    for (i, &p) in line.iter().enumerate() {
        let p_in = inside(p);
        if i > 0 {
            let q = line[i - 1];
            let q_in = inside(q);
            if q_in && !p_in {
                current.push(clip_segment(q, p, rect).map_or(p, |(_, b)| b));
                pieces.push(std::mem::take(&mut current));
            } else if !q_in && p_in {
                current.push(clip_segment(q, p, rect).map_or(q, |(a, _)| a));
            } else if !q_in && !p_in {
                if let Some((a, b)) = clip_segment(q, p, rect) {
                    pieces.push(vec![a, b]);
                }
            }
        }
        if p_in {
            current.push(p);
        }
    }
    if current.len() >= 2 {
        pieces.push(current);
    }
    pieces.retain(|piece| piece.len() >= 2);
    pieces
}

/// Liang–Barsky: the part of segment a→b inside `rect`, if any.
fn clip_segment(a: Pt, b: Pt, rect: Rect) -> Option<(Pt, Pt)> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.0 - rect.x),
        (dx, rect.right() - a.0),
        (-dy, a.1 - rect.y),
        (dy, rect.bottom() - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    (t0 <= t1).then_some((
        (a.0 + t0 * dx, a.1 + t0 * dy),
        (a.0 + t1 * dx, a.1 + t1 * dy),
    ))
}

fn cross_x(a: Pt, b: Pt, x: f64) -> Pt {
    let t = (x - a.0) / (b.0 - a.0);
    (x, a.1 + t * (b.1 - a.1))
}

fn cross_y(a: Pt, b: Pt, y: f64) -> Pt {
    let t = (y - a.1) / (b.1 - a.1);
    (a.0 + t * (b.0 - a.0), y)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOX: Rect = Rect {
        x: 0.0,
        y: 0.0,
        w: 10.0,
        h: 10.0,
    };

    fn area(ring: &[Pt]) -> f64 {
        let n = ring.len();
        (0..n)
            .map(|i| ring[i].0 * ring[(i + 1) % n].1 - ring[(i + 1) % n].0 * ring[i].1)
            .sum::<f64>()
            .abs()
            / 2.0
    }

    #[test]
    fn rings_are_cut_to_the_box() {
        let big = [(-5.0, -5.0), (15.0, -5.0), (15.0, 15.0), (-5.0, 15.0)];
        assert!((area(&clip_ring(&big, BOX)) - 100.0).abs() < 1e-9);
        let half = [(5.0, -5.0), (15.0, -5.0), (15.0, 15.0), (5.0, 15.0)];
        assert!((area(&clip_ring(&half, BOX)) - 50.0).abs() < 1e-9);
        let outside = [(20.0, 20.0), (30.0, 20.0), (30.0, 30.0)];
        assert!(clip_ring(&outside, BOX).is_empty());
    }

    #[test]
    fn lines_are_split_where_they_leave() {
        let line = [
            (-5.0, 5.0),
            (5.0, 5.0),
            (5.0, 20.0),
            (8.0, 20.0),
            (8.0, 5.0),
        ];
        let pieces = clip_line(&line, BOX);
        assert_eq!(pieces.len(), 2, "{pieces:?}");
        assert_eq!(pieces[0], vec![(0.0, 5.0), (5.0, 5.0), (5.0, 10.0)]);
        assert_eq!(pieces[1], vec![(8.0, 10.0), (8.0, 5.0)]);
        let crossing = [(-5.0, 5.0), (15.0, 5.0)];
        assert_eq!(
            clip_line(&crossing, BOX),
            vec![vec![(0.0, 5.0), (10.0, 5.0)]]
        );
    }
}
