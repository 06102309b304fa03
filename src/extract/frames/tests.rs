//! The frame rules on short articles written for these tests (English and Dutch): one test
//! per rule, each naming what it guards against.

use crate::extract::{extract_text, Extraction, Options, PlaceIndex};
use crate::model::Measure;

fn read(body: &str) -> Extraction {
    let text = format!("date 2024-03-06\n\n{body}\n");
    extract_text(&text, "t.txt", PlaceIndex::builtin(), &Options::default())
}

/// (place as written, measure, best) of every top-level figure of every incident.
fn figures(ex: &Extraction) -> Vec<(String, Measure, u64)> {
    ex.incidents
        .iter()
        .flat_map(|i| {
            i.figures
                .iter()
                .map(|f| (i.place.name.clone(), f.measure.clone(), f.best.unwrap_or(0)))
        })
        .collect()
}

/// Every incident lies in the country `code`.
fn assert_all_in(ex: &Extraction, code: &str) {
    let abroad: Vec<_> = ex
        .incidents
        .iter()
        .filter(|i| i.place.country_code.as_deref() != Some(code))
        .map(|i| i.place.name.clone())
        .collect();
    assert!(abroad.is_empty(), "{abroad:?}");
}

/// The text gives one regional figure and no incident.
fn assert_only_regional(text: &str) {
    let ex = read(text);
    assert!(ex.incidents.is_empty(), "{text}: {:?}", figures(&ex));
    assert_eq!(ex.regional.len(), 1, "{text}");
}

fn fig(place: &str, measure: Measure, best: u64) -> (String, Measure, u64) {
    (place.to_string(), measure, best)
}

mod clauses;
mod counts;
mod names;
mod regional;
