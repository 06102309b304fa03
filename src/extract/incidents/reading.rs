//! Reading one sentence: its places and their roles, numbers, sources, figures, events,
//! actors and days, with what a paragraph carries from one sentence to the next (the last
//! source named, the last measure counted).

use super::super::attribution::{find_sources, SourceMention};
use super::super::captures::Ground;
use super::super::events::{actors, day_refs, event_cues, report_day_refs, tags, DayRef, EventCue};
use super::super::figures::{read_figures, FigureMention};
use super::super::lexicon::{Lexicon, Sec};
use super::super::numbers::find_numbers;
use super::super::place_index::PlaceIndex;
use super::super::places::{holders_of_unknown, roles, town_like, PlaceUse, Role};
use super::super::text::{Sentence, Token};
use super::super::toponyms::PlaceMatch;
use crate::model::Measure;

/// What one sentence says.
#[derive(Debug, Clone)]
pub(in crate::extract) struct Reading {
    pub sentence: Sentence,
    pub places: Vec<PlaceUse>,
    pub sources: Vec<SourceMention>,
    pub figures: Vec<FigureMention>,
    pub events: Vec<EventCue>,
    pub tags: Vec<String>,
    pub actors: Vec<String>,
    pub days: Vec<DayRef>,
    /// Days the report was made ("told on Wednesday"): dates of last resort.
    pub report_days: Vec<DayRef>,
    /// Site nouns with a definite article ("het kamp", "the prison").
    pub definite_sites: Vec<String>,
    /// Byte spans of the sentence's tokens.
    pub bytes: Vec<(usize, usize)>,
}

impl Reading {
    /// Byte span of token `i` (an index into the article's tokens).
    pub fn token_bytes(&self, i: usize) -> (usize, usize) {
        let k = i
            .saturating_sub(self.sentence.start)
            .min(self.bytes.len().saturating_sub(1));
        self.bytes
            .get(k)
            .copied()
            .unwrap_or((self.sentence.byte_start, self.sentence.byte_end))
    }

    /// Token `i` of the sentence as written in `text`, in lower case.
    pub fn lower_word(&self, text: &str, i: usize) -> Option<String> {
        self.word(text, i).map(str::to_lowercase)
    }

    /// Token `i` of the sentence as written in `text`.
    pub fn word<'t>(&self, text: &'t str, i: usize) -> Option<&'t str> {
        let (a, b) = self.token_bytes(i);
        text.get(a..b)
    }
}

/// The article as the sentence reader sees it.
pub(super) struct Article<'a> {
    pub lex: &'a Lexicon,
    pub index: &'a PlaceIndex,
    pub text: &'a str,
    pub file: &'a str,
    pub toks: &'a [Token],
    pub words: &'a [&'a str],
    /// The place names recognised in the whole article.
    pub matches: &'a [PlaceMatch],
}

/// How many of the sources named before a sentence it may refer back to.
const RECENT_SOURCES: usize = 50;

/// What one sentence hands on to the next while reading.
#[derive(Default)]
struct Carried {
    /// Names of every source named so far in the article.
    earlier_sources: Vec<String>,
    /// The last measure counted in this paragraph.
    previous_measure: Option<Measure>,
    /// The last source named in this paragraph.
    paragraph_source: Option<String>,
}

/// Reads every sentence in order; a new paragraph forgets the measure and source the last one
/// carried.
pub(super) fn read_sentences(article: &Article, sents: &[Sentence]) -> Vec<Reading> {
    let mut readings: Vec<Reading> = Vec::with_capacity(sents.len());
    let mut carried = Carried::default();
    let mut paragraph = usize::MAX;
    for s in sents {
        if s.paragraph != paragraph {
            paragraph = s.paragraph;
            carried.previous_measure = None;
            carried.paragraph_source = None;
        }
        readings.push(read_sentence(article, s, &mut carried));
    }
    source_told_next(&mut readings);
    readings
}

/// Reads one sentence: numbers, sources, figures, events, then the roles of its places.
fn read_sentence(article: &Article, s: &Sentence, carried: &mut Carried) -> Reading {
    let Article {
        lex,
        index,
        text,
        file,
        toks,
        words,
        matches,
    } = *article;
    let (from, to) = (s.start, s.end);
    let numbers = find_numbers(lex, text, toks, words, from, to);
    let earlier = &carried.earlier_sources;
    let recent = &earlier[earlier.len().saturating_sub(RECENT_SOURCES)..];
    let sources = find_sources(lex, text, toks, words, from, to, recent);
    carried
        .earlier_sources
        .extend(sources.iter().map(|s| s.name.clone()));
    let mut figures = read_figures(
        lex,
        text,
        file,
        toks,
        words,
        from,
        to,
        &numbers,
        &sources,
        carried.previous_measure.as_ref(),
    );
    carry_paragraph_source(&mut carried.paragraph_source, &sources, &mut figures);
    if let Some(m) = figures.iter().rev().find_map(|f| f.measure.clone()) {
        carried.previous_measure = Some(m);
    }
    let events = if s.heading {
        Vec::new()
    } else {
        let ground = Ground {
            lex,
            toks,
            words,
            matches,
            from,
            to,
        };
        event_cues(lex, words, from, to, |c| ground.judge(c))
    };
    unarmed_attackers(&events, &mut figures);
    let event_at = events
        .iter()
        .map(|e| e.token)
        .min()
        .or_else(|| figures.iter().any(|f| f.measure.is_some()).then_some(from));
    let mut places = roles(lex, index, text, words, from, to, matches, event_at);
    holders_of_unknown(lex, toks, words, from, &mut places);
    demote_places_of_sources(lex, words, &sources, &mut places);
    Reading {
        sentence: s.clone(),
        places,
        sources,
        figures,
        events,
        tags: tags(lex, words, from, to),
        actors: actors(lex, text, toks, words, from, to),
        days: day_refs(lex, words, from, to),
        report_days: report_day_refs(lex, words, from, to),
        definite_sites: definite_sites(lex, words, from, to),
        bytes: toks[from..to].iter().map(|t| (t.start, t.end)).collect(),
    }
}

/// "Some 160 gunmen had remained in A", "200 gunmen were evacuated": armed people counted in
/// a sentence that tells no event are no attackers: no measure.
fn unarmed_attackers(events: &[EventCue], figures: &mut [FigureMention]) {
    if !events.is_empty() {
        return;
    }
    for f in figures
        .iter_mut()
        .filter(|f| f.measure == Some(Measure::Attackers))
    {
        f.measure = None;
        f.reason = Some("counts armed people; the sentence tells no attack by them".to_string());
    }
}

/// A source named earlier in the paragraph still speaks ("Ook zouden er zeven burgers
/// zijn omgekomen" after "volgens het Observatorium ...").
fn carry_paragraph_source(
    paragraph_source: &mut Option<String>,
    sources: &[SourceMention],
    figures: &mut [FigureMention],
) {
    if let Some(last) = sources.last() {
        *paragraph_source = Some(last.name.clone());
    } else if let Some(carried) = paragraph_source {
        for f in figures.iter_mut().filter(|f| f.claim.source.is_none()) {
            f.claim.source = Some(carried.clone());
        }
    }
}

/// A place inside a source's name ("het ministerie van Volksgezondheid in Gaza") is
/// not where the event happened.
fn demote_places_of_sources(
    lex: &Lexicon,
    words: &[&str],
    sources: &[SourceMention],
    places: &mut [PlaceUse],
) {
    let event_places = places.iter().filter(|p| p.role == Role::Event).count();
    let in_source = |p: &PlaceUse| {
        sources.iter().any(|s| {
            let inside = (s.start..s.end).contains(&p.found.start);
            // "officials in A said": where a speaker is is left to the place roles (the
            // only town a sentence names may still be where it happened; "a source at
            // A province" speaks for an office).
            let speaker_at = inside
                && town_like(p)
                && words[s.start..p.found.start]
                    .iter()
                    .any(|w| lex.has(Sec::Locative, w));
            // Right after the speaker ("quoted residents in A as saying"): a town the
            // sentence alone names may be where it happened; beside another place it is
            // where the speaker sits ("the ministry in B" about a strike on A). A place the
            // speaker comes from ("a doctor from A") is never the event's.
            let after = p.found.start == s.end + 1;
            let at = after && lex.has(Sec::AtPlace, words[s.end]);
            let origin = after && lex.has(Sec::OriginPrepositions, words[s.end]);
            let sole_town = town_like(p) && event_places == 1;
            (inside && !speaker_at) || (at && !sole_town) || origin
        })
    };
    for p in places.iter_mut().filter(|p| in_source(p)) {
        if p.role == Role::Event {
            p.role = Role::Mention;
        }
    }
}

/// Site nouns after a definite article ("het kamp", "the prison"): a later sentence that
/// names the site returns to the incident there.
fn definite_sites(lex: &Lexicon, words: &[&str], from: usize, to: usize) -> Vec<String> {
    (from + 1..to)
        .filter(|&i| {
            lex.has(Sec::Articles, words[i - 1]) && !lex.has(Sec::Indefinite, words[i - 1])
        })
        .filter_map(|i| lex.value(Sec::Sites, words[i]).map(str::to_string))
        .collect()
}

/// How far into a sentence (in tokens) its source cue may stand to open it ("According to
/// the police, ...").
const OPENING_CUE_TOKENS: usize = 2;

/// "Two civilians were killed in A. According to the police, the shells came from B.": a
/// sentence that names no source of its own takes the one that opens the next sentence of
/// its paragraph, which goes on telling the same event, before one carried from earlier.
fn source_told_next(readings: &mut [Reading]) {
    for i in 1..readings.len() {
        let (before, after) = readings.split_at_mut(i);
        let (told, next) = (&mut before[i - 1], &after[0]);
        if !told.sources.is_empty() || told.sentence.paragraph != next.sentence.paragraph {
            continue;
        }
        let opening = next
            .sources
            .first()
            .filter(|s| s.cue <= next.sentence.start + OPENING_CUE_TOKENS);
        if let Some(source) = opening {
            for f in &mut told.figures {
                f.claim.source = Some(source.name.clone());
            }
        }
    }
}
