//! The names of a lexicon file's `[section]`s, as a type: a misspelt section in the code
//! does not compile, and a section header in a file that the code does not know fails a
//! test ([`Sec::from_name`] over every file).

/// Declares the sections once: each `Variant = "name"` gives a variant of [`Sec`]
/// documented with its header, its place in [`Sec::ALL`] and its arm of [`Sec::name`].
macro_rules! sections {
    ($($variant:ident = $name:literal,)*) => {
        /// One `[section]` of a lexicon file.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Sec {
            $(
                #[doc = concat!("`[", $name, "]`")]
                $variant,
            )*
        }

        impl Sec {
            /// Every section, in the order of their names.
            pub const ALL: &'static [Sec] = &[$(Sec::$variant,)*];

            /// The section's header in a lexicon file (without the brackets).
            pub fn name(self) -> &'static str {
                match self {
                    $(Sec::$variant => $name,)*
                }
            }
        }
    };
}

sections! {
    AbsenceWords = "absence_words",
    Actors = "actors",
    AdditiveAdverbs = "additive_adverbs",
    AdditiveAfterCount = "additive_after_count",
    AdditivePhrases = "additive_phrases",
    AdditiveSubjectAfterCount = "additive_subject_after_count",
    AdjacentMeasures = "adjacent_measures",
    AdminPlurals = "admin_plurals",
    AgeWords = "age_words",
    Agencies = "agencies",
    AgentMarkers = "agent_markers",
    Aims = "aims",
    Aircraft = "aircraft",
    AmongPrepositions = "among_prepositions",
    AnsweredFire = "answered_fire",
    AreaOf = "area_of",
    AreaQualifiers = "area_qualifiers",
    ArmedWords = "armed_words",
    Articles = "articles",
    AtPlace = "at_place",
    Auxiliaries = "auxiliaries",
    BreakdownOpeners = "breakdown_openers",
    CapitalNouns = "capital_nouns",
    CauseClauses = "cause_clauses",
    ClashPartners = "clash_partners",
    Clause = "clause",
    ClauseBreaks = "clause_breaks",
    Clock = "clock",
    Collective = "collective",
    ComparisonWords = "comparison_words",
    Compass = "compass",
    CompassLead = "compass_lead",
    CompassOf = "compass_of",
    Complementizers = "complementizers",
    CompoundNumbers = "compound_numbers",
    Connectors = "connectors",
    Continuation = "continuation",
    Coordinators = "coordinators",
    CountCopulas = "count_copulas",
    CountJoiners = "count_joiners",
    CrowdViolence = "crowd_violence",
    Cumulative = "cumulative",
    DanglingSubjectWords = "dangling_subject_words",
    DatelineHere = "dateline_here",
    Destinations = "destinations",
    Detect = "detect",
    Detentions = "detentions",
    DirectFire = "direct_fire",
    Directional = "directional",
    DistanceUnits = "distance_units",
    DistributiveRest = "distributive_rest",
    DivisionNameLinks = "division_name_links",
    DummySubjects = "dummy_subjects",
    DuringEvents = "during_events",
    EarlierEvent = "earlier_event",
    Events = "events",
    FacilityQualifiers = "facility_qualifiers",
    FallbackEvents = "fallback_events",
    FireVerbs = "fire_verbs",
    GenericEvents = "generic_events",
    GenericPeople = "generic_people",
    GenitiveOf = "genitive_of",
    GroupNouns = "group_nouns",
    Gunfights = "gunfights",
    Indefinite = "indefinite",
    Interventions = "interventions",
    Kin = "kin",
    KindAdmin = "kind_admin",
    KindSeat = "kind_seat",
    KindTown = "kind_town",
    ListOpeners = "list_openers",
    Locative = "locative",
    MeasureNouns = "measure_nouns",
    Measures = "measures",
    Membership = "membership",
    Months = "months",
    MoreBeforeCount = "more_before_count",
    NameArticles = "name_articles",
    NameJoiners = "name_joiners",
    NameLinks = "name_links",
    NameParticles = "name_particles",
    NameSuffixes = "name_suffixes",
    NationalPlaceNouns = "national_place_nouns",
    Nationalities = "nationalities",
    NearLinks = "near_links",
    Negations = "negations",
    NoneAmong = "none_among",
    NoneReported = "none_reported",
    NotLocative = "not_locative",
    NotMeasures = "not_measures",
    NotPlaceNames = "not_place_names",
    NotPlaces = "not_places",
    NotSources = "not_sources",
    NumberedPlaces = "numbered_places",
    Numbers = "numbers",
    ObjectPrepositions = "object_prepositions",
    OnePerson = "one_person",
    OnePersonPronouns = "one_person_pronouns",
    Origin = "origin",
    OriginPrepositions = "origin_prepositions",
    PartOf = "part_of",
    PartitiveDeterminers = "partitive_determiners",
    PartitivePronouns = "partitive_pronouns",
    PassiveAuxiliaries = "passive_auxiliaries",
    People = "people",
    PerUnit = "per_unit",
    PersonParticles = "person_particles",
    PersonSides = "person_sides",
    PhotoWords = "photo_words",
    PlaceAbbreviations = "place_abbreviations",
    PlaceParts = "place_parts",
    PluralPronouns = "plural_pronouns",
    PluralVerbs = "plural_verbs",
    PopulationWords = "population_words",
    ProtestParticipants = "protest_participants",
    ProtestTopics = "protest_topics",
    Qualifiers = "qualifiers",
    RangeJoiners = "range_joiners",
    RangeOpeners = "range_openers",
    RecentPeriods = "recent_periods",
    ReferBack = "refer_back",
    Reference = "reference",
    RelatedLabels = "related_labels",
    RelativePronouns = "relative_pronouns",
    ReportVerbs = "report_verbs",
    RunningTotalWords = "running_total_words",
    RunningTotals = "running_totals",
    SeizureVerbs = "seizure_verbs",
    SeveralPlaces = "several_places",
    Sides = "sides",
    SinceClauses = "since_clauses",
    SingularDeterminers = "singular_determiners",
    Sites = "sites",
    SmallMultipliers = "small_multipliers",
    SourceAnaphors = "source_anaphors",
    SourceNouns = "source_nouns",
    SourcePrepositions = "source_prepositions",
    SourcesAfter = "sources_after",
    SourcesBefore = "sources_before",
    SpeechVenues = "speech_venues",
    Standing = "standing",
    StatementVerbs = "statement_verbs",
    Stop = "stop",
    StreetNouns = "street_nouns",
    StrikeVerbs = "strike_verbs",
    SubjectJoiners = "subject_joiners",
    Surroundings = "surroundings",
    SurroundingsLinks = "surroundings_links",
    SymbolicObjects = "symbolic_objects",
    TagLabels = "tag_labels",
    Tags = "tags",
    Targets = "targets",
    TerritoryVerbs = "territory_verbs",
    TerritoryWords = "territory_words",
    ThingHeads = "thing_heads",
    Things = "things",
    TimeWords = "time_words",
    Titles = "titles",
    Today = "today",
    TownPartPrefixes = "town_part_prefixes",
    Units = "units",
    Vague = "vague",
    WaterBodies = "water_bodies",
    WeaponWords = "weapon_words",
    Weekdays = "weekdays",
    WhenClauses = "when_clauses",
    Within = "within",
    YearPeriods = "year_periods",
    Yesterday = "yesterday",
}

impl Sec {
    /// True when `word` (lower case) is listed in this section of any language's lexicon:
    /// for the small words a rule reads whatever the text's language ("of" and "van" both
    /// take a part of a group), as the rule read them before they moved to the lexicons.
    pub fn in_any_language(self, word: &str) -> bool {
        super::lexicon::Lexicon::all()
            .iter()
            .any(|lex| lex.has(self, word))
    }

    /// The section of that header, if the code knows it.
    pub fn from_name(name: &str) -> Option<Sec> {
        Sec::ALL.iter().copied().find(|s| s.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::Lexicon;

    #[test]
    fn the_small_words_read_in_every_language_are_those_of_both_files() {
        // What `Sec::in_any_language` reads: the words of English and Dutch together.
        let union = |sec: Sec| {
            let mut words: Vec<&str> = Lexicon::all()
                .iter()
                .filter_map(|l| l.section(sec))
                .flat_map(|s| s.words.iter().map(String::as_str))
                .collect();
            words.sort_unstable();
            words
        };
        assert_eq!(union(Sec::GenitiveOf), ["of", "van"]);
        assert_eq!(
            union(Sec::CountCopulas),
            ["are", "waren", "was", "were", "zijn"]
        );
        assert_eq!(union(Sec::Complementizers), ["dat", "that"]);
        assert_eq!(union(Sec::AmongPrepositions), ["among", "onder"]);
        assert_eq!(union(Sec::AgentMarkers), ["by", "door"]);
        assert!(Sec::GenitiveOf.in_any_language("van") && Sec::GenitiveOf.in_any_language("of"));
        assert!(!Sec::GenitiveOf.in_any_language("from"));
    }

    #[test]
    fn every_section_of_every_lexicon_file_is_known_and_every_known_section_is_in_a_file() {
        for lex in Lexicon::all() {
            for name in lex.sections.keys() {
                assert!(
                    Sec::from_name(name).is_some(),
                    "{}: unknown [{name}]",
                    lex.code
                );
            }
        }
        for sec in Sec::ALL {
            let anywhere = Lexicon::all().iter().any(|l| l.section(*sec).is_some());
            assert!(anywhere, "[{}] is in no lexicon file", sec.name());
        }
    }
}
