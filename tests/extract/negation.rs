//! Events the text denies, and tolls of none. A cue a few words after "not" or "never" tells
//! of something that did not happen ("its jets had not carried out strikes on A"): no
//! incident. "No one was killed" is a toll of zero, and its "one" is no count of one. A
//! denied perpetrator ("denied carrying out the attack") leaves the attack in place. A
//! report of none in a later sentence is about someone else than a count told before it;
//! a source that gives only the none is a rival claim, and a none's source may follow it.
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

/// The claims (value, source) of the killed figures of the only incident.
fn killed_claims(ex: &Extraction) -> Vec<(u64, Option<String>)> {
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    (ex.incidents[0].figures.iter())
        .filter(|f| f.measure == Measure::Killed)
        .flat_map(|f| f.claims.iter().map(|c| (c.value, c.source.clone())))
        .collect()
}

#[test]
fn a_later_report_of_none_does_not_undo_a_death_told_before() {
    // The one dead rebel stays; "no casualties" speaks of the soldiers.
    let ex = read(
        "A rebel was killed in a gunfight with soldiers in Mbarara on Tuesday. No casualties \
         were reported.",
    );
    assert_eq!(killed_claims(&ex), [(1, None)]);
    assert_eq!(ex.incidents[0].figures[0].best, Some(1));
}

#[test]
fn a_source_that_reports_only_none_is_a_rival_claim() {
    let ex = read(
        "Five soldiers were killed in Mbarara on Tuesday, the rebels said. No one was killed, \
         the army said.",
    );
    let claims = killed_claims(&ex);
    assert!(claims.contains(&(5, Some("rebels".into()))), "{claims:?}");
    assert!(claims.contains(&(0, Some("army".into()))), "{claims:?}");
    // In one sentence the two are rival readings too.
    let ex = read("Gunmen clashed in Mbarara; reports said either no deaths or one.");
    let values: Vec<u64> = killed_claims(&ex).into_iter().map(|(v, _)| v).collect();
    assert!(values.contains(&0), "{values:?}");
}
