//! Reading numbers: values, qualifiers and kinds in English and Dutch.

use super::*;
use crate::extract::text::tokenize;

fn read(code: &str, text: &str) -> Vec<(u64, Qualifier, NumberKind, String)> {
    let lex = Lexicon::get(code).unwrap();
    let toks = tokenize(text, 0);
    let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
    find_numbers(lex, text, &toks, &words, 0, toks.len())
        .into_iter()
        .map(|n| {
            (
                n.value,
                n.qualifier,
                n.kind,
                text[toks[n.start].start..toks[n.end - 1].end].to_string(),
            )
        })
        .collect()
}

#[test]
fn a_year_after_a_month_and_day_is_a_year_whatever_follows() {
    let kinds: Vec<(u64, NumberKind)> =
        read("en", "On March 3 2015 civilians said 40 people died.")
            .into_iter()
            .map(|(v, _, k, _)| (v, k))
            .collect();
    assert_eq!(
        kinds,
        [
            (3, NumberKind::Date),
            (2015, NumberKind::Year),
            (40, NumberKind::Count)
        ]
    );
}

#[test]
fn a_time_of_day_is_no_count() {
    let kinds: Vec<(u64, NumberKind)> = read(
        "en",
        "At 630 a.m. jets struck the town and at 9 pm 40 people died; by 11 GMT two more.",
    )
    .into_iter()
    .map(|(v, _, k, _)| (v, k))
    .collect();
    assert_eq!(
        kinds,
        [
            (630, NumberKind::Unit),
            (9, NumberKind::Unit),
            (40, NumberKind::Count),
            (11, NumberKind::Unit),
            (2, NumberKind::Count)
        ]
    );
}

#[test]
fn a_qualifier_at_the_very_end_reads_no_number() {
    let lex = Lexicon::get("en").expect("the English lexicon");
    let text = "They said at least";
    let toks = tokenize(text, 0);
    let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
    assert!(find_numbers(lex, text, &toks, &words, 0, toks.len()).is_empty());
}

#[test]
fn dutch_numbers_and_qualifiers() {
    let got = read(
        "nl",
        "meer dan 700, zo'n twaalfduizend, ruim honderd, 5.000, 12 000 en tweeëntwintig, \
         honderden, naar schatting zo'n 5000, 2,5 miljoen",
    );
    let values: Vec<u64> = got.iter().map(|g| g.0).collect();
    assert_eq!(
        values,
        [700, 12000, 100, 5000, 12000, 22, 100, 5000, 2_500_000]
    );
    assert_eq!(got[0].1, Qualifier::MoreThan);
    assert_eq!(got[0].3, "meer dan 700");
    assert_eq!(got[1].1, Qualifier::About);
    assert_eq!(got[6].1, Qualifier::Vague);
    assert_eq!(got[7].1, Qualifier::About);
}

#[test]
fn english_numbers_and_kinds() {
    let got = read(
        "en",
        "at least eighty-four, a hundred people, two hundred and fifty, 5,000, dozens, \
         in 2019, four days, 13th, October 12",
    );
    let values: Vec<(u64, NumberKind)> = got.iter().map(|g| (g.0, g.2)).collect();
    assert_eq!(
        values,
        [
            (84, NumberKind::Count),
            (100, NumberKind::Count),
            (250, NumberKind::Count),
            (5000, NumberKind::Count),
            (12, NumberKind::Count),
            (2019, NumberKind::Year),
            (4, NumberKind::Unit),
            (13, NumberKind::Ordinal),
            (12, NumberKind::Date),
        ]
    );
    assert_eq!(got[0].1, Qualifier::AtLeast);
    assert!(read("en", "a man and an army").is_empty());
    // Dates, times and ages are not counts.
    let kinds: Vec<NumberKind> = read("en", "on 21-11-2016 at 6:30 a 12-year-old aged 70")
        .iter()
        .map(|g| g.2)
        .collect();
    assert!(kinds.iter().all(|k| *k != NumberKind::Count), "{kinds:?}");
}

#[test]
fn digits_in_a_place_name_are_no_count() {
    let kinds = |lang: &str, text: &str| -> Vec<(u64, NumberKind)> {
        read(lang, text).iter().map(|g| (g.0, g.2)).collect()
    };
    assert_eq!(
        kinds(
            "en",
            "Shells fell on Route 9 and the Qasr 40 quarter, killing 3 people"
        ),
        [
            (9, NumberKind::Name),
            (40, NumberKind::Name),
            (3, NumberKind::Count)
        ]
    );
    assert_eq!(
        kinds("nl", "Granaten troffen Straat 12 en doodden 4 mensen"),
        [(12, NumberKind::Name), (4, NumberKind::Count)]
    );
    // A count after a capitalised word that names nothing numbered stays a count.
    assert_eq!(
        kinds("en", "In Homs 12 people died"),
        [(12, NumberKind::Count)]
    );
    // Between a name and the next name of a list: part of the first name.
    assert_eq!(
        kinds(
            "en",
            "Shells hit the districts of Kasarani 44 and Roysambu, wounding 5"
        ),
        [(44, NumberKind::Name), (5, NumberKind::Count)]
    );
    // A model after a short acronym; a count when people follow.
    assert_eq!(
        kinds("en", "They seized an AK 47 and killed 2 guards"),
        [(47, NumberKind::Name), (2, NumberKind::Count)]
    );
    assert_eq!(
        kinds("en", "The SDF said IS 40 fighters fled"),
        [(40, NumberKind::Count)]
    );
}

#[test]
fn digits_next_to_digits_are_no_count() {
    // A page's share counters run into the text: no word says what they count.
    let kinds: Vec<(u64, NumberKind)> = read("en", "Share 0 0 2 The blast killed 14 people")
        .iter()
        .map(|g| (g.0, g.2))
        .collect();
    assert_eq!(
        kinds,
        [
            (0, NumberKind::Run),
            (0, NumberKind::Run),
            (2, NumberKind::Run),
            (14, NumberKind::Count)
        ]
    );
    // A year or a date next to a count does not make it a run.
    let dated: Vec<(u64, NumberKind)> = read("en", "on March 3 2015 40 people died")
        .iter()
        .map(|g| (g.0, g.2))
        .collect();
    assert_eq!(dated[2], (40, NumberKind::Count));
    // Thousands written with a separator stay one number.
    let one: Vec<u64> = read("en", "12,500 people fled")
        .iter()
        .map(|g| g.0)
        .collect();
    assert_eq!(one, [12500]);
}

#[test]
fn a_dozen_after_a_number_multiplies_it() {
    let values = |code: &str, text: &str| -> Vec<(u64, String)> {
        read(code, text).into_iter().map(|g| (g.0, g.3)).collect()
    };
    assert_eq!(
        values("en", "some 4 dozen villagers fled"),
        [(48, "some 4 dozen".to_string())]
    );
    assert_eq!(
        values("en", "two dozen guards were hurt"),
        [(24, "two dozen".to_string())]
    );
    assert_eq!(
        values("nl", "drie dozijn dorpelingen vluchtten"),
        [(36, "drie dozijn".to_string())]
    );
    // "a dozen" and "dozens" stay vague words of their own.
    assert_eq!(values("en", "dozens of guards")[0].0, 12);
}

#[test]
fn a_dutch_number_word_with_tal_is_about_that_many() {
    let got = read(
        "nl",
        "Een dertigtal dorpelingen vluchtte, zo'n twintigtal bleef achter en een tiental raakte gewond.",
    );
    let values: Vec<(u64, Qualifier, String)> =
        got.into_iter().map(|(v, q, _, s)| (v, q, s)).collect();
    assert_eq!(
        values,
        [
            (30, Qualifier::About, "Een dertigtal".to_string()),
            (20, Qualifier::About, "zo'n twintigtal".to_string()),
            (10, Qualifier::About, "een tiental".to_string()),
        ]
    );
    // A word that only ends like one counts nothing ("het totaal", "een portal").
    assert!(read("nl", "Het totaal en een portal.").is_empty());
}

#[test]
fn a_number_hyphenated_to_a_capitalised_word_is_a_name() {
    // "7-Eleven" (a shop), "F-16" (a jet): names, no counts; "an 11-year-old" still counts.
    let kinds = |text: &str| -> Vec<(u64, NumberKind)> {
        read("en", text)
            .into_iter()
            .map(|(v, _, k, _)| (v, k))
            .collect()
    };
    assert_eq!(
        kinds("Three people died at a 7-Eleven store."),
        [
            (3, NumberKind::Count),
            (7, NumberKind::Name),
            (11, NumberKind::Name)
        ]
    );
    assert_eq!(kinds("Two F-16 jets struck."), [(2, NumberKind::Count)]);
    let age = kinds("Gunmen killed an 11-year-old.");
    assert!(age.iter().all(|(_, k)| *k != NumberKind::Name), "{age:?}");
}
