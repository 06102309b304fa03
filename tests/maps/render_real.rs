//! Map properties that real data tested: a reported 0 is a mark of its own, `--bbox` keeps
//! symbols in the frame and the title counts what is shown, the largest symbols are always
//! labelled, leader lines cross neither each other nor a label, labels stay near their
//! symbol, wording is counted and readable, and neighbouring countries are named in full.

use incimap::model::{DateSpan, EventType, Figure, Incident, Measure, Place};
use incimap::render::{
    render_map, segment_hits_rect, segments_cross, Aggregate, Lang, MapOptions, RenderedMap,
    SizeBy, MAX_LABEL_DISTANCE_PX,
};

fn incident(id: &str, lon: f64, lat: f64, killed: Option<u64>, country: &str) -> Incident {
    let mut place = Place::named(format!("Place {id}"));
    place.lon = Some(lon);
    place.lat = Some(lat);
    place.country_code = Some(country.into());
    let mut inc = Incident::new(id, "event", DateSpan::parse("2020-05-09").unwrap(), place);
    inc.event_type = Some(EventType::Battles);
    if let Some(k) = killed {
        inc.figures.push(Figure::from_value(Measure::Killed, k));
    }
    inc
}

/// `n` incidents in a dense cluster (fixed pseudo-random sequence), values 0..400 with
/// about a third reported as 0.
fn cluster(n: usize, seed: u64) -> Vec<Incident> {
    let mut state = seed;
    let mut next = || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as f64 / (1u64 << 31) as f64
    };
    (0..n)
        .map(|i| {
            let (lon, lat) = (20.5 + next() * 1.2, 4.5 + next() * 0.9);
            let value = next();
            let killed = if value < 0.33 {
                0
            } else {
                (value.powi(4) * 400.0) as u64
            };
            incident(&format!("c{i:03}"), lon, lat, Some(killed), "CF")
        })
        .collect()
}

fn options() -> MapOptions {
    MapOptions {
        width_px: 1600.0,
        height_px: 1200.0,
        aggregate: Aggregate::None,
        ..MapOptions::default()
    }
}

fn title(map: &RenderedMap) -> String {
    let start = map.svg.find("<title>").unwrap() + 7;
    let end = map.svg[start..].find("</title>").unwrap() + start;
    map.svg[start..end].to_string()
}

#[test]
fn a_reported_zero_is_its_own_mark_and_says_0_killed() {
    let incidents = vec![
        incident("zero", 20.6, 4.6, Some(0), "CF"),
        incident("none", 21.6, 5.2, None, "CF"),
        incident("some", 22.4, 4.9, Some(40), "CF"),
    ];
    let map = render_map(&incidents, &options()).unwrap();
    let zero = map
        .symbols
        .iter()
        .find(|s| s.incident_id == "zero")
        .unwrap();
    assert_eq!((zero.r_px, zero.value), (0.0, Some(0)));
    assert!(map.svg.contains("0 killed"), "the label says 0 killed");
    assert!(
        map.svg.contains("Reported: 0 killed"),
        "the legend explains the mark"
    );
    assert!(map.svg.contains("Incident without a reported figure"));
    let nl = MapOptions {
        lang: Lang::Nl,
        ..options()
    };
    let map = render_map(&incidents, &nl).unwrap();
    assert!(map.svg.contains(">0 doden<") && map.svg.contains(">Gemeld: 0 doden<"));
}

#[test]
fn a_bbox_keeps_symbols_in_the_frame_and_counts_what_is_shown() {
    let mut incidents = cluster(60, 7);
    incidents.push(incident("far", 35.0, 12.0, Some(500), "SD"));
    let opts = MapOptions {
        bbox: Some([20.0, 4.0, 21.5, 5.0]),
        ..options()
    };
    let map = render_map(&incidents, &opts).unwrap();
    let shown = map.symbols.len();
    assert!(shown < incidents.len() && shown > 0);
    assert!(map.symbols.iter().all(|s| s.incident_id != "far"));
    let frame = map.frames[0];
    for s in &map.symbols {
        assert!(
            frame.distance_to(s.x_px, s.y_px) == 0.0,
            "{s:?} outside {frame:?}"
        );
    }
    assert!(map.svg.contains("clip-path=\"url(#frame-clip)\""));
    assert_eq!(
        title(&map),
        format!("{shown} of 61 reported incidents, in the area shown")
    );
    let nowhere = MapOptions {
        bbox: Some([100.0, 40.0, 101.0, 41.0]),
        ..options()
    };
    let err = render_map(&incidents, &nowhere).unwrap_err().to_string();
    assert!(err.contains("none of the 61 incidents"), "{err}");
}

#[test]
fn the_largest_symbols_are_always_labelled_and_leaders_never_cross() {
    const LARGEST: usize = 5;
    for seed in 1..=6 {
        let incidents = cluster(300, seed);
        let map = render_map(&incidents, &options()).unwrap();
        let mut by_value: Vec<_> = map.symbols.iter().collect();
        by_value.sort_by_key(|s| std::cmp::Reverse(s.value.unwrap_or(0)));
        for s in by_value.iter().take(LARGEST) {
            assert!(
                s.label.is_some(),
                "seed {seed}: {} unlabelled",
                s.incident_id
            );
        }
        let labelled: Vec<_> = map.symbols.iter().filter(|s| s.label.is_some()).collect();
        for s in &labelled {
            let rect = s.label.unwrap();
            let gap = rect.distance_to(s.x_px, s.y_px) - s.r_px;
            assert!(
                gap <= MAX_LABEL_DISTANCE_PX + rect.w.max(rect.h),
                "seed {seed}: far"
            );
            let Some((a, b)) = s.leader else { continue };
            for other in &labelled {
                if other.incident_id == s.incident_id {
                    continue;
                }
                assert!(
                    !segment_hits_rect(a, b, &other.label.unwrap()),
                    "seed {seed}"
                );
                if let Some((c, d)) = other.leader {
                    assert!(!segments_cross(a, b, c, d), "seed {seed}: leaders cross");
                }
            }
        }
    }
}

#[test]
fn counted_words_and_readable_measure_names() {
    let mut incidents = cluster(40, 3);
    incidents.truncate(1);
    incidents[0].figures = vec![Figure::from_value(Measure::Killed, 1)];
    let map = render_map(&incidents, &options()).unwrap();
    assert_eq!(
        title(&map),
        "1 reported incident in Central African Republic"
    );
    assert!(map.svg.contains("circle area shows people killed"));
    let mut column = incident("b", 20.6, 4.6, None, "CF");
    column.extra.insert("best".into(), 57.into());
    let sized = MapOptions {
        size_by: SizeBy::parse("best"),
        ..options()
    };
    let map = render_map(&[column], &sized).unwrap();
    assert!(
        map.svg.contains("57 killed (best estimate)"),
        "readable column name"
    );
    let groups = MapOptions {
        aggregate: Aggregate::Place,
        ..options()
    };
    let mut pair = cluster(2, 5);
    for i in &mut pair {
        i.place.lon = Some(20.6);
        i.place.lat = Some(4.6);
        i.place.name = "Bambari".into();
    }
    let map = render_map(&pair, &groups).unwrap();
    assert!(map.svg.contains(">2 incidents · "), "a counted group");
    assert!(
        !map.svg.contains("people affected"),
        "sized by killed, not people"
    );
}

#[test]
fn neighbouring_countries_are_named_in_full() {
    // Spread over the Central African Republic, west to east.
    let mut incidents = cluster(200, 11);
    for i in &mut incidents {
        i.place.lon = i.place.lon.map(|lon| 16.0 + (lon - 20.5) * 8.0);
        i.place.lat = i.place.lat.map(|lat| 4.5 + (lat - 4.5) * 4.0);
    }
    let map = render_map(&incidents, &options()).unwrap();
    for name in ["CAMEROON", "DEMOCRATIC REPUBLIC OF CONGO", "CHAD"] {
        assert!(
            map.svg.contains(&format!(">{name}<")),
            "{name} is not named"
        );
    }
    assert!(!map.svg.contains("DEM. REP."));
}

#[test]
fn a_far_outlier_is_left_off_a_fitted_map_and_counted() {
    let mut incidents = cluster(30, 9);
    incidents.push(incident("stray", -47.9, -15.8, Some(3), "BR"));
    let map = render_map(&incidents, &options()).unwrap();
    assert_eq!(map.symbols.len(), 30);
    assert!(map.symbols.iter().all(|s| s.incident_id != "stray"));
    assert_eq!(
        title(&map),
        "30 of 31 reported incidents, in the area shown"
    );
    // A few incidents are never thinned: every one of them is drawn.
    let few = [&incidents[..3], &incidents[30..]].concat();
    assert_eq!(render_map(&few, &options()).unwrap().symbols.len(), 4);
}
