//! The last name of an address ("Foo (Foo, Y)", "in Foo, Bar, Y.") is where the place before
//! it lies: a division more often than a town of the same name, and a division that rules
//! out readings of the names before it elsewhere. Sentences written for these tests; places
//! from the built-in gazetteer: the Burkinabè provinces Soum (a small town of that name lies
//! in Senegal) and Yatenga, the Philippine province Sulu (a hamlet of that name lies in
//! China), the Congolese province Ituri, and Mombasa (Kenya), which the gazetteer also
//! knows as "Mambasa", the name of a Congolese territory it lacks. "Kolbeyiri" is made up;
//! "Banah" is known only as another spelling of a town in Iran.

use incimap::extract::Extraction;
use incimap::model::GeoPrecision;

use crate::common;

fn read(sentence: &str) -> Extraction {
    common::read_sentence("2024-05-02", sentence)
}

/// The (country, precision) of the only incident read.
fn only_incident(sentence: &str) -> (String, GeoPrecision) {
    let ex = read(sentence);
    assert_eq!(ex.incidents.len(), 1, "{sentence}: {:?}", ex.incidents);
    let place = &ex.incidents[0].place;
    (
        place.country_code.clone().unwrap_or_default(),
        place.precision,
    )
}

#[test]
fn an_address_after_an_unknown_name_ends_in_a_province_not_a_small_town_abroad() {
    let sentence = "Militants torched a clinic in Kolbeyiri (Kolbeyiri, Soum) on Tuesday.";
    assert_eq!(
        only_incident(sentence),
        ("BF".to_string(), GeoPrecision::Admin2)
    );
    let sentence = "Police shot dead two robbers in Kolbeyiri (Kolbeyiri, Sulu) on Monday.";
    assert_eq!(
        only_incident(sentence),
        ("PH".to_string(), GeoPrecision::Admin2)
    );
}

#[test]
fn a_name_known_only_by_another_spelling_abroad_is_held_by_the_province_after_it() {
    // The province places the bomb; "Banah" is no town in Iran.
    let sentence = "A roadside bomb wounded two soldiers near Banah (Banah, Yatenga) on Tuesday.";
    assert_eq!(
        only_incident(sentence),
        ("BF".to_string(), GeoPrecision::Admin2)
    );
}

#[test]
fn a_large_city_under_another_of_its_names_is_no_place_beside_a_province_abroad() {
    let sentence = "Rebels abducted three farmers in Kolbeyiri village (Mambasa, Ituri) on Monday.";
    let ex = read(sentence);
    assert_eq!(
        common::incident_countries(&ex),
        ["CD"],
        "{:?}",
        ex.incidents
    );
    assert!(
        !common::mention_countries(&ex, "Mambasa").contains(&"KE".to_string()),
        "{:?}",
        ex.places
    );
}

#[test]
fn a_large_city_under_its_own_name_still_closes_an_address() {
    // Mombasa is the city (or its county) under its own name, whatever the tail rule.
    let sentence = "Police shot dead two robbers in Kolbeyiri, Mombasa.";
    assert_eq!(common::incident_countries(&read(sentence)), ["KE"]);
}

#[test]
fn the_places_after_an_unknown_name_are_event_places_before_any_word_for_the_event() {
    // No word before the brackets says what happened ("dropped" and "burnt" come after, or
    // not at all): the locative before the unknown name makes its holders the event's places.
    let cases = [
        "In Kolbeyiri (Kolbeyiri, Soum), soldiers burnt two houses on Monday.",
        "Leaflets were handed out by a helicopter in Kolbeyiri (Kolbeyiri, Soum) on Monday.",
        // The holders of a name in brackets after the unknown name hold it too.
        "Trouble started in the village of Kolbeyiri (Kolbe Dene, Soum); two men were shot.",
    ];
    for sentence in cases {
        assert_eq!(
            only_incident(sentence),
            ("BF".to_string(), GeoPrecision::Admin2),
            "{sentence}"
        );
    }
    // Where people come from is no event place, even held by a province.
    let sentence = "Traders from Kolbeyiri (Soum) met the governor.";
    assert!(read(sentence).incidents.is_empty());
}
