//! Every call the Python binding makes into the incimap library, and nothing else: the other
//! modules of the binding see only the plain types below and Arrow record batches. (When the
//! library's module paths change, this file is the one to adapt.)

use std::path::{Path, PathBuf};

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;

use incimap::export::ExportFormat;
use incimap::export::{Encoder, GeoParquetWriter};
use incimap::export::{Sink, Summary};
use incimap::extract::PlaceIndex;
use incimap::gazetteer::{Context, Gazetteer, Resolution};
use incimap::ingest::{BytesInput, Format, ReadOptions, Rejected};
use incimap::merge::MergeMode;
use incimap::model::{Incident, Origin, Reported};
use incimap::pipeline::{
    run_pass_on_bytes, BytesRead, Inputs, Output, PassResult, Settings, CHUNK_ROWS,
};
use incimap::render::{MapOptions, SizeBy};
use incimap::RecordError;

/// The data credits every export and map carries.
pub const CREDITS: &str = incimap::DATA_CREDITS;

/// A library error, as its message (the CLI prints the same text, a date hint aside: the
/// library names the option "a date format", the CLI its flag).
pub type Failure = String;

fn failure(error: incimap::Error) -> Failure {
    error.to_string()
}

/// A record that did not become an incident, or a note about one that did.
pub struct Problem {
    pub file: String,
    pub line: Option<u64>,
    pub column: Option<String>,
    pub message: String,
    /// The record as read (a CSV row, a JSON line), when there is one.
    pub record: Option<String>,
}

impl Problem {
    fn of(error: RecordError, record: Option<String>) -> Problem {
        Problem {
            file: error.file,
            line: error.line,
            column: error.column,
            message: error.message,
            record,
        }
    }

    fn rejected(rejected: Rejected) -> Problem {
        Problem::of(rejected.error, rejected.record)
    }
}

/// Located incidents, in input order.
pub struct Incidents(Vec<Incident>);

impl Incidents {
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

/// What a read or an extraction gave: the incidents, every record rejected or not located
/// (as `incimap --errors` lists them), and the notes about records kept.
pub struct Outcome {
    pub incidents: Incidents,
    pub rejected: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

/// Which reports of one event are merged into one incident (`--merge` / `--no-merge`).
#[derive(Clone, Copy)]
pub enum Merge {
    Articles,
    All,
    Nothing,
}

impl Merge {
    fn mode(self) -> MergeMode {
        match self {
            Merge::Articles => MergeMode::Articles,
            Merge::All => MergeMode::All,
            Merge::Nothing => MergeMode::None,
        }
    }
}

/// How to read: the country context and the worker threads (0: every core).
pub struct ReadSpec {
    pub country: Option<String>,
    pub merge: Merge,
    pub threads: usize,
}

impl ReadSpec {
    fn settings(&self) -> Settings<'static> {
        let threads = match self.threads {
            0 => std::thread::available_parallelism().map_or(2, |n| n.get()),
            n => n,
        };
        Settings {
            read: ReadOptions {
                country: self.country.clone(),
                ..ReadOptions::default()
            },
            filter: Default::default(),
            context: Context::country(self.country.as_deref()),
            gazetteer: Gazetteer::builtin(),
            threads,
            progress: BytesRead::default(),
        }
    }
}

/// Reads files and directories (every supported format; `-` is standard input) as `incimap
/// export` does. A named input that does not exist fails before anything is read.
pub fn read_paths(paths: &[PathBuf], spec: &ReadSpec) -> Result<Outcome, Failure> {
    incimap::pipeline::check_inputs(paths).map_err(failure)?;
    let settings = spec.settings();
    let mut input = Inputs::new(paths.to_vec());
    input.country = spec.country.clone();
    input.merge = spec.merge.mode();
    let merging = incimap::pipeline::must_merge(&input);
    let pass = |output: Output<'_>| incimap::pipeline::run_pass(&input, &settings, output);
    run(&pass, merging, spec.merge)
}

/// Reads bytes held in memory (named `label` in messages), their format told from their
/// content as for standard input.
pub fn read_bytes(bytes: &[u8], label: &str, spec: &ReadSpec) -> Result<Outcome, Failure> {
    let settings = spec.settings();
    let input = BytesInput::new(bytes, label);
    let merging = match spec.merge {
        Merge::Nothing => false,
        Merge::All => true,
        Merge::Articles => input.format() == Format::Article,
    };
    let pass = |output: Output<'_>| run_pass_on_bytes(&input, &settings, output);
    run(&pass, merging, spec.merge)
}

/// One pass of the pipeline (decode → geocode on every core), then the merge when asked.
fn run(
    pass: &dyn Fn(Output<'_>) -> incimap::Result<PassResult>,
    merging: bool,
    merge: Merge,
) -> Result<Outcome, Failure> {
    let (result, incidents) = if merging {
        let mut reports = Vec::new();
        let result = pass(Output::Reports(&mut reports));
        let merged = incimap::merge::merge(reports, merge.mode());
        (result, merged.incidents)
    } else {
        let mut incidents = Vec::new();
        let result = pass(Output::Collect(&mut incidents));
        (result, incidents)
    };
    let result = result.map_err(failure)?;
    let rejected = result.rejected.into_iter().chain(result.unlocated);
    Ok(Outcome {
        incidents: Incidents(incidents),
        rejected: rejected.map(Problem::rejected).collect(),
        warnings: result
            .warnings
            .into_iter()
            .map(|w| Problem::of(w, None))
            .collect(),
    })
}

/// One article: its id (named in messages and sources), publication date (`YYYY-MM-DD` or
/// `YYYY-MM`), text.
pub struct Article {
    pub id: String,
    pub published: Option<String>,
    pub text: String,
}

impl Article {
    /// The article as the extractor reads a file: a `date` header line when the date is
    /// given apart, then the text (byte offsets count from the header).
    fn as_file(&self) -> String {
        match &self.published {
            Some(date) => format!("date {date}\n{}", self.text),
            None => self.text.clone(),
        }
    }
}

/// How to extract: language ("en", "nl"; detected when `None`), country context, merging of
/// the reports of one event across articles, threads (0: every core).
pub struct ExtractSpec {
    pub language: Option<String>,
    pub country: Option<String>,
    pub merge: bool,
    pub threads: usize,
}

/// Extracts the incidents of many articles, as `incimap extract` does: figures not
/// attached to an incident are rejected records, regional figures notes.
pub fn extract(articles: &[Article], spec: &ExtractSpec) -> Outcome {
    let options = incimap::extract::Options {
        language: spec.language.clone(),
        country: spec.country.clone(),
    };
    let threads = match spec.threads {
        0 => std::thread::available_parallelism().map_or(2, |n| n.get()),
        n => n,
    };
    let per_thread = articles.len().div_ceil(threads.max(1)).max(1);
    let one = |article: &Article| {
        let text = article.as_file();
        let read = incimap::extract::read_article_with(
            &text,
            &article.id,
            PlaceIndex::builtin(),
            &options,
        );
        (read.incidents, read.errors, read.notes)
    };
    let results: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> = articles
            .chunks(per_thread)
            .map(|part| scope.spawn(move || part.iter().map(one).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut reports = Vec::new();
    let (mut rejected, mut warnings) = (Vec::new(), Vec::new());
    for (article, (incidents, errors, notes)) in articles.iter().zip(results) {
        reports.extend(incidents.into_iter().map(|incident| Reported {
            incident,
            origin: Origin::article(article.id.clone()),
        }));
        rejected.extend(errors.into_iter().map(|e| Problem::of(e, None)));
        warnings.extend(notes.into_iter().map(|e| Problem::of(e, None)));
    }
    let mode = match spec.merge {
        true => MergeMode::Articles,
        false => MergeMode::None,
    };
    let incidents = match mode {
        MergeMode::None => reports.into_iter().map(|r| r.incident).collect(),
        mode => incimap::merge::merge(reports, mode).incidents,
    };
    Outcome {
        incidents: Incidents(incidents),
        rejected,
        warnings,
    }
}

/// A name to look up, with what the text it came from says about where it is.
pub struct Query {
    pub name: String,
    pub country: Option<String>,
    pub admin1: Option<String>,
}

/// One candidate for a name (`rank` 0 is the best), or no candidate with suggestions.
pub struct Candidate {
    pub query: usize,
    pub rank: Option<u32>,
    pub id: Option<String>,
    pub name: Option<String>,
    pub country_code: Option<String>,
    pub admin1: Option<String>,
    pub admin1_code: Option<String>,
    pub kind: Option<&'static str>,
    /// GeoNames feature code of a populated place (PPLA, PPLA2, …) when known.
    pub feature_code: Option<String>,
    /// How precisely the point places something there (`town`, `site`, `admin1`, …).
    pub precision: Option<&'static str>,
    /// 0 when unknown.
    pub population: Option<u64>,
    pub lon: Option<f64>,
    pub lat: Option<f64>,
    pub score: Option<f64>,
    pub reason: Option<String>,
    pub suggestions: Option<String>,
}

/// Looks every name up in the built-in gazetteer (as `incimap geocode`), up to `limit`
/// candidates each.
pub fn geocode(queries: &[Query], limit: usize) -> Vec<Candidate> {
    let gazetteer = Gazetteer::builtin();
    let mut out = Vec::new();
    for (index, query) in queries.iter().enumerate() {
        let mut context = Context::country(query.country.as_deref());
        context.admin1 = query.admin1.clone();
        match gazetteer.resolve_limit(&query.name, &context, limit.max(1)) {
            Resolution::Found { best, alternatives } => {
                for (rank, c) in std::iter::once(best).chain(alternatives).enumerate() {
                    let e = c.entry;
                    out.push(Candidate {
                        query: index,
                        rank: Some(rank as u32),
                        id: Some(e.id.clone()),
                        name: Some(e.name.clone()),
                        country_code: Some(e.country_code.clone()).filter(|c| !c.is_empty()),
                        admin1: e.admin1.clone(),
                        admin1_code: e.admin1_code.clone(),
                        kind: Some(e.kind.as_str()),
                        feature_code: e.feature_code.clone(),
                        precision: Some(e.precision.as_str()),
                        population: Some(e.population),
                        lon: Some(e.lon),
                        lat: Some(e.lat),
                        score: Some(c.score),
                        reason: Some(c.reason),
                        suggestions: None,
                    });
                }
            }
            Resolution::NotFound { suggestions } => out.push(Candidate {
                query: index,
                rank: None,
                id: None,
                name: None,
                country_code: None,
                admin1: None,
                admin1_code: None,
                kind: None,
                feature_code: None,
                precision: None,
                population: None,
                lon: None,
                lat: None,
                score: None,
                reason: None,
                suggestions: Some(suggestions.join("; ")),
            }),
        }
    }
    out
}

/// Rows per record batch handed to Python.
const BATCH_ROWS: usize = 65_536;

/// The incidents as record batches of the GeoParquet export's columns (the CSV export's
/// columns, typed, then a WKB `geometry` and its `bbox`), the `geo` metadata in the schema;
/// encoded on every core, in order.
pub fn to_arrow(incidents: &Incidents) -> Result<(SchemaRef, Vec<RecordBatch>), Failure> {
    let encoder = encoder(incidents, Path::new("<arrow>"));
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let per_thread = incidents.0.len().div_ceil(threads).max(1);
    let parts: Vec<Result<Vec<RecordBatch>, Failure>> = std::thread::scope(|scope| {
        let encoder = &encoder;
        let handles: Vec<_> = incidents
            .0
            .chunks(per_thread)
            .map(|part| {
                scope.spawn(move || {
                    let mut batches = Vec::new();
                    for chunk in part.chunks(BATCH_ROWS) {
                        let encoded = encoder.encode(chunk).map_err(failure)?;
                        batches.extend(encoded.parts.into_iter().map(|(_, batch)| batch));
                    }
                    Ok(batches)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err("encoding failed".to_string()))
            })
            .collect()
    });
    let mut batches = Vec::new();
    for part in parts {
        batches.extend(part?);
    }
    Ok((encoder.schema(), batches))
}

fn encoder(incidents: &Incidents, target: &Path) -> Encoder {
    let mut summary = Summary::default();
    incidents.0.iter().for_each(|i| summary.add(i));
    Encoder::new(target, &summary.measure_columns(), None)
}

/// The text formats of `incimap export`.
#[derive(Clone, Copy)]
pub enum Records {
    /// GeoJSON: `flat` leaves out the nested figures, sources and mentions; `pretty`
    /// indents.
    GeoJson {
        flat: bool,
        pretty: bool,
    },
    JsonLines,
}

/// The incidents in a text format, byte for byte as `incimap export --to …` writes them
/// (in the order given).
pub fn records(incidents: &Incidents, format: Records) -> Result<Vec<u8>, Failure> {
    let mut summary = Summary::default();
    incidents.0.iter().for_each(|i| summary.add(i));
    let (kind, flat, pretty) = match format {
        Records::GeoJson { flat, pretty } => (ExportFormat::GeoJson, flat, pretty),
        Records::JsonLines => (ExportFormat::JsonLines, false, false),
    };
    let format = kind
        .record_format(flat, !pretty, &summary)
        .map_err(failure)?;
    let mut bytes = Vec::new();
    // Writing into memory cannot fail.
    let _ = incimap::export::write_document(&*format, &incidents.0, &summary, &mut bytes);
    Ok(bytes)
}

/// Writes [`records`] to `path` (atomically: a reader never sees half a file; `-` is
/// standard output).
pub fn write_records(incidents: &Incidents, path: &Path, format: Records) -> Result<(), Failure> {
    let bytes = records(incidents, format)?;
    let mut sink = Sink::create(path).map_err(failure)?;
    sink.write_all(&bytes).map_err(failure)?;
    sink.commit().map_err(failure)
}

/// Writes the incidents as GeoParquet 1.1 (atomically); returns the rows written.
pub fn write_geoparquet(incidents: &Incidents, path: &Path) -> Result<u64, Failure> {
    let encoder = encoder(incidents, path);
    let mut writer = GeoParquetWriter::create(path, encoder.schema()).map_err(failure)?;
    for chunk in incidents.0.chunks(CHUNK_ROWS) {
        for (_, batch) in encoder.encode(chunk).map_err(failure)?.parts {
            writer.write(&batch).map_err(failure)?;
        }
    }
    writer.commit().map_err(failure)
}

/// What a map shows and how big it is.
pub struct MapSpec {
    pub width_px: f64,
    pub height_px: f64,
    pub title: Option<String>,
    /// `largest`, or a measure (`killed`, …).
    pub size_by: Option<String>,
    /// Map extent (lon_min, lat_min, lon_max, lat_max); fitted to the data when `None`.
    pub bbox: Option<[f64; 4]>,
}

/// A rendered map: the SVG, and the incidents whose label found no room.
pub struct Rendered {
    pub svg: String,
    pub unlabelled: Vec<String>,
}

/// Renders the map as `incimap map` does (an empty set or an incident without a point is an
/// error naming it).
pub fn render(incidents: &Incidents, spec: &MapSpec) -> Result<Rendered, Failure> {
    let map = incimap::render::render_map(&incidents.0, &map_options(spec)).map_err(failure)?;
    Ok(Rendered {
        svg: map.svg,
        unlabelled: map.unlabelled.into_iter().map(|u| u.text).collect(),
    })
}

fn map_options(spec: &MapSpec) -> MapOptions {
    MapOptions {
        width_px: spec.width_px,
        height_px: spec.height_px,
        title: spec.title.clone(),
        size_by: spec
            .size_by
            .as_deref()
            .map_or(SizeBy::Largest, SizeBy::parse),
        bbox: spec.bbox,
        ..MapOptions::default()
    }
}

/// One hexagon's incidents of one event type (`incimap::render::HexCell`, dates as text).
pub struct HexRow {
    pub q: i64,
    pub r: i64,
    pub lon: f64,
    pub lat: f64,
    pub event_type: Option<&'static str>,
    pub incidents: u64,
    pub reported: u64,
    pub total: u64,
    pub first: String,
    pub last: String,
}

/// The hexagon sums of the incidents on the map `spec` describes (its `bbox` required), to
/// combine with the sums of the other parts of an input (the incidents outside the frame
/// are left off, as on the map).
pub fn hex_sums(incidents: &Incidents, spec: &MapSpec) -> Result<Vec<HexRow>, Failure> {
    let mut sums = incimap::render::HexSums::new(&map_options(spec)).map_err(failure)?;
    incidents.0.iter().for_each(|i| sums.add(i));
    let rows = sums
        .cells()
        .map(|c| HexRow {
            q: c.q,
            r: c.r,
            lon: c.lon,
            lat: c.lat,
            event_type: c.event_type.map(|e| e.as_str()),
            incidents: c.incidents,
            reported: c.reported,
            total: c.total,
            first: c.first.to_string(),
            last: c.last.to_string(),
        })
        .collect();
    Ok(rows)
}

/// The SVG as PNG (`scale`: pixels per SVG px).
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>, Failure> {
    incimap::render::svg_to_png(svg, scale).map_err(failure)
}
