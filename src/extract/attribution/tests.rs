//! Sources named in sentences written for these tests.

use super::*;
use crate::extract::text::tokenize;

pub(super) fn sources(code: &str, text: &str, earlier: &[&str]) -> Vec<String> {
    let lex = Lexicon::get(code).unwrap();
    let toks = tokenize(text, 0);
    let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
    let earlier: Vec<String> = earlier.iter().map(|s| s.to_string()).collect();
    find_sources(lex, text, &toks, &words, 0, toks.len(), &earlier)
        .into_iter()
        .map(|s| s.name)
        .collect()
}

#[test]
fn dutch_sources_before_and_after_the_cue() {
    assert_eq!(
        sources(
            "nl",
            "Volgens de lokale autoriteiten zijn er 40 doden.",
            &[]
        ),
        ["lokale autoriteiten"]
    );
    assert_eq!(
        sources(
            "nl",
            "Eerder meldde het Irakese Observatorium voor Vrede dat er 3 doden waren.",
            &[]
        ),
        ["Irakese Observatorium voor Vrede"]
    );
    assert_eq!(
        sources("nl", "Er vielen 8 doden, meldt de VN vandaag.", &[]),
        ["VN"]
    );
    assert_eq!(
        sources(
            "nl",
            "De militie beweert echter dat 30 strijders ontsnapt zijn.",
            &[]
        ),
        ["militie"]
    );
    assert_eq!(
        sources(
            "nl",
            "Volgens de organisatie zijn 9 mensen gewond.",
            &["VN", "het Rode Kruis"]
        ),
        ["het Rode Kruis"]
    );
    assert_eq!(
        sources(
            "nl",
            "Volgens een woordvoerder van de VN verschansten zich 9 strijders.",
            &[]
        ),
        ["woordvoerder van de VN"]
    );
}

#[test]
fn english_sources() {
    assert_eq!(
        sources(
            "en",
            "At least 12 people were killed, the health ministry said.",
            &[]
        ),
        ["health ministry"]
    );
    assert_eq!(
        sources("en", "According to the UN, 300 families fled.", &[]),
        ["UN"]
    );
    assert_eq!(
        sources(
            "en",
            "The monitor said 40 died.",
            &["Sudan Doctors Network"]
        ),
        ["Sudan Doctors Network"]
    );
}

#[test]
fn a_speaker_placed_by_a_preposition_is_one_source() {
    assert_eq!(
        sources(
            "en",
            "Meanwhile the agency's correspondent in Musoma reported that 3 died.",
            &[]
        ),
        ["agency's correspondent in Musoma"]
    );
    assert_eq!(
        sources("en", "Activists in Latacunga said 4 people died.", &[]),
        ["Activists in Latacunga"]
    );
    // A place before the cue that no speaker word owns is not the source.
    assert!(sources("en", "Fighting in Malindi reported no deaths.", &[]).is_empty());
    // Nor is what an act was aimed at ("the raid on ...").
    assert!(sources(
        "en",
        "The toll from the raid on the market of Malindi reported 4 dead.",
        &[]
    )
    .is_empty());
    assert!(sources(
        "en",
        "A group based outside the country said militia trucks shelled the town.",
        &[]
    )
    .is_empty());
    assert_eq!(
        sources(
            "en",
            "Over 24 hours the defence ministry in Eldoret said 9 died.",
            &[]
        ),
        ["defence ministry in Eldoret"]
    );
}

#[test]
fn a_passive_cue_names_its_agent_or_nobody() {
    assert_eq!(
        sources(
            "en",
            "Four deaths were reported by the county police on Sunday.",
            &[]
        ),
        ["county police"]
    );
    // "confirmed dead" says what happened to them, not who said it.
    assert!(sources("en", "Nine people were confirmed dead.", &[]).is_empty());
    assert_eq!(
        sources("nl", "Er werden vier doden gemeld door de politie.", &[]),
        ["politie"]
    );
    assert_eq!(
        sources("nl", "De aanslag werd bevestigd door de politie.", &[]),
        ["politie"]
    );
}

#[test]
fn the_speaker_stands_before_a_relative_clause() {
    assert_eq!(
        sources(
            "en",
            "The Kenya Red Cross, which runs clinics across the region, said 5 people died.",
            &[]
        ),
        ["Kenya Red Cross"]
    );
    // Without the commas, as copied text often has it.
    assert_eq!(
        sources(
            "en",
            "The Kenya Red Cross which relies on volunteers in the region said 5 died.",
            &[]
        ),
        ["Kenya Red Cross"]
    );
    // The body the clause names is who the speaker speaks for.
    assert_eq!(
        sources(
            "en",
            "Ruth Wanjiku, who heads the Mumias Medical Centre, said 3 died.",
            &[]
        ),
        ["Ruth Wanjiku (Mumias Medical Centre)"]
    );
    // A relative clause with its own subject keeps it, and so does the cue's own clause.
    assert_eq!(
        sources(
            "en",
            "Five died in Nyahururu, which lies north of Nakuru, the police said.",
            &[]
        ),
        ["police"]
    );
    assert_eq!(
        sources(
            "en",
            "Five died in Nyahururu, which the police said was calm before.",
            &[]
        ),
        ["police"]
    );
    assert_eq!(
        sources(
            "nl",
            "Het Rode Kruis, dat veel vrijwilligers heeft, en de waarnemer, die zich op bronnen baseert, meldt 4 doden.",
            &[]
        ),
        ["waarnemer"]
    );
}

#[test]
fn a_time_before_the_speaker_is_not_a_prepositional_phrase() {
    assert_eq!(
        sources(
            "en",
            "On Monday the health ministry said 5 people were killed.",
            &[]
        ),
        ["health ministry"]
    );
    assert_eq!(
        sources("en", "Later the police said 2 died.", &[]),
        ["police"]
    );
}

#[test]
fn a_lower_case_word_of_an_earlier_source_refers_back_to_it() {
    assert_eq!(
        sources(
            "en",
            "The commission said 6 people were killed.",
            &["Kenya National Human Rights Commission"]
        ),
        ["Kenya National Human Rights Commission"]
    );
    // A name given earlier without a cue of its own.
    let text = "The Kenya National Human Rights Commission condemned the raid. \
                The commission said 6 people were killed.";
    let lex = Lexicon::get("en").unwrap();
    let toks = tokenize(text, 0);
    let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
    let from = toks.iter().position(|t| t.lower == "raid").unwrap() + 2;
    let found = find_sources(lex, text, &toks, &words, from, toks.len(), &[]);
    assert_eq!(found[0].name, "Kenya National Human Rights Commission");
    // Without an earlier name, a lower-case word names nobody.
    assert!(sources("en", "The commission said 6 people were killed.", &[]).is_empty());
}

#[test]
fn a_back_reference_after_a_preposition_ends_before_the_verb() {
    // Dutch puts the verb right after "volgens de organisatie": it is no part of the source.
    assert_eq!(
        sources(
            "nl",
            "Volgens de organisatie raakten ook twintig mensen gewond.",
            &["Keniaanse Rode Kruis"]
        ),
        ["Keniaanse Rode Kruis"]
    );
    assert_eq!(
        sources(
            "en",
            "According to the group 12 people died.",
            &["Kenya Red Cross Society"]
        ),
        ["Kenya Red Cross Society"]
    );
}

#[test]
fn a_source_preposition_after_a_passive_auxiliary_still_names_the_source() {
    // "werden volgens X ... gedood" is no passive "werd gemeld door": X speaks.
    assert_eq!(
        sources(
            "nl",
            "In Eldoret werden volgens de Keniaanse politie vier agenten gedood.",
            &[]
        ),
        ["Keniaanse politie"]
    );
}

#[test]
fn a_claim_of_responsibility_names_no_source_of_the_toll() {
    assert!(sources(
        "en",
        "The Kuria Front claimed responsibility for the attack, which killed 14 people.",
        &[]
    )
    .is_empty());
    assert!(sources(
        "en",
        "The attack, which killed 14, was claimed by the Kuria Front.",
        &[]
    )
    .is_empty());
    assert!(sources(
        "nl",
        "Het Kuria Front eiste de aanslag met 14 doden op.",
        &[]
    )
    .is_empty());
    // "claimed" before a count still names who counted.
    assert_eq!(
        sources("en", "The ministry claimed 30 people were killed.", &[]),
        ["ministry"]
    );
}

#[test]
fn a_person_named_again_by_the_last_words_of_a_name_is_the_earlier_source() {
    // "Wanjiru Kamau" after "county commissioner Grace Wanjiru Kamau": the same person, told
    // with the role the article gave her first.
    assert_eq!(
        sources(
            "en",
            "Wanjiru Kamau said 4 people were killed.",
            &["county commissioner Grace Wanjiru Kamau"]
        ),
        ["county commissioner Grace Wanjiru Kamau"]
    );
    // Only a whole-word ending: "Kamau Otieno" does not end with "Wanjiru Kamau".
    assert_eq!(
        sources(
            "en",
            "Wanjiru Kamau said 4 people were killed.",
            &["Peter Mwangi Wanjiru Kamauwa"]
        ),
        ["Wanjiru Kamau"]
    );
}
