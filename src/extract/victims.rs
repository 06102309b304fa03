//! Stage 1, extract: the kind of violence told by whom it hit. ACLED's definitions decide: an
//! organised armed group that kills or wounds unarmed civilians commits violence against
//! civilians (an Attack); two armed sides that fight are an Armed clash. Words that say only
//! that violence happened ("attacked", "killed", "shot dead": cues from the lexicon's
//! `generic_events` and `fallback_events`) take their kind from the casualties' side (the
//! lexicon's `sides` for counts of people, `person_sides` for one person: "civilians", "a
//! farmer" against "soldiers", "the policeman").

use super::events::EventCue;
use super::figures::FigureMention;
use super::incidents::Reading;
use super::lexicon::Lexicon;
use super::sections::Sec;
use crate::model::{Measure, SubEventType};

/// The side of the people an incident's casualty figures count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Victims {
    /// Every casualty whose side the text names is a civilian.
    Civilians,
    /// Every casualty whose side the text names belongs to an armed side (state forces or an
    /// armed group).
    Armed,
    /// Casualties of both: the figures say no side was hit alone, and no one-sided kind.
    Mixed,
    /// No person: what an attack named only as such hit is property ("attacked a factory",
    /// the lexicon's `targets` with the value `property`).
    Property,
}

/// The side of the casualties counted by `figures` (killed or injured, more than zero):
/// `None` when no figure names a side.
pub fn victims<'f>(
    lex: &Lexicon,
    figures: impl IntoIterator<Item = &'f FigureMention>,
) -> Option<Victims> {
    let (mut civilians, mut armed) = (false, false);
    for f in figures {
        let casualty = matches!(f.measure, Some(Measure::Killed | Measure::Injured));
        if !casualty || f.claim.value == 0 {
            continue;
        }
        let person = || listed_side(lex, f.subject.as_deref()?).map(str::to_string);
        match f.side.clone().or_else(person).as_deref() {
            Some("civilian") => civilians = true,
            Some(_) => armed = true,
            None => {}
        }
    }
    match (civilians, armed) {
        (true, false) => Some(Victims::Civilians),
        (false, true) => Some(Victims::Armed),
        (true, true) => Some(Victims::Mixed),
        (false, false) => None,
    }
}

/// The side of the persons a subject names: "a farmer", "1 soldier": of the one person the
/// last word names; else of the group the word before it names ("a gang member"). Of
/// persons listed ("a police officer and a civilian", "a commander, his son"): the side
/// they all share, none when they are of both.
fn listed_side<'l>(lex: &'l Lexicon, subject: &str) -> Option<&'l str> {
    let subject = subject.to_lowercase();
    let mut sides = subject.split(',').flat_map(|part| {
        let words: Vec<&str> = part.split([' ', '-']).filter(|w| !w.is_empty()).collect();
        words
            .split(|w| lex.has(Sec::CountJoiners, w))
            .filter_map(|person| {
                let (last, before) = person.split_last()?;
                lex.value(Sec::PersonSides, last)
                    .or_else(|| word_side(lex, before.last()?))
            })
            .collect::<Vec<_>>()
    });
    let first = sides.next()?;
    sides.all(|side| side == first).then_some(first)
}

/// How many words after an attack word may name what it hit ("attacked the remote Foo
/// village").
const TARGET_WORDS: usize = 5;

/// What the attack word of `cue` hit, from the words right after it ("attacked a man",
/// "attacked the village of A", "attacked a police post"): a person's or a target's side
/// (the lexicon's `person_sides`, `sides` and `targets`), articles and other words skipped
/// ("an attack on a village": the word right after it too), up to a stop word or a
/// punctuation mark.
pub fn hit(lex: &Lexicon, text: &str, r: &Reading, cue: &EventCue) -> Option<Victims> {
    let word_at = |k: usize| r.lower_word(text, k);
    // "a police patrol was shot": in the passive, whom it hit stands before the verb.
    let first = r.sentence.start;
    let passive = (cue.token.saturating_sub(PASSIVE_GAP).max(first)..cue.token)
        .rev()
        .find(|&k| word_at(k).is_some_and(|w| lex.has(Sec::PassiveAuxiliaries, &w)));
    if let Some(aux) = passive {
        let from = aux.saturating_sub(TARGET_WORDS).max(first);
        return side_of_words(lex, (from..aux).rev().filter_map(word_at));
    }
    // (After all of the cue's words: "opened fire at a man".)
    let end = r.sentence.end.min(cue.end + TARGET_WORDS + MEMBER_WORDS);
    // "an attack on a village": the preposition right after the word leads to it.
    let after = (cue.end..end).filter_map(word_at).enumerate();
    let after = after.filter(|(i, w)| !(*i == 0 && lex.has(Sec::Stop, w)));
    // ("fired machine guns at a factory": fire at a building held by a side, not an attack
    // on property; only an attack word says that.)
    let attack_word = word_at(cue.token).is_some_and(|w| lex.has(Sec::GenericEvents, &w));
    side_of_words(lex, after.map(|(_, w)| w)).filter(|v| *v != Victims::Property || attack_word)
}

/// How many words before an attack word its passive auxiliary may stand ("was later found
/// dead").
const PASSIVE_GAP: usize = 3;

/// The side one word names ("villagers": civilian, "troops": state forces), as the
/// lexicon's `person_sides`, `sides` or `targets` say.
pub fn word_side<'l>(lex: &'l Lexicon, word: &str) -> Option<&'l str> {
    lex.value(Sec::PersonSides, word)
        .or_else(|| lex.value(Sec::Sides, word))
        .or_else(|| lex.value(Sec::Targets, word))
}

/// How many more words a word for belonging ("a member of the army's 4th Division") lets
/// the search for the group go on.
const MEMBER_WORDS: usize = 8;

/// The side the first word of `words` that names one says, within [`TARGET_WORDS`] words,
/// up to a stop word or a punctuation mark; after a word for belonging (`membership`) the
/// search goes on past "of" and articles to the group ([`MEMBER_WORDS`] more).
pub fn side_of_words(lex: &Lexicon, words: impl Iterator<Item = String>) -> Option<Victims> {
    let mut limit = TARGET_WORDS;
    for (i, word) in words.enumerate() {
        // (A possessive "'s" has a letter and goes on.)
        if i >= limit || !word.chars().any(char::is_alphanumeric) {
            return None;
        }
        match word_side(lex, &word) {
            Some("civilian") => return Some(Victims::Civilians),
            Some("property") => return Some(Victims::Property),
            Some(_) => return Some(Victims::Armed),
            None if lex.has(Sec::Membership, &word) => limit = i + 1 + MEMBER_WORDS,
            None if lex.has(Sec::Stop, &word) && limit == TARGET_WORDS => return None,
            None => {}
        }
    }
    None
}

/// The sub-event type an incident's cue gives, told by its victims when the cue says only that
/// violence happened: civilians make it an Attack, armed people an Armed clash.
pub fn by_victims(cue: &EventCue, victims: Option<Victims>) -> SubEventType {
    let violence = matches!(
        cue.sub_type,
        SubEventType::Attack | SubEventType::ArmedClash
    );
    match victims {
        Some(Victims::Civilians) if cue.fallback && violence => SubEventType::Attack,
        // (Armed people among the casualties: the violence met an armed side.)
        Some(Victims::Armed | Victims::Mixed) if cue.fallback && violence => {
            SubEventType::ArmedClash
        }
        // (An attack on a building in which no one was hurt destroyed property.)
        Some(Victims::Property) if cue.fallback && violence => {
            SubEventType::LootingPropertyDestruction
        }
        _ => cue.sub_type,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Qualifier};

    fn en() -> &'static Lexicon {
        Lexicon::get("en").expect("the English lexicon")
    }

    fn figure(measure: Measure, value: u64, side: Option<&str>) -> FigureMention {
        FigureMention {
            measure: Some(measure),
            subject: None,
            claim: Claim::new(value, Qualifier::Exact),
            token: 0,
            part_of: super::super::figures::PartOf::None,
            reason: None,
            side: side.map(str::to_string),
            population: false,
            one_person: false,
            joined: false,
            additional: false,
            more: false,
            share: false,
            running: false,
        }
    }

    fn cue(sub_type: SubEventType, fallback: bool) -> EventCue {
        EventCue {
            token: 0,
            end: 1,
            sub_type,
            fallback,
            unnamed_ground: false,
            ground_at: None,
        }
    }

    #[test]
    fn a_generic_attack_on_civilians_is_an_attack_and_on_soldiers_a_clash() {
        let attacked = cue(SubEventType::ArmedClash, true);
        let farmers = [figure(Measure::Killed, 3, Some("civilian"))];
        assert_eq!(
            by_victims(&attacked, victims(en(), &farmers)),
            SubEventType::Attack
        );
        // One person named by a singular word: "a policeman".
        let mut policeman = figure(Measure::Killed, 1, None);
        policeman.subject = Some("policeman".into());
        assert_eq!(victims(en(), &[policeman]), Some(Victims::Armed));
        let soldiers = [figure(Measure::Killed, 2, Some("state forces"))];
        let killed = cue(SubEventType::Attack, true);
        assert_eq!(
            by_victims(&killed, victims(en(), &soldiers)),
            SubEventType::ArmedClash
        );
    }

    #[test]
    fn a_named_kind_of_violence_keeps_the_cue_and_mixed_sides_met_an_armed_one() {
        // "clashed" names the kind: the dead civilians do not change it.
        let clashed = cue(SubEventType::ArmedClash, false);
        let civilians = [figure(Measure::Killed, 3, Some("civilian"))];
        assert_eq!(
            by_victims(&clashed, victims(en(), &civilians)),
            SubEventType::ArmedClash
        );
        let mixed = [
            figure(Measure::Killed, 3, Some("civilian")),
            figure(Measure::Injured, 2, Some("armed group")),
        ];
        assert_eq!(victims(en(), &mixed), Some(Victims::Mixed));
        assert_eq!(
            by_victims(&cue(SubEventType::Attack, true), Some(Victims::Mixed)),
            SubEventType::ArmedClash
        );
        // A count of no one says nothing of a side.
        let none = [figure(Measure::Killed, 0, Some("state forces"))];
        assert_eq!(victims(en(), &none), None);
        let shelling = cue(SubEventType::ShellingArtilleryMissileAttack, true);
        assert_eq!(
            by_victims(&shelling, victims(en(), &civilians)),
            SubEventType::ShellingArtilleryMissileAttack
        );
    }

    #[test]
    fn persons_listed_together_give_the_side_they_share() {
        let listed = |subject: &str| {
            let mut f = figure(Measure::Killed, 2, None);
            f.subject = Some(subject.into());
            victims(en(), &[f])
        };
        // Not the side of the last one named: a policeman and a farmer are of both.
        assert_eq!(listed("a policeman and a civilian"), None);
        assert_eq!(listed("a soldier, a policeman"), Some(Victims::Armed));
        assert_eq!(listed("a civilian and his son"), Some(Victims::Civilians));
    }
}
