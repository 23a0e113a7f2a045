#!/usr/bin/env bash
# The one test command: provisions what the tests need on a fresh machine, runs every test project in
# LearningStack.slnx, and ends with exactly one line "N passed, N failed".
#
#   bash scripts/test.sh [extra dotnet test arguments, e.g. --filter Category!=Slow]
#
# - Debian's chromium is installed with apt-get when missing (browser tests use it; nothing is downloaded by script).
# - A throwaway PostgreSQL cluster is created from the machine's own binaries (initdb/pg_ctl as the postgres user,
#   loopback only, fsync off) and removed on exit; its address is exported as LEARNINGSTACK_TEST_POSTGRES.
# - The exit code is non-zero when any test failed or the build/test run itself failed.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

log() { printf '==> %s\n' "$*" >&2; }

apt_updated=false
apt_install() {
    if [[ $apt_updated == false ]]; then
        log "apt-get update"
        apt-get update -qq >&2
        apt_updated=true
    fi
    log "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

# ---- (a) Chromium for the browser tests -------------------------------------------------------------
if ! command -v chromium >/dev/null 2>&1; then
    apt_install chromium
fi

# ---- (b) a throwaway PostgreSQL ------------------------------------------------------------------------
# shellcheck source=throwaway-postgres.sh
source "$repo_root/scripts/throwaway-postgres.sh"
RESULTS_DIR="$(mktemp -d -t learningstack-test-results.XXXXXX)"
cleanup() {
    # Silent on purpose: the last line printed must be the summary line.
    pg_throwaway_stop
    rm -rf "$RESULTS_DIR" >/dev/null 2>&1 || true
}
trap cleanup EXIT
pg_throwaway_start "${LEARNINGSTACK_TEST_POSTGRES_PORT:-55432}" \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200
export LEARNINGSTACK_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"

# ---- (c) every test project of the solution --------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
test_exit=0
# A test that hangs is stopped after 10 minutes and named, instead of holding the whole run until CI gives up.
dotnet test LearningStack.slnx -c Release \
    --logger "trx" --logger "console;verbosity=minimal" \
    --blame-hang-timeout 10m --blame-hang-dump-type none \
    --results-directory "$RESULTS_DIR" "$@" >&2 || test_exit=$?

# ---- (d) one summary line, summed over every TRX file (one per test project) ---------------------------
passed=0
failed=0
shopt -s nullglob
for trx in "$RESULTS_DIR"/*.trx; do
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)"
    attr() { sed -n "s/.* $1=\"\\([0-9]*\\)\".*/\\1/p" <<<"$counters"; }
    p="$(attr passed)"; f="$(attr failed)"; e="$(attr error)"; t="$(attr timeout)"; a="$(attr aborted)"
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
done
if [[ $test_exit -ne 0 && $failed -eq 0 ]]; then
    # The build failed or a test host crashed before reporting: count the run itself as one failure.
    log "dotnet test exited with code $test_exit without reporting a failed test (build error or crashed test host)."
    failed=1
fi
echo "$passed passed, $failed failed"
if [[ $failed -gt 0 || $test_exit -ne 0 ]]; then
    exit 1
fi
