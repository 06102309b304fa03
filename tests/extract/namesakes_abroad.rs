//! A village the gazetteer lacks, named with the division that holds it, is not put at a
//! namesake in another country: the division then says where the event was, and its
//! figures are regional. Sentences written for these tests; places from the built-in
//! gazetteer: Foix (a small French town), the Tanzanian region Kigoma, the Ghanaian city
//! Kumasi (seat of the Ashanti region), Kenyan towns near county boundaries, and names
//! with many namesakes (Havana, Santiago, San Miguel) put in a division that holds one; and
//! small towns abroad (Bancroft in Canada, Nuba in Palestine) whose names stand for no place
//! in a sentence about Uganda.

use incimap::extract::Extraction;

use crate::common;

fn read(sentence: &str) -> Extraction {
    common::read_sentence("2024-05-02", sentence)
}

/// Neither the mentions written as `name` nor any incident are read in `country`.
fn assert_not_read_in(sentence: &str, name: &str, country: &str) {
    let ex = read(sentence);
    assert!(
        !common::mention_countries(&ex, name)
            .iter()
            .any(|c| c == country),
        "{sentence}: {:?}",
        ex.places
    );
    assert!(
        ex.incidents
            .iter()
            .all(|i| i.place.country_code.as_deref() != Some(country)),
        "{sentence}: {:?}",
        ex.incidents
    );
}

fn assert_no_namesake_abroad(sentence: &str) {
    let ex = read(sentence);
    assert!(
        common::mention_countries(&ex, "Foix").is_empty(),
        "{sentence}: {:?}",
        ex.places
    );
    assert_not_read_in(sentence, "Foix", "FR");
}

#[test]
fn a_village_in_a_named_region_is_no_small_town_of_that_name_abroad() {
    let sentence = "Gunmen killed 4 people in the village of Foix in Kigoma region on Monday.";
    assert_no_namesake_abroad(sentence);
    // The deaths are drawn at no town: the village the gazetteer lacks is placed in the
    // region named with it, at the region's precision, with a note naming it.
    let ex = read(sentence);
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    let place = &ex.incidents[0].place;
    assert_eq!(place.country_code.as_deref(), Some("TZ"));
    assert_eq!(place.precision, incimap::model::GeoPrecision::Admin1);
    assert!(
        ex.notes.iter().any(|n| n.message.contains("Foix")),
        "{:?}",
        ex.notes
    );
}

#[test]
fn the_region_may_follow_as_the_countryside_of_it() {
    assert_no_namesake_abroad(
        "Gunmen killed 4 people in the village of Foix in the western countryside of Kigoma.",
    );
    assert_no_namesake_abroad("Gunmen killed 4 people in Foix in the province of Kigoma.");
}

#[test]
fn compass_words_may_stand_between_in_and_the_region() {
    assert_no_namesake_abroad("Gunmen killed 4 people near Foix in western Kigoma region.");
    assert_no_namesake_abroad("Gunmen killed 4 people at Foix in the north-western Kigoma region.");
}

#[test]
fn dutch_puts_the_compass_word_and_the_division_word_before_the_region() {
    assert_no_namesake_abroad(
        "Gewapende mannen hebben maandag bij Foix in de westelijke regio Kigoma 4 mensen gedood.",
    );
    assert_no_namesake_abroad(
        "Gewapende mannen hebben maandag in het dorp Foix in de provincie Kigoma 4 mensen gedood.",
    );
}

#[test]
fn a_province_the_gazetteer_writes_as_province_of_a_still_holds_the_town() {
    // Tarlac is a city and a province the gazetteer calls "Province of Tarlac"; of the
    // Philippine towns called Victoria, the one in Tarlac's region is meant, not a larger
    // namesake in another region.
    let ex = read("Rebels killed two soldiers in Victoria, Tarlac, on Monday.");
    let places: Vec<_> = ex.places.iter().filter(|m| m.text == "Victoria").collect();
    assert!(!places.is_empty(), "{:?}", ex.places);
    for m in places {
        assert_eq!(m.country_code, "PH", "{m:?}");
        // Central Luzon lies north of 15° N; the other Victorias of the country south of it.
        assert!(m.lat > 15.0, "{m:?}");
    }
}

#[test]
fn a_word_for_an_area_or_a_desert_may_stand_before_the_region() {
    assert_no_namesake_abroad("Gunmen killed 4 people in Foix area in Kigoma region.");
    assert_no_namesake_abroad("A mine killed 4 shepherds in Foix desert in Kigoma region.");
}

#[test]
fn a_region_written_as_its_capital_city_still_holds_the_village() {
    // No region of Ghana is called Kumasi; its city stands for the region it is seat of.
    assert_no_namesake_abroad("Gunmen killed 4 people in the village of Foix in Kumasi region.");
}

#[test]
fn a_name_the_gazetteer_lacks_may_stand_between_village_and_region() {
    // "Kazimoto" is made up: a district or village the gazetteer does not know.
    assert_no_namesake_abroad("Gunmen killed 4 people in Foix (Kazimoto, Kigoma).");
    assert_no_namesake_abroad("Gunmen killed 4 people in Foix, Kazimoto, Kigoma.");
}

#[test]
fn where_someone_comes_from_need_not_lie_in_the_region_named_after_it() {
    // They fled from Foix and are now in Kigoma: Foix is not contradicted.
    let ex = read("Refugees from Foix in Kigoma region said on Monday that 4 people died.");
    assert_eq!(common::mention_countries(&ex, "Foix"), ["FR"]);
}

#[test]
fn a_spelling_that_only_machine_romanisation_gives_is_no_large_city_abroad() {
    // "Marabo" is how a Japanese romanisation spells Malabo: an approximate match, and so
    // no reading of a village in Kigoma however large the city is.
    let ex = read("Gunmen killed 4 people in Marabo, Kigoma.");
    assert!(
        common::mention_countries(&ex, "Marabo").is_empty(),
        "{:?}",
        ex.places
    );
}

#[test]
fn a_town_just_across_the_county_line_is_kept() {
    // Webuye lies in Bungoma county, Othaya in Nyeri county, each a few tens of kilometres
    // from the county the text names: the text and the gazetteer disagree on a boundary.
    for (sentence, town) in [
        ("Gunmen killed 4 people in Webuye, Kakamega.", "Webuye"),
        ("Gunmen killed 4 people in Othaya, Kirinyaga.", "Othaya"),
    ] {
        let ex = read(sentence);
        assert_eq!(common::mention_countries(&ex, town), ["KE"], "{sentence}");
        assert_eq!(ex.incidents.len(), 1, "{sentence}: {:?}", ex.incidents);
        assert_eq!(ex.incidents[0].place.name, town, "{sentence}");
    }
}

#[test]
fn a_mid_sized_town_abroad_before_a_region_is_a_village_the_gazetteer_lacks() {
    // Troyes (a French city of some 60,000) is not what "Troyes, Kigoma region" means: a
    // place and its region are an address, not two places side by side in two countries.
    for sentence in [
        "Gunmen killed 4 people in Troyes, Kigoma region, on Monday.",
        "Gunmen killed 4 people in Troyes (Kigoma) on Monday.",
    ] {
        assert_not_read_in(sentence, "Troyes", "FR");
    }
}

#[test]
fn a_town_before_a_name_that_is_also_a_district_of_its_own_country_is_kept() {
    // "Bari" is a Somali region and an Italian province: the Italian town of Molfetta
    // before it is read in Italy, not dropped as a namesake of a Somali village.
    let ex = read("Protesters blocked a road in Molfetta, Bari, on Monday.");
    assert_eq!(
        common::mention_countries(&ex, "Molfetta"),
        ["IT"],
        "{:?}",
        ex.places
    );
}

#[test]
fn a_word_for_the_seat_of_a_district_may_stand_before_its_division() {
    // "X district center, Y": Y still holds X, so a small town X abroad is a namesake.
    assert_no_namesake_abroad("Gunmen killed 4 people in Foix district center, Kigoma.");
    assert_no_namesake_abroad("Gunmen killed 4 people in Foix district headquarters, Kigoma.");
}

/// (country, first-level division) of the first incident.
fn incident_division(sentence: &str) -> (Option<String>, Option<String>) {
    let ex = read(sentence);
    let Some(first) = ex.incidents.first() else {
        panic!("{sentence}: no incident");
    };
    (first.place.country_code.clone(), first.place.admin1.clone())
}

#[test]
fn a_name_in_a_named_division_is_the_namesake_there_however_large_another() {
    // A capital of two million and a small town of the same name in the state named after
    // it: the text names the state, so the town is meant.
    let got = incident_division("Hundreds of teachers marched in Havana, Florida, on Tuesday.");
    assert_eq!(got, (Some("US".into()), Some("Florida".into())));
    // A name with more namesakes than the resolver ranks out of context: the one in the
    // named province is looked up all the same.
    let got = incident_division("Hundreds of teachers marched in Santiago, Loja, on Tuesday.");
    assert_eq!(got, (Some("EC".into()), Some("Loja".into())));
    let got = incident_division("Hundreds of teachers marched in San Miguel, Hidalgo, on Tuesday.");
    assert_eq!(got, (Some("MX".into()), Some("Hidalgo".into())));
}

#[test]
fn a_small_town_abroad_that_nothing_is_put_at_is_no_place_of_the_story() {
    // "a Bancroft convoy" names the convoy's company; the blast was near Kyondo, in Kasese.
    let sentence = "On 2 March, a roadside bomb hit a Bancroft security convoy near Kyondo \
                    village (Kasese, Western). The rebels said they killed five soldiers.";
    assert_not_read_in(sentence, "Bancroft", "CA");
    let ex = read(sentence);
    assert_eq!(
        common::best_by_place(&ex, incimap::model::Measure::Killed),
        [("Kyondo, Kasese".to_string(), Some(5))]
    );
    // "Nuba herders" names a people; the clash was in Kasese district.
    assert_not_read_in(
        "On 2 March, Bakonzo and Nuba herders clashed at an unknown spot in Kasese district.",
        "Nuba",
        "PS",
    );
}

#[test]
fn the_area_of_a_city_named_after_of_holds_the_name_before_it() {
    // "the X area of Y": X is a part of Y, not a namesake of X in another country.
    assert_not_read_in(
        "On 1 May, police fired tear gas at protesters in the Bole area of Addis Ababa.",
        "Bole",
        "CN",
    );
    let ex = read("On 1 May, police fired tear gas at protesters in the Bole area of Addis Ababa.");
    assert_eq!(
        ex.incidents
            .iter()
            .map(|i| i.place.country_code.clone())
            .collect::<Vec<_>>(),
        [Some("ET".to_string())]
    );
}

#[test]
fn a_village_near_a_town_is_no_namesake_far_from_that_town() {
    // The gazetteer knows "Arzoo" and "Banah" only as other names of towns in Iran; a place
    // the text puts near Garissa is a village the gazetteer lacks, placed near Garissa.
    for (sentence, name) in [
        (
            "Gunmen killed two herders in Arzoo village near Garissa town on Sunday.",
            "Arzoo",
        ),
        (
            "Gunmen killed two herders in Banah, not far from Garissa.",
            "Banah",
        ),
        (
            "Gewapende mannen hebben zondag in het dorp Arzoo, vlak bij Garissa, twee herders \
             gedood.",
            "Arzoo",
        ),
    ] {
        assert_not_read_in(sentence, name, "IR");
        let ex = read(sentence);
        assert_eq!(common::incident_countries(&ex), ["KE"], "{sentence}");
        assert_eq!(
            ex.incidents[0].place.precision,
            incimap::model::GeoPrecision::NearTown
        );
    }
}

#[test]
fn near_a_country_says_nothing_of_how_far() {
    let sentence = "Gunmen killed two herders in Arzoo village near the border with Iran.";
    let ex = read(sentence);
    assert_eq!(common::mention_countries(&ex, "Arzoo"), ["IR"]);
}

#[test]
fn a_ministrys_or_facultys_field_is_no_place() {
    // "the Faculty of Law": a Scottish village bears the name, the text means the subject.
    // ("Tunis" is also Tunisia's name in languages incimap does not read: here the city.)
    for text in [
        "On 1 June, students staged a sit-in at the Faculty of Law in Mombasa.",
        "On 1 June, students staged a sit-in at the Faculty of Law in the Kolbeyiri area of \
         Tunis.",
    ] {
        let ex = common::read_sentence("2024-06-03", text);
        let places: Vec<&str> = ex.incidents.iter().map(|i| i.place.name.as_str()).collect();
        assert_eq!(places.len(), 1, "{text}: {places:?}");
        assert!(
            ["Mombasa", "Tunis"].contains(&places[0]),
            "{text}: {places:?}"
        );
    }
}

#[test]
fn countries_a_place_is_compared_with_make_no_namesake_of_it() {
    // "than A or B" says what a place is measured against, not where the text is: the county
    // stays a county of its own country.
    for (sentence, county, country) in [
        (
            "Harris County has more voters than Ireland or Denmark.",
            "Harris County",
            "US",
        ),
        (
            "Harris County telt meer kiezers dan Ierland of Denemarken.",
            "Harris County",
            "US",
        ),
    ] {
        let ex = read(sentence);
        assert_eq!(
            common::mention_countries(&ex, county),
            [country],
            "{sentence}: {:?}",
            ex.places
        );
    }
}

#[test]
fn a_territory_of_the_country_the_text_is_about_is_no_namesake_abroad() {
    // Saipan has a country code of its own (the Northern Mariana Islands) but belongs to the
    // United States: among US cities it is no lone town abroad.
    let ex = read("The carrier visited Honolulu, Anchorage, Saipan and Seattle this spring.");
    assert_eq!(
        common::mention_countries(&ex, "Saipan"),
        ["MP"],
        "{:?}",
        ex.places
    );
}
