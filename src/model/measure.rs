//! Model (shared by every stage): what a figure counts ([`Measure`]: killed, injured,
//! escaped, … or any other name a table gives), and the largest count read ([`MAX_COUNT`]).

use std::fmt;

use serde::{Deserialize, Serialize};

/// The largest count incimap reads (ten billion, more people than live on Earth): larger
/// values are input errors, and sums of counts saturate far above it instead of wrapping.
pub const MAX_COUNT: u64 = 10_000_000_000;

/// What a figure counts. Open-ended: known measures have a fixed spelling, anything else is
/// kept as written (lower case).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum Measure {
    Killed,
    Injured,
    Escaped,
    Recaptured,
    Detained,
    Attackers,
    Captured,
    Displaced,
    Present,
    Missing,
    Other(String),
}

impl Measure {
    /// A death or an injury: a casualty of the event.
    pub fn is_casualty(&self) -> bool {
        matches!(self, Measure::Killed | Measure::Injured)
    }

    /// Measures with a fixed name, in the order export columns use.
    pub const KNOWN: [Measure; 10] = [
        Measure::Killed,
        Measure::Injured,
        Measure::Escaped,
        Measure::Recaptured,
        Measure::Detained,
        Measure::Attackers,
        Measure::Captured,
        Measure::Displaced,
        Measure::Present,
        Measure::Missing,
    ];

    pub fn as_str(&self) -> &str {
        match self {
            Measure::Killed => "killed",
            Measure::Injured => "injured",
            Measure::Escaped => "escaped",
            Measure::Recaptured => "recaptured",
            Measure::Detained => "detained",
            Measure::Attackers => "attackers",
            Measure::Captured => "captured",
            Measure::Displaced => "displaced",
            Measure::Present => "present",
            Measure::Missing => "missing",
            Measure::Other(name) => name,
        }
    }

    /// Parses a measure name; synonyms map onto the known measures
    /// (`fatalities`, `deaths`, `dead` → killed; `wounded` → injured; `held` → detained).
    pub fn parse(name: &str) -> Measure {
        let name = name.trim().to_lowercase();
        match name.as_str() {
            "killed" | "fatalities" | "deaths" | "dead" => Measure::Killed,
            "injured" | "wounded" => Measure::Injured,
            "escaped" | "escapees" => Measure::Escaped,
            "recaptured" | "rearrested" => Measure::Recaptured,
            "detained" | "held" | "arrested" | "prisoners" => Measure::Detained,
            "attackers" => Measure::Attackers,
            "captured" | "hostages" | "abducted" => Measure::Captured,
            "displaced" => Measure::Displaced,
            "present" | "population" => Measure::Present,
            "missing" => Measure::Missing,
            _ => Measure::Other(name),
        }
    }

    /// True for measures that count people (all of the known ones do).
    pub fn counts_people(&self) -> bool {
        !matches!(self, Measure::Other(_))
    }
}

impl From<String> for Measure {
    fn from(name: String) -> Measure {
        Measure::parse(&name)
    }
}

impl From<Measure> for String {
    fn from(measure: Measure) -> String {
        measure.as_str().to_string()
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
