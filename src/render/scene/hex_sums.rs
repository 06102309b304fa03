//! Stage 3, render: the hexagon sums of a map with a fixed frame (`bbox`), for incidents
//! read in parts — the partitions of a Dask or Spark job, the files of a directory — and
//! combined afterwards.
//!
//! Where a map's hexagons lie depends on its extent; with `bbox` the extent is fixed before
//! any incident is read, so every part puts an incident in the same hexagon as the whole
//! map does. [`HexSums`] adds incidents one at a time and gives one [`HexCell`] per hexagon
//! and event type: how many incidents, how many of them had a sizing figure, the sum of
//! those figures, and the first and last day covered. Cells of the same hexagon and event
//! type from different parts combine by adding the counts and sums and taking the earliest
//! first and the latest last day (`groupby(["q", "r", "event_type"]).agg(...)`), in any order;
//! the result equals the sums of the whole input, and per hexagon the groups the map draws
//! with a `MapOptions::bbox` and `Aggregate::Hex`: the incidents a symbol stands for and its value.

use std::collections::BTreeMap;

use crate::error::{MapOptionError, Result};
use crate::model::{Date, EventType, Incident, Measure};
use crate::render::geometry::Rect;
use crate::render::projection::Viewport;
use crate::render::{MapOptions, SizeBy};

use super::aggregate::{hex_centre, hex_of, HEX_RADIUS_PX};
use super::facets::facet_frames;
use super::fit::fit_viewport;
use super::layout::PageLayout;
use super::sizing::size_figure;

/// One hexagon's incidents of one event type (see the module documentation).
#[derive(Debug, Clone, PartialEq)]
pub struct HexCell {
    /// The hexagon's axial coordinates on the map (the map's symbol `hexgroup:q:r`).
    pub q: i64,
    pub r: i64,
    /// The hexagon's centre, where the map draws its symbol.
    pub lon: f64,
    pub lat: f64,
    pub event_type: Option<EventType>,
    pub incidents: u64,
    /// Incidents with a sizing figure (a reported 0 included).
    pub reported: u64,
    /// The sum of the sizing figures' best estimates (saturating).
    pub total: u64,
    pub first: Date,
    pub last: Date,
}

/// Hexagon sums being added (see the module documentation).
#[derive(Debug, Clone)]
pub struct HexSums {
    size_by: SizeBy,
    viewport: Viewport,
    frame: Rect,
    radius_px: f64,
    cells: BTreeMap<(i64, i64, Option<EventType>), HexCell>,
    outside: u64,
}

impl HexSums {
    /// Sums for the map `options` describe: its page size, `bbox` (required: the frame
    /// every part shares) and `size_by` (`largest` or a measure; a column that is no
    /// measure is refused, as it is read from the incidents' other fields).
    pub fn new(options: &MapOptions) -> Result<HexSums> {
        if options.bbox.is_none() {
            return Err(MapOptionError::HexSumsWithoutBbox.into());
        }
        if let SizeBy::Measure(Measure::Other(name)) = &options.size_by {
            return Err(MapOptionError::HexSumsSizeByColumn { name: name.clone() }.into());
        }
        let page = PageLayout::new(options.width_px, options.height_px);
        let frame = facet_frames(page.frame, 1, page.unit)[0];
        let viewport = fit_viewport(&[], &[], frame, 0.0, page.unit, options)?;
        Ok(HexSums {
            size_by: options.size_by.clone(),
            viewport,
            frame,
            radius_px: HEX_RADIUS_PX * page.unit,
            cells: BTreeMap::new(),
            outside: 0,
        })
    }

    /// Adds an incident; one without a point or outside the frame is only counted
    /// ([`HexSums::outside`]), as the map leaves it off.
    pub fn add(&mut self, incident: &Incident) {
        let at = incident
            .place
            .lon_lat()
            .and_then(|(lon, lat)| self.viewport.to_px(lon, lat))
            .filter(|&(x, y)| self.frame.distance_to(x, y) == 0.0);
        let Some((x, y)) = at else {
            self.outside += 1;
            return;
        };
        let (q, r) = hex_of(x, y, self.radius_px);
        let figure = size_figure(incident, &self.size_by);
        let value = figure.and_then(|f| f.best).unwrap_or(0);
        let (start, end) = (incident.date.start, incident.date.end);
        let key = (q, r, incident.event_type);
        let cell = match self.cells.get_mut(&key) {
            Some(cell) => cell,
            None => {
                let (cx, cy) = hex_centre(q, r, self.radius_px);
                let (lon, lat) = self
                    .viewport
                    .to_lon_lat(cx, cy)
                    .unwrap_or((f64::NAN, f64::NAN));
                self.cells.entry(key).or_insert(HexCell {
                    q,
                    r,
                    lon,
                    lat,
                    event_type: incident.event_type,
                    incidents: 0,
                    reported: 0,
                    total: 0,
                    first: start,
                    last: end,
                })
            }
        };
        cell.incidents += 1;
        cell.reported += u64::from(figure.is_some());
        cell.total = cell.total.saturating_add(value);
        cell.first = cell.first.min(start);
        cell.last = cell.last.max(end);
    }

    /// The cells, by hexagon (q, then r) and event type.
    pub fn cells(&self) -> impl Iterator<Item = &HexCell> {
        self.cells.values()
    }

    /// Incidents left off: without a point, or outside the frame.
    pub fn outside(&self) -> u64 {
        self.outside
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateSpan, Figure, Place};
    use crate::render::scene::aggregate::{aggregate, Aggregate};
    use std::collections::BTreeMap;

    fn incidents() -> Vec<Incident> {
        (0..3000u64)
            .map(|k| {
                let mut place = Place::named(format!("P{}", k % 700));
                place.lon = Some(35.0 + (k * 7919 % 9000) as f64 / 1000.0);
                place.lat = Some(32.0 + (k * 104_729 % 7000) as f64 / 1000.0);
                let date = DateSpan::parse(&format!("2021-{:02}", 1 + k % 12)).unwrap();
                let mut incident = Incident::new(format!("i{k}"), "t", date, place);
                incident.event_type = Some(EventType::ALL[(k % 5) as usize]);
                if k % 4 != 0 {
                    let measure = [Measure::Killed, Measure::Injured][(k % 2) as usize].clone();
                    incident.figures.push(Figure::from_value(measure, k % 37));
                }
                incident
            })
            .collect()
    }

    #[test]
    fn parts_combine_into_the_groups_the_map_draws() {
        let options = MapOptions {
            bbox: Some([36.0, 33.0, 42.0, 38.0]),
            aggregate: Aggregate::Hex,
            ..MapOptions::default()
        };
        let all = incidents();
        let mut whole = HexSums::new(&options).unwrap();
        all.iter().for_each(|i| whole.add(i));
        // Three parts, combined by adding counts and sums per hexagon and event type.
        let mut combined: BTreeMap<(i64, i64, Option<EventType>), HexCell> = BTreeMap::new();
        for part in all.chunks(1100) {
            let mut sums = HexSums::new(&options).unwrap();
            part.iter().for_each(|i| sums.add(i));
            for cell in sums.cells() {
                combined
                    .entry((cell.q, cell.r, cell.event_type))
                    .and_modify(|c| {
                        c.incidents += cell.incidents;
                        c.reported += cell.reported;
                        c.total += cell.total;
                        c.first = c.first.min(cell.first);
                        c.last = c.last.max(cell.last);
                    })
                    .or_insert_with(|| cell.clone());
            }
        }
        let whole_cells: Vec<&HexCell> = whole.cells().collect();
        assert_eq!(combined.values().collect::<Vec<_>>(), whole_cells);
        // The map's groups: the incidents inside the frame, grouped by hexagon.
        let page = PageLayout::new(options.width_px, options.height_px);
        let inside: Vec<&Incident> = all
            .iter()
            .filter(|i| {
                let (lon, lat) = i.place.lon_lat().unwrap();
                let (x, y) = whole.viewport.to_px(lon, lat).unwrap();
                whole.frame.distance_to(x, y) == 0.0
            })
            .collect();
        assert!(whole.outside() > 0 && !inside.is_empty());
        assert_eq!(inside.len() as u64 + whole.outside(), all.len() as u64);
        let groups = aggregate(
            &inside,
            Aggregate::Hex,
            &options.size_by,
            &whole.viewport,
            page.unit,
        )
        .unwrap();
        let mut per_hexagon: BTreeMap<String, (u64, Option<u64>)> = BTreeMap::new();
        for cell in whole.cells() {
            let sums = per_hexagon
                .entry(format!("hexgroup:{}:{}", cell.q, cell.r))
                .or_default();
            sums.0 += cell.incidents;
            // A group whose members reported no figure has none.
            if cell.reported > 0 {
                sums.1 = Some(sums.1.unwrap_or(0) + cell.total);
            }
        }
        assert_eq!(groups.len(), per_hexagon.len());
        for group in &groups {
            let members: u64 = group.tags[0]
                .strip_prefix("aggregate:")
                .unwrap()
                .parse()
                .unwrap();
            let value = group.figures.first().and_then(|f| f.best);
            assert_eq!(per_hexagon[&group.id], (members, value), "{}", group.id);
        }
    }

    #[test]
    fn a_frame_and_a_measure_are_required() {
        let no_frame = HexSums::new(&MapOptions::default()).unwrap_err();
        assert!(matches!(
            no_frame,
            crate::Error::MapOption(MapOptionError::HexSumsWithoutBbox)
        ));
        assert!(no_frame.is_usage());
        let options = MapOptions {
            bbox: Some([36.0, 34.0, 42.0, 38.0]),
            size_by: SizeBy::parse("severity"),
            ..MapOptions::default()
        };
        let column = HexSums::new(&options).unwrap_err();
        assert_eq!(
            column.to_string(),
            "size_by: expected \"largest\" or a measure (killed, injured, …), got \"severity\""
        );
    }
}
