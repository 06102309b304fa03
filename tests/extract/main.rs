//! Integration tests of extraction, one module per theme, in one test crate (one link
//! instead of one per file): sentences and short articles written for the tests, read with
//! the built-in gazetteer and lexicons, and what incimap makes of them (incidents, figures,
//! sources, places, what stays unattached or regional). The command tests are the crate
//! `tests/commands`, the map tests `tests/maps`.
//! One theme: `cargo test --release --test extract counts::`.

#[path = "../common/mod.rs"]
mod common;

mod address_tails;
mod apposed_places;
mod articles;
mod back_references;
mod boilerplate;
mod briefs;
mod capital_phrases;
mod captures;
mod cause_clauses;
mod cli;
mod counted_spans;
mod country_parts;
mod counts;
mod crowd_clashes;
mod dated_tolls;
mod days_ahead;
mod divisions;
mod dutch_reporting;
mod elided_persons;
mod event_types;
mod far_off;
mod finer_places;
mod fire_at_positions;
mod first_names;
mod freed_inmates;
mod group_names;
mod headline_places;
mod joined_names;
mod joined_words;
mod landforms;
mod later_deaths;
mod lead_runs;
mod lead_villages;
mod listed_persons;
mod listed_unknown_places;
mod lives_lost;
mod lost_commas;
mod measure_words;
mod namesakes_abroad;
mod nationalities;
mod negation;
mod news_conventions;
mod of_holders;
mod offsets;
mod one_person;
mod opening_places;
mod partitives;
mod people_origins;
mod periods;
mod person_words;
mod possessives_facilities;
mod present_tense;
mod property_attacks;
mod protest_kinds;
mod regions;
mod respelled;
mod restated_parts;
mod rival_counts;
mod running_totals;
mod settlements_of_divisions;
mod speakers;
mod spellings;
mod standing;
mod street_names;
mod struck_places;
mod tied_namesakes;
mod unknown_places;
mod unnamed_parts;
mod unsupported_readings;
mod verb_groups;
mod water_bodies;
mod where_said;
