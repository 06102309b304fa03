"""The same results on Dask (issue 15): examples/dask_incimap.py run on a dask.distributed
LocalCluster (2 worker processes) with 1, 3 and 8 partitions gives, byte for byte, the
sorted JSON Lines that `incimap export` gives on one machine, the same number of rejected
rows, and a partitioned GeoParquet dataset with the same incidents.

The fixture is made by scripts/gen-acled.py (fixed seed): 20,000 ACLED-shaped rows, of which
206 are malformed or name no known place and 99 have no coordinates and are located by name
— small enough to keep CI fast (a few seconds per run), large enough for 8 partitions of
2,500 rows each.
"""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BINARY = os.environ.get("INCIMAP", str(ROOT / "target" / "debug" / "incimap"))
ROWS = 20_000


def _need(module):
    try:
        return __import__(module)
    except ImportError:
        if os.environ.get("CI") in ("true", "1"):
            raise AssertionError(f"{module} is missing in CI: .ci/run must install it")
        pytest.skip(f"{module} is not installed")


@pytest.fixture(scope="module")
def example():
    _need("dask")
    _need("distributed")
    _need("dask_geopandas")
    spec = importlib.util.spec_from_file_location(
        "dask_incimap", ROOT / "examples" / "dask_incimap.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def table(tmp_path_factory):
    """The generated table, and what `incimap export` makes of it on one machine."""
    tmp = tmp_path_factory.mktemp("acled")
    path = tmp / "acled.csv"
    subprocess.run(
        [sys.executable, ROOT / "scripts" / "gen-acled.py", str(ROWS), path], check=True
    )
    out = subprocess.run(
        [BINARY, "export", path, "--to", "jsonl", "-o", tmp / "one.jsonl",
         "--errors", tmp / "errors.csv"],
        capture_output=True,
    )
    assert out.returncode == 2, out.stderr.decode()  # some rows are rejected, by design
    lines = (tmp / "one.jsonl").read_text(encoding="utf-8").splitlines()
    errors = (tmp / "errors.csv").read_text(encoding="utf-8")
    import csv
    import io

    rejected = list(csv.DictReader(io.StringIO(errors)))
    assert len(lines) + len(rejected) == ROWS
    return path, lines, rejected


@pytest.fixture(scope="module")
def client():
    _need("distributed")
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            yield client


@pytest.mark.parametrize("partitions", [1, 3, 8])
def test_dask_gives_the_single_machine_result(example, table, client, partitions, tmp_path):
    path, lines, rejected = table
    figures = example.run(str(path), str(tmp_path), partitions, client)
    assert figures["partitions"] == partitions
    assert figures["incidents"] == len(lines)
    assert figures["rejected"] == len(rejected)
    expected = "".join(line + "\n" for line in sorted(lines))
    assert (tmp_path / "incidents.jsonl").read_text(encoding="utf-8") == expected

    # The rejected rows are the same rows, with the same reasons.
    import pandas as pd

    got = pd.read_csv(tmp_path / "rejected.csv", dtype=str, keep_default_na=False)
    assert sorted(zip(got["record"], got["reason"])) == sorted(
        (r["record"], r["reason"]) for r in rejected
    )

    # The GeoParquet dataset holds the same incidents, with their points.
    import geopandas

    frame = geopandas.read_parquet(tmp_path / "incidents")
    assert len(frame) == len(lines)
    assert frame.crs is not None and frame.crs.equals("OGC:CRS84")
    assert sorted(frame["event_id_cnty"]) == sorted(
        line.split('"id":"', 1)[1].split('"', 1)[0] for line in lines
    )
    assert (frame.geometry.x == frame["longitude"]).all()
