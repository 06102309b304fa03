"""GeoParquet from `incimap export` read by the tools analysts use (issue 15): geopandas,
pyarrow and DuckDB. Run by .ci/run in its venv:

    INCIMAP=target/debug/incimap python python-tests/test_geoparquet.py

Exports a fixture to GeoParquet and to CSV (the same columns), then checks that every
reader sees the same rows, the points, the CRS and the `geo` metadata.
"""

import csv
import json
import os
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
import geopandas
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
BINARY = os.environ.get("INCIMAP", str(ROOT / "target" / "debug" / "incimap"))
FIXTURE = ROOT / "tests" / "fixtures" / "acled-sample.csv"


def export(out, *args):
    subprocess.run([BINARY, "export", str(FIXTURE), "-o", str(out), *args], check=True)


def check_file(parquet, rows):
    # geopandas: the CRS, the points, the property columns.
    frame = geopandas.read_parquet(parquet)
    assert frame.crs is not None and frame.crs.equals("OGC:CRS84"), frame.crs
    # EPSG:4326 up to the axis order (CRS84 is longitude first).
    assert frame.crs.equals("EPSG:4326", ignore_axis_order=True), frame.crs
    assert len(frame) == len(rows)
    for point, row in zip(frame.geometry, rows):
        assert (point.x, point.y) == (float(row["longitude"]), float(row["latitude"])), row
    assert list(frame["event_id_cnty"]) == [r["event_id_cnty"] for r in rows]

    # pyarrow: the `geo` metadata in the Arrow schema and in the footer.
    table = pq.read_table(parquet)
    geo = json.loads(table.schema.metadata[b"geo"])
    assert geo["version"] == "1.1.0" and geo["primary_column"] == "geometry"
    assert geo["columns"]["geometry"]["covering"]["bbox"]["xmin"] == ["bbox", "xmin"]
    footer = pq.ParquetFile(parquet).metadata.metadata
    assert json.loads(footer[b"geo"]) == geo
    assert pq.ParquetFile(parquet).metadata.row_group(0).column(0).compression == "ZSTD"

    # DuckDB: the geometry column (DuckDB >= 1.4 reads the `geo` metadata and types it as a
    # GEOMETRY in OGC:CRS84; its value is the WKB) and the bbox struct.
    con = duckdb.connect()
    got = con.execute(
        "SELECT event_id_cnty, geometry, typeof(geometry), bbox.xmin, bbox.ymax "
        f"FROM read_parquet('{parquet}')"
    ).fetchall()
    assert [g[0] for g in got] == [r["event_id_cnty"] for r in rows]
    for (_, wkb, kind, xmin, ymax), row in zip(got, rows):
        x, y = float(row["longitude"]), float(row["latitude"])
        assert kind in ("GEOMETRY('OGC:CRS84')", "GEOMETRY", "BLOB"), kind
        assert bytes(wkb) == struct.pack("<BIdd", 1, 1, x, y), (wkb, row)
        assert (xmin, ymax) == (x, y)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        export(tmp / "out.csv")
        export(tmp / "out.parquet")
        with open(tmp / "out.csv", newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        assert rows, "the fixture has rows"
        check_file(tmp / "out.parquet", rows)

        # A partitioned dataset reads back whole, with the year from the folder names.
        export(tmp / "parts", "--partition-by", "year")
        frame = geopandas.read_parquet(tmp / "parts")
        assert len(frame) == len(rows)
        assert sorted(frame["event_id_cnty"]) == sorted(r["event_id_cnty"] for r in rows)
        years = duckdb.connect().execute(
            f"SELECT DISTINCT year FROM read_parquet('{tmp}/parts/*/*.parquet', hive_partitioning=true) ORDER BY 1"
        ).fetchall()
        assert [str(y[0]) for y in years] == sorted({r["year"] for r in rows})
    print("GeoParquet read by geopandas, pyarrow and DuckDB: ok")


if __name__ == "__main__":
    main()
    sys.exit(0)
