//! Stage 1, extract: violence by crowds. ACLED's definitions decide: a demonstration that
//! turns violent (stones thrown, a riot) is a Violent demonstration, not a
//! Peaceful protest; a clash fought with stones and sticks, by a mob, is Mob violence, not an
//! Armed clash between organised armed groups. The cues are the lexicon's `events`.

use super::events::EventCue;
use crate::model::SubEventType;

/// Kinds of violence that make a demonstration violent when the same incident tells them (not
/// a killing, an attack or looting: a protest against one, or against "looted funds", is
/// still peaceful).
fn violent(sub: SubEventType) -> bool {
    use SubEventType::*;
    matches!(sub, MobViolence | ViolentDemonstration)
}

/// The sub-event type `chosen`, corrected by the other cues of its incident: a peaceful
/// protest with violence told beside it is a violent demonstration; an armed clash told with
/// the signs of a mob (stones, "a mob") is mob violence.
pub fn by_crowd<'c>(
    chosen: SubEventType,
    cues: impl IntoIterator<Item = &'c EventCue> + Clone,
) -> SubEventType {
    let mut all = cues.into_iter().map(|c| c.sub_type);
    match chosen {
        SubEventType::PeacefulProtest if all.any(violent) => SubEventType::ViolentDemonstration,
        SubEventType::ArmedClash if all.any(|s| s == SubEventType::MobViolence) => {
            SubEventType::MobViolence
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(sub_type: SubEventType) -> EventCue {
        EventCue {
            token: 0,
            sub_type,
            fallback: false,
        }
    }

    #[test]
    fn a_protest_with_violence_beside_it_is_a_violent_demonstration() {
        let told = [
            cue(SubEventType::PeacefulProtest),
            cue(SubEventType::MobViolence),
        ];
        assert_eq!(
            by_crowd(SubEventType::PeacefulProtest, &told),
            SubEventType::ViolentDemonstration
        );
        let calm = [
            cue(SubEventType::PeacefulProtest),
            cue(SubEventType::Arrests),
        ];
        assert_eq!(
            by_crowd(SubEventType::PeacefulProtest, &calm),
            SubEventType::PeacefulProtest
        );
    }

    #[test]
    fn a_clash_with_stones_is_mob_violence_and_with_guns_stays_a_clash() {
        let stones = [
            cue(SubEventType::ArmedClash),
            cue(SubEventType::MobViolence),
        ];
        assert_eq!(
            by_crowd(SubEventType::ArmedClash, &stones),
            SubEventType::MobViolence
        );
        let shelling = [
            cue(SubEventType::ArmedClash),
            cue(SubEventType::ShellingArtilleryMissileAttack),
        ];
        assert_eq!(
            by_crowd(SubEventType::ArmedClash, &shelling),
            SubEventType::ArmedClash
        );
    }
}
