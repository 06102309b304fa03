//! Which measure governs a count: among the measures of its sentence, the one adjacent to
//! it, governing it, following it, in a relative clause after it, before it, nearest in its
//! clause or else nearest in the sentence.

use super::sentence::Sentence;
use super::subject::Count;
use crate::extract::lexicon::{Lexicon, Match, Sec};
use crate::extract::numbers::{NumberExpr, NumberKind};
use crate::extract::relative_clauses::verb_after_relative;
use crate::extract::status_nouns::{died_of_wounds, fate_of_head, killing_after_and, RELEASED};
use crate::extract::text::{Kind, Token};
use crate::model::Measure;

/// How many words (a subject) may stand between a count and the measure that ends it
/// ("25 civilians killed").
pub(super) const SUBJECT_BEFORE_MEASURE: usize = 3;

/// How many words may stand between the article and the coordinator before a noun joined
/// to another ("the abduction and killing of", "the brutal abduction and killing of").
const JOINED_NOUN_WORDS: usize = 3;

/// The measures that may govern one count, found in its clause and sentence.
pub(super) struct Candidates<'s, 'a> {
    /// The measures of the count's clause that may speak of it.
    pub clause: Vec<&'s Match<'a>>,
    /// "1 death", "the body of a man": a measure that counts only the number next to it.
    pub adjacent: Option<&'s Match<'a>>,
    /// The measure right before the number ("killing three").
    pub governing: Option<&'s Match<'a>>,
    /// The first measure after the number and before the next one ("two were killed").
    pub following: Option<&'s Match<'a>>,
    /// "a guard who had worked there for years was shot dead": the verb after the clause.
    pub after_relative: Option<&'s Match<'a>>,
    /// The measure chosen in the clause.
    pub in_clause: Option<&'s Match<'a>>,
    /// The measure nearest in the sentence, for a count whose clause has none.
    pub in_sentence: Option<&'s Match<'a>>,
}

/// The most words back a casualty verb may stand before the last item of a list it takes
/// ("killed the village head, his assistant and four other residents").
const LIST_REACH: usize = 16;

/// True for a measure that speaks only of the count it governs or follows ("released 40
/// prisoners", "40 prisoners were released"): a group "released a video showing 3 men" says
/// nothing of the men.
fn bound_to_its_count(m: &Match<'_>) -> bool {
    m.value == RELEASED
}

/// True for a measure used as a noun naming its victim after "of" ("to condemn the killing of
/// an official", "de dood van", "and injuring of 3 others"): it says what happened to whom
/// follows, not to a count before it.
fn names_its_victim(lex: &Lexicon, toks: &[Token], words: &[&str], m: &Match<'_>) -> bool {
    let article = m.start > 0 && lex.has(Sec::Articles, words[m.start - 1]);
    // "the abduction and killing of a trader": the second of two joined nouns.
    let joined_noun = m.start > 1
        && lex.has(Sec::Coordinators, words[m.start - 1])
        && words[m.start.saturating_sub(JOINED_NOUN_WORDS + 1)..m.start - 1]
            .iter()
            .any(|w| lex.has(Sec::Articles, w));
    let article = article || joined_noun;
    // "the killing of 1 militant and injuring of 3 others": a count right after "of".
    let count_after = toks.get(m.end + 1).is_some_and(|t| t.kind == Kind::Number)
        || words
            .get(m.end + 1)
            .is_some_and(|w| lex.value(Sec::Numbers, w).is_some() && !lex.has(Sec::Articles, w));
    (article || count_after)
        && words
            .get(m.end)
            .is_some_and(|w| Sec::GenitiveOf.in_any_language(w))
}

/// True when measure `m` is a noun for people it names itself ("gunmen", "prisoners",
/// "refugees") standing after the count's words (which end at `subject_end`): it counts
/// only its own number ("six gunmen"), not a count of other people before it ("hundreds
/// marched over a killing by unknown gunmen"). Nouns for the dead and wounded ("leaving 20
/// people dead") still measure the count before them.
fn names_other_people(lex: &Lexicon, words: &[&str], m: &Match<'_>, subject_end: usize) -> bool {
    m.start > subject_end
        && m.end == m.start + 1
        && lex.has(Sec::MeasureNouns, words[m.start])
        && !matches!(Measure::parse(m.value), Measure::Killed | Measure::Injured)
}

impl<'a> Sentence<'a> {
    /// True when measure `m` may speak of count `c`. A measure in a source's name or in the
    /// count itself says nothing of it; nor does one after it that names its own victim
    /// ("the killing of ...") or other people ("by unknown gunmen"), nor a noun for the
    /// attackers acting on the count ("gunmen shot two men").
    fn near(&self, c: &Count, m: &Match<'_>) -> bool {
        let n = c.n;
        let inside = self.in_source(m.start) || (n.start..n.end).contains(&m.start);
        let others = names_other_people(self.lex, self.words, m, c.words_end());
        !(inside || others || self.agent_of_verb_on(c, m))
            && (m.start < n.end || !names_its_victim(self.lex, self.toks, self.words, m))
    }

    /// Where the next count after `n` starts, or the sentence's end. "3 civilians including a
    /// commander were kidnapped and killed": a part of the count named inside it is no next
    /// number; "19 (12 soldiers and 7 civilians) were wounded": nor are the counts of a
    /// breakdown in brackets right after it (`aside`); "a man was seized by four men and
    /// stabbed to death": nor is who did it, named after "by" inside the count's own passive.
    pub fn next_number(&self, n: &NumberExpr, aside: Option<(usize, usize)>) -> usize {
        let in_aside = |s: usize| aside.is_some_and(|(a, b)| a < s && s < b);
        let agent = |s: usize| s > self.from && self.lex.has(Sec::AgentMarkers, self.words[s - 1]);
        self.numbers
            .iter()
            .filter(|o| o.kind != NumberKind::Age)
            .map(|o| o.start)
            .find(|&s| {
                s > n.number_start
                    && !self.parts.iter().any(|p| p.end == s && p.start >= n.end)
                    && !in_aside(s)
                    && !agent(s)
            })
            .unwrap_or(self.to)
    }

    /// The measures that may govern count `c`, and the one its clause gives it. The measure
    /// right by the number governs it ("1 death"; "killing three and wounding four"); else the
    /// first one after it and before the next number ("two were killed and three others
    /// injured"); else one in a relative clause after it; else one before it; else the
    /// nearest in the clause.
    pub fn candidates<'s>(&'s self, c: &Count) -> Candidates<'s, 'a> {
        let n = c.n;
        let (cs, ce) = c.clause;
        let clause: Vec<&Match<'a>> = self
            .measures
            .iter()
            .filter(|m| self.near(c, m))
            .filter(|m| m.start >= cs && m.start < ce)
            .collect();
        let following = self.following(c, &clause);
        let governing = self.governing(c, &clause, following);
        // "the toll reached 3": a measure before the number speaks for it before one after.
        let preceding = clause
            .iter()
            .filter(|m| !bound_to_its_count(m))
            .filter(|m| m.end <= n.start)
            .max_by_key(|m| m.end)
            .copied();
        let adjacent = self
            .next_to
            .iter()
            .find(|m| m.end == n.start || m.start == n.end || m.start == c.words_end());
        let near_measures: Vec<&Match<'a>> =
            self.measures.iter().filter(|m| self.near(c, m)).collect();
        let (lex, toks, words) = (self.lex, self.toks, self.words);
        let after_relative = verb_after_relative(
            lex,
            toks,
            words,
            c.words_end(),
            &near_measures,
            c.next_number,
        );
        let acts_on_next = self.acts_on_next(c);
        let in_clause = adjacent
            .or(governing)
            .or(following)
            .or(self.in_relative(c))
            .or(after_relative)
            .or(preceding)
            .or_else(|| {
                clause
                    .iter()
                    .filter(|m| !bound_to_its_count(m))
                    .filter(|m| self.own_side(c, acts_on_next, m))
                    .min_by_key(|m| m.start.abs_diff(n.number_start))
                    .copied()
            });
        let in_sentence = self.in_sentence(c, acts_on_next);
        Candidates {
            clause,
            adjacent,
            governing,
            following,
            after_relative,
            in_clause,
            in_sentence,
        }
    }

    /// True when measure `m` is the verb of another count: "clashed with 4 gunmen and killed 1
    /// of them": a verb right before another count is that count's; not a verb right after the
    /// count's own words ("2 gunmen shot a guard", "1 killed 3 injured").
    fn others_verb(&self, c: &Count, m: &Match<'_>) -> bool {
        m.start > c.words_end()
            && self
                .numbers
                .iter()
                .any(|o| o.start == m.end && o.number_start != c.n.number_start)
    }

    /// The first measure of the clause after the count and before the next one: "twelve
    /// prisoners were killed": the fate of whom the count names; "were kidnapped and killed":
    /// the killing.
    fn following<'s>(&self, c: &Count, clause: &[&'s Match<'a>]) -> Option<&'s Match<'a>> {
        let (lex, toks, words, next) = (self.lex, self.toks, self.words, c.next_number);
        self.first_after(c, clause)
            .map(|m| fate_of_head(lex, toks, words, m, clause, next).unwrap_or(m))
            .map(|m| killing_after_and(lex, toks, words, m, clause, next).unwrap_or(m))
            .map(|m| died_of_wounds(lex, toks, words, m, clause, next).unwrap_or(m))
    }

    /// The first measure of the clause after count `c` and before the next one.
    fn first_after<'s>(&self, c: &Count, clause: &[&'s Match<'a>]) -> Option<&'s Match<'a>> {
        clause
            .iter()
            .filter(|m| m.start >= c.n.end && m.start < c.next_number)
            .filter(|m| !self.others_verb(c, m))
            .min_by_key(|m| m.start)
            .copied()
    }

    /// True when count `c` counts wounded people who then died ("two of the wounded later
    /// died"): more dead, on top of any count of the dead before (see
    /// [`died_of_wounds`]).
    pub fn counts_died_of_wounds(&self, c: &Count, found: &Candidates) -> bool {
        let (lex, toks, words) = (self.lex, self.toks, self.words);
        self.first_after(c, &found.clause).is_some_and(|head| {
            died_of_wounds(lex, toks, words, head, &found.clause, c.next_number)
                .is_some_and(|verb| found.following.is_some_and(|f| f.start == verb.start))
        })
    }

    /// The measure that ends right before the number ("killing three"). "25 civilians killed
    /// 80 injured" (a headline's comma lost): a measure that ends a count before it does not
    /// govern the next number when one follows that number.
    fn governing<'s>(
        &self,
        c: &Count,
        clause: &[&'s Match<'a>],
        following: Option<&'s Match<'a>>,
    ) -> Option<&'s Match<'a>> {
        let n = c.n;
        let ends_count_before = |m: &Match<'_>| {
            self.numbers.iter().any(|o| {
                o.kind == NumberKind::Count
                    && o.end <= m.start
                    && m.start - o.end <= SUBJECT_BEFORE_MEASURE
                    && (o.end..m.start).all(|j| self.toks[j].kind == Kind::Word)
            })
        };
        clause
            .iter()
            .find(|m| m.end == n.start)
            .copied()
            .filter(|m| !(ends_count_before(m) && following.is_some_and(|f| f.start == n.end)))
    }

    /// "41 people who sustained injuries": a relative clause right after the count's subject
    /// says what happened to them, before a measure further back.
    fn in_relative(&self, c: &Count) -> Option<&Match<'a>> {
        let relative = c.words_end();
        self.words
            .get(relative)
            .is_some_and(|w| self.lex.has(Sec::RelativePronouns, w))
            .then(|| {
                self.measures
                    .iter()
                    .filter(|m| self.near(c, m))
                    .filter(|m| {
                        m.start > relative && m.start <= relative + 1 + SUBJECT_BEFORE_MEASURE
                    })
                    .find(|m| m.start < c.next_number)
            })
            .flatten()
    }

    /// "36 men beat a trader to death": a verb right after the count's words with the next
    /// count as its object makes the count who did it; a measure after that object is the
    /// object's, not the count's.
    fn acts_on_next(&self, c: &Count) -> bool {
        let (lex, words, next) = (self.lex, self.words, c.next_number);
        let verb_at = c.words_end();
        next < self.to
            && next > verb_at
            && next - verb_at <= 2
            && self.toks[verb_at].kind == Kind::Word
            && !lex.has(Sec::Stop, words[verb_at])
            && !lex.has(Sec::Coordinators, words[verb_at])
            && !self.measures.iter().any(|m| m.start == verb_at)
            && !self.parts.iter().any(|p| p.start == verb_at)
    }

    /// True when measure `m` is on the count's side of the sentence: not past the object of
    /// the count's own verb (see [`Sentence::acts_on_next`]) and not another count's verb.
    fn own_side(&self, c: &Count, acts_on_next: bool, m: &Match<'_>) -> bool {
        let past_next = acts_on_next && m.start >= c.next_number;
        !(past_next || self.others_verb(c, m))
    }

    /// The nearest measure of the sentence. "hundreds of residents protested after a guard
    /// shot dead two traders": a measure in a clause about the event's cause says nothing of
    /// a count before it.
    fn in_sentence(&self, c: &Count, acts_on_next: bool) -> Option<&Match<'a>> {
        let n = c.n;
        let behind_cause = |m: &Match<'_>| {
            m.start > n.end
                && self.words[n.end..m.start]
                    .iter()
                    .any(|w| self.lex.has(Sec::CauseClauses, w))
        };
        self.measures
            .iter()
            .filter(|m| self.near(c, m))
            .filter(|m| !bound_to_its_count(m))
            .filter(|m| !behind_cause(m))
            .filter(|m| self.own_side(c, acts_on_next, m))
            .min_by_key(|m| m.start.abs_diff(n.number_start))
    }

    /// "Gunmen shot two men": a noun for attackers right before the verb whose object is
    /// the count names who acted, not what the count is.
    fn agent_of_verb_on(&self, c: &Count, m: &Match<'_>) -> bool {
        let start = c.n.start;
        let verb = |j: usize| {
            self.toks[j].kind == Kind::Word
                && !self.lex.has(Sec::Stop, self.words[j])
                && !self.lex.has(Sec::Coordinators, self.words[j])
                && !Sec::CountCopulas.in_any_language(self.words[j])
                && !self.measures.iter().any(|o| (o.start..o.end).contains(&j))
        };
        Measure::parse(m.value) == Measure::Attackers
            && m.end < start
            && start - m.end <= 2
            && (m.end..start).all(verb)
    }

    /// The measure of count `c`: its clause's; else the sentence's, for people or a count
    /// with no subject; else, for people in "het gaat om ...", the measure of the sentence
    /// before.
    pub fn chosen_measure(&self, c: &Count, found: &Candidates) -> Option<Measure> {
        let people = c.subject.people;
        match (found.in_clause, found.in_sentence) {
            (Some(m), _) => Some(Measure::parse(m.value)),
            (None, Some(m)) if people || c.bare() => Some(Measure::parse(m.value)),
            _ if self.refer_back && people => self.previous.cloned(),
            _ => None,
        }
    }

    /// "killed the village head and four residents": the casualty measure before a count
    /// whose own noun is a word for who lives somewhere (and no other such word follows in
    /// its clause, as "live" would): those residents were struck, they are no population.
    pub fn struck_residents(&self, c: &Count, found: &Candidates) -> Option<Measure> {
        let own_noun = found.in_clause.filter(|m| {
            m.start >= c.n.end
                && m.end <= c.words_end()
                && self.words[m.start..m.end]
                    .iter()
                    .any(|w| self.lex.has(Sec::PopulationWords, w))
        })?;
        let lives_after =
            (own_noun.end..c.clause.1).any(|k| self.lex.has(Sec::PopulationWords, self.words[k]));
        // (Also across the commas of a list the count ends: "killed the village head, his
        // assistant and four other residents".)
        let listed = c.n.start > 0 && self.lex.has(Sec::Coordinators, self.words[c.n.start - 1]);
        let in_list = |m: &&Match<'_>| {
            listed
                && m.start + LIST_REACH >= c.n.start
                && !(m.end..c.n.start).any(|k| self.lex.has(Sec::ClauseBreaks, self.words[k]))
        };
        let casualty = found
            .clause
            .iter()
            .copied()
            .chain(self.measures.iter().filter(in_list))
            .filter(|m| m.end <= c.n.start)
            .max_by_key(|m| m.end)
            // ("killed two people in A, a town of 4,000 residents": the verb took its count.)
            .filter(|m| listed || !(m.end..c.n.start).any(|k| self.number_word(k)))
            .map(|m| Measure::parse(m.value))
            .filter(|m| matches!(m, Measure::Killed | Measure::Injured))?;
        (!lives_after).then_some(casualty)
    }

    /// True when token `k` is a number, in figures or in words ("12", "two").
    fn number_word(&self, k: usize) -> bool {
        self.toks[k].kind == Kind::Number || self.lex.value(Sec::Numbers, self.words[k]).is_some()
    }

    /// "where 250,000 people live": a population ("claiming the lives of four" is not).
    pub fn population(&self, found: &Candidates) -> bool {
        found.in_clause.or(found.in_sentence).is_some_and(|m| {
            !matches!(Measure::parse(m.value), Measure::Killed | Measure::Injured)
                && self.words[m.start..m.end]
                    .iter()
                    .any(|w| self.lex.has(Sec::PopulationWords, w))
        })
    }
}
