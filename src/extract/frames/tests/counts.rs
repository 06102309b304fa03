//! What a count counts and whose it is: the verb next to a number, breakdowns, sources, the
//! day told, and which incident a figure of a later sentence belongs to.

use super::*;

#[test]
fn a_breakdown_is_a_total_with_parts_not_a_range() {
    let ex =
        read("At least 31 people, including 12 children, were killed in an air strike on Douma.");
    let f = &ex.incidents[0].figures[0];
    assert_eq!((f.low, f.best, f.high), (Some(31), Some(31), Some(31)));
    assert_eq!(f.parts[0].best, Some(12));
}

#[test]
fn the_verb_next_to_a_number_says_what_it_counts() {
    let ex = read("A car bomb in Homs killed three and wounded four.");
    assert_eq!(
        figures(&ex),
        [
            fig("Homs", Measure::Killed, 3),
            fig("Homs", Measure::Injured, 4)
        ]
    );
}

#[test]
fn ages_objects_and_dates_are_no_figures() {
    let ex =
        read("An 11-year-old boy was killed in Homs when 13 rockets hit the city on 18 Jun 2014.");
    // The boy is one dead person; his age, the rockets and the date count nothing.
    assert_eq!(figures(&ex), [fig("Homs", Measure::Killed, 1)]);
    assert!(ex.places.iter().all(|p| p.text != "Jun"));
}

#[test]
fn a_toll_that_reached_a_number_counts_the_dead() {
    let ex = read("The death toll in Homs reached 9, while 14 people were wounded.");
    assert_eq!(
        figures(&ex),
        [
            fig("Homs", Measure::Killed, 9),
            fig("Homs", Measure::Injured, 14)
        ]
    );
}

#[test]
fn one_person_named_with_a_or_an_counts_one_when_the_clause_says_what_happened() {
    let ex = read("A young man was shot dead in Homs on Monday.");
    assert_eq!(figures(&ex), [fig("Homs", Measure::Killed, 1)]);
    let nl = read("In Homs is maandag een agent doodgeschoten.");
    assert_eq!(figures(&nl), [fig("Homs", Measure::Killed, 1)]);
    // Who spoke is no count; nor is one of several counted together.
    let spoke = read("An official in Homs said on Monday that the market would reopen.");
    assert!(spoke.incidents.iter().all(|i| i.figures.is_empty()));
    assert!(spoke.unattached.is_empty());
    let pair = read("A farmer and his son were killed by a mine near Homs.");
    assert!(figures(&pair).iter().all(|(_, _, n)| *n != 1));
    // An explicit count at the incident covers the one person.
    let both = read("A child was killed by shelling on Homs. Three people died in the attack.");
    assert_eq!(figures(&both), [fig("Homs", Measure::Killed, 3)]);
}

#[test]
fn who_did_it_who_died_and_what_else_died_are_told_apart() {
    let killed = |ex: &Extraction| -> Vec<u64> {
        figures(ex)
            .into_iter()
            .filter(|(_, m, _)| *m == Measure::Killed)
            .map(|(_, _, n)| n)
            .collect()
    };
    // The agent of a passive is who did it.
    let ex = read("A farmer was shot dead by three masked men in Hama on Monday.");
    assert_eq!(killed(&ex), [1]);
    // A word for people missing from the lexicon is still people when they were killed.
    let ex = read("An air strike on Hama killed four citizens (two of them students) on Monday.");
    assert_eq!(killed(&ex), [4]);
    // Animals and things are not.
    let ex = read("Shelling near Hama killed 20 sheep on Monday.");
    assert!(killed(&ex).is_empty());
}

#[test]
fn the_day_a_source_told_dates_the_event_when_no_other_day_does() {
    // 2024-03-06 is a Wednesday; the source spoke on Monday about shelling that morning.
    let ex = read("A source told reporters on Monday that shelling killed four people in Hama.");
    assert_eq!(ex.incidents[0].date.label(), "2024-03-04");
    let other = read("A source said on Monday that shelling on Sunday killed four people in Hama.");
    assert_eq!(other.incidents[0].date.label(), "2024-03-03");
}

#[test]
fn who_told_is_the_source_not_who_was_told() {
    let source = |ex: &Extraction| ex.incidents[0].figures[0].claims[0].source.clone();
    let ex = read("Rockets killed two people in Hama, a doctor at the hospital told reporters.");
    assert_eq!(source(&ex).as_deref(), Some("doctor at the hospital"));
    let ex =
        read("According to a source at the police command, a bomb killed three people in Hama.");
    assert_eq!(source(&ex).as_deref(), Some("source at the police command"));
}

#[test]
fn no_casualties_is_a_reported_zero_at_the_incident() {
    let ex = read(
        "Rebels shelled the village of Kafr Dunya (Hama) on Monday. No casualties were reported.",
    );
    assert_eq!(
        figures(&ex),
        [
            fig("Kafr Dunya, Hama", Measure::Killed, 0),
            fig("Kafr Dunya, Hama", Measure::Injured, 0)
        ]
    );
    let nl = read("In Hama werd maandag een markt beschoten. Er vielen geen doden.");
    assert_eq!(figures(&nl), [fig("Hama", Measure::Killed, 0)]);
}

#[test]
fn an_earlier_attack_at_the_same_place_on_its_own_date_is_an_incident_of_its_own() {
    // Published Wednesday 2024-03-06.
    let ex = read(
        "A car bomb killed nine people in Homs on Tuesday. An earlier attack in Homs on 12 \
         January killed four.",
    );
    let mut got: Vec<(String, u64)> = ex
        .incidents
        .iter()
        .map(|i| {
            (
                i.date.label(),
                i.figures.first().and_then(|f| f.best).unwrap_or(0),
            )
        })
        .collect();
    got.sort();
    assert_eq!(
        got,
        [("2024-01-12".to_string(), 4), ("2024-03-05".to_string(), 9)]
    );
    // Two incidents, two ids: one place in one article does not make them one record.
    assert_ne!(ex.incidents[0].id, ex.incidents[1].id);
    let month = read("Shelling on Hama in February killed 30 people.");
    assert_eq!(month.incidents[0].date.label(), "2024-02");
}

#[test]
fn a_photo_caption_ends_at_its_credit() {
    let ex = read(
        "Children play beside a ruined school in the city of Homs on Sunday (AFP photo) \
         Five people were killed in shelling on Douma on Tuesday.",
    );
    assert_eq!(figures(&ex), [fig("Douma", Measure::Killed, 5)]);
    let ex = read(
        "A bus burns on a road near Homs (Reuters) Five people were killed in shelling \
         on Douma on Tuesday.",
    );
    assert_eq!(figures(&ex), [fig("Douma", Measure::Killed, 5)]);
}

#[test]
fn a_town_named_again_without_a_figure_is_no_second_incident() {
    let ex = read(
        "Shelling killed five people in the Foo neighbourhood of Homs on Monday. Fighting \
         raged in Homs on Monday.",
    );
    assert_eq!(ex.incidents.len(), 1, "{:?}", figures(&ex));
    // Another day in the same town is another incident.
    let ex = read(
        "Shelling killed five people in the Foo neighbourhood of Homs on 4 March. Fighting \
         raged in Homs on 1 February.",
    );
    assert_eq!(ex.incidents.len(), 2, "{:?}", figures(&ex));
}

#[test]
fn a_figure_dated_long_before_the_incident_in_focus_is_not_its_figure() {
    let ex = read(
        "On Tuesday shelling killed six people in Homs. Hundreds of people were killed in \
         similar attacks in the area in August 2013.",
    );
    assert_eq!(figures(&ex), [fig("Homs", Measure::Killed, 6)]);
    // A whole month long before: a total over that month.
    assert!(ex
        .regional
        .iter()
        .any(|u| u.value == 100 && u.reason.contains("over a period")));
    // Nor does its date widen the incident's.
    assert_eq!(ex.incidents[0].date.label(), "2024-03-05");
}

#[test]
fn a_figure_of_an_earlier_event_without_a_place_is_not_the_focus_incident() {
    let ex = read(
        "Shelling killed four people in Homs on Monday. The evacuation resumed days after a \
         car bomb killed more than 100 people.",
    );
    assert_eq!(figures(&ex), [fig("Homs", Measure::Killed, 4)]);
    assert!(ex
        .unattached
        .iter()
        .any(|u| u.value == 100 && u.reason.contains("days after")));
}

#[test]
fn counts_before_an_earlier_event_cue_do_not_carry_the_figure_after_it() {
    // Before: the counts of the sentence were one cluster, read from its first count, which
    // stands before "days after", so the later figure joined the incident in focus.
    let ex = read(
        "A bomb killed six people in Kitale on Wednesday. The return of thousands of \
         residents resumed on Wednesday, officials said, days after a bombing killed more \
         than 120 evacuees.",
    );
    assert_eq!(figures(&ex), [fig("Kitale", Measure::Killed, 6)]);
    assert!(ex
        .unattached
        .iter()
        .any(|u| u.value == 120 && u.reason.contains("days after")));
}

#[test]
fn a_count_told_again_without_a_place_is_another_claim_of_the_same_figure() {
    // Before: the director's sentence names no place and is not the next sentence, so his
    // 10 and 41 were unattached and the incident's figures had no source.
    let ex = read(
        "Rocket attacks killed 10 civilians and injured 41 others in Kitale on Monday. Three \
         children were among the injured. Later, Dr. Ali Musa told the agency that the bodies \
         of 10 victims arrived at the hospital along with 41 people who sustained injuries.",
    );
    let killed = &ex.incidents[0].figures[0];
    assert_eq!(
        (killed.measure.clone(), killed.best),
        (Measure::Killed, Some(10))
    );
    let sources: Vec<Option<&str>> = killed.claims.iter().map(|c| c.source.as_deref()).collect();
    assert_eq!(sources, [None, Some("Ali Musa")]);
    assert!(ex.unattached.iter().all(|u| u.value != 10 && u.value != 41));
    // A count that two incidents hold is no restatement of either.
    let ex = read(
        "Shelling killed two people in Kitale and two in Eldoret on Monday. Roads were closed \
         for hours and schools shut. Officials met on Tuesday to discuss security. Afterwards \
         a doctor said two bodies had arrived.",
    );
    let claims: usize = ex
        .incidents
        .iter()
        .flat_map(|i| &i.figures)
        .map(|f| f.claims.len())
        .sum();
    assert_eq!(claims, 2);
    assert!(ex.unattached.iter().any(|u| u.value == 2));
}

#[test]
fn killed_to_death_with_the_victims_between() {
    for text in [
        "A mob beat three men to death in Eldoret on Friday.",
        "Soldiers shot two farmers to death in Eldoret on Friday.",
    ] {
        let ex = read(text);
        assert_eq!(figures(&ex).len(), 1, "{text}");
        assert_eq!(figures(&ex)[0].1, Measure::Killed, "{text}");
    }
}

#[test]
fn a_count_of_convoys_or_batches_is_no_count_of_the_dead() {
    let ex = read(
        "Hours after the first two convoys reached the crossing a bomb struck Eldoret killing 14 \
         people.",
    );
    assert_eq!(figures(&ex), [fig("Eldoret", Measure::Killed, 14)]);
    let counted = |u: &&crate::extract::Unattached| u.value == 2 && u.measure.is_some();
    assert!(
        !ex.unattached.iter().any(|u| counted(&u)),
        "{:?}",
        ex.unattached
    );
}
