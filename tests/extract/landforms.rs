//! A town's name followed by a word for a landform ("the Foo valley", "the Foo hills") names
//! the land around, not the town: a division of that name stands for it, else the name is
//! read nowhere and its figures stay unattached. Land close by ("the Foo desert", "the Foo
//! hills") is near the town. Sentences written for these tests; Kenyan places from the built-in gazetteer.

use incimap::model::GeoPrecision;

use crate::common;

#[test]
fn a_valley_named_after_a_town_is_not_the_town() {
    for sentence in [
        "Clashes in the Lodwar valley killed seven herders on Monday, police said.",
        "Bij gevechten in de Lodwar vallei zijn maandag zeven herders gedood.",
    ] {
        let ex = common::read_sentence("2024-05-10", sentence);
        assert!(
            ex.incidents.is_empty(),
            "{sentence}: {:?}",
            common::first_bests(&ex)
        );
        assert_eq!(ex.unattached.len(), 1, "{sentence}: {:?}", ex.unattached);
    }
}

#[test]
fn a_desert_or_hills_named_after_a_town_are_near_the_town() {
    for sentence in [
        "Clashes in the Lodwar hills killed seven herders on Monday, police said.",
        "Seven herders were found dead in the Lodwar desert on Monday.",
        "In de Lodwar woestijn zijn maandag zeven herders dood aangetroffen.",
    ] {
        let ex = common::read_sentence("2024-05-10", sentence);
        assert_eq!(
            common::incident_places(&ex),
            [("Lodwar".to_string(), GeoPrecision::NearTown)],
            "{sentence}"
        );
    }
}

#[test]
fn a_valley_named_after_a_division_is_the_division() {
    // Garissa is a town and a county: the valley stands for the county, a regional figure.
    let ex = common::read_sentence(
        "2024-05-10",
        "Five people were killed in the Garissa valley on Monday, police said.",
    );
    assert!(ex.incidents.is_empty(), "{:?}", common::first_bests(&ex));
    assert_eq!(ex.regional.len(), 1, "{:?}", ex.regional);
    assert_eq!(ex.regional[0].area.as_deref(), Some("Garissa"));
}

#[test]
fn the_town_named_alone_or_by_a_single_mountain_is_still_the_town() {
    for sentence in [
        "Clashes in Lodwar killed seven herders on Monday, police said.",
        "Clashes near the Lodwar mountain killed seven herders on Monday, police said.",
    ] {
        let ex = common::read_sentence("2024-05-10", sentence);
        assert_eq!(
            common::first_bests(&ex),
            [("Lodwar".to_string(), 7)],
            "{sentence}"
        );
    }
}
