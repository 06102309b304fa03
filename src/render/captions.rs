//! Stage 3, render: the words around the map — title, subtitle with the period covered, the
//! dates in labels, and the names of the data sources the credits give.

use crate::model::{group_thousands, DatePrecision, DateSpan, Incident};

use super::theme::{Lang, Word};

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_NL: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];
const MONTHS_LONG_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_LONG_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

fn month(m: u8, lang: Lang) -> &'static str {
    let i = usize::from(m.clamp(1, 12)) - 1;
    match lang {
        Lang::En => MONTHS_EN[i],
        Lang::Nl => MONTHS_NL[i],
    }
}

pub(crate) fn month_long(m: u8, lang: Lang) -> &'static str {
    let i = usize::from(m.clamp(1, 12)) - 1;
    match lang {
        Lang::En => MONTHS_LONG_EN[i],
        Lang::Nl => MONTHS_LONG_NL[i],
    }
}

/// A short date for a label: "13 Oct 2019", "Oct 2019", "2019", "20–23 Jan 2022".
pub fn date_caption(span: &DateSpan, lang: Lang) -> String {
    let (s, e) = (span.start, span.end);
    match span.precision {
        DatePrecision::Year => format!("{}", s.year),
        DatePrecision::Month if s.month == e.month && s.year == e.year => {
            format!("{} {}", month(s.month, lang), s.year)
        }
        _ if s == e => format!("{} {} {}", s.day, month(s.month, lang), s.year),
        _ if s.year == e.year && s.month == e.month => {
            format!("{}–{} {} {}", s.day, e.day, month(s.month, lang), s.year)
        }
        _ => format!(
            "{} {} {} – {} {} {}",
            s.day,
            month(s.month, lang),
            s.year,
            e.day,
            month(e.month, lang),
            e.year
        ),
    }
}

/// The period a set of incidents covers: "October 2019", "October 2019 – January 2022".
pub fn period_caption(incidents: &[&Incident], lang: Lang) -> String {
    let start = incidents.iter().map(|i| i.date.start).min();
    let end = incidents.iter().map(|i| i.date.end).max();
    match (start, end) {
        (Some(start), Some(end)) => period_caption_of(start, end, lang),
        _ => String::new(),
    }
}

/// [`period_caption`] of the period from `start` to `end`.
pub(crate) fn period_caption_of(
    start: crate::model::Date,
    end: crate::model::Date,
    lang: Lang,
) -> String {
    let long = |d: crate::model::Date| format!("{} {}", month_long(d.month, lang), d.year);
    if (start.year, start.month) == (end.year, end.month) {
        long(start)
    } else {
        format!("{} – {}", long(start), long(end))
    }
}

/// "3 reported incidents in Syria" (or "in Syria, Iraq and Yemen"; no country when
/// `country_names` is empty); with `of_total` (a `MapOptions::bbox` that leaves some out)
/// "312 of 5,070 reported incidents, in the area shown".
pub(crate) fn default_title(
    n: usize,
    country_names: &[String],
    lang: Lang,
    of_total: Option<usize>,
) -> String {
    let what = if n == 1 && of_total.is_none() {
        lang.word(Word::Incident)
    } else {
        lang.word(Word::Incidents)
    };
    if let Some(total) = of_total {
        let of = match lang {
            Lang::En => "of",
            Lang::Nl => "van de",
        };
        return format!(
            "{} {of} {} {what}, {}",
            group_thousands(n as u64),
            group_thousands(total as u64),
            lang.word(Word::InTheAreaShown)
        );
    }
    let and = match lang {
        Lang::En => "and",
        Lang::Nl => "en",
    };
    let countries = match country_names {
        [] => return format!("{} {what}", group_thousands(n as u64)),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    };
    format!(
        "{} {what} {} {countries}",
        group_thousands(n as u64),
        lang.word(Word::In)
    )
}

/// The data sources the credits name, in first-seen order: each document's outlet, else its
/// title, else its file name (never the path it was read from) or web address.
pub(crate) fn credit_names(incidents: &[&Incident]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for incident in incidents {
        for name in source_names(incident) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

/// The names [`credit_names`] gives an incident's sources, in the sources' order.
pub(crate) fn source_names(incident: &Incident) -> impl Iterator<Item = String> + '_ {
    incident.sources.iter().filter_map(|source| {
        // A local file is credited by its name, not by the path it was read from.
        let file_name = |loc: &String| match loc.contains("://") {
            true => loc.clone(),
            false => std::path::Path::new(loc)
                .file_name()
                .map_or_else(|| loc.clone(), |n| n.to_string_lossy().into_owned()),
        };
        let location = source.location.as_ref().map(file_name);
        source
            .outlet
            .clone()
            .or_else(|| source.title.clone())
            .or(location)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    #[test]
    fn date_captions_follow_precision() {
        let en = Lang::En;
        assert_eq!(
            date_caption(&DateSpan::parse("2019-10").unwrap(), en),
            "Oct 2019"
        );
        assert_eq!(
            date_caption(&DateSpan::parse("2019-10-13").unwrap(), en),
            "13 Oct 2019"
        );
        assert_eq!(date_caption(&DateSpan::parse("2019").unwrap(), en), "2019");
        assert_eq!(
            date_caption(&DateSpan::parse("2022-01-20/2022-01-23").unwrap(), en),
            "20–23 Jan 2022"
        );
        let span = DateSpan::between(
            Date::new(2021, 12, 30).unwrap(),
            Date::new(2022, 1, 2).unwrap(),
            DatePrecision::Day,
        )
        .unwrap();
        assert_eq!(date_caption(&span, en), "30 Dec 2021 – 2 Jan 2022");
        assert_eq!(
            date_caption(&DateSpan::parse("2019-10").unwrap(), Lang::Nl),
            "okt 2019"
        );
    }
}
