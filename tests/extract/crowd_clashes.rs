//! Fights of people who are no armed side are mob violence (ACLED's Riots), however the
//! report names them and wherever it puts "between"; what "broke out" in such a fight is the
//! fight, not people out of a prison. Sentences written for these tests.

use incimap::model::{Measure, SubEventType};

use crate::common;

fn read(text: &str) -> incimap::extract::Extraction {
    let ex = common::read_sentence("2024-06-03", text);
    assert_eq!(ex.incidents.len(), 1, "{text}: {:?}", ex.incidents);
    ex
}

fn kind(text: &str) -> Option<SubEventType> {
    read(text).incidents[0].sub_event_type
}

#[test]
fn citizens_inhabitants_employees_and_families_are_no_armed_side() {
    for text in [
        "On 1 June, a group of citizens clashed with police officers outside the market in \
         Kitale.",
        "On 1 June, inhabitants of a slum clashed with the police in Kitale.",
        "On 1 June, dismissed employees clashed with guards at a factory in Kitale.",
        "On 1 June, two families clashed over a plot of land in Kitale.",
    ] {
        assert_eq!(kind(text), Some(SubEventType::MobViolence), "{text}");
    }
}

#[test]
fn between_may_come_after_where_the_clash_broke_out() {
    let text = "On 1 June, clashes broke out in Kitale between hawkers and county officers.";
    assert_eq!(kind(text), Some(SubEventType::MobViolence), "{text}");
    // A comma ends the clash's own words: "between" after it joins something else.
    let text = "On 1 June, soldiers clashed with rebels near Kitale, on the road between two \
                villages.";
    assert_eq!(kind(text), Some(SubEventType::ArmedClash), "{text}");
}

#[test]
fn a_fight_that_broke_out_is_no_escape() {
    let ex = read("On 1 June, a fight broke out in Kitale between two families.");
    let escaped = ex.incidents[0]
        .figures
        .iter()
        .any(|f| f.measure == Measure::Escaped);
    assert!(!escaped, "{:?}", ex.incidents[0].figures);
    assert!(!ex.incidents[0].tags.iter().any(|t| t == "escape"));
    // People who broke out still escaped.
    let ex = read("On 1 June, 120 inmates broke out of the prison in Kitale.");
    let escaped: Vec<Option<u64>> = ex.incidents[0]
        .figures
        .iter()
        .filter(|f| f.measure == Measure::Escaped)
        .map(|f| f.best)
        .collect();
    assert_eq!(escaped, [Some(120)]);
}
