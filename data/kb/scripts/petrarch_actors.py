#!/usr/bin/env python3
"""Converts the PETRARCH-2 / Phoenix actor dictionaries (TABARI format; MIT
licence, Copyright (c) 2014 Open Event Data Alliance) into chronicle's own
knowledge-base files:

  data/kb/actors.tsv       one row per actor: id, name, aliases, type, same_as, source
  data/kb/actor_roles.tsv  one row per date-ranged role: id, code, country, sector, from, to

usage (from the repository root):
  data/kb/scripts/petrarch_actors.py [DICT_DIR]
DICT_DIR defaults to ../shared/data/petrarch2-dictionaries. Standard library
only; the output depends only on the inputs (same input, same bytes).

What the conversion does, in order:

1. Reads records: a name line (words joined by `_` or spaces, an optional
   `[CODE ...]`), `+ALIAS` lines, and `[CODE restriction]` lines, where the
   restriction is `>date` (from), `<date` (until), `date-date` or nothing (the
   default role, used when no dated role covers a day). Dates are YYYYMMDD or
   YYMMDD; a two-digit year below 30 is 20YY, else 19YY. A role whose date
   does not parse (`9008223`) is dropped and counted.
2. Splits each CAMEO code into country and sector: the first three letters are
   a country (ISO alpha-3 or a CAMEO code that countries.tsv maps to one,
   `ROM` → ROU), `IGO` (then `UNO` → country UNO, `EUR` → EUR for EU bodies,
   anything else → IGO), `NGO`, `IMG` (transnational militant group) or a
   region or unknown code (`AFR`, `MEA`, `WST`, `USR` …: no country). The
   sector is the first later three-letter piece that is a CAMEO role code
   (SECTORS below), except that a government's legislative branch is LEG
   (`USAGOVLEG` → USA LEG): `ARGGOVDEV` → ARG GOV, `IGOUNOJUDICJ` → UNO JUD,
   `LBYREB` → LBY REB, `[ELI]` → no country, ELI. `---` is the null code
   and makes no role.
3. Cleans names (the filter against harmful names): a parenthesised part is
   removed; leading titles and honorifics (any word of data/ner/titles.tsv,
   and a country name or demonym just before one: "US President Barack
   Obama" → "Barack Obama"), and LEADING / TRAILING words ("the", "Obama
   administration" → "Obama") are stripped. A name is then dropped when it is a
   single word of fewer than four letters, or a single word that is a common
   word (a function word from data/clean/stopwords.tsv, an agent noun from
   data/events/agents.tsv, a title word, an ORG_WORDS word) or a country name, demonym or
   capital (those belong to countries.tsv), or when every word is such a
   common word (pure titles: "Prime Minister", "Defense Ministry"). Last, a
   one-word person name that is the first word of another person's name (a
   given name: "Hassan") is dropped.
4. Drops the country-level records of Phoenix.Countries (a country with its
   cities and provinces as aliases, named by a country name or coded by
   country alone): countries.tsv
   and places.tsv cover them. A record left with no name or no role is
   dropped.
5. Types each record: `organization` when a word of its name (as written,
   before step 3's stripping) is an
   institution word (ORG_WORDS below) or it comes from the MilNonState file,
   or from the International file with no personal role pattern; else
   `person`.
6. Merges records of one actor: two person records with the same country
   that share a name of two or more words (after dropping the particles
   al/el/bin/...) become one ("Muammar al Qaddafi" and "Muammar Gaddafi");
   so do two organisation records with the same country and name.
7. Links to the hand-made KB: a record whose name or alias equals (folded) a
   person's name or alias in office_holders.tsv, or an organisation's in
   organizations.tsv, gets that id in `same_as`. The hand-made KB is newer and
   wins: a linked person's dated roles are cut to end the day before the
   person's earliest hand-recorded office starts (the default role stays).
"""
import re
import sys
import unicodedata
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
KB = ROOT / "data" / "kb"
SRC = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".." / "shared" / "data" / "petrarch2-dictionaries"
FILES = [
    ("countries", "Phoenix.Countries.actors.txt"),
    ("international", "Phoenix.International.actors.txt"),
    ("milnonstate", "Phoenix.MilNonState.actors.txt"),
]

# CAMEO role codes that become the sector (CAMEO codebook, actor chapter).
SECTORS = set(
    "GOV MIL REB OPP PTY COP JUD SPY LEG CVL BUS MED EDU ELI HLH HRI REF REL LAB AGR DEV ENV CRM "
    "INS UAF SEP MOD RAD AMN IRC GRN UNR".split()
)
# Words that make a name an institution rather than a person.
ORG_WORDS = set(
    "ministry ministries party army armies council committee front movement organization organisation "
    "union association agency bank court commission government forces force brigade brigades group "
    "groups league federation institute society fund program programme office department police navy "
    "company corporation authority assembly parliament congress senate network alliance coalition "
    "mission guard guards corps battalion tribunal center centre foundation service services liberation "
    "revolutionary news radio television tv times post press university church board cabinet "
    "administration regime junta militia militias rebels insurgents army's community secretariat "
    "conference forum initiative bureau academy council's unit units division command ministry's "
    "embassy consulate airline airlines airways oil petroleum industries holdings group's trust "
    "brotherhood jihad mujahideen mujahedin taliban hezbollah hizbollah hamas fatah al-qaeda qaeda "
    "battalions squad squads cell cells nations states club institution institutions legion".split()
)
# Name particles: not capitalised, ignored when merging records.
PARTICLES = set("al el bin ibn bint abu de del della da di du van von der den la le of the and for y e".split())
# Words stripped before a name ("the", "former") and after it ("Obama administration").
LEADING = set("the former acting late u.s. us u.n. un".split())
TRAILING = set("administration government regime camp".split())
HONORIFICS = set("mr mrs ms dr sir sheikh sheik mullah ayatollah imam colonel col gen general maj lt sgt capt "
                 "king queen prince princess emir crown president-elect premier-elect".split())


def fold(s):
    """As chronicle's kb::fold: lower case, diacritics dropped, -yy/-iy/-ij → -y."""
    out = []
    for w in s.split():
        w = "".join(c for c in unicodedata.normalize("NFD", w.lower()) if not unicodedata.combining(c))
        w = w.replace("\u2019", "'").replace("\u2018", "'")
        if len(w) >= 5 and w[-2:] in ("yy", "iy", "ij"):
            w = w[:-2] + "y"
        out.append(w)
    return " ".join(out)


def tsv_rows(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def load_context():
    """Word groups from chronicle's own data files (see the module docstring)."""
    country_codes, country_words = {}, set()
    for c in tsv_rows(KB / "countries.tsv"):
        iso3 = c[0].strip()
        country_codes[iso3] = iso3
        if len(c) > 6 and c[6].strip():
            country_codes[c[6].strip()] = iso3
        for cell in c[2:6]:
            for n in cell.split("|"):
                if n.strip():
                    country_words.add(fold(n))
    common = set()
    for line in (ROOT / "data" / "clean" / "stopwords.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("en\t"):
            common.update(line.split("\t", 1)[1].split())
    for c in tsv_rows(ROOT / "data" / "events" / "agents.tsv"):
        common.add(c[0].strip().lower())
        common.add(c[0].strip().lower() + "s")
    titles = set(HONORIFICS)
    for c in tsv_rows(ROOT / "data" / "ner" / "titles.tsv"):
        titles.update(c[0].strip().lower().split())
    common |= titles
    hand_people, hand_from = {}, {}
    for c in tsv_rows(KB / "office_holders.tsv"):
        pid = c[0].strip()
        for n in [c[1]] + c[2].split("|"):
            if n.strip():
                hand_people.setdefault(fold(n), pid)
        if len(c) > 5 and c[5].strip():
            start = parse_iso(c[5].strip())
            if pid not in hand_from or start < hand_from[pid]:
                hand_from[pid] = start
        else:
            hand_from.setdefault(pid, None)
    hand_orgs = {}
    for c in tsv_rows(KB / "organizations.tsv"):
        for n in [c[1]] + c[2].split("|"):
            n = re.sub(r"^the\s+", "", n.strip(), flags=re.I)
            if n:
                hand_orgs.setdefault(fold(n), c[0].strip())
    return country_codes, country_words, common, titles, hand_people, hand_from, hand_orgs


def parse_iso(s):
    parts = [int(x) for x in s.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def parse_date(s):
    s = s.strip()
    if not s.isdigit() or len(s) not in (6, 8):
        return None
    if len(s) == 6:
        yy = int(s[:2])
        s = ("20" if yy < 30 else "19") + s
    try:
        return date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    except ValueError:
        return None


def parse_restriction(r):
    """`>d`, `<d`, `d-d` or empty → (ok, from, to)."""
    r = r.replace(" ", "")
    if not r:
        return True, None, None
    if r[0] == ">":
        d = parse_date(r[1:])
        return d is not None, d, None
    if r[0] == "<":
        d = parse_date(r[1:])
        return d is not None, None, d
    if "-" in r:
        a, b = r.split("-", 1)
        da, db = parse_date(a), parse_date(b)
        return da is not None and db is not None and da <= db, da, db
    return False, None, None


def split_code(code, country_codes):
    """CAMEO actor code → (country, sector); see step 2."""
    pieces = [code[i:i + 3] for i in range(0, len(code) - len(code) % 3, 3)]
    if not pieces:
        return "", ""
    head, rest = pieces[0], pieces[1:]
    if head == "IGO":
        nxt = rest[0] if rest else ""
        country = {"UNO": "UNO", "EUR": "EUR"}.get(nxt, "IGO")
    elif head in ("NGO", "IMG"):
        country = head
    elif head in country_codes:
        country = country_codes[head]
    elif head in SECTORS:
        return "", head
    else:
        country = ""
    sector = next((p for p in rest if p in SECTORS), "")
    if sector == "GOV" and "LEG" in rest[rest.index("GOV") + 1:]:
        # `USAGOVLEG`: a government's legislative branch is the legislature
        # (docs/ANNOTATION.md codes legislators LEG)
        sector = "LEG"
    if not sector and head in ("IGO", "NGO"):
        # an international body with no finer role: its sector is its kind
        # (docs/ANNOTATION.md: `UNO IGO` for the United Nations)
        sector = head
    return country, sector


def read_records(kind, path, stats):
    records, cur = [], None
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = re.findall(r"\[([^\]]*)\]", line)
        text = re.sub(r"\[[^\]]*\]", " ", line).strip()
        if raw[0] in " \t" or line.lstrip().startswith("["):
            pass
        elif text.startswith("+"):
            if cur is not None:
                cur["names"].extend(t for t in text.split("+") if t.strip())
        else:
            cur = {"source": kind, "names": [text], "roles": []}
            records.append(cur)
        if cur is None:
            continue
        for c in codes:
            parts = c.split(None, 1)
            if not parts or parts[0] == "---":
                continue
            ok, frm, to = parse_restriction(parts[1] if len(parts) > 1 else "")
            if not ok:
                stats["bad dates"] += 1
                continue
            cur["roles"].append((parts[0], frm, to))
    return records


def clean_name(raw, ctx):
    """Step 3: the name's words (lower case) or None when it would do harm."""
    country_words, common, titles = ctx
    s = re.sub(r"\([^)]*\)", " ", raw)
    words = [w for w in re.split(r"[_\s]+", s.strip().lower()) if w and w not in ("-",)]
    words = [w.strip(",;:") for w in words if w.strip(",;:")]
    changed = True
    while changed and len(words) > 1:
        changed = False
        if words[0] in titles or words[0] in LEADING:
            words.pop(0)
            changed = True
            continue
        for k in (3, 2, 1):
            if len(words) > k and fold(" ".join(words[:k])) in country_words and words[k] in titles:
                del words[:k]
                changed = True
                break
    while len(words) > 1 and words[-1] in TRAILING:
        words.pop()
    if not words:
        return None
    if len(words) == 1:
        w = words[0]
        if len(re.sub(r"[^a-z]", "", w)) < 4 or w in common or w in ORG_WORDS or fold(w) in country_words:
            return None
    if all(w in common or w in PARTICLES for w in words):
        return None
    if fold(" ".join(words)) in country_words:
        return None
    return words


def display(words):
    """Words → a display name: particles lower case, others capitalised per hyphen/apostrophe part."""
    def cap(w):
        if w in PARTICLES:
            return w
        return "-".join("'".join(p[:1].upper() + p[1:] if len(p) > 1 or i == 0 else p for i, p in enumerate(part.split("'"))) for part in w.split("-"))
    out = [cap(w) for w in words]
    if out and out[0] in PARTICLES:
        out[0] = out[0][:1].upper() + out[0][1:]
    return " ".join(out)


def slug(s):
    return re.sub(r"[^a-z0-9]+", "-", fold(s)).strip("-")


def main():
    country_codes, country_words, common, titles, hand_people, hand_from, hand_orgs = load_context()
    ctx = (country_words, common, titles)
    stats = {"records": 0, "bad dates": 0, "country-level": 0, "no name": 0, "no role": 0, "merged": 0}
    actors = []
    for kind, fname in FILES:
        for rec in read_records(kind, SRC / fname, stats):
            stats["records"] += 1
            roles = []
            for code, frm, to in rec["roles"]:
                country, sector = split_code(code, country_codes)
                if country or sector:
                    roles.append((code, country, sector, frm, to))
            first = re.sub(r"[_\s]+", " ", re.sub(r"\[[^\]]*\]", " ", rec["names"][0])).strip()
            if kind == "countries" and (not any(r[2] for r in roles) or fold(first) in country_words):
                stats["country-level"] += 1
                continue
            if not roles:
                stats["no role"] += 1
                continue
            names = []
            for n in rec["names"]:
                w = clean_name(n, ctx)
                if w is not None and display(w) not in names:
                    names.append(display(w))
            if not names:
                stats["no name"] += 1
                continue
            raw_first = re.sub(r"[_\s]+", " ", re.sub(r"\([^)]*\)", " ", rec["names"][0])).strip()
            head_words = set(fold(raw_first).split()) | set(fold(names[0]).split())
            if head_words & ORG_WORDS or kind == "milnonstate":
                typ = "organization"
            elif kind == "international" and not any(r[3] or r[4] for r in roles) and len(head_words) > 3:
                typ = "organization"
            else:
                typ = "person"
            actors.append({"names": names, "type": typ, "source": kind, "roles": roles})

    # step 6: merge person records of one country sharing a multi-word name
    def keys(a):
        out = set()
        for n in a["names"]:
            ws = [w for w in fold(n).split() if w not in PARTICLES]
            if len(ws) >= 2:
                out.add(" ".join(ws))
        return out

    def country_of(a):
        return next((r[1] for r in a["roles"] if r[1]), "")

    merged, by_key = [], {}
    for a in actors:
        target = None
        if a["type"] == "organization":
            target = by_key.get((country_of(a), "org:" + fold(a["names"][0])))
        else:
            for k in sorted(keys(a)):
                t = by_key.get((country_of(a), k))
                if t is not None:
                    target = t
                    break
        if target is None:
            merged.append(a)
            target = a
        else:
            stats["merged"] += 1
            for n in a["names"]:
                if n not in target["names"]:
                    target["names"].append(n)
            target["roles"].extend(a["roles"])
        if a["type"] == "person":
            for k in keys(a):
                by_key.setdefault((country_of(a), k), target)
        else:
            by_key.setdefault((country_of(a), "org:" + fold(a["names"][0])), target)

    # step 3, last filter: a one-word person name that starts another
    # person's name is a given name ("Hassan"), not this person's name
    given = {fold(n).split()[0] for a in merged if a["type"] == "person" for n in a["names"] if len(n.split()) >= 2}
    kept = []
    for a in merged:
        if a["type"] == "person":
            a["names"] = [n for n in a["names"] if len(n.split()) >= 2 or fold(n) not in given]
        if a["names"]:
            kept.append(a)
        else:
            stats["no name"] += 1
    merged = kept

    # step 7 and ids
    used = set()
    actor_rows, role_rows = [], []
    for a in merged:
        same_as = ""
        for n in a["names"]:
            f = fold(n)
            if a["type"] == "person" and f in hand_people and len(f.split()) >= 2:
                same_as = hand_people[f]
                break
            if a["type"] == "organization" and f in hand_orgs:
                same_as = hand_orgs[f]
                break
        base = slug(a["names"][0]) or "actor"
        aid, k = base, 2
        while aid in used:
            aid, k = f"{base}-{k}", k + 1
        used.add(aid)
        roles = a["roles"]
        cut = hand_from.get(same_as) if a["type"] == "person" else None
        if cut is not None:
            last = cut - timedelta(days=1)
            kept = []
            for code, country, sector, frm, to in roles:
                if frm is None and to is None:
                    kept.append((code, country, sector, frm, to))
                elif frm is None or frm <= last:
                    kept.append((code, country, sector, frm, min(to, last) if to else last))
            roles = kept
        # dated roles first, the default (undated) roles last, each in source order
        roles = [r for r in roles if r[3] or r[4]] + [r for r in roles if not (r[3] or r[4])]
        seen = set()
        for code, country, sector, frm, to in roles:
            row = (aid, code, country, sector, frm.isoformat() if frm else "", to.isoformat() if to else "")
            if row not in seen:
                seen.add(row)
                role_rows.append(row)
        actor_rows.append((aid, a["names"][0], "|".join(a["names"][1:]), a["type"], same_as, a["source"]))

    header = (
        "# source: PETRARCH-2 / Phoenix actor dictionaries (Phoenix.Countries.actors.txt,\n"
        "# Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt from openeventdata/petrarch2,\n"
        "# commit 676801cd9cb2924bbbad09f86d15c9323e7097bf), MIT licence, Copyright (c) 2014 Open Event Data\n"
        "# Alliance; converted by data/kb/scripts/petrarch_actors.py (do not edit by hand: edit the script\n"
        "# or add rows to office_holders.tsv / organizations.tsv, which win). Coverage ends about 2015.\n"
    )
    with open(KB / "actors.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        f.write("# One actor per row: a person, institution, international or non-state group.\n"
                "#   id       stable slug; actor_roles.tsv refers to it\n"
                "#   name     display name; aliases: other spellings (| separated), titles stripped\n"
                "#   type     person | organization\n"
                "#   same_as  the person_id (office_holders.tsv) or id (organizations.tsv) of the same\n"
                "#            actor in the hand-made KB, whose facts win for the dates they cover\n"
                "#   source   countries | international | milnonstate (which PETRARCH file)\n")
        f.write("# columns: id\tname\taliases\ttype\tsame_as\tsource\n")
        for r in actor_rows:
            f.write("\t".join(r) + "\n")
    with open(KB / "actor_roles.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        f.write("# One date-ranged role of an actor per row (from the PETRARCH [CODE date] lines).\n"
                "#   id       actor id in actors.tsv\n"
                "#   code     the CAMEO actor code as written (USAGOV, IGOUNOJUDICJ, LBYREB)\n"
                "#   country  ISO alpha-3, or UNO / EUR / IGO / NGO / IMG; empty for regions and unknown codes\n"
                "#   sector   CAMEO role code (GOV, MIL, REB, ELI, ...); empty when the code has none\n"
                "#   from/to  first and last day (inclusive); empty = open. A row with both empty is the\n"
                "#            actor's default role, used when no dated role covers the day.\n")
        f.write("# columns: id\tcode\tcountry\tsector\tfrom\tto\n")
        for r in role_rows:
            f.write("\t".join(r) + "\n")
    stats["actors"] = len(actor_rows)
    stats["roles"] = len(role_rows)
    stats["same_as"] = sum(1 for r in actor_rows if r[4])
    print(" ".join(f"{k}={v}" for k, v in stats.items()), file=sys.stderr)


if __name__ == "__main__":
    main()
