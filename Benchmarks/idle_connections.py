#!/usr/bin/env python3
"""Holds COUNT kept-alive connections to 127.0.0.1:PORT for the HTTP benchmark (issue 18).

Each connection is opened and answers one GET /healthz; then all sit idle. The script writes
READY_FILE and waits until GO_FILE exists, then asks every connection again and prints how many
were opened, answered first, and answered again: a server that dropped idle connections, or
stopped reading them, shows here. Usage: idle_connections.py PORT COUNT READY_FILE GO_FILE
"""
import os
import resource
import socket
import sys
import time

REQUEST = b"GET /healthz HTTP/1.1\r\nHost: bench\r\n\r\n"


def answered(connection):
    """Reads one whole response (headers and Content-Length body); True for a 200."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(4096)
        if not chunk:
            return False
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")), 0)
    while len(body) < length:
        chunk = connection.recv(4096)
        if not chunk:
            return False
        body += chunk
    return head.startswith(b"HTTP/1.1 200 ")


def main():
    port, count, ready_file, go_file = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    connections, first = [], 0
    for _ in range(count):
        connection = socket.create_connection(("127.0.0.1", port), timeout=30)
        connection.sendall(REQUEST)
        first += answered(connection)
        connections.append(connection)
    open(ready_file, "w").write(f"{len(connections)}\n")
    while not os.path.exists(go_file):
        time.sleep(0.1)
    again = 0
    for connection in connections:
        try:
            connection.sendall(REQUEST)
            again += answered(connection)
        except OSError:
            pass
    print(f"idle-connections opened {len(connections)} answered-first {first} answered-again {again}")


if __name__ == "__main__":
    main()
