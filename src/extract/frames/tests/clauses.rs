//! Which place a figure goes to: the place of its own clause, a division that only holds a
//! town, names the gazetteer lacks placed at or near the town they are named with.

use super::*;

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
fn a_village_the_gazetteer_lacks_is_placed_near_the_town_it_is_named_with() {
    let ex = read("Two farmers were killed in Qarqouriyeh village (Homs, Syria) on Monday.");
    assert_eq!(figures(&ex), [fig("Qarqouriyeh, Homs", Measure::Killed, 2)]);
    assert_eq!(
        ex.incidents[0].place.precision,
        crate::model::GeoPrecision::NearTown
    );
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
fn a_count_in_a_clause_about_an_earlier_event_takes_its_place_with_it() {
    // "hours after ... left dozens dead in Garissa": Garissa is the earlier attack's place,
    // not the place of the 19 (who died near Mwingi, or somewhere the text does not name).
    let ex = read(
        "At least 19 people were killed near Mwingi on Tuesday, including six children, just \
         hours after a gas attack left dozens dead in Garissa.",
    );
    assert_eq!(
        figures(&ex),
        [
            ("Mwingi".to_string(), Measure::Killed, 19),
            ("Garissa".to_string(), Measure::Killed, 12)
        ]
    );
    let unnamed = read(
        "At least 19 people were killed on Tuesday, including six children, just hours after a \
         gas attack left dozens dead in Garissa.",
    );
    assert_eq!(
        figures(&unnamed),
        [("Garissa".to_string(), Measure::Killed, 12)]
    );
    assert!(unnamed.unattached.iter().any(|u| u.value == 19));
    // A cause clause with no count of its own leaves the place to the count.
    let one =
        read("Eight civilians including three children were killed after shells hit Garissa.");
    assert_eq!(figures(&one), [("Garissa".to_string(), Measure::Killed, 8)]);
}
