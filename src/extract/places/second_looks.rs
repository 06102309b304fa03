//! Stage 1, ingest/extract: the roles the whole sentence changes once every place of it has
//! one: a town in a larger town, names in a keyword list, where someone spoke, a reference
//! that is the only place of an event.

use super::super::lexicon::{Lexicon, Sec};
use super::super::offset::FAR_KM;
use super::super::toponyms::PlaceMatch;
use super::cues::{aimed_capture, in_tag_list, names_a_town_of, source_in, spoke_from, spoken_at};
use super::{filler, town_like, PlaceUse, Role, Sentence};
use crate::gazetteer::EntryKind;
use crate::model::GeoPrecision;

/// The roles the whole sentence changes: names in a keyword list, where someone spoke, and a
/// directional reference that is the only place of an event.
pub(super) fn second_looks(
    sentence: &Sentence,
    to: usize,
    matches: &[PlaceMatch],
    out: &mut [PlaceUse],
) {
    let (lex, words, from) = (sentence.lex, sentence.words, sentence.from);
    town_in_town(lex, words, out);
    // "Tags: A, B, airstrike": a web page's keyword list run into the text names no event.
    for p in out.iter_mut() {
        if p.role == Role::Event && in_tag_list(lex, words, from, matches, &p.found) {
            p.role = Role::Mention;
        }
    }
    // "the ministry in A said", "an activist in A told ...": where someone spoke or is, when
    // the sentence names another place for what happened (a known one, or "the town of X").
    // "told reporters in A that ...": where it was said, whatever else the sentence names.
    let spoke: Vec<bool> = out
        .iter()
        .map(|p| spoke_from(lex, words, &p.found) || source_in(lex, words, from, to, &p.found))
        .collect();
    let another = out.len() > 1 || names_a_town_of(lex, words, from, to);
    for (p, spoke) in out.iter_mut().zip(&spoke) {
        // (And "seeking to seize A": what a capture only aimed at would take.)
        let venue =
            spoken_at(lex, words, from, &p.found) || aimed_capture(lex, words, from, &p.found);
        if (*spoke && another || venue) && p.role == Role::Event {
            p.role = Role::Mention;
        }
    }
    // A directional reference is the event place when the sentence names no other town
    // ("in a village west of A (A, Province)": the province only holds A). Not one measured
    // from far off when the sentence names a division for the event ("in a rural area of B
    // department, 700 km south of A"): the division holds the place better than that point.
    let division = out.iter().any(|p| {
        p.role == Role::Event && !town_like(p) && p.found.entry.kind != EntryKind::Country
    });
    if !out.iter().any(|p| p.role == Role::Event && town_like(p)) {
        if let Some(p) = out.iter_mut().find(|p| {
            p.role == Role::Reference
                && p.precision == GeoPrecision::NearTown
                && sentence.event_at.is_some()
                && !(division && p.offset.as_ref().is_some_and(|o| o.km >= FAR_KM))
        }) {
            p.role = Role::Event;
        }
    }
    // "... fired on the positions of the army located near A": a town that only says where
    // something lies, told after the event, is where it was aimed (before the event, "forces
    // located in A fired": where fire came from).
    if !out.iter().any(|p| p.role == Role::Event && town_like(p)) {
        let after = |p: &PlaceUse| sentence.event_at.is_some_and(|e| p.found.start > e);
        if let Some(p) = out
            .iter_mut()
            .find(|p| p.role == Role::Reference && town_like(p) && p.offset.is_none() && after(p))
        {
            p.role = Role::Event;
            p.precision = GeoPrecision::NearTown;
        }
    }
}

/// The farthest a town may lie from the larger town it is said to lie in ("Jabalia in
/// Gaza", a camp by the city) for the larger one to be only where it lies.
const IN_TOWN_KM: f64 = 30.0;

/// "strikes on A in B", "A in het noorden van B": a town said to lie in a larger town close
/// by is where it happened; the larger town only says where A lies. So does a town of A's
/// province said to hold A from farther away ("A city in B"): B stands for its district or
/// province.
fn town_in_town(lex: &Lexicon, words: &[&str], out: &mut [PlaceUse]) {
    for k in 1..out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        let mut between = &words[a.found.end.min(b.found.start)..b.found.start];
        // ("A city in B": the kind of place A is may stand before "in".)
        if between.first().is_some_and(|w| lex.has(Sec::KindTown, w)) {
            between = &between[1..];
        }
        let inside = between.first().is_some_and(|w| lex.has(Sec::Within, w))
            && between[1..].iter().all(|w| filler(lex, w));
        let (ta, tb) = (&a.found.entry, &b.found.entry);
        let towns = ta.kind == EntryKind::Populated && tb.kind == EntryKind::Populated;
        let km = crate::reference::distance_km(ta.lon, ta.lat, tb.lon, tb.lat);
        let contains =
            towns && ta.id != tb.id && tb.population >= ta.population && km <= IN_TOWN_KM;
        // (Only of a town found as written: a name the gazetteer only came close to may be a
        // namesake far from B.)
        let stands_for_province = towns
            && ta.literal
            && km > IN_TOWN_KM
            && ta.country_code == tb.country_code
            && ta.admin1.is_some()
            && ta.admin1 == tb.admin1;
        let holds = contains || stands_for_province;
        if inside && holds && a.role == Role::Event && b.role == Role::Event {
            out[k].role = Role::Reference;
        }
    }
}
