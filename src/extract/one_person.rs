//! Stage 1, extract: one person named without a number. "a man", "an Afghan soldier", "the
//! victim", "his wife" and "killing him" count one when their clause says what happened to
//! them ([`super::figures`] decides that); "a family", "the civilian deaths" and "a man and
//! his wife" do not.

use super::lexicon::Lexicon;
use super::lexicon::Sec;
use super::numbers::{age_aside, is_ordinal};
use super::text::{Kind, Token};

/// How many words may stand between an article and the word for one person ("a former
/// military police officer").
const ONE_PERSON_WORDS: usize = 4;

/// Most words of a measure's phrase before its noun ("claiming the lives of").
const MEASURE_PHRASE_WORDS: usize = 3;

/// "a man", "an Afghan soldier", "een jonge vrouw", "the victim", "his wife": an indefinite
/// article or a singular determiner and, at most [`ONE_PERSON_WORDS`] words later, one person
/// (a singular word for people, not a group such as "a family"); or an object pronoun for one
/// person ("killing him"). Two such persons joined by "and" ("a man and his wife", "a police
/// officer and a civilian") are two. Returns the end of the article or pronoun (of the pair:
/// after the second person) and how many people it names.
pub(super) fn one_person(
    lex: &Lexicon,
    toks: &[Token],
    words: &[&str],
    i: usize,
    to: usize,
) -> Option<(usize, u64)> {
    if i >= to {
        return None;
    }
    if object_pronoun(lex, toks, words, i, to) {
        return Some((i + 1, 1));
    }
    let counted = |w: &str| counts_people(lex, w);
    let joins = |w: &str| joins_persons(lex, w);
    // "a farmer, his wife and a child": one of several persons listed together (not after a
    // count: "two women and a man" is one more).
    let number = |j: usize| number_at(lex, toks, words, j);
    let before = i.saturating_sub(3)..i.saturating_sub(1);
    // ("two police officers and a man": the count may stand a few words before "and".)
    let count_before = (i.saturating_sub(ONE_PERSON_WORDS + 1)..i.saturating_sub(1))
        .rev()
        .take_while(|&j| toks[j].kind != Kind::Punct)
        .any(number);
    let listed =
        i > 0 && joins(words[i - 1]) && before.clone().any(|j| counted(words[j])) && !count_before;
    if listed {
        return None;
    }
    if elided_person(lex, toks, words, i, to) {
        return Some((i + 1, 1));
    }
    let noun = person_noun(lex, toks, words, i, to)?;
    // ("a man, 35, was killed": the age set apart after the person is still the person.)
    let noun = if age_aside(lex, toks, words, noun + 1) {
        noun + 2
    } else {
        noun
    };
    // "a man and his wife", "a woman with her children": more than one person.
    let more = words.get(noun + 1).is_some_and(|w| joins(w))
        && words.get(noun + 2).is_some_and(|w| {
            counted(w)
                || lex.has(Sec::Indefinite, w)
                // "his", "their": a determiner that is no article.
                || lex.has(Sec::SingularDeterminers, w) && !lex.has(Sec::Articles, w)
        });
    if !more {
        // (Past an age: "a 17-year-old student" is one person, not seventeen.)
        return Some((after_age(lex, toks, words, i + 1, to), 1));
    }
    persons_listed(lex, toks, words, (i, noun, to))
}

/// True when the word at `i` is an indefinite that is no article ("another") with the word
/// for the person left out: after "and", before a passive auxiliary or a measure ("a soldier
/// was killed and another was wounded", "... and another wounded"), or right after a measure
/// that governs it, at the end of its clause ("killing one soldier and wounding another").
fn elided_person(lex: &Lexicon, toks: &[Token], words: &[&str], i: usize, to: usize) -> bool {
    let measure = |w: &str| lex.patterns(Sec::Measures).match_at(&[w], 0, 1).is_some();
    if i == 0 || !lex.has(Sec::Indefinite, words[i]) || lex.has(Sec::Articles, words[i]) {
        return false;
    }
    let next = (i + 1 < to).then(|| words[i + 1]);
    let before_verb = next.is_some_and(|w| lex.has(Sec::PassiveAuxiliaries, w) || measure(w));
    let clause_ends = toks.get(i + 1).is_none_or(|t| t.kind == Kind::Punct)
        || next.is_none_or(|w| {
            lex.has(Sec::Locative, w) || lex.has(Sec::Coordinators, w) || lex.has(Sec::Stop, w)
        });
    lex.has(Sec::Coordinators, words[i - 1]) && before_verb || measure(words[i - 1]) && clause_ends
}

/// A word that counts people: a word for people or a number word.
fn counts_people(lex: &Lexicon, w: &str) -> bool {
    lex.is_people(w) || lex.value(Sec::Numbers, w).is_some()
}

/// A word that joins two persons: the language's own words for "and", "or" (Dutch "of" is
/// "or", English "of" is not), a comma, "with".
fn joins_persons(lex: &Lexicon, w: &str) -> bool {
    lex.has(Sec::Coordinators, w) || w == "," || Sec::PersonJoiners.in_any_language(w)
}

/// True when token `j` is a number, in figures or a number word that is no article.
fn number_at(lex: &Lexicon, toks: &[Token], words: &[&str], j: usize) -> bool {
    toks[j].kind == Kind::Number || is_number_word(lex, words[j])
}

/// The persons listed after the first (the article at `i`, its person word at `noun`,
/// within `..to`) with "and" or a comma; as [`one_person`] returns them, or none when the
/// list names more than the words count.
fn persons_listed(
    lex: &Lexicon,
    toks: &[Token],
    words: &[&str],
    (i, noun, to): (usize, usize, usize),
) -> Option<(usize, u64)> {
    let counted = |w: &str| counts_people(lex, w);
    let joins = |w: &str| joins_persons(lex, w);
    let number = |j: usize| number_at(lex, toks, words, j);
    // "a man and his wife", "a farmer, his wife and a child": each person listed with "and"
    // or a comma counts one. The list ends where no person follows ("killing a woman and her
    // son, and injuring her husband" goes on with another clause); a list of commas alone is
    // one person named twice ("a man, a teacher at the school"); "a man and his two sons"
    // counts the sons apart; "a man, his wife and their children" names more than the words
    // count.
    let (mut last, mut persons, mut joined) = (noun, 1, false);
    loop {
        let mut next = last + 1;
        while next < to && joins(words[next]) {
            next += 1;
        }
        let starts_person = next > last + 1
            && next < to
            && (counted(words[next])
                || lex.has(Sec::Indefinite, words[next])
                || lex.has(Sec::SingularDeterminers, words[next])
                || lex.has(Sec::OnePerson, words[next])
                || lex.is_people(words[next]));
        let adds = words[last + 1..next]
            .iter()
            .all(|w| *w == "," || lex.has(Sec::CountJoiners, w));
        let and = words[last + 1..next]
            .iter()
            .any(|w| lex.has(Sec::CountJoiners, w));
        // ("a woman, two men and a boy": a count of people after a comma is the list's next
        // item; "a man, 35," gives his age.)
        let count_of_people = (next..to.min(next + 2))
            .find(|&j| number(j))
            .is_some_and(|j| and || words.get(j + 1).is_some_and(|w| lex.is_people(w)));
        let counted_next = adds && count_of_people;
        let person = (starts_person && adds && !counted_next)
            .then(|| person_noun(lex, toks, words, next, to))
            .flatten();
        match person {
            Some(noun) => {
                (last, persons) = (noun, persons + 1);
                joined |= and;
            }
            None if starts_person && !counted_next => return None,
            None if persons == 1 || !(joined || counted_next) => {
                return Some((after_age(lex, toks, words, i + 1, to), 1));
            }
            None => return Some((last + 1, persons)),
        }
    }
}

/// A number word that is no article ("two", not "a", which also reads one).
fn is_number_word(lex: &Lexicon, word: &str) -> bool {
    lex.value(Sec::Numbers, word).is_some() && !lex.has(Sec::Indefinite, word)
}

/// The word for one person that the article or determiner at `i` introduces, at most
/// [`ONE_PERSON_WORDS`] words later with only describing words between ("a former military
/// police officer"); the last of several ("a baby girl"); none when a word for people follows
/// as the head ("the civilian deaths come as ...").
fn person_noun(
    lex: &Lexicon,
    toks: &[Token],
    words: &[&str],
    i: usize,
    to: usize,
) -> Option<usize> {
    let article = lex.has(Sec::Indefinite, words[i]) || lex.has(Sec::SingularDeterminers, words[i]);
    if !article {
        return None;
    }
    // "a 17-year-old student": the age describes the person.
    let first = after_age(lex, toks, words, i + 1, to);
    // ("a man's body": the person's possessive is the person.)
    let person = |w: &str| lex.has(Sec::OnePerson, w.strip_suffix("'s").unwrap_or(w));
    let mut noun = (first..to.min(first + 1 + ONE_PERSON_WORDS)).find(|&j| person(words[j]))?;
    // "a drug and kidnapping suspect": a coordinator between two describing words.
    let joins_describers = |j: usize| {
        j > i + 1
            && j + 1 < noun
            && lex.has(Sec::CountJoiners, words[j])
            && !lex.is_people(words[j - 1])
            && !lex.is_people(words[j + 1])
            && !lex.has(Sec::Indefinite, words[j + 1])
            && !lex.has(Sec::Articles, words[j + 1])
    };
    // ("a 1st lieutenant": an ordinal ranks the person, it counts no one.)
    let ordinal = |j: usize| is_ordinal(toks, j) || j > first && is_ordinal(toks, j - 1);
    let between_ok = (first..noun).all(|j| {
        joins_describers(j)
            || ordinal(j)
            || toks[j].kind == Kind::Word
            && !lex.has(Sec::Stop, words[j])
            // "a gang member": a group's word right before the person only says whose.
            && (!lex.has(Sec::Collective, words[j]) || j + 1 == noun)
            && !lex.has(Sec::Connectors, words[j])
            && lex.value(Sec::Numbers, words[j]).is_none()
            // ("a displaced man", "an injured girl": a state describes the person right
            // before the word for them.)
            && (j + 1 == noun || lex.patterns(Sec::Measures).match_at(words, j, to).is_none())
    });
    while noun + 1 < to && lex.has(Sec::OnePerson, words[noun + 1]) {
        noun += 1;
    }
    // "the personnel were hurt": a verb for several says a word that may name one person or
    // several names more than one (not after "a": "two women and a man were killed").
    let several = !lex.has(Sec::Indefinite, words[i])
        && lex.is_people(words[noun])
        && words
            .get(noun + 1)
            .is_some_and(|w| lex.has(Sec::PluralVerbs, w));
    if several {
        return None;
    }
    // "leaving the driver dead." ends the phrase with a predicate, not a head.
    let head_after = words.get(noun + 1).is_some_and(|w| lex.is_people(w))
        && toks.get(noun + 2).is_some_and(|t| {
            t.kind == Kind::Word
                && !lex.has(Sec::Stop, &t.lower)
                && !lex.has(Sec::Coordinators, &t.lower)
        });
    (between_ok && !head_after).then_some(noun)
}

/// Where an age or rank that opens a person's description ends ("17-year-old", "17 year
/// old", "40-year old", "1st"): a number, then "year"/"years" and "old", with or without
/// hyphens, or an ordinal's letters; `at` when there is none.
fn after_age(lex: &Lexicon, toks: &[Token], words: &[&str], at: usize, to: usize) -> usize {
    if !toks.get(at).is_some_and(|t| t.kind == Kind::Number) {
        return at;
    }
    // ("a 1st lieutenant": past the ordinal and its letters too.)
    if is_ordinal(toks, at) {
        return (at + 2).min(to);
    }
    let word_at = |j: usize, want: &dyn Fn(&str) -> bool| -> Option<usize> {
        let j = if words.get(j) == Some(&"-") { j + 1 } else { j };
        (j < to && want(words[j])).then_some(j + 1)
    };
    let Some(j) = word_at(at + 1, &|w| lex.has(Sec::AgeUnits, w)) else {
        return at;
    };
    // ("year-old" is one word.)
    if Sec::AgeAdjectives.ends_in_any_language(words[j - 1]) {
        return j;
    }
    word_at(j, &|w| Sec::AgeAdjectives.in_any_language(w)).unwrap_or(at)
}

/// True when the person whose article is at `i` is the victim a noun before it names ("over
/// the death of a student killed by police", "de dood van een agent"): what happened to
/// them is that noun's, and a participle after them only repeats it.
pub(super) fn named_by_noun_before(lex: &Lexicon, words: &[&str], i: usize) -> bool {
    let Some(noun) = i.checked_sub(2) else {
        return false;
    };
    let measure_noun = |w: &str| {
        lex.patterns(Sec::Measures).match_at(&[w], 0, 1).is_some()
            || lex
                .patterns(Sec::AdjacentMeasures)
                .match_at(&[w], 0, 1)
                .is_some()
    };
    // ("claiming the lives of a man": the noun ends a measure's own phrase, which governs
    // the person.)
    let phrase_ends_here = (noun.saturating_sub(MEASURE_PHRASE_WORDS)..noun).any(|s| {
        lex.patterns(Sec::Measures)
            .match_at(words, s, i)
            .is_some_and(|m| m.end == i)
    });
    Sec::GenitiveOf.in_any_language(words[i - 1])
        && measure_noun(words[noun])
        && noun > 0
        && lex.has(Sec::Articles, words[noun - 1])
        && !phrase_ends_here
}

/// True when `words[i]` is an object pronoun for one person ("killing him", "shot her dead"):
/// "her" before a word that is no stop word, coordinator or measure is a determiner ("her
/// son"), which [`one_person`] reads with the word after it.
fn object_pronoun(lex: &Lexicon, toks: &[Token], words: &[&str], i: usize, to: usize) -> bool {
    if !lex.has(Sec::OnePersonPronouns, words[i]) {
        return false;
    }
    let determiner = lex.has(Sec::SingularDeterminers, words[i]);
    let next_is_noun = i + 1 < to
        && toks[i + 1].kind == Kind::Word
        && !lex.has(Sec::Stop, words[i + 1])
        && !lex.has(Sec::Coordinators, words[i + 1])
        && lex
            .patterns(Sec::Measures)
            .match_at(words, i + 1, to)
            .is_none()
        && lex
            .patterns(Sec::AdjacentMeasures)
            .match_at(words, i + 1, to)
            .is_none();
    !(determiner && next_is_noun)
}
