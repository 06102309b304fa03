#!/usr/bin/env python3
"""Derive basemap/country_names.tsv: country names in the map languages other than English.

Usage (Python >= 3.11; needs PyPI once, to install the pinned pycountry into a private venv):
    python3 scripts/build-country-names.py            # build basemap/country_names.tsv
    python3 scripts/build-country-names.py --check    # only verify the existing file

Source: the ISO 3166-1 translations of Debian's iso-codes project as shipped inside the PyPI
package pycountry (pinned below, with its SHA-256): `locales/<lang>/LC_MESSAGES/iso3166-1.mo`.
Licence of the translations: LGPL-2.1-or-later (iso-codes); the derived table keeps that
licence (see basemap/PROVENANCE.md). The map takes a country's English name from Natural
Earth; with `--lang nl` it looks the country's ISO alpha-2 code up in this table instead.

For each country the translation of ISO's common name (or its name) is used. Names ISO writes
in inverted catalogue form ("Palestina, Staat") get the form a map prints, from the OVERRIDES
table below. Output is deterministic: rows sorted by code, one column per language.
"""
import argparse
import gettext
import hashlib
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "basemap" / "country_names.tsv"
VENV = Path(os.environ.get("COUNTRY_NAMES_VENV", "/tmp/incimap-country-names-venv"))
PYCOUNTRY = "pycountry==26.2.16"
# The .mo catalogue per language and its SHA-256 (checked, so a rerun gives the same bytes).
CATALOGUES = {
    "nl": ("iso3166-1.mo", "b0f5df85aa5de79cd87b9edb4db887b8861d894934c4722fb46f28410a2d4a59"),
}
LANGS = ["nl"]
# Catalogue forms a map should not print (inverted names, long official forms).
OVERRIDES = {
    "nl": {
        "BQ": "Caribisch Nederland",
        "CC": "Cocoseilanden",
        "CD": "DR Congo",
        "FK": "Falklandeilanden",
        "MF": "Sint-Maarten (Frans)",
        "PS": "Palestina",
        "SH": "Sint-Helena",
        "SX": "Sint Maarten",
        "UM": "Kleine afgelegen eilanden (VS)",
        "VA": "Vaticaanstad",
        "VG": "Britse Maagdeneilanden",
        "VI": "Amerikaanse Maagdeneilanden",
    }
}


def ensure_venv():
    try:
        import pycountry  # noqa: F401
        from importlib import metadata
        if metadata.version("pycountry") == PYCOUNTRY.split("==")[1]:
            return
    except ImportError:
        pass
    py = VENV / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(py), "-m", "pip", "install", "-q", PYCOUNTRY], check=True)
    os.execv(str(py), [str(py), *sys.argv])


def table():
    import pycountry
    rows = []
    catalogues = {}
    for lang in LANGS:
        name, pinned = CATALOGUES[lang]
        path = Path(pycountry.LOCALES_DIR) / lang / "LC_MESSAGES" / name
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != pinned:
            sys.exit(f"{path}: sha256 {digest} != pinned {pinned}")
        with open(path, "rb") as f:
            catalogues[lang] = gettext.GNUTranslations(f)
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        english = getattr(country, "common_name", None) or country.name
        names = []
        for lang in LANGS:
            name = OVERRIDES[lang].get(country.alpha_2) or catalogues[lang].gettext(english)
            if "," in name or "\t" in name:
                sys.exit(f"{country.alpha_2}: '{name}' needs an entry in OVERRIDES")
            names.append(name)
        rows.append([country.alpha_2, *names])
    return rows


def render(rows):
    lines = ["\t".join(["iso_a2", *LANGS])]
    lines += ["\t".join(r) for r in rows]
    return "\n".join(lines) + "\n"


def check(text):
    rows = [line.split("\t") for line in text.splitlines()]
    ok = rows[0] == ["iso_a2", *LANGS] and len(rows) > 240
    by_code = {r[0]: r for r in rows[1:]}
    expected = {"SY": "Syrië", "IQ": "Irak", "TR": "Turkije", "SA": "Saoedi-Arabië", "UA": "Oekraïne"}
    for code, name in expected.items():
        got = by_code.get(code, [None, None])[1]
        print(f"check {code} nl = {got!r}", file=sys.stderr)
        ok = ok and got == name
    ok = ok and all(len(r) == len(LANGS) + 1 and all(r) for r in rows)
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    if args.check:
        sys.exit(0 if check(OUT.read_text(encoding="utf-8")) else 1)
    ensure_venv()
    text = render(table())
    if not check(text):
        sys.exit("verification failed")
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(text.splitlines()) - 1} countries)", file=sys.stderr)


if __name__ == "__main__":
    main()
