#!/usr/bin/env bash
# The interactive map in a real browser: writes map.html for the embedded example and for a
# fixture of markup-laden names, then opens both in Debian's Chromium with the network blocked
# (tests/browser/map_html.mjs). Needs chromium (apt) and node/npm; .ci/run installs them.
# Screenshots go to target/browser-test/. INCIMAP_BLESS=1 rewrites the reference screenshot.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --quiet
bin=target/debug/incimap
out=target/browser-test
rm -rf "$out"
mkdir -p "$out"
"$bin" map -o "$out/example" --format html,geojson
"$bin" map tests/fixtures/html-injection.jsonl -o "$out/injection" --format html,geojson
(cd tests/browser && npm ci --no-audit --no-fund --silent)
node tests/browser/map_html.mjs "$out"
