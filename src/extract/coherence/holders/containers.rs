//! The divisions and countries the names right after a name place it in, as the text
//! writes them ("X, Y", "X (Y)", "X of Y", "X town (Z, Y)"), with one name the gazetteer
//! lacks allowed between ("X area of Z district, Y").

use super::super::super::lexicon::{Lexicon, Sec};
use super::super::super::resolve::Scored;
use super::super::super::text::{Kind, Token};
use super::super::super::toponyms::RawMatch;
use super::super::phrasing::{after_kind_word, in_list};
use super::{names_a_division, readings, HOLDER_NAMES};
use crate::extract::place_index::Toponym;
use crate::gazetteer::EntryKind;
use crate::reference::fold::fold_literal;

/// The divisions and countries that the names right after name `k` place it in: "X, Y",
/// "X (Y)", "X of Y", "X, Z, Y", "X (Z, Y)", also with a word for X's kind between ("X town
/// (Y)", "X district, Y"). Up to two following names count, joined by a comma (or an opening
/// parenthesis or "of" right after X); of each, every candidate that is a first-level
/// division or a country is a reading, not only its best: a division often shares its name
/// with its largest city, and one name may be a division in several countries. A
/// second-level division holds X only in a country where X has a reading too, unless the
/// gazetteer knows X by no spelling as written ("Banh, Loroum"). Empty when
/// the names form a list ("X, Y and Z").
pub(super) fn containers<'a>(
    lex: &Lexicon,
    k: usize,
    raw: &[RawMatch],
    toks: &[Token],
    lists: &'a [Scored],
) -> Vec<&'a Toponym> {
    let mut out = Vec::new();
    let Some(&(_, x_end, _, _)) = raw.get(k) else {
        return out;
    };
    let mut end = after_kind_word(lex, toks, x_end);
    // One name the gazetteer lacks may stand between ("X (Z, Y)" with Z unknown).
    let mut skipped = false;
    for j in k + 1..raw.len().min(k + 1 + HOLDER_NAMES) {
        // ("X area of Z district, Y", "X village in Z district of Y province": a division
        // the gazetteer lacks between, itself in Y.)
        if j == k + 1 && !skipped {
            if let Some(before) = unknown_division_between(lex, toks, end, raw[j].0) {
                end = before;
                skipped = true;
            }
        }
        let sep = toks.get(end).map(|t| t.lower.as_str());
        let opens = match sep {
            Some(",") => true,
            // ("X of Y": a town of its province, see `toponyms::of_holder`.)
            Some(w) if w == "(" || Sec::OfLinks.in_any_language(w) => j == k + 1,
            _ => j == k + 1 && skipped && end + 1 == raw[j].0,
        };
        if opens && !skipped && raw[j].0 > end + 1 {
            if let Some(comma) = unknown_name_before(toks, end + 1, raw[j].0) {
                end = comma;
                skipped = true;
            }
        }
        if !(opens && raw[j].0 == end + 1) {
            break;
        }
        if in_list(lex, j, raw, toks) {
            return Vec::new();
        }
        // A district holds the name before it when the name reads first as a district or is
        // that district's own name as written ("X (Ernakulam, Kerala)"); a district that
        // matched another spelling is a namesake elsewhere.
        let written = written_name(toks, raw[j]);
        let list = lists.get(j).map_or(&[][..], |l| &l[..]);
        let first = list.first().map(|(t, _)| t.id.as_str());
        let higher = names_a_division(list);
        // ... and only in a country where the name before it has a reading too.
        // A name the gazetteer knows by no spelling as written ("Banh" only as a town
        // spelt otherwise abroad) has no country of its own to ask for.
        let own: &[(Toponym, f64)] = lists.get(k).map_or(&[], |l| &l[..]);
        let unknown = !own.iter().any(|(c, _)| c.literal);
        let shared =
            |t: &Toponym| unknown || own.iter().any(|(c, _)| c.country_code == t.country_code);
        out.extend(readings(lists, k, j, |t| match t.kind {
            EntryKind::Admin1 | EntryKind::Country => true,
            EntryKind::Admin2 => {
                !higher
                    && shared(t)
                    && (first == Some(t.id.as_str()) || bare_name(lex, &t.name) == written)
            }
            _ => false,
        }));
        end = raw[j].1;
    }
    out
}

/// A division's name as folded, without the words for its kind that the gazetteer writes
/// before it ("Province of A", "Province du A", "Municipio de A": "a"), so that the name as
/// a text writes it is still the division's own name. A kind word after the name ("A
/// County") is left on: many countries have a county of a common town's name.
pub(in crate::extract) fn bare_name(lex: &Lexicon, name: &str) -> String {
    let folded = fold_literal(name);
    let words: Vec<&str> = folded.split(' ').collect();
    let link = |w: &&str| lex.has(Sec::DivisionNameLinks, w);
    let bare = match words.as_slice() {
        // "Province of A", "Province de la A": one word for the kind, then joining words.
        // "City of A" is a town that is its own division: no division of a wider area.
        [head, rest @ ..] if rest.first().is_some_and(link) && !lex.has(Sec::KindTown, head) => {
            let links = rest.iter().take_while(|w| link(w)).count();
            &rest[links.min(2)..]
        }
        _ => return folded,
    };
    if bare.is_empty() {
        return folded;
    }
    bare.join(" ")
}

/// Longest run of capitalised words taken for one name the gazetteer lacks.
const UNKNOWN_NAME_WORDS: usize = 3;

/// The comma that ends a name the gazetteer lacks in an address, when the tokens from
/// `from` to `next` (the next recognised name) are one to [`UNKNOWN_NAME_WORDS`] capitalised
/// words, or hyphenated parts of one, and a comma right before `next`.
pub(in crate::extract) fn unknown_name_before(
    toks: &[Token],
    from: usize,
    next: usize,
) -> Option<usize> {
    let comma = next.checked_sub(1)?;
    let name = toks.get(from..comma)?;
    let words = name.iter().filter(|t| t.kind == Kind::Word).count();
    let shaped = name.first().is_some_and(|t| t.cap)
        && (1..=UNKNOWN_NAME_WORDS).contains(&words)
        && name
            .iter()
            .all(|t| (t.kind == Kind::Word && (t.cap || t.lower.len() <= 3)) || t.lower == "-");
    (shaped && toks.get(comma)?.lower == ",").then_some(comma)
}

/// "of Z district, " or "in Z district of " from token `from` up to the next name at `next`:
/// a word that places (of, in), one to [`UNKNOWN_NAME_WORDS`] capitalised words, a word for
/// a division's kind, then a comma or "of"/"in" (and "the"). The token right before `next`.
fn unknown_division_between(
    lex: &Lexicon,
    toks: &[Token],
    from: usize,
    next: usize,
) -> Option<usize> {
    let places = |t: &Token| {
        Sec::GenitiveOf.in_any_language(&t.lower) || Sec::InWords.in_any_language(&t.lower)
    };
    let span = toks.get(from..next)?;
    let (first, rest) = span.split_first()?;
    if !places(first) {
        return None;
    }
    let name = rest
        .iter()
        .take_while(|t| t.cap && t.kind == Kind::Word)
        .count();
    let kind = rest.get(name)?;
    let tail = rest.get(name + 1..)?;
    let joins = match tail {
        [t] => t.lower == "," || places(t),
        [t, article] => places(t) && lex.has(Sec::Articles, &article.lower),
        _ => false,
    };
    let division = lex.value(Sec::KindAdmin, &kind.lower).is_some();
    ((1..=UNKNOWN_NAME_WORDS).contains(&name) && division && joins).then(|| next - 1)
}

/// A recognised name as written, folded letter for letter.
fn written_name(toks: &[Token], (start, end, _, _): RawMatch) -> String {
    let words: Vec<&str> = toks
        .get(start..end)
        .unwrap_or(&[])
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    fold_literal(&words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::bare_name;
    use crate::extract::lexicon::Lexicon;

    #[test]
    fn a_division_name_loses_the_kind_words_written_before_it() {
        let Some(lex) = Lexicon::get("en") else {
            panic!("no English lexicon");
        };
        assert_eq!(bare_name(lex, "Province of Bukidnon"), "bukidnon");
        assert_eq!(bare_name(lex, "Province de la Tapoa"), "tapoa");
        assert_eq!(bare_name(lex, "Municipio de Jesús María"), "jesus maria");
        // A town that is its own division, a kind word after the name, and a name that only
        // holds a joining word in its middle stay as they are.
        assert_eq!(bare_name(lex, "City of Tacoma"), "city of tacoma");
        assert_eq!(bare_name(lex, "Embu County"), "embu county");
        assert_eq!(
            bare_name(lex, "Santa Cruz de Tenerife"),
            "santa cruz de tenerife"
        );
    }
}
