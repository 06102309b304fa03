//! Place names of Romance languages join their parts with small words ("de", "del", "do",
//! "di", "de los"): in an English or Dutch text such a name is one name, found whole when
//! the gazetteer has it; when it lacks it, none of its parts is read as a place of its own.
//! Sentences written for these tests; "Kazimoto" is a made-up name no gazetteer has.

use incimap::extract::Extraction;

use crate::common;

fn read(sentence: &str) -> Extraction {
    common::read_sentence("2024-05-02", sentence)
}

fn places(ex: &Extraction) -> Vec<(String, String)> {
    common::places(ex)
}

#[test]
fn a_name_joined_by_several_small_words_is_found_whole() {
    let ex = read("Gunmen killed 3 men in Santa Cruz de la Sierra on Friday.");
    assert_eq!(
        places(&ex),
        [("Santa Cruz de la Sierra".to_string(), "BO".to_string())]
    );
    // The words inside the name say nothing about the language of the text: the deaths
    // are read in English.
    assert_eq!(ex.language, "en");
    assert_eq!(
        common::best_by_place(&ex, incimap::model::Measure::Killed),
        [("Santa Cruz de la Sierra".to_string(), Some(3))]
    );
}

#[test]
fn the_head_of_a_joined_name_the_gazetteer_lacks_is_no_place() {
    // "San Isidro", "Vila Nova" and "Castel" are places elsewhere; the names here are not.
    for sentence in [
        "Gunmen killed 3 men in San Isidro de Kazimoto on Friday.",
        "Gunmen killed 3 men in Vila Nova do Kazimoto on Friday.",
        "Gunmen killed 3 men in Castel di Kazimoto on Friday.",
    ] {
        let ex = read(sentence);
        assert!(ex.places.is_empty(), "{sentence}: {:?}", places(&ex));
        assert!(ex.incidents.is_empty(), "{sentence}");
        assert_eq!(ex.unattached.len(), 1, "{sentence}");
    }
}

#[test]
fn the_tail_of_a_joined_name_the_gazetteer_lacks_is_no_place() {
    // A neighbourhood named after a city is not that city.
    let ex = read("Gunmen killed 3 men in Colonia Lomas del Nairobi on Friday.");
    assert!(ex.places.is_empty(), "{:?}", places(&ex));
}

#[test]
fn a_district_joined_to_its_city_by_a_hyphen_keeps_the_city() {
    let ex = read("Prisoners rioted in Nairobi-San Pedro de Kazimoto on Friday.");
    assert_eq!(places(&ex), [("Nairobi".to_string(), "KE".to_string())]);
}

#[test]
fn a_joining_word_of_another_language_inside_an_institution_s_name_is_no_place() {
    // "Banque du Liban": "Liban" is no country here.
    let ex = read("Protesters gathered outside the Banque du Liban in Nairobi on Friday.");
    assert_eq!(places(&ex), [("Nairobi".to_string(), "KE".to_string())]);
}

#[test]
fn the_dutch_article_after_a_place_does_not_join_it_to_the_next_word() {
    // In Dutch "de" is the article: the town stays a place of its own.
    let ex = read(
        "Volgens de politie zijn er vijf doden gevallen toen rebellen in Kumasi de Ghanese \
         soldaten aanvielen.",
    );
    assert_eq!(ex.language, "nl");
    assert_eq!(places(&ex), [("Kumasi".to_string(), "GH".to_string())]);
}

#[test]
fn the_tail_of_a_name_after_a_separate_arabic_article_is_no_place() {
    // "Tell el Kitale" is a made-up name; its tail is a Kenyan town's name on its own.
    let ex = read("Gunmen attacked a checkpoint in Tell el Kitale near Eldoret on Friday.");
    let found = places(&ex);
    assert!(found.iter().all(|(name, _)| name != "Kitale"), "{found:?}");
    assert!(found.iter().any(|(name, _)| name == "Eldoret"), "{found:?}");
    // The same town named on its own is a place; so are two places joined by an English
    // word that is also a transliterated article ("as").
    let ex = read("Gunmen attacked a checkpoint in Kitale as Eldoret looked on.");
    let found = places(&ex);
    assert!(found.iter().any(|(name, _)| name == "Kitale"), "{found:?}");
    assert!(found.iter().any(|(name, _)| name == "Eldoret"), "{found:?}");
}

#[test]
fn a_month_abbreviation_may_open_a_joined_name() {
    // "Mar" is March written short: alone it is no place, but before "del" and a capital
    // it opens the name of a city.
    let ex = read("Gunmen killed 3 men in Mar del Plata on Friday.");
    assert_eq!(
        places(&ex),
        [("Mar del Plata".to_string(), "AR".to_string())]
    );
    // Nor is "in Mar" a date in March: the Friday before the report is the day.
    let dates: Vec<String> = ex.incidents.iter().map(|i| i.date.label()).collect();
    assert_eq!(dates, ["2024-04-26"]);
    let ex = read("Gunmen killed 3 men on 2 Mar in Kazimoto.");
    assert!(ex.places.is_empty(), "{:?}", places(&ex));
}

#[test]
fn a_short_word_of_another_language_inside_a_known_name_is_part_of_it() {
    // Slovene "ob", Slovak "nad": not joining words any lexicon lists, but the gazetteer
    // holds the whole name, so the whole name is the place.
    let ex = read("Police dispersed 200 miners who protested in Zagorje ob Savi on Friday.");
    assert_eq!(
        places(&ex),
        [("Zagorje ob Savi".to_string(), "SI".to_string())]
    );
    let ex = read("A man was shot dead in Turna nad Bodvou on Friday.");
    assert_eq!(
        places(&ex),
        [("Turna nad Bodvou".to_string(), "SK".to_string())]
    );
    // Only the whole name is looked up: an English word between two places joins nothing.
    let ex = read("Gunmen killed 3 men in Kitale and 2 in Eldoret on Friday.");
    assert_eq!(
        places(&ex),
        [
            ("Kitale".to_string(), "KE".to_string()),
            ("Eldoret".to_string(), "KE".to_string())
        ]
    );
}
