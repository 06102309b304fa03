//! Model (shared by every stage): where an incident happened, as reported and as resolved.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::ParseError;

/// How precisely a place is known, with UCDP `where_prec` semantics.
///
/// | incimap     | meaning                                   | UCDP `where_prec` | ACLED `geo_precision` |
/// |-------------|-------------------------------------------|-------------------|-----------------------|
/// | `site`      | the exact facility or spot                | 1                 | 1                     |
/// | `town`      | in a named town or village                | 1                 | 1                     |
/// | `near_town` | at or near a town (within ~25 km)         | 2                 | 2                     |
/// | `admin2`    | somewhere in a district                   | 3                 | 3                     |
/// | `admin1`    | somewhere in a province / governorate     | 4                 | 3                     |
/// | `country`   | somewhere in a country                    | 6                 | 3                     |
/// | `unknown`   | not resolved                              | –                 | –                     |
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GeoPrecision {
    Site,
    Town,
    NearTown,
    Admin2,
    Admin1,
    Country,
    Unknown,
}

impl GeoPrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            GeoPrecision::Site => "site",
            GeoPrecision::Town => "town",
            GeoPrecision::NearTown => "near_town",
            GeoPrecision::Admin2 => "admin2",
            GeoPrecision::Admin1 => "admin1",
            GeoPrecision::Country => "country",
            GeoPrecision::Unknown => "unknown",
        }
    }

    /// UCDP GED `where_prec` (1–6); `None` for unknown.
    pub fn ucdp_code(self) -> Option<u8> {
        match self {
            GeoPrecision::Site | GeoPrecision::Town => Some(1),
            GeoPrecision::NearTown => Some(2),
            GeoPrecision::Admin2 => Some(3),
            GeoPrecision::Admin1 => Some(4),
            GeoPrecision::Country => Some(6),
            GeoPrecision::Unknown => None,
        }
    }

    /// From UCDP GED `where_prec` (5, a linear feature, is treated as admin1-wide).
    pub fn from_ucdp_code(code: u8) -> GeoPrecision {
        match code {
            1 => GeoPrecision::Town,
            2 => GeoPrecision::NearTown,
            3 => GeoPrecision::Admin2,
            4 | 5 => GeoPrecision::Admin1,
            6 | 7 => GeoPrecision::Country,
            _ => GeoPrecision::Unknown,
        }
    }

    /// ACLED `geo_precision` (1 town, 2 near a town / part of a region, 3 larger region).
    pub fn acled_code(self) -> Option<u8> {
        match self {
            GeoPrecision::Site | GeoPrecision::Town => Some(1),
            GeoPrecision::NearTown => Some(2),
            GeoPrecision::Admin2 | GeoPrecision::Admin1 | GeoPrecision::Country => Some(3),
            GeoPrecision::Unknown => None,
        }
    }
}

impl fmt::Display for GeoPrecision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for GeoPrecision {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        let folded = s.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        Ok(match folded.as_str() {
            "site" | "exact" => GeoPrecision::Site,
            "town" | "city" | "village" => GeoPrecision::Town,
            "near_town" | "near" => GeoPrecision::NearTown,
            "admin2" | "district" => GeoPrecision::Admin2,
            "admin1" | "province" | "governorate" => GeoPrecision::Admin1,
            "country" => GeoPrecision::Country,
            "unknown" | "" => GeoPrecision::Unknown,
            other => {
                return Err(ParseError::new(format!(
                "a geo precision (site, town, near_town, admin2, admin1, country), got {other:?}"
            )))
            }
        })
    }
}

/// A place as reported and, once geocoded, as resolved in the gazetteer.
///
/// A place the report gives only as a distance and direction from a known place ("50 km
/// northeast of A") is not that place: its point is A's point moved by that distance along
/// that bearing, its `name` says what the report said ("50 km northeast of A"), its
/// precision is `near_town`, and it has no `gazetteer_id` and no `canonical_name` (nor
/// `admin1`: tens of km may cross a province border; the country is kept). A's entry is kept
/// only in [`Place::offset`] (and the incident lists A among its mentions), so the incident
/// is neither merged with incidents at A by a shared entry nor drawn or exported as an
/// incident at A: exports show an empty `place_id` for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// The name as the source wrote it ("Ain Issa", "عين عيسى").
    pub name: String,
    /// Gazetteer entry, e.g. `geonames:172134` or `site:ain-issa-camp`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gazetteer_id: Option<String>,
    /// The gazetteer's canonical name ("'Ayn 'Isa").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical_name: Option<String>,
    /// ISO 3166-1 alpha-2 country code ("SY").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// First-level division (governorate, province) name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
    /// Second-level division (district) name, as the table gives it (ACLED `admin2`, UCDP
    /// `adm_2`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin2: Option<String>,
    /// Third-level division (sub-district) name (ACLED `admin3`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin3: Option<String>,
    /// Longitude in degrees east, WGS 84.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// Latitude in degrees north, WGS 84.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    pub precision: GeoPrecision,
    /// A facility at the place ("camp", "prison"), when the report names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// The known place this one was measured from, when the report gives only a distance and
    /// direction from it (see [`Place`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<PlaceOffset>,
}

/// "`km` km along `bearing_deg` from the gazetteer entry `from_id`": how a place given as a
/// distance and direction from a known place was computed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceOffset {
    /// The known place's gazetteer entry (`geonames:…`): a reference, not this place's id.
    pub from_id: String,
    /// The known place's canonical name.
    pub from_name: String,
    /// The known place's longitude, degrees east (WGS 84).
    pub from_lon: f64,
    /// The known place's latitude, degrees north (WGS 84).
    pub from_lat: f64,
    /// The distance the report gives, in km (miles converted; the km figure when both are
    /// written).
    pub km: f64,
    /// The direction from the known place, clockwise from true north, in degrees.
    pub bearing_deg: f64,
}

impl Place {
    /// An unresolved place known only by its reported name.
    pub fn named(name: impl Into<String>) -> Place {
        Place {
            name: name.into(),
            gazetteer_id: None,
            canonical_name: None,
            country_code: None,
            admin1: None,
            admin2: None,
            admin3: None,
            lon: None,
            lat: None,
            precision: GeoPrecision::Unknown,
            site: None,
            offset: None,
        }
    }

    /// `(lon, lat)` when both are present and valid WGS 84 values.
    pub fn lon_lat(&self) -> Option<(f64, f64)> {
        match (self.lon, self.lat) {
            (Some(lon), Some(lat)) if valid_lon_lat(lon, lat) => Some((lon, lat)),
            _ => None,
        }
    }

    /// The name to print on a map: the reported name (what the reader saw in the article).
    pub fn display_name(&self) -> &str {
        if self.name.trim().is_empty() {
            self.canonical_name.as_deref().unwrap_or("")
        } else {
            &self.name
        }
    }
}

/// True when `lon` is in -180..=180 and `lat` in -90..=90 (and neither is NaN).
pub fn valid_lon_lat(lon: f64, lat: f64) -> bool {
    (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_codes_match_ucdp_and_acled() {
        assert_eq!(GeoPrecision::NearTown.ucdp_code(), Some(2));
        assert_eq!(GeoPrecision::Country.ucdp_code(), Some(6));
        assert_eq!(GeoPrecision::from_ucdp_code(4), GeoPrecision::Admin1);
        assert_eq!(GeoPrecision::Admin1.acled_code(), Some(3));
        assert_eq!(
            "near town".parse::<GeoPrecision>().unwrap(),
            GeoPrecision::NearTown
        );
        assert!("somewhere".parse::<GeoPrecision>().is_err());
    }

    #[test]
    fn invalid_coordinates_are_not_a_location() {
        let mut place = Place::named("x");
        place.lon = Some(f64::NAN);
        place.lat = Some(10.0);
        assert_eq!(place.lon_lat(), None);
        place.lon = Some(38.86228);
        place.lat = Some(36.3855);
        assert_eq!(place.lon_lat(), Some((38.86228, 36.3855)));
        place.lat = Some(136.0);
        assert_eq!(place.lon_lat(), None);
    }
}
