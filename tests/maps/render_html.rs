//! The interactive map's writer (`render_html`): the same input gives the same bytes, markup
//! in names and quotes can never become markup, the page allows no network, every incident
//! and every claim is in it, and its symbols have exactly the static map's radii. (What the
//! page does in a browser is tested by tests/browser/map_html.mjs, run from .ci/run.)

use incimap::gazetteer::{Context, Gazetteer};
use incimap::geocode::geocode;
use incimap::ingest::example_incidents;
use incimap::model::{Claim, DateSpan, EventType, Figure, Incident, Measure, Place, Qualifier};
use incimap::render::{render_html, render_map, Lang, MapOptions};
use serde_json::Value;

fn example() -> Vec<Incident> {
    geocode(
        example_incidents().incidents,
        Gazetteer::builtin(),
        &Context::default(),
    )
    .located
}

fn html(incidents: &[Incident], options: &MapOptions) -> String {
    let map = render_map(incidents, options).unwrap();
    render_html(incidents, &map, options).unwrap()
}

/// The text of `<script type="application/json" id="ID">`.
fn script<'a>(page: &'a str, id: &str) -> &'a str {
    let open = format!("<script type=\"application/json\" id=\"{id}\">");
    let start = page.find(&open).unwrap() + open.len();
    let end = start + page[start..].find("</script>").unwrap();
    &page[start..end]
}

fn data(page: &str) -> Value {
    serde_json::from_str(script(page, "incimap-data")).unwrap()
}

fn details(page: &str) -> Vec<Value> {
    script(page, "incimap-details")
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn point(id: &str, name: &str, lon: f64, lat: f64) -> Incident {
    let mut place = Place::named(name);
    place.lon = Some(lon);
    place.lat = Some(lat);
    place.country_code = Some("SY".into());
    Incident::new(
        id,
        format!("event at {name}"),
        DateSpan::parse("2020-02-03").unwrap(),
        place,
    )
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let incidents = example();
    let options = MapOptions::default();
    let first = html(&incidents, &options);
    assert_eq!(first, html(&incidents, &options));
    let mut reversed = incidents.clone();
    reversed.reverse();
    assert_eq!(
        first,
        html(&reversed, &options),
        "input order does not matter"
    );
}

#[test]
fn markup_in_names_and_quotes_stays_text() {
    let mut evil = point("e1", "</script><script>alert(1)</script>", 38.5, 35.5);
    evil.title = "<!-- & \"quoted\" 'single' </SCRIPT >".into();
    let claim = Claim::new(5, Qualifier::Exact)
        .with_source("<img src=x onerror=alert(2)>")
        .with_text("x\u{2028}</script>");
    evil.figures
        .push(Figure::from_claims(Measure::Killed, None, vec![claim]));
    let options = MapOptions {
        title: Some(evil.title.clone()),
        ..MapOptions::default()
    };
    let page = html(&[evil], &options);
    // The page's own four script elements close, and nothing else does.
    assert_eq!(page.to_ascii_lowercase().matches("</script").count(), 4);
    assert!(!page.contains("<img") && !page.contains("<!--") && !page.contains('\u{2028}'));
    assert!(page.contains(
        "<title>&lt;!-- &amp; &quot;quoted&quot; &#39;single&#39; &lt;/SCRIPT &gt;</title>"
    ));
    // Still every word, as data.
    let d = data(&page);
    let strings: Vec<&str> = d["S"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert!(strings.contains(&"</script><script>alert(1)</script>"));
    assert!(strings.contains(&"<img src=x onerror=alert(2)>"));
    assert!(strings.contains(&"x\u{2028}</script>"));
}

#[test]
fn the_page_allows_no_network_and_loads_nothing() {
    let page = html(&example(), &MapOptions::default());
    let marker = "http-equiv=\"Content-Security-Policy\" content=\"";
    let csp_start = page.find(marker).unwrap() + marker.len();
    let csp = &page[csp_start..csp_start + page[csp_start..].find("\">").unwrap()];
    assert!(csp.contains("default-src 'none'") && csp.contains("connect-src 'none'"));
    assert!(!csp.contains("unsafe") && !csp.contains("http"));
    // The markup outside the scripts references no file, font, style sheet or image.
    let markup: String = page
        .split("<script")
        .enumerate()
        .map(|(k, part)| {
            if k == 0 {
                part
            } else {
                part.split_once("</script>").map_or("", |p| p.1)
            }
        })
        .collect();
    for reference in ["src=", "href=", "<link", "url(http", "@import"] {
        assert!(!markup.contains(reference), "{reference}");
    }
    assert!(page.contains("GeoNames (CC BY 4.0)") && page.contains("Natural Earth"));
}

#[test]
fn every_incident_and_every_claim_is_in_the_page() {
    let incidents = example();
    let page = html(&incidents, &MapOptions::default());
    let d = data(&page);
    let rows = details(&page);
    assert_eq!(rows.len(), incidents.len());
    assert_eq!(d["lon"].as_array().unwrap().len(), incidents.len());
    fn claims(figures: &Value) -> usize {
        figures
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f[3].as_array().unwrap().len() + claims(&f[4]))
            .sum()
    }
    fn model_claims(figures: &[Figure]) -> usize {
        figures
            .iter()
            .map(|f| f.claims.len() + model_claims(&f.parts))
            .sum()
    }
    let in_page: usize = rows.iter().map(|r| claims(&r[12])).sum();
    let in_model: usize = incidents.iter().map(|i| model_claims(&i.figures)).sum();
    assert_eq!(in_page, in_model);
    assert!(in_model > 5);
}

#[test]
fn symbols_have_the_static_maps_radii_and_rings() {
    let incidents = example();
    let options = MapOptions::default();
    let map = render_map(&incidents, &options).unwrap();
    let page = render_html(&incidents, &map, &options).unwrap();
    let d = data(&page);
    let rows = details(&page);
    let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str().unwrap()).collect();
    assert!(map.symbols.iter().any(|s| s.ring_r_px.is_some()));
    for symbol in &map.symbols {
        let k = ids.iter().position(|id| *id == symbol.incident_id).unwrap();
        let r = d["r"][k].as_f64().unwrap();
        let ring = d["ring"][k].as_f64().unwrap();
        assert!(
            (r - symbol.r_px).abs() < 0.006,
            "{}: {r} vs {}",
            symbol.incident_id,
            symbol.r_px
        );
        assert!((ring - symbol.ring_r_px.unwrap_or(0.0)).abs() < 0.006);
    }
    // The legend is the static legend: round values with their radii on the same scale.
    for entry in d["scale"]["legend"].as_array().unwrap() {
        let value = entry[0].as_f64().unwrap();
        assert!((entry[1].as_f64().unwrap() - map.scale.radius_px(value)).abs() < 0.006);
    }
}

#[test]
fn dutch_pages_speak_dutch() {
    let options = MapOptions {
        lang: Lang::Nl,
        ..MapOptions::default()
    };
    let page = html(&example(), &options);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"));
    let d = data(&page);
    assert_eq!(d["words"]["close"], "Sluiten");
    assert!(d["credits"]
        .as_str()
        .unwrap()
        .contains("Basiskaart: Natural Earth"));
}

#[test]
fn large_sets_are_grouped_on_the_static_maps_group_scale() {
    let incidents: Vec<Incident> = (0..2000)
        .map(|k| {
            let mut i = point(
                &format!("g{k:04}"),
                &format!("P{}", k % 1700),
                36.0 + (k % 50) as f64 * 0.1,
                34.0 + (k / 50) as f64 * 0.05,
            );
            i.event_type = Some(EventType::ALL[k % 3]);
            i.figures
                .push(Figure::from_value(Measure::Killed, 1 + (k % 17) as u64));
            i
        })
        .collect();
    let options = MapOptions::default();
    let map = render_map(&incidents, &options).unwrap();
    assert!(map.aggregated);
    let d = data(&render_html(&incidents, &map, &options).unwrap());
    let groups = &d["groups"];
    assert_eq!(groups["mode"], "auto");
    assert_eq!(groups["limit"], 1500);
    assert!((groups["k"].as_f64().unwrap() - map.scale.radius_px(1.0)).abs() < 1e-5);
    // Legends for ever larger groups, each on the static map's group scale.
    let legends = groups["legends"].as_array().unwrap();
    assert!(legends.len() > 1);
    for pair in legends.windows(2) {
        assert_eq!(
            pair[1][0].as_f64().unwrap(),
            2.0 * pair[0][0].as_f64().unwrap()
        );
    }
    for legend in legends {
        for entry in legend[1].as_array().unwrap() {
            let value = entry[0].as_f64().unwrap();
            assert!(value <= legend[0].as_f64().unwrap());
            assert!((entry[1].as_f64().unwrap() - map.scale.radius_px(value)).abs() < 0.006);
        }
    }
    // One by one (at most 1,500 in view), incidents get circles of their own, sized as the
    // static map sizes a map of 1,500: not the tiny ones of a 2,000-incident overview.
    let largest = d["r"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_f64().unwrap())
        .fold(0.0, f64::max);
    assert!(largest > 5.0, "{largest}");
}

#[test]
fn an_incident_without_coordinates_is_refused_by_id() {
    let mut lost = point("lost-1", "Nowhere", 0.0, 0.0);
    let fine = point("fine-1", "Somewhere", 38.0, 35.0);
    let map = render_map(std::slice::from_ref(&fine), &MapOptions::default()).unwrap();
    lost.place.lon = None;
    let err = render_html(&[fine, lost], &map, &MapOptions::default()).unwrap_err();
    assert!(err.to_string().contains("lost-1"), "{err}");
}

#[test]
fn an_undated_incident_says_so_instead_of_showing_ten_thousand_years() {
    let mut undated = point("u1", "Somewhere", 38.0, 35.0);
    undated.date = DateSpan::unknown();
    let page = html(&[undated], &MapOptions::default());
    let d = data(&page);
    let row = &details(&page)[0];
    let text = |v: &Value| {
        d["S"][v.as_u64().unwrap() as usize]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(text(&row[2]), "—");
    assert_eq!(text(&row[3]), "date unknown");
}

#[test]
fn the_basemap_is_the_static_maps_around_the_data() {
    let d = data(&html(&example(), &MapOptions::default()));
    let b = &d["basemap"];
    for layer in [
        "land", "focus", "admin1", "lakes", "rivers", "borders", "towns", "areas",
    ] {
        assert!(!b[layer].as_array().unwrap().is_empty(), "{layer}");
    }
    let countries: Vec<&str> = b["countries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c[0].as_str().unwrap())
        .collect();
    assert!(countries.contains(&"Syria") && countries.contains(&"Turkey"));
    // Cut to the region: no town of another continent.
    for town in b["towns"].as_array().unwrap() {
        let (lon, lat) = (town[1].as_f64().unwrap(), town[2].as_f64().unwrap());
        assert!(
            (25.0..=56.0).contains(&lon) && (22.0..=50.0).contains(&lat),
            "{town}"
        );
    }
    assert_eq!(d["context"][0][0], "Raqqa");
}
