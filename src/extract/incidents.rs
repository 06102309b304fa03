//! Stage 1, ingest/extract: one article → incidents. Reads each sentence (places and their
//! roles, numbers, sources, figures, events, actors, days), then follows the discourse: a
//! sentence that names an event place moves the focus there; a sentence with "het kamp" /
//! "the prison" returns to the incident at that site; other sentences stay with the focus,
//! and the lead (before any place is named) joins the first incident.

use super::attribution::{find_sources, SourceMention};
use super::events::{actors, day_refs, event_cues, report_day_refs, tags, DayRef, EventCue};
use super::figures::{read_figures, FigureMention};
use super::hash::FastSet;
use super::lexicon::Sec;
use super::lexicon::{detect_language, Lexicon};
use super::numbers::find_numbers;
use super::place_index::PlaceIndex;
use super::places::{roles, PlaceUse, Role};
use super::text::{cut_after_credits, parse_header, sentences, tokenize, Sentence};
use super::toponyms::recognise;
use super::{Extraction, Options, PlaceMention, Unattached};
use crate::error::RecordError;
use crate::model::stable_id;

/// What one sentence says.
#[derive(Debug, Clone)]
pub(super) struct Reading {
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
        let (a, b) = self.token_bytes(i);
        text.get(a..b).map(str::to_lowercase)
    }
}

/// One incident being assembled: its place and the sentences read into it.
#[derive(Debug, Clone)]
pub(super) struct Group {
    pub place: PlaceUse,
    /// A named part of the place the gazetteer does not hold ("al-Foo neighbourhood").
    pub subplace: Option<String>,
    pub sentences: Vec<usize>,
    /// (sentence, figure index) of the figures attached here.
    pub figures: Vec<(usize, usize)>,
    pub mentions: Vec<PlaceUse>,
}

pub(super) fn extract(text: &str, file: &str, index: &PlaceIndex, options: &Options) -> Extraction {
    let header = parse_header(text);
    let mut out = Extraction {
        file: file.to_string(),
        text: text.to_string(),
        ..Extraction::default()
    };
    if let Some(w) = &header.warning {
        out.warnings
            .push(RecordError::new(file, Some(1), w.clone()));
    }
    let toks = tokenize(text, header.body_start);
    let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
    let lex: &Lexicon = match options.language.as_deref().and_then(Lexicon::get) {
        Some(lex) => lex,
        // A lower-case particle inside a name ("Tlajomulco de Zuniga", "Bergen op Zoom")
        // belongs to the name, not to the language of the text.
        None => detect_language(
            (0..toks.len())
                .filter(|&i| !name_particle(&toks, i))
                .map(|i| words[i]),
        ),
    };
    out.language = lex.code.clone();
    let sents = cut_after_credits(
        &toks,
        sentences(&toks),
        |w| lex.has(Sec::PhotoWords, w),
        |w| lex.has(Sec::Agencies, w),
    );
    let sents = super::related::cut_related_stories(lex, &toks, sents);
    let mut initial = vec![false; toks.len()];
    for s in &sents {
        let first = (s.start..s.end)
            .find(|&i| toks[i].kind != super::text::Kind::Punct)
            .unwrap_or(s.start);
        if let Some(flag) = initial.get_mut(first) {
            *flag = true;
        }
    }
    let matches = recognise(
        index,
        lex,
        text,
        &toks,
        &initial,
        options.country.as_deref(),
    );

    // Read every sentence.
    let mut readings: Vec<Reading> = Vec::with_capacity(sents.len());
    let mut earlier_sources: Vec<String> = Vec::new();
    let mut previous_measure = None;
    let mut paragraph_source: Option<String> = None;
    let mut paragraph = usize::MAX;
    for s in &sents {
        if s.paragraph != paragraph {
            paragraph = s.paragraph;
            previous_measure = None;
            paragraph_source = None;
        }
        let (from, to) = (s.start, s.end);
        let numbers = find_numbers(lex, text, &toks, &words, from, to);
        let recent = &earlier_sources[earlier_sources.len().saturating_sub(50)..];
        let sources = find_sources(lex, text, &toks, &words, from, to, recent);
        earlier_sources.extend(sources.iter().map(|s| s.name.clone()));
        let figures = read_figures(
            lex,
            text,
            file,
            &toks,
            &words,
            from,
            to,
            &numbers,
            &sources,
            previous_measure.as_ref(),
        );
        let mut figures = figures;
        // A source named earlier in the paragraph still speaks ("Ook zouden er zeven burgers
        // zijn omgekomen" after "volgens het Observatorium ...").
        if let Some(last) = sources.last() {
            paragraph_source = Some(last.name.clone());
        } else if let Some(carried) = &paragraph_source {
            for f in figures.iter_mut().filter(|f| f.claim.source.is_none()) {
                f.claim.source = Some(carried.clone());
            }
        }
        if let Some(m) = figures.iter().rev().find_map(|f| f.measure.clone()) {
            previous_measure = Some(m);
        }
        let events = if s.heading {
            Vec::new()
        } else {
            event_cues(lex, &words, from, to)
        };
        let event_at = events
            .iter()
            .map(|e| e.token)
            .min()
            .or_else(|| figures.iter().any(|f| f.measure.is_some()).then_some(from));
        let mut places = roles(lex, index, text, &words, from, to, &matches, event_at);
        // A place inside a source's name ("het ministerie van Volksgezondheid in Gaza") is
        // not where the event happened.
        let event_places = places
            .iter()
            .filter(|p| p.role == super::places::Role::Event)
            .count();
        let in_source = |p: &PlaceUse| {
            sources.iter().any(|s| {
                let inside = (s.start..s.end).contains(&p.found.start);
                // "officials in A said": where a speaker is is left to the place roles (the
                // only town a sentence names may still be where it happened; "a source at
                // A province" speaks for an office).
                let speaker_at = inside
                    && super::places::town_like(p)
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
                let sole_town = super::places::town_like(p) && event_places == 1;
                (inside && !speaker_at) || (at && !sole_town) || origin
            })
        };
        for p in places.iter_mut().filter(|p| in_source(p)) {
            if p.role == super::places::Role::Event {
                p.role = super::places::Role::Mention;
            }
        }
        let definite_sites = (from + 1..to)
            .filter(|&i| {
                lex.has(Sec::Articles, words[i - 1]) && !lex.has(Sec::Indefinite, words[i - 1])
            })
            .filter_map(|i| lex.value(Sec::Sites, words[i]).map(str::to_string))
            .collect();
        readings.push(Reading {
            sentence: s.clone(),
            places,
            sources,
            figures,
            events,
            tags: tags(lex, &words, from, to),
            actors: actors(lex, text, &toks, &words, from, to),
            days: day_refs(lex, &words, from, to),
            report_days: report_day_refs(lex, &words, from, to),
            definite_sites,
            bytes: toks[from..to].iter().map(|t| (t.start, t.end)).collect(),
        });
    }

    source_told_next(&mut readings);

    // Every recognised place, for --mentions.
    let mut chars = (0, 0);
    for r in &readings {
        for p in &r.places {
            out.places.push(mention(text, file, p, &mut chars));
        }
    }

    let frames = super::frames::assign(
        lex,
        text,
        &toks,
        &words,
        &readings,
        header.published.as_ref(),
    );
    let groups = frames.groups;
    for (si, fi, reason) in frames.unattached {
        if let Some(u) = left_over(&readings[si].figures[fi], reason, None) {
            out.unattached.push(u);
        }
    }
    for (si, fi, reason, area) in frames.regional {
        if let Some(u) = left_over(&readings[si].figures[fi], reason, area) {
            out.regional.push(u);
        }
    }
    if groups.is_empty() {
        out.warnings.push(RecordError::new(
            file,
            None,
            "no place of an event recognised: no incident",
        ));
    }
    let meta = super::assemble::ArticleMeta {
        file,
        text,
        published: header.published,
        language: &lex.code,
    };
    let mut ids = FastSet::default();
    for g in &groups {
        let (mut incident, evidence) = super::assemble::build_incident(&meta, &readings, g);
        // Two incidents of one article at one place (today's attack and an earlier one
        // there) get ids apart: the later one's id also hashes its date and its order.
        let mut order = 0usize;
        while !ids.insert(incident.id.clone()) {
            order += 1;
            incident.id = stable_id(&[&incident.id, &incident.date.label(), &order.to_string()]);
        }
        out.incidents.push(incident);
        out.evidence.push(evidence);
    }
    out
}

/// `chars` carries (byte offset, character count) from the previous call: places come in
/// text order, so counting characters stays linear.
fn mention(text: &str, file: &str, p: &PlaceUse, chars: &mut (usize, usize)) -> PlaceMention {
    let topo = &p.found.entry;
    let (s, e) = (p.found.byte_start, p.found.byte_end);
    if s < chars.0 {
        *chars = (0, 0);
    }
    let char_start = chars.1 + text[chars.0..s].chars().count();
    *chars = (s, char_start);
    PlaceMention {
        file: file.to_string(),
        start: s,
        end: e,
        char_start,
        char_end: char_start + text[s..e].chars().count(),
        text: text[s..e].to_string(),
        role: match p.role {
            Role::Event => "event",
            Role::Reference => "reference",
            Role::Mention => "mention",
            Role::Country => "country",
        },
        // The name as recognised: the entry measured from, for "40 km north of A".
        gazetteer_id: p.offset.as_ref().map_or(&topo.id, |o| &o.from_id).clone(),
        name: topo.name.clone(),
        country_code: topo.country_code.clone(),
        kind: topo.kind.as_str(),
        lat: topo.lat,
        lon: topo.lon,
        candidates: p.found.candidates,
    }
}

/// A figure kept apart from the incidents, with why (and the area it counts, if named).
fn left_over(f: &FigureMention, reason: String, area: Option<String>) -> Option<Unattached> {
    let span = f.claim.span.clone()?;
    Some(Unattached {
        value: f.claim.value,
        qualifier: f.claim.qualifier,
        measure: f.measure.clone(),
        text: f.claim.text.clone().unwrap_or_default(),
        reason,
        area,
        span,
        source: f.claim.source.clone(),
    })
}

/// Most lower-case words in a row read as part of a name between capitalised words ("de
/// los" in "Leon de los Aldama").
const NAME_PARTICLE_RUN: usize = 2;

/// True for a lower-case word in a run of up to [`NAME_PARTICLE_RUN`] between two
/// capitalised words: part of a name.
fn name_particle(toks: &[super::text::Token], i: usize) -> bool {
    let lower = |k: usize| toks[k].kind == super::text::Kind::Word && !toks[k].cap;
    if !lower(i) {
        return false;
    }
    let first = (i.saturating_sub(NAME_PARTICLE_RUN - 1)..=i)
        .rev()
        .take_while(|&k| lower(k))
        .last()
        .unwrap_or(i);
    let last = (i..toks.len().min(first + NAME_PARTICLE_RUN))
        .take_while(|&k| lower(k))
        .last()
        .unwrap_or(i);
    first > 0 && toks[first - 1].cap && toks.get(last + 1).is_some_and(|t| t.cap)
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
