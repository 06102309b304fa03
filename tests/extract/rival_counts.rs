//! Counts of the same people by different sources are one figure with rival claims, even
//! when only one of them says who was hit, but another source's count of other people is no
//! claim about one of a pair joined by "and"; and a count of buildings or vehicles is no count
//! of people, whatever words for people stand before it. A spokesman who "put the toll at" a
//! number is its source; some of one side's dead are no part of another side's; a stated toll
//! below the counts it would sum is not their total; a side named before "toll" says whose
//! dead it counts ("the civilian toll"); a family counted is no count of its dead (families
//! driven from home are the displaced); "no
//! casualties among its staff" is no rival of the toll. Sentences written for these tests.

use incimap::extract::Extraction;
use incimap::model::Measure;

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-06-03", text)
}

/// Per figure of `measure` in the only incident: its claims (value, source).
fn claims(ex: &Extraction, measure: Measure) -> Vec<Vec<(u64, Option<String>)>> {
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    ex.incidents[0]
        .figures
        .iter()
        .filter(|f| f.measure == measure)
        .map(|f| {
            f.claims
                .iter()
                .map(|c| (c.value, c.source.clone()))
                .collect()
        })
        .collect()
}

#[test]
fn a_second_source_counting_the_wounded_again_is_a_rival_claim() {
    let ex = read(
        "A bomb tore through a market in Kenema on Monday, wounding dozens, the police said. \
         According to doctors, at least fifty people were wounded.",
    );
    assert_eq!(
        claims(&ex, Measure::Injured),
        [vec![
            (12, Some("police".to_string())),
            (50, Some("doctors".to_string()))
        ]]
    );
    let ex = read(
        "Bij een aanslag op een markt in Kenema raakten maandag tientallen mensen gewond, meldde \
         de politie. Volgens artsen zijn zeker vijftig gewonden gevallen.",
    );
    assert_eq!(claims(&ex, Measure::Injured).len(), 1, "{:?}", ex.incidents);
}

#[test]
fn one_building_counted_is_no_count_of_the_dead() {
    let ex = read(
        "After shelling on Monday, activists said at least 30 bodies had been brought to one \
         field hospital in Kenema.",
    );
    let killed = common::best_by_place(&ex, Measure::Killed);
    assert_eq!(killed, [("Kenema".to_string(), Some(30))]);
    // A word for a building before the people counted says which people.
    let ex = read("Gunmen shot dead two village elders and one school teacher in Kenema.");
    let killed = common::best_by_place(&ex, Measure::Killed);
    assert_eq!(killed, [("Kenema".to_string(), Some(3))]);
}

#[test]
fn another_source_counting_other_people_is_no_claim_about_one_of_a_pair() {
    // Women and children counted by one source add up to a toll; another source's count of
    // civilians is no second claim about the women, which would make a range no one gave.
    let ex = read(
        "Air strikes killed 10 women and 12 children in Kenema on Monday, medical sources \
         said. A rebel television station said the strikes had killed 23 civilians.",
    );
    let killed: Vec<(Option<u64>, Option<u64>, Option<u64>)> = ex.incidents[0]
        .figures
        .iter()
        .filter(|f| f.measure == Measure::Killed)
        .map(|f| (f.low, f.best, f.high))
        .collect();
    assert!(
        killed.iter().all(|&(_, _, high)| high <= Some(23)),
        "{killed:?}"
    );
    assert!(
        killed.contains(&(Some(22), Some(22), Some(22))),
        "{killed:?}"
    );
}

#[test]
fn a_toll_a_spokesman_puts_at_a_number_is_his_rival_claim() {
    // "put the (civilian) death toll at": the spokesman is the source, and his count is a
    // second claim about the villagers, not a figure of its own.
    let ex = read(
        "Gunmen killed 19 villagers in Kenema on Sunday, a local leader said. An army \
         spokesman put the civilian death toll at 11.",
    );
    assert_eq!(
        claims(&ex, Measure::Killed),
        [vec![
            (19, Some("local leader".to_string())),
            (11, Some("army spokesman".to_string()))
        ]]
    );
}

#[test]
fn some_of_one_sides_dead_are_no_part_of_the_other_sides() {
    // "six of the militants" are not six of the villagers: the two sides' dead add up.
    let ex = read(
        "Gunmen killed 19 villagers in Kenema on Sunday. The army said it killed six of the \
         militants.",
    );
    let killed = common::bests_with_parts(&ex, Measure::Killed);
    assert_eq!(killed, [(Some(25), vec![Some(19), Some(6)])]);
}

#[test]
fn a_toll_below_the_counts_it_would_join_is_not_their_total() {
    // 11 cannot be the total of 19 and 6: it counts other people (or is another claim), so
    // it takes no parts that add up to more than itself.
    let ex = read(
        "Gunmen killed 19 villagers in Kenema on Sunday, a local leader said. The army killed \
         six militants. An army spokesman put the toll at 11.",
    );
    for f in &ex.incidents[0].figures {
        let parts: u64 = f.parts.iter().filter_map(|p| p.best).sum();
        assert!(f.parts.is_empty() || f.best >= Some(parts), "{f:?}");
    }
}

#[test]
fn a_side_named_before_the_toll_says_whose_dead_it_counts() {
    // The civilian toll is no rival claim about the soldiers' dead: no range 12–30.
    let ex = read(
        "Fighting in Kenema killed 12 soldiers, the army said. The civilian toll rose to 30, \
         medics said.",
    );
    let killed: Vec<(Option<String>, Option<u64>, Option<u64>)> = ex.incidents[0]
        .figures
        .iter()
        .filter(|f| f.measure == Measure::Killed)
        .map(|f| (f.subject.clone(), f.low, f.high))
        .collect();
    assert_eq!(
        killed,
        [
            (Some("soldiers".to_string()), Some(12), Some(12)),
            (Some("civilian".to_string()), Some(30), Some(30))
        ]
    );
}

#[test]
fn a_family_counted_is_no_count_of_its_dead() {
    // "one family" counts a group: no claim of one dead beside the ten.
    let ex = read("A missile killed 10 members of one family in Kenema on Monday.");
    assert_eq!(
        claims(&ex, Measure::Killed),
        [vec![(10, None)]],
        "{:?}",
        ex.incidents
    );
}

#[test]
fn families_driven_from_home_are_the_count_of_the_displaced() {
    // Families are the unit the displaced are counted in: no group count to drop.
    for text in [
        "Fighting in Kenema on Monday displaced 200 families.",
        "Fighting in Kenema on Monday drove 200 families from their homes.",
    ] {
        assert_eq!(
            common::best_by_place(&read(text), Measure::Displaced),
            [("Kenema".to_string(), Some(200))],
            "{text}"
        );
    }
}

#[test]
fn none_among_named_people_is_no_rival_of_the_count() {
    // The charity's "no casualties among its staff" speaks of its staff, not of the 26.
    let ex = read(
        "Missiles hit a base in Kenema on Monday. Medics said six people were killed and 26 \
         wounded. A charity said there were no casualties among its staff.",
    );
    assert_eq!(
        claims(&ex, Measure::Injured),
        [vec![(26, Some("Medics".to_string()))]]
    );
}

#[test]
fn counts_joined_by_and_from_another_source_are_no_claim_about_the_first_of_them() {
    // The UN's five men and five women are its own total of ten beside the administrator's
    // twelve: never a claim "5" about the twelve.
    let ex = read(
        "Gunmen attacked Kenema on Sunday night. \"We have found 12 bodies of civilians,\" said \
         the district administrator. The UN mission confirmed that five men and five women had \
         been killed.",
    );
    assert_eq!(
        common::bests_with_parts(&ex, Measure::Killed),
        [(Some(12), vec![]), (Some(10), vec![Some(5), Some(5)])]
    );
    // As many as the total counted before, they break it down.
    let ex = read(
        "Twelve people were killed in a shooting at a bar in Kenema, local authorities said. At \
         least six men and six women were killed, the county government said. The body of one \
         victim was found outside, police said.",
    );
    let killed = common::bests_with_parts(&ex, Measure::Killed);
    assert_eq!(killed[0], (Some(12), vec![Some(6), Some(6)]), "{killed:?}");
}
