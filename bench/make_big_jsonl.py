#!/usr/bin/env python3
"""Writes a JSONL of N documents for the peak-RSS run: the Reuters-21578
stories (title + body, hard-wrapped lines reflowed into paragraphs as
chronicle-bench's `reflow` does), repeated with a per-copy marker in the
title and body so that every line has a distinct id.

Usage: bench/make_big_jsonl.py [--n 100000] [--out /tmp/chronicle-big.jsonl]
"""
import argparse
import glob
import html
import json
import os
import re
import sys


def stories(data):
    for path in sorted(glob.glob(os.path.join(data, "reuters21578", "*.sgm"))):
        with open(path, "rb") as fh:
            sgml = fh.read().decode("utf-8", "replace")
        for chunk in sgml.split("</REUTERS>"):
            body = re.search(r"<BODY>(.*?)</BODY>", chunk, re.S)
            if not body:
                continue
            title = re.search(r"<TITLE>(.*?)</TITLE>", chunk, re.S)
            date = re.search(r"<DATE>(.*?)</DATE>", chunk, re.S)
            text = html.unescape(body.group(1)).rstrip(" \n\x03")
            text = re.sub(r"\s*Reuter$", "", text)
            paras, cur = [], []
            for line in text.splitlines():
                if (line[:1].isspace() or not line.strip()) and cur:
                    paras.append(" ".join(cur))
                    cur = []
                if line.strip():
                    cur.append(line.strip())
            if cur:
                paras.append(" ".join(cur))
            yield (html.unescape(title.group(1)) if title else ""), "\n\n".join(paras), (date.group(1).strip() if date else None)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("CHRONICLE_EVAL_DATA", os.path.join(here, "..", "..", "shared", "data")))
    ap.add_argument("--n", type=int, default=100000)
    ap.add_argument("--out", default="/tmp/chronicle-big.jsonl")
    args = ap.parse_args()
    base = list(stories(args.data))
    if not base:
        print("skipped: reuters21578 not found")
        return 0
    written = 0
    with open(args.out, "w", encoding="utf-8") as out:
        copy = 0
        while written < args.n:
            copy += 1
            for title, body, date in base:
                if written >= args.n:
                    break
                rec = {"title": f"{title} (copy {copy})", "text": f"{title}\n\n{body}\n\nThis is copy {copy} of the story."}
                out.write(json.dumps(rec) + "\n")
                written += 1
    print(f"wrote {written} documents ({len(base)} stories × {copy} copies) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
