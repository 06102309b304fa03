//! A name that reads as a small town abroad only through one of its other names, or only
//! as a word describing people, is not put on the map when the text gives no other sign of
//! that country. Sentences written for these tests; places from the built-in gazetteer:
//! Kenyan towns with other names (Sotik, once called Chamagel; Hola, also called Galole,
//! seat of its county; Nyangusu, also spelt Nyangoso), and small towns abroad that bear the
//! names of peoples (Órma in Greece, Hutou in China, Masai in Malaysia).

use incimap::extract::Extraction;

use crate::common;

fn read(sentence: &str) -> Extraction {
    common::read_sentence("2024-05-02", sentence)
}

#[test]
fn another_name_of_a_small_town_alone_is_no_reading() {
    let ex = read("Bandits shot dead a trader in Chamagel on Sunday.");
    assert!(
        common::mention_countries(&ex, "Chamagel").is_empty(),
        "{:?}",
        ex.places
    );
    assert!(ex.incidents.is_empty(), "{:?}", ex.incidents);
    // The figure is kept, unattached, with its reason: the town the name would have been.
    assert!(
        ex.unattached.iter().any(|u| u
            .reason
            .contains("\"Chamagel\" is only another name of Sotik (KE)")),
        "{:?}",
        ex.unattached
    );
}

#[test]
fn another_name_is_read_where_the_text_names_the_country() {
    let ex = read("Bandits shot dead a trader in Chamagel, Kenya on Sunday.");
    assert_eq!(
        common::mention_countries(&ex, "Chamagel"),
        vec!["KE".to_string()]
    );
    assert_eq!(common::incident_countries(&ex), vec!["KE".to_string()]);
}

#[test]
fn the_seat_of_a_county_keeps_its_other_names_and_a_respelling_is_its_own() {
    // Another name of a county's seat is known by readers; a spelling of the town's own
    // name is that name.
    let ex = read("Bandits shot dead a trader in Galole on Sunday.");
    assert_eq!(
        common::mention_countries(&ex, "Galole"),
        vec!["KE".to_string()]
    );
    let ex = read("Bandits shot dead a trader in Nyangoso on Sunday.");
    assert_eq!(
        common::mention_countries(&ex, "Nyangoso"),
        vec!["KE".to_string()]
    );
    assert_eq!(common::incident_countries(&ex), vec!["KE".to_string()]);
}

#[test]
fn a_name_before_a_word_for_people_describes_them() {
    for sentence in [
        "Raiders shot dead an Orma herder and a Hutu farmer on Sunday.",
        "Two Maasai herders were shot dead on Sunday.",
    ] {
        let ex = read(sentence);
        assert!(ex.incidents.is_empty(), "{sentence}: {:?}", ex.incidents);
        for name in ["Orma", "Hutu", "Maasai"] {
            assert!(
                common::mention_countries(&ex, name).is_empty(),
                "{sentence}: {:?}",
                ex.places
            );
        }
        assert!(!ex.unattached.is_empty(), "{sentence}: the figure is kept");
    }
}

#[test]
fn people_named_so_are_counted_where_the_text_puts_them() {
    let ex = read("Raiders shot dead two Orma herders in Garissa on Sunday.");
    assert_eq!(common::incident_countries(&ex), vec!["KE".to_string()]);
    // A place noun after the word for people makes it a place's name.
    let ex = read("Police shot dead two residents of the Kakuma refugee camp on Sunday.");
    assert_eq!(common::incident_countries(&ex), vec!["KE".to_string()]);
}

#[test]
fn words_for_a_state_a_lake_or_a_faith_are_no_place_alone() {
    for sentence in [
        "Employees of the Presidency of the Republic protested outside the palace on Sunday.",
        "Gunmen shot dead a Christian trader on Sunday.",
    ] {
        let ex = read(sentence);
        assert!(ex.incidents.is_empty(), "{sentence}: {:?}", ex.incidents);
        assert!(ex.places.is_empty(), "{sentence}: {:?}", ex.places);
    }
    // The lake word before a country's name: the lake of that country, no town "Lake".
    let ex = read("Four fishermen drowned when their boat capsized near Lake Malawi on Sunday.");
    assert!(
        ex.places.iter().all(|m| m.text != "Lake"),
        "{:?}",
        ex.places
    );
    assert!(ex
        .incidents
        .iter()
        .all(|i| i.place.country_code.as_deref() != Some("US")));
    // A lake's name that a town bears is still read.
    let ex = read("Four people were killed when a lorry hit a mine near Lake Turkana.");
    assert!(
        ex.places.iter().all(|m| m.country_code == "KE"),
        "{:?}",
        ex.places
    );
}
