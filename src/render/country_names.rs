//! Stage 3, render: country names in the map's language. Natural Earth names countries in
//! English; `basemap/country_names.tsv` (made by `scripts/build-country-names.py` from the
//! ISO 3166-1 translations of Debian's iso-codes) gives the other languages by ISO alpha-2
//! code. A country the table lacks keeps its English name.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::theme::Lang;

const TABLE: &str = include_str!("../../basemap/country_names.tsv");

/// `(code, column)` → name, for every language column of the table.
fn names() -> &'static HashMap<(String, String), String> {
    static NAMES: OnceLock<HashMap<(String, String), String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut lines = TABLE.lines();
        let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
        let mut out = HashMap::new();
        for line in lines {
            let cells: Vec<&str> = line.split('\t').collect();
            let Some(code) = cells.first() else {
                continue;
            };
            for (lang, name) in header.iter().zip(&cells).skip(1) {
                if !name.is_empty() {
                    out.insert((code.to_string(), lang.to_string()), name.to_string());
                }
            }
        }
        out
    })
}

/// The name of the country with ISO code `iso2` in `lang`; `english` (Natural Earth's name)
/// for English and for codes the table lacks. Natural Earth abbreviates long names
/// ("Central African Rep.", "Dem. Rep. Congo", "S. Sudan"): such a name is written in full
/// from the country table the readers use ("Central African Republic").
pub fn country_name<'a>(iso2: &str, english: &'a str, lang: Lang) -> std::borrow::Cow<'a, str> {
    let column = match lang {
        Lang::En if english.contains('.') => {
            let full = crate::reference::countries::name_from_code(&iso2.to_ascii_uppercase());
            return full.map_or(english.into(), Into::into);
        }
        Lang::En => return english.into(),
        Lang::Nl => "nl",
    };
    match names().get(&(iso2.to_ascii_uppercase(), column.to_string())) {
        Some(name) => name.clone().into(),
        None => english.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_names_come_from_the_table_and_english_stays() {
        assert_eq!(country_name("SY", "Syria", Lang::Nl), "Syrië");
        assert_eq!(country_name("iq", "Iraq", Lang::Nl), "Irak");
        assert_eq!(country_name("PS", "Palestine", Lang::Nl), "Palestina");
        assert_eq!(country_name("SY", "Syria", Lang::En), "Syria");
        let full = country_name("CF", "Central African Rep.", Lang::En);
        assert_eq!(full, "Central African Republic");
        assert_eq!(country_name("SS", "S. Sudan", Lang::En), "South Sudan");
        // Natural Earth's features without a code ("-99") keep their English name.
        assert_eq!(country_name("-99", "N. Cyprus", Lang::Nl), "N. Cyprus");
        // Every row has a name in every column.
        let rows = TABLE.lines().skip(1).count();
        assert!(rows > 240, "{rows}");
        assert_eq!(names().len(), rows);
    }
}
