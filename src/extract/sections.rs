//! The names of a lexicon file's `[section]`s, as a type: a misspelt section in the code
//! does not compile, and a section header in a file that the code does not know fails a
//! test ([`Sec::from_name`] over every file).

/// One `[section]` of a lexicon file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sec {
    /// `[absence_words]`
    AbsenceWords,
    /// `[additive_adverbs]`
    AdditiveAdverbs,
    /// `[additive_after_count]`
    AdditiveAfterCount,
    /// `[additive_subject_after_count]`
    AdditiveSubjectAfterCount,
    /// `[additive_phrases]`
    AdditivePhrases,
    /// `[actors]`
    Actors,
    /// `[adjacent_measures]`
    AdjacentMeasures,
    /// `[admin_plurals]`
    AdminPlurals,
    /// `[age_words]`
    AgeWords,
    /// `[agencies]`
    Agencies,
    /// `[agent_markers]`
    AgentMarkers,
    /// `[aims]`
    Aims,
    /// `[aircraft]`
    Aircraft,
    /// `[answered_fire]`
    AnsweredFire,
    /// `[area_of]`
    AreaOf,
    /// `[articles]`
    Articles,
    /// `[area_qualifiers]`
    AreaQualifiers,
    /// `[at_place]`
    AtPlace,
    /// `[auxiliaries]`
    Auxiliaries,
    /// `[breakdown_openers]`
    BreakdownOpeners,
    /// `[cause_clauses]`
    CauseClauses,
    /// `[clause]`
    Clause,
    /// `[clause_breaks]`
    ClauseBreaks,
    /// `[clock]`
    Clock,
    /// `[collective]`
    Collective,
    /// `[count_joiners]`
    CountJoiners,
    /// `[compass]`
    Compass,
    /// `[compass_lead]`
    CompassLead,
    /// `[compass_of]`
    CompassOf,
    /// `[compound_numbers]`
    CompoundNumbers,
    /// `[connectors]`
    Connectors,
    /// `[continuation]`
    Continuation,
    /// `[coordinators]`
    Coordinators,
    /// `[crowd_violence]`
    CrowdViolence,
    /// `[cumulative]`
    Cumulative,
    /// `[dateline_here]`
    DatelineHere,
    /// `[destinations]`
    Destinations,
    /// `[detect]`
    Detect,
    /// `[detentions]`
    Detentions,
    /// `[direct_fire]`
    DirectFire,
    /// `[directional]`
    Directional,
    /// `[division_name_links]`
    DivisionNameLinks,
    /// `[distance_units]`
    DistanceUnits,
    /// `[earlier_event]`
    EarlierEvent,
    /// `[events]`
    Events,
    /// `[facility_qualifiers]`
    FacilityQualifiers,
    /// `[fire_verbs]`
    FireVerbs,
    /// `[fallback_events]`
    FallbackEvents,
    /// `[generic_events]`
    GenericEvents,
    /// `[gunfights]`
    Gunfights,
    /// `[clash_partners]`
    ClashPartners,
    /// `[armed_words]`
    ArmedWords,
    /// `[when_clauses]`
    WhenClauses,
    /// `[since_clauses]`
    SinceClauses,
    /// `[object_prepositions]`
    ObjectPrepositions,
    /// `[during_events]`
    DuringEvents,
    /// `[group_nouns]`
    GroupNouns,
    /// `[indefinite]`
    Indefinite,
    /// `[interventions]`
    Interventions,
    /// `[kin]`
    Kin,
    /// `[kind_admin]`
    KindAdmin,
    /// `[kind_seat]`
    KindSeat,
    /// `[kind_town]`
    KindTown,
    /// `[locative]`
    Locative,
    /// `[measure_nouns]`
    MeasureNouns,
    /// `[measures]`
    Measures,
    /// `[membership]`
    Membership,
    /// `[months]`
    Months,
    /// `[name_articles]`
    NameArticles,
    /// `[name_joiners]`
    NameJoiners,
    /// `[name_links]`
    NameLinks,
    /// `[name_particles]`
    NameParticles,
    /// `[name_suffixes]`
    NameSuffixes,
    /// `[nationalities]`
    Nationalities,
    /// `[negations]`
    Negations,
    /// `[none_among]`
    NoneAmong,
    /// `[none_reported]`
    NoneReported,
    /// `[not_measures]`
    NotMeasures,
    /// `[not_locative]`
    NotLocative,
    /// `[not_place_names]`
    NotPlaceNames,
    /// `[not_sources]`
    NotSources,
    /// `[not_places]`
    NotPlaces,
    /// `[numbered_places]`
    NumberedPlaces,
    /// `[numbers]`
    Numbers,
    /// `[one_person]`
    OnePerson,
    /// `[one_person_pronouns]`
    OnePersonPronouns,
    /// `[origin]`
    Origin,
    /// `[origin_prepositions]`
    OriginPrepositions,
    /// `[part_of]`
    PartOf,
    /// `[partitive_determiners]`
    PartitiveDeterminers,
    /// `[partitive_pronouns]`
    PartitivePronouns,
    /// `[passive_auxiliaries]`
    PassiveAuxiliaries,
    /// `[near_links]`
    NearLinks,
    /// `[per_unit]`
    PerUnit,
    /// `[people]`
    People,
    /// `[person_sides]`
    PersonSides,
    /// `[person_particles]`
    PersonParticles,
    /// `[photo_words]`
    PhotoWords,
    /// `[place_abbreviations]`
    PlaceAbbreviations,
    /// `[place_parts]`
    PlaceParts,
    /// `[plural_pronouns]`
    PluralPronouns,
    /// `[population_words]`
    PopulationWords,
    /// `[protest_participants]`
    ProtestParticipants,
    /// `[protest_topics]`
    ProtestTopics,
    /// `[qualifiers]`
    Qualifiers,
    /// `[recent_periods]`
    RecentPeriods,
    /// `[range_joiners]`
    RangeJoiners,
    /// `[range_openers]`
    RangeOpeners,
    /// `[refer_back]`
    ReferBack,
    /// `[relative_pronouns]`
    RelativePronouns,
    /// `[related_labels]`
    RelatedLabels,
    /// `[reference]`
    Reference,
    /// `[report_verbs]`
    ReportVerbs,
    /// `[seizure_verbs]`
    SeizureVerbs,
    /// `[several_places]`
    SeveralPlaces,
    /// `[running_totals]`
    RunningTotals,
    /// `[running_total_words]`
    RunningTotalWords,
    /// `[sides]`
    Sides,
    /// `[singular_determiners]`
    SingularDeterminers,
    /// `[small_multipliers]`
    SmallMultipliers,
    /// `[sites]`
    Sites,
    /// `[source_anaphors]`
    SourceAnaphors,
    /// `[source_nouns]`
    SourceNouns,
    /// `[source_prepositions]`
    SourcePrepositions,
    /// `[sources_after]`
    SourcesAfter,
    /// `[sources_before]`
    SourcesBefore,
    /// `[surroundings]`
    Surroundings,
    /// `[surroundings_links]`
    SurroundingsLinks,
    /// `[standing]`
    Standing,
    /// `[statement_verbs]`
    StatementVerbs,
    /// `[strike_verbs]`
    StrikeVerbs,
    /// `[street_nouns]`
    StreetNouns,
    /// `[speech_venues]`
    SpeechVenues,
    /// `[stop]`
    Stop,
    /// `[symbolic_objects]`
    SymbolicObjects,
    /// `[tag_labels]`
    TagLabels,
    /// `[tags]`
    Tags,
    /// `[targets]`
    Targets,
    /// `[territory_verbs]`
    TerritoryVerbs,
    /// `[territory_words]`
    TerritoryWords,
    /// `[things]`
    Things,
    /// `[thing_heads]`
    ThingHeads,
    /// `[time_words]`
    TimeWords,
    /// `[titles]`
    Titles,
    /// `[today]`
    Today,
    /// `[town_part_prefixes]`
    TownPartPrefixes,
    NationalPlaceNouns,
    /// `[capital_nouns]`
    CapitalNouns,
    ListOpeners,
    /// `[comparison_words]`
    ComparisonWords,
    /// `[units]`
    Units,
    /// `[vague]`
    Vague,
    /// `[water_bodies]`
    WaterBodies,
    /// `[weapon_words]`
    WeaponWords,
    /// `[weekdays]`
    Weekdays,
    /// `[within]`
    Within,
    /// `[year_periods]`
    YearPeriods,
    /// `[yesterday]`
    Yesterday,
    /// `[among_prepositions]`
    AmongPrepositions,
    /// `[complementizers]`
    Complementizers,
    /// `[count_copulas]`
    CountCopulas,
    /// `[dangling_subject_words]`
    DanglingSubjectWords,
    /// `[distributive_rest]`
    DistributiveRest,
    /// `[dummy_subjects]`
    DummySubjects,
    /// `[generic_people]`
    GenericPeople,
    /// `[genitive_of]`
    GenitiveOf,
    /// `[subject_joiners]`
    SubjectJoiners,
    /// `[plural_verbs]`
    PluralVerbs,
}

impl Sec {
    /// Every section, in the order of their names.
    pub const ALL: &'static [Sec] = &[
        Sec::AbsenceWords,
        Sec::AdditiveAdverbs,
        Sec::AdditiveAfterCount,
        Sec::AdditiveSubjectAfterCount,
        Sec::AdditivePhrases,
        Sec::Actors,
        Sec::AdjacentMeasures,
        Sec::AdminPlurals,
        Sec::AgeWords,
        Sec::Agencies,
        Sec::AgentMarkers,
        Sec::Aims,
        Sec::Aircraft,
        Sec::AnsweredFire,
        Sec::AreaOf,
        Sec::Articles,
        Sec::AreaQualifiers,
        Sec::AtPlace,
        Sec::Auxiliaries,
        Sec::BreakdownOpeners,
        Sec::CauseClauses,
        Sec::Clause,
        Sec::ClauseBreaks,
        Sec::Clock,
        Sec::Collective,
        Sec::Compass,
        Sec::CompassLead,
        Sec::CompassOf,
        Sec::CountJoiners,
        Sec::CompoundNumbers,
        Sec::Connectors,
        Sec::Continuation,
        Sec::Coordinators,
        Sec::CrowdViolence,
        Sec::Cumulative,
        Sec::DatelineHere,
        Sec::Detect,
        Sec::Destinations,
        Sec::Detentions,
        Sec::DirectFire,
        Sec::Directional,
        Sec::DivisionNameLinks,
        Sec::DistanceUnits,
        Sec::EarlierEvent,
        Sec::Events,
        Sec::FacilityQualifiers,
        Sec::FallbackEvents,
        Sec::FireVerbs,
        Sec::GenericEvents,
        Sec::GroupNouns,
        Sec::Gunfights,
        Sec::ClashPartners,
        Sec::ArmedWords,
        Sec::WhenClauses,
        Sec::SinceClauses,
        Sec::ObjectPrepositions,
        Sec::DuringEvents,
        Sec::Indefinite,
        Sec::Interventions,
        Sec::Kin,
        Sec::KindAdmin,
        Sec::KindSeat,
        Sec::KindTown,
        Sec::Locative,
        Sec::MeasureNouns,
        Sec::Measures,
        Sec::Membership,
        Sec::Months,
        Sec::NameArticles,
        Sec::NameJoiners,
        Sec::NameLinks,
        Sec::NameParticles,
        Sec::NameSuffixes,
        Sec::Nationalities,
        Sec::Negations,
        Sec::NoneAmong,
        Sec::NoneReported,
        Sec::NotMeasures,
        Sec::NotLocative,
        Sec::NotPlaceNames,
        Sec::NotPlaces,
        Sec::NotSources,
        Sec::NumberedPlaces,
        Sec::Numbers,
        Sec::OnePerson,
        Sec::OnePersonPronouns,
        Sec::Origin,
        Sec::OriginPrepositions,
        Sec::PartOf,
        Sec::PartitiveDeterminers,
        Sec::PartitivePronouns,
        Sec::PassiveAuxiliaries,
        Sec::NearLinks,
        Sec::PerUnit,
        Sec::People,
        Sec::PersonParticles,
        Sec::PersonSides,
        Sec::PhotoWords,
        Sec::PlaceAbbreviations,
        Sec::PlaceParts,
        Sec::PluralPronouns,
        Sec::PopulationWords,
        Sec::ProtestParticipants,
        Sec::ProtestTopics,
        Sec::Qualifiers,
        Sec::RecentPeriods,
        Sec::RangeJoiners,
        Sec::RangeOpeners,
        Sec::ReferBack,
        Sec::RelativePronouns,
        Sec::RelatedLabels,
        Sec::Reference,
        Sec::ReportVerbs,
        Sec::SeizureVerbs,
        Sec::SeveralPlaces,
        Sec::RunningTotals,
        Sec::RunningTotalWords,
        Sec::Sides,
        Sec::SingularDeterminers,
        Sec::SmallMultipliers,
        Sec::Sites,
        Sec::SourceAnaphors,
        Sec::SourceNouns,
        Sec::SourcePrepositions,
        Sec::SourcesAfter,
        Sec::SourcesBefore,
        Sec::Standing,
        Sec::StatementVerbs,
        Sec::StrikeVerbs,
        Sec::StreetNouns,
        Sec::Surroundings,
        Sec::SurroundingsLinks,
        Sec::SpeechVenues,
        Sec::Stop,
        Sec::SymbolicObjects,
        Sec::TagLabels,
        Sec::Tags,
        Sec::Targets,
        Sec::TerritoryVerbs,
        Sec::TerritoryWords,
        Sec::Things,
        Sec::ThingHeads,
        Sec::TimeWords,
        Sec::Titles,
        Sec::Today,
        Sec::TownPartPrefixes,
        Sec::NationalPlaceNouns,
        Sec::CapitalNouns,
        Sec::ListOpeners,
        Sec::ComparisonWords,
        Sec::Units,
        Sec::Vague,
        Sec::WaterBodies,
        Sec::WeaponWords,
        Sec::Weekdays,
        Sec::Within,
        Sec::YearPeriods,
        Sec::Yesterday,
        Sec::AmongPrepositions,
        Sec::Complementizers,
        Sec::CountCopulas,
        Sec::DanglingSubjectWords,
        Sec::DistributiveRest,
        Sec::DummySubjects,
        Sec::GenericPeople,
        Sec::GenitiveOf,
        Sec::SubjectJoiners,
        Sec::PluralVerbs,
    ];

    /// The section's header in a lexicon file (without the brackets).
    pub fn name(self) -> &'static str {
        match self {
            Sec::AbsenceWords => "absence_words",
            Sec::AdditiveAdverbs => "additive_adverbs",
            Sec::AdditiveAfterCount => "additive_after_count",
            Sec::AdditiveSubjectAfterCount => "additive_subject_after_count",
            Sec::AdditivePhrases => "additive_phrases",
            Sec::Actors => "actors",
            Sec::AdjacentMeasures => "adjacent_measures",
            Sec::AdminPlurals => "admin_plurals",
            Sec::AgeWords => "age_words",
            Sec::Agencies => "agencies",
            Sec::AgentMarkers => "agent_markers",
            Sec::Aims => "aims",
            Sec::Aircraft => "aircraft",
            Sec::AnsweredFire => "answered_fire",
            Sec::AreaOf => "area_of",
            Sec::Articles => "articles",
            Sec::AreaQualifiers => "area_qualifiers",
            Sec::AtPlace => "at_place",
            Sec::Auxiliaries => "auxiliaries",
            Sec::CauseClauses => "cause_clauses",
            Sec::Clause => "clause",
            Sec::ClauseBreaks => "clause_breaks",
            Sec::Clock => "clock",
            Sec::Collective => "collective",
            Sec::Compass => "compass",
            Sec::CompassLead => "compass_lead",
            Sec::CompassOf => "compass_of",
            Sec::CountJoiners => "count_joiners",
            Sec::CompoundNumbers => "compound_numbers",
            Sec::Connectors => "connectors",
            Sec::Coordinators => "coordinators",
            Sec::CrowdViolence => "crowd_violence",
            Sec::Cumulative => "cumulative",
            Sec::DatelineHere => "dateline_here",
            Sec::Detect => "detect",
            Sec::Destinations => "destinations",
            Sec::Detentions => "detentions",
            Sec::DirectFire => "direct_fire",
            Sec::Directional => "directional",
            Sec::DivisionNameLinks => "division_name_links",
            Sec::DistanceUnits => "distance_units",
            Sec::EarlierEvent => "earlier_event",
            Sec::Events => "events",
            Sec::FacilityQualifiers => "facility_qualifiers",
            Sec::FallbackEvents => "fallback_events",
            Sec::FireVerbs => "fire_verbs",
            Sec::GenericEvents => "generic_events",
            Sec::GroupNouns => "group_nouns",
            Sec::Gunfights => "gunfights",
            Sec::ClashPartners => "clash_partners",
            Sec::ArmedWords => "armed_words",
            Sec::WhenClauses => "when_clauses",
            Sec::SinceClauses => "since_clauses",
            Sec::ObjectPrepositions => "object_prepositions",
            Sec::DuringEvents => "during_events",
            Sec::Indefinite => "indefinite",
            Sec::Interventions => "interventions",
            Sec::Kin => "kin",
            Sec::KindAdmin => "kind_admin",
            Sec::KindSeat => "kind_seat",
            Sec::KindTown => "kind_town",
            Sec::Locative => "locative",
            Sec::MeasureNouns => "measure_nouns",
            Sec::Measures => "measures",
            Sec::Membership => "membership",
            Sec::Months => "months",
            Sec::NameArticles => "name_articles",
            Sec::NameJoiners => "name_joiners",
            Sec::NameLinks => "name_links",
            Sec::NameParticles => "name_particles",
            Sec::NameSuffixes => "name_suffixes",
            Sec::Nationalities => "nationalities",
            Sec::Negations => "negations",
            Sec::NoneAmong => "none_among",
            Sec::NoneReported => "none_reported",
            Sec::NotMeasures => "not_measures",
            Sec::NotLocative => "not_locative",
            Sec::NotPlaceNames => "not_place_names",
            Sec::NotPlaces => "not_places",
            Sec::NotSources => "not_sources",
            Sec::Numbers => "numbers",
            Sec::OnePerson => "one_person",
            Sec::OnePersonPronouns => "one_person_pronouns",
            Sec::PluralPronouns => "plural_pronouns",
            Sec::ProtestTopics => "protest_topics",
            Sec::SeizureVerbs => "seizure_verbs",
            Sec::SingularDeterminers => "singular_determiners",
            Sec::SmallMultipliers => "small_multipliers",
            Sec::Origin => "origin",
            Sec::OriginPrepositions => "origin_prepositions",
            Sec::PartOf => "part_of",
            Sec::PartitiveDeterminers => "partitive_determiners",
            Sec::PartitivePronouns => "partitive_pronouns",
            Sec::PassiveAuxiliaries => "passive_auxiliaries",
            Sec::NearLinks => "near_links",
            Sec::PerUnit => "per_unit",
            Sec::People => "people",
            Sec::PersonParticles => "person_particles",
            Sec::PersonSides => "person_sides",
            Sec::PhotoWords => "photo_words",
            Sec::PlaceAbbreviations => "place_abbreviations",
            Sec::PlaceParts => "place_parts",
            Sec::PopulationWords => "population_words",
            Sec::ProtestParticipants => "protest_participants",
            Sec::Qualifiers => "qualifiers",
            Sec::RecentPeriods => "recent_periods",
            Sec::BreakdownOpeners => "breakdown_openers",
            Sec::Continuation => "continuation",
            Sec::NumberedPlaces => "numbered_places",
            Sec::Standing => "standing",
            Sec::StatementVerbs => "statement_verbs",
            Sec::StrikeVerbs => "strike_verbs",
            Sec::StreetNouns => "street_nouns",
            Sec::Surroundings => "surroundings",
            Sec::SurroundingsLinks => "surroundings_links",
            Sec::RelativePronouns => "relative_pronouns",
            Sec::RelatedLabels => "related_labels",
            Sec::RangeJoiners => "range_joiners",
            Sec::RangeOpeners => "range_openers",
            Sec::ReferBack => "refer_back",
            Sec::Reference => "reference",
            Sec::ReportVerbs => "report_verbs",
            Sec::SeveralPlaces => "several_places",
            Sec::RunningTotals => "running_totals",
            Sec::RunningTotalWords => "running_total_words",
            Sec::Sides => "sides",
            Sec::Sites => "sites",
            Sec::SourceAnaphors => "source_anaphors",
            Sec::SourceNouns => "source_nouns",
            Sec::SourcePrepositions => "source_prepositions",
            Sec::SourcesAfter => "sources_after",
            Sec::SourcesBefore => "sources_before",
            Sec::SpeechVenues => "speech_venues",
            Sec::Stop => "stop",
            Sec::SymbolicObjects => "symbolic_objects",
            Sec::TagLabels => "tag_labels",
            Sec::Tags => "tags",
            Sec::Targets => "targets",
            Sec::TerritoryVerbs => "territory_verbs",
            Sec::TerritoryWords => "territory_words",
            Sec::Things => "things",
            Sec::ThingHeads => "thing_heads",
            Sec::TimeWords => "time_words",
            Sec::Titles => "titles",
            Sec::Today => "today",
            Sec::TownPartPrefixes => "town_part_prefixes",
            Sec::NationalPlaceNouns => "national_place_nouns",
            Sec::CapitalNouns => "capital_nouns",
            Sec::ListOpeners => "list_openers",
            Sec::ComparisonWords => "comparison_words",
            Sec::Units => "units",
            Sec::Vague => "vague",
            Sec::WaterBodies => "water_bodies",
            Sec::WeaponWords => "weapon_words",
            Sec::Weekdays => "weekdays",
            Sec::Within => "within",
            Sec::YearPeriods => "year_periods",
            Sec::Yesterday => "yesterday",
            Sec::AmongPrepositions => "among_prepositions",
            Sec::Complementizers => "complementizers",
            Sec::CountCopulas => "count_copulas",
            Sec::DanglingSubjectWords => "dangling_subject_words",
            Sec::DistributiveRest => "distributive_rest",
            Sec::DummySubjects => "dummy_subjects",
            Sec::GenericPeople => "generic_people",
            Sec::GenitiveOf => "genitive_of",
            Sec::SubjectJoiners => "subject_joiners",
            Sec::PluralVerbs => "plural_verbs",
        }
    }

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
