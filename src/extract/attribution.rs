//! Stage 1, ingest/extract: who says it. Finds attribution cues ("volgens X", "meldt X",
//! "X beweert", "according to X", "X said") and the noun phrase that names the source, and
//! resolves short back-references ("de organisatie", "het Observatorium") to the full name
//! given earlier in the article.

#[cfg(test)]
mod clause_tests;
mod names;
mod phrases;
#[cfg(test)]
mod tests;

use super::lexicon::Lexicon;
use super::lexicon::Sec;
use super::patterns::Match;
use super::text::{Kind, Token};
use names::{capitalised_before, repeats_earlier, resolve};
use phrases::{
    apposed_speaker, opens_clause, phrase_after, relative_pronoun_before, speaker_before,
    speaker_before_aside, verb_group_start,
};

/// Longest source name, in words.
const MAX_SOURCE_WORDS: usize = 9;

/// A source named in a sentence: its noun phrase (tokens `start..end`), the cue, and the name
/// as it will be recorded (article dropped, back-references resolved).
#[derive(Debug, Clone, PartialEq)]
pub struct SourceMention {
    pub start: usize,
    pub end: usize,
    pub cue: usize,
    pub name: String,
}

/// True for a token that ends a clause (punctuation or a conjunction such as "dat", "that").
pub fn is_boundary(lex: &Lexicon, tok: &Token) -> bool {
    (tok.kind == Kind::Punct && !matches!(tok.lower.as_str(), "'" | "-" | "%" | "&"))
        || lex.has(Sec::Clause, &tok.lower)
}

/// A word that names who speaks without a capital ("correspondent", "activists", "doctor").
fn speaker_word(lex: &Lexicon, tok: &Token) -> bool {
    lex.is_people(&tok.lower)
        || lex.has(Sec::OnePerson, &tok.lower)
        || lex.has(Sec::SourceNouns, &tok.lower)
}

/// Every source named in tokens `from..to` (one sentence). `earlier` holds the sources named
/// before, for back-references.
pub fn find_sources(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    words: &[&str],
    from: usize,
    to: usize,
    earlier: &[String],
) -> Vec<SourceMention> {
    let scan = Scan {
        lex,
        text,
        toks,
        words,
        from,
        to,
        earlier,
    };
    let mut out: Vec<SourceMention> = Vec::new();
    let after = lex.patterns(Sec::SourcesAfter);
    let before = lex.patterns(Sec::SourcesBefore);
    let mut i = from;
    while i < to {
        let a = after.match_at(words, i, to);
        let b = before.match_at(words, i, to);
        // "claimed responsibility", "was claimed by": who did it, not who counted.
        let responsibility = || {
            lex.patterns(Sec::NotSources)
                .find_all(words, i.saturating_sub(2).max(from), (i + 4).min(to))
                .iter()
                .any(|m| m.start <= i && i < m.end)
        };
        if a.is_none() && b.is_none() || responsibility() {
            i += 1;
            continue;
        }
        i = match scan.passive(i, a, b, &mut out) {
            Some(next) => next,
            None => scan.at_cue(i, a, b, &mut out),
        };
    }
    out
}

/// One sentence (tokens `from..to`) read for the sources its cues name, with the sources
/// named before it.
struct Scan<'a> {
    lex: &'a Lexicon,
    text: &'a str,
    toks: &'a [Token],
    words: &'a [&'a str],
    from: usize,
    to: usize,
    earlier: &'a [String],
}

impl Scan<'_> {
    /// Records the source named by the words `span` for the cue at token `cue`; where its
    /// phrase ends.
    fn push(&self, span: (usize, usize), cue: usize, out: &mut Vec<SourceMention>) -> usize {
        let Scan {
            lex,
            text,
            toks,
            from,
            earlier,
            ..
        } = *self;
        push_source(lex, text, toks, from, span, cue, earlier, out)
    }

    /// A cue after a passive auxiliary at token `i` (cue matches `a` after the source, `b`
    /// before it): "were reported killed" is no attribution; "were reported by the
    /// ministry" is one, and the agent names the source. Where to read on, or `None` when
    /// the cue is not passive.
    fn passive(
        &self,
        i: usize,
        a: Option<Match>,
        b: Option<Match>,
        out: &mut Vec<SourceMention>,
    ) -> Option<usize> {
        let (lex, toks, words, from, to) = (self.lex, self.toks, self.words, self.from, self.to);
        let preposition = lex
            .patterns(Sec::SourcePrepositions)
            .match_at(words, i, to)
            .is_some();
        if !(i > from && !preposition && lex.has(Sec::PassiveAuxiliaries, &toks[i - 1].lower)) {
            return None;
        }
        let cue_end = a
            .iter()
            .chain(b.iter())
            .map(|m| m.end)
            .max()
            .unwrap_or(i + 1);
        let agent = if lex.has(Sec::AgentMarkers, words[cue_end - 1]) {
            Some(cue_end)
        } else {
            (cue_end < to && lex.has(Sec::AgentMarkers, words[cue_end])).then_some(cue_end + 1)
        };
        if let Some(agent) = agent {
            let span = phrase_after(lex, toks, agent, to);
            self.push(span, i, out);
        }
        Some(cue_end.max(i + 1))
    }

    /// The source of the cue at token `i` (`a` matched with the source after it, `b` with
    /// the source before): the speaker before the cue, or the phrase after it. Where to
    /// read on.
    fn at_cue(
        &self,
        i: usize,
        a: Option<Match>,
        b: Option<Match>,
        out: &mut Vec<SourceMention>,
    ) -> usize {
        let (lex, text, toks, words, from, to) = (
            self.lex, self.text, self.toks, self.words, self.from, self.to,
        );
        // (Before the auxiliaries and adverbs of the verb group: "police have said".)
        let group = verb_group_start(lex, toks, i, from);
        let prev_opens = group == from
            || is_boundary(lex, &toks[group - 1])
            || lex.has(Sec::Stop, &toks[group - 1].lower);
        let mut span = (i, i);
        let mut affiliation = None;
        let mut cue_end = i + 1;
        // ", which ..., said": the cue closes a relative clause, its subject stands before.
        let closes_relative = || relative_pronoun_before(lex, toks, i, from).is_some();
        // ("Abdul X, the police chief, said the attack ...": the speaker and who they are
        // stand before, when no one is named after the cue.)
        let apposed = || {
            a.is_some_and(|am| {
                let after = phrase_after(lex, toks, am.end, to);
                source_phrase(lex, toks, after).1 <= after.0
            }) && apposed_speaker(lex, toks, i, from).is_some()
        };
        // ("He said attackers killed 15 soldiers": the words after the cue open what was
        // said, a clause with its own verb; the speaker stands before.)
        let says_a_clause = || {
            a.is_some_and(|am| {
                let after = phrase_after(lex, toks, am.end, to);
                after.1 > after.0 && toks.get(after.1).is_some_and(|t| opens_clause(lex, t))
            })
        };
        // ("Two officials, speaking on condition of anonymity, said 40 were killed": the
        // speakers stand before an aside that names no one.)
        let aside = || speaker_before_aside(lex, toks, i, from).is_some();
        if let Some(bm) = b.filter(|_| {
            a.is_none()
                || !prev_opens
                || closes_relative()
                || apposed()
                || says_a_clause()
                || aside()
        }) {
            cue_end = bm.end;
            let whole_cue = bm.weight == bm.end - bm.start;
            (span, affiliation) = speaker_before(lex, toks, (i, bm.end), whole_cue, from, to);
            if counted_before_cue(lex, toks, words, span, from) {
                return cue_end.max(i + 1);
            }
            // "... killed 4 civilians in A said observatory head B.": the words before the
            // cue are the counted people, the speaker ends the sentence after it.
            if let Some(am) =
                a.filter(|am| speaker_ends_sentence(lex, toks, span, am.end, from, to))
            {
                cue_end = am.end;
                span = phrase_after(lex, toks, am.end, to);
                affiliation = None;
            }
        } else if let Some(am) = a {
            cue_end = am.end;
            span = phrase_after(lex, toks, am.end, to);
        }
        let e = self.push(span, i, out);
        if let (Some((a, b)), Some(last)) = (affiliation, out.last_mut().filter(|m| m.cue == i)) {
            last.name = format!("{} ({})", last.name, &text[toks[a].start..toks[b - 1].end]);
            // ("Abdul X, A's police chief, says": who the speaker is belongs to the phrase;
            // a place in it is where they serve, not where anything happened.)
            last.end = last.end.max(b);
        }
        cue_end.max(i + 1).max(e)
    }
}

/// True when the words before a cue are a count's measure, not a speaker: "4 fatalities
/// reported", "two deaths confirmed" say what was reported.
fn counted_before_cue(
    lex: &Lexicon,
    toks: &[Token],
    words: &[&str],
    (s, e): (usize, usize),
    from: usize,
) -> bool {
    let number_before = count_before(lex, toks, s, from);
    let measure_words = e > s
        && (s..e).all(|j| {
            lex.has(Sec::MeasureNouns, words[j])
                || lex
                    .patterns(Sec::Measures)
                    .match_at(words, j, j + 1)
                    .is_some()
        });
    number_before && measure_words
}

/// True when a number (in figures or words) stands right before token `s`, inside the
/// sentence that opens at `from`.
fn count_before(lex: &Lexicon, toks: &[Token], s: usize, from: usize) -> bool {
    s > from
        && (toks[s - 1].kind == Kind::Number
            || lex.value(Sec::Numbers, &toks[s - 1].lower).is_some())
}

/// True when the words before a cue follow a count ("4 civilians in A said ...") or name
/// nobody ("... on this matter said ..."), and the phrase after the cue names someone and
/// ends the sentence ("... said observatory head B."): with the comma before the cue left
/// out, the speaker is the one after it.
fn speaker_ends_sentence(
    lex: &Lexicon,
    toks: &[Token],
    (s, e): (usize, usize),
    after: usize,
    from: usize,
    to: usize,
) -> bool {
    let counted = count_before(lex, toks, s, from);
    let before = source_phrase(lex, toks, (s, e));
    let (a, b) = phrase_after(lex, toks, after, to);
    let rest_is_end = (b..to).all(|k| toks[k].kind != Kind::Word && toks[k].kind != Kind::Number);
    let names = source_phrase(lex, toks, (a, b));
    // A name after the cue, not a day ("the army said Monday" keeps the army).
    let name_after = (a..b).any(|k| {
        toks[k].cap
            && !lex.has(Sec::Weekdays, &toks[k].lower)
            && !lex.has(Sec::Months, &toks[k].lower)
    });
    // "... struck the village of A said the Observatory.": words that name someone before
    // the cue give way to a name after it that an article opens and that ends the sentence
    // (a clause after "said" goes on: "the mayor said the Observatory had counted five").
    let article_opens = after < to && lex.has(Sec::Articles, &toks[after].lower);
    if !counted && before.1 > before.0 && !(article_opens && name_after) {
        return false;
    }
    // After words that name nobody, only a name ("... said elder B.") is a speaker: "...
    // said militia trucks shelled the town" tells what was said.
    let named = counted || name_after;
    b > a && rest_is_end && names.1 > names.0 && named
}

/// Records the source named by the words `span` (cue at token `cue`; `from` opens the
/// sentence) and returns where its phrase ends (`span.0` when it names nobody).
#[allow(clippy::too_many_arguments)]
fn push_source(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    from: usize,
    span: (usize, usize),
    cue: usize,
    earlier: &[String],
    out: &mut Vec<SourceMention>,
) -> usize {
    let (mut s, mut e) = source_phrase(lex, toks, span);
    // "The observatory said": one lower-case word that repeats a word of a source named
    // before refers back to it.
    let mut named_before = None;
    if e <= s && span.1 == span.0 + 1 {
        if repeats_earlier(&toks[span.0].lower, earlier, out) {
            (s, e) = span;
        } else if let Some((a, b)) = capitalised_before(lex, toks, from, &toks[span.0].lower) {
            (s, e) = span;
            named_before = Some(text[toks[a].start..toks[b - 1].end].to_string());
        }
    }
    if e > s {
        let name = named_before.take().unwrap_or_else(|| {
            resolve(
                lex,
                &text[toks[s].start..toks[e - 1].end],
                e - s,
                earlier,
                out,
            )
        });
        out.push(SourceMention {
            start: s,
            end: e,
            cue,
            name,
        });
    }
    e
}

/// The words of a source phrase that name the source: from the article that opens a name
/// ("Meanwhile [the Observatory]"), and nothing when no word names anyone (a capitalised
/// name, a word for people, "the monitor").
fn source_phrase(lex: &Lexicon, toks: &[Token], (s, e): (usize, usize)) -> (usize, usize) {
    let s = (s + 1..e.saturating_sub(1))
        .find(|&k| {
            lex.has(Sec::Articles, &toks[k].lower)
                && toks[k + 1].cap
                && !lex.has(Sec::Connectors, &toks[k - 1].lower)
        })
        .map_or(s, |k| k + 1);
    let names = (s..e).any(|k| {
        let t = &toks[k];
        t.cap || t.upper || speaker_word(lex, t) || lex.has(Sec::SourceAnaphors, &t.lower)
    });
    if names {
        (s, e)
    } else {
        (s, s)
    }
}
