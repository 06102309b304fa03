//! What every count of one sentence reads: the sentence's tokens and numbers, the measures
//! and parts its lexicon finds in it, its sources and where its clauses begin and end.

use super::parts::ASIDE_WORDS;
use crate::extract::attribution::{is_boundary, SourceMention};
use crate::extract::lexicon::{Lexicon, Match, Sec};
use crate::extract::numbers::{age_aside, NumberExpr};
use crate::extract::text::Token;
use crate::model::Measure;

/// One sentence (tokens `from..to`) and what its counts are read against.
pub(super) struct Sentence<'a> {
    pub lex: &'a Lexicon,
    pub text: &'a str,
    pub file: &'a str,
    pub toks: &'a [Token],
    pub words: &'a [&'a str],
    pub from: usize,
    pub to: usize,
    pub numbers: &'a [NumberExpr],
    pub sources: &'a [SourceMention],
    /// The measure of the last figure of the paragraph before this sentence.
    pub previous: Option<&'a Measure>,
    /// The measures of the sentence (the lexicon's `measures`, not inside a `not_measures`
    /// phrase).
    pub measures: Vec<Match<'a>>,
    /// Measures that count only the number right next to them (`adjacent_measures`).
    pub next_to: Vec<Match<'a>>,
    /// Words that make a count part of another (`part_of`: "including", "among the dead").
    pub parts: Vec<Match<'a>>,
    /// The sentence refers to the figure before it ("het gaat om ...").
    pub refer_back: bool,
    /// Per token from `from`: it ends a clause.
    boundary: Vec<bool>,
    /// Per token from `from`: it ends a clause and opens the next ("that" does not).
    opens: Vec<bool>,
}

impl<'a> Sentence<'a> {
    /// Reads the measures, parts and clause boundaries of tokens `from..to`.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        lex: &'a Lexicon,
        text: &'a str,
        file: &'a str,
        toks: &'a [Token],
        words: &'a [&'a str],
        from: usize,
        to: usize,
        numbers: &'a [NumberExpr],
        sources: &'a [SourceMention],
        previous: Option<&'a Measure>,
    ) -> Sentence<'a> {
        // "drivers held a protest": a measure word in a phrase that means something else.
        let not_measures = lex.patterns(Sec::NotMeasures).find_all(words, from, to);
        let measures: Vec<_> = lex
            .patterns(Sec::Measures)
            .find_all(words, from, to)
            .into_iter()
            .filter(|m| !inside_any(&not_measures, m))
            .collect();
        let next_to = lex
            .patterns(Sec::AdjacentMeasures)
            .find_all(words, from, to)
            .into_iter()
            .filter(|m| !inside_any(&not_measures, m))
            .collect();
        let parts = lex.patterns(Sec::PartOf).find_all(words, from, to);
        let refer_back = !lex
            .patterns(Sec::ReferBack)
            .find_all(words, from, to)
            .is_empty();
        let boundary = clause_boundaries(lex, toks, words, from, to, &parts);
        let opens: Vec<bool> = (from..to)
            .map(|j| boundary[j - from] && !Sec::Complementizers.in_any_language(&toks[j].lower))
            .collect();
        Sentence {
            lex,
            text,
            file,
            toks,
            words,
            from,
            to,
            numbers,
            sources,
            previous,
            measures,
            next_to,
            parts,
            refer_back,
            boundary,
            opens,
        }
    }

    /// The clause around token `i` (`start..end`): from after the last boundary before it that
    /// opens a clause ("that" in "said that 3 were killed" does not) to the next boundary.
    pub fn clause_of(&self, i: usize) -> (usize, usize) {
        let from = self.from;
        let s = (from..i)
            .rev()
            .find(|&j| self.opens[j - from])
            .map_or(from, |j| j + 1);
        let e = (i + 1..self.to)
            .find(|&j| self.boundary[j - from])
            .unwrap_or(self.to);
        (s, e)
    }

    /// True when token `i` is inside a source's words ("according to the Ministry of ...").
    pub fn in_source(&self, i: usize) -> bool {
        self.sources.iter().any(|s| (s.start..s.end).contains(&i))
    }

    /// True when `n` counts the people a source names right after it ("..., two community
    /// leaders said", "according to three residents"): how many speak, not what happened.
    pub fn counts_speakers(&self, n: &NumberExpr) -> bool {
        self.sources
            .iter()
            .any(|s| s.start == n.end && s.end > s.start)
    }

    /// Adds the tolls of none ("No one was killed") to the figures; a figure read inside one
    /// (its "one") is no count of its own.
    pub fn with_none_reported(&self, out: &mut Vec<super::FigureMention>) {
        let (lex, text, file, toks, words) =
            (self.lex, self.text, self.file, self.toks, self.words);
        let zeros = crate::extract::none_reported::none_reported(
            lex, text, file, toks, words, self.from, self.to,
        );
        let in_zero = |f: &super::FigureMention| {
            zeros
                .iter()
                .filter_map(|z| z.claim.span.as_ref())
                .any(|span| {
                    let at = toks[f.token].start;
                    span.start <= at && at < span.end
                })
        };
        out.retain(|f| !in_zero(f));
        // ("No one was killed, the army said": the source nearest to it, as for a count.)
        let zeros = zeros.into_iter().map(|mut z| {
            z.claim.source = (self.sources.iter())
                .min_by_key(|s| (s.cue < z.token, s.cue.abs_diff(z.token)))
                .map(|s| s.name.clone());
            z
        });
        out.extend(zeros);
    }

    /// A source named before all figures applies to those after it; the nearest one wins.
    pub fn with_sources_before(&self, out: &mut [super::FigureMention]) {
        for f in out {
            if let Some(s) = self
                .sources
                .iter()
                .filter(|s| s.cue < f.token)
                .max_by_key(|s| s.cue)
            {
                f.claim.source = Some(s.name.clone());
            }
        }
    }
}

/// Per token of `from..to`, true when it ends a clause. A short bracketed aside
/// ("(CPI-Maoist)", "(beheaded)") does not end the clause; nor does a part of a count between
/// commas ("3 civilians, including a commander, were") or a person's age ("a man, 35, was").
fn clause_boundaries(
    lex: &Lexicon,
    toks: &[Token],
    words: &[&str],
    from: usize,
    to: usize,
    parts: &[Match<'_>],
) -> Vec<bool> {
    let mut boundary: Vec<bool> = (from..to).map(|j| is_boundary(lex, &toks[j])).collect();
    for j in from..to {
        let close = match words[j] {
            "(" => ")",
            "," if parts.iter().any(|p| p.start == j + 1) => ",",
            // ("a man, 35, was killed": the age set apart is the person's.)
            "," if age_aside(lex, toks, words, j) => ",",
            _ => continue,
        };
        let Some(k) = (j + 1..to.min(j + ASIDE_WORDS)).find(|&k| words[k] == close) else {
            continue;
        };
        // (", and injured two others" after the part goes on with another clause.)
        let next_clause = close == ","
            && words
                .get(k + 1)
                .is_some_and(|w| lex.has(Sec::Coordinators, w));
        if !next_clause {
            boundary[j - from] = false;
            boundary[k - from] = false;
        }
    }
    boundary
}

/// True when measure `m` starts inside one of the `phrases` (a lexicon's `not_measures`):
/// there its word means no measure.
fn inside_any(phrases: &[Match<'_>], m: &Match<'_>) -> bool {
    phrases.iter().any(|x| (x.start..x.end).contains(&m.start))
}
