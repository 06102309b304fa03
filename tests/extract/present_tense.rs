//! Headlines and the briefs of incident tables speak in the present ("Gunmen kill two",
//! "Rebels seize the town"): the present tells the same event, with the same figures, as
//! the past. Sentences written for these tests, at Kenyan towns.

use incimap::model::{Measure, SubEventType};

use crate::common;

/// The one incident's kind and its best figure of `measure`.
fn read(text: &str, measure: &Measure) -> (Option<SubEventType>, Option<u64>) {
    kind_and_count(common::read_sentence("2024-06-03", text), text, measure)
}

/// [`read`] for a sentence in Dutch (too short to tell its language by).
fn read_dutch(text: &str, measure: &Measure) -> (Option<SubEventType>, Option<u64>) {
    use incimap::extract::{extract_text, Options, PlaceIndex};
    let options = Options {
        language: Some("nl".to_string()),
        ..Options::default()
    };
    let source = format!("date 2024-06-03\n{text}\n");
    let ex = extract_text(&source, "test.txt", PlaceIndex::builtin(), &options);
    kind_and_count(ex, text, measure)
}

fn kind_and_count(
    ex: incimap::extract::Extraction,
    text: &str,
    measure: &Measure,
) -> (Option<SubEventType>, Option<u64>) {
    assert_eq!(ex.incidents.len(), 1, "{text}: {:?}", ex.incidents);
    let incident = &ex.incidents[0];
    let best = (incident.figures.iter())
        .find(|f| &f.measure == measure)
        .and_then(|f| f.best);
    (incident.sub_event_type, best)
}

#[test]
fn the_present_tells_the_same_event_as_the_past() {
    use Measure::{Captured, Detained, Injured, Killed};
    use SubEventType::*;
    for (present, past, measure, kind, count) in [
        (
            "Bandits kill a herder near Nyeri.",
            "Bandits killed a herder near Nyeri.",
            Killed,
            Attack,
            Some(1),
        ),
        (
            "Armed men loot shops in Eldoret.",
            "Armed men looted shops in Eldoret.",
            Killed,
            LootingPropertyDestruction,
            None,
        ),
        (
            "Police arrest 14 traders in Nakuru.",
            "Police arrested 14 traders in Nakuru.",
            Detained,
            Arrests,
            Some(14),
        ),
        (
            "Armed men kidnap two teachers in Kitale.",
            "Armed men kidnapped two teachers in Kitale.",
            Captured,
            AbductionForcedDisappearance,
            Some(2),
        ),
        (
            "Guards open fire on a bus in Kisumu, injure 3 passengers.",
            "Guards opened fire on a bus in Kisumu, injuring 3 passengers.",
            Injured,
            Attack,
            Some(3),
        ),
        (
            "Rebels take control of Kasulu after the army withdraws.",
            "Rebels took control of Kasulu after the army withdrew.",
            Killed,
            NonStateActorOvertakesTerritory,
            None,
        ),
        (
            "Troops retake Kasulu from the rebels.",
            "Troops retook Kasulu from the rebels.",
            Killed,
            GovernmentRegainsTerritory,
            None,
        ),
    ] {
        let expected = (Some(kind), count);
        assert_eq!(read(past, &measure), expected, "{past}");
        assert_eq!(read(present, &measure), expected, "{present}");
    }
}

#[test]
fn a_present_verb_of_taking_needs_a_place_to_take() {
    // "takes over" a duty or a company takes no ground.
    let ex = common::read_sentence(
        "2024-06-03",
        "A new commander takes over the police unit in Nakuru.",
    );
    assert!(
        ex.incidents
            .iter()
            .all(|i| i.sub_event_type != Some(SubEventType::NonStateActorOvertakesTerritory)),
        "{:?}",
        ex.incidents
    );
}

#[test]
fn dutch_headlines_in_the_present_tell_the_event_too() {
    use Measure::{Captured, Detained, Killed};
    use SubEventType::*;
    for (text, measure, kind, count) in [
        (
            "Politie arresteert 14 mensen in Nakuru.",
            Detained,
            Arrests,
            Some(14),
        ),
        (
            "Politie arresteerde 14 mensen in Nakuru.",
            Detained,
            Arrests,
            Some(14),
        ),
        (
            "Gewapende mannen ontvoeren twee mensen in Kitale.",
            Captured,
            AbductionForcedDisappearance,
            Some(2),
        ),
        (
            "Gewapende mannen plunderen winkels in Eldoret.",
            Killed,
            LootingPropertyDestruction,
            None,
        ),
        (
            "Rebellen veroveren Kasulu.",
            Killed,
            NonStateActorOvertakesTerritory,
            None,
        ),
        (
            "Het leger herovert Kasulu.",
            Killed,
            GovernmentRegainsTerritory,
            None,
        ),
    ] {
        assert_eq!(read_dutch(text, &measure), (Some(kind), count), "{text}");
    }
}
