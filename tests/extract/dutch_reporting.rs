//! Dutch ways of reporting a toll: the death toll as a noun ("het dodental is opgelopen tot
//! 45"), a source that "speaks of" a toll ("X spreekt van 100 doden"), and shootings and
//! stabbings as attacks. And in both languages: a place named only with a total for a whole
//! war or period is no incident of its own. Sentences written for these tests; Mombasa and
//! Wajir in Kenya from the built-in gazetteer. Also: Dutch "of" ("or") between two names; a
//! word for a country's people before its town ("het Keniaanse Mombasa"); losing or leaving
//! one's life ("verloren het leven"), or a thing that costs people their life ("kostte vier
//! mensen het leven"); a day that names a square ("het 12 Decemberplein"); a capitalised
//! conjunction that opens a sentence ("Hoewel ..."); an age written "50-jarige", no count.

use incimap::extract::Extraction;
use incimap::model::{Measure, SubEventType};

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-03-08", text)
}

/// (place, measure, best, source of the first claim) of every figure.
fn figures(ex: &Extraction) -> Vec<(String, Measure, Option<u64>, Option<String>)> {
    ex.incidents
        .iter()
        .flat_map(|i| {
            i.figures.iter().map(|f| {
                (
                    i.place.name.clone(),
                    f.measure.clone(),
                    f.best,
                    f.claims.first().and_then(|c| c.source.clone()),
                )
            })
        })
        .collect()
}

#[test]
fn the_death_toll_as_a_noun_counts_the_dead() {
    let ex = read("Het dodental van de aanslag in Mombasa is opgelopen tot 45, meldt de politie.");
    assert_eq!(
        figures(&ex),
        [(
            "Mombasa".to_string(),
            Measure::Killed,
            Some(45),
            Some("politie".to_string())
        )]
    );
}

#[test]
fn a_source_that_speaks_of_a_toll_is_its_source() {
    let ex = read("Het Rode Kruis spreekt van meer dan honderd doden in Wajir.");
    let got = figures(&ex);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].3.as_deref(), Some("Rode Kruis"), "{got:?}");
}

#[test]
fn a_shooting_or_a_stabbing_is_an_attack() {
    for text in [
        "Bij een schietpartij in Mombasa is een man om het leven gekomen.",
        "Bij een steekpartij in Mombasa raakten twee mannen gewond.",
    ] {
        let ex = read(text);
        assert_eq!(ex.incidents.len(), 1, "{text}: {:?}", ex.incidents);
        assert_eq!(
            ex.incidents[0].sub_event_type,
            Some(SubEventType::Attack),
            "{text}"
        );
    }
}

#[test]
fn a_place_named_only_with_a_war_total_is_no_incident() {
    for text in [
        "In Wajir more than 3,000 people have been killed since the war began, officials say.",
        "In Wajir zijn sinds het begin van de oorlog ruim 3.000 mensen omgekomen, zeggen de autoriteiten.",
    ] {
        let ex = read(text);
        assert!(ex.incidents.is_empty(), "{text}: {:?}", ex.incidents);
        assert_eq!(ex.regional.len(), 1, "{text}: {:?}", ex.regional);
    }
    // A strike told in the same sentence is still an incident.
    let ex =
        read("Rebels shelled Wajir, where more than 3,000 people have been killed since 2020.");
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
}

#[test]
fn of_between_two_names_is_or_in_dutch() {
    // Dutch "of" joins a list ("A of B"); it does not make "A of B" one longer name.
    let ex = read("De twee mannen reisden naar Kenia of Tanzania om te vechten.");
    let written: Vec<&str> = ex.places.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(written, ["Kenia", "Tanzania"], "{:?}", ex.places);
}

/// A Dutch text read as Dutch (short sentences tell too little to detect it).
fn read_dutch(text: &str) -> Extraction {
    use incimap::extract::{extract_text, Options, PlaceIndex};
    let options = Options {
        language: Some("nl".to_string()),
        ..Options::default()
    };
    let source = format!("date 2024-03-08\n{text}\n");
    extract_text(&source, "test.txt", PlaceIndex::builtin(), &options)
}

/// (place, best) of every figure.
fn tolls(ex: &Extraction) -> Vec<(String, Option<u64>)> {
    figures(ex)
        .into_iter()
        .map(|(place, _, best, _)| (place, best))
        .collect()
}

#[test]
fn a_word_for_the_country_before_a_town_says_where_it_lies() {
    // "het Keniaanse Mombasa": the country's people, then its town; the town is the place,
    // also when the next sentence counts the dead ("Daarbij ...").
    for text in [
        "In het Keniaanse Mombasa zijn bij een aanslag twee doden gevallen.",
        "In het Keniaanse Mombasa reed een busje in op een groep mensen. Daarbij vielen twee \
         doden.",
        "In de Keniaanse havenstad Mombasa reed een busje in op een groep mensen. Daarbij \
         vielen twee doden.",
    ] {
        assert_eq!(
            tolls(&read_dutch(text)),
            [("Mombasa".to_string(), Some(2))],
            "{text}"
        );
    }
    // And in English.
    let ex = read("Two people were killed in a bomb blast in Kenyan Mombasa on Friday.");
    assert_eq!(tolls(&ex), [("Mombasa".to_string(), Some(2))]);
}

#[test]
fn losing_or_leaving_ones_life_is_dying() {
    for text in [
        "Bij de aanslag in Mombasa verloren vier mensen het leven.",
        "Bij de aanslag in Mombasa lieten vier agenten het leven.",
        "Bij de aanslag in Mombasa hebben vier mensen het leven verloren.",
        // In a subordinate clause the verb comes last.
        "Er was een aanslag in Mombasa, waarbij vier agenten het leven lieten.",
        // "iemand het leven kosten": to cost someone their life.
        "De aanslag in Mombasa kostte vier mensen het leven.",
        "De aanslag in Mombasa heeft aan zeker vier mensen het leven gekost.",
        "Een brand in Mombasa kostte zondag het leven aan vier kinderen.",
        // "omkomen" split, with a clause of time or cause right after "om".
        "Vier bewakers van een konvooi kwamen om toen een bom ontplofte in Mombasa.",
        "Vier agenten kwamen om nadat hun wagen in Mombasa op een mijn reed.",
        "Vier agenten kwamen om doordat hun wagen in Mombasa op een mijn reed.",
    ] {
        let ex = read_dutch(text);
        assert_eq!(
            figures(&ex)
                .iter()
                .map(|f| (f.1.clone(), f.2))
                .collect::<Vec<_>>(),
            [(Measure::Killed, Some(4))],
            "{text}"
        );
    }
}

#[test]
fn a_day_that_names_a_square_counts_nothing() {
    // A square named after a date: "het 12 Decemberplein" is a place, not twelve dead.
    let ex = read_dutch(
        "Op het 12 Decemberplein in Mombasa werden vanochtend drie mensen doodgeschoten.",
    );
    assert_eq!(tolls(&ex), [("Mombasa".to_string(), Some(3))]);
}

#[test]
fn civilian_dead_and_the_flemish_toll_count_the_dead() {
    for text in [
        "Bij bombardementen nabij Mombasa zijn zondag meer dan twintig burgerdoden gevallen.",
        "Bij raids nabij Mombasa liep de dodentol zondag op tot twintig.",
    ] {
        let ex = read_dutch(text);
        let killed: Vec<Option<u64>> = figures(&ex)
            .iter()
            .filter(|f| f.1 == Measure::Killed)
            .map(|f| f.2)
            .collect();
        assert_eq!(killed, [Some(20)], "{text}: {:?}", ex.unattached);
    }
}

#[test]
fn a_dutch_conjunction_that_opens_the_sentence_is_no_part_of_the_name_after_it() {
    for opening in ["Hoewel", "Ondanks", "Zelfs", "Toch", "Zodra"] {
        let text = format!("De agenten trokken weg. {opening} Eindhoven rustig bleef, gingen ze.");
        let ex = read_dutch(&text);
        let written: Vec<&str> = ex.places.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(written, ["Eindhoven"], "{text}");
    }
}

#[test]
fn giving_life_to_children_is_no_death() {
    // "het leven schenken aan": to give birth to.
    let ex = read_dutch("In Mombasa schonk zij het leven aan vier kinderen.");
    assert!(
        figures(&ex).iter().all(|f| f.1 != Measure::Killed),
        "{:?}",
        figures(&ex)
    );
}

#[test]
fn a_village_named_right_after_its_noun_is_a_place_the_gazetteer_lacks() {
    // "het dorp Ngarekol": Dutch names the village after the noun; the count is Ngarekol's, a
    // place to add, not a count with no place (which may wait for a later town).
    let ex = read(
        "Gewapende mannen hebben het dorp Ngarekol aangevallen en daarbij twintig mensen gedood.",
    );
    assert!(ex.incidents.is_empty(), "{:?}", ex.incidents);
    let reasons: Vec<&str> = ex.unattached.iter().map(|u| u.reason.as_str()).collect();
    assert!(
        reasons.iter().any(|r| r.contains("\"Ngarekol\"")),
        "{reasons:?}"
    );
}

#[test]
fn an_age_written_with_jarige_is_no_count() {
    let ex = read_dutch(
        "Bij de aanslag in Garissa, die werd uitgevoerd door een 50-jarige man, kwamen maandag \
         vijf mensen om.",
    );
    assert_eq!(tolls(&ex), [("Garissa".to_string(), Some(5))]);
    assert!(ex.regional.is_empty(), "{:?}", ex.regional);
}
