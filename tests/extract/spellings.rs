//! Place names as reporters spell them: transliterated names with a hyphenated article
//! ("ash-", "ez-", "el-") are recognised whole in running text, and a name written exactly as
//! one of a place's names outranks places that only match after transliteration folding.
//! Sentences written for these tests.

use incimap::extract::Extraction;

use crate::common;

fn read(sentence: &str) -> Extraction {
    common::read_sentence("2024-03-06", sentence)
}

fn places(ex: &Extraction) -> Vec<(String, String)> {
    common::places(ex)
}

#[test]
fn a_name_with_a_hyphenated_article_and_a_capital_is_read_whole() {
    // Before: "el-Sheikh" starts in lower case, so only "Sharm" was tried and nothing found.
    let ex = read("A minibus overturned near Sharm el-Sheikh on Sunday, killing four tourists.");
    assert_eq!(
        places(&ex),
        [("Sharm el-Sheikh".to_string(), "EG".to_string())]
    );
    assert_eq!(ex.incidents.len(), 1);
    assert_eq!(ex.incidents[0].place.name, "Sharm el-Sheikh");
}

#[test]
fn every_assimilated_form_of_the_article_joins_the_name() {
    // "ash-" (before sh) and "ez-" (before z) are the same article as "al-".
    for (sentence, written) in [
        (
            "Shelling hit Jisr ash-Shughur on Sunday, wounding six people.",
            "Jisr ash-Shughur",
        ),
        (
            "Shelling hit Deir ez-Zor on Sunday, wounding six people.",
            "Deir ez-Zor",
        ),
    ] {
        let ex = read(sentence);
        assert_eq!(
            places(&ex),
            [(written.to_string(), "SY".to_string())],
            "{sentence}"
        );
    }
}

#[test]
fn a_lower_case_word_after_a_hyphenated_article_is_no_name() {
    // "al-" before a lower-case word is not a name: the place before it stands alone.
    let ex = read("Guards in Hama al-qaeda-linked fighters said nothing.");
    assert!(places(&ex).iter().all(|(w, _)| w == "Hama"), "{ex:?}");
}

#[test]
fn a_name_written_as_one_places_alias_beats_other_spellings_elsewhere() {
    // The Syrian border town is listed under another main spelling with this one as an
    // alias; namesakes in three other countries match it only after transliteration folding.
    let ex = read("Two people were killed in Ras al-Ain on Sunday.");
    assert_eq!(places(&ex), [("Ras al-Ain".to_string(), "SY".to_string())]);
}

#[test]
fn a_place_bearing_the_written_name_as_its_own_still_beats_a_renamed_one() {
    // "Salisbury" is an old name of a capital elsewhere; the towns that bear it today win.
    // (Towns of much the same size in two states bear it: the state says which.)
    let ex = read("Two people died in Salisbury, Maryland on Sunday.");
    let found = places(&ex);
    assert_eq!(
        found[0],
        ("Salisbury".to_string(), "US".to_string()),
        "{found:?}"
    );
    // Without it, the reason names the towns that bear the name, not the capital.
    let ex = read("Two people died in Salisbury on Sunday.");
    assert!(places(&ex).is_empty(), "{ex:?}");
    let reason = &ex.unattached[0].reason;
    assert!(
        reason.contains("US, ") && !reason.contains("ZW"),
        "{reason}"
    );
}

#[test]
fn a_city_bearing_the_name_as_its_own_beats_a_larger_city_with_it_as_another_name() {
    // "Cancun" is the Mexican city's own name, and only a foreign spelling of Changchun.
    let ex = read("Gunmen killed two people in Cancun on Friday.");
    let found = places(&ex);
    assert_eq!(found, [("Cancun".to_string(), "MX".to_string())]);
}

#[test]
fn a_region_and_its_capital_bearing_the_name_beat_a_larger_city_with_it_as_another_name() {
    // "Puno" is among the other names of a city of three million in India; a Peruvian
    // region bears it as its own, and so does the region's capital: the city's size does
    // not make it the place.
    for sentence in [
        "Teachers marched through Puno city on Monday to demand unpaid wages.",
        "On Monday, teachers marched in Puno to demand unpaid wages.",
    ] {
        let ex = read(sentence);
        assert_eq!(
            places(&ex),
            [("Puno".to_string(), "PE".to_string())],
            "{sentence}"
        );
    }
}

#[test]
fn a_spelling_variant_of_a_name_is_no_former_name() {
    // "Kharkov" and "Lugansk" are older spellings of the Ukrainian cities, not new names: the
    // cities of hundreds of thousands win over villages that bear the spelling as their own.
    for (sentence, written) in [
        (
            "Shelling killed five people in Lugansk on Monday.",
            "Lugansk",
        ),
        (
            "Shelling killed five people in Kharkov on Monday.",
            "Kharkov",
        ),
    ] {
        let ex = read(sentence);
        assert_eq!(
            places(&ex),
            [(written.to_string(), "UA".to_string())],
            "{sentence}"
        );
    }
}

#[test]
fn a_province_written_in_its_towns_spelling_is_the_province() {
    // Only the city carries this spelling; "province" after it asks for the division that
    // bears the city's name, and a figure there is regional, never drawn at the city.
    let ex = read("Shelling killed five people in Lugansk province on Monday.");
    let kinds: Vec<&str> = ex.places.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, ["admin1"]);
    assert!(ex.incidents.is_empty());
    assert_eq!(ex.regional.len(), 1);
    // A town whose province has another name stays the town.
    let ex = read("Shelling killed five people in Kramatorsk district on Monday.");
    assert!(
        ex.places.iter().all(|p| p.kind != "admin1"),
        "{:?}",
        ex.places
    );
}

#[test]
fn a_name_split_by_a_hyphen_finds_the_place_written_as_one_word() {
    // The gazetteer writes "Chefchaouen"; reporters also write "Chef-Chaouen".
    let ex = read("Riot police dispersed a march in Chef-Chaouen on Friday.");
    assert_eq!(
        places(&ex),
        [("Chef-Chaouen".to_string(), "MA".to_string())]
    );
}

#[test]
fn a_hospital_named_after_its_town_does_not_make_the_town_a_surname() {
    // "... General Hospital Riobamba" would read "Riobamba" as the last word of a person's
    // name, and drop the town wherever the article names it.
    let ex = read(
        "In Latacunga, nurses of the Provincial General Hospital Latacunga staged a \
         demonstration for protective equipment.",
    );
    assert!(
        places(&ex).contains(&("Latacunga".to_string(), "EC".to_string())),
        "{:?}",
        places(&ex)
    );
    assert_eq!(ex.incidents.len(), 1);
}

#[test]
fn a_place_before_its_country_with_the_comma_lost_is_still_a_place() {
    // "in A Tanzania police said": the country's name does not join the town into a longer
    // proper name.
    let ex = read("Four fishermen drowned near Musoma Tanzania police said on Monday.");
    assert!(
        places(&ex).contains(&("Musoma".to_string(), "TZ".to_string())),
        "{:?}",
        places(&ex)
    );
}

#[test]
fn a_romance_preposition_inside_a_place_name_keeps_the_name_whole() {
    // "a", "di": lower-case words inside Italian (and Spanish) names; read as a break, only
    // "Pieve" or "Castel" would be looked up, and found elsewhere.
    for name in ["Pieve a Nievole", "Castel di Sangro"] {
        let ex = read(&format!("Farmers blocked a road in {name} on Monday."));
        assert_eq!(
            places(&ex),
            [(name.to_string(), "IT".to_string())],
            "{name}"
        );
    }
    // An English article before a capitalised word is no part of a name.
    let ex = read("In Pieve a Man was arrested on Monday.");
    assert!(
        places(&ex).iter().all(|(n, _)| !n.contains(" a ")),
        "{:?}",
        places(&ex)
    );
}

#[test]
fn an_apostrophe_inside_a_transliterated_name_is_no_contraction() {
    // "Ba'albek", "Sa'dah": the apostrophe stands for a glottal stop or an ayn.
    for (name, country) in [("Ba'albek", "LB"), ("Sa'dah", "YE")] {
        let ex = read(&format!(
            "Gunmen shot dead a shopkeeper in {name} on Monday."
        ));
        assert_eq!(places(&ex), [(name.to_string(), country.to_string())]);
        assert_eq!(ex.incidents.len(), 1);
    }
    // Contractions are still no names.
    let ex = read("We'd heard shelling near Homs. They'll return, Don't worry.");
    assert!(
        places(&ex).iter().all(|(n, _)| !n.contains('\'')),
        "{:?}",
        places(&ex)
    );
}

#[test]
fn a_city_and_its_district_joined_by_a_hyphen_is_the_city() {
    // "Nairobi-Kasarani", "Kampala-Nakawa Division": the way event data sets name a city's
    // districts. The gazetteer lacks the joined name; the city is where it happened, and
    // the district's further words are no place of their own.
    for (name, country) in [
        ("Nairobi-Kasarani", "KE"),
        ("Kampala-Nakawa Division", "UG"),
    ] {
        let ex = read(&format!(
            "Police dispersed traders who blocked a road in {name} on Monday."
        ));
        let got: Vec<_> = ex
            .incidents
            .iter()
            .map(|i| i.place.country_code.clone())
            .collect();
        assert_eq!(got, [Some(country.to_string())], "{name}");
    }
    // A village's double name whose first half is no large city stays unknown.
    let ex = read("Shelling hit Kalyniv-Boryslav on Monday.");
    assert!(ex.incidents.is_empty(), "{:?}", ex.incidents);
}

#[test]
fn a_name_carried_on_by_an_article_and_a_capital_is_not_its_first_word() {
    // "Wadi" alone is a town in India; "Wadi al Fooq" is a valley the gazetteer lacks, placed
    // by the town in brackets.
    let ex = read("On Monday shells killed three herders in Wadi al Fooq (Nanyuki).");
    assert_eq!(places(&ex), [("Nanyuki".to_string(), "KE".to_string())]);
    assert_eq!(ex.incidents.len(), 1);
    assert_eq!(ex.incidents[0].place.country_code.as_deref(), Some("KE"));
    // "as", "at" are words of the language before a capital, not an article of the name.
    let ex = read("Troops crossed into Kenya as Ugandan forces pulled back on Monday.");
    assert_eq!(places(&ex), [("Kenya".to_string(), "KE".to_string())]);
}

#[test]
fn a_name_opening_with_a_lower_case_article_is_recognised() {
    // Before: "al-Faw" starts in lower case and no capitalised word runs into it, so no name
    // was tried there and the toll had no place.
    let ex = read("Gunmen killed three people in al-Faw on Sunday, police said.");
    assert_eq!(places(&ex), [("al-Faw".to_string(), "IQ".to_string())]);
    assert_eq!(ex.incidents.len(), 1);
    assert_eq!(ex.incidents[0].place.name, "al-Faw");
}

#[test]
fn a_short_name_with_a_capital_after_the_hyphen_is_no_acronym() {
    // Before: "El-Jem" (five letters, a capital after a small letter) was taken for a
    // mixed-case acronym such as "MoD" and never looked up.
    let ex = read("A fire destroyed a warehouse in El-Jem on Sunday, wounding four workers.");
    assert_eq!(places(&ex), [("El-Jem".to_string(), "TN".to_string())]);
    assert_eq!(ex.incidents.len(), 1);
}

#[test]
fn a_larger_city_that_only_folds_to_the_name_does_not_take_it() {
    // "Samarra" is written exactly as one of Sāmarrā's names (Iraq); Samara (Russia) is a
    // city of a million whose name only matches once double letters are folded away.
    for sentence in [
        "Car bombs killed six soldiers in Samarra on Tuesday.",
        "Car bombs killed six soldiers in Samarra, police in Baghdad said.",
    ] {
        let ex = read(sentence);
        let samarra: Vec<_> = places(&ex)
            .into_iter()
            .filter(|(name, _)| name == "Samarra")
            .collect();
        assert_eq!(
            samarra,
            [("Samarra".to_string(), "IQ".to_string())],
            "{sentence}"
        );
    }
}

#[test]
fn a_village_named_like_a_province_is_a_village_the_gazetteer_lacks() {
    // Kagera is a Tanzanian region and no town: "Kagera village" is a village near the town
    // named after it, not the region 700 km away.
    let ex = common::read_sentence(
        "2024-05-08",
        "On 2 May, bandits killed two herders in Kagera village, near Namanyere.",
    );
    let killed = common::best_by_place(&ex, incimap::model::Measure::Killed);
    assert_eq!(killed, [("Kagera, Namanyere".to_string(), Some(2))]);
}

#[test]
fn a_city_does_not_win_by_its_size_under_a_name_cut_inside_a_word() {
    // "Samar" is a Philippine province; Samara, a Russian city of a million, starts with the
    // same letters. Before, the city won by its size (7,980 km off).
    let ex = read("On Monday, soldiers clashed with rebels near Kolbeyiri, Samar.");
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    assert_eq!(ex.incidents[0].place.country_code.as_deref(), Some("PH"));
    // A name cut at a word's end is still the city's: "New York" is New York City.
    let ex = read("On Monday, firefighters protested in New York.");
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    assert_eq!(
        ex.incidents[0].place.canonical_name.as_deref(),
        Some("New York City")
    );
}

#[test]
fn short_forms_of_countries_the_press_writes_are_the_countries() {
    for (sentence, written, code) in [
        ("Exports to the USA fell sharply last year.", "USA", "US"),
        ("The minister flew to the UAE on Sunday.", "UAE", "AE"),
        (
            "Rebels attacked a village in the DRC on Sunday.",
            "DRC",
            "CD",
        ),
        ("She moved to America to study medicine.", "America", "US"),
    ] {
        let ex = read(sentence);
        assert_eq!(
            common::mention_countries(&ex, written),
            [code],
            "{sentence}"
        );
    }
}

#[test]
fn a_possessive_is_the_name_it_is_written_on_not_a_longer_one() {
    // "America's" is the United States', not "the Americas" (the apostrophe folded away).
    let ex = read("Officials said America's embassy would stay open.");
    assert_eq!(common::mention_countries(&ex, "America"), ["US"]);
}
