//! Fire at the other side's positions: the place that only says where the positions lie
//! ("positions ... located near A"), told after the firing, is where the fire was aimed; one
//! told before it ("forces located in A fired") is where the fire came from. Firing at
//! positions with no weapon named is an exchange of fire (an armed clash); a named weapon
//! still decides. Where people come from ("fighters who are from A") is no event place either.
//! Sentences written for these tests; Kenyan towns from the built-in gazetteer.

use incimap::extract::Extraction;
use incimap::model::{GeoPrecision, SubEventType};

use crate::common;

fn read(sentence: &str) -> Extraction {
    common::read_sentence("2024-05-02", sentence)
}

#[test]
fn positions_located_near_a_town_after_the_firing_are_the_event_place() {
    let ex = read(
        "On Monday, militia fighters located at Kitale fired with unspecified weapons on the \
         positions of the army located near Eldoret.",
    );
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    let incident = &ex.incidents[0];
    assert_eq!(incident.place.name, "Eldoret");
    assert_eq!(incident.place.precision, GeoPrecision::NearTown);
    assert_eq!(incident.sub_event_type, Some(SubEventType::ArmedClash));
}

#[test]
fn a_town_where_the_shooters_are_located_is_no_event_place() {
    let ex = read("On Monday, gunmen located in Kitale fired mortar shells at a market.");
    assert!(
        ex.incidents.iter().all(|i| i.place.name != "Kitale"),
        "{:?}",
        ex.incidents
    );
}

#[test]
fn a_named_weapon_decides_the_kind_of_fire() {
    let ex = read("On Monday, troops fired mortars at the positions of the rebels near Eldoret.");
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    assert_eq!(
        ex.incidents[0].sub_event_type,
        Some(SubEventType::ShellingArtilleryMissileAttack)
    );
}

#[test]
fn where_the_fighters_are_from_is_no_event_place() {
    let ex = read(
        "On Monday, militiamen, whose fighters are from Kitale, attacked a police post in the \
         town of Eldoret. The attack left two officers dead.",
    );
    assert_eq!(
        common::best_by_place(&ex, incimap::model::Measure::Killed),
        [("Eldoret".to_string(), Some(2))]
    );
}

#[test]
fn shells_and_rifles_that_hit_fighters_and_bystanders_are_a_clash() {
    // A fighter killed and civilians wounded: both were hit, so the civilians do not make
    // the mortars and small arms a one-sided shelling.
    let ex = read(
        "On Monday, soldiers fired mortars and small arms at rebel positions near Garissa, \
         killing one rebel. Three civilians were wounded.",
    );
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    assert_eq!(
        ex.incidents[0].sub_event_type,
        Some(SubEventType::ArmedClash)
    );
}

#[test]
fn heavy_machine_guns_are_shelling_light_ones_a_clash() {
    let kind = |text: &str| {
        let ex = read(text);
        assert_eq!(ex.incidents.len(), 1, "{text}: {:?}", ex.incidents);
        ex.incidents[0].sub_event_type
    };
    assert_eq!(
        kind("On Monday, militia fighters fired heavy machine guns at army positions near Kitale."),
        Some(SubEventType::ShellingArtilleryMissileAttack)
    );
    assert_eq!(
        kind("On Monday, militia fighters fired machine guns at army positions near Kitale."),
        Some(SubEventType::ArmedClash)
    );
}
