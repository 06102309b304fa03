//! Stage merge: candidate pairs by place and date buckets, so that a million table rows are
//! compared only with their neighbours in space and time, never all pairs.
//!
//! Located reports go into grid cells of half a degree (about 55 km north–south, more than
//! the widest reach a merge allows); each cell keeps its reports sorted by first day. A report
//! is compared with the reports of its own and the neighbouring cells whose dates lie within
//! [`NEAR_MISS_DAYS`] of its own. Province- and country-wide places (which merge only with the
//! same gazetteer entry) are bucketed by that entry instead.

use std::collections::HashMap;

use crate::model::{GeoPrecision, Reported};

use super::rules::{eligible, MAX_SPAN_DAYS, NEAR_MISS_DAYS};
use super::MergeMode;

/// Cell size in degrees of latitude (and of longitude at the equator).
const CELL_DEG: f64 = 0.5;

/// A report's first and last day (days since 1970-01-01).
fn days(r: &Reported) -> (i64, i64) {
    let d = &r.incident.date;
    (d.start.days_since_epoch(), d.end.days_since_epoch())
}

/// True when a report can merge at all: a date no vaguer than a month.
fn datable(r: &Reported) -> bool {
    let (start, end) = days(r);
    end - start < MAX_SPAN_DAYS
}

/// Cell row of a latitude, and how many cells of longitude one cell's width spans there.
fn row(lat: f64) -> i64 {
    (lat / CELL_DEG).floor() as i64
}

fn col(lon: f64) -> i64 {
    (lon / CELL_DEG).floor() as i64
}

/// Longitude cells to look at either side, so that the reach in km is covered at this row's
/// latitude (cells shrink towards the poles).
fn lon_reach(row: i64) -> i64 {
    let lat = (row as f64 + 0.5) * CELL_DEG;
    let lat_edge = lat.abs() + CELL_DEG;
    let cos = lat_edge.min(89.0).to_radians().cos().max(0.02);
    (1.0 / cos).ceil() as i64
}

/// Indices sorted by first day, with the first days alongside for binary search.
#[derive(Default)]
struct Bucket {
    starts: Vec<i64>,
    members: Vec<usize>,
}

impl Bucket {
    fn sort(&mut self, reports: &[Reported]) {
        self.members.sort_by_key(|&i| (days(&reports[i]).0, i));
        self.starts = self.members.iter().map(|&i| days(&reports[i]).0).collect();
    }

    /// Members `j > i` whose span comes within the near-miss window of `i`'s.
    fn near(&self, i: usize, reports: &[Reported], out: &mut Vec<(usize, usize)>) {
        let (start, end) = days(&reports[i]);
        let from = self
            .starts
            .partition_point(|&s| s < start - NEAR_MISS_DAYS - MAX_SPAN_DAYS);
        for (k, &s) in self.starts.iter().enumerate().skip(from) {
            if s > end + NEAR_MISS_DAYS {
                break;
            }
            let j = self.members[k];
            if j > i && days(&reports[j]).1 >= start - NEAR_MISS_DAYS {
                out.push((i, j));
            }
        }
    }
}

/// Every pair `(i, j)`, `i < j`, that the mode lets merge and that is close enough in place
/// and date to be judged; sorted.
pub fn candidate_pairs(reports: &[Reported], mode: MergeMode) -> Vec<(usize, usize)> {
    if mode == MergeMode::None {
        return Vec::new();
    }
    let may_merge = |r: &Reported| {
        datable(r) && (mode == MergeMode::All || r.origin.kind == crate::model::OriginKind::Article)
    };
    let mut cells: HashMap<(i64, i64), Bucket> = HashMap::new();
    let mut entries: HashMap<&str, Bucket> = HashMap::new();
    for (i, r) in reports.iter().enumerate().filter(|(_, r)| may_merge(r)) {
        let place = &r.incident.place;
        if place.precision >= GeoPrecision::Admin1 {
            if let Some(id) = place.gazetteer_id.as_deref() {
                entries.entry(id).or_default().members.push(i);
            }
        } else if let Some((lon, lat)) = place.lon_lat() {
            cells
                .entry((row(lat), col(lon)))
                .or_default()
                .members
                .push(i);
        }
    }
    cells.values_mut().for_each(|b| b.sort(reports));
    entries.values_mut().for_each(|b| b.sort(reports));
    let mut pairs = Vec::new();
    for bucket in entries.values() {
        for &i in &bucket.members {
            bucket.near(i, reports, &mut pairs);
        }
    }
    let cols = 360.0 / CELL_DEG;
    for (&(r, c), bucket) in &cells {
        let reach = lon_reach(r);
        for &i in &bucket.members {
            for dr in -1..=1 {
                for dc in -reach..=reach {
                    // Longitude wraps at the antimeridian.
                    let cc = (c + dc + cols as i64 / 2).rem_euclid(cols as i64) - cols as i64 / 2;
                    if let Some(other) = cells.get(&(r + dr, cc)) {
                        other.near(i, reports, &mut pairs);
                    }
                }
            }
        }
    }
    pairs.retain(|&(i, j)| eligible(&reports[i], &reports[j], mode).is_ok());
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}
