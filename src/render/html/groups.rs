//! Stage 3, render (HTML): the interactive map of a map aggregated while reading — more
//! incidents than a page can hold ([`HTML_INCIDENT_LIMIT`]) — drawing the static map's own
//! symbols: one row of data per group (hexagon or place), at the group's point, sized on the
//! static map's group scale, coloured by the event type with the largest share, with the
//! static map's title, period, focus country and credits. A symbol's popup says how many
//! incidents it sums, their sum, their dates and places, and lists its largest incidents
//! ([`crate::render::LARGEST_MEMBERS`]); the page says that it shows groups and that
//! `incidents.geojson` holds every incident (`assets/web/js/5-groups.js`).

use std::collections::HashMap;

use crate::error::{NoIncidents, Result};
use crate::model::Incident;
use crate::render::captions::{date_caption, period_caption};
use crate::render::scene::build::sort_in_map_order;
use crate::render::scene::layout::PageLayout;
use crate::render::scene::sizing::size_figure;
use crate::render::{Gathered, Group, GroupMember, Lang, RenderedMap};

use super::json::push_str;
use super::payload::{details_then_data, event_types, push_columns, push_types, Columns};
use super::{basemap_data, page, push_scales, push_texts, push_theme, words};

/// Above this many incidents the interactive map draws the static map's groups: a page of
/// every incident takes about 240 bytes an incident (230 MB for a million ACLED rows) and
/// longer to open than a reader waits, and drawing it holds every incident in memory. At or
/// below it every incident is drawn, from the incidents held: a map of 50,000 ACLED rows
/// peaks at about 260 MB, a 12 MB page.
pub const HTML_INCIDENT_LIMIT: usize = 50_000;

/// (key, English, Dutch) of the words of a page of groups. `{groups}`, `{n}`, `{unit}`,
/// `{total}` and `{view}` are filled in.
const WORDS: &[(&str, &str, &str)] = &[
    ("note", "This page shows the static map's {groups} symbols, not its {n} incidents one by one: each circle sums the incidents of one {unit}. A symbol's popup lists its largest incidents; incidents.geojson holds every incident.", "Deze pagina toont de {groups} symbolen van de statische kaart, niet de {n} incidenten één voor één: elke cirkel telt de incidenten van één {unit} op. De pop-up van een symbool toont zijn grootste incidenten; incidents.geojson bevat elk incident."),
    ("hexagon", "hexagon of the map (or place, when few)", "zeshoek van de kaart (of plaats, als het er weinig zijn)"),
    ("place", "place", "plaats"),
    ("count", "{n} of {total} symbols match the filters; {view} of them in view.", "{n} van {total} symbolen passen bij de filters; {view} daarvan in beeld."),
    ("table", "Show the symbols as a table", "Toon de symbolen als tabel"),
    ("tableCaption", "Symbols in view, each the sum of the incidents of one hexagon or place", "Symbolen in beeld, elk de som van de incidenten van één zeshoek of plaats"),
    ("typesHeading", "Event type with the largest share (click to hide or show)", "Soort gebeurtenis met het grootste aandeel (klik om te verbergen of te tonen)"),
    ("largest", "Largest incidents", "Grootste incidenten"),
    ("geojson", "Every incident, with every figure and source: incidents.geojson.", "Elk incident, met elk aantal en elke bron: incidents.geojson."),
];

fn word(key: &str, lang: Lang) -> &'static str {
    WORDS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or("", |(_, en, nl)| match lang {
            Lang::En => en,
            Lang::Nl => nl,
        })
}

/// Writes the interactive map of the groups `gathered` drew; `map` is the static map of the
/// same groups (its circle scale sizes the page's symbols).
pub fn render_html_of_groups(map: &RenderedMap, gathered: &Gathered) -> Result<String> {
    let options = &gathered.options;
    let lang = options.lang;
    let rows: Vec<Incident> = gathered.groups.iter().map(|g| row_of(g, lang)).collect();
    let mut list: Vec<&Incident> = rows.iter().collect();
    if list.is_empty() {
        return Err(NoIncidents::NoneInInteractiveMap.into());
    }
    sort_in_map_order(&mut list);
    let sized = list
        .iter()
        .map(|i| size_figure(i, &options.size_by))
        .collect();
    let page = PageLayout::new(options.width_px, options.height_px);
    let types = event_types(&list);
    let columns = Columns {
        incidents: list,
        sized,
    };
    let title = &gathered.title;
    let mut out = page::start(title, lang, rows.len() * 600, page::Script::Groups);
    let mut strings = details_then_data(&mut out, &columns, options);
    let period = period_caption(&columns.incidents, lang);
    push_texts(&mut out, options, title, &period, &gathered.credits);
    out.push_str(",\"words\":");
    words::push_words(&mut out, lang);
    out.push_str(",\"types\":");
    push_types(&mut out, &types, options);
    push_theme(&mut out, options);
    push_scales(&mut out, map, &map.scale, &columns.sized, options, false);
    let region = basemap_data::region(columns.incidents.iter().filter_map(|i| i.place.lon_lat()));
    out.push_str(",\"basemap\":");
    basemap_data::push_basemap(&mut out, region, gathered.focus.as_deref(), lang);
    out.push_str(",\"context\":[],");
    push_columns(
        &mut out,
        &mut strings,
        &columns,
        &map.scale,
        &types,
        options,
        &page,
    );
    out.push_str(",\"aggregated\":");
    push_aggregated(&mut out, gathered, &columns.incidents);
    out.push('}');
    page::close_data(&mut out);
    page::finish(&mut out, page::Script::Groups);
    Ok(out)
}

/// A group as a row of the page: counted in the page's language, without the gazetteer id
/// of its largest member's place (the group is not that place).
fn row_of(group: &Group, lang: Lang) -> Incident {
    let mut row = group.incident.clone();
    let members = row
        .tags
        .iter()
        .find_map(|t| t.strip_prefix("aggregate:"))
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(0);
    row.title = lang.incidents_count(members);
    row.place.gazetteer_id = None;
    row
}

/// `{"note","count","table","tableCaption","typesHeading","largest","geojson","members"}`: the page's
/// words for groups, and per row (in the rows' order) its largest incidents as
/// `[title, date, place, figure, id]`.
fn push_aggregated(out: &mut String, gathered: &Gathered, rows: &[&Incident]) {
    let lang = gathered.options.lang;
    let hexagons = gathered
        .groups
        .iter()
        .any(|g| g.incident.id.starts_with("hexgroup:"));
    let unit = word(if hexagons { "hexagon" } else { "place" }, lang);
    let note = word("note", lang)
        .replace(
            "{groups}",
            &crate::model::group_thousands(rows.len() as u64),
        )
        .replace(
            "{n}",
            &crate::model::group_thousands(gathered.incidents as u64),
        )
        .replace("{unit}", unit);
    out.push_str("{\"note\":");
    push_str(out, &note);
    for key in [
        "count",
        "table",
        "tableCaption",
        "typesHeading",
        "largest",
        "geojson",
    ] {
        out.push_str(",\"");
        out.push_str(key);
        out.push_str("\":");
        push_str(out, word(key, lang));
    }
    let by_id: HashMap<&str, &Group> = gathered
        .groups
        .iter()
        .map(|g| (g.incident.id.as_str(), g))
        .collect();
    out.push_str(",\"members\":[");
    for (k, row) in rows.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        let group = by_id.get(row.id.as_str());
        push_members(out, group.map_or(&[], |g| &g.largest), lang);
    }
    out.push_str("]}");
}

fn push_members(out: &mut String, members: &[GroupMember], lang: Lang) {
    out.push('[');
    for (k, member) in members.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        let figure = match &member.figure {
            Some((measure, value)) => format!(
                "{} {}",
                crate::model::group_thousands(*value),
                lang.measure_counted(measure, *value)
            ),
            None => "—".to_string(),
        };
        let title = match member.title.trim() {
            "" => "—",
            title => title,
        };
        out.push('[');
        for (j, text) in [
            title,
            &date_caption(&member.date, lang),
            &member.place,
            &figure,
            &member.id,
        ]
        .iter()
        .enumerate()
        {
            if j > 0 {
                out.push(',');
            }
            push_str(out, text);
        }
        out.push(']');
    }
    out.push(']');
}
