//! Stage 3, render (HTML): the interactive map — one self-contained `map.html` that opens
//! from disk with no network at all: the vendored Leaflet library, the page's own script and
//! style, the static map's basemap cut to the data's region, and the incidents as data.
//!
//! Everything the page draws is decided here, with the static map's functions: symbol radii
//! and dashed rings ([`super::scene::scale::symbol_radii`] on the static map's [`SizeScale`]),
//! legend values, colours, event-type names, labels, dates and figure wording. For large sets
//! the page groups the incidents in screen hexagons as the static map does (same hexagon size,
//! same threshold, sized on the static map's group scale) whenever more than
//! [`crate::render::AUTO_LIMIT`] would be in view, and sizes incidents drawn one by one as the
//! static map sizes a map of that many.

mod basemap_data;
mod detail;
mod groups;
mod json;
mod page;
mod payload;
mod words;

use std::fmt::Write as _;

use crate::error::{NoIncidents, Result};
use crate::model::{Figure, Incident, Measure};

use super::captions::{credit_names, period_caption};
use super::scene::aggregate::{Aggregate, AUTO_LIMIT, HEX_RADIUS_PX};
use super::scene::build::{check_located, sort_in_map_order};
use super::scene::context::{focus_country, reference_places};
use super::scene::header::map_title;
use super::scene::layout::PageLayout;
use super::scene::scale::size_scale;
use super::scene::scale::SizeScale;
use super::scene::size_legend::size_note;
use super::scene::sizing::{effective_size_by, size_figure, sizing_from_extra};
use super::theme::Word;
use super::RenderedMap;
use super::{MapOptions, SizeBy};

pub use groups::{render_html_of_groups, HTML_INCIDENT_LIMIT};
use json::{push_num, push_str};
use payload::{
    details_then_data, event_types, max_shown, push_columns, push_legend, push_types, Columns,
};

/// Writes the interactive map of `incidents`. `map` is the static map of the same incidents
/// and options: its circle scale (and, for aggregated sets, its group scale) sizes the page's
/// symbols, so both maps show the same value with the same circle.
pub fn render_html(
    incidents: &[Incident],
    map: &RenderedMap,
    options: &MapOptions,
) -> Result<String> {
    let with_fields = sizing_from_extra(incidents, &options.size_by);
    let (list, total) = drawable(with_fields.as_deref().unwrap_or(incidents), options.bbox)?;
    let options = &MapOptions {
        size_by: effective_size_by(&list, &options.size_by),
        ..options.clone()
    };
    let sized: Vec<Option<&Figure>> = list
        .iter()
        .map(|i| size_figure(i, &options.size_by))
        .collect();
    let page = PageLayout::new(options.width_px, options.height_px);
    let scale = if map.aggregated {
        one_by_one_scale(&list, &sized, &page)
    } else {
        map.scale
    };
    let focus = focus_country(&list);
    let of_total = (list.len() < total).then_some(total);
    let title = map_title(&list, options, of_total);
    let types = event_types(&list);

    let columns = Columns {
        incidents: list,
        sized,
    };
    // The page is written in one go, details first: they fill the string table the data ends
    // with (each script is read by its id, whatever the order).
    let capacity = columns.incidents.len() * 300;
    let mut out = page::start(&title, options.lang, capacity, page::Script::Incidents);
    let mut strings = details_then_data(&mut out, &columns, options);
    let period = period_caption(&columns.incidents, options.lang);
    let sources = credit_names(&columns.incidents);
    push_texts(&mut out, options, &title, &period, &sources);
    out.push_str(",\"words\":");
    words::push_words(&mut out, options.lang);
    out.push_str(",\"types\":");
    push_types(&mut out, &types, options);
    push_theme(&mut out, options);
    push_scales(
        &mut out,
        map,
        &scale,
        &columns.sized,
        options,
        map.aggregated,
    );
    let region = basemap_data::region(columns.incidents.iter().filter_map(|i| i.place.lon_lat()));
    out.push_str(",\"basemap\":");
    basemap_data::push_basemap(&mut out, region, focus.as_deref(), options.lang);
    push_context_places(&mut out, &columns.incidents);
    out.push(',');
    push_columns(
        &mut out,
        &mut strings,
        &columns,
        &scale,
        &types,
        options,
        &page,
    );
    out.push('}');
    page::close_data(&mut out);
    page::finish(&mut out, page::Script::Incidents);
    Ok(out)
}

/// The circle scale of incidents drawn one by one when the static map drew groups. The page
/// ungroups only views of at most [`AUTO_LIMIT`] incidents, so they are sized as the static
/// map sizes a map of that many: its own rule ([`size_scale`]) on an even sample of them
/// (every k-th incident, and the largest, so that no circle outgrows the legend).
fn one_by_one_scale(list: &[&Incident], sized: &[Option<&Figure>], page: &PageLayout) -> SizeScale {
    let shown = |k: usize| sized[k].map_or(0, |f| f.best.unwrap_or(0).max(f.high.unwrap_or(0)));
    let largest = (0..list.len()).max_by_key(|&k| (shown(k), std::cmp::Reverse(k)));
    let step = list.len().div_ceil(AUTO_LIMIT).max(1);
    let mut picks: Vec<usize> = (0..list.len()).step_by(step).collect();
    if let Some(k) = largest.filter(|k| k % step != 0) {
        picks.push(k);
    }
    let sample: Vec<&Incident> = picks.iter().map(|&k| list[k]).collect();
    let sample_sized: Vec<Option<&Figure>> = picks.iter().map(|&k| sized[k]).collect();
    size_scale(&[sample], &[sample_sized], page, page.frame, page.unit)
}

/// The incidents the page draws, in the static map's order (date, then id): all of them, or
/// those inside `MapOptions::bbox`; and how many there were in all. Every incident needs coordinates (an
/// incident without them is an error naming its id), and an empty set is an error.
fn drawable(incidents: &[Incident], bbox: Option<[f64; 4]>) -> Result<(Vec<&Incident>, usize)> {
    check_located(incidents)?;
    let mut list: Vec<&Incident> = incidents.iter().collect();
    if let Some(b) = bbox {
        list.retain(|i| {
            i.place
                .lon_lat()
                .is_some_and(|(lon, lat)| lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3])
        });
    }
    if list.is_empty() {
        return Err(NoIncidents::NoneInInteractiveMap.into());
    }
    sort_in_map_order(&mut list);
    Ok((list, incidents.len()))
}

/// Title, period, the size note, the aggregation note and the credits (`sources`: the data's
/// source names).
fn push_texts(
    out: &mut String,
    options: &MapOptions,
    title: &str,
    period: &str,
    sources: &[String],
) {
    let lang = options.lang;
    let _ = write!(
        out,
        "\"lang\":\"{}\",\"title\":",
        match lang {
            super::Lang::En => "en",
            super::Lang::Nl => "nl",
        }
    );
    push_str(out, title);
    out.push_str(",\"period\":");
    push_str(out, period);
    out.push_str(",\"sizeNote\":");
    push_str(out, &size_note(&options.size_by, lang));
    for (key, word) in [
        ("circleArea", Word::CircleArea),
        ("dashedRing", Word::DashedRing),
        ("contextPlace", Word::ContextPlace),
        ("noFigure", Word::NoFigure),
        ("eventTypeHeading", Word::EventTypeHeading),
        ("scaleWord", Word::Scale),
        ("credits", Word::Credits),
    ] {
        let _ = write!(out, ",\"{key}\":");
        push_str(out, lang.word(word));
    }
    out.push_str(",\"sources\":[");
    for (k, name) in sources.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        push_str(out, name);
    }
    out.push_str("],\"dataWord\":");
    push_str(out, lang.word(Word::Data));
    // A group's words, as the static map labels its groups: "12 incidents · 340 killed".
    let measure = match &options.size_by {
        SizeBy::Measure(m) => m.clone(),
        SizeBy::Largest => Measure::Other("people".into()),
    };
    let counted = |n: usize| {
        let text = lang.incidents_count(n);
        text.split_once(' ')
            .map_or(text.clone(), |(_, word)| word.to_string())
    };
    out.push_str(",\"groupWords\":[");
    for (k, word) in [
        counted(1),
        counted(2),
        lang.measure_counted(&measure, 1),
        lang.measure_counted(&measure, 2),
    ]
    .iter()
    .enumerate()
    {
        if k > 0 {
            out.push(',');
        }
        push_str(out, word);
    }
    out.push(']');
}

/// `"context":[[name,lon,lat]…]`: the places the reports name for context, as the static map
/// marks them (the same selection: resolved, and not an incident's own place).
fn push_context_places(out: &mut String, list: &[&Incident]) {
    out.push_str(",\"context\":[");
    let places = reference_places(list);
    let located = places.iter().filter_map(|p| Some((p, p.lon_lat()?)));
    for (k, (place, (lon, lat))) in located.enumerate() {
        if k > 0 {
            out.push(',');
        }
        out.push('[');
        push_str(out, place.display_name());
        let _ = write!(out, ",{},{}]", json::fixed(lon, 5), json::fixed(lat, 5));
    }
    out.push(']');
}

/// The basemap and symbol colours of the theme.
fn push_theme(out: &mut String, options: &MapOptions) {
    let t = &options.theme;
    out.push_str(",\"theme\":{");
    let colours = [
        ("page", t.page),
        ("sea", t.sea),
        ("graticule", t.graticule),
        ("land", t.land),
        ("landFocus", t.land_focus),
        ("coast", t.coast),
        ("border", t.border),
        ("admin1", t.admin1_line),
        ("water", t.water_line),
        ("text", t.text),
        ("muted", t.text_muted),
        ("area", t.area_label),
        ("halo", t.halo),
        ("town", t.town),
        ("none", t.event_colour(None)),
        ("opacity", t.symbol_opacity),
    ];
    for (k, (key, value)) in colours.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        push_str(out, key);
        out.push(':');
        push_str(out, value);
    }
    out.push('}');
}

/// `"scale"` (one incident, one circle) and `"groups"` (the static map's group scale and how
/// the page groups; `null` unless `regroup`), each with its legend; `"unit"`, the static
/// map's stroke unit.
fn push_scales(
    out: &mut String,
    map: &RenderedMap,
    scale: &SizeScale,
    sized: &[Option<&Figure>],
    options: &MapOptions,
    regroup: bool,
) {
    let page = PageLayout::new(options.width_px, options.height_px);
    // As the static legend: a reported 0 has its own mark, named by its measure.
    out.push_str(",\"zeroNote\":");
    match sized.iter().flatten().find(|f| f.best == Some(0)) {
        Some(f) => push_str(out, &options.lang.zero_reported(&f.measure)),
        None => out.push_str("null"),
    }
    out.push_str(",\"unit\":");
    push_num(out, page.unit, 4);
    out.push_str(",\"scale\":{\"legend\":");
    push_legend(out, max_shown(sized), scale);
    out.push_str("},\"groups\":");
    let mode = match options.aggregate {
        Aggregate::None => None,
        _ if !regroup => None,
        Aggregate::Auto => Some("auto"),
        Aggregate::Place | Aggregate::Hex => Some("always"),
    };
    let Some(mode) = mode else {
        out.push_str("null");
        return;
    };
    // k of r = k·√sum, the one number the page needs to size a group it made.
    let k = map.scale.radius_px(1.0);
    let max_group = map
        .symbols
        .iter()
        .filter_map(|s| s.value)
        .max()
        .unwrap_or(0) as f64;
    let _ = write!(
        out,
        "{{\"mode\":\"{mode}\",\"limit\":{AUTO_LIMIT},\"hexPx\":"
    );
    push_num(out, HEX_RADIUS_PX * page.unit, 3);
    out.push_str(",\"k\":");
    push_num(out, k, 6);
    // The page's groups change with the zoom and the filters, their largest sum with them: a
    // legend for each doubling of the static map's largest group, up to the sum of all, of
    // which the page shows the first that covers its largest group.
    let total: f64 = sized
        .iter()
        .flatten()
        .map(|f| f.best.unwrap_or(0) as f64)
        .sum();
    out.push_str(",\"legends\":[");
    let mut max = max_group.max(1.0);
    for k in 0..40 {
        if k > 0 {
            out.push(',');
        }
        out.push('[');
        push_num(out, max, 0);
        out.push(',');
        push_legend(out, max, &map.scale);
        out.push(']');
        if max >= total {
            break;
        }
        max *= 2.0;
    }
    out.push_str("]}");
}
