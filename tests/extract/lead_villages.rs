//! The village of a wire report: named after a time ("the Foo village at dawn in the Bar
//! district"), called "the village" again later, or only announced in the lead ("attacked a
//! village in A state") and named in the next sentence; a village that several towns only
//! situate ("a village bordering A and B") makes no incident at them. Sentences written for these tests;
//! towns and states from the built-in gazetteer (Numan and Jibia are Nigerian local
//! government areas in Adamawa and Katsina, Zurmi only a district of Zamfara); "Kolbeyiri"
//! is made up.

use incimap::extract::Extraction;
use incimap::model::{GeoPrecision, Measure};

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-03-06", text)
}

/// (place as told, precision, killed) of every incident.
fn incidents(ex: &Extraction) -> Vec<(String, GeoPrecision, Option<u64>)> {
    let killed = common::best_by_place(ex, Measure::Killed);
    common::incident_places(ex)
        .into_iter()
        .zip(killed)
        .map(|((name, precision), (_, best))| (name, precision, best))
        .collect()
}

fn kolbeyiri_near_numan(killed: u64) -> Vec<(String, GeoPrecision, Option<u64>)> {
    vec![(
        "Kolbeyiri, Numan".to_string(),
        GeoPrecision::NearTown,
        Some(killed),
    )]
}

#[test]
fn a_time_between_a_village_and_its_district_leaves_it_there() {
    for text in [
        "Armed men stormed the Kolbeyiri village on Sunday night in the Numan local \
         government area of Adamawa, killing four farmers.",
        "Armed men stormed the Kolbeyiri village at around 3 a.m. local time in the Numan \
         local government area of Adamawa, killing four farmers.",
        "Armed men stormed the Kolbeyiri village in the early hours of Sunday in the Numan \
         local government area of Adamawa, killing four farmers.",
    ] {
        assert_eq!(incidents(&read(text)), kolbeyiri_near_numan(4), "{text}");
    }
}

#[test]
fn the_village_said_again_is_the_village_not_its_district() {
    // The count names "the village": the one just told, which lies by Jibia.
    let ex = read(
        "Armed men raided the Kolbeyiri village in the Jibia local government area of \
         Katsina on Friday. The police said the nine people killed were shot on farms \
         outside the village.",
    );
    assert_eq!(
        incidents(&ex),
        [(
            "Kolbeyiri, Jibia".to_string(),
            GeoPrecision::NearTown,
            Some(9)
        )]
    );
}

#[test]
fn a_lead_village_named_in_the_next_sentence_takes_the_lead_counts() {
    let ex = read(
        "Gunmen attacked a village in northern Nigeria's Adamawa state early on Monday, \
         killing six villagers, the police said. The attackers stormed the Kolbeyiri \
         village in the Numan local government area on motorbikes.",
    );
    assert_eq!(incidents(&ex), kolbeyiri_near_numan(6));
    assert!(ex.regional.is_empty(), "{:?}", ex.regional);
}

#[test]
fn a_long_headline_repeating_the_lead_counts_does_not_hold_them_back() {
    // A wire headline of 14 tokens without a full stop heads the report: its counts repeat
    // the lead's, and the village named after the lead takes them.
    let ex = read(
        "Nigeria: Gunmen kill 6 villagers, injure 3 in Adamawa state – police\n\n\
         Gunmen attacked a village in northern Nigeria's Adamawa state early on Monday, \
         killing six villagers and injuring three others, the police said.\n\n\
         The attackers stormed the Kolbeyiri village in the Numan local government area on \
         motorbikes.",
    );
    assert_eq!(incidents(&ex), kolbeyiri_near_numan(6));
    assert!(ex.regional.is_empty(), "{:?}", ex.regional);
}

#[test]
fn a_lead_village_never_named_stays_in_its_state() {
    // No sentence names the village: the count stays with the state, apart from any town.
    let ex = read(
        "Gunmen attacked a village in Adamawa state early on Monday, killing six villagers. \
         The governor condemned the attack.",
    );
    assert!(
        ex.incidents.iter().all(|i| i.figures.is_empty()),
        "{:?}",
        ex.incidents
    );
    let regional: Vec<_> = ex
        .regional
        .iter()
        .map(|r| (r.value, r.area.as_deref()))
        .collect();
    assert_eq!(regional, [(6, Some("Adamawa"))]);
}

#[test]
fn a_lead_village_in_a_country_named_next_takes_the_lead_counts() {
    for lead in [
        "Gunmen killed nine farmers in a village in northern Nigeria on Sunday, police said.",
        "Gunmen killed nine farmers in a remote village on Sunday, police said.",
    ] {
        let text = format!(
            "{lead} The gunmen stormed the Kolbeyiri village in the Numan local government \
             area on motorbikes."
        );
        assert_eq!(incidents(&read(&text)), kolbeyiri_near_numan(9), "{text}");
    }
}

#[test]
fn a_lead_count_in_a_whole_country_joins_the_town_the_next_sentence_names_there() {
    // The lead names only the country; the next sentence tells where the bomb went off.
    for text in [
        "At least twelve people were killed on Sunday in a suicide bombing in Nigeria. A \
         woman blew herself up at a phone market in the town of Numan.",
        "Zeker twaalf mensen zijn zondag om het leven gekomen door een zelfmoordaanslag in \
         Nigeria. Een vrouw blies zichzelf op op een telefoonmarkt in de stad Numan.",
    ] {
        let ex = read(text);
        assert_eq!(
            common::tolls(&ex),
            [("Numan".to_string(), Some(12), None)],
            "{text}"
        );
    }
    // A town of another country tells of something else: the count stays the country's.
    let ex = read(
        "Twelve people were killed in Nigeria on Sunday. In Ghana, protesters marched in Kumasi.",
    );
    assert_eq!(common::tolls(&ex), [("Kumasi".to_string(), None, None)]);
    assert_eq!(ex.regional.len(), 1, "{:?}", ex.regional);
}

#[test]
fn a_lead_count_in_a_province_joins_the_town_the_next_sentence_names_there() {
    // Naivasha lies in Nakuru County; Eldoret does not.
    let joined = vec![("Naivasha".to_string(), Some(4), Some(12))];
    let ex = read(
        "A suicide bomber killed four people in Nakuru County on Monday, officials said. \
         Another 12 people were wounded in the attack in Naivasha, the police said.",
    );
    assert_eq!(common::tolls(&ex), joined, "{:?}", ex.incidents);
    let ex = read(
        "Een zelfmoordterrorist heeft maandag in de provincie Nakuru vier mensen gedood, meldt \
         de politie. Bij de aanslag in Naivasha raakten nog twaalf mensen gewond.",
    );
    assert_eq!(common::tolls(&ex), joined, "{:?}", ex.incidents);
    // A town of another province: the lead's count stays regional, in its province.
    let ex = read(
        "A suicide bomber killed four people in Nakuru County on Monday, officials said. \
         Another 12 people were wounded in the attack in Eldoret, the police said.",
    );
    assert_eq!(
        common::tolls(&ex),
        [("Eldoret".to_string(), None, Some(12))],
        "{:?}",
        ex.incidents
    );
    assert_eq!(ex.regional.len(), 1, "{:?}", ex.regional);
    // A count over several places of the province is no one town's.
    let ex = read(
        "Rival militias clashed in several villages in Nakuru County on Monday, killing 14 \
         people. Fighting broke out in Naivasha and other areas, the police said.",
    );
    assert_eq!(
        common::tolls(&ex),
        [("Naivasha".to_string(), None, None)],
        "{:?}",
        ex.incidents
    );
}

#[test]
fn a_lead_count_with_no_place_is_regional_in_the_province_the_next_sentence_gives_the_event() {
    let ex = read(
        "At least six people were killed on Friday when a suicide bomber attacked a wedding \
         in eastern Kenya, an official said. The group later claimed responsibility for the \
         bombing in Garissa County, close to the border.",
    );
    assert!(ex.incidents.is_empty(), "{:?}", ex.incidents);
    let regional: Vec<(u64, Option<&str>)> = ex
        .regional
        .iter()
        .map(|u| (u.value, u.area.as_deref()))
        .collect();
    assert_eq!(regional, [(6, Some("Garissa County"))], "{:?}", ex.regional);
    // A province the next sentence names for something else says nothing of the event.
    let ex = read(
        "At least six people were killed on Friday when a suicide bomber attacked a wedding \
         in eastern Kenya, an official said. The group is active in Garissa County, close to \
         the border.",
    );
    assert!(ex.regional.is_empty(), "{:?}", ex.regional);
    assert_eq!(ex.unattached.len(), 1, "{:?}", ex.unattached);
}

#[test]
fn a_count_told_after_days_after_is_another_event_even_at_the_same_town() {
    // The 44 were killed in another raid two days before: a second incident, not a rival
    // count of the 19.
    let ex = read(
        "At least 19 people were killed in an attack on Witu, officials said on Sunday. The \
         attack came two days after another raid on two villages of the Witu division, where \
         at least 44 people were killed.",
    );
    assert_eq!(
        common::tolls(&ex),
        [
            ("Witu".to_string(), Some(19), None),
            ("Witu".to_string(), Some(44), None)
        ]
    );
    // Two sentences that each recall the same earlier event there tell one event.
    let ex = read(
        "Rebels shelled a market in Lamu on Sunday, a day after 12 people were killed in an \
         air strike on Witu. The shelling came a day after the strike on Witu left 12 dead \
         and 30 wounded.",
    );
    let witu = ex
        .incidents
        .iter()
        .filter(|i| i.place.name == "Witu")
        .count();
    assert_eq!(witu, 1, "{:?}", common::tolls(&ex));
}

#[test]
fn the_village_said_again_is_the_village_not_the_district_it_is_placed_in() {
    // Zurmi is only a district (local government area) in the built-in gazetteer: the
    // village lies in it, and "the village" is still the village.
    let ex = read(
        "The attack in Kolbeyiri village, Zurmi Local Government Area on Thursday claimed the \
         lives of 12 people. The police said about 300 bandits stormed the village on \
         motorbikes, killing seven policemen.",
    );
    let places: Vec<String> = ex.incidents.iter().map(|i| i.place.name.clone()).collect();
    assert_eq!(places, ["Kolbeyiri, Zurmi"]);
}

#[test]
fn a_village_that_several_towns_only_situate_makes_no_incident_at_them() {
    // The counts of an unnamed village stay unattached; the towns it borders are no
    // incidents of their own.
    for text in [
        "Violence flared again in northern Kenya this week, officials said. One herder was \
         killed and ten were injured in a village bordering Garissa and the Mandera district on \
         Monday, police said.",
        "Violence flared again in northern Kenya this week, officials said. One herder was \
         killed and ten were injured in a village on the border of Lodwar and Kitale on Monday, \
         police said.",
    ] {
        let ex = read(text);
        assert!(ex.incidents.is_empty(), "{text}: {:?}", incidents(&ex));
        assert_eq!(ex.unattached.len(), 2, "{text}");
    }
    // A village in one district still marks an event there, its counts unattached.
    let ex = read(
        "Violence flared again in northern Kenya this week, officials said. One herder was \
         killed and ten were injured in a village in Mandera district on Monday, police said.",
    );
    assert_eq!(ex.incidents.len(), 1, "{:?}", incidents(&ex));
}

#[test]
fn a_village_in_a_province_far_after_the_count_keeps_the_count_in_the_province() {
    // The count comes first and the province many words later: still the village the
    // sentence puts in that province, regional there (no town named).
    let ex = read(
        "At least 29 people were killed on Saturday when gunmen opened fire on residents in a \
         village in the Ashanti region, an official said.",
    );
    assert!(ex.incidents.is_empty(), "{:?}", ex.incidents);
    assert_eq!(ex.regional.len(), 1, "{:?}", ex.regional);
    assert_eq!(ex.regional[0].value, 29);
    assert_eq!(ex.regional[0].area.as_deref(), Some("Ashanti"));
}
