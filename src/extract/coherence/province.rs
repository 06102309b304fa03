//! Stage 1, extract: province coherence within a sentence. "in X, Y" (a place and the
//! province it lies in, or "X (Y)", also with a word for X's kind before the comma: "X
//! municipality, Y"; or "in Foo, Y," with Foo a name the gazetteer lacks) frames its
//! sentence in Y. Another small place of the same country named in that sentence but lying
//! in another province, and not framed itself, is a namesake ("in Celaya, Guanajuato, ... in
//! the Camargo community" is no Camargo 800 km away): it is read in Y when it has a namesake
//! there, and dropped otherwise (then it is a name the gazetteer lacks). A district, and any
//! place before an unknown name's frame, is a namesake only when named after the frame.

use super::super::lexicon::{Lexicon, Sec};
use super::super::resolve::Scored;
use super::super::text::{Kind, Token};
use super::super::toponyms::PlaceMatch;
use super::phrasing::after_kind_word;
use super::province_of;
use crate::gazetteer::EntryKind;

/// Towns below this size named in a sentence framed in another province are namesakes.
const FRAMED_MAX: u64 = 100_000;

/// Longest name the gazetteer lacks read back to its locative ([`after_locative`]).
const UNKNOWN_NAME_WORDS: usize = 5;

/// A sentence framed in a province.
struct Frame {
    sentence: usize,
    country: String,
    province: String,
    /// Framed by a place and its province as two different entries: a district of another
    /// province is a namesake too. ("A (A)", a town named again as its province, says less:
    /// the capital's own division may differ from the province meant.)
    distinct: bool,
    /// The first token of the framing place, and whether the frame reaches back before it
    /// (a place and its province do; "in Foo, Y" with Foo unknown sets only what follows).
    at: usize,
    backwards: bool,
    /// Set by a province the sentence names as one, not by a place and its province: only
    /// districts named after it are namesakes (a town may lie just across its border: "in
    /// Y province, not far from A").
    districts_only: bool,
}

/// Reads every sentence's frame and drops (or reads in the frame's province) the small
/// places of other provinces; `initial` marks the first token of every sentence.
pub(in crate::extract) fn cohere_province(
    lex: &Lexicon,
    out: &mut Vec<PlaceMatch>,
    chosen: &mut Vec<usize>,
    lists: &[Scored],
    toks: &[Token],
    initial: &[bool],
) {
    if out.len() < 2 {
        return;
    }
    let sentences: Vec<usize> = initial
        .iter()
        .scan(0usize, |n, &b| {
            *n += usize::from(b);
            Some(*n)
        })
        .collect();
    let mut paired = vec![false; out.len()];
    let reader = Reader {
        lex,
        out,
        toks,
        sentences: &sentences,
    };
    let mut frames = reader.pair_frames(&mut paired);
    frames.extend(reader.unknown_name_frames(&mut paired));
    let named = reader.named_province_frames(&frames);
    frames.extend(named);
    if frames.is_empty() {
        return;
    }
    let sentence_of = |t: usize| sentence_of(&sentences, t);
    let mut keep_out = Vec::with_capacity(out.len());
    let mut keep_chosen = Vec::with_capacity(chosen.len());
    for (i, mut m) in out.drain(..).enumerate() {
        let sentence = sentence_of(m.start);
        let frame = frames
            .iter()
            .find(|f| f.sentence == sentence && f.country == m.entry.country_code);
        let stray = frame.filter(|f| {
            // (A district only after the frame: "Since the A attack, ... in B, C province".)
            let after = m.start > f.at;
            let small = match m.entry.kind {
                EntryKind::Populated => !f.districts_only && m.entry.population < FRAMED_MAX,
                EntryKind::Admin2 => f.distinct && after,
                _ => false,
            };
            let reached = f.backwards || after;
            !paired[i] && small && reached && province_of(&m.entry) != Some(f.province.as_str())
        });
        if let Some(f) = stray {
            let local = lists[chosen[i]].iter().find(|(t, _)| {
                t.country_code == f.country && province_of(t) == Some(f.province.as_str())
            });
            match local {
                Some((t, _)) => m.entry = t.clone(),
                None => continue,
            }
        }
        keep_out.push(m);
        keep_chosen.push(chosen[i]);
    }
    *out = keep_out;
    *chosen = keep_chosen;
}

/// The number of the sentence of `token` (`sentences`: one per token).
fn sentence_of(sentences: &[usize], token: usize) -> usize {
    sentences.get(token).copied().unwrap_or(0)
}

/// The places of an article as resolved, read for the frames they set.
struct Reader<'a> {
    lex: &'a Lexicon,
    out: &'a [PlaceMatch],
    toks: &'a [Token],
    /// Per token: the number of its sentence.
    sentences: &'a [usize],
}

impl Reader<'_> {
    fn sentence_of(&self, token: usize) -> usize {
        sentence_of(self.sentences, token)
    }

    /// The frames of "X, Y" and "X (Y)" with X a place in province Y; marks both in
    /// `paired`.
    fn pair_frames(&self, paired: &mut [bool]) -> Vec<Frame> {
        let (lex, out, toks) = (self.lex, self.out, self.toks);
        let mut frames = Vec::new();
        for i in 1..out.len() {
            let (x, y) = (&out[i - 1], &out[i]);
            // ("X municipality, Y": a word for X's kind may stand before the comma.)
            let sep = after_kind_word(lex, toks, x.end);
            let joined = y.start == sep + 1
                && toks
                    .get(sep)
                    .is_some_and(|t| matches!(t.lower.as_str(), "," | "("));
            let province = province_of(&x.entry);
            let same = province.is_some()
                && province == province_of(&y.entry)
                && x.entry.country_code == y.entry.country_code;
            if let (true, Some(a)) = (joined && same, province) {
                paired[i - 1] = true;
                paired[i] = true;
                frames.push(Frame {
                    sentence: self.sentence_of(x.start),
                    country: x.entry.country_code.clone(),
                    province: a.to_string(),
                    distinct: x.entry.id != y.entry.id,
                    at: x.start,
                    backwards: true,
                    districts_only: false,
                });
            }
        }
        frames
    }

    /// The frames of "in Foo, Y," with Foo a name the gazetteer lacks after a locative and Y
    /// a division (not "A (Foo, Y)": that only holds A); marks Y in `paired`.
    fn unknown_name_frames(&self, paired: &mut [bool]) -> Vec<Frame> {
        let (lex, out, toks) = (self.lex, self.out, self.toks);
        let mut frames = Vec::new();
        for (i, y) in out.iter().enumerate() {
            let after_known = i > 0 && after_kind_word(lex, toks, out[i - 1].end) + 1 == y.start;
            let unknown_before = self.unknown_name_end(y.start).is_some_and(|e| {
                toks[e].cap && toks[e].kind == Kind::Word && after_locative(lex, toks, e)
            });
            // (Y a division: "in Foo, Bar, Baz and Qux" lists places.)
            let division = matches!(y.entry.kind, EntryKind::Admin1 | EntryKind::Admin2);
            let province = province_of(&y.entry).filter(|_| division);
            if let (true, false, Some(a)) = (unknown_before, after_known, province) {
                paired[i] = true;
                frames.push(Frame {
                    sentence: self.sentence_of(y.start),
                    country: y.entry.country_code.clone(),
                    province: a.to_string(),
                    distinct: true,
                    at: y.start,
                    backwards: false,
                    districts_only: false,
                });
            }
        }
        frames
    }

    /// The frames of a province the sentence names as one ("in southern Ghazni province",
    /// "the province of Y", "de provincie Y") when it is the only province of its country
    /// the sentence names and no place and its province frame the sentence already: a
    /// district named after it in another province is a namesake.
    fn named_province_frames(&self, frames: &[Frame]) -> Vec<Frame> {
        let out = self.out;
        let mut named = Vec::new();
        for y in out.iter().filter(|y| y.entry.kind == EntryKind::Admin1) {
            let sentence = self.sentence_of(y.start);
            let others = out.iter().any(|o| {
                o.entry.kind == EntryKind::Admin1
                    && o.entry.id != y.entry.id
                    && o.entry.country_code == y.entry.country_code
                    && self.sentence_of(o.start) == sentence
            });
            let framed = frames.iter().any(|f| f.sentence == sentence);
            let (Some(a), false, false) = (province_of(&y.entry), others, framed) else {
                continue;
            };
            if self.said_province(y) {
                named.push(Frame {
                    sentence,
                    country: y.entry.country_code.clone(),
                    province: a.to_string(),
                    distinct: true,
                    at: y.start,
                    backwards: false,
                    districts_only: true,
                });
            }
        }
        named
    }

    /// True when a word for a first-level division stands right after the name ("Ghazni
    /// province"), right before it ("provincie Y") or before "of" and an article ("the
    /// province of Y").
    fn said_province(&self, y: &PlaceMatch) -> bool {
        let (lex, toks) = (self.lex, self.toks);
        let province = |k: usize| {
            toks.get(k)
                .is_some_and(|t| lex.value(Sec::KindAdmin, &t.lower) == Some("admin1"))
        };
        let of = |k: usize| {
            toks.get(k)
                .is_some_and(|t| Sec::GenitiveOf.in_any_language(&t.lower))
        };
        province(y.end)
            || y.start >= 1 && province(y.start - 1)
            || y.start >= 2 && province(y.start - 2) && of(y.start - 1)
    }

    /// The last word of the name before the comma right before token `y` ("Foo, Y"), with a
    /// word for its kind between as `after_kind_word` reads one ("Foo municipality, Y").
    fn unknown_name_end(&self, y: usize) -> Option<usize> {
        let comma = y.checked_sub(1).filter(|&c| self.toks[c].lower == ",")?;
        let kind_word = comma
            .checked_sub(2)
            .filter(|&e| after_kind_word(self.lex, self.toks, e + 1) == comma);
        kind_word.or(comma.checked_sub(1))
    }
}

/// True when the capitalised words that end at token `end` follow a locative ("in Foo Bar").
fn after_locative(lex: &Lexicon, toks: &[Token], end: usize) -> bool {
    let mut i = end;
    while i > 0 && end - i < UNKNOWN_NAME_WORDS {
        let t = &toks[i - 1];
        if lex.has(Sec::Within, &t.lower) || lex.has(Sec::AtPlace, &t.lower) {
            return true;
        }
        if !(t.cap || lex.has(Sec::NameParticles, &t.lower)) {
            return false;
        }
        i -= 1;
    }
    false
}
