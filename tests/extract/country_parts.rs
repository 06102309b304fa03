//! A part of a country named for a count ("in eastern A", "in central and eastern A", Dutch "in
//! Oost-A") is where the count is: a regional figure, not a claim about the incident in focus
//! elsewhere in the country (unless it tells that incident's count again). A lead count placed in
//! the country or a part of it takes the province the next sentence tells the event in. Dutch joins
//! a direction to a name with a hyphen: "Noord-A" is the gazetteer's "North A" when it has one,
//! else a part of the country or province A, never a part of the world ("Zuid-Amerika"). A new
//! event told in a part of the country named by a direction only ("later a convoy was attacked in
//! the north of the country") moves the story away from the incident in focus. Sentences
//! written for these tests; Kenyan and Congolese places from the built-in gazetteer, an invented
//! village.

use crate::common;

fn read(sentence: &str) -> incimap::extract::Extraction {
    common::read_sentence("2024-05-10", sentence)
}

#[test]
fn a_count_in_a_part_of_the_country_is_no_claim_about_the_incident_in_focus() {
    for sentence in [
        "Six soldiers were killed near the town of Garissa on Monday. On Sunday, two police \
         officers were killed in eastern Kenya.",
        "Six soldiers were killed near the town of Garissa on Monday. On Sunday, two police \
         officers were killed in attacks in central and eastern Kenya, the authorities said.",
        "Zes soldaten zijn maandag bij Garissa gedood. Zondag zijn twee agenten gedood in \
         Oost-Kenia.",
    ] {
        let ex = read(sentence);
        assert_eq!(
            common::first_bests(&ex),
            [("Garissa".to_string(), 6)],
            "{sentence}"
        );
        assert_eq!(ex.regional.len(), 1, "{sentence}: {:?}", ex.regional);
        assert_eq!(ex.regional[0].value, 2, "{sentence}");
    }
}

#[test]
fn the_incident_s_count_told_again_for_a_part_of_the_country_stays_the_incident_s() {
    let ex = read(
        "Gunmen killed six soldiers near the town of Garissa on Monday. The six soldiers were \
         killed in eastern Kenya while on patrol, the army said.",
    );
    assert!(ex.regional.is_empty(), "{:?}", ex.regional);
    assert_eq!(ex.incidents.len(), 1);
    let sources: Vec<Option<&str>> = ex.incidents[0].figures[0]
        .claims
        .iter()
        .map(|c| c.source.as_deref())
        .collect();
    assert_eq!(sources, [None, Some("army")]);
}

#[test]
fn a_lead_count_in_the_country_or_a_part_of_it_takes_the_province_told_next() {
    for country in ["Kenya", "central Kenya"] {
        let ex = read(&format!(
            "Gunmen killed about 40 people in an attack on a village in {country}, officials \
             said. The attack took place on Monday in Kolbeyiri village in the Garissa region."
        ));
        assert_eq!(ex.regional.len(), 1, "{country}: {:?}", ex.regional);
        assert_eq!(ex.regional[0].value, 40, "{country}");
        assert_eq!(ex.regional[0].area.as_deref(), Some("Garissa"), "{country}");
    }
}

#[test]
fn a_dutch_direction_joined_to_a_name_reads_the_name() {
    // The gazetteer's "North Kivu": a province.
    let ex = read("Bij gevechten in Noord-Kivu zijn maandag zeven burgers gedood.");
    assert_eq!(common::mention_countries(&ex, "Noord-Kivu"), ["CD"]);
    assert_eq!(ex.regional.len(), 1, "{:?}", ex.regional);
    // A part of Kenya.
    let ex = read("Bij gevechten in Noordoost-Kenia zijn maandag zeven burgers gedood.");
    assert_eq!(common::mention_countries(&ex, "Noordoost-Kenia"), ["KE"]);
    // A part of the world, not of a country of that name.
    let ex = read("Bij gevechten in Zuid-Amerika zijn maandag zeven burgers gedood.");
    assert!(ex.places.is_empty(), "{:?}", common::places(&ex));
}

#[test]
fn a_new_event_in_a_part_of_the_country_named_by_direction_moves_the_story_away() {
    // (The counts told with it or after it are no counts of the incident in focus.)
    for text in [
        "Gunmen killed 25 people at a market in Garissa on Monday. Later, in the north of the \
         country, a humanitarian convoy was attacked. Ten people were killed, the government \
         said.",
        "Gunmen killed 25 people at a market in Garissa on Monday. Later a humanitarian convoy \
         was attacked in the north of the country, killing ten people.",
        "Bij een aanval op een markt in Garissa zijn maandag 25 doden gevallen. Later is in het \
         noorden van het land een konvooi aangevallen. Daarbij vielen volgens de regering tien \
         doden.",
    ] {
        let ex = read(text);
        let best = common::all_best(&ex);
        assert_eq!(best, [Some(25)], "{text}");
        assert_eq!(ex.unattached.len(), 1, "{text}: {:?}", ex.unattached);
    }
    // (A sentence that only says where the town lies tells no new event.)
    let ex = read(
        "Gunmen killed 25 people at a market in Garissa on Monday. Garissa lies in the east of \
         the country. Ten people were wounded in the attack.",
    );
    assert_eq!(ex.incidents[0].figures.len(), 2);
}
