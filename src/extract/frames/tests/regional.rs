//! Figures kept apart from every town: totals over a period, a province, several places or a
//! town with its neighbourhoods, breakdowns of such totals, tolls larger than one event's.

use super::*;

#[test]
fn totals_over_a_period_or_the_war_are_regional() {
    let ex = read(
        "An air strike on Douma killed four people. The war has killed more than 300,000 \
         people since 2011. Since Sunday, 40 people have been killed in the town.",
    );
    assert_eq!(figures(&ex), [fig("Douma", Measure::Killed, 4)]);
    let regional: Vec<u64> = ex.regional.iter().map(|r| r.value).collect();
    assert_eq!(regional, [300_000, 40]);
    assert!(ex.regional.iter().all(|r| r.reason.contains("period")));
    let nl = read("Sinds het begin van de oorlog zijn in Aleppo 3000 mensen gedood.");
    assert!(nl.incidents.iter().all(|i| i.figures.is_empty()));
    assert_eq!(nl.regional.len(), 1);
}

#[test]
fn a_figure_placed_only_in_a_province_names_the_province_and_no_town() {
    let ex = read("Four people died in an air strike in Idlib province on Monday.");
    assert!(ex.incidents.is_empty());
    assert_eq!(ex.regional[0].value, 4);
    assert_eq!(ex.regional[0].area.as_deref(), Some("Idlib"));
}

#[test]
fn a_total_over_several_places_is_regional() {
    let ex = read("Shelling on several neighbourhoods of Homs killed nine civilians.");
    assert!(figures(&ex).is_empty());
    assert!(ex.regional[0].reason.contains("several"));
}

#[test]
fn the_breakdown_of_a_regional_total_is_regional_too() {
    let ex = read(
        "Shelling on Malindi killed four people on Tuesday. Since the offensive began in May, \
         at least 230 people have been killed in the province, a monitor said. The dead \
         include 40 people killed in strikes on Malindi. Another 25 people died in shelling on \
         Voi. It counted 12 more deaths in clashes near Malindi.",
    );
    assert_eq!(figures(&ex), [fig("Malindi", Measure::Killed, 4)]);
    let regional: Vec<u64> = ex.regional.iter().map(|r| r.value).collect();
    assert_eq!(regional, [230, 40, 25, 12]);
    let nl = read(
        "Sinds het begin van het offensief in mei zijn in de provincie 230 mensen gedood. \
         Onder de doden zijn 40 mensen die omkwamen bij luchtaanvallen op Malindi.",
    );
    assert!(figures(&nl).is_empty(), "{:?}", figures(&nl));
    // After one event's total, the breakdown and the next event stay where they are.
    let local = read(
        "An air strike on Malindi killed 14 people on Tuesday. Among the dead were five \
         children. Another 3 people died in shelling on Voi.",
    );
    assert_eq!(
        figures(&local),
        [
            fig("Malindi", Measure::Killed, 14),
            fig("Voi", Measure::Killed, 3)
        ]
    );
    assert!(local.regional.is_empty());
}

#[test]
fn a_count_in_the_province_is_for_the_province() {
    // The town named first is where the news is; "in the province" says where the count is.
    let ex = read(
        "The bombing in Malindi came a day after air strikes killed 17 people and wounded 30 \
         others in the province.",
    );
    assert!(figures(&ex).is_empty(), "{:?}", figures(&ex));
    assert_eq!(ex.regional.len(), 2);
    assert!(ex.regional[0].reason.contains("in the province"));
    let nl = read("Bij luchtaanvallen in de provincie kwamen zeventien mensen om.");
    assert!(figures(&nl).is_empty(), "{:?}", figures(&nl));
    // A town named after the count still holds it.
    let town = read("Air strikes killed 17 people in the province's capital, Malindi.");
    assert_eq!(figures(&town), [fig("Malindi", Measure::Killed, 17)]);
}

#[test]
fn counts_joined_by_and_share_their_period() {
    let ex = read(
        "Shelling killed three people in Malindi on Monday. A monitor said 31 children and 12 \
         women were among those killed in the fighting over the past ten days.",
    );
    assert_eq!(figures(&ex), [fig("Malindi", Measure::Killed, 3)]);
    let values: Vec<u64> = ex.regional.iter().map(|r| r.value).collect();
    assert_eq!(values, [31, 12]);
}

#[test]
fn a_town_with_the_land_around_it_is_regional() {
    for text in [
        "Air raids on Eldoret and its countryside killed 23 people on Monday.",
        "Bij beschietingen op Eldoret en omgeving kwamen 23 mensen om het leven.",
    ] {
        let ex = read(text);
        assert!(figures(&ex).is_empty(), "{text}: {:?}", figures(&ex));
        assert_eq!(ex.regional.len(), 1, "{text}");
    }
    // The town alone is still one incident.
    let ex = read("Air raids on Eldoret killed 23 people on Monday.");
    assert_eq!(figures(&ex), [fig("Eldoret", Measure::Killed, 23)]);
}

#[test]
fn areas_in_a_direction_from_a_town_are_regional() {
    for text in [
        "Jets killed at least 10 people in rebel areas east of Kitale on Saturday.",
        "Shelling on villages around Kitale killed four people.",
        "Bij beschietingen op dorpen rond Kitale kwamen vier mensen om het leven.",
    ] {
        let ex = read(text);
        assert!(figures(&ex).is_empty(), "{text}: {:?}", figures(&ex));
        assert_eq!(ex.regional.len(), 1, "{text}");
    }
    // One village in a direction from the town is near the town.
    let ex = read("Shelling on a village east of Kitale killed four people.");
    assert_eq!(figures(&ex), [fig("Kitale", Measure::Killed, 4)]);
}

#[test]
fn a_town_total_over_its_neighbourhoods_is_regional() {
    let ex = read(
        "Rockets hit Aleppo on Saturday, killing 20 civilians. Four of them died in the \
         Zarqouniyeh neighbourhood of Aleppo. Three people were killed in the Qasbiyeh \
         neighbourhood of Aleppo.",
    );
    let mut got = figures(&ex);
    got.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        got,
        [
            fig("Qasbiyeh, Aleppo", Measure::Killed, 3),
            fig("Zarqouniyeh, Aleppo", Measure::Killed, 4)
        ]
    );
    let total = &ex.regional[0];
    assert_eq!((total.value, total.area.as_deref()), (20, Some("Aleppo")));
}

#[test]
fn a_toll_larger_than_any_one_event_is_regional() {
    let ex = read(
        "Shelling killed four people in Homs. Officials said 45,000 people were killed in Homs.",
    );
    assert_eq!(figures(&ex), [fig("Homs", Measure::Killed, 4)]);
    assert_eq!(ex.regional[0].value, 45_000);
}

#[test]
fn a_period_at_the_end_of_a_long_clause_covers_every_measure_it_describes() {
    // The cue stands far from the first total and after a total of another measure.
    let ex = read(
        "At least 120 people among them 30 children have been killed and hundreds more \
         wounded in the bombing of rebel-held towns and villages across the north of the \
         country since Friday. On Sunday an air strike on Douma killed six people.",
    );
    assert_eq!(figures(&ex), [fig("Douma", Measure::Killed, 6)]);
    let regional: Vec<u64> = ex.regional.iter().map(|r| r.value).collect();
    assert!(
        regional.contains(&120) && regional.contains(&100),
        "{regional:?}"
    );
}

#[test]
fn a_period_after_a_closing_quote_still_dates_the_quoted_toll() {
    let ex = read(
        "The monitor \"recorded the deaths of 4,100 civilians in air raids\" over the past \
         year. On Monday a strike on Hama killed three people.",
    );
    assert_eq!(figures(&ex), [fig("Hama", Measure::Killed, 3)]);
    assert_eq!(
        ex.regional.iter().map(|r| r.value).collect::<Vec<_>>(),
        [4100]
    );
}

#[test]
fn an_area_of_a_town_is_one_place_not_a_list() {
    let ex = read(
        "Eight people were killed when a barrel bomb hit a building in a rebel-held area of \
         Homs city on Saturday.",
    );
    assert_eq!(
        figures(&ex),
        [fig("a rebel-held area, Homs", Measure::Killed, 8)]
    );
    // Near a town is not in it.
    let ex = read("Eight people were killed in a village near Homs on Saturday.");
    assert!(ex.incidents.iter().all(|i| i.figures.is_empty()));
}

#[test]
fn a_bracketed_aside_does_not_cut_a_figure_from_its_period() {
    let ex = read(
        "The monitor has documented the deaths of 900 civilians in Homs in shelling and \
         (other) air strikes over the past year.",
    );
    assert!(ex.incidents.iter().all(|i| i.figures.is_empty()));
    assert_eq!(ex.regional.len(), 1);
}

#[test]
fn a_count_whose_own_clause_names_a_day_is_that_event_whatever_period_came_before() {
    // The period dates the campaign; "when ... on Saturday" dates the count's own event.
    let ex = read(
        "The army has stepped up its shelling of Kitui county in recent weeks, killing at \
         least 20 people when it shelled the town of Mwingi on Saturday.",
    );
    assert_eq!(figures(&ex), [fig("Mwingi", Measure::Killed, 20)]);
    assert!(ex.regional.is_empty(), "{:?}", ex.regional);
    // "At the weekend" is a day too: the last Saturday and Sunday before the report.
    let weekend = read(
        "Raids have intensified in recent days, killing 12 people when jets bombed the town of \
         Mwingi at the weekend.",
    );
    assert_eq!(figures(&weekend), [fig("Mwingi", Measure::Killed, 12)]);
    let date = &weekend.incidents[0].date;
    assert_eq!(
        (date.start.to_string(), date.end.to_string()),
        ("2024-03-02".to_string(), "2024-03-03".to_string())
    );
    // Without a day in that clause the count stays the period's.
    let period = read(
        "The army has stepped up its shelling in recent weeks, killing at least 20 people when \
         it shelled villages near Mwingi.",
    );
    assert!(figures(&period).is_empty(), "{:?}", figures(&period));
    // A weekend is no period a total runs over, however it is written.
    for text in [
        "Over the past weekend 20 people were killed in Mwingi.",
        "In het afgelopen weekend zijn in Mwingi 20 mensen gedood.",
    ] {
        assert_eq!(
            figures(&read(text)),
            [fig("Mwingi", Measure::Killed, 20)],
            "{text}"
        );
    }
    let week = read("Over the past week 20 people were killed in Mwingi.");
    assert!(figures(&week).is_empty());
    let nl = read(
        "Het leger voerde de beschietingen de afgelopen weken op en doodde 20 mensen toen het \
         zaterdag Mwingi beschoot.",
    );
    assert_eq!(figures(&nl), [fig("Mwingi", Measure::Killed, 20)]);
    let nl_weekend = read(
        "Het leger voerde de beschietingen de afgelopen weken op, waarbij 20 mensen omkwamen \
         toen het in het weekend de stad Mwingi beschoot.",
    );
    assert_eq!(figures(&nl_weekend), [fig("Mwingi", Measure::Killed, 20)]);
}

#[test]
fn a_province_a_strike_hit_holds_the_count_that_follows() {
    // What the jets pounded was the whole province: its toll is no toll of the town before.
    let ex = read(
        "Shelling killed 3 people in Mwingi on Monday. Jets then pounded the province, killing \
         20 civilians.",
    );
    assert_eq!(figures(&ex), [fig("Mwingi", Measure::Killed, 3)]);
    assert_eq!(ex.regional.len(), 1, "{:?}", ex.regional);
    assert_eq!(ex.regional[0].value, 20);
    let nl = read(
        "Bij beschietingen in Mwingi kwamen maandag 3 mensen om. Straaljagers bestookten de \
         provincie en doodden 20 burgers.",
    );
    assert_eq!(figures(&nl), [fig("Mwingi", Measure::Killed, 3)]);
    // A town the strike hit keeps its count.
    let town = read("Jets pounded the town of Mwingi, killing 20 civilians.");
    assert_eq!(figures(&town), [fig("Mwingi", Measure::Killed, 20)]);
}
