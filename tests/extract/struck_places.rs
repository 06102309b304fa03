//! A place the gazetteer lacks, named as what a strike hit or with its kind of place, in a
//! known town ("shelled Foo in A", "bombed Foo village in A"): the event is at Foo, near A,
//! and the report says so (the place is told as "Foo, A" at the precision of a place near
//! the town), so that two reports of strikes on two such places of one town on one day are
//! not one event. The rest of the report stays with it. Sentences written for these tests;
//! "Kwaluhe" and "Mrima" are made up, Malindi (Kenya) is in the built-in gazetteer.

use incimap::extract::Extraction;
use incimap::model::{GeoPrecision, Measure};

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-09-18", text)
}

/// (place as told, precision) of every incident.
fn places(ex: &Extraction) -> Vec<(String, GeoPrecision)> {
    common::incident_places(ex)
}

#[test]
fn a_shelled_place_the_gazetteer_lacks_is_near_the_town_it_is_in() {
    for text in [
        "Artillery shelled Kwaluhe in Malindi on Monday.",
        "Rebels bombed Kwaluhe village in Malindi on Monday.",
    ] {
        let ex = read(text);
        assert_eq!(
            places(&ex),
            [("Kwaluhe, Malindi".to_string(), GeoPrecision::NearTown)],
            "{text}"
        );
    }
}

#[test]
fn the_next_sentence_stays_with_the_place_that_was_hit() {
    let ex = read("Artillery shelled Mrima in Malindi on Monday. No casualties were reported.");
    assert_eq!(
        places(&ex),
        [("Mrima, Malindi".to_string(), GeoPrecision::NearTown)]
    );
    let zeros: Vec<(Measure, Option<u64>)> = ex.incidents[0]
        .figures
        .iter()
        .map(|f| (f.measure.clone(), f.best))
        .collect();
    assert!(zeros.contains(&(Measure::Killed, Some(0))), "{zeros:?}");
}

#[test]
fn a_person_attacked_in_a_town_is_no_place() {
    let ex = read("Gunmen attacked Chief Otieno in Malindi on Monday.");
    assert_eq!(places(&ex), [("Malindi".to_string(), GeoPrecision::Town)]);
}

#[test]
fn the_town_named_again_in_its_address_is_the_same_place() {
    // "Kwaluhe settlement in Malindi town (Malindi, Kilifi)": one incident, at Kwaluhe.
    let ex = read("Militiamen raided Kwaluhe settlement in Malindi town (Malindi, Kilifi).");
    assert_eq!(
        places(&ex),
        [("Kwaluhe, Malindi".to_string(), GeoPrecision::NearTown)]
    );
}

#[test]
fn a_place_in_the_limits_of_a_town_takes_the_counts_told_there() {
    // Words for the bounds of a town ("in the limits of A") join the unknown area to it as
    // "in A" does.
    let text = "Two militants were killed when troops repelled their attack in the Kwaluhe \
                area in the limits of Malindi town on Monday.";
    let ex = read(text);
    assert_eq!(
        places(&ex),
        [("Kwaluhe, Malindi".to_string(), GeoPrecision::NearTown)]
    );
    assert_eq!(
        common::best_by_place(&ex, Measure::Killed),
        [("Kwaluhe, Malindi".to_string(), Some(2))]
    );
}
