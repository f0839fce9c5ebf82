# Sourced by the interop scripts: `start_meshreg NAME [PIP_PACKAGE ...]` installs the packages into
# the venv .build/interop-venv (or $INTEROP_VENV) — a failed install fails the run, never skips it —
# builds meshreg, starts `meshreg serve` on a fresh database loaded with the shipped mesh and
# policies, and sets: venv, binary, work (a temporary directory), database, url, admin_token, server
# (the process id). Options in the array serve_options, when set, are added to `meshreg serve`.
# SWIFT_SCRATCH_PATH builds somewhere other than .build.
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
server=""
cleanup() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
  fi
  wait 2>/dev/null || true
  rm -rf "${work:-}"
}
trap cleanup EXIT

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
  "$binary" serve --db "$database" --port 0 --domains Domains --policies Policies ${serve_options[@]+"${serve_options[@]}"} 2>"$work/serve.log" >/dev/null &
  server=$!
  url=""
  for _ in $(seq 1 300); do
    url=$(grep -o 'listening on https\?://127.0.0.1:[0-9]*' "$work/serve.log" 2>/dev/null | head -1 | sed 's/listening on //') || true
    [ -n "$url" ] && break
    kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; echo "$name: meshreg serve exited" >&2; exit 1; }
    sleep 0.1
  done
  [ -n "$url" ] || { cat "$work/serve.log" >&2; echo "$name: meshreg serve did not start" >&2; exit 1; }
  admin_token=$(cat "$database.admin-token")
}
