//! Stage 1, extract: ground taken. "captured", "took", "retaken" and the other verbs of the
//! lexicon's `territory_verbs` tell the capture of a place (ACLED's Non-state actor
//! overtakes territory, Government regains territory) only when what they take is a place:
//! a name the scan found or a `territory_words` word ("the town", "three villages", "control")
//! after the verb, or before it in the passive ("the base was taken"). "captured two
//! fighters", "took place", "took the wounded to hospital", "regained consciousness" and an
//! aim ("a bid to retake the town") tell no capture. Ground the text does not name ("captured
//! three villages") is marked: another kind of event told with it decides the incident's kind.

use super::events::EventCue;
use super::lexicon::{Lexicon, Sec};
use super::text::{Kind, Token};
use super::toponyms::PlaceMatch;
use crate::model::SubEventType;

/// Most words of an `aims` phrase before the verb ("aimed at the").
const AIM_WORDS: usize = 3;
/// How many words after the verb may name the ground it took ("took the strategically
/// located town").
const OBJECT_WORDS: usize = 6;
/// How many words before a passive verb may name the ground taken ("the town once a
/// government stronghold was captured").
const SUBJECT_WORDS: usize = 7;

/// The words of one sentence and the places found in the article, as a capture sees them.
pub(super) struct Ground<'a> {
    pub lex: &'a Lexicon,
    pub toks: &'a [Token],
    pub words: &'a [&'a str],
    pub matches: &'a [PlaceMatch],
    /// The sentence's tokens.
    pub from: usize,
    pub to: usize,
}

/// What the words around a verb of capture take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Taken {
    /// No ground: people, things, an idiom.
    Nothing,
    /// Ground the text does not name: "three villages", "control".
    Unnamed,
    /// A place the scan found, at its first token: "the town of A", "A".
    Named(usize),
}

/// True for the kinds of event that take ground (ACLED's Non-state actor overtakes
/// territory, Government regains territory).
pub(super) fn is_capture(sub: SubEventType) -> bool {
    matches!(
        sub,
        SubEventType::NonStateActorOvertakesTerritory | SubEventType::GovernmentRegainsTerritory
    )
}

impl Ground<'_> {
    /// The cue as a capture: dropped when it is a whole `territory_verbs` entry that takes no
    /// place or is only aimed at; marked when the ground it takes is not named. Every other
    /// cue passes as it is ("took to the streets" is no capture to check).
    pub fn judge(&self, cue: EventCue) -> Option<EventCue> {
        let whole_cue = self
            .lex
            .patterns(Sec::TerritoryVerbs)
            .match_at(self.words, cue.token, cue.end)
            .is_some_and(|m| m.end == cue.end);
        if !whole_cue {
            // "overran A", "seized the town of A" name their ground too, though they need
            // none to tell an event ("seized two trucks" is a seizure of goods, which
            // [`super::seizures`] tells apart).
            let ground_at = match is_capture(cue.sub_type).then(|| self.taken(cue.end - 1)) {
                Some(Taken::Named(k)) => Some(k),
                _ => None,
            };
            return Some(EventCue { ground_at, ..cue });
        }
        // ("a bid to retake the town": an aim, not a deed.)
        let aim = self
            .lex
            .patterns(Sec::Aims)
            .find_all(
                self.words,
                self.from.max(cue.token.saturating_sub(AIM_WORDS)),
                cue.token,
            )
            .iter()
            .any(|m| m.end == cue.token);
        if aim {
            return None;
        }
        match self.taken(cue.token) {
            Taken::Nothing => None,
            Taken::Unnamed => Some(EventCue {
                unnamed_ground: true,
                ..cue
            }),
            Taken::Named(k) => Some(EventCue {
                ground_at: Some(k),
                ..cue
            }),
        }
    }

    /// What the verb at token `verb` takes: the phrase after it, else, when a passive
    /// auxiliary stands right before the verb, the phrase before it.
    fn taken(&self, verb: usize) -> Taken {
        let after = self.ground(verb + 1..self.to.min(verb + 1 + OBJECT_WORDS));
        let passive =
            verb > self.from && self.lex.has(Sec::PassiveAuxiliaries, self.words[verb - 1]);
        if after != Taken::Nothing || !passive {
            return after;
        }
        let before = self.from.max((verb - 1).saturating_sub(SUBJECT_WORDS))..verb - 1;
        self.ground(before.rev())
    }

    /// Walking `order` until a word that ends the verb's phrase (a clause break, a comma, a
    /// preposition, a direction): a place the scan found, else a word for ground, else
    /// nothing.
    fn ground(&self, order: impl IntoIterator<Item = usize>) -> Taken {
        let mut taken = Taken::Nothing;
        for k in order {
            let w = self.words[k];
            if let Some(m) = self.matches.iter().find(|m| m.start == k) {
                // ("A's largest city B": the possessor only situates the ground taken.)
                let possessive = self.words.get(m.end) == Some(&"'")
                    || self.toks.get(m.end - 1).is_some_and(|t| t.end > m.byte_end);
                if !possessive {
                    return Taken::Named(k);
                }
                taken = Taken::Named(k);
                continue;
            }
            if self.lex.has(Sec::TerritoryWords, w) {
                taken = Taken::Unnamed;
                // ("the country's second city, A,": the name apposed.)
                let apposed = k + 2;
                if self.words.get(k + 1) == Some(&",")
                    && self.matches.iter().any(|m| m.start == apposed)
                {
                    return Taken::Named(apposed);
                }
                continue;
            }
            // ("three villages south of A": A only situates them; "northern A" is A.)
            let ends = (self.toks[k].kind == Kind::Punct && w != "-" && w != "'")
                || self.lex.value(Sec::Compass, w).is_some()
                || self.lex.has(Sec::Clause, w)
                || self.lex.has(Sec::ClauseBreaks, w)
                || self.lex.has(Sec::Locative, w)
                || self.lex.has(Sec::NotLocative, w);
            if ends {
                break;
            }
        }
        taken
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::Lexicon;
    use super::super::text::tokenize;
    use super::*;

    /// Whether the verb `verb` of `sentence` takes ground (no place names found: the words
    /// alone decide).
    fn takes(sentence: &str, verb: &str) -> bool {
        let lex = Lexicon::get("en").expect("the English lexicon");
        let toks = tokenize(sentence, 0);
        let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        let token = words.iter().position(|w| *w == verb).expect("the verb");
        let ground = Ground {
            lex,
            toks: &toks,
            words: &words,
            matches: &[],
            from: 0,
            to: toks.len(),
        };
        ground
            .judge(EventCue {
                token,
                end: token + 1,
                sub_type: SubEventType::NonStateActorOvertakesTerritory,
                fallback: false,
                unnamed_ground: false,
                ground_at: None,
            })
            .is_some()
    }

    #[test]
    fn a_place_word_after_the_verb_or_before_its_passive_is_ground_taken() {
        assert!(takes(
            "Rebels captured three villages south of the city.",
            "captured"
        ));
        assert!(takes(
            "Militants took the strategically located town.",
            "took"
        ));
        assert!(takes(
            "The town once a stronghold was captured by rebels.",
            "captured"
        ));
        assert!(takes("The army regained control of the area.", "regained"));
    }

    #[test]
    fn people_things_and_idioms_are_no_ground() {
        assert!(!takes(
            "Rebels captured two fighters near the town.",
            "captured"
        ));
        assert!(!takes("The attack took place near the town.", "took"));
        assert!(!takes(
            "The wounded were taken to the town hospital.",
            "taken"
        ));
        assert!(!takes(
            "The driver regained consciousness in the village.",
            "regained"
        ));
        // An aim is no deed.
        assert!(!takes(
            "Troops launched an offensive aimed at recapturing the town.",
            "recapturing"
        ));
        assert!(!takes(
            "Rebels failed in a bid to retake the village.",
            "retake"
        ));
        assert!(!takes(
            "The raids aimed at the recapture of the town.",
            "recapture"
        ));
    }
}
