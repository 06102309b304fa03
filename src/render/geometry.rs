//! Stage 3, render: the plane of the page — rectangles and circles in px (y down) that the
//! scene is laid out with and the SVG is drawn from.

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
