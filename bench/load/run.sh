#!/usr/bin/env bash
# Load benchmark of chronicle-server: 64 keep-alive clients per endpoint group.
# usage: bench/load/run.sh ADDR [SECONDS=20] [CLIENTS=64]   (a server must be serving a large store on ADDR)
set -euo pipefail
addr=${1:?usage: run.sh ADDR [SECONDS] [CLIENTS]}; secs=${2:-20}; clients=${3:-64}
here=$(cd "$(dirname "$0")" && pwd)
load=${LOAD:-$here/../../target/release/examples/load}
for f in events search documents; do
  echo "== $f (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  "$load" "$addr" "$clients" "$secs" "$here/$f.tsv"
done
