//! The noun phrase that names a source on either side of its cue: after it ("according to
//! [the UN]"), before it ("\[IS\] claims"), and where a relative clause or a prepositional
//! phrase stands between the speaker and the verb.

use super::super::lexicon::{Lexicon, Sec};
use super::super::text::{Kind, Token};
use super::names::longest_name;
use super::{is_boundary, source_phrase, speaker_word, MAX_SOURCE_WORDS};

/// A word that may stand in a source's noun phrase (no clause word; a number only capitalised).
fn np_word(lex: &Lexicon, tok: &Token) -> bool {
    tok.kind == Kind::Word
        && (!lex.has(Sec::Stop, &tok.lower) || lex.has(Sec::Connectors, &tok.lower) || tok.upper)
        && !lex.has(Sec::Clause, &tok.lower)
        && lex.value(Sec::Numbers, &tok.lower).is_none_or(|_| tok.cap)
}

/// True for a word in lower case that is a measure of its own and no noun for people
/// ("killed", "wounded"; not "residents"): the verb of a clause, never part of a speaker's
/// name ("said attackers killed 15": the words after the cue are what was said).
pub(super) fn measure_word(lex: &Lexicon, tok: &Token) -> bool {
    !tok.cap
        && !lex.has(Sec::MeasureNouns, &tok.lower)
        && !lex.is_people(&tok.lower)
        && lex
            .patterns(Sec::Measures)
            .match_at(&[tok.lower.as_str()], 0, 1)
            .is_some()
}

/// True when the word at `tok` makes the phrase before it the subject of a clause of its
/// own: a measure verb ([`measure_word`]) or an auxiliary ("said the group was behind the
/// attack", "said attackers killed 15"): the words after the cue are then what was said.
pub(super) fn opens_clause(lex: &Lexicon, tok: &Token) -> bool {
    measure_word(lex, tok)
        || lex.has(Sec::Auxiliaries, &tok.lower)
        || lex.has(Sec::PassiveAuxiliaries, &tok.lower)
}

/// The noun phrase after a cue (after-mode): "meldde [het Syrische Observatorium voor de
/// Mensenrechten] dat ...".
pub(super) fn phrase_after(
    lex: &Lexicon,
    toks: &[Token],
    from: usize,
    to: usize,
) -> (usize, usize) {
    // "according to a source at ...": the article opens the phrase.
    let mut from = from;
    while from < to
        && lex.has(Sec::Articles, &toks[from].lower)
        && !lex.has(Sec::Connectors, &toks[from].lower)
    {
        from += 1;
    }
    // "volgens de organisatie raakten ...", "according to the group 5 ...": a word that
    // refers back to a source named before is the whole phrase (a verb may follow it).
    let mut head = from;
    while head < to && lex.has(Sec::Articles, &toks[head].lower) {
        head += 1;
    }
    // ("de organisatie Artsen zonder Grenzen": a name after the noun is the source's own.)
    let named_next = toks.get(head + 1).is_some_and(|t| t.cap && head + 1 < to);
    if head < to
        && !toks[head].cap
        && !named_next
        && lex.has(Sec::SourceAnaphors, &toks[head].lower)
    {
        return (head, head + 1);
    }
    let mut end = from;
    let mut after_connector_name = false;
    // A lower-case word between two capitalised ones belongs to the name ("Artsen zonder
    // Grenzen", "Save the Children").
    let inside_name = |k: usize| {
        k > from && k + 1 < to && toks[k - 1].cap && toks[k + 1].cap && toks[k].kind == Kind::Word
    };
    while end < to
        && end - from < MAX_SOURCE_WORDS
        && (np_word(lex, &toks[end]) || inside_name(end))
        && !(end > from && measure_word(lex, &toks[end]))
    {
        let t = &toks[end];
        if after_connector_name && !t.cap && !lex.has(Sec::Connectors, &t.lower) {
            break;
        }
        if lex.has(Sec::Connectors, &t.lower) && !lex.has(Sec::Articles, &t.lower) && end > from {
            after_connector_name = false;
        } else if t.cap
            && end > from
            && (from..end)
                .rev()
                .find(|&k| !lex.has(Sec::Articles, &toks[k].lower))
                .is_some_and(|k| lex.has(Sec::Connectors, &toks[k].lower))
        {
            after_connector_name = true;
        }
        end += 1;
    }
    trim(lex, toks, from, end)
}

/// The speaker of a cue that follows its subject ("\[IS\] claims"), from the sentence's tokens
/// `from..to`; `cue` is the cue's span, `whole_cue` false for a cue with a gap ("liet ...
/// weten").
pub(super) fn speaker_before(
    lex: &Lexicon,
    toks: &[Token],
    cue: (usize, usize),
    whole_cue: bool,
    from: usize,
    to: usize,
) -> ((usize, usize), Option<(usize, usize)>) {
    let clause_start = (from..cue.0)
        .rev()
        .find(|&j| is_boundary(lex, &toks[j]))
        .map_or(from, |j| j + 1);
    let span = phrase_before(
        lex,
        toks,
        verb_group_start(lex, toks, cue.0, clause_start),
        clause_start,
    );
    let mut np_start = span.0;
    while np_start > clause_start && lex.has(Sec::Articles, &toks[np_start - 1].lower) {
        np_start -= 1;
    }
    // "The Observatory, which relies on sources inside the country, says": the speaker
    // stands before a relative clause that opens with its pronoun ("which the army said"
    // keeps the army).
    if let Some(r) = relative_pronoun_before(lex, toks, cue.0, from) {
        // (After a comma, "…, which lies north of A, the army said" names its own.)
        let own_clause = (r..cue.0).any(|k| toks[k].lower == ",");
        if span.1 <= span.0 || (np_start > r + 1 && !own_clause) {
            let end = if r > from && toks[r - 1].lower == "," {
                r - 1
            } else {
                r
            };
            let start = (from..end)
                .rev()
                .find(|&j| is_boundary(lex, &toks[j]))
                .map_or(from, |j| j + 1);
            let subject = phrase_before(lex, toks, end, start);
            let named = source_phrase(lex, toks, subject);
            if named.1 > named.0 {
                // "Rami X, who heads the Syrian Observatory, said": the body the clause
                // names is who the speaker speaks for.
                return (subject, longest_name(lex, toks, r + 1, cue.0));
            }
        }
    }
    // "In een verklaring zeggen de autoriteiten": a prepositional phrase before the verb is
    // not its subject; the source follows the verb. ("On Monday the ministry said" names its
    // speaker before the verb all the same.)
    // ("The toll from the strike on A reported 15": A is what the strike hit.)
    let after_preposition = np_start > clause_start
        && (lex.has(Sec::Locative, &toks[np_start - 1].lower)
            || super::super::names::aimed_at(lex, toks, np_start - 1));
    // "Abdul X, the provincial police chief, says ...": a name and its apposition between
    // commas right before the cue; the apposition says who the speaker is.
    if span.1 <= span.0 {
        if let Some((name, apposition)) = apposed_speaker(lex, toks, cue.0, from) {
            return (name, Some(apposition));
        }
        if let Some(subject) = speaker_before_aside(lex, toks, cue.0, from) {
            return (subject, None);
        }
    }
    if span.1 <= span.0 && whole_cue {
        // ("He said attackers killed 15": a clause with its own verb is what was said.)
        let after = phrase_after(lex, toks, cue.1, to);
        let clause = toks.get(after.1).is_some_and(|t| opens_clause(lex, t));
        return (if clause { (cue.0, cue.0) } else { after }, None);
    }
    if after_preposition && whole_cue {
        // The subject after the verb opens with an article or a name ("zegt de politie");
        // "based outside the country said regime planes struck" has its subject further back.
        let after = phrase_after(lex, toks, cue.1, to);
        let opens_np =
            cue.1 < to && (toks[cue.1].cap || lex.has(Sec::Articles, &toks[cue.1].lower));
        return (if opens_np { after } else { (cue.0, cue.0) }, None);
    }
    (span, None)
}

/// "Abdul X, the provincial police chief, says", "A, spokesman for the governor of B, said":
/// the speaker's name and the apposition after it, closed by a comma right before the cue at
/// token `cue` (the sentence opens at `from`). The apposition must name someone (a word for
/// who speaks or a capital) and the words before it hold a capitalised name.
pub(super) fn apposed_speaker(
    lex: &Lexicon,
    toks: &[Token],
    cue: usize,
    from: usize,
) -> Option<((usize, usize), (usize, usize))> {
    // ("A's provincial police chief": a possessive's apostrophe stays inside.)
    let inside = |t: &Token| t.kind == Kind::Word || t.lower == "'" || t.lower == "-";
    let (open, close) = aside_before(toks, cue, from, inside)?;
    let apposition = trim(lex, toks, open + 1, close);
    let names_someone = (apposition.0..apposition.1).any(|k| speaker_word(lex, &toks[k]))
        || source_phrase(lex, toks, apposition).1 > apposition.0;
    if apposition.1 <= apposition.0 || !names_someone {
        return None;
    }
    let clause_start = clause_start(lex, toks, open, from);
    let name = phrase_before(lex, toks, open, clause_start);
    let capitalised = (name.0..name.1).any(|k| toks[k].cap && k > from || toks[k].upper);
    (name.1 > name.0 && capitalised && name.0 == clause_start).then_some((name, apposition))
}

/// "Two local officials, speaking on condition of anonymity, said": an aside between commas
/// right before the cue that names no one and says nothing itself; the speaker is the noun
/// phrase that opens the clause before it (perhaps after a count of them), with a word for
/// who speaks.
pub(super) fn speaker_before_aside(
    lex: &Lexicon,
    toks: &[Token],
    cue: usize,
    from: usize,
) -> Option<(usize, usize)> {
    let (open, close) = aside_before(toks, cue, from, |t: &Token| t.kind == Kind::Word)?;
    let aside_says = (open + 1..close).any(|k| lex.has(Sec::ReportVerbs, &toks[k].lower));
    if open + 1 >= close || aside_says {
        return None;
    }
    let clause_start = clause_start(lex, toks, open, from);
    let name = phrase_before(lex, toks, open, clause_start);
    let speaks = (name.0..name.1).any(|k| speaker_word(lex, &toks[k]));
    let counted = name.0 == clause_start + 1
        && (toks[clause_start].kind == Kind::Number
            || lex.value(Sec::Numbers, &toks[clause_start].lower).is_some());
    (name.1 > name.0 && speaks && (name.0 == clause_start || counted)).then_some(name)
}

/// The commas `(open, close)` of an aside of a few tokens (each `inside`) that ends right
/// before the cue at token `cue`: ", the provincial police chief, says".
fn aside_before(
    toks: &[Token],
    cue: usize,
    from: usize,
    inside: impl Fn(&Token) -> bool,
) -> Option<(usize, usize)> {
    let close = cue
        .checked_sub(1)
        .filter(|&c| c > from && toks[c].lower == ",")?;
    let open = (from..close)
        .rev()
        .take(MAX_SOURCE_WORDS + 2)
        .find(|&k| !inside(&toks[k]))
        .filter(|&k| toks[k].lower == ",")?;
    Some((open, close))
}

/// Where the clause that holds token `at` starts: after the last boundary before it.
fn clause_start(lex: &Lexicon, toks: &[Token], at: usize, from: usize) -> usize {
    (from..at)
        .rev()
        .find(|&j| is_boundary(lex, &toks[j]))
        .map_or(from, |j| j + 1)
}

/// The nearest relative pronoun before token `cue`, with no boundary but commas between.
pub(super) fn relative_pronoun_before(
    lex: &Lexicon,
    toks: &[Token],
    cue: usize,
    from: usize,
) -> Option<usize> {
    (from..cue)
        .rev()
        .take_while(|&k| {
            lex.has(Sec::RelativePronouns, &toks[k].lower)
                || toks[k].lower == ","
                || !is_boundary(lex, &toks[k])
        })
        .find(|&k| lex.has(Sec::RelativePronouns, &toks[k].lower))
}

/// The noun phrase before a cue (before-mode): "\[IS\] beweert dat ...".
/// The most words of auxiliaries and adverbs between a speaker and the verb of saying ("had
/// also earlier said").
const VERB_GROUP_WORDS: usize = 3;

/// Where the verb group that ends with the cue at token `cue` opens: auxiliaries and
/// `report_adverbs` in lower case right before it ("police have said", "the rebels had earlier
/// announced", "officials also confirmed"), at most [`VERB_GROUP_WORDS`], not before `from`.
pub(super) fn verb_group_start(lex: &Lexicon, toks: &[Token], cue: usize, from: usize) -> usize {
    // (Words in lower case only: "IS beweert" names the group, not the verb "is".)
    let in_group = |t: &Token| {
        !t.cap
            && !t.upper
            && (lex.has(Sec::Auxiliaries, &t.lower) || lex.has(Sec::ReportAdverbs, &t.lower))
    };
    let mut j = cue;
    while j > from && cue - j < VERB_GROUP_WORDS && in_group(&toks[j - 1]) {
        j -= 1;
    }
    j
}

fn phrase_before(lex: &Lexicon, toks: &[Token], cue: usize, from: usize) -> (usize, usize) {
    let extend = |mut start: usize| {
        while start > from && cue - start < MAX_SOURCE_WORDS && np_word(lex, &toks[start - 1]) {
            start -= 1;
        }
        start
    };
    let mut start = extend(cue);
    // "[the correspondent in Deir Ezzor] reported": a word for who speaks, placed by a
    // locative preposition, is one phrase with its place.
    if start > from + 1
        && start < cue
        && lex.has(Sec::Locative, &toks[start - 1].lower)
        && speaker_word(lex, &toks[start - 2])
    {
        start = extend(start - 2);
    }
    // "Meanwhile the correspondent said", "over 24 hours the ministry said": an article that
    // no connector leads into opens the phrase (a capital after it is left to
    // `source_phrase`: "Save the Children").
    if let Some(k) = (start + 1..cue.saturating_sub(1)).rev().find(|&k| {
        lex.has(Sec::Articles, &toks[k].lower)
            && !lex.has(Sec::Connectors, &toks[k - 1].lower)
            && !toks[k + 1].cap
    }) {
        start = k;
    }
    trim(lex, toks, start, cue)
}

fn trim(lex: &Lexicon, toks: &[Token], mut start: usize, mut end: usize) -> (usize, usize) {
    while end > start && lex.has(Sec::Connectors, &toks[end - 1].lower) {
        end -= 1;
    }
    while start < end && lex.has(Sec::Articles, &toks[start].lower) {
        start += 1;
    }
    (start, end)
}
