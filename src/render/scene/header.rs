//! Stage 3, render: the lines around the map decided — the title, the subtitle with the period
//! covered and what the circles show, and the credits line (the data's sources, then the
//! place and basemap credits, which are never shortened), each set at its place on the page.

use crate::model::Incident;
use crate::render::captions::default_title;
use crate::render::font::{text_width_px, Weight};
use crate::render::theme::{Lang, Theme, Word};
use crate::render::{MapOptions, SizeBy};

use super::context::{country_name, title_countries};
use super::layout::PageLayout;
use super::types::{Anchor, Text, TextLine};

/// The map's title: `MapOptions::title`, else one made from the incidents shown, the countries they
/// are all in ([`title_countries`], ISO codes), and how many there were in all when some are
/// left off. The interactive map is titled the same.
pub(crate) fn map_title(
    incidents: &[&Incident],
    options: &MapOptions,
    of_total: Option<usize>,
) -> String {
    map_title_of(
        incidents.len(),
        &title_countries(incidents),
        options,
        of_total,
    )
}

/// [`map_title`] of `n` incidents shown, in the countries `countries_iso2`.
pub(crate) fn map_title_of(
    n: usize,
    countries_iso2: &[String],
    options: &MapOptions,
    of_total: Option<usize>,
) -> String {
    options.title.clone().unwrap_or_else(|| {
        let names: Option<Vec<String>> = countries_iso2
            .iter()
            .map(|iso2| country_name(iso2, options.lang))
            .collect();
        let names = names.unwrap_or_default();
        default_title(n, &names, options.lang, of_total)
    })
}

/// Title and subtitle (with `period`, the caption of the period covered).
pub(crate) fn header(
    page: &PageLayout,
    title: &str,
    period: &str,
    options: &MapOptions,
) -> Vec<Text> {
    let lang = options.lang;
    let theme = &options.theme;
    let at = |y_px: f64, text: String, size_px: f64, bold: bool, fill: &str| Text {
        x_px: page.margin_px,
        y_px,
        line: TextLine {
            text,
            size_px,
            bold,
            fill: fill.to_string(),
        },
        anchor: Anchor::Start,
    };
    let measure = match &options.size_by {
        SizeBy::Largest => lang.word(Word::Affected).to_string(),
        SizeBy::Measure(m) => lang.measure_noun(m),
    };
    let subtitle = format!(
        "{period} · {} {measure} ({})",
        lang.word(Word::CircleAreaShows),
        lang.word(Word::BestEstimate)
    );
    vec![
        at(
            page.title_baseline_px,
            title.to_string(),
            page.title_size_px,
            true,
            theme.text,
        ),
        at(
            page.subtitle_baseline_px,
            subtitle,
            page.subtitle_size_px,
            false,
            theme.text_muted,
        ),
    ]
}

/// The credits line: the documents or outlets the data came from (`names`, shortened with
/// "…" to fit the page), then the place and basemap credits.
pub(crate) fn credits(page: &PageLayout, names: &[String], theme: &Theme, lang: Lang) -> Text {
    let data = lang.word(Word::Data);
    let data = match names.len() {
        0 => format!("{data}: as supplied."),
        1..=3 => format!("{data}: {}.", names.join("; ")),
        n => format!("{data}: {}; +{}.", names[..2].join("; "), n - 2),
    };
    let tail = format!(" {}", lang.word(Word::Credits));
    let max_w = page.width_px - 2.0 * page.margin_px;
    let mut data_chars: Vec<char> = data.chars().collect();
    let mut text = format!("{data}{tail}");
    while text_width_px(&text, page.credits_size_px, Weight::Regular) > max_w
        && !data_chars.is_empty()
    {
        data_chars.pop();
        text = format!(
            "{}…{tail}",
            data_chars.iter().collect::<String>().trim_end()
        );
    }
    Text {
        x_px: page.margin_px,
        y_px: page.credits_baseline_px,
        line: TextLine {
            text,
            size_px: page.credits_size_px,
            bold: false,
            fill: theme.text_muted.to_string(),
        },
        anchor: Anchor::Start,
    }
}
