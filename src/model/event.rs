//! Model (shared by every stage): the ACLED event taxonomy (event types and their sub-types).
//!
//! Names serialize exactly as ACLED spells them ("Explosions/Remote violence",
//! "Shelling/artillery/missile attack"), so exports re-import into ACLED-aware tools. Parsing is
//! forgiving: case, spaces, slashes, hyphens and underscores are ignored.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::ParseError;

macro_rules! taxonomy {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// ACLED's spelling.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = ParseError;
            fn from_str(s: &str) -> Result<Self, ParseError> {
                // Fast path: ACLED's own spelling (every row of a large export).
                if let Some(v) = $name::ALL.iter().copied().find(|v| v.as_str() == s) {
                    return Ok(v);
                }
                let key = squash(s);
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| squash(v.as_str()) == key)
                    .ok_or_else(|| ParseError::new(format!(
                        "one of {}, got {:?}",
                        $name::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join("; "),
                        s
                    )))
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

taxonomy! {
    /// ACLED event types.
    EventType {
        Battles => "Battles",
        ExplosionsRemoteViolence => "Explosions/Remote violence",
        ViolenceAgainstCivilians => "Violence against civilians",
        Protests => "Protests",
        Riots => "Riots",
        StrategicDevelopments => "Strategic developments",
    }
}

taxonomy! {
    /// ACLED sub-event types; [`SubEventType::event_type`] gives the parent.
    SubEventType {
        ArmedClash => "Armed clash",
        GovernmentRegainsTerritory => "Government regains territory",
        NonStateActorOvertakesTerritory => "Non-state actor overtakes territory",
        ChemicalWeapon => "Chemical weapon",
        AirDroneStrike => "Air/drone strike",
        SuicideBomb => "Suicide bomb",
        ShellingArtilleryMissileAttack => "Shelling/artillery/missile attack",
        RemoteExplosiveLandmineIed => "Remote explosive/landmine/IED",
        Grenade => "Grenade",
        SexualViolence => "Sexual violence",
        Attack => "Attack",
        AbductionForcedDisappearance => "Abduction/forced disappearance",
        PeacefulProtest => "Peaceful protest",
        ProtestWithIntervention => "Protest with intervention",
        ExcessiveForceAgainstProtesters => "Excessive force against protesters",
        ViolentDemonstration => "Violent demonstration",
        MobViolence => "Mob violence",
        Agreement => "Agreement",
        Arrests => "Arrests",
        ChangeToGroupActivity => "Change to group/activity",
        DisruptedWeaponsUse => "Disrupted weapons use",
        HeadquartersOrBaseEstablished => "Headquarters or base established",
        LootingPropertyDestruction => "Looting/property destruction",
        NonViolentTransferOfTerritory => "Non-violent transfer of territory",
        Other => "Other",
    }
}

impl SubEventType {
    /// The event type this sub-type belongs to in ACLED's codebook.
    pub fn event_type(self) -> EventType {
        use SubEventType::*;
        match self {
            ArmedClash | GovernmentRegainsTerritory | NonStateActorOvertakesTerritory => {
                EventType::Battles
            }
            ChemicalWeapon
            | AirDroneStrike
            | SuicideBomb
            | ShellingArtilleryMissileAttack
            | RemoteExplosiveLandmineIed
            | Grenade => EventType::ExplosionsRemoteViolence,
            SexualViolence | Attack | AbductionForcedDisappearance => {
                EventType::ViolenceAgainstCivilians
            }
            PeacefulProtest | ProtestWithIntervention | ExcessiveForceAgainstProtesters => {
                EventType::Protests
            }
            ViolentDemonstration | MobViolence => EventType::Riots,
            Agreement
            | Arrests
            | ChangeToGroupActivity
            | DisruptedWeaponsUse
            | HeadquartersOrBaseEstablished
            | LootingPropertyDestruction
            | NonViolentTransferOfTerritory
            | Other => EventType::StrategicDevelopments,
        }
    }
}

/// Lower-case alphanumerics only: "Explosions/Remote violence" → "explosionsremoteviolence".
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_in_acled_spelling() {
        for t in EventType::ALL {
            assert_eq!(t.as_str().parse::<EventType>().unwrap(), *t);
        }
        for s in SubEventType::ALL {
            assert_eq!(s.as_str().parse::<SubEventType>().unwrap(), *s);
        }
        assert_eq!(
            "explosions_remote_violence".parse::<EventType>().unwrap(),
            EventType::ExplosionsRemoteViolence
        );
        let json = serde_json::to_string(&SubEventType::AirDroneStrike).unwrap();
        assert_eq!(json, "\"Air/drone strike\"");
    }

    #[test]
    fn sub_types_know_their_parent() {
        assert_eq!(SubEventType::ArmedClash.event_type(), EventType::Battles);
        assert_eq!(
            SubEventType::Arrests.event_type(),
            EventType::StrategicDevelopments
        );
        assert_eq!(
            SubEventType::ShellingArtilleryMissileAttack.event_type(),
            EventType::ExplosionsRemoteViolence
        );
    }

    #[test]
    fn unknown_names_say_what_was_expected() {
        let err = "Skirmish".parse::<EventType>().unwrap_err().to_string();
        assert!(err.contains("Battles") && err.contains("Skirmish"), "{err}");
    }
}
