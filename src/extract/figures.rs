//! Stage 1, ingest/extract: figures in a sentence. Each counted amount gets what it counts
//! (a measure, from the verb or noun of its clause: "ontsnapt", "doden", "zitten ... vast",
//! "killed"), who is counted (the subject after it: "IS-strijders", "civilians"), its source,
//! and whether it is part of a breakdown ("onder wie", "including", "onder de doden").
//! Amounts that count nothing recognisable are kept as unattached, with the reason.

use super::attribution::{is_boundary, SourceMention};
use super::lexicon::Lexicon;
use super::lexicon::Sec;
use super::numbers::{NumberExpr, NumberKind};
use super::one_person::named_by_noun_before;
use super::relative_clauses::verb_after_relative;
use super::status_nouns::{fate_of_head, killing_after_and};
use super::subjects::{group_after_of, side_of, subject_after};
use super::text::{Kind, Token};
use crate::model::{Claim, Measure, TextSpan};

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
}

/// True when only a comma and/or a coordinator that adds (the lexicon's `count_joiners`:
/// "and", not "or") stand between a count ending at token `end` and the next count
/// starting at `start`: "40 soldiers and 8 police", "three men, two women".
fn joins_counts(lex: &Lexicon, words: &[&str], end: usize, start: usize) -> bool {
    let between = words.get(end..start).unwrap_or_default();
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

/// True for a measure used as a noun naming its victim after "of" ("to condemn the killing of
/// an official", "de dood van", "and injuring of 3 others"): it says what happened to whom follows, not to a count
/// before it.
fn names_its_victim(
    lex: &Lexicon,
    toks: &[Token],
    words: &[&str],
    m: &super::lexicon::Match<'_>,
) -> bool {
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

/// How many words may stand between the article and the coordinator before a noun joined
/// to another ("the abduction and killing of", "the brutal abduction and killing of").
const JOINED_NOUN_WORDS: usize = 3;

/// True when measure `m` is a noun for people it names itself ("gunmen", "prisoners",
/// "refugees") standing after the count's words (which end at `subject_end`): it counts
/// only its own number ("six gunmen"), not a count of other people before it ("hundreds
/// marched over a killing by unknown gunmen"). Nouns for the dead and wounded ("leaving 20
/// people dead") still measure the count before them.
fn names_other_people(
    lex: &Lexicon,
    words: &[&str],
    m: &super::lexicon::Match<'_>,
    subject_end: usize,
) -> bool {
    m.start > subject_end
        && m.end == m.start + 1
        && lex.has(Sec::MeasureNouns, words[m.start])
        && !matches!(Measure::parse(m.value), Measure::Killed | Measure::Injured)
}

/// How many words (a subject) may stand between a count and the measure that ends it
/// ("25 civilians killed").
const SUBJECT_BEFORE_MEASURE: usize = 3;
/// How many words an "of" phrase may add between a definite person and its passive measure
/// ("the leader of the local farmers' union was killed").
const OF_PHRASE_WORDS: usize = 5;

/// How many auxiliaries ("werden", "zouden er") may stand between an adverb that adds and the
/// count it adds ("ook werden drie militanten gedood"), counting the adverb.
const ADVERB_WORDS: usize = 3;

/// How long (in words) a bracketed aside inside a clause may be.
const ASIDE_WORDS: usize = 10;

/// The bracketed breakdown right after a count ("19 (12 soldiers and 7 civilians) were
/// wounded"): the token range from "(" to ")" when it is a short aside that holds a number
/// and names no place (a breakdown by place is a list of places, not of people).
fn breakdown_aside(
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
    // "drivers held a protest": a measure word in a phrase that means something else.
    let not_measures = lex.patterns(Sec::NotMeasures).find_all(words, from, to);
    let measures: Vec<_> = lex
        .patterns(Sec::Measures)
        .find_all(words, from, to)
        .into_iter()
        .filter(|m| {
            !not_measures
                .iter()
                .any(|x| (x.start..x.end).contains(&m.start))
        })
        .collect();
    let next_to = lex
        .patterns(Sec::AdjacentMeasures)
        .find_all(words, from, to);
    let parts = lex.patterns(Sec::PartOf).find_all(words, from, to);
    let refer_back = !lex
        .patterns(Sec::ReferBack)
        .find_all(words, from, to)
        .is_empty();
    // Clause boundaries of the sentence, looked up once: every figure asks for its clause.
    let mut boundary: Vec<bool> = (from..to).map(|j| is_boundary(lex, &toks[j])).collect();
    // A short bracketed aside ("(CPI-Maoist)", "(beheaded)") does not end the clause; nor
    // does a part of a count between commas ("3 civilians, including a commander, were").
    for j in from..to {
        let close = match words[j] {
            "(" => ")",
            "," if parts.iter().any(|p| p.start == j + 1) => ",",
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
    let opens: Vec<bool> = (from..to)
        .map(|j| boundary[j - from] && !Sec::Complementizers.in_any_language(&toks[j].lower))
        .collect();
    let clause_of = |i: usize| -> (usize, usize) {
        let s = (from..i)
            .rev()
            .find(|&j| opens[j - from])
            .map_or(from, |j| j + 1);
        let e = (i + 1..to).find(|&j| boundary[j - from]).unwrap_or(to);
        (s, e)
    };
    let in_source = |i: usize| sources.iter().any(|s| (s.start..s.end).contains(&i));
    let mut out: Vec<FigureMention> = Vec::new();
    // Where the last count read ends (its number and subject).
    let mut last_end: Option<usize> = None;
    // The bracketed breakdown after the last count that had one: its counts are its parts.
    let mut open_aside: Option<(usize, usize)> = None;
    for n in numbers
        .iter()
        .filter(|n| matches!(n.kind, NumberKind::Count | NumberKind::Indefinite))
        .filter(|n| !in_source(n.number_start))
    {
        // "between 40 and 50 people": the low end counts the people the high end names.
        let (mut ss, mut se) = subject_after(lex, toks, words, n.high_end.unwrap_or(n.end), to);
        // "nine were children": the subject after a copula.
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
        let (cs, ce) = clause_of(n.number_start);
        // A measure in a source's name or in the count itself says nothing of it; nor does
        // one after it that names its own victim ("the killing of ...").
        let near = |m: &&super::lexicon::Match<'_>| {
            let inside = in_source(m.start) || (n.start..n.end).contains(&m.start);
            let others = names_other_people(lex, words, m, se.max(n.end));
            !(inside || others) && (m.start < n.end || !names_its_victim(lex, toks, words, m))
        };
        let distance = |m: &super::lexicon::Match<'_>| m.start.abs_diff(n.number_start);
        // The measure right before the number governs it ("killing three and wounding
        // four"); else the first one after it and before the next number ("two were killed
        // and three others injured"); else the nearest in the clause.
        // ("3 civilians including a commander were kidnapped and killed": a part of the
        // count named inside it is no next number.)
        // ("19 (12 soldiers and 7 civilians) were wounded": the counts of a breakdown in
        // brackets right after it are no next number either.)
        let aside = breakdown_aside(lex, toks, words, se.max(n.end), to);
        let in_aside = |s: usize| aside.is_some_and(|(a, b)| a < s && s < b);
        // ("a man was seized by four men and stabbed to death": nor is who did it, named after
        // "by" inside the count's own passive.)
        let agent = |s: usize| s > from && lex.has(Sec::AgentMarkers, words[s - 1]);
        let next_number = numbers
            .iter()
            .map(|o| o.start)
            .find(|&s| {
                s > n.number_start
                    && !parts.iter().any(|p| p.end == s && p.start >= n.end)
                    && !in_aside(s)
                    && !agent(s)
            })
            .unwrap_or(to);
        let clause: Vec<&super::lexicon::Match<'_>> = measures
            .iter()
            .filter(near)
            .filter(|m| m.start >= cs && m.start < ce)
            .collect();
        // ("clashed with 4 gunmen and killed 1 of them": a verb right before another count is
        // that count's; not a verb right after the count's own words: "2 gunmen shot a guard",
        // "1 killed 3 injured".)
        let others_verb = |m: &super::lexicon::Match<'_>| {
            m.start > se.max(n.end)
                && numbers
                    .iter()
                    .any(|o| o.start == m.end && o.number_start != n.number_start)
        };
        let following = clause
            .iter()
            .filter(|m| m.start >= n.end && m.start < next_number)
            .filter(|m| !others_verb(m))
            .min_by_key(|m| m.start)
            .copied()
            // "twelve prisoners were killed": the fate of whom the count names.
            .map(|m| fate_of_head(lex, toks, words, m, &clause, next_number).unwrap_or(m))
            // "were kidnapped and killed": the killing.
            .map(|m| killing_after_and(lex, toks, words, m, &clause, next_number).unwrap_or(m));
        // "25 civilians killed 80 injured" (a headline's comma lost): a measure that ends a
        // count before it does not govern the next number when one follows that number.
        let ends_count_before = |m: &super::lexicon::Match<'_>| {
            numbers.iter().any(|o| {
                o.kind == NumberKind::Count
                    && o.end <= m.start
                    && m.start - o.end <= SUBJECT_BEFORE_MEASURE
                    && (o.end..m.start).all(|j| toks[j].kind == Kind::Word)
            })
        };
        let governing = clause
            .iter()
            .find(|m| m.end == n.start)
            .copied()
            .filter(|m| !(ends_count_before(m) && following.is_some_and(|f| f.start == n.end)));
        // "the toll reached 3": a measure before the number speaks for it before one after.
        let preceding = clause
            .iter()
            .filter(|m| m.end <= n.start)
            .max_by_key(|m| m.end)
            .copied();
        // "1 death", "the body of a man": a measure that counts only the number next to it.
        let adjacent = next_to
            .iter()
            .find(|m| m.end == n.start || m.start == n.end || m.start == se.max(n.end));
        // "41 people who sustained injuries": a relative clause right after the count's
        // subject says what happened to them, before a measure further back.
        let relative = se.max(n.end);
        let in_relative = words
            .get(relative)
            .is_some_and(|w| lex.has(Sec::RelativePronouns, w))
            .then(|| {
                measures
                    .iter()
                    .filter(near)
                    .filter(|m| {
                        m.start > relative && m.start <= relative + 1 + SUBJECT_BEFORE_MEASURE
                    })
                    .find(|m| m.start < next_number)
            })
            .flatten();
        // "a guard who had worked there for years was shot dead": the verb after the clause.
        let near_measures: Vec<&super::lexicon::Match<'_>> = measures.iter().filter(near).collect();
        let after_relative =
            verb_after_relative(lex, toks, words, relative, &near_measures, next_number);
        // "36 men beat a trader to death": a verb right after the count's words with the next
        // count as its object makes the count who did it; a measure after that object is the
        // object's, not the count's.
        let verb_at = se.max(n.end);
        let acts_on_next = next_number < to
            && next_number > verb_at
            && next_number - verb_at <= 2
            && toks[verb_at].kind == Kind::Word
            && !lex.has(Sec::Stop, words[verb_at])
            && !lex.has(Sec::Coordinators, words[verb_at])
            && !measures.iter().any(|m| m.start == verb_at)
            && !parts.iter().any(|p| p.start == verb_at);
        let own_side = |m: &super::lexicon::Match<'_>| {
            let past_next = acts_on_next && m.start >= next_number;
            !(past_next || others_verb(m))
        };
        let in_clause = adjacent
            .or(governing)
            .or(following)
            .or(in_relative)
            .or(after_relative)
            .or(preceding)
            .or_else(|| {
                clause
                    .iter()
                    .filter(|m| own_side(m))
                    .min_by_key(|m| distance(m))
                    .copied()
            });
        // "hundreds of residents protested after a guard shot dead two traders": a measure
        // in a clause about the event's cause says nothing of a count before it.
        let behind_cause = |m: &&super::lexicon::Match<'_>| {
            m.start > n.end
                && words[n.end..m.start]
                    .iter()
                    .any(|w| lex.has(Sec::CauseClauses, w))
        };
        let in_sentence = measures
            .iter()
            .filter(near)
            .filter(|m| !behind_cause(m))
            .filter(|m| own_side(m))
            .min_by_key(|m| distance(m));
        let measure = match (in_clause, in_sentence) {
            (Some(m), _) => Some(Measure::parse(m.value)),
            (None, Some(m)) if people || se == ss => Some(Measure::parse(m.value)),
            // "het gaat om ...": the measure of the sentence before.
            _ if refer_back && people => previous.cloned(),
            _ => None,
        };
        // "300 shells", "13 missiles": a count of things, not of people ("four of them" counts
        // the people named before).
        let partitive = words
            .get(ss)
            .is_some_and(|w| Sec::GenitiveOf.in_any_language(w));
        // Deaths and injuries are of people unless the words say what else ("killing 20
        // sheep"): the list of words for people is never complete ("four citizens").
        let casualty_measure = matches!(measure, Some(Measure::Killed | Measure::Injured));
        let thing_word = subject_words.iter().any(|w| lex.has(Sec::Things, w));
        // "damaging two houses": the measure word itself counts things.
        let thing_counted = words.get(n.end).is_some_and(|w| lex.has(Sec::Things, w));
        let things = (se > ss
            && !people
            && !partitive
            && measure.is_some()
            && (thing_word || !casualty_measure))
            || thing_counted;
        // "shot dead by four armed men": who did it, not who died.
        let by_agent = n.start > from && Sec::AgentMarkers.in_any_language(words[n.start - 1]);
        // "a mob of 36 men killed a trader": the count's verb, active, with one person as
        // its object ("a trader", "the guard", "him"; not a bare number, as in a headline's
        // "12 killed 3 wounded", nor "wounded the day before") says what they did.
        let does_to_person = following.is_some_and(|m| {
            m.start == verb_at
                && m.end == m.start + 1
                && matches!(Measure::parse(m.value), Measure::Killed | Measure::Injured)
                && numbers
                    .iter()
                    .any(|o| o.start == m.end && o.kind == NumberKind::Indefinite)
        });
        let by_agent = by_agent || does_to_person;
        let measure = if by_agent && (people || se == ss) {
            Some(Measure::Attackers)
        } else {
            measure
        };
        let measure = if things { None } else { measure };
        // "a man was shot dead", "killing a civilian": one person, only when the measure
        // governs or follows it (not "an official said ...").
        let casualty = matches!(measure, Some(Measure::Killed | Measure::Injured));
        // "the victim died", "killing him": a definite person only with the measure right
        // around it ("the detainee was responsible for the killing" counts no one).
        let definite = !lex.has(Sec::Indefinite, words[n.number_start]);
        // ("the leader of a local militia was shot dead": a phrase with "of" and a passive
        // verb right before the measure still make the person its subject.)
        let of_phrase_subject = |m: &super::lexicon::Match<'_>| {
            let end = n.end;
            end < m.start
                && words[end..m.start]
                    .iter()
                    .any(|w| Sec::GenitiveOf.in_any_language(w))
                && lex.has(Sec::PassiveAuxiliaries, words[m.start - 1])
                && m.start - end <= SUBJECT_BEFORE_MEASURE + OF_PHRASE_WORDS
                && !(end..m.start).any(|j| is_boundary(lex, &toks[j]))
        };
        let following = following.filter(|m| {
            !definite
                || m.start.saturating_sub(se.max(n.end)) <= SUBJECT_BEFORE_MEASURE
                || of_phrase_subject(m)
        });
        // ("a photographer saw wounded children": a measure right before a word for people
        // describes those people, not the one person.)
        // ("over the death of a student killed by police": only a measure right by the
        // noun that names the victim counts them.)
        // ("died of her injuries": the person inside the measure's own words.)
        let enclosing = clause
            .iter()
            .find(|m| m.start < n.number_start && n.end <= m.end)
            .copied();
        let own_verbs = if named_by_noun_before(lex, words, n.number_start) {
            [adjacent, None, None, None, None]
        } else {
            [adjacent, governing, following, after_relative, enclosing]
        };
        let of_that_person = own_verbs
            .into_iter()
            .flatten()
            .any(|m| !words.get(m.end).is_some_and(|w| lex.is_people(w)));
        if n.kind == NumberKind::Indefinite && !(casualty && of_that_person) {
            continue;
        }
        // "where 250,000 people live": a population ("claiming the lives of four" is not).
        let population = in_clause.or(in_sentence).is_some_and(|m| {
            !matches!(Measure::parse(m.value), Measure::Killed | Measure::Injured)
                && words[m.start..m.end]
                    .iter()
                    .any(|w| lex.has(Sec::PopulationWords, w))
        });
        // "four civilians (two of them students)": a part of the count before.
        let of_them = words
            .get(n.end)
            .is_some_and(|w| Sec::GenitiveOf.in_any_language(w))
            && words
                .get(n.end + 1)
                .is_some_and(|w| lex.has(Sec::PartitivePronouns, w));
        let in_breakdown = open_aside.is_some_and(|(a, b)| a < n.start && n.start < b);
        let part_of = match parts.iter().rev().find(|p| p.end <= n.start) {
            _ if (of_them || in_breakdown) && !out.is_empty() => PartOf::Previous,
            Some(p)
                if words[p.start..p.end]
                    .iter()
                    .any(|w| Sec::AmongPrepositions.in_any_language(w))
                    && words.get(p.end).is_some_and(|w| {
                        lex.patterns(Sec::Measures)
                            .match_at(words, p.end, to)
                            .is_some()
                            || lex.has(Sec::MeasureNouns, w)
                    }) =>
            {
                PartOf::Total
            }
            Some(_) if !out.is_empty() => PartOf::Previous,
            Some(_) => PartOf::Total,
            None => PartOf::None,
        };
        // "killing two people including a child and causing injuries": a part counts what
        // its total counts unless a measure stands right by it ("including a child hurt").
        let own_measure = adjacent.is_some()
            || governing.is_some()
            || following.is_some_and(|m| {
                m.start <= n.end + 2
                    && !words[n.end..m.start]
                        .iter()
                        .any(|w| lex.has(Sec::Coordinators, w))
            });
        let measure = match out.last() {
            Some(total) if part_of == PartOf::Previous && !own_measure && measure.is_some() => {
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
        // ("causing his death": the noun after the person is what happened, not who.)
        let generic = subject_words.iter().all(|w| {
            lex.has(Sec::MeasureNouns, w)
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
        // ("two of them": who is counted is named before, not by the pronoun; "two of them
        // students": by the words after it.)
        let named_from = if of_them && ss == n.end { ss + 2 } else { ss };
        let subject = match of_group {
            Some((s, e)) => Some(text[toks[s].start..toks[e - 1].end].to_string()),
            None => (se_trim > named_from && !generic)
                .then(|| text[toks[named_from].start..toks[se_trim - 1].end].to_string()),
        };
        let span_end = match of_group {
            Some((_, e)) => toks[e - 1].end,
            None => toks[if se > ss { se } else { n.end } - 1].end,
        };
        let source = sources
            .iter()
            .min_by_key(|s| (s.cue < n.start, s.cue.abs_diff(n.start)))
            .map(|s| s.name.clone());
        let mut claim =
            Claim::new(n.value, n.qualifier).with_text(&text[toks[n.start].start..span_end]);
        claim.source = source;
        claim.span = Some(TextSpan {
            file: file.to_string(),
            start: toks[n.start].start,
            end: span_end,
        });
        let reason = match (&measure, people) {
            _ if things => {
                let counted = if subject_words.is_empty() {
                    words.get(n.end).copied().unwrap_or_default().to_string()
                } else {
                    subject_words.join(" ")
                };
                Some(format!("counts {counted:?}, not people"))
            }
            (Some(_), _) => None,
            (None, true) => Some("no measure (what happened to them?) in the sentence".to_string()),
            (None, false) => Some("counts no people and has no measure".to_string()),
        };
        let joined = last_end.is_some_and(|e| joins_counts(lex, words, e, n.start));
        // "also 4 militants were killed", "4 militants were also killed", "the blast also
        // killed 4": an adverb that adds, by the count or its own measure.
        let adds = |j: usize| {
            words
                .get(j)
                .is_some_and(|w| lex.has(Sec::AdditiveAdverbs, w))
        };
        // ("ook werden drie militanten gedood": an auxiliary or "er" may stand between.)
        let helper = |w: &str| {
            lex.has(Sec::PassiveAuxiliaries, w)
                || lex.has(Sec::Auxiliaries, w)
                || Sec::DummySubjects.in_any_language(w)
        };
        let before_count = (from..n.start)
            .rev()
            .take(ADVERB_WORDS)
            .find(|&j| !helper(words[j]));
        // ("three more died", "two additional guards": a word right after the number.)
        let more = words
            .get(n.end)
            .is_some_and(|w| lex.has(Sec::AdditiveAfterCount, w));
        let additional = more
            || before_count.is_some_and(adds)
            || governing.is_some_and(|m| m.start > from && adds(m.start - 1))
            || following.is_some_and(|m| (se.max(n.end)..m.start).any(adds));
        last_end = Some(se.max(n.end));
        // ("19 were wounded (12 soldiers and 7 civilians)": or right after its measure.)
        let aside = aside.or_else(|| {
            let m = following.filter(|m| m.start <= se.max(n.end) + 1)?;
            breakdown_aside(lex, toks, words, m.end, to)
        });
        if aside.is_some() {
            open_aside = aside;
        }
        out.push(FigureMention {
            measure,
            subject,
            claim,
            token: n.number_start,
            part_of,
            reason,
            side: side_of(lex, of_group.map_or(subject_words, |(s, e)| &words[s..e])),
            population,
            one_person: n.kind == NumberKind::Indefinite,
            joined,
            additional,
            more,
        });
    }
    // "No one was killed": a toll of none; its "one" is no count of its own.
    let zeros = super::none_reported::none_reported(lex, text, file, toks, words, from, to);
    let in_zero = |f: &FigureMention| {
        zeros
            .iter()
            .filter_map(|z| z.claim.span.as_ref())
            .any(|span| {
                let at = toks[f.token].start;
                span.start <= at && at < span.end
            })
    };
    out.retain(|f| !in_zero(f));
    out.extend(zeros);
    // A source named before all figures applies to those after it; the nearest one wins.
    for f in &mut out {
        if let Some(s) = sources
            .iter()
            .filter(|s| s.cue < f.token)
            .max_by_key(|s| s.cue)
        {
            f.claim.source = Some(s.name.clone());
        }
    }
    out
}
