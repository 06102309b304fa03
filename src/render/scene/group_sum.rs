//! Stage 3, render: a group of incidents summed one incident at a time — what aggregation
//! (by place or hexagon) makes of its members, kept as running sums so that a group never
//! needs its members all at once: the sum of their sizing figures, their value-weighted
//! centre, the largest member's place, the distinct place names, each event type's share,
//! whether every sizing figure is of one measure, and the dates covered.
//!
//! The in-memory map adds its incidents in map order; a map aggregated while reading its
//! inputs can add them as they stream by, holding one [`GroupSum`] per place or hexagon.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Claim, DateSpan, EventType, Figure, Incident, Measure, Place, Qualifier};
use crate::render::SizeBy;

use super::sizing::size_figure;

/// The measure of the members' sizing figures so far.
#[derive(Debug, Clone, Default, PartialEq)]
enum Measures {
    #[default]
    NoneYet,
    One(Measure),
    Mixed,
}

/// Running sums of a group's members (see the module documentation).
#[derive(Debug, Clone)]
pub(crate) struct GroupSum {
    members: usize,
    /// Sum of the sizing values (saturating: counts in other people's files can be anything).
    total: u64,
    /// Σ lon·value, Σ lat·value, Σ value: the centre when some member has a value.
    by_value: [f64; 3],
    /// Σ lon, Σ lat, member count: the centre when every value is 0.
    by_count: [f64; 3],
    /// The first member with the largest value, and that value.
    largest: Option<(u64, Place)>,
    names: BTreeSet<String>,
    /// Per event type: the sum of its members' values, and how many they are.
    shares: BTreeMap<Option<EventType>, (u64, usize)>,
    measures: Measures,
    reported: bool,
    dates: Option<DateSpan>,
}

impl Default for GroupSum {
    fn default() -> GroupSum {
        GroupSum {
            members: 0,
            total: 0,
            // -0.0, the start of a float sum, so that these sums equal `Iterator::sum`'s.
            by_value: [-0.0; 3],
            by_count: [-0.0; 3],
            largest: None,
            names: BTreeSet::new(),
            shares: BTreeMap::new(),
            measures: Measures::NoneYet,
            reported: false,
            dates: None,
        }
    }
}

impl GroupSum {
    /// Adds a member, sized under `size_by`.
    pub fn add(&mut self, incident: &Incident, size_by: &SizeBy) {
        let figure = size_figure(incident, size_by);
        let value = figure.and_then(|f| f.best).unwrap_or(0);
        self.members += 1;
        self.total = self.total.saturating_add(value);
        let weight = value as f64;
        if let Some(lon) = incident.place.lon {
            self.by_value[0] += lon * weight;
            self.by_count[0] += lon * 1.0;
        }
        if let Some(lat) = incident.place.lat {
            self.by_value[1] += lat * weight;
            self.by_count[1] += lat * 1.0;
        }
        self.by_value[2] += weight;
        self.by_count[2] += 1.0;
        if self.largest.as_ref().is_none_or(|(v, _)| value > *v) {
            self.largest = Some((value, incident.place.clone()));
        }
        self.names.insert(incident.place.display_name().to_string());
        let share = self.shares.entry(incident.event_type).or_default();
        share.0 = share.0.saturating_add(value);
        share.1 += 1;
        if let Some(f) = figure {
            self.reported = true;
            self.measures = match std::mem::take(&mut self.measures) {
                Measures::NoneYet => Measures::One(f.measure.clone()),
                Measures::One(m) if m == f.measure => Measures::One(m),
                _ => Measures::Mixed,
            };
        }
        self.dates = Some(match self.dates {
            None => incident.date,
            Some(d) => d.union(&incident.date),
        });
    }

    /// The group as an incident: the largest member's place (named for the others too) at
    /// the members' value-weighted centre, the dominant event type, and one figure holding
    /// the sum, its claim naming how many incidents it sums. `None` for an empty group.
    pub fn finish(self, id: String, size_by: &SizeBy) -> Option<Incident> {
        let (_, mut place) = self.largest?;
        let dates = self.dates?;
        let n = self.members;
        let name = place.display_name().to_string();
        let others = self.names.iter().filter(|other| **other != name).count();
        place.name = match others {
            0 => name,
            1 => format!("{name} and 1 place nearby"),
            k => format!("{name} and {k} places nearby"),
        };
        // The members' centre, weighted by their values (equal weights when all are 0).
        let [lon, lat, weights] = if self.total > 0 {
            self.by_value
        } else {
            self.by_count
        };
        place.lon = Some(lon / weights);
        place.lat = Some(lat / weights);
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

    fn sum(members: &[Incident], size_by: &SizeBy) -> Incident {
        let mut group = GroupSum::default();
        for m in members {
            group.add(m, size_by);
        }
        group.finish("g".into(), size_by).unwrap()
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
}
