#!/usr/bin/env bash
# Graph algorithms: LearningStack.Graphs against networkx (docs/benchmarks.md, "Graph algorithms").
#   bench/graphs/run.sh            the full run, a few minutes
#   bench/graphs/run.sh --quick    the smaller graphs only, to check everything works
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if ! python3 -c 'import networkx' 2>/dev/null; then
  echo "networkx is missing: apt-get install python3-networkx (or pip install networkx)" >&2
  exit 1
fi
dotnet build bench/LearningStack.Graphs.Bench -c Release --nologo -v quiet
python3 bench/graphs/compare.py "$@"
