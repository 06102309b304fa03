//! Ground taken: "captured", "took", "retaken" tell the capture of a place (ACLED's
//! Non-state actor overtakes territory, Government regains territory) only when what they
//! take is a place; a capture told for background, dated months before, is an incident of
//! its own that lends today's incident neither its date nor its kind. Sentences written for
//! these tests.

use incimap::extract::Extraction;
use incimap::model::SubEventType;

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-06-03", text)
}

/// (place as written, sub-event type, date) of every incident.
fn told(ex: &Extraction) -> Vec<(String, Option<SubEventType>, String)> {
    ex.incidents
        .iter()
        .map(|i| (i.place.name.clone(), i.sub_event_type, i.date.label()))
        .collect()
}

#[test]
fn a_verb_of_capture_with_a_place_as_its_object_is_a_capture() {
    for text in [
        "On 1 June, militants captured the town of Kitale.",
        "On 1 June, insurgents took the strategically placed town of Kitale.",
        "On 1 June, the town of Kitale was overrun by militants.",
    ] {
        let got = told(&read(text));
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(
            got[0].1,
            Some(SubEventType::NonStateActorOvertakesTerritory),
            "{text}"
        );
    }
    let got = told(&read("On 1 June, soldiers retook the village of Kitale."));
    assert_eq!(got[0].1, Some(SubEventType::GovernmentRegainsTerritory));
}

#[test]
fn a_verb_of_capture_that_takes_people_or_an_idiom_tells_no_capture() {
    for text in [
        "On 1 June, a meeting of elders took place in Kitale.",
        "On 1 June, the injured were taken to a clinic in Kitale.",
        "On 1 June, troops launched an offensive in Kitale aimed at recapturing the hills.",
    ] {
        let got = told(&read(text));
        assert!(
            got.iter().all(|(_, kind, _)| !matches!(
                kind,
                Some(
                    SubEventType::NonStateActorOvertakesTerritory
                        | SubEventType::GovernmentRegainsTerritory
                )
            )),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn ground_the_text_does_not_name_leaves_the_kind_to_the_violence_told() {
    // The shelling decides; the three villages taken are not the town shelled.
    let ex = read(
        "On 1 June, rebels shelled a market in Kitale, killing seven, and captured three \
         villages south of the town.",
    );
    assert_eq!(
        told(&ex)[0].1,
        Some(SubEventType::ShellingArtilleryMissileAttack)
    );
}

#[test]
fn a_capture_told_for_background_is_an_incident_of_its_own() {
    // Today's blast keeps its day and its kind; the capture in March is apart.
    let ex = read(
        "On Saturday, a car bomb exploded in a market in Kitale, killing 12 people. The town \
         of Kitale was captured by militants in March. Rescuers searched the market all night.",
    );
    let got = told(&ex);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, "Kitale");
    assert_eq!(got[0].1, Some(SubEventType::RemoteExplosiveLandmineIed));
    assert_eq!(got[0].2, "2024-06-01");
    assert_eq!(
        got[1].1,
        Some(SubEventType::NonStateActorOvertakesTerritory)
    );
    assert_eq!(got[1].2, "2024-03");
}

#[test]
fn a_capture_in_a_clause_opened_by_since_is_an_earlier_event_at_its_own_place() {
    // The shelling "since" then is a summary; the capture that opened the period is an event
    // of its own, at the town taken, with its own month and kind.
    let ex = read(
        "On Saturday, gunmen killed three people in Kitale. Government forces have shelled \
         Nakuru daily since rebels overran the town of Eldoret in March.",
    );
    let got = told(&ex);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, "Kitale");
    assert_eq!(got[1].0, "Eldoret");
    assert_eq!(
        got[1].1,
        Some(SubEventType::NonStateActorOvertakesTerritory)
    );
    assert_eq!(got[1].2, "2024-03");
    // A period named after "since" opens no such clause: the captures are a summary.
    let ex = read(
        "On Saturday, gunmen killed three people in Kitale. Since March, rebels have captured \
         Eldoret and Nakuru.",
    );
    let got = told(&ex);
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn a_large_city_taken_is_the_ground_not_its_government() {
    // A city of millions named without "in" is mostly its government ("Nairobi said"), but
    // not as what a capture took, also behind a direction, a possessor and commas.
    for text in [
        "On Saturday, gunmen killed three people in Kitale. On Sunday, rebels captured Nairobi.",
        "On Saturday, gunmen killed three people in Kitale. On Sunday, rebels overran western \
         Nairobi.",
        "On Saturday, gunmen killed three people in Kitale. The group has grown since it seized \
         Kenya's largest city, Nairobi, on 10 March.",
    ] {
        let got = told(&read(text));
        assert_eq!(got.len(), 2, "{text}: {got:?}");
        assert_eq!(got[1].0, "Nairobi", "{text}");
        assert_eq!(
            got[1].1,
            Some(SubEventType::NonStateActorOvertakesTerritory),
            "{text}"
        );
    }
}

#[test]
fn a_town_a_capture_only_aims_at_is_no_event_place() {
    for text in [
        "Fighting between the army and the rebels escalated on Monday as the rebels sought to \
         seize control of Nakuru, the county capital.",
        "Heavy clashes broke out on Monday in a rebel bid to retake the town of Nakuru.",
    ] {
        let ex = read(text);
        assert!(ex.incidents.is_empty(), "{text}: {:?}", told(&ex));
    }
    // Where the attack took place, the aim names the same town again: still an incident.
    let ex = read("Rebels attacked Nakuru on Monday in a bid to capture the town.");
    assert_eq!(told(&ex).len(), 1);
}
