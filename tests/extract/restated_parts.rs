//! A part of a town the gazetteer lacks, told in a later sentence with the same counts as
//! the town's incident, is that incident told again, not a second event at the same spot.
//! Sentences written for these tests; Garissa (Kenya) from the built-in gazetteer; the
//! neighbourhood and mosque names are made up.

use incimap::extract::Extraction;

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-05-10", text)
}

#[test]
fn a_named_spot_told_with_the_towns_counts_joins_the_towns_incident() {
    let ex = read(
        "At least seven people were killed and 25 wounded in a grenade attack in the town of \
         Garissa on Tuesday. \"The attackers targeted the neighbourhood of Kambi Wasa near the \
         Umoja mosque in the centre of the town, killing seven people and wounding 25,\" a \
         police officer said.",
    );
    assert_eq!(
        common::tolls(&ex),
        [("Garissa".to_string(), Some(7), Some(25))]
    );
    // Both tellings are claims of the one incident, the second with its source.
    let killed = &ex.incidents[0].figures[0];
    assert_eq!(killed.claims.len(), 2, "{killed:?}");
}

#[test]
fn a_named_spot_with_counts_of_its_own_stays_its_own_incident() {
    let ex = read(
        "At least seven people were killed in a grenade attack in the town of Garissa on \
         Tuesday. \"Gunmen also shot two men near the Umoja mosque in the centre of the town, \
         killing both,\" a police officer said.",
    );
    let places: Vec<String> = ex.incidents.iter().map(|i| i.place.name.clone()).collect();
    assert_eq!(places.len(), 2, "{:?}", common::tolls(&ex));
}
