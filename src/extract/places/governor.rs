//! What governs a place name in its sentence: the word before it, fillers ("the", "city",
//! "northern") skipped, and what that word says ("in", "near", "on the outskirts of", "in
//! the Foo sector of"); and the reference phrase that only situates it ("north of A", "lies
//! near A").

use super::super::lexicon::{Lexicon, Sec};
use super::super::resolve::near_landform;
use super::super::toponyms::PlaceMatch;
use super::cues::part_of_place;
use super::Sentence;

/// Words that may stand between a locative preposition or site noun and the name.
pub(in crate::extract) fn filler(lex: &Lexicon, word: &str) -> bool {
    lex.has(Sec::Articles, word)
        || lex.has(Sec::AreaQualifiers, word)
        || lex.has(Sec::KindTown, word)
        || lex.value(Sec::KindAdmin, word).is_some()
        || lex.has(Sec::Directional, word)
        // ("in het Duitse Münster", "in the Syrian city of Aleppo": the country's people.)
        || lex.people_country(word).is_some()
        || Sec::PlaceFillers.in_any_language(word)
}

/// Most words of the name of a part in "in the Foo Bar sector of A".
const PART_NAME_WORDS: usize = 3;

/// True when the words before the area word at `area` are a name of a few words after a
/// locative and an article ("in the Foo sector of A", "in de Foo zone van A").
fn named_part_after_locative(lex: &Lexicon, words: &[&str], area: usize, from: usize) -> bool {
    let named = |w: &str| {
        w.chars().any(char::is_alphabetic) && !lex.has(Sec::Stop, w) && !lex.has(Sec::Articles, w)
    };
    let mut k = area;
    while k > from && area - k < PART_NAME_WORDS && named(words[k - 1]) {
        k -= 1;
    }
    k < area
        && k >= from + 2
        && lex.has(Sec::Articles, words[k - 1])
        && lex.has(Sec::Locative, words[k - 2])
}

/// Where the words governing a name end: fillers ("the", "city", "northern", "central and
/// eastern") walked back from token `start`, not before `from`; the governing word, if any,
/// is at the index - 1.
pub(in crate::extract) fn governor_end(
    lex: &Lexicon,
    words: &[&str],
    start: usize,
    from: usize,
) -> usize {
    let directional = |k: usize| lex.has(Sec::Directional, words[k]);
    let mut j = start;
    while j > from {
        if filler(lex, words[j - 1]) {
            j -= 1;
        } else if j >= from + 2
            && j < start
            && lex.has(Sec::Coordinators, words[j - 1])
            && directional(j)
            && directional(j - 2)
        {
            // ("in central and eastern A": two parts joined.)
            j -= 1;
        } else {
            break;
        }
    }
    j
}

/// What governs a name: the word before it (fillers skipped) and what that word says.
pub(super) struct Governor<'a> {
    pub word: Option<&'a str>,
    /// "near A", "outside A", "bij A".
    pub near: bool,
    /// "in A", "at A".
    pub locative: bool,
    /// After a preposition that is no locative, or after "of": no subject of a verb.
    pub governed: bool,
    /// A directional word between the governor and the name ("in northern A").
    pub directional: bool,
    /// An area qualifier between the governor and the name ("in rural A"), or land close by
    /// named after the town ("in the A desert"): near the town.
    pub around: bool,
}

impl<'a> Sentence<'a> {
    pub(super) fn governor(&self, m: &PlaceMatch) -> Governor<'a> {
        let (lex, words, from) = (self.lex, self.words, self.from);
        // Walk back over fillers to the word that governs the name.
        let j = governor_end(lex, words, m.start, from);
        let word = (j > from).then(|| words[j - 1]);
        // "on the outskirts of A", "at the entrance to A": the surroundings of a place.
        // The link is a filler ("of") or governs the name itself ("to").
        let linked = |k: usize| k > from && lex.has(Sec::SurroundingsLinks, words[k - 1]);
        let surroundings = word.is_some_and(|g| lex.has(Sec::Surroundings, g)) && linked(m.start)
            || linked(j) && {
                let k = governor_end(lex, words, j - 1, from);
                k > from && lex.has(Sec::Surroundings, words[k - 1])
            };
        let near = surroundings || word.is_some_and(|g| Sec::NearWords.in_any_language(g));
        // "the suburbs of A said ...": a name after a preposition is no subject.
        let governed = word.is_some_and(|g| lex.has(Sec::NotLocative, g))
            || m.start > from && Sec::GenitiveOf.in_any_language(words[m.start - 1]);
        // "in the area of A", "in the Foo sector of A": a locative before a word for the
        // land around A or a part of it, perhaps with that part's name.
        let area_of = word.is_some_and(|g| lex.has(Sec::AreaOf, g))
            && Sec::GenitiveOf.in_any_language(words[m.start - 1])
            && {
                let k = governor_end(lex, words, j - 1, from);
                k > from && lex.has(Sec::Locative, words[k - 1])
                    || named_part_after_locative(lex, words, j - 1, from)
            };
        Governor {
            word,
            near,
            locative: surroundings || area_of || word.is_some_and(|g| lex.has(Sec::Locative, g)),
            governed,
            directional: (j..m.start).any(|k| lex.has(Sec::Directional, words[k])),
            // ("in the Foo desert": land close by the town, named after it.)
            around: (j..m.start).any(|k| lex.has(Sec::AreaQualifiers, words[k]))
                || words.get(m.end).is_some_and(|w| near_landform(lex, w)),
        }
    }

    /// The `reference` phrase that situates the name ("north of A", "lies near A"), and
    /// whether it only says where something lies (a static reference).
    pub(super) fn reference(&self, m: &PlaceMatch) -> (bool, bool) {
        let (lex, words, from) = (self.lex, self.words, self.from);
        let reference = self
            .references
            .iter()
            .filter(|r| !part_of_place(lex, words, from, r.start))
            .find(|r| {
                r.end <= m.start && m.start - r.end <= 3 || (r.start < m.start && r.end > m.start)
            });
        let static_ref = reference.is_some_and(|r| {
            words[r.start..r.end]
                .iter()
                .any(|w| Sec::LocatedWords.in_any_language(w))
        });
        (reference.is_some(), static_ref)
    }
}
