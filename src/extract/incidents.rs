//! Stage 1, ingest/extract: one article → incidents. Reads each sentence (places and their
//! roles, numbers, sources, figures, events, actors, days), then follows the discourse: a
//! sentence that names an event place moves the focus there; a sentence with "het kamp" /
//! "the prison" returns to the incident at that site; other sentences stay with the focus,
//! and the lead (before any place is named) joins the first incident.

mod reading;

use super::figures::FigureMention;
use super::frames::Frames;
use super::hash::FastSet;
use super::lexicon::Sec;
use super::lexicon::{detect_language, Lexicon};
use super::place_index::PlaceIndex;
use super::places::{PlaceUse, Role};
use super::resolve::UnreadName;
use super::text::{cut_after_credits, parse_header, sentences, tokenize, Kind, Sentence, Token};
use super::toponyms::recognise;
use super::{Extraction, Options, PlaceMention, Unattached};
use crate::error::RecordError;
use crate::model::{stable_id, SubEventType};
use reading::{read_sentences, Article};

pub(super) use reading::Reading;

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
    /// The kind of event the clause that made the group tells, where the sentence tells
    /// another event before it ("the army shelled A since rebels took B": at B, a capture).
    pub kind: Option<SubEventType>,
}

/// One article → its incidents: words, language, sentences, place names; then every
/// sentence read; then the sentences' figures framed into incident groups.
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
    let lex = language(options, &toks, &words);
    out.language = lex.code.clone();
    let toks = super::joins::join_words(lex, toks);
    let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
    let sents = body_sentences(lex, &toks);
    let initial = sentence_initial(&toks, &sents);
    let mut elsewhere = Vec::new();
    let matches = recognise(
        index,
        lex,
        text,
        &toks,
        &initial,
        options.country.as_deref(),
        &mut elsewhere,
    );
    let article = Article {
        lex,
        index,
        text,
        file,
        toks: &toks,
        words: &words,
        matches: &matches,
    };
    let readings = read_sentences(&article, &sents);
    out.places.extend(place_mentions(text, file, &readings));
    let frames = super::frames::assign(
        lex,
        text,
        &toks,
        &words,
        &readings,
        &elsewhere,
        header.published.as_ref(),
    );
    out.published = header.published;
    let groups = keep_left_overs(&mut out, &readings, frames);
    if groups.is_empty() {
        out.warnings
            .push(RecordError::new(file, None, why_no_incident(&elsewhere)));
    }
    let meta = super::assemble::ArticleMeta {
        file,
        text,
        published: header.published,
        language: &lex.code,
    };
    build_incidents(&mut out, &meta, &readings, &groups);
    out
}

/// Every place recognised in the sentences read, in text order, as a mention to report.
fn place_mentions(text: &str, file: &str, readings: &[Reading]) -> Vec<PlaceMention> {
    let mut chars = (0, 0);
    let mut out = Vec::new();
    for r in readings {
        for p in &r.places {
            out.push(mention(text, file, p, &mut chars));
        }
    }
    out
}

/// Why an article gave no incident: the names the gazetteer has but that were read
/// nowhere say why.
fn why_no_incident(elsewhere: &[UnreadName]) -> String {
    let unread: Vec<String> = (elsewhere.iter())
        .map(|u| super::frames::unread_why(&u.name, &u.why))
        .collect();
    match unread.as_slice() {
        [] => "no place of an event recognised: no incident".to_string(),
        _ => format!(
            "no place of an event recognised: no incident ({})",
            unread.join("; ")
        ),
    }
}

/// The lexicon of the language asked for, else of the language the words are in.
fn language(options: &Options, toks: &[Token], words: &[&str]) -> &'static Lexicon {
    match options.language.as_deref().and_then(Lexicon::get) {
        Some(lex) => lex,
        // A lower-case particle inside a name ("Tlajomulco de Zuniga", "Bergen op Zoom")
        // belongs to the name, not to the language of the text.
        None => detect_language(
            (0..toks.len())
                .filter(|&i| !name_particle(toks, i))
                .map(|i| words[i]),
        ),
    }
}

/// The article's sentences, without the photo credits and the list of related stories that
/// close it.
fn body_sentences(lex: &Lexicon, toks: &[Token]) -> Vec<Sentence> {
    let sents = cut_after_credits(
        toks,
        sentences(toks),
        |w| lex.has(Sec::PhotoWords, w),
        |w| lex.has(Sec::Agencies, w),
    );
    super::related::cut_related_stories(lex, toks, sents)
}

/// Marks the first word of every sentence (its capital says nothing about a name).
fn sentence_initial(toks: &[Token], sents: &[Sentence]) -> Vec<bool> {
    let mut initial = vec![false; toks.len()];
    for s in sents {
        let first = (s.start..s.end)
            .find(|&i| toks[i].kind != Kind::Punct)
            .unwrap_or(s.start);
        if let Some(flag) = initial.get_mut(first) {
            *flag = true;
        }
    }
    initial
}

/// Keeps the figures the frames left apart (unattached, or counted for a region) with their
/// reasons, and hands back the incident groups.
fn keep_left_overs(out: &mut Extraction, readings: &[Reading], frames: Frames) -> Vec<Group> {
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
    frames.groups
}

/// One incident (and its evidence) per group; two incidents of one article at one place
/// get ids apart.
fn build_incidents(
    out: &mut Extraction,
    meta: &super::assemble::ArticleMeta,
    readings: &[Reading],
    groups: &[Group],
) {
    let mut ids = FastSet::default();
    for g in groups {
        let (mut incident, evidence) = super::assemble::build_incident(meta, readings, g);
        if let Some(note) = placed_at_province(meta, g, &evidence) {
            out.notes.push(note);
        }
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
}

/// The warning for an incident at a place the gazetteer lacks, placed at the province the
/// text names it with: the unknown name, the province, and how to add the place.
fn placed_at_province(
    meta: &super::assemble::ArticleMeta,
    g: &Group,
    evidence: &[(usize, usize)],
) -> Option<RecordError> {
    let unknown = g.subplace.as_deref()?;
    let entry = &g.place.found.entry;
    if entry.kind != crate::gazetteer::EntryKind::Admin1 {
        return None;
    }
    let line = evidence
        .first()
        .map(|&(start, _)| super::line_of(meta.text, start));
    Some(RecordError::new(
        meta.file,
        line,
        format!(
            "{unknown:?} is not in the gazetteer: the incident is placed at the province it is \
             named with ({}, precision admin1); add the place with --gazetteer FILE",
            entry.name
        ),
    ))
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
fn name_particle(toks: &[Token], i: usize) -> bool {
    let lower = |k: usize| toks[k].kind == Kind::Word && !toks[k].cap;
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
