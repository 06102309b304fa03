//! Inmates freed or released are counted by the verb that frees them, not by their noun's own
//! measure (held): "attacked the prison, freeing 1,300 inmates" counts 1,300 who got out, and
//! "releasing 300 prisoners" 300 released. Sentences written for these tests; Kasulu
//! (Tanzania) from the built-in gazetteer.

use incimap::extract::Extraction;
use incimap::model::Measure;

use crate::common;

fn read(sentence: &str) -> Extraction {
    common::read_sentence("2024-05-02", sentence)
}

/// (measure, best) of every figure of every incident.
fn figures(ex: &Extraction) -> Vec<(Measure, Option<u64>)> {
    ex.incidents
        .iter()
        .flat_map(|i| &i.figures)
        .map(|f| (f.measure.clone(), f.best))
        .collect()
}

#[test]
fn inmates_freed_by_attackers_got_out() {
    for text in [
        "Gunmen attacked the prison in Kasulu on Monday, freeing more than 1,300 inmates.",
        "Strijders bestormden maandag de gevangenis in Kasulu en bevrijdden 1300 gevangenen.",
    ] {
        assert_eq!(
            figures(&read(text)),
            [(Measure::Escaped, Some(1300))],
            "{text}"
        );
    }
}

#[test]
fn prisoners_being_released_are_released_not_held() {
    let ex = read("The government is releasing 300 prisoners from the prison in Kasulu.");
    let released = Measure::Other("released".to_string());
    assert_eq!(figures(&ex), [(released, Some(300))]);
}
