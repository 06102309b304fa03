//! What a sentence that names no place refers back to. "The village" is a village named
//! before, never a city: a sentence telling of the war's start "with fighting in the capital
//! A" does not make A the village fighters stormed later. A town named in a sentence dated
//! days away from the incident in focus ("was in A in April last year") is of another time:
//! a count after it stays with the incident in focus. Sentences written for these tests;
//! Kenyan towns from the built-in gazetteer (Witu a small town, Nairobi the capital).

use incimap::extract::Extraction;

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-05-10", text)
}

fn place_names(ex: &Extraction) -> Vec<String> {
    ex.incidents.iter().map(|i| i.place.name.clone()).collect()
}

#[test]
fn the_village_is_no_city_named_just_before() {
    let ex = read(
        "Fighters attacked Witu on Monday, killing ten people. The militia has been accused of \
         abuses since the war started in April 2023, when fighting erupted in the capital \
         Nairobi. Residents said hundreds of fighters looted the village on Tuesday, killing \
         two more.",
    );
    assert!(
        ex.incidents
            .iter()
            .all(|i| i.place.name != "Nairobi" || i.figures.iter().all(|f| f.best != Some(2))),
        "{:?}",
        place_names(&ex)
    );
}

#[test]
fn the_village_is_the_small_town_named_just_before() {
    let ex = read(
        "On Monday fighters attacked Witu, burning houses. Residents said the fighters looted \
         the village on Tuesday, killing two people.",
    );
    let witu = ex.incidents.iter().find(|i| i.place.name == "Witu");
    assert!(
        witu.is_some_and(|i| i.figures.iter().any(|f| f.best == Some(2))),
        "{:?}",
        place_names(&ex)
    );
}

#[test]
fn a_town_of_another_time_does_not_take_the_focus() {
    let ex = read(
        "Gunmen killed ten people in Witu on Monday. The militia was in Nairobi in April 2023. \
         Two more bodies were found on Tuesday.",
    );
    assert_eq!(place_names(&ex), ["Witu"]);
    let killed: Vec<_> = ex.incidents[0]
        .figures
        .iter()
        .filter_map(|f| f.best)
        .collect();
    assert_eq!(killed, [12]);
}
