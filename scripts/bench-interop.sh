#!/usr/bin/env bash
# Benchmark: incimap export vs ogr2ogr vs geopandas on the generated incident tables, in one
# run, with wall time and peak memory (GNU time's maximum resident set size).
#
#   scripts/bench-interop.sh [WORKDIR]        # default /tmp/incimap-bench
#
# Needs: python3 (generator), GNU time (/usr/bin/time), ogr2ogr (gdal-bin); geopandas is run
# when WORKDIR/venv has it (created with: python3 -m venv WORKDIR/venv &&
# WORKDIR/venv/bin/pip install geopandas pyogrio), and skipped otherwise.
# Sizes: 100,000 and 1,000,000 rows (fixed seed: scripts/gen-incidents.py).
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/incimap-bench}"
mkdir -p "$work"
cargo build --release --quiet
bin="$PWD/target/release/incimap"
venv_py="$work/venv/bin/python"
[ -x "$venv_py" ] || venv_py="${GEOPANDAS_PYTHON:-}"

for rows in 100000 1000000; do
  [ -s "$work/inc-$rows.csv" ] || python3 scripts/gen-incidents.py "$rows" "$work/inc-$rows.csv"
done

cat > "$work/gpd.py" <<'PY'
import sys
import geopandas as gpd
import pandas as pd
df = pd.read_csv(sys.argv[1])
gdf = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df.lon, df.lat), crs="EPSG:4326")
gdf.to_file(sys.argv[2], driver="GeoJSON")
PY

# measure NAME ROWS OUT CMD...: prints one result line.
measure() {
  local name="$1" rows="$2" out="$3"; shift 3
  rm -f "$out"
  # Every tool starts with the previous run's output on disk, not still in the write-back queue.
  sync
  /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || {
    echo "$name failed:"; tail -5 "$work/stderr.txt"; return 0; }
  local secs mem size
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$work/time.txt")
  mem=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$work/time.txt")
  size=$(du -m "$out" | cut -f1)
  printf '%-34s %9s rows %8.2f s %7s MB peak %7s MB out\n' "$name" "$rows" "$secs" "$mem" "$size"
  printf '%s\t%s\t%s\t%s\n' "$name" "$rows" "$secs" "$mem" >> "$work/results.tsv"
}

: > "$work/results.tsv"
echo "== $(nproc) cores; $(ogr2ogr --version)"
for rows in 100000 1000000; do
  csv="$work/inc-$rows.csv"
  measure "incimap --to geojson" "$rows" "$work/incimap.geojson" "$bin" export "$csv" -o "$work/incimap.geojson"
  measure "incimap --to geojson --flat" "$rows" "$work/incimap-flat.geojson" "$bin" export "$csv" --flat -o "$work/incimap-flat.geojson"
  measure "incimap --to geojson --pretty" "$rows" "$work/incimap-pretty.geojson" "$bin" export "$csv" --pretty -o "$work/incimap-pretty.geojson"
  measure "incimap --to csv" "$rows" "$work/incimap.csv" "$bin" export "$csv" -o "$work/incimap.csv"
  measure "incimap --to kml" "$rows" "$work/incimap.kml" "$bin" export "$csv" -o "$work/incimap.kml"
  measure "ogr2ogr -f GeoJSON" "$rows" "$work/ogr.geojson" ogr2ogr -f GeoJSON "$work/ogr.geojson" "$csv" \
    -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -oo AUTODETECT_TYPE=YES -oo KEEP_GEOM_COLUMNS=NO
  if [ -n "$venv_py" ] && "$venv_py" -c "import geopandas" 2>/dev/null; then
    measure "geopandas to_file GeoJSON" "$rows" "$work/gpd.geojson" "$venv_py" "$work/gpd.py" "$csv" "$work/gpd.geojson"
  else
    echo "geopandas: skipped (no $work/venv with geopandas; see the header of this script)"
  fi
done

echo "== ratios: the other tool's time / incimap's time (same rows)"
awk -F'\t' '{ t[$1 FS $2] = $3; names[$1] = 1; rows[$2] = 1 }
  END {
    for (r in rows) for (i in names) if (i ~ /^incimap --to geojson/) for (o in names) if (o !~ /^incimap/ && (o FS r) in t && (i FS r) in t)
      printf "%9s rows: %-34s is %5.1fx faster than %s\n", r, i, t[o FS r] / t[i FS r], o
  }' "$work/results.tsv" | sort
rm -f "$work"/*.geojson "$work"/incimap.csv "$work"/incimap.kml
