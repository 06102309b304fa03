//! Whom a count names runs to the word for the person after a word for people that is no
//! plural ("a police constable", "two police constables", "a security personnel commander")
//! and ends there ("a young herder mistaken for a thief": the young herder); one person
//! joined by "and" to such a count is one more; "and" with an adverb before the next measure
//! ("a ranger and seriously injured three") ends it. Sentences written for these
//! tests; Kasulu (Tanzania) from the built-in gazetteer.

use incimap::extract::Extraction;

use crate::common;

fn read(sentence: &str) -> Extraction {
    common::read_sentence("2024-05-02", sentence)
}

/// The subject of the first figure of the only incident.
fn subject(text: &str) -> Option<String> {
    let ex = read(text);
    assert_eq!(ex.incidents.len(), 1, "{text}: {:?}", ex.incidents);
    ex.incidents[0]
        .figures
        .first()
        .and_then(|f| f.subject.clone())
}

#[test]
fn the_person_word_after_a_word_for_people_is_whom_it_counts() {
    for (text, want) in [
        (
            "A police constable was killed in Kasulu.",
            "police constable",
        ),
        (
            "Two police constables were killed in Kasulu.",
            "police constables",
        ),
        (
            "A security personnel commander was killed in Kasulu.",
            "security personnel commander",
        ),
    ] {
        assert_eq!(subject(text).as_deref(), Some(want), "{text}");
    }
}

#[test]
fn whom_it_counts_ends_at_the_word_for_the_person() {
    let text = "Soldiers killed a young herder mistaking him for a bandit in Kasulu.";
    assert_eq!(subject(text).as_deref(), Some("young herder"));
    // A plural before a word for one person ends there: "held one of the brothers hostage".
    let ex = read("Gunmen shot two brothers and held one of the brothers hostage in Kasulu.");
    let subjects: Vec<Option<String>> = ex.incidents[0]
        .figures
        .iter()
        .map(|f| f.subject.clone())
        .collect();
    assert!(
        subjects.iter().flatten().all(|s| !s.contains("hostage")),
        "{subjects:?}"
    );
}

#[test]
fn one_person_after_a_count_of_two_words_is_one_more() {
    // The count stands two words before "and": the civilian is one more, not one of a list
    // of persons named without a number.
    for text in [
        "Gunmen killed two police officers and a civilian in Kasulu.",
        "Gunmen killed two police constables and a civilian in Kasulu.",
    ] {
        assert_eq!(
            common::tolls(&read(text)),
            [("Kasulu".to_string(), Some(3), None)],
            "{text}"
        );
    }
}

#[test]
fn an_adverb_before_the_next_measure_ends_the_people_counted() {
    // "and seriously injured three others" opens the next clause: not part of whom the
    // first count names; people joined by "and" still are.
    for (text, want) in [
        (
            "A bomb killed a ranger and seriously injured three others in Kasulu.",
            "ranger",
        ),
        (
            "A bomb killed two rangers and badly wounded three others in Kasulu.",
            "rangers",
        ),
        (
            "Gunmen killed five soldiers and policemen in Kasulu.",
            "soldiers and policemen",
        ),
    ] {
        assert_eq!(subject(text).as_deref(), Some(want), "{text}");
    }
}
