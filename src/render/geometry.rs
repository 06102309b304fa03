//! Stage 3, render: the plane of the page — rectangles, circles and segments (leader lines)
//! in px (y down) that the scene is laid out with and the SVG is drawn from.

/// An axis-aligned rectangle in px (y down).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    /// True when the rectangles overlap after growing `self` by `margin` on every side.
    pub fn intersects(&self, other: &Rect, margin: f64) -> bool {
        self.x - margin < other.right()
            && other.x < self.right() + margin
            && self.y - margin < other.bottom()
            && other.y < self.bottom() + margin
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.right() <= self.right()
            && other.bottom() <= self.bottom()
    }

    /// Distance from a point to the rectangle (0 inside).
    pub fn distance_to(&self, px: f64, py: f64) -> f64 {
        let dx = (self.x - px).max(0.0).max(px - self.right());
        let dy = (self.y - py).max(0.0).max(py - self.bottom());
        (dx * dx + dy * dy).sqrt()
    }

    /// The point of the rectangle's outline nearest to (px, py).
    pub fn nearest_point(&self, px: f64, py: f64) -> (f64, f64) {
        (
            px.clamp(self.x, self.right()),
            py.clamp(self.y, self.bottom()),
        )
    }
}

/// A symbol on the map: labels must not cover it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Circle {
    pub x: f64,
    pub y: f64,
    pub r: f64,
}

impl Circle {
    /// True when the two discs overlap (touching does not count).
    pub fn overlaps(&self, other: &Circle) -> bool {
        (self.x - other.x).hypot(self.y - other.y) < self.r + other.r
    }

    /// True when either disc holds the other's centre: the two read as one stack.
    pub fn stacks_with(&self, other: &Circle) -> bool {
        (self.x - other.x).hypot(self.y - other.y) < self.r.max(other.r)
    }
}

/// A leader line, from the symbol's edge to the label.
pub type Segment = ((f64, f64), (f64, f64));

/// The distance from point `p` to the segment a–b, in px.
pub(crate) fn segment_point_distance(a: (f64, f64), b: (f64, f64), p: (f64, f64)) -> f64 {
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
