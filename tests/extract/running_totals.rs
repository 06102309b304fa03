//! A toll brought up to a new total ("..., bringing the death toll to 15"): the number after
//! the clause is the incident's total, the smaller counts told before it are the counts it
//! adds up (its parts), never rival claims that would make the toll "4–15" or a sum of 19.
//! A toll of a wider span ("bringing the toll in the province this year to 300") is no
//! running total of the event; a day's total over a county told again later without a place
//! ("A person died and eight more were injured") is still that total, no count of the town
//! in focus; nor is a count that adds up the incidents told at their places ("three in A,
//! four in B", then "seven of our soldiers"); an earlier toll the text updates ("up from an
//! earlier toll of 10") is left out. Sentences written for these tests; Kenyan towns from
//! the built-in gazetteer.

use incimap::extract::Extraction;
use incimap::model::{Figure, Measure};

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-03-12", text)
}

fn killed(ex: &Extraction) -> &Figure {
    let figures: Vec<&Figure> = ex
        .incidents
        .iter()
        .flat_map(|i| &i.figures)
        .filter(|f| f.measure == Measure::Killed)
        .collect();
    assert_eq!(figures.len(), 1, "{:?}", ex.incidents);
    figures[0]
}

fn part_values(f: &Figure) -> Vec<Option<u64>> {
    f.parts.iter().map(|p| p.best).collect()
}

#[test]
fn counts_told_before_a_running_total_are_its_parts() {
    let ex = read(
        "Five people were killed in an attack on Eldoret on Monday, police said. Three more \
         bodies were found on Tuesday, bringing the toll to eight.",
    );
    let f = killed(&ex);
    assert_eq!(
        (f.low, f.best, f.high),
        (Some(8), Some(8), Some(8)),
        "{f:?}"
    );
    assert_eq!(part_values(f), [Some(5), Some(3)]);
    // Only the increment said before ("more"), with a qualifier on the total.
    let ex = read(
        "Gunmen attacked Eldoret on Monday, police said. Two more bodies were found on \
         Tuesday, raising the death toll to at least nine.",
    );
    let f = killed(&ex);
    assert_eq!((f.low, f.best), (Some(9), Some(9)), "{f:?}");
    assert_eq!(part_values(f), [Some(2)]);
}

#[test]
fn a_lead_that_gives_the_final_toll_is_the_same_total() {
    let ex = read(
        "Gunmen killed 15 civilians in Eldoret on Saturday, officials said. Eleven bodies \
         were found on Sunday morning. Four more bodies were found later, bringing the death \
         toll to at least 15.",
    );
    let f = killed(&ex);
    assert_eq!((f.low, f.best), (Some(15), Some(15)), "{f:?}");
    assert_eq!(part_values(f), [Some(11), Some(4)]);
}

#[test]
fn dutch_running_totals() {
    let ex = read(
        "Bij een aanval op Eldoret kwamen maandag vijf mensen om. Dinsdag stierven nog drie \
         mensen, waarmee het dodental op acht komt.",
    );
    let f = killed(&ex);
    assert_eq!(
        (f.low, f.best, f.high),
        (Some(8), Some(8), Some(8)),
        "{f:?}"
    );
    assert_eq!(part_values(f), [Some(5), Some(3)]);
}

#[test]
fn a_toll_over_a_wider_span_is_no_running_total_of_the_event() {
    let ex = read(
        "The attack killed six people in Eldoret on Monday, bringing the toll in the province \
         this year to 300.",
    );
    let f = killed(&ex);
    assert_eq!(
        (f.low, f.best, f.high),
        (Some(6), Some(6), Some(6)),
        "{f:?}"
    );
    assert!(f.parts.is_empty(), "{f:?}");
}

#[test]
fn a_total_over_a_period_told_again_is_no_count_of_the_town_in_focus() {
    let ex = common::read_sentence(
        "2024-03-08",
        "In Kitui County, a civilian was killed and eight others were injured in the past day. \
         Artillery fire hit Mwingi and Kyuso overnight. A person died and eight more were \
         injured in the attacks, the governor said.",
    );
    assert!(
        ex.incidents.iter().all(|i| i.figures.is_empty()),
        "{:?}",
        common::tolls(&ex)
    );
    assert_eq!(ex.regional.len(), 4, "{:?}", ex.regional);
}

#[test]
fn a_count_that_adds_up_the_incidents_told_is_their_total_not_the_last_ones() {
    let text = |total: &str| {
        format!(
            "Three soldiers were killed on Monday in fighting with rebels in Witu, a military \
             spokesman said. Four more soldiers were killed when troops clashed with another \
             rebel group in nearby Kipini in the afternoon. \"{total} of our soldiers have been \
             killed in the fighting,\" he said."
        )
    };
    let ex = common::read_sentence("2024-03-08", &text("Seven"));
    assert_eq!(
        common::best_by_place(&ex, Measure::Killed),
        [
            ("Witu".to_string(), Some(3)),
            ("Kipini".to_string(), Some(4))
        ]
    );
    let total = ex.regional.iter().find(|r| r.value == 7);
    assert!(
        total.is_some_and(|r| r.reason == "the total of the incidents at Witu and Kipini"),
        "{:?}",
        ex.regional
    );
    // A count that is not their sum is no such total.
    let ex = common::read_sentence("2024-03-08", &text("Nine"));
    assert!(
        ex.regional.iter().all(|r| r.value != 9),
        "{:?}",
        ex.regional
    );
}

#[test]
fn an_earlier_toll_the_text_updates_is_no_rival_claim() {
    // The old count would make the conservative best estimate 10: it is left out, with
    // its reason, and the toll is 13.
    for text in [
        "The death toll from fighting in Garissa rose to 13 on Friday, up from an earlier \
         toll of 10.",
        "The death toll from fighting in Garissa rose to 13 on Friday from 10 the day before.",
        "Het dodental van de gevechten in Garissa is vrijdag opgelopen tot 13, eerder werd nog \
         van 10 doden gesproken.",
    ] {
        let ex = read(text);
        let f = killed(&ex);
        assert_eq!((f.best, f.claims.len()), (Some(13), 1), "{text}");
        assert_eq!(ex.unattached.len(), 1, "{text}: {:?}", ex.unattached);
    }
}
