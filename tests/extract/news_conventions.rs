//! Conventions of wire copy that name places: AP abbreviations of states and provinces after
//! a town ("Eugene, Ore.", "Trenton, N.J."), datelines in capitals (after a byline too, or
//! with the dash lost), a state named by its abbreviation ("Wash.") that its bare name then
//! means, a name in capitals that ends where the capitals do, a name that ends where a lost
//! full stop was ("Foo The ...", "Foo, Bar Thursday"), names listed after "states such as",
//! words of a web address that say nothing about how the text writes a word, and an
//! organisation named after a country that does not stop "in <country>" from being the
//! country, a dateline in capitals right after the agency's name, and a place written with
//! its initials and full stops ("D.C."), and a dateline with its state kept in a story about
//! another country. Sentences written for these tests.

use incimap::extract::Extraction;
use incimap::gazetteer::{Context, EntryKind, Gazetteer, Resolution};

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-03-05", text)
}

/// (as written, gazetteer name) of every place recognised.
fn named(ex: &Extraction) -> Vec<(String, String)> {
    ex.places
        .iter()
        .map(|m| (m.text.clone(), m.name.clone()))
        .collect()
}

fn has(ex: &Extraction, written: &str, name: &str) -> bool {
    named(ex).iter().any(|(w, n)| w == written && n == name)
}

#[test]
fn a_state_abbreviation_after_a_town_is_the_state() {
    let ex = read("A warehouse fire broke out in Eugene, Ore., on Sunday night.");
    assert!(has(&ex, "Ore", "Oregon"), "{:?}", named(&ex));
    // Two letters are enough when the lexicon knows the abbreviation ("La." is Louisiana).
    let ex = read("Flooding closed roads in Houma, La., on Sunday.");
    assert!(has(&ex, "La", "Louisiana"), "{:?}", named(&ex));
}

#[test]
fn a_state_written_with_initials_is_the_state() {
    let ex = read("TRENTON, N.J. (AP) - Lawmakers met on Monday to discuss the budget.");
    assert!(has(&ex, "TRENTON", "Trenton"), "{:?}", named(&ex));
    assert!(has(&ex, "N.J", "New Jersey"), "{:?}", named(&ex));
}

#[test]
fn an_abbreviation_outside_its_place_is_no_place() {
    // Not after a comma and a town: "Ill." is only a word here.
    let ex = read("He felt Ill. Doctors in Nairobi treated him.");
    assert!(
        ex.places.iter().all(|m| m.name != "Illinois"),
        "{:?}",
        named(&ex)
    );
}

#[test]
fn a_dateline_after_a_byline_is_a_place() {
    let ex = read("By LUSAKA, Zambia, Mar 4 - The central bank raised its rate.");
    assert!(has(&ex, "LUSAKA", "Lusaka"), "{:?}", named(&ex));
}

#[test]
fn a_name_in_capitals_ends_where_the_capitals_end() {
    let ex = read("KANSAS CITY The Latest on the storms that crossed the plains.");
    assert!(has(&ex, "KANSAS CITY", "Kansas City"), "{:?}", named(&ex));
    // An acronym in capitals before a capitalised word is still no place.
    let ex = read("NATO Allies met in Brussels on Tuesday.");
    assert!(
        ex.places.iter().all(|m| m.text != "NATO"),
        "{:?}",
        named(&ex)
    );
}

#[test]
fn a_word_of_a_web_address_does_not_make_a_name_a_common_word() {
    let text = "Tourism grew fastest in the UK last year. Read the figures at \
                stats.travel.uk before you book.";
    let ex = read(text);
    assert!(has(&ex, "UK", "United Kingdom"), "{:?}", named(&ex));
    // In an address the lower-case word says nothing; in running text it still counts
    // against the name where no locative governs it.
    let ex = read("The mayor of Buffalo resigned. See www.buffalo.example for details.");
    assert!(has(&ex, "Buffalo", "Buffalo"), "{:?}", named(&ex));
    let ex = read("The mayor of Buffalo resigned. She bought a buffalo hide.");
    assert!(
        ex.places.iter().all(|m| m.text != "Buffalo"),
        "{:?}",
        named(&ex)
    );
}

#[test]
fn an_organisation_named_after_a_country_leaves_the_country_in_place() {
    let text = "The figures were first published by Pulse Norway. Salmon farms in Norway \
                reported losses after the storm.";
    let ex = read(text);
    assert!(has(&ex, "Norway", "Norway"), "{:?}", named(&ex));
    // Not only after a locative: the country alone later is the country.
    let text = "A reporter told Pulse Norway the plan was new. The project would be a first \
                for Norway.";
    let ex = read(text);
    assert!(has(&ex, "Norway", "Norway"), "{:?}", named(&ex));
}

#[test]
fn a_state_outranks_a_town_that_has_its_name_only_as_another_name() {
    let gazetteer = Gazetteer::builtin();
    for name in ["New Jersey", "New Mexico"] {
        let Resolution::Found { best, .. } = gazetteer.resolve(name, &Context::default()) else {
            panic!("{name} is in the built-in gazetteer");
        };
        assert_eq!(
            best.entry.kind,
            EntryKind::Admin1,
            "{name}: {:?}",
            best.entry
        );
        assert_eq!(best.entry.name, name);
    }
}

#[test]
fn a_name_with_its_type_word_is_the_place_named_so_in_full() {
    // "Dodge City" is the city of that name, not a town named "Dodge"; "Jersey City" is no
    // island called Jersey.
    let gazetteer = Gazetteer::builtin();
    for (name, admin1) in [("Dodge City", "Kansas"), ("Jersey City", "New Jersey")] {
        let Resolution::Found { best, .. } = gazetteer.resolve(name, &Context::default()) else {
            panic!("{name} is in the built-in gazetteer");
        };
        assert_eq!(best.entry.name, name, "{}", best.reason);
        assert_eq!(
            best.entry.admin1.as_deref(),
            Some(admin1),
            "{}",
            best.reason
        );
    }
}

#[test]
fn the_field_of_a_ministry_is_no_place() {
    // Small towns are called Labor, Justice or Interior; in a ministry's name the word is
    // its field.
    for field in ["Labour", "Justice", "Interior", "Defence"] {
        let ex = read(&format!(
            "About 30 nurses protested outside the Ministry of {field} on Tuesday."
        ));
        assert!(
            ex.places.iter().all(|m| m.text != field),
            "{field}: {:?}",
            ex.places
        );
        assert!(ex.incidents.is_empty(), "{field}: {:?}", ex.incidents);
    }
}

#[test]
fn a_dateline_in_capitals_that_lost_its_dash_is_a_place_but_no_incident() {
    let ex = read("NAKURU Police said two people were killed in Kisumu on Monday.");
    assert!(has(&ex, "NAKURU", "Nakuru"), "{:?}", named(&ex));
    let places: Vec<&str> = ex.incidents.iter().map(|i| i.place.name.as_str()).collect();
    assert_eq!(places, ["Kisumu"], "{:?}", ex.incidents);
}

#[test]
fn a_capitalised_article_after_a_name_starts_another_sentence() {
    // Web copy that lost a full stop: "The" opens the next sentence, no longer name.
    let ex = read("Floods hit Nakuru The county government said roads were closed.");
    assert!(has(&ex, "Nakuru", "Nakuru"), "{:?}", named(&ex));
}

#[test]
fn a_day_after_a_country_written_after_its_town_ends_the_name() {
    let ex = read("The ministers met in Nairobi, Kenya Thursday to sign the deal.");
    assert!(has(&ex, "Kenya", "Kenya"), "{:?}", named(&ex));
}

#[test]
fn a_state_named_by_its_abbreviation_is_what_its_bare_name_means_later() {
    let state = "geonames:5815135";
    let city = "geonames:4140963";
    let ex = read("SPOKANE, Wash. - Wildfires burned across eastern Washington this week.");
    assert_eq!(common::mention_ids(&ex, "Washington"), [state]);
    // Written with its own division, the name stays the city.
    let ex = read("SPOKANE, Wash. - The governor flew to Washington, D.C., on Monday.");
    assert_eq!(common::mention_ids(&ex, "Washington"), [city]);
    // Without the abbreviation a bare name reads as the city.
    let ex = read("Wildfires burned near Spokane as officials met in Washington this week.");
    assert_eq!(common::mention_ids(&ex, "Washington"), [city]);
}

#[test]
fn names_listed_after_a_plural_division_word_and_such_as_are_divisions() {
    let ex = read("Jobs moved to states such as Oregon or Washington last year.");
    assert_eq!(common::mention_ids(&ex, "Washington"), ["geonames:5815135"]);
    let ex = read("Banen verhuisden vorig jaar naar provincies zoals Drenthe en Groningen.");
    let ids = common::mention_ids(&ex, "Groningen");
    let kinds: Vec<&str> = ex
        .places
        .iter()
        .filter(|m| m.text == "Groningen")
        .map(|m| m.kind)
        .collect();
    assert_eq!(ids.len(), 1, "{:?}", ex.places);
    assert_eq!(kinds, ["admin1"], "{:?}", ex.places);
}

#[test]
fn a_pronoun_or_auxiliary_after_a_name_starts_another_sentence() {
    // Copy that lost a full stop: "Kisumu He said ..." is Kisumu, then a new sentence.
    for text in [
        "Schools stayed shut across Kisumu He said the roads were flooded.",
        "Heavy rain fell in Nakuru Are the dams safe, residents asked.",
        "Rain fell in Eldoret Wasn't the dam repaired, residents asked.",
    ] {
        let ex = read(text);
        assert_eq!(ex.places.len(), 1, "{text}: {:?}", named(&ex));
    }
}

#[test]
fn a_dateline_with_its_country_and_a_colon_is_no_incident() {
    for text in [
        "Nakuru, Kenya: Gunmen killed two people in Kisumu on Monday.",
        "Nakuru, Kenya - Gunmen killed two people in Kisumu on Monday.",
    ] {
        let ex = read(text);
        let places: Vec<&str> = ex.incidents.iter().map(|i| i.place.name.as_str()).collect();
        assert_eq!(places, ["Kisumu"], "{text}: {:?}", ex.incidents);
    }
    // Where the event is told only by the country, the dateline's town is not its place.
    let ex = read(
        "Nakuru, Kenya: Gunmen attacked a police post in western Kenya, killing two officers.",
    );
    assert!(ex.incidents.is_empty(), "{:?}", ex.incidents);
    // The day and the agency may stand between the town and the colon or dash.
    for dateline in [
        "Nakuru [Kenya], March 4 (ANI/Xinhua):",
        "Nakuru, March 4 (Xinhua) --",
    ] {
        let ex = read(&format!(
            "{dateline} Gunmen attacked a police post in western Kenya, killing two officers."
        ));
        assert!(ex.incidents.is_empty(), "{dateline}: {:?}", ex.incidents);
    }
    // Once a lower-case word starts the sentence, the town before the colon is no dateline.
    let ex = read("Nakuru, police said on March 4: gunmen killed two officers there.");
    let places: Vec<&str> = ex.incidents.iter().map(|i| i.place.name.as_str()).collect();
    assert_eq!(places, ["Nakuru"], "{:?}", ex.incidents);
}

#[test]
fn a_dateline_in_capitals_right_after_the_agency_name_is_a_place() {
    // The byline runs into the dateline with no line break: the capitals start a name of
    // their own, not the last word of "Associated Press ...".
    let ex = read("The budget passed. Associated Press TRENTON (AP) - Lawmakers met on Monday.");
    assert!(has(&ex, "TRENTON", "Trenton"), "{:?}", named(&ex));
}

#[test]
fn a_place_written_with_its_initials_and_full_stops_is_the_place() {
    // Two letters, but written as an abbreviation: not a stray short word.
    let ex = read("Lawmakers met in D.C. on Monday to discuss the budget.");
    assert!(has(&ex, "D.C.", "Washington"), "{:?}", named(&ex));
}

#[test]
fn a_dateline_and_its_state_are_kept_in_a_story_about_another_country() {
    // Everything else is in Peru; the dateline says in so many words where the report was
    // filed, so it is no namesake abroad.
    let ex = read(
        "ELKO, Nev. (AP) - A mining firm opened an office in Lima on Monday. Peru is its \
         largest market, and farmers in Arequipa and Cusco will buy from it. Peruvian \
         officials welcomed the deal.",
    );
    assert!(has(&ex, "ELKO", "Elko"), "{:?}", named(&ex));
    assert!(has(&ex, "Nev", "Nevada"), "{:?}", named(&ex));
    assert!(has(&ex, "Lima", "Lima"), "{:?}", named(&ex));
}
