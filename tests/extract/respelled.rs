//! Places the gazetteer holds under another spelling. A name a place noun introduces ("the
//! town of X", "X village", "het dorp X") that the gazetteer lacks as written is read as the
//! one place of a close spelling in the area the text gives: the province or town named
//! right after it, else near the towns of the country the article is about or inside a
//! province of it the article names. Elsewhere, or
//! with no such place, it stays a name the gazetteer lacks. A list after a locative ("in A,
//! B and C in Y province") is held by the division after it. Sentences written for these
//! tests; "Tikriet" is written for the gazetteer's Tikrīt (Iraq), near Baiji and Samarra;
//! "Kakoma" for Kakuma, some 100 km from Lodwar in Kenya's Turkana county.

use incimap::extract::Extraction;
use incimap::model::Measure;

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2023-10-02", text)
}

/// (place as written, gazetteer name, country, best killed figure) of every incident.
fn places(ex: &Extraction) -> Vec<(String, String, String, Option<u64>)> {
    ex.incidents
        .iter()
        .map(|i| {
            let killed = i
                .figures
                .iter()
                .find(|f| f.measure == Measure::Killed)
                .and_then(|f| f.best);
            (
                i.place.name.clone(),
                i.place.canonical_name.clone().unwrap_or_default(),
                i.place.country_code.clone().unwrap_or_default(),
                killed,
            )
        })
        .collect()
}

#[test]
fn a_respelled_town_in_its_named_province_is_found() {
    let ex =
        read("A car bomb killed six soldiers in the town of Tikriet in Salah ad Din province.");
    let got = places(&ex);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "Tikriet");
    assert_eq!(got[0].2, "IQ");
    assert!(got[0].1.starts_with("Tikr"), "{got:?}");
    assert_eq!(got[0].3, Some(6));
}

#[test]
fn a_respelled_town_outside_the_province_named_stays_unknown() {
    // Tikrīt does not lie in Nineveh: the text says the place is elsewhere.
    let ex = read("A car bomb killed six soldiers in the town of Tikriet in Nineveh province.");
    assert!(
        !places(&ex).iter().any(|p| p.1.starts_with("Tikr")),
        "{:?}",
        places(&ex)
    );
}

#[test]
fn a_respelled_town_near_the_articles_towns_is_found_and_found_again() {
    let ex = read(
        "Gunmen attacked a checkpoint in Baiji on Sunday. A day later a car bomb killed six \
         soldiers in the village of Tikriet, police in Baghdad said. Tikriet had been calm \
         for months.",
    );
    let got = places(&ex);
    let tikrit: Vec<_> = got.iter().filter(|p| p.1.starts_with("Tikr")).collect();
    assert_eq!(tikrit.len(), 1, "{got:?}");
    assert_eq!(tikrit[0].3, Some(6));
    // The name written again, without its place noun, is the same place.
    let again: Vec<_> = ex
        .places
        .iter()
        .filter(|m| m.text == "Tikriet")
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(again.len(), 2, "{:?}", ex.places);
    assert!(again.iter().all(|n| n.starts_with("Tikr")), "{again:?}");
}

#[test]
fn a_respelled_name_far_from_the_articles_country_stays_unknown() {
    // Only Libya's Gharyan is a close spelling of "Gharyaan": not in the Iraq the article is
    // about, and no province is named with it.
    let ex = read(
        "Gunmen attacked a checkpoint in Baiji on Sunday. A day later a car bomb killed six \
         soldiers in the village of Gharyaan, police in Baghdad said.",
    );
    let got = places(&ex);
    assert!(!got.iter().any(|p| p.2 == "LY"), "{got:?}");
    assert!(
        ex.unattached
            .iter()
            .any(|u| u.reason.contains("Gharyaan") && u.reason.contains("not in the gazetteer")),
        "{:?}",
        ex.unattached
    );
}

#[test]
fn a_name_without_a_place_noun_is_not_respelled() {
    // "in Tikriet" alone: the name could be anything the gazetteer lacks; only the place
    // noun makes it a place worth a looser look-up.
    let ex = read("A car bomb killed six soldiers in Tikriet, police in Baghdad and Baiji said.");
    assert!(
        !places(&ex).iter().any(|p| p.1.starts_with("Tikr")),
        "{:?}",
        places(&ex)
    );
}

#[test]
fn dutch_the_place_noun_before_the_name() {
    let ex = read(
        "Bij een bomaanslag in het stadje Tikriet in de provincie Salah ad Din zijn zes \
         soldaten omgekomen.",
    );
    let got = places(&ex);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].1.starts_with("Tikr"), "{got:?}");
    assert_eq!(got[0].3, Some(6));
}

#[test]
fn the_tail_of_a_longer_name_is_not_respelled() {
    // "Ras de Tikriet": the name starts before its joining word; its last word alone is no
    // spelling of the town.
    let ex = read(
        "Gunmen attacked a checkpoint in Baiji on Sunday. A day later a car bomb killed six \
         soldiers in Ras de Tikriet village, police in Baghdad said.",
    );
    assert!(
        !places(&ex).iter().any(|p| p.1.starts_with("Tikr")),
        "{:?}",
        places(&ex)
    );
}

#[test]
fn an_address_after_a_locative_places_a_respelled_name() {
    // "in X (Y)", "in X, Y province": the division that follows holds the place.
    for text in [
        "Gunmen killed two farmers in Tikriet (Salah ad Din) on Friday.",
        "Gunmen killed two farmers in Tikriet, Salah ad Din province, on Friday.",
    ] {
        let got = places(&read(text));
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert!(got[0].1.starts_with("Tikr"), "{text}: {got:?}");
        assert_eq!(got[0].3, Some(2), "{text}: {got:?}");
    }
}

#[test]
fn names_listed_after_a_place_noun_are_in_its_slot() {
    let ex = read(
        "Gunmen attacked a checkpoint in Baiji on Sunday. A day later car bombs killed six \
         soldiers in the villages of Samarra and Tikriet, police in Baghdad said.",
    );
    let got = places(&ex);
    assert!(got.iter().any(|p| p.1.starts_with("Tikr")), "{got:?}");
}

#[test]
fn a_list_after_a_locative_is_placed_by_the_division_after_the_whole_list() {
    // "in A, B and C in the Y countryside": the division after the list holds each name of
    // it; a respelled name among them is read there.
    for text in [
        "Car bombs exploded in Baiji, Tikriet and Foo in Salah ad Din province on Friday.",
        "Shelling hit houses in Baiji, Tikriet and Foo in the province of Salah ad Din.",
        "Shelling hit houses in Foo, Tikriet, and Baiji in Salah ad Din province.",
    ] {
        let ex = read(text);
        let tikrit: Vec<&str> = ex
            .places
            .iter()
            .filter(|m| m.text == "Tikriet")
            .map(|m| m.country_code.as_str())
            .collect();
        assert_eq!(tikrit, ["IQ"], "{text}: {:?}", ex.places);
    }
    // Outside the division the list names, the spelling stays unknown.
    let ex = read("Shelling hit houses in Baiji, Tikriet and Foo in Nineveh province.");
    assert!(
        ex.places.iter().all(|m| m.text != "Tikriet"),
        "{:?}",
        ex.places
    );
}

#[test]
fn a_respelled_village_inside_a_province_the_article_names_is_found() {
    // Kakuma lies too far from Lodwar to be read as near it, but inside the county the
    // article names.
    let ex = read(
        "Bandits killed four herders near Lodwar in Turkana county on Monday. In the west \
         of the county, gunmen raided the village of Kakoma, killing two traders.",
    );
    let found = places(&ex);
    assert!(
        found.contains(&("Kakoma".into(), "Kakuma".into(), "KE".into(), Some(2))),
        "{found:?}"
    );
}

#[test]
fn a_name_carried_on_by_a_joining_word_is_not_respelled_by_its_first_words() {
    // "La Presa del Foo" is one name; "La Presa" alone is no spelling of it.
    let ex = read(
        "On Monday, near Lodwar, Turkana, police were ambushed in the community of Kakoma del \
         Norte.",
    );
    assert!(
        ex.places.iter().all(|m| m.name != "Kakuma"),
        "{:?}",
        ex.places
    );
}
