//! Stage 1, extract: a province's seat at the end of an address stands for the province.
//! "Torodi, Tillabery", "X (Torodi, Tillabery)": a place and, after a comma, the name its
//! province shares with its capital. When the gazetteer knows the second name only as the
//! capital (one of the town's spellings that the province lacks), the address still names
//! the province, not a second town 100 km away where another event took place.

use super::super::place_index::{PlaceIndex, Toponym};
use super::super::text::Token;
use super::super::toponyms::PlaceMatch;
use crate::gazetteer::{fold, Context, EntryKind};

/// How many readings of the province's name are looked through for the province itself.
const PROVINCE_READINGS: usize = 8;

/// Reads as its province every town of `out` that ends an address after a place of the same
/// province ("A, B" or "A (B" or "(Z, A, B)"; a word for A's kind may stand before the comma)
/// when the province bears the town's name ("Tillabéri" of "Tillabéri Region").
pub(in crate::extract) fn seat_as_province(
    index: &PlaceIndex,
    out: &mut [PlaceMatch],
    toks: &[Token],
) {
    for i in 1..out.len() {
        let (x, y) = (&out[i - 1], &out[i]);
        let joined = y.start == x.end + 1
            && toks
                .get(x.end)
                .is_some_and(|t| matches!(t.lower.as_str(), "," | "("));
        let ends_address = toks
            .get(y.end)
            .is_none_or(|t| matches!(t.lower.as_str(), ")" | "," | "." | ";"));
        let finer = |t: &Toponym| matches!(t.kind, EntryKind::Populated | EntryKind::Admin2);
        let same_province = x.entry.admin1.is_some()
            && x.entry.admin1 == y.entry.admin1
            && x.entry.country_code == y.entry.country_code;
        if !(joined
            && ends_address
            && finer(&x.entry)
            && y.entry.kind == EntryKind::Populated
            && same_province)
        {
            continue;
        }
        if let Some(province) = own_province_named_as(index, &y.entry) {
            out[i].entry = province;
        }
    }
}

/// The first-level division `town` lies in, when its name is the town's name with at most a
/// word for its kind after it ("Tillabéri Region" for "Tillabéri").
fn own_province_named_as(index: &PlaceIndex, town: &Toponym) -> Option<Toponym> {
    let name = town.admin1.as_deref()?;
    let (town_key, province_key) = (fold(&town.name), fold(name));
    let rest = province_key.strip_prefix(town_key.as_str())?;
    if !(rest.is_empty() || rest.starts_with(' ') && !rest.trim().contains(' ')) {
        return None;
    }
    let context = Context::country(Some(&town.country_code));
    index
        .candidates(name, &context, PROVINCE_READINGS)
        .into_iter()
        .find(|t| {
            t.kind == EntryKind::Admin1 && t.country_code == town.country_code && t.name == name
        })
}

#[cfg(test)]
mod tests {
    use crate::extract::{extract_text, Options, PlaceIndex};

    fn places(body: &str) -> Vec<(String, usize)> {
        let text = format!("date 2024-05-08\n\n{body}\n");
        let ex = extract_text(&text, "t.txt", PlaceIndex::builtin(), &Options::default());
        ex.incidents
            .iter()
            .map(|i| (i.place.name.clone(), i.figures.len()))
            .collect()
    }

    #[test]
    fn a_provincial_capital_ending_an_address_is_its_province() {
        // "Kaes" is a spelling of the regional capital only; after "Nioro," it names the
        // region, and the killing is at Nioro, not at the capital 200 km away.
        assert_eq!(
            places("On 3 May, gunmen attacked a market in Nioro, Kaes, killing two traders."),
            [("Nioro".to_string(), 1)]
        );
    }
}
