//! Stage 1, ingest/extract: a place given as a distance and a direction from a known place
//! ("50 km northeast of A", "30 miles (48 km) north of A", "about 20 kilometres to the south
//! of the town of A", "20 km ten zuiden van A"). Such a place is not A: its point is A's
//! moved by that distance along that bearing. The words are the lexicon's
//! (`distance_units`, `compass`, `compass_lead`, `compass_of`, with `articles` and
//! `kind_town` between "of" and the name); the numbers are digits or `numbers` words.
//!
//! A distance without a direction ("10 km from A") or a direction without a distance
//! ("north of A") gives no offset: such a place stays near A.

use super::lexicon::{Lexicon, Sec};
use crate::model::GeoPrecision;

/// Below this distance A's own point is as good as any: no offset (the place stays near A).
pub const MIN_OFFSET_KM: f64 = 3.0;

/// From this distance on, a place measured from A is not near A: without a direction A only
/// says how remote it is ("550 km from A"); with one, the point measured is no finer than a
/// district (and a division the sentence names holds the place better).
pub const FAR_KM: f64 = 50.0;

/// How many words (articles, `kind_town` words, "of") may stand between the compass word and
/// the name: "north of the town of A".
const MAX_LINK_WORDS: usize = 4;

/// A distance and direction read before a place name.
#[derive(Debug, Clone, PartialEq)]
pub struct Offset {
    /// The distance, in km.
    pub km: f64,
    /// The direction from the named place, degrees clockwise from north.
    pub bearing_deg: f64,
    /// The words from the distance to the name, as the place's name starts ("50 km northeast
    /// of"; of two distances only the one in km).
    pub phrase: String,
    /// The first word of the phrase.
    pub start: usize,
    /// The gazetteer id of the place measured from (set by the caller that knows it).
    pub from_id: String,
}

impl Offset {
    /// The identity of the spot measured, within an article: the place's id with the
    /// distance and bearing ("geonames:1+40km@45"). Incidents are grouped by place id, so
    /// "40 km north of A" and "in A" make two incidents, two mentions of one spot one.
    pub fn spot_id(&self) -> String {
        format!("{}+{}km@{}", self.from_id, self.km, self.bearing_deg)
    }
}

/// The distance and direction that the words before token `name_start` give, not reading
/// before token `from`; `None` unless both a distance and a compass word stand there.
pub fn offset_before(
    lex: &Lexicon,
    words: &[&str],
    from: usize,
    name_start: usize,
) -> Option<Offset> {
    let compass = compass_before(lex, words, from, name_start)?;
    let bearing_deg: f64 = lex.value(Sec::Compass, words[compass])?.parse().ok()?;
    let k = lead_start(lex, words, from, compass);
    let distance = distance_before(lex, words, from, k)?;
    let mut phrase = format!("{} {}", words[distance.number], words[distance.unit]);
    for w in &words[k..name_start] {
        phrase.push(' ');
        phrase.push_str(w);
    }
    Some(Offset {
        km: distance.km,
        bearing_deg,
        phrase,
        start: distance.start,
        from_id: String::new(),
    })
}

/// A direction said before a place name, with or without a distance ("north of A", "20 km
/// north of A"): the first word of the phrase and the distance in km when one is given.
pub fn direction_before(
    lex: &Lexicon,
    words: &[&str],
    from: usize,
    name_start: usize,
) -> Option<(usize, Option<f64>)> {
    let compass = compass_before(lex, words, from, name_start)?;
    let k = lead_start(lex, words, from, compass);
    Some(match distance_before(lex, words, from, k) {
        Some(d) => (d.start, Some(d.km)),
        None => (compass, None),
    })
}

/// The distance, in km, that the words before token `name_start` put between a place and the
/// name without a direction ("550 km from the capital A", "300 miles (480 km) away from A",
/// "op 200 km afstand van A"); `None` when no distance stands there.
pub fn distance_from(lex: &Lexicon, words: &[&str], from: usize, name_start: usize) -> Option<f64> {
    let mut k = name_start;
    while k > from
        && name_start - k < MAX_LINK_WORDS
        && !lex.has(Sec::DistanceFrom, words[k - 1])
        && (lex.has(Sec::Articles, words[k - 1])
            || lex.has(Sec::KindTown, words[k - 1])
            || lex.has(Sec::CompassOf, words[k - 1]))
    {
        k -= 1;
    }
    let joint = k.checked_sub(1).filter(|&j| j > from)?;
    if !lex.has(Sec::DistanceFrom, words[joint]) {
        return None;
    }
    let end = match lex.has(Sec::DistanceAway, words[joint - 1]) {
        true => joint - 1,
        false => joint,
    };
    distance_before(lex, words, from, end).map(|d| d.km)
}

/// How finely a point measured `km` from a known place is known: near the place up to
/// [`FAR_KM`], then a district's width, then a province's.
pub fn offset_precision(km: f64) -> GeoPrecision {
    if km < FAR_KM {
        GeoPrecision::NearTown
    } else if km < 3.0 * FAR_KM {
        GeoPrecision::Admin2
    } else {
        GeoPrecision::Admin1
    }
}

/// Where the words leading into the compass word at `compass` start ("to the", "due").
fn lead_start(lex: &Lexicon, words: &[&str], from: usize, compass: usize) -> usize {
    let mut k = compass;
    while k > from && compass - k < 2 && lex.has(Sec::CompassLead, words[k - 1]) {
        k -= 1;
    }
    k
}

/// The compass word that governs the name at `name_start` through "of" ("northeast of A",
/// "north of the town of A", "ten zuiden van de stad A").
fn compass_before(lex: &Lexicon, words: &[&str], from: usize, name_start: usize) -> Option<usize> {
    let mut k = name_start;
    let mut joined = false;
    while k > from && name_start - k < MAX_LINK_WORDS {
        let w = words[k - 1];
        if lex.has(Sec::CompassOf, w) {
            joined = true;
        } else if !(lex.has(Sec::Articles, w) || lex.has(Sec::KindTown, w)) {
            break;
        }
        k -= 1;
    }
    let compass = k.checked_sub(1).filter(|&c| c >= from)?;
    (joined
        && lex.has(Sec::CompassOf, words[k])
        && lex.value(Sec::Compass, words[compass]).is_some())
    .then_some(compass)
}

/// A distance read back from `end`: its value in km, the tokens of the number and unit used,
/// and its first token.
struct Distance {
    km: f64,
    number: usize,
    unit: usize,
    start: usize,
}

/// "50 km", "50-km", "fifty kilometres", or two distances with one in parentheses ("30
/// miles (48 km)", "48 km (30 miles)": the one in km is taken), ending just before `end`.
fn distance_before(lex: &Lexicon, words: &[&str], from: usize, end: usize) -> Option<Distance> {
    if end > from && words[end - 1] == ")" {
        let inner = amount_before(lex, words, from, end - 1)?;
        let open = inner.start.checked_sub(1).filter(|&o| o >= from)?;
        if words[open] != "(" {
            return None;
        }
        let outer = amount_before(lex, words, from, open)?;
        let in_km = |d: &Distance| lex.value(Sec::DistanceUnits, words[d.unit]) == Some("1");
        let start = outer.start;
        let chosen = if in_km(&inner) && !in_km(&outer) {
            inner
        } else {
            outer
        };
        return Some(Distance { start, ..chosen });
    }
    amount_before(lex, words, from, end)
}

/// A number and a unit ending just before `end` ("50 km", "50-km", "twenty miles").
fn amount_before(lex: &Lexicon, words: &[&str], from: usize, end: usize) -> Option<Distance> {
    let unit = end.checked_sub(1).filter(|&u| u > from)?;
    let per_unit_km: f64 = lex.value(Sec::DistanceUnits, words[unit])?.parse().ok()?;
    let mut number = unit - 1;
    if words[number] == "-" && number > from {
        number -= 1;
    }
    let value = number_value(lex, words[number])?;
    let km = value * per_unit_km;
    (km.is_finite() && km > 0.0).then_some(Distance {
        km,
        number,
        unit,
        start: number,
    })
}

/// The value of a number written in digits ("50", "1.5", "2,5", "1,200") or as a `numbers`
/// word ("twenty").
fn number_value(lex: &Lexicon, word: &str) -> Option<f64> {
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        // One separator with one or two digits after it is a decimal mark ("2,5", "1.5");
        // otherwise separators group thousands ("1,200").
        let seps = word.matches(['.', ',']).count();
        let tail = word.rsplit(['.', ',']).next().map_or(0, str::len);
        let plain: String = if seps == 1 && tail <= 2 {
            word.replace(',', ".")
        } else {
            word.chars().filter(char::is_ascii_digit).collect()
        };
        return plain.parse().ok();
    }
    lex.value(Sec::Numbers, word)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(code: &str, text: &str) -> Option<Offset> {
        let lex = Lexicon::get(code).unwrap();
        let tokens = crate::extract::text::tokenize(text, 0);
        let words: Vec<&str> = tokens.iter().map(|t| t.lower.as_str()).collect();
        // The name is the last word.
        offset_before(lex, &words, 0, words.len() - 1)
    }

    fn km_and_bearing(code: &str, text: &str) -> (f64, f64) {
        let o = read(code, text).unwrap_or_else(|| panic!("no offset in {text:?}"));
        ((o.km * 10.0).round() / 10.0, o.bearing_deg)
    }

    #[test]
    fn english_distances_and_compass_words() {
        assert_eq!(
            km_and_bearing("en", "a farm 40 km northeast of Kumasi"),
            (40.0, 45.0)
        );
        assert_eq!(
            km_and_bearing("en", "some 12 km west of Kumasi"),
            (12.0, 270.0)
        );
        assert_eq!(
            km_and_bearing("en", "25 kilometres south-east of Kumasi"),
            (25.0, 135.0)
        );
        assert_eq!(
            km_and_bearing("en", "about 20 kilometres to the south of Kumasi"),
            (20.0, 180.0)
        );
        assert_eq!(
            km_and_bearing("en", "15 miles due north of Kumasi"),
            (24.1, 0.0)
        );
        assert_eq!(
            km_and_bearing("en", "sixty kilometers east of the town of Kumasi"),
            (60.0, 90.0)
        );
        assert_eq!(
            km_and_bearing("en", "a point 35-km northwest of Kumasi"),
            (35.0, 315.0)
        );
    }

    #[test]
    fn of_two_written_distances_the_km_figure_counts() {
        assert_eq!(
            km_and_bearing("en", "31 miles (50 km) southwest of Kumasi"),
            (50.0, 225.0)
        );
        assert_eq!(
            km_and_bearing("en", "50 km (31 miles) southwest of Kumasi"),
            (50.0, 225.0)
        );
        let o = read("en", "31 miles (50 km) southwest of Kumasi").unwrap();
        assert_eq!(o.phrase, "50 km southwest of");
        assert_eq!(o.start, 0);
    }

    #[test]
    fn dutch_distances_and_compass_words() {
        assert_eq!(
            km_and_bearing("nl", "50 kilometer ten noordoosten van Kumasi"),
            (50.0, 45.0)
        );
        assert_eq!(
            km_and_bearing("nl", "20 km ten zuiden van de stad Kumasi"),
            (20.0, 180.0)
        );
        assert_eq!(
            km_and_bearing("nl", "zo'n 7,5 km ten westen van Kumasi"),
            (7.5, 270.0)
        );
        let o = read("nl", "50 kilometer ten noordoosten van Kumasi").unwrap();
        assert_eq!(o.phrase, "50 kilometer ten noordoosten van");
    }

    #[test]
    fn a_distance_or_a_direction_alone_is_no_offset() {
        assert_eq!(read("en", "10 km from Kumasi"), None);
        assert_eq!(read("en", "north of Kumasi"), None);
        assert_eq!(read("en", "in the north of Kumasi"), None);
        assert_eq!(read("en", "two villages north of Kumasi"), None);
        assert_eq!(read("nl", "op 10 km van Kumasi"), None);
        assert_eq!(read("nl", "ten noorden van Kumasi"), None);
    }

    fn km_from(code: &str, text: &str) -> Option<f64> {
        let lex = Lexicon::get(code).unwrap();
        let tokens = crate::extract::text::tokenize(text, 0);
        let words: Vec<&str> = tokens.iter().map(|t| t.lower.as_str()).collect();
        distance_from(lex, &words, 0, words.len() - 1).map(|km| (km * 10.0).round() / 10.0)
    }

    #[test]
    fn a_distance_without_a_direction_from_a_place() {
        assert_eq!(km_from("en", "a village 300 km from Kumasi"), Some(300.0));
        assert_eq!(
            km_from("en", "some 90 miles away from the city of Kumasi"),
            Some(144.8)
        );
        assert_eq!(
            km_from(
                "en",
                "is 400 kilometres (250 miles) from the capital Kumasi"
            ),
            Some(400.0)
        );
        assert_eq!(
            km_from("nl", "op 120 kilometer afstand van Kumasi"),
            Some(120.0)
        );
        assert_eq!(km_from("nl", "op 8 km van de stad Kumasi"), Some(8.0));
        // No distance, or a direction with it: not this reading.
        assert_eq!(km_from("en", "people who fled from Kumasi"), None);
        assert_eq!(km_from("en", "40 km north of Kumasi"), None);
    }

    #[test]
    fn a_point_measured_from_far_is_known_only_roughly() {
        assert_eq!(offset_precision(12.0), GeoPrecision::NearTown);
        assert_eq!(offset_precision(80.0), GeoPrecision::Admin2);
        assert_eq!(offset_precision(450.0), GeoPrecision::Admin1);
    }
}
