//! Stage 1, ingest/extract: what the words around a recognised name ask for: the town
//! ("Deir ez-Zor city"), the division ("provincie Hasakeh", "the provinces of A and B"), or
//! the division a name the gazetteer lacks lies in ("near Foo, Y").

use super::super::lexicon::{Lexicon, Sec};
use super::super::text::{without_possessive, Kind, Token};
use super::super::toponyms::RawMatch;

/// "Deir ez-Zor city", "the city of Idlib", "de stad Idlib": the town, not the province of
/// the same name.
pub(super) fn wants_town(lex: &Lexicon, toks: &[Token], start: usize, end: usize) -> bool {
    // ("A's capital B" names B, the town of A; "the A town of B" names B, a town of A.)
    let after = after_possessive(toks, end).is_none()
        && names_a_settlement_of_it(lex, toks, start, end).is_none()
        && toks
            .get(end)
            .is_some_and(|t| lex.has(Sec::KindTown, &t.lower));
    let before = start >= 2
        && lex.has(Sec::KindTown, &toks[start - 2].lower)
        && Sec::GenitiveOf.in_any_language(&toks[start - 1].lower);
    // ("de stad Wajir": Dutch puts the noun right before the name.)
    let right_before = start >= 1 && lex.has(Sec::KindTown, &toks[start - 1].lower);
    after || before || right_before
}

/// "Foo village", "the village of Foo", "het dorp Foo": the text calls the name a small
/// settlement.
pub(super) fn said_village(lex: &Lexicon, toks: &[Token], start: usize, end: usize) -> bool {
    let village = |k: usize| {
        toks.get(k)
            .is_some_and(|t| lex.has(Sec::VillageNouns, &t.lower))
    };
    village(end) && names_a_settlement_of_it(lex, toks, start, end).is_none()
        || start >= 1 && village(start - 1)
        || start >= 2
            && village(start - 2)
            && Sec::GenitiveOf.in_any_language(&toks[start - 1].lower)
}

/// "the A town of B", "the A border village of B": the definite article before the name at
/// tokens `start..end`, a word for a settlement (at most two lower-case words before it) and
/// "of" after it, and another name after them: its first token. A is where B lies (most
/// often its province), not a town itself. (Not "in A village of B district": A is the
/// village, of B.)
pub(in crate::extract) fn names_a_settlement_of_it(
    lex: &Lexicon,
    toks: &[Token],
    start: usize,
    end: usize,
) -> Option<usize> {
    if !start
        .checked_sub(1)
        .is_some_and(|k| lex.is_definite(&toks[k].lower))
    {
        return None;
    }
    let word = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind == Kind::Word && t.breaks == 0)
    };
    let modifier = |t: &Token| {
        !t.cap
            && !lex.has(Sec::KindTown, &t.lower)
            && !lex.has(Sec::Locative, &t.lower)
            && !lex.has(Sec::Connectors, &t.lower)
            && !lex.has(Sec::Coordinators, &t.lower)
    };
    let mut k = end;
    while k < end + 2 && word(k).is_some_and(modifier) {
        k += 1;
    }
    let settlement = word(k).is_some_and(|t| lex.has(Sec::KindTown, &t.lower))
        && word(k + 1).is_some_and(|t| Sec::GenitiveOf.in_any_language(&t.lower))
        && word(k + 2).is_some_and(|t| t.cap);
    settlement.then_some(k + 2)
}

/// "Foo LGA", "Foo district": a word for a second-level division right after the name.
pub(super) fn wants_district(lex: &Lexicon, toks: &[Token], end: usize) -> bool {
    toks.get(end)
        .is_some_and(|t| lex.value(Sec::KindAdmin, &t.lower) == Some("admin2"))
}

/// True when the words around the name ask for the first-level division: a division word
/// before or after it, in its own name, governing a list it stands in, or its capital after
/// its possessive ("A's capital B").
pub(super) fn wants_admin(lex: &Lexicon, toks: &[Token], start: usize, end: usize) -> bool {
    // "provincie Hasakeh", "the province of X"; not "Oaxaca State, Mexico", nor "a police
    // department in X" (a word that also names an office, and a locative between: the
    // office is in X).
    let before = (start.saturating_sub(2)..start).any(|j| {
        let office = lex.has(Sec::OfficeDivisions, &toks[j].lower);
        lex.value(Sec::KindAdmin, &toks[j].lower) == Some("admin1")
            && toks[j + 1..start]
                .iter()
                .all(|t| t.kind == Kind::Word && !(office && lex.has(Sec::Locative, &t.lower)))
    });
    let after = toks
        .get(end)
        .is_some_and(|t| lex.value(Sec::KindAdmin, &t.lower) == Some("admin1"));
    // "Foo Governorate" as the gazetteer writes the division's own name.
    let own = end > start + 1 && lex.value(Sec::KindAdmin, &toks[end - 1].lower) == Some("admin1");
    before
        || after
        || own
        || names_a_settlement_of_it(lex, toks, start, end).is_some()
        || in_listed_divisions(lex, toks, start, end)
        || capital_after_possessive(lex, toks, end).is_some()
}

/// The token after a word for a capital that the name ending at token `end` stands before in
/// the possessive, with at most one word between ("A's capital B", "A's provincial capital,
/// B"): A has a capital, so A is the division, not a town of the same name, and B its town.
pub(in crate::extract) fn capital_after_possessive(
    lex: &Lexicon,
    toks: &[Token],
    end: usize,
) -> Option<usize> {
    let from = after_possessive(toks, end)?;
    let capital = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.breaks == 0 && lex.has(Sec::CapitalNouns, &t.lower))
    };
    let plain = toks
        .get(from)
        .is_some_and(|t| t.kind == Kind::Word && !t.cap && t.breaks == 0);
    if capital(from) {
        Some(from + 1)
    } else if plain && capital(from + 1) {
        Some(from + 2)
    } else {
        None
    }
}

/// The token after the possessive ending of the name ending at token `end` ("A's", "A ’s"),
/// when the name is in the possessive.
fn after_possessive(toks: &[Token], end: usize) -> Option<usize> {
    let last = end.checked_sub(1).and_then(|k| toks.get(k))?;
    if toks.get(end).is_some_and(|t| t.lower == "'s") {
        Some(end + 1)
    } else {
        without_possessive(&last.lower).map(|_| end)
    }
}

/// "near Foo, Y" where Foo is a name the gazetteer lacks: Y says where Foo lies, so Y is
/// read as the division when it is one (a village named with its province), not as the
/// province's capital. Foo is a capitalised word inside the sentence that no gazetteer name
/// covers and that is no day or month name.
pub(super) fn after_unknown_name(
    lex: &Lexicon,
    toks: &[Token],
    initial: &[bool],
    raw: &[RawMatch],
    start: usize,
) -> bool {
    if start < 2 || toks[start - 1].lower != "," {
        return false;
    }
    let before = start - 2;
    let t = &toks[before];
    t.cap
        && t.kind == Kind::Word
        && !initial.get(before).copied().unwrap_or(true)
        && !raw.iter().any(|r| (r.0..r.1).contains(&before))
        && lex.value(Sec::Weekdays, &t.lower).is_none()
        && lex.value(Sec::Months, &t.lower).is_none()
}

/// A name in a list that a plural division word governs: "the provinces of A, B and C",
/// "states such as A or B", "A and B provinces" (a lexicon's `admin_plurals`). Between the
/// list's names only capitalised words, commas, "and", the words that open a list
/// (`list_openers`) and short directional asides ("in the east") may stand.
fn in_listed_divisions(lex: &Lexicon, toks: &[Token], start: usize, end: usize) -> bool {
    let joins = |t: &Token| t.lower == "," || lex.has(Sec::Coordinators, &t.lower);
    let plural = |t: &Token| lex.has(Sec::AdminPlurals, &t.lower);
    let inside = |t: &Token| {
        t.cap
            || joins(t)
            || lex.has(Sec::Articles, &t.lower)
            || lex.has(Sec::Directional, &t.lower)
            || lex.has(Sec::Locative, &t.lower)
            || lex.has(Sec::ListOpeners, &t.lower)
    };
    // Backwards: "provinces of A (in the east) and [name]".
    let joined_before = start > 0 && joins(&toks[start - 1]);
    let before = joined_before
        && (start.saturating_sub(12)..start - 1).rev().any(|j| {
            toks[j + 1..start].iter().all(inside)
                && (plural(&toks[j])
                    || (j > 0
                        && plural(&toks[j - 1])
                        && Sec::GenitiveOf.in_any_language(&toks[j].lower)))
        });
    // Forwards: "[name] and B provinces".
    let joined_after = toks.get(end).is_some_and(joins);
    let after = joined_after
        && (end + 1..toks.len().min(end + 8))
            .find(|&j| !(toks[j].cap || joins(&toks[j])))
            .is_some_and(|j| plural(&toks[j]));
    before || after
}

/// Per name of `raw`: it is what something is compared with ("a bigger economy than A or
/// B"): right after a comparison word, or listed after a name that is.
pub(super) fn compared(lex: &Lexicon, toks: &[Token], raw: &[RawMatch]) -> Vec<bool> {
    let mut out = vec![false; raw.len()];
    for (k, &(start, ..)) in raw.iter().enumerate() {
        let Some(prev) = start.checked_sub(1).map(|j| &toks[j]) else {
            continue;
        };
        let listed = k > 0
            && out[k - 1]
            && raw[k - 1].1 + 1 == start
            && (prev.lower == "," || lex.has(Sec::Coordinators, &prev.lower));
        out[k] = lex.has(Sec::ComparisonWords, &prev.lower) || listed;
    }
    out
}
