//! Who a count counts: the words after its number ("25 \[civilians\]", "two \[of the guards\]"),
//! whether they are people or things, and the claim's text and span they end.

use super::sentence::Sentence;
use super::FigureMention;
use crate::extract::lexicon::{Match, Sec};
use crate::extract::numbers::{NumberExpr, NumberKind};
use crate::extract::subjects::{group_after_of, side_of, subject_after};
use crate::model::{Claim, Measure, TextSpan};

/// The subject of a count: its words `start..end` (empty when none follow the number).
#[derive(Debug, Clone, Copy)]
pub(super) struct Subject {
    pub start: usize,
    pub end: usize,
    /// The people a partitive count is taken from ("two of [the guards]").
    pub of_group: Option<(usize, usize)>,
    /// The count counts people: "a man", a group after "of the", or a word for people.
    pub people: bool,
}

/// One count being read: its number, its subject and the reach of its clause.
pub(super) struct Count<'n> {
    pub n: &'n NumberExpr,
    pub subject: Subject,
    /// The clause around the number (`start..end`).
    pub clause: (usize, usize),
    /// The bracketed breakdown right after the count ("19 (12 soldiers and 7 civilians)").
    pub aside: Option<(usize, usize)>,
    /// Where the next count of the sentence starts (a part named inside this one, a count of
    /// its breakdown and who did it are none), or the sentence's end.
    pub next_number: usize,
}

impl Count<'_> {
    /// Where the count's own words end: its subject, or its number when none follows.
    pub fn words_end(&self) -> usize {
        self.subject.end.max(self.n.end)
    }

    /// No subject follows the number ("three were killed").
    pub fn bare(&self) -> bool {
        self.subject.end == self.subject.start
    }
}

impl Sentence<'_> {
    /// Reads what stands around count `n`: its subject, clause, breakdown and the next count.
    pub fn count<'n>(&self, n: &'n NumberExpr) -> Count<'n> {
        let subject = self.subject(n);
        let end = subject.end.max(n.end);
        let aside = super::parts::breakdown_aside(self.lex, self.toks, self.words, end, self.to);
        Count {
            n,
            subject,
            clause: self.clause_of_words(n),
            aside,
            next_number: self.next_number(n, aside),
        }
    }

    /// The clause of count `n`: from the clause of its first word to the end of the clause of
    /// its last ("a farmer, his wife and a child were killed": the list spans commas).
    fn clause_of_words(&self, n: &NumberExpr) -> (usize, usize) {
        let (start, _) = self.clause_of(n.number_start);
        let (_, end) = self.clause_of(n.number_start.max(n.end.saturating_sub(1)));
        (start, end)
    }

    /// The subject of count `n`: the run of words after its number ("between 40 and 50
    /// people": the low end counts the people the high end names), or after a copula when
    /// none follows the number ("nine were children").
    fn subject(&self, n: &NumberExpr) -> Subject {
        let (lex, toks, words, to) = (self.lex, self.toks, self.words, self.to);
        // ("a man and a boy sustained injuries": a list of persons ends with its last person;
        // the words after it are its verb's, no subject.)
        let persons_listed = n.kind == NumberKind::Indefinite
            && n.end > n.number_start + 1
            && n.end
                .checked_sub(1)
                .and_then(|j| words.get(j))
                .is_some_and(|w| lex.is_people(w) || lex.has(Sec::OnePerson, w));
        let (mut ss, mut se) = if persons_listed {
            (n.end, n.end)
        } else {
            subject_after(lex, toks, words, n.high_end.unwrap_or(n.end), to)
        };
        if se == ss
            && words
                .get(n.end)
                .is_some_and(|w| Sec::CountCopulas.in_any_language(w))
        {
            let (s2, e2) = subject_after(lex, toks, words, n.end + 1, to);
            if e2 > s2 && words[s2..e2].iter().any(|w| lex.is_people(w)) {
                (ss, se) = (s2, e2);
            }
        }
        let subject_words: &[&str] = &words[ss..se];
        // ("two of the guards": the people named after "of the".)
        let of_group = subject_words
            .first()
            .is_none_or(|w| Sec::GenitiveOf.in_any_language(w))
            .then(|| group_after_of(lex, toks, words, n.end, to))
            .flatten();
        let people = n.kind == NumberKind::Indefinite
            || of_group.is_some()
            || subject_words.iter().any(|w| lex.is_people(w));
        Subject {
            start: ss,
            end: se,
            of_group,
            people,
        }
    }

    /// The subject's words.
    fn subject_words(&self, c: &Count) -> &[&str] {
        &self.words[c.subject.start..c.subject.end]
    }

    /// True when the count counts things, not people. "300 shells", "13 missiles": a count of
    /// things ("four of them" counts the people named before). Deaths and injuries are of
    /// people unless the words say what else ("killing 20 sheep"): the list of words for
    /// people is never complete ("four citizens"). "damaging two houses": the measure word
    /// itself counts things. "one family", "two clans" killed or wounded: groups, whose people
    /// are not counted.
    pub fn counts_things(&self, c: &Count, measure: Option<&Measure>) -> bool {
        let (lex, words, s) = (self.lex, self.words, c.subject);
        let partitive = words
            .get(s.start)
            .is_some_and(|w| Sec::GenitiveOf.in_any_language(w));
        let casualty_measure = measure.is_some_and(Measure::is_casualty);
        let thing_word = self
            .subject_words(c)
            .iter()
            .any(|w| lex.has(Sec::Things, w));
        // ("one field hospital": a building, the last word of what is counted.)
        let thing_head = self
            .subject_words(c)
            .last()
            .is_some_and(|w| lex.has(Sec::ThingHeads, w));
        // ("hundreds of cattle": what "of" counts, right after it.)
        let of_things = partitive
            && words
                .get(s.start + 1)
                .is_some_and(|w| lex.has(Sec::Things, w));
        let thing_counted =
            of_things || words.get(c.n.end).is_some_and(|w| lex.has(Sec::Things, w));
        // ("10 members of one family", "two clans" killed: groups counted, not the dead in
        // them; the head is the last word before "of": "the leader of a movement" is a person.
        // Families driven from home are the unit the displaced are counted in.)
        let group_head = self
            .subject_words(c)
            .iter()
            .take_while(|w| !Sec::GenitiveOf.in_any_language(w))
            .last()
            .is_some_and(|w| lex.has(Sec::GroupNouns, w));
        (s.end > s.start
            && !s.people
            && !partitive
            && measure.is_some()
            && (thing_word || thing_head || !casualty_measure))
            || thing_counted
            || s.end > s.start && !partitive && group_head && casualty_measure
    }

    /// Who is counted, as written: the group after "of the", else the subject's words without
    /// a joiner left at their end. ("causing his death": the noun after the person is what
    /// happened, not who; "two of them": who is counted is named before, not by the pronoun;
    /// "two of them students": by the words after it.)
    pub fn subject_text(
        &self,
        c: &Count,
        of_them: bool,
        measure: Option<&Measure>,
    ) -> Option<String> {
        let (lex, text, toks, words) = (self.lex, self.text, self.toks, self.words);
        let (ss, se) = (c.subject.start, c.subject.end);
        // ("a farmer, his wife and a child": the persons listed are the subject.)
        let n = c.n;
        if n.kind == NumberKind::Indefinite && n.value > 1 && se == ss {
            return Some(text[toks[n.number_start].start..toks[n.end - 1].end].to_string());
        }
        // ("47 prisoners were killed": a word with a measure of its own, other than the
        // count's, names who was counted.)
        let names_who = |w: &str| {
            let own = lex
                .patterns(Sec::Measures)
                .match_at(&[w], 0, 1)
                .map(|m| Measure::parse(m.value));
            matches!((own, measure), (Some(o), Some(m)) if o != *m && !o.is_casualty())
        };
        let subject_words = self.subject_words(c);
        // ("zes dodelijke slachtoffers", "six fatal casualties": the words together are the
        // count's own measure.)
        let own_measure = lex
            .patterns(Sec::Measures)
            .match_at(subject_words, 0, subject_words.len())
            .is_some_and(|m| {
                m.end == subject_words.len() && Some(&Measure::parse(m.value)) == measure
            });
        let generic = own_measure
            || subject_words.iter().all(|w| {
                lex.has(Sec::MeasureNouns, w) && !names_who(w)
                    || Sec::GenericPeople.in_any_language(w)
                    || lex
                        .patterns(Sec::AdjacentMeasures)
                        .match_at(&[w], 0, 1)
                        .is_some()
            });
        let mut se_trim = se;
        while se_trim > ss && Sec::DanglingSubjectWords.in_any_language(words[se_trim - 1]) {
            se_trim -= 1;
        }
        let named_from = if of_them && ss == c.n.end { ss + 2 } else { ss };
        match c.subject.of_group {
            Some((s, e)) => Some(text[toks[s].start..toks[e - 1].end].to_string()),
            None => (se_trim > named_from && !generic)
                .then(|| text[toks[named_from].start..toks[se_trim - 1].end].to_string()),
        }
    }

    /// The claim of count `c`: its value and qualifier, its text from the qualifier to the end
    /// of its subject, and the source nearest to it (one before it before one after).
    pub fn claim(&self, c: &Count) -> Claim {
        let (toks, n) = (self.toks, c.n);
        let span_end = match c.subject.of_group {
            Some((_, e)) => toks[e - 1].end,
            None => {
                toks[if c.subject.end > c.subject.start {
                    c.subject.end
                } else {
                    n.end
                } - 1]
                    .end
            }
        };
        let source = self
            .sources
            .iter()
            .min_by_key(|s| (s.cue < n.start, s.cue.abs_diff(n.start)))
            .map(|s| s.name.clone());
        let mut claim =
            Claim::new(n.value, n.qualifier).with_text(&self.text[toks[n.start].start..span_end]);
        claim.source = source;
        claim.span = Some(TextSpan {
            file: self.file.to_string(),
            start: toks[n.start].start,
            end: span_end,
        });
        claim
    }

    /// Why count `c` has no measure (or counts things), for the explanation.
    pub fn reason(&self, c: &Count, measure: Option<&Measure>, things: bool) -> Option<String> {
        match (measure, c.subject.people) {
            _ if things => {
                let subject_words = self.subject_words(c);
                let counted = if subject_words.is_empty() {
                    self.words
                        .get(c.n.end)
                        .copied()
                        .unwrap_or_default()
                        .to_string()
                } else {
                    subject_words.join(" ")
                };
                Some(format!("counts {counted:?}, not people"))
            }
            (Some(_), _) => None,
            (None, true) => Some("no measure (what happened to them?) in the sentence".to_string()),
            (None, false) => Some("counts no people and has no measure".to_string()),
        }
    }

    /// Whom count `c` counts and their side: its subject's words, else the word for a side
    /// before the toll that governs it ("put the civilian death toll at 11": civilian), else,
    /// for "another" standing alone, the people of the count before it (`previous`: "killing
    /// one rebel and wounding another" wounds a rebel).
    pub fn who_counted(
        &self,
        c: &Count,
        of_them: bool,
        measure: Option<&Measure>,
        (governing, previous): (Option<&Match<'_>>, Option<&FigureMention>),
    ) -> (Option<String>, Option<String>) {
        let toll_word = self.toll_side_word(c, governing);
        let subject = self.subject_text(c, of_them, measure).or_else(|| {
            toll_word.map(|k| self.text[self.toks[k].start..self.toks[k].end].to_string())
        });
        let side = self
            .side(c)
            .or_else(|| toll_word.and_then(|k| self.toll_side(k)));
        match previous {
            Some(p) if subject.is_none() && side.is_none() && self.another_alone(c) => {
                (p.subject.clone(), p.side.clone())
            }
            _ => (subject, side),
        }
    }

    /// True when count `c` is an indefinite that is no article standing alone ("another"): the
    /// word for the person is left out.
    fn another_alone(&self, c: &Count) -> bool {
        let n = c.n;
        let w = self.words[n.number_start];
        n.kind == NumberKind::Indefinite
            && n.end == n.number_start + 1
            && c.bare()
            && self.lex.has(Sec::Indefinite, w)
            && !self.lex.has(Sec::Articles, w)
    }

    /// "put the civilian death toll at 11", "the military toll rose to 9": the word for a side
    /// right before the measure that governs a count with no subject of its own, when that
    /// measure ends in a toll noun (a lexicon's `toll_nouns`): its token, which says whose
    /// dead or wounded the count counts.
    fn toll_side_word(&self, c: &Count, governing: Option<&Match<'_>>) -> Option<usize> {
        let m =
            governing.filter(|m| m.end <= c.n.start && c.bare() && c.subject.of_group.is_none())?;
        let before = m.start.checked_sub(1).filter(|&k| k >= self.from)?;
        let casualty = Measure::parse(m.value).is_casualty();
        // (A toll noun, not a verb: "the militants killed him" names who killed.)
        let toll = self.lex.has(Sec::TollNouns, self.words[m.end - 1]);
        (casualty && toll && self.toll_side(before).is_some()).then_some(before)
    }

    /// The side the word at token `k` names before a toll: a word for a side's people
    /// ("civilians") or for one person of it ("civilian", "police").
    fn toll_side(&self, k: usize) -> Option<String> {
        let w = self.words[k];
        side_of(self.lex, &[w]).or_else(|| self.lex.value(Sec::PersonSides, w).map(str::to_string))
    }

    /// The side the counted people are on, from the group after "of the" or the subject.
    pub fn side(&self, c: &Count) -> Option<String> {
        let named = c
            .subject
            .of_group
            .map_or(self.subject_words(c), |(s, e)| &self.words[s..e]);
        side_of(self.lex, named)
    }
}
