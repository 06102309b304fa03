//! Stage 1, ingest/extract: the `incimap extract` command — arguments, validation and the
//! run (articles → incidents as JSON Lines / JSON / a table, `--explain`, `--mentions`).

use std::io::Write as _;
use std::path::PathBuf;

use clap::Args;

use super::{
    explain, extract_bytes, mentions_jsonl, table, Extraction, Lexicon, Options, PlaceIndex,
};
use crate::app::Report;
use crate::error::{Error, RecordError, Result};
use crate::export::write_atomically;
use crate::gazetteer::Gazetteer;

/// Arguments of `incimap extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Article files (.txt, .md; first line `date YYYY-MM` or `date YYYY-MM-DD`); `-` is
    /// standard input.
    #[arg(value_name = "ARTICLE", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Language of the articles (default: detected per article).
    #[arg(long, value_name = "nl|en")]
    pub lang: Option<String>,
    /// Output form: jsonl (incimap's incident form, one per line), json (an object with
    /// `incidents`, `regional` and `unattached` figures) or table.
    #[arg(long, value_name = "FORMAT", default_value = "jsonl")]
    pub format: String,
    /// Print each incident with its sentences, figures «highlighted» and places [bracketed].
    #[arg(long)]
    pub explain: bool,
    /// List every recognised place (JSON Lines: offsets, gazetteer id, coordinates).
    #[arg(long)]
    pub mentions: bool,
    /// Country context for ranking place names (ISO 3166-1 alpha-2, e.g. SY).
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Reports of one event in several articles become one incident (the default);
    /// `--no-merge` keeps every article's incidents apart.
    #[command(flatten)]
    pub merge: crate::cli::MergeArgs,
}

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
    pub merge: crate::merge::MergeMode,
}

impl ExtractArgs {
    /// Validates the arguments.
    pub fn into_config(self) -> Result<ExtractConfig> {
        if let Some(lang) = &self.lang {
            if Lexicon::get(lang).is_none() {
                return Err(Error::Usage(format!(
                    "--lang: expected one of {}, got {lang:?}",
                    Lexicon::codes().join(", ")
                )));
            }
        }
        let country = match self.country {
            Some(c) if c.len() == 2 && c.chars().all(|ch| ch.is_ascii_alphabetic()) => {
                Some(c.to_ascii_uppercase())
            }
            Some(c) => {
                return Err(Error::Usage(format!(
                    "--country: expected a two-letter ISO 3166-1 code such as SY, got {c:?}"
                )))
            }
            None => None,
        };
        let format = match (self.explain, self.mentions, self.format.as_str()) {
            (true, _, _) => ExtractFormat::Explain,
            (false, true, _) => ExtractFormat::Mentions,
            (false, false, "jsonl") => ExtractFormat::JsonLines,
            (false, false, "json") => ExtractFormat::Json,
            (false, false, "table") => ExtractFormat::Table,
            (false, false, other) => {
                return Err(Error::Usage(format!(
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
pub fn run_extract(config: &ExtractConfig, gazetteer: &Gazetteer) -> Result<Report> {
    let owned;
    let index = if std::ptr::eq(gazetteer, Gazetteer::builtin()) {
        PlaceIndex::builtin()
    } else {
        owned = PlaceIndex::new(gazetteer);
        &owned
    };
    let mut report = Report::default();
    let mut extractions: Vec<Extraction> = Vec::new();
    for path in &config.inputs {
        report.files_read += 1;
        let (label, bytes) = read_input(path);
        let bytes = match bytes {
            Ok(b) => b,
            Err(err) => {
                report
                    .skipped
                    .push(RecordError::new(label, None, format!("cannot read: {err}")));
                continue;
            }
        };
        let ex = extract_bytes(&bytes, &label, index, &config.options);
        report.incidents_read += ex.incidents.len();
        report.skipped.extend(ex.warnings.iter().cloned());
        // What is not drawn is said: unattached figures make the run partial (exit 2),
        // regional ones are kept and listed.
        let lines = super::Lines::new(&ex.text);
        for (list, kind) in [(&ex.unattached, "not attached"), (&ex.regional, "regional")] {
            for u in list {
                let line = Some(lines.line(u.span.start));
                let what = format!("figure {:?} {kind}: {}", u.text, u.reason);
                let error = RecordError::new(label.clone(), line, what);
                match kind {
                    "regional" => report.warnings.push(error),
                    _ => report.skipped.push(error),
                }
            }
        }
        extractions.push(ex);
    }
    // Reports of one event in several articles become one incident.
    let reports = extractions
        .iter()
        .flat_map(|e| e.incidents.iter().map(|i| (i, e.file.as_str())))
        .map(|(incident, file)| crate::model::Reported {
            incident: incident.clone(),
            origin: crate::model::Origin::article(file),
        })
        .collect();
    let merged = crate::merge::merge(reports, config.merge);
    let mut out = String::new();
    match config.format {
        ExtractFormat::JsonLines => {
            for inc in &merged.incidents {
                out.push_str(&serde_json::to_string(inc).map_err(|e| Error::Usage(e.to_string()))?);
                out.push('\n');
            }
        }
        ExtractFormat::Json => {
            // Everything read: the incidents, and the figures kept apart from them.
            let all = serde_json::json!({
                "incidents": merged.incidents,
                "regional": extractions.iter().flat_map(|e| e.regional.iter()).collect::<Vec<_>>(),
                "unattached": extractions.iter().flat_map(|e| e.unattached.iter()).collect::<Vec<_>>(),
                "merging": merged.explanation,
            });
            out = serde_json::to_string_pretty(&all).map_err(|e| Error::Usage(e.to_string()))?;
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
                out.push_str(&crate::merge::explanation_text(&merged.explanation));
            }
        }
        ExtractFormat::Mentions => extractions
            .iter()
            .for_each(|e| out.push_str(&mentions_jsonl(e))),
    }
    match &config.output {
        Some(path) if path.as_os_str() != "-" => {
            write_atomically(path, out.as_bytes())?;
            report.written.push(path.clone());
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
    report.merge = merged.explanation;
    Ok(report)
}

/// An article's label and bytes; `-` is standard input (named `<stdin>`).
fn read_input(path: &std::path::Path) -> (String, std::io::Result<Vec<u8>>) {
    use crate::ingest::stdin;
    if !stdin::is_stdin(path) {
        return (path.display().to_string(), std::fs::read(path));
    }
    let bytes = stdin::spooled()
        .map_err(std::io::Error::other)
        .and_then(|spooled| {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut spooled.open(), &mut bytes).map(|_| bytes)
        });
    (stdin::STDIN_LABEL.to_string(), bytes)
}
