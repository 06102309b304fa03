//! Events the text denies, and tolls of none. A cue a few words after "not" or "never" tells
//! of something that did not happen ("its jets had not carried out strikes on A"): no
//! incident. "No one was killed" is a toll of zero, and its "one" is no count of one. A
//! denied perpetrator ("denied carrying out the attack") leaves the attack in place.
//! Sentences written for these tests.

use incimap::extract::Extraction;
use incimap::model::Measure;

use crate::common;

fn read(sentence: &str) -> Extraction {
    common::read_sentence("2024-06-12", sentence)
}

#[test]
fn a_denied_strike_is_no_incident() {
    let ex = read("The ministry said its aircraft had not carried out air strikes on Mbarara.");
    assert!(ex.incidents.is_empty(), "{:?}", ex.incidents);
    let ex = read("Residents said Mbarara was never shelled.");
    assert!(ex.incidents.is_empty(), "{:?}", ex.incidents);
}

#[test]
fn the_same_strike_told_as_done_is_an_incident() {
    let ex = read("The ministry said its aircraft carried out air strikes on Mbarara.");
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    assert_eq!(ex.incidents[0].place.name, "Mbarara");
}

#[test]
fn a_denied_perpetrator_leaves_the_attack() {
    let ex = read("The rebels denied carrying out the bomb attack in Mbarara on Tuesday.");
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
}

#[test]
fn a_negation_before_a_number_does_not_reach_the_cue() {
    // "not 3 but 5": the negation speaks of the count, not of the killing.
    let ex = read("Officials said not 3 but 5 people were killed in the shelling of Mbarara.");
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
}

#[test]
fn no_one_killed_is_a_toll_of_zero_and_nothing_else() {
    let ex = read("No one was killed when rebels shelled Mbarara on Tuesday.");
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    let killed: Vec<_> = ex.incidents[0]
        .figures
        .iter()
        .filter(|f| f.measure == Measure::Killed)
        .collect();
    assert_eq!(killed.len(), 1, "{killed:?}");
    assert_eq!(killed[0].claims.len(), 1, "{killed:?}");
    assert_eq!(killed[0].claims[0].value, 0);
}
