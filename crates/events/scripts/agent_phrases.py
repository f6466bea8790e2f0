#!/usr/bin/env python3
"""Converts the multi-word entries of the PETRARCH-2 / Phoenix agents dictionary
(Phoenix.agents.txt, MIT licence, Open Event Data Alliance) into
data/events/agent_phrases.tsv: one phrase per line (lower case, words
separated by spaces, its last word singular) with its CAMEO sector, the first
three letters of its agent code ("coast guard" → MIL, "air force" → MIL,
"chamber of commerce" → BUS).

The event coder (crates/events/src/coder/arguments.rs, phrase_sector) gives a
party with no sector whose words end in one of these phrases ("the U.S. Coast
Guard") the phrase's sector, after the hand-chosen phrases of
data/events/sector_phrases.tsv. The single-word entries are
data/events/agents.tsv (crates/events/scripts/agent_nouns.py). Substitution
sets (!PERSON!) are expanded; an entry whose words hold anything but letters,
hyphens and apostrophes is left out; the first entry of a phrase wins.

usage: crates/events/scripts/agent_phrases.py [DICT_DIR] > data/events/agent_phrases.tsv
"""
import re
import sys
from pathlib import Path

# the dictionary reader is the single-word converter's (one parser of the file)
sys.path.insert(0, str(Path(__file__).resolve().parent))
from agent_nouns import entries  # noqa: E402

rows = {}
for f, code in entries(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/petrarch2-dictionaries"):
    f = f.strip("_")
    if "_" not in f:
        continue
    words = [w for w in f.split("_") if w]
    if len(words) < 2 or not all(re.fullmatch(r"[A-Z][A-Z'\-]*", w) for w in words):
        continue
    rows.setdefault(" ".join(w.lower() for w in words), code[:3])

print("# source: PETRARCH-2 / Phoenix agents dictionary (Phoenix.agents.txt from openeventdata/petrarch2),")
print("# MIT licence, Copyright (c) 2014 Open Event Data Alliance; converted by crates/events/scripts/agent_phrases.py")
print("# (do not edit by hand). Multi-word agent phrases (last word singular) <TAB> CAMEO sector, read by")
print("# crates/events/src/coder/arguments.rs after the hand-chosen phrases of data/events/sector_phrases.tsv.")
for w in sorted(rows):
    print(f"{w}\t{rows[w]}")
