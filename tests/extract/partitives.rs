//! Counts taken out of a group: "one of them", "two of the guards" count people of a group
//! named before or right after "of the"; "one of the largest towns" counts no one. And who
//! did it, named after "by" between two verbs, does not take the second verb from the person
//! it happened to. People said to be "among the injured" or "among those killed" after
//! their count are some of those counted; "followed by two others" names what came next, no attackers; counts after a
//! sentence that opens "Of the 40 wounded," are some of those 40. Sentences written for
//! these tests.

use incimap::extract::Extraction;
use incimap::model::{Figure, Measure};

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2023-09-14", text)
}

/// The figures of `measure` of the only incident.
fn figures(ex: &Extraction, measure: Measure) -> Vec<Figure> {
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    ex.incidents[0]
        .figures
        .iter()
        .filter(|f| f.measure == measure)
        .cloned()
        .collect()
}

/// (subject, best) of the figures of `measure` of the only incident.
fn counted(ex: &Extraction, measure: Measure) -> Vec<(Option<String>, Option<u64>)> {
    figures(ex, measure)
        .iter()
        .map(|f| (f.subject.clone(), f.best))
        .collect()
}

#[test]
fn one_of_them_counts_one_of_the_group_named_before() {
    let ex = read(
        "On 13 September, soldiers clashed with poachers near Kasungu and wounded one of them.",
    );
    assert_eq!(counted(&ex, Measure::Killed), []);
    assert_eq!(counted(&ex, Measure::Injured), [(None, Some(1))]);
    let ex = read(
        "On 13 September, rangers exchanged fire with armed poachers in Kasungu and killed one \
         of them.",
    );
    assert_eq!(counted(&ex, Measure::Killed), [(None, Some(1))]);
    // Written in digits, after a group counted without any measure of its own.
    let ex = read(
        "On 13 September, rangers exchanged fire with 5 armed men in Kasungu and killed 1 of \
         them.",
    );
    assert_eq!(counted(&ex, Measure::Killed), [(None, Some(1))]);
}

#[test]
fn one_of_the_people_named_after_it_counts_one_of_them() {
    let ex =
        read("On 13 September, gunmen raided a bank in Kasungu. One of the guards was shot dead.");
    assert_eq!(
        counted(&ex, Measure::Killed),
        [(Some("guards".to_string()), Some(1))]
    );
}

#[test]
fn one_of_the_largest_counts_no_one() {
    // "one of" before a superlative and a place is no count: the toll is the three.
    let ex = read(
        "On 13 September, Kasungu, one of the largest towns of the region, saw a gunfight that \
         killed three people.",
    );
    assert_eq!(counted(&ex, Measure::Killed), [(None, Some(3))]);
}

#[test]
fn a_count_of_the_named_people_says_who_they_are() {
    let ex = read(
        "On 13 September, gunmen ambushed a patrol near Kasungu, killing two of the rangers and \
         wounding a driver.",
    );
    assert_eq!(
        counted(&ex, Measure::Killed),
        [(Some("rangers".to_string()), Some(2))]
    );
    assert_eq!(
        counted(&ex, Measure::Injured),
        [(Some("driver".to_string()), Some(1))]
    );
}

#[test]
fn who_did_it_after_by_leaves_the_second_verb_to_the_person_it_happened_to() {
    let ex = read(
        "On 13 September, in Kasungu, a trader was abducted by three men and beaten to death \
         behind the market.",
    );
    assert_eq!(
        counted(&ex, Measure::Killed),
        [(Some("trader".to_string()), Some(1))]
    );
    assert_eq!(
        counted(&ex, Measure::Attackers),
        [(Some("men".to_string()), Some(3))]
    );
}

#[test]
fn the_fate_after_the_people_counted_is_not_who_they_are() {
    let ex = read(
        "On 13 September, rebels attacked a police post in Kasungu, leaving two officers dead.",
    );
    assert_eq!(
        counted(&ex, Measure::Killed),
        [(Some("officers".to_string()), Some(2))]
    );
}

#[test]
fn a_share_of_a_total_named_by_no_one_is_a_part_of_it_not_a_rival_claim() {
    // (Commas lost, as in headlines run into the text.)
    let ex = read(
        "Four people one of them a boy were killed when a shell hit a market in Kasungu on 13 \
         September.",
    );
    let killed = figures(&ex, Measure::Killed);
    assert_eq!(killed.len(), 1, "{killed:?}");
    assert_eq!((killed[0].low, killed[0].best), (Some(4), Some(4)));
    assert_eq!(killed[0].claims.len(), 1, "{killed:?}");
    let parts: Vec<_> = killed[0].parts.iter().map(|p| p.best).collect();
    assert_eq!(parts, [Some(1)]);
}

#[test]
fn a_share_of_each_side_is_a_part_of_the_toll_not_a_second_claim() {
    for text in [
        "On 13 September, rangers and poachers fought near Kasungu. Two died, one from each side.",
        "On 13 September, two herding clans fought near Kasungu; four were killed, two on each \
         side.",
    ] {
        let ex = read(text);
        let killed = figures(&ex, Measure::Killed);
        assert_eq!(killed.len(), 1, "{text}: {killed:?}");
        assert_eq!(killed[0].low, killed[0].high, "{text}: {killed:?}");
    }
    let ex = read(
        "Op 13 september vochten boswachters en stropers bij Kasungu. Er vielen twee \
                   doden, een aan elke kant.",
    );
    assert_eq!(counted(&ex, Measure::Killed), [(None, Some(2))]);
}

#[test]
fn a_share_told_after_the_count_is_some_of_those_counted() {
    // The share stands in a sentence of its own: one of the three dead, not a rival claim
    // that there was one.
    for text in [
        "On 13 September, three traders died in an ambush near Kasungu. One of the traders who \
         died was a local councillor.",
        "On 13 September, three traders were killed in an ambush near Kasungu. One of them died \
         on the way to hospital.",
        "On 13 September, a crowd killed two suspected thieves in Kasungu. One was beaten to death \
         and the other was burnt.",
        "Op 13 september doodde een menigte twee vermoedelijke dieven in Kasungu. Eén werd \
         doodgeslagen en de ander werd verbrand.",
    ] {
        let killed = figures(&read(text), Measure::Killed);
        assert_eq!(killed.len(), 1, "{text}: {killed:?}");
        let best = (killed[0].low, killed[0].best, killed[0].high);
        assert!(best.1 >= Some(2) && best.0 == best.2, "{text}: {killed:?}");
        assert_eq!(killed[0].parts.len(), 1, "{text}: {killed:?}");
        assert_eq!(killed[0].parts[0].best, Some(1), "{text}");
    }
    // Alone, a share is the count.
    let ex = read("On 13 September, one of the guards was killed in Kasungu.");
    assert_eq!(
        counted(&ex, Measure::Killed),
        [(Some("guards".into()), Some(1))]
    );
    // In the sentence of the group, the share is who the measure counts: "two armed men"
    // fired, one of them died.
    let ex = read(
        "On 13 September, two armed men fired at the police in Kasungu and one of the men was \
         killed.",
    );
    let killed = figures(&ex, Measure::Killed);
    assert_eq!(
        killed.iter().map(|f| f.best).min(),
        Some(Some(1)),
        "{killed:?}"
    );
}

#[test]
fn a_share_said_to_come_on_top_adds_to_the_count() {
    let ex = read(
        "On 13 September, five villagers were killed in Kasungu. Two of the attackers were \
         also killed.",
    );
    let killed = figures(&ex, Measure::Killed);
    assert_eq!(killed.len(), 1, "{killed:?}");
    assert_eq!(killed[0].best, Some(7), "{killed:?}");
}

#[test]
fn people_said_to_be_among_the_wounded_are_some_of_them() {
    // The cue after the count and its verb: a part of the wounded counted before, not a
    // second count of wounded beside them.
    for text in [
        "A blast killed 5 people and injured 22 in Kasulu. At least seven policemen are among \
         the injured.",
        "Bij een ontploffing in Kasulu vielen vijf doden en 22 gewonden. Zeven agenten zijn \
         onder de gewonden.",
    ] {
        let injured = common::bests_with_parts(&read(text), Measure::Injured);
        assert_eq!(injured, [(Some(22), vec![Some(7)])], "{text}");
    }
}

#[test]
fn people_said_to_be_among_the_dead_or_those_killed_are_some_of_them() {
    // "among the dead" and "among those killed" name the measure inside the cue: a part of
    // the dead counted before, neither a rival claim nor more dead.
    for (text, part) in [
        (
            "Twelve soldiers were killed in an attack on Kasulu. Two officers were among the dead.",
            2,
        ),
        (
            "Twelve soldiers were killed in an attack on Kasulu. Three officers were among those \
             killed.",
            3,
        ),
    ] {
        let killed = common::bests_with_parts(&read(text), Measure::Killed);
        assert_eq!(killed, [(Some(12), vec![Some(part)])], "{text}");
    }
    // The dead of another place are no part of the first place's dead.
    let ex = read(
        "Twelve soldiers were killed in an attack on Kasulu. Six children were among the dead in \
         Kigoma, a monitor said.",
    );
    assert_eq!(
        common::best_by_place(&ex, Measure::Killed),
        [
            ("Kasulu".to_string(), Some(12)),
            ("Kigoma".to_string(), Some(6))
        ]
    );
}

#[test]
fn what_followed_is_no_agent() {
    // "followed by two others": more blasts, not two attackers.
    let ex = read(
        "On 1 June a bomb exploded near a school in Kasulu, killing a student. That blast was \
         later followed by two others near the market.",
    );
    let attackers = common::best_by_place(&ex, Measure::Attackers);
    assert!(attackers.iter().all(|(_, n)| n.is_none()), "{attackers:?}");
    // Who did it, after "by", still is.
    let ex = read("On 1 June a student was shot dead by two gunmen in Kasulu.");
    let attackers = common::best_by_place(&ex, Measure::Attackers);
    assert_eq!(attackers, [("Kasulu".to_string(), Some(2))]);
}

#[test]
fn as_many_of_them_as_one_group_counted_are_that_group_told_again() {
    // "seven of them" after seven police officers were counted are those seven, not seven
    // of the twelve farmers: the two groups still make the toll of nineteen.
    let ex = read(
        "Bandits killed 12 farmers and seven policemen in Kasungu on 13 September. The \
         gunmen opened fire on the police post, killing seven of them.",
    );
    assert_eq!(
        common::bests_with_parts(&ex, Measure::Killed),
        [(Some(19), vec![Some(12), Some(7)])]
    );
}

#[test]
fn counts_after_a_sentence_opening_of_the_count_are_some_of_them() {
    for text in [
        "Of the 40 people wounded in the attack in Garissa on Wednesday, seven are in critical \
         condition.",
        "Van de veertig gewonden door de aanslag woensdag in Garissa liggen er zeven in \
         kritieke toestand in het ziekenhuis.",
    ] {
        let injured = figures(&read(text), Measure::Injured);
        assert_eq!(injured.len(), 1, "{text}: {injured:?}");
        assert_eq!(injured[0].best, Some(40), "{text}");
        let parts: Vec<Option<u64>> = injured[0].parts.iter().map(|p| p.best).collect();
        assert_eq!(parts, [Some(7)], "{text}");
    }
}
