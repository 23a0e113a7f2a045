#!/usr/bin/env bash
# Graph algorithms: LearningStack.Graphs against networkx (docs/benchmarks.md, "Graph algorithms").
#   bench/graphs/run.sh            the full run, about 5 minutes on 2 cores
#   bench/graphs/run.sh --quick    the smaller graphs only, to check everything works
# GRAPHS_BENCH_WAIT_IDLE=300 waits (up to that many seconds) for the 1-minute load average to fall below 1.0 first.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if ! python3 -c 'import networkx' 2>/dev/null; then
  echo "networkx is missing: apt-get install python3-networkx (or pip install networkx)" >&2
  exit 1
fi
dotnet build bench/LearningStack.Graphs.Bench -c Release --nologo -v quiet
wait_idle="${GRAPHS_BENCH_WAIT_IDLE:-0}"
while (( wait_idle > 0 )) && awk '{ exit !($1 >= 1.0) }' /proc/loadavg; do
  sleep 10
  wait_idle=$(( wait_idle - 10 ))
done
python3 bench/graphs/compare.py "$@"
