//! Gazetteer table test: spellings as reporters write them → the right GeoNames entry, within
//! 5 km of the GeoNames point. Expected ids and points were looked up in `gazetteer/*.tsv`.

use incimap::gazetteer::{Context, EntryKind, Gazetteer, Resolution};
use incimap::reference::distance_km;

/// (name as written, context country or "", expected id, GeoNames lat, lon)
const TABLE: &[(&str, &str, &str, f64, f64)] = &[
    // The spellings listed in the issue.
    ("Ain Issa", "SY", "geonames:172134", 36.3855, 38.86228),
    ("'Ayn 'Isa", "SY", "geonames:172134", 36.3855, 38.86228),
    ("Aïn Aïssa", "SY", "geonames:172134", 36.3855, 38.86228),
    ("عين عيسى", "SY", "geonames:172134", 36.3855, 38.86228),
    ("Hasakah", "SY", "geonames:173811", 36.50237, 40.74772),
    ("Hasaka", "SY", "geonames:173811", 36.50237, 40.74772),
    ("Hassakeh", "SY", "geonames:173811", 36.50237, 40.74772),
    ("al-Hasakah", "SY", "geonames:173811", 36.50237, 40.74772),
    ("Al Ḩasakah", "SY", "geonames:173811", 36.50237, 40.74772),
    ("Raqqa", "SY", "geonames:172955", 35.95283, 39.00788),
    ("Rakka", "SY", "geonames:172955", 35.95283, 39.00788),
    ("Ar-Raqqah", "SY", "geonames:172955", 35.95283, 39.00788),
    ("Suluk", "SY", "geonames:164895", 36.59596, 39.1299),
    ("Saluk", "SY", "geonames:164895", 36.59596, 39.1299),
    ("Sulūk", "SY", "geonames:164895", 36.59596, 39.1299),
    ("Qamishli", "SY", "geonames:173377", 37.05215, 41.23142),
    ("Kamishli", "SY", "geonames:173377", 37.05215, 41.23142),
    ("Ras al-Ain", "SY", "geonames:165509", 36.85034, 40.07055),
    ("Ras al-Ayn", "SY", "geonames:165509", 36.85034, 40.07055),
    ("Serêkaniyê", "SY", "geonames:165509", 36.85034, 40.07055),
    ("Tal Abyad", "SY", "geonames:163750", 36.69648, 38.95382),
    ("Tel Abyad", "SY", "geonames:163750", 36.69648, 38.95382),
    ("Deir ez-Zor", "SY", "geonames:170794", 35.33588, 40.14084),
    ("Deir al-Zor", "SY", "geonames:170794", 35.33588, 40.14084),
    ("al-Hol", "SY", "geonames:173797", 36.39042, 41.14983),
    ("al-Hawl", "SY", "geonames:173797", 36.39042, 41.14983),
    ("Syrië", "", "geonames:163843", 33.5102, 36.29128),
    ("Syria", "", "geonames:163843", 33.5102, 36.29128),
    ("Turkije", "", "geonames:298795", 39.91987, 32.85427),
    ("Irak", "", "geonames:99237", 33.34058, 44.40088),
    // Syria.
    ("Aleppo", "SY", "geonames:170063", 36.20124, 37.16117),
    ("Halab", "SY", "geonames:170063", 36.20124, 37.16117),
    ("Idlib", "SY", "geonames:169389", 35.93062, 36.63393),
    ("Homs", "SY", "geonames:169577", 34.72405, 36.72559),
    ("Hama", "SY", "geonames:170017", 35.13179, 36.75783),
    ("Latakia", "SY", "geonames:173576", 35.53125, 35.79088),
    ("Tartous", "SY", "geonames:163345", 34.88902, 35.88659),
    ("Daraa", "SY", "geonames:170905", 32.61889, 36.10213),
    ("Deraa", "SY", "geonames:170905", 32.61889, 36.10213),
    ("Sweida", "SY", "geonames:172408", 32.70896, 36.56951),
    ("al-Mayadin", "SY", "geonames:173480", 35.01982, 40.45154),
    ("Albu Kamal", "SY", "geonames:174448", 34.45226, 40.91854),
    ("Manbij", "SY", "geonames:167357", 36.52815, 37.95495),
    ("Jarablus", "SY", "geonames:169179", 36.8175, 38.01111),
    ("Afrin", "SY", "geonames:174186", 36.51194, 36.86954),
    ("Azaz", "SY", "geonames:172082", 36.58662, 37.04628),
    ("Kobani", "SY", "geonames:172256", 36.89095, 38.35347),
    ("Ain al-Arab", "SY", "geonames:172256", 36.89095, 38.35347),
    ("al-Malikiyah", "SY", "geonames:173530", 37.17701, 42.14006),
    ("Shaddadi", "SY", "geonames:172837", 36.05756, 40.73478),
    ("Tabqa", "SY", "geonames:172374", 35.83758, 38.54828),
    ("Damascus", "", "geonames:170654", 33.5102, 36.29128),
    ("Douma", "SY", "geonames:170592", 33.57175, 36.4027),
    (
        "Maarat al-Numan",
        "SY",
        "geonames:167611",
        35.6483,
        36.67693,
    ),
    ("al-Bab", "SY", "geonames:174018", 36.37051, 37.5157),
    ("Amuda", "SY", "geonames:173230", 37.10417, 40.93),
    ("al-Darbasiyah", "SY", "geonames:170887", 37.07279, 40.65199),
    ("Tal Tamr", "SY", "geonames:163434", 36.65556, 40.37079),
    ("Hajin", "SY", "geonames:174506", 34.69508, 40.83138),
    // Iraq.
    ("Mosul", "", "geonames:99072", 36.335, 43.11889),
    ("Erbil", "", "geonames:95446", 36.19117, 44.00943),
    ("Arbil", "IQ", "geonames:95446", 36.19117, 44.00943),
    ("Kirkuk", "", "geonames:94787", 35.46806, 44.39222),
    ("Sinjar", "IQ", "geonames:448149", 36.3209, 41.87656),
    ("Tal Afar", "IQ", "geonames:90393", 36.37913, 42.44806),
    ("Fallujah", "IQ", "geonames:99454", 33.34913, 43.78599),
    ("Ramadi", "IQ", "geonames:98717", 33.42056, 43.30778),
    ("Baghdad", "", "geonames:98182", 33.34058, 44.40088),
    ("Basra", "IQ", "geonames:99532", 30.50852, 47.7804),
    ("Samarra", "IQ", "geonames:91597", 34.1959, 43.88568),
    ("Tikrit", "IQ", "geonames:90150", 34.61581, 43.67861),
    ("Dohuk", "IQ", "geonames:96994", 36.86608, 42.9879),
    ("Sulaymaniyah", "IQ", "geonames:98463", 35.56496, 45.4329),
    ("Najaf", "IQ", "geonames:98860", 32.02594, 44.34625),
    ("al-Qaim", "IQ", "geonames:92138", 34.39251, 40.98945),
    // Turkey.
    ("Şanlıurfa", "TR", "geonames:298333", 37.16708, 38.79392),
    ("Sanliurfa", "", "geonames:298333", 37.16708, 38.79392),
    ("Gaziantep", "", "geonames:314830", 37.05944, 37.3825),
    ("Akcakale", "TR", "geonames:324944", 36.71111, 38.9475),
    ("Ceylanpinar", "TR", "geonames:318668", 36.84722, 40.05),
    ("Nusaybin", "TR", "geonames:303750", 37.07028, 41.21465),
    ("Kilis", "TR", "geonames:307864", 36.71611, 37.115),
    ("Diyarbakir", "", "geonames:316541", 37.91363, 40.21721),
    ("Istanbul", "", "geonames:745044", 41.01384, 28.94966),
    ("Ankara", "", "geonames:323786", 39.91987, 32.85427),
    ("Mardin", "TR", "geonames:304797", 37.31309, 40.74357),
    ("Antakya", "TR", "geonames:323779", 36.20655, 36.15722),
    ("Reyhanli", "TR", "geonames:302355", 36.26791, 36.56747),
    ("Suruc", "TR", "geonames:300075", 36.97612, 38.42533),
    // Ukraine.
    ("Kharkiv", "", "geonames:706483", 49.98177, 36.25475),
    ("Kharkov", "UA", "geonames:706483", 49.98177, 36.25475),
    ("Kyiv", "", "geonames:703448", 50.45466, 30.5238),
    ("Kiev", "UA", "geonames:703448", 50.45466, 30.5238),
    ("Київ", "UA", "geonames:703448", 50.45466, 30.5238),
    ("Mariupol", "UA", "geonames:701822", 47.09514, 37.54131),
    ("Bakhmut", "UA", "geonames:713174", 48.59419, 37.99886),
    ("Kherson", "UA", "geonames:706448", 46.63695, 32.61458),
    ("Zaporizhzhia", "UA", "geonames:687700", 47.85167, 35.11714),
    ("Odesa", "UA", "geonames:698740", 46.48572, 30.74383),
    ("Odessa", "UA", "geonames:698740", 46.48572, 30.74383),
    ("Donetsk", "UA", "geonames:709717", 48.023, 37.80224),
    ("Avdiivka", "UA", "geonames:713122", 48.14019, 37.75008),
    ("Izium", "UA", "geonames:707292", 49.20697, 37.27679),
    ("Bucha", "UA", "geonames:711350", 50.54741, 30.20879),
    ("Lviv", "", "geonames:702550", 49.83826, 24.02324),
    ("Dnipro", "UA", "geonames:709930", 48.46664, 35.04066),
    ("Mykolaiv", "UA", "geonames:700569", 46.97625, 31.99296),
    // Sudan.
    ("Khartoum", "", "geonames:379252", 15.55177, 32.53241),
    ("Chartoem", "", "geonames:379252", 15.55177, 32.53241),
    ("Omdurman", "", "geonames:365137", 15.64453, 32.47773),
    ("El Fasher", "SD", "geonames:379555", 13.62793, 25.34936),
    ("Al-Fashir", "SD", "geonames:379555", 13.62793, 25.34936),
    ("Nyala", "SD", "geonames:369004", 12.04888, 24.88069),
    ("El Geneina", "SD", "geonames:379303", 13.45262, 22.44725),
    ("Port Sudan", "", "geonames:377039", 19.61745, 37.21644),
    ("Wad Madani", "SD", "geonames:364103", 14.40118, 33.51989),
    ("Kassala", "SD", "geonames:372753", 15.45099, 36.39998),
    ("El Obeid", "SD", "geonames:379003", 13.18421, 30.21669),
    ("Kadugli", "SD", "geonames:373141", 11.01111, 29.71833),
    ("Zalingei", "SD", "geonames:363533", 12.90918, 23.47058),
    // Gaza.
    ("Gaza", "PS", "geonames:281133", 31.50161, 34.46672),
    ("Gaza-Stad", "", "geonames:281133", 31.50161, 34.46672),
    ("Khan Younis", "PS", "geonames:281124", 31.34018, 34.30627),
    ("Khan Yunis", "PS", "geonames:281124", 31.34018, 34.30627),
    ("Rafah", "PS", "geonames:281102", 31.29722, 34.24357),
    ("Deir al-Balah", "PS", "geonames:281141", 31.41834, 34.34933),
    ("Jabalia", "PS", "geonames:281129", 31.5272, 34.48347),
    ("Beit Lahia", "PS", "geonames:281145", 31.5464, 34.49514),
    ("Beit Hanoun", "PS", "geonames:281146", 31.5353, 34.53579),
    ("Nuseirat", "PS", "geonames:281109", 31.44861, 34.3925),
    ("al-Bureij", "PS", "geonames:281161", 31.43944, 34.40306),
];

#[test]
fn every_spelling_resolves_to_the_right_geonames_entry_within_5_km() {
    let gazetteer = Gazetteer::builtin();
    let mut failures = Vec::new();
    for &(name, country, id, lat, lon) in TABLE {
        let context = Context::country((!country.is_empty()).then_some(country));
        match gazetteer.resolve(name, &context) {
            Resolution::Found { best, .. } => {
                let km = distance_km(best.entry.lon, best.entry.lat, lon, lat);
                if best.entry.id != id || km > 5.0 {
                    failures.push(format!(
                        "{name:?} [{country}]: got {} {:?} ({km:.1} km off), expected {id}; {}",
                        best.entry.id, best.entry.name, best.reason
                    ));
                }
            }
            Resolution::NotFound { suggestions } => failures.push(format!(
                "{name:?} [{country}]: not found; suggestions {suggestions:?}"
            )),
        }
    }
    assert!(TABLE.len() >= 30 + 40, "{} rows", TABLE.len());
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        TABLE.len(),
        failures.join("\n")
    );
}

#[test]
fn hasakah_in_a_syrian_context_is_the_city_and_the_reason_says_why() {
    let gazetteer = Gazetteer::builtin();
    let Resolution::Found { best, alternatives } =
        gazetteer.resolve("Hasakah", &Context::country(Some("SY")))
    else {
        panic!("Hasakah not found");
    };
    assert_eq!(best.entry.id, "geonames:173811");
    assert!(
        best.reason.contains("in the context country SY"),
        "{}",
        best.reason
    );
    assert!(
        best.reason.contains("admin1 seat (PPLA)"),
        "{}",
        best.reason
    );
    assert!(best.reason.contains("ahead of"), "{}", best.reason);
    assert!(!alternatives.is_empty());
    assert!(alternatives
        .iter()
        .all(|a| a.score <= best.score && !a.reason.is_empty()));
}

#[test]
fn ambiguous_names_pick_by_context_and_say_why() {
    let gazetteer = Gazetteer::builtin();
    // Akçakale: a district seat in Şanlıurfa and a village near Elazığ; co-location decides.
    let near_urfa = Context {
        near: vec![(38.79392, 37.16708)],
        ..Context::default()
    };
    let Resolution::Found { best, .. } = gazetteer.resolve("Akçakale", &near_urfa) else {
        panic!("Akçakale not found");
    };
    assert_eq!(best.entry.id, "geonames:324944");
    assert!(
        best.reason.contains("already resolved in the document"),
        "{}",
        best.reason
    );
    // Mykolaiv: the oblast seat by default, the Lviv-oblast town next to Lviv.
    let near_lviv = Context {
        near: vec![(24.02324, 49.83826)],
        ..Context::default()
    };
    let Resolution::Found { best, .. } = gazetteer.resolve("Mykolaiv", &near_lviv) else {
        panic!("Mykolaiv not found");
    };
    assert_eq!(best.entry.id, "geonames:700568", "{}", best.reason);
}

#[test]
fn divisions_and_countries_resolve_to_their_kind() {
    let gazetteer = Gazetteer::builtin();
    let sy = Context::country(Some("SY"));
    for name in [
        "provincie Hasakeh",
        "Hasakah governorate",
        "Al-Hasakah Governorate",
        "محافظة الحسكة",
    ] {
        let Resolution::Found { best, .. } = gazetteer.resolve(name, &sy) else {
            panic!("{name} not found");
        };
        assert_eq!(
            best.entry.kind,
            EntryKind::Admin1,
            "{name}: {}",
            best.reason
        );
        assert_eq!(best.entry.admin1_code.as_deref(), Some("SY.01"), "{name}");
    }
    let Resolution::Found { best, .. } = gazetteer.resolve_kind("Hasakah", EntryKind::Admin1, &sy)
    else {
        panic!("Hasakah as admin1 not found");
    };
    assert_eq!(best.entry.admin1_code.as_deref(), Some("SY.01"));
    for name in ["Syrië", "Syria", "Turkije", "Irak", "Noordoost-Syrië"] {
        let Resolution::Found { best, .. } = gazetteer.resolve(name, &Context::default()) else {
            panic!("{name} not found");
        };
        assert_eq!(
            best.entry.kind,
            EntryKind::Country,
            "{name}: {}",
            best.reason
        );
    }
}

#[test]
fn sites_resolve_with_their_honest_precision() {
    let gazetteer = Gazetteer::builtin();
    let Resolution::Found { best, .. } = gazetteer.resolve("al-Hol camp", &Context::default())
    else {
        panic!("al-Hol camp not found");
    };
    assert_eq!(best.entry.id, "site:al-hol-camp");
    assert_eq!(best.entry.kind, EntryKind::Site);
    assert_eq!(best.entry.precision.as_str(), "near_town");
}
