//! The extractor on the project's own test articles (tests/fixtures/articles, written for the
//! project): every field an analyst checks — place, precision, site, date, event type,
//! actors, figures with best/low/high, each claim's source and span, breakdowns and their
//! check, mentions, unattached figures and warnings.

use std::path::PathBuf;

use incimap::extract::{extract_bytes, Extraction, Options, PlaceIndex};
use incimap::model::{DatePrecision, Figure, GeoPrecision, Incident, Measure, Qualifier};

fn article(name: &str) -> Extraction {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/articles")
        .join(name);
    let bytes = std::fs::read(&path).expect("fixture article");
    extract_bytes(&bytes, name, PlaceIndex::builtin(), &Options::default())
}

fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let a = ((p2 - p1) / 2.0).sin().powi(2)
        + p1.cos() * p2.cos() * ((lon2 - lon1).to_radians() / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().asin()
}

fn at(ex: &Extraction, lat: f64, lon: f64) -> &Incident {
    ex.incidents
        .iter()
        .find(|i| {
            i.place
                .lat
                .is_some_and(|la| km(la, i.place.lon.unwrap_or(0.0), lat, lon) < 5.0)
        })
        .unwrap_or_else(|| {
            panic!(
                "no incident near {lat},{lon} in {:#?}",
                ex.incidents.iter().map(|i| &i.title).collect::<Vec<_>>()
            )
        })
}

fn fig<'a>(inc: &'a Incident, measure: Measure, subject: Option<&str>) -> &'a Figure {
    inc.figures
        .iter()
        .find(|f| f.measure == measure && f.subject.as_deref() == subject)
        .unwrap_or_else(|| panic!("no {measure} ({subject:?}) figure in {}", inc.title))
}

fn range(f: &Figure) -> (Option<u64>, Option<u64>, Option<u64>) {
    (f.low, f.best, f.high)
}

fn claim_source(f: &Figure, value: u64) -> (Qualifier, Option<&str>) {
    let c = f
        .claims
        .iter()
        .find(|c| c.value == value)
        .unwrap_or_else(|| panic!("no claim {value} in {f:?}"));
    (c.qualifier, c.source.as_deref())
}

#[test]
fn mosul_air_strike_in_english() {
    let ex = article("mosul-en.txt");
    assert_eq!(ex.language, "en");
    assert!(ex.warnings.is_empty(), "{:?}", ex.warnings);
    let inc = at(&ex, 36.335, 43.11889);
    assert_eq!(inc.place.gazetteer_id.as_deref(), Some("geonames:99072"));
    assert_eq!(
        (inc.place.country_code.as_deref(), inc.place.precision),
        (Some("IQ"), GeoPrecision::Town)
    );
    assert_eq!(
        inc.sub_event_type.map(|s| s.as_str()),
        Some("Air/drone strike")
    );
    assert_eq!(
        inc.event_type.map(|s| s.as_str()),
        Some("Explosions/Remote violence")
    );
    // Published on a Tuesday: "on Sunday" gives the day; "reported today" dates the report,
    // not the event.
    assert_eq!(inc.date.label(), "2017-03-12");
    assert_eq!(inc.date.precision, DatePrecision::Day);
    assert!(
        inc.actors.contains(&"Islamic State".to_string())
            && inc.actors.contains(&"Iraqi security forces".to_string())
    );
    // Casualties on different sides are separate counts, each with its source.
    let civilians = fig(inc, Measure::Killed, Some("civilians"));
    assert_eq!(range(civilians), (Some(23), Some(23), Some(23)));
    assert_eq!(
        claim_source(civilians, 23),
        (Qualifier::AtLeast, Some("Iraqi health ministry"))
    );
    let parts: Vec<(Option<&str>, Option<u64>)> = civilians
        .parts
        .iter()
        .map(|p| (p.subject.as_deref(), p.best))
        .collect();
    assert_eq!(
        parts,
        [(Some("children"), Some(9)), (Some("women"), Some(6))]
    );
    assert_eq!(
        claim_source(fig(inc, Measure::Killed, Some("militants")), 40),
        (Qualifier::MoreThan, Some("Iraqi security forces"))
    );
    assert_eq!(
        claim_source(fig(inc, Measure::Killed, Some("soldiers")), 200),
        (Qualifier::About, Some("Islamic State group"))
    );
    // "in the past week": a total over a period, kept apart from the town.
    assert!(inc.figures.iter().all(|f| f.measure != Measure::Displaced));
    let fled = &ex.regional[0];
    assert_eq!(
        (fled.value, fled.qualifier, fled.source.as_deref()),
        (12000, Qualifier::About, Some("UN refugee agency"))
    );
    assert!(fled.reason.contains("period"), "{}", fled.reason);
    // Baghdad only situates the city.
    assert_eq!(ex.incidents.len(), 1);
    assert_eq!(
        inc.mentions
            .iter()
            .map(|m| m.name.as_str())
            .collect::<Vec<_>>(),
        ["Baghdad"]
    );
    // Spans point at the words.
    let span = civilians.claims[0].span.as_ref().unwrap();
    assert_eq!(&ex.text[span.start..span.end], "At least 23 civilians");
    let checks = inc.extra["checks"].to_string();
    assert!(checks.contains("partial breakdown"), "{checks}");
}

#[test]
fn kharkiv_market_strike_in_dutch() {
    let ex = article("kharkiv-nl.txt");
    assert_eq!(ex.language, "nl");
    let inc = at(&ex, 49.98081, 36.25272);
    assert_eq!(
        (inc.place.name.as_str(), inc.place.site.as_deref()),
        ("Charkiv", Some("market"))
    );
    assert_eq!(
        inc.sub_event_type.map(|s| s.as_str()),
        Some("Shelling/artillery/missile attack")
    );
    // "gisteren" with a known publication day.
    assert_eq!(
        (inc.date.label().as_str(), inc.date.precision),
        ("2022-05-02", DatePrecision::Day)
    );
    let killed = fig(inc, Measure::Killed, None);
    assert_eq!(range(killed), (Some(12), Some(12), Some(12)));
    assert_eq!(
        claim_source(killed, 12),
        (Qualifier::AtLeast, Some("burgemeester van de stad"))
    );
    assert_eq!(
        claim_source(fig(inc, Measure::Injured, None), 30).0,
        Qualifier::MoreThan
    );
    // "in de provincie Donetsk": a figure for a province, kept apart from every town.
    assert!(ex.incidents.iter().all(|i| i.place.name != "Donetsk"));
    let soldiers = ex
        .regional
        .iter()
        .find(|r| r.area.as_deref() == Some("Donetsk"))
        .expect("Donetsk");
    assert_eq!(
        (soldiers.value, soldiers.qualifier, soldiers.measure.clone()),
        (12, Qualifier::Vague, Some(Measure::Killed))
    );
    assert_eq!(soldiers.source.as_deref(), Some("Oekraïense leger"));
    let village = ex
        .incidents
        .iter()
        .find(|i| i.place.name == "Bilohorivka")
        .expect("Bilohorivka");
    assert!(village.actors.contains(&"Russian armed forces".to_string()));
    // A country-wide toll is not an incident of these places, but it is listed.
    let u = ex
        .regional
        .iter()
        .find(|r| r.value == 5000)
        .expect("the country-wide toll");
    assert_eq!(
        (u.qualifier, u.source.as_deref(), u.area.as_deref()),
        (Qualifier::MoreThan, Some("VN"), Some("Oekraïne"))
    );
    assert!(u.reason.contains("country"), "{}", u.reason);
}

#[test]
fn el_fasher_hospital_breakdown_that_does_not_add_up() {
    let ex = article("el-fasher-en.txt");
    let inc = at(&ex, 13.62793, 25.34936);
    assert_eq!(inc.place.site.as_deref(), Some("hospital"));
    assert_eq!(inc.date.label(), "2024-06");
    assert_eq!(inc.date.precision, DatePrecision::Month);
    assert!(inc.actors.contains(&"Rapid Support Forces".to_string()));
    let killed = fig(inc, Measure::Killed, None);
    assert_eq!(
        claim_source(killed, 84),
        (Qualifier::Exact, Some("medical charity"))
    );
    assert_eq!(killed.breakdown_check(), Some((87, false)));
    assert!(inc.extra["checks"].to_string().contains("do not add up"));
    let displaced = fig(inc, Measure::Displaced, None);
    assert_eq!(range(displaced), (Some(100), Some(100), Some(2500)));
    assert_eq!(
        claim_source(displaced, 100),
        (Qualifier::Vague, Some("United Nations"))
    );
    assert_eq!(
        claim_source(displaced, 2500),
        (Qualifier::Exact, Some("local activists"))
    );
    assert_eq!(
        inc.mentions[0].gazetteer_id.as_deref(),
        Some("geonames:408666")
    );
}

#[test]
fn gaza_camp_strike_and_sources_with_places_in_their_names() {
    let ex = article("gaza-nl.txt");
    assert_eq!(
        ex.incidents.len(),
        1,
        "{:?}",
        ex.incidents.iter().map(|i| &i.title).collect::<Vec<_>>()
    );
    let inc = &ex.incidents[0];
    assert_eq!(
        (
            inc.place.name.as_str(),
            inc.place.site.as_deref(),
            inc.place.precision
        ),
        ("Jabalia", Some("camp"), GeoPrecision::NearTown)
    );
    assert_eq!(inc.place.country_code.as_deref(), Some("PS"));
    assert_eq!(
        inc.sub_event_type.map(|s| s.as_str()),
        Some("Air/drone strike")
    );
    assert_eq!(
        claim_source(fig(inc, Measure::Killed, None), 100),
        (Qualifier::Vague, Some("ministerie van Volksgezondheid"))
    );
    // 1.5 million on the run is no count of this strike: kept apart, with its source.
    assert!(inc.figures.iter().all(|f| f.measure != Measure::Displaced));
    let fled = &ex.regional[0];
    assert_eq!(
        (fled.value, fled.qualifier, fled.source.as_deref()),
        (1_500_000, Qualifier::About, Some("VN"))
    );
    assert_eq!(
        claim_source(fig(inc, Measure::Injured, None), 200),
        (Qualifier::AtMost, Some("organisatie Artsen zonder Grenzen"))
    );
    assert!(inc.actors.contains(&"Hamas".to_string()));
}

#[test]
fn no_place_and_a_bad_date_warn_and_keep_the_figures() {
    let ex = article("no-place-en.txt");
    assert!(ex.incidents.is_empty());
    let warnings: Vec<String> = ex.warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("does not parse") && w.contains("precision unknown")),
        "{warnings:?}"
    );
    assert!(
        warnings.iter().any(|w| w.contains("no place")),
        "{warnings:?}"
    );
    assert_eq!(ex.unattached.len(), 2);
    assert!(ex
        .unattached
        .iter()
        .all(|u| u.reason.contains("no measure")));
}

#[test]
fn bad_input_never_panics() {
    let index = PlaceIndex::builtin();
    let options = Options::default();
    for bytes in [
        &b""[..],
        b"\xff\xfe\x00\x01binary\x00",
        b"date 2020-02-30\n",
        b"date\n",
        b"12 000 000 000 000 000 000 000",
        "ééé 5.000.000,5 «»".as_bytes(),
    ] {
        let ex = extract_bytes(bytes, "bad.txt", index, &options);
        assert!(ex.incidents.is_empty());
    }
    let ex = extract_bytes(
        b"date 2020-01\nok \xff in Mosul 3 killed.",
        "u.txt",
        index,
        &options,
    );
    assert!(
        ex.warnings[0]
            .to_string()
            .contains("invalid UTF-8 at byte 16"),
        "{:?}",
        ex.warnings
    );
    // A large article: linear, no panic.
    let big = "In Mosul at least 12 people were killed, officials said. ".repeat(20_000);
    let ex = extract_bytes(big.as_bytes(), "big.txt", index, &options);
    assert_eq!(ex.incidents.len(), 1);
}
