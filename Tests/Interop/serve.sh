# Sourced by the interop scripts: `start_meshreg NAME [PIP_PACKAGE ...]` installs the packages into
# the venv .build/interop-venv (or $INTEROP_VENV) — a failed install fails the run, never skips it —
# builds meshreg, starts `meshreg serve` on a fresh database loaded with the shipped mesh and
# policies, and sets: venv, binary, work (a temporary directory), database, url, admin_token, server
# (the process id). Options in the array serve_options, when set, are added to `meshreg serve`.
# SWIFT_SCRATCH_PATH builds somewhere other than .build.
# With MESHREG_INTEROP_POSTGRES=1 the database is a throwaway PostgreSQL cluster (initdb and
# pg_ctl as the postgres user) and a second replica serves it too: read_url is that replica's
# URL (otherwise read_url is url), so a test can write through one and read through the other.
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
server=""
reader=""
cluster=""
cleanup() {
  for process in "$server" "$reader"; do
    if [ -n "$process" ]; then
      kill "$process" 2>/dev/null || true
    fi
  done
  wait 2>/dev/null || true
  if [ -n "$cluster" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$cluster/data" -m immediate -w stop >/dev/null 2>&1 || true
    as_postgres rm -rf "$cluster" || true
  fi
  rm -rf "${work:-}"
}
trap cleanup EXIT

# Runs a command as the postgres user, which PostgreSQL's server binaries need.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -n -u postgres -- "$@"; fi
}

# Starts a throwaway cluster on a free loopback port (trust authentication, loopback only) and
# sets database to its URI.
start_postgres() {
  local name="$1"
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$pg_bin" ] || { echo "$name: PostgreSQL's server is not installed (run .ci/setup)" >&2; exit 1; }
  cluster=$(as_postgres mktemp -d /tmp/meshreg-interop-pg-XXXXXX)
  as_postgres "$pg_bin/initdb" --pgdata="$cluster/data" --username=meshreg --auth=trust --encoding=UTF8 --locale=C --no-sync >/dev/null
  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_postgres "$pg_bin/pg_ctl" --pgdata="$cluster/data" --log="$cluster/server.log" --wait \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $cluster -c fsync=off" start >/dev/null
  database="postgresql://meshreg@127.0.0.1:$port/postgres?sslmode=disable"
}

# Starts `meshreg serve` on $database with the given log file; prints its process id and sets served_url.
serve_database() {
  local log="$1"
  "$binary" serve --db "$database" --port 0 --domains Domains --policies Policies --admin-token-file "$work/admin-token" \
    ${serve_options[@]+"${serve_options[@]}"} 2>"$log" >/dev/null &
  served_pid=$!
  served_url=""
  for _ in $(seq 1 300); do
    served_url=$(grep -o 'listening on https\?://127.0.0.1:[0-9]*' "$log" 2>/dev/null | head -1 | sed 's/listening on //') || true
    [ -n "$served_url" ] && break
    kill -0 "$served_pid" 2>/dev/null || { cat "$log" >&2; echo "meshreg serve exited" >&2; exit 1; }
    sleep 0.1
  done
  [ -n "$served_url" ] || { cat "$log" >&2; echo "meshreg serve did not start" >&2; exit 1; }
}

start_meshreg() {
  local name="$1"; shift
  venv="${INTEROP_VENV:-.build/interop-venv}"
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" || { echo "$name: cannot create a venv at $venv (is python3-venv installed?)" >&2; exit 1; }
  fi
  if [ $# -gt 0 ]; then
    "$venv/bin/pip" install --quiet --disable-pip-version-check "$@" || { echo "$name: pip install $* failed" >&2; exit 1; }
  fi
  local scratch=()
  if [ -n "${SWIFT_SCRATCH_PATH:-}" ]; then
    scratch=(--scratch-path "$SWIFT_SCRATCH_PATH")
  fi
  swift build "${scratch[@]}" --product meshreg >&2
  binary="$(swift build "${scratch[@]}" --show-bin-path)/meshreg"
  work=$(mktemp -d)
  database="$work/interop.sqlite"
  if [ "${MESHREG_INTEROP_POSTGRES:-0}" = 1 ]; then
    start_postgres "$name"
  fi
  serve_database "$work/serve.log"
  server=$served_pid
  url=$served_url
  read_url=$url
  if [ "${MESHREG_INTEROP_POSTGRES:-0}" = 1 ]; then
    serve_database "$work/reader.log"
    reader=$served_pid
    read_url=$served_url
  fi
  admin_token=$(cat "$work/admin-token")
}
