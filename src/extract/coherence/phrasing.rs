//! Stage 1, ingest/extract: the words that join a name to the division that may hold it
//! ("X in Y", "X in the eastern Y", "X in the western countryside of Y", "X town, Y"), and
//! the words that say it is not held ("fled from X", "X, Y and Z").

use super::super::lexicon::{Lexicon, Sec};
use super::super::text::Token;
use super::super::time_phrase::time_phrase_len;
use super::super::toponyms::RawMatch;

/// True when name `k` is followed by a word for a first-level division ("Y province",
/// "Y governorate", "Y countryside").
pub(super) fn division_word_after(
    lex: &Lexicon,
    k: usize,
    raw: &[RawMatch],
    toks: &[Token],
) -> bool {
    raw.get(k)
        .and_then(|&(_, end, _, _)| toks.get(end))
        .is_some_and(|t| lex.value(Sec::KindAdmin, &t.lower) == Some("admin1"))
}

/// True when name `k` is where someone or something comes from ("fled from X in Y"): X
/// need not lie in Y, which may be where they are now.
pub(super) fn origin_before(lex: &Lexicon, k: usize, raw: &[RawMatch], toks: &[Token]) -> bool {
    raw.get(k)
        .and_then(|&(start, _, _, _)| start.checked_sub(1))
        .and_then(|i| toks.get(i))
        .is_some_and(|t| lex.has(Sec::OriginPrepositions, &t.lower))
}

/// True when name `k` comes right after "in" that follows name `k - 1` ("X in Y", "X town in
/// the Y countryside", "X in the southern countryside of Y"), after "of" when a word for a
/// division follows it ("X of the Y region"), or after a division's word and "of" in
/// apposition ("X, the province of Y"): Y may be the division holding X.
pub(in crate::extract) fn follows_in(
    lex: &Lexicon,
    k: usize,
    raw: &[RawMatch],
    toks: &[Token],
) -> bool {
    let (Some(k1), Some(&(start, _, _, _))) = (k.checked_sub(1), raw.get(k)) else {
        return false;
    };
    let end = after_kind_word(lex, toks, raw[k1].1);
    // "X area of Y"; "X of the Y region": "of" right after X, when a word for a division
    // follows Y.
    let division_after = || {
        toks.get(raw[k].1)
            .is_some_and(|t| lex.value(Sec::KindAdmin, &t.lower).is_some())
    };
    // ("X, the province of Y", "X the province of Y": the division told in apposition.)
    let apposition = usize::from(toks.get(end).is_some_and(|t| t.lower == ","));
    in_part_of(lex, toks, end, start)
        || of_then(lex, toks, end, start) && (end > raw[k1].1 || division_after())
        || division_of(lex, toks, end + apposition, start)
}

/// True when token `of_at` is "of" (in the text's language) and Y starts right after it,
/// perhaps after an article: after the word for a place's kind ("the Foo area of Y", "the
/// Bar villages of the Y district", "an unspecified area of Y"), Y holds the place.
pub(in crate::extract) fn of_then(
    lex: &Lexicon,
    toks: &[Token],
    of_at: usize,
    y_start: usize,
) -> bool {
    let article = toks
        .get(of_at + 1)
        .is_some_and(|t| lex.has(Sec::Articles, &t.lower));
    toks.get(of_at)
        .is_some_and(|t| lex.has(Sec::GenitiveOf, &t.lower))
        && y_start == of_at + 1 + usize::from(article)
}

/// True when token `in_at` is "in" and the tokens after it up to `y_start` only say which
/// part of Y is meant ("in Y", "in the eastern Y", "in the western countryside of Y"): Y may
/// hold what stands before "in". A time before "in" changes nothing ("X on Tuesday in Y").
pub(in crate::extract) fn in_part_of(
    lex: &Lexicon,
    toks: &[Token],
    in_at: usize,
    y_start: usize,
) -> bool {
    let time = toks.get(in_at..y_start).map_or(0, |words| {
        time_phrase_len(lex, words.iter().map(|t| t.lower.as_str()))
    });
    let in_at = in_at + time;
    toks.get(in_at)
        .is_some_and(|t| Sec::InWords.in_any_language(&t.lower))
        && (y_start == in_at + 1
            || compass_before(lex, toks, in_at + 1, y_start)
            || division_of(lex, toks, in_at + 1, y_start))
}

/// Most compass words between "in" and the division in "X in the far eastern Y".
const COMPASS_WORDS: usize = 2;

/// True when the tokens from `from` up to `y_start` are an article, compass words, or an
/// article and compass words, perhaps ending in a word for a province ("X in the Y", "X in
/// eastern Y", "X in the south-western Y", "X in de westelijke provincie Y"): they only say
/// which part of Y holds X.
fn compass_before(lex: &Lexicon, toks: &[Token], from: usize, y_start: usize) -> bool {
    let Some(words) = toks.get(from..y_start) else {
        return false;
    };
    let rest = match words {
        [art, rest @ ..] if lex.has(Sec::Articles, &art.lower) => rest,
        _ => words,
    };
    // Dutch puts the word for the division before its name: "in de westelijke provincie Y".
    let rest = match rest {
        [lead @ .., kind] if lex.value(Sec::KindAdmin, &kind.lower) == Some("admin1") => lead,
        _ => rest,
    };
    !words.is_empty()
        && rest.len() <= COMPASS_WORDS
        && rest.iter().all(|t| lex.has(Sec::Directional, &t.lower))
}

/// Most words that may stand between "in" and "of" in "X in the western countryside of Y".
const DIVISION_OF_WORDS: usize = 4;

/// True when the tokens from `from` up to `y_start` read "the (compass words) (division
/// word) of" ("in the western countryside of Y", "in the province of Y"): Y holds the
/// place before "in".
pub(in crate::extract) fn division_of(
    lex: &Lexicon,
    toks: &[Token],
    from: usize,
    y_start: usize,
) -> bool {
    let Some(words) = toks.get(from..y_start) else {
        return false;
    };
    let [lead @ .., kind, of] = words else {
        return false;
    };
    lead.len() <= DIVISION_OF_WORDS
        && lex.has(Sec::CompassOf, &of.lower)
        && lex.value(Sec::KindAdmin, &kind.lower) == Some("admin1")
        && lead.iter().enumerate().all(|(i, t)| {
            (i == 0 && lex.has(Sec::Articles, &t.lower)) || lex.has(Sec::Directional, &t.lower)
        })
}

/// Where the words after a name that ends at token `end` go on past one word for its kind
/// ("X town", "X district", "X dorp", "X area", "X desert"), and a word for its seat after
/// it ("X district center"), which may stand between a name and its division.
pub(in crate::extract) fn after_kind_word(lex: &Lexicon, toks: &[Token], end: usize) -> usize {
    let kind_word = toks.get(end).is_some_and(|t| is_kind_word(lex, &t.lower));
    // ("X district center, Y": the seat of a district is still in Y.)
    let seat_word = |at: usize| {
        toks.get(at)
            .is_some_and(|t| lex.has(Sec::KindSeat, &t.lower))
    };
    match (kind_word, seat_word(end + 1)) {
        (true, true) => end + 2,
        (true, false) => end + 1,
        _ => end,
    }
}

/// True when `word` names the kind of a place after its name ("town", "district", "dorp",
/// "area", "desert").
pub(in crate::extract) fn is_kind_word(lex: &Lexicon, word: &str) -> bool {
    lex.has(Sec::KindTown, word)
        || lex.value(Sec::KindAdmin, word).is_some()
        || matches!(lex.value(Sec::PlaceParts, word), Some("place" | "area"))
}

/// True when name `j` is in a list of places: it, or a name joined to it by commas, is
/// followed by a list word (a lexicon's `coordinators`) and another name. A name in such a
/// list ("A, B and C") is one of several places, not the division that holds the name
/// before it.
pub(super) fn in_list(lex: &Lexicon, j: usize, raw: &[RawMatch], toks: &[Token]) -> bool {
    let mut i = j;
    while let (Some(&(_, end, _, _)), Some(next)) = (raw.get(i), raw.get(i + 1)) {
        let Some(tok) = toks.get(end) else {
            return false;
        };
        if next.0 != end + 1 {
            return false;
        }
        if lex.has(Sec::Coordinators, &tok.lower) {
            return true;
        }
        if tok.lower != "," {
            return false;
        }
        i += 1;
    }
    false
}
