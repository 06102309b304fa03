//! Distances on the Earth, shared by the stages that rank places (gazetteer) and fit maps
//! (render).

/// Mean Earth radius (IUGG), in km.
const EARTH_RADIUS_KM: f64 = 6371.0;

/// Great-circle distance in km between two points given in degrees (haversine on a sphere of
/// the mean Earth radius: within 0.5 % of the ellipsoidal distance).
///
/// ```
/// use incimap::reference::distance_km;
/// // One degree of latitude is about 111 km.
/// let km = distance_km(10.0, 0.0, 10.0, 1.0);
/// assert!((km - 111.2).abs() < 0.1, "{km}");
/// ```
pub fn distance_km(lon1: f64, lat1: f64, lon2: f64, lat2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
}

/// The point reached from (`lon`, `lat`) after `km` along the great circle that leaves it at
/// `bearing_deg` (clockwise from true north: 0 north, 90 east), on the same sphere as
/// [`distance_km`]; as `(lon, lat)` in degrees, the longitude wrapped to -180..180.
///
/// ```
/// use incimap::reference::{destination, distance_km};
/// // 100 km due north of a point on the equator: about 0.9 degrees of latitude.
/// let (lon, lat) = destination(20.0, 0.0, 0.0, 100.0);
/// assert!((lon - 20.0).abs() < 1e-9 && (lat - 0.8993).abs() < 1e-3, "{lon} {lat}");
/// // Whatever the bearing, the point lies the given distance away.
/// let (lon, lat) = destination(5.1, 52.1, 45.0, 50.0);
/// assert!((distance_km(5.1, 52.1, lon, lat) - 50.0).abs() < 1e-6);
/// assert!(lon > 5.1 && lat > 52.1);
/// ```
pub fn destination(lon: f64, lat: f64, bearing_deg: f64, km: f64) -> (f64, f64) {
    let angle = km / EARTH_RADIUS_KM;
    let (p1, l1, theta) = (lat.to_radians(), lon.to_radians(), bearing_deg.to_radians());
    let sin_p2 = p1.sin() * angle.cos() + p1.cos() * angle.sin() * theta.cos();
    let p2 = sin_p2.clamp(-1.0, 1.0).asin();
    let y = theta.sin() * angle.sin() * p1.cos();
    let x = angle.cos() - p1.sin() * sin_p2;
    let l2 = l1 + y.atan2(x);
    let lon2 = (l2.to_degrees() + 540.0).rem_euclid(360.0) - 180.0;
    (lon2, p2.to_degrees())
}

/// The bearing (degrees clockwise from true north, 0..360) at which the great circle from
/// the first point to the second leaves the first, on the same sphere as [`distance_km`].
///
/// ```
/// use incimap::reference::{bearing_deg, destination};
/// // Due east along the equator, due north along a meridian.
/// assert!((bearing_deg(10.0, 0.0, 11.0, 0.0) - 90.0).abs() < 1e-9);
/// assert!(bearing_deg(10.0, 0.0, 10.0, 1.0).abs() < 1e-9);
/// // The point reached at a bearing lies at that bearing.
/// let (lon, lat) = destination(45.3, 2.0, 315.0, 90.0);
/// assert!((bearing_deg(45.3, 2.0, lon, lat) - 315.0).abs() < 1e-6);
/// ```
pub fn bearing_deg(lon1: f64, lat1: f64, lon2: f64, lat2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dl = (lon2 - lon1).to_radians();
    let y = dl.sin() * p2.cos();
    let x = p1.cos() * p2.sin() - p1.sin() * p2.cos() * dl.cos();
    y.atan2(x).to_degrees().rem_euclid(360.0)
}
