//! Continents and large world regions (gazetteer/regions.tsv, from Natural Earth) are places
//! the extractor recognises, and it treats them as it treats a country: a figure placed only
//! in a region is regional, never an incident at a town. Sentences written for these tests.

use incimap::extract::Extraction;
use incimap::gazetteer::{Context, EntryKind, Gazetteer, Resolution};
use incimap::model::GeoPrecision;

/// "Middle East", a small town in Maryland (US) that shares the region's name.
const MIDDLE_EAST_TOWN: &str = "geonames:11980025";

use crate::common;

fn read(sentence: &str) -> Extraction {
    common::read_sentence("2025-09-14", sentence)
}

fn ids(ex: &Extraction, name: &str) -> Vec<String> {
    common::mention_ids(ex, name)
}

fn best(name: &str) -> (String, EntryKind, GeoPrecision, String) {
    match Gazetteer::builtin().resolve(name, &Context::default()) {
        Resolution::Found { best, .. } => (
            best.entry.id.clone(),
            best.entry.kind,
            best.entry.precision,
            best.entry.country_code.clone(),
        ),
        Resolution::NotFound { .. } => panic!("{name} not found"),
    }
}

#[test]
fn continents_and_regions_are_gazetteer_entries_without_a_country() {
    let (id, kind, precision, country) = best("Europe");
    // A continent carries GeoNames' id of the same continent.
    assert_eq!(id, "geonames:6255148");
    assert_eq!(kind, EntryKind::Region);
    assert_eq!(precision, GeoPrecision::Country);
    assert_eq!(country, "");
    // Short press forms of the UN subregions and the World Bank regions.
    assert_eq!(best("West Africa").0, "ne-region:western-africa");
    assert_eq!(best("Southeast Asia").0, "ne-region:southeastern-asia");
    assert_eq!(
        best("Latin America").0,
        "ne-region:latin-america-and-caribbean"
    );
    assert_eq!(best("Mideast").0, "ne-region:middle-east-and-north-africa");
    // A short form that is a country's name stays the country's.
    let (_, kind, _, country) = best("South Africa");
    assert_eq!((kind, country.as_str()), (EntryKind::Country, "ZA"));
}

#[test]
fn a_region_is_recognised_in_running_text() {
    let ex = read("Aid groups warned that drought in East Africa and floods in Central America displaced thousands.");
    assert_eq!(ids(&ex, "East Africa"), ["ne-region:eastern-africa"]);
    assert_eq!(ids(&ex, "Central America"), ["ne-region:central-america"]);
    let kinds: Vec<&str> = ex.places.iter().map(|m| m.kind).collect();
    assert!(kinds.iter().all(|k| *k == "region"), "{kinds:?}");
}

#[test]
fn a_figure_across_a_continent_is_regional() {
    let ex = read("Heatwaves across Europe killed 120 people last week.");
    assert!(ex.incidents.is_empty(), "{:?}", ex.incidents);
    let regional: Vec<(u64, Option<&str>)> = ex
        .regional
        .iter()
        .map(|f| (f.value, f.area.as_deref()))
        .collect();
    assert_eq!(regional, [(120, Some("Europe"))]);
}

#[test]
fn a_town_named_with_a_region_keeps_the_incident() {
    let ex =
        read("A car bomb killed 4 people in Kirkuk, one of the worst attacks in the Middle East.");
    assert_eq!(ex.incidents.len(), 1);
    assert_eq!(ex.incidents[0].place.name, "Kirkuk");
    assert_eq!(
        ids(&ex, "Middle East"),
        ["ne-region:middle-east-and-north-africa"]
    );
}

#[test]
fn a_region_outranks_a_small_namesake_town_unless_the_text_places_the_town() {
    let ex = read("Diplomats met to discuss the crisis in the Middle East.");
    assert_eq!(
        ids(&ex, "Middle East"),
        ["ne-region:middle-east-and-north-africa"]
    );
    // "X, State": the town in the division named after it.
    let ex = read("Police said 2 people were shot dead in Middle East, Maryland, on Sunday.");
    assert_eq!(ids(&ex, "Middle East"), [MIDDLE_EAST_TOWN]);
    assert_eq!(ex.incidents.len(), 1);
}

#[test]
fn regions_do_not_make_a_town_abroad_a_namesake() {
    // Two regions share the empty country code; they must not count as the article's
    // country, which would make the only French town look like a stray namesake.
    let ex = read(
        "Heatwaves across Europe killed 120 people last week.\n\n\
         In Lyon, a fire killed 3 people on Tuesday.\n\n\
         Across West Africa, floods have left 30 people dead.",
    );
    assert_eq!(ids(&ex, "Lyon"), ["geonames:2996944"]);
    assert_eq!(ex.incidents.len(), 1);
    assert_eq!(ex.incidents[0].place.name, "Lyon");
}
