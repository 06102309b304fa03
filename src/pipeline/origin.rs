//! Where each record of a pass was read: the file, the line, and whether it is an article or
//! a row of a data set (what the merge stage needs to know which reports may merge).

use crate::ingest::detect::TableSchema;
use crate::ingest::stream::{Chunk, Decoder, Raw};
use crate::ingest::Format;
use crate::model::{Incident, Origin};

/// The data set name of a row whose table layout names none (a GeoJSON export of UCDP GED):
/// the outlet of its source documents, when that is a data set incimap reads.
fn dataset_of(incident: &Incident) -> Option<&'static str> {
    const KNOWN: [&str; 2] = ["ACLED", crate::ingest::UCDP_SOURCE];
    incident
        .sources
        .iter()
        .filter_map(|s| s.outlet.as_deref())
        .find_map(|o| KNOWN.into_iter().find(|k| *k == o))
}

/// The 1-based line a raw record starts on.
pub fn line_of(raw: &Raw) -> Option<u64> {
    match raw {
        Raw::Row(record) => record.position().map(|p| p.line()),
        Raw::Line(line, _) => Some(*line),
        _ => None,
    }
}

/// Where `incident`, decoded from a record of `chunk` starting on `line`, was read.
pub fn origin_of(chunk: &Chunk, line: Option<u64>, incident: &Incident) -> Origin {
    let file = chunk.label.to_string();
    match &*chunk.decoder {
        Decoder::Table { schema, .. } => {
            let dataset = match schema {
                TableSchema::Acled(_) => Some("ACLED"),
                TableSchema::Ucdp(_) => Some(crate::ingest::UCDP_SOURCE),
                _ => None,
            };
            Origin::table(file, line, dataset)
        }
        Decoder::JsonLines => Origin::table(file, line, dataset_of(incident)),
        Decoder::Ready => {
            let path = std::path::Path::new(&file);
            if Format::from_path(path) == Some(Format::Article) {
                Origin::article(file)
            } else {
                Origin::table(file, line, dataset_of(incident))
            }
        }
    }
}
