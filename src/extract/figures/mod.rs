//! Stage 1, ingest/extract: figures in a sentence. Each counted amount gets what it counts
//! (a measure, from the verb or noun of its clause: "ontsnapt", "doden", "zitten ... vast",
//! "killed"), who is counted (the subject after it: "IS-strijders", "civilians"), its source,
//! and whether it is part of a breakdown ("onder wie", "including", "onder de doden").
//! Amounts that count nothing recognisable are kept as unattached, with the reason.
//!
//! The files: [`sentence`] holds what every count of a sentence reads (its measures, parts and
//! clause boundaries); [`subject`] who a count counts; [`measure`] which measure governs it;
//! [`persons`] when "a man" or "the victim" is a count, and when a count is who did it;
//! [`parts`] how a count relates to the counts before it.

mod measure;
mod parts;
mod persons;
mod sentence;
mod subject;

use super::attribution::SourceMention;
use super::lexicon::{Lexicon, Sec};
use super::numbers::{NumberExpr, NumberKind};
use super::text::Token;
use crate::model::{Claim, Measure};
use sentence::Sentence;

/// How a figure relates to others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartOf {
    /// A total (or a count of its own).
    None,
    /// Part of the figure just before it in the same sentence ("12,000 people, of whom 1,000
    /// women").
    Previous,
    /// Part of the incident's total for its measure ("onder de doden", "among the dead").
    Total,
}

/// One figure read in a sentence.
#[derive(Debug, Clone)]
pub struct FigureMention {
    pub measure: Option<Measure>,
    pub subject: Option<String>,
    pub claim: Claim,
    /// Token index of the number.
    pub token: usize,
    pub part_of: PartOf,
    /// Why the figure has no measure.
    pub reason: Option<String>,
    /// The side the counted people are on ("civilian", "armed group", "state forces").
    pub side: Option<String>,
    /// Counts who lives or stays somewhere ("where 250,000 people live"): a population.
    pub population: bool,
    /// One person named with an indefinite article ("a man was killed"): an explicit count
    /// of the same measure at the incident covers it.
    pub one_person: bool,
    /// Joined to the count right before it by a coordinator ("40 soldiers and 8 police"):
    /// other people, never a second claim about the same count.
    pub joined: bool,
    /// Said to come on top of an earlier count ("4 militants were also killed"): more
    /// people, never a second claim about the count before it.
    pub additional: bool,
    /// Said to be more by a word right after its number ("three more died", "two additional"):
    /// added even when the count names no one.
    pub more: bool,
    /// Counts some of a group ("one of the men", "two of them", "one was shot and the other
    /// stabbed"): in an incident that already counts that measure, a part of its count.
    pub share: bool,
    /// Brings a toll to a new total ("..., bringing the death toll to 15"): the total of the
    /// counts of its measure told before it in the incident, which are its parts.
    pub running: bool,
}

/// Reads the figures of one sentence (tokens `from..to`). `previous` is the measure of the
/// last figure before this sentence in the same paragraph, for "het gaat om ..." references.
#[allow(clippy::too_many_arguments)]
pub fn read_figures(
    lex: &Lexicon,
    text: &str,
    file: &str,
    toks: &[Token],
    words: &[&str],
    from: usize,
    to: usize,
    numbers: &[NumberExpr],
    sources: &[SourceMention],
    previous: Option<&Measure>,
) -> Vec<FigureMention> {
    let sentence = Sentence::new(
        lex, text, file, toks, words, from, to, numbers, sources, previous,
    );
    let mut out: Vec<FigureMention> = Vec::new();
    let mut run = parts::Run::default();
    for n in numbers
        .iter()
        .filter(|n| matches!(n.kind, NumberKind::Count | NumberKind::Indefinite))
        .filter(|n| !sentence.in_source(n.number_start) && !sentence.counts_speakers(n))
    {
        if let Some(figure) = sentence.read_count(n, &mut run, &out) {
            out.push(figure);
        }
    }
    sentence.with_none_reported(&mut out);
    sentence.with_sources_before(&mut out);
    others_of_the_same_side(&mut out);
    out
}

/// "Five armed Taliban were killed and eight others were wounded": others counted after a
/// count of one side's people in the sentence are more people of that side.
fn others_of_the_same_side(out: &mut [FigureMention]) {
    for i in 1..out.len() {
        let others = out[i].subject.as_deref() == Some("others") && out[i].side.is_none();
        if !others {
            continue;
        }
        if let Some(side) = out[..i].iter().rev().find_map(|f| f.side.clone()) {
            out[i].side = Some(side);
        }
    }
}

impl Sentence<'_> {
    /// Reads count `n` into a figure, given the figures read before it in the sentence (`out`)
    /// and what they leave open (`run`): its subject, the measure that governs it and how it
    /// relates to the counts before it. `None` for one person the clause says nothing
    /// happened to ("an official said ...").
    fn read_count(
        &self,
        n: &NumberExpr,
        run: &mut parts::Run,
        out: &[FigureMention],
    ) -> Option<FigureMention> {
        let count = self.count(n);
        let mut found = self.candidates(&count);
        let of_wounded = self.counts_died_of_wounds(&count, &found);
        let measure = self.chosen_measure(&count, &found);
        let things = self.counts_things(&count, measure.as_ref());
        let measure = self.by_attackers(&count, found.following, measure);
        let measure = if things { None } else { measure };
        // From here on, the following measure is one that speaks of this count's own words.
        found.following = self.own_following(&count, found.following);
        let joined = run
            .last_end
            .is_some_and(|e| parts::joins_counts(self.lex, self.words, e, n.start));
        if n.kind == NumberKind::Indefinite
            && !self.one_person_kept(&count, &found, &measure, joined, run, out)
        {
            return None;
        }
        let struck = self.struck_residents(&count, &found);
        let measure = struck.clone().or(measure);
        let population = struck.is_none() && self.population(&found);
        let of_them = self.of_them(n);
        let part_of = if of_wounded {
            PartOf::None
        } else {
            self.part_of(&count, of_them, run, out)
        };
        let listed_resident = population && self.listed_among_casualties(n, part_of, out);
        let population = population && !listed_resident;
        let measure = match out.last() {
            Some(total)
                if part_of == PartOf::Previous
                    && (!self.own_measure(&count, &found) || listed_resident)
                    && measure.is_some() =>
            {
                total.measure.clone().or(measure)
            }
            _ => measure,
        };
        // ("clashed with 4 gunmen and killed 2 of them": of a count that no measure counts,
        // the part is a count of its own.)
        let part_of = match out.last() {
            Some(total) if of_them && total.measure.is_none() && measure.is_some() => PartOf::None,
            _ => part_of,
        };
        let reason = self.reason(&count, measure.as_ref(), things);
        // ("Two of the wounded later died": more dead than those counted dead before.)
        let (additional, more) = if of_wounded {
            (true, true)
        } else {
            self.additional(&count, &found)
        };
        // ("Five civilians were killed. Two of the attackers were also killed.": a share said
        // to come on top is more people, not some of those counted.)
        let share = part_of == PartOf::None && !additional && self.partitive(&count, of_them);
        self.close_count(&count, &found, run);
        let governing = found.in_clause.or(found.in_sentence);
        let context = (governing, out.last());
        let (subject, side) = self.who_counted(&count, of_them, measure.as_ref(), context);
        Some(FigureMention {
            measure,
            subject,
            claim: self.claim(&count),
            token: n.number_start,
            part_of,
            reason,
            side,
            population,
            one_person: n.kind == NumberKind::Indefinite,
            joined,
            additional,
            more,
            share,
            running: self.running_total(n),
        })
    }

    /// True when count `n`, a part (`part_of`) of the figure before it (`out`), is listed
    /// among the dead or wounded that figure counts ("12 people were killed, including seven
    /// policemen and four residents": dead, whatever word says where they live). A part is
    /// no larger than its total: "killed two people in A, a town of 4,000 residents" tells a
    /// population.
    fn listed_among_casualties(
        &self,
        n: &NumberExpr,
        part_of: PartOf,
        out: &[FigureMention],
    ) -> bool {
        part_of == PartOf::Previous
            && out.last().is_some_and(|t| {
                matches!(t.measure, Some(Measure::Killed | Measure::Injured))
                    && n.value <= t.claim.value
            })
    }

    /// True when the one person of count `c` ("a man") is counted: joined to a count of the
    /// dead or wounded before ("killed two women and a man": counted as they are), said to
    /// have died or been hurt, or joined to a casualty count after.
    fn one_person_kept(
        &self,
        c: &subject::Count,
        found: &measure::Candidates,
        measure: &Option<Measure>,
        joined: bool,
        run: &parts::Run,
        out: &[FigureMention],
    ) -> bool {
        let joined_casualty = joined
            && run.last_end.is_some_and(|e| {
                (e..c.n.start).any(|k| self.lex.has(Sec::CountJoiners, self.words[k]))
            })
            && matches!(measure, Some(Measure::Killed | Measure::Injured))
            && out.last().is_some_and(|f| &f.measure == measure);
        joined_casualty
            || self.one_person_counted(c, found, measure)
            || self.joined_to_next_casualty(c)
    }
}
