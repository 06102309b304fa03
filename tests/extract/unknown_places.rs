//! A place the gazetteer lacks, named with the province that holds it, is an incident in
//! that province: placed at the province, at its precision, under the name the text gives,
//! with a note naming the place to add. A place told without a name, or a province alone,
//! stays a regional figure. Sentences written for these tests.

use incimap::extract::Extraction;
use incimap::model::{GeoPrecision, Measure};

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-06-03", text)
}

/// (place name, precision, killed) of every incident.
fn incidents(ex: &Extraction) -> Vec<(String, GeoPrecision, Option<u64>)> {
    ex.incidents
        .iter()
        .map(|i| {
            let killed = i
                .figures
                .iter()
                .find(|f| f.measure == Measure::Killed)
                .and_then(|f| f.best);
            (i.place.name.clone(), i.place.precision, killed)
        })
        .collect()
}

fn noted(ex: &Extraction, name: &str) -> bool {
    ex.notes
        .iter()
        .any(|n| n.message.contains(name) && n.message.contains("not in the gazetteer"))
}

/// One incident, "Mbalako, Trans Nzoia", at the province's precision with 3 killed, a note
/// naming Mbalako as a place to add, and no regional figure.
fn assert_three_killed_at_mbalako_in_trans_nzoia(text: &str) {
    let ex = read(text);
    assert_eq!(
        incidents(&ex),
        [(
            "Mbalako, Trans Nzoia".to_string(),
            GeoPrecision::Admin1,
            Some(3)
        )],
        "{text}"
    );
    assert!(noted(&ex, "Mbalako"), "{text}: {:?}", ex.notes);
    assert!(ex.regional.is_empty(), "{text}: {:?}", ex.regional);
}

#[test]
fn an_unknown_village_with_its_province_is_an_incident_in_that_province() {
    let cases = [
        "On 1 June, gunmen killed three farmers in Mbalako village (Trans Nzoia).",
        "On 1 June, gunmen killed three farmers in Mbalako village, Trans Nzoia.",
        "On 1 June, soldiers shelled Mbalako in the northern countryside of Trans Nzoia, \
         killing three farmers.",
        // A compass word before the province, after a comma or where the comma was lost.
        "On 1 June, gunmen killed three farmers in Mbalako, western Trans Nzoia.",
        "On 1 June, gunmen killed three farmers in Mbalako western Trans Nzoia county.",
    ];
    for text in cases {
        assert_three_killed_at_mbalako_in_trans_nzoia(text);
    }
}

#[test]
fn an_unknown_area_of_an_unknown_district_is_placed_at_the_province_named_after_it() {
    let ex =
        read("On 1 June, two soldiers were killed in the Kibwe area of Lodara district, Turkana.");
    let got = incidents(&ex);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!((got[0].1, got[0].2), (GeoPrecision::Admin1, Some(2)));
    assert!(got[0].0.starts_with("Lodara"), "{got:?}");
    // Dutch: the village in brackets with its province.
    let ex = read("Op 1 juni werden twee soldaten gedood in het dorp Lodara (Turkana).");
    assert_eq!(
        incidents(&ex),
        [("Lodara, Turkana".to_string(), GeoPrecision::Admin1, Some(2))]
    );
}

#[test]
fn a_strike_on_an_unknown_place_in_a_province_is_an_incident_without_figures_too() {
    let ex = read(
        "On 1 June, soldiers shelled Mbalako in the northern countryside of Trans Nzoia. No \
         one was hurt.",
    );
    let got = incidents(&ex);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "Mbalako, Trans Nzoia");
    assert_eq!(got[0].1, GeoPrecision::Admin1);
    assert!(noted(&ex, "Mbalako"), "{:?}", ex.notes);
}

#[test]
fn a_place_told_without_a_name_or_a_province_alone_stays_regional() {
    for text in [
        "On 1 June, two soldiers were killed at an unknown location in Turkana.",
        "On 1 June, two soldiers were killed in a town in Turkana.",
        "On 1 June, two soldiers were killed in Turkana county.",
    ] {
        let ex = read(text);
        assert!(ex.incidents.is_empty(), "{text}: {:?}", incidents(&ex));
        assert!(ex.notes.is_empty(), "{text}: {:?}", ex.notes);
    }
}

#[test]
fn a_province_named_like_another_countrys_needs_the_article_to_say_which() {
    // Two countries have a first-level division of this name; nothing else in the text says
    // which: the figure is kept apart (regional or unattached) rather than drawn in one of
    // them.
    let text = "On 1 June, gunmen killed two guards at a sawmill in Quelmo (Los Rios).";
    let ex = read(text);
    assert!(ex.incidents.is_empty(), "{:?}", incidents(&ex));
    let kept: Vec<u64> = ex
        .regional
        .iter()
        .chain(&ex.unattached)
        .map(|u| u.value)
        .collect();
    assert_eq!(kept, [2]);
    // Another place of the article in one of them says which.
    let text = "On 1 June, gunmen killed two guards in Quelmo village (Los Rios). Police in \
                Valdivia said the attackers fled.";
    let ex = read(text);
    let got = incidents(&ex);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(ex.incidents[0].place.country_code.as_deref(), Some("CL"));
}

#[test]
fn an_unnamed_area_of_an_unknown_place_is_where_that_place_is_put() {
    // "an area of X": the text names X, and X (unknown, with its province) holds the figure.
    let ex = read(
        "On 1 June, herders killed four traders at an unspecified area of Lodara district \
         (Turkana).",
    );
    let got = incidents(&ex);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!((got[0].1, got[0].2), (GeoPrecision::Admin1, Some(4)));
    assert!(got[0].0.starts_with("Lodara"), "{got:?}");
    assert!(ex.unattached.is_empty(), "{:?}", ex.unattached);
    // An area of nothing named stays a place told without a name.
    let ex = read("On 1 June, herders killed four traders in an area of heavy fighting.");
    assert!(ex.incidents.is_empty(), "{:?}", incidents(&ex));
}

#[test]
fn a_name_people_come_from_is_no_reason_to_leave_their_toll_unattached() {
    // "from the Foo community": where the victims come from, neither the place of the
    // killing nor a place to add to the gazetteer.
    for text in [
        "On 1 June, gunmen killed five herders from the Mbalako community at a well near \
         Lodwar.",
        "On 1 June, gunmen killed five herders [said to be from the Mbalako community] at a well \
         near Lodwar.",
    ] {
        let ex = read(text);
        let got = incidents(&ex);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!((got[0].0.as_str(), got[0].2), ("Lodwar", Some(5)), "{text}");
        assert!(!noted(&ex, "Mbalako"), "{text}: {:?}", ex.notes);
    }
}

#[test]
fn an_unknown_village_with_an_unknown_district_and_its_province_is_in_that_province() {
    // "Foo village (Bar, Province)": the district between is unknown too; the province still
    // says where.
    for text in [
        "On 1 June, gunmen killed three farmers in Mbalako village (Lodara, Trans Nzoia).",
        // Without a word for a village, after a locative.
        "On 1 June, gunmen killed three farmers in Mbalako (Lodara, Trans Nzoia).",
    ] {
        assert_three_killed_at_mbalako_in_trans_nzoia(text);
    }
}

#[test]
fn an_unknown_name_after_a_locative_and_before_its_province_is_a_place_there() {
    for text in [
        "On 1 June, gunmen killed three farmers in Mbalako in Trans Nzoia.",
        "On 1 June, gunmen killed three farmers in Mbalako, Trans Nzoia.",
        "On 1 June, gunmen killed three farmers in Mbalako town in Trans Nzoia.",
    ] {
        assert_three_killed_at_mbalako_in_trans_nzoia(text);
    }
    // A town the gazetteer has only abroad is such a name too: Foix is a French town.
    let ex = read("On 1 June, residents protested in Foix, Trans Nzoia, over water cuts.");
    assert_eq!(
        incidents(&ex)
            .into_iter()
            .map(|(name, precision, _)| (name, precision))
            .collect::<Vec<_>>(),
        [("Foix, Trans Nzoia".to_string(), GeoPrecision::Admin1)]
    );
}

#[test]
fn capitalised_common_words_or_people_before_a_province_are_no_place() {
    for text in [
        "Three Farmers Killed in Bandit Attacks in Trans Nzoia",
        "On 1 June, three farmers were killed by Police in Trans Nzoia.",
    ] {
        let ex = read(text);
        assert!(
            ex.incidents.iter().all(|i| !i.place.name.contains(',')),
            "{text}: {:?}",
            incidents(&ex)
        );
    }
}

#[test]
fn a_particle_inside_an_unknown_name_or_a_district_word_after_it_keeps_it_one_name() {
    let ex = read("On 1 June, gunmen killed three farmers in Mbalako del Rio, Trans Nzoia.");
    let got = incidents(&ex);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "Mbalako del Rio, Trans Nzoia");
    let ex = read("On 1 June, gunmen killed three farmers in Mbalako district, Trans Nzoia.");
    let got = incidents(&ex);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "Mbalako, Trans Nzoia");
}

#[test]
fn the_part_of_the_province_named_after_in_still_holds_an_unknown_name() {
    // "in Foo in the western countryside of Province", "in Foo in eastern Province": the
    // words after the second "in" only say which part of the province.
    for text in [
        "On 1 June, gunmen killed three farmers in Mbalako in the western countryside of \
         Trans Nzoia.",
        "On 1 June, gunmen killed three farmers in Mbalako in northern Trans Nzoia.",
        // A compass word and the country in the possessive only say which province.
        "On 1 June, gunmen killed three farmers in the Mbalako community in western Kenya's \
         Trans Nzoia county.",
        "On 1 June, gunmen killed three farmers in Mbalako village in northwestern Kenya's \
         Trans Nzoia.",
    ] {
        assert_three_killed_at_mbalako_in_trans_nzoia(text);
    }
}

#[test]
fn the_land_around_an_unknown_name_does_not_cut_it_from_its_province() {
    // "Foo and its outskirts in Province", "Foo and surrounding areas in the countryside of
    // Province": the struck place is Foo, in that province.
    for text in [
        "On 1 June, soldiers shelled Mbalako and its outskirts in the northern countryside of \
         Trans Nzoia.",
        "On 1 June, soldiers shelled Mbalako and surrounding areas in Trans Nzoia.",
        "On 1 June, police fired tear gas at protesters in Mbalako and nearby villages in \
         Trans Nzoia.",
    ] {
        assert_one_incident_at_mbalako_in_trans_nzoia(text);
    }
}

/// One incident, "Mbalako, Trans Nzoia", at the province's precision (its figures aside).
fn assert_one_incident_at_mbalako_in_trans_nzoia(text: &str) {
    let got = incidents(&read(text));
    let places: Vec<(&str, GeoPrecision)> = got.iter().map(|i| (i.0.as_str(), i.1)).collect();
    assert_eq!(
        places,
        [("Mbalako, Trans Nzoia", GeoPrecision::Admin1)],
        "{text}"
    );
}

#[test]
fn a_struck_or_kind_named_unknown_place_before_its_bracketed_province_is_there() {
    // "attacked Foo (Bar, Province)": the strike verb governs the name as "in" would; "at
    // Foo area (Province)": the word for its kind closes the name.
    for text in [
        "On 1 June, gunmen attacked Mbalako (Lodara, Trans Nzoia), killing three farmers.",
        "On 1 June, gunmen killed three farmers at Mbalako area (Trans Nzoia).",
    ] {
        assert_three_killed_at_mbalako_in_trans_nzoia(text);
    }
}

#[test]
fn a_province_resembling_another_countrys_only_after_folding_has_no_rival() {
    // "Sadah" is a Yemeni governorate as written; a province of Mayotte matches it only
    // when spelled "Sada". The bracket alone says where the unknown village lies.
    let ex = read("On 1 June, artillery shelled Mbalako (Sadah), killing three farmers.");
    let got = incidents(&ex);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        (got[0].0.as_str(), got[0].1),
        ("Mbalako, Sadah", GeoPrecision::Admin1)
    );
    assert_eq!(ex.incidents[0].place.country_code.as_deref(), Some("YE"));
}

#[test]
fn a_chain_of_unknown_names_ends_at_the_province_that_holds_them_all() {
    // Village, area, district: none in the gazetteer; the province after them says where,
    // and the toll of the village goes there with it.
    assert_three_killed_at_mbalako_in_trans_nzoia(
        "On 1 June, gunmen killed three farmers in Mbalako village (Kibwe area) in Lodara \
         district, Trans Nzoia.",
    );
}

#[test]
fn a_part_of_a_town_named_with_the_word_for_one_lies_in_the_town() {
    // "Colonia ..." opens the name of a neighbourhood; the gazetteer's places of that name lie
    // hundreds of km away (one in Mexico City, one in Hidalgo).
    for text in [
        "On Sunday, gunmen shot dead a shopkeeper in Colonia del Valle in Fresnillo, Zacatecas.",
        "Gunmen shot dead a shopkeeper in Fresnillo, Zacatecas, on Sunday. The attack took place \
         in Colonia Benito Juarez.",
    ] {
        let ex = read(text);
        let got = incidents(&ex);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        let place = &ex.incidents[0].place;
        assert_eq!(
            place.canonical_name.as_deref(),
            Some("Fresnillo"),
            "{text}: {got:?}"
        );
        assert_eq!(got[0].2, Some(1), "{text}");
    }
    // A place of that name near the town the text names is the place.
    let ex = read("On Sunday, gunmen shot dead a shopkeeper in Colonia del Valle, Mexico City.");
    let place = &ex.incidents[0].place;
    assert_eq!(place.canonical_name.as_deref(), Some("Colonia del Valle"));
}

#[test]
fn a_part_of_a_town_named_with_the_portuguese_word_for_one_lies_in_the_town() {
    // "Vila ..." opens a district's name in Brazil; the gazetteer's place of that spelling
    // lies in another continent.
    let ex =
        read("In Rio de Janeiro, shoot-outs took place in Vila Isabel and Tijuca neighbourhoods.");
    let names: Vec<Option<&str>> = ex
        .incidents
        .iter()
        .map(|i| i.place.canonical_name.as_deref())
        .collect();
    assert_eq!(names, [Some("Rio de Janeiro")], "{:?}", ex.places);
    assert!(
        ex.places.iter().all(|m| m.country_code == "BR"),
        "{:?}",
        ex.places
    );
}

#[test]
fn a_name_with_a_lower_case_article_after_in_is_a_place_of_its_own() {
    // "al-Manyatta" is not in the gazetteer: its death is left unattached with the name,
    // not added to the incident at the town told before.
    let ex = read(
        "On 1 June, gunmen killed four people in a market in Kitale. One man was shot dead \
         in al-Manyatta.",
    );
    assert_eq!(
        incidents(&ex),
        [("Kitale".to_string(), GeoPrecision::Town, Some(4))]
    );
    assert!(
        ex.unattached
            .iter()
            .any(|u| u.reason.contains("al-Manyatta")),
        "{:?}",
        ex.unattached
    );
}

#[test]
fn an_unknown_village_given_with_its_town_and_province_is_near_the_town_without_figures_too() {
    // The town in brackets says where the village lies, as the district it names; the
    // incident is near that town under the village's name, not at the town itself.
    for text in [
        "On 3 June 2024, residents protested in Kapsoya (Eldoret, Uasin Gishu) against water \
         cuts.",
        "On 3 June 2024, residents protested in Kapsoya village (Eldoret, Uasin Gishu) against \
         water cuts.",
        "On 3 June 2024, residents protested in Kapsoya, Eldoret, against water cuts.",
    ] {
        let ex = read(text);
        assert_eq!(
            incidents(&ex),
            [("Kapsoya, Eldoret".to_string(), GeoPrecision::NearTown, None)],
            "{text}"
        );
    }
    // With a figure after the province, too.
    let ex = read(
        "On 3 June 2024, a fight broke out between two clans in Kapsoya town (Eldoret, Uasin \
         Gishu) over land, killing two men.",
    );
    assert_eq!(
        incidents(&ex),
        [(
            "Kapsoya, Eldoret".to_string(),
            GeoPrecision::NearTown,
            Some(2)
        )]
    );
}

#[test]
fn a_town_named_again_with_each_of_its_divisions_is_that_town() {
    // "Foo Town, Foo Township, Foo District": one place, its name written thrice (here with
    // a hyphen the gazetteer writes as a space), not a village named Foo near the town.
    let ex = read(
        "On 2 June 2024, soldiers shot dead two farmers on the outskirts of Mrauk-U Town, \
         Mrauk-U Township, Mrauk-U District, Rakhine State.",
    );
    assert_eq!(
        incidents(&ex),
        [("Mrauk-U".to_string(), GeoPrecision::Town, Some(2))]
    );
}

#[test]
fn an_unknown_name_with_its_article_in_lower_case_is_a_name_too() {
    // "al-Mbalako": the article joined in lower case, the name in capitals after it.
    let ex = read("On 1 June, gunmen killed three farmers in al-Mbalako in Trans Nzoia.");
    assert_eq!(
        incidents(&ex),
        [(
            "al-Mbalako, Trans Nzoia".to_string(),
            GeoPrecision::Admin1,
            Some(3)
        )],
        "{:?}",
        ex.unattached
    );
}
