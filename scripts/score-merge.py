#!/usr/bin/env python3
"""Merge precision and recall of `incimap extract` on an annotated article corpus (measuring
only: the corpus is not part of the repository).

Usage: scripts/score-merge.py [--bin target/release/incimap] [--groups 04/25,21/32] CORPUS_DIR

CORPUS_DIR holds `NN-*.txt` articles and `NN-*.gold.json` annotations (the fakes-dev layout:
gold incidents with lon, lat, radius_km, date). Each incident incimap extracts (with
--no-merge) is matched to the nearest gold incident of its article within the gold radius
(+5 km) whose date overlaps (±1 day). Two gold incidents of different articles are the same
event when their articles form one of the `--groups` (the corpus README lists them), they lie
within the larger radius of each other and their dates overlap (±1 day); outside the groups,
when they lie within that radius on overlapping days (both dated to the week or finer: a
month-dated gold incident names no day) and have the same event type (another article's event
mentioned as background).

Pairwise over extracted incidents of different articles:
- a merged pair is a true positive when both are matched to the same gold event, a false
  positive otherwise (unmatched incidents included);
- recall = true positives / pairs of matched incidents whose gold events are the same.
The same score is printed over (article, gold event) units, so that an extractor splitting one
event into several incidents of one article does not count as the merge stage's miss.

Each missed pair is followed by why: the merge's own reasons when it kept the pair apart as a
near-miss, "one article's incidents never merge" when one report already merged with another
incident of the other article (the extractor split that event), or "not a near-miss" (place,
date or type apart: see `incimap extract --explain`). Same-event pairs of gold incidents that
the extractor gave no incident for on one side (or placed or dated outside the gold radius and
days) are listed last: they are the extractor's misses, not the merge's.
"""

import argparse
import glob
import itertools
import json
import math
import os
import subprocess
import sys
from datetime import date, timedelta

# The corpus README's same-event groups (fakes-dev: Ariha crash, Khan Sheikhoun, Rashidin
# convoy, Ghouta 2013).
DEFAULT_GROUPS = "04/25,21/32,17/54,34/53/59"


def km(a, b):
    (lon1, lat1), (lon2, lat2) = [(math.radians(x), math.radians(y)) for x, y in (a, b)]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(min(1, math.sqrt(h)))


def span(text):
    """A gold or incimap date as (first day, last day)."""
    if isinstance(text, dict):
        return date.fromisoformat(text["start"]), date.fromisoformat(text["end"])
    if "/" in text:
        a, b = text.split("/")
        return span(a)[0], span(b)[1]
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        d = date(*parts)
        return d, d
    if len(parts) == 2:
        y, m = parts
        nxt = date(y + m // 12, m % 12 + 1, 1)
        return date(y, m, 1), nxt - timedelta(days=1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def overlap(a, b, slack=1):
    return a[0] <= b[1] + timedelta(days=slack) and b[0] <= a[1] + timedelta(days=slack)


def extract(binary, files, merge):
    args = [binary, "extract", "--format", "json"] + ([] if merge else ["--no-merge"]) + files
    out = subprocess.run(args, capture_output=True, text=True)
    if out.returncode not in (0, 2):
        sys.exit(f"incimap failed: {out.stderr[-2000:]}")
    return json.loads(out.stdout)


def why_missed(a, b, cluster, files_of, apart_why):
    """Why the merge left the same-event reports `a` and `b` (file, id, gold index) apart."""
    ka, kb = (a[0], a[1]), (b[0], b[1])
    reasons = []
    for (x, kx), (y, _) in ((a, ka), (b, kb)), ((b, kb), (a, ka)):
        c = cluster.get(kx)
        if c is not None and y[0] in files_of[c] and not reasons:
            reasons.append(f"{os.path.basename(x[0])} {x[1]} already merged with another incident "
                           f"of {os.path.basename(y[0])} (one article's incidents never merge)")
    why = apart_why.get(frozenset((ka, kb)))
    if why is not None:
        reasons.append("kept apart: " + "; ".join(why))
    return " / ".join(reasons) or "not a near-miss (place, date or type apart; see extract --explain)"


def unextracted(gold, matched, same_event):
    """Same-event pairs of gold incidents of different articles where one side has no
    extracted incident matched to it: the extractor's misses."""
    found = {(f, k) for f, _, k in matched if k is not None}
    units = [(f, k) for f in sorted(gold) for k in range(len(gold[f]))]
    for (fa, ka), (fb, kb) in itertools.combinations(units, 2):
        if fa == fb or ((fa, ka) in found and (fb, kb) in found):
            continue
        if same_event((fa, None, ka), (fb, None, kb)):
            side = lambda f, k: f"{f} gold #{k} ({gold[f][k]['place']}){'' if (f, k) in found else ' NOT EXTRACTED'}"
            print(f"not extracted: {side(fa, ka)} + {side(fb, kb)}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--bin", default="target/release/incimap")
    ap.add_argument("--groups", default=DEFAULT_GROUPS)
    args = ap.parse_args()
    files = sorted(glob.glob(os.path.join(args.corpus, "[0-9][0-9]-*.txt")))
    prefix = lambda f: os.path.basename(f)[:2]
    gold = {}
    for f in files:
        with open(f[: -len(".txt")] + ".gold.json") as g:
            gold[os.path.basename(f)] = json.load(g)["incidents"]
    group_of = {}
    for n, group in enumerate(args.groups.split(",")):
        for p in group.split("/"):
            group_of[p] = n

    apart = extract(args.bin, files, merge=False)["incidents"]
    merged = extract(args.bin, files, merge=True)["merging"]
    cluster = {}
    files_of = []
    for n, note in enumerate(merged["merged"]):
        files_of.append({os.path.basename(r["file"]) for r in note["reports"]})
        for r in note["reports"]:
            cluster[(os.path.basename(r["file"]), r["id"])] = n
    apart_why = {
        frozenset((os.path.basename(k[side]["file"]), k[side]["id"]) for side in ("a", "b")): k["why"]
        for k in merged["kept_apart"]
    }

    # Each extracted incident → (file, index of its gold incident or None).
    matched = []
    for inc in apart:
        # incimap names files relative to the working directory: match by file name.
        f = os.path.basename(inc["sources"][0]["location"])
        p = inc["place"]
        best = None
        for k, g in enumerate(gold.get(f, [])):
            d = km((p["lon"], p["lat"]), (g["lon"], g["lat"]))
            if d <= g["radius_km"] + 5 and overlap(span(inc["date"]), span(g["date"])):
                if best is None or d < best[0]:
                    best = (d, k)
        matched.append((f, inc["id"], None if best is None else best[1]))

    def same_event(a, b):
        (fa, _, ka), (fb, _, kb) = a, b
        if ka is None or kb is None:
            return False
        ga, gb = group_of.get(prefix(fa)), group_of.get(prefix(fb))
        x, y = gold[fa][ka], gold[fb][kb]
        near = km((x["lon"], x["lat"]), (y["lon"], y["lat"])) <= max(x["radius_km"], y["radius_km"])
        if ga is not None and ga == gb:
            return near and overlap(span(x["date"]), span(y["date"]))
        # Outside the listed groups: the same place, the same days and the same event type
        # (a background mention of another article's event). A gold date of a month ("earlier
        # killings in August") names no day: it makes no pair with an event of that month.
        sx, sy = span(x["date"]), span(y["date"])
        to_the_week = all((s[1] - s[0]).days <= 7 for s in (sx, sy))
        same_days = to_the_week and overlap(sx, sy, slack=0)
        return near and same_days and x["event_type"] == y["event_type"]

    tp = fp = fn = 0
    for a, b in itertools.combinations(matched, 2):
        if a[0] == b[0]:
            continue
        ca, cb = cluster.get((a[0], a[1])), cluster.get((b[0], b[1]))
        predicted = ca is not None and ca == cb
        truth = same_event(a, b)
        if predicted and truth:
            tp += 1
        elif predicted:
            fp += 1
            print(f"false merge: {os.path.basename(a[0])} {a[1]} + {os.path.basename(b[0])} {b[1]}")
        elif truth:
            fn += 1
            print(f"missed: {os.path.basename(a[0])} {a[1]} + {os.path.basename(b[0])} {b[1]}")
            print(f"    {why_missed(a, b, cluster, files_of, apart_why)}")
    # The most any merge can reach: reports of one document never merge, so an event the
    # extractor split into n incidents of one article pairs only one of them with each other
    # article's report (groups of one event by the pairs above; within a group, clusters
    # can take at most one incident per article).
    parent = list(range(len(matched)))

    def root(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (x, a), (y, b) in itertools.combinations(enumerate(matched), 2):
        if a[0] != b[0] and same_event(a, b):
            parent[root(x)] = root(y)
    per_group = {}
    for x, (f, _, _) in enumerate(matched):
        per_group.setdefault(root(x), {}).setdefault(f, 0)
        per_group[root(x)][f] += 1
    reachable = 0
    for docs in per_group.values():
        for k in range(1, max(docs.values()) + 1):
            n = sum(1 for c in docs.values() if c >= k)
            reachable += n * (n - 1) // 2
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    # The same pairs over article reports of one gold event: (article, gold incident) is the
    # unit, merged when any of the article's incidents for it merged with the other's (an
    # extractor that splits one event into several incidents of one article is not the merge
    # stage's miss).
    units = {}
    for f, i, k in matched:
        if k is not None:
            units.setdefault((f, k), []).append(cluster.get((f, i)))
    utp = ufp = ufn = 0
    for (ua, ca), (ub, cb) in itertools.combinations(units.items(), 2):
        if ua[0] == ub[0]:
            continue
        predicted = any(x is not None and x in cb for x in ca)
        truth = same_event((ua[0], None, ua[1]), (ub[0], None, ub[1]))
        utp += predicted and truth
        ufp += predicted and not truth
        ufn += truth and not predicted
        if predicted != truth:
            what = "false merge" if predicted else "missed"
            print(f"{what} (article-event): {os.path.basename(ua[0])} gold #{ua[1]} + "
                  f"{os.path.basename(ub[0])} gold #{ub[1]}")
    unextracted(gold, matched, same_event)
    print(f"articles {len(files)}; incidents {len(apart)} apart → {merged['incidents']} merged "
          f"({len(merged['merged'])} merged incidents, {len(merged['kept_apart'])} near-misses kept apart)")
    print(f"pairs: true merges {tp}, false merges {fp}, missed {fn}; "
          f"precision {precision:.3f}, recall {recall:.3f}")
    if tp + fn:
        print(f"  (at most {min(reachable, tp + fn)} of the {tp + fn} same-event pairs can merge: "
              f"incidents of one article never merge; pairwise recall ceiling "
              f"{min(reachable, tp + fn) / (tp + fn):.3f})")
    up = utp / (utp + ufp) if utp + ufp else 1.0
    ur = utp / (utp + ufn) if utp + ufn else 1.0
    print(f"article-event pairs: true merges {utp}, false merges {ufp}, missed {ufn}; "
          f"precision {up:.3f}, recall {ur:.3f}")


if __name__ == "__main__":
    main()
