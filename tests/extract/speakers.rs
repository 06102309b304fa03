//! Places and the people who speak about them: where someone spoke is no event place, and a
//! capital that speaks for its government is still a place wherever else the text names it.
//! Sentences written for these tests.

use incimap::extract::Extraction;

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-05-20", text)
}

/// (place as written, best value of the first figure) of every incident.
fn incidents(ex: &Extraction) -> Vec<(String, u64)> {
    ex.incidents
        .iter()
        .map(|i| {
            (
                i.place.name.clone(),
                i.figures.first().and_then(|f| f.best).unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn a_capital_that_speaks_once_is_still_a_place_elsewhere() {
    // "Nairobi said" is the government; the blast "in Nairobi" is a place all the same.
    let ex = read(
        "A bomb killed seven people at a bus station in Nairobi on Sunday. Nairobi said \
         the attackers had crossed the border.",
    );
    assert_eq!(incidents(&ex), [("Nairobi".to_string(), 7)]);
}

#[test]
fn a_person_named_like_a_town_who_speaks_is_no_place() {
    // A single name before "said" is a speaker across the article, unless a capital.
    let ex = read("Shelling killed three people in Kenema. Bo said the army fired first.");
    assert!(ex.places.iter().all(|p| p.text != "Bo"), "{:?}", ex.places);
}

#[test]
fn where_the_ministry_spoke_is_not_where_the_strikes_fell() {
    let ex = read(
        "Forty fighters were killed in air strikes in Mali, the defence ministry in \
         Paris said on Monday.",
    );
    assert!(
        ex.incidents.iter().all(|i| i.place.name != "Paris"),
        "{:?}",
        incidents(&ex)
    );
}

#[test]
fn officials_in_the_only_town_named_still_place_the_event_there() {
    // Nothing else is named: the town the officials speak from is the best the text says.
    let ex = read("A roadside bomb killed four soldiers, officials in Gao said on Monday.");
    assert_eq!(incidents(&ex), [("Gao".to_string(), 4)]);
}

#[test]
fn said_to_after_a_place_is_no_speech() {
    // "in B said to be ..." hedges what happened in B; nobody spoke from B.
    let ex = read("Twelve people were killed in clashes in Mopti and in Gao said to be the worst.");
    let roles: Vec<(&str, &str)> = ex
        .places
        .iter()
        .map(|p| (p.text.as_str(), p.role))
        .collect();
    assert_eq!(roles, [("Mopti", "event"), ("Gao", "event")]);
}

#[test]
fn a_source_in_a_town_is_not_the_event_in_the_town_of_another() {
    // The activist is in the city; the killings were in a village the gazetteer lacks.
    let ex = read(
        "An activist in Homs who asked not to be named told reporters that 30 men were \
         executed in the village of Zorkivka this week.",
    );
    assert!(ex.incidents.is_empty(), "{:?}", incidents(&ex));
    // With no other place, officials in a town still place the event there (see above).
    let ex = read("Sources in Homs said a car bomb killed 30 people.");
    assert_eq!(incidents(&ex), [("Homs".to_string(), 30)]);
}

#[test]
fn a_place_after_a_country_possessive_is_no_surname() {
    // "Kenya's Eldoret" is a town of Kenya, not the second half of a person's name; "Kenya's
    // Odinga" stays a person (no such town).
    let ex = read(
        "Kenya's Eldoret came under attack on Sunday. Gunmen killed nine people in Eldoret, \
         Kenya's Odinga said.",
    );
    assert_eq!(incidents(&ex), [("Eldoret".to_string(), 9)]);
    let curly = read("Kenya\u{2019}s Eldoret was quiet. Gunmen killed nine people in Eldoret.");
    assert_eq!(incidents(&curly), [("Eldoret".to_string(), 9)]);
    // Text copied without its apostrophes.
    let lost = read("Kenyas Eldoret was quiet. Gunmen killed nine people in Eldoret.");
    assert_eq!(incidents(&lost), [("Eldoret".to_string(), 9)]);
}

#[test]
fn a_capital_that_denies_or_warns_is_its_government() {
    for text in [
        "Air strikes hit a market in Voi on Monday, killing 12 people. Nairobi denied any \
         role in the raids. A monitor gave a toll of 14 dead.",
        "Air strikes hit a market in Voi on Monday, killing 12 people. Nairobi has warned \
         of reprisals. A monitor gave a toll of 14 dead.",
    ] {
        let ex = read(text);
        let places: Vec<String> = incidents(&ex).into_iter().map(|(p, _)| p).collect();
        assert_eq!(places, ["Voi"], "{text}");
    }
    // A capital where something happened stays a place.
    let ex = read("A car bomb exploded in Nairobi on Monday, killing four people.");
    assert_eq!(incidents(&ex), [("Nairobi".to_string(), 4)]);
}

#[test]
fn a_capital_a_stance_is_aimed_at_is_its_government() {
    // "accused Nairobi of ...": the government the accusation is aimed at, not the place of
    // the attack the toll belongs to (the text names no other place for it).
    let ex = read("Rebels accused Nairobi of that raid which they estimate killed 40 people.");
    assert!(ex.incidents.is_empty(), "{:#?}", ex.incidents);
    // A capital named before the noun it qualifies is no object of the verb.
    let ex = read("Bishops condemned Nairobi bombings that killed 40 people on Monday.");
    assert_eq!(incidents(&ex), [("Nairobi".to_string(), 40)]);
}

#[test]
fn people_in_the_countryside_of_a_town_who_speak_do_not_make_it_a_person() {
    // "in rural A said": the adjective between the preposition and the name does not turn
    // the town into a speaker; the town named for the strikes is the place.
    let ex = read(
        "Residents in rural Kitale said that six people were killed in shelling on the \
         town of Kitale on Friday.",
    );
    assert_eq!(incidents(&ex), [("Kitale".to_string(), 6)]);
    let ex = read("Farmers in western Naivasha said three herders were shot dead on Friday.");
    assert_eq!(incidents(&ex), [("Naivasha".to_string(), 3)]);
}

#[test]
fn the_countryside_of_a_town_is_near_the_town_not_in_it() {
    let ex = read("Bandits killed two traders in rural Nanyuki on Tuesday.");
    assert_eq!(incidents(&ex), [("Nanyuki".to_string(), 2)]);
    assert_eq!(
        ex.incidents[0].place.precision,
        incimap::model::GeoPrecision::NearTown
    );
}

#[test]
fn a_name_before_a_word_for_armed_people_names_them_not_a_place() {
    // "Kitale militants" says who they are (a group named after a town), not where anything
    // happened: the attack was in Webuye.
    let ex = read("Kitale militants attacked a police post in Webuye, killing two officers.");
    assert_eq!(incidents(&ex), [("Webuye".to_string(), 2)]);
    // Without a place of its own, the sentence has no incident at the group's town.
    let ex = read("On Monday, Kitale militants attacked a police post, killing two officers.");
    assert!(ex.incidents.is_empty(), "{:?}", ex.incidents);
}

#[test]
fn a_source_that_opens_the_next_sentence_speaks_for_the_count_before_it() {
    // The count names no source; the next sentence of the paragraph goes on with the same
    // event and opens with one. It wins over the source the paragraph named before.
    let ex = read(
        "According to the county police, a bus overturned in Kitale. Later two farmers were \
         killed when gunmen opened fire in Webuye. According to the Red Cross, the gunmen fled \
         towards the forest.",
    );
    let webuye = ex
        .incidents
        .iter()
        .find(|i| i.place.name == "Webuye")
        .expect("the Webuye incident");
    let source = webuye.figures[0].claims[0].source.as_deref();
    assert_eq!(source, Some("Red Cross"), "{:?}", webuye.figures);
}

#[test]
fn people_quoted_as_saying_are_the_source_and_their_town_stays_a_place() {
    // "quoted X as saying": X said it. Before, no source was read, and once it was, the town
    // right after the speaker ("residents in A") was taken for where the speaker is only.
    let ex = read(
        "The agency reporter quoted residents in Kitale as saying that gunmen killed three \
         civilians.",
    );
    assert_eq!(incidents(&ex), [("Kitale".to_string(), 3)]);
    let source = ex.incidents[0].figures[0].claims[0].source.as_deref();
    assert_eq!(source, Some("residents"));
    // A place the speaker comes from is still not where it happened.
    let ex = read("A doctor from Kitale said gunmen killed three civilians in Eldoret.");
    assert_eq!(incidents(&ex), [("Eldoret".to_string(), 3)]);
}

#[test]
fn a_dateline_in_any_case_before_a_colon_is_no_event_place() {
    // Where the report was filed, not where the bus was attacked (a place the text does
    // not name).
    for text in [
        "Nairobi: Police said gunmen attacked a bus on Tuesday, killing 4 passengers.",
        "Nairobi (AFP) - Gunmen attacked a bus on Tuesday, killing 4 passengers.",
    ] {
        let ex = read(text);
        assert!(ex.incidents.is_empty(), "{text}: {:?}", incidents(&ex));
    }
    let ex = read("Nairobi: Police said gunmen attacked a bus near Garsen, killing 4 passengers.");
    assert_eq!(incidents(&ex), [("Garsen".to_string(), 4)]);
}

#[test]
fn a_dateline_in_any_case_before_a_dash_and_the_sentence_is_no_event_place() {
    for text in [
        "Nairobi \u{2014} Gunmen attacked a bus on Tuesday, killing 4 passengers.",
        "Nairobi - Gunmen attacked a bus on Tuesday, killing 4 passengers.",
    ] {
        let ex = read(text);
        assert!(ex.incidents.is_empty(), "{text}: {:?}", incidents(&ex));
    }
    let ex = read("Nairobi \u{2014} Gunmen attacked a bus near Garsen, killing 4 passengers.");
    assert_eq!(incidents(&ex), [("Garsen".to_string(), 4)]);
}

#[test]
fn where_a_spokesman_told_reporters_is_no_event_place_whatever_else_is_named() {
    // The village is one the gazetteer lacks: the count stays unattached, never at the
    // town where the spokesman spoke.
    let ex = read(
        "A police spokesman told reporters in Eldoret, the county capital, that gunmen killed \
         five people in Mbogolo village.",
    );
    assert!(ex.incidents.is_empty(), "{:?}", incidents(&ex));
    assert_eq!(ex.unattached.len(), 1);
}

#[test]
fn where_a_spokesman_briefed_the_press_is_no_event_place() {
    let ex = read(
        "Gunmen attacked the village of Chepkoilel in Kitale district, killing 3 farmers, \
         the police spokesman said at a press briefing in the county capital Eldoret.",
    );
    assert!(
        ex.incidents.iter().all(|i| i.place.name != "Eldoret"),
        "{:?}",
        incidents(&ex)
    );
}

#[test]
fn a_lead_without_a_town_is_placed_by_the_next_sentence_that_names_one() {
    // The inverted pyramid: the toll first, the village and district in the next sentence
    // (which counts nothing of its own).
    let text = "Gunmen killed 9 farmers in a remote part of western Kenya, police said on \
                Sunday.\nThe attackers came to the village of Chepkoilel near Kitale on \
                Saturday night before fleeing.";
    let ex = read(text);
    assert_eq!(
        incidents(&ex),
        [("Kitale".to_string(), 9)],
        "{:?}",
        ex.unattached
    );
    // A next sentence with counts of its own tells another story: the lead stays unplaced.
    let text = "Gunmen killed 9 farmers in a remote part of western Kenya, police said on \
                Sunday.\nIn Kitale, 2 traders were wounded in a separate robbery.";
    let ex = read(text);
    assert_eq!(
        incidents(&ex),
        [("Kitale".to_string(), 2)],
        "{:?}",
        ex.unattached
    );
}

#[test]
fn here_in_the_dateline_sentence_is_the_dateline_place() {
    let ex = read(
        "ELDORET, Kenya (AP) - Gunmen attacked a police post here on Sunday, killing 3 officers.",
    );
    assert_eq!(incidents(&ex), [("ELDORET".to_string(), 3)]);
    // Without "here" the dateline is only where the report was filed.
    let ex =
        read("ELDORET, Kenya (AP) - Gunmen attacked a police post on Sunday, killing 3 officers.");
    assert!(ex.incidents.is_empty(), "{:?}", incidents(&ex));
}

#[test]
fn a_place_an_attack_was_aimed_at_is_no_speaker_of_the_toll() {
    // The toll "reported" is the raid's; the town the raid hit is its place, not who spoke.
    let ex = read("A first toll from the raid on Kitale reported 15 people killed.");
    assert_eq!(incidents(&ex), [("Kitale".to_string(), 15)]);
    let figure = &ex.incidents[0].figures[0];
    assert!(
        figure.claims.iter().all(|c| c.source.is_none()),
        "{figure:?}"
    );
}

#[test]
fn how_many_speak_is_no_figure() {
    // The number before the people who report it counts the speakers, not the dead.
    for text in [
        "At least 12 herders were killed near Kitale on Friday, two village elders said.",
        "At least 12 herders were killed near Kitale on Friday, three elders told reporters.",
    ] {
        let ex = read(text);
        assert_eq!(ex.incidents.len(), 1, "{text}: {:?}", ex.incidents);
        let figures: Vec<Option<u64>> = ex.incidents[0].figures.iter().map(|f| f.best).collect();
        assert_eq!(figures, [Some(12)], "{text}");
    }
}

#[test]
fn a_next_sentence_that_tells_the_attack_again_places_the_lead() {
    // The lead counts the dead; the next sentence, which goes back to "the attack", counts
    // the wounded and names the town: one event, at that town.
    let text = "Gunmen killed 9 farmers in a remote part of western Kenya, police said on \
                Sunday.\nFour more were wounded in the attack on Saturday night in Kitale.";
    let ex = read(text);
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    let incident = &ex.incidents[0];
    assert_eq!(incident.place.name, "Kitale");
    let counts: Vec<Option<u64>> = incident.figures.iter().map(|f| f.best).collect();
    assert_eq!(counts, [Some(9), Some(4)], "{:?}", incident.figures);
    // The town named with a province after it ("in Kitale in Eldoret province") is still
    // the one town the sentence names.
    let text = "Gunmen killed 9 farmers in a remote part of western Kenya, police said on \
                Sunday.\nFour more were wounded in the attack on Saturday night in Kitale in \
                Eldoret province.";
    let ex = read(text);
    let placed: Vec<(String, u64)> = incidents(&ex);
    assert_eq!(placed, [("Kitale".to_string(), 9)], "{:?}", ex.unattached);
    // A count of the same measure in the next sentence is a story of its own.
    let text = "Gunmen killed 9 farmers in a remote part of western Kenya, police said on \
                Sunday.\nFour were killed in the attack on Saturday night in Kitale.";
    let ex = read(text);
    assert_eq!(
        incidents(&ex),
        [("Kitale".to_string(), 4)],
        "{:?}",
        ex.unattached
    );
}

#[test]
fn a_town_after_the_noun_of_a_speaker_is_no_speaker() {
    // "The governor of Kitui said": the governor speaks; Kitui stays the town it is
    // everywhere in the article.
    let ex = read(
        "Bandits killed five herders in Kitui on Sunday. The governor of Kitui said more \
         police would be sent.",
    );
    assert_eq!(incidents(&ex), [("Kitui".to_string(), 5)]);
    // The same after a capitalised noun ("the Standard of Kitui reported").
    let ex =
        read("Bandits killed five herders in Kitui on Sunday, the Standard of Kitui reported.");
    assert_eq!(incidents(&ex), [("Kitui".to_string(), 5)]);
}

#[test]
fn a_name_a_locative_governs_is_a_place_where_another_sentence_makes_it_speak() {
    // Elsewhere "Kitui said" may be a person or a club speaking; "in Kitui" still names
    // the town.
    let ex = read("Bandits killed five herders in Kitui on Sunday. Kitui reported calm on Monday.");
    assert_eq!(incidents(&ex), [("Kitui".to_string(), 5)]);
    // "according to" names a source, not a place: the person stays a person.
    let ex = read("Shelling killed three people in Kenema. According to Bo, the army fired first.");
    assert!(ex.places.iter().all(|p| p.text != "Bo"), "{:?}", ex.places);
}

#[test]
fn a_linking_adverb_before_the_speaker_is_no_part_of_the_source() {
    // "Meanwhile", "Separately" open the sentence; the speaker is the noun phrase after.
    for (text, speaker) in [
        (
            "Meanwhile local residents told reporters that five people were killed in Kenema.",
            "local residents",
        ),
        (
            "Intussen meldden lokale bronnen dat in Kenema vijf mensen zijn gedood.",
            "lokale bronnen",
        ),
    ] {
        let ex = read(text);
        let sources: Vec<Option<String>> = ex
            .incidents
            .iter()
            .flat_map(|i| i.figures.iter())
            .flat_map(|f| f.claims.iter().map(|c| c.source.clone()))
            .collect();
        assert_eq!(sources, [Some(speaker.to_string())], "{text}");
    }
}

/// The source of every claim of every incident, in order.
fn sources(ex: &Extraction) -> Vec<String> {
    ex.incidents
        .iter()
        .flat_map(|i| &i.figures)
        .flat_map(|f| &f.claims)
        .map(|c| c.source.clone().unwrap_or_default())
        .collect()
}

#[test]
fn a_speaker_named_with_an_apposition_before_the_verb_is_the_source() {
    // "Name, who they are, said": the speaker stands before the apposition.
    let ex = read(
        "Juma Otieno, the county police commander, said the blast wounded 11 people in \
         Garissa on Sunday.",
    );
    assert_eq!(sources(&ex), ["Juma Otieno (county police commander)"]);
    let ex = read(
        "Grace Wanjiru, a spokeswoman for the regional governor, says another 11 people were \
         hurt in the attack in Garissa on Sunday.",
    );
    assert_eq!(
        sources(&ex),
        ["Grace Wanjiru (spokeswoman for the regional governor)"]
    );
    // A name after the verb is still the speaker: the apposition before it is a place's.
    let ex =
        read("The blast wounded 11 people in Garissa, a town near the border, said Juma Otieno.");
    assert_eq!(sources(&ex), ["Juma Otieno"]);
}

#[test]
fn a_place_in_the_speakers_apposition_is_where_they_serve() {
    // Garissa is the county the commander serves, not a second place of the blast.
    let ex = read(
        "A bomb killed four people at a market in Dadaab on Sunday. Juma Otieno, Garissa's \
         county police commander, says the blast wounded 11 other people.",
    );
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    assert!(ex.regional.is_empty(), "{:?}", ex.regional);
    let injured: Vec<Option<u64>> = ex.incidents[0]
        .figures
        .iter()
        .filter(|f| f.measure == incimap::model::Measure::Injured)
        .map(|f| f.best)
        .collect();
    assert_eq!(injured, [Some(11)], "{:?}", ex.incidents);
}

#[test]
fn the_place_that_closes_the_speakers_phrase_is_where_the_speaker_is() {
    for text in [
        "At least twenty people were killed in a bomb blast at a market in Garissa on \
         Saturday. Fifty others were injured, said a spokesman for the main hospital in \
         Mandera.",
        "Bij een bomexplosie op een markt in Garissa zijn zaterdag minstens twintig mensen om \
         het leven gekomen. Nog eens vijftig raakten gewond, zei een woordvoerder van het \
         ziekenhuis in Mandera.",
    ] {
        let ex = read(text);
        assert_eq!(
            common::tolls(&ex),
            [("Garissa".to_string(), Some(20), Some(50))],
            "{text}"
        );
        let kind = ex.incidents[0].event_type;
        assert!(kind.is_some(), "{text}");
    }
    // In the lead, with no incident told yet, the speaker's town is where the count is.
    let ex = read("Twenty people were killed in a bomb blast, said a police official in Garissa.");
    assert_eq!(
        common::tolls(&ex),
        [("Garissa".to_string(), Some(20), None)]
    );
    // A place the count's own clause names stays the count's place.
    let ex = read(
        "Twenty people were killed in a bomb blast in Garissa on Saturday. Two more were \
         killed in Mandera, said a police official.",
    );
    assert_eq!(
        common::tolls(&ex),
        [
            ("Garissa".to_string(), Some(20), None),
            ("Mandera".to_string(), Some(2), None)
        ]
    );
}

#[test]
fn speakers_before_an_aside_are_who_speaks_not_who_died() {
    // "Two local officials, speaking on condition of anonymity, said": the two are the
    // source of the 40, no count of the dead.
    let ex = read(
        "Two local officials, speaking on condition of anonymity, said about 40 people were \
         killed in Garissa on Monday.",
    );
    assert_eq!(
        common::tolls(&ex),
        [("Garissa".to_string(), Some(40), None)]
    );
    let figures = &ex.incidents[0].figures;
    assert_eq!(figures.len(), 1, "{figures:?}");
    let source = figures[0].claims[0].source.as_deref();
    assert_eq!(source, Some("Two local officials"));
    // An aside that itself says something is no aside before the speaker.
    let ex = read("About 40 people were killed in Garissa, residents, reached by phone, said.");
    assert_eq!(
        ex.incidents[0].figures[0].claims[0].source.as_deref(),
        Some("residents")
    );
}

#[test]
fn dutch_bodies_recovered_are_dead_and_compound_speakers_speak() {
    let ex = read("Een politiecommissaris in Garissa zei dat 45 lichamen zijn geborgen.");
    assert_eq!(
        common::tolls(&ex),
        [("Garissa".to_string(), Some(45), None)]
    );
    let figure = &ex.incidents[0].figures[0];
    assert!(figure.subject.is_none(), "{figure:?}");
    let source = figure.claims[0].source.clone().unwrap_or_default();
    assert!(source.starts_with("politiecommissaris"), "{source}");
}

#[test]
fn a_word_for_a_source_that_opens_the_text_is_read_without_fault() {
    // The speaker's phrase is looked for before the place; here a word for a source is the
    // text's very first word, with nothing before it.
    let ex = read(
        "Police and students clashed in Garissa when students protested at a police station. \
         Three students were shot and injured.",
    );
    assert_eq!(common::tolls(&ex), [("Garissa".to_string(), None, Some(3))]);
}
