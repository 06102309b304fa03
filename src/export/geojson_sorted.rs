//! Stage 3, export: the map's `incidents.geojson` — every feature, sorted by date, then id —
//! of incidents handed over one at a time, in flat memory, byte for byte what
//! [`super::write_geojson`] writes of the same incidents held in memory.
//!
//! Each incident's feature is serialized as it comes, by the same format in the same layout
//! (the options' [`GeoJsonFormat`]), behind its sort key; the features are sorted on disk
//! ([`SortedRuns`]: sorted runs beside the output, merged; ties keep the order the incidents
//! came in, as the in-memory writer's stable sort keeps them) and framed by the one
//! [`RecordWriter`]. The figure columns come first in every feature, so they must be known
//! before the first: a first pass's [`Summary`]; the `bbox` after the features is summed as
//! they come. Incidents without coordinates are left out, as the in-memory writer leaves them.

use std::io::Write;
use std::path::Path;

use super::geojson::GeoJsonOptions;
use super::geojson_stream::GeoJsonFormat;
use super::records::RecordWriter;
use super::sorted_runs::SortedRuns;
use super::stream::{RecordFormat, Summary};
use crate::model::{Incident, Measure};

/// Bytes of serialized features held before they are sorted and spilled as a run (about
/// 10,000 features of an ACLED-shaped table).
pub const RUN_BYTES: usize = 16 << 20;

/// Bytes gathered before they are handed to the output.
const PIECE_BYTES: usize = 1 << 16;

/// The GeoJSON of a map aggregated while reading ([`crate::pipeline::MapRun`]): every feature
/// sorted by date, then id, in sorted runs beside the output until [`SortedGeoJson::write`]
/// merges them; byte for byte what [`super::write_geojson`] writes of the same incidents.
pub struct SortedGeoJson {
    format: GeoJsonFormat,
    /// The figure columns the features are written with.
    measures: Vec<Measure>,
    /// What the features written are (the `bbox` and, to check, their measures).
    written: Summary,
    runs: SortedRuns,
}

impl SortedGeoJson {
    /// A GeoJSON of incidents whose figure columns `expected` gives (a first pass over the
    /// same incidents), for the file `target` (the runs are made in its folder), spilling a
    /// run every `run_bytes` bytes of features ([`RUN_BYTES`]).
    pub(crate) fn new(
        expected: &Summary,
        options: &GeoJsonOptions,
        target: &Path,
        run_bytes: usize,
    ) -> SortedGeoJson {
        SortedGeoJson {
            format: options.format(expected),
            measures: expected.measure_columns(),
            written: Summary::default(),
            runs: SortedRuns::new(target, run_bytes),
        }
    }

    /// Adds an incident's feature (in the order the incidents come; none for an incident
    /// without coordinates).
    pub(crate) fn add(&mut self, incident: &Incident) -> std::io::Result<()> {
        if incident.place.lon_lat().is_none() {
            return Ok(());
        }
        self.written.add(incident);
        let format = &self.format;
        self.runs
            .push_with(incident.date.start, &incident.id, |out| {
                format.record(incident, out)
            })
    }

    /// Sends the features held to disk as a run, when runs are on disk already, and lets
    /// their memory go (for a caller about to draw a map: the peak memory is not the sum).
    pub(crate) fn spill_held(&mut self) -> std::io::Result<()> {
        self.runs.spill_held()
    }

    /// How many sorted runs went to disk so far.
    pub fn runs(&self) -> usize {
        self.runs.runs()
    }

    /// Writes the whole GeoJSON to `out`, about 64 KiB at a time.
    pub fn write(self, out: &mut dyn Write) -> std::io::Result<()> {
        let SortedGeoJson {
            format,
            measures,
            written,
            runs,
        } = self;
        if written.measure_columns() != measures {
            return Err(std::io::Error::other(
                "the inputs changed while the map was made: the figure columns differ from the first time through",
            ));
        }
        let mut piece = Vec::with_capacity(2 * PIECE_BYTES);
        let mut writer = RecordWriter::start(&format, &mut piece);
        runs.for_each(&mut |record| {
            piece.extend_from_slice(writer.records(record));
            if piece.len() >= PIECE_BYTES {
                out.write_all(&piece)?;
                piece.clear();
            }
            Ok(())
        })?;
        writer.finish(&written, &mut piece);
        out.write_all(&piece)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{geojson_bytes, GeoJsonLayout};
    use crate::gazetteer::{Context, Gazetteer};
    use crate::geocode::geocode;
    use crate::ingest::example_incidents;
    use crate::model::{DateSpan, Figure};

    /// Incidents in a scrambled order, with many equal (date, id) keys whose features differ.
    fn scrambled(n: usize) -> Vec<Incident> {
        let located = geocode(
            example_incidents().incidents,
            Gazetteer::builtin(),
            &Context::default(),
        )
        .located;
        (0..n)
            .map(|k| {
                let mut incident = located[k % located.len()].clone();
                let scrambled = k * 7919 % n;
                incident.id = format!("i{}", scrambled % (n / 3).max(1));
                let day = 1 + scrambled % 5;
                incident.date = DateSpan::parse(&format!("2020-03-{day:02}")).unwrap();
                incident.title = format!("came in {k}");
                if k % 11 == 0 {
                    incident.figures.push(Figure::from_value(
                        Measure::Other("houses burnt".into()),
                        k as u64,
                    ));
                }
                incident
            })
            .collect()
    }

    /// The sorted GeoJSON's bytes, and how many runs it spilled.
    fn sorted_bytes(
        incidents: &[Incident],
        options: &GeoJsonOptions,
        dir: &Path,
        run_bytes: usize,
    ) -> (Vec<u8>, usize) {
        let mut expected = Summary::default();
        incidents.iter().for_each(|i| expected.add(i));
        let target = dir.join("incidents.geojson");
        let mut sorted = SortedGeoJson::new(&expected, options, &target, run_bytes);
        for (k, incident) in incidents.iter().enumerate() {
            sorted.add(incident).unwrap();
            // Spilled early (with runs on disk) or kept (without): the same bytes.
            if k == incidents.len() / 2 {
                sorted.spill_held().unwrap();
            }
        }
        sorted.spill_held().unwrap();
        let runs = sorted.runs();
        let mut out = Vec::new();
        sorted.write(&mut out).unwrap();
        (out, runs)
    }

    #[test]
    fn the_sorted_runs_give_the_in_memory_bytes_with_ties_in_input_order() {
        let dir = tempfile::tempdir().unwrap();
        let incidents = scrambled(1200);
        let layouts = [GeoJsonLayout::Pretty, GeoJsonLayout::Line];
        for (flat, layout) in [false, true]
            .into_iter()
            .flat_map(|f| layouts.map(|l| (f, l)))
        {
            let options = GeoJsonOptions { flat, layout };
            let expected = geojson_bytes(&incidents, &options);
            // One feature a run: 1,200 runs, more than can be merged at once.
            for (run_bytes, runs) in [(1, 1200..=1200), (20_000, 3..=300), (1 << 30, 0..=0)] {
                let (got, made) = sorted_bytes(&incidents, &options, dir.path(), run_bytes);
                assert!(runs.contains(&made), "{made} runs of {run_bytes} bytes");
                assert!(got == expected, "{options:?}, runs of {run_bytes} bytes");
            }
        }
        // Ties are there, and the runs are gone.
        let text = String::from_utf8(geojson_bytes(&incidents, &GeoJsonOptions::default()));
        assert!(text.unwrap().matches("\"id\": \"i7\"").count() > 1);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn no_incidents_and_unlocated_ones_write_what_the_in_memory_writer_writes() {
        let dir = tempfile::tempdir().unwrap();
        let mut incidents = scrambled(10);
        incidents[3].place.lon = None;
        for list in [&incidents[..0], &incidents[..]] {
            let options = GeoJsonOptions::default();
            let expected = geojson_bytes(list, &options);
            assert!(sorted_bytes(list, &options, dir.path(), 1 << 30).0 == expected);
            assert!(sorted_bytes(list, &options, dir.path(), 1).0 == expected);
        }
    }

    #[test]
    fn runs_are_removed_when_the_writer_is_dropped_unwritten() {
        let dir = tempfile::tempdir().unwrap();
        let incidents = scrambled(50);
        let mut expected = Summary::default();
        incidents.iter().for_each(|i| expected.add(i));
        let target = dir.path().join("incidents.geojson");
        let mut sorted = SortedGeoJson::new(&expected, &GeoJsonOptions::default(), &target, 1);
        for incident in &incidents {
            sorted.add(incident).unwrap();
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 50);
        drop(sorted);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn other_figure_columns_than_announced_are_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let incidents = scrambled(30);
        let target = dir.path().join("incidents.geojson");
        let mut sorted =
            SortedGeoJson::new(&Summary::default(), &GeoJsonOptions::default(), &target, 1);
        for incident in &incidents {
            sorted.add(incident).unwrap();
        }
        let error = sorted.write(&mut Vec::new()).unwrap_err();
        assert!(error.to_string().contains("inputs changed"), "{error}");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
