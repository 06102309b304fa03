//! The lead's counts told over a few sentences before the place: counts that name no place
//! wait for the sentence that names where the event happened ("... killed nine policemen in
//! the north. Sixteen others were wounded. The attack took place in A."); a total the lead
//! states is the total of the people a later sentence joins by "and"; places help came from
//! are no event; a source's "confirmed the death of" counts the dead; a next sentence that
//! names several divisions ("A and B districts") places no lead count at its one known town;
//! a count told on another weekday than the lead's is of another event, not the town's; a
//! sentence that opens on another event ("Earlier, ...") ends the lead's run.
//! Sentences written for these tests; Kenyan towns from the built-in gazetteer
//! ("Ngarekol" is made up).

use incimap::extract::Extraction;
use incimap::model::{Figure, Measure};

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-05-20", text)
}

#[test]
fn lead_counts_over_a_sentence_naming_no_place_join_the_place_named_next() {
    let ex = read(
        "A suicide bomber killed nine policemen in northeastern Kenya on Monday. Sixteen \
         others were wounded. The attack took place in Mandera.",
    );
    assert_eq!(
        common::tolls(&ex),
        [("Mandera".to_string(), Some(9), Some(16))]
    );
    assert!(ex.unattached.is_empty(), "{:?}", ex.unattached);
}

#[test]
fn a_count_at_another_unnamed_place_between_keeps_the_lead_apart() {
    // The second sentence tells of killings in a village: another place, so neither its
    // count nor the lead's goes to the town named after it.
    let ex = read(
        "A suicide bomber killed nine policemen in northeastern Kenya on Monday. Troops shot \
         dead four men in a village near the border earlier this week. The attack took place \
         in Mandera.",
    );
    assert!(
        ex.incidents.iter().all(|i| i.figures.is_empty()),
        "{:?}",
        ex.incidents
    );
}

#[test]
fn a_sentence_past_the_next_that_tells_of_something_else_keeps_the_lead_apart() {
    // The third sentence names a town, but for another group on another day.
    let ex = read(
        "Gunmen attacked a village in northeastern Kenya on Monday, killing six people. Police \
         detained at least 13 suspects. The day before, another group of gunmen was seen in \
         Mandera.",
    );
    assert!(
        ex.incidents.iter().all(|i| i.figures.is_empty()),
        "{:?}",
        ex.incidents
    );
}

fn killed(ex: &Extraction) -> Vec<&Figure> {
    ex.incidents
        .iter()
        .flat_map(|i| &i.figures)
        .filter(|f| f.measure == Measure::Killed)
        .collect()
}

#[test]
fn a_total_told_before_the_people_joined_by_and_is_their_total() {
    for text in [
        "A bomb killed five people in northern Kenya on Monday. The blast hit a market in \
         Mandera. Two policemen and three civilians died in the explosion, the police chief \
         said.",
        "Bij een bomaanslag in het noorden van Kenia zijn maandag vijf dodelijke slachtoffers \
         gevallen. De aanslag vond plaats bij een markt in Mandera. Bij de explosie kwamen \
         twee agenten en drie burgers om het leven, aldus de politiechef.",
    ] {
        let ex = read(text);
        let figures = killed(&ex);
        assert_eq!(figures.len(), 1, "{text}: {figures:?}");
        assert_eq!(figures[0].best, Some(5), "{text}");
        let parts: Vec<Option<u64>> = figures[0].parts.iter().map(|p| p.best).collect();
        assert_eq!(parts, [Some(2), Some(3)], "{text}");
    }
}

#[test]
fn places_help_came_from_are_no_event() {
    let ex = read(
        "Militants stormed an army base in Mandera on Monday. They were repelled after \
         reinforcements from Garissa and Wajir arrived, and four soldiers were killed in the \
         fighting.",
    );
    assert_eq!(common::tolls(&ex), [("Mandera".to_string(), Some(4), None)]);
}

#[test]
fn a_death_a_source_confirms_is_counted() {
    let ex = read(
        "Militants stormed an army base in Mandera on Monday. The army confirmed the death of \
         two soldiers.",
    );
    assert_eq!(common::tolls(&ex), [("Mandera".to_string(), Some(2), None)]);
    // The death a crowd protests over is the cause of the protest, not its toll.
    let ex = read("On Monday students protested in Mandera over the death of a classmate.");
    assert!(killed(&ex).is_empty(), "{:?}", ex.incidents);
}

#[test]
fn a_next_sentence_naming_several_divisions_places_no_lead_count() {
    let ex = read(
        "More than 50 people were killed during three days of violence in northern Kenya. \
         Militants raided Ngarekol and Mandera districts, burning homes.",
    );
    assert!(
        ex.incidents.iter().all(|i| i.figures.is_empty()),
        "{:?}",
        ex.incidents
    );
    // One town named next still places it.
    let ex = read(
        "More than 50 people were killed during three days of violence in northern Kenya. \
         Militants raided villages in Mandera, burning homes.",
    );
    assert_eq!(
        common::tolls(&ex),
        [("Mandera".to_string(), Some(50), None)]
    );
}

#[test]
fn a_count_told_on_another_weekday_than_the_lead_is_no_count_of_its_town() {
    // The lead's attack was on Wednesday (8 May); Tuesday's bombing is another event.
    let ex = common::read_sentence(
        "2024-05-10",
        "Six soldiers were killed and four were injured Wednesday in an attack by rebels, \
         according to media reports.\n\nThe network said the incident happened near the town of \
         Garissa, when the soldiers were on patrol.\n\nOn Tuesday, two police officers were \
         killed in a bombing, police said.",
    );
    assert_eq!(common::first_bests(&ex), [("Garissa".to_string(), 6)]);
    assert_eq!(ex.unattached.len(), 1, "{:?}", ex.unattached);
    assert!(
        ex.unattached[0].reason.contains("dated apart"),
        "{:?}",
        ex.unattached
    );
}

#[test]
fn a_sentence_that_opens_on_another_event_ends_the_lead_s_run() {
    // "Earlier, ..." tells another event: the gunfight placed next is that one, and the
    // lead's 14 dead wait in vain.
    let ex = read(
        "No fewer than 14 civilians were killed in an overnight attack on a fishing camp. \
         Earlier, a militia leader said 19 herders died in a gunfight with the insurgents. \
         The gunfight took place near Mandera.",
    );
    let killed: Vec<u64> = ex
        .incidents
        .iter()
        .flat_map(|i| &i.figures)
        .flat_map(|f| f.claims.iter().map(|c| c.value))
        .collect();
    assert!(!killed.contains(&14), "{:?}", ex.incidents);
    assert!(
        ex.unattached.iter().any(|u| u.value == 14),
        "{:?}",
        ex.unattached
    );
}
