//! A part of a town told without its name: "a neighbourhood of A", "an A suburb" (the town's
//! name after the indefinite article only describes the part), also when the town comes
//! with its country's possessive and its kind ("a neighbourhood of Kenya's coastal city of A"),
//! and when capitalised words only describe the part ("a Christian neighbourhood", "a
//! mostly Muslim district"): the figures are the town's, the part is told as written, and
//! the describing word is never taken for a place name. An unnamed place situated by a named
//! stretch of land situated by a named town ("a grazing area west of A") is near it; an area
//! near something of a town the text does not name ("an area close to the fire station in
//! A") is in it. Sentences written for these tests;
//! Mombasa in Kenya from the built-in gazetteer.

use incimap::extract::Extraction;

use crate::common;

fn read(sentence: &str) -> Extraction {
    common::read_sentence("2024-09-18", sentence)
}

/// (place, subplace as told, best killed figure) of every incident.
fn incidents(ex: &Extraction) -> Vec<(String, Option<u64>)> {
    ex.incidents
        .iter()
        .map(|i| {
            let killed = i.figures.iter().find_map(|f| f.best);
            (i.place.name.clone(), killed)
        })
        .collect()
}

#[test]
fn an_unnamed_part_of_a_town_named_with_its_country_and_kind_is_in_the_town() {
    for text in [
        "A car bomb killed 14 people in a crowded neighbourhood of Kenya's coastal city of Mombasa.",
        "A car bomb killed 14 people in a neighbourhood of the coastal city of Mombasa.",
    ] {
        let ex = read(text);
        let got = incidents(&ex);
        assert_eq!(got.len(), 1, "{text}: {got:?} {:?}", ex.unattached);
        assert!(got[0].0.ends_with("Mombasa"), "{text}: {got:?}");
        assert_eq!(got[0].1, Some(14), "{text}: {got:?}");
    }
}

#[test]
fn a_capitalised_word_that_describes_a_part_is_no_name() {
    for (text, told) in [
        (
            "Gunmen killed 9 people in a Christian neighbourhood of Mombasa.",
            "a Christian neighbourhood",
        ),
        (
            "Gunmen killed 9 people in a mostly Muslim neighbourhood of Mombasa.",
            "a mostly Muslim neighbourhood",
        ),
    ] {
        let ex = read(text);
        let got = incidents(&ex);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        // The part is told as written, or left out; never as a name of its own.
        assert!(
            [format!("{told}, Mombasa"), "Mombasa".to_string()].contains(&got[0].0),
            "{text}: {got:?}"
        );
        assert_eq!(got[0].1, Some(9), "{text}: {got:?}");
    }
    // A name before the noun, with the definite article, is a name.
    let ex = read("Gunmen killed 9 people in the Majengo neighbourhood of Mombasa.");
    assert_eq!(incidents(&ex), [("Majengo, Mombasa".to_string(), Some(9))]);
}

#[test]
fn a_toll_in_towns_the_gazetteer_lacks_is_not_put_at_the_town_before() {
    // "the towns of A and B" names places of their own; unknown ones leave the toll
    // unattached rather than at the town of the sentence before.
    let ex = read(
        "A reporter in Mombasa saw the wreckage. Nine of the victims died in strikes on the \
         towns of Kwamboka and Ngerenyi.",
    );
    let got = incidents(&ex);
    assert!(got.iter().all(|(_, killed)| killed.is_none()), "{got:?}");
    assert!(
        ex.unattached
            .iter()
            .any(|u| u.value == 9 && u.reason.contains("Kwamboka")),
        "{:?}",
        ex.unattached
    );
}

#[test]
fn an_area_the_gazetteer_lacks_in_a_side_of_a_town_is_in_the_town() {
    // "the Foo area in the west of A": an area of the town, told as written, near it.
    let ex = read("A sniper shot dead a guard in the Kiembeni area in the west of Mombasa city.");
    let got = incidents(&ex);
    assert_eq!(
        got,
        [("Kiembeni, Mombasa".to_string(), Some(1))],
        "{:?}",
        ex.unattached
    );
    // A village in the north of a name may lie in the province of that name: no guess.
    let ex = read("Gunmen killed 4 herders in Kiembeni village in the north of Mombasa.");
    assert!(
        incidents(&ex).iter().all(|(_, killed)| killed.is_none()),
        "{:?}",
        incidents(&ex)
    );
}

#[test]
fn an_unnamed_place_situated_by_a_named_one_is_near_it() {
    // A known town after a word of reference: near the town, the figure with it.
    let ex = read("On Monday, 3 herders were killed by a mine in a grazing area west of Garissa.");
    let got = incidents(&ex);
    assert_eq!(got.len(), 1, "{got:?} {:?}", ex.unattached);
    assert!(got[0].0.ends_with("Garissa"), "{got:?}");
    assert_eq!(got[0].1, Some(3), "{got:?}");
    assert!(ex.unattached.is_empty(), "{:?}", ex.unattached);
    // A place of its own near a town is not the town; a province alone stays regional.
    for text in [
        "On Monday, 3 herders were killed in a village west of Garissa.",
        "On Monday, 2 soldiers died in fighting in an area in Garissa County.",
    ] {
        let ex = read(text);
        assert!(ex.incidents.iter().all(|i| i.figures.is_empty()), "{text}");
    }
    // Nothing situates it: the figure is placed nowhere.
    let ex = read("On Monday, 2 soldiers died in fighting in a remote area.");
    assert!(ex.incidents.iter().all(|i| i.figures.is_empty()));
    assert_eq!(ex.unattached.len(), 1, "{:?}", ex.unattached);
}

#[test]
fn an_unnamed_place_near_a_name_the_gazetteer_lacks_says_so() {
    // Not "the text names no town": it does, one the gazetteer lacks.
    let ex = read(
        "On Monday, 3 herders were killed in a grazing area south of the village of Olkaramatian.",
    );
    assert_eq!(ex.unattached.len(), 1, "{:?}", ex.unattached);
    let why = &ex.unattached[0].reason;
    assert!(why.contains("Olkaramatian"), "{why}");
}

#[test]
fn the_zone_or_sector_of_a_town_opening_a_report_places_what_follows() {
    // "In the northern zone of A, police chased a car. A shoot-out followed ...": the zone
    // of a town is in the town, and the next sentence goes on there.
    for text in [
        "On Monday, in the northern zone of Mombasa, police officers chased a car. A \
         shoot-out broke out and one officer was killed.",
        "On Monday, in the Likoni sector of Mombasa, police officers chased a car. A \
         shoot-out broke out and one officer was killed.",
    ] {
        let ex = read(text);
        assert_eq!(incidents(&ex), [("Mombasa".to_string(), Some(1))], "{text}");
    }
}

#[test]
fn an_area_near_something_in_a_town_is_in_the_town() {
    // The area lies by a building of the town the text does not name: it is in that town.
    for (text, told) in [
        (
            "A bomb killed 3 people in a busy area close to the central fire station in Mombasa.",
            "a busy area, Mombasa",
        ),
        (
            "A bomb killed 3 people in a crowded area near the old bus depot in Mombasa.",
            "a crowded area, Mombasa",
        ),
    ] {
        let ex = read(text);
        assert_eq!(
            incidents(&ex),
            [(told.to_string(), Some(3))],
            "{text}: {:?}",
            ex.unattached
        );
    }
    // Near something named, the area is by that name, not put in the town by this rule.
    let ex = read("A bomb killed 3 people in an area close to Bamburi Cement in Mombasa.");
    assert!(
        incidents(&ex)
            .iter()
            .all(|(place, _)| place != "an area, Mombasa"),
        "{:?}",
        ex.incidents
    );
}

#[test]
fn a_town_s_name_after_the_indefinite_article_describes_an_unnamed_part_of_it() {
    // "a Mombasa suburb" is some suburb of Mombasa: the figures are the town's.
    for text in [
        "A roadside bomb hit a Mombasa suburb on Monday, killing at least 10 people.",
        "Gunmen attacked a Mombasa neighbourhood on Monday and killed 10 people.",
    ] {
        let ex = read(text);
        assert_eq!(
            incidents(&ex),
            [("Mombasa".to_string(), Some(10))],
            "{text}"
        );
    }
}
