# A throwaway PostgreSQL cluster from the machine's own binaries, for tests and benchmarks. Source this file, then:
#   pg_throwaway_start DEFAULT_PORT [extra server options…]   sets PG_BIN, PG_ROOT, PG_PORT; returns 1 if no server binaries
#   pg_throwaway_stop                                         stops the server and deletes its folder (silent)
# Binaries come from /usr/lib/postgresql/*/bin (the highest version); Debian's postgresql package is installed when they are
# missing and we run as root. The cluster runs as the postgres user, trusts local connections, listens on loopback only.

PG_BIN="" PG_ROOT="" PG_PORT=""

_pg_bin_dir() {
    local dir
    dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1 || true)"
    [[ -n $dir && -x $dir/initdb && -x $dir/pg_ctl ]] && printf '%s\n' "$dir"
}

_pg_as_postgres() {
    if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

_pg_port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg_throwaway_start() {
    local port="$1"
    shift
    PG_BIN="$(_pg_bin_dir || true)"
    if [[ -z $PG_BIN && $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
        echo "==> apt-get install postgresql" >&2
        apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
        PG_BIN="$(_pg_bin_dir || true)"
    fi
    if [[ -z $PG_BIN ]]; then
        echo "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin." >&2
        return 1
    fi
    local tries=0
    while _pg_port_busy "$port" && ((tries < 100)); do
        port=$((port + 1)) tries=$((tries + 1))
    done
    if _pg_port_busy "$port"; then
        echo "No free port found for the throwaway PostgreSQL." >&2
        return 1
    fi
    PG_PORT="$port"
    PG_ROOT="$(mktemp -d -t learningstack-pg.XXXXXX)"
    if [[ $(id -u) == 0 ]]; then chown postgres:postgres "$PG_ROOT"; fi
    chmod 700 "$PG_ROOT"
    _pg_as_postgres "$PG_BIN/initdb" -D "$PG_ROOT/data" -A trust -U postgres -E UTF8 --no-locale >/dev/null
    _pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -l "$PG_ROOT/server.log" \
        -o "-p $PG_PORT -k $PG_ROOT -c listen_addresses=127.0.0.1 $*" -w start >/dev/null
    echo "==> PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $NF}') on 127.0.0.1:$PG_PORT ($PG_ROOT)" >&2
}

pg_throwaway_stop() {
    if [[ -n $PG_ROOT && -f $PG_ROOT/data/postmaster.pid ]]; then
        _pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    [[ -n $PG_ROOT ]] && rm -rf "$PG_ROOT" >/dev/null 2>&1
    return 0
}
