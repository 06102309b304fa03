//! Stage 1, ingest: ACLED's pre-2019 layout and taxonomy, mapped onto the current one.
//!
//! Until 2019 ACLED had nine event types; the current taxonomy has six types with sub-event
//! types. An old type is read as the current type (and sub-event type where the old one
//! says it), and the original is kept as the extra property `acled_event_type_original`
//! (documented in the README, "ACLED CSV"):
//!
//! | pre-2019 `event_type` | `event_type` | `sub_event_type` |
//! |---|---|---|
//! | Battle-No change of territory | Battles | Armed clash |
//! | Battle-Government regains territory | Battles | Government regains territory |
//! | Battle-Non-state actor overtakes territory | Battles | Non-state actor overtakes territory |
//! | Remote violence | Explosions/Remote violence | |
//! | Violence against civilians | Violence against civilians | |
//! | Riots/Protests | Riots when `inter1` is 5 (rioters), else Protests | |
//! | Strategic development | Strategic developments | |
//! | Headquarters or base established | Strategic developments | Headquarters or base established |
//! | Non-violent transfer of territory | Strategic developments | Non-violent transfer of territory |
//!
//! The old layout's `ally_actor_1` and `ally_actor_2` are read as `assoc_actor_1` and
//! `assoc_actor_2`; `gwno` (Gleditsch–Ward country number), `data_id`, `event_id_no_cnty`
//! and a leading index column without a name stay extras (the index column is dropped).

use crate::model::{EventType, SubEventType};

/// The extra property that keeps an old event type as the table wrote it.
pub const ORIGINAL_EVENT_TYPE: &str = "acled_event_type_original";

/// The actor columns of the old layout, by the current name they stand for.
pub const ACTOR_ALIASES: [(&str, &str); 2] = [
    ("assoc_actor_1", "ally_actor_1"),
    ("assoc_actor_2", "ally_actor_2"),
];

/// ACLED's interaction code for rioters (`inter1`).
const RIOTERS: &str = "5";

/// The current event type (and sub-event type) of a pre-2019 one; `None` when `old` is not
/// an old type. `inter1` is the row's actor code, which tells riots from protests.
pub fn current_event_type(old: &str, inter1: &str) -> Option<(EventType, Option<SubEventType>)> {
    let key = old.trim().to_lowercase();
    let mapped = match key.as_str() {
        "battle-no change of territory" => (EventType::Battles, Some(SubEventType::ArmedClash)),
        "battle-government regains territory" => (
            EventType::Battles,
            Some(SubEventType::GovernmentRegainsTerritory),
        ),
        "battle-non-state actor overtakes territory" => (
            EventType::Battles,
            Some(SubEventType::NonStateActorOvertakesTerritory),
        ),
        "remote violence" => (EventType::ExplosionsRemoteViolence, None),
        "violence against civilians" => (EventType::ViolenceAgainstCivilians, None),
        "riots/protests" if inter1.trim() == RIOTERS => (EventType::Riots, None),
        "riots/protests" => (EventType::Protests, None),
        "strategic development" => (EventType::StrategicDevelopments, None),
        "headquarters or base established" => (
            EventType::StrategicDevelopments,
            Some(SubEventType::HeadquartersOrBaseEstablished),
        ),
        "non-violent transfer of territory" => (
            EventType::StrategicDevelopments,
            Some(SubEventType::NonViolentTransferOfTerritory),
        ),
        _ => return None,
    };
    Some(mapped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_old_type_has_a_current_one() {
        let battles = current_event_type("Battle-No change of territory", "1").unwrap();
        assert_eq!(
            battles,
            (EventType::Battles, Some(SubEventType::ArmedClash))
        );
        let riots = current_event_type("Riots/Protests", "5").unwrap();
        assert_eq!(riots.0, EventType::Riots);
        let protests = current_event_type("Riots/Protests", "6").unwrap();
        assert_eq!(protests.0, EventType::Protests);
        assert_eq!(
            current_event_type("Remote violence", "").unwrap().0,
            EventType::ExplosionsRemoteViolence
        );
        assert!(current_event_type("Battles", "").is_none());
    }
}
