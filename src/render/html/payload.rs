//! Stage 3, render (HTML): the incidents as the page's columns — position, the symbol's
//! radius and dashed ring (computed here with the static map's own scale and rule, never in
//! the page), sizing value, event type, date span, label, and the popup detail — plus the
//! size legends. The page only draws what these say.

use std::fmt::Write as _;

use crate::model::{EventType, Figure, Incident};
use crate::render::captions::date_caption;
use crate::render::scene::label_text::incident_label;
use crate::render::scene::layout::PageLayout;
use crate::render::scene::scale::{legend_values, symbol_radii, SizeScale};
use crate::render::theme::Word;
use crate::render::MapOptions;

use super::detail::push_detail;
use super::json::{push_num, push_nums, push_str, Strings};

/// The incidents to write, in the static map's order (date, then id), with their sizing
/// figures.
pub struct Columns<'a> {
    pub incidents: Vec<&'a Incident>,
    pub sized: Vec<Option<&'a Figure>>,
}

/// Event types present, in the legend's order (ACLED's, then "not classified").
pub fn event_types(incidents: &[&Incident]) -> Vec<Option<EventType>> {
    let set: std::collections::BTreeSet<Option<EventType>> =
        incidents.iter().map(|i| i.event_type).collect();
    // The static legend lists `None` (not classified) last as well.
    let mut list: Vec<Option<EventType>> = set.iter().copied().filter(Option::is_some).collect();
    if set.contains(&None) {
        list.push(None);
    }
    list
}

/// Appends the event types as `[[name, colour]…]`, in the page's language and theme.
pub fn push_types(out: &mut String, types: &[Option<EventType>], options: &MapOptions) {
    out.push('[');
    for (k, t) in types.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        out.push('[');
        let name = t.map_or(options.lang.word(Word::NotClassified), |e| {
            options.lang.event_type(e)
        });
        push_str(out, name);
        out.push(',');
        push_str(out, options.theme.event_colour(*t));
        out.push(']');
    }
    out.push(']');
}

/// Appends `"legend":[[value,radius]…]` for the largest value shown (best or highest claim):
/// the static legend's round values, with their radii on `scale`.
pub fn push_legend(out: &mut String, max_value: f64, scale: &SizeScale) {
    out.push('[');
    for (k, value) in legend_values(max_value).iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        let _ = write!(out, "[{value},");
        push_num(out, scale.radius_px(*value as f64), 2);
        out.push(']');
    }
    out.push(']');
}

/// The largest value a sizing figure shows (its best, or its highest claim when disputed).
pub fn max_shown(sized: &[Option<&Figure>]) -> f64 {
    sized
        .iter()
        .flatten()
        .map(|f| f.best.unwrap_or(0).max(f.high.unwrap_or(0)) as f64)
        .fold(0.0, f64::max)
}

/// Appends the incident columns `"lon","lat","r","ring","val","type","d0","d1","name",
/// "what","ttl"` (each an array, one entry per incident) and `"S"`, the string table (which
/// [`details_then_data`] filled first).
pub fn push_columns(
    out: &mut String,
    strings: &mut Strings,
    columns: &Columns,
    scale: &SizeScale,
    types: &[Option<EventType>],
    options: &MapOptions,
    page: &PageLayout,
) {
    let list = &columns.incidents;
    let point = |i: &&Incident| i.place.lon_lat().unwrap_or((0.0, 0.0));
    out.push_str("\"lon\":");
    push_nums(out, list.iter().map(|i| point(i).0), 5);
    out.push_str(",\"lat\":");
    push_nums(out, list.iter().map(|i| point(i).1), 5);
    let radii: Vec<(f64, Option<f64>)> = columns
        .sized
        .iter()
        .map(|f| symbol_radii(*f, scale))
        .collect();
    out.push_str(",\"r\":");
    push_nums(out, radii.iter().map(|r| r.0), 2);
    out.push_str(",\"ring\":");
    push_nums(out, radii.iter().map(|r| r.1.unwrap_or(0.0)), 2);
    // The value a group sums; -1 for an incident without a figure (drawn as a diamond).
    out.push_str(",\"val\":");
    push_nums(
        out,
        columns
            .sized
            .iter()
            .map(|f| f.map_or(-1.0, |f| f.best.unwrap_or(0) as f64)),
        0,
    );
    out.push_str(",\"type\":");
    push_nums(
        out,
        list.iter()
            .map(|i| types.iter().position(|t| *t == i.event_type).unwrap_or(0) as f64),
        0,
    );
    out.push_str(",\"d0\":");
    push_nums(
        out,
        list.iter().map(|i| i.date.start.days_since_epoch() as f64),
        0,
    );
    out.push_str(",\"d1\":");
    push_nums(
        out,
        list.iter().map(|i| i.date.end.days_since_epoch() as f64),
        0,
    );
    // As the static map: labels carry dates when the incidents are on more than one date.
    let first = list.first().map(|i| date_caption(&i.date, options.lang));
    let show_dates = list
        .iter()
        .any(|i| Some(date_caption(&i.date, options.lang)) != first);
    let (mut names, mut whats, mut titles) = (Vec::new(), Vec::new(), Vec::new());
    for (incident, figure) in list.iter().zip(&columns.sized) {
        let lines = incident_label(incident, *figure, options, show_dates, page);
        names.push(strings.opt(lines.first().map(|l| l.text.as_str())) as f64);
        whats.push(strings.opt(lines.get(1).map(|l| l.text.as_str())) as f64);
        titles.push(strings.opt(Some(&incident.title)) as f64);
    }
    out.push_str(",\"name\":");
    push_nums(out, names, 0);
    out.push_str(",\"what\":");
    push_nums(out, whats, 0);
    out.push_str(",\"ttl\":");
    push_nums(out, titles, 0);
    out.push_str(",\"S\":");
    strings.push_table(out);
}

/// Writes the page's details block, then opens its data object: the start every page shares.
/// Returns the string table the details filled (the data ends with it).
pub fn details_then_data(out: &mut String, columns: &Columns, options: &MapOptions) -> Strings {
    let mut strings = Strings::default();
    super::page::open_data(out, "incimap-details");
    out.push('\n');
    push_details(out, &mut strings, columns, options);
    super::page::close_data(out);
    super::page::open_data(out, "incimap-data");
    out.push('{');
    strings
}

/// Appends each incident's popup detail, one line each, parsed by the page only when its
/// popup opens (a million incidents' details would take long to parse at once and much
/// memory to hold).
fn push_details(out: &mut String, strings: &mut Strings, columns: &Columns, options: &MapOptions) {
    for incident in &columns.incidents {
        push_detail(out, incident, options.lang, strings);
        out.push('\n');
    }
}
