//! Stage 3, render: a group of incidents summed one incident at a time — what aggregation
//! (by place or hexagon) makes of its members, kept as running sums so that a group never
//! needs its members all at once: the sum of their sizing figures, their value-weighted
//! centre, the largest member's place, how many distinct place names, each event type's
//! share, whether every sizing figure is of one measure, and the dates covered.
//!
//! It also keeps its [`LARGEST_MEMBERS`] largest members ([`GroupMember`]: what the interactive
//! map of a map aggregated while reading lists in a group's popup).
//!
//! Every sum is independent of the order the members come in: the in-memory map adds its
//! incidents in map order, a map aggregated while reading its inputs adds them as they
//! stream by, and both draw the same groups. Coordinates are summed as exact integers (units of 1e-9°,
//! about 0.1 mm) rather than as floats, whose sums depend on the order; the largest member is
//! the one with the largest value, on a tie the first in map order (by start date, then id).

use std::collections::{BTreeMap, HashSet};

use crate::model::{Claim, Date, DateSpan, EventType, Figure, Incident, Measure, Place, Qualifier};
use crate::render::SizeBy;

use super::sizing::size_figure;

/// How many of its largest members a group keeps.
pub const LARGEST_MEMBERS: usize = 5;

/// One of a group's largest members: what a popup says of it.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupMember {
    pub id: String,
    pub title: String,
    pub date: DateSpan,
    /// The place's display name.
    pub place: String,
    /// The sizing figure's measure and best estimate (`None`: no sizing figure).
    pub figure: Option<(Measure, u64)>,
}

/// A group drawn as one symbol: the group as an incident (see `GroupSum::finish`) and its
/// largest members, largest first (on a tie, the first in map order).
#[derive(Debug, Clone)]
pub struct Group {
    pub incident: Incident,
    pub largest: Vec<GroupMember>,
}

/// Units of a coordinate in the exact sums: 1e-9 degree.
const NANO_DEGREES: f64 = 1e9;

/// The measure of the members' sizing figures so far.
#[derive(Debug, Clone, Default, PartialEq)]
enum Measures {
    #[default]
    NoneYet,
    One(Measure),
    Mixed,
}

impl Measures {
    fn with(self, measure: &Measure) -> Measures {
        match self {
            Measures::NoneYet => Measures::One(measure.clone()),
            Measures::One(m) if m == *measure => Measures::One(m),
            _ => Measures::Mixed,
        }
    }
}

/// Exact sums of a coordinate: Σ coordinate·value, Σ coordinate (both in 1e-9°).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct CoordSum {
    by_value: i128,
    by_count: i128,
}

impl CoordSum {
    fn add(&mut self, degrees: f64, value: u64) {
        let nano = (degrees * NANO_DEGREES).round() as i128;
        self.by_value = self
            .by_value
            .saturating_add(nano.saturating_mul(value as i128));
        self.by_count = self.by_count.saturating_add(nano);
    }
}

/// The largest member so far: its value, its place in map order, and its place.
#[derive(Debug, Clone, PartialEq)]
struct Largest {
    value: u64,
    start: Date,
    id: String,
    place: Place,
}

impl Largest {
    /// True when `value` at (`start`, `id`) comes before this one: larger, or as large and
    /// earlier in map order.
    fn beaten_by(&self, value: u64, start: Date, id: &str) -> bool {
        value > self.value || (value == self.value && (start, id) < (self.start, self.id.as_str()))
    }
}

/// Running sums of a group's members (see the module documentation).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct GroupSum {
    members: usize,
    /// Sum of the sizing values (saturating: counts in other people's files can be anything).
    total: u64,
    /// Σ value, exactly (the weights of the centre).
    weights: u128,
    lon: CoordSum,
    lat: CoordSum,
    largest: Option<Largest>,
    /// The members' distinct place names, as numbered by whoever adds them
    /// (`Grouping` in `aggregate.rs` numbers each name once for every group).
    names: HashSet<u32>,
    /// Per event type: the sum of its members' values, and how many they are.
    shares: BTreeMap<Option<EventType>, (u64, usize)>,
    measures: Measures,
    reported: bool,
    dates: Option<DateSpan>,
    /// The largest members, largest first, with their values.
    top: Vec<(u64, GroupMember)>,
}

impl GroupSum {
    /// Adds a member, sized under `size_by`; `name` numbers its place's display name (the
    /// same number for the same name within a grouping).
    pub fn add(&mut self, incident: &Incident, size_by: &SizeBy, name: u32) {
        let figure = size_figure(incident, size_by);
        let value = figure.and_then(|f| f.best).unwrap_or(0);
        self.members += 1;
        self.total = self.total.saturating_add(value);
        self.weights += u128::from(value);
        if let Some(lon) = incident.place.lon {
            self.lon.add(lon, value);
        }
        if let Some(lat) = incident.place.lat {
            self.lat.add(lat, value);
        }
        let start = incident.date.start;
        if self
            .largest
            .as_ref()
            .is_none_or(|l| l.beaten_by(value, start, &incident.id))
        {
            self.largest = Some(Largest {
                value,
                start,
                id: incident.id.clone(),
                place: incident.place.clone(),
            });
        }
        self.keep_if_largest(value, figure, incident);
        self.names.insert(name);
        let share = self.shares.entry(incident.event_type).or_default();
        share.0 = share.0.saturating_add(value);
        share.1 += 1;
        if let Some(f) = figure {
            self.reported = true;
            self.measures = std::mem::take(&mut self.measures).with(&f.measure);
        }
        self.dates = Some(match self.dates {
            None => incident.date,
            Some(d) => d.union(&incident.date),
        });
    }

    /// Keeps `incident` among the largest members when it is one of them.
    fn keep_if_largest(&mut self, value: u64, figure: Option<&Figure>, incident: &Incident) {
        let start = incident.date.start;
        let before = |(v, m): &(u64, GroupMember)| {
            value > *v || (value == *v && (start, incident.id.as_str()) < (m.date.start, &*m.id))
        };
        let at = self.top.iter().position(before).unwrap_or(self.top.len());
        if at >= LARGEST_MEMBERS {
            return;
        }
        let member = GroupMember {
            id: incident.id.clone(),
            title: incident.title.clone(),
            date: incident.date,
            place: incident.place.display_name().to_string(),
            figure: figure.map(|f| (f.measure.clone(), value)),
        };
        self.top.insert(at, (value, member));
        self.top.truncate(LARGEST_MEMBERS);
    }

    /// [`GroupSum::finish`] with the group's largest members.
    pub fn finish_group(mut self, id: String, size_by: &SizeBy) -> Option<Group> {
        let largest = std::mem::take(&mut self.top)
            .into_iter()
            .map(|(_, m)| m)
            .collect();
        let incident = self.finish(id, size_by)?;
        Some(Group { incident, largest })
    }

    /// The group as an incident: the largest member's place (named for the others too) at
    /// the members' value-weighted centre, the dominant event type, and one figure holding
    /// the sum, its claim naming how many incidents it sums. `None` for an empty group.
    pub fn finish(self, id: String, size_by: &SizeBy) -> Option<Incident> {
        let mut place = self.largest?.place;
        let dates = self.dates?;
        let n = self.members;
        let name = place.display_name().to_string();
        // The largest member's name is one of the names.
        let others = self.names.len().saturating_sub(1);
        place.name = match others {
            0 => name,
            1 => format!("{name} and 1 place nearby"),
            k => format!("{name} and {k} places nearby"),
        };
        // The members' centre, weighted by their values (equal weights when all are 0).
        let (lon, lat, weights) = if self.weights > 0 {
            (self.lon.by_value, self.lat.by_value, self.weights as f64)
        } else {
            (self.lon.by_count, self.lat.by_count, n as f64)
        };
        place.lon = Some(lon as f64 / NANO_DEGREES / weights);
        place.lat = Some(lat as f64 / NANO_DEGREES / weights);
        let measure = match (size_by, self.measures) {
            (SizeBy::Measure(m), _) => m.clone(),
            (SizeBy::Largest, Measures::One(m)) => m,
            (SizeBy::Largest, _) => Measure::Other("people".into()),
        };
        let title = crate::render::Lang::En.incidents_count(n);
        let mut incident = Incident::new(id, title, dates, place);
        // The event type with the largest share of the group's value (by count when all are 0).
        incident.event_type = self
            .shares
            .into_iter()
            .max_by_key(|(_, share)| *share)
            .and_then(|(e, _)| e);
        // A group whose members reported 0 has a figure of 0, not none.
        if self.reported {
            let claim = Claim::new(self.total, Qualifier::Exact)
                .with_text(format!("sum over {n} incidents"));
            incident
                .figures
                .push(Figure::from_claims(measure, None, vec![claim]));
        }
        incident.tags.push(format!("aggregate:{n}"));
        Some(incident)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(name: &str, lon: f64, figure: Option<(Measure, u64)>, event: EventType) -> Incident {
        let mut place = Place::named(name);
        place.lon = Some(lon);
        place.lat = Some(10.0);
        let date = DateSpan::parse(if lon < 1.0 { "2021-03-02" } else { "2021-05" });
        let mut incident = Incident::new(name, "t", date.unwrap(), place);
        incident.event_type = Some(event);
        if let Some((measure, value)) = figure {
            incident.figures.push(Figure::from_value(measure, value));
        }
        incident
    }

    /// A name's number: its first letter (the tests' names differ in it).
    fn name_of(incident: &Incident) -> u32 {
        incident.place.name.chars().next().map_or(0, u32::from)
    }

    fn sum_of(members: &[Incident], size_by: &SizeBy) -> GroupSum {
        let mut group = GroupSum::default();
        for m in members {
            group.add(m, size_by, name_of(m));
        }
        group
    }

    fn sum(members: &[Incident], size_by: &SizeBy) -> Incident {
        sum_of(members, size_by)
            .finish("g".into(), size_by)
            .unwrap()
    }

    #[test]
    fn reported_zeros_sum_to_a_figure_of_zero_at_the_plain_centre() {
        let members = [
            member("A", 0.0, Some((Measure::Killed, 0)), EventType::Riots),
            member("B", 2.0, Some((Measure::Killed, 0)), EventType::Protests),
            member("B", 4.0, None, EventType::Protests),
        ];
        let group = sum(&members, &SizeBy::Largest);
        assert_eq!(group.figures.len(), 1);
        assert_eq!(group.figures[0].best, Some(0));
        assert_eq!(group.figures[0].measure, Measure::Killed);
        // No values: every member weighs the same.
        assert_eq!(group.place.lon, Some(2.0));
        // The first largest (all 0) names the group; one other place.
        assert_eq!(group.place.name, "A and 1 place nearby");
        // By count when all values are 0: two protests against one riot.
        assert_eq!(group.event_type, Some(EventType::Protests));
        assert_eq!(group.tags, vec!["aggregate:3".to_string()]);
        assert_eq!(group.date.start.month, 3);
        assert_eq!(group.date.end.month, 5);
    }

    #[test]
    fn mixed_measures_sum_as_people_and_the_largest_value_leads() {
        let members = [
            member("A", 0.0, Some((Measure::Killed, 2)), EventType::Riots),
            member("B", 3.0, Some((Measure::Injured, 6)), EventType::Battles),
        ];
        let group = sum(&members, &SizeBy::Largest);
        assert_eq!(group.figures[0].best, Some(8));
        assert_eq!(group.figures[0].measure, Measure::Other("people".into()));
        assert_eq!(group.place.name, "B and 1 place nearby");
        assert_eq!(group.event_type, Some(EventType::Battles));
        // Weighted by value: 2 at lon 0, 6 at lon 3.
        assert_eq!(group.place.lon, Some(18.0 / 8.0));
        // Values beyond u64 saturate instead of wrapping.
        let huge = [
            member(
                "A",
                0.0,
                Some((Measure::Killed, u64::MAX)),
                EventType::Riots,
            ),
            member("B", 1.0, Some((Measure::Killed, 5)), EventType::Riots),
        ];
        assert_eq!(sum(&huge, &SizeBy::Largest).figures[0].best, Some(u64::MAX));
        assert!(GroupSum::default()
            .finish("g".into(), &SizeBy::Largest)
            .is_none());
    }

    #[test]
    fn the_sums_do_not_depend_on_the_order_members_come_in() {
        let mut members = vec![
            member("A", 0.1, Some((Measure::Killed, 2)), EventType::Riots),
            member("B", 3.3, Some((Measure::Killed, 6)), EventType::Battles),
            member("C", 7.7, Some((Measure::Killed, 6)), EventType::Protests),
            member("D", 1.9, None, EventType::Battles),
        ];
        members[2].id = "0-first".into();
        let whole = sum_of(&members, &SizeBy::Largest);
        for turn in 0..members.len() {
            let mut turned = members.clone();
            turned.rotate_left(turn);
            assert_eq!(sum_of(&turned, &SizeBy::Largest), whole, "turned by {turn}");
            turned.reverse();
            assert_eq!(sum_of(&turned, &SizeBy::Largest), whole, "reversed");
        }
        // B and C tie on 6; C is earlier in map order (same month, smaller id) and leads.
        let group = whole.finish_group("g".into(), &SizeBy::Largest).unwrap();
        assert_eq!(group.incident.place.name, "C and 3 places nearby");
        // The largest members, largest first, ties in map order; none without a figure
        // ranks above one with.
        let ids: Vec<&str> = group.largest.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["0-first", "B", "A", "D"]);
        assert_eq!(group.largest[0].figure, Some((Measure::Killed, 6)));
        assert_eq!(group.largest[3].figure, None);
        let many: Vec<Incident> = (0..9u64)
            .map(|k| member("M", 0.5, Some((Measure::Killed, k)), EventType::Riots))
            .collect();
        let top = sum_of(&many, &SizeBy::Largest)
            .finish_group("g".into(), &SizeBy::Largest)
            .unwrap()
            .largest;
        let values: Vec<u64> = top
            .iter()
            .filter_map(|m| m.figure.as_ref())
            .map(|f| f.1)
            .collect();
        assert_eq!(values, [8, 7, 6, 5, 4]);
    }
}
