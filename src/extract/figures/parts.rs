//! How a count relates to the counts before it in its sentence: part of one ("of whom",
//! "including", a breakdown in brackets), part of the incident's total ("among the dead"),
//! joined to it ("40 soldiers and 8 police") or added to it ("also", "three more").

use super::measure::Candidates;
use super::sentence::Sentence;
use super::subject::Count;
use super::{FigureMention, PartOf};
use crate::extract::lexicon::{Lexicon, Match, Sec};
use crate::extract::numbers::{NumberExpr, NumberKind};
use crate::extract::text::{Kind, Token};

/// How many auxiliaries ("werden", "zouden er") may stand between an adverb that adds and the
/// count it adds ("ook werden drie militanten gedood"), counting the adverb.
const ADVERB_WORDS: usize = 3;

/// How far before a count the verb of a running total may stand ("bringing the official
/// death toll to").
const RUNNING_WORDS: usize = 8;

/// How far after a breakdown cue an event word makes it a list of events ("including an
/// attack", "including a deadly bombing").
const LISTED_EVENT_WORDS: usize = 3;

/// How long (in words) a bracketed aside inside a clause may be.
pub(super) const ASIDE_WORDS: usize = 10;

/// What the counts read so far in a sentence leave for the next.
#[derive(Debug, Default)]
pub(super) struct Run {
    /// Where the last count read ends (its number and subject).
    pub last_end: Option<usize>,
    /// The bracketed breakdown after the last count that had one: its counts are its parts.
    pub open_aside: Option<(usize, usize)>,
}

/// True when only a comma and/or a coordinator that adds (the lexicon's `count_joiners`:
/// "and", not "or") stand between a count ending at token `end` and the next count
/// starting at `start`: "40 soldiers and 8 police", "three men, two women".
pub(super) fn joins_counts(lex: &Lexicon, words: &[&str], end: usize, start: usize) -> bool {
    let between = words.get(end..start).unwrap_or_default();
    // ("a man and his two sons": a determiner before the next count belongs to it.)
    let between = match between.split_last() {
        Some((last, rest)) if !rest.is_empty() && lex.has(Sec::SingularDeterminers, last) => rest,
        _ => between,
    };
    let joiner = |w: &&str| *w == "," || lex.has(Sec::CountJoiners, w);
    // ("4 people as well as 2 police": a phrase that adds, after an optional comma.)
    let after_comma = if words.get(end) == Some(&",") {
        end + 1
    } else {
        end
    };
    let phrase = lex
        .patterns(Sec::AdditivePhrases)
        .match_at(words, after_comma, start)
        .is_some_and(|m| m.end == start);
    phrase
        || (1..=2).contains(&between.len())
            && between.iter().all(joiner)
            && between.first() != between.get(1)
}

/// The bracketed breakdown right after a count ("19 (12 soldiers and 7 civilians) were
/// wounded"): the token range from "(" to ")" when it is a short aside that holds a number
/// and names no place (a breakdown by place is a list of places, not of people).
pub(super) fn breakdown_aside(
    lex: &Lexicon,
    toks: &[Token],
    words: &[&str],
    at: usize,
    to: usize,
) -> Option<(usize, usize)> {
    if words.get(at) != Some(&"(") {
        return None;
    }
    let close = (at + 1..to.min(at + ASIDE_WORDS)).find(|&k| words[k] == ")")?;
    let inside = at + 1..close;
    let counts = inside.clone().any(|j| toks[j].kind == Kind::Number)
        || inside
            .clone()
            .any(|j| lex.value(Sec::Numbers, words[j]).is_some());
    let places = inside.clone().any(|j| lex.has(Sec::Locative, words[j]));
    (counts && !places).then_some((at, close))
}

impl Sentence<'_> {
    /// "four civilians (two of them students)": the count is a part of the count before.
    pub fn of_them(&self, n: &NumberExpr) -> bool {
        self.of_a(n, Sec::PartitivePronouns)
    }

    /// True when "of" and a word of `section` follow count `n` ("two of them", "one of the").
    fn of_a(&self, n: &NumberExpr, section: Sec) -> bool {
        self.words
            .get(n.end)
            .is_some_and(|w| Sec::GenitiveOf.in_any_language(w))
            && self
                .words
                .get(n.end + 1)
                .is_some_and(|w| self.lex.has(section, w))
    }

    /// True when count `n` comes right after a clause that brings a toll to a new total
    /// ("..., bringing the death toll to at least 15", "waarmee het dodental op 15 komt"):
    /// a verb of the lexicon's `running_totals`, then only words for a toll
    /// (`running_total_words`: "bringing the toll in the province to 300" is no running total
    /// of one event), then the linking word right before the number.
    pub fn running_total(&self, n: &NumberExpr) -> bool {
        let (lex, words) = (self.lex, self.words);
        let patterns = lex.patterns(Sec::RunningTotals);
        (self.from..n.start).rev().take(RUNNING_WORDS).any(|i| {
            patterns.match_at(words, i, n.start).is_some_and(|m| {
                m.end == n.start
                    && m.end > m.start + 1
                    && words[m.start + 1..m.end - 1]
                        .iter()
                        .all(|w| lex.has(Sec::RunningTotalWords, w))
            })
        })
    }

    /// A count of some of a group told before: "two of them", "one of the men", or a bare
    /// number the sentence sets against the rest of its group ("one was shot and the other
    /// stabbed", "eén werd doodgeschoten, de ander ..."; not the Dutch article "een").
    pub fn partitive(&self, c: &Count, of_them: bool) -> bool {
        let n = c.n;
        let rest_told = || {
            !self
                .lex
                .patterns(Sec::DistributiveRest)
                .find_all(self.words, n.end, self.to)
                .is_empty()
        };
        of_them
            || self.of_a(n, Sec::PartitiveDeterminers)
            || n.kind == NumberKind::Count && c.bare() && rest_told()
    }

    /// How count `c` relates to the figures before it (`out`): part of the one before ("of
    /// them", a count in the open breakdown, after a `part_of` word), or part of the
    /// incident's total for its measure ("among the dead", "onder de doden"; a `part_of`
    /// word before the sentence's first figure).
    pub fn part_of(&self, c: &Count, of_them: bool, run: &Run, out: &[FigureMention]) -> PartOf {
        let (lex, words, n) = (self.lex, self.words, c.n);
        let in_breakdown = run
            .open_aside
            .is_some_and(|(a, b)| a < n.start && n.start < b);
        // A cue reaches the counts of its own report: a verb of saying between ("including
        // nine natives were destroyed in A, the ministry said, adding that another 40 were
        // killed in B") ends it; "of those killed, nine were children and six were women"
        // goes on.
        // Nor does it reach into a clause about another event ("including six children,
        // hours after an attack left dozens dead in B").
        let said = |w: &&str| {
            lex.has(Sec::ReportVerbs, w)
                || lex.has(Sec::CauseClauses, w)
                || lex.has(Sec::WhenClauses, w)
        };
        // ("including an attack on April 1 that left two policemen dead": the cue lists
        // events, and the count is the listed event's own.)
        let event = |k: usize| lex.is_event_word(words[k]);
        let cue = self
            .parts
            .iter()
            .rev()
            .find(|p| p.end <= n.start)
            .filter(|p| !words[p.end..n.start].iter().any(said))
            .filter(|p| !(p.end..n.start.min(p.end + LISTED_EVENT_WORDS)).any(event));
        // "two were killed, one from each side": a share of each side is a part of the toll.
        let per_unit = lex
            .patterns(Sec::PerUnit)
            .match_at(words, n.end, self.to)
            .is_some();
        // ("among the dead": some of the incident's total for the measure after "among",
        // right after the cue or, when no place follows, in it: "among those killed."; not
        // "among the dead in B", the dead of another place.)
        let measure_at = |k: usize| {
            lex.patterns(Sec::Measures)
                .match_at(words, k, self.to)
                .is_some()
                || words.get(k).is_some_and(|w| lex.has(Sec::MeasureNouns, w))
        };
        let among_total = |p: &Match<'_>| {
            let among =
                (p.start..p.end).find(|&k| Sec::AmongPrepositions.in_any_language(words[k]));
            let place_after = words.get(p.end).is_some_and(|w| lex.has(Sec::Locative, w));
            among.is_some_and(|a| {
                measure_at(p.end) || !place_after && (a + 1..p.end).any(measure_at)
            })
        };
        // ("seven policemen are among the injured": the cue after the count and a copula.)
        let end = c.words_end();
        let copula = words
            .get(end)
            .is_some_and(|w| Sec::CountCopulas.in_any_language(w));
        let after = self.parts.iter().find(|p| copula && p.start == end + 1);
        // ("Of the 40 wounded, seven are in critical condition": some of the count the
        // sentence opens with.)
        let share_of_opening = out
            .first()
            .is_some_and(|f| self.opens_with_share_of(f.token));
        match cue {
            _ if (of_them || in_breakdown || per_unit || share_of_opening) && !out.is_empty() => {
                PartOf::Previous
            }
            _ if after.is_some_and(among_total) => PartOf::Total,
            Some(p) if among_total(p) => PartOf::Total,
            Some(_) if !out.is_empty() => PartOf::Previous,
            Some(_) => PartOf::Total,
            None => PartOf::None,
        }
    }

    /// True when the sentence opens with "of" and a definite article right before the
    /// count at `token` ("Of the 40 wounded, ...", "Van de veertig gewonden ..."): later
    /// counts are some of those.
    fn opens_with_share_of(&self, token: usize) -> bool {
        let (lex, words, from) = (self.lex, self.words, self.from);
        token == from + 2
            && Sec::GenitiveOf.in_any_language(words[from])
            && lex.is_definite(words[from + 1])
    }

    /// True when a measure stands right by count `c`: "killing two people including a child
    /// and causing injuries": a part counts what its total counts unless a measure stands
    /// right by it ("including a child hurt"). `found.following` is the count's own.
    pub fn own_measure(&self, c: &Count, found: &Candidates) -> bool {
        let n = c.n;
        found.adjacent.is_some()
            || found.governing.is_some()
            || found.following.is_some_and(|m| {
                m.start <= n.end + 2
                    && !self.words[n.end..m.start]
                        .iter()
                        .any(|w| self.lex.has(Sec::Coordinators, w))
            })
    }

    /// `(additional, more)` for count `c`. "also 4 militants were killed", "4 militants were
    /// also killed", "the blast also killed 4": an adverb that adds, by the count or its own
    /// measure ("ook werden drie militanten gedood": an auxiliary or "er" may stand between;
    /// "two of them were also killed": the measure of the clause after the count).
    /// "three more died", "two additional guards": a word right after the number, or "another
    /// two", "a further three" right before it (`more`).
    pub fn additional(&self, c: &Count, found: &Candidates) -> (bool, bool) {
        let (lex, words, n) = (self.lex, self.words, c.n);
        let adds = |j: usize| {
            words
                .get(j)
                .is_some_and(|w| lex.has(Sec::AdditiveAdverbs, w))
        };
        let helper = |w: &str| {
            lex.has(Sec::PassiveAuxiliaries, w)
                || lex.has(Sec::Auxiliaries, w)
                || Sec::DummySubjects.in_any_language(w)
        };
        let before_count = (self.from..n.start)
            .rev()
            .take(ADVERB_WORDS)
            .find(|&j| !helper(words[j]));
        let more = words.get(n.end).is_some_and(|w| {
            lex.has(Sec::AdditiveAfterCount, w)
                || lex.has(Sec::AdditiveSubjectAfterCount, w) && found.governing.is_none()
        }) || before_count.is_some_and(|j| lex.has(Sec::MoreBeforeCount, words[j]));
        // ("another man died": the article of one person says it is one more.)
        let article = n.kind == NumberKind::Indefinite && adds(n.start);
        let additional = more
            || article
            || before_count.is_some_and(adds)
            || found
                .governing
                .is_some_and(|m| m.start > self.from && adds(m.start - 1))
            || found
                .following
                .or(found.in_clause.filter(|m| m.start >= c.words_end()))
                .is_some_and(|m| (c.words_end()..m.start).any(adds));
        (additional, more)
    }

    /// Leaves for the next count where count `c` ends and the breakdown it opens ("19 (12
    /// soldiers and 7 civilians) were wounded"; "19 were wounded (12 soldiers and 7
    /// civilians)": or right after its measure).
    pub fn close_count(&self, c: &Count, found: &Candidates, run: &mut Run) {
        run.last_end = Some(c.words_end());
        let aside = c.aside.or_else(|| {
            let m = found.following.filter(|m| m.start <= c.words_end() + 1)?;
            breakdown_aside(self.lex, self.toks, self.words, m.end, self.to)
        });
        if aside.is_some() {
            run.open_aside = aside;
        }
    }
}
