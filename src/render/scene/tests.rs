//! Properties of the decided scene, before any SVG: the largest symbol is labelled, labels
//! overlap neither each other nor a symbol, every symbol lies in its frame, text leans towards
//! its symbol, the legend's circles are the map's circles, and the legend explains exactly the
//! marks the map shows.

use crate::model::{DateSpan, EventType, Figure, Incident, Measure, Place};
use crate::render::geometry::Rect;
use crate::render::{Facet, MapOptions};

use super::{build_scene, Anchor, LabelKind, MapScene, Mark, Sample};

/// `n` incidents around (lon, lat) from a fixed linear congruential sequence: every seventh
/// without a figure, every fifth a reported 0, every ninth with a higher claim.
fn cluster(n: usize, (lon, lat): (f64, f64), spread_deg: f64) -> Vec<Incident> {
    let mut seed: u64 = 11;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as f64 / (1u64 << 31) as f64
    };
    (0..n)
        .map(|i| {
            let mut place = Place::named(format!("Site {i}"));
            place.lon = Some(lon + (next() - 0.5) * spread_deg);
            place.lat = Some(lat + (next() - 0.5) * spread_deg * 0.75);
            place.country_code = Some("IQ".into());
            let date = format!("{}-{:02}", 2016 + i % 3, 1 + i % 12);
            let mut incident = Incident::new(
                format!("s{i:03}"),
                "clash",
                DateSpan::parse(&date).unwrap(),
                place,
            );
            incident.event_type = Some(EventType::ALL[i % EventType::ALL.len()]);
            let value = (next() * 400.0) as u64;
            if i % 7 != 0 {
                let mut figure =
                    Figure::from_value(Measure::Killed, if i % 5 == 0 { 0 } else { value });
                if i % 9 == 1 {
                    figure.high = Some(value * 3 + 20);
                }
                incident.figures.push(figure);
            }
            incident
        })
        .collect()
}

fn scene(incidents: &[Incident], options: &MapOptions) -> MapScene {
    match build_scene(incidents, options) {
        Ok(scene) => scene,
        Err(e) => panic!("the scene is decided: {e}"),
    }
}

fn small() -> MapOptions {
    MapOptions {
        width_px: 1000.0,
        height_px: 750.0,
        ..MapOptions::default()
    }
}

#[test]
fn the_largest_symbol_of_every_frame_is_labelled_and_first() {
    let by_year = MapOptions {
        facet: Some(Facet::Year),
        ..small()
    };
    for options in [small(), by_year] {
        let map = scene(&cluster(60, (43.1, 36.3), 0.8), &options);
        for frame in &map.frames {
            let largest = &frame.symbols[0].info;
            assert!(frame.symbols.iter().all(|s| s.info.r_px <= largest.r_px));
            assert!(largest.label.is_some(), "{}", largest.incident_id);
            assert!(frame
                .labels
                .iter()
                .any(|l| l.kind == LabelKind::Incident(0)));
        }
    }
}

/// Labels overlap no other label; a label covers no symbol, except the plate of one of the
/// largest symbols (which must be labelled) over less important ones.
#[test]
fn labels_overlap_neither_each_other_nor_a_symbol() {
    let map = scene(&cluster(80, (43.1, 36.3), 0.5), &small());
    let frame = &map.frames[0];
    let boxes: Vec<Rect> = frame
        .labels
        .iter()
        .map(|l| l.rect)
        .chain(frame.rivers.iter().map(|r| r.bbox))
        .collect();
    assert!(boxes.len() > 10, "a crowded frame has many labels");
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            assert!(!a.intersects(b, 0.0), "{a:?} overlaps {b:?}");
        }
    }
    for label in &frame.labels {
        let plate_of = match (label.style, label.kind) {
            (super::LabelStyle::Plate, LabelKind::Incident(k)) => Some(k),
            _ => None,
        };
        for (j, symbol) in frame.symbols.iter().enumerate() {
            let s = &symbol.info;
            let r = s.ring_r_px.unwrap_or(s.r_px);
            let gap = label.rect.distance_to(s.x_px, s.y_px);
            let may = plate_of.is_some_and(|k| k < 5 && j > k);
            assert!(
                gap >= r - 1e-6 || may,
                "{:?} covers {}",
                label.rect,
                s.incident_id
            );
        }
    }
}

#[test]
fn every_symbol_and_label_lies_in_its_frame() {
    let wide = MapOptions {
        facet: Some(Facet::Year),
        ..small()
    };
    let map = scene(&cluster(90, (43.1, 36.3), 3.0), &wide);
    assert_eq!(map.frames.len(), 3);
    for frame in &map.frames {
        assert!(frame.heading.is_some(), "small multiples have headings");
        for s in &frame.symbols {
            assert_eq!(frame.rect.distance_to(s.info.x_px, s.info.y_px), 0.0);
        }
        for label in &frame.labels {
            assert!(frame.rect.contains(&label.rect), "{:?}", label.rect);
        }
    }
    for (i, a) in map.frames.iter().enumerate() {
        for b in &map.frames[i + 1..] {
            assert!(!a.rect.intersects(&b.rect, 0.0));
        }
    }
}

#[test]
fn label_text_leans_towards_its_symbol() {
    let map = scene(&cluster(40, (43.1, 36.3), 0.6), &small());
    let frame = &map.frames[0];
    for label in &frame.labels {
        let LabelKind::Incident(k) = label.kind else {
            continue;
        };
        let x = frame.symbols[k].info.x_px;
        let expected = if label.rect.right() <= x {
            Anchor::End
        } else {
            Anchor::Start
        };
        for text in &label.texts {
            assert_eq!(text.anchor, expected);
            assert!(text.y_px > label.rect.y && text.y_px <= label.rect.bottom());
        }
    }
}

#[test]
fn the_legend_circles_are_the_maps_circles() {
    let map = scene(&cluster(50, (43.1, 36.3), 0.8), &small());
    let size = map.legend.size.as_ref().expect("values are shown");
    let largest_shown = map
        .frames
        .iter()
        .flat_map(|f| &f.symbols)
        .flat_map(|s| [s.info.r_px, s.info.ring_r_px.unwrap_or(0.0)])
        .fold(0.0, f64::max);
    for circle in &size.circles {
        assert!((circle.r_px - map.scale.radius_px(circle.value as f64)).abs() < 1e-9);
        assert!(
            circle.r_px <= largest_shown + 1e-9,
            "no legend circle beyond the map's"
        );
        assert_eq!(
            circle.label.line.text,
            crate::model::group_thousands(circle.value)
        );
    }
    // A symbol and a legend circle of the same value are the same size.
    let symbol = &map.frames[0].symbols[0].info;
    let value = symbol.value.unwrap_or(0) as f64;
    assert!((symbol.r_px - map.scale.radius_px(value)).abs() < 1e-9);
    // The whole panel lies in the page, and the inset below the legend's end.
    assert!(map.legend.end_y_px < map.height_px);
    if let Some(inset) = &map.inset {
        assert!(inset.rect.y >= map.legend.end_y_px);
    }
}

#[test]
fn the_legend_explains_exactly_the_marks_shown() {
    let map = scene(&cluster(30, (43.1, 36.3), 0.8), &small());
    let symbols: Vec<_> = map.frames.iter().flat_map(|f| &f.symbols).collect();
    let row = |sample: Sample| map.legend.rows.iter().any(|r| r.sample == sample);
    let has = |mark: Mark| symbols.iter().any(|s| s.mark == mark);
    assert!(has(Mark::NoFigure) && has(Mark::ReportedZero));
    assert_eq!(row(Sample::NoFigure), has(Mark::NoFigure));
    assert_eq!(row(Sample::ReportedZero), has(Mark::ReportedZero));
    let rings = symbols.iter().any(|s| s.info.ring_r_px.is_some());
    assert!(rings);
    assert_eq!(row(Sample::DisputedRing), rings);
    let dots = map.frames.iter().any(|f| !f.towns.is_empty());
    assert!(dots, "the frame names some towns");
    assert_eq!(row(Sample::Town), dots);
    let context = map.frames.iter().any(|f| !f.context_places.is_empty());
    assert_eq!(row(Sample::ContextPlace), context);
    // One colour row per event type shown, in that type's colour.
    let colours: std::collections::BTreeSet<&str> = symbols.iter().map(|s| s.colour).collect();
    let rows: std::collections::BTreeSet<&str> = map
        .legend
        .event_rows
        .iter()
        .filter_map(|r| match r.sample {
            Sample::EventType(colour) => Some(colour),
            _ => None,
        })
        .collect();
    assert_eq!(colours, rows);
}

/// The cluster's incidents, the first `moved` of them put in country `iso2`.
fn in_countries(mut incidents: Vec<Incident>, moved: usize, iso2: &str) -> Vec<Incident> {
    for incident in incidents.iter_mut().take(moved) {
        incident.place.country_code = Some(iso2.into());
    }
    incidents
}

#[test]
fn the_title_names_a_country_only_when_every_incident_is_in_it() {
    let one = scene(&cluster(20, (43.1, 36.3), 0.8), &small());
    assert_eq!(one.title, "20 reported incidents in Iraq");
    // Most in one country, one elsewhere: both are named, the larger share first.
    let two = scene(
        &in_countries(cluster(20, (43.1, 36.3), 0.8), 1, "SY"),
        &small(),
    );
    assert_eq!(two.title, "20 reported incidents in Iraq and Syria");
    let mut three = in_countries(cluster(20, (43.1, 36.3), 0.8), 3, "SY");
    three[0].place.country_code = Some("TR".into());
    let three = scene(&three, &small());
    assert_eq!(
        three.title,
        "20 reported incidents in Iraq, Syria and Turkey"
    );
    // Four countries, or an incident of no known country: the title names none.
    let mut four = in_countries(cluster(20, (43.1, 36.3), 0.8), 4, "SY");
    four[0].place.country_code = Some("TR".into());
    four[1].place.country_code = Some("IR".into());
    assert_eq!(scene(&four, &small()).title, "20 reported incidents");
    let mut unknown = cluster(20, (43.1, 36.3), 0.8);
    unknown[5].place.country_code = None;
    assert_eq!(scene(&unknown, &small()).title, "20 reported incidents");
}

/// Even-odd test of a point against rings.
fn inside_rings(rings: &[Vec<(f64, f64)>], (x, y): (f64, f64)) -> bool {
    let mut inside = false;
    for ring in rings {
        for k in 0..ring.len() {
            let (a, b) = (ring[k], ring[(k + 1) % ring.len()]);
            if (a.1 > y) != (b.1 > y) && x < a.0 + (y - a.1) / (b.1 - a.1) * (b.0 - a.0) {
                inside = !inside;
            }
        }
    }
    inside
}

#[test]
fn the_locator_shows_the_mapped_area_where_it_lies() {
    // Panels a few thousand km across, centred on land: the inset's box sits on land, inside
    // the inset, and the inset shows more than the panel (not a slice of the whole globe).
    for spread_deg in [2.0, 12.0, 30.0] {
        let options = MapOptions {
            facet: Some(Facet::Year),
            ..small()
        };
        let map = scene(&cluster(60, (43.1, 36.3), spread_deg), &options);
        let Some(inset) = &map.inset else {
            panic!("a regional map has a locator (spread {spread_deg})");
        };
        let n = inset.outline.len() as f64;
        assert!(n >= 4.0);
        let centre = inset
            .outline
            .iter()
            .fold((0.0, 0.0), |(x, y), p| (x + p.0 / n, y + p.1 / n));
        for p in &inset.outline {
            assert!(
                inset.rect.distance_to(p.0, p.1) == 0.0,
                "{p:?} off the inset"
            );
        }
        assert!(
            inside_rings(&inset.land, centre),
            "the box's centre {centre:?} is on land in the inset (spread {spread_deg})"
        );
    }
}

#[test]
fn the_largest_symbols_are_labelled_even_where_symbols_fill_the_frame() {
    // Far more symbols than the frame has room for, and a --bbox inside them: no free space
    // for any label anywhere; the five largest are still labelled, each over smaller symbols
    // only, on a plate.
    let options = MapOptions {
        bbox: Some([42.6, 35.9, 43.6, 36.7]),
        aggregate: crate::render::Aggregate::None,
        ..small()
    };
    let map = scene(&cluster(1400, (43.1, 36.3), 1.4), &options);
    let frame = &map.frames[0];
    for k in 0..5 {
        let symbol = &frame.symbols[k].info;
        assert!(
            symbol.label.is_some(),
            "symbol {k} unlabelled: {symbol:?} in {:?}",
            frame.rect
        );
    }
    for label in &frame.labels {
        let LabelKind::Incident(k) = label.kind else {
            continue;
        };
        let own = &frame.symbols[k].info;
        for (j, symbol) in frame.symbols.iter().enumerate() {
            let s = &symbol.info;
            let r = s.ring_r_px.unwrap_or(s.r_px);
            if label.rect.distance_to(s.x_px, s.y_px) < r {
                assert_eq!(label.style, super::LabelStyle::Plate, "only a plate covers");
                assert!(
                    j > k,
                    "{} covers {}, as large or larger",
                    own.incident_id,
                    s.incident_id
                );
            }
        }
    }
}

#[test]
fn labels_of_stacked_symbols_point_at_their_own_centres() {
    // Three incidents a few km apart with a lone one far off: the three circles overlap, each
    // holding another's centre; a label set beside one would read as its neighbour's, so each
    // is set off on a leader ending at its own symbol's centre.
    let mut incidents = cluster(4, (43.1, 36.3), 0.0);
    for (k, incident) in incidents.iter_mut().enumerate() {
        incident.place.lon = Some(43.1 + 0.02 * k as f64);
        incident.place.lat = Some(36.3 - 0.01 * k as f64);
        incident.figures = vec![Figure::from_value(Measure::Killed, 40 + 10 * k as u64)];
    }
    incidents[3].place.lon = Some(45.0);
    let map = scene(&incidents, &small());
    let frame = &map.frames[0];
    let stacked: Vec<usize> = (0..frame.symbols.len())
        .filter(|&k| frame.symbols[k].info.incident_id != "s003")
        .collect();
    assert_eq!(stacked.len(), 3);
    for k in stacked {
        let s = &frame.symbols[k].info;
        let label = frame
            .labels
            .iter()
            .find(|l| l.kind == LabelKind::Incident(k))
            .unwrap_or_else(|| panic!("{} is labelled", s.incident_id));
        let Some((from, _)) = label.leader else {
            panic!("{} is labelled beside its stack", s.incident_id);
        };
        assert!((from.0 - s.x_px).abs() < 1e-6 && (from.1 - s.y_px).abs() < 1e-6);
    }
}

#[test]
fn town_names_sit_beside_their_dots_never_on_a_leader() {
    let by_year = MapOptions {
        facet: Some(Facet::Year),
        ..small()
    };
    let mut towns = 0;
    for (n, spread_deg) in [(60, 0.8), (80, 0.5), (90, 3.0), (60, 12.0)] {
        for options in [small(), by_year.clone()] {
            let map = scene(&cluster(n, (43.1, 36.3), spread_deg), &options);
            for label in map.frames.iter().flat_map(|f| &f.labels) {
                if label.kind == LabelKind::Town {
                    towns += 1;
                    assert!(label.leader.is_none(), "{:?}", label.texts[0].line.text);
                }
            }
        }
    }
    assert!(towns > 10);
}
