# Writes Reuters-21578 stories (COPIES times, each copy with a distinguishing suffix) as JSONL for the load benchmark.
# usage: python3 bench/load/gen.py COPIES OUT.jsonl   (reads /work/shared/data/reuters21578; exits if absent)
import re, json, glob, html, sys
if not glob.glob("/work/shared/data/reuters21578/reut2-*.sgm"):
    sys.exit("reuters21578 not found: skipping")
copies = int(sys.argv[1]) if len(sys.argv) > 1 else 6
out = sys.argv[2] if len(sys.argv) > 2 else "/tmp/reuters100k.jsonl"
stories = []
for f in sorted(glob.glob("/work/shared/data/reuters21578/reut2-*.sgm")):
    t = open(f, encoding="latin-1").read()
    for m in re.finditer(r"<REUTERS.*?</REUTERS>", t, re.S):
        b = m.group(0)
        body = re.search(r"<BODY>(.*?)</BODY>", b, re.S)
        if not body: continue
        title = re.search(r"<TITLE>(.*?)</TITLE>", b, re.S)
        date = re.search(r"<DATE>(.*?)</DATE>", b, re.S)
        title = html.unescape(title.group(1).strip()) if title else None
        text = html.unescape(body.group(1)).replace("\x03", "").strip()
        stories.append((title, date.group(1).strip() if date else None, text))
n = 0
with open(out, "w") as w:
    for k in range(copies):
        for i, (title, date, text) in enumerate(stories):
            t = (title or "") + (f" (copy {k})" if k else "")
            body = (t + "\n\n" if t else "") + text + (f"\n\nArchive copy {k}, item {i}." if k else "")
            rec = {"text": body, "outlet": "Reuters", "url": f"https://example.org/reuters/{k}/{i}"}
            if t: rec["title"] = t
            if date: rec["published"] = date
            w.write(json.dumps(rec) + "\n"); n += 1
print(len(stories), "stories,", n, "records")
