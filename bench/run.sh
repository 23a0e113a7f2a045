#!/usr/bin/env bash
# Runs the LearningStack benchmarks (bench/LearningStack.Benchmarks) on SQLite and on a throwaway PostgreSQL cluster,
# in Release, and copies BenchmarkDotNet's markdown reports to bench/results/.
#
#   bench/run.sh                 full run (about 5–10 minutes on 2 cores)
#   bench/run.sh --quick         fewer iterations, to check that everything works
#   bench/run.sh --profile       no benchmark: prints the SQL each request issues, a latency sample and a breakdown
#   bench/run.sh --profile-patterns   the same for the national Patterns experiments section beside its raw twin
#   bench/run.sh --loop page 30 [Sqlite|Postgres]   repeats one request (cycles, stack, page, raw) for a profiler to attach
#   bench/run.sh --filter '*StackPage*'   any other arguments go to BenchmarkDotNet
#
# Environment:
#   LEARNINGSTACK_BENCH_PG_PORT    port for the throwaway PostgreSQL (default 55439)
#   LEARNINGSTACK_BENCH_WAIT_IDLE  seconds to wait for the 1-minute load average to fall below 1.0 first (default 0)
#   LEARNINGSTACK_BENCH_SKIP_PG=1  SQLite only
#   LEARNINGSTACK_BENCH_REPEAT     run the whole benchmark N times, each in a fresh process (default 1); reports get -runN
#   LEARNINGSTACK_BENCH_LABEL      a name for this round (e.g. round3): reports get -round3[-runN], the environment file too,
#                                  so earlier rounds' committed reports are not overwritten (reports of the same name are)
#   LEARNINGSTACK_BENCH_HOST       kestrel (default: the app on a loopback port, clients over TCP) or testserver (in memory)
#   LEARNINGSTACK_BENCH_NATIONAL_DIR  folder of the national-scale SQLite file for the Patterns benchmarks, kept between runs
#                                  (default /tmp/learningstack-bench-national; generating it takes about 4 minutes)
#   LEARNINGSTACK_BENCH_POSTGRES   an Npgsql connection string to a PostgreSQL you keep running: used instead of a throwaway
#                                  cluster, so the national network generated there is reused by the next run
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
work="$(mktemp -d /tmp/learningstack-bench.XXXXXX)"
chmod 755 "$work"
# shellcheck source=../scripts/throwaway-postgres.sh
source "$root/scripts/throwaway-postgres.sh"

cleanup() {
  pg_throwaway_stop
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_postgres() {
  # Durable settings (fsync on), unlike the test cluster: benchmarks should see a realistic server.
  pg_throwaway_start "${LEARNINGSTACK_BENCH_PG_PORT:-55439}" || return 1
  _pg_as_postgres "$PG_BIN/createdb" -h "$PG_ROOT" -p "$PG_PORT" -U postgres learningstack_bench
  export LEARNINGSTACK_BENCH_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Database=learningstack_bench;Username=postgres"
}

wait_idle() {
  local limit="${LEARNINGSTACK_BENCH_WAIT_IDLE:-0}" waited=0
  while [ "$waited" -lt "$limit" ] && awk '{exit !($1 >= 1.0)}' /proc/loadavg; do
    [ "$waited" = 0 ] && echo "Waiting up to ${limit}s for the machine to go quiet (load $(cut -d' ' -f1-3 /proc/loadavg))…"
    sleep 10
    waited=$((waited + 10))
  done
}

if [ "${LEARNINGSTACK_BENCH_SKIP_PG:-0}" = 1 ]; then
  unset LEARNINGSTACK_BENCH_POSTGRES
elif [ -z "${LEARNINGSTACK_BENCH_POSTGRES:-}" ]; then
  start_postgres || true
fi
export LEARNINGSTACK_BENCH_DATA="$work/sqlite"
export LEARNINGSTACK_BENCH_ARTIFACTS="$work/artifacts"

echo "Building the benchmarks (Release)…"
dotnet build "$here/LearningStack.Benchmarks/LearningStack.Benchmarks.csproj" -c Release -nologo -v quiet

dll="$here/LearningStack.Benchmarks/bin/Release/net10.0/LearningStack.Benchmarks.dll"
if [[ " $* " == *" --profile "* || " $* " == *" --profile-patterns "* || " $* " == *" --loop "* ]]; then
  wait_idle
  exec_status=0
  (cd "$work" && dotnet "$dll" "$@") || exec_status=$?
  exit "$exec_status"
fi
started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
repeat="${LEARNINGSTACK_BENCH_REPEAT:-1}"
label="${LEARNINGSTACK_BENCH_LABEL:+-$LEARNINGSTACK_BENCH_LABEL}"
mkdir -p "$here/results"
# Reports of this run replace those of the same name; the committed reports of other benchmarks and runs are left alone.
status=0
loads=()
reports=()
shopt -s nullglob
for run in $(seq 1 "$repeat"); do
  wait_idle
  before="$(cut -d' ' -f1-3 /proc/loadavg)"
  rm -rf "$work/artifacts"
  (cd "$work" && dotnet "$dll" "$@") || status=$?
  loads+=("run $run: load average (1/5/15 min) before $before, after $(cut -d' ' -f1-3 /proc/loadavg)")
  for report in "$work"/artifacts/results/*-report-github.md; do
    name="$(basename "$report" .md)"
    if [ "$repeat" = 1 ]; then target="$name$label.md"; else target="$name$label-run$run.md"; fi
    cp "$report" "$here/results/$target"
    reports+=("$target")
  done
done
{
  echo "started: $started"
  echo "finished: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "arguments: $*"
  echo "runs: $repeat"
  echo "nproc: $(nproc)"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -n 1)"
  echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
  echo "dotnet: $(dotnet --version)"
  echo "host: ${LEARNINGSTACK_BENCH_HOST:-kestrel}"
  pg_dir="$(_pg_bin_dir || true)"
  echo "postgresql: ${pg_dir:+$("$pg_dir/postgres" --version | awk '{print $3}')}"
  printf '%s\n' "${loads[@]}"
} > "$here/results/environment$label.txt"
echo "Reports in $here/results/: ${reports[*]}"
exit "$status"
