//! Stage 1, ingest/extract: a place use as the model's place: the site or town entry, or the
//! point an offset ("40 km north of A") puts it at.

use super::super::offset::Offset;
use super::PlaceUse;
use crate::model::{Place, PlaceOffset};
use crate::reference::destination;

/// The model place for a use: the site entry's id when one matched, else the town's; for a
/// place given as a distance and direction from it, the point that far away (see
/// [`Place`]: the entry is only its [`PlaceOffset`] reference).
pub fn to_place(text: &str, used: &PlaceUse) -> Place {
    let mut place = known_place(text, used);
    if let Some(offset) = &used.offset {
        move_by(&mut place, offset);
    }
    place
}

/// The model place of a use named for context: the known place itself, even when the text
/// measures another place from it ("Mosul, 400 km north of Baghdad" mentions Baghdad).
pub fn mention_place(text: &str, used: &PlaceUse) -> Place {
    known_place(text, used)
}

/// The known place an offset was measured from ("A" in "50 km north of A"), as context;
/// `None` when the use has no offset.
pub fn offset_reference(text: &str, used: &PlaceUse) -> Option<Place> {
    used.offset.as_ref()?;
    let mut place = known_place(text, used);
    place.precision = used.found.entry.kind.precision();
    Some(place)
}

/// Moves a place by an offset: the point along the bearing, the name as written, the entry
/// kept only as the offset's reference.
fn move_by(place: &mut Place, offset: &Offset) {
    let (Some(lon), Some(lat), Some(id)) = (place.lon, place.lat, place.gazetteer_id.take()) else {
        return;
    };
    let (to_lon, to_lat) = destination(lon, lat, offset.bearing_deg, offset.km);
    place.offset = Some(PlaceOffset {
        from_id: id,
        from_name: place.canonical_name.take().unwrap_or_default(),
        from_lon: lon,
        from_lat: lat,
        km: offset.km,
        bearing_deg: offset.bearing_deg,
    });
    place.name = format!("{} {}", offset.phrase, place.name);
    // To 1e-5 degrees (about a metre), as the gazetteer's points.
    place.lon = Some((to_lon * 1e5).round() / 1e5);
    place.lat = Some((to_lat * 1e5).round() / 1e5);
    place.admin1 = None;
}

/// The model place of the known place a use names.
fn known_place(text: &str, used: &PlaceUse) -> Place {
    let topo = &used.found.entry;
    let mut place = Place::named(&text[used.found.byte_start..used.found.byte_end]);
    let entry = used.site_entry.as_ref().unwrap_or(topo);
    let measured_from = used.offset.as_ref().filter(|_| used.site_entry.is_none());
    place.gazetteer_id = Some(measured_from.map_or(&entry.id, |o| &o.from_id).clone());
    place.canonical_name = Some(topo.name.clone());
    // A world region has no country code.
    place.country_code = (!topo.country_code.is_empty()).then(|| topo.country_code.clone());
    place.admin1 = topo.admin1.clone();
    place.lon = Some(entry.lon);
    place.lat = Some(entry.lat);
    place.precision = used.precision;
    place.site = used.site.clone();
    place
}
