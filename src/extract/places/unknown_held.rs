//! Stage 1, ingest/extract: the places that hold a name the gazetteer lacks. In "a bomb was
//! dropped in Foo (Bar, Baz)", "clashes in Foo village, Bar municipality (Baz)" or "the
//! village of Foo (Bar)", the known names after the unknown Foo only say where Foo lies; what
//! governs Foo governs them. A locative before Foo makes them the event's places, as it makes
//! a known name right after it one, whether or not the sentence has a word for the event yet.

use super::super::coherence::is_kind_word;
use super::super::lexicon::{Lexicon, Sec};
use super::super::text::{Kind, Token};
use super::{governor_end, PlaceUse, Role};

/// The most words of a name the gazetteer lacks (particles and the word for its kind
/// included): "Foo", "Foo Bar village", "al-Foo al-Bar".
const NAME_WORDS: usize = 4;

/// The most tokens between two holders inside one pair of brackets or one address ("Bar
/// LGA, Baz").
const HOLDER_GAP: usize = 3;

/// Makes event places of the known names that hold a name the gazetteer lacks which a
/// locative governs, and of the names that hold those in turn ("(Bar LGA, Baz)").
pub(in crate::extract) fn holders_of_unknown(
    lex: &Lexicon,
    toks: &[Token],
    words: &[&str],
    from: usize,
    places: &mut [PlaceUse],
) {
    let mut held_until: Option<usize> = None;
    for k in 0..places.len() {
        let start = places[k].found.start;
        let chained = held_until.is_some_and(|end| {
            start > end
                && start - end <= HOLDER_GAP
                && words[end..start].contains(&",")
                && !words[end..start]
                    .iter()
                    .any(|w| matches!(*w, ")" | "." | ";"))
        });
        let holds = chained || holds_unknown(lex, toks, words, from, start, places);
        if !holds {
            held_until = None;
            continue;
        }
        let p = &mut places[k];
        if p.role == Role::Mention && p.offset.is_none() {
            p.role = Role::Event;
        }
        held_until = Some(p.found.end);
    }
}

/// True when the known name at token `start` comes right after "(" or "," that ends a name
/// the gazetteer lacks, and a locative (or "the village of") governs that name; or governs
/// the unknown name that one is in brackets after ("in Foo (Qux, Bar)").
fn holds_unknown(
    lex: &Lexicon,
    toks: &[Token],
    words: &[&str],
    from: usize,
    start: usize,
    places: &[PlaceUse],
) -> bool {
    let known = |i: usize| {
        places
            .iter()
            .any(|p| (p.found.start..p.found.end).contains(&i))
    };
    let mut at = start;
    for _ in 0..2 {
        let Some(sep) = at.checked_sub(1).filter(|&s| s > from) else {
            return false;
        };
        if !matches!(words[sep], "(" | ",") {
            return false;
        }
        let Some(first) = unknown_name_start(lex, toks, words, from, sep, &known) else {
            return false;
        };
        if governed_as_place(lex, words, from, first) {
            return true;
        }
        at = first;
    }
    false
}

/// The first token of a name the gazetteer lacks that ends right before token `sep`: one
/// to [`NAME_WORDS`] name words, perhaps with a word for its kind last ("Foo village").
fn unknown_name_start(
    lex: &Lexicon,
    toks: &[Token],
    words: &[&str],
    from: usize,
    sep: usize,
    known: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let mut end = sep;
    if end > from + 1 && is_kind_word(lex, words[end - 1]) && toks[end - 1].kind == Kind::Word {
        end -= 1;
    }
    let mut first = end;
    while first > from
        && end - first < NAME_WORDS
        && name_part(lex, &toks[first - 1])
        && !known(first - 1)
    {
        first -= 1;
    }
    // ("the village of Foo": a particle before the name's first capital is none of it.)
    while first < end && !toks[first].cap {
        first += 1;
    }
    // (A day or a month alone is a date: "in May (2020)".)
    let opens = first + 1 < end || opens_place_name(lex, words[first]);
    (first < end && opens).then_some(first)
}

/// A token that can be part of a place's name: a capitalised word (no stop word or
/// locative: "In Foo (Bar)" opens a sentence), an Arabic article, a particle inside a name
/// ("de", "al-"), or a hyphen.
fn name_part(lex: &Lexicon, t: &Token) -> bool {
    let word = t.kind == Kind::Word;
    let cased = word && t.cap && !lex.has(Sec::Stop, &t.lower) && !lex.has(Sec::Locative, &t.lower);
    let particle = word
        && !t.cap
        && (lex.has(Sec::NameParticles, &t.lower)
            || Sec::ParticleArticles.before_hyphen_in_any_language(&t.lower));
    cased || particle || t.lower == "-"
}

/// True when a word alone may be a place's name: no word for people, no day or month.
fn opens_place_name(lex: &Lexicon, w: &str) -> bool {
    !lex.is_people(w)
        && !lex.has(Sec::OnePerson, w)
        && lex.value(Sec::Weekdays, w).is_none()
        && lex.value(Sec::Months, w).is_none()
}

/// True when a locative governs the name opening at token `first` ("in Foo", "near Foo"), or
/// a place noun and "of" do ("the village of Foo").
fn governed_as_place(lex: &Lexicon, words: &[&str], from: usize, first: usize) -> bool {
    let j = governor_end(lex, words, first, from);
    if j <= from {
        return false;
    }
    let locative = lex.has(Sec::Locative, words[j - 1])
        && (!lex.has(Sec::Stop, words[j - 1]) || lex.has(Sec::AtPlace, words[j - 1]));
    let place_of = first >= from + 2
        && Sec::GenitiveOf.in_any_language(words[first - 1])
        && lex
            .value(Sec::PlaceParts, words[first - 2])
            .is_some_and(|kind| matches!(kind, "place" | "area"));
    locative || place_of
}
