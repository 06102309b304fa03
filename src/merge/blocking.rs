//! Stage merge: candidate pairs by place and date buckets, so that a million table rows are
//! compared only with their neighbours in space and time, never all pairs.
//!
//! - Towns and sites (which merge within 10 km) go into a fine grid of 0.1° (about 11 km);
//!   a town is compared with the towns of its own and the neighbouring fine cells.
//! - Places near a town or in a district (which merge within 25 or 50 km) go into a coarse
//!   grid of 0.5° (about 55 km), and every report is also filed there: a wide place is
//!   compared with every report of its own and the neighbouring coarse cells.
//! - Province- and country-wide places (which merge with the same gazetteer entry) are
//!   bucketed by that entry; a province-wide report is also compared with the finer places
//!   whose first-level division has its name (every finer place is filed by its province).
//!
//! Each bucket keeps its reports sorted by first day, and a report is compared only with
//! those whose dates come within a window of its own: a day for table rows (ACLED and UCDP
//! GED code the same event a day apart at most), [`NEAR_MISS_DAYS`] for articles (so that a
//! second attack a week later is named as kept apart).

use std::collections::HashMap;

use crate::model::{GeoPrecision, OriginKind, Reported};

use super::admin::{province_keys, province_of, province_wide};
use super::rules::{eligible, MAX_SPAN_DAYS, NEAR_MISS_DAYS};
use super::MergeMode;

/// Cell sizes in degrees of latitude (and of longitude at the equator).
const FINE_DEG: f64 = 0.1;
const COARSE_DEG: f64 = 0.5;

/// A report's first and last day (days since 1970-01-01).
fn days(r: &Reported) -> (i64, i64) {
    let d = &r.incident.date;
    (d.start.days_since_epoch(), d.end.days_since_epoch())
}

/// Days either side a report looks for others.
fn window(r: &Reported) -> i64 {
    match r.origin.kind {
        OriginKind::Article => NEAR_MISS_DAYS,
        OriginKind::Table => 1,
    }
}

/// A grid: cells of `deg` degrees, each a bucket.
struct Grid {
    deg: f64,
    cells: HashMap<(i64, i64), Bucket>,
}

impl Grid {
    fn new(deg: f64) -> Grid {
        Grid {
            deg,
            cells: HashMap::new(),
        }
    }

    fn cell(&self, lon: f64, lat: f64) -> (i64, i64) {
        (
            (lat / self.deg).floor() as i64,
            (lon / self.deg).floor() as i64,
        )
    }

    fn add(&mut self, i: usize, lon: f64, lat: f64) {
        let cell = self.cell(lon, lat);
        self.cells.entry(cell).or_default().members.push(i);
    }

    /// Longitude cells to look at either side of a row, so that a cell's width in km is
    /// covered at its latitude (cells shrink towards the poles).
    fn lon_reach(&self, row: i64) -> i64 {
        let lat_edge = ((row as f64 + 0.5) * self.deg).abs() + self.deg;
        let cos = lat_edge.min(89.0).to_radians().cos().max(0.02);
        (1.0 / cos).ceil() as i64
    }

    /// Every bucket around a point (the antimeridian wraps).
    fn around(&self, lon: f64, lat: f64) -> impl Iterator<Item = &Bucket> {
        let (row, col) = self.cell(lon, lat);
        let reach = self.lon_reach(row);
        let cols = (360.0 / self.deg).round() as i64;
        (-1..=1).flat_map(move |dr| {
            (-reach..=reach).filter_map(move |dc| {
                let c = (col + dc + cols / 2).rem_euclid(cols) - cols / 2;
                self.cells.get(&(row + dr, c))
            })
        })
    }
}

/// Indices sorted by first day, with what the scan needs alongside (first and last days,
/// the source), so that a dense bucket is read from a few arrays, not from every report.
#[derive(Default)]
struct Bucket {
    starts: Vec<i64>,
    ends: Vec<i64>,
    sources: Vec<u32>,
    members: Vec<usize>,
    /// The longest span of a member, in days: how far before a report's window a member
    /// may start and still reach into it.
    longest: i64,
}

impl Bucket {
    fn sort(&mut self, reports: &[Reported], sources: &[u32]) {
        self.members.sort_by_key(|&i| (days(&reports[i]).0, i));
        let spans: Vec<(i64, i64)> = self.members.iter().map(|&i| days(&reports[i])).collect();
        self.starts = spans.iter().map(|s| s.0).collect();
        self.ends = spans.iter().map(|s| s.1).collect();
        self.longest = spans.iter().map(|s| s.1 - s.0).max().unwrap_or(0);
        self.sources = self.members.iter().map(|&i| sources[i]).collect();
    }

    /// Members other than `i` whose span comes within `i`'s window, as sorted pairs;
    /// `later_only` keeps those after `i` (each pair then comes once).
    fn near(&self, i: usize, scan: &Scan, later_only: bool, out: &mut Vec<(usize, usize)>) {
        let reports = scan.reports;
        let (start, end) = days(&reports[i]);
        let w = window(&reports[i]);
        let source = scan.sources[i];
        let from = self
            .starts
            .partition_point(|&s| s < start - w - self.longest);
        for (k, &s) in self.starts.iter().enumerate().skip(from) {
            if s > end + w {
                break;
            }
            // One source (data set or document) never merges with itself.
            if self.sources[k] == source || self.ends[k] < start - w {
                continue;
            }
            let j = self.members[k];
            if j == i || (later_only && j < i) {
                continue;
            }
            if eligible(&reports[i], &reports[j], scan.mode).is_err() {
                continue;
            }
            out.push((i.min(j), i.max(j)));
        }
    }
}

/// What every bucket's scan reads: the reports, each report's source, the mode.
struct Scan<'r> {
    reports: &'r [Reported],
    sources: Vec<u32>,
    mode: MergeMode,
}

/// A number per source whose reports never merge with each other: the data set when the
/// report names one, else its document (file). Equal numbers are never a candidate pair.
fn source_numbers(reports: &[Reported]) -> Vec<u32> {
    let mut numbers: HashMap<(bool, &str), u32> = HashMap::new();
    reports
        .iter()
        .map(|r| {
            let key = match r.origin.dataset.as_deref() {
                Some(d) => (true, d),
                None => (false, r.origin.file.as_str()),
            };
            let next = numbers.len() as u32;
            *numbers.entry(key).or_insert(next)
        })
        .collect()
}

/// The province key of a place finer than a province ([`province_of`]), folded once per
/// distinct country and division name (a million rows name a few thousand).
fn province_key<'r>(
    place: &'r crate::model::Place,
    folded: &mut HashMap<(&'r str, &'r str), Option<String>>,
) -> Option<String> {
    let country = place.country_code.as_deref().unwrap_or("");
    let admin1 = place.admin1.as_deref()?;
    folded
        .entry((country, admin1))
        .or_insert_with(|| province_of(place))
        .clone()
}

/// Every pair `(i, j)`, `i < j`, that the mode lets merge and that is close enough in place
/// and date to be judged; sorted, without repeats.
pub fn candidate_pairs(reports: &[Reported], mode: MergeMode) -> Vec<(usize, usize)> {
    if mode == MergeMode::None {
        return Vec::new();
    }
    let mut buckets = Buckets::file(reports, mode);
    let scan = Scan {
        reports,
        sources: source_numbers(reports),
        mode,
    };
    buckets.sort(reports, &scan.sources);
    let mut pairs = Vec::new();
    buckets.same_division(&scan, &mut pairs);
    buckets.nearby(&scan, &mut pairs);
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// True when the mode lets report `r` merge at all and its dates span less than
/// [`MAX_SPAN_DAYS`].
fn may_merge(r: &Reported, mode: MergeMode) -> bool {
    let (start, end) = days(r);
    end - start < MAX_SPAN_DAYS && (mode == MergeMode::All || r.origin.kind == OriginKind::Article)
}

/// True when the report is placed at a town or finer.
fn town(r: &Reported) -> bool {
    r.incident.place.precision <= GeoPrecision::Town
}

/// Every bucket the reports are filed in.
struct Buckets<'r> {
    mode: MergeMode,
    fine: Grid,
    coarse: Grid,
    /// Province- and country-wide places by their gazetteer entry.
    entries: HashMap<&'r str, Bucket>,
    /// Places finer than a province, by the province they lie in.
    provinces: HashMap<String, Bucket>,
    /// Province-wide reports with the provinces they answer to.
    wide: Vec<(usize, Vec<String>)>,
}

impl<'r> Buckets<'r> {
    /// Files every report the mode lets merge: a province- or country-wide one by its entry
    /// (and a province-wide one with its provinces), a finer one by its province and in the
    /// coarse grid, a town also in the fine grid.
    fn file(reports: &'r [Reported], mode: MergeMode) -> Self {
        let mut b = Buckets {
            mode,
            fine: Grid::new(FINE_DEG),
            coarse: Grid::new(COARSE_DEG),
            entries: HashMap::new(),
            provinces: HashMap::new(),
            wide: Vec::new(),
        };
        let mut folded: HashMap<(&str, &str), Option<String>> = HashMap::new();
        for (i, r) in reports
            .iter()
            .enumerate()
            .filter(|(_, r)| may_merge(r, mode))
        {
            let place = &r.incident.place;
            if place.precision >= GeoPrecision::Admin1 {
                if let Some(id) = place.gazetteer_id.as_deref() {
                    b.entries.entry(id).or_default().members.push(i);
                }
                if province_wide(place) {
                    b.wide.push((i, province_keys(place)));
                }
                continue;
            }
            if let Some(key) = province_key(place, &mut folded) {
                b.provinces.entry(key).or_default().members.push(i);
            }
            if let Some((lon, lat)) = place.lon_lat() {
                b.coarse.add(i, lon, lat);
                if town(r) {
                    b.fine.add(i, lon, lat);
                }
            }
        }
        b
    }

    /// Sorts every bucket's reports by first day.
    fn sort(&mut self, reports: &[Reported], sources: &[u32]) {
        for grid in [&mut self.fine, &mut self.coarse] {
            grid.cells
                .values_mut()
                .for_each(|b| b.sort(reports, sources));
        }
        self.entries
            .values_mut()
            .for_each(|b| b.sort(reports, sources));
        self.provinces
            .values_mut()
            .for_each(|b| b.sort(reports, sources));
    }

    /// Pairs of province- or country-wide reports of one entry, and of a province-wide
    /// report with the finer places of its provinces.
    fn same_division(&self, scan: &Scan, pairs: &mut Vec<(usize, usize)>) {
        for bucket in self.entries.values() {
            for &i in &bucket.members {
                bucket.near(i, scan, false, pairs);
            }
        }
        for (i, keys) in &self.wide {
            for bucket in keys.iter().filter_map(|k| self.provinces.get(k)) {
                bucket.near(*i, scan, false, pairs);
            }
        }
    }

    /// Pairs of places finer than a province in neighbouring cells: towns with towns (fine
    /// grid), wider places with everything (coarse grid).
    fn nearby(&self, scan: &Scan, pairs: &mut Vec<(usize, usize)>) {
        let reports = scan.reports;
        for (i, r) in reports
            .iter()
            .enumerate()
            .filter(|(_, r)| may_merge(r, self.mode))
        {
            let Some((lon, lat)) = r.incident.place.lon_lat() else {
                continue;
            };
            if r.incident.place.precision >= GeoPrecision::Admin1 {
                continue;
            }
            // An article looks at every neighbour (its window may be wider than theirs).
            let later_only = r.origin.kind == OriginKind::Table;
            if town(r) {
                // Towns with towns (fine grid); towns with wider places come from the wide side.
                for bucket in self.fine.around(lon, lat) {
                    bucket.near(i, scan, later_only, pairs);
                }
            } else {
                for bucket in self.coarse.around(lon, lat) {
                    bucket.near(i, scan, false, pairs);
                }
            }
        }
    }
}
