//! Stage 1, ingest/extract: figures → event frames → incidents. Each counted figure is tied
//! to the place its own clause names ("two were killed in A, three in B" gives A two and B
//! three), a neighbourhood not in the gazetteer to the town it lies in ("al-Foo neighbourhood
//! in Aleppo"), and a sentence that names no place at all to the place of the sentence just
//! before it. Figures whose words make them a total over several places, a period or a whole
//! province or country are *regional*: kept apart from every town. A figure the text does not
//! tie to a place is *unattached*, with the reason. Precision first: nothing is guessed.

use super::incidents::{Group, Reading};
use super::lexicon::Lexicon;
use super::places::town_like;
use super::resolve::{Unread, UnreadName};
use super::text::{Kind, Token};

/// How many sentences back a sentence without any place may still speak of the same event.
const FOCUS_SENTENCES: usize = 2;
/// Why a figure has no place when its sentence and the one before name none.
const NO_PLACE: &str = "no place named in the sentence or just before it";
/// Why a figure at a place named without a name ("a northern village") has no place.
const UNNAMED: &str = "the text names no place, only";
/// The reason for a figure at an unnamed settlement or area ("in a northern village"): it may
/// not wait for the lead's incident, which is at a facility.
const UNNAMED_PLACE: &str = "the text names no town, only";
/// The reason for a figure at a settlement told without its name ("in a village in the
/// north"): the lead's, which may wait for the sentence right after it to name the place.
const UNNAMED_TOWN: &str = "the text names no town by name, only";
/// Why a figure named at a place the gazetteer lacks has no place (after the quoted name).
const NOT_IN_GAZETTEER: &str = "is not in the gazetteer (add it to a gazetteer of your own)";
/// Why a figure named at another name of a small town abroad has no place (after the quoted
/// name, the town and its country).
const ALIAS_ELSEWHERE: &str = "a country the text gives no other sign of";
/// Why a figure named at a name that several small places far apart bear alike has no place
/// (after the quoted name; the places follow).
const NAMESAKES: &str = "names several small places far apart and the text says not which";
/// Why a figure told at a landform named after a town has no place (after the quoted name
/// and the landform word; the town follows).
const LANDFORM: &str = "names the land around, not the town of";
/// Why a figure named only with a province is regional.
const PROVINCE_ONLY: &str = "placed only in a province, not at a town";
/// Why a figure placed only in a whole country is regional.
const COUNTRY_ONLY: &str = "a figure for a whole country";
/// How far (in words) after a figure its clause may name the place.
const FORWARD_WORDS: usize = 30;

/// Where a figure (or a cluster of figures sharing a clause) belongs.
#[derive(Debug, Clone)]
enum Target {
    /// An incident at a gazetteer place, optionally at a named part of it (a neighbourhood).
    Local {
        /// (sentence, index into its places) of the gazetteer place.
        place: (usize, usize),
        subplace: Option<String>,
        /// The named part is a village near the place, not a part of it.
        near: bool,
    },
    /// The incident the sentence before spoke of.
    Focus(usize),
    /// A figure for a wider area or a period: kept apart from every town.
    Regional { area: Option<String>, why: String },
    /// Not tied to any place.
    Nowhere { why: String },
}

/// A place-like phrase in a sentence: a recognised place (index into `Reading::places`) or a
/// name the gazetteer does not hold ("Salah Eddin neighbourhood", "the village of X").
#[derive(Debug, Clone)]
struct Candidate {
    token: usize,
    end: usize,
    known: Option<usize>,
    name: String,
    /// A part of a town (neighbourhood, district, street): placed at its town.
    part_of_town: bool,
    /// Governed by "from" or a word of origin or destination (`origin`, `destinations`):
    /// where fire came from, or where people fled from or to; not the event.
    origin: bool,
}

/// The outcome of reading an article's frames.
pub(super) struct Frames {
    pub groups: Vec<Group>,
    /// (sentence, figure, reason).
    pub unattached: Vec<(usize, usize, String)>,
    /// (sentence, figure, reason, area).
    pub regional: Vec<(usize, usize, String, Option<String>)>,
}

/// Reads every sentence's figures into frames and the frames into incident groups.
pub(super) fn assign(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    words: &[&str],
    readings: &[Reading],
    elsewhere: &[UnreadName],
    published: Option<&crate::model::DateSpan>,
) -> Frames {
    let mut state = State {
        lex,
        text,
        toks,
        words,
        readings,
        elsewhere,
        published: published.copied(),
        out: Frames {
            groups: Vec::new(),
            unattached: Vec::new(),
            regional: Vec::new(),
        },
        focus: None,
        town: None,
        pending: Vec::new(),
        pending_sites: Vec::new(),
        pending_areas: Vec::new(),
        pending_provinces: Vec::new(),
        place_focus: None,
        seen: Vec::new(),
        home: home_country(readings),
        last_total: None,
        breakdown: None,
        moved_away: None,
    };
    let body_pairs = body_pairs(readings);
    for (si, reading) in readings.iter().enumerate() {
        if reading.sentence.heading {
            state.heading(si, &body_pairs);
        } else {
            state.sentence(si);
        }
    }
    state.single_place();
    state.town_totals();
    state.restated_parts();
    state.shadowed_towns();
    state.restated_totals();
    state.incident_sums();
    state.directed_leads();
    state.headline_counts();
    let left: Vec<_> = state.pending.drain(..).collect();
    state.release(left);
    state.drop_regional_only();
    state.attach_mentions();
    state.out
}

/// The country with the most distinct towns among the article's places (ties: none).
fn home_country(readings: &[Reading]) -> Option<String> {
    let mut towns: Vec<(&str, &str)> = readings
        .iter()
        .flat_map(|r| r.places.iter())
        .filter(|p| town_like(p))
        .map(|p| {
            (
                p.found.entry.country_code.as_str(),
                p.found.entry.id.as_str(),
            )
        })
        .collect();
    towns.sort_unstable();
    towns.dedup();
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (code, _) in towns {
        match counts.last_mut() {
            Some((c, n)) if *c == code => *n += 1,
            _ => counts.push((code, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    match counts.as_slice() {
        [(code, n), (_, m), ..] if n > m => Some(code.to_string()),
        [(code, _)] => Some(code.to_string()),
        _ => None,
    }
}

/// (measure, value) of every body figure: a headline figure repeats one of them.
fn body_pairs(readings: &[Reading]) -> Vec<(String, u64)> {
    readings
        .iter()
        .filter(|r| !r.sentence.heading)
        .flat_map(|r| r.figures.iter())
        .filter_map(|f| Some((f.measure.as_ref()?.to_string(), f.claim.value)))
        .collect()
}

struct State<'a> {
    lex: &'a Lexicon,
    text: &'a str,
    toks: &'a [Token],
    words: &'a [&'a str],
    readings: &'a [Reading],
    /// Names that matched only another name of a small town abroad.
    elsewhere: &'a [UnreadName],
    /// The article's publication date: resolves the days its sentences name.
    published: Option<crate::model::DateSpan>,
    out: Frames,
    /// The group the last located figure went to, and its sentence.
    focus: Option<(usize, usize)>,
    /// The last town named as an event place: where unnamed-in-gazetteer neighbourhoods lie.
    town: Option<(usize, usize)>,
    /// Figures of the lead before any place is named (sentence, figure, reason), and the
    /// facilities it speaks of ("a prison"): they join the first incident at such a facility.
    pending: Vec<(usize, usize, String)>,
    pending_sites: Vec<String>,
    /// The province of each waiting count told at an unnamed settlement in it: where the
    /// count stays when no incident takes it.
    pending_areas: Vec<((usize, usize), Option<String>)>,
    /// The province (country and name) of each waiting count the lead placed only in a
    /// province ("killed three people in A province"): it joins the lead's incident only
    /// at a town of that province.
    pending_provinces: Vec<((usize, usize), String)>,
    /// The one event place of a recent sentence without figures, and that sentence.
    place_focus: Option<((usize, usize), usize)>,
    /// Every town named as an event place (sentence, place).
    seen: Vec<(usize, usize)>,
    /// The country most of the article's towns lie in: towns elsewhere ("Washington said",
    /// a summit in a far capital) are not where its unnamed neighbourhoods lie.
    home: Option<String>,
    /// Where the last sentence with counts put its last total, and that sentence.
    last_total: Option<(usize, Target)>,
    /// The last sentence that broke down a regional total told before it.
    breakdown: Option<usize>,
    /// The last sentence whose counts went to a place of their own that is no incident (a
    /// place the gazetteer lacks, a province): the story moved away there.
    moved_away: Option<usize>,
}

/// Why the name `name`, which the gazetteer has, is read nowhere.
pub(super) fn unread_why(name: &str, why: &Unread) -> String {
    match why {
        Unread::Alias { town, country_code } => {
            format!("{name:?} is only another name of {town} ({country_code}), {ALIAS_ELSEWHERE}")
        }
        Unread::Namesakes { places } => {
            format!("{name:?} {NAMESAKES} ({})", places.join("; "))
        }
        Unread::Landform { place, landform } => {
            format!("{name:?} {landform} {LANDFORM} {place}")
        }
    }
}

/// Adds `x` to the sorted list `v` unless it is there already.
fn push_unique(v: &mut Vec<usize>, x: usize) {
    if !v.contains(&x) {
        v.push(x);
        v.sort_unstable();
    }
}

/// True for a word token (no number, no punctuation).
fn is_word(t: &Token) -> bool {
    t.kind == Kind::Word
}

mod before_holder;
mod candidates;
mod clause;
mod counted_span;
mod cues;
mod days_apart;
mod directed;
mod discourse;
mod earlier;
mod finer_place;
mod groups;
mod headline;
mod incident_sums;
mod lead;
mod listed;
mod no_place;
mod one_event;
mod opening;
mod other_part;
mod place;
mod place_focus;
mod restated;
mod restated_part;
mod sentence;
mod superseded;
mod target;
#[cfg(test)]
mod tests;
mod unnamed_part;
mod unnamed_settlement;
