//! `incimap._incimap`: the native module of the Python package `incimap`. A thin binding:
//! every call into the library is in [`library`]; this file turns Python arguments into its
//! plain types and its results into `pyarrow` tables, runs the work with the GIL released,
//! and raises the library's errors as `incimap.IncimapError` with the same messages. The
//! Python side (python/incimap/__init__.py) gives the documented API.

mod library;
mod tables;

/// mimalloc for the Rust side, as the `incimap` binary: the pipeline allocates and frees
/// each row's strings on other threads than the reader's, where glibc malloc is slow.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;

use arrow_array::RecordBatch;
use arrow_pyarrow::{PyArrowType, Table};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use library::{Article, ExtractSpec, Incidents, MapSpec, Merge, Outcome, Query, ReadSpec, Records};

create_exception!(
    _incimap,
    IncimapError,
    PyException,
    "An error of the incimap library (its message is the one the incimap command prints)."
);

type PyTable = PyArrowType<Table>;

fn library_error(message: String) -> PyErr {
    IncimapError::new_err(message)
}

fn arrow_error(error: arrow_schema::ArrowError) -> PyErr {
    IncimapError::new_err(error.to_string())
}

fn table(batch: RecordBatch) -> PyResult<PyTable> {
    let schema = batch.schema();
    Table::try_new(vec![batch], schema)
        .map(PyArrowType)
        .map_err(arrow_error)
}

/// (incidents, rejected, warnings) as tables.
fn outcome_tables(outcome: Outcome) -> PyResult<(PyTable, PyTable, PyTable)> {
    let (schema, batches) = library::to_arrow(&outcome.incidents).map_err(library_error)?;
    let incidents = Table::try_new(batches, schema).map_err(arrow_error)?;
    let rejected = tables::problems(&outcome.rejected).map_err(arrow_error)?;
    let warnings = tables::problems(&outcome.warnings).map_err(arrow_error)?;
    Ok((PyArrowType(incidents), table(rejected)?, table(warnings)?))
}

fn merge(text: &str) -> PyResult<Merge> {
    match text {
        "articles" => Ok(Merge::Articles),
        "all" => Ok(Merge::All),
        "none" => Ok(Merge::Nothing),
        other => Err(PyValueError::new_err(format!(
            "merge: expected 'articles', 'all' or 'none', got {other:?}"
        ))),
    }
}

/// How to read, from the keyword arguments every reading function takes.
fn read_spec(country: Option<String>, merge: &str, threads: usize) -> PyResult<ReadSpec> {
    Ok(ReadSpec {
        country,
        merge: self::merge(merge)?,
        threads,
    })
}

/// Reads files and directories of any supported format.
#[pyfunction]
#[pyo3(signature = (paths, country=None, merge="articles", threads=0))]
fn read_paths(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    country: Option<String>,
    merge: &str,
    threads: usize,
) -> PyResult<(PyTable, PyTable, PyTable)> {
    let spec = read_spec(country, merge, threads)?;
    let outcome = py
        .detach(|| library::read_paths(&paths, &spec))
        .map_err(library_error)?;
    outcome_tables(outcome)
}

/// Reads bytes of any supported format (told from their content), named `name`.
#[pyfunction]
#[pyo3(signature = (data, name, country=None, merge="articles", threads=0))]
fn read_bytes(
    py: Python<'_>,
    data: &[u8],
    name: &str,
    country: Option<String>,
    merge: &str,
    threads: usize,
) -> PyResult<(PyTable, PyTable, PyTable)> {
    let spec = read_spec(country, merge, threads)?;
    let outcome = py
        .detach(|| library::read_bytes(data, name, &spec))
        .map_err(library_error)?;
    outcome_tables(outcome)
}

/// Extracts the incidents of the articles of a table (`id`, `text`, optional `published`).
#[pyfunction]
#[pyo3(signature = (articles, language=None, country=None, merge=true, threads=0))]
fn extract(
    py: Python<'_>,
    articles: PyTable,
    language: Option<String>,
    country: Option<String>,
    merge: bool,
    threads: usize,
) -> PyResult<(PyTable, PyTable, PyTable)> {
    let batches = articles.0.record_batches();
    let column = |name: &str| -> PyResult<Option<Vec<Option<String>>>> {
        tables::string_column(batches, name).map_err(PyValueError::new_err)
    };
    let missing = |name: &str| PyValueError::new_err(format!("articles: no {name:?} column"));
    let ids = column("id")?.ok_or_else(|| missing("id"))?;
    let texts = column("text")?.ok_or_else(|| missing("text"))?;
    let published = column("published")?.unwrap_or_else(|| vec![None; ids.len()]);
    let mut list = Vec::with_capacity(ids.len());
    for (row, ((id, text), published)) in ids.into_iter().zip(texts).zip(published).enumerate() {
        let id = id.ok_or_else(|| PyValueError::new_err(format!("articles: row {row}: no id")))?;
        list.push(Article {
            id,
            published,
            text: text.unwrap_or_default(),
        });
    }
    let spec = ExtractSpec {
        language,
        country,
        merge,
        threads,
    };
    let outcome = py.detach(|| library::extract(&list, &spec));
    outcome_tables(outcome)
}

/// Looks up the names of a table (`name`, optional `country` and `admin1` context).
#[pyfunction]
#[pyo3(signature = (queries, limit=1))]
fn geocode(py: Python<'_>, queries: PyTable, limit: usize) -> PyResult<PyTable> {
    let batches = queries.0.record_batches();
    let column = |name: &str| -> PyResult<Option<Vec<Option<String>>>> {
        tables::string_column(batches, name).map_err(PyValueError::new_err)
    };
    let names =
        column("name")?.ok_or_else(|| PyValueError::new_err("names: no \"name\" column"))?;
    let countries = column("country")?.unwrap_or_else(|| vec![None; names.len()]);
    let admin1 = column("admin1")?.unwrap_or_else(|| vec![None; names.len()]);
    let list: Vec<Query> = names
        .into_iter()
        .zip(countries)
        .zip(admin1)
        .map(|((name, country), admin1)| Query {
            name: name.unwrap_or_default(),
            country,
            admin1,
        })
        .collect();
    let rows = py.detach(|| library::geocode(&list, limit));
    table(tables::candidates(&rows).map_err(arrow_error)?)
}

/// Incidents from incimap's CSV (the columns of an incidents table): every row must read
/// back; one that does not is an error naming it.
fn incidents_from_csv(py: Python<'_>, csv: &[u8]) -> PyResult<Incidents> {
    let spec = ReadSpec {
        country: None,
        merge: Merge::Nothing,
        threads: 0,
    };
    let outcome = py
        .detach(|| library::read_bytes(csv, "<incidents table>", &spec))
        .map_err(library_error)?;
    if let Some(first) = outcome.rejected.first() {
        let line = first.line.map(|l| format!(":{l}")).unwrap_or_default();
        return Err(library_error(format!(
            "{} of the incidents do not read back as incidents; the first: {}{line}: {}",
            outcome.rejected.len(),
            first.file,
            first.message
        )));
    }
    Ok(outcome.incidents)
}

/// An incidents table (as incimap CSV bytes) as GeoJSON (`to="geojson"`) or JSON Lines
/// (`to="jsonl"`), as `incimap export` writes them: written to `path` when given (the
/// number of incidents is returned), else returned as bytes.
#[pyfunction]
#[pyo3(signature = (csv, to, path=None, flat=false, pretty=false))]
fn write_records<'py>(
    py: Python<'py>,
    csv: &[u8],
    to: &str,
    path: Option<PathBuf>,
    flat: bool,
    pretty: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let format = match to {
        "geojson" => Records::GeoJson { flat, pretty },
        "jsonl" => Records::JsonLines,
        other => {
            return Err(PyValueError::new_err(format!(
                "to: expected 'geojson' or 'jsonl', got {other:?}"
            )))
        }
    };
    let incidents = incidents_from_csv(py, csv)?;
    match path {
        Some(path) => {
            py.detach(|| library::write_records(&incidents, &path, format))
                .map_err(library_error)?;
            Ok(incidents.len().into_pyobject(py)?.into_any())
        }
        None => {
            let bytes = py
                .detach(|| library::records(&incidents, format))
                .map_err(library_error)?;
            Ok(PyBytes::new(py, &bytes).into_any())
        }
    }
}

/// Writes an incidents table (as incimap CSV bytes) as GeoParquet.
#[pyfunction]
fn write_geoparquet(py: Python<'_>, csv: &[u8], path: PathBuf) -> PyResult<u64> {
    let incidents = incidents_from_csv(py, csv)?;
    py.detach(|| library::write_geoparquet(&incidents, &path))
        .map_err(library_error)
}

/// Renders an incidents table (as incimap CSV bytes) as a map: `("svg", text)` or
/// `("png", bytes)`, and the labels that found no room.
#[pyfunction]
#[pyo3(signature = (csv, format="svg", width_px=1600.0, height_px=1200.0, title=None, size_by=None, bbox=None, png_scale=1.0))]
#[allow(clippy::too_many_arguments)]
fn render_map(
    py: Python<'_>,
    csv: &[u8],
    format: &str,
    width_px: f64,
    height_px: f64,
    title: Option<String>,
    size_by: Option<String>,
    bbox: Option<[f64; 4]>,
    png_scale: f32,
) -> PyResult<(Py<PyAny>, Vec<String>)> {
    if format != "svg" && format != "png" {
        return Err(PyValueError::new_err(format!(
            "format: expected 'svg' or 'png', got {format:?}"
        )));
    }
    let incidents = incidents_from_csv(py, csv)?;
    let spec = MapSpec {
        width_px,
        height_px,
        title,
        size_by,
        bbox,
    };
    let map = py
        .detach(|| library::render(&incidents, &spec))
        .map_err(library_error)?;
    let image = match format {
        "png" => {
            let png = py
                .detach(|| library::svg_to_png(&map.svg, png_scale))
                .map_err(library_error)?;
            PyBytes::new(py, &png).into_any().unbind()
        }
        _ => map.svg.into_pyobject(py)?.into_any().unbind(),
    };
    Ok((image, map.unlabelled))
}

/// The hexagon sums of an incidents table (as incimap CSV bytes) on the map with the fixed
/// frame `bbox`: one row per hexagon and event type, to combine with other parts' sums
/// (the incidents outside the frame are left off, as on the map).
#[pyfunction]
#[pyo3(signature = (csv, bbox, width_px=1600.0, height_px=1200.0, size_by=None))]
fn hex_sums(
    py: Python<'_>,
    csv: &[u8],
    bbox: [f64; 4],
    width_px: f64,
    height_px: f64,
    size_by: Option<String>,
) -> PyResult<PyTable> {
    let incidents = incidents_from_csv(py, csv)?;
    let spec = MapSpec {
        width_px,
        height_px,
        title: None,
        size_by,
        bbox: Some(bbox),
    };
    let rows = py
        .detach(|| library::hex_sums(&incidents, &spec))
        .map_err(library_error)?;
    table(tables::hex_cells(&rows).map_err(arrow_error)?)
}

#[pymodule]
fn _incimap(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("IncimapError", m.py().get_type::<IncimapError>())?;
    m.add("CREDITS", library::CREDITS)?;
    m.add_function(wrap_pyfunction!(read_paths, m)?)?;
    m.add_function(wrap_pyfunction!(read_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(geocode, m)?)?;
    m.add_function(wrap_pyfunction!(write_records, m)?)?;
    m.add_function(wrap_pyfunction!(write_geoparquet, m)?)?;
    m.add_function(wrap_pyfunction!(render_map, m)?)?;
    m.add_function(wrap_pyfunction!(hex_sums, m)?)?;
    Ok(())
}
