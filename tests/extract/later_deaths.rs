//! Deaths told after the first toll: wounded people who later died ("two of the wounded died
//! in hospital") and counts said to be more ("another two", "a further three") add to the
//! dead counted before; they are neither some of the wounded nor a rival claim about the
//! toll (which would make it "2–5"). Sentences written for these tests; Kenyan towns from the
//! built-in gazetteer.

use incimap::extract::Extraction;
use incimap::model::{Figure, Measure};

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-05-20", text)
}

/// The one figure of `measure`, as (low, best, high).
fn range(ex: &Extraction, measure: Measure) -> (Option<u64>, Option<u64>, Option<u64>) {
    let figures: Vec<&Figure> = ex
        .incidents
        .iter()
        .flat_map(|i| &i.figures)
        .filter(|f| f.measure == measure)
        .collect();
    assert_eq!(figures.len(), 1, "{measure}: {:?}", ex.incidents);
    (figures[0].low, figures[0].best, figures[0].high)
}

#[test]
fn wounded_who_later_died_are_more_dead() {
    let texts = [
        "A bomb went off at a bus stop in Kisumu on Friday, killing four people and wounding \
         ten. Three of the wounded later died in hospital, police said.",
        "A bomb went off at a bus stop in Kisumu on Friday, killing four people and wounding \
         ten. Three injured passengers died in hospital on Saturday.",
        "A bomb went off at a bus stop in Kisumu on Friday, killing four people and wounding \
         ten. Three of the injured succumbed to their wounds overnight.",
    ];
    for text in texts {
        let ex = read(text);
        assert_eq!(
            range(&ex, Measure::Killed),
            (Some(7), Some(7), Some(7)),
            "{text}"
        );
        assert_eq!(
            range(&ex, Measure::Injured),
            (Some(10), Some(10), Some(10)),
            "{text}"
        );
    }
}

#[test]
fn dutch_wounded_who_later_died_are_more_dead() {
    let ex = common::read_sentence(
        "2024-05-20",
        "Bij een aanslag op een bushalte in Kisumu zijn vrijdag vier mensen gedood en tien \
         gewond. Drie van de gewonden zijn later in het ziekenhuis overleden.",
    );
    assert_eq!(range(&ex, Measure::Killed), (Some(7), Some(7), Some(7)));
}

#[test]
fn what_else_befalls_the_wounded_is_no_death() {
    // Taken to hospital, or wounded and killed as two groups: no one of the wounded died.
    let ex = read(
        "A bomb went off at a bus stop in Kisumu on Friday, killing four people and wounding \
         ten. The wounded were taken to hospital in Kisumu.",
    );
    assert_eq!(range(&ex, Measure::Killed), (Some(4), Some(4), Some(4)));
    assert_eq!(range(&ex, Measure::Injured), (Some(10), Some(10), Some(10)));
}

#[test]
fn a_count_said_to_be_more_adds_to_the_toll() {
    let texts = [
        "Gunmen killed six villagers in Garissa on Sunday. Another two people died of their \
         injuries on Monday.",
        "Gunmen killed six villagers in Garissa on Sunday. A further two died on Monday.",
        "Gunmen killed six villagers in Garissa on Sunday. Two more died on Monday.",
        "Gunmen killed six villagers in Garissa on Sunday. An additional two people died on \
         Monday.",
    ];
    for text in texts {
        let ex = read(text);
        assert_eq!(
            range(&ex, Measure::Killed),
            (Some(8), Some(8), Some(8)),
            "{text}"
        );
    }
    // "also" alone may tell the same count again.
    let ex = read(
        "Gunmen killed six villagers in Garissa on Sunday. Six people were also killed, the \
         county commissioner said.",
    );
    assert_eq!(range(&ex, Measure::Killed).1, Some(6));
}
