//! Stage 1, ingest/extract: who says it. Finds attribution cues ("volgens X", "meldt X",
//! "X beweert", "according to X", "X said") and the noun phrase that names the source, and
//! resolves short back-references ("de organisatie", "het Observatorium") to the full name
//! given earlier in the article.

use super::lexicon::Lexicon;
use super::lexicon::Sec;
use super::text::{Kind, Token};

/// Longest source name, in words.
const MAX_SOURCE_WORDS: usize = 9;

/// A source named in a sentence: its noun phrase (tokens `start..end`), the cue, and the name
/// as it will be recorded (article dropped, back-references resolved).
#[derive(Debug, Clone, PartialEq)]
pub struct SourceMention {
    pub start: usize,
    pub end: usize,
    pub cue: usize,
    pub name: String,
}

/// True for a token that ends a clause (punctuation or a conjunction such as "dat", "that").
pub fn is_boundary(lex: &Lexicon, tok: &Token) -> bool {
    (tok.kind == Kind::Punct && !matches!(tok.lower.as_str(), "'" | "-" | "%" | "&"))
        || lex.has(Sec::Clause, &tok.lower)
}

fn np_word(lex: &Lexicon, tok: &Token) -> bool {
    tok.kind == Kind::Word
        && (!lex.has(Sec::Stop, &tok.lower) || lex.has(Sec::Connectors, &tok.lower) || tok.upper)
        && !lex.has(Sec::Clause, &tok.lower)
        && lex.value(Sec::Numbers, &tok.lower).is_none_or(|_| tok.cap)
}

/// The noun phrase after a cue (after-mode): "meldde [het Syrische Observatorium voor de
/// Mensenrechten] dat ...".
fn phrase_after(lex: &Lexicon, toks: &[Token], from: usize, to: usize) -> (usize, usize) {
    // "according to a source at ...": the article opens the phrase.
    let mut from = from;
    while from < to
        && lex.has(Sec::Articles, &toks[from].lower)
        && !lex.has(Sec::Connectors, &toks[from].lower)
    {
        from += 1;
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

/// The speaker of a cue that follows its subject ("[IS] claims"), from the sentence's tokens
/// `from..to`; `cue` is the cue's span, `whole_cue` false for a cue with a gap ("liet ...
/// weten").
fn speaker_before(
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
    let span = phrase_before(lex, toks, cue.0, clause_start);
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
    let after_preposition =
        np_start > clause_start && lex.has(Sec::Locative, &toks[np_start - 1].lower);
    if span.1 <= span.0 && whole_cue {
        return (phrase_after(lex, toks, cue.1, to), None);
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

/// The longest name in tokens `from..to`: capitalised words and the connectors between
/// them, two words or more ("Syrian Observatory for Human Rights").
fn longest_name(lex: &Lexicon, toks: &[Token], from: usize, to: usize) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    let mut k = from;
    while k < to {
        if !name_part(&toks[k]) {
            k += 1;
            continue;
        }
        let end = name_end(lex, toks, k + 1, to);
        if end - k >= 2 && best.is_none_or(|(a, b)| end - k > b - a) {
            best = Some((k, end));
        }
        k = end;
    }
    best
}

/// The nearest relative pronoun before token `cue`, with no boundary but commas between.
fn relative_pronoun_before(
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

/// The noun phrase before a cue (before-mode): "[IS] beweert dat ...".
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

/// A word that names who speaks without a capital ("correspondent", "activists", "doctor").
fn speaker_word(lex: &Lexicon, tok: &Token) -> bool {
    lex.is_people(&tok.lower)
        || lex.has(Sec::OnePerson, &tok.lower)
        || lex.has(Sec::SourceNouns, &tok.lower)
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

/// Every source named in tokens `from..to` (one sentence). `earlier` holds the sources named
/// before, for back-references.
pub fn find_sources(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    words: &[&str],
    from: usize,
    to: usize,
    earlier: &[String],
) -> Vec<SourceMention> {
    let mut out: Vec<SourceMention> = Vec::new();
    let after = lex.patterns(Sec::SourcesAfter);
    let before = lex.patterns(Sec::SourcesBefore);
    let mut i = from;
    while i < to {
        let a = after.match_at(words, i, to);
        let b = before.match_at(words, i, to);
        if a.is_none() && b.is_none() {
            i += 1;
            continue;
        }
        // "were reported killed" is no attribution; "were reported by the ministry" is one,
        // and the agent names the source.
        if i > from && lex.has(Sec::PassiveAuxiliaries, &toks[i - 1].lower) {
            let cue_end = a
                .iter()
                .chain(b.iter())
                .map(|m| m.end)
                .max()
                .unwrap_or(i + 1);
            let agent = if lex.has(Sec::AgentMarkers, words[cue_end - 1]) {
                Some(cue_end)
            } else {
                (cue_end < to && lex.has(Sec::AgentMarkers, words[cue_end])).then_some(cue_end + 1)
            };
            if let Some(agent) = agent {
                let span = phrase_after(lex, toks, agent, to);
                push_source(lex, text, toks, from, span, i, earlier, &mut out);
            }
            i = cue_end.max(i + 1);
            continue;
        }
        let prev_opens =
            i == from || is_boundary(lex, &toks[i - 1]) || lex.has(Sec::Stop, &toks[i - 1].lower);
        let mut span = (i, i);
        let mut affiliation = None;
        let mut cue_end = i + 1;
        // ", which ..., said": the cue closes a relative clause, its subject stands before.
        let closes_relative = || relative_pronoun_before(lex, toks, i, from).is_some();
        if let Some(bm) = b.filter(|_| a.is_none() || !prev_opens || closes_relative()) {
            cue_end = bm.end;
            let whole_cue = bm.weight == bm.end - bm.start;
            (span, affiliation) = speaker_before(lex, toks, (i, bm.end), whole_cue, from, to);
        } else if let Some(am) = a {
            cue_end = am.end;
            span = phrase_after(lex, toks, am.end, to);
        }
        let e = push_source(lex, text, toks, from, span, i, earlier, &mut out);
        if let (Some((a, b)), Some(last)) = (affiliation, out.last_mut().filter(|m| m.cue == i)) {
            last.name = format!("{} ({})", last.name, &text[toks[a].start..toks[b - 1].end]);
        }
        i = cue_end.max(i + 1).max(e);
    }
    out
}

/// Records the source named by the words `span` (cue at token `cue`; `from` opens the
/// sentence) and returns where its phrase ends (`span.0` when it names nobody).
#[allow(clippy::too_many_arguments)]
fn push_source(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    from: usize,
    span: (usize, usize),
    cue: usize,
    earlier: &[String],
    out: &mut Vec<SourceMention>,
) -> usize {
    let (mut s, mut e) = source_phrase(lex, toks, span);
    // "The observatory said": one lower-case word that repeats a word of a source named
    // before refers back to it.
    let mut named_before = None;
    if e <= s && span.1 == span.0 + 1 {
        if repeats_earlier(&toks[span.0].lower, earlier, out) {
            (s, e) = span;
        } else if let Some((a, b)) = capitalised_before(lex, toks, from, &toks[span.0].lower) {
            (s, e) = span;
            named_before = Some(text[toks[a].start..toks[b - 1].end].to_string());
        }
    }
    if e > s {
        let name = named_before.take().unwrap_or_else(|| {
            resolve(
                lex,
                &text[toks[s].start..toks[e - 1].end],
                e - s,
                earlier,
                out,
            )
        });
        out.push(SourceMention {
            start: s,
            end: e,
            cue,
            name,
        });
    }
    e
}

/// The words of a source phrase that name the source: from the article that opens a name
/// ("Meanwhile [the Observatory]"), and nothing when no word names anyone (a capitalised
/// name, a word for people, "the monitor").
fn source_phrase(lex: &Lexicon, toks: &[Token], (s, e): (usize, usize)) -> (usize, usize) {
    let s = (s + 1..e.saturating_sub(1))
        .find(|&k| {
            lex.has(Sec::Articles, &toks[k].lower)
                && toks[k + 1].cap
                && !lex.has(Sec::Connectors, &toks[k - 1].lower)
        })
        .map_or(s, |k| k + 1);
    let names = (s..e).any(|k| {
        let t = &toks[k];
        t.cap || t.upper || speaker_word(lex, t) || lex.has(Sec::SourceAnaphors, &t.lower)
    });
    if names {
        (s, e)
    } else {
        (s, s)
    }
}

/// True when `word` is a word of a source named before (in the article or this sentence).
fn repeats_earlier(word: &str, earlier: &[String], here: &[SourceMention]) -> bool {
    earlier
        .iter()
        .chain(here.iter().map(|s| &s.name))
        .any(|prev| {
            prev.split_whitespace().count() >= 2
                && prev
                    .split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case(word))
        })
}

/// A capitalised word: a word of a name.
fn name_part(tok: &Token) -> bool {
    tok.kind == Kind::Word && tok.cap
}

/// Where a name that goes on at token `from` ends (before `to`): capitalised words and the
/// connectors between them ("Syrian Observatory for Human Rights").
fn name_end(lex: &Lexicon, toks: &[Token], mut from: usize, to: usize) -> usize {
    loop {
        if from < to && name_part(&toks[from]) {
            from += 1;
        } else if from + 1 < to
            && lex.has(Sec::Connectors, &toks[from].lower)
            && name_part(&toks[from + 1])
        {
            from += 2;
        } else {
            return from;
        }
    }
}

/// How far back (in tokens) a capitalised name is looked for.
const NAME_LOOKBACK_TOKENS: usize = 3000;

/// "The Kenya Human Rights Commission condemned ... The commission said": the last
/// capitalised name before token `upto` that holds `word`, as a token span (capitalised
/// words and the connectors between them).
fn capitalised_before(
    lex: &Lexicon,
    toks: &[Token],
    upto: usize,
    word: &str,
) -> Option<(usize, usize)> {
    let lo = upto.saturating_sub(NAME_LOOKBACK_TOKENS);
    let at = (lo..upto)
        .rev()
        .find(|&k| toks[k].cap && toks[k].lower == word)?;
    let mut a = at;
    while a > lo && name_part(&toks[a - 1]) {
        a -= 1;
    }
    // "The Kenya ...", "In Kenya ...": a capital opening the sentence is not the name's.
    while a < at && (lex.has(Sec::Articles, &toks[a].lower) || lex.has(Sec::Stop, &toks[a].lower)) {
        a += 1;
    }
    let b = name_end(lex, toks, at + 1, upto);
    // A name of two words or more; a capital opening a sentence alone is no name.
    (b - a >= 2).then_some((a, b))
}

/// A one-word source that repeats part of an earlier one ("het Observatorium") or a generic
/// back-reference ("de organisatie") becomes the earlier full name.
fn resolve(
    lex: &Lexicon,
    name: &str,
    words: usize,
    earlier: &[String],
    here: &[SourceMention],
) -> String {
    let name = name.trim().to_string();
    if words != 1 {
        return name;
    }
    let lower = name.to_lowercase();
    let previous = earlier
        .iter()
        .rev()
        .chain(here.iter().rev().map(|s| &s.name));
    let mut fallback = None;
    for prev in previous {
        let prev_lower = prev.to_lowercase();
        if prev_lower != lower && prev_lower.split_whitespace().any(|w| w == lower) {
            return prev.clone();
        }
        if fallback.is_none() && prev.split_whitespace().count() >= 2 {
            fallback = Some(prev.clone());
        }
    }
    if lex.has(Sec::SourceAnaphors, &lower) {
        if let Some(f) = fallback {
            return f;
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::tokenize;

    fn sources(code: &str, text: &str, earlier: &[&str]) -> Vec<String> {
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
}
