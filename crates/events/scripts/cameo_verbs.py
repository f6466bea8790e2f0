#!/usr/bin/env python3
"""Converts the CAMEO verb dictionary of PETRARCH-2 into chronicle trigger rows.

    python3 crates/events/scripts/cameo_verbs.py \
        ../shared/data/petrarch2-dictionaries/CAMEO.verbpatterns.150430.txt \
        ../shared/data/plover-gsr/CAMEO2PLOVER-2021.txt > data/events/cameo_verbs.tsv

What is kept: the verbs the dictionary's editors coded themselves — each verb block's head
(`--- NAME [code] ---`) and every verb line with its own `[code]` — with their irregular forms
(`{FOUGHT FIGHTING}`), mapped to PLOVER through CAMEO2PLOVER (longest code prefix that the
table lists; of a source:target pair like `042:043`, the source's). The other verb lines of a
block are WordNet synonyms that inherit the block's code ("ponder" under CONSULT, "inhabit"
under SEIZE): measured on the PLOVER dev set they add no right event and some wrong ones, so
they are left out. The phrase patterns (`- * ... [code]`) are not converted: they read PETRARCH's
constituency parses, which chronicle does not make.

What is dropped, and why:
- codes `---` (PETRARCH's "not an event") and codes the PLOVER table does not map (CAMEO 01
  "make statement" and 02 "appeal": verbs of saying, not acts);
- verbs whose first word already starts a row of `triggers.tsv` (the hand-written lexicon
  wins: it carries modes, frames and quantities);
- verbs listed under two blocks with different PLOVER types (the dictionary cannot say which
  sense a sentence uses);
- light and very general verbs (LIGHT below): they head most English clauses and are events
  only through their objects, which the patterns, not the verb, encode.

The rows are matched only on a token the tagger calls a VERB, and the coder codes them only
when the tree gives the verb both a party as subject and a party as object or recipient
(frame `dictionary`), so a verb known only from the dictionary never codes an event with a
missing side.

Source data: CAMEO.verbpatterns.150430.txt, Copyright (c) 2015 Open Event Data Alliance,
MIT License; CAMEO2PLOVER-2021.txt from openeventdata/PLOVER (CC BY-SA 4.0).
"""
import re
import sys

LIGHT = {
    "be", "have", "do", "make", "take", "give", "get", "go", "come", "put", "set", "keep", "let",
    "see", "run", "turn", "bring", "call", "play", "leave", "show", "move", "hold", "say", "tell",
    "use", "work", "try", "find", "look", "want", "need", "become", "seem", "feel", "know",
    "think", "mean", "start", "begin", "end", "stop", "continue", "change", "follow", "lead",
    "pass", "report", "add", "note", "open", "close", "carry", "raise", "reach", "cover",
    "form", "join", "link", "table", "meet", "push", "press", "hit", "pull", "drop", "cut",
    "fall", "rise", "face", "mark", "stand", "sit", "lie", "live", "grow", "include",
}


def plover_table(path):
    table = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^(\d+):\s*([^#]*)", line)
        if not m:
            continue
        parts = [p.strip() for p in m.group(2).split(",")]
        if not parts or not parts[0]:
            continue
        mode = parts[1] if len(parts) > 1 and parts[1] else "-"
        context = parts[2].replace(";", ",").replace(" ", "") if len(parts) > 2 and parts[2] else "-"
        table[m.group(1)] = (parts[0], mode, context or "-")
    return table


def to_plover(code, table):
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def verbs(path):
    """(verb words, forms, code) for every verb line and block header."""
    block = None
    for raw in open(path, encoding="utf-8", errors="replace"):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.startswith(("-", "+", "&")) and not line.startswith("---"):
            continue
        head = re.match(r"^---\s+(\S+)\s*\[([^\]]*)\]\s*---", line)
        if head:
            block = head.group(2).strip()
            # a one-word head is a verb; a joined one ("PHYSICAL_CONFLICT") names the block
            if "_" not in head.group(1):
                yield head.group(1), [], block
            continue
        if block is None or line.startswith(("+", "&", "-")):
            continue
        m = re.match(r"^\s*([A-Z][A-Z_'-]*)\s*(\{[^}]*\})?\s*(\[([^\]]*)\])?", line)
        if m and m.group(4):
            forms = m.group(2).strip("{} ").split() if m.group(2) else []
            yield m.group(1), forms, m.group(4).strip()


def main():
    verb_file, plover_file = sys.argv[1], sys.argv[2]
    table = plover_table(plover_file)
    existing, prefixes = set(), []
    for line in open("data/events/triggers.tsv", encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        first = line.split("\t")[0].split()[0]
        for alt in first.split("|"):
            if alt.endswith("*"):
                prefixes.append(alt.rstrip("*").lower())
            else:
                existing.add(alt.lower())
    rows = {}
    clash = set()
    for word, forms, code in verbs(verb_file):
        code = (code or "").split(":")[0]
        if not re.fullmatch(r"\d+", code):
            continue
        mapped = to_plover(code, table)
        if not mapped:
            continue
        words = word.lower().replace("_", " ").split()
        covered = words and (words[0] in existing or any(words[0].startswith(p) for p in prefixes))
        if not words or covered or (len(words) == 1 and words[0] in LIGHT):
            continue
        key = " ".join(words)
        if key in rows and rows[key][1][0] != mapped[0]:
            clash.add(key)
            continue
        rows.setdefault(key, ([f.lower() for f in forms], mapped, code))
    print("# source: CAMEO.verbpatterns.150430.txt (PETRARCH-2 dictionaries, Copyright (c) 2015 Open Event")
    print("# Data Alliance, MIT License) mapped to PLOVER with CAMEO2PLOVER-2021.txt (openeventdata/PLOVER).")
    print("# Generated by crates/events/scripts/cameo_verbs.py (see its docstring for what is kept and")
    print("# dropped); edit the script, not this file. Columns as in triggers.tsv; the `cameo` column holds")
    print("# the verb's full CAMEO code. Frame `dictionary`: matched only on a verb, and coded only with a")
    print("# party on both sides (subject, and object or recipient).")
    print("#")
    print("# pattern\ttype\tmode\tcameo\tgoverns\tframe\tcounts\tcontext")
    for key in sorted(rows):
        if key in clash:
            continue
        forms, (ptype, mode, context), code = rows[key]
        words = key.split()
        first = "|".join([words[0]] + [f for f in forms if " " not in f and f != words[0]]) if len(words) == 1 else words[0]
        pattern = " ".join([first] + words[1:])
        print(f"{pattern}\t{ptype}\t{mode}\t{code}\t-\tverb,dictionary\t-\t{context}")


if __name__ == "__main__":
    main()
