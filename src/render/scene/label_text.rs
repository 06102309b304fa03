//! Stage 3, render: the text of labels — what an incident's label says, its size, and how a
//! block of lines is set in its box (aligned towards its symbol).

use crate::model::{Figure, Incident};

use crate::render::captions::date_caption;
use crate::render::font::{ascent_descent_px, text_width_px, Weight};
use crate::render::geometry::Rect;
use crate::render::theme::Lang;
use crate::render::{MapOptions, SizeBy};

use super::layout::PageLayout;
use super::sizing::group_size;
use super::types::AreaKind;
use super::types::{Anchor, Text, TextLine};

/// The label's first line: the place as reported, or the property `MapOptions::label_field` names
/// (`title`, `id`, or a column kept in `extra`).
fn label_text(incident: &Incident, field: Option<&str>) -> String {
    let from_field = field.and_then(|f| match f {
        "title" => Some(incident.title.clone()),
        "id" => Some(incident.id.clone()),
        "place" => None,
        other => incident
            .extra
            .get(other)
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string)),
    });
    from_field
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| incident.place.display_name().to_string())
}

pub(crate) fn area_style(kind: AreaKind, unit: f64) -> (f64, f64) {
    match kind {
        AreaKind::FocusCountry => (22.0 * unit, 6.0 * unit),
        AreaKind::Country => (18.0 * unit, 4.0 * unit),
        AreaKind::Admin1 => (13.0 * unit, 1.0 * unit),
        AreaKind::Water => (13.5 * unit, 0.5 * unit),
    }
}

/// Width and height of a block of text lines (with a small padding).
pub(crate) fn block_size(lines: &[TextLine]) -> (f64, f64) {
    let w = lines
        .iter()
        .map(|l| {
            text_width_px(
                &l.text,
                l.size_px,
                if l.bold {
                    Weight::Bold
                } else {
                    Weight::Regular
                },
            )
        })
        .fold(0.0, f64::max);
    let h: f64 = lines.iter().map(|l| l.size_px * 1.22).sum();
    (w + 4.0, h + 2.0)
}

/// A label's shorter form, for a largest symbol whose label finds no room: its first line
/// (the name) cut with "…" to the width of the longest other line (`None` when the name is
/// no wider, or there is no other line).
pub(crate) fn compact_lines(lines: &[TextLine]) -> Option<Vec<TextLine>> {
    let width = |l: &TextLine, text: &str| {
        let weight = if l.bold {
            Weight::Bold
        } else {
            Weight::Regular
        };
        text_width_px(text, l.size_px, weight)
    };
    let (first, rest) = lines.split_first()?;
    let room = rest.iter().map(|l| width(l, &l.text)).fold(0.0, f64::max);
    if rest.is_empty() || width(first, &first.text) <= room {
        return None;
    }
    let mut chars: Vec<char> = first.text.chars().collect();
    let mut text = first.text.clone();
    while width(first, &text) > room && chars.len() > 1 {
        chars.pop();
        text = format!("{}…", chars.iter().collect::<String>().trim_end());
    }
    let mut out = vec![TextLine {
        text,
        ..first.clone()
    }];
    out.extend(rest.iter().cloned());
    Some(out)
}

/// A text block set in its box, with a small padding; text aligns towards its symbol:
/// right-aligned when the label sits left of it.
pub(crate) fn block_texts(rect: Rect, lines: Vec<TextLine>, anchor_x: f64) -> Vec<Text> {
    let right_aligned = rect.right() <= anchor_x;
    let (x, anchor) = if right_aligned {
        (rect.right() - 2.0, Anchor::End)
    } else {
        (rect.x + 2.0, Anchor::Start)
    };
    let mut y = rect.y + 1.0;
    let mut texts = Vec::with_capacity(lines.len());
    for line in lines {
        let (ascent, _) = ascent_descent_px(line.size_px, Weight::Regular);
        let baseline = y + ascent * 0.98 + line.size_px * 0.03;
        y += line.size_px * 1.22;
        texts.push(Text {
            x_px: x,
            y_px: baseline,
            line,
            anchor,
        });
    }
    texts
}

pub(crate) fn incident_label(
    incident: &Incident,
    figure: Option<&Figure>,
    options: &MapOptions,
    show_dates: bool,
    page: &PageLayout,
) -> Vec<TextLine> {
    let theme = &options.theme;
    let mut lines = vec![TextLine {
        text: label_text(incident, options.label_field.as_deref()),
        size_px: page.label_name_size_px,
        bold: true,
        fill: theme.text.to_string(),
    }];
    let members = group_size(incident);
    let lang = options.lang;
    let counted = |f: &Figure| lang.measure_counted(&f.measure, f.high.or(f.best).unwrap_or(0));
    let what = match (
        members.and_then(|n| n.parse::<usize>().ok()),
        figure.and_then(|f| f.range_label().map(|label| (label, f))),
    ) {
        (Some(n), Some((label, f))) => {
            format!("{} · {label} {}", lang.incidents_count(n), counted(f))
        }
        (Some(n), None) => lang.incidents_count(n),
        (None, Some((label, f))) => format!("{label} {}", counted(f)),
        (None, None) => match (
            &options.size_by,
            incident.sub_event_type,
            incident.event_type,
        ) {
            (SizeBy::Measure(m), _, _) => match lang {
                Lang::En => format!("no {} figure", lang.measure_counted(m, 2)),
                Lang::Nl => format!("geen aantal {}", lang.measure_counted(m, 2)),
            },
            (_, Some(sub), _) => options.lang.sub_event_type(sub).to_lowercase(),
            (_, None, Some(t)) => options.lang.event_type(t).to_lowercase(),
            _ => "no figure reported".to_string(),
        },
    };
    let text = if show_dates && members.is_none() {
        format!("{what} · {}", date_caption(&incident.date, options.lang))
    } else {
        what
    };
    lines.push(TextLine {
        text,
        size_px: page.label_figure_size_px,
        bold: false,
        fill: theme.text_muted.to_string(),
    });
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, size_px: f64, bold: bool) -> TextLine {
        TextLine {
            text: text.into(),
            size_px,
            bold,
            fill: "#000".into(),
        }
    }

    #[test]
    fn a_compact_label_cuts_its_name_to_the_figure_line() {
        let lines = [
            line("A rather long place name and many more nearby", 20.0, true),
            line("12 incidents · 40 killed", 16.5, false),
        ];
        let short = compact_lines(&lines).expect("the name is the wider line");
        let (w_full, _) = block_size(&lines);
        let (w_short, h_short) = block_size(&short);
        assert!(w_short < w_full * 0.7, "{w_short} of {w_full}");
        assert_eq!(h_short, block_size(&lines).1);
        assert!(short[0].text.starts_with("A rather") && short[0].text.ends_with('…'));
        assert_eq!(short[1], lines[1]);
        // A name no wider than its figures, or a label of one line, has no shorter form.
        assert!(compact_lines(&[line("Town", 20.0, true), lines[1].clone()]).is_none());
        assert!(compact_lines(&lines[..1]).is_none());
    }
}
