//! Stage merge: administrative divisions as different readers name them, and the rule for a
//! report that places its event only in a province.
//!
//! Data sets spell one division differently: one writes "Northfield region" or
//! "Hautes-Collines province", the other "Northfield" or "Hautes Collines". A division's key
//! is its folded name (marks, case, punctuation and transliteration variants as the gazetteer
//! folds them) without the words that only say what kind of division it is.
//!
//! A province-wide report (UCDP GED `where_prec` 4, ACLED `geo_precision` 3, an article that
//! names only the province) says nothing about where in the province its event was: it is
//! one event with a report of a town of that province only when they also share a count
//! (of at least [`PROVINCE_COUNT_MIN`]) or give close large tolls, on overlapping days.

use std::sync::OnceLock;

use crate::model::{GeoPrecision, Incident, Place};
use crate::reference::fold;

use super::support::largest_shared_count;
use super::Judgement;

/// Words that name the kind of a division, not which one it is.
const DIVISION_WORDS: [&str; 18] = [
    "region",
    "province",
    "prefecture",
    "subprefecture",
    "sub",
    "district",
    "governorate",
    "department",
    "departement",
    "county",
    "state",
    "municipality",
    "commune",
    "oblast",
    "raion",
    "muhafazat",
    "territory",
    "territoire",
];

/// A shared count this large or larger ties a province-wide report to a town in it (small
/// counts coincide too often across a province).
pub const PROVINCE_COUNT_MIN: u64 = 10;

/// The key of a division's name: folded, without the words of [`DIVISION_WORDS`]; `None`
/// when nothing is left.
pub fn division_key(name: &str) -> Option<String> {
    // The words folded as names are ("territory" folds to "teritory").
    static KINDS: OnceLock<Vec<String>> = OnceLock::new();
    let kinds = KINDS.get_or_init(|| DIVISION_WORDS.iter().map(|w| fold(w)).collect());
    let folded = fold(name);
    let words: Vec<&str> = folded
        .split(' ')
        .filter(|w| !w.is_empty() && !kinds.iter().any(|k| k == w))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Whether two division names name one division; `None` when either is unknown.
pub fn same_division(a: Option<&str>, b: Option<&str>) -> Option<bool> {
    let (x, y) = (division_key(a?)?, division_key(b?)?);
    Some(x == y)
}

fn country(p: &Place) -> String {
    p.country_code
        .as_deref()
        .map(|c| c.trim().to_ascii_uppercase())
        .unwrap_or_default()
}

/// True for a place known only to its province.
pub fn province_wide(p: &Place) -> bool {
    p.precision == GeoPrecision::Admin1
}

/// The keys (country and province) a province-wide place answers to: its first-level
/// division and, when the reader gave the province itself as the place, its name.
pub fn province_keys(p: &Place) -> Vec<String> {
    let mut keys: Vec<String> = [p.admin1.as_deref(), Some(p.name.as_str())]
        .into_iter()
        .flatten()
        .filter_map(division_key)
        .map(|k| format!("{}/{k}", country(p)))
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// The key of the province a place finer than a province lies in, if the reader gave it.
pub fn province_of(p: &Place) -> Option<String> {
    let key = division_key(p.admin1.as_deref()?)?;
    Some(format!("{}/{key}", country(p)))
}

/// A province-wide place and a finer place in that province (by name): the province's
/// name, if so.
pub fn province_and_place<'p>(a: &'p Place, b: &'p Place) -> Option<&'p Place> {
    let (wide, fine) = match (province_wide(a), province_wide(b)) {
        (true, false) => (a, b),
        (false, true) => (b, a),
        _ => return None,
    };
    if fine.precision >= GeoPrecision::Admin1 {
        return None;
    }
    let within = province_of(fine)?;
    province_keys(wide).contains(&within).then_some(wide)
}

/// What a province-wide report and a report of a place in it need beyond that: overlapping
/// days, and a count of at least [`PROVINCE_COUNT_MIN`] in common or close large tolls
/// (`close`, see `support::close_tolls`).
pub fn province_support(
    a: &Incident,
    b: &Incident,
    apart_days: bool,
    close: bool,
    j: &mut Judgement,
) {
    let distinctive = largest_shared_count(a, b).is_some_and(|v| v >= PROVINCE_COUNT_MIN);
    if apart_days || !(distinctive || close) {
        j.apart.push(format!(
            "a province-wide report needs overlapping days and a count of {PROVINCE_COUNT_MIN} \
             or more in common, or close large tolls"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(name: &str, admin1: Option<&str>, precision: GeoPrecision) -> Place {
        let mut p = Place::named(name);
        p.admin1 = admin1.map(str::to_string);
        p.precision = precision;
        p.country_code = Some("XX".into());
        p
    }

    #[test]
    fn one_division_spelled_two_ways_is_one() {
        assert_eq!(
            same_division(Some("Northfield region"), Some("Northfield")),
            Some(true)
        );
        assert_eq!(
            same_division(Some("Haute-Rivière province"), Some("Haute Riviere")),
            Some(true)
        );
        assert_eq!(
            same_division(Some("Lakeshore Territory"), Some("lakeshore")),
            Some(true)
        );
        assert_eq!(
            same_division(Some("Northfield"), Some("Southfield")),
            Some(false)
        );
        assert_eq!(same_division(Some("Province"), Some("Northfield")), None);
        assert_eq!(same_division(None, Some("Northfield")), None);
    }

    #[test]
    fn a_province_report_answers_to_towns_of_that_province_only() {
        let wide = at("Upper Valley province", None, GeoPrecision::Admin1);
        let inside = at("Millbrook", Some("Upper Valley"), GeoPrecision::Town);
        let outside = at("Stonebridge", Some("Lower Valley"), GeoPrecision::Town);
        assert!(province_and_place(&wide, &inside).is_some());
        assert!(province_and_place(&inside, &wide).is_some());
        assert!(province_and_place(&wide, &outside).is_none());
        // Two province-wide reports, or a town without its province, are not this rule's.
        assert!(province_and_place(&wide, &wide.clone()).is_none());
        let unknown = at("Millbrook", None, GeoPrecision::Town);
        assert!(province_and_place(&wide, &unknown).is_none());
        // Another country's province of the same name is another province.
        let mut abroad = inside.clone();
        abroad.country_code = Some("YY".into());
        assert!(province_and_place(&wide, &abroad).is_none());
    }
}
