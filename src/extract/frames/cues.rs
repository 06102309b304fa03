//! Stage 1, ingest/extract: the words that make a figure a total rather than one event's
//! count ("since May", "in several villages", "in the province") or another event's ("days
//! after a strike killed 30"). Each cue is a lexicon section; each returns the reason that
//! goes with the regional or unattached figure.

use super::super::cause_clause::{cause_opener, cause_reason};
use super::super::events::{day_refs, DayRef, RecentPeriod};
use super::super::figures::FigureMention;
use super::super::incidents::Reading;
use super::super::lexicon::Sec;
use super::{Candidate, State};
use crate::model::{Measure, SubEventType};

/// How far after a count the protest it happened during may be named.
const DURING_REACH: usize = 15;
/// How many words ("during a large") may stand before the protest's cue.
const DURING_WORDS: usize = 3;

impl State<'_> {
    /// An `earlier_event` cue ("days after", "a week before") at most
    /// [`EARLIER_CUE_TOKENS`] before the figure at `token` in its clause: the figure is of
    /// another event than the one the sentence is about.
    pub(super) fn earlier_event(&self, r: &Reading, token: usize) -> Option<String> {
        let (from, to) = (r.sentence.start, r.sentence.end);
        let cue = self.earlier_cues(from, to).into_iter().find(|m| {
            m.end <= token && token - m.end <= EARLIER_CUE_TOKENS && !self.breaks(m.end, token)
        })?;
        Some(format!(
            "a figure of an earlier or later event ({:?}), with no place of its own",
            self.words[cue.start..cue.end].join(" ")
        ))
    }

    /// A death or injury told in a sentence that tells only a protest ("residents rallied
    /// after a guard killed a driver", "a vigil for the 11 killed"): what the protest is
    /// about, not what happened at it, unless the protesters are the ones counted (the
    /// lexicon's `protest_participants`).
    pub(super) fn protest_cause(&self, r: &Reading, f: &FigureMention) -> Option<String> {
        let casualty = matches!(f.measure, Some(Measure::Killed | Measure::Injured));
        let protest_only = !r.events.is_empty()
            && r.events
                .iter()
                .all(|e| e.sub_type == SubEventType::PeacefulProtest);
        let participants = f.subject.as_deref().is_some_and(|s| {
            s.split([' ', '-'])
                .any(|w| self.lex.has(Sec::ProtestParticipants, &w.to_lowercase()))
        });
        (casualty && protest_only && !participants && !self.during_protest(r, f))
            .then(|| "a death or injury the protest is about, not one at it".to_string())
    }

    /// "47 inmates were killed during a protest over food": the protest, named after the
    /// count and opened by a `during_events` word ("during", "amid", "at") a few words before
    /// its cue, is where the count happened.
    fn during_protest(&self, r: &Reading, f: &FigureMention) -> bool {
        r.events.iter().any(|e| {
            e.token > f.token
                && e.token - f.token <= DURING_REACH
                && self.words[e.token.saturating_sub(DURING_WORDS)..e.token]
                    .iter()
                    .any(|w| self.lex.has(Sec::DuringEvents, w))
        })
    }

    /// A death or injury told in a clause about what led to the event ("residents set a
    /// bar alight after the body of a boy was found"): an earlier event, not the toll of the
    /// one the sentence reports (see [`cause_opener`]). An `earlier_event` cue ("a day
    /// after") says so in its own words where the figure has no place.
    pub(super) fn event_cause(
        &self,
        r: &Reading,
        f: &FigureMention,
        cands: &[Candidate],
    ) -> Option<String> {
        let casualty = matches!(f.measure, Some(Measure::Killed | Measure::Injured));
        if !casualty {
            return None;
        }
        let (from, to) = (r.sentence.start, r.sentence.end);
        let breaks = |k: usize| self.lex.has(Sec::ClauseBreaks, self.words[k]);
        let j = cause_opener(self.lex, self.words, from, f.token, breaks)?;
        let ends = |k: usize| self.words[k] == "," || breaks(k);
        // "a day after air strikes on a school in B killed 30": a cause told with a place of
        // its own is an event there.
        let end = (f.token..to).find(|&k| ends(k)).unwrap_or(to);
        let own_place = cands.iter().any(|c| c.token > j && c.token < end);
        (!own_place).then(|| cause_reason(self.words[j]))
    }

    /// A `several_places` cue between the figures and their place ("attacks on several
    /// neighbourhoods"), as the reason the figure is a total.
    pub(super) fn several_places(&self, r: &Reading, from: usize, to: usize) -> Option<String> {
        let (s, e) = (
            from.saturating_sub(3).max(r.sentence.start),
            (to + 3).min(r.sentence.end),
        );
        let m = self
            .lex
            .patterns(Sec::SeveralPlaces)
            .find_all(self.words, s, e)
            .into_iter()
            .next()?;
        Some(format!(
            "a total over several places ({:?})",
            self.words[m.start..m.end].join(" ")
        ))
    }

    /// A `cumulative` cue tied to the figure at `token` ("since April", "to date", "the war
    /// has killed"): the figure is a total over a period.
    pub(super) fn cumulative(&self, r: &Reading, token: usize) -> Option<String> {
        self.period_cue(r, token, CUE_AFTER_TOKENS, true)
    }

    /// A `cumulative` cue at most `after_tokens` after, or `CUE_BEFORE_TOKENS` before, the
    /// token in its clause; with `past`, also a bare past year or month ("in 2014": a count
    /// dated so is a total over it, an event without a count is only dated by it).
    pub(super) fn period_cue(
        &self,
        r: &Reading,
        token: usize,
        after_tokens: usize,
        past: bool,
    ) -> Option<String> {
        let (from, to) = (r.sentence.start, r.sentence.end);
        let measure = r
            .figures
            .iter()
            .find(|f| f.token == token)
            .map(|f| &f.measure);
        // Another total of the same measure between the cue and the figure has the cue for
        // itself ("5 died on Monday, 300 have died since March"); a total of another measure
        // is described with it ("545 killed and hundreds injured since Tuesday"); parts of a
        // breakdown never stop it, nor do counts joined to it ("31 children and 12 women
        // ... over the last week").
        let others: Vec<usize> = r
            .figures
            .iter()
            .filter(|f| f.part_of == super::super::figures::PartOf::None)
            .filter(|f| f.token != token && Some(&f.measure) == measure)
            .map(|f| f.token)
            .filter(|&t| !self.joined_counts(token, t))
            .collect();
        let cues = self.period_cues(r, token, past);
        let found = cues.into_iter().find(|&(start, end)| {
            // A period that opens the sentence ("Since March 2011 a series of bombs ...
            // killing dozens") dates all of it.
            let opens = start <= from + 1;
            let (a, b, reach) = if start > token {
                (token, start, after_tokens)
            } else if opens {
                (end.min(token), token, to - from)
            } else {
                (end.min(token), token, CUE_BEFORE_TOKENS)
            };
            // A quotation ends before the period it is dated by ("... killing of 5,000
            // civilians" over the past year): quote marks do not stop the cue, nor does
            // a bracketed aside.
            // Nor does a period in a clause of its own after the figure ("killed 4 on
            // Tuesday, and the army has reinforced its posts since June").
            let broken =
                self.breaks_between(a, b, false) || start > token && self.new_clause_between(a, b);
            // "stepped up raids in recent weeks, killing 57 when it bombed A on Saturday": the
            // count's own clause dates its event.
            let dated = start < token && self.dated_event_after(token, to);
            b - a <= reach && !broken && !dated && !others.iter().any(|&t| t > a && t < b)
        })?;
        Some(format!(
            "{PERIOD_TOTAL} ({:?})",
            self.words[found.0..found.1].join(" ")
        ))
    }

    /// The `cumulative` cues of the sentence of reading `r` that may make the figure at
    /// `token` a total over a period (with `past`, bare past years and months too), as token
    /// spans.
    fn period_cues(&self, r: &Reading, token: usize, past: bool) -> Vec<(usize, usize)> {
        let (from, to) = (r.sentence.start, r.sentence.end);
        // "over the past weekend", "in het afgelopen weekend": a weekend is no period a
        // total runs over.
        let weekends: Vec<(usize, usize)> = self
            .lex
            .patterns(Sec::RecentPeriods)
            .find_all(self.words, from, to)
            .into_iter()
            .filter(|m| m.value == "weekend")
            .map(|m| (m.start, m.end))
            .collect();
        self.lex
            .patterns(Sec::Cumulative)
            .find_all(self.words, from, to)
            .into_iter()
            .map(|m| (m.start, m.end))
            .filter(|&(a, b)| !weekends.iter().any(|&(s, e)| s < b && a < e))
            // ("In total, five died in the attack": the sum of one event.)
            .filter(|&(a, b)| !(self.sums_only(a, b) && self.one_event_told(r)))
            // "the war has killed 6,000" tells a toll; "five killed near a region where a
            // conflict has pitted A against B" tells what the region is.
            .filter(|&(a, b)| a < token || !self.lex.has(Sec::Auxiliaries, self.words[b - 1]))
            // ("2,000 killed in six years": a span counted out.)
            .chain(self.counted_spans(from, to))
            // ("In April, four were killed in a car bomb attack": a month that dates one
            // event its clause tells, no period the count runs over.)
            .chain(
                if past
                    && !self.in_one_event(token, to)
                    && !self.told_on_a_recent_day(token, from, to)
                {
                    self.past_periods(from, to)
                } else {
                    Vec::new()
                },
            )
            // ("the deadliest attack since 2015": a period the event is ranked in.)
            .filter(|&(a, _)| !self.ranked_in_period(from, a))
            .collect()
    }

    /// True when a `when_clauses` word after the figure at `token`, in its clause, opens a
    /// clause that names a day ("... when it shelled A on Saturday", "at the weekend"): the
    /// figure is that one event's count.
    fn dated_event_after(&self, token: usize, to: usize) -> bool {
        let Some(when) = (token + 1..to)
            .take_while(|&i| !self.lex.has(Sec::ClauseBreaks, self.words[i]))
            .find(|&i| self.lex.has(Sec::WhenClauses, self.words[i]))
        else {
            return false;
        };
        day_refs(self.lex, self.words, when + 1, to)
            .iter()
            .any(|d| match d {
                DayRef::Calendar { day, .. } => day.is_some(),
                DayRef::Period(p) => *p == RecentPeriod::Weekend,
                _ => true,
            })
    }

    /// "in 2014", "during May": a `year_periods` word and a bare year or month before the
    /// year or month the report was published (any when the report is undated), as token
    /// spans. A month without a year is this year's, or last year's when it lies ahead; the
    /// report's own month is no period before it.
    fn past_periods(&self, from: usize, to: usize) -> Vec<(usize, usize)> {
        let published = self.published.map(|p| (p.start.year, p.start.month));
        let year_at = |i: usize| {
            self.words
                .get(i)
                .and_then(|w| super::super::events::year(w))
        };
        let month_at = |i: usize| super::super::events::month(self.lex, self.words, i);
        let mut out = Vec::new();
        for i in (from + 1..to).filter(|&i| self.lex.has(Sec::YearPeriods, self.words[i - 1])) {
            let span = if let Some(year) = year_at(i) {
                published
                    .is_none_or(|(y, _)| year < y)
                    .then_some((i - 1, i + 1))
            } else if let Some(month) = month_at(i) {
                let past = match (year_at(i + 1), published) {
                    (_, None) => true,
                    (Some(year), Some(p)) => (year, month) < p,
                    (None, Some((_, m))) => month != m,
                };
                let end = if year_at(i + 1).is_some() {
                    i + 2
                } else {
                    i + 1
                };
                // "during July" in a report of July: the month so far, a period all the same
                // (not "during July 25", a day; "in July" may date the event).
                let day_after = self
                    .words
                    .get(i + 1)
                    .and_then(|w| w.parse::<u32>().ok())
                    .is_some_and(|d| (1..=31).contains(&d));
                let running = !Sec::InWords.in_any_language(self.words[i - 1]) && !day_after;
                (past || running).then_some((i - 1, end))
            } else {
                None
            };
            out.extend(span);
        }
        out
    }

    /// True when another count of the same measure as the figures at `first..=last`, not a
    /// part of a total nor joined to them, stands between them and the place at token
    /// `place` ("19 were killed near the capital, hours after an attack left dozens dead in
    /// A"): the place is that count's.
    pub(super) fn own_count_between(
        &self,
        r: &Reading,
        (first, last): (usize, usize),
        place: usize,
    ) -> bool {
        let measures: Vec<&Option<Measure>> = r
            .figures
            .iter()
            .filter(|f| f.token >= first && f.token <= last && f.measure.is_some())
            .map(|f| &f.measure)
            .collect();
        r.figures.iter().any(|f| {
            f.token > last
                && f.token < place
                && f.part_of == super::super::figures::PartOf::None
                && measures.contains(&&f.measure)
                && !self.joined_counts(last, f.token)
        })
    }

    /// True when the counts at tokens `a` and `b` are joined by a coordinator with at most
    /// their nouns between ("31 children and 12 women").
    fn joined_counts(&self, a: usize, b: usize) -> bool {
        let (a, b) = (a.min(b), a.max(b));
        let between = &self.words[a + 1..b];
        b - a <= JOINED_TOKENS
            && between.iter().any(|w| self.lex.has(Sec::Coordinators, w))
            && !between
                .iter()
                .any(|w| *w == "," || self.lex.has(Sec::ReportVerbs, w))
            && !self.breaks(a, b)
    }

    /// A definite province-like noun after a locative or as what a strike hit, in the clause
    /// of the figures at `first..=last` ("killed 26 people in the province", "across the
    /// region", "pounded the province, killing 20"): the figure
    /// is for a whole division, not a town. Looks before the figures too when `look_back`.
    pub(super) fn definite_division(
        &self,
        r: &Reading,
        (first, last): (usize, usize),
        look_back: bool,
    ) -> Option<String> {
        let (from, to) = (r.sentence.start, r.sentence.end);
        let names_division = |i: usize| {
            i >= from + 2
                && self.lex.value(Sec::KindAdmin, self.words[i]) == Some("admin1")
                && self.lex.has(Sec::Articles, self.words[i - 1])
                && !self.lex.has(Sec::Indefinite, self.words[i - 1])
                && (self.lex.has(Sec::Locative, self.words[i - 2])
                    // "bombed the province, killing 20": what a strike hit.
                    || self.lex.has(Sec::StrikeVerbs, self.words[i - 2]))
        };
        let after = (last + 1..to.min(last + 1 + CUE_AFTER_TOKENS))
            .find(|&i| names_division(i) && !self.breaks(last, i));
        let before = (first.saturating_sub(CUE_BEFORE_TOKENS).max(from)..first)
            .rev()
            .find(|&i| look_back && names_division(i) && !self.breaks(i, first));
        let i = after.or(before)?;
        Some(format!(
            "placed only in a division, not at a town ({:?})",
            self.words[i - 2..=i].join(" ")
        ))
    }
}

/// Why a figure tied to a `cumulative` cue is regional.
pub(super) const PERIOD_TOTAL: &str = "a total over a period or the whole conflict";

/// How far (tokens) an `earlier_event` cue before a figure reaches ("days after an air
/// strike on the town's market killed 30").
const EARLIER_CUE_TOKENS: usize = 12;

/// How far (tokens) a period cue after a figure reaches back to it within one clause ("545
/// people ... have been killed in the bombing of towns and cities since Tuesday").
const CUE_AFTER_TOKENS: usize = 40;
/// How far a period cue before a figure reaches ("Since March, 300 ...").
const CUE_BEFORE_TOKENS: usize = 12;
/// How far apart (tokens) two counts joined by "and" may stand ("31 children and 12 women").
const JOINED_TOKENS: usize = 5;
