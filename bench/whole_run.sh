#!/usr/bin/env bash
# Whole-run figures for BENCHMARKS.md: end to end on Reuters-21578 at 1 and 2
# threads (clean → language → events, and full `chronicle ingest` with
# linking and the store), timeline17 ingest, and the 100k-document peak-RSS
# ingest. Each timing is repeated ROUNDS times (default 3): report the best.
# Usage: bench/whole_run.sh [ROUNDS] [--no-100k]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-3}"
DATA="${CHRONICLE_EVAL_DATA:-$(cd .. && pwd)/shared/data}"
if [ ! -d "$DATA/reuters21578" ]; then
  echo "skipped: $DATA/reuters21578 not found"
  exit 0
fi
cargo build --release -q -p chronicle
cargo build --release -q -p chronicle-bench --example whole_run --example stage_times
TMP="$(mktemp -d /tmp/chronicle-whole-run.XXXXXX)"
trap 'rm -rf "$TMP"' EXIT
TIME_FMT="wall %e s, user %U s, sys %S s, cpu %P, peak RSS %M KB"
python3 bench/make_big_jsonl.py --data "$DATA" --n 19043 --out "$TMP/reuters.jsonl" >/dev/null

echo "## per stage, one thread, first 2000 stories"
./target/release/examples/stage_times 2000 2>/dev/null

for t in 1 2; do
  for r in $(seq "$ROUNDS"); do
    echo "## clean+language+events, Reuters, threads $t, round $r"
    /usr/bin/time -f "$TIME_FMT" ./target/release/examples/whole_run 0 "$t" 2>&1
  done
done
for t in 1 2; do
  for r in $(seq "$ROUNDS"); do
    echo "## chronicle ingest, Reuters JSONL, threads $t, round $r"
    rm -f "$TMP/r.db"*
    RAYON_NUM_THREADS=$t /usr/bin/time -f "$TIME_FMT" ./target/release/chronicle --db "$TMP/r.db" ingest "$TMP/reuters.jsonl" 2>&1 | tail -2
  done
done
if [ -d "$DATA/timeline17" ]; then
  for t in 1 2; do
    for r in $(seq "$ROUNDS"); do
      echo "## chronicle ingest, timeline17 (articles.jsonl of every topic), threads $t, round $r"
      rm -f "$TMP/t.db"*
      RAYON_NUM_THREADS=$t /usr/bin/time -f "$TIME_FMT" ./target/release/chronicle --db "$TMP/t.db" ingest "$DATA"/timeline17/*/articles.jsonl 2>&1 | tail -2
    done
  done
fi
if [ "${2:-}" != "--no-100k" ]; then
  echo "## chronicle ingest, 100,000 documents (Reuters × 6 with distinct ids), default threads"
  python3 bench/make_big_jsonl.py --data "$DATA" --n 100000 --out "$TMP/big.jsonl"
  rm -f "$TMP/big.db"*
  /usr/bin/time -f "$TIME_FMT" ./target/release/chronicle --db "$TMP/big.db" ingest "$TMP/big.jsonl" 2>&1 | tail -2
fi
