//! Gazetteer (used by geocode and extract): the documented ranking score, and the kind hints
//! a name carries ("Hasakah governorate", "provincie Hasakeh").
//!
//! A candidate's score is the sum of these parts; each part that applies is named in the
//! candidate's reason, so a reader sees why it ranked where it did:
//!
//! | part | points |
//! | --- | --- |
//! | match | exact on the name as written (case, accents and punctuation aside) 1.00; exact after transliteration folding 0.85; approximate 0.70 − 0.15 per edit beyond the first |
//! | machine romanisation | −0.40 when the only matching name is an all-lower-case alternate name (GeoNames' `alhskt`) |
//! | another city's own name | −0.60 for a populated place that has the name only among its other names when a city of 300,000 people or more bears it as its own ("Cancun" is Cancún's name, and only another spelling of Changchun's) |
//! | kind | country and world region +0.50 (only on a match as written), admin1 +0.25, admin2 +0.10, curated site +0.30; populated places by GeoNames feature code: PPLC +0.40, PPLA +0.30, PPLA2 +0.20, PPLA3 +0.10, PPLA4 +0.05 |
//! | population | +0.10 × log10(population + 1) (0 when unknown) |
//! | asked-for kind | +1.50 when the kind matches a type word in the name or `Context::prefer` |
//! | context country | +1.00 when the country is the context's (`Context::country_code`, the incident's country) |
//! | context admin1 | +0.50 when the admin1 division is the context's |
//! | co-location | +0.80 within 25 km of a place already resolved in the same document, +0.50 within 100 km, +0.25 within 300 km |
//! | user gazetteer | +3.00 for entries from a user's place file, which take precedence |

use super::EntryKind;
use crate::reference::{distance_km, fold};

/// Points of each score part (see the module table).
pub(crate) mod points {
    pub const LITERAL: f64 = 1.0;
    pub const FOLDED: f64 = 0.85;
    pub const FUZZY: f64 = 0.70;
    pub const PER_EDIT: f64 = 0.15;
    pub const ROMANISATION: f64 = -0.40;
    pub const OTHER_CITY_OWN: f64 = -0.60;
    pub const PREFER: f64 = 1.5;
    pub const COUNTRY: f64 = 1.0;
    pub const ADMIN1: f64 = 0.5;
    pub const USER: f64 = 3.0;
}

/// From this size on a city bearing a name as its own is what the name means rather than
/// a place elsewhere that has it among its other names (see the module table).
pub(crate) const OWN_CITY_MIN: u64 = 300_000;

/// How a name matched.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Match {
    Literal,
    Folded,
    Fuzzy(u8),
}

impl Match {
    pub fn points(self) -> f64 {
        match self {
            Match::Literal => points::LITERAL,
            Match::Folded => points::FOLDED,
            Match::Fuzzy(d) => points::FUZZY - points::PER_EDIT * f64::from(d.saturating_sub(1)),
        }
    }
}

/// Points for the kind and GeoNames feature code.
pub(crate) fn kind_points(kind: EntryKind, feature: u8) -> (f64, &'static str) {
    match kind {
        EntryKind::Country => (0.5, "a country"),
        EntryKind::Region => (0.5, "a world region"),
        EntryKind::Admin1 => (0.25, "an admin1 division"),
        EntryKind::Admin2 => (0.1, "an admin2 division"),
        EntryKind::Site => (0.3, "a curated site"),
        EntryKind::Populated => match feature {
            6 => (0.4, "a capital (PPLC)"),
            5 => (0.3, "an admin1 seat (PPLA)"),
            4 => (0.2, "an admin2 seat (PPLA2)"),
            3 => (0.1, "an admin3 seat (PPLA3)"),
            2 => (0.05, "an admin4 seat (PPLA4)"),
            _ => (0.0, "a populated place"),
        },
    }
}

pub(crate) fn population_points(population: u64) -> f64 {
    0.1 * ((population as f64) + 1.0).log10()
}

/// Points for co-location with the nearest already-resolved place, and its distance in km.
pub(crate) fn near_points(lon: f64, lat: f64, near: &[(f64, f64)]) -> Option<(f64, f64)> {
    let km = near
        .iter()
        .filter(|(x, y)| x.is_finite() && y.is_finite())
        .map(|&(x, y)| distance_km(lon, lat, x, y))
        .fold(f64::INFINITY, f64::min);
    match km {
        k if k <= 25.0 => Some((0.8, k)),
        k if k <= 100.0 => Some((0.5, k)),
        k if k <= 300.0 => Some((0.25, k)),
        _ => None,
    }
}

/// True for an alternate name that is a lower-case machine romanisation (`alhskt`).
pub(crate) fn is_romanisation(name: &str) -> bool {
    name.chars().any(char::is_alphabetic)
        && !name.chars().any(|c| c.is_uppercase() || !c.is_ascii())
}

/// Type words (folded) and the kind they ask for.
const TYPE_WORDS: &[(&str, EntryKind)] = &[
    ("governorate", EntryKind::Admin1),
    ("governate", EntryKind::Admin1),
    ("guvernorat", EntryKind::Admin1),
    ("province", EntryKind::Admin1),
    ("provincie", EntryKind::Admin1),
    ("provinz", EntryKind::Admin1),
    ("provincia", EntryKind::Admin1),
    ("muhafaza", EntryKind::Admin1),
    ("muhafazat", EntryKind::Admin1),
    ("mohafaza", EntryKind::Admin1),
    ("wilaya", EntryKind::Admin1),
    ("wilayat", EntryKind::Admin1),
    ("vilayet", EntryKind::Admin1),
    ("oblast", EntryKind::Admin1),
    ("область", EntryKind::Admin1),
    ("region", EntryKind::Admin1),
    ("state", EntryKind::Admin1),
    ("il", EntryKind::Admin1),
    ("ili", EntryKind::Admin1),
    ("محافظه", EntryKind::Admin1),
    ("ولايه", EntryKind::Admin1),
    ("district", EntryKind::Admin2),
    ("distrikt", EntryKind::Admin2),
    ("mintaka", EntryKind::Admin2),
    ("mintakat", EntryKind::Admin2),
    ("raion", EntryKind::Admin2),
    ("rayon", EntryKind::Admin2),
    ("район", EntryKind::Admin2),
    ("ilce", EntryKind::Admin2),
    ("kada", EntryKind::Admin2),
    ("kreis", EntryKind::Admin2),
    ("منطقه", EntryKind::Admin2),
    ("city", EntryKind::Populated),
    ("stad", EntryKind::Populated),
    ("stadt", EntryKind::Populated),
    ("town", EntryKind::Populated),
    ("ville", EntryKind::Populated),
];

/// Direction words dropped when the full name is unknown ("Noordoost-Syrië").
const DIRECTION_WORDS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "noord",
    "zuid",
    "oost",
    "noordoost",
    "noordwest",
    "zuidoost",
    "zuidwest",
    "nord",
    "sud",
    "est",
    "uest",
    "nordost",
    "nordwest",
    "sudost",
    "sudwest",
    "central",
    "centraal",
    "midden",
];

/// Direction words of other languages that open names, and the English word the gazetteer
/// writes for them ("Noord-Kivu" is "North Kivu", "Zuid-Darfur" "South Darfur").
const DIRECTION_IN_ENGLISH: &[(&str, &str)] = &[
    ("noord", "north"),
    ("zuid", "south"),
    ("oost", "east"),
    ("noordoost", "northeast"),
    ("noordwest", "northwest"),
    ("zuidoost", "southeast"),
    ("zuidwest", "southwest"),
    ("nord", "north"),
    ("sud", "south"),
];

/// The key with its first word, a direction of another language, written in English
/// ("noord kivu" → "north kivu"), when it opens with one and has more words.
pub(crate) fn direction_in_english(key: &str) -> Option<String> {
    let (first, rest) = key.split_once(' ')?;
    folded_foreign()
        .0
        .iter()
        .find(|(word, _)| word == first)
        .map(|(_, english)| format!("{english} {rest}"))
}

/// [`DIRECTION_IN_ENGLISH`] and [`WORLD_PARTS`] as [`fold()`] folds them (computed once).
type FoldedForeign = (Vec<(String, String)>, Vec<String>);

fn folded_foreign() -> &'static FoldedForeign {
    static WORDS: std::sync::OnceLock<FoldedForeign> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        (
            DIRECTION_IN_ENGLISH
                .iter()
                .map(|(w, e)| (fold(w), fold(e)))
                .collect(),
            WORLD_PARTS.iter().map(|w| fold(w)).collect(),
        )
    })
}

/// The type and direction words as [`fold()`] folds them (computed once).
type FoldedWords = (Vec<(String, EntryKind)>, Vec<String>);

fn folded_words() -> &'static FoldedWords {
    static WORDS: std::sync::OnceLock<FoldedWords> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        (
            TYPE_WORDS.iter().map(|(w, k)| (fold(w), *k)).collect(),
            DIRECTION_WORDS.iter().map(|w| fold(w)).collect(),
        )
    })
}

/// A name with a type word split off: the rest, the word and the kind it asks for.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hint {
    pub core: String,
    pub word: String,
    pub kind: EntryKind,
}

/// Splits a leading or trailing type word off a folded key.
pub(crate) fn kind_hint(key: &str) -> Option<Hint> {
    let words: Vec<&str> = key.split(' ').collect();
    if words.len() < 2 {
        return None;
    }
    let kind_of = |w: &str| {
        folded_words()
            .0
            .iter()
            .find(|(t, _)| t == w)
            .map(|(_, k)| *k)
    };
    let (word, rest) = if let Some(k) = kind_of(words[0]) {
        ((words[0], k), &words[1..])
    } else if let Some(k) = kind_of(words[words.len() - 1]) {
        ((words[words.len() - 1], k), &words[..words.len() - 1])
    } else {
        return None;
    };
    Some(Hint {
        core: fold(&rest.join(" ")),
        word: word.0.to_string(),
        kind: word.1,
    })
}

/// Names that with a direction before them name a part of the world, not a part of a country
/// of that name ("Zuid-Amerika" is no part of "Amerika", the United States).
const WORLD_PARTS: &[&str] = &[
    "amerika", "america", "afrika", "africa", "azie", "asia", "europa", "europe", "oosten",
];

/// The key without leading direction words, when it has any and the rest is no part of the
/// world.
pub(crate) fn without_direction(key: &str) -> Option<String> {
    let words: Vec<&str> = key.split(' ').collect();
    let skip = words
        .iter()
        .take_while(|w| folded_words().1.iter().any(|d| d == *w))
        .count();
    let rest = words.get(skip..).unwrap_or_default().join(" ");
    let world_part = folded_foreign().1.contains(&rest);
    (skip > 0 && skip < words.len() && !world_part).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_words_ask_for_a_kind() {
        let h = kind_hint(&fold("provincie Hasakeh")).unwrap();
        assert_eq!((h.core.as_str(), h.kind), ("hasaka", EntryKind::Admin1));
        let h = kind_hint(&fold("Hasakah governorate")).unwrap();
        assert_eq!((h.core.as_str(), h.kind), ("hasaka", EntryKind::Admin1));
        let h = kind_hint(&fold("محافظة الحسكة")).unwrap();
        assert_eq!(h.kind, EntryKind::Admin1);
        assert_eq!(kind_hint(&fold("Hasakah")), None);
        assert_eq!(kind_hint(&fold("governorate")), None);
    }

    #[test]
    fn direction_words_are_split_off() {
        assert_eq!(
            without_direction(&fold("Noordoost-Syrië")).as_deref(),
            Some("syrie")
        );
        assert_eq!(without_direction(&fold("North")), None);
        assert_eq!(without_direction(&fold("Zuid-Amerika")), None);
        assert_eq!(without_direction(&fold("Midden-Oosten")), None);
        assert_eq!(
            direction_in_english(&fold("Noord-Kivu")).as_deref(),
            Some("north kivu")
        );
        assert_eq!(direction_in_english(&fold("Noord")), None);
        assert_eq!(direction_in_english(&fold("Noordwijk")), None);
        assert_eq!(without_direction(&fold("Hasakah")), None);
    }

    #[test]
    fn romanisations_and_distances() {
        assert!(is_romanisation("alhskt"));
        assert!(!is_romanisation("Al Hasakah"));
        assert!(!is_romanisation("الحسكة"));
        let km = distance_km(40.74772, 36.50237, 41.14983, 36.39042);
        assert!((km - 37.9).abs() < 1.0, "{km}");
        assert_eq!(near_points(0.0, 0.0, &[]), None);
    }
}
