//! Lives counted as lost are deaths: "the bomb claimed 12 lives", "the raid cost 30 lives",
//! "nine lives were lost", and the verbs "perished" and "slaughtered"; lives saved are none;
//! "claiming the lives of a man" still counts the man; lives claimed "nationally" are a
//! national total; what "claimed 26 lives" is no source of the toll.
//! Sentences written for these tests; Kasulu (Tanzania) from the built-in gazetteer.

use incimap::extract::Extraction;

use crate::common;

fn read(sentence: &str) -> Extraction {
    common::read_sentence("2024-05-02", sentence)
}

#[test]
fn lives_claimed_or_lost_are_the_dead() {
    for (text, dead) in [
        ("A roadside bomb claimed 12 lives in Kasulu on Monday.", 12),
        ("The raid on a market in Kasulu cost at least 30 lives.", 30),
        ("Nine lives were lost in the attack on Kasulu on Monday.", 9),
        (
            "Eleven villagers perished when gunmen set fire to huts in Kasulu.",
            11,
        ),
        ("Gunmen slaughtered 14 herders in Kasulu on Monday.", 14),
        ("De aanslag op een markt in Kasulu eiste twaalf levens.", 12),
    ] {
        let got = common::tolls(&read(text));
        assert_eq!(got, [("Kasulu".to_string(), Some(dead), None)], "{text}");
    }
}

#[test]
fn the_lives_of_one_person_claimed_are_one_dead() {
    // "the lives of" ends the measure's own phrase: the person after it is the one killed.
    let text = "Rockets hit a house in Kasulu, claiming the lives of a man and injuring four \
                other civilians.";
    let got = common::tolls(&read(text));
    assert_eq!(got, [("Kasulu".to_string(), Some(1), Some(4))]);
}

#[test]
fn lives_saved_are_no_deaths() {
    for text in [
        "Medics in Kasulu saved 12 lives after the blast on Monday.",
        "Artsen in Kasulu redden na de aanslag twaalf levens.",
    ] {
        let got = common::tolls(&read(text));
        assert!(
            got.iter().all(|(_, dead, _)| dead.is_none()),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn lives_claimed_nationally_are_a_national_total_not_a_rival_toll() {
    let ex = read(
        "A suicide bomber killed 15 people in Kasulu on Monday. Such attacks have claimed \
         around 640 lives nationally, according to an agency tally.",
    );
    assert_eq!(common::tolls(&ex), [("Kasulu".to_string(), Some(15), None)]);
    assert!(
        ex.regional.iter().any(|r| r.value == 640),
        "{:?}",
        ex.regional
    );
}

#[test]
fn what_claimed_the_lives_is_no_source_of_the_toll() {
    let ex = read("A suicide bombing at Kasulu Railway Station claimed 26 lives on Monday.");
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    let killed = &ex.incidents[0].figures[0];
    assert_eq!(killed.best, Some(26));
    assert!(
        killed.claims.iter().all(|c| c.source.is_none()),
        "{:?}",
        killed.claims
    );
    // Who claims a toll is its source all the same.
    let ex = read("The militants claimed 26 soldiers were killed in Kasulu on Monday.");
    let claims = &ex.incidents[0].figures[0].claims;
    assert!(
        claims
            .iter()
            .all(|c| c.source.as_deref() == Some("militants")),
        "{claims:?}"
    );
}
