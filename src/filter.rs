//! Between ingest and export: which incidents an export keeps ([`Filter`]: `since`, `until`,
//! `country`, `event_types`, `min`). Every condition given must hold.
//!
//! - [`Filter::since`] keeps incidents whose date span ends on or after that day,
//!   [`Filter::until`] those whose span starts on or before it: an incident reported for
//!   "October 2019" overlaps a `since` of 2019-10-13. [`parse_since`] and [`parse_until`] read
//!   `YYYY-MM-DD`, `YYYY-MM` (since: the first day, until: the last) or `YYYY`.
//! - [`Filter::country`] keeps incidents whose place is in that country (ISO alpha-2).
//! - [`Filter::event_types`] keeps incidents of any of those ACLED event types or sub-event
//!   types ([`parse_event_type`]).
//! - [`Filter::min`] keeps incidents whose headline figure for each measure has a best
//!   estimate of at least its number (`killed=10`: [`parse_min`]); all of them must hold.

use crate::error::ParseError;
use crate::model::{Date, DateSpan, EventType, Incident, Measure, SubEventType};

/// An event type or a sub-event type, as [`Filter::event_types`] holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeFilter {
    Event(EventType),
    Sub(SubEventType),
}

/// The conditions of an export; the default keeps everything.
///
/// ```
/// use incimap::filter::{parse_min, parse_since, Filter};
///
/// // Of the embedded example, the incidents from 2022 on with at least 100 killed.
/// let filter = Filter {
///     since: Some(parse_since("2022")?),
///     min: vec![parse_min("killed=100")?],
///     ..Filter::default()
/// };
/// let example = incimap::ingest::example_incidents().incidents;
/// let kept: Vec<_> = example.iter().filter(|i| filter.matches(i)).collect();
/// assert_eq!(kept.len(), 1);
/// assert_eq!(kept[0].date.start.year, 2022);
/// # Ok::<(), incimap::ParseError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Incidents whose date span ends on or after this day.
    pub since: Option<Date>,
    /// Incidents whose date span starts on or before this day.
    pub until: Option<Date>,
    /// Incidents in this country (ISO 3166-1 alpha-2).
    pub country: Option<String>,
    /// Incidents of any of these types (none: every type).
    pub event_types: Vec<TypeFilter>,
    /// Incidents whose headline figure of each measure is at least its number.
    pub min: Vec<(Measure, u64)>,
}

impl Filter {
    /// True when no condition is set.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// True when the incident meets every condition.
    pub fn matches(&self, incident: &Incident) -> bool {
        if self.since.is_some_and(|since| incident.date.end < since) {
            return false;
        }
        if self.until.is_some_and(|until| incident.date.start > until) {
            return false;
        }
        if let Some(country) = &self.country {
            let same = incident
                .place
                .country_code
                .as_deref()
                .is_some_and(|c| c.eq_ignore_ascii_case(country));
            if !same {
                return false;
            }
        }
        if !self.event_types.is_empty() {
            let hit = self.event_types.iter().any(|t| match t {
                TypeFilter::Event(e) => incident.event_type == Some(*e),
                TypeFilter::Sub(s) => incident.sub_event_type == Some(*s),
            });
            if !hit {
                return false;
            }
        }
        self.min.iter().all(|(measure, least)| {
            incident
                .figure(measure)
                .and_then(|f| f.best)
                .is_some_and(|best| best >= *least)
        })
    }
}

/// [`Filter::since`]: the first day of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn parse_since(text: &str) -> Result<Date, ParseError> {
    DateSpan::parse(text).map(|span| span.start)
}

/// [`Filter::until`]: the last day of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn parse_until(text: &str) -> Result<Date, ParseError> {
    DateSpan::parse(text).map(|span| span.end)
}

/// One of [`Filter::event_types`]: an ACLED event type or sub-event type ("Battles", "air/drone strike").
pub fn parse_event_type(text: &str) -> Result<TypeFilter, ParseError> {
    if let Ok(event) = text.parse::<EventType>() {
        return Ok(TypeFilter::Event(event));
    }
    text.parse::<SubEventType>()
        .map(TypeFilter::Sub)
        .map_err(|_| {
            ParseError::new(format!(
                "an ACLED event type ({}) or sub-event type, got {text:?}",
                EventType::ALL
                    .iter()
                    .map(|e| e.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })
}

/// One of [`Filter::min`] as `MEASURE=N`, e.g. `killed=10`.
pub fn parse_min(text: &str) -> Result<(Measure, u64), ParseError> {
    let bad = || ParseError::new(format!("MEASURE=N such as killed=10, got {text:?}"));
    let (name, value) = text.split_once('=').ok_or_else(bad)?;
    if name.trim().is_empty() {
        return Err(bad());
    }
    let value = value.trim().parse::<u64>().map_err(|_| bad())?;
    Ok((Measure::parse(name), value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Figure, Place};

    fn incident(date: &str, country: &str, killed: u64) -> Incident {
        let mut place = Place::named("x");
        place.country_code = Some(country.into());
        let mut inc = Incident::new("i", "t", DateSpan::parse(date).unwrap(), place);
        inc.event_type = Some(EventType::Battles);
        inc.sub_event_type = Some(SubEventType::ArmedClash);
        inc.figures
            .push(Figure::from_value(Measure::Killed, killed));
        inc
    }

    #[test]
    fn every_condition_must_hold() {
        let filter = Filter {
            since: Some(parse_since("2019-10-13").unwrap()),
            until: Some(parse_until("2019-10").unwrap()),
            country: Some("SY".into()),
            event_types: vec![parse_event_type("armed clash").unwrap()],
            min: vec![parse_min("fatalities=10").unwrap()],
        };
        assert!(filter.matches(&incident("2019-10", "SY", 10)));
        assert!(filter.matches(&incident("2019-10-31", "sy", 12)));
        assert!(!filter.matches(&incident("2019-10-12", "SY", 10)));
        assert!(!filter.matches(&incident("2019-11-01", "SY", 10)));
        assert!(!filter.matches(&incident("2019-10-20", "IQ", 10)));
        assert!(!filter.matches(&incident("2019-10-20", "SY", 9)));
        assert!(Filter::default().matches(&incident("2019", "IQ", 0)));
        assert!(Filter::default().is_empty());
    }

    #[test]
    fn bad_filters_say_what_was_expected() {
        assert!(parse_min("killed")
            .unwrap_err()
            .to_string()
            .contains("killed=10"));
        assert!(parse_min("killed=many").is_err());
        assert!(parse_event_type("Skirmish")
            .unwrap_err()
            .to_string()
            .contains("Battles"));
        assert!(parse_since("13/10/2019").is_err());
        assert_eq!(parse_until("2019").unwrap().to_string(), "2019-12-31");
    }
}
