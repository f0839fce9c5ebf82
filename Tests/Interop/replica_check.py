"""Checks that a second meshreg replica on the same PostgreSQL database answers what the first one
wrote: each path is read through both replicas (WRITE_URL took the interop test's writes, READ_URL
did not) and the bodies must be equal JSON. /apis/ccompat/v7/subjects is also walked: every
subject's versions and latest schema. Fails below MINIMUM non-empty answers, so a run that
compared nothing fails too.

Usage: replica_check.py WRITE_URL READ_URL TOKEN MINIMUM PATH...
"""
import json
import sys
import urllib.request


def get(base, path, token):
    request = urllib.request.Request(base.rstrip("/") + path, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def main():
    write_url, read_url, token, minimum, *paths = sys.argv[1:]
    if write_url == read_url:
        sys.exit("replica_check: the write and read URLs are the same replica")
    queue = list(paths)
    compared = non_empty = 0
    while queue:
        path = queue.pop(0)
        written, read = get(write_url, path, token), get(read_url, path, token)
        if written != read:
            sys.exit(f"replica_check: {path} differs between the replicas:\n{written}\n{read}")
        compared += 1
        non_empty += 1 if written not in ([], {}, None) else 0
        if path == "/apis/ccompat/v7/subjects":
            for subject in written:
                queue += [f"/apis/ccompat/v7/subjects/{subject}/versions", f"/apis/ccompat/v7/subjects/{subject}/versions/latest"]
    print(f"replica_check: {compared} answers equal on both replicas, {non_empty} non-empty")
    if non_empty < int(minimum):
        sys.exit(f"replica_check: only {non_empty} non-empty answers, expected at least {minimum}")


main()
