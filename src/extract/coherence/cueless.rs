//! Stage 1, extract: a small town that no locative puts anything at and no word calls a
//! place ("a Foo convoy", "Bar groups clashed"; not "Baz district"), alone in its country, in
//! an article whose places in another country are firmly placed ("in A", "near B", "from C",
//! an address "(A, Province)"), is a namesake of a word that is no place there: it is read
//! in that other country when it has a namesake there, and dropped otherwise. [`super::cohere`] decides the same when the article names two or more
//! places in one country; this is the article that names one or two.

use super::super::lexicon::{Lexicon, Sec};
use super::super::places::governor_end;
use super::super::resolve::Scored;
use super::super::toponyms::PlaceMatch;
use crate::gazetteer::EntryKind;

/// Towns from this size on are kept, cue or not: a reader knows them by name.
const CUELESS_MAX: u64 = 100_000;

/// Applies the rule of the module docs to `out` (`chosen[i]` is the index in `lists` of the
/// readings of `out[i]`).
pub(in crate::extract) fn cohere_cueless(
    lex: &Lexicon,
    out: &mut Vec<PlaceMatch>,
    chosen: &mut Vec<usize>,
    lists: &[Scored],
    words: &[&str],
) {
    let firm: Vec<bool> = out
        .iter()
        .map(|m| firmly_placed(lex, words, m.start))
        .collect();
    // ("the Foo square": called a place, but no anchor of the article's country.)
    let called: Vec<bool> = out.iter().map(|m| kind_after(lex, words, m.end)).collect();
    // The one country every firmly placed name lies in.
    let mut countries = out
        .iter()
        .zip(&firm)
        .filter(|(m, f)| **f && !m.entry.country_code.is_empty())
        .map(|(m, _)| m.entry.country_code.as_str());
    let Some(home) = countries.next().map(str::to_string) else {
        return;
    };
    if countries.any(|c| c != home) {
        return;
    }
    // (Only a place alone in its country: "the outskirts of A in the countryside of B"
    // names two places of one country, neither put at by a locative.)
    let alone = |country: &str| {
        let mut ids = out
            .iter()
            .filter(|m| m.entry.country_code == country)
            .map(|m| m.entry.id.as_str());
        let first = ids.next();
        ids.all(|id| Some(id) == first)
    };
    let stray: Vec<bool> = out
        .iter()
        .enumerate()
        .map(|(i, m)| {
            !(firm[i] || called[i])
                && m.entry.kind == EntryKind::Populated
                && alone(&m.entry.country_code)
                && m.entry.population < CUELESS_MAX
                && !m.entry.country_code.is_empty()
                && m.entry.country_code != home
        })
        .collect();
    let mut keep = vec![true; out.len()];
    for (i, m) in out.iter_mut().enumerate().filter(|(i, _)| stray[*i]) {
        let local = lists[chosen[i]]
            .iter()
            .find(|(t, _)| t.country_code == home && t.kind != EntryKind::Country);
        match local {
            Some((t, _)) => m.entry = t.clone(),
            None => keep[i] = false,
        }
    }
    super::keep_marked(out, chosen, &keep);
}

/// True when a locative puts something at, near or from the name ("in A", "near the town of
/// A", "refugees from A") or the name stands in an address, right after an opening bracket
/// or a comma ("(A, Province)").
fn firmly_placed(lex: &Lexicon, words: &[&str], start: usize) -> bool {
    let j = governor_end(lex, words, start, 0);
    let governed = j > 0 && lex.has(Sec::Locative, words[j - 1]);
    let address = start > 0 && matches!(words[start - 1], "(" | ",");
    governed || address
}

/// True when a word for a kind of place follows the name ("A district", "B areas", "the C
/// neighbourhood"): the text itself says it is a place.
fn kind_after(lex: &Lexicon, words: &[&str], end: usize) -> bool {
    words.get(end).is_some_and(|w| {
        lex.value(Sec::PlaceParts, w).is_some()
            || lex.value(Sec::KindAdmin, w).is_some()
            || lex.has(Sec::KindTown, w)
            || lex.has(Sec::AdminPlurals, w)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::Lexicon;
    use crate::extract::text::tokenize;

    fn placed(sentence: &str, name: &str) -> bool {
        let Some(lex) = Lexicon::get("en") else {
            panic!("the English lexicon is built in");
        };
        let toks = tokenize(sentence, 0);
        let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        let Some(start) = words.iter().position(|w| *w == name) else {
            panic!("{name} is not in {sentence:?}");
        };
        firmly_placed(lex, &words, start)
    }

    #[test]
    fn a_locative_or_an_address_places_a_name_firmly() {
        assert!(placed("Shells fell in the town of Kasese.", "kasese"));
        assert!(placed("A blast near Kasese killed two.", "kasese"));
        assert!(placed("Refugees from Kasese said so.", "kasese"));
        assert!(placed("A blast hit Kyondo (Kasese, Western).", "kasese"));
        assert!(placed("A blast hit Kyondo (Kasese, Western).", "western"));
    }

    #[test]
    fn a_name_before_a_noun_or_as_a_subject_is_not_placed() {
        assert!(!placed("A Bancroft convoy was hit.", "bancroft"));
        assert!(!placed("Nuba groups clashed with herders.", "nuba"));
        assert!(!placed("Kasese fighters attacked.", "kasese"));
    }
}
