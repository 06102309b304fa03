//! A place told with its province in apposition ("Foo, the province of Bar"), a place the
//! gazetteer lacks listed after a known one ("the towns of A and Foo"), and where the story
//! goes after a sentence that names such a place. Sentences written for these tests; places
//! from the built-in gazetteer (Frome is a town in England and in Jamaica; Quneitra a Syrian
//! province, Hama a Syrian city); "Kolbeyiri" is made up.

use incimap::extract::Extraction;
use incimap::model::{GeoPrecision, Measure};

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-06-03", text)
}

/// (place name, country, precision, killed) of every incident.
fn incidents(ex: &Extraction) -> Vec<(String, String, GeoPrecision, Option<u64>)> {
    let places = common::incident_places(ex);
    let countries = common::incident_countries(ex);
    let killed = common::best_by_place(ex, Measure::Killed);
    assert_eq!(places.len(), countries.len(), "{:?}", ex.incidents);
    places
        .into_iter()
        .zip(countries)
        .zip(killed)
        .map(|(((name, precision), country), (_, best))| (name, country, precision, best))
        .collect()
}

#[test]
fn a_province_in_apposition_holds_the_name_before_it() {
    // Frome lies in England and Jamaica, in no Syrian province: the name is a place the
    // gazetteer lacks, in Quneitra, with or without the comma.
    for text in [
        "Shells killed two men in Frome, the province of Quneitra, on Monday.",
        "Shells killed two men in Frome the province of Quneitra on Monday.",
    ] {
        assert_eq!(
            incidents(&read(text)),
            [(
                "Frome, Quneitra".to_string(),
                "SY".to_string(),
                GeoPrecision::Admin1,
                Some(2)
            )],
            "{text}"
        );
    }
}

#[test]
fn a_sentence_at_a_new_place_moves_the_story_there() {
    // The second sentence tells another event at a place the gazetteer lacks in a province,
    // without a count; the count after it is that event's, not the first one's.
    let text = "A rocket hit a school in Hama on Monday, killing one teacher. Another shell \
                fell on Kolbeyiri, the province of Quneitra. Two farmers were killed.";
    let found = incidents(&read(text));
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "Hama");
    assert_eq!(found[0].3, Some(1));
    assert_eq!(found[1].0, "Kolbeyiri, Quneitra");
    assert_eq!(found[1].3, Some(2));
}

#[test]
fn a_count_for_a_known_town_and_an_unknown_one_is_a_total_over_both() {
    for text in [
        "Shelling of the towns of Hama and Kolbeyiri killed four people on Monday.",
        "Four people were killed on Monday in Hama and Kolbeyiri.",
    ] {
        let ex = read(text);
        let at_hama = incidents(&ex).iter().any(|i| i.3 == Some(4));
        assert!(!at_hama, "{text}: {:?}", ex.incidents);
        let regional: Vec<_> = ex.regional.iter().map(|u| u.value).collect();
        assert_eq!(regional, [4], "{text}");
    }
    // A party after "and" is no place: the count stays Hama's.
    let ex = read("Four people were killed on Monday in Hama and Hezbollah vowed revenge.");
    assert_eq!(
        common::best_by_place(&ex, Measure::Killed),
        [("Hama".to_string(), Some(4))]
    );
}

#[test]
fn a_name_after_on_is_a_place_only_where_something_fell_on_it() {
    // "Shells fell on Kolbeyiri in Quneitra": what was hit, in the province.
    let ex = read("Two shells fell on Kolbeyiri in Quneitra province on Monday, killing two.");
    assert_eq!(incidents(&ex)[0].0, "Kolbeyiri, Quneitra");
    // "wrote on Twitter in Hama": where the words were posted is no place at all.
    let ex = read("The governor wrote on Twitter in Hama that shelling killed two people.");
    let names: Vec<String> = incidents(&ex).into_iter().map(|i| i.0).collect();
    assert!(names.iter().all(|n| !n.contains("Twitter")), "{names:?}");
}

#[test]
fn a_month_abbreviation_without_a_day_is_part_of_a_name() {
    // "Jan" and "Mar" end a name only as a date ("in Hama Mar 3"); "Kafr Jan" is one name,
    // never the town "Kafr" abroad.
    let ex = read("Gunmen killed a farmer in Kafr Jan in Quneitra province on Monday.");
    assert_eq!(
        incidents(&ex),
        [(
            "Kafr Jan, Quneitra".to_string(),
            "SY".to_string(),
            GeoPrecision::Admin1,
            Some(1)
        )]
    );
    let ex = read("Protesters blocked a road in Hama Mar 3 over bread prices.");
    assert_eq!(common::incident_places(&ex)[0].0, "Hama");
}
