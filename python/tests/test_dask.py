"""The same results on Dask (issue 15): examples/dask_incimap.py run on a dask.distributed
LocalCluster (2 worker processes) with 1, 3 and 8 partitions gives, byte for byte, the
sorted JSON Lines that `incimap export` gives on one machine, the same rejected rows with
the same reasons, and a partitioned GeoParquet dataset with the same incidents. The table
is the generated one of conftest.py (200,000 ACLED-shaped rows, 3,052 rejected by design).
The test articles, cut into partitions with the articles of one event kept together,
extract to the JSON Lines of `incimap extract` on one machine. The partitions' hexagon sums
(`incimap.hex_sums` on a map with a fixed frame), combined, equal the sums of the whole
table on one machine: the groups `incimap map --bbox ... --aggregate hex` draws.
"""

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
    for module in ("dask", "distributed", "dask_geopandas"):
        need(module)
    return load_example("dask_incimap")


@pytest.fixture(scope="module")
def client():
    need("distributed")
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            yield client


@pytest.mark.parametrize("partitions", [1, 3, 8])
def test_dask_gives_the_single_machine_result(
    example, generated_table, single_machine_hexagons, client, partitions, tmp_path
):
    path, lines, rejected = generated_table
    figures = example.run(str(path), str(tmp_path), partitions, client, HEX_BBOX)
    assert_single_machine_result(figures, tmp_path, partitions, lines, rejected)
    assert_same_hexagons(figures["hexagons"], single_machine_hexagons)

    import geopandas

    # The GeoParquet dataset holds the same incidents, with their points.
    frame = geopandas.read_parquet(tmp_path / "incidents")
    assert frame.crs is not None and frame.crs.equals("OGC:CRS84")
    assert sorted(frame["event_id_cnty"]) == event_ids(lines)
    assert (frame.geometry.x == frame["longitude"]).all()
    assert (frame.geometry.y == frame["latitude"]).all()


@pytest.mark.parametrize("partitions", [1, 3, 8])
def test_articles_kept_whole_per_set_extract_as_on_one_machine(
    example, article_sets, client, partitions
):
    articles, lines = article_sets
    assert example.extract_articles(articles, partitions, client) == sorted(lines)
