//! Stage 3, render, second half: a [`MapScene`] in, SVG out — and from the very same SVG a PNG
//! or a PDF ([`svg_to_png`](crate::render::svg_to_png),
//! [`svg_to_pdf`](crate::render::svg_to_pdf), with resvg and the embedded fonts).
//!
//! The writer decides nothing: it walks the scene in a fixed order — page, header, each frame
//! (basemap, context places, symbols, labels, river names, town dots, outline), the legend,
//! the inset, the credits — into named layer groups (`<g id="symbols">` …), styling each kind
//! of element with the scene's theme. Small multiples get one group per panel, their ids
//! prefixed (`p1-symbols` …) so that they stay unique.
//!
//! ```
//! use incimap::model::{DateSpan, Incident, Place};
//! use incimap::render::{build_scene, write_svg, MapOptions};
//!
//! let mut place = Place::named("Riverton");
//! place.lon = Some(36.2);
//! place.lat = Some(35.1);
//! let incident = Incident::new("a", "shelling", DateSpan::parse("2020-05-09").unwrap(), place);
//! let scene = build_scene(&[incident], &MapOptions::default()).unwrap();
//! let svg = write_svg(&scene);
//! assert!(svg.starts_with("<svg") && svg.contains("<g id=\"symbols\""));
//! ```

mod bidi_words;
mod doc;
mod frame;
mod inset;
mod legend;
mod marks;
mod pdf_order;
pub(crate) mod raster;

pub use doc::escape;
use doc::SvgDoc;

use crate::render::font::FAMILY;
use crate::render::scene::MapScene;

/// The SVG document of a scene.
pub fn write_svg(scene: &MapScene) -> String {
    let theme = &scene.theme;
    let unit = scene.unit;
    let mut doc = SvgDoc::new();
    doc.rect(
        0.0,
        0.0,
        scene.width_px,
        scene.height_px,
        &format!("fill=\"{}\"", theme.page),
    );
    doc.open_group("title", "");
    for line in &scene.header {
        doc.text_at(line, "");
    }
    doc.close_group();
    for (k, frame) in scene.frames.iter().enumerate() {
        let Some(heading) = &frame.heading else {
            frame::draw_frame(&mut doc, frame, theme, unit);
            continue;
        };
        // Each panel's layers get ids of their own (`p1-symbols` …) and a heading.
        let mut panel = SvgDoc::new();
        panel.text_at(heading, "");
        frame::draw_frame(&mut panel, frame, theme, unit);
        let prefix = format!("p{}-", k + 1);
        doc.open_group(&format!("panel-{}", k + 1), "");
        doc.raw(
            &panel
                .into_body()
                .replace("id=\"", &format!("id=\"{prefix}"))
                .replace("url(#", &format!("url(#{prefix}"))
                .replace("href=\"#", &format!("href=\"#{prefix}")),
        );
        doc.close_group();
    }
    legend::draw_legend(&mut doc, &scene.legend, theme, unit);
    if let Some(inset) = &scene.inset {
        inset::draw_inset(&mut doc, inset, theme, unit);
    }
    doc.open_group("credits", "");
    doc.text_at(&scene.credits, "");
    doc.close_group();
    doc.finish(scene.width_px, scene.height_px, &scene.title, FAMILY)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::model::{DateSpan, Figure, Incident, Measure, Place};
    use crate::render::scene::build_scene;
    use crate::render::{Facet, MapOptions};

    /// The values of every `key="…"` in the document.
    fn values<'a>(svg: &'a str, key: &str) -> Vec<&'a str> {
        svg.split(key)
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect()
    }

    #[test]
    fn small_multiples_keep_ids_unique_and_every_reference_resolves() {
        let incidents: Vec<Incident> = (0..12)
            .map(|i| {
                let mut place = Place::named(format!("Site {i}"));
                place.lon = Some(38.0 + f64::from(i) * 0.2);
                place.lat = Some(36.0 + f64::from(i % 4) * 0.2);
                place.country_code = Some("SY".into());
                let date = format!("{}-06", 2018 + i % 3);
                let mut incident =
                    Incident::new(format!("i{i}"), "t", DateSpan::parse(&date).unwrap(), place);
                incident
                    .figures
                    .push(Figure::from_value(Measure::Killed, 5 + u64::from(i as u8)));
                incident
            })
            .collect();
        let options = MapOptions {
            facet: Some(Facet::Year),
            ..MapOptions::default()
        };
        let scene = build_scene(&incidents, &options).unwrap();
        assert_eq!(scene.frames.len(), 3);
        let svg = write_svg(&scene);
        let ids = values(&svg, " id=\"");
        let unique: BTreeSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "duplicate ids in {ids:?}");
        for k in 1..=3 {
            assert!(unique.contains(format!("p{k}-symbols").as_str()));
        }
        for reference in values(&svg, "url(#")
            .iter()
            .map(|r| r.trim_end_matches(')'))
            .chain(values(&svg, "href=\"#"))
        {
            assert!(unique.contains(reference), "{reference} refers to nothing");
        }
    }
}
