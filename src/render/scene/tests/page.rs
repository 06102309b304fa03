//! Properties of a scene's page around the map: the legend's circles are the map's circles,
//! the legend explains exactly the marks shown, the title names the countries only when every
//! incident is in one of a few, and the locator shows the mapped area where it lies.

use crate::model::Incident;
use crate::render::scene::{Mark, Sample};
use crate::render::{Facet, MapOptions};

use super::{cluster, scene, small};

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
