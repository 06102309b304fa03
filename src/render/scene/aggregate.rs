//! Stage 3, render: keeping large maps legible. Beyond a few thousand symbols a map turns to
//! mush, so incidents are aggregated — by place (same gazetteer entry, or the same point), and
//! when that is still too many, into hexagonal bins on the page — and each group is drawn as
//! one symbol sized by the sum of its members' figures.

use std::collections::BTreeMap;

use crate::model::{stable_id, Claim, EventType, Figure, Incident, Measure, Place, Qualifier};

use super::sizing::size_figure;
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
    let by_place = |list: &[&Incident]| {
        group(
            list,
            size_by,
            |i| place_key(&i.place),
            |k| stable_id(&["group", &format!("{k:?}")]),
        )
    };
    match how {
        Aggregate::None => None,
        Aggregate::Auto if incidents.len() <= AUTO_LIMIT => None,
        Aggregate::Place => Some(by_place(incidents)),
        Aggregate::Hex => Some(hex_groups(incidents, size_by, viewport, unit)),
        Aggregate::Auto => {
            // Count the places first: merging 100,000 places only to find them too many
            // would be wasted work.
            let places: std::collections::HashSet<PlaceKey> =
                incidents.iter().map(|i| place_key(&i.place)).collect();
            if places.len() <= AUTO_LIMIT {
                Some(by_place(incidents))
            } else {
                Some(hex_groups(incidents, size_by, viewport, unit))
            }
        }
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

fn hex_groups(
    incidents: &[&Incident],
    size_by: &SizeBy,
    viewport: &Viewport,
    unit: f64,
) -> Vec<Incident> {
    let size = HEX_RADIUS_PX * unit;
    let key = |incident: &Incident| -> Option<(i64, i64)> {
        let (x, y) = incident
            .place
            .lon_lat()
            .and_then(|(lon, lat)| viewport.to_px(lon, lat))?;
        Some(hex_of(x, y, size))
    };
    let mut groups = group(incidents, size_by, key, |k| match k {
        Some((q, r)) => format!("hexgroup:{q}:{r}"),
        None => "hexgroup:none".to_string(),
    });
    // Put each hexagon's symbol at the hexagon's centre.
    for g in &mut groups {
        if let Some(rest) = g.id.strip_prefix("hexgroup:") {
            let mut parts = rest.split(':').filter_map(|p| p.parse::<i64>().ok());
            if let (Some(q), Some(r)) = (parts.next(), parts.next()) {
                let (x, y) = hex_centre(q, r, size);
                if let Some((lon, lat)) = viewport.to_lon_lat(x, y) {
                    g.place.lon = Some(lon);
                    g.place.lat = Some(lat);
                }
            }
        }
    }
    groups
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

fn group<K: Ord>(
    incidents: &[&Incident],
    size_by: &SizeBy,
    key: impl Fn(&Incident) -> K,
    id: impl Fn(&K) -> String,
) -> Vec<Incident> {
    let mut groups: BTreeMap<K, Vec<&Incident>> = BTreeMap::new();
    for incident in incidents {
        groups.entry(key(incident)).or_default().push(incident);
    }
    groups
        .iter()
        .map(|(k, members)| merge(id(k), members, size_by))
        .collect()
}

fn merge(id: String, members: &[&Incident], size_by: &SizeBy) -> Incident {
    let n = members.len();
    let sizes: Vec<u64> = members
        .iter()
        .map(|i| size_figure(i, size_by).and_then(|f| f.best).unwrap_or(0))
        .collect();
    // The largest member's place names the group.
    let largest = sizes
        .iter()
        .enumerate()
        .max_by_key(|(k, v)| (**v, std::cmp::Reverse(*k)))
        .map_or(0, |(k, _)| k);
    let mut place = members[largest].place.clone();
    place.name = group_name(members, largest);
    // The members' centre, weighted by their values (equal weights when all are 0).
    // Saturating: counts from other people's files can be anything up to u64::MAX.
    let total = sizes.iter().copied().fold(0u64, u64::saturating_add);
    let weight = |k: usize| if total > 0 { sizes[k] as f64 } else { 1.0 };
    let weights: f64 = (0..n).map(weight).sum();
    let centre = |coord: fn(&Place) -> Option<f64>| {
        let sum: f64 = (0..n)
            .filter_map(|k| Some(coord(&members[k].place)? * weight(k)))
            .sum();
        Some(sum / weights)
    };
    place.lon = centre(|p| p.lon);
    place.lat = centre(|p| p.lat);
    let event_type = dominant_event_type(members, &sizes);
    let measure = match super::sizing::effective_size_by(members, size_by) {
        SizeBy::Measure(m) => m,
        SizeBy::Largest => Measure::Other("people".into()),
    };
    // A group whose members reported 0 has a figure of 0, not none.
    let reported = members.iter().any(|i| size_figure(i, size_by).is_some());
    let date = members
        .iter()
        .skip(1)
        .fold(members[0].date, |acc, i| acc.union(&i.date));
    let title = crate::render::Lang::En.incidents_count(n);
    let mut incident = Incident::new(id, title, date, place);
    incident.event_type = event_type;
    if reported {
        let claim =
            Claim::new(total, Qualifier::Exact).with_text(format!("sum over {n} incidents"));
        incident
            .figures
            .push(Figure::from_claims(measure, None, vec![claim]));
    }
    incident.tags.push(format!("aggregate:{n}"));
    incident
}

/// A group's name: its largest member's place, and how many other places it holds
/// ("Afrin and 12 places nearby"; just "Afrin" when every member is there).
fn group_name(members: &[&Incident], largest: usize) -> String {
    let name = members[largest].place.display_name().to_string();
    let others: std::collections::BTreeSet<&str> = members
        .iter()
        .map(|i| i.place.display_name())
        .filter(|other| *other != name)
        .collect();
    match others.len() {
        0 => name,
        1 => format!("{name} and 1 place nearby"),
        k => format!("{name} and {k} places nearby"),
    }
}

/// The event type with the largest share of the group's value (by count when all are 0).
fn dominant_event_type(members: &[&Incident], sizes: &[u64]) -> Option<EventType> {
    let mut shares: BTreeMap<Option<EventType>, (u64, usize)> = BTreeMap::new();
    for (member, size) in members.iter().zip(sizes) {
        let share = shares.entry(member.event_type).or_default();
        share.0 += size;
        share.1 += 1;
    }
    shares
        .into_iter()
        .max_by_key(|(_, share)| *share)
        .and_then(|(e, _)| e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DateSpan;

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
        let all = merge("g".into(), &refs, &SizeBy::Largest);
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
