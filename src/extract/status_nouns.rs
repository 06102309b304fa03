//! Stage 1, extract: a count named by a word that is itself a measure ("prisoners",
//! "gunmen", "hostages") and followed by a verb of its fate. "Twelve prisoners were killed"
//! counts twelve killed prisoners, not twelve detained; "two gunmen died" two dead gunmen,
//! not two attackers. The verb must take no object of its own: in "two gunmen killed a
//! guard" the gunmen are who killed. Of two verbs of their fate ("kidnapped and killed"),
//! the killing counts. People counted where they live ("2,000 residents") and then driven
//! out ("fled", "were evacuated") are displaced; people counted as wounded who then died
//! ("two of the wounded later died") are more dead.

use std::ops::Range;

use super::lexicon::{Lexicon, Sec};
use super::patterns::Match;
use super::text::{Kind, Token};
use crate::model::Measure;

/// How many words (auxiliaries, adverbs: "were reportedly") may stand between the head noun
/// and the verb of its fate.
const WORDS_BEFORE_VERB: usize = 3;

/// The casualty verb that says what happened to the people a count's head noun names, when
/// `head` (the measure matched right after the count) is a word for people with a measure of
/// its own other than a casualty, and a casualty measure follows within
/// [`WORDS_BEFORE_VERB`] words of the same clause (`clause`: its measures) and before
/// `limit` (the next number), in the passive ("were killed") or taking no object ("died",
/// "killed in the clash").
pub(super) fn fate_of_head<'m, 'a>(
    lex: &Lexicon,
    toks: &[Token],
    words: &[&str],
    head: &'m Match<'a>,
    clause: &[&'m Match<'a>],
    limit: usize,
) -> Option<&'m Match<'a>> {
    // ("a displaced man was killed": the measure word describes the person named right
    // after it.)
    let noun_after = words
        .get(head.end)
        .is_some_and(|w| lex.is_people(w) || lex.has(Sec::OnePerson, w));
    let head_names_people =
        noun_after || words[head.start..head.end].iter().any(|w| lex.is_people(w));
    if !head_names_people || casualty(head) {
        return None;
    }
    let head_end = head.end + usize::from(noun_after);
    // ("2,000 residents fled", "were evacuated": people who live there, driven out.)
    let status = Measure::parse(head.value);
    let present = status == Measure::Present;
    let fate = |m: &Match<'_>| {
        casualty(m)
            || present && Measure::parse(m.value) == Measure::Displaced
            || changes_status(&status, &Measure::parse(m.value))
    };
    let verb = clause
        .iter()
        .copied()
        .filter(|m| m.start >= head_end && m.start < limit && fate(m))
        .filter(|m| m.start - head_end <= WORDS_BEFORE_VERB + phrase_words(lex, words, head_end))
        .min_by_key(|m| m.start)?;
    let between = head_end..verb.start;
    let plain_words = plain_words(lex, toks, words, between.clone());
    let passive = between
        .clone()
        .any(|j| lex.has(Sec::PassiveAuxiliaries, words[j]));
    // Past a phrase after the noun ("12 inmates of the central prison were killed") only a
    // passive says what happened to them.
    let past_phrase = verb.start - head_end > WORDS_BEFORE_VERB;
    let fits = if past_phrase {
        passive
    } else {
        passive || !takes_object(lex, toks, words, verb.end)
    };
    (plain_words && fits).then_some(verb)
}

/// The death of people counted as wounded: "two of the wounded later died", "three injured
/// soldiers died in hospital". `head` is a measure of injury used as a noun (after an article,
/// or right before a word for people) and a death follows within [`WORDS_BEFORE_VERB`] words
/// (more past a phrase of place) of the same clause (`clause`) and before `limit`, taking no
/// object, with only plain words between ("and", a relative pronoun or a comma ends it: "12
/// were wounded and two killed" are other people). The dead are counted on top of any count
/// of the dead before: they were among the wounded, not among the dead.
pub(super) fn died_of_wounds<'m, 'a>(
    lex: &Lexicon,
    toks: &[Token],
    words: &[&str],
    head: &'m Match<'a>,
    clause: &[&'m Match<'a>],
    limit: usize,
) -> Option<&'m Match<'a>> {
    if Measure::parse(head.value) != Measure::Injured || head.end != head.start + 1 {
        return None;
    }
    let after_article = head.start > 0 && lex.has(Sec::Articles, words[head.start - 1]);
    let noun_after = words.get(head.end).is_some_and(|w| lex.is_people(w));
    if !(after_article || noun_after) {
        return None;
    }
    let head_end = head.end + usize::from(noun_after);
    // ("twee van de gewonden zijn later in het ziekenhuis overleden": a phrase of place may
    // stand before the verb.)
    let reach = |m: &Match<'_>| {
        let phrase = (head_end..m.start).any(|j| lex.has(Sec::Locative, words[j]));
        WORDS_BEFORE_VERB + if phrase { PHRASE_WORDS } else { 0 }
    };
    let verb = clause
        .iter()
        .copied()
        .filter(|m| m.start >= head_end && m.start < limit)
        .filter(|m| Measure::parse(m.value) == Measure::Killed)
        .filter(|m| m.start - head_end <= reach(m))
        .min_by_key(|m| m.start)?;
    let plain = plain_words(lex, toks, words, head_end..verb.start);
    (plain && !takes_object(lex, toks, words, verb.end)).then_some(verb)
}

/// True when only plain words stand in `range` between a head noun and the verb of its fate:
/// no punctuation, coordinator or relative pronoun ("12 were wounded and two killed", "the
/// prisoners, who were released": the verb is another clause's).
fn plain_words(lex: &Lexicon, toks: &[Token], words: &[&str], range: Range<usize>) -> bool {
    range.into_iter().all(|j| {
        toks[j].kind == Kind::Word
            && !lex.has(Sec::Coordinators, words[j])
            && !lex.has(Sec::RelativePronouns, words[j])
    })
}

/// How many more words a phrase opened by "of", "from", "in" right after the head noun may
/// add before the verb of its fate ("prisoners from the town's jail were released").
const PHRASE_WORDS: usize = 5;

/// [`PHRASE_WORDS`] when a phrase opens at `at`, else none.
fn phrase_words(lex: &Lexicon, words: &[&str], at: usize) -> usize {
    let opens = words
        .get(at)
        .is_some_and(|w| lex.has(Sec::Within, w) || lex.has(Sec::Locative, w));
    if opens {
        PHRASE_WORDS
    } else {
        0
    }
}

/// How many words may stand between "and" and the second verb ("and later", "and then").
const WORDS_AFTER_AND: usize = 2;

/// How many words may name who did it between the first verb and "and" ("abducted by four
/// armed men and killed").
const AGENT_WORDS: usize = 4;

/// "were kidnapped and killed", "was detained and later found killed": of two verbs that
/// `first` and a killing joined by a coordinator make, the killing is the fate that counts.
/// `clause` holds the measures of the clause, `limit` is the next number ("three were
/// arrested and two killed" counts the two apart).
pub(super) fn killing_after_and<'m, 'a>(
    lex: &Lexicon,
    toks: &[Token],
    words: &[&str],
    first: &'m Match<'a>,
    clause: &[&'m Match<'a>],
    limit: usize,
) -> Option<&'m Match<'a>> {
    if Measure::parse(first.value) == Measure::Killed {
        return None;
    }
    // ("abducted by four men and stabbed to death": who did it may stand before the "and".)
    let by_agent = words
        .get(first.end)
        .is_some_and(|w| lex.has(Sec::AgentMarkers, w));
    let last = if by_agent { AGENT_WORDS + 1 } else { 0 };
    let and_at = (first.end..(first.end + last + 1).min(limit))
        .take_while(|&j| j == first.end || toks[j].kind != Kind::Punct)
        .find(|&j| lex.has(Sec::CountJoiners, words[j]))?;
    let after_and = and_at + 1;
    clause
        .iter()
        .copied()
        .filter(|m| Measure::parse(m.value) == Measure::Killed && m.start < limit)
        .filter(|m| m.start >= after_and && m.start - after_and <= WORDS_AFTER_AND)
        .find(|m| {
            // ("held and nearly lynched", "and not killed": no killing.)
            (after_and..m.start).all(|j| {
                toks[j].kind == Kind::Word
                    && lex.value(Sec::Qualifiers, words[j]).is_none()
                    && !lex.has(Sec::Negations, words[j])
            })
        })
}

/// True when a verb of measure `to` says what became of people a word of measure `from`
/// names: prisoners who escaped, were recaptured or released ("40 inmates escaped" counts
/// escapees, not detainees); gunmen or residents who were arrested. Hostages "held" stay
/// hostages.
fn changes_status(from: &Measure, to: &Measure) -> bool {
    match to {
        Measure::Escaped | Measure::Recaptured => from != to,
        Measure::Detained => !matches!(from, Measure::Captured | Measure::Detained),
        Measure::Other(name) => name == RELEASED,
        _ => false,
    }
}

/// The measure of people set free by those who held them ("were released").
pub(in crate::extract) const RELEASED: &str = "released";

fn casualty(m: &Match<'_>) -> bool {
    Measure::parse(m.value).is_casualty()
}

/// True when the word at `at` opens an object: a number, an article or determiner, a word
/// for people or a pronoun for one person ("killed 5 people", "killed a guard", "killed him").
fn takes_object(lex: &Lexicon, toks: &[Token], words: &[&str], at: usize) -> bool {
    let Some(w) = words.get(at) else {
        return false;
    };
    toks.get(at).is_some_and(|t| t.kind == Kind::Number)
        || lex.value(Sec::Numbers, w).is_some()
        || lex.has(Sec::Indefinite, w)
        || lex.has(Sec::Articles, w)
        || lex.has(Sec::SingularDeterminers, w)
        || lex.has(Sec::OnePersonPronouns, w)
        || lex.is_people(w)
}

#[cfg(test)]
mod tests {
    use crate::extract::{extract_text, Options, PlaceIndex};
    use crate::model::Measure;

    fn measures(body: &str) -> Vec<(Measure, u64)> {
        let text = format!("date 2024-03-06\n\n{body}\n");
        let ex = extract_text(&text, "t.txt", PlaceIndex::builtin(), &Options::default());
        ex.incidents
            .iter()
            .flat_map(|i| i.figures.iter())
            .map(|f| (f.measure.clone(), f.best.unwrap_or(0)))
            .collect()
    }

    #[test]
    fn a_status_word_followed_by_its_fate_counts_the_fate() {
        assert_eq!(
            measures("On Monday eleven inmates were killed in a riot at the prison in Kumasi."),
            [(Measure::Killed, 11)]
        );
        assert_eq!(
            measures("On Monday four gunmen died in a shootout with police in Kumasi."),
            [(Measure::Killed, 4)]
        );
    }

    #[test]
    fn a_status_word_followed_by_a_change_of_status_counts_the_change() {
        let released = Measure::Other(super::RELEASED.into());
        let cases = [
            (
                "On Monday thirty inmates escaped from the jail in Kumasi.",
                Measure::Escaped,
                30,
            ),
            (
                "On Monday nine detainees were recaptured in Kumasi.",
                Measure::Recaptured,
                9,
            ),
            (
                "On Monday 25 prisoners were released in Kumasi.",
                released.clone(),
                25,
            ),
            (
                "On Monday police released 25 prisoners in Kumasi.",
                released,
                25,
            ),
            (
                "On Monday three gunmen were arrested in Kumasi.",
                Measure::Detained,
                3,
            ),
            // Past a phrase that says where they were held, a passive verb still tells their fate.
            (
                "On Monday twelve inmates of the central prison were killed in Kumasi.",
                Measure::Killed,
                12,
            ),
            // Hostages still held are hostages.
            (
                "On Monday six hostages were held in a school in Kumasi.",
                Measure::Captured,
                6,
            ),
        ];
        for (sentence, measure, count) in cases {
            assert_eq!(measures(sentence), [(measure, count)], "{sentence}");
        }
        let dutch = "Op maandag zijn in de gevangenis van Kumasi veertig gevangenen vrijgelaten \
                     door de autoriteiten van de stad.";
        assert_eq!(
            measures(dutch),
            [(Measure::Other(super::RELEASED.into()), 40)]
        );
        // Releasing a video says nothing of the men it shows.
        let ex = measures("On Monday the group released a video from Kumasi showing 3 men.");
        assert!(ex.is_empty(), "{ex:?}");
    }

    #[test]
    fn a_status_word_that_met_another_fate_names_who_was_counted() {
        let text = "date 2024-03-06\n\nOn Monday 47 inmates were killed in a riot in Kumasi.\n";
        let ex = extract_text(text, "t.txt", PlaceIndex::builtin(), &Options::default());
        let subjects: Vec<(Measure, Option<String>)> = ex
            .incidents
            .iter()
            .flat_map(|i| i.figures.iter())
            .map(|f| (f.measure.clone(), f.subject.clone()))
            .collect();
        assert_eq!(subjects, [(Measure::Killed, Some("inmates".to_string()))]);
        // A word for the dead says what happened, not who.
        let text = "date 2024-03-06\n\nOn Monday 47 bodies were found in Kumasi.\n";
        let ex = extract_text(text, "t.txt", PlaceIndex::builtin(), &Options::default());
        let subject = ex.incidents.first().and_then(|i| i.figures.first());
        assert_eq!(subject.map(|f| f.subject.clone()), Some(None));
    }

    #[test]
    fn of_two_fates_joined_by_and_the_killing_counts() {
        assert_eq!(
            measures("On Monday two traders were abducted and later killed in Kumasi."),
            [(Measure::Killed, 2)]
        );
        // Nearly killed is not killed.
        let ex = measures("On Monday two thieves were arrested and nearly lynched in Kumasi.");
        assert!(!ex.iter().any(|(m, _)| *m == Measure::Killed), "{ex:?}");
        // A count of its own after "and" is other people.
        let ex = measures("On Monday five traders were abducted and two killed in Kumasi.");
        assert!(ex.contains(&(Measure::Captured, 5)), "{ex:?}");
    }

    #[test]
    fn a_verb_with_an_object_is_what_the_counted_people_did() {
        let ex = measures("On Monday four gunmen killed two guards in Kumasi.");
        assert!(ex.contains(&(Measure::Attackers, 4)), "{ex:?}");
        assert!(ex.contains(&(Measure::Killed, 2)), "{ex:?}");
    }
}
