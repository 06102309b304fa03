//! The frame rules on short articles written for these tests (English and Dutch): one test
//! per rule, each naming what it guards against.

use crate::extract::{extract_text, Extraction, Options, PlaceIndex};
use crate::model::Measure;

fn read(body: &str) -> Extraction {
    let text = format!("date 2024-03-06\n\n{body}\n");
    extract_text(&text, "t.txt", PlaceIndex::builtin(), &Options::default())
}

/// (place as written, measure, best) of every top-level figure of every incident.
fn figures(ex: &Extraction) -> Vec<(String, Measure, u64)> {
    ex.incidents
        .iter()
        .flat_map(|i| {
            i.figures
                .iter()
                .map(|f| (i.place.name.clone(), f.measure.clone(), f.best.unwrap_or(0)))
        })
        .collect()
}

/// Every incident lies in the country `code`.
fn assert_all_in(ex: &Extraction, code: &str) {
    let abroad: Vec<_> = ex
        .incidents
        .iter()
        .filter(|i| i.place.country_code.as_deref() != Some(code))
        .map(|i| i.place.name.clone())
        .collect();
    assert!(abroad.is_empty(), "{abroad:?}");
}

/// The text gives one regional figure and no incident.
fn assert_only_regional(text: &str) {
    let ex = read(text);
    assert!(ex.incidents.is_empty(), "{text}: {:?}", figures(&ex));
    assert_eq!(ex.regional.len(), 1, "{text}");
}

fn fig(place: &str, measure: Measure, best: u64) -> (String, Measure, u64) {
    (place.to_string(), measure, best)
}

#[test]
fn each_figure_goes_to_the_place_of_its_own_clause() {
    let ex = read("Five people were killed in Aleppo, two in Homs and one in Hama.");
    assert_eq!(
        figures(&ex),
        [
            fig("Aleppo", Measure::Killed, 5),
            fig("Homs", Measure::Killed, 2),
            fig("Hama", Measure::Killed, 1)
        ]
    );
    let nl = read(
        "Bij een luchtaanval op Aleppo kwamen vijf mensen om het leven. In Homs vielen twee doden.",
    );
    assert_eq!(
        figures(&nl),
        [
            fig("Aleppo", Measure::Killed, 5),
            fig("Homs", Measure::Killed, 2)
        ]
    );
}

#[test]
fn a_dateline_is_not_where_it_happened() {
    let ex =
        read("BEIRUT (Reuters) - Three civilians were killed in shelling on Douma on Tuesday.");
    assert_eq!(figures(&ex), [fig("Douma", Measure::Killed, 3)]);
}

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
fn a_neighbourhood_the_gazetteer_lacks_is_placed_at_its_town_under_its_own_name() {
    let ex = read(
        "A rocket attack on the Zarqouniyeh neighbourhood in Aleppo city killed two people \
         and injured seven.",
    );
    assert_eq!(ex.incidents.len(), 1);
    assert_eq!(ex.incidents[0].place.name, "Zarqouniyeh, Aleppo");
    assert_eq!(
        ex.incidents[0].place.gazetteer_id.as_deref(),
        Some("geonames:170063")
    );
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
fn a_place_missing_from_the_gazetteer_is_not_replaced_by_another() {
    let ex = read("Two men were killed in the village of Qarqouriyeh, activists said.");
    assert!(ex.incidents.is_empty());
    assert!(ex.unattached[0].reason.contains("not in the gazetteer"));
}

#[test]
fn where_fire_came_from_is_not_the_event_place() {
    let ex = read("Shells fired from Rastan hit Homs, killing two civilians.");
    assert_eq!(figures(&ex), [fig("Homs", Measure::Killed, 2)]);
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
fn a_village_the_gazetteer_lacks_is_placed_near_the_town_it_is_named_with() {
    let ex = read("Two farmers were killed in Qarqouriyeh village (Homs, Syria) on Monday.");
    assert_eq!(figures(&ex), [fig("Qarqouriyeh, Homs", Measure::Killed, 2)]);
    assert_eq!(
        ex.incidents[0].place.precision,
        crate::model::GeoPrecision::NearTown
    );
}

#[test]
fn a_capital_named_for_its_government_is_no_incident() {
    let ex = read("After the air strike, Moscow said it had hit a weapons depot.");
    assert!(ex.incidents.is_empty(), "{:?}", ex.incidents);
}

#[test]
fn the_words_before_town_of_are_no_name() {
    let ex = read("Nine people were killed in the Syrian town of Qarqouriyeh on Monday.");
    assert!(
        ex.unattached[0].reason.contains("\"Qarqouriyeh\""),
        "{}",
        ex.unattached[0].reason
    );
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
fn a_division_after_a_town_only_says_where_the_town_lies() {
    let ex = read("On Monday, in Homs, Homs Governorate, two men were shot dead at a checkpoint.");
    assert_eq!(figures(&ex), [fig("Homs", Measure::Killed, 2)]);
    let ex = read("Gunmen attacked Palmyra (Homs Governorate) and killed two guards.");
    assert_eq!(figures(&ex), [fig("Palmyra", Measure::Killed, 2)]);
    // A district after a comma holds the town; the figure stays at the town.
    let ex = read("Gunmen shot dead two farmers in Dadri, Gautam Buddha Nagar on Sunday.");
    assert_eq!(figures(&ex), [fig("Dadri", Measure::Killed, 2)]);
    assert_eq!(ex.incidents.len(), 1);
    let ex = read("A mob beat three men to death near Dadri (Gautam Buddha Nagar) on Friday.");
    assert_eq!(ex.incidents.len(), 1, "{:?}", figures(&ex));
    assert!(ex.regional.is_empty());
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
fn a_toll_brought_up_to_date_keeps_the_new_deaths_at_their_place() {
    let ex = read(
        "A car bomb in Homs killed seven people on Monday bringing the number killed in the \
         city since January to 210.",
    );
    assert_eq!(figures(&ex), [fig("Homs", Measure::Killed, 7)]);
    assert_eq!(
        ex.regional.iter().map(|r| r.value).collect::<Vec<_>>(),
        [210]
    );
    let week = read("More than 90 people were killed in one week of shelling on Aleppo.");
    assert!(week.incidents.iter().all(|i| i.figures.is_empty()));
    assert_eq!(week.regional.len(), 1);
}

#[test]
fn a_sentence_framed_in_a_province_keeps_its_small_places_there() {
    // The neighbourhood's name is a town in another state: not where this happened. The
    // deaths of the next sentence, and the bare count closing the note, belong to the city.
    let ex = read(
        "On 4 March, in Puebla, Puebla, armed men attacked a family in the Tlacotalpan \
         neighbourhood. Two people died. 2 fatalities",
    );
    assert_eq!(figures(&ex), [fig("Puebla", Measure::Killed, 2)]);
    assert!(ex
        .incidents
        .iter()
        .all(|i| i.place.admin1.as_deref() == Some("Puebla")));
}

#[test]
fn a_word_for_the_towns_kind_before_the_comma_still_frames_the_sentence() {
    // "Huetamo municipality, Michoacan": the state frames the sentence as "Huetamo,
    // Michoacan" would, and the community named later is no town of another state.
    let ex = read(
        "On 4 March, in Huetamo municipality, Michoacan, gunmen clashed with soldiers in the \
         Tlacotalpan community. Two gunmen died.",
    );
    assert_eq!(figures(&ex), [fig("Huetamo", Measure::Killed, 2)]);
    assert!(ex
        .incidents
        .iter()
        .all(|i| i.place.admin1.as_deref() == Some("Michoacán")));
}

#[test]
fn after_a_town_and_a_comma_a_name_is_the_state_that_holds_it() {
    // Durango is a state and its capital, 200 km away: after "Gomez Palacio," it is the state.
    let ex = read("On 5 March, in Gomez Palacio, Durango, gunmen killed three men.");
    assert_eq!(figures(&ex), [fig("Gomez Palacio", Measure::Killed, 3)]);
    assert_eq!(ex.incidents.len(), 1);
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
fn a_name_the_gazetteer_lacks_is_placed_near_the_town_in_brackets_after_it() {
    // "Qarya Zarqa" is made up: the deaths are near the town that holds it, not lost.
    let ex = read("On Sunday, shelling killed four civilians in Qarya Zarqa (Tartus).");
    assert_eq!(
        figures(&ex),
        [fig("Qarya Zarqa, Tartus", Measure::Killed, 4)]
    );
    assert_eq!(
        ex.incidents[0].place.precision,
        crate::model::GeoPrecision::NearTown
    );
}

#[test]
fn a_bracketed_aside_does_not_end_the_clause_and_an_unknown_chain_finds_its_town() {
    // Both names are made up; the town in brackets after the second holds them.
    let ex = read(
        "On Friday, militants killed five villagers (two of them children) in the village of \
         Kafr Dunya, near Tell Safra (Tartus).",
    );
    assert_eq!(ex.incidents.len(), 1);
    assert_eq!(ex.incidents[0].figures[0].best, Some(5));
    assert_eq!(
        ex.incidents[0].place.precision,
        crate::model::GeoPrecision::NearTown
    );
}

#[test]
fn a_sentence_that_opens_in_a_town_keeps_the_next_sentences_there() {
    // "Los Pinos" is not in the gazetteer; it lies in the town the sentence opens with.
    let ex = read(
        "On 2 June, in Gomez Palacio, Durango, gunmen attacked a bakery in Los Pinos \
         settlement. Two workers died.",
    );
    assert_eq!(figures(&ex), [fig("Gomez Palacio", Measure::Killed, 2)]);
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
fn a_named_facility_the_gazetteer_lacks_is_in_its_town() {
    // The shrine's name is made up. A town named before a facility noun is the town itself.
    let ex = read(
        "A car bomb near the Sitt Warda shrine in Damascus killed nine people. Shelling hit \
         Homs airport and killed two soldiers.",
    );
    let places: Vec<&str> = ex.incidents.iter().map(|i| i.place.name.as_str()).collect();
    assert_eq!(figures(&ex).len(), 2, "{places:?}");
    assert_eq!(ex.incidents[0].figures[0].best, Some(9));
    assert!(
        ex.incidents[0].place.name.contains("Sitt Warda"),
        "{places:?}"
    );
    assert_eq!(ex.incidents[1].place.name, "Homs");
    let market = read("Five people were killed in a market in Hama.");
    assert_eq!(figures(&market), [fig("Hama", Measure::Killed, 5)]);
    // A town that only situates the facility still holds it.
    let outskirts = read("Three people died at the Umm Salwa mosque on the outskirts of Hama.");
    assert_eq!(outskirts.incidents.len(), 1);
    assert_eq!(outskirts.incidents[0].place.admin1.as_deref(), Some("Hama"));
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
            fig("Hama", Measure::Killed, 0),
            fig("Hama", Measure::Injured, 0)
        ]
    );
    let nl = read("In Hama werd maandag een markt beschoten. Er vielen geen doden.");
    assert_eq!(figures(&nl), [fig("Hama", Measure::Killed, 0)]);
}

#[test]
fn a_country_abbreviation_is_no_common_word_of_another_language() {
    // "UK" and the Dutch "ook" fold alike in the gazetteer's loose matching.
    let ex = read("Two people were killed in the UK on Monday.");
    assert_eq!(ex.regional.len(), 1);
    assert_eq!(ex.regional[0].area.as_deref(), Some("UK"));
}

#[test]
fn initials_joined_by_full_stops_are_a_name() {
    let ex = read("Two soldiers were killed in the U.S. on Monday.");
    assert_eq!(ex.regional.len(), 1);
    assert_eq!(ex.regional[0].area.as_deref(), Some("U.S."));
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
fn a_capital_named_without_in_is_its_government_whatever_its_size() {
    // Both capitals are smaller than the size rule for big cities.
    let ex = read("Ottawa has condemned the shelling. Canberra said it would send aid.");
    assert!(
        ex.incidents.is_empty(),
        "{:?}",
        ex.incidents
            .iter()
            .map(|i| &i.place.name)
            .collect::<Vec<_>>()
    );
}

#[test]
fn the_words_before_town_of_are_no_name_even_when_the_town_is_known() {
    let ex = read("Shelling on the Syrian town of Khan Sheikhun killed six people.");
    assert_eq!(figures(&ex), [fig("Khan Sheikhun", Measure::Killed, 6)]);
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
fn a_province_named_after_its_capital_is_the_city_after_in() {
    // "Larnaka" is both the Cypriot district and a spelling of its capital, Larnaca.
    let ex = read("A bomb killed two people in Larnaka on Monday.");
    assert_eq!(ex.incidents.len(), 1);
    assert_eq!(
        ex.incidents[0].place.precision,
        crate::model::GeoPrecision::Town
    );
    let region = read("A bomb killed two people in Larnaka region on Monday.");
    assert!(region.incidents.iter().all(|i| i.figures.is_empty()));
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
fn every_name_a_plural_division_word_governs_is_a_division() {
    for text in [
        "Jets struck a convoy on the road between the provinces of Idlib in the west and \
         Hama in the south, killing 12 fighters.",
        "Jets struck convoys in Idlib and Hama provinces, killing 12 fighters.",
    ] {
        assert_only_regional(text);
    }
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
fn a_day_name_after_a_place_ends_the_name() {
    let ex = read("Jets killed 10 people in Homs Saturday the monitor said.");
    assert_eq!(figures(&ex), [fig("Homs", Measure::Killed, 10)]);
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
fn a_few_small_towns_abroad_in_an_article_about_one_country_are_namesakes() {
    let ex = read(
        "Shelling hit Homs, Hama and Idlib on Monday. Jets also struck Douma, Raqqa, Daraa \
         and Latakia. In Aleppo four people died in an air strike. Three fighters were killed \
         in Tlacotalpan. Two more died in Zacualtipan.",
    );
    assert_all_in(&ex, "SY");
    // An article about two countries keeps both.
    let ex = read(
        "Three fighters were killed in Tlacotalpan. Two more died in Zacualtipan. In Aleppo four \
         people died in an air strike.",
    );
    assert_eq!(ex.incidents.len(), 3, "{:?}", figures(&ex));
}

#[test]
fn a_division_after_an_unknown_village_is_the_division_not_its_capital() {
    // "Zbrukhivka" is a made-up village: no gazetteer holds it.
    let ex = read("Mortars hit army positions near Zbrukhivka, Luhansk on Monday.");
    let towns: Vec<_> = ex.incidents.iter().map(|i| i.place.name.clone()).collect();
    assert!(towns.is_empty(), "{towns:?}");
    // A known town before the comma still makes the name after it a holder or a town.
    let ex = read("Mortars killed two soldiers in Luhansk on Monday.");
    assert_eq!(figures(&ex), [fig("Luhansk", Measure::Killed, 2)]);
}

#[test]
fn places_inside_the_name_of_a_group_are_no_places() {
    // "Zorkivka" is a made-up village no gazetteer holds.
    let ex = read(
        "Militants of the Islamic State of Iraq and the Levant killed five civilians in \
         Zorkivka town.",
    );
    assert!(ex.incidents.is_empty() && ex.regional.is_empty());
    let named: Vec<&str> = ex.places.iter().map(|p| p.text.as_str()).collect();
    assert!(named.is_empty(), "{named:?}");
    let ex =
        read("Gunmen from the Victoria of the Martyrs Brigade killed three people in Zorkivka.");
    assert!(ex.incidents.is_empty() && ex.regional.is_empty());
}

#[test]
fn a_place_after_in_before_a_speech_verb_is_no_speaker() {
    let ex = read(
        "The director of the main hospital in Homs told reporters that shelling killed four \
         people in Homs on Monday.",
    );
    assert_eq!(figures(&ex), [fig("Homs", Measure::Killed, 4)]);
}

#[test]
fn a_small_town_abroad_written_by_another_of_its_names_is_a_namesake() {
    // Two old names of two English towns in an article about four Syrian towns: neither
    // country has four times the places of the other, but the English towns are named only
    // by names that are not theirs today.
    let ex = read(
        "Jets struck Homs, Hama, Douma and Raqqa on Monday. Shells also fell on Aquae Sulis \
         and Eboracum, killing four people.",
    );
    assert_all_in(&ex, "SY");
    // Small towns abroad written by their own names stay.
    let ex = read(
        "Jets struck Homs, Hama, Douma and Raqqa on Monday. Shells also fell on Tlacotalpan \
         and Zacualtipan, killing four people.",
    );
    assert!(ex.incidents.iter().any(|i| i.place.name == "Tlacotalpan"));
}

#[test]
fn the_west_of_a_town_is_in_it_west_of_a_town_is_not() {
    let ex = read(
        "Rockets killed six children in the government-held west of Homs on Thursday, a day \
         after air strikes on a school in Idlib killed 30 people.",
    );
    assert_eq!(
        figures(&ex),
        [
            fig("Homs", Measure::Killed, 6),
            fig("Idlib", Measure::Killed, 30)
        ]
    );
    let inside = ex.incidents.iter().find(|i| i.place.name == "Homs");
    assert!(inside.is_some_and(|i| i.place.precision == crate::model::GeoPrecision::Town));
}

#[test]
fn a_run_of_names_with_a_country_inside_is_no_person() {
    // Tag words run into the text: "Idlib" ends a run of names, but with a country inside
    // the run it is no surname, and stays a place for the rest of the article.
    let ex = read(
        "Topics Syria Idlib airstrike Monday. Jets killed seven people in the city of Idlib \
         on Monday.",
    );
    assert_eq!(figures(&ex), [fig("Idlib", Measure::Killed, 7)]);
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
fn two_lone_places_of_two_countries_do_not_make_each_other_foreign() {
    // "Foix" is one place; "Zabadani" has two entries.
    let ex = read("Residents of Foix left. Some 160 gunmen had remained in Zabadani.");
    assert!(ex.incidents.iter().any(|i| i.place.name == "Zabadani"));
    // Clear evidence for one country still makes a lone small place abroad a namesake.
    let ex = read(
        "Jets struck Homs, Hama, Idlib and Douma in Syria. Some 160 gunmen had remained in \
         Foix.",
    );
    assert!(ex.incidents.iter().all(|i| i.place.name != "Foix"));
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
fn the_province_of_a_great_city_is_the_province() {
    for text in [
        "At least 300 people have been killed in clashes in the province of Aleppo.",
        "At least 300 people have been killed in clashes in Aleppo province.",
    ] {
        assert_only_regional(text);
    }
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
fn a_figure_in_an_unnamed_village_does_not_wait_for_the_leads_facility() {
    let ex = read(
        "A car bomb hit a hospital on Sunday, killing four people. Troops executed 48 people \
         in a northern village earlier this week. The hospital in Homs was badly damaged.",
    );
    assert_eq!(figures(&ex), [fig("Homs", Measure::Killed, 4)]);
    assert!(ex
        .unattached
        .iter()
        .any(|u| u.value == 48 && u.reason.contains("no town")));
}

#[test]
fn a_town_abroad_is_not_where_the_articles_unnamed_places_lie() {
    // "Zorkivka" is a made-up name for a hospital the gazetteer does not hold: it lies in the
    // last town of the article's country named before it, not in a town abroad.
    let ex = read(
        "Shelling hit Homs and Hama. Protesters marched in Paris on Monday. A doctor said he \
         saw 80 bodies at the Zorkivka hospital.",
    );
    assert_eq!(figures(&ex), [fig("Zorkivka, Hama", Measure::Killed, 80)]);
}

#[test]
fn on_a_tie_the_country_the_article_names_is_its_own() {
    // One town and the country itself against two small towns abroad written by other
    // names of theirs.
    let ex = read(
        "Jets struck Yabroud in Syria. Shells also fell on Aquae Sulis and Eboracum, killing \
         four people.",
    );
    assert_all_in(&ex, "SY");
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
