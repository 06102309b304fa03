//! Renderer tests: reference images compared pixel by pixel (in the style of resvg's tests),
//! and properties every map must have — labels never overlap each other or cover a symbol,
//! circle areas are proportional to the values, every incident appears exactly once, text is
//! escaped, bad coordinates and empty sets are refused.
//!
//! Reference images live in `tests/reference/`. When a render differs, an
//! expected | actual | difference strip is written to `tests/output/` (git-ignored).
//! Regenerate the references with `INCIMAP_BLESS=1 cargo test --release --test maps render::`.

use incimap::gazetteer::{Context, Gazetteer};
use incimap::geocode::geocode;
use incimap::ingest::example_incidents;
use incimap::model::{DateSpan, EventType, Figure, Incident, Measure, Place, SubEventType};
use incimap::render::{render_map, svg_to_png, Aggregate, Lang, MapOptions, SizeBy, Theme};

use crate::common::reference::compare_with_reference;

fn example() -> Vec<Incident> {
    geocode(
        example_incidents().incidents,
        Gazetteer::builtin(),
        &Context::default(),
    )
    .located
}

fn incident(
    id: &str,
    name: &str,
    lon: f64,
    lat: f64,
    killed: Option<u64>,
    event: EventType,
) -> Incident {
    let mut place = Place::named(name);
    place.lon = Some(lon);
    place.lat = Some(lat);
    place.country_code = Some("IQ".into());
    let mut inc = Incident::new(
        id,
        format!("clash at {name}"),
        DateSpan::parse("2017-03").unwrap(),
        place,
    );
    inc.event_type = Some(event);
    if let Some(k) = killed {
        inc.figures.push(Figure::from_value(Measure::Killed, k));
    }
    inc
}

/// A crowded set: 40 incidents around Mosul, from a fixed linear congruential sequence.
fn crowded() -> Vec<Incident> {
    let mut seed: u64 = 42;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as f64 / (1u64 << 31) as f64
    };
    (0..40)
        .map(|i| {
            let lon = 43.13 + (next() - 0.5) * 0.6;
            let lat = 36.34 + (next() - 0.5) * 0.45;
            let killed = if i % 7 == 0 {
                None
            } else {
                Some((next() * 300.0) as u64)
            };
            let event = EventType::ALL[i % EventType::ALL.len()];
            incident(
                &format!("m{i:02}"),
                &format!("Site {i}"),
                lon,
                lat,
                killed,
                event,
            )
        })
        .collect()
}

fn options(width: f64, height: f64) -> MapOptions {
    MapOptions {
        width_px: width,
        height_px: height,
        ..MapOptions::default()
    }
}

#[test]
fn reference_seed_map() {
    let map = render_map(&example(), &options(800.0, 600.0)).unwrap();
    compare_with_reference("seed-800x600", &svg_to_png(&map.svg, 1.0).unwrap());
}

#[test]
fn reference_crowded_map_in_print_theme_and_dutch() {
    let opts = MapOptions {
        theme: Theme::print(),
        lang: Lang::Nl,
        size_by: SizeBy::Measure(Measure::Killed),
        ..options(800.0, 600.0)
    };
    let map = render_map(&crowded(), &opts).unwrap();
    compare_with_reference(
        "crowded-print-nl-800x600",
        &svg_to_png(&map.svg, 1.0).unwrap(),
    );
}

#[test]
fn reference_seed_map_dark() {
    let opts = MapOptions {
        theme: Theme::dark(),
        ..options(800.0, 600.0)
    };
    let map = render_map(&example(), &opts).unwrap();
    compare_with_reference("seed-dark-800x600", &svg_to_png(&map.svg, 1.0).unwrap());
}

#[test]
fn labels_never_overlap_and_never_cover_a_symbol() {
    for (incidents, opts) in [
        (example(), options(1600.0, 1200.0)),
        (crowded(), options(1600.0, 1200.0)),
        (crowded(), options(800.0, 600.0)),
    ] {
        let map = render_map(&incidents, &opts).unwrap();
        for (i, a) in map.labels.iter().enumerate() {
            for b in &map.labels[i + 1..] {
                assert!(!a.intersects(b, 0.0), "labels overlap: {a:?} {b:?}");
            }
            for s in &map.symbols {
                let r = s.ring_r_px.unwrap_or(s.r_px);
                assert!(
                    a.distance_to(s.x_px, s.y_px) >= r,
                    "label {a:?} covers symbol {}",
                    s.incident_id
                );
            }
        }
        assert!(
            map.symbols.iter().filter(|s| s.label.is_some()).count() >= incidents.len().min(20) / 2
        );
    }
}

#[test]
fn circle_areas_are_proportional_to_values() {
    let map = render_map(
        &crowded(),
        &MapOptions {
            size_by: SizeBy::Measure(Measure::Killed),
            ..options(1600.0, 1200.0)
        },
    )
    .unwrap();
    let ratios: Vec<f64> = map
        .symbols
        .iter()
        .filter_map(|s| {
            s.value
                .filter(|v| *v > 0)
                .map(|v| std::f64::consts::PI * s.r_px * s.r_px / v as f64)
        })
        .collect();
    assert!(ratios.len() > 20);
    let first = ratios[0];
    for r in &ratios {
        assert!((r / first - 1.0).abs() < 0.01, "area/value {r} vs {first}");
    }
}

#[test]
fn every_incident_appears_exactly_once() {
    let incidents = crowded();
    let map = render_map(
        &incidents,
        &MapOptions {
            aggregate: Aggregate::None,
            ..options(1600.0, 1200.0)
        },
    )
    .unwrap();
    let mut ids: Vec<&str> = map.symbols.iter().map(|s| s.incident_id.as_str()).collect();
    ids.sort();
    let mut expected: Vec<&str> = incidents.iter().map(|i| i.id.as_str()).collect();
    expected.sort();
    assert_eq!(ids, expected);
    let symbols_group = map
        .svg
        .split("<g id=\"symbols\"")
        .nth(1)
        .unwrap()
        .split("</g>")
        .next()
        .unwrap();
    let drawn = symbols_group.matches("<circle").count() + symbols_group.matches("<path").count();
    let rings = map.symbols.iter().filter(|s| s.ring_r_px.is_some()).count();
    assert_eq!(drawn, incidents.len() + rings);
}

#[test]
fn names_are_escaped_and_right_to_left_text_renders() {
    let mut incidents = vec![
        incident(
            "x1",
            "Tom & Jerry's <camp> \"A\"",
            43.1,
            36.3,
            Some(12),
            EventType::Battles,
        ),
        incident(
            "x2",
            "الموصل",
            43.2,
            36.4,
            Some(30),
            EventType::ViolenceAgainstCivilians,
        ),
    ];
    incidents[0].sub_event_type = Some(SubEventType::ArmedClash);
    let map = render_map(&incidents, &options(800.0, 600.0)).unwrap();
    assert!(map
        .svg
        .contains("Tom &amp; Jerry&#39;s &lt;camp&gt; &quot;A&quot;"));
    assert!(map.svg.contains("الموصل"));
    let png = svg_to_png(&map.svg, 1.0).unwrap();
    assert!(png.len() > 1000);
}

#[test]
fn zero_negative_and_missing_values_draw_markers_not_broken_circles() {
    let incidents = vec![
        incident("z0", "Zero", 43.1, 36.3, Some(0), EventType::Battles),
        incident("z1", "None", 43.3, 36.4, None, EventType::Riots),
        incident("z2", "Some", 43.2, 36.2, Some(50), EventType::Protests),
    ];
    let map = render_map(&incidents, &options(800.0, 600.0)).unwrap();
    assert!(!map.svg.contains("NaN") && !map.svg.contains("inf"));
    let zero = map.symbols.iter().find(|s| s.incident_id == "z0").unwrap();
    assert_eq!(zero.r_px, 0.0);
    assert!(map
        .symbols
        .iter()
        .all(|s| s.r_px.is_finite() && s.r_px >= 0.0));
}

#[test]
fn bad_coordinates_and_empty_sets_are_refused() {
    let mut bad = incident(
        "nan-1",
        "Nowhere",
        f64::NAN,
        36.0,
        Some(3),
        EventType::Battles,
    );
    let err = render_map(std::slice::from_ref(&bad), &options(800.0, 600.0))
        .unwrap_err()
        .to_string();
    assert!(err.contains("nan-1") && err.contains("lon"), "{err}");
    bad.place.lon = Some(40.0);
    bad.place.lat = Some(95.0);
    assert!(render_map(&[bad], &options(800.0, 600.0))
        .unwrap_err()
        .to_string()
        .contains("nan-1"));
    let err = render_map(&[], &options(800.0, 600.0))
        .unwrap_err()
        .to_string();
    assert!(err.contains("no incidents"), "{err}");
}

#[test]
fn svg_is_deterministic_and_layered() {
    let a = render_map(&example(), &MapOptions::default()).unwrap().svg;
    let b = render_map(&example(), &MapOptions::default()).unwrap().svg;
    assert_eq!(a, b);
    for layer in [
        "basemap",
        "land",
        "country-borders",
        "water",
        "symbols",
        "labels",
        "legend",
        "title",
        "credits",
    ] {
        assert!(
            a.contains(&format!("<g id=\"{layer}\"")),
            "no layer {layer}"
        );
    }
}

#[test]
fn facets_draw_one_panel_per_period_with_unique_ids() {
    use incimap::render::Facet;
    let opts = MapOptions {
        facet: Some(Facet::Year),
        ..options(1600.0, 1200.0)
    };
    let incidents = example();
    let map = render_map(&incidents, &opts).unwrap();
    assert!(map.svg.contains("<g id=\"panel-1\">") && map.svg.contains("<g id=\"panel-2\">"));
    assert!(!map.svg.contains("panel-3"));
    assert!(map.svg.contains(">2019</text>") && map.svg.contains(">2022</text>"));
    let mut ids: Vec<&str> = map
        .svg
        .split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    let total = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), total, "duplicate ids in the SVG");
    let mut drawn: Vec<&str> = map.symbols.iter().map(|s| s.incident_id.as_str()).collect();
    drawn.sort();
    let mut expected: Vec<&str> = incidents.iter().map(|i| i.id.as_str()).collect();
    expected.sort();
    assert_eq!(drawn, expected);
    // Too many periods is refused with a hint.
    let months: Vec<Incident> = (1..=12)
        .flat_map(|m| (0..2).map(move |y| (m, y)))
        .map(|(m, y)| {
            let mut inc = incident(
                &format!("f{m}-{y}"),
                "X",
                43.1,
                36.3,
                Some(1),
                EventType::Battles,
            );
            inc.date = DateSpan::parse(&format!("{}-{m:02}", 2020 + y)).unwrap();
            inc
        })
        .collect();
    // 24 months do not fit 16 panels: consecutive months are joined, nothing is left out.
    let map = render_map(
        &months,
        &MapOptions {
            facet: Some(Facet::Month),
            ..options(800.0, 600.0)
        },
    )
    .unwrap();
    assert_eq!(map.frames.len(), 12);
    assert_eq!(map.symbols.len(), months.len());
    assert!(map.svg.contains(">January 2020 – February 2020<"));
}

#[test]
fn a_dutch_map_names_countries_rivers_and_events_in_dutch_and_credits_the_data() {
    let english = render_map(&example(), &options(1600.0, 1200.0))
        .unwrap()
        .svg;
    let opts = MapOptions {
        lang: Lang::Nl,
        ..options(1600.0, 1200.0)
    };
    let dutch = render_map(&example(), &opts).unwrap().svg;
    for (en, nl) in [
        ("in Syria", "in Syrië"),
        ("TURKEY", "TURKIJE"),
        ("IRAQ", "IRAK"),
        ("Euphrates", "Eufraat"),
        (">Battles<", ">Gevechten<"),
        ("armed clash", "gewapende strijd"),
        (
            "Places: GeoNames (CC BY 4.0)",
            "Plaatsen: GeoNames (CC BY 4.0)",
        ),
        ("Basemap: Natural Earth", "Basiskaart: Natural Earth"),
    ] {
        assert!(english.contains(en), "English map lacks {en:?}");
        assert!(!english.contains(nl), "English map has {nl:?}");
        assert!(dutch.contains(nl), "Dutch map lacks {nl:?}");
        assert!(!dutch.contains(en), "Dutch map has {en:?}");
    }
}
