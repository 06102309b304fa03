//! Stage 1, ingest/extract: territories that the gazetteer gives a country code of their own
//! (ISO 3166-1 lists them apart) but that belong to another state. A text about the United
//! States that names Saipan or Guam, or one about France that names Réunion, is about one
//! country: a sign of the territory is a sign of the state and the other way round, and
//! neither makes a place of the other a namesake abroad.

/// Territory code, code of the state it belongs to (ISO 3166-1 alpha-2).
const TERRITORIES: &[(&str, &str)] = &[
    // United States
    ("AS", "US"),
    ("GU", "US"),
    ("MP", "US"),
    ("PR", "US"),
    ("UM", "US"),
    ("VI", "US"),
    // France
    ("BL", "FR"),
    ("GF", "FR"),
    ("GP", "FR"),
    ("MF", "FR"),
    ("MQ", "FR"),
    ("NC", "FR"),
    ("PF", "FR"),
    ("PM", "FR"),
    ("RE", "FR"),
    ("TF", "FR"),
    ("WF", "FR"),
    ("YT", "FR"),
    // United Kingdom
    ("AI", "GB"),
    ("BM", "GB"),
    ("FK", "GB"),
    ("GG", "GB"),
    ("GI", "GB"),
    ("GS", "GB"),
    ("IM", "GB"),
    ("IO", "GB"),
    ("JE", "GB"),
    ("KY", "GB"),
    ("MS", "GB"),
    ("PN", "GB"),
    ("SH", "GB"),
    ("TC", "GB"),
    ("VG", "GB"),
    // Netherlands
    ("AW", "NL"),
    ("BQ", "NL"),
    ("CW", "NL"),
    ("SX", "NL"),
    // Denmark, Norway, Finland
    ("FO", "DK"),
    ("GL", "DK"),
    ("BV", "NO"),
    ("SJ", "NO"),
    ("AX", "FI"),
    // Australia, New Zealand
    ("CC", "AU"),
    ("CX", "AU"),
    ("HM", "AU"),
    ("NF", "AU"),
    ("CK", "NZ"),
    ("NU", "NZ"),
    ("TK", "NZ"),
    // China
    ("HK", "CN"),
    ("MO", "CN"),
];

/// The state a country code belongs to: the code itself for a sovereign state (or any code
/// not listed).
pub(super) fn realm(code: &str) -> &str {
    TERRITORIES
        .iter()
        .find(|(territory, _)| territory.eq_ignore_ascii_case(code))
        .map_or(code, |&(_, state)| state)
}

/// True when two country codes are one state or a state and its territory.
pub(super) fn same_realm(a: &str, b: &str) -> bool {
    realm(a).eq_ignore_ascii_case(realm(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn territories_belong_to_their_state() {
        assert_eq!(realm("MP"), "US");
        assert_eq!(realm("RE"), "FR");
        assert_eq!(realm("KE"), "KE");
        assert!(same_realm("GU", "US"));
        assert!(same_realm("GU", "MP"));
        assert!(!same_realm("GU", "FR"));
    }

    #[test]
    fn every_territory_is_listed_once_and_no_state_is_a_territory() {
        for (i, (territory, state)) in TERRITORIES.iter().enumerate() {
            assert!(TERRITORIES[i + 1..].iter().all(|(t, _)| t != territory));
            assert!(TERRITORIES.iter().all(|(t, _)| t != state));
        }
    }
}
