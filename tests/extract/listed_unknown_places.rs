//! Counts told place by place ("five were killed in A, two in B") go each to its own place,
//! and a place the gazetteer lacks keeps its count unattached instead of handing it to the
//! known town next in the list. A name the text calls a village is no large city of the same
//! spelling abroad. Sentences written for these tests; Watamu, Mtwapa, Malindi and Kisumu
//! (Kenya) from the built-in gazetteer; Mbogolo and Kiruvani are names it lacks.

use incimap::extract::Extraction;

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-03-08", text)
}

/// The reasons given for the unattached figures, in order.
fn unattached(ex: &Extraction) -> Vec<String> {
    ex.unattached.iter().map(|u| u.reason.clone()).collect()
}

#[test]
fn a_count_at_a_place_the_gazetteer_lacks_is_not_given_to_the_next_town() {
    let ex = read(
        "Bandits attacked villages in Kilifi County on Monday. Five people were killed in \
         Mbogolo and two in Watamu.",
    );
    assert_eq!(common::tolls(&ex), [("Watamu".to_string(), Some(2), None)]);
    let reasons = unattached(&ex);
    assert_eq!(reasons.len(), 1, "{reasons:?}");
    assert!(reasons[0].contains("\"Mbogolo\""), "{reasons:?}");
}

#[test]
fn each_item_of_a_list_of_counts_keeps_its_own_place() {
    let ex = read(
        "Bandits attacked villages in Kilifi County on Monday. He said six people were \
         killed in Mbogolo; three in Kiruvani; four in Watamu, and one in Mtwapa.",
    );
    assert_eq!(
        common::tolls(&ex),
        [
            ("Watamu".to_string(), Some(4), None),
            ("Mtwapa".to_string(), Some(1), None)
        ]
    );
    let reasons = unattached(&ex);
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(reasons[0].contains("\"Mbogolo\""), "{reasons:?}");
    assert!(reasons[1].contains("\"Kiruvani\""), "{reasons:?}");
}

#[test]
fn a_name_listed_beside_a_known_town_is_not_situated_by_it() {
    // The first sentence lists the villages side by side; Watamu does not say where
    // Mbogolo lies, so Mbogolo's count stays unattached.
    let ex = read(
        "The villages attacked were Mbogolo, Watamu and Kiruvani. Five people were killed \
         in Mbogolo and two in Watamu.",
    );
    assert_eq!(common::tolls(&ex), [("Watamu".to_string(), Some(2), None)]);
    assert_eq!(unattached(&ex).len(), 1, "{:?}", unattached(&ex));
}

#[test]
fn a_name_the_text_calls_a_village_is_no_large_city_abroad() {
    // Kano is also a city of millions in Nigeria; the Kenyan village of that name is not in
    // the gazetteer, so the incident stays in the county the text names it with.
    let ex = read("Gunmen killed five people in Kano village, Kisumu County, on Monday.");
    assert_eq!(common::incident_countries(&ex), ["KE"]);
    // Called a village once, it is the village wherever the text names it again.
    let ex = read(
        "Gunmen raided Kano village on Monday. Five people were killed in Kano, police in \
         Kisumu said.",
    );
    assert_eq!(common::incident_countries(&ex), ["KE"]);
}

#[test]
fn a_figure_in_the_villages_affected_is_no_figure_of_one_of_them() {
    let ex = read(
        "Bandits raided Watamu on Monday. Police went to the affected villages where three \
         bandits were killed.",
    );
    assert_eq!(common::tolls(&ex), [("Watamu".to_string(), None, None)]);
    assert_eq!(ex.regional.len(), 1);
    assert!(ex.regional[0].reason.contains("several places"));
}

#[test]
fn a_district_the_gazetteer_lacks_keeps_its_count_from_the_town_before() {
    let ex = read(
        "Gunmen attacked Watamu on Monday, killing four people. On Tuesday, insurgents shot \
         dead two villagers in Mbogolo district.",
    );
    assert_eq!(common::tolls(&ex), [("Watamu".to_string(), Some(4), None)]);
    let reasons = unattached(&ex);
    assert_eq!(reasons.len(), 1, "{reasons:?}");
    assert!(reasons[0].contains("\"Mbogolo district\""), "{reasons:?}");
    // So in a list beside a known town.
    let ex = read(
        "Bandits attacked villages in Kilifi County on Monday. Five people were killed in \
         Mbogolo district and two in Watamu.",
    );
    assert_eq!(common::tolls(&ex), [("Watamu".to_string(), Some(2), None)]);
}

#[test]
fn a_neighbourhood_of_a_town_the_gazetteer_lacks_is_not_in_the_town_before() {
    let ex = read(
        "Gunmen attacked Watamu on Monday, killing four people. Later, three people died in \
         an attack on an outlying neighbourhood of Kiruvani town.",
    );
    assert_eq!(common::tolls(&ex), [("Watamu".to_string(), Some(4), None)]);
    let reasons = unattached(&ex);
    assert_eq!(reasons.len(), 1, "{reasons:?}");
    assert!(reasons[0].contains("\"Kiruvani\""), "{reasons:?}");
}
