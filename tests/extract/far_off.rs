//! A place said to lie far from a town is not at the town. Without a direction ("a village
//! 400 km from the capital A") the town only says how remote the place is: no incident
//! there. With one ("200 km north of A") the point measured is as rough as the distance
//! is long (a district's width past 50 km, a province's past 150 km), and a division the
//! sentence names for the event holds it better than that point. A word for a
//! first-level division ("the department of A", "A department") asks for the division, not
//! a larger town of that name abroad; not after a locative ("a police department in A").
//! Sentences written for these tests; places from the built-in gazetteer.

use incimap::model::GeoPrecision;

use crate::common;

fn read(sentence: &str) -> incimap::extract::Extraction {
    common::read_sentence("2024-05-10", sentence)
}

#[test]
fn a_village_far_from_a_town_is_not_at_the_town() {
    for sentence in [
        "Gunmen killed six villagers in a village about 400 km (250 miles) from the capital \
         Nairobi, police said.",
        "Gunmen killed six villagers on Monday. The village lies some 300 kilometres away from \
         Nairobi, police said.",
        "Schutters hebben maandag zes dorpelingen gedood in een dorp op 400 kilometer afstand \
         van Nairobi.",
    ] {
        let ex = read(sentence);
        assert!(
            ex.incidents.is_empty(),
            "{sentence}: {:?}",
            common::incident_places(&ex)
        );
    }
}

#[test]
fn a_place_a_few_km_from_a_town_is_still_near_it() {
    let ex = read("Gunmen killed six villagers 5 km from Kumasi on Monday, police said.");
    assert_eq!(
        common::incident_places(&ex),
        [("Kumasi".to_string(), GeoPrecision::NearTown)]
    );
}

#[test]
fn a_point_measured_from_far_is_only_as_precise_as_a_division() {
    for (sentence, precision) in [
        (
            "Gunmen killed six villagers 80 km north of Kumasi, police said.",
            GeoPrecision::Admin2,
        ),
        (
            "Gunmen killed six villagers 200 km north of Kumasi, police said.",
            GeoPrecision::Admin1,
        ),
    ] {
        let ex = read(sentence);
        assert_eq!(ex.incidents.len(), 1, "{sentence}");
        assert_eq!(ex.incidents[0].place.precision, precision, "{sentence}");
        assert!(ex.incidents[0].place.offset.is_some(), "{sentence}");
    }
}

#[test]
fn a_division_named_for_the_event_beats_a_point_measured_from_far() {
    // The point 300 km north of Bogota is not where the text puts the event: the department.
    let ex = read(
        "Rebels killed six soldiers in a rural area of Santander department, about 300 km \
         north of Bogota, the army said.",
    );
    assert!(
        ex.incidents.is_empty(),
        "{:?}",
        common::incident_places(&ex)
    );
}

#[test]
fn the_department_of_a_name_is_the_division_not_a_town_abroad() {
    for sentence in [
        "Six soldiers were killed in the department of Santander on Monday.",
        "Zes soldaten zijn maandag gedood in het departement Santander.",
    ] {
        let ex = read(sentence);
        assert!(
            ex.incidents.is_empty(),
            "{sentence}: {:?}",
            common::incident_places(&ex)
        );
        assert_eq!(ex.regional.len(), 1, "{sentence}: {:?}", ex.regional);
        assert_eq!(
            common::mention_countries(&ex, "Santander"),
            ["CO"],
            "{sentence}"
        );
    }
}

#[test]
fn a_police_department_in_a_town_is_the_town() {
    let ex = read("Protesters gathered outside a police department in Kumasi on Monday.");
    assert_eq!(
        common::incident_places(&ex),
        [("Kumasi".to_string(), GeoPrecision::Town)]
    );
}
