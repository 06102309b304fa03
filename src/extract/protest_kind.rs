//! Stage 1, extract: what became of a protest. ACLED's definitions decide: a protest whose
//! crowd burns, stones, loots or clashes is a Violent demonstration; a peaceful protest that
//! the authorities break up (dispersal, tear gas, protesters arrested) is a Protest with
//! intervention. What a protest is about tells neither: in "protested against the arrest of
//! a blogger" or "after the riots in the prisons" the arrest and the riots happened before
//! or elsewhere. The lexicon's `protest_topics` open that part of a clause; it runs to the
//! clause's end.

use super::events::EventCue;
use super::incidents::Reading;
use super::lexicon::{Lexicon, Sec};
use super::victims::word_side;
use crate::model::SubEventType;

/// What the sentences of a protest tell besides the protest.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Told {
    /// The crowd burned, stoned, looted or clashed.
    violence: bool,
    /// The authorities dispersed the crowd or took protesters away.
    intervention: bool,
}

/// The sub-event type `chosen` of an incident told in `sentences`, corrected by what they
/// tell of its protest: a peaceful protest with violence of its crowd is a violent
/// demonstration, one the authorities broke up a protest with intervention. Other types are
/// returned as they are.
pub fn protest_kind(
    lex: &Lexicon,
    text: &str,
    sentences: &[&Reading],
    chosen: SubEventType,
) -> SubEventType {
    if chosen != SubEventType::PeacefulProtest {
        return chosen;
    }
    let told = sentences
        .iter()
        .map(|r| told_in(lex, text, r))
        .fold(Told::default(), |a, b| Told {
            violence: a.violence || b.violence,
            intervention: a.intervention || b.intervention,
        });
    if told.violence {
        SubEventType::ViolentDemonstration
    } else if told.intervention {
        SubEventType::ProtestWithIntervention
    } else {
        chosen
    }
}

/// Event cues that, done by a crowd at its protest, make it violent: riots, mob violence and
/// clashes (with the police) named as such (not "attack", which also says what a protest is about: "an attack
/// on the press"; not "looted", also said of what was lost: "their looted savings").
fn crowd_act(cue: &EventCue) -> bool {
    use SubEventType::*;
    !cue.fallback
        && matches!(
            cue.sub_type,
            MobViolence | ViolentDemonstration | ArmedClash
        )
}

/// How many words after a burning may name what burned.
const BURNED_WORDS: usize = 4;

/// True when what the act ending before word `end` burned is a sign of protest ("burned an effigy",
/// "burnt flags"), not property.
fn symbolic(lex: &Lexicon, words: &[&str], end: usize) -> bool {
    words[end.min(words.len())..]
        .iter()
        .take(BURNED_WORDS)
        .any(|w| lex.has(Sec::SymbolicObjects, w))
}

/// How many words before an act may name who did it ("police fired", "the crowd burned").
const DOER_WORDS: usize = 4;

/// What one sentence tells of the protest, outside the parts that say what it is about.
fn told_in(lex: &Lexicon, text: &str, r: &Reading) -> Told {
    let words: Vec<String> = (r.sentence.start..r.sentence.end)
        .map(|k| r.lower_word(text, k).unwrap_or_default())
        .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let found = |sec: Sec| lex.patterns(sec).find_all(&words, 0, words.len());
    let with_forces = |k: usize| {
        words[(k + 1).min(words.len())..]
            .iter()
            .take(DOER_WORDS)
            .any(|w| word_side(lex, w) == Some("state forces"))
    };
    // A clash is the crowd's when it was with the police ("clashed with police"): a clash of
    // armed sides told beside a protest is another event.
    let crowd_cue = move |c: &&EventCue| {
        let k = c.token.saturating_sub(r.sentence.start);
        crowd_act(c) && (c.sub_type != SubEventType::ArmedClash || with_forces(k))
    };
    let cues = |verbs: bool| {
        r.events
            .iter()
            .filter(crowd_cue)
            .filter(move |c| !verbs || c.sub_type == SubEventType::MobViolence)
            .map(|c| c.token.saturating_sub(r.sentence.start))
    };
    let acts: Vec<usize> = found(Sec::CrowdViolence)
        .into_iter()
        .filter(|m| !symbolic(lex, &words, m.end))
        .map(|m| m.start)
        .collect();
    let interventions: Vec<usize> = found(Sec::Interventions)
        .into_iter()
        .filter(|m| !denied(lex, &words, m.start))
        .map(|m| m.start)
        .collect();
    let detentions: Vec<usize> = found(Sec::Detentions)
        .into_iter()
        .filter(|m| {
            !denied(lex, &words, m.start)
                && !in_relative_clause(lex, &words, m.start)
                && people_taken(lex, &words, m.start, m.end)
        })
        .map(|m| m.start)
        .collect();
    // Acts told with a verb may follow a topic after "and"; riots and clashes are mostly
    // named with a noun ("against the protests and riots in the prisons").
    let starts: Vec<usize> = [&acts, &interventions, &detentions]
        .into_iter()
        .flatten()
        .copied()
        .chain(cues(true))
        .collect();
    let topic = topic_words(lex, &words, &starts);
    let free = |k: &usize| !topic.get(*k).copied().unwrap_or(true);
    let by_forces = |k: usize| {
        words[k.saturating_sub(DOER_WORDS)..k]
            .iter()
            .any(|w| word_side(lex, w) == Some("state forces"))
    };
    let mut told = Told::default();
    for k in acts.into_iter().chain(cues(false)).filter(free) {
        // "police attacked the marchers": the authorities' force, not the crowd's.
        if by_forces(k) {
            told.intervention = true;
        } else {
            told.violence = true;
        }
    }
    told.intervention |= interventions.iter().chain(&detentions).any(free);
    told
}

/// Which of `words` say what a protest is about: from a `protest_topics` phrase ("against",
/// "demanding") to the end of its clause, or to a coordinator right before an act told of
/// the protest (`acts`: "protested against taxes and threw stones"), unless that act is a
/// noun with "of" ("against looting and burning of shops").
fn topic_words(lex: &Lexicon, words: &[&str], acts: &[usize]) -> Vec<bool> {
    let mut topic = vec![false; words.len()];
    let next_act = |k: usize| {
        lex.has(Sec::Coordinators, words[k])
            && acts.contains(&(k + 1))
            && !words
                .get(k + 2)
                .is_some_and(|w| Sec::GenitiveOf.in_any_language(w))
    };
    for m in lex
        .patterns(Sec::ProtestTopics)
        .find_all(words, 0, words.len())
    {
        for k in m.start..words.len() {
            if k > m.start && (clause_ends(lex, words[k]) || next_act(k)) {
                break;
            }
            topic[k] = true;
        }
    }
    topic
}

/// True for a word where a clause ends: a comma or a clause break.
fn clause_ends(lex: &Lexicon, word: &str) -> bool {
    word == "," || lex.has(Sec::ClauseBreaks, word)
}

/// How many words before a cue a denial may stand ("no arrests", "were not dispersed").
const DENIAL_WORDS: usize = 3;

/// True when a negation or an absence word ("no", "without") stands just before the cue
/// at `k`.
fn denied(lex: &Lexicon, words: &[&str], k: usize) -> bool {
    words[k.saturating_sub(DENIAL_WORDS)..k]
        .iter()
        .any(|w| lex.has(Sec::Negations, w) || lex.has(Sec::AbsenceWords, w))
}

/// True when the cue at `k` stands in a relative clause of its own ("a cleric who was
/// arrested"): it tells of someone the protest is about.
fn in_relative_clause(lex: &Lexicon, words: &[&str], k: usize) -> bool {
    words[k.saturating_sub(DOER_WORDS)..k]
        .iter()
        .any(|w| lex.has(Sec::RelativePronouns, w))
}

/// How many words around an arrest may name whom it took.
const TAKEN_BEFORE: usize = 6;
const TAKEN_AFTER: usize = 5;

/// True when the arrest at `start..end` took people that a count, a plural or a pronoun names
/// ("arrested 20 protesters", "two persons were arrested", "they were detained"), not one
/// named person, and not the police who made it.
fn people_taken(lex: &Lexicon, words: &[&str], start: usize, end: usize) -> bool {
    let before = words[start.saturating_sub(TAKEN_BEFORE)..start]
        .iter()
        .rev()
        .take_while(|w| !clause_ends(lex, w));
    let after = words[end.min(words.len())..]
        .iter()
        .take(TAKEN_AFTER)
        .take_while(|w| !clause_ends(lex, w));
    before.chain(after).any(|w| counts_people(lex, w))
}

/// True for a word that names or counts people taken: a number ("20", "two", "dozens"), a
/// word for people who are no security force, a group or a plural pronoun.
fn counts_people(lex: &Lexicon, word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
        || lex.value(Sec::Numbers, word).is_some()
            && !lex.has(Sec::Articles, word)
            && !lex.has(Sec::Coordinators, word)
        || lex.value(Sec::Vague, word).is_some()
        || lex.has(Sec::PluralPronouns, word)
        || lex.has(Sec::Collective, word)
        || (lex.is_people(word) || lex.has(Sec::ProtestParticipants, word))
            && word_side(lex, word) != Some("state forces")
}
