//! Stage 3, render (HTML): what an incident's popup (and its row in the screen-reader table)
//! says — title, date with precision, place with precision and gazetteer id, every figure
//! with every claim (value, qualifier, who said it, which document, the quoted words), the
//! breakdowns, and the sources with their links — as a compact JSON array whose strings are
//! indices into the page's string table. Wording comes from the static map's own functions
//! (date captions, measure headings, range labels), so both maps say the same.
//!
//! Layout of one incident (−1 for "none"; the id, coordinates and description are strings,
//! the other texts indices):
//! `[id, title, date, date precision, place, place detail, place precision, gazetteer id,
//!   coordinates, event type, sub-event type, [actors], [figures], [sources], description]`;
//! a figure is `[heading, subject, range, [claims], [parts]]`, a claim
//! `[value, qualifier, source, document, quoted words]`, a source
//! `[name, published, location, 1 when the location is a web address]`.

use std::fmt::Write as _;

use crate::model::{Claim, DatePrecision, Figure, Incident, SourceDoc};
use crate::render::captions::date_caption;
use crate::render::Lang;

use super::json::{push_str, Strings};
use super::words::{date_precision, geo_precision, qualifier};

/// Appends one incident's detail array.
pub fn push_detail(out: &mut String, incident: &Incident, lang: Lang, s: &mut Strings) {
    let place = &incident.place;
    let place_detail: Vec<&str> = [
        place.canonical_name.as_deref().filter(|c| *c != place.name),
        place.site.as_deref(),
        place.admin2.as_deref(),
        place.admin1.as_deref(),
        place.country_code.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|t| !t.trim().is_empty())
    .collect();
    // The id, the coordinates and the description are written in place: they are (nearly)
    // unique, and a million of them in the string table would only cost time.
    out.push('[');
    push_str(out, &incident.id);
    let _ = write!(
        out,
        ",{},{},{},{},{},{},{},",
        s.opt(Some(&incident.title)),
        // An undated record spans every day there is: no dates to show, only that.
        s.id(&match incident.date.precision {
            DatePrecision::Unknown => "—".to_string(),
            _ => date_caption(&incident.date, lang),
        }),
        s.id(date_precision(incident.date.precision, lang)),
        s.opt(Some(place.display_name())),
        s.opt(Some(&place_detail.join(" · "))),
        s.id(geo_precision(place.precision, lang)),
        s.opt(place.gazetteer_id.as_deref()),
    );
    match place.lon_lat() {
        Some((lon, lat)) => push_str(out, &format!("{lat:.5}, {lon:.5}")),
        None => out.push_str("-1"),
    }
    let _ = write!(
        out,
        ",{},{},",
        s.opt(incident.event_type.map(|e| lang.event_type(e))),
        s.opt(incident.sub_event_type.map(|e| lang.sub_event_type(e))),
    );
    let actors: Vec<String> = incident
        .actors
        .iter()
        .map(|a| s.id(a).to_string())
        .collect();
    let _ = write!(out, "[{}],[", actors.join(","));
    for (k, figure) in incident.figures.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        push_figure(out, figure, &incident.sources, lang, s);
    }
    out.push_str("],[");
    for (k, source) in incident.sources.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        push_source(out, source, lang, s);
    }
    out.push_str("],");
    match incident.description.trim() {
        "" => out.push_str("-1"),
        text => push_str(out, text),
    }
    out.push(']');
}

fn push_figure(out: &mut String, figure: &Figure, docs: &[SourceDoc], lang: Lang, s: &mut Strings) {
    let range = figure.range_label();
    let _ = write!(
        out,
        "[{},{},{},[",
        s.id(&lang.measure_heading(&figure.measure)),
        s.opt(figure.subject.as_deref()),
        s.opt(range.as_deref()),
    );
    for (k, claim) in figure.claims.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        push_claim(out, claim, docs, lang, s);
    }
    out.push_str("],[");
    for (k, part) in figure.parts.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        push_figure(out, part, docs, lang, s);
    }
    out.push_str("]]");
}

fn push_claim(out: &mut String, claim: &Claim, docs: &[SourceDoc], lang: Lang, s: &mut Strings) {
    // The document a claim was read from, by its title where the incident knows it; a claim
    // without a recorded span comes from the incident's only document, when it has just one.
    let named = |d: &SourceDoc| {
        d.title
            .clone()
            .or_else(|| d.outlet.clone())
            .or_else(|| d.location.as_deref().map(file_name))
    };
    let document = match (&claim.span, docs) {
        (Some(span), _) => Some(
            docs.iter()
                .find(|d| d.location.as_deref() == Some(span.file.as_str()))
                .and_then(named)
                .unwrap_or_else(|| file_name(&span.file)),
        ),
        (None, [only]) => named(only),
        (None, _) => None,
    };
    let _ = write!(
        out,
        "[{},{},{},{},{}]",
        s.id(&claim.short_label()),
        s.id(qualifier(claim.qualifier, lang)),
        s.opt(claim.source.as_deref()),
        s.opt(document.as_deref()),
        s.opt(claim.text.as_deref()),
    );
}

fn push_source(out: &mut String, source: &SourceDoc, lang: Lang, s: &mut Strings) {
    let name = match (&source.outlet, &source.title) {
        (Some(outlet), Some(title)) => format!("{outlet}: {title}"),
        (Some(one), None) | (None, Some(one)) => one.clone(),
        (None, None) => source
            .location
            .as_deref()
            .map(file_name)
            .unwrap_or_default(),
    };
    let location = source.location.as_deref();
    let _ = write!(
        out,
        "[{},{},{},{}]",
        s.opt(Some(&name)),
        s.opt(source.published.map(|p| date_caption(&p, lang)).as_deref()),
        s.opt(
            location
                .map(|l| if is_web_address(l) {
                    l.to_string()
                } else {
                    file_name(l)
                })
                .as_deref()
        ),
        u8::from(location.is_some_and(is_web_address)),
    );
}

/// True for an http(s) address, the only kind the page makes a link of (never `javascript:`
/// or `data:`).
pub fn is_web_address(location: &str) -> bool {
    let lower = location.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !location
            .chars()
            .any(|c| c.is_whitespace() || c.is_control())
}

/// A local file by its name, not the path it was read from (as the static map's credits).
fn file_name(location: &str) -> String {
    if location.contains("://") {
        return location.to_string();
    }
    std::path::Path::new(location).file_name().map_or_else(
        || location.to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateSpan, Measure, Place, Qualifier, TextSpan};

    #[test]
    fn every_claim_is_listed_with_its_source_and_document() {
        let mut incident = Incident::new(
            "x1",
            "An escape",
            DateSpan::parse("2019-10-13").unwrap(),
            Place::named("Camp"),
        );
        let mut claim = Claim::new(700, Qualifier::MoreThan)
            .with_source("Officials")
            .with_text("more than 700");
        claim.span = Some(TextSpan {
            file: "/tmp/a/report.txt".into(),
            start: 0,
            end: 5,
        });
        let other = Claim::new(100, Qualifier::About).with_source("Monitors");
        incident.figures.push(Figure::from_claims(
            Measure::Escaped,
            None,
            vec![claim, other],
        ));
        let mut s = Strings::default();
        let mut out = String::new();
        push_detail(&mut out, &incident, Lang::En, &mut s);
        let mut table = String::new();
        s.push_table(&mut table);
        let detail: serde_json::Value = serde_json::from_str(&out).unwrap();
        let strings: Vec<String> = serde_json::from_str(&table).unwrap();
        let text = |v: &serde_json::Value| strings[v.as_u64().unwrap() as usize].clone();
        let claims = &detail[12][0][3];
        assert_eq!(claims.as_array().unwrap().len(), 2);
        assert_eq!(text(&claims[0][0]), "700+");
        assert_eq!(text(&claims[0][1]), "more than");
        assert_eq!(text(&claims[0][2]), "Officials");
        assert_eq!(text(&claims[0][3]), "report.txt");
        assert_eq!(text(&claims[0][4]), "more than 700");
        assert_eq!(text(&claims[1][2]), "Monitors");
        assert_eq!(claims[1][3], -1);
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert!(is_web_address("https://example.org/a"));
        assert!(!is_web_address("javascript:alert(1)"));
        assert!(!is_web_address("https://x.org/a b"));
        assert!(!is_web_address("data:text/html,hi"));
    }
}
