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
    AbbreviatedWords = "abbreviated_words",
    AboutSuffixes = "about_suffixes",
    AbsenceWords = "absence_words",
    AccordingTo = "according_to",
    Actors = "actors",
    AdditiveAdverbs = "additive_adverbs",
    AdditiveAfterCount = "additive_after_count",
    AdditivePhrases = "additive_phrases",
    AdditiveSubjectAfterCount = "additive_subject_after_count",
    AdjacentMeasures = "adjacent_measures",
    AdminPlurals = "admin_plurals",
    AgeAdjectives = "age_adjectives",
    AgeUnits = "age_units",
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
    ClauseTurns = "clause_turns",
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
    ContractionTails = "contraction_tails",
    Coordinators = "coordinators",
    CountryNouns = "country_nouns",
    CountryPartLinks = "country_part_links",
    CountCopulas = "count_copulas",
    CountJoiners = "count_joiners",
    CrowdViolence = "crowd_violence",
    Cumulative = "cumulative",
    DanglingSubjectWords = "dangling_subject_words",
    DatelineHere = "dateline_here",
    DatelineLeads = "dateline_leads",
    DayPrepositions = "day_prepositions",
    DefiniteArticles = "definite_articles",
    Destinations = "destinations",
    Detect = "detect",
    Detentions = "detentions",
    DirectFire = "direct_fire",
    Directional = "directional",
    DistanceAway = "distance_away",
    DistanceFrom = "distance_from",
    DistanceUnits = "distance_units",
    DistributiveRest = "distributive_rest",
    DivisionNameLinks = "division_name_links",
    DummySubjects = "dummy_subjects",
    DuringEvents = "during_events",
    EarlierEvent = "earlier_event",
    EarlierNotEvents = "earlier_not_events",
    Events = "events",
    FacilityQualifiers = "facility_qualifiers",
    FallbackEvents = "fallback_events",
    FireVerbs = "fire_verbs",
    FutureDayWords = "future_day_words",
    GenericEvents = "generic_events",
    GenericPeople = "generic_people",
    GenitiveOf = "genitive_of",
    GroupNouns = "group_nouns",
    Gunfights = "gunfights",
    HolderJoiners = "holder_joiners",
    InWords = "in_words",
    Indefinite = "indefinite",
    Interventions = "interventions",
    Kin = "kin",
    KindAdmin = "kind_admin",
    KindSeat = "kind_seat",
    KindTown = "kind_town",
    Landforms = "landforms",
    ListOpeners = "list_openers",
    LocatedWords = "located_words",
    Locative = "locative",
    MeasureNouns = "measure_nouns",
    Measures = "measures",
    Membership = "membership",
    MonthPartWords = "month_part_words",
    Months = "months",
    MoreBeforeCount = "more_before_count",
    NameAbbreviations = "name_abbreviations",
    NameArticles = "name_articles",
    NameInnerParticles = "name_inner_particles",
    NameJoiners = "name_joiners",
    NameLinks = "name_links",
    NameLocatives = "name_locatives",
    NameParticles = "name_particles",
    NameSuffixes = "name_suffixes",
    NameWordArticles = "name_word_articles",
    NationalPlaceNouns = "national_place_nouns",
    Nationalities = "nationalities",
    NearLinks = "near_links",
    NearWords = "near_words",
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
    OfLinks = "of_links",
    OfficeDivisions = "office_divisions",
    OnPlaces = "on_places",
    OnePerson = "one_person",
    OnePersonPronouns = "one_person_pronouns",
    OrdinalSuffixes = "ordinal_suffixes",
    Origin = "origin",
    OtherEventOpeners = "other_event_openers",
    OriginPrepositions = "origin_prepositions",
    PartOf = "part_of",
    ParticleArticles = "particle_articles",
    PartitiveDeterminers = "partitive_determiners",
    PartitivePronouns = "partitive_pronouns",
    PassiveAuxiliaries = "passive_auxiliaries",
    People = "people",
    PerUnit = "per_unit",
    PersonJoiners = "person_joiners",
    PersonParticles = "person_particles",
    PersonSides = "person_sides",
    PhotoWords = "photo_words",
    PlaceAbbreviations = "place_abbreviations",
    PlaceFillers = "place_fillers",
    PlaceParts = "place_parts",
    PluralEndings = "plural_endings",
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
    ReportHedges = "report_hedges",
    ReportAdverbs = "report_adverbs",
    ReportVerbs = "report_verbs",
    RoadJoiners = "road_joiners",
    RunningTotalWords = "running_total_words",
    RunningTotals = "running_totals",
    SameWords = "same_words",
    SeizureVerbs = "seizure_verbs",
    SentenceAbbreviations = "sentence_abbreviations",
    SequenceVerbs = "sequence_verbs",
    SeveralPlaces = "several_places",
    Sides = "sides",
    SinceClauses = "since_clauses",
    SinceWords = "since_words",
    SingularDeterminers = "singular_determiners",
    Sites = "sites",
    SmallMultipliers = "small_multipliers",
    SourceAnaphors = "source_anaphors",
    SourceNouns = "source_nouns",
    SourcePrepositions = "source_prepositions",
    SourcesAfter = "sources_after",
    SourcesBefore = "sources_before",
    SpanLeads = "span_leads",
    SpanOrdinals = "span_ordinals",
    SpanUnits = "span_units",
    SpeechVenues = "speech_venues",
    Standing = "standing",
    StatementVerbs = "statement_verbs",
    Stop = "stop",
    StreetNouns = "street_nouns",
    StrikeVerbs = "strike_verbs",
    SubjectJoiners = "subject_joiners",
    Superseded = "superseded",
    SumCues = "sum_cues",
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
    TollNouns = "toll_nouns",
    TownPartPrefixes = "town_part_prefixes",
    Units = "units",
    Vague = "vague",
    VerbParticles = "verb_particles",
    VillageNouns = "village_nouns",
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

    /// True when `word` ends with a word listed in this section of any language's lexicon
    /// (an ending of `plural_endings`: "Syrians", "Venezolanen").
    pub fn ends_in_any_language(self, word: &str) -> bool {
        super::lexicon::Lexicon::all().iter().any(|lex| {
            lex.section(self)
                .is_some_and(|s| s.words.iter().any(|end| word.ends_with(end.as_str())))
        })
    }

    /// True when the part of `word` up to and with its first hyphen is listed in this section
    /// of any language's lexicon ("al-" of "al-Zahraa").
    pub fn before_hyphen_in_any_language(self, word: &str) -> bool {
        word.find('-')
            .is_some_and(|k| self.in_any_language(&word[..=k]))
    }

    /// True when `words` (lower case), all of them, are a phrase listed in this section of
    /// any language's lexicon ("according to").
    pub fn phrase_in_any_language(self, words: &[&str]) -> bool {
        super::lexicon::Lexicon::all().iter().any(|lex| {
            lex.patterns(self)
                .match_at(words, 0, words.len())
                .is_some_and(|m| m.end == words.len())
        })
    }

    /// The section of that header, if the code knows it.
    pub fn from_name(name: &str) -> Option<Sec> {
        Sec::ALL.iter().copied().find(|s| s.name() == name)
    }
}

#[cfg(test)]
mod tests;
