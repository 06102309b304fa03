#!/usr/bin/env python3
"""Compare incimap's approximate gazetteer look-up with Python rapidfuzz, in one run.

1. Runs `cargo bench --bench gazetteer` with INCIMAP_BENCH_DUMP set: it writes the folded
   names of the world gazetteer, the misspelled queries and the Rust fuzzy rate.
2. Times rapidfuzz.process.extractOne over the same folded name list and queries, with the
   Levenshtein distance and a cutoff of 2 edits (the same search), and with its default
   scorer (WRatio) for reference.
3. Prints both rates and the ratio.

Needs rapidfuzz:  python3 -m venv /tmp/rf && /tmp/rf/bin/pip install rapidfuzz
                  /tmp/rf/bin/python scripts/bench-rapidfuzz.py [--queries N]
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

try:
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein
except ImportError:
    sys.exit("rapidfuzz is missing: python3 -m venv /tmp/rf && /tmp/rf/bin/pip install rapidfuzz")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--queries", type=int, default=50, help="queries timed with rapidfuzz (default 50)")
    ap.add_argument("--dump", help="reuse a dump directory instead of running cargo")
    args = ap.parse_args()

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = args.dump or tempfile.mkdtemp(prefix="incimap-rf-")
    if not args.dump:
        env = dict(os.environ, INCIMAP_BENCH_DUMP=out)
        subprocess.run(["cargo", "bench", "--bench", "gazetteer"], cwd=root, env=env, check=True)
    with open(os.path.join(out, "names.txt"), encoding="utf-8") as f:
        names = f.read().split("\n")
    with open(os.path.join(out, "queries.txt"), encoding="utf-8") as f:
        queries = [q for q in f.read().split("\n") if q][: args.queries]
    rust = {}
    with open(os.path.join(out, "rust.txt"), encoding="utf-8") as f:
        for line in f:
            key, _, value = line.partition(" ")
            rust[key] = value.strip()
    rust_rate = float(rust["fuzzy_index_per_s"])

    start = time.perf_counter()
    found = 0
    for q in queries:
        if process.extractOne(q, names, scorer=Levenshtein.distance, score_cutoff=2) is not None:
            found += 1
    lev_rate = len(queries) / (time.perf_counter() - start)

    start = time.perf_counter()
    for q in queries[:10]:
        process.extractOne(q, names)
    wratio_rate = min(10, len(queries)) / (time.perf_counter() - start)

    print(f"names: {len(names)} folded names; queries: {len(queries)} misspelled names")
    print(f"incimap fuzzy (fst + Levenshtein band automaton): {rust_rate:,.0f} look-ups/s")
    print(f"incimap fuzzy resolve (with ranking):             {float(rust['fuzzy_resolve_per_s']):,.0f} look-ups/s")
    print(f"rapidfuzz extractOne, Levenshtein cutoff 2:        {lev_rate:,.1f} look-ups/s ({found} found)")
    print(f"rapidfuzz extractOne, default WRatio:              {wratio_rate:,.1f} look-ups/s")
    print(f"ratio incimap / rapidfuzz (Levenshtein): {rust_rate / lev_rate:,.0f}x")
    print(f"ratio incimap / rapidfuzz (WRatio):      {rust_rate / wratio_rate:,.0f}x")


if __name__ == "__main__":
    main()
