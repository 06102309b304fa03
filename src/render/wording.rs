//! Stage 3, render: counted words — "1 incident" / "3 incidents", "1 dode" / "3 doden" (the
//! plural rule of each language: the singular for exactly one), the readable name of a
//! measure or of a raw column someone sizes by ("best" → "killed (best estimate)",
//! "deaths_civilians" → "deaths civilians"), and what the mark of a reported 0 says.

use crate::model::Measure;

use super::theme::Lang;

/// Raw column names of common exports that name a count of the dead, and how a label says
/// them (UCDP GED's `best`, `high`, `low`).
const DEATH_COLUMNS: [(&str, &str, &str); 3] = [
    ("best", "killed (best estimate)", "doden (beste schatting)"),
    (
        "high",
        "killed (high estimate)",
        "doden (hoogste schatting)",
    ),
    ("low", "killed (low estimate)", "doden (laagste schatting)"),
];

impl Lang {
    /// `n` incidents, counted: "1 incident", "3 incidents", "1 incident", "3 incidenten".
    pub fn incidents_count(self, n: usize) -> String {
        let word = match (self, n == 1) {
            (Lang::En, true) => "incident",
            (Lang::En, false) => "incidents",
            (Lang::Nl, true) => "incident",
            (Lang::Nl, false) => "incidenten",
        };
        format!("{} {word}", crate::model::group_thousands(n as u64))
    }

    /// A measure as a label says it after a number: "killed", "1 dode", "3 doden", "7
    /// people" / "1 person"; a raw column name made readable.
    pub fn measure_counted(self, measure: &Measure, n: u64) -> String {
        let one = n == 1;
        match (self, measure) {
            (Lang::Nl, Measure::Killed) if one => "dode".into(),
            (Lang::Nl, Measure::Injured) if one => "gewonde".into(),
            (Lang::Nl, Measure::Attackers) if one => "aanvaller".into(),
            (_, Measure::Other(name)) if name == "people" => match (self, one) {
                (Lang::En, true) => "person".into(),
                (Lang::En, false) => "people".into(),
                (Lang::Nl, true) => "persoon".into(),
                (Lang::Nl, false) => "personen".into(),
            },
            (_, Measure::Other(name)) => self.column_name(name),
            _ => self.measure(measure).to_string(),
        }
    }

    /// A raw column name as words: a known death column by its meaning, otherwise with
    /// underscores as spaces ("deaths_civilians" → "deaths civilians").
    pub fn column_name(self, name: &str) -> String {
        let key = name.trim().to_lowercase();
        if let Some((_, en, nl)) = DEATH_COLUMNS.iter().find(|(c, _, _)| *c == key) {
            return match self {
                Lang::En => en.to_string(),
                Lang::Nl => nl.to_string(),
            };
        }
        name.trim().replace('_', " ")
    }

    /// A measure as the name of what circles show ("people killed", "doden"), for the
    /// subtitle and the legend.
    pub fn measure_noun(self, measure: &Measure) -> String {
        let en = match measure {
            Measure::Killed => "people killed",
            Measure::Injured => "people injured",
            Measure::Escaped => "people who escaped",
            Measure::Recaptured => "people recaptured",
            Measure::Detained => "people detained",
            Measure::Attackers => "attackers",
            Measure::Captured => "people captured",
            Measure::Displaced => "people displaced",
            Measure::Present => "people present",
            Measure::Missing => "people missing",
            Measure::Other(name) => return self.column_name(name),
        };
        match self {
            Lang::En => en.to_string(),
            Lang::Nl => self.measure(measure).to_string(),
        }
    }

    /// [`Lang::measure_noun`] starting a sentence: "People killed", "Doden".
    pub fn measure_heading(self, measure: &Measure) -> String {
        let noun = self.measure_noun(measure);
        let mut chars = noun.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => noun,
        }
    }

    /// The legend's words for the mark of a reported 0: "Reported: 0 killed".
    pub fn zero_reported(self, measure: &Measure) -> String {
        match self {
            Lang::En => format!("Reported: 0 {}", self.measure_counted(measure, 0)),
            Lang::Nl => format!("Gemeld: 0 {}", self.measure_counted(measure, 0)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_in_both_languages() {
        assert_eq!(Lang::En.incidents_count(1), "1 incident");
        assert_eq!(Lang::En.incidents_count(1092), "1,092 incidents");
        assert_eq!(Lang::Nl.incidents_count(1), "1 incident");
        assert_eq!(Lang::Nl.incidents_count(0), "0 incidenten");
        assert_eq!(Lang::Nl.measure_counted(&Measure::Killed, 1), "dode");
        assert_eq!(Lang::Nl.measure_counted(&Measure::Killed, 3), "doden");
        assert_eq!(Lang::En.measure_counted(&Measure::Killed, 1), "killed");
        let people = Measure::Other("people".into());
        assert_eq!(Lang::En.measure_counted(&people, 1), "person");
    }

    #[test]
    fn raw_columns_read_as_words() {
        let best = Measure::Other("best".into());
        assert_eq!(Lang::En.measure_counted(&best, 5), "killed (best estimate)");
        let civ = Measure::Other("deaths_civilians".into());
        assert_eq!(Lang::En.measure_counted(&civ, 5), "deaths civilians");
        assert_eq!(
            Lang::En.zero_reported(&Measure::Killed),
            "Reported: 0 killed"
        );
        assert_eq!(Lang::Nl.zero_reported(&Measure::Killed), "Gemeld: 0 doden");
    }
}
