//! Counts of the same people by different sources are one figure with rival claims, even
//! when only one of them says who was hit; and a count of buildings or vehicles is no count
//! of people, whatever words for people stand before it. Sentences written for these tests.

use incimap::extract::Extraction;
use incimap::model::Measure;

use crate::common;

fn read(text: &str) -> Extraction {
    common::read_sentence("2024-06-03", text)
}

/// Per figure of `measure` in the only incident: its claims (value, source).
fn claims(ex: &Extraction, measure: Measure) -> Vec<Vec<(u64, Option<String>)>> {
    assert_eq!(ex.incidents.len(), 1, "{:?}", ex.incidents);
    ex.incidents[0]
        .figures
        .iter()
        .filter(|f| f.measure == measure)
        .map(|f| {
            f.claims
                .iter()
                .map(|c| (c.value, c.source.clone()))
                .collect()
        })
        .collect()
}

#[test]
fn a_second_source_counting_the_wounded_again_is_a_rival_claim() {
    let ex = read(
        "A bomb tore through a market in Kenema on Monday, wounding dozens, the police said. \
         According to doctors, at least fifty people were wounded.",
    );
    assert_eq!(
        claims(&ex, Measure::Injured),
        [vec![
            (12, Some("police".to_string())),
            (50, Some("doctors".to_string()))
        ]]
    );
    let ex = read(
        "Bij een aanslag op een markt in Kenema raakten maandag tientallen mensen gewond, meldde \
         de politie. Volgens artsen zijn zeker vijftig gewonden gevallen.",
    );
    assert_eq!(claims(&ex, Measure::Injured).len(), 1, "{:?}", ex.incidents);
}

#[test]
fn one_building_counted_is_no_count_of_the_dead() {
    let ex = read(
        "After shelling on Monday, activists said at least 30 bodies had been brought to one \
         field hospital in Kenema.",
    );
    let killed = common::best_by_place(&ex, Measure::Killed);
    assert_eq!(killed, [("Kenema".to_string(), Some(30))]);
    // A word for a building before the people counted says which people.
    let ex = read("Gunmen shot dead two village elders and one school teacher in Kenema.");
    let killed = common::best_by_place(&ex, Measure::Killed);
    assert_eq!(killed, [("Kenema".to_string(), Some(3))]);
}
