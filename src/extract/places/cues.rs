//! Stage 1, ingest/extract: what the words right around a place say of it: a site noun
//! next to it, a city that speaks for its government, armed people it names, a speaker or
//! source it locates, a keyword list it stands in.

use super::super::lexicon::{Lexicon, Sec};
use super::super::toponyms::PlaceMatch;
use super::{filler, governor_end, METONYMY_MIN};

/// The site noun next to the place: before it ("het kamp in X", "a camp at X") or after it
/// ("X prison", "kamp Roj").
pub(super) fn site_near(
    lex: &Lexicon,
    words: &[&str],
    from: usize,
    m: &PlaceMatch,
) -> Option<String> {
    let mut j = m.start;
    let mut steps = 0;
    while j > from && steps < 4 {
        j -= 1;
        steps += 1;
        let w = words[j];
        if let Some(kind) = lex.value(Sec::Sites, w) {
            return Some(kind.to_string());
        }
        if !(lex.has(Sec::Locative, w) || filler(lex, w)) {
            break;
        }
    }
    // "X prison", "X Central Prison".
    super::super::name_ends::facility_after(lex, words, m)
}

/// "Moscow denied ...", "Ankara has warned ...": a capital or a city of millions that makes
/// a statement is its government, not where anything happened; so is one a government's
/// stance is aimed at ("they accused Damascus of the attack", "blamed Moscow").
pub(super) fn speaks_for_its_government(lex: &Lexicon, words: &[&str], m: &PlaceMatch) -> bool {
    let big = m.entry.capital || m.entry.population >= METONYMY_MIN;
    let states = |w: Option<&&str>| {
        w.is_some_and(|w| lex.has(Sec::ReportVerbs, w) || lex.has(Sec::StatementVerbs, w))
    };
    let next = words.get(m.end);
    let after_auxiliary = next.is_some_and(|w| lex.has(Sec::Auxiliaries, w));
    // The object of a stance verb, the name closing its phrase ("accused Damascus of", not
    // "condemned Aleppo shelling").
    let aimed_at = m.start > 0
        && lex.has(Sec::StatementVerbs, words[m.start - 1])
        && next.is_none_or(|w| {
            !w.starts_with(char::is_alphanumeric)
                || lex.has(Sec::Stop, w)
                || lex.has(Sec::Connectors, w)
        });
    big && (states(next) || after_auxiliary && states(words.get(m.end + 1)) || aimed_at)
}

/// True when the name qualifies armed people right after it ("Al Foo militants attacked",
/// "Bar fighters"): a group's name or origin, not where anything happened.
pub(super) fn names_armed_people(lex: &Lexicon, words: &[&str], m: &PlaceMatch) -> bool {
    words
        .get(m.end)
        .and_then(|w| lex.value(Sec::Sides, w))
        .is_some_and(|side| side != "civilian")
}

/// True when a speech verb follows the place right after a locative: "officials in A said"
/// ("A said to be ..." is no speech).
pub(super) fn spoke_from(lex: &Lexicon, words: &[&str], m: &PlaceMatch) -> bool {
    let locative = m.start > 0 && lex.has(Sec::Locative, words[m.start - 1]);
    let speech = words
        .get(m.end)
        .is_some_and(|w| lex.has(Sec::ReportVerbs, w));
    let hedge = words
        .get(m.end + 1)
        .is_some_and(|w| Sec::ReportHedges.in_any_language(w));
    locative && speech && !hedge
}

/// True when the place stands in a keyword list: after a label word (the lexicon's
/// `tag_labels`) that opens the sentence or follows a word that is no function word (not
/// "the tags"), or that a place follows right away; with no function word (the lexicon's
/// `detect` words: "at", "the", "of") or number between.
pub(super) fn in_tag_list(
    lex: &Lexicon,
    words: &[&str],
    from: usize,
    matches: &[PlaceMatch],
    m: &PlaceMatch,
) -> bool {
    let plain = |w: &str| !lex.has(Sec::Detect, w) && !w.starts_with(|c: char| c.is_ascii_digit());
    (from..m.start)
        .rev()
        .take_while(|&k| plain(words[k]))
        .filter(|&k| lex.has(Sec::TagLabels, words[k]))
        .any(|k| {
            let opens = k == from || !lex.has(Sec::Detect, words[k - 1]);
            opens && k + 1 < m.start || matches.iter().any(|p| p.start == k + 1)
        })
}

/// True when the place locates a source who speaks in the sentence: "an activist in A told
/// ...", "sources in A said", "said X, the police spokesman in A, ...".
pub(super) fn source_in(
    lex: &Lexicon,
    words: &[&str],
    from: usize,
    to: usize,
    m: &PlaceMatch,
) -> bool {
    let source = m.start >= 2
        && lex.has(Sec::Locative, words[m.start - 1])
        && lex.has(Sec::SourceNouns, words[m.start - 2]);
    // ("said X, the police spokesman in A, ...": the verb may come first when the place
    // ends the speaker's apposition.)
    let apposition = words.get(m.end) == Some(&",");
    let told = |k: usize| lex.has(Sec::ReportVerbs, words[k]);
    source && ((m.end..to).any(told) || apposition && (from..m.start).any(told))
}

/// True when the place is where someone spoke: its locative follows a `speech_venues`
/// phrase ("at a press briefing in the state capital A", "told reporters in A").
pub(super) fn spoken_at(lex: &Lexicon, words: &[&str], from: usize, m: &PlaceMatch) -> bool {
    let j = governor_end(lex, words, m.start, from);
    if j <= from || !lex.has(Sec::Locative, words[j - 1]) {
        return false;
    }
    let venue_end = j - 1;
    lex.patterns(Sec::SpeechVenues)
        .find_all(words, venue_end.saturating_sub(4).max(from), venue_end)
        .iter()
        .any(|v| v.end == venue_end)
}

/// True when the sentence names a place by a noun and "of" ("the town of X", "the village
/// of X"), known to the gazetteer or not.
pub(super) fn names_a_town_of(lex: &Lexicon, words: &[&str], from: usize, to: usize) -> bool {
    (from..to.saturating_sub(1)).any(|k| {
        lex.value(Sec::PlaceParts, words[k]) == Some("place")
            && Sec::OfLinks.in_any_language(words[k + 1])
    })
}

/// "the west of A", "the rebel-held east of A": a compass word after an article names a part
/// of A, not a place outside it ("west of A"). True when the reference phrase starting at
/// `start` opens with a `directional` word that an article (at most two lower-case words
/// between) comes before.
pub(super) fn part_of_place(lex: &Lexicon, words: &[&str], from: usize, start: usize) -> bool {
    if !lex.has(Sec::Directional, words[start]) {
        return false;
    }
    (start.saturating_sub(3).max(from)..start)
        .rev()
        .take_while(|&j| words[j].chars().all(|c| c.is_lowercase() || c == '-'))
        .any(|j| lex.has(Sec::Articles, words[j]) && !lex.has(Sec::Indefinite, words[j]))
}

/// True when the place is what a capture only aimed at takes: "as the rebels seek to seize
/// control of A", "a bid to retake the town of A". A is no place of the sentence's events.
pub(super) fn aimed_capture(lex: &Lexicon, words: &[&str], from: usize, m: &PlaceMatch) -> bool {
    let mut j = governor_end(lex, words, m.start, from);
    // ("seize control of A": what the verb takes, then "of".)
    while j > from
        && (lex.has(Sec::TerritoryWords, words[j - 1])
            || Sec::GenitiveOf.in_any_language(words[j - 1])
            || lex.has(Sec::Articles, words[j - 1]))
    {
        j -= 1;
    }
    let verb = j > from
        && (lex.has(Sec::SeizureVerbs, words[j - 1])
            || lex
                .patterns(Sec::TerritoryVerbs)
                .match_at(words, j - 1, j)
                .is_some());
    verb && j > from + 1
        && lex
            .patterns(Sec::Aims)
            .find_all(words, from.max(j.saturating_sub(3)), j - 1)
            .iter()
            .any(|a| a.end == j - 1)
}
