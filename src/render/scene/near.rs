//! Stage 3, render: "is any of these points within `km` of that one?" answered without
//! comparing every pair (the extent and the context places ask it once per place: thousands
//! of places against thousands of incidents on a world map).
//!
//! The points are sorted by latitude; a point within `km` (great-circle) of another lies
//! within `km / 111.19` degrees of latitude of it, so only that band is compared, with the
//! very same `distance_km` as before: the answer is exactly the one of the full scan.

use crate::reference::distance_km;

/// Km along a meridian per degree of latitude on the sphere `distance_km` uses.
const KM_PER_DEGREE_LAT: f64 = 6371.0 * std::f64::consts::PI / 180.0;

/// Points (lon, lat) in degrees, sorted by latitude, for nearness queries.
pub(super) struct NearIndex {
    by_lat: Vec<(f64, f64)>,
}

impl NearIndex {
    pub(crate) fn new(points: &[(f64, f64)]) -> Self {
        let mut by_lat: Vec<(f64, f64)> = points
            .iter()
            .copied()
            .filter(|p| p.0.is_finite() && p.1.is_finite())
            .collect();
        by_lat.sort_by(|a, b| a.1.total_cmp(&b.1));
        by_lat.dedup();
        NearIndex { by_lat }
    }

    /// True when some point's great-circle distance to (lon, lat) satisfies `within(km)`,
    /// where `within` holds only for distances up to `reach_km`.
    pub(crate) fn any_within(
        &self,
        (lon, lat): (f64, f64),
        reach_km: f64,
        within: impl Fn(f64) -> bool,
    ) -> bool {
        // A small margin so rounding in the band can never leave out a point the full scan
        // would have found.
        let band_deg = reach_km / KM_PER_DEGREE_LAT * 1.001 + 1e-9;
        let start = self.by_lat.partition_point(|p| p.1 < lat - band_deg);
        self.by_lat[start..]
            .iter()
            .take_while(|p| p.1 <= lat + band_deg)
            .any(|&(x, y)| within(distance_km(lon, lat, x, y)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full_scan(points: &[(f64, f64)], p: (f64, f64), km: f64) -> bool {
        points
            .iter()
            .any(|&(x, y)| distance_km(p.0, p.1, x, y) <= km)
    }

    #[test]
    fn answers_exactly_as_the_full_scan() {
        let mut seed: u64 = 3;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let points: Vec<(f64, f64)> = (0..400)
            .map(|_| (next() * 360.0 - 180.0, next() * 180.0 - 90.0))
            .collect();
        let index = NearIndex::new(&points);
        for _ in 0..2000 {
            let p = (next() * 360.0 - 180.0, next() * 180.0 - 90.0);
            for km in [5.0, 250.0, 900.0, 3000.0] {
                let fast = index.any_within(p, km, |d| d <= km);
                assert_eq!(fast, full_scan(&points, p, km), "{p:?} {km}");
            }
        }
    }

    #[test]
    fn finds_a_point_across_the_antimeridian_and_near_a_pole() {
        let index = NearIndex::new(&[(179.95, 10.0), (-60.0, 89.99)]);
        assert!(index.any_within((-179.95, 10.0), 20.0, |d| d <= 20.0));
        assert!(index.any_within((120.0, 89.99), 5.0, |d| d <= 5.0));
        assert!(!index.any_within((0.0, 0.0), 250.0, |d| d <= 250.0));
    }

    #[test]
    fn a_distance_at_the_limit_counts_and_the_strict_test_is_kept() {
        let index = NearIndex::new(&[(0.0, 1.0)]);
        let km = distance_km(0.0, 0.0, 0.0, 1.0);
        assert!(index.any_within((0.0, 0.0), km, |d| d <= km));
        assert!(!index.any_within((0.0, 0.0), km, |d| d < km));
    }

    #[test]
    fn empty_and_non_finite_points_find_nothing() {
        assert!(!NearIndex::new(&[]).any_within((0.0, 0.0), 100.0, |_| true));
        let index = NearIndex::new(&[(f64::NAN, 0.0)]);
        assert!(!index.any_within((0.0, 0.0), 100.0, |_| true));
    }
}
