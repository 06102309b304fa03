//! Stage 3, render: the Equal Earth projection (Šavrič, Patterson and Jenny, 2018), an
//! equal-area pseudocylindrical projection for world maps, on a sphere of the authalic radius.
//! Coordinates in km.

/// Authalic Earth radius in km (the sphere with the WGS 84 ellipsoid's area), the sphere of
/// both of the map's equal-area projections (this one and [`super::projection::Laea`]).
pub const EARTH_RADIUS_KM: f64 = 6371.0072;

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;

/// Equal Earth centred on the meridian `lon0`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EqualEarth {
    lon0: f64,
}

fn m() -> f64 {
    3f64.sqrt() / 2.0
}

impl EqualEarth {
    pub fn new(lon0: f64) -> EqualEarth {
        EqualEarth { lon0 }
    }

    /// (lon, lat) in degrees → (x, y) in km.
    pub fn forward(&self, lon: f64, lat: f64) -> Option<(f64, f64)> {
        let mut dlon = lon - self.lon0;
        if dlon > 180.0 {
            dlon -= 360.0;
        } else if dlon < -180.0 {
            dlon += 360.0;
        }
        let lambda = dlon.to_radians();
        let theta = (m() * lat.to_radians().sin()).asin();
        let t2 = theta * theta;
        let t6 = t2 * t2 * t2;
        let denom = 3.0 * (9.0 * A4 * t6 * t2 + 7.0 * A3 * t6 + 3.0 * A2 * t2 + A1);
        let x = EARTH_RADIUS_KM * 2.0 * 3f64.sqrt() * lambda * theta.cos() / denom;
        let y = EARTH_RADIUS_KM * theta * (A4 * t6 * t2 + A3 * t6 + A2 * t2 + A1);
        (x.is_finite() && y.is_finite()).then_some((x, y))
    }

    /// (x, y) in km → (lon, lat) in degrees, by Newton iteration on θ.
    pub fn inverse(&self, x: f64, y: f64) -> Option<(f64, f64)> {
        let y = y / EARTH_RADIUS_KM;
        let mut theta = y;
        for _ in 0..12 {
            let t2 = theta * theta;
            let t6 = t2 * t2 * t2;
            let f = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2)) - y;
            let df = A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2);
            let step = f / df;
            theta -= step;
            if step.abs() < 1e-12 {
                break;
            }
        }
        let t2 = theta * theta;
        let t6 = t2 * t2 * t2;
        let lambda =
            (x / EARTH_RADIUS_KM) * 3.0 * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2))
                / (2.0 * 3f64.sqrt() * theta.cos());
        let sin_lat = theta.sin() / m();
        if !(-1.0..=1.0).contains(&sin_lat) || lambda.abs() > std::f64::consts::PI + 1e-9 {
            return None;
        }
        Some((self.lon0 + lambda.to_degrees(), sin_lat.asin().to_degrees()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_keeps_areas_equal() {
        let p = EqualEarth::new(0.0);
        for (lon, lat) in [(0.0, 0.0), (40.7, 36.5), (-120.0, -45.0), (179.0, 80.0)] {
            let (x, y) = p.forward(lon, lat).unwrap();
            let (lon2, lat2) = p.inverse(x, y).unwrap();
            assert!(
                (lon - lon2).abs() < 1e-7 && (lat - lat2).abs() < 1e-7,
                "{lon},{lat} -> {lon2},{lat2}"
            );
        }
        // A 1°×1° cell has the same projected area as on the sphere, at the equator and at 60°N.
        let area = |lat: f64| {
            let a = p.forward(0.0, lat).unwrap();
            let b = p.forward(1.0, lat).unwrap();
            let c = p.forward(0.0, lat + 1.0).unwrap();
            ((b.0 - a.0) * (c.1 - a.1)).abs()
        };
        let sphere = |lat: f64| {
            let r = EARTH_RADIUS_KM;
            r * r * 1f64.to_radians() * ((lat + 1.0f64).to_radians().sin() - lat.to_radians().sin())
        };
        for lat in [0.0, 60.0] {
            assert!((area(lat) / sphere(lat) - 1.0).abs() < 0.01, "{lat}");
        }
    }
}
