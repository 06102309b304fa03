//! A street named after a town ("Eldoret road"), in another town the text names right after
//! it, is no mention of the town it is named after; a road between two towns is. Sentences
//! written for these tests, at Kenyan towns.

use crate::common;

fn incident_places(text: &str) -> Vec<String> {
    let ex = common::read_sentence("2024-06-08", text);
    ex.incidents.iter().map(|i| i.place.name.clone()).collect()
}

#[test]
fn a_street_named_after_a_town_lies_in_the_town_named_after_it() {
    for text in [
        "On 5 June 2024, journalists protested outside a newspaper office on Eldoret road in \
         Kitale.",
        "On 5 June 2024, traders blocked Nakuru street at Kisumu, demanding lower fees.",
    ] {
        let places = incident_places(text);
        assert_eq!(places.len(), 1, "{text}: {places:?}");
        assert!(
            !places[0].contains("Eldoret") && !places[0].contains("Nakuru"),
            "{places:?}"
        );
    }
}

#[test]
fn a_road_between_two_towns_still_names_them() {
    // The towns joined by a dash are the road's ends, not a street's name.
    let ex = common::read_sentence(
        "2024-06-08",
        "On 5 June 2024, gunmen ambushed a lorry on the Kitale-Eldoret road in Trans Nzoia.",
    );
    let names: Vec<&str> = ex.places.iter().map(|m| m.text.as_str()).collect();
    assert!(names.contains(&"Kitale"), "{names:?}");
}
