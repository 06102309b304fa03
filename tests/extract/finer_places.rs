//! A sentence that tells the incident in focus again ("the blast") at a smaller town close
//! to the city it was placed at says more precisely where it happened: one incident there,
//! not a second one counting the same wounded. Another event there ("another blast") stays
//! apart, and so do two small towns close together. Sentences written for these tests;
//! Nairobi and Kikuyu (17 km from its centre), Witu and Kipini (about 20 km apart) from the
//! built-in gazetteer.

use incimap::extract::Extraction;

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-05-10", text)
}

fn incidents(ex: &Extraction) -> Vec<(String, u64)> {
    common::first_bests(ex)
}

#[test]
fn the_blast_told_again_in_a_town_by_the_city_moves_the_incident_there() {
    let ex = read(
        "An explosion struck a busy market in Nairobi on Wednesday, wounding nine people. The \
         blast hit a market in Kikuyu, west of the capital. Two officials said nine people \
         were wounded in the blast.",
    );
    assert_eq!(incidents(&ex), [("Kikuyu".to_string(), 9)]);
    assert_eq!(ex.incidents[0].date.label(), "2024-05-08");
}

#[test]
fn another_blast_in_a_town_by_the_city_is_another_incident() {
    let ex = read(
        "An explosion struck a busy market in Nairobi on Wednesday, wounding nine people. \
         Another blast hit a market in Kikuyu, west of the capital, wounding two.",
    );
    assert_eq!(
        incidents(&ex),
        [("Nairobi".to_string(), 9), ("Kikuyu".to_string(), 2)]
    );
}

#[test]
fn a_small_town_told_with_the_attack_at_another_by_it_is_another_place() {
    let ex = read(
        "Gunmen killed five people in Witu on Monday. The attack in Witu followed clashes in \
         Kipini that killed three.",
    );
    assert_eq!(
        incidents(&ex),
        [("Witu".to_string(), 5), ("Kipini".to_string(), 3)]
    );
}
