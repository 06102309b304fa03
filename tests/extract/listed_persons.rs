//! Persons listed together: "two women and a man", "a farmer, his wife and a child", "a man
//! and his two sons" count everyone named, each person one and each count its number; the
//! persons of a list are not someone named earlier. Sentences written for these tests.

use incimap::extract::Extraction;
use incimap::model::{Figure, Measure};

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-06-03", text)
}

/// (place as written, best killed) of every incident.
fn killed(ex: &Extraction) -> Vec<(String, Option<u64>)> {
    common::best_by_place(ex, Measure::Killed)
}

fn one(place: &str, n: u64) -> Vec<(String, Option<u64>)> {
    vec![(place.to_string(), Some(n))]
}

/// The killed figure of the only incident.
fn killed_figure(ex: &Extraction) -> &Figure {
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    ex.incidents[0]
        .figures
        .iter()
        .find(|f| f.measure == Measure::Killed)
        .expect("a killed figure")
}

#[test]
fn one_person_after_a_count_is_one_more() {
    let ex = read("On 1 June, two women and a man were killed in Lodwar.");
    assert_eq!(killed(&ex), one("Lodwar", 3));
    let parts: Vec<Option<u64>> = killed_figure(&ex).parts.iter().map(|p| p.best).collect();
    assert_eq!(parts, [Some(2), Some(1)]);
    let ex = read("On 1 June, four bandits and a police officer were shot dead in Lodwar.");
    assert_eq!(killed(&ex), one("Lodwar", 5));
    // A determiner that is no article brings in one more person too.
    let ex = read("On 1 June, three soldiers and their commander were killed in Lodwar.");
    assert_eq!(killed(&ex), one("Lodwar", 4));
}

#[test]
fn a_count_after_one_person_is_counted_apart_and_added() {
    let ex = read("On 1 June, a man and his two sons were killed in Lodwar.");
    assert_eq!(killed(&ex), one("Lodwar", 3));
    let ex = read("On 1 June, a teacher, his wife and their three children died in Lodwar.");
    assert_eq!(killed(&ex), one("Lodwar", 5));
}

#[test]
fn each_person_of_a_list_joined_by_commas_and_and_counts_one() {
    let ex = read("On 1 June, a farmer, his wife and a child were killed in Lodwar.");
    assert_eq!(killed(&ex), one("Lodwar", 3));
    // (The serial comma changes nothing.)
    let ex = read("On 1 June, a trader, his brother, and a driver were shot dead in Lodwar.");
    assert_eq!(killed(&ex), one("Lodwar", 3));
    // Commas alone name one person twice, not two persons.
    let ex = read("On 1 June, gunmen raided a school in Lodwar, killing a man, the headmaster.");
    assert_eq!(killed(&ex), one("Lodwar", 1));
    // A plural at the end ("their children") names more than the words count.
    let ex = read("On 1 June, a farmer, his wife and their children were killed in Lodwar.");
    assert_eq!(killed(&ex), [("Lodwar".to_string(), None)]);
}

#[test]
fn a_stated_total_gathers_the_persons_listed_before_it() {
    let ex = read("On 1 June, gunmen killed two women and a man in Lodwar. 3 fatalities.");
    let got = killed_figure(&ex);
    assert_eq!(got.best, Some(3));
    let parts: Vec<Option<u64>> = got.parts.iter().map(|p| p.best).collect();
    assert_eq!(parts, [Some(2), Some(1)]);
}

#[test]
fn someone_s_relative_is_no_person_named_before() {
    // "her daughter" is not "a child" of the first sentence told again by a neighbour: long
    // after the last place and naming none, it belongs to no incident.
    let ex = read(
        "On 1 June, a child was killed by a shell in Lodwar. Four people were killed in a raid \
         on Kakuma. The raid hit two houses. Rescue workers searched the rubble until noon. \
         There was no army base here, a resident said. A neighbour said her daughter was \
         killed.",
    );
    assert_eq!(
        killed(&ex),
        [
            ("Lodwar".to_string(), Some(1)),
            ("Kakuma".to_string(), Some(4))
        ]
    );
    let lodwar = &ex.incidents[0].figures[0];
    assert_eq!(lodwar.claims.len(), 1, "{:?}", lodwar.claims);
    assert!(
        ex.unattached.iter().any(|u| u.text.contains("daughter")),
        "{:?}",
        ex.unattached
    );
}

#[test]
fn dutch_lists_of_persons_count_everyone_named_too() {
    for text in [
        "Op 1 juni werden in Lodwar twee vrouwen en een man gedood.",
        "Op 1 juni werden een boer, zijn vrouw en een kind gedood in Lodwar.",
        "Op 1 juni werden een man en zijn twee zonen gedood in Lodwar.",
    ] {
        assert_eq!(killed(&read(text)), one("Lodwar", 3), "{text}");
    }
}

#[test]
fn one_person_opening_a_list_of_counts_counts_one_more() {
    // The first person counts though the list goes on past the next count.
    let ex = read("On 1 June, a nurse, two farmers and three children were killed in Lodwar.");
    assert_eq!(killed(&ex), one("Lodwar", 6));
    let ex = read("On 1 June, a herder and his two sons as well as a boy died in Lodwar.");
    assert_eq!(killed(&ex), one("Lodwar", 4));
    let ex = read("On 1 June, a trader and four guards and a driver were shot dead in Lodwar.");
    assert_eq!(killed(&ex), one("Lodwar", 6));
}

#[test]
fn an_age_set_apart_after_a_person_counts_no_one() {
    // The age between commas or brackets describes the person: one killed, not 35.
    let ex = read("On 1 June, a man, 35, was stabbed to death in Lodwar.");
    assert_eq!(killed(&ex), one("Lodwar", 1));
    let ex = read("On 1 June, a woman (42) was shot dead in Lodwar.");
    assert_eq!(killed(&ex), one("Lodwar", 1));
    let ex = read("Op 1 juni werd een man (35) in Lodwar doodgeschoten.");
    assert_eq!(killed(&ex), one("Lodwar", 1));
    // A number set apart after a place is no age: it counts.
    let ex = read("On 1 June, in Lodwar, 12, and in Kakuma, 4, were killed by the floods.");
    assert!(
        killed(&ex).iter().any(|(_, k)| k.is_some()),
        "{:?}",
        killed(&ex)
    );
}

#[test]
fn residents_listed_among_the_dead_are_dead_not_a_population() {
    // The last item of the list a killing verb takes, across its commas.
    let ex = read("On 1 June, bandits killed the village head, his assistant and four other residents in Lodwar.");
    assert!(ex.regional.is_empty(), "{:?}", ex.regional);
    assert!(killed(&ex).iter().any(|(_, n)| n.is_some_and(|n| n >= 4)));
    // A part of a toll after "including".
    let ex = read("Twelve people were killed in Lodwar on 1 June, including seven policemen and four residents.");
    assert_eq!(killed(&ex), one("Lodwar", 12));
    assert!(ex.regional.is_empty(), "{:?}", ex.regional);
    assert_eq!(
        ex.incidents[0].figures.len(),
        1,
        "{:?}",
        ex.incidents[0].figures
    );
}

#[test]
fn residents_a_town_has_after_a_toll_are_its_population() {
    let ex = read("On 1 June, bandits killed two people in Lodwar, a town of 4,000 residents.");
    assert_eq!(killed(&ex), one("Lodwar", 2));
    assert_eq!(ex.regional.len(), 1);
}

#[test]
fn a_part_told_again_with_a_word_more_is_the_same_part() {
    let ex = read(
        "Twelve people were killed in Lodwar on 1 June, including seven policemen. Residents \
         said 12 people, including seven mobile policemen, were killed.",
    );
    assert_eq!(killed(&ex), one("Lodwar", 12));
    let parts: Vec<Option<u64>> = killed_figure(&ex).parts.iter().map(|p| p.best).collect();
    assert_eq!(parts, [Some(7)]);
    // As many of other people told apart stay another part.
    let ex = read(
        "Twelve people were killed in Lodwar on 1 June, including seven policemen. Residents \
         said 12 people, including five mobile policemen, were killed.",
    );
    assert_eq!(killed_figure(&ex).parts.len(), 2);
}
