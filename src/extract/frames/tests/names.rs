//! Which names are places: capitals that speak for their governments, names of persons and
//! groups, namesakes abroad, divisions and the cities named after them.

use super::*;

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
fn a_day_name_after_a_place_ends_the_name() {
    let ex = read("Jets killed 10 people in Homs Saturday the monitor said.");
    assert_eq!(figures(&ex), [fig("Homs", Measure::Killed, 10)]);
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
    // The incident is in the division, at its precision, under the village's name.
    let ex = read("Mortars hit army positions near Zbrukhivka, Luhansk on Monday.");
    let places: Vec<_> = ex
        .incidents
        .iter()
        .map(|i| (i.place.name.clone(), i.place.precision))
        .collect();
    assert_eq!(
        places,
        [(
            "Zbrukhivka, Luhansk".to_string(),
            crate::model::GeoPrecision::Admin1
        )]
    );
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
fn the_province_of_a_great_city_is_the_province() {
    for text in [
        "At least 300 people have been killed in clashes in the province of Aleppo.",
        "At least 300 people have been killed in clashes in Aleppo province.",
    ] {
        assert_only_regional(text);
    }
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
