//! Stage 1, extract: the name that closes an address after a name the gazetteer lacks
//! ("in Foo (Foo, Y)", "in Barangay Foo, Bar, Y."). Y says where Foo lies: a division more
//! often than a town of the same name abroad, so its division readings rank higher.

use super::super::place_index::Toponym;
use super::super::text::{Kind, Token};
use super::super::toponyms::RawMatch;
use crate::gazetteer::{fold, EntryKind};

/// True when name `k` closes an address after a name the gazetteer lacks: a comma and a
/// capitalised word (no recognised name) before it, a closing bracket or the end of the
/// sentence after it ("Foo (Bar, Y)", "in Bar, Y.").
pub(super) fn ends_address(toks: &[Token], raw: &[RawMatch], k: usize) -> bool {
    let (start, end, _, _) = raw[k];
    let after_known = k > 0 && raw[k - 1].1 + 1 == start;
    let before = start.checked_sub(2).and_then(|b| toks.get(b));
    let closes = toks
        .get(end)
        .is_none_or(|t| matches!(t.lower.as_str(), ")" | "." | ";"));
    !after_known
        && start >= 2
        && toks[start - 1].lower == ","
        && before.is_some_and(|t| t.cap && t.kind == Kind::Word)
        && closes
}

/// True when `t`, a reading of the name that ends an address (`list` its readings, `key` the
/// name as written, folded), is a division spelt as written and not the area of a town of
/// its own country that bears the name (that town is as true, and closer).
pub(super) fn address_division(list: &[(Toponym, f64)], key: &str, t: &Toponym) -> bool {
    let seat_here = list.iter().any(|(c, _)| {
        c.kind == EntryKind::Populated && c.country_code == t.country_code && fold(&c.name) == key
    });
    t.literal && matches!(t.kind, EntryKind::Admin1 | EntryKind::Admin2) && !seat_here
}

#[cfg(test)]
mod tests {
    use super::ends_address;
    use crate::extract::text::tokenize;

    /// `ends_address` for the name at token range `start..end` of `text`, alone in `raw`.
    fn ends(text: &str, name: &str) -> bool {
        let toks = tokenize(text, 0);
        let start = toks.iter().position(|t| t.lower == name.to_lowercase());
        let Some(start) = start else {
            return false;
        };
        let raw = [(start, start + 1, toks[start].end, 1)];
        ends_address(&toks, &raw, 0)
    }

    #[test]
    fn an_address_ends_at_a_bracket_or_the_sentence_end() {
        assert!(ends("killed in Foo (Foo, Soum) on Monday", "Soum"));
        assert!(ends("clashed in Barangay Foo, Bar, Sulu.", "Sulu"));
        // A list goes on; a name after no capitalised word closes nothing.
        assert!(!ends("in Foo, Soum and Bar", "Soum"));
        assert!(!ends("killed in the village, Soum.", "Soum"));
    }
}
