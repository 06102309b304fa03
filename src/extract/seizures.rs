//! Stage 1, extract: what was seized. "Seized the town" or "seized Foo" takes territory;
//! "seized a truck", "seized two tons of cannabis" takes goods (ACLED's Looting/property
//! destruction), and "seized rifles and ammunition" takes weapons out of use (Disrupted
//! weapons use). A seizure of goods says least of an incident: any other kind of violence
//! told with it ("attacked the village and seized livestock") decides.

use super::events::EventCue;
use super::incidents::Reading;
use super::lexicon::{Lexicon, Sec};
use crate::model::SubEventType;

/// How many words after a seizure verb may name what was seized.
const OBJECT_WORDS: usize = 5;

/// The kind of event the cue stands for when it is a seizure of things, not of ground:
/// `None` when the cue is no seizure verb or what it seized is a place ("seized the town",
/// "seized Foo", "seized control").
pub fn goods_seized(
    lex: &Lexicon,
    text: &str,
    r: &Reading,
    cue: &EventCue,
) -> Option<SubEventType> {
    if cue.sub_type != SubEventType::NonStateActorOvertakesTerritory {
        return None;
    }
    let word = |k: usize| r.lower_word(text, k).unwrap_or_default();
    if !lex.has(Sec::SeizureVerbs, &word(cue.token)) {
        return None;
    }
    let end = r.sentence.end.min(cue.token + 1 + OBJECT_WORDS);
    let mut weapons = false;
    for k in cue.token + 1..end {
        let w = word(k);
        if w == "," || lex.has(Sec::ClauseBreaks, &w) || lex.has(Sec::NotLocative, &w) {
            break;
        }
        let place = r.places.iter().any(|p| p.found.start == k);
        let (a, b) = r.token_bytes(k);
        let name = text
            .get(a..b)
            .is_some_and(|s| s.chars().next().is_some_and(char::is_uppercase));
        if place || name || lex.has(Sec::TerritoryWords, &w) {
            return None;
        }
        weapons |= lex.has(Sec::WeaponWords, &w);
    }
    Some(if weapons {
        SubEventType::DisruptedWeaponsUse
    } else {
        SubEventType::LootingPropertyDestruction
    })
}
