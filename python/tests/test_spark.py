"""The same results on Spark (issue 15): examples/spark_incimap.py run on PySpark in local
mode (`local[2]`, Java 17) with 1, 3 and 8 partitions gives, byte for byte, the sorted JSON
Lines that `incimap export` gives on one machine, the same rejected rows with the same
reasons, and one GeoParquet file per partition (written by incimap on the workers) that
together hold the same incidents. The table is the generated one of conftest.py. The test
articles, cut into partitions with the articles of one event kept together, extract to the
JSON Lines of `incimap extract` on one machine. The partitions' hexagon sums
(`incimap.hex_sums` on a map with a fixed frame), combined by Spark, equal the sums of the
whole table on one machine: the groups `incimap map --bbox ... --aggregate hex` draws.
"""

import shutil

import pytest

from conftest import (
    HEX_BBOX,
    assert_same_hexagons,
    assert_single_machine_result,
    event_ids,
    load_example,
    need,
)


@pytest.fixture(scope="module")
def example():
    need("pyspark")
    if shutil.which("java") is None:
        need("a Java runtime (java)")
    return load_example("spark_incimap")


@pytest.fixture(scope="module")
def spark(example):
    session = example.session(8)
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.mark.parametrize("partitions", [1, 3, 8])
def test_spark_gives_the_single_machine_result(
    example, generated_table, single_machine_hexagons, spark, partitions, tmp_path
):
    path, lines, rejected = generated_table
    figures = example.run(str(path), str(tmp_path), partitions, spark, HEX_BBOX)
    assert_single_machine_result(figures, tmp_path, partitions, lines, rejected)
    assert_same_hexagons(figures["hexagons"], single_machine_hexagons)

    import geopandas
    import pyarrow.parquet as pq

    files = sorted((tmp_path / "incidents").glob("part-*.parquet"))
    assert len(files) == partitions
    frames = [geopandas.read_parquet(f) for f in files]
    assert all(f.crs.equals("OGC:CRS84") for f in frames)
    assert sorted(i for f in frames for i in f["event_id_cnty"]) == event_ids(lines)
    assert all(b"geo" in pq.ParquetFile(f).metadata.metadata for f in files)


@pytest.mark.parametrize("partitions", [1, 3, 8])
def test_articles_kept_whole_per_set_extract_as_on_one_machine(
    example, article_sets, spark, partitions
):
    articles, lines = article_sets
    assert example.extract_articles(articles, partitions, spark) == sorted(lines)
