#!/usr/bin/env bash
# Interop test: `meshreg serve --tls-cert --tls-key` with a test CA made here by the openssl
# command, checked with curl and Python's requests (Tests/Interop/tls_server_interop.py).
set -euo pipefail
source "$(dirname "$0")/serve.sh"
tls=$(mktemp -d)
trap 'rm -rf "$tls"; cleanup' EXIT
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$tls/ca.key" -out "$tls/ca.pem" -days 1 -subj "/CN=meshreg test CA" 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >"$tls/san.cnf"
openssl req -newkey rsa:2048 -nodes -keyout "$tls/server.key" -out "$tls/server.csr" -subj "/CN=localhost" 2>/dev/null
openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" -set_serial 4097 -days 1 -extfile "$tls/san.cnf" -out "$tls/server.pem" 2>/dev/null
serve_options=(--tls-cert "$tls/server.pem" --tls-key "$tls/server.key")
start_meshreg run-tls-server requests==2.34.2
"$venv/bin/python" Tests/Interop/tls_server_interop.py "$url" "$admin_token" "$tls" "$server" "$work/serve.log"
