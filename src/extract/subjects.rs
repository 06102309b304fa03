//! Stage 1, extract: who a count counts. The subject is the run of words after the number
//! ("zwaarbewapende IS-militanten", "police officers", "guards and members of the unit"), and
//! its side the lexicon's `sides` of its last word for people ("civilians", "soldiers").

use super::lexicon::Lexicon;
use super::lexicon::Sec;
use super::text::{Kind, Token};

/// Longest subject, in words.
const MAX_SUBJECT_WORDS: usize = 8;

/// The side of a subject, from its words (compounds by their last part: "IS-strijders").
pub(super) fn side_of(lex: &Lexicon, words: &[&str]) -> Option<String> {
    words
        .iter()
        .rev()
        .find_map(|w| {
            let last = w.rsplit('-').next().unwrap_or(w);
            lex.value(Sec::Sides, last).or_else(|| {
                lex.section(Sec::Sides)?
                    .values
                    .iter()
                    .find(|(k, _)| last.len() > k.len() + 2 && last.ends_with(k.as_str()))
                    .map(|(_, v)| v.as_str())
            })
        })
        .map(str::to_string)
}

fn subject_word(lex: &Lexicon, tok: &Token) -> bool {
    // "4 IS militants": an acronym in capitals is a name, whatever word it spells.
    let acronym = tok.upper && tok.lower.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    tok.kind == Kind::Word
        && (acronym || !lex.has(Sec::Stop, &tok.lower))
        && !lex.has(Sec::Clause, &tok.lower)
        && !lex.has(Sec::Articles, &tok.lower)
        && !lex.has(Sec::Coordinators, &tok.lower)
        && lex.value(Sec::Numbers, &tok.lower).is_none()
        && lex.value(Sec::Vague, &tok.lower).is_none()
}

/// The subject after a number: "[zwaarbewapende IS-militanten]", "[bewakers en leden van
/// antiterrorisme-eenheden]".
pub(super) fn subject_after(
    lex: &Lexicon,
    toks: &[Token],
    words: &[&str],
    from: usize,
    to: usize,
) -> (usize, usize) {
    let mut end = from;
    let mut head = false;
    while end < to && end - from < MAX_SUBJECT_WORDS {
        let t = &toks[end];
        let word_ok = subject_word(lex, t)
            && lex
                .patterns(Sec::Measures)
                .match_at(words, end, to)
                .is_none_or(|m| lex.is_people(words[m.start]));
        // "police officers": a word for people after the head word is the head; not a word
        // for the dead or wounded ("left two guards dead": what happened to them).
        let fate = head && lex.has(Sec::MeasureNouns, &t.lower) && !lex.has(Sec::People, &t.lower);
        // ("a police constable", "two police constables": a word for one person, or its
        // plural, after a head word that is no plural is the head too; not "held one of the
        // brothers hostage".)
        let one = |w: &str| lex.has(Sec::OnePerson, w);
        let after_singular = end > from && !toks[end - 1].lower.ends_with('s');
        let person = lex.is_people(&t.lower)
            || after_singular && (one(&t.lower) || t.lower.strip_suffix('s').is_some_and(one));
        if word_ok && !fate && (!head || person) {
            head = person;
            end += 1;
            continue;
        }
        // "en"/"and"/"van"/"of" continue the subject when a subject word follows, and so
        // does a slash between two names of one side ("BH/IS fighters").
        let joins = t.lower == "/" || Sec::SubjectJoiners.in_any_language(&t.lower);
        let next = (end + 1..to.min(end + 3)).find(|&j| !lex.has(Sec::Articles, &toks[j].lower));
        // ("a woman and injuring a man": a measure after "and" opens another clause.)
        let measure_at = |j: usize| {
            lex.patterns(Sec::Measures)
                .match_at(words, j, to)
                .is_some_and(|m| !lex.is_people(words[m.start]))
        };
        // ("two women and a man", "three soldiers and their commander", "a teacher and his
        // three sons": people with an article or a determiner of their own after "and" are
        // counted on their own.)
        let one_person = end > from && lex.has(Sec::OnePerson, &toks[end - 1].lower);
        let another_person = (head || one_person)
            && lex.has(Sec::CountJoiners, &t.lower)
            && toks.get(end + 1).is_some_and(|d| {
                lex.has(Sec::Indefinite, &d.lower) || lex.has(Sec::SingularDeterminers, &d.lower)
            });
        // ("one member of the militia and another two men": "another" opens other people.)
        let another = toks.get(end + 1).is_some_and(|d| {
            lex.has(Sec::Indefinite, &d.lower) && !lex.has(Sec::Articles, &d.lower)
        });
        if joins
            && !another_person
            && !another
            && end > from
            && next.is_some_and(|j| {
                // ("a ranger and seriously injured three": a word before a measure that
                // names no people opens the next clause.)
                subject_word(lex, &toks[j])
                    && lex.value(Sec::Numbers, &toks[j].lower).is_none()
                    && !measure_at(j)
                    && !(lex.has(Sec::CountJoiners, &t.lower)
                        && j + 1 < to
                        && measure_at(j + 1)
                        && !lex.is_people(words[j]))
            })
        {
            end = next.unwrap_or(end + 1);
            head = false;
            continue;
        }
        break;
    }
    (from, end)
}

/// The people a partitive count is taken from, named after "of the" or "of his" at `at`,
/// right after the number ("two of the guards", "een van de agenten"): the subject's words,
/// when a word for people is among them.
pub(super) fn group_after_of(
    lex: &Lexicon,
    toks: &[Token],
    words: &[&str],
    at: usize,
    to: usize,
) -> Option<(usize, usize)> {
    // (The number's own words may end with the "of": "two of".)
    let of = |j: usize| {
        words
            .get(j)
            .is_some_and(|w| Sec::GenitiveOf.in_any_language(w))
    };
    let at = if of(at) { at + 1 } else { at };
    if !(at > 0 && of(at - 1) && at + 1 < to) {
        return None;
    }
    let determiner = words[at];
    if !(lex.has(Sec::Articles, determiner) || lex.has(Sec::SingularDeterminers, determiner)) {
        return None;
    }
    let (s, e) = subject_after(lex, toks, words, at + 1, to);
    words[s..e]
        .iter()
        .any(|w| lex.is_people(w))
        .then_some((s, e))
}
