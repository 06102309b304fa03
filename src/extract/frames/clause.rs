//! Stage 1, ingest/extract: how the place phrases of a clause stand to each other: a
//! division after a comma or bracket that holds the place before it ("Dadri, Gautam Buddha
//! Nagar"), a name the gazetteer lacks put in a known place ("Foo village in A"), and where
//! the clause ends between two tokens (a clause break that is not inside a bracketed aside, a
//! quote mark, or a hyphen glued into a word).

use super::super::captures::is_capture;
use super::super::coherence::{after_kind_word, division_of, in_part_of, unknown_name_before};
use super::super::events::{day_refs, year};
use super::super::incidents::Reading;
use super::super::lexicon::Sec;
use super::place::names_a_known_place;
use super::{Candidate, State};
use crate::gazetteer::EntryKind;
use crate::model::SubEventType;
use crate::reference::fold::fold;

/// How long (in words) a bracketed aside may be.
const ASIDE_WORDS: usize = 12;

/// How many words a new clause's subject may take before its verb ("the army has").
const NEW_SUBJECT_WORDS: usize = 4;

/// How many words after a `since_clauses` word the capture it opens may be told ("since the
/// Islamic State group overran").
const SINCE_SUBJECT_WORDS: usize = 8;

impl State<'_> {
    /// True when `b`, right after `a` behind a comma or an opening bracket, is the district
    /// or province that holds `a` ("Dadri, Gautam Buddha Nagar", "Jos, Plateau"): a district
    /// (admin2), or a name the province of `a` starts with.
    pub(super) fn holds(&self, r: &Reading, a: &Candidate, b: &Candidate) -> bool {
        let (Some(ka), Some(kb)) = (a.known, b.known) else {
            return false;
        };
        let behind_comma = self.container_follows(a.end, b.token);
        let (inner, outer) = (&r.places[ka].found.entry, &r.places[kb].found.entry);
        let province = inner.admin1.as_deref().is_some_and(|admin1| {
            // "Lop Buri" names the province GeoNames spells "Lopburi"; "Raqqa" the one it
            // spells "Ar-Raqqah" (an Arabic article before a hyphen, either side).
            let bare = |s: &str| {
                let folded = fold(s);
                match folded.split_once('-') {
                    Some((article, rest)) if self.lex.has(Sec::NameArticles, article) => {
                        rest.replace([' ', '-'], "")
                    }
                    _ => folded.replace([' ', '-'], ""),
                }
            };
            let (admin1, name) = (bare(admin1), bare(&b.name));
            name.len() >= 3 && admin1.starts_with(&name)
        });
        // "A subdivision of B district": the text calls B a division, whatever reading of B
        // the gazetteer gave (often the town the district is named after).
        // ("in the district of B", "in het district B": the word before it.)
        let kind_word = |k: usize| {
            self.words
                .get(k)
                .is_some_and(|w| self.lex.value(Sec::KindAdmin, w).is_some())
        };
        let of_before = |k: usize| {
            self.words
                .get(k)
                .is_some_and(|w| Sec::OfLinks.in_any_language(w))
        };
        let kind_before = b.token >= 1 && kind_word(b.token - 1)
            || b.token >= 2 && kind_word(b.token - 2) && of_before(b.token - 1);
        let division_said = (kind_word(b.end) || kind_before)
            && inner.country_code == outer.country_code
            && inner.admin1 == outer.admin1;
        // "A (B, Province)", "A town (B, Province)": a bracket after a town that names B and
        // then one more name, the way a coder writes a place's district and province; B
        // lies in A's province.
        let bracket_pair = self.words.get(after_kind_word(self.lex, self.toks, a.end))
            == Some(&"(")
            && self.words.get(b.end) == Some(&",")
            && (b.end + 2..b.end + 6).any(|k| self.words.get(k) == Some(&")"))
            && inner.country_code == outer.country_code
            && inner.admin1.is_some()
            && inner.admin1 == outer.admin1;
        behind_comma
            && inner.id != outer.id
            && (outer.kind == EntryKind::Admin2 || province || division_said || bracket_pair)
    }

    /// True when the known place `b` opens a bracket right after the known place `a` (after
    /// its kind word) in the same country: "A (B)", "A town (B, Province)", "A (City of B)".
    /// Whether B holds A (its district) or lies in it (a quarter of a city), it only says
    /// where A is.
    pub(super) fn bracketed(&self, r: &Reading, a: &Candidate, b: &Candidate) -> bool {
        let (Some(ka), Some(kb)) = (a.known, b.known) else {
            return false;
        };
        let (inner, outer) = (&r.places[ka].found.entry, &r.places[kb].found.entry);
        let open = after_kind_word(self.lex, self.toks, a.end);
        // ("A (City of B, Province)": B named with the word for its kind.)
        let kind =
            |w: &str| self.lex.has(Sec::KindTown, w) || self.lex.value(Sec::KindAdmin, w).is_some();
        let opens = match self.words.get(open..b.token) {
            Some(["("]) => true,
            Some(["(", k, of]) => kind(k) && Sec::OfLinks.in_any_language(of),
            _ => false,
        };
        opens && inner.country_code == outer.country_code && inner.id != outer.id
    }

    /// True when `a` is a name the gazetteer lacks that the known place `b` right after it
    /// situates: "Foo in A" ([`State::unknown_in`]), "Foo (A, Province)", "Foo village, A"
    /// ([`State::unknown_held_by`]).
    pub(super) fn unknown_before(&self, r: &Reading, a: &Candidate, b: &Candidate) -> bool {
        // ("Foo Town, Foo Township, Foo District": one place, its name written thrice.)
        let another = fold(&a.name) != fold(&b.name);
        self.unknown_in(a, b) || another && self.unknown_held_by(r, a, b)
    }

    /// True when `name` is a name the gazetteer lacks (no part of a town) that `division`,
    /// right after it in brackets, after a comma, after "in" and the words for a part of
    /// it ("in the southern countryside of A") or in apposition ("Foo, the province of A"),
    /// only situates.
    pub(super) fn unknown_held_by(
        &self,
        r: &Reading,
        name: &Candidate,
        division: &Candidate,
    ) -> bool {
        // ("a town in A", "an unknown location in A": a place told without a name is no
        // place the gazetteer lacks; "al-Foo" and "An Foo" are names.)
        let named = name.name.chars().any(char::is_uppercase);
        if !named
            || name.known.is_some()
            || name.part_of_town
            || names_a_known_place(r, name)
            || division.token < name.end
        {
            return false;
        }
        let end = after_kind_word(self.lex, self.toks, name.end);
        let end = self.past_surroundings(end, division.token);
        let opens = matches!(self.words[end], "(" | ",");
        // "Foo village (Bar, Province)": through one more name the gazetteer lacks.
        let through = opens
            && division.token > end + 1
            && unknown_name_before(self.toks, end + 1, division.token).is_some();
        let bracket = opens && division.token == end + 1;
        // ("Foo, the province of A": the division in apposition.)
        let comma = usize::from(self.words[end] == ",");
        let apposed = division_of(self.lex, self.toks, end + comma, division.token);
        bracket || through || apposed || in_part_of(self.lex, self.toks, end, division.token)
    }

    /// True when `a` is a name the gazetteer lacks (no part of a town) and "in", perhaps after
    /// its kind of place, joins it to the known place `b` right after it: "Foo village in A",
    /// "shelled Foo in A", "the Foo area in the limits of A" (an `area_of` word).
    pub(super) fn unknown_in(&self, a: &Candidate, b: &Candidate) -> bool {
        let kind = |w: &str| matches!(self.lex.value(Sec::PlaceParts, w), Some("place" | "area"));
        let Some(gap) = self.words.get(a.end..b.token) else {
            return false;
        };
        let area_of = |art: &str, area: &str, of: &str| {
            self.lex.has(Sec::Articles, art)
                && self.lex.has(Sec::AreaOf, area)
                && Sec::GenitiveOf.in_any_language(of)
        };
        let (lead, rest) = match gap {
            [w, rest @ ..] if Sec::InWords.in_any_language(w) => (true, rest),
            [noun, w, rest @ ..] if Sec::InWords.in_any_language(w) => (kind(noun), rest),
            _ => (false, gap),
        };
        // "Foo area in the west of A": an area in a quarter of A seen from its centre (a
        // village "in the north of A" may be in A's province).
        let area_noun =
            matches!(gap.first(), Some(w) if self.lex.value(Sec::PlaceParts, w) == Some("area"));
        let side_of = |art: &str, side: &str, of: &str| {
            area_noun
                && self.lex.has(Sec::Articles, art)
                && self.lex.has(Sec::Directional, side)
                && Sec::GenitiveOf.in_any_language(of)
        };
        let joined = lead
            && match rest {
                [] => true,
                [art, area, of] => area_of(art, area, of) || side_of(art, area, of),
                _ => false,
            };
        a.known.is_none() && !a.part_of_town && b.known.is_some() && joined
    }

    /// True when the words from `end` to `next` join a place to the division that holds it:
    /// a comma, an opening bracket or "of" ("A, B", "A (B", "A of B"), after the place's own
    /// kind of division when it has one ("A district, B"), or "of" after such a word ("A
    /// district of B").
    fn container_follows(&self, end: usize, next: usize) -> bool {
        let Some(gap) = self.words.get(end..next) else {
            return false;
        };
        let division =
            |w: &str| self.lex.value(Sec::KindAdmin, w).is_some() || self.lex.has(Sec::KindTown, w);
        let joins = |w: &str| matches!(w, "," | "(") || Sec::OfLinks.in_any_language(w);
        match gap {
            // ("A of B": `holds` asks whether B is A's province or district.)
            [sep] if joins(sep) => true,
            [kind, sep] if division(kind) && joins(sep) => true,
            // ("A, in B province", "A, in the province of B", "A, in de provincie B".)
            [",", locative, rest @ ..] if Sec::InWords.in_any_language(locative) => {
                let rest = match rest {
                    [article, tail @ ..] if self.lex.has(Sec::Articles, article) => tail,
                    _ => rest,
                };
                match rest {
                    [] => true,
                    [kind] => self.lex.value(Sec::KindAdmin, kind).is_some(),
                    [kind, of] => {
                        self.lex.value(Sec::KindAdmin, kind).is_some()
                            && Sec::OfLinks.in_any_language(of)
                    }
                    _ => false,
                }
            }
            _ => false,
        }
    }

    /// True when a clause surely ends between tokens `a` and `b`.
    /// A bracketed aside closed before `b` ("3 civilians (beheaded) in A") is no break.
    pub(super) fn breaks(&self, a: usize, b: usize) -> bool {
        self.breaks_between(a, b, true)
    }

    /// [`Self::breaks`], where quote marks break only when `quotes_break`.
    pub(super) fn breaks_between(&self, a: usize, b: usize, quotes_break: bool) -> bool {
        let mut i = a + 1;
        while i < b {
            if self.words[i] == "(" {
                if let Some(close) = (i + 1..b).find(|&j| self.words[j] == ")") {
                    i = close + 1;
                    continue;
                }
            }
            // The end of an aside the figure stands in ("five (two of them children) in A").
            let closes_aside = self.words[i] == ")"
                && (a.saturating_sub(ASIDE_WORDS)..=a)
                    .rev()
                    .take_while(|&j| self.words[j] != ")")
                    .any(|j| self.words[j] == "(");
            let quote = !quotes_break && is_quote(self.words[i]);
            if self.lex.has(Sec::ClauseBreaks, self.words[i])
                && !closes_aside
                && !quote
                && !self.glued_hyphen(i)
            {
                return true;
            }
            i += 1;
        }
        false
    }

    /// True when a clause with a subject of its own starts between tokens `a` and `b`: a
    /// comma, a coordinator, and a finite verb within [`NEW_SUBJECT_WORDS`] words ("...
    /// on Tuesday, and the army has reinforced ..."), not a second verb of the same subject
    /// ("..., and wounded 12").
    pub(super) fn new_clause_between(&self, a: usize, b: usize) -> bool {
        (a + 1..b.saturating_sub(2)).any(|i| {
            self.words[i] == ","
                && self.lex.has(Sec::Coordinators, self.words[i + 1])
                && (i + 3..b.min(i + 3 + NEW_SUBJECT_WORDS))
                    .any(|j| self.lex.has(Sec::Auxiliaries, self.words[j]))
        })
    }

    /// "The army has stepped up raids since rebels captured A in March": the token of a
    /// `since_clauses` word that opens a clause of its own telling a capture of named ground
    /// (a subject, then the capture cue, with no comma, clause break or date between): that
    /// capture is an earlier event at its own place and time, not a total over the period;
    /// with the capture's kind. "Since March, rebels have captured A and B" opens no such
    /// clause.
    pub(super) fn capture_since(&self, r: &Reading) -> Option<(usize, SubEventType)> {
        let (from, to) = (r.sentence.start, r.sentence.end);
        let dated = |a: usize, b: usize| {
            !day_refs(self.lex, self.words, a, b).is_empty()
                || (a..b).any(|i| year(self.words[i]).is_some())
        };
        (from..to)
            .filter(|&i| self.lex.has(Sec::SinceClauses, self.words[i]))
            .find_map(|i| {
                let told = r.events.iter().find(|e| {
                    is_capture(e.sub_type)
                        && e.ground_at.is_some()
                        && e.token > i + 1
                        && e.token - i <= SINCE_SUBJECT_WORDS
                        && !(i + 1..e.token).any(|k| self.words[k] == ",")
                        && !self.breaks(i, e.token)
                        && !dated(i + 1, e.token)
                })?;
                Some((i, told.sub_type))
            })
    }

    /// True when token `i` is a hyphen written between two words without spaces, as in a
    /// number joined to its noun ("a 30-minute firefight"): part of a word, no dash between
    /// clauses.
    fn glued_hyphen(&self, i: usize) -> bool {
        let (Some(prev), Some(hyphen), Some(next)) = (
            i.checked_sub(1).and_then(|p| self.toks.get(p)),
            self.toks.get(i),
            self.toks.get(i + 1),
        ) else {
            return false;
        };
        hyphen.lower == "-" && prev.end == hyphen.start && hyphen.end == next.start
    }
}

/// True for a straight or curly quote mark.
fn is_quote(word: &str) -> bool {
    matches!(word, "\"" | "\u{201C}" | "\u{201D}" | "'")
}
