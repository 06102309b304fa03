//! How the counts of one sentence relate: counts joined by "and" are different people (each
//! its own figure, never two claims about one number); two numbers that give a range are one
//! figure with its low and high end. Sentences written for these tests.

use incimap::extract::Extraction;
use incimap::model::{Figure, Measure, Qualifier};

use crate::common;

/// (measure, best) of every figure of the first incident.
fn measures_and_bests(ex: &Extraction) -> Vec<(Measure, Option<u64>)> {
    ex.incidents[0]
        .figures
        .iter()
        .map(|f| (f.measure.clone(), f.best))
        .collect()
}

fn killed(text: &str) -> Vec<Figure> {
    let ex: Extraction = common::read_sentence("2024-03-02", text);
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    ex.incidents[0]
        .figures
        .iter()
        .filter(|f| f.measure == Measure::Killed)
        .cloned()
        .collect()
}

/// (subject, low, best, high) of a figure.
type Shape = (Option<String>, Option<u64>, Option<u64>, Option<u64>);

fn shape(figures: &[Figure]) -> Vec<Shape> {
    figures
        .iter()
        .map(|f| (f.subject.clone(), f.low, f.best, f.high))
        .collect()
}

#[test]
fn counts_joined_by_and_are_other_people_not_other_claims() {
    // Two counts of other people, and the total they make (the incident's toll): 15 killed,
    // of whom 12 recruits and 3 police officers.
    let got = killed("Twelve army recruits and three police officers were killed in Kericho.");
    assert_eq!(shape(&got), [(None, Some(15), Some(15), Some(15))]);
    assert!(
        got[0].claims.is_empty(),
        "the total is implied, no one said it"
    );
    assert_eq!(
        shape(&got[0].parts),
        [
            (Some("army recruits".into()), Some(12), Some(12), Some(12)),
            (Some("police officers".into()), Some(3), Some(3), Some(3)),
        ]
    );
    // A total the text gives is kept, and the joined counts stay figures of their own.
    let got = killed(
        "Fifteen people died in Kericho on Monday. Twelve army recruits and three police \
         officers were killed there.",
    );
    assert_eq!(got[0].subject, None);
    assert_eq!(got[0].best, Some(15));
    assert!(!got[0].claims.is_empty());
}

#[test]
fn counts_of_one_kind_told_apart_by_a_name_are_two_figures() {
    // Both are soldiers, of two armies: not a range 4-30, but two parts of 34.
    let got = killed(
        "Thirty Kenyan soldiers and four Ugandan soldiers died in the fighting near Bungoma.",
    );
    let best: Vec<Option<u64>> = got[0].parts.iter().map(|f| f.best).collect();
    assert_eq!(best, [Some(30), Some(4)]);
    assert_eq!(got[0].best, Some(34));
}

#[test]
fn between_two_numbers_is_one_figure_with_a_low_and_a_high_end() {
    let got = killed("Between 60 and 80 villagers were killed in Litein on Friday.");
    assert_eq!(
        shape(&got),
        [(Some("villagers".into()), Some(60), Some(60), Some(80))]
    );
    let quals: Vec<Qualifier> = got[0].claims.iter().map(|c| c.qualifier).collect();
    assert_eq!(quals, [Qualifier::AtLeast, Qualifier::AtMost]);
}

#[test]
fn a_number_to_or_or_another_is_a_range_too() {
    for text in [
        "Sixty to eighty villagers were killed in Litein on Friday.",
        "Sixty or eighty villagers were killed in Litein on Friday.",
    ] {
        let got = killed(text);
        assert_eq!(
            shape(&got),
            [(Some("villagers".into()), Some(60), Some(60), Some(80))],
            "{text}"
        );
    }
}

#[test]
fn two_tens_joined_by_and_are_two_numbers_not_their_sum() {
    // "sixty and eighty" is no number 140 ("two hundred and fifty" is 250).
    let got = killed("Between sixty and eighty villagers were killed in Litein.");
    assert_eq!(got[0].high, Some(80));
    let got = killed("Two hundred and fifty villagers were killed in Litein.");
    assert_eq!(got[0].best, Some(250));
}

#[test]
fn a_headline_without_commas_gives_each_count_its_own_measure() {
    // "N killed M injured": the measure that ends the first count does not govern the second.
    let ex: Extraction = common::read_sentence(
        "2024-03-02",
        "Nine villagers killed 30 injured in raid on Litein.",
    );
    let figures = measures_and_bests(&ex);
    assert_eq!(
        figures,
        [(Measure::Killed, Some(9)), (Measure::Injured, Some(30))]
    );
}

/// Best killed of the one incident, if any.
fn best_killed(text: &str) -> Option<u64> {
    killed(text).first().and_then(|f| f.best)
}

#[test]
fn one_person_named_by_trade_or_found_dead_counts_one() {
    assert_eq!(
        best_killed("A suspected cattle smuggler was killed in a raid in Litein."),
        Some(1)
    );
    assert_eq!(
        best_killed("The body of a woman was found near Litein."),
        Some(1)
    );
    assert_eq!(
        best_killed("A brawl at a bar in Litein ended in 1 death on Sunday."),
        Some(1)
    );
}

#[test]
fn a_death_named_as_the_cause_of_a_protest_counts_no_protester() {
    // "death" counts only the number next to it, not the 40 who protested.
    assert_eq!(
        best_killed(
            "About 40 traders marched in Litein to demand justice for the death of a driver."
        ),
        None
    );
}

#[test]
fn dutch_killing_verbs_in_the_simple_past_give_a_measure() {
    let ex: Extraction =
        common::read_sentence("2024-03-02", "Een mijn doodde vier herders bij Litein.");
    let killed: Vec<Option<u64>> = ex.incidents[0]
        .figures
        .iter()
        .filter(|f| f.measure == Measure::Killed)
        .map(|f| f.best)
        .collect();
    assert_eq!(killed, [Some(4)]);
}

#[test]
fn a_number_in_words_after_a_month_is_a_count_not_the_day() {
    // "op 1 juni drie burgers": the day is written in digits; "drie" counts the dead.
    let got = killed(
        "Bij een aanval op een dorp bij Kericho kwamen op 1 juni drie burgers om het leven.",
    );
    assert_eq!(got.first().and_then(|f| f.best), Some(3), "{got:?}");
    let got = killed("On 3 June three civilians were killed in Kericho.");
    assert_eq!(got.first().and_then(|f| f.best), Some(3), "{got:?}");
}

#[test]
fn a_measure_in_a_clause_about_the_cause_counts_no_one_before_it() {
    // The marchers are not the dead: "after" opens a clause about what caused the march.
    let ex: Extraction = common::read_sentence(
        "2024-03-02",
        "About 300 traders marched in Kericho after thieves killed a shopkeeper.",
    );
    let read_as_killed = ex
        .unattached
        .iter()
        .any(|u| u.value == 300 && u.measure == Some(Measure::Killed));
    assert!(!read_as_killed, "{:?}", ex.unattached);
    assert!(ex
        .incidents
        .iter()
        .flat_map(|i| &i.figures)
        .all(|f| f.best != Some(300)));
}

#[test]
fn people_who_held_a_protest_or_fled_the_scene_are_no_detainees_or_displaced() {
    // "held" and "fled" count detainees and the displaced; an active "held a rally" or
    // "fled the scene" says neither.
    for text in [
        "On Monday, about 300 teachers held a rally in Kitale over unpaid wages.",
        "On Monday, 40 traders held placards outside the county offices in Kitale.",
        "On Monday, three gunmen robbed a bank in Kitale and fled the scene.",
    ] {
        let ex: Extraction = common::read_sentence("2024-03-02", text);
        let measures: Vec<_> = ex
            .incidents
            .iter()
            .flat_map(|i| i.figures.iter().map(|f| f.measure.clone()))
            .collect();
        assert!(
            !measures.contains(&Measure::Detained) && !measures.contains(&Measure::Displaced),
            "{text}: {measures:?}"
        );
    }
    // Held by the police, they are detainees.
    let ex: Extraction = common::read_sentence(
        "2024-03-02",
        "On Monday, police held 30 teachers in Kitale.",
    );
    let held: Vec<_> = ex.incidents[0]
        .figures
        .iter()
        .map(|f| (f.measure.clone(), f.best))
        .collect();
    assert_eq!(held, [(Measure::Detained, Some(30))]);
}

#[test]
fn a_slash_between_two_names_of_one_side_keeps_the_count_s_subject() {
    // "BH/IS fighters", "police/army officers": one subject, written with a slash.
    for (text, count) in [
        (
            "On Monday, soldiers shelled rebel camps near Kitale. 56 BH/IS fighters were killed.",
            56,
        ),
        (
            "On Monday, gunmen killed 3 police/army officers in Kitale.",
            3,
        ),
    ] {
        let best: Vec<_> = killed(text).iter().map(|f| f.best).collect();
        assert_eq!(best, [Some(count)], "{text}");
    }
}

#[test]
fn a_number_of_events_or_locations_after_a_measure_is_no_toll() {
    // "deaths split between 2 events": the 2 counts events, the toll is the 12.
    for tail in ["split between 2 events", "spread over 3 locations"] {
        let text = format!("On Monday, raiders killed 12 herders in Kitale, deaths {tail}.");
        let best: Vec<_> = killed(&text).iter().map(|f| f.best).collect();
        assert_eq!(best, [Some(12)], "{text}");
    }
}

#[test]
fn a_headline_in_the_present_tense_gives_its_measures() {
    // Headlines speak in the present: "kill", "injure", "die".
    let ex: Extraction = common::read_sentence(
        "2024-03-02",
        "Rocket Attacks Kill 7 Civilians Injure Dozens in Naivasha.",
    );
    let figures = measures_and_bests(&ex);
    assert_eq!(
        figures,
        [(Measure::Killed, Some(7)), (Measure::Injured, Some(12))]
    );
    assert_eq!(
        best_killed("Five miners die in blast near Musoma, the police say."),
        Some(5)
    );
}

#[test]
fn claiming_the_lives_of_people_is_a_toll_not_a_population() {
    // "lives" is a word of where people live, but not in "claimed the lives of".
    assert_eq!(
        best_killed("Shells fell on Malindi, claiming the lives of four people."),
        Some(4)
    );
    assert_eq!(
        best_killed("Shells fell on Malindi, claiming the life of one fisherman."),
        Some(1)
    );
}

#[test]
fn a_part_counts_what_its_total_counts() {
    // "including a boy": a part of the two killed, though an injury is named after it.
    let ex: Extraction = common::read_sentence(
        "2024-03-02",
        "Shells hit Nyeri on Monday killing two traders including a boy and causing \
         serious injuries to others.",
    );
    let measures: Vec<Measure> = ex.incidents[0]
        .figures
        .iter()
        .map(|f| f.measure.clone())
        .collect();
    assert_eq!(measures, [Measure::Killed]);
    // A measure right by the part is its own.
    let ex: Extraction = common::read_sentence(
        "2024-03-02",
        "Shells hit Nyeri on Monday wounding ten people including a boy hurt badly.",
    );
    let measures: Vec<Measure> = ex.incidents[0]
        .figures
        .iter()
        .map(|f| f.measure.clone())
        .collect();
    assert_eq!(measures, [Measure::Injured]);
}

#[test]
fn a_number_of_houses_damaged_counts_no_people() {
    // "houses" is also a verb of where people live ("the camp houses 900"); after a number
    // it counts buildings.
    let ex: Extraction = common::read_sentence(
        "2024-03-02",
        "A mortar round landed in Kitale, injuring 3 women and damaging two houses.",
    );
    let figures = measures_and_bests(&ex);
    assert_eq!(figures, [(Measure::Injured, Some(3))]);
    assert!(ex.regional.is_empty(), "{:?}", ex.regional);
}

#[test]
fn a_part_named_inside_a_count_does_not_part_it_from_its_verb() {
    // "including a teacher" names one of the four: the verbs after it still say what
    // happened to all four, with or without commas around the part.
    for text in [
        "Four farmers including a teacher were abducted and killed by gunmen in Huambo on Sunday.",
        "Four farmers, including a teacher, were abducted and killed by gunmen in Huambo on Sunday.",
    ] {
        let ex: Extraction = common::read_sentence("2024-03-02", text);
        assert_eq!(ex.incidents.len(), 1, "{text}: {:?}", ex.incidents);
        let top: Vec<(Measure, Option<u64>)> = measures_and_bests(&ex);
        assert_eq!(top, [(Measure::Killed, Some(4))], "{text}");
    }
    // After the part, "and" goes on with another verb of its own.
    let ex: Extraction = common::read_sentence(
        "2024-03-02",
        "A blast killed four farmers, including a teacher, and injured two others in Huambo.",
    );
    let killed_counts: Vec<u64> = ex.incidents[0]
        .figures
        .iter()
        .filter(|f| f.measure == Measure::Killed)
        .filter_map(|f| f.best)
        .collect();
    assert_eq!(killed_counts, [4], "{:?}", ex.incidents[0].figures);
}

#[test]
fn a_dozen_after_a_number_multiplies_it() {
    let ex: Extraction = common::read_sentence(
        "2024-03-02",
        "A trader was beaten to death by about 3 dozen men in Lubango on Sunday.",
    );
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    let attackers: Vec<Option<u64>> = ex.incidents[0]
        .figures
        .iter()
        .filter(|f| f.measure == Measure::Attackers)
        .map(|f| f.best)
        .collect();
    assert_eq!(attackers, [Some(36)]);
}

#[test]
fn a_count_that_does_the_killing_to_a_person_is_who_did_it() {
    // The count is the subject of an active verb whose object is one person: they are the
    // attackers, and the one person is the dead.
    let ex: Extraction = common::read_sentence(
        "2024-03-02",
        "A crowd of 40 youths killed a herder in Lubango on Sunday.",
    );
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    let mut got = measures_and_bests(&ex);
    got.sort_by_key(|(m, _)| format!("{m:?}"));
    assert_eq!(
        got,
        [(Measure::Attackers, Some(40)), (Measure::Killed, Some(1))]
    );
    // "beat ... to death": the measure after the object is the object's, not the count's.
    let killed_counts: Vec<Option<u64>> =
        killed("Some 40 youths beat a herder to death in Lubango on Sunday.")
            .iter()
            .map(|f| f.best)
            .collect();
    assert_eq!(killed_counts, [Some(1)]);
    // A headline's bare counts are no subject and object.
    let headline: Vec<Option<u64>> = killed("12 killed, 3 wounded in blast in Lubango")
        .iter()
        .map(|f| f.best)
        .collect();
    assert_eq!(headline, [Some(12)]);
}

#[test]
fn a_hyphen_inside_a_compound_does_not_end_the_clause() {
    // "a 40-minute gunfight": the hyphen joins a number to its noun; the place after it is
    // still the place of the counts before it.
    let text = "On 1 March, a patrol set out from Nairobi; three fighters were killed during a \
                40-minute gunfight in Machakos.";
    let ex = common::read_sentence("2024-03-02", text);
    assert_eq!(
        common::best_by_place(&ex, Measure::Killed),
        [("Machakos".to_string(), Some(3))]
    );
}

#[test]
fn a_count_said_to_come_on_top_of_another_adds_to_it() {
    // "also" adds people: not a range 6-9 of two claims, but 9 killed of two sides.
    let got = killed(
        "Nine police reservists were killed when raiders attacked Kericho on Sunday. The \
         county commander said six raiders were also killed.",
    );
    assert_eq!(shape(&got), [(None, Some(15), Some(15), Some(15))]);
    let parts: Vec<Option<u64>> = got[0].parts.iter().map(|f| f.best).collect();
    assert_eq!(parts, [Some(9), Some(6)]);
    // The adverb before the count, and before the verb that counts it, say the same.
    let got =
        killed("Two herders were shot dead in Bungoma on Friday. Also three soldiers were killed.");
    assert_eq!(got[0].best, Some(5));
    let got = killed(
        "Four traders were killed in Bungoma on Friday. The gunfire additionally killed two \
         guards.",
    );
    assert_eq!(got[0].best, Some(6));
    // More of the same people: "a further" three soldiers are not a second claim about two.
    let got = killed(
        "Two soldiers were killed in Bungoma on Friday. A further three soldiers were killed \
         there the same day.",
    );
    assert_eq!(got[0].best, Some(5));
    // Dutch puts the adverb before the auxiliary.
    let got =
        killed("In Bungoma zijn vrijdag twee agenten gedood. Ook werden drie militanten gedood.");
    assert_eq!(got[0].best, Some(5));
    // Without the adverb two counts of one side stay what they were: claims, or apart.
    let got = killed(
        "Nine police reservists were killed when raiders attacked Kericho on Sunday. The \
         county commander said six raiders were killed.",
    );
    assert!(got.iter().all(|f| f.best != Some(15)), "{:?}", shape(&got));
}

#[test]
fn as_well_as_joins_two_counts_like_and() {
    let got = killed("Seven miners as well as two guards were killed in Kericho on Monday.");
    assert_eq!(shape(&got), [(None, Some(9), Some(9), Some(9))]);
}

#[test]
fn a_breakdown_in_brackets_after_a_count_is_its_parts() {
    // The measure after the brackets counts the total; the bracketed counts are its parts,
    // not counts of the measure before them.
    let ex: Extraction = common::read_sentence(
        "2024-03-02",
        "Two people were killed and 14 (nine students and five teachers) were injured in \
         Kericho on Monday.",
    );
    let got = measures_and_bests(&ex);
    assert_eq!(
        got,
        [(Measure::Killed, Some(2)), (Measure::Injured, Some(14))]
    );
    let injured = &ex.incidents[0].figures[1];
    let parts: Vec<(Measure, Option<u64>)> = injured
        .parts
        .iter()
        .map(|f| (f.measure.clone(), f.best))
        .collect();
    assert_eq!(
        parts,
        [(Measure::Injured, Some(9)), (Measure::Injured, Some(5))]
    );
    // The brackets may follow the measure too.
    let ex: Extraction = common::read_sentence(
        "2024-03-02",
        "Two people were killed and 14 were injured (nine students and five teachers) in \
         Kericho on Monday.",
    );
    assert_eq!(
        measures_and_bests(&ex),
        [(Measure::Killed, Some(2)), (Measure::Injured, Some(14))]
    );
    assert_eq!(ex.incidents[0].figures[1].parts.len(), 2);
}

#[test]
fn a_verb_right_before_another_count_is_that_count_s() {
    // The herders are not killed: the verb counts the two after it, who are some of them.
    let ex: Extraction = common::read_sentence(
        "2024-03-02",
        "Rangers clashed with 6 armed herders near Kericho and killed 2 of them on Monday.",
    );
    assert_eq!(measures_and_bests(&ex), [(Measure::Killed, Some(2))]);
    assert_eq!(ex.incidents[0].figures[0].subject, None, "not 'of them'");
    // The count's own verb right after it still counts it.
    assert_eq!(
        best_killed("On Monday 1 killed 3 injured in Kericho."),
        Some(1),
    );
}

#[test]
fn sides_and_points_on_a_road_count_no_one() {
    // "one side" is no person who did or suffered anything.
    let ex: Extraction = common::read_sentence(
        "2024-03-02",
        "Fighting between guards on one side and gunmen on the other left a guard dead in \
         Kericho on Monday.",
    );
    assert_eq!(measures_and_bests(&ex), [(Measure::Killed, Some(1))]);
    // Check points attacked are not a second count of the wounded.
    let ex: Extraction = common::read_sentence(
        "2024-03-02",
        "Two policemen were killed and 5 were wounded in attacks by militants on 3 check \
         points near Kericho on Monday.",
    );
    assert_eq!(
        measures_and_bests(&ex),
        [(Measure::Killed, Some(2)), (Measure::Injured, Some(5))]
    );
}

#[test]
fn a_count_said_to_come_on_top_of_one_person_adds_to_that_person() {
    // One person killed, then three more said to be killed too: four, not three.
    let got = killed(
        "On Saturday, gunmen shot dead a teacher in Kericho. Three of his relatives were also \
         killed.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].best, Some(4));
}

#[test]
fn a_count_said_to_come_on_top_of_a_count_naming_no_one_adds_to_it() {
    // The first count names no one ("killing two"); the count on top of it says whom it
    // counts: together four, and a total told after them is their total, with both parts.
    let got = killed(
        "Inmates fought the guards of the prison in Kericho on Monday, killing two. Two inmates \
         were also killed.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].best, Some(4));
    let got = killed(
        "Inmates fought the guards of the prison in Kericho on Monday, killing two. Two inmates \
         were also killed, four deaths in all.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].best, Some(4));
    let parts: Vec<Option<u64>> = got[0].parts.iter().map(|f| f.best).collect();
    assert_eq!(parts, [Some(2), Some(2)]);
}

#[test]
fn more_right_after_a_number_adds_to_the_count_before() {
    let got = killed("Five herders were killed in Kericho. Three more died in hospital.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].best, Some(8));
    let got = killed(
        "Two guards were killed in an ambush near Kericho on Saturday. Two additional guards \
         were killed when they came to help.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].best, Some(4));
    // "other" before the people a verb then counts: more of them.
    let got = killed(
        "Two guards were killed in an ambush near Kericho on Saturday. Two other guards were \
         killed when they came to help.",
    );
    assert_eq!(got[0].best, Some(4));
    // After the verb, the others are other than those the sentence counted before (the
    // teacher is not among the injured); the pupil "also" injured is one more of them.
    let ex = common::read_sentence(
        "2024-03-02",
        "Gunmen killed a teacher in Kericho and injured five other people. A pupil was also \
         injured.",
    );
    assert_eq!(
        measures_and_bests(&ex),
        [(Measure::Killed, Some(1)), (Measure::Injured, Some(6))]
    );
}

#[test]
fn one_person_said_to_come_on_top_of_a_count_is_one_more() {
    for text in [
        "Three herders were killed near Kericho on Monday. Another herder died in hospital.",
        "Three herders were killed near Kericho on Monday. A fourth herder died in hospital.",
        "Three herders were killed near Kericho on Monday. A trader was also killed.",
        "Bij Kericho werden maandag drie herders gedood. Een vierde herder overleed in het \
         ziekenhuis.",
    ] {
        let got = killed(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].best, Some(4), "{text}");
    }
    // "another" before a number: that many more.
    let got = killed(
        "Two herders were killed near Kericho on Monday. Another 3 herders died on Tuesday.",
    );
    assert_eq!(got[0].best, Some(5));
    // Without a word that adds, one person named after a count is among those counted.
    let got =
        killed("Three herders were killed near Kericho on Monday. A herder died in hospital.");
    assert_eq!(got[0].best, Some(3));
}

#[test]
fn another_after_and_opens_other_people() {
    // "one member of the militia and another two men": three dead, the member of the militia
    // named without "and another" in whom he is.
    let got = killed("On Monday, one member of the militia and another two men died in Kericho.");
    assert_eq!(got[0].best, Some(3));
    let subjects: Vec<Option<&str>> = got[0].parts.iter().map(|p| p.subject.as_deref()).collect();
    assert_eq!(subjects, [Some("member of the militia"), Some("men")]);
}

#[test]
fn others_after_a_count_of_another_measure_add_nothing() {
    // The others are other than the dead: three killed, and the injured told twice are one
    // count of two, not four.
    let ex = common::read_sentence(
        "2024-03-02",
        "Gunmen killed three traders in Kericho and wounded two others. The attackers killed \
         three people and wounded two others, police said.",
    );
    assert_eq!(
        measures_and_bests(&ex),
        [(Measure::Killed, Some(3)), (Measure::Injured, Some(2))]
    );
}

#[test]
fn a_part_belongs_to_the_whole_it_follows_not_to_the_first_count_of_the_incident() {
    // Two counts of the dead at Garissa from two sources; the children are part of the
    // second, the one their sentence gives.
    let figures = killed(
        "The ministry said up to 80 fighters were killed in strikes near Garissa. The \
         monitor said strikes killed 14 people including three children fleeing near Garissa.",
    );
    let parts: Vec<(Option<u64>, Vec<Option<u64>>)> = figures
        .iter()
        .map(|f| (f.best, f.parts.iter().map(|p| p.best).collect()))
        .collect();
    assert_eq!(
        parts,
        [(Some(80), vec![]), (Some(14), vec![Some(3)])],
        "{figures:?}"
    );
}

#[test]
fn a_breakdown_cue_reaches_only_the_counts_of_its_own_clause() {
    let ex: Extraction = common::read_sentence(
        "2024-03-02",
        "Up to 80 fighters including nine commanders were killed in the area of Garissa the \
         ministry said adding that another 40 fighters were killed around the town of Wajir.",
    );
    let by_place = common::best_by_place(&ex, Measure::Killed);
    assert_eq!(
        by_place,
        [
            ("Garissa".to_string(), Some(80)),
            ("Wajir".to_string(), Some(40))
        ],
        "{:?}",
        ex.incidents
    );
}

#[test]
fn one_of_a_group_of_chiefs_or_officers_counts_one() {
    for (text, n) in [
        (
            "On 1 March, police killed one of the chiefs of the gang in Kitale.",
            1,
        ),
        (
            "On 1 March, gunmen shot dead two village elders in Kitale.",
            2,
        ),
        (
            "On 1 March, rebels killed one of the army's lieutenants near Kitale.",
            1,
        ),
    ] {
        let bests: Vec<Option<u64>> = killed(text).iter().map(|f| f.best).collect();
        assert_eq!(bests, [Some(n)], "{text}");
    }
}

#[test]
fn the_dead_of_two_sides_told_apart_add_up_to_the_toll() {
    let got = killed(
        "Two soldiers were killed when militants attacked a checkpoint near Kericho on Monday. \
         Troops fought back and killed three militants.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].best, Some(5), "{got:?}");
    assert_eq!(got[0].parts.len(), 2, "{got:?}");
    // Each side's claim of the other's losses is no toll both tell.
    let got = killed(
        "Troops killed two militants at a checkpoint near Kericho on Monday, the army said. \
         A spokesman for the militants claimed that 15 soldiers died.",
    );
    assert!(got.iter().all(|f| f.best != Some(17)), "{got:?}");
    assert!(got.iter().any(|f| f.best == Some(2)), "{got:?}");
}

#[test]
fn others_after_one_sides_count_are_more_of_that_side() {
    // The police count their own dead and wounded, an official the attackers': the three
    // others wounded are attackers, no rival claim to the five officers wounded.
    let ex = common::read_sentence(
        "2024-05-06",
        "Gunmen stormed a police post near Kitale on Sunday, killing four officers and \
         injuring five others, police said. An official said three militants had been killed \
         and three others injured in the fighting.",
    );
    assert_eq!(
        measures_and_bests(&ex),
        [
            (Measure::Killed, Some(4)),
            (Measure::Injured, Some(5)),
            (Measure::Killed, Some(3)),
            (Measure::Injured, Some(3)),
        ],
        "{:?}",
        ex.incidents
    );
}

#[test]
fn including_before_an_event_lists_events_not_people() {
    // "including an attack that left two dead": the two are that attack's toll, at its own
    // town, not a part of a count before it.
    let ex: Extraction = common::read_sentence(
        "2024-03-02",
        "Three bombings have hit Garissa county this month, including an attack on 1 March \
         that left two policemen dead in Dadaab.",
    );
    let places = common::best_by_place(&ex, Measure::Killed);
    assert_eq!(
        places,
        [("Dadaab".to_string(), Some(2))],
        "{:?}",
        ex.incidents
    );
    // Further after the cue, it still opens a breakdown of people.
    let figures = killed(
        "Soldiers killed 20 fighters including 2 commanders in raids on camps near Dadaab on \
         Friday.",
    );
    assert_eq!(figures.len(), 1, "{figures:?}");
    assert_eq!(figures[0].best, Some(20));
}
