//! Stage 3, render (HTML): the interactive map's own words in the reader's language
//! (`MapOptions::lang`: en, nl) — controls, popup headings, precisions and qualifiers. The legend's
//! words are the static map's ([`crate::render::Lang::word`]).

use crate::model::{DatePrecision, GeoPrecision, Qualifier};
use crate::render::Lang;

use super::json::push_str;

/// (key, English, Dutch) of every word the page's script shows.
const WORDS: &[(&str, &str, &str)] = &[
    ("filters", "Filters", "Filters"),
    ("types", "Event type (click to hide or show)", "Soort gebeurtenis (klik om te verbergen of te tonen)"),
    ("dates", "Dates", "Data"),
    ("from", "From", "Van"),
    ("to", "To", "Tot en met"),
    ("search", "Search places and titles", "Zoek plaatsen en titels"),
    ("count", "{n} of {total} incidents match the filters; {view} of them in view.", "{n} van {total} incidenten passen bij de filters; {view} daarvan in beeld."),
    ("table", "Show the incidents as a table", "Toon de incidenten als tabel"),
    ("hideTable", "Hide the table", "Verberg de tabel"),
    ("tableCaption", "Incidents in view, with every reported figure", "Incidenten in beeld, met elk gemeld aantal"),
    ("tableCap", "The table lists the first {n}; zoom in or filter to see others.", "De tabel toont de eerste {n}; zoom in of filter om andere te zien."),
    ("close", "Close", "Sluiten"),
    ("date", "Date", "Datum"),
    ("place", "Place", "Plaats"),
    ("precision", "precision", "nauwkeurigheid"),
    ("gazetteer", "gazetteer id", "gazetteer-id"),
    ("coordinates", "coordinates", "coördinaten"),
    ("eventType", "Event type", "Soort gebeurtenis"),
    ("actors", "Actors", "Actoren"),
    ("figures", "Figures and who reported them", "Aantallen en wie ze meldde"),
    ("noFigures", "No figure reported.", "Geen aantal gemeld."),
    ("claimValue", "Value", "Waarde"),
    ("claimQualifier", "As reported", "Zoals gemeld"),
    ("claimSource", "Who said it", "Wie het zei"),
    ("claimDocument", "Document", "Document"),
    ("claimWords", "Quoted words", "Letterlijke woorden"),
    ("breakdown", "Breakdown", "Uitsplitsing"),
    ("sources", "Sources", "Bronnen"),
    ("range", "range", "bereik"),
    ("unknown", "unknown", "onbekend"),
    ("incident", "Incident", "Incident"),
    ("group", "Group of incidents (zoom in to see them one by one)", "Groep incidenten (zoom in om ze één voor één te zien)"),
    ("groupSum", "Sum of the best estimates", "Som van de beste schattingen"),
    ("largest", "Largest", "Grootste"),
    ("zoomIn", "Zoom in on this group", "Zoom in op deze groep"),
    ("zoomInTitle", "Zoom in", "Inzoomen"),
    ("zoomOutTitle", "Zoom out", "Uitzoomen"),
    ("keys", "Keyboard: arrows pan, + and − zoom; Tab moves through the symbols; Enter opens one.", "Toetsenbord: pijlen schuiven, + en − zoomen; Tab gaat langs de symbolen; Enter opent er één."),
    ("map", "Map of the incidents", "Kaart van de incidenten"),
    ("legend", "Legend and filters", "Legenda en filters"),
    ("none", "No incident matches the filters.", "Geen incident past bij de filters."),
    ("grouped", "Circles sum the incidents in one hexagon of the screen; zoom in to see them one by one.", "Cirkels tellen de incidenten in één zeshoek van het scherm op; zoom in om ze één voor één te zien."),
    ("reset", "Reset filters", "Filters wissen"),
    ("undated", "undated", "zonder datum"),
    ("opensNew", "(opens the source)", "(opent de bron)"),
];

/// The words as a JSON object, in the page's language.
pub fn push_words(out: &mut String, lang: Lang) {
    out.push('{');
    for (k, (key, en, nl)) in WORDS.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        push_str(out, key);
        out.push(':');
        push_str(out, pick(lang, en, nl));
    }
    out.push('}');
}

fn pick(lang: Lang, en: &'static str, nl: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Nl => nl,
    }
}

/// A date precision as words ("day", "maand").
pub fn date_precision(p: DatePrecision, lang: Lang) -> &'static str {
    match p {
        DatePrecision::Day => pick(lang, "to the day", "op de dag"),
        DatePrecision::Week => pick(lang, "to the week", "op de week"),
        DatePrecision::Month => pick(lang, "to the month", "op de maand"),
        DatePrecision::Year => pick(lang, "to the year", "op het jaar"),
        DatePrecision::Unknown => pick(lang, "date unknown", "datum onbekend"),
    }
}

/// A place precision as words.
pub fn geo_precision(p: GeoPrecision, lang: Lang) -> &'static str {
    match p {
        GeoPrecision::Site => pick(lang, "the site itself", "de plek zelf"),
        GeoPrecision::Town => pick(lang, "town", "plaats"),
        GeoPrecision::NearTown => pick(lang, "near the town", "bij de plaats"),
        GeoPrecision::Admin2 => pick(lang, "district", "district"),
        GeoPrecision::Admin1 => pick(lang, "province", "provincie"),
        GeoPrecision::Country => pick(lang, "country", "land"),
        GeoPrecision::Unknown => pick(lang, "unknown", "onbekend"),
    }
}

/// How a claim qualified its number, as words.
pub fn qualifier(q: Qualifier, lang: Lang) -> &'static str {
    match q {
        Qualifier::Exact => pick(lang, "exactly", "precies"),
        Qualifier::AtLeast => pick(lang, "at least", "ten minste"),
        Qualifier::MoreThan => pick(lang, "more than", "meer dan"),
        Qualifier::About => pick(lang, "about", "ongeveer"),
        Qualifier::AtMost => pick(lang, "at most", "hoogstens"),
        Qualifier::Vague => pick(
            lang,
            "vague amount (lower bound)",
            "vage hoeveelheid (ondergrens)",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_has_both_languages_and_keys_are_unique() {
        let mut keys = std::collections::BTreeSet::new();
        for (key, en, nl) in WORDS {
            assert!(keys.insert(*key), "{key} twice");
            assert!(!en.is_empty() && !nl.is_empty(), "{key}");
        }
        let mut out = String::new();
        push_words(&mut out, Lang::Nl);
        let words: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(words["close"], "Sluiten");
    }
}
