//! Recent periods named by the calendar ("earlier this week", "last month") date the event
//! they go with, counted back from the publication day. Sentences written for these tests.

use incimap::extract::Extraction;

use crate::common;

/// Published on a Friday.
fn read(text: &str) -> Extraction {
    common::read_sentence("2024-03-08", text)
}

fn dates(ex: &Extraction) -> Vec<String> {
    ex.incidents.iter().map(|i| i.date.label()).collect()
}

#[test]
fn earlier_this_week_runs_from_monday_to_the_publication_day() {
    let ex = read("Earlier this week a car bomb killed 12 people in Homs.");
    assert_eq!(dates(&ex), ["2024-03-04/2024-03-08"]);
}

#[test]
fn last_week_and_last_month_are_the_whole_period_before() {
    let ex = read("Last week a car bomb killed 12 people in Homs.");
    assert_eq!(dates(&ex), ["2024-02-26/2024-03-03"]);
    let ex = read("Last month a car bomb killed 12 people in Homs.");
    assert_eq!(dates(&ex), ["2024-02"]);
}

#[test]
fn a_dutch_period_dates_the_same_way() {
    let ex = read("Vorige week kwamen bij een bomaanslag in Homs twaalf mensen om.");
    assert_eq!(dates(&ex), ["2024-02-26/2024-03-03"]);
}

#[test]
fn a_weekday_in_the_next_sentence_does_not_redate_it() {
    let ex = read(
        "Earlier this week a car bomb killed 12 people in Homs. On Friday, rebels shelled \
         the city of Hama.",
    );
    let homs: Vec<String> = ex
        .incidents
        .iter()
        .filter(|i| i.place.name == "Homs")
        .map(|i| i.date.label())
        .collect();
    assert_eq!(homs, ["2024-03-04/2024-03-08"]);
}

#[test]
fn a_count_told_again_as_a_total_over_a_period_is_that_total() {
    // The lead places 140 deaths near a town; the body gives the same 140 as the total of the
    // past three days: it is a total over a period, not one incident's toll.
    let ex = read(
        "Government forces killed 140 rebels near Lodwar. Over the past three days the \
         army has killed 140 rebels in the region, a spokesman said.",
    );
    assert!(
        ex.incidents.iter().all(|i| i.figures.is_empty()),
        "{:?}",
        ex.incidents
    );
    assert!(
        ex.regional.iter().any(|r| r.value == 140),
        "{:?}",
        ex.regional
    );
}

#[test]
fn a_period_total_elsewhere_in_the_article_leaves_other_incidents_alone() {
    // Only an incident whose count is the period total loses it; the arrival in the town,
    // whose count is the region's, stays an incident without figures.
    let ex = read(
        "On Tuesday, in the Uhuru stadium in Tabora, Tabora region, 183 refugees arrived \
         from Kigoma region. Tabora region has received 2,100 refugees in total.",
    );
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
}

#[test]
fn a_weekday_with_a_possessive_dates_what_follows() {
    // Published on Friday 8 March: "Tuesday's bombing" was on the 5th.
    let ex = read("The toll from Tuesday's bombing in Homs rose to 35, officials said.");
    assert_eq!(dates(&ex), ["2024-03-05"]);
}

#[test]
fn so_long_ago_counts_back_from_the_publication_day() {
    // Published on Friday 8 March 2024: a fortnight before is 12 to 16 days back.
    let ex = read("A fortnight ago a car bomb killed 12 people in Homs.");
    assert_eq!(dates(&ex), ["2024-02-21/2024-02-25"]);
    let ex = read("Twee weken geleden kwamen bij een bomaanslag in Homs twaalf mensen om.");
    assert_eq!(dates(&ex), ["2024-02-21/2024-02-25"]);
    let ex = read("Three days ago a car bomb killed 12 people in Homs.");
    assert_eq!(dates(&ex), ["2024-03-05"]);
}

#[test]
fn a_toll_over_a_span_of_weeks_is_regional() {
    let ex = read("A three-week assault on Homs has left 300 people dead.");
    assert!(
        ex.incidents.iter().all(|i| i.figures.is_empty()),
        "{:?}",
        ex.incidents
    );
    assert_eq!(ex.regional.len(), 1, "{:?}", ex.regional);
}

#[test]
fn an_event_of_its_own_on_another_weekday_is_not_the_incident_before() {
    // Published on Friday 8 March: the market bombing was on Wednesday; the second sentence
    // tells a bombing of its own on Monday, in a district the gazetteer lacks.
    let ex = read(
        "At least 17 people were killed in a bombing at a market in Homs on Wednesday, police \
         said. A double suicide bombing in the district of Wadi Foo killed 43 people on Monday.",
    );
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    let killed: Vec<u64> = ex.incidents[0]
        .figures
        .iter()
        .flat_map(|f| f.claims.iter().map(|c| c.value))
        .collect();
    assert_eq!(killed, [17], "{:?}", ex.incidents[0].figures);
    // The same weekday, or no event of its own, still continues it.
    let ex = read(
        "At least 17 people were killed in a bombing at a market in Homs on Wednesday, police \
         said. On Wednesday evening the toll rose to 20.",
    );
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    let values: Vec<u64> = ex.incidents[0]
        .figures
        .iter()
        .flat_map(|f| f.claims.iter().map(|c| c.value))
        .collect();
    assert!(values.contains(&20), "{values:?}");
}

#[test]
fn a_toll_for_a_whole_past_year_is_regional() {
    // Published in 2024: "in 2021" is a year's total, not the shelling of the first sentence.
    let ex = read(
        "Shelling killed four people in Homs on Monday. A rights group counted 310 civilians \
         killed in 2021 and 95 during 2022.",
    );
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    let killed: Vec<_> = ex.incidents[0]
        .figures
        .iter()
        .flat_map(|f| f.claims.iter().map(|c| c.value))
        .collect();
    assert_eq!(killed, [4]);
    let regional: Vec<&str> = ex.regional.iter().map(|u| u.text.as_str()).collect();
    assert_eq!(regional, ["310 civilians", "95"], "{:?}", ex.regional);
    // The report's own year is no past year: "in 2024" dates nothing away.
    let ex = read("Shelling killed four people in Homs, the deadliest attack in 2024.");
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    assert!(ex.regional.is_empty(), "{:?}", ex.regional);
}

#[test]
fn a_toll_for_a_past_month_is_regional() {
    // Published in March 2024: "in January" is a month's total; "in March" may be the event.
    let ex = read(
        "Shelling killed four people in Homs on Monday. In January more than 60 civilians \
         were killed by shelling of the town.",
    );
    let regional: Vec<&str> = ex.regional.iter().map(|u| u.text.as_str()).collect();
    assert_eq!(regional, ["more than 60 civilians"], "{:?}", ex.regional);
    let ex = read("In March shelling killed four people in Homs.");
    assert!(ex.regional.is_empty(), "{:?}", ex.regional);
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
}

#[test]
fn a_dutch_toll_for_a_past_year_is_regional() {
    let ex = read(
        "Volgens een mensenrechtengroep zijn er tijdens 2021 in Homs 310 burgers gedood, \
         zo staat in het rapport.",
    );
    assert!(
        ex.incidents.iter().all(|i| i.figures.is_empty()),
        "{:?}",
        ex.incidents
    );
    assert_eq!(ex.regional.len(), 1, "{:?}", ex.regional);
}

#[test]
fn a_toll_over_the_past_days_without_an_article_or_in_less_than_a_month_is_regional() {
    for text in [
        "Forty fighters were killed in clashes near Kumasi in past few days, the monitor said.",
        "Clashes near Kumasi have killed over 90 fighters in less than a month.",
    ] {
        let ex = read(text);
        assert!(
            ex.incidents.iter().all(|i| i.figures.is_empty()),
            "{text}: {:?}",
            ex.incidents
        );
        assert_eq!(ex.regional.len(), 1, "{text}: {:?}", ex.regional);
    }
}

#[test]
fn a_period_that_opens_the_sentence_makes_its_toll_a_total_however_far_the_toll_stands() {
    // The toll ends a long sentence that "Since ..." opens: a total over the years, kept
    // apart from Garissa, not an incident's figure.
    let ex = read(
        "Since the start of the insurgency in June 2011 a long series of roadside bombs has \
         struck buses and police posts in Garissa and several other towns in the north killing \
         dozens.",
    );
    assert!(
        ex.incidents.iter().all(|i| i.figures.is_empty()),
        "{:?}",
        ex.incidents
    );
    assert!(
        ex.regional.iter().any(|r| r.value == 12),
        "{:?}",
        ex.regional
    );
    // A period further inside the sentence still reaches only the figures near it.
    let ex = read(
        "Police said a roadside bomb killed 4 people in Garissa on Tuesday, and the army has \
         reinforced its posts across the north since June.",
    );
    assert!(ex.regional.is_empty(), "{:?}", ex.regional);
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
}

#[test]
fn a_toll_over_several_unnamed_places_is_regional_not_the_incident_in_focus() {
    // The second sentence names no town, but says its dead lie in many: they are no count of
    // the attack on Kitale told before.
    let ex = read(
        "On Tuesday a bomb killed four people in a market in Kitale. At least 30 civilians were \
         killed in air raids on rebel-held villages west of the capital on Tuesday, a monitor \
         said.",
    );
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    let kitale: Vec<Option<u64>> = ex.incidents[0].figures.iter().map(|f| f.best).collect();
    assert_eq!(kitale, [Some(4)]);
    assert_eq!(ex.regional.len(), 1, "{:?}", ex.regional);
    assert_eq!(ex.regional[0].value, 30);
}

#[test]
fn so_far_alone_is_the_running_toll_of_the_event_told() {
    // The count of this bombing as it stands, not a total over a period.
    let ex = read("A bomb went off at a bar in Eldoret on Wednesday. So far 15 bodies were found.");
    let figures: Vec<Option<u64>> = ex
        .incidents
        .iter()
        .flat_map(|i| &i.figures)
        .map(|f| f.best)
        .collect();
    assert_eq!(figures, [Some(15)], "{:?}", ex.incidents);
    assert!(ex.regional.is_empty(), "{:?}", ex.regional);
    // Told by a spokesman after the lead, with a part.
    let ex = read(
        "NAKURU - At least 12 people were killed when a bomb went off at a bar in the town on \
         Friday, police said.\n\"So far we have confirmed 12 dead, including two waiters,\" a \
         police spokesman told reporters.",
    );
    assert!(ex.regional.is_empty(), "{:?}", ex.regional);
    // With a period it is that period's total.
    let ex = read("So far this year 300 people have been killed in Eldoret.");
    assert!(
        ex.incidents.iter().all(|i| i.figures.is_empty()),
        "{:?}",
        ex.incidents
    );
    assert_eq!(ex.regional.len(), 1, "{:?}", ex.regional);
}

#[test]
fn a_count_during_the_month_of_the_report_is_a_total_over_it_so_far() {
    // Published in March: "during March" runs up to the report, a period all the same.
    for text in [
        "Rangers closed the park near Homs on Friday; nine bodies had been found there \
         during March.",
        "Boswachters sloten vrijdag het park bij Homs; tijdens maart werden daar negen mensen \
         gedood.",
    ] {
        let ex = read(text);
        let regional: Vec<u64> = ex.regional.iter().map(|u| u.value).collect();
        assert_eq!(regional, [9], "{text}: {:?}", ex.incidents);
    }
    // "in March" may date the event itself; a day after the month is a day.
    let ex = read("On Friday, during March 8 celebrations, a bomb killed nine people in Homs.");
    assert_eq!(
        common::best_by_place(&ex, incimap::model::Measure::Killed),
        [("Homs".to_string(), Some(9))]
    );
}

#[test]
fn a_sentence_whose_counts_went_to_other_events_does_not_date_the_incident() {
    // The background sentence's 40 deaths are no count of the Eldoret attack (no place of
    // their own), so its "this week" does not widen the attack's Tuesday.
    let ex = read(
        "Gunmen killed five villagers in Eldoret on Tuesday, police said. This week, about 40 \
         people died in various attacks in the region.",
    );
    assert_eq!(dates(&ex), ["2024-03-05"], "{:?}", ex.incidents);
    // An incident that counts nothing keeps the days of every sentence telling of it.
    let ex = read("Gunmen attacked a market in Eldoret this week, the police said.");
    assert_eq!(dates(&ex), ["2024-03-04/2024-03-08"], "{:?}", ex.incidents);
}

#[test]
fn the_internally_displaced_are_a_national_stock_not_one_events() {
    for text in [
        "Gunmen killed five villagers in Eldoret on Tuesday, police said. Nearly 500,000 \
         people have been internally displaced.",
        "Gewapende mannen doodden dinsdag vijf dorpelingen in Eldoret. Bijna 500.000 mensen \
         zijn binnenlands ontheemd.",
    ] {
        let ex = read(text);
        let displaced_here = ex
            .incidents
            .iter()
            .flat_map(|i| &i.figures)
            .any(|f| f.measure == incimap::model::Measure::Displaced);
        assert!(!displaced_here, "{:?}", ex.incidents);
        let regional: Vec<u64> = ex.regional.iter().map(|u| u.value).collect();
        assert_eq!(regional, [500_000], "{:?}", ex.regional);
    }
}

#[test]
fn a_conflict_named_after_the_count_to_describe_its_place_makes_no_period_total() {
    // "where a conflict has pitted ..." says what the town is, not that the count is the
    // conflict's toll.
    let ex = read(
        "Bandits killed four herders in Baragoi, a town where a long conflict has pitted two \
         communities against each other.",
    );
    assert_eq!(common::tolls(&ex), [("Baragoi".to_string(), Some(4), None)]);
    // The conflict's own toll, told with the conflict before the count, stays regional.
    let total = read("The conflict has killed more than 6,000 people in the Northwest.");
    assert!(total.incidents.is_empty(), "{:?}", total.incidents);
    assert_eq!(total.regional.len(), 1, "{:?}", total.regional);
}

#[test]
fn a_vague_count_of_thousands_with_no_place_is_background() {
    // "Thousands have died" after an incident's toll is the conflict's, not the incident's.
    let ex = read(
        "Jihadists killed 132 civilians in Marsabit on Sunday. Thousands have died in the \
         insurgency.",
    );
    assert_eq!(
        common::tolls(&ex),
        [("Marsabit".to_string(), Some(132), None)]
    );
    assert_eq!(ex.regional.len(), 1, "{:?}", ex.regional);
    // Thousands told at the place of the event are that event's.
    let ex = read("Thousands of people were killed when the army stormed Marsabit on Sunday.");
    assert_eq!(
        common::tolls(&ex),
        [("Marsabit".to_string(), Some(1000), None)]
    );
}

#[test]
fn a_period_total_after_an_attack_on_a_post_is_no_count_of_that_attack() {
    // The incident is at a post; the next sentence's total since March speaks of no post.
    let ex = read(
        "Separatists attacked a police post in Marsabit on Sunday, killing two officers. 109 \
         soldiers have been killed since March.",
    );
    assert_eq!(
        common::tolls(&ex),
        [("Marsabit".to_string(), Some(2), None)]
    );
    assert_eq!(ex.regional.len(), 1, "{:?}", ex.regional);
    // Told of the facility itself, a count over past days is still that event's.
    let ex = read(
        "Inmates rioted at the prison in Marsabit on Sunday. Over the past days 80 escaped from \
         the prison, officials said.",
    );
    let escaped: Vec<Option<u64>> = ex.incidents[0].figures.iter().map(|f| f.best).collect();
    assert_eq!(escaped, [Some(80)]);
}

#[test]
fn a_sentence_of_period_totals_alone_does_not_date_the_incident_before_it() {
    let ex = read(
        "Separatists attacked a police post in Marsabit on Sunday, killing two officers, the \
         army said. According to the government, 109 soldiers have been killed since the \
         insurgency started a year ago.",
    );
    assert_eq!(dates(&ex), ["2024-03-03"]);
}
