#!/usr/bin/env bash
# Benchmark: 1M-row CSV → GeoParquet with incimap, against incimap's GeoJSON and geopandas'
# to_parquet of the same CSV, in one run: wall time, peak memory (GNU time's maximum resident
# set size) and output size.
#
#   scripts/bench-geoparquet.sh [WORKDIR] [ROWS]      # default /tmp/incimap-bench, 1000000
#
# Needs python3 (the generator, scripts/gen-incidents.py: fixed seed, the same bytes every
# time; the data is not committed) and GNU time. geopandas is run from GEOPANDAS_PYTHON, else
# target/ci-venv (made by .ci/run), else WORKDIR/venv; skipped when none has it.
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/incimap-bench}"
rows="${2:-1000000}"
mkdir -p "$work"
CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}" cargo build --release --quiet
bin="$PWD/target/release/incimap"
py="${GEOPANDAS_PYTHON:-}"
for candidate in "$PWD/target/ci-venv/bin/python" "$work/venv/bin/python"; do
  [ -n "$py" ] || { [ -x "$candidate" ] && py="$candidate"; } || true
done

csv="$work/inc-$rows.csv"
[ -s "$csv" ] || python3 scripts/gen-incidents.py "$rows" "$csv"

cat > "$work/gpd_parquet.py" <<'PY'
import sys
import geopandas as gpd
import pandas as pd
df = pd.read_csv(sys.argv[1])
gdf = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df.lon, df.lat), crs="OGC:CRS84")
gdf.to_parquet(sys.argv[2], **({"compression": sys.argv[3]} if len(sys.argv) > 3 else {}))
PY

# measure NAME OUT CMD...: prints one result line.
measure() {
  local name="$1" out="$2"; shift 2
  rm -rf "$out"
  sync
  /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || {
    echo "$name failed:"; tail -5 "$work/stderr.txt"; return 0; }
  local secs mem size
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$work/time.txt")
  mem=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$work/time.txt")
  size=$(du -sk "$out" | awk '{printf "%.1f", $1/1024}')
  printf '%-38s %9s rows %8.2f s %7s MB peak %8s MB out\n' "$name" "$rows" "$secs" "$mem" "$size"
}

echo "== $(nproc) cores; $rows rows; $(du -m "$csv" | cut -f1) MB of CSV"
measure "incimap --to geoparquet" "$work/out.parquet" "$bin" export "$csv" -o "$work/out.parquet"
measure "incimap --to geoparquet --partition-by year" "$work/parts" "$bin" export "$csv" --partition-by year -o "$work/parts"
measure "incimap --to geojson" "$work/out.geojson" "$bin" export "$csv" -o "$work/out.geojson"
if [ -n "$py" ] && "$py" -c "import geopandas, pyarrow" 2>/dev/null; then
  measure "geopandas to_parquet (snappy)" "$work/gpd.parquet" "$py" "$work/gpd_parquet.py" "$csv" "$work/gpd.parquet"
  measure "geopandas to_parquet (zstd)" "$work/gpd-zstd.parquet" "$py" "$work/gpd_parquet.py" "$csv" "$work/gpd-zstd.parquet" zstd
  "$py" - "$work/out.parquet" "$work/gpd.parquet" <<'PY'
import sys
import pyarrow.parquet as pq
for path in sys.argv[1:]:
    meta = pq.ParquetFile(path).metadata
    print(f"{path}: {meta.num_rows} rows, {meta.num_columns} columns, {meta.num_row_groups} row groups")
PY
else
  echo "geopandas: skipped (set GEOPANDAS_PYTHON, or run .ci/run once to make target/ci-venv)"
fi
rm -rf "$work/out.parquet" "$work/parts" "$work/out.geojson" "$work/gpd.parquet" "$work/gpd-zstd.parquet"
