//! `incimap extract`: its flags validated, then the run: articles → incidents as JSON Lines,
//! JSON or a table, `--explain` or `--mentions`, on standard output or into a file.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use super::args::ExtractArgs;
use super::explain::{explain, mentions_jsonl, table};
use super::report::ExtractReport;
use super::Usage;
use incimap::export::{write_atomically, write_jsonl};
use incimap::extract::{extract_bytes, Extraction, Lexicon, Options, PlaceIndex};
use incimap::gazetteer::Gazetteer;
use incimap::{Error, RecordError};

/// The output form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExtractFormat {
    JsonLines,
    Json,
    Table,
    Explain,
    Mentions,
}

/// `incimap extract`, validated.
#[derive(Debug, Clone)]
pub struct ExtractConfig {
    pub inputs: Vec<PathBuf>,
    pub options: Options,
    pub format: ExtractFormat,
    pub output: Option<PathBuf>,
    pub merge: incimap::merge::MergeMode,
}

impl ExtractArgs {
    /// Validates the arguments.
    pub fn into_config(self) -> Result<ExtractConfig, Usage> {
        if let Some(lang) = &self.lang {
            if Lexicon::get(lang).is_none() {
                return Err(Usage(format!(
                    "--lang: expected one of {}, got {lang:?}",
                    Lexicon::codes().join(", ")
                )));
            }
        }
        let country = super::config::country(self.country)?;
        let format = match (self.explain, self.mentions, self.format.as_str()) {
            (true, _, _) => ExtractFormat::Explain,
            (false, true, _) => ExtractFormat::Mentions,
            (false, false, "jsonl") => ExtractFormat::JsonLines,
            (false, false, "json") => ExtractFormat::Json,
            (false, false, "table") => ExtractFormat::Table,
            (false, false, other) => {
                return Err(Usage(format!(
                    "--format: expected jsonl, json or table, got {other:?}"
                )))
            }
        };
        Ok(ExtractConfig {
            inputs: self.inputs,
            options: Options {
                language: self.lang,
                country,
            },
            format,
            output: self.output,
            merge: self.merge.mode(),
        })
    }
}

/// Runs `incimap extract`: reads every article, prints or writes the result.
pub fn run_extract(config: &ExtractConfig, gazetteer: &Gazetteer) -> anyhow::Result<ExtractReport> {
    let owned;
    let index = if std::ptr::eq(gazetteer, Gazetteer::builtin()) {
        PlaceIndex::builtin()
    } else {
        owned = PlaceIndex::new(gazetteer);
        &owned
    };
    let (mut report, extractions) = read_articles(config, index);
    // Reports of one event in several articles become one incident.
    let reports = extractions
        .iter()
        .flat_map(|e| e.incidents.iter().map(|i| (i, e.file.as_str())))
        .map(|(incident, file)| incimap::model::Reported {
            incident: incident.clone(),
            origin: incimap::model::Origin::article(file),
        })
        .collect();
    let merged = incimap::merge::merge(reports, config.merge);
    let out = output_text(config.format, &extractions, &merged)?;
    write_output(config.output.as_deref(), &out, &mut report.written)?;
    report.merge = merged.explanation;
    Ok(report)
}

/// Every article read and extracted, in order; what could not be read, and the figures kept
/// apart, in the report.
fn read_articles(config: &ExtractConfig, index: &PlaceIndex) -> (ExtractReport, Vec<Extraction>) {
    let mut report = ExtractReport::default();
    let read = &mut report.read;
    let mut extractions: Vec<Extraction> = Vec::new();
    for path in article_paths(&config.inputs, &mut read.skipped) {
        let path = &path;
        read.files_read += 1;
        let (label, bytes) = incimap::ingest::read_whole(path);
        let bytes = match bytes {
            Ok(b) => b,
            Err(err) => {
                read.skipped
                    .push(RecordError::new(label, None, format!("cannot read: {err}")));
                continue;
            }
        };
        let ex = extract_bytes(&bytes, &label, index, &config.options);
        read.incidents_read += ex.incidents.len();
        read.skipped.extend(ex.warnings.iter().cloned());
        read.warnings.extend(ex.notes.iter().cloned());
        // What is not drawn is said: unattached figures make the run partial (exit 2),
        // regional ones are kept and listed.
        let lines = incimap::extract::Lines::new(&ex.text);
        for (list, kind) in [(&ex.unattached, "not attached"), (&ex.regional, "regional")] {
            for u in list {
                let line = Some(lines.line(u.span.start));
                let what = format!("figure {:?} {kind}: {}", u.text, u.reason);
                let error = RecordError::new(label.clone(), line, what);
                match kind {
                    "regional" => read.warnings.push(error),
                    _ => read.skipped.push(error),
                }
            }
        }
        extractions.push(ex);
    }
    (report, extractions)
}

/// The article files the inputs name: a file as given (standard input too), a directory as
/// every `.txt` and `.md` file in it, recursively and sorted; a directory that cannot be walked
/// is reported and the run goes on.
fn article_paths(inputs: &[PathBuf], skipped: &mut Vec<RecordError>) -> Vec<PathBuf> {
    let article = |p: &Path| {
        p.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
    };
    let mut out = Vec::new();
    for input in inputs {
        if !input.is_dir() {
            out.push(input.clone());
            continue;
        }
        for found in incimap::ingest::expand_inputs(std::slice::from_ref(input)) {
            match found {
                Ok(path) if article(&path) => out.push(path),
                Ok(_) => {}
                Err(err) => skipped.push(err),
            }
        }
    }
    out
}

/// The output in the asked form.
fn output_text(
    format: ExtractFormat,
    extractions: &[Extraction],
    merged: &incimap::merge::Merged,
) -> anyhow::Result<String> {
    let mut out = String::new();
    match format {
        ExtractFormat::JsonLines => {
            let mut bytes = Vec::new();
            write_jsonl(&merged.incidents, &mut bytes).context("incidents as JSON Lines")?;
            out = String::from_utf8(bytes).context("incidents as JSON Lines")?;
        }
        ExtractFormat::Json => {
            // Everything read: the incidents, and the figures kept apart from them.
            let all = serde_json::json!({
                "incidents": merged.incidents,
                "regional": extractions.iter().flat_map(|e| e.regional.iter()).collect::<Vec<_>>(),
                "unattached": extractions.iter().flat_map(|e| e.unattached.iter()).collect::<Vec<_>>(),
                "merging": merged.explanation,
            });
            out = serde_json::to_string_pretty(&all).context("extraction as JSON")?;
            out.push('\n');
        }
        ExtractFormat::Table => {
            // The merged incidents, then every article's unattached figures.
            let merged_view = Extraction {
                incidents: merged.incidents.clone(),
                ..Extraction::default()
            };
            let unattached: Vec<Extraction> = extractions
                .iter()
                .map(|e| Extraction {
                    unattached: e.unattached.clone(),
                    ..Extraction::default()
                })
                .collect();
            out = table(&[merged_view]);
            out.extend(table(&unattached).lines().skip(1).map(|l| format!("{l}\n")));
        }
        ExtractFormat::Explain => {
            extractions.iter().for_each(|e| out.push_str(&explain(e)));
            if extractions.len() > 1 {
                out.push_str(&incimap::merge::explanation_text(&merged.explanation));
            }
        }
        ExtractFormat::Mentions => extractions
            .iter()
            .for_each(|e| out.push_str(&mentions_jsonl(e))),
    }
    Ok(out)
}

/// Writes the output to the file asked for (atomically) or to standard output.
fn write_output(
    output: Option<&Path>,
    out: &str,
    written: &mut Vec<PathBuf>,
) -> anyhow::Result<()> {
    match output {
        Some(path) if path.as_os_str() != "-" => {
            write_atomically(path, out.as_bytes())?;
            written.push(path.to_path_buf());
        }
        _ => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(out.as_bytes())
                .map_err(|source| Error::Write {
                    path: PathBuf::from("-"),
                    source,
                })?;
        }
    }
    Ok(())
}
