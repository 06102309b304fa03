//! Where people come from is not where the event happened: "five traders from A were killed
//! in B" is an incident at B. The origin is the place of the event only when the sentence
//! names no other ("residents from A protested"), and a division written with the origin
//! ("from A (Province)") is no other place; where an armed party comes from ("fighters from
//! A", "the 7th Brigade from A") never is. Sentences written for these tests; Kenyan towns
//! from the built-in gazetteer.

use incimap::extract::Extraction;
use incimap::model::Measure;

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-09-18", text)
}

fn place_names(ex: &Extraction) -> Vec<String> {
    ex.incidents.iter().map(|i| i.place.name.clone()).collect()
}

fn killed_at(ex: &Extraction, place: &str) -> Option<u64> {
    let incident = ex.incidents.iter().find(|i| i.place.name == place)?;
    incident
        .figures
        .iter()
        .find(|f| f.measure == Measure::Killed)
        .and_then(|f| f.best)
}

#[test]
fn people_from_one_town_killed_in_another_are_counted_where_they_died() {
    let ex = read("On Monday gunmen killed five traders from Kitale in Eldoret.");
    assert_eq!(place_names(&ex), ["Eldoret"], "{:?}", ex.incidents);
    assert_eq!(killed_at(&ex, "Eldoret"), Some(5));
    // The origin before the event's place, and one person (a singular noun).
    let ex = read("On Monday a man from Nyeri was shot dead near Kericho.");
    assert_eq!(place_names(&ex), ["Kericho"], "{:?}", ex.incidents);
    assert_eq!(killed_at(&ex, "Kericho"), Some(1));
    let ex = read(
        "Volgens de politie zijn maandag vijf mannen uit Kitale in Eldoret door een groep \
         gewapende mannen doodgeschoten.",
    );
    assert_eq!(place_names(&ex), ["Eldoret"], "{:?}", ex.incidents);
    assert_eq!(killed_at(&ex, "Eldoret"), Some(5));
}

#[test]
fn where_people_come_from_is_the_place_when_the_sentence_names_no_other() {
    let ex =
        read("On Monday a group of residents from Kitale protested against the price of maize.");
    assert_eq!(place_names(&ex), ["Kitale"], "{:?}", ex.incidents);
    // The division written with the origin is no other place of the event.
    let ex = read("On Monday residents from Kitale (Trans Nzoia) protested against water cuts.");
    assert_eq!(place_names(&ex), ["Kitale"], "{:?}", ex.incidents);
}

#[test]
fn where_people_fled_to_is_not_where_the_event_happened() {
    // The only town named is where the survivors went: no incident there, and the toll of
    // the attack is not drawn at it.
    let ex = read(
        "Gunmen attacked a village near the border on Sunday, killing seven people. About \
         2,000 residents who fled the attack have arrived in Kitale, a local official said.",
    );
    assert!(place_names(&ex).is_empty(), "{:?}", ex.incidents);
    let ex = read(
        "Seven people were killed in Eldoret on Sunday. Hundreds of families took refuge in \
         Kitale, where 40 more bodies were brought, the police said.",
    );
    assert_eq!(place_names(&ex), ["Eldoret"], "{:?}", ex.incidents);
    let ex = read(
        "Bij een aanval op Eldoret kwamen zondag zeven mensen om. Honderden inwoners vluchtten \
         naar Kitale, waar de politie 40 lichamen telde.",
    );
    assert_eq!(place_names(&ex), ["Eldoret"], "{:?}", ex.incidents);
}

#[test]
fn a_nearby_town_people_fled_to_is_not_where_the_event_happened() {
    for text in [
        "Fighters shelled a village on Sunday, driving families to seek refuge in the nearby \
         town of Kitale.",
        "Fighters shelled a village on Sunday, driving families to seek refuge in neighbouring \
         Kitale.",
    ] {
        let ex = read(text);
        assert!(place_names(&ex).is_empty(), "{text}: {:?}", ex.incidents);
    }
}

#[test]
fn where_an_armed_party_comes_from_is_no_place_of_the_event() {
    // The brigade and the fighters come from Witu; the fighting was at Garissa, and Witu
    // makes no incident of its own.
    for text in [
        "Fighting in Garissa killed 10 people on Wednesday. The fighting broke out between \
         local militias and the 7th Brigade from Witu.",
        "Fighting in Garissa killed 10 people on Wednesday. The fighting pitted local militias \
         against fighters from Witu.",
    ] {
        let ex = read(text);
        assert_eq!(place_names(&ex), ["Garissa"], "{text}");
    }
}
