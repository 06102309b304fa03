//! Stage merge: the place rule — are two reports' places one place? In: the two reports'
//! [`Place`]s and the largest count they share; out: what the places share or what sets them
//! apart, written into the pair's [`Judgement`] (with its score, and whether the places agree
//! or one names only a province). Different countries, districts or sites that the reports
//! name set a pair apart; the same gazetteer entry, a province and a place in it, or two
//! points within a reach that depends on both precisions make one place.

use crate::model::{GeoPrecision, Place};
use crate::reference::distance_km;

use super::admin::{province_and_place, same_division};
use super::Judgement;

/// Two different gazetteer towns within the towns' reach are one place for a pair of reports
/// that give the same count of at least this size (small counts coincide too often).
pub const NEIGHBOUR_COUNT_MIN: u64 = 10;

/// How far apart two places may be and still be one, by the coarser of their precisions.
fn reach_km(a: GeoPrecision, b: GeoPrecision, site_and_town: bool) -> f64 {
    use GeoPrecision::*;
    match a.max(b) {
        Site | Town if site_and_town => 10.0,
        Site | Town => 5.0,
        NearTown => 25.0,
        Admin2 => 50.0,
        Admin1 | Country | Unknown => 0.0,
    }
}

/// The part of a place name before its town ("Salah Eddin" of "Salah Eddin, Aleppo"), or
/// the table's third-level division: the district a report places the event in.
pub(super) fn district(place: &Place) -> Option<String> {
    let from_name = place
        .name
        .split_once(',')
        .map(|(head, _)| head.trim())
        .filter(|h| !h.is_empty());
    from_name
        .or(place.admin3.as_deref())
        .map(|d| d.trim().to_lowercase())
}

fn lower(text: &Option<String>) -> Option<String> {
    text.as_deref().map(|t| t.trim().to_lowercase())
}

/// Site kinds that name a part of a town rather than a facility: they neither tell two
/// events apart nor support a merge.
const AREA_SITES: [&str; 1] = ["neighbourhood"];

/// The facility a report names ("prison", "market"), if any.
pub fn facility(place: &Place) -> Option<String> {
    lower(&place.site).filter(|s| !AREA_SITES.contains(&s.as_str()))
}

/// Place: the same gazetteer entry, a site and its town, or within a reach that depends on
/// both precisions (two gazetteer towns only as neighbours with a distinctive shared count,
/// `shared_count`); never two districts or two sites of one town that the reports name.
pub fn place(a: &Place, b: &Place, shared_count: Option<u64>, j: &mut Judgement) {
    if !same_country(a, b, j) {
        return;
    }
    named_parts(a, b, j);
    if at_the_reference(a, b, j) {
        return;
    }
    if same_entry(a, b, j) || province_and_town(a, b, j) {
        return;
    }
    let (Some(pa), Some(pb)) = (a.lon_lat(), b.lon_lat()) else {
        j.apart.push("a place without coordinates".into());
        return;
    };
    let coarse = |p: &Place| p.precision >= GeoPrecision::Admin1;
    if coarse(a) || coarse(b) {
        j.apart
            .push("a province- or country-wide place (only the same entry merges)".into());
        return;
    }
    let km = distance_km(pa.0, pa.1, pb.0, pb.1);
    within_reach(a, b, km, shared_count, j);
}

/// False (and the pair set apart) when the reports name two different countries.
fn same_country(a: &Place, b: &Place, j: &mut Judgement) -> bool {
    let (ca, cb) = (lower(&a.country_code), lower(&b.country_code));
    if let (Some(x), Some(y)) = (&ca, &cb) {
        if x != y {
            j.apart.push(format!("different countries ({x} / {y})"));
            return false;
        }
    }
    true
}

/// Two different districts, or two different sites, that the reports name set them apart.
fn named_parts(a: &Place, b: &Place, j: &mut Judgement) {
    if let (Some(x), Some(y)) = (district(a), district(b)) {
        if x != y {
            j.apart.push(format!(
                "different districts ({} / {})",
                a.display_name(),
                b.display_name()
            ));
        }
    }
    if let (Some(x), Some(y)) = (facility(a), facility(b)) {
        if x != y {
            j.apart.push(format!("different sites ({x} / {y})"));
        }
    }
}

/// True (and the pair set apart) when one report gives its place as a distance and direction
/// from a known place ("50 km north of A") and the other is at that known place: its entry,
/// or a point nearer to it than to the place measured from it.
fn at_the_reference(a: &Place, b: &Place, j: &mut Judgement) -> bool {
    for (moved, other) in [(a, b), (b, a)] {
        let (Some(offset), None) = (&moved.offset, &other.offset) else {
            continue;
        };
        let same_entry = other.gazetteer_id.as_deref() == Some(offset.from_id.as_str());
        let nearer_the_reference = match (moved.lon_lat(), other.lon_lat()) {
            (Some(m), Some(o)) => {
                distance_km(offset.from_lon, offset.from_lat, o.0, o.1)
                    < distance_km(m.0, m.1, o.0, o.1)
            }
            _ => false,
        };
        if same_entry || nearer_the_reference {
            j.apart.push(format!(
                "one report places it {} ({:.0} km from {}), the other at {}",
                moved.display_name(),
                offset.km,
                offset.from_name,
                other.display_name()
            ));
            return true;
        }
    }
    false
}

/// True (the places agree) when both reports name the same gazetteer entry.
fn same_entry(a: &Place, b: &Place, j: &mut Judgement) -> bool {
    let same_entry = a.gazetteer_id.is_some() && a.gazetteer_id == b.gazetteer_id;
    if same_entry {
        j.score += 30;
        let name = a.canonical_name.as_deref().unwrap_or(a.display_name());
        j.alike.push(format!("same place ({name})"));
        j.same_place = true;
    }
    same_entry
}

/// True when one report names only a province and the other a place in it.
fn province_and_town(a: &Place, b: &Place, j: &mut Judgement) -> bool {
    let Some(wide) = province_and_place(a, b) else {
        return false;
    };
    // Which town of the province is not known: only a count in common can say it is
    // this one (see `judge`).
    j.province = true;
    j.same_place = true;
    j.score += 5;
    j.alike.push(format!(
        "a province-wide report ({}) and a place in that province ({} / {})",
        wide.display_name(),
        a.display_name(),
        b.display_name()
    ));
    true
}

/// Two gazetteer places in different first-level divisions are two places however near
/// they are: a district centre and a town across the provincial line, each report naming its
/// own province. Only places the gazetteer resolved are compared, as it spells every province
/// one way; a table's own spelling of a province may differ from it.
fn different_provinces(a: &Place, b: &Place, j: &mut Judgement) {
    if a.gazetteer_id.is_none() || b.gazetteer_id.is_none() {
        return;
    }
    if same_division(a.admin1.as_deref(), b.admin1.as_deref()) == Some(false) {
        let name = |p: &Place| p.admin1.clone().unwrap_or_default();
        j.apart
            .push(format!("different provinces ({} / {})", name(a), name(b)));
    }
}

/// Two places `km` apart, both finer than a province: one place when within the reach their
/// precisions allow.
fn within_reach(a: &Place, b: &Place, km: f64, shared_count: Option<u64>, j: &mut Judgement) {
    let site = |p: &Place| p.site.is_some() || p.precision == GeoPrecision::Site;
    let site_and_town = site(a) != site(b);
    let both_named = a.gazetteer_id.is_some() && b.gazetteer_id.is_some();
    // Two different gazetteer towns are two towns, unless they are one spot (namesakes), or
    // neighbours that give the same distinctive count (one barrage on adjacent suburbs, each
    // report naming the suburb it heard of).
    let two_towns =
        both_named && !site_and_town && a.precision.max(b.precision) <= GeoPrecision::Town;
    let neighbours = two_towns && shared_count.is_some_and(|v| v >= NEIGHBOUR_COUNT_MIN);
    let reach = if two_towns && !neighbours {
        1.0
    } else {
        reach_km(a.precision, b.precision, site_and_town)
    };
    different_provinces(a, b, j);
    // Two districts the gazetteer tells apart are two places: their centres may lie close.
    if both_named && a.precision == GeoPrecision::Admin2 && b.precision == GeoPrecision::Admin2 {
        j.apart.push(format!(
            "two districts ({} / {})",
            a.display_name(),
            b.display_name()
        ));
    }
    // Data sets spell one district differently ("Northfield region" / "Northfield").
    if same_division(a.admin2.as_deref(), b.admin2.as_deref()) == Some(false)
        && a.precision.max(b.precision) >= GeoPrecision::Admin2
    {
        let name = |p: &Place| p.admin2.clone().unwrap_or_default();
        j.apart
            .push(format!("different districts ({} / {})", name(a), name(b)));
    }
    if km <= reach {
        if neighbours && km > 1.0 {
            j.alike.push(format!(
                "neighbouring towns sharing a count of {}",
                shared_count.unwrap_or_default()
            ));
        }
        j.same_place = true;
        j.score += 25 - (km * 2.0).min(20.0) as i64;
        j.alike.push(format!(
            "places {:.1} km apart ({} / {}), within {reach} km",
            km,
            a.display_name(),
            b.display_name()
        ));
    } else {
        j.apart.push(format!(
            "places {:.1} km apart ({} / {}), more than {reach} km",
            km,
            a.display_name(),
            b.display_name()
        ));
    }
}
