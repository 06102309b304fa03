//! Properties of a scene's labels: the largest symbol is labelled first, labels overlap
//! neither each other nor a symbol, every symbol and label lies in its frame, text leans
//! towards its symbol, the largest symbols are labelled even in a full frame, stacked symbols'
//! leaders end at their own centres, and towns' names sit beside their dots.

use crate::model::{Figure, Measure};
use crate::render::geometry::Rect;
use crate::render::scene::{Anchor, LabelKind, LabelStyle};
use crate::render::{Facet, MapOptions};

use super::{cluster, scene, small};

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
            (LabelStyle::Plate, LabelKind::Incident(k)) => Some(k),
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
fn the_largest_symbols_are_labelled_even_where_symbols_fill_the_frame() {
    // Far more symbols than the frame has room for, and a bbox inside them: no free space
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
                assert_eq!(label.style, LabelStyle::Plate, "only a plate covers");
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
