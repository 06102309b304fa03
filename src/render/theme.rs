//! Stage 3, render: colour themes (`MapOptions::theme`: light, dark, print) and the map's own words in the
//! reader's language (`MapOptions::lang`: en, nl).

use crate::model::{EventType, Measure, SubEventType};

/// Colours of every map element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub name: &'static str,
    pub page: &'static str,
    pub sea: &'static str,
    pub land: &'static str,
    pub land_focus: &'static str,
    pub coast: &'static str,
    pub border: &'static str,
    pub admin1_line: &'static str,
    pub water_line: &'static str,
    pub water_label: &'static str,
    pub graticule: &'static str,
    pub text: &'static str,
    pub text_muted: &'static str,
    pub area_label: &'static str,
    pub halo: &'static str,
    pub frame: &'static str,
    pub town: &'static str,
    /// Event-type fills, in [`EventType::ALL`] order, then "not classified".
    pub events: [&'static str; 7],
    /// Fill opacity of symbols.
    pub symbol_opacity: &'static str,
}

impl Theme {
    pub fn parse(name: &str) -> Option<Theme> {
        match name.trim().to_ascii_lowercase().as_str() {
            "light" | "" => Some(Theme::light()),
            "dark" => Some(Theme::dark()),
            "print" | "grey" | "gray" => Some(Theme::print()),
            _ => None,
        }
    }

    /// Light page, colour-blind-safe Okabe–Ito event colours.
    pub fn light() -> Theme {
        Theme {
            name: "light",
            page: "#ffffff",
            sea: "#dce8f0",
            land: "#ece9e2",
            land_focus: "#faf8f4",
            coast: "#a9bfcf",
            border: "#7d7d7d",
            admin1_line: "#b5afa3",
            water_line: "#7fa7c9",
            water_label: "#4f7ea8",
            graticule: "#c9d8e3",
            text: "#1a1a1a",
            text_muted: "#555555",
            area_label: "#8a8577",
            halo: "#ffffff",
            frame: "#8c8c8c",
            town: "#4d4d4d",
            events: [
                "#D55E00", "#E69F00", "#CC79A7", "#0072B2", "#009E73", "#56B4E9", "#7F7F7F",
            ],
            symbol_opacity: "0.45",
        }
    }

    /// Dark page for screens and slides.
    pub fn dark() -> Theme {
        Theme {
            name: "dark",
            page: "#15191e",
            sea: "#1d2834",
            land: "#2b2f35",
            land_focus: "#383d44",
            coast: "#44566a",
            border: "#8c939c",
            admin1_line: "#5b6068",
            water_line: "#3f6e96",
            water_label: "#7fa7c9",
            graticule: "#26323f",
            text: "#f2f2f2",
            text_muted: "#c2c2c2",
            area_label: "#9aa0a8",
            halo: "#15191e",
            frame: "#5b6068",
            town: "#d0d0d0",
            events: [
                "#FF7F3F", "#F5C04A", "#E59AC8", "#4FA3E0", "#3CC79A", "#8FD0F5", "#A6A6A6",
            ],
            symbol_opacity: "0.55",
        }
    }

    /// Greyscale-safe: distinct grey levels that survive black-and-white printing.
    pub fn print() -> Theme {
        Theme {
            name: "print",
            page: "#ffffff",
            sea: "#eeeeee",
            land: "#f7f7f7",
            land_focus: "#ffffff",
            coast: "#9a9a9a",
            border: "#555555",
            admin1_line: "#b0b0b0",
            water_line: "#9a9a9a",
            water_label: "#6e6e6e",
            graticule: "#e0e0e0",
            text: "#000000",
            text_muted: "#333333",
            area_label: "#7a7a7a",
            halo: "#ffffff",
            frame: "#555555",
            town: "#333333",
            events: [
                "#111111", "#444444", "#666666", "#888888", "#aaaaaa", "#cccccc", "#999999",
            ],
            symbol_opacity: "0.5",
        }
    }

    /// Fill colour of an event type.
    pub fn event_colour(&self, event: Option<EventType>) -> &'static str {
        match event.and_then(|e| EventType::ALL.iter().position(|x| *x == e)) {
            Some(i) => self.events[i],
            None => self.events[6],
        }
    }
}

/// The map's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Nl,
}

impl Lang {
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" | "" => Some(Lang::En),
            "nl" => Some(Lang::Nl),
            _ => None,
        }
    }

    /// A measure's name as a label says it ("136 killed", "136 doden").
    pub fn measure(self, measure: &Measure) -> &str {
        let nl = match measure {
            Measure::Killed => "doden",
            Measure::Injured => "gewonden",
            Measure::Escaped => "ontsnapt",
            Measure::Recaptured => "weer opgepakt",
            Measure::Detained => "vastgehouden",
            Measure::Attackers => "aanvallers",
            Measure::Captured => "gevangengenomen",
            Measure::Displaced => "ontheemd",
            Measure::Present => "aanwezig",
            Measure::Missing => "vermist",
            Measure::Other(name) if name == "people" => "personen",
            Measure::Other(name) => name,
        };
        match self {
            Lang::En => measure.as_str(),
            Lang::Nl => nl,
        }
    }

    /// An ACLED event type as the legend names it (ACLED's own words in English).
    pub fn event_type(self, event: EventType) -> &'static str {
        use EventType::*;
        match (self, event) {
            (Lang::En, _) => event.as_str(),
            (Lang::Nl, Battles) => "Gevechten",
            (Lang::Nl, ExplosionsRemoteViolence) => "Explosies/geweld op afstand",
            (Lang::Nl, ViolenceAgainstCivilians) => "Geweld tegen burgers",
            (Lang::Nl, Protests) => "Protesten",
            (Lang::Nl, Riots) => "Rellen",
            (Lang::Nl, StrategicDevelopments) => "Strategische ontwikkelingen",
        }
    }

    /// An ACLED sub-event type as a label names it (ACLED's own words in English).
    pub fn sub_event_type(self, sub: SubEventType) -> &'static str {
        use SubEventType::*;
        let nl = match sub {
            ArmedClash => "Gewapende strijd",
            GovernmentRegainsTerritory => "Regering herovert gebied",
            NonStateActorOvertakesTerritory => "Niet-statelijke groep verovert gebied",
            ChemicalWeapon => "Chemisch wapen",
            AirDroneStrike => "Lucht- of droneaanval",
            SuicideBomb => "Zelfmoordaanslag",
            ShellingArtilleryMissileAttack => "Beschieting/artillerie/raketaanval",
            RemoteExplosiveLandmineIed => "Bermbom/landmijn/explosief",
            Grenade => "Granaat",
            SexualViolence => "Seksueel geweld",
            Attack => "Aanval",
            AbductionForcedDisappearance => "Ontvoering/gedwongen verdwijning",
            PeacefulProtest => "Vreedzaam protest",
            ProtestWithIntervention => "Protest met ingrijpen",
            ExcessiveForceAgainstProtesters => "Buitensporig geweld tegen demonstranten",
            ViolentDemonstration => "Gewelddadige demonstratie",
            MobViolence => "Geweld door een menigte",
            Agreement => "Akkoord",
            Arrests => "Arrestaties",
            ChangeToGroupActivity => "Verandering van groep/activiteit",
            DisruptedWeaponsUse => "Verijdeld wapengebruik",
            HeadquartersOrBaseEstablished => "Hoofdkwartier of basis gevestigd",
            LootingPropertyDestruction => "Plundering/vernieling",
            NonViolentTransferOfTerritory => "Geweldloze overdracht van gebied",
            Other => "Overig",
        };
        match self {
            Lang::En => sub.as_str(),
            Lang::Nl => nl,
        }
    }

    /// A word or phrase of the map's furniture.
    pub fn word(self, key: Word) -> &'static str {
        use Word::*;
        match (self, key) {
            (Lang::En, CircleArea) => "Circle area",
            (Lang::Nl, CircleArea) => "Oppervlak van de cirkel",
            (Lang::En, PeopleAffected) => {
                "People affected: each incident's largest reported figure, best estimate"
            }
            (Lang::Nl, PeopleAffected) => {
                "Betrokken personen: het grootste gemelde aantal per incident, beste schatting"
            }
            (Lang::En, BestEstimate) => "best estimate",
            (Lang::Nl, BestEstimate) => "beste schatting",
            (Lang::En, DashedRing) => "Dashed ring: the highest claim, where sources disagree",
            (Lang::Nl, DashedRing) => "Stippelring: de hoogste claim, waar bronnen het oneens zijn",
            (Lang::En, NoFigure) => "Incident without a reported figure",
            (Lang::Nl, NoFigure) => "Incident zonder gemeld aantal",
            (Lang::En, ContextPlace) => "Place named in the reports for context",
            (Lang::Nl, ContextPlace) => "Plaats die de berichten als context noemen",
            (Lang::En, EventTypeHeading) => "Event type (ACLED)",
            (Lang::Nl, EventTypeHeading) => "Soort gebeurtenis (ACLED)",
            (Lang::En, NotClassified) => "Not classified",
            (Lang::Nl, NotClassified) => "Niet ingedeeld",
            (Lang::En, Scale) => "Scale",
            (Lang::Nl, Scale) => "Schaal",
            (Lang::En, Town) => "Town (reference)",
            (Lang::Nl, Town) => "Plaats (ter oriëntatie)",
            (Lang::En, CircleAreaShows) => "circle area shows",
            (Lang::Nl, CircleAreaShows) => "oppervlak van de cirkel toont",
            (Lang::En, Affected) => "people affected",
            (Lang::Nl, Affected) => "betrokken personen",
            (Lang::En, Data) => "Data",
            (Lang::Nl, Data) => "Gegevens",
            (Lang::En, Incidents) => "reported incidents",
            (Lang::Nl, Incidents) => "gemelde incidenten",
            (Lang::En, Incident) => "reported incident",
            (Lang::Nl, Incident) => "gemeld incident",
            (Lang::En, Aggregated) => "Each circle sums the incidents at one place (or in one hexagon of the map); labels name the largest.",
            (Lang::Nl, Aggregated) => "Elke cirkel telt de incidenten op één plaats (of in één zeshoek van de kaart) op; de grootste hebben een naam.",
            (Lang::En, IncidentsShort) => "incidents",
            (Lang::Nl, IncidentsShort) => "incidenten",
            (Lang::En, InTheAreaShown) => "in the area shown",
            (Lang::Nl, InTheAreaShown) => "in het getoonde gebied",
            (Lang::En, In) => "in",
            (Lang::Nl, In) => "in",
            // The data credits every map carries (the exports carry `crate::DATA_CREDITS`).
            (Lang::En, Credits) => "Places: GeoNames (CC BY 4.0). Basemap: Natural Earth. Map: incimap.",
            (Lang::Nl, Credits) => "Plaatsen: GeoNames (CC BY 4.0). Basiskaart: Natural Earth. Kaart: incimap.",
        }
    }
}

/// Keys of [`Lang::word`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    CircleArea,
    PeopleAffected,
    BestEstimate,
    DashedRing,
    NoFigure,
    ContextPlace,
    EventTypeHeading,
    NotClassified,
    Scale,
    Town,
    CircleAreaShows,
    Affected,
    Data,
    Incidents,
    Incident,
    In,
    InTheAreaShown,
    Aggregated,
    IncidentsShort,
    Credits,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn themes_parse_and_colour_every_event_type() {
        for name in ["light", "dark", "print"] {
            let theme = Theme::parse(name).unwrap();
            let colours: std::collections::BTreeSet<&str> = EventType::ALL
                .iter()
                .map(|e| theme.event_colour(Some(*e)))
                .collect();
            assert_eq!(colours.len(), EventType::ALL.len(), "{name}");
        }
        assert!(Theme::parse("neon").is_none());
        assert_eq!(Lang::parse("NL"), Some(Lang::Nl));
        assert_eq!(Lang::Nl.word(Word::Scale), "Schaal");
    }

    #[test]
    fn print_greys_are_far_enough_apart() {
        let grey = |hex: &str| i32::from_str_radix(&hex[1..3], 16).unwrap();
        let mut levels: Vec<i32> = Theme::print().events[..6].iter().map(|c| grey(c)).collect();
        levels.sort();
        assert!(levels.windows(2).all(|w| w[1] - w[0] >= 30), "{levels:?}");
    }
}
