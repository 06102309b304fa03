//! Stage 2, geocode: incidents + gazetteer → located incidents, or unresolved ones with the
//! reason (and suggestions) so that nothing disappears silently.

use crate::gazetteer::{Context, Gazetteer, Resolution};
use crate::model::{GeoPrecision, Incident, Place};

/// An incident whose place could not be located.
#[derive(Debug, Clone)]
pub struct Unresolved {
    pub incident: Incident,
    pub reason: String,
}

/// The result of geocoding a batch.
#[derive(Debug, Default)]
pub struct Geocoded {
    pub located: Vec<Incident>,
    pub unresolved: Vec<Unresolved>,
}

/// Locates every incident (and its mentioned places) that has no coordinates yet.
/// Incidents that already carry valid coordinates are kept as they are.
///
/// ```
/// use incimap::model::{DateSpan, Incident, Place};
/// use incimap::{geocode, Context, Gazetteer};
///
/// let date = DateSpan::parse("2019-10-13")?;
/// let town = Incident::new("a", "Shelling", date, Place::named("Hasakah"));
/// let nowhere = Incident::new("b", "Shelling", date, Place::named("Xqzzyville"));
/// let done = geocode(vec![town, nowhere], Gazetteer::builtin(), &Context::country(Some("SY")));
/// assert_eq!(done.located[0].place.country_code.as_deref(), Some("SY"));
/// assert_eq!(done.unresolved[0].incident.id, "b");
/// # Ok::<(), incimap::ParseError>(())
/// ```
pub fn geocode(incidents: Vec<Incident>, gazetteer: &Gazetteer, context: &Context) -> Geocoded {
    let mut out = Geocoded::default();
    for incident in incidents {
        match geocode_one(incident, gazetteer, context) {
            Ok(incident) => out.located.push(incident),
            Err(unresolved) => out.unresolved.push(*unresolved),
        }
    }
    out
}

/// Locates one incident (and its mentioned places), or says why it could not.
pub fn geocode_one(
    mut incident: Incident,
    gazetteer: &Gazetteer,
    context: &Context,
) -> Result<Incident, Box<Unresolved>> {
    // Places mentioned with the incident rank candidates near them (co-location).
    let mut context = context.clone();
    for mention in &mut incident.mentions {
        // A mention that cannot be resolved stays as reported; it is context only.
        if locate(mention, gazetteer, &context).is_ok() {
            context.near.extend(mention.lon_lat());
        }
    }
    match locate(&mut incident.place, gazetteer, &context) {
        Ok(()) => Ok(incident),
        Err(reason) => Err(Box::new(Unresolved { incident, reason })),
    }
}

/// Fills a place's coordinates and gazetteer fields, or says why it could not.
pub fn locate(place: &mut Place, gazetteer: &Gazetteer, context: &Context) -> Result<(), String> {
    if place.lon_lat().is_some() {
        if place.precision == GeoPrecision::Unknown {
            place.precision = GeoPrecision::Town;
        }
        return Ok(());
    }
    if place.lon.is_some() || place.lat.is_some() {
        return Err(format!(
            "place {:?} has invalid coordinates (lon {:?}, lat {:?})",
            place.name, place.lon, place.lat
        ));
    }
    if place.name.trim().is_empty() {
        return Err("the place has neither a name nor coordinates".into());
    }
    let mut context = context.clone();
    if let Some(code) = &place.country_code {
        context.country_code = Some(code.to_ascii_uppercase());
    }
    match gazetteer.resolve(&place.name, &context) {
        Resolution::Found { best, .. } => {
            let entry = best.entry;
            place.gazetteer_id = Some(entry.id.clone());
            place.canonical_name = Some(entry.name.clone());
            // A world region has no country code: keep the reported one, if any.
            if !entry.country_code.is_empty() {
                place.country_code = Some(entry.country_code.clone());
            }
            place.admin1 = entry.admin1.clone().or(place.admin1.take());
            place.lon = Some(entry.lon);
            place.lat = Some(entry.lat);
            if place.precision == GeoPrecision::Unknown {
                place.precision = entry.precision;
            }
            Ok(())
        }
        Resolution::NotFound { suggestions } if suggestions.is_empty() => Err(format!(
            "place {} is not in the gazetteer",
            crate::error::echo(&place.name)
        )),
        Resolution::NotFound { suggestions } => Err(format!(
            "place {} is not in the gazetteer (did you mean: {}?)",
            crate::error::echo(&place.name),
            suggestions.join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::example_incidents;

    #[test]
    fn the_example_places_resolve_and_keep_their_reported_precision() {
        let gaz = Gazetteer::builtin();
        let result = geocode(example_incidents().incidents, gaz, &Context::default());
        assert!(result.unresolved.is_empty(), "{:?}", result.unresolved);
        let ain = result
            .located
            .iter()
            .find(|i| i.place.name == "Ain Issa")
            .unwrap();
        assert_eq!(ain.place.gazetteer_id.as_deref(), Some("geonames:172134"));
        assert_eq!(ain.place.precision, GeoPrecision::NearTown);
        assert_eq!(
            ain.mentions[0].gazetteer_id.as_deref(),
            Some("geonames:172955")
        );
    }

    #[test]
    fn unknown_places_are_unresolved_with_a_reason() {
        let gaz = Gazetteer::builtin();
        let mut incident = example_incidents().incidents.remove(0);
        incident.place = Place::named("Xqzzyville Qwrtp");
        let result = geocode(vec![incident], gaz, &Context::default());
        assert_eq!(result.unresolved.len(), 1);
        assert!(result.unresolved[0]
            .reason
            .contains("\"Xqzzyville Qwrtp\" is not in the gazetteer"));
    }
}
