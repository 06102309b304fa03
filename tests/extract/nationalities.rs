//! A word for a country's people ("Ugandan", "Oegandese") is a sign that the text is about
//! that country, as the country's name would be: it ranks a name's readings there first and
//! supports a reading there, but on its own it makes no place elsewhere a namesake (texts
//! name foreign parties and victims that way). Sentences written for these tests; places
//! from the built-in gazetteer: Mbale, a town in Kenya and a larger one in Uganda; Hola, a
//! Kenyan county seat; Sotik in Kenya, once called Chamagel. Before a noun for what the
//! country holds or runs as a whole ("the Kenyan market") the word names the country as a
//! place.

use incimap::extract::Extraction;

use crate::common;

fn read(sentence: &str) -> Extraction {
    common::read_sentence("2024-05-02", sentence)
}

#[test]
fn a_word_for_a_people_ranks_a_name_in_their_country() {
    // Without a sign, Mbale is read as the Kenyan town.
    let plain = read("Police said two people were shot dead in Mbale on Sunday.");
    assert_eq!(
        common::incident_countries(&plain),
        ["KE"],
        "{:?}",
        plain.incidents
    );
    for sentence in [
        "Ugandan police said two people were shot dead in Mbale on Sunday.",
        "Two people were shot dead in Mbale on Sunday, the Ugandan army said.",
    ] {
        let ex = read(sentence);
        assert_eq!(
            common::incident_countries(&ex),
            ["UG"],
            "{sentence}: {:?}",
            ex.incidents
        );
    }
}

#[test]
fn a_word_for_a_people_counts_in_dutch_too() {
    let ex = read("Volgens de Oegandese politie zijn zondag in Mbale twee mensen doodgeschoten.");
    assert_eq!(
        common::incident_countries(&ex),
        ["UG"],
        "{:?}",
        ex.incidents
    );
}

#[test]
fn the_word_must_be_capitalised() {
    // "polish" the verb is no sign of Poland; nor is a lower-case "ugandan" typo of a
    // sign a reader would trust.
    let ex = read("Police said two people were shot dead in Mbale while ugandan traders watched.");
    assert_eq!(
        common::incident_countries(&ex),
        ["KE"],
        "{:?}",
        ex.incidents
    );
}

#[test]
fn a_word_for_a_people_makes_no_place_a_namesake() {
    // Victims and foreign parties are named by their nationality: Hola stays in Kenya.
    for sentence in [
        "A Japanese tourist was robbed and stabbed to death in Hola on Sunday.",
        "Somali militants killed three people in Hola on Sunday.",
    ] {
        let ex = read(sentence);
        assert_eq!(
            common::incident_countries(&ex),
            ["KE"],
            "{sentence}: {:?}",
            ex.incidents
        );
    }
}

#[test]
fn a_word_for_a_people_supports_a_town_known_by_another_name() {
    // Alone, "Chamagel" is only another name of a small Kenyan town and is not read; a
    // Kenyan official in the same sentence is the sign of Kenya it lacked.
    let ex = read("Bandits shot dead a trader in Chamagel on Sunday, a Kenyan official said.");
    assert_eq!(
        common::incident_countries(&ex),
        ["KE"],
        "{:?}",
        ex.incidents
    );
}

#[test]
fn a_word_for_a_people_before_what_the_country_runs_names_the_country() {
    for sentence in [
        "Exports to the Kenyan market grew last year.",
        "Rain lifted the Kenyan tea industry this spring.",
        "De export naar de Keniaanse markt groeide vorig jaar sterk door het weer.",
    ] {
        let ex = read(sentence);
        let written: Vec<&str> = ex.places.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(written.len(), 1, "{sentence}: {:?}", ex.places);
        assert_eq!(
            common::mention_countries(&ex, written[0]),
            ["KE"],
            "{sentence}"
        );
        // A country named, no incident.
        assert!(ex.incidents.is_empty(), "{sentence}: {:?}", ex.incidents);
    }
    // Before a word for people it says who, not where.
    let ex = read("Kenyan soldiers crossed into the area on Sunday.");
    assert!(ex.places.is_empty(), "{:?}", ex.places);
}

#[test]
fn a_word_for_a_people_before_a_place_noun_names_no_place() {
    // "Kenyan villages" describes the villages; no place called "Kenyan" holds the count.
    let ex = read("Dozens of people were killed in Kenyan villages in Turkana County on Sunday.");
    assert!(ex.incidents.is_empty(), "{:?}", ex.incidents);
    assert_eq!(ex.regional.len(), 1, "{:?}", ex.regional);
    // A name the gazetteer lacks before the same noun is still a place.
    let named = read("Six people were killed in Lomelo village in Turkana County on Sunday.");
    assert_eq!(
        common::incident_places(&named).len(),
        1,
        "{:?}",
        named.incidents
    );
    assert!(
        named.incidents[0].place.name.contains("Lomelo"),
        "{:?}",
        named.incidents
    );
}
