#!/usr/bin/env python3
"""Converts the PETRARCH-2 / Phoenix agents dictionary (Phoenix.agents.txt,
MIT licence, Open Event Data Alliance) into data/events/agents.tsv: one
single-word agent noun per line with its CAMEO agent code ("troop" → MIL).

The event coder reads the file to know which nouns name a party (a person,
a group, an institution) rather than a thing, for its event-ness rules.
Multi-word entries are left out: the coder looks up a phrase's head noun.

usage: crates/events/scripts/agent_nouns.py [DICT_DIR] > data/events/agents.tsv
"""
import re
import sys
from pathlib import Path


def entries(dict_dir):
    """Every (word, code) of Phoenix.agents.txt, substitution sets (!PERSON!)
    expanded: the word as written (multi-word entries joined by `_`), the code
    in brackets. Shared with crates/events/scripts/agent_phrases.py."""
    src = Path(dict_dir) / "Phoenix.agents.txt"
    subs = {}
    for line in src.read_text(encoding="latin-1").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = re.match(r"^([A-Z!'\-_]+)\s*(\{[^}]*\})?\s*\[~?([A-Z]+)\]", line)
        if not m:
            continue
        word, code = m.group(1), m.group(3)
        forms = [word]
        for key, alts in subs.items():
            if key in word:
                forms = [f.replace(key, a) for f in forms for a in alts]
        for f in forms:
            yield f, code


def main():
    rows = {}
    for f, code in entries(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/petrarch2-dictionaries"):
        if "_" in f or "!" in f or not re.fullmatch(r"[A-Z][A-Z'\-]*", f) or len(f) < 3:
            continue
        rows.setdefault(f.lower(), code)
    print("# source: PETRARCH-2 / Phoenix agents dictionary (Phoenix.agents.txt from openeventdata/petrarch2),")
    print("# MIT licence, Copyright (c) 2014 Open Event Data Alliance; converted by crates/events/scripts/agent_nouns.py.")
    print("# Single-word agent nouns (singular; the coder compares lemmas) <TAB> CAMEO agent code (MIL, GOV, REB, …).")
    for w in sorted(rows):
        print(f"{w}\t{rows[w]}")


if __name__ == "__main__":
    main()
