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
