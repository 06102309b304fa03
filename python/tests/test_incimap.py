"""`import incimap` (issue 15): the Python package gives what the `incimap` command gives on
the same input — the same incidents byte for byte, the same rejected records and messages —
with Arrow tables in and out. Run by .ci/run after `pip install ./python`:

    INCIMAP=target/debug/incimap python -m pytest python/tests
"""

import io
import json
import os
import struct
import subprocess
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
import pytest

import incimap
from conftest import file_label

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
BINARY = os.environ.get("INCIMAP", str(ROOT / "target" / "debug" / "incimap"))

TABLES = [
    "acled-sample.csv",
    "ucdp-ged-sample.csv",
    "incidents.csv",
    "nl-semicolon.csv",
    "bad-rows.csv",
    "acled-messy.csv",
    "foreign-points.geojson",
    "html-injection.jsonl",
]
ARTICLES = sorted((FIXTURES / "articles").glob("*.txt")) + sorted(
    (FIXTURES / "merge").glob("*.txt")
)


def cli(*args, check=False):
    """Runs the incimap command; (exit code, stdout bytes, stderr text)."""
    out = subprocess.run([BINARY, *map(str, args)], capture_output=True)
    if check:
        assert out.returncode in (0, 2), out.stderr.decode()
    return out.returncode, out.stdout, out.stderr.decode()


def cli_errors(path, tmp_path):
    """The rejected records of `incimap export --errors` as rows of dicts."""
    errors = tmp_path / "errors.csv"
    cli("export", path, "--to", "jsonl", "-o", tmp_path / "out.jsonl", "--errors", errors)
    table = pa_csv.read_csv(
        errors,
        convert_options=pa_csv.ConvertOptions(
            column_types={c: pa.string() for c in ["file", "column", "reason", "record"]}
        ),
    )
    return table


@pytest.mark.parametrize("name", TABLES)
def test_a_file_reads_as_the_command_exports_it(name):
    path = FIXTURES / name
    result = incimap.read(path)
    _, jsonl, _ = cli("export", path, "--to", "jsonl", "-o", "-", check=True)
    _, geojson, _ = cli("export", path, "--to", "geojson", "-o", "-", check=True)
    assert result.incidents.num_rows == jsonl.count(b"\n")
    # Through the Arrow table and back: byte for byte what the command writes.
    assert incimap.to_json_lines(result.incidents) == jsonl
    assert _geojson_bytes(result.incidents) == geojson


def _geojson_bytes(incidents):
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.geojson"
        assert incimap.write_geojson(incidents, path) == incidents.num_rows
        return path.read_bytes()


@pytest.mark.parametrize("name", ["bad-rows.csv", "acled-messy.csv", "foreign-points.geojson"])
def test_rejected_records_are_returned_with_the_commands_messages(name, tmp_path):
    path = FIXTURES / name
    result = incimap.read(path)
    expected = cli_errors(path, tmp_path)
    assert result.rejected.num_rows == expected.num_rows > 0
    assert result.rejected.column_names == ["file", "line", "column", "reason", "record"]
    for got, want in zip(result.rejected.to_pylist(), expected.to_pylist()):
        assert got["file"] == want["file"] == file_label(path)
        assert got["line"] == want["line"]
        assert (got["column"] or None) == (want["column"] or None)
        assert got["reason"] == want["reason"]
        assert (got["record"] or None) == (want["record"] or None)


def test_rows_in_equal_incidents_plus_rejected():
    text = (FIXTURES / "bad-rows.csv").read_text(encoding="utf-8")
    rows = len([line for line in text.splitlines()[1:] if line.strip()])
    result = incimap.read(FIXTURES / "bad-rows.csv")
    assert result.incidents.num_rows + result.rejected.num_rows == rows


def test_bytes_and_tables_read_as_the_file_does():
    path = FIXTURES / "acled-sample.csv"
    from_file = incimap.to_json_lines(incimap.read(path).incidents)
    from_bytes = incimap.read(path.read_bytes(), name="acled.csv")
    assert incimap.to_json_lines(from_bytes.incidents) == from_file
    table = pa_csv.read_csv(path)  # typed columns: numbers, dates as pyarrow reads them
    from_table = incimap.read(table, name="acled")
    assert from_table.rejected.num_rows == 0, from_table.rejected.to_pylist()
    assert incimap.to_json_lines(from_table.incidents) == from_file
    from_frame = incimap.read(table.to_pandas())
    assert incimap.to_json_lines(from_frame.incidents) == from_file


def test_a_bad_row_of_a_table_is_named_by_the_table_and_its_line():
    table = pa.table(
        {
            "date": ["2019-10-13", "2019-13-01"],
            "place": ["Ain Issa", "Suluk"],
            "country": ["SY", "SY"],
            "killed": ["3", "4"],
        }
    )
    result = incimap.read(table, name="mine")
    assert result.incidents.num_rows == 1
    (rejected,) = result.rejected.to_pylist()
    # Line 1 is the header: the table's second row is line 3.
    assert (rejected["file"], rejected["line"], rejected["column"]) == ("mine", 3, "date")
    assert "2019-13-01" in rejected["reason"]


def test_the_incidents_table_has_wkb_points_and_the_geo_metadata():
    result = incimap.read(FIXTURES / "acled-sample.csv")
    table = result.incidents
    geo = json.loads(table.schema.metadata[b"geo"])
    assert geo["primary_column"] == "geometry"
    assert geo["columns"]["geometry"]["encoding"] == "WKB"
    assert "GeoNames (CC BY 4.0)" in table.schema.metadata[b"incimap:credits"].decode()
    for row in table.to_pylist():
        x, y = row["longitude"], row["latitude"]
        assert row["geometry"] == struct.pack("<BIdd", 1, 1, x, y)
        assert row["bbox"] == {"xmin": x, "ymin": y, "xmax": x, "ymax": y}


def test_geoparquet_equals_the_commands(tmp_path):
    path = FIXTURES / "acled-sample.csv"
    cli("export", path, "-o", tmp_path / "cli.parquet", check=True)
    rows = incimap.write_geoparquet(incimap.read(path).incidents, tmp_path / "py.parquet")
    ours, theirs = pq.read_table(tmp_path / "py.parquet"), pq.read_table(tmp_path / "cli.parquet")
    assert rows == ours.num_rows == theirs.num_rows
    assert ours.equals(theirs, check_metadata=True)
    footer = pq.ParquetFile(tmp_path / "py.parquet").metadata.metadata
    assert json.loads(footer[b"geo"])["version"] == "1.1.0"


def test_articles_extract_as_the_command_extracts_them():
    texts = [p.read_text(encoding="utf-8") for p in ARTICLES]
    # The article's id plays the part of the file name, as the command names the file.
    ids = [file_label(p) for p in ARTICLES]
    result = incimap.extract(ids=ids, texts=texts)
    _, expected, _ = cli("extract", *ARTICLES)
    assert result.incidents.num_rows == expected.count(b"\n") > 0
    assert incimap.to_json_lines(result.incidents) == expected
    # Figures that fit no incident are rejected records naming the article and its line,
    # regional figures warnings: as `incimap export` reads articles (whose incidents are
    # `extract`'s).
    _, exported, stderr = cli("export", *ARTICLES, "--to", "jsonl", "-o", "-", "-v")
    assert exported == expected
    for table, kind in ((result.rejected, "skipped"), (result.warnings, "warning")):
        assert table.num_rows > 0
        for row in table.to_pylist():
            line = "" if row["line"] is None else f":{row['line']}"
            assert f"{kind}: {row['file']}{line}: {row['reason']}\n" in stderr


def test_a_publication_date_given_apart_dates_the_article():
    path = FIXTURES / "articles" / "mosul-en.txt"
    header, body = path.read_text(encoding="utf-8").split("\n", 1)
    date = header.split()[1]
    with_header = incimap.extract(ids=["a"], texts=[header + "\n" + body])
    apart = incimap.extract(
        pa.table({"id": ["a"], "published": [date], "text": [body]})
    )
    assert apart.incidents.num_rows == with_header.incidents.num_rows > 0
    assert apart.incidents.column("event_date") == with_header.incidents.column("event_date")
    # Dates and timestamps (pandas' datetime64) are days.
    import datetime

    day = datetime.date.fromisoformat(date)
    for value in (day, datetime.datetime.combine(day, datetime.time(12, 30))):
        typed = incimap.extract(
            pa.table({"id": ["a"], "published": [value], "text": [body]})
        )
        assert typed.incidents.column("event_date") == apart.incidents.column("event_date")
    undated = incimap.extract(ids=["a"], texts=[body])
    reasons = [w["reason"] for w in undated.rejected.to_pylist()]
    assert any("undated" in r for r in reasons), reasons


def test_many_names_geocode_with_their_context():
    table = incimap.geocode(["Suluk", "Suluk", "Qqzxv Wplk"], ["SY", None, None], limit=2)
    rows = table.to_pylist()
    best = [r for r in rows if r["rank"] == 0]
    assert best[0]["query"] == 0 and best[0]["country_code"] == "SY"
    assert abs(best[0]["lon"] - 39.13) < 0.05 and abs(best[0]["lat"] - 36.6) < 0.05
    assert "context country SY" in best[0]["reason"]
    assert max(r["rank"] for r in rows if r["query"] == 0) == 1
    (missing,) = [r for r in rows if r["query"] == 2]
    assert missing["rank"] is None and missing["gazetteer_id"] is None
    # The command says the same about the name: every candidate, field by field.
    _, out, _ = cli("geocode", "Suluk", "--country", "SY", "--limit", "2", "--json")
    candidates = json.loads(out)["results"][0]["candidates"]
    ours = [r for r in rows if r["query"] == 0]
    assert len(ours) == len(candidates) == 2
    for got, want in zip(ours, candidates):
        assert got["gazetteer_id"] == want["id"]
        assert got["country_code"] == want["country"]
        for key in ("name", "admin1", "admin1_code", "kind", "feature_code", "precision",
                    "population", "lon", "lat", "reason"):
            assert got[key] == want[key], key
        # The command rounds the score to two decimals; the table keeps it whole.
        assert round(got["score"], 2) == want["score"]


def test_the_map_is_the_commands_map(tmp_path):
    path = FIXTURES / "incidents.csv"
    cli("map", path, "-o", tmp_path, check=True)
    incidents = incimap.read(path).incidents
    svg = incimap.render_map(incidents)
    assert svg == (tmp_path / "map.svg").read_text(encoding="utf-8")
    assert "GeoNames (CC BY 4.0)" in svg and "Natural Earth" in svg
    png = incimap.render_map(incidents, format="png")
    assert png == (tmp_path / "map.png").read_bytes()


def test_library_errors_are_exceptions_with_the_commands_messages(tmp_path):
    missing = tmp_path / "nowhere.csv"
    code, _, stderr = cli("export", missing, "-o", tmp_path / "x.geojson")
    with pytest.raises(incimap.IncimapError) as error:
        incimap.read(missing)
    assert code == 1 and str(error.value) in stderr
    empty = incimap.read(FIXTURES / "incidents.csv").incidents.slice(0, 0)
    with pytest.raises(incimap.IncimapError, match="no incidents to map"):
        incimap.render_map(empty)
    with pytest.raises(ValueError, match="merge"):
        incimap.read(FIXTURES / "incidents.csv", merge="sometimes")


def test_to_geodataframe_has_the_points_and_the_crs():
    geopandas = pytest.importorskip("geopandas")
    incidents = incimap.read(FIXTURES / "acled-sample.csv").incidents
    frame = incimap.to_geodataframe(incidents)
    assert isinstance(frame, geopandas.GeoDataFrame)
    assert frame.crs.equals("OGC:CRS84")
    assert list(frame.geometry.x) == incidents.column("longitude").to_pylist()
    assert list(frame.geometry.y) == incidents.column("latitude").to_pylist()
    # A GeoDataFrame of incidents writes back as the table does.
    assert incimap.to_json_lines(frame) == incimap.to_json_lines(incidents)


def test_hexagon_sums_combine_and_count_what_the_map_draws(tmp_path):
    import re
    import sys

    path = tmp_path / "acled.csv"
    script = ROOT / "scripts" / "gen-acled.py"
    subprocess.run([sys.executable, str(script), "3000", str(path)], check=True)
    bbox = (36.0, 34.0, 44.0, 37.5)
    incidents = incimap.read(path).incidents
    whole = incimap.hex_sums(incidents, bbox=bbox).to_pandas()
    # Two halves, combined by adding per hexagon and event type, give the whole's sums.
    halves = [incidents.slice(0, 1234), incidents.slice(1234)]
    parts = pa.concat_tables([incimap.hex_sums(h, bbox=bbox) for h in halves]).to_pandas()
    keys = ["q", "r", "event_type"]
    combined = parts.groupby(keys, dropna=False).agg(
        incidents=("incidents", "sum"), total=("total", "sum"), first=("first", "min")
    )
    expected = whole.groupby(keys, dropna=False).agg(
        incidents=("incidents", "sum"), total=("total", "sum"), first=("first", "min")
    )
    assert combined.equals(expected)
    # The map with that frame draws the incidents the sums count ("N of M ... shown").
    cli("map", path, "--bbox", ",".join(map(str, bbox)), "--aggregate", "hex",
        "--format", "svg", "-o", tmp_path, check=True)
    svg = (tmp_path / "map.svg").read_text(encoding="utf-8")
    shown, total = re.search(r"([\d,]+) of ([\d,]+) reported incidents", svg).groups()
    assert int(shown.replace(",", "")) == whole["incidents"].sum()
    assert int(total.replace(",", "")) == incidents.num_rows
    with pytest.raises(TypeError):
        incimap.hex_sums(incidents)  # a fixed frame is required
