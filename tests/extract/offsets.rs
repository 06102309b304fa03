//! A place given as a distance and a direction from a known town ("40 km northeast of A") is that
//! far from the town, not at it: the incident's point is moved along the bearing, its name says
//! what the text said, its precision `near_town` (up to 50 km; see far_off.rs), and the town is
//! only its reference (no gazetteer id of its own, the town among the mentions), so it is not
//! merged with an incident at the town. A distance or a direction alone keeps the incident near the
//! town. The ends of a road ("on the road between A and B") only say where the road runs: the event
//! is near the first end, or at the town the sentence is framed in. A direction alone is left for
//! the town that the next sentence tells the event at, when that town lies that way. Sentences
//! written for these tests; towns from the built-in gazetteer.

use incimap::extract::Extraction;
use incimap::model::{GeoPrecision, Incident};
use incimap::reference::distance_km;

use crate::common;

const KUMASI: &str = "geonames:2298890";
const KUMASI_LON_LAT: (f64, f64) = (-1.62443, 6.68848);
const ZWOLLE: &str = "geonames:2743477";
const ZWOLLE_LON_LAT: (f64, f64) = (6.09444, 52.5125);

fn read(sentence: &str) -> Extraction {
    common::read_sentence("2024-05-02", sentence)
}

/// The one incident of a sentence.
fn one(sentence: &str) -> Incident {
    let ex = read(sentence);
    assert_eq!(ex.incidents.len(), 1, "{sentence}: {:#?}", ex.incidents);
    ex.incidents
        .into_iter()
        .next()
        .unwrap_or_else(|| unreachable!())
}

/// Initial bearing from `from` to `to`, degrees clockwise from north (0..360).
fn bearing_deg(from: (f64, f64), to: (f64, f64)) -> f64 {
    let (p1, p2) = (from.1.to_radians(), to.1.to_radians());
    let dl = (to.0 - from.0).to_radians();
    let y = dl.sin() * p2.cos();
    let x = p1.cos() * p2.sin() - p1.sin() * p2.cos() * dl.cos();
    y.atan2(x).to_degrees().rem_euclid(360.0)
}

/// Asserts the incident lies `km` from `town` along `bearing`, with the town as reference.
fn assert_moved(i: &Incident, town: (&str, (f64, f64)), km: f64, bearing: f64) {
    let p = &i.place;
    let point = p.lon_lat().expect("a point");
    let got_km = distance_km(town.1 .0, town.1 .1, point.0, point.1);
    assert!((got_km - km).abs() < 0.05, "{} km, not {km}: {p:?}", got_km);
    let got = bearing_deg(town.1, point);
    let off = (got - bearing + 540.0).rem_euclid(360.0) - 180.0;
    assert!(off.abs() < 0.5, "bearing {got}, not {bearing}: {p:?}");
    // (From 50 km on, a district's width: see far_off.rs.)
    let precision = match km < 50.0 {
        true => GeoPrecision::NearTown,
        false => GeoPrecision::Admin2,
    };
    assert_eq!(p.precision, precision);
    assert_eq!(p.gazetteer_id, None, "the town's id is no id of this place");
    let offset = p.offset.as_ref().expect("the town as reference");
    assert_eq!(offset.from_id, town.0);
    assert!((offset.km - km).abs() < 1e-9 && (offset.bearing_deg - bearing).abs() < 1e-9);
    assert!(
        i.mentions
            .iter()
            .any(|m| m.gazetteer_id.as_deref() == Some(town.0)),
        "the town is among the mentions: {:?}",
        i.mentions
    );
}

#[test]
fn kilometres_and_a_compass_word_move_the_incident() {
    let i = one("Bandits raided a farm 40 km northeast of Kumasi, killing six herders.");
    assert_moved(&i, (KUMASI, KUMASI_LON_LAT), 40.0, 45.0);
    assert_eq!(i.place.name, "40 km northeast of Kumasi");
    assert!(i.title.contains("40 km northeast of Kumasi"), "{}", i.title);
}

#[test]
fn each_compass_direction_has_its_bearing() {
    let cases = [
        ("north", 0.0),
        ("north-east", 45.0),
        ("east", 90.0),
        ("southeast", 135.0),
        ("south", 180.0),
        ("south-west", 225.0),
        ("west", 270.0),
        ("northwest", 315.0),
    ];
    for (word, bearing) in cases {
        let sentence = format!("Gunmen ambushed a bus 25 km {word} of Kumasi, killing four.");
        assert_moved(&one(&sentence), (KUMASI, KUMASI_LON_LAT), 25.0, bearing);
    }
}

#[test]
fn miles_are_converted_and_a_km_figure_beside_them_wins() {
    let i = one("Raiders burned a hamlet 20 miles south of Kumasi, killing three.");
    assert_moved(&i, (KUMASI, KUMASI_LON_LAT), 20.0 * 1.609344, 180.0);
    let i = one("Raiders burned a hamlet 20 miles (35 km) west of Kumasi, killing three.");
    assert_moved(&i, (KUMASI, KUMASI_LON_LAT), 35.0, 270.0);
    assert_eq!(i.place.name, "35 km west of Kumasi");
}

#[test]
fn to_the_and_a_joined_unit_and_a_word_for_the_town_are_read() {
    let i = one("A mine killed two soldiers about 15 kilometres to the east of Kumasi.");
    assert_moved(&i, (KUMASI, KUMASI_LON_LAT), 15.0, 90.0);
    let i = one("Soldiers shot five men 30km Southwest of the city of Kumasi.");
    assert_moved(&i, (KUMASI, KUMASI_LON_LAT), 30.0, 225.0);
}

#[test]
fn dutch_distances_and_directions() {
    let i = one("Bij een aanslag 50 kilometer ten noordoosten van Zwolle kwamen vier mensen om.");
    assert_moved(&i, (ZWOLLE, ZWOLLE_LON_LAT), 50.0, 45.0);
    assert_eq!(i.place.name, "50 kilometer ten noordoosten van Zwolle");
    let i = one("Bij een bomaanslag 20 km ten zuiden van Zwolle zijn twee agenten gedood.");
    assert_moved(&i, (ZWOLLE, ZWOLLE_LON_LAT), 20.0, 180.0);
}

/// The incident is at the town itself, near it, as without a stated offset.
fn assert_at_town(i: &Incident, town: &str) {
    assert_eq!(i.place.gazetteer_id.as_deref(), Some(town), "{:?}", i.place);
    assert_eq!(i.place.precision, GeoPrecision::NearTown);
    assert_eq!(i.place.offset, None);
    assert_eq!(i.place.lon_lat(), Some(KUMASI_LON_LAT));
}

#[test]
fn a_distance_or_a_direction_alone_keeps_the_incident_near_the_town() {
    let i = one("Gunmen ambushed a bus 10 km from Kumasi, killing four.");
    assert_at_town(&i, KUMASI);
    let i = one("Gunmen ambushed a bus north of Kumasi, killing four.");
    assert_at_town(&i, KUMASI);
    // A couple of km: the town's own point is as good as any.
    let i = one("Gunmen ambushed a bus 2 km north of Kumasi, killing four.");
    assert_at_town(&i, KUMASI);
}

/// `incimap extract` on two articles written to a fresh directory: the incidents' places.
fn extract_two(first: &str, second: &str) -> Vec<serde_json::Value> {
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(
        dir.path().join("a.txt"),
        format!("date 2024-05-02\n{first}\n"),
    )
    .expect("writes a.txt");
    std::fs::write(
        dir.path().join("b.txt"),
        format!("date 2024-05-02\n{second}\n"),
    )
    .expect("writes b.txt");
    let out = common::incimap(
        &["extract", "a.txt", "b.txt", "-o", "out.jsonl"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", common::stderr(&out));
    common::jsonl(&dir.path().join("out.jsonl"))
        .into_iter()
        .map(|i| i["place"].clone())
        .collect()
}

#[test]
fn an_incident_measured_from_a_town_does_not_merge_with_one_at_the_town() {
    let places = extract_two(
        "Gunmen killed 14 traders in Kumasi on Tuesday.",
        "Gunmen killed 14 traders 12 km west of Kumasi on Tuesday.",
    );
    assert_eq!(places.len(), 2, "{places:#?}");
    assert!(places.iter().any(|p| p["gazetteer_id"] == KUMASI));
    assert!(places
        .iter()
        .any(|p| p["name"] == "12 km west of Kumasi" && p["gazetteer_id"].is_null()));
}

#[test]
fn two_reports_of_one_place_measured_from_a_town_merge() {
    let places = extract_two(
        "Gunmen killed 14 traders 40 km north of Kumasi on Tuesday.",
        "Fourteen traders were killed by gunmen 25 miles (40 km) north of Kumasi on Tuesday.",
    );
    assert_eq!(places.len(), 1, "{places:#?}");
    assert_eq!(places[0]["name"], "40 km north of Kumasi");
    assert_eq!(places[0]["offset"]["from_id"], KUMASI);
}

#[test]
fn an_article_with_an_event_at_the_town_and_one_measured_from_it_has_two_incidents() {
    let ex = read(
        "Gunmen killed 14 traders in Kumasi on Tuesday. Separately, a bomb killed two \
         soldiers 30 km south of Kumasi.",
    );
    let killed = |i: &Incident| i.figures.iter().map(|f| f.best).collect::<Vec<_>>();
    let at_town: Vec<&Incident> = ex
        .incidents
        .iter()
        .filter(|i| i.place.gazetteer_id.as_deref() == Some(KUMASI))
        .collect();
    assert_eq!(at_town.len(), 1, "{:#?}", ex.incidents);
    assert_eq!(killed(at_town[0]), [Some(14)]);
    let moved: Vec<&Incident> = ex
        .incidents
        .iter()
        .filter(|i| i.place.offset.is_some())
        .collect();
    assert_eq!(moved.len(), 1, "{:#?}", ex.incidents);
    assert_moved(moved[0], (KUMASI, KUMASI_LON_LAT), 30.0, 180.0);
    assert_eq!(killed(moved[0]), [Some(2)]);
    // The recognised name is the town's, whatever the incident made of it.
    assert_eq!(common::mention_ids(&ex, "Kumasi"), [KUMASI, KUMASI]);
}

#[test]
fn a_town_that_only_situates_the_event_town_is_mentioned_as_itself() {
    let i = one("Fighters shelled Sunyani, 100 km northwest of Kumasi, killing five.");
    assert_eq!(i.place.name, "Sunyani");
    assert_eq!(i.place.offset, None);
    let kumasi: Vec<_> = i.mentions.iter().filter(|m| m.name == "Kumasi").collect();
    assert_eq!(kumasi.len(), 1, "{:?}", i.mentions);
    assert_eq!(kumasi[0].gazetteer_id.as_deref(), Some(KUMASI));
    assert_eq!(kumasi[0].lon_lat(), Some(KUMASI_LON_LAT));
}

#[test]
fn a_place_in_a_direction_from_a_town_is_no_namesake_far_away() {
    // "the A area, north of B": A lies near B. The only A the gazetteer has lies in another
    // country, so it is a namesake of a place the gazetteer lacks, not the incident's place.
    let ex =
        read("A roadside bomb killed two soldiers in the Kasulu area, north of Nyeri, on Sunday.");
    assert!(
        ex.places.iter().all(|m| m.country_code == "KE"),
        "{:#?}",
        ex.places
    );
    assert!(ex.incidents.iter().all(|i| i.place.name != "Kasulu"));
    // A place that does lie near the town stays.
    let i = one("A roadside bomb killed two soldiers in Othaya, south of Nyeri, on Sunday.");
    assert_eq!(i.place.name, "Othaya");
}

#[test]
fn the_entrance_to_a_town_is_near_the_town() {
    // Before: "to" made the town a destination, so the toll had no place.
    let i = one("Gunmen killed two guards at the entrance to Othaya on Monday.");
    assert_eq!(i.place.name, "Othaya");
    assert_eq!(i.place.precision, GeoPrecision::NearTown);
    // A destination stays no place of the event.
    let ex = read("Two families fled to Othaya on Monday.");
    assert!(ex.incidents.is_empty(), "{:#?}", ex.incidents);
}

#[test]
fn the_ends_of_a_road_say_where_the_road_runs() {
    // Framed in Obuasi: one incident there, none at either end of the road.
    let ex = read(
        "On 1 May, in Obuasi, Ashanti, two traders were shot dead on the road connecting \
         Kumasi and Konongo.",
    );
    assert_eq!(
        common::best_by_place(&ex, incimap::model::Measure::Killed),
        [("Obuasi".to_string(), Some(2))]
    );
    // No other town: near the first end, not a total for two places.
    let ex = read(
        "On 1 May, a roadside bomb killed three soldiers on the road between Kumasi and Konongo.",
    );
    assert_eq!(
        common::best_by_place(&ex, incimap::model::Measure::Killed),
        [("Kumasi".to_string(), Some(3))]
    );
    assert_eq!(ex.incidents[0].place.precision, GeoPrecision::NearTown);
    // The same in Dutch.
    let ex = read(
        "Op 1 mei werden drie soldaten gedood bij een bermbom op de weg tussen Kumasi en \
         Konongo.",
    );
    assert_eq!(
        common::best_by_place(&ex, incimap::model::Measure::Killed),
        [("Kumasi".to_string(), Some(3))]
    );
}

#[test]
fn a_direction_alone_gives_way_to_the_town_the_event_is_told_at_next() {
    // Kilifi lies north-north-east of Mombasa: the explosion told there is the blast of the
    // lead, one incident at Kilifi.
    let ex = common::read_sentence(
        "2024-04-15",
        "A bomb in a market north of Mombasa killed at least 8 people, officials said. The \
         explosion in Kilifi, in the coastal region, left 12 others wounded.",
    );
    assert_eq!(
        common::tolls(&ex),
        [("Kilifi".to_string(), Some(8), Some(12))]
    );
    // Kwale lies south-west of Mombasa: not the place of a blast north of it.
    let ex = common::read_sentence(
        "2024-04-15",
        "A bomb in a market north of Mombasa killed at least 8 people, officials said. The \
         explosion in Kwale, in the coastal region, left 12 others wounded.",
    );
    assert_eq!(ex.incidents.len(), 2, "{:?}", common::tolls(&ex));
}

#[test]
fn a_spot_measured_from_a_capital_is_the_incident_and_the_story_stays_there() {
    // Nairobi is a capital of millions, which named without "in" stands for its government;
    // a spot 25 km from it is a place all the same. The lead's toll and the counts told after
    // it are that spot's; where an official who confirms the attack sits is no incident.
    let ex = common::read_sentence(
        "2024-04-16",
        "Gunmen ambushed a police convoy late on Monday, killing six officers, police said. \
         The convoy was patrolling the Mbogolo area, 25 kilometres south of Nairobi, when it \
         came under attack. Two more officers were wounded, he said. A security official in \
         Nairobi confirmed the attack. He said five militants were killed in the clash.",
    );
    assert_eq!(ex.incidents.len(), 1, "{:?}", common::tolls(&ex));
    let i = &ex.incidents[0];
    assert_eq!(i.place.precision, GeoPrecision::NearTown);
    assert!(
        i.place.name.contains("south of Nairobi"),
        "{}",
        i.place.name
    );
    let mut killed: Vec<Option<u64>> = i
        .figures
        .iter()
        .filter(|f| f.measure == incimap::model::Measure::Killed)
        .map(|f| f.best)
        .collect();
    killed.sort();
    assert_eq!(killed, [Some(5), Some(6)]);
}
