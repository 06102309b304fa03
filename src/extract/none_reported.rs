//! Stage 1, ingest/extract: reports that nobody was hurt ("no casualties were reported", "no
//! one was killed", "er vielen geen doden"). They are figures of zero, reported like any other
//! count, so an incident says "0 killed" rather than nothing. Beside a count told in another
//! sentence such a report speaks of someone else ([`beside_a_count`]).

use super::figures::{FigureMention, PartOf};
use super::incidents::{Group, Reading};
use super::lexicon::{Lexicon, Sec};
use super::text::{Kind, Token};
use crate::model::{Claim, Measure, Qualifier, TextSpan};

/// "No casualties were reported", "no one was killed": a count of zero, which is a reported
/// figure (the measure is the value of the `none_reported` entry; `casualties` gives killed
/// and injured).
pub(super) fn none_reported(
    lex: &Lexicon,
    text: &str,
    file: &str,
    toks: &[Token],
    words: &[&str],
    from: usize,
    to: usize,
) -> Vec<FigureMention> {
    let mut out = Vec::new();
    for m in lex.patterns(Sec::NoneReported).find_all(words, from, to) {
        let measures = match m.value {
            "casualties" => vec![Measure::Killed, Measure::Injured],
            other => vec![Measure::parse(other)],
        };
        let (start, end) = (toks[m.start].start, toks[m.end - 1].end);
        for measure in measures {
            let mut claim = Claim::new(0, Qualifier::Exact).with_text(&text[start..end]);
            claim.span = Some(TextSpan {
                file: file.to_string(),
                start,
                end,
            });
            out.push(FigureMention {
                measure: Some(measure),
                subject: among(lex, text, toks, words, m.end, to),
                claim,
                token: m.start,
                part_of: PartOf::None,
                reason: None,
                side: None,
                population: false,
                one_person: false,
                joined: false,
                additional: false,
                more: false,
                share: false,
                running: false,
            });
        }
    }
    out
}

/// True when `f` (of sentence `si`) reports none in words ("no casualties were reported")
/// of a measure the incident counts with a positive figure in another sentence, and no
/// other source says it: the none is about someone else (the other side, anyone further),
/// not a rival of the count. A named source that gives no count says otherwise ("the army
/// denied any deaths") and stays a claim, unless it names whom it speaks of ("no casualties
/// among its staff").
pub(in crate::extract) fn beside_a_count(
    readings: &[Reading],
    group: &Group,
    (si, f): (usize, &FigureMention),
    measure: &Measure,
) -> bool {
    // (A count written "0", as in "fatalities coded as 0", is a count like any other.)
    let worded = (f.claim.text.as_deref()).is_some_and(|t| !t.chars().any(|c| c.is_ascii_digit()));
    if f.claim.value > 0 || !worded {
        return false;
    }
    // (In one sentence a none and a count are rival readings: "either no deaths or one".)
    let mut counts = (group.figures.iter())
        .filter(|&&(other, _)| other != si)
        .map(|&(si, fi)| &readings[si].figures[fi])
        .filter(|c| c.claim.value > 0 && c.measure.as_ref() == Some(measure))
        .peekable();
    if counts.peek().is_none() {
        return false;
    }
    // ("MSF said there were no casualties among its staff": none of those people, whoever
    // says it, is no rival of the count.)
    if f.subject.is_some() {
        return true;
    }
    let said_by = |c: &FigureMention| c.claim.source.as_deref().map(str::to_lowercase);
    match said_by(f) {
        None => true,
        Some(source) => counts.any(|c| said_by(c).as_deref() == Some(source.as_str())),
    }
}

/// Longest group named after a report of none ("on the government side").
const AMONG_WORDS: usize = 4;

/// Whom a report of none speaks of, when the words at `at` say it ("no casualties on the
/// government side" is a zero for that side): the words after the lexicon's `none_among`
/// phrase up to a punctuation mark, at most [`AMONG_WORDS`].
fn among(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    words: &[&str],
    at: usize,
    to: usize,
) -> Option<String> {
    let m = lex.patterns(Sec::NoneAmong).match_at(words, at, to)?;
    // ("on the government side and that ...": a joining word ends the group.)
    let end = (m.end..to.min(m.end + AMONG_WORDS))
        .take_while(|&j| {
            toks[j].kind == Kind::Word
                && !lex.has(Sec::Coordinators, words[j])
                && !lex.has(Sec::Complementizers, words[j])
        })
        .last()?;
    Some(text[toks[m.end].start..toks[end].end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::tokenize;

    fn zeros(code: &str, text: &str) -> Vec<(Option<Measure>, u64)> {
        let lex = Lexicon::get(code).expect("lexicon");
        let toks = tokenize(text, 0);
        let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        none_reported(lex, text, "t.txt", &toks, &words, 0, toks.len())
            .into_iter()
            .map(|f| (f.measure, f.claim.value))
            .collect()
    }

    #[test]
    fn a_report_of_none_among_some_people_is_their_zero() {
        let lex = Lexicon::get("en").expect("lexicon");
        // (A joining word ends the group: "... side and that the rebels fled".)
        for text in [
            "There were no casualties on the army side, officials said.",
            "Officials said there were no casualties on the army side and that the rebels fled.",
        ] {
            assert_among_army_side(lex, text);
        }
    }

    fn assert_among_army_side(lex: &Lexicon, text: &str) {
        let toks = tokenize(text, 0);
        let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        let got = none_reported(lex, text, "t.txt", &toks, &words, 0, toks.len());
        assert!(!got.is_empty());
        assert!(
            got.iter()
                .all(|f| f.subject.as_deref() == Some("army side")),
            "{:?}",
            got.iter().map(|f| &f.subject).collect::<Vec<_>>()
        );
    }

    #[test]
    fn no_casualties_is_zero_killed_and_zero_injured() {
        let got = zeros(
            "en",
            "The shells hit a field and no casualties were reported.",
        );
        assert_eq!(
            got,
            [(Some(Measure::Killed), 0), (Some(Measure::Injured), 0)]
        );
    }

    #[test]
    fn a_sentence_without_such_words_reports_nothing() {
        assert!(zeros("en", "Three people were hurt in the blast.").is_empty());
    }
}
