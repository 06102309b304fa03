//! Stage 3, render: river names set along their rivers ("Euphrates" following the Euphrates),
//! on a fairly straight stretch that no other label or symbol occupies.

use crate::render::basemap::{layer, Feature, LayerName};
use crate::render::clip::clip_line;
use crate::render::font::{text_width_px, Weight};
use crate::render::geometry::{Circle, Rect};
use crate::render::projection::Viewport;
use crate::render::theme::Lang;

use super::types::{Pt, RiverLabel};

/// Dutch names of rivers with an established Dutch exonym, by their English name; other rivers
/// keep Natural Earth's own name on Dutch maps.
const RIVERS_NL: &[(&str, &str)] = &[
    ("Euphrates", "Eufraat"),
    ("Tigris", "Tigris"),
    ("Nile", "Nijl"),
    ("Danube", "Donau"),
    ("Rhine", "Rijn"),
    ("Dnieper", "Dnjepr"),
    ("Jordan", "Jordaan"),
    ("Volga", "Wolga"),
    ("Meuse", "Maas"),
    ("Scheldt", "Schelde"),
];

/// Only rivers at least this important (Natural Earth scalerank, lower = more important).
const MAX_SCALERANK: u32 = 7;
/// A stretch is straight enough when its chord is this share of its length.
const STRAIGHTNESS: f64 = 0.9;

/// Finds room for the names of the rivers in view, avoiding `taken` boxes and `symbols`.
pub fn place_river_names(
    viewport: &Viewport,
    frame: Rect,
    lang: Lang,
    size_px: f64,
    taken: &[Rect],
    symbols: &[Circle],
) -> Vec<RiverLabel> {
    let view = viewport
        .lon_lat_bbox((frame.x, frame.y, frame.w, frame.h), 0.5)
        .unwrap_or([-180.0, -90.0, 180.0, 90.0]);
    let mut placed: Vec<RiverLabel> = Vec::new();
    let mut done: Vec<String> = Vec::new();
    let mut rivers: Vec<_> = layer(LayerName::Rivers)
        .iter()
        .filter(|f| {
            f.meets(view)
                && f.attr("scalerank")
                    .parse::<u32>()
                    .is_ok_and(|r| r <= MAX_SCALERANK)
        })
        .collect();
    rivers.sort_by_key(|f| {
        (
            f.attr("scalerank").parse::<u32>().unwrap_or(99),
            f.attr("name_en").to_string(),
        )
    });
    for river in rivers {
        let name = river_name(river, lang);
        // Natural Earth's older river file lost some letters to '?' ("S?o Francisco"): a
        // name that cannot be spelled right is not printed.
        if name.is_empty() || name.contains('?') || done.iter().any(|d| d == name) {
            continue;
        }
        let width = text_width_px(name, size_px, Weight::Regular) * 1.08 + size_px;
        let pieces: Vec<Vec<Pt>> = river
            .parts
            .iter()
            .map(|part| {
                part.iter()
                    .filter_map(|&(lon, lat)| viewport.to_px(lon, lat))
                    .collect::<Vec<Pt>>()
            })
            .flat_map(|line| clip_line(&line, inset(frame, size_px)))
            .collect();
        let free = |bbox: &Rect| {
            !taken
                .iter()
                .chain(placed.iter().map(|p| &p.bbox))
                .any(|t| t.intersects(bbox, 2.0))
                && !symbols
                    .iter()
                    .any(|s| bbox.distance_to(s.x, s.y) < s.r + 2.0)
        };
        if let Some((path, bbox)) = first_free_stretch(&pieces, width, size_px, &free) {
            placed.push(RiverLabel {
                text: name.to_string(),
                path,
                bbox,
            });
            done.push(name.to_string());
        }
    }
    placed
}

/// A river's name in the map's language.
fn river_name(river: &Feature, lang: Lang) -> &str {
    let english = river.attr("name_en");
    match lang {
        Lang::En if !english.is_empty() => english,
        Lang::Nl => RIVERS_NL
            .iter()
            .find(|(en, _)| *en == english)
            .map_or_else(|| river.attr("name"), |(_, nl)| nl),
        _ => river.attr("name"),
    }
}

/// The first fairly straight stretch `width` px long, tried from the middle of each piece
/// outwards, whose box is free: the chord it is set on (left to right) and its box.
fn first_free_stretch(
    pieces: &[Vec<Pt>],
    width: f64,
    size_px: f64,
    free: &dyn Fn(&Rect) -> bool,
) -> Option<(Vec<Pt>, Rect)> {
    for piece in pieces {
        let total = length(piece);
        if total < width * 1.4 {
            continue;
        }
        for share in [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.12, 0.88] {
            let Some(stretch) = sub_path(
                piece,
                total * share - width / 2.0,
                total * share + width / 2.0,
            ) else {
                continue;
            };
            let (a, b) = (stretch[0], stretch[stretch.len() - 1]);
            if (b.0 - a.0).hypot(b.1 - a.1) < STRAIGHTNESS * width {
                continue;
            }
            let bbox = grow(bounds(&stretch), size_px);
            if free(&bbox) {
                // Set the name on the chord of the (nearly straight) stretch: letters on a
                // polyline's corners would gape.
                let path = if b.0 < a.0 { vec![b, a] } else { vec![a, b] };
                return Some((path, bbox));
            }
        }
    }
    None
}

fn inset(r: Rect, by: f64) -> Rect {
    Rect {
        x: r.x + by,
        y: r.y + by,
        w: (r.w - 2.0 * by).max(0.0),
        h: (r.h - 2.0 * by).max(0.0),
    }
}

fn grow(r: Rect, by: f64) -> Rect {
    Rect {
        x: r.x - by,
        y: r.y - by,
        w: r.w + 2.0 * by,
        h: r.h + 2.0 * by,
    }
}

fn bounds(points: &[Pt]) -> Rect {
    let (mut x0, mut y0, mut x1, mut y1) = (
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    );
    for &(x, y) in points {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    Rect {
        x: x0,
        y: y0,
        w: x1 - x0,
        h: y1 - y0,
    }
}

fn length(points: &[Pt]) -> f64 {
    points
        .windows(2)
        .map(|w| (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1))
        .sum()
}

/// The part of a polyline between arc lengths `from` and `to`.
fn sub_path(points: &[Pt], from: f64, to: f64) -> Option<Vec<Pt>> {
    if from < 0.0 || to <= from {
        return None;
    }
    let mut out = Vec::new();
    let mut walked = 0.0;
    for w in points.windows(2) {
        let seg = (w[1].0 - w[0].0).hypot(w[1].1 - w[0].1);
        let at = |d: f64| {
            let t = if seg > 0.0 {
                ((d - walked) / seg).clamp(0.0, 1.0)
            } else {
                0.0
            };
            (
                w[0].0 + t * (w[1].0 - w[0].0),
                w[0].1 + t * (w[1].1 - w[0].1),
            )
        };
        if walked + seg >= from && walked <= to {
            if out.is_empty() {
                out.push(at(from));
            }
            out.push(if walked + seg <= to { w[1] } else { at(to) });
        }
        walked += seg;
        if walked > to {
            break;
        }
    }
    (out.len() >= 2 && walked >= to).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_paths_follow_the_line() {
        let line = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)];
        assert_eq!(
            sub_path(&line, 5.0, 15.0),
            Some(vec![(5.0, 0.0), (10.0, 0.0), (10.0, 5.0)])
        );
        assert_eq!(sub_path(&line, 15.0, 30.0), None);
        assert!((length(&line) - 20.0).abs() < 1e-12);
    }

    #[test]
    fn the_euphrates_is_named_on_a_map_of_north_east_syria() {
        let pts = [
            (38.86228, 36.3855),
            (40.74772, 36.50237),
            (39.00788, 35.95283),
        ];
        let (vp, frame) = crate::render::scene::tests::fitted(&pts);
        let labels = place_river_names(&vp, frame, Lang::En, 15.0, &[], &[]);
        assert!(
            labels.iter().any(|l| l.text == "Euphrates"),
            "{:?}",
            labels.iter().map(|l| &l.text).collect::<Vec<_>>()
        );
        for l in &labels {
            assert!(frame.contains(&l.bbox) || frame.intersects(&l.bbox, 0.0));
        }
    }
}
