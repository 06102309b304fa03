//! Stage 3, render: keeping large maps legible. Beyond a few thousand symbols a map turns to
//! mush, so incidents are aggregated — by place (same gazetteer entry, or the same point), and
//! when that is still too many, into hexagonal bins on the page — and each group is drawn as
//! one symbol sized by the sum of its members' figures.

use std::collections::{BTreeMap, HashMap};

use crate::model::{stable_id, Incident, Place};

use super::group_sum::{Group, GroupSum};
use crate::render::projection::Viewport;
use crate::render::SizeBy;

/// How to aggregate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aggregate {
    /// Only when there are more than [`AUTO_LIMIT`] incidents: by place, then hexagons.
    Auto,
    None,
    Place,
    Hex,
}

impl Aggregate {
    pub fn parse(text: &str) -> Option<Aggregate> {
        match text.trim().to_ascii_lowercase().as_str() {
            "auto" | "" => Some(Aggregate::Auto),
            "none" | "off" => Some(Aggregate::None),
            "place" => Some(Aggregate::Place),
            "hex" => Some(Aggregate::Hex),
            _ => None,
        }
    }
}

/// With `Auto`, maps with more incidents than this are aggregated.
pub const AUTO_LIMIT: usize = 1500;

/// Hexagon radius (centre to corner) in px at unit scale.
pub const HEX_RADIUS_PX: f64 = 22.0;

/// Groups incidents as asked; returns `None` when no aggregation applies (draw them as they
/// are). Groups are incidents themselves: one point, the most frequent event type, and one
/// figure holding the sum of the members' sizing figures, its claims naming how many
/// incidents it sums.
pub fn aggregate(
    incidents: &[&Incident],
    how: Aggregate,
    size_by: &SizeBy,
    viewport: &Viewport,
    unit: f64,
) -> Option<Vec<Incident>> {
    if !applies(how, incidents.len()) {
        return None;
    }
    let mut groups = Aggregator::new(how, size_by.clone(), *viewport, unit);
    for incident in incidents {
        groups.add(incident);
    }
    Some(groups.finish())
}

/// Whether `how` groups a map of `n` incidents at all.
pub(crate) fn applies(how: Aggregate, n: usize) -> bool {
    match how {
        Aggregate::None => false,
        Aggregate::Auto => n > AUTO_LIMIT,
        Aggregate::Place | Aggregate::Hex => true,
    }
}

/// Groups being summed, one incident at a time, in any order (see [`GroupSum`]): by place,
/// by hexagon, or — with `Auto` — both until the places turn out more than [`AUTO_LIMIT`],
/// when only the hexagons go on.
pub(crate) struct Aggregator {
    size_by: SizeBy,
    places: Option<Grouping<PlaceKey>>,
    hexes: Option<HexGrouping>,
}

/// Sums by hexagon (none: off the projection), on a viewport, with a radius in px.
type HexGrouping = (Grouping<Option<(i64, i64)>>, Viewport, f64);

impl Aggregator {
    /// Groups as `how` asks (`None` is taken as `Place`: ask [`applies`] first).
    pub fn new(how: Aggregate, size_by: SizeBy, viewport: Viewport, unit: f64) -> Self {
        let hexes = || Some((Grouping::default(), viewport, HEX_RADIUS_PX * unit));
        let (places, hexes) = match how {
            Aggregate::Hex => (None, hexes()),
            Aggregate::Auto => (Some(Grouping::default()), hexes()),
            Aggregate::Place | Aggregate::None => (Some(Grouping::default()), None),
        };
        Aggregator {
            size_by,
            places,
            hexes,
        }
    }

    pub fn add(&mut self, incident: &Incident) {
        if let Some((hexes, viewport, size)) = self.hexes.as_mut() {
            let key = incident
                .place
                .lon_lat()
                .and_then(|(lon, lat)| viewport.to_px(lon, lat))
                .map(|(x, y)| hex_of(x, y, *size));
            hexes.add(key, incident, &self.size_by);
        }
        if let Some(places) = self.places.as_mut() {
            places.add(place_key(&incident.place), incident, &self.size_by);
            // With hexagons to fall back on, too many places are hexagons.
            if self.hexes.is_some() && places.sums.len() > AUTO_LIMIT {
                self.places = None;
            }
        }
    }

    /// The groups, in key order.
    pub fn finish(self) -> Vec<Incident> {
        self.finish_groups()
            .into_iter()
            .map(|g| g.incident)
            .collect()
    }

    /// The groups, in key order, each with its largest members.
    pub fn finish_groups(self) -> Vec<Group> {
        let size_by = &self.size_by;
        if let Some(places) = self.places {
            return places.finish(size_by, |k| stable_id(&["group", &format!("{k:?}")]));
        }
        let Some((hexes, viewport, size)) = self.hexes else {
            return Vec::new();
        };
        let mut groups = Vec::new();
        for (key, sum) in hexes.sums {
            let id = match key {
                Some((q, r)) => format!("hexgroup:{q}:{r}"),
                None => "hexgroup:none".to_string(),
            };
            let Some(mut group) = sum.finish_group(id, size_by) else {
                continue;
            };
            // Each hexagon's symbol at the hexagon's centre.
            if let Some((q, r)) = key {
                let (x, y) = hex_centre(q, r, size);
                if let Some((lon, lat)) = viewport.to_lon_lat(x, y) {
                    group.incident.place.lon = Some(lon);
                    group.incident.place.lat = Some(lat);
                }
            }
            groups.push(group);
        }
        groups
    }
}

/// Sums by key, each place name numbered once for all of them.
struct Grouping<K> {
    sums: BTreeMap<K, GroupSum>,
    names: HashMap<String, u32>,
}

impl<K> Default for Grouping<K> {
    fn default() -> Self {
        Grouping {
            sums: BTreeMap::new(),
            names: HashMap::new(),
        }
    }
}

impl<K: Ord> Grouping<K> {
    fn add(&mut self, key: K, incident: &Incident, size_by: &SizeBy) {
        let name = incident.place.display_name();
        let next = self.names.len() as u32;
        let number = match self.names.get(name) {
            Some(n) => *n,
            None => *self.names.entry(name.to_string()).or_insert(next),
        };
        self.sums
            .entry(key)
            .or_default()
            .add(incident, size_by, number);
    }

    fn finish(self, size_by: &SizeBy, id: impl Fn(&K) -> String) -> Vec<Group> {
        self.sums
            .into_iter()
            .filter_map(|(k, sum)| sum.finish_group(id(&k), size_by))
            .collect()
    }
}

/// What makes two incidents "the same place": the gazetteer entry, else the point to ~10 m.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum PlaceKey {
    Entry(String),
    Point(i64, i64),
    Name(String),
}

fn place_key(place: &Place) -> PlaceKey {
    match (&place.gazetteer_id, place.lon_lat()) {
        (Some(id), _) => PlaceKey::Entry(id.clone()),
        (None, Some((lon, lat))) => {
            PlaceKey::Point((lon * 1e4).round() as i64, (lat * 1e4).round() as i64)
        }
        (None, None) => PlaceKey::Name(place.name.clone()),
    }
}

/// Axial coordinates of the pointy-top hexagon containing (x, y).
pub fn hex_of(x: f64, y: f64, size: f64) -> (i64, i64) {
    let q = (3f64.sqrt() / 3.0 * x - y / 3.0) / size;
    let r = (2.0 / 3.0 * y) / size;
    // Cube rounding.
    let (cx, cz) = (q, r);
    let cy = -cx - cz;
    let (mut rx, ry, mut rz) = (cx.round(), cy.round(), cz.round());
    let (dx, dy, dz) = ((rx - cx).abs(), (ry - cy).abs(), (rz - cz).abs());
    if dx > dy && dx > dz {
        rx = -ry - rz;
    } else if dy <= dz {
        rz = -rx - ry;
    }
    (rx as i64, rz as i64)
}

/// Centre of the pointy-top hexagon (q, r).
pub fn hex_centre(q: i64, r: i64, size: f64) -> (f64, f64) {
    let (q, r) = (q as f64, r as f64);
    (size * 3f64.sqrt() * (q + r / 2.0), size * 1.5 * r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateSpan, Figure, Measure};

    fn incident(id: &str, name: &str, lon: f64, lat: f64, killed: u64) -> Incident {
        let mut place = Place::named(name);
        place.lon = Some(lon);
        place.lat = Some(lat);
        let mut i = Incident::new(id, "t", DateSpan::parse("2020-01").unwrap(), place);
        i.figures.push(Figure::from_value(Measure::Killed, killed));
        i
    }

    #[test]
    fn hexagon_coordinates_round_trip() {
        for (q, r) in [(0, 0), (3, -2), (-5, 7)] {
            let (x, y) = hex_centre(q, r, 10.0);
            assert_eq!(hex_of(x, y, 10.0), (q, r));
            assert_eq!(hex_of(x + 4.0, y - 3.0, 10.0), (q, r));
        }
    }

    #[test]
    fn groups_by_place_sum_their_figures() {
        let list = [
            incident("a", "X", 40.0, 36.0, 3),
            incident("b", "X", 40.0, 36.0, 4),
            incident("c", "Y", 41.0, 36.0, 5),
        ];
        let refs: Vec<&Incident> = list.iter().collect();
        let vp = Viewport::fit(
            &[(40.0, 36.0), (41.0, 36.0)],
            (0.0, 0.0, 800.0, 600.0),
            0.1,
            100.0,
        )
        .unwrap();
        let groups = aggregate(
            &refs,
            Aggregate::Place,
            &SizeBy::Measure(Measure::Killed),
            &vp,
            1.0,
        )
        .unwrap();
        assert_eq!(groups.len(), 2);
        let x = groups.iter().find(|g| g.place.name == "X").unwrap();
        assert_eq!(x.figure(&Measure::Killed).unwrap().best, Some(7));
        assert_eq!(x.title, "2 incidents");
        let mut sum = GroupSum::default();
        for incident in &refs {
            sum.add(
                incident,
                &SizeBy::Largest,
                u32::from(incident.place.name != "X"),
            );
        }
        let all = sum.finish("g".into(), &SizeBy::Largest).unwrap();
        assert_eq!(all.place.name, "Y and 1 place nearby");
        // Weighted by value: 7 at lon 40, 5 at lon 41.
        assert!((all.place.lon.unwrap() - (40.0 * 7.0 + 41.0 * 5.0) / 12.0).abs() < 1e-9);
        assert_eq!(all.figures[0].measure, Measure::Killed);
        assert!(aggregate(&refs, Aggregate::Auto, &SizeBy::Largest, &vp, 1.0).is_none());
        let hex = aggregate(&refs, Aggregate::Hex, &SizeBy::Largest, &vp, 1.0).unwrap();
        assert_eq!(
            hex.iter().map(|g| g.figures[0].best.unwrap()).sum::<u64>(),
            12
        );
    }
}
