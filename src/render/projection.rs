//! Stage 3, render: map projections and fitting the map extent to the page.
//!
//! Regional maps use the Lambert azimuthal equal-area projection on a sphere of the
//! authalic radius, centred on the data: areas are true everywhere and, near the centre, so
//! are distances, which the scale bar relies on. Projected coordinates are in km.

use super::equal_earth::EqualEarth;
pub use super::equal_earth::EARTH_RADIUS_KM;

/// Lambert azimuthal equal-area, spherical form, centred on (`lon0`, `lat0`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Laea {
    lon0_rad: f64,
    sin_lat0: f64,
    cos_lat0: f64,
}

impl Laea {
    pub fn new(lon0: f64, lat0: f64) -> Laea {
        let lat0_rad = lat0.to_radians();
        Laea {
            lon0_rad: lon0.to_radians(),
            sin_lat0: lat0_rad.sin(),
            cos_lat0: lat0_rad.cos(),
        }
    }

    /// (lon, lat) in degrees → (x east, y north) in km. `None` for the antipode of the centre,
    /// which has no image.
    pub fn forward(&self, lon: f64, lat: f64) -> Option<(f64, f64)> {
        let (sin_lat, cos_lat) = lat.to_radians().sin_cos();
        let (sin_dlon, cos_dlon) = (lon.to_radians() - self.lon0_rad).sin_cos();
        let denom = 1.0 + self.sin_lat0 * sin_lat + self.cos_lat0 * cos_lat * cos_dlon;
        if denom <= 1e-12 {
            return None;
        }
        let k = (2.0 / denom).sqrt();
        let x = EARTH_RADIUS_KM * k * cos_lat * sin_dlon;
        let y =
            EARTH_RADIUS_KM * k * (self.cos_lat0 * sin_lat - self.sin_lat0 * cos_lat * cos_dlon);
        Some((x, y))
    }

    /// (x, y) in km → (lon, lat) in degrees; `None` outside the projection's disc.
    pub fn inverse(&self, x: f64, y: f64) -> Option<(f64, f64)> {
        let rho = x.hypot(y);
        if rho < 1e-9 {
            return Some((
                self.lon0_rad.to_degrees(),
                self.sin_lat0.atan2(self.cos_lat0).to_degrees(),
            ));
        }
        let ratio = rho / (2.0 * EARTH_RADIUS_KM);
        if ratio > 1.0 {
            return None;
        }
        let c = 2.0 * ratio.asin();
        let (sin_c, cos_c) = c.sin_cos();
        let lat = (cos_c * self.sin_lat0 + y * sin_c * self.cos_lat0 / rho)
            .clamp(-1.0, 1.0)
            .asin();
        let lon = self.lon0_rad
            + (x * sin_c).atan2(rho * self.cos_lat0 * cos_c - y * self.sin_lat0 * sin_c);
        let mut lon_deg = lon.to_degrees();
        if lon_deg > 180.0 {
            lon_deg -= 360.0;
        } else if lon_deg < -180.0 {
            lon_deg += 360.0;
        }
        Some((lon_deg, lat.to_degrees()))
    }
}

/// The projections a map can use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Projection {
    Laea(Laea),
    EqualEarth(EqualEarth),
}

impl Projection {
    pub fn forward(&self, lon: f64, lat: f64) -> Option<(f64, f64)> {
        match self {
            Projection::Laea(p) => p.forward(lon, lat),
            Projection::EqualEarth(p) => p.forward(lon, lat),
        }
    }

    pub fn inverse(&self, x: f64, y: f64) -> Option<(f64, f64)> {
        match self {
            Projection::Laea(p) => p.inverse(x, y),
            Projection::EqualEarth(p) => p.inverse(x, y),
        }
    }
}

/// Which projection to fit (`MapOptions::projection`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProjectionChoice {
    /// Lambert azimuthal equal-area for regional extents, Equal Earth when the data span more
    /// than 100° of longitude or 70° of latitude.
    Auto,
    Laea,
    EqualEarth,
}

impl ProjectionChoice {
    pub fn parse(text: &str) -> Option<ProjectionChoice> {
        match text.trim().to_ascii_lowercase().as_str() {
            "auto" | "" => Some(ProjectionChoice::Auto),
            "laea" | "lambert" => Some(ProjectionChoice::Laea),
            "equal-earth" | "equalearth" | "world" => Some(ProjectionChoice::EqualEarth),
            _ => None,
        }
    }
}

/// Axis-aligned rectangle in projected km.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoxKm {
    pub x_min: f64,
    pub y_min: f64,
    pub x_max: f64,
    pub y_max: f64,
}

/// Hands every point (lon, lat) of a set to the visitor, in the same order each time.
pub type EachPoint<'a> = dyn Fn(&mut dyn FnMut((f64, f64))) + 'a;

/// A projection fitted into a page rectangle: lon/lat → px (y down).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub projection: Projection,
    /// Pixels per km.
    pub px_per_km: f64,
    /// Projected point (km) at the page rectangle's centre.
    center_km: (f64, f64),
    /// Page rectangle's centre in px.
    center_px: (f64, f64),
}

impl Viewport {
    /// Fits the projected points into the page rectangle `(x, y, width, height)` in px, with
    /// `padding` (fraction of the extent added on every side) and an extent of at least
    /// `min_extent_km` on the shorter side, so that a single town still shows its region.
    pub fn fit(
        lon_lat: &[(f64, f64)],
        rect_px: (f64, f64, f64, f64),
        padding: f64,
        min_extent_km: f64,
    ) -> Option<Viewport> {
        Viewport::fit_with(
            ProjectionChoice::Auto,
            lon_lat,
            rect_px,
            padding,
            min_extent_km,
        )
    }

    /// [`Viewport::fit`] with a choice of projection.
    pub fn fit_with(
        choice: ProjectionChoice,
        lon_lat: &[(f64, f64)],
        rect_px: (f64, f64, f64, f64),
        padding: f64,
        min_extent_km: f64,
    ) -> Option<Viewport> {
        let each = |visit: &mut dyn FnMut((f64, f64))| lon_lat.iter().for_each(|&p| visit(p));
        Viewport::fit_each(choice, &each, rect_px, padding, min_extent_km)
    }

    /// [`Viewport::fit_with`] for points not held in memory: `each` hands every point to
    /// the visitor, in the same order each time (it is called twice).
    pub fn fit_each(
        choice: ProjectionChoice,
        each: &EachPoint<'_>,
        rect_px: (f64, f64, f64, f64),
        padding: f64,
        min_extent_km: f64,
    ) -> Option<Viewport> {
        let mut span = Bounds::default();
        each(&mut |p| span.add(p));
        let span = span.0?;
        let (lon0, lat0) = (
            (span.x_min + span.x_max) / 2.0,
            (span.y_min + span.y_max) / 2.0,
        );
        let world = span.x_max - span.x_min > 100.0 || span.y_max - span.y_min > 70.0;
        let projection = match choice {
            ProjectionChoice::EqualEarth => Projection::EqualEarth(EqualEarth::new(lon0)),
            ProjectionChoice::Auto if world => Projection::EqualEarth(EqualEarth::new(lon0)),
            _ => Projection::Laea(Laea::new(lon0, lat0)),
        };
        let mut projected = Bounds::default();
        each(&mut |(lon, lat)| {
            if let Some(p) = projection.forward(lon, lat) {
                projected.add(p);
            }
        });
        let b = projected.0?;
        let (rx, ry, rw, rh) = rect_px;
        let mut w_km = (b.x_max - b.x_min) * (1.0 + 2.0 * padding);
        let mut h_km = (b.y_max - b.y_min) * (1.0 + 2.0 * padding);
        // Respect the minimum extent on the side that ends up shorter on the page.
        let aspect = rw / rh;
        w_km = w_km.max(min_extent_km * aspect.max(1.0)).max(h_km * aspect);
        h_km = h_km.max(w_km / aspect);
        let px_per_km = (rw / w_km).min(rh / h_km);
        Some(Viewport {
            projection,
            px_per_km,
            center_km: ((b.x_min + b.x_max) / 2.0, (b.y_min + b.y_max) / 2.0),
            center_px: (rx + rw / 2.0, ry + rh / 2.0),
        })
    }

    /// A viewport on a given projection, scale and centre (for insets and tests).
    pub fn new(
        projection: Projection,
        px_per_km: f64,
        center_km: (f64, f64),
        center_px: (f64, f64),
    ) -> Viewport {
        Viewport {
            projection,
            px_per_km,
            center_km,
            center_px,
        }
    }

    /// The same projection and scale, centred on another point of the page.
    pub fn moved_to(&self, center_px: (f64, f64)) -> Viewport {
        Viewport { center_px, ..*self }
    }

    /// page px → lon/lat.
    pub fn to_lon_lat(&self, x_px: f64, y_px: f64) -> Option<(f64, f64)> {
        let x = self.center_km.0 + (x_px - self.center_px.0) / self.px_per_km;
        let y = self.center_km.1 - (y_px - self.center_px.1) / self.px_per_km;
        self.projection.inverse(x, y)
    }

    /// The lon/lat box (lon_min, lat_min, lon_max, lat_max) covering a page rectangle
    /// `(x, y, w, h)`, from points sampled along its edges, widened by `margin_deg`.
    pub fn lon_lat_bbox(&self, rect_px: (f64, f64, f64, f64), margin_deg: f64) -> Option<[f64; 4]> {
        let (x, y, w, h) = rect_px;
        let mut out: Option<[f64; 4]> = None;
        for i in 0..=16 {
            let t = f64::from(i) / 16.0;
            for (px, py) in [
                (x + t * w, y),
                (x + t * w, y + h),
                (x, y + t * h),
                (x + w, y + t * h),
            ] {
                if let Some((lon, lat)) = self.to_lon_lat(px, py) {
                    out = Some(match out {
                        None => [lon, lat, lon, lat],
                        Some(b) => [b[0].min(lon), b[1].min(lat), b[2].max(lon), b[3].max(lat)],
                    });
                }
            }
        }
        out.map(|b| {
            [
                b[0] - margin_deg,
                b[1] - margin_deg,
                b[2] + margin_deg,
                b[3] + margin_deg,
            ]
        })
    }

    /// lon/lat → page px (y grows downwards).
    pub fn to_px(&self, lon: f64, lat: f64) -> Option<(f64, f64)> {
        let (x, y) = self.projection.forward(lon, lat)?;
        Some((
            self.center_px.0 + (x - self.center_km.0) * self.px_per_km,
            self.center_px.1 - (y - self.center_km.1) * self.px_per_km,
        ))
    }
}

/// Centre of a set of lon/lat points: the middle of their bounding box (longitudes are
/// assumed not to straddle the antimeridian).
/// The bounds of points added one at a time.
#[derive(Default)]
struct Bounds(Option<BoxKm>);

impl Bounds {
    fn add(&mut self, (x, y): (f64, f64)) {
        self.0 = Some(match self.0 {
            None => BoxKm {
                x_min: x,
                y_min: y,
                x_max: x,
                y_max: y,
            },
            Some(b) => BoxKm {
                x_min: b.x_min.min(x),
                y_min: b.y_min.min(y),
                x_max: b.x_max.max(x),
                y_max: b.y_max.max(y),
            },
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
        let (la1, la2) = (a.1.to_radians(), b.1.to_radians());
        let dlat = la2 - la1;
        let dlon = (b.0 - a.0).to_radians();
        let h = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlon / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * h.sqrt().asin()
    }

    #[test]
    fn distances_from_the_centre_are_true() {
        let p = Laea::new(39.0, 36.0);
        assert_eq!(p.forward(39.0, 36.0), Some((0.0, 0.0)));
        let hasakah = (40.74772, 36.50237);
        let (x, y) = p.forward(hasakah.0, hasakah.1).unwrap();
        let projected = (x * x + y * y).sqrt();
        let true_km = haversine_km((39.0, 36.0), hasakah);
        assert!(
            (projected - true_km).abs() < 0.5,
            "{projected} vs {true_km}"
        );
        assert!(x > 0.0 && y > 0.0);
    }

    #[test]
    fn inverse_undoes_forward() {
        let p = Laea::new(39.0, 36.0);
        for (lon, lat) in [
            (39.0, 36.0),
            (40.74772, 36.50237),
            (-5.0, 60.0),
            (120.0, -30.0),
        ] {
            let (x, y) = p.forward(lon, lat).unwrap();
            let (lon2, lat2) = p.inverse(x, y).unwrap();
            assert!(
                (lon - lon2).abs() < 1e-9 && (lat - lat2).abs() < 1e-9,
                "{lon},{lat} -> {lon2},{lat2}"
            );
        }
    }

    #[test]
    fn fitting_keeps_points_inside_and_a_minimum_extent() {
        let pts = [
            (38.86228, 36.3855),
            (40.74772, 36.50237),
            (39.1299, 36.59596),
        ];
        let vp = Viewport::fit(&pts, (0.0, 0.0, 1600.0, 1000.0), 0.1, 300.0).unwrap();
        for (lon, lat) in pts {
            let (x, y) = vp.to_px(lon, lat).unwrap();
            assert!((0.0..=1600.0).contains(&x) && (0.0..=1000.0).contains(&y));
        }
        let single = Viewport::fit(&pts[..1], (0.0, 0.0, 1600.0, 1000.0), 0.1, 300.0).unwrap();
        assert!(
            (single.px_per_km * 300.0 - 1000.0).abs() < 1.0,
            "{}",
            single.px_per_km
        );
    }
}
