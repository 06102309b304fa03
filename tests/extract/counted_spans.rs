//! A span of time counted out with a figure ("in six years", "over two months", "in zes
//! jaar tijd") makes it a total over that span; a period that only ranks the event among
//! others ("the deadliest attack in three years", "the worst violence since March") does
//! not. Sentences written for these tests.

use incimap::extract::Extraction;

use crate::common;

/// Published on a Friday.
fn read(text: &str) -> Extraction {
    common::read_sentence("2024-03-08", text)
}

#[test]
fn a_toll_over_a_counted_span_of_years_or_months_is_regional() {
    for text in [
        "Gunmen killed 12 people in Garissa on Saturday. More than 2,000 people have been \
         killed in six years.",
        "Gunmen killed 12 people in Garissa on Saturday. Some 900 people died over two \
         months of fighting.",
        "Bij een aanval op Garissa kwamen zaterdag twaalf mensen om. Er vielen meer dan \
         2.000 doden in zes jaar tijd.",
    ] {
        let ex = read(text);
        let regional: Vec<u64> = ex.regional.iter().map(|u| u.value).collect();
        assert_eq!(regional.len(), 1, "{text}: {:?}", ex.regional);
        assert!(regional[0] >= 900, "{text}: {regional:?}");
        let best: Vec<Option<u64>> = ex.incidents[0].figures.iter().map(|f| f.best).collect();
        assert_eq!(best, [Some(12)], "{text}");
    }
}

#[test]
fn an_event_ranked_among_those_of_a_period_is_still_one_event() {
    for text in [
        "Gunmen killed 32 people in Garissa on Saturday, the deadliest attack in three years.",
        "Gunmen killed 32 people in Garissa on Saturday, the worst violence since March.",
        "Gunmen killed 32 people in Garissa on Saturday, the third such attack this year.",
        "Het was de tweede aanslag in een week: in Garissa kwamen zaterdag 32 mensen om.",
    ] {
        let ex = read(text);
        assert!(ex.regional.is_empty(), "{text}: {:?}", ex.regional);
        let best: Vec<Option<u64>> = ex.incidents[0].figures.iter().map(|f| f.best).collect();
        assert_eq!(best, [Some(32)], "{text}");
    }
}
