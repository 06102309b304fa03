//! Stage 3, render: the map's context decided — the country most incidents are in (the map's
//! focus, emphasized on the basemap and named in the title), and the places the reports
//! mention for context that are not an incident's own place.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Incident, Place};
use crate::render::basemap::{layer, LayerName};
use crate::render::theme::Lang;

use super::near::NearIndex;

/// A context place this close to an incident is the incident's own place.
const SAME_PLACE_KM: f64 = 5.0;
/// The country most incidents are in, the map's focus (`None` when no country has most).
pub(crate) fn focus_country(incidents: &[&Incident]) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for incident in incidents {
        if let Some(code) = incident.place.country_code.as_deref() {
            *counts.entry(code).or_default() += 1;
        }
    }
    let max = counts.values().copied().max()?;
    // A focus only when most incidents share it; a map across many countries has none.
    if max * 2 <= incidents.len() {
        return None;
    }
    counts
        .into_iter()
        .find(|(_, n)| *n == max)
        .map(|(code, _)| code.to_ascii_uppercase())
}

/// The most countries a title names ("in Syria, Iraq and Yemen"); beyond, it names none.
const TITLE_COUNTRIES_MAX: usize = 3;

/// The countries a title may name: every country the incidents are in, most incidents first
/// (then by code), when each incident has a country and there are at most
/// [`TITLE_COUNTRIES_MAX`]; none otherwise, so a title's "in …" is true of every incident.
pub(crate) fn title_countries(incidents: &[&Incident]) -> Vec<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for incident in incidents {
        match incident.place.country_code.as_deref() {
            Some(code) => *counts.entry(code.to_ascii_uppercase()).or_default() += 1,
            None => return Vec::new(),
        }
    }
    title_countries_of(&counts, incidents.len())
}

/// [`title_countries`] of per-country counts (`counts`) of `n` incidents in all.
pub(crate) fn title_countries_of(counts: &BTreeMap<String, usize>, n: usize) -> Vec<String> {
    if counts.values().sum::<usize>() != n || counts.len() > TITLE_COUNTRIES_MAX {
        return Vec::new();
    }
    let mut named: Vec<(&String, usize)> = counts.iter().map(|(c, k)| (c, *k)).collect();
    named.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    named
        .into_iter()
        .map(|(code, _)| code.to_ascii_uppercase())
        .collect()
}

pub(crate) fn country_name(iso2: &str, lang: Lang) -> Option<String> {
    layer(LayerName::Countries)
        .iter()
        .find(|f| f.attr("iso_a2") == iso2)
        .map(|f| {
            crate::render::country_names::country_name(iso2, f.attr("name"), lang).into_owned()
        })
}

/// Places the reports mention for context, resolved, and not an incident's own place.
pub(crate) fn reference_places<'a>(located: &[&'a Incident]) -> Vec<&'a Place> {
    let mut out: Vec<&Place> = Vec::new();
    let mut seen = BTreeSet::new();
    let incident_places: BTreeSet<&str> = located
        .iter()
        .filter_map(|i| i.place.gazetteer_id.as_deref())
        .collect();
    let incident_points: Vec<(f64, f64)> =
        located.iter().filter_map(|i| i.place.lon_lat()).collect();
    let near_incident = NearIndex::new(&incident_points);
    for incident in located {
        for mention in &incident.mentions {
            let key = mention
                .gazetteer_id
                .clone()
                .unwrap_or_else(|| mention.name.clone());
            // The same place as an incident (by id, or within a few km: the camp at a town)
            // needs no second mark.
            let same_id = mention
                .gazetteer_id
                .as_deref()
                .is_some_and(|id| incident_places.contains(id));
            // Cheap tests first: the distance is only asked of a mention still in the running.
            let Some(point) = mention.lon_lat() else {
                continue;
            };
            if same_id || seen.contains(&key) {
                continue;
            }
            let close = near_incident.any_within(point, SAME_PLACE_KM, |km| km < SAME_PLACE_KM);
            if !close && seen.insert(key) {
                out.push(mention);
            }
        }
    }
    out
}
