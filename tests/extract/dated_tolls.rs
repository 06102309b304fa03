//! Which tolls belong to one event and which run over a period: a past month that dates an
//! event the count's own clause tells with the indefinite article ("In April, four were
//! killed in a car bomb attack in A") is that event's month, not a period the count runs
//! over; the toll of "the war between A and B" is the whole war's, whoever fights it; "in
//! total" with one event named ("in total, five died in the attack") sums that event; an
//! event years before ("eight years after an attack on A killed 52") is background, neither
//! an incident nor a count of today's; nor is "the earlier bout of violence", "de vorige aanval"
//! (not "the earlier toll", "the previous day"); a past month in a sentence that dates its
//! event to a recent day ("on Wednesday, breaking a truce agreed in September") is no period.
//! Sentences written for these tests; Kenyan towns from the built-in gazetteer.

use incimap::extract::Extraction;
use incimap::model::Measure;

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-05-10", text)
}

fn killed(ex: &Extraction) -> Vec<(String, u64)> {
    ex.incidents
        .iter()
        .flat_map(|i| {
            i.figures
                .iter()
                .filter(|f| f.measure == Measure::Killed)
                .map(|f| (i.place.name.clone(), f.best.unwrap_or(0)))
        })
        .collect()
}

#[test]
fn a_past_month_dates_the_one_attack_its_clause_tells() {
    let ex = read("In April, at least four people were killed in a car bomb attack in Garissa.");
    assert_eq!(killed(&ex), [("Garissa".to_string(), 4)]);
    assert_eq!(ex.incidents[0].date.label(), "2024-04");
    assert!(ex.regional.is_empty());
}

#[test]
fn a_past_month_with_no_one_event_is_a_period_total() {
    let ex = read("In April, 40 people were killed in Garissa.");
    assert!(killed(&ex).is_empty(), "{:?}", killed(&ex));
    assert_eq!(ex.regional.len(), 1);
}

#[test]
fn the_toll_of_the_war_between_two_sides_is_no_count_of_the_attack() {
    for text in [
        "Fighters shelled Garissa on Monday, killing three people. The war between the army \
         and the rebels has so far killed more than 8,500 civilians, the UN said.",
        "Fighters shelled Garissa on Monday. No one was hurt. The war between the army and \
         the rebels has so far killed more than 8,500 civilians, the UN said.",
    ] {
        let ex = read(text);
        assert!(
            killed(&ex).iter().all(|(_, n)| *n < 100),
            "{text}: {:?}",
            killed(&ex)
        );
        assert_eq!(ex.regional.len(), 1, "{text}");
    }
}

#[test]
fn in_total_with_one_attack_named_sums_that_attack() {
    for text in [
        "In total, five people died in the attack in Garissa on Monday.",
        "In totaal kwamen bij de aanslag in Garissa maandag vijf mensen om.",
    ] {
        assert_eq!(killed(&read(text)), [("Garissa".to_string(), 5)], "{text}");
    }
    // Over fighting that goes on, or over several attacks, a total all the same.
    for text in [
        "In total, 300 people have been killed in the fighting in Garissa county.",
        "In total, 300 people have been killed in attacks on Garissa.",
    ] {
        let ex = read(text);
        assert!(killed(&ex).is_empty(), "{text}: {:?}", killed(&ex));
        assert_eq!(ex.regional.len(), 1, "{text}");
    }
}

#[test]
fn an_event_years_before_is_background_not_an_incident() {
    for text in [
        "Gunmen killed six people in Garissa on Monday. It came eight years to the day after \
         an attack on Witu killed 52 people.",
        "Schutters doodden maandag zes mensen in Garissa, acht jaar nadat bij een aanslag in \
         Witu 52 mensen omkwamen.",
    ] {
        let ex = read(text);
        assert_eq!(killed(&ex), [("Garissa".to_string(), 6)], "{text}");
        assert_eq!(ex.regional.len(), 1, "{text}");
    }
    // Days before is another incident all the same; a comma closes the clause years away.
    let ex = read(
        "Gunmen killed six people in Garissa on Monday, two days after an attack on Witu \
         killed 12 people.",
    );
    assert_eq!(
        killed(&ex),
        [("Garissa".to_string(), 6), ("Witu".to_string(), 12)]
    );
    let ex = read("Two years after the war began, rebels attacked Garissa on Monday, killing six.");
    assert_eq!(killed(&ex), [("Garissa".to_string(), 6)]);
}

#[test]
fn a_count_of_an_event_called_earlier_is_not_the_one_reported() {
    for text in [
        "Fighting killed 13 people in Garissa on Friday. The earlier bout of violence killed \
         nearly 100 people.",
        "Bij gevechten in Garissa kwamen vrijdag 13 mensen om. Bij de vorige aanval vielen 20 \
         doden.",
    ] {
        let ex = read(text);
        assert_eq!(killed(&ex), [("Garissa".to_string(), 13)], "{text}");
        assert_eq!(ex.unattached.len(), 1, "{text}: {:?}", ex.unattached);
    }
    // (A toll told before, or a day before, is no other event.)
    let ex = read("Fighting killed 13 people in Garissa on Friday. On the previous day, 9 were killed in Witu.");
    assert_eq!(killed(&ex).len(), 2, "{:?}", killed(&ex));
}

#[test]
fn a_past_month_beside_a_recent_day_dates_something_else() {
    // The count is dated to Wednesday; September dates the truce, neither a period the count
    // runs over nor the incident's date.
    let ex = read(
        "Fighting in Garissa killed 13 people on Wednesday, breaking a truce agreed in September.",
    );
    assert_eq!(killed(&ex), [("Garissa".to_string(), 13)]);
    assert_eq!(ex.incidents[0].date.label(), "2024-05-08");
    // (Alone, the month is still a period.)
    let ex = read("In September, 300 people were killed in Garissa.");
    assert!(killed(&ex).is_empty(), "{:?}", killed(&ex));
    assert_eq!(ex.regional.len(), 1);
}
