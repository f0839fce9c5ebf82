"""Interop test: meshreg's webhooks and event feed read by the real Standard Webhooks and CloudEvents libraries.

A receiver process verifies every delivery's signature with `standardwebhooks` and parses every
event with the `cloudevents` SDK, appending what it accepted to a file. The test writes through
the API while it kills the receiver (kill -9) and restarts it, then kills `meshreg serve` with
kill -9 mid-delivery and restarts it on the same database, and checks the receiver got every
event once or more, first copies in sequence order, none missing. It also parses the feed's
batch with the SDK and checks that an SSRF URL is refused by a server without
--allow-private-webhooks. Run by run-webhooks.sh; exits non-zero on failure.

    webhooks_interop.py --meshreg BINARY            the test
    webhooks_interop.py --receiver PORT SECRET FILE  the receiver (started by the test)
"""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from checklist import Checklist

checklist = Checklist("webhooks interop", floor=13)
check = checklist.check




def receive(port, secret, path):
    """Serves POSTs: verify, parse, append `sequence` to `path`; 400 for anything that fails."""
    from cloudevents.core.bindings.http import HTTPMessage, from_http_event
    from standardwebhooks.webhooks import Webhook

    webhook = Webhook(secret)
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        # HTTP/1.1, so the connection stays open for a batch's next delivery.
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            headers = {name.lower(): value for name, value in self.headers.items()}
            try:
                webhook.verify(body, headers)
                event = from_http_event(HTTPMessage(headers=headers, body=body))
                assert headers["content-type"] == "application/cloudevents+json"
                assert event.get_specversion() == "1.0" and event.get_type().startswith("io.meshreg.")
                assert event.get_id() == headers["webhook-id"]
                line = json.dumps({"sequence": int(event.get_extension("sequence")), "type": event.get_type(),
                                   "connection": self.client_address[1]})
            except Exception as error:  # a bad delivery is answered 400 and logged, never accepted
                print(f"receiver refused a delivery: {error!r}", file=sys.stderr, flush=True)
                self.send_response(400)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            with lock, open(path, "a") as out:
                out.write(line + "\n")
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


class Server:
    """`meshreg serve` on a database, as a process."""

    def __init__(self, binary, database, work, *extra):
        self.log = open(os.path.join(work, "serve.log"), "a")
        self.process = subprocess.Popen([binary, "serve", "--db", database, "--port", "0", "--domains", "Domains",
                                         "--policies", "Policies", *extra], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        line = ""
        deadline = time.time() + 60
        while time.time() < deadline:
            line = self.process.stderr.readline().decode()
            match = re.search(r"listening on (http://127\.0\.0\.1:\d+)", line)
            if match:
                self.url = match.group(1)
                break
            if not line and self.process.poll() is not None:
                raise SystemExit("meshreg serve exited before listening")
        else:
            raise SystemExit("meshreg serve did not start")
        threading.Thread(target=self._drain, daemon=True).start()
        self.token = open(database + ".admin-token").read().strip()

    def _drain(self):
        for line in self.process.stderr:
            self.log.write(line.decode())
            self.log.flush()

    def http(self, method, path, body=None, content_type="application/json"):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method,
                                         headers={"Authorization": f"Bearer {self.token}", "Content-Type": content_type})
        try:
            with urllib.request.urlopen(request, timeout=40) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def write(self, index):
        """One change: the global compatibility level, alternating so each write is one event."""
        level = "FULL" if index % 2 == 0 else "BACKWARD"
        status, _, _ = self.http("PUT", "/apis/ccompat/v7/config", {"compatibility": level}, "application/vnd.schemaregistry.v1+json")
        return status == 200

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_receiver(port, secret, path):
    return subprocess.Popen([sys.executable, __file__, "--receiver", str(port), secret, path])


def received(path):
    if not os.path.exists(path):
        return []
    with open(path) as lines:
        return [json.loads(line)["sequence"] for line in lines if line.strip()]


def connection_ports(path):
    with open(path) as lines:
        return [json.loads(line)["connection"] for line in lines if line.strip()]


def wait_for(condition, seconds=90):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def main(binary):
    from cloudevents.core.formats.json import JSONFormat

    work = tempfile.mkdtemp()
    database = os.path.join(work, "webhooks.sqlite")
    server = Server(binary, database, work, "--allow-private-webhooks")
    port = free_port()
    path = os.path.join(work, "received.jsonl")

    status, _, body = server.http("POST", "/api/v1/webhooks", {"url": f"http://127.0.0.1:{port}/hook", "description": "interop"})
    check(status == 201, f"the subscription is created ({status})")
    subscription = json.loads(body)
    secret, start = subscription["secret"], int(subscription["position"])
    receiver = start_receiver(port, secret, path)

    for index in range(20):
        server.write(index)
    check(wait_for(lambda: len(set(received(path))) >= 20), "the first 20 events arrive")

    # The receiver is killed mid-stream and comes back on the same port.
    writer = threading.Thread(target=lambda: [server.write(index) for index in range(20, 60)])
    writer.start()
    wait_for(lambda: len(set(received(path))) >= 30)
    receiver.send_signal(signal.SIGKILL)
    receiver.wait()
    time.sleep(2)
    receiver = start_receiver(port, secret, path)
    writer.join()
    check(wait_for(lambda: len(set(received(path))) >= 60), "every event written around the receiver's crash arrives")

    # The server is killed with SIGKILL right after acknowledged writes, mid-delivery.
    for index in range(60, 100):
        server.write(index)
    server.kill()
    server = Server(binary, database, work, "--allow-private-webhooks")

    status, _, body = server.http("GET", f"/api/v1/events?after={start}&limit=1000")
    expected = [int(event["sequence"]) for event in json.loads(body)]
    check(len(expected) >= 100, f"the feed holds every event of the run ({len(expected)})")
    check(wait_for(lambda: set(expected) <= set(received(path))), "after the restart every event arrives")

    got = received(path)
    firsts = []
    for sequence in got:
        if sequence not in firsts:
            firsts.append(sequence)
    check(firsts == sorted(expected), f"first deliveries are in sequence order with none missing ({len(got)} deliveries, "
                                      f"{len(got) - len(firsts)} repeats)")
    connections = set(connection_ports(path))
    check(len(connections) < len(got), f"a batch's deliveries share a kept-open connection ({len(got)} deliveries over {len(connections)} connections)")
    status, _, body = server.http("GET", f"/api/v1/webhooks/{subscription['id']}/deliveries?limit=1000")
    check(status == 200 and any(not item["succeeded"] for item in json.loads(body)["items"]),
          "the deliveries log shows the failed attempts while the receiver was down")

    # The feed's batch parses with the SDK, event by event.
    status, headers, body = server.http("GET", "/api/v1/events?limit=50")
    check(headers.get("Content-Type") == "application/cloudevents-batch+json", "the feed is a CloudEvents batch")
    parsed = [JSONFormat().read(None, json.dumps(item).encode()) for item in json.loads(body)]
    check(len(parsed) == 50 and all(event.get_source().startswith("/meshreg/") for event in parsed), "the SDK parses the feed's events")

    server.kill()
    receiver.send_signal(signal.SIGKILL)
    receiver.wait()

    # Without --allow-private-webhooks, loopback and metadata URLs are refused.
    guarded = Server(binary, os.path.join(work, "guarded.sqlite"), work)
    for url in ["http://127.0.0.1:9/hook", "http://169.254.169.254/latest/meta-data/", "http://[::1]/hook"]:
        status, _, body = guarded.http("POST", "/api/v1/webhooks", {"url": url})
        check(status == 422 and json.loads(body)["code"] == "webhook-url-refused", f"{url} is refused")
    guarded.kill()

    if checklist.failures:
        print(open(os.path.join(work, "serve.log")).read()[-4000:], file=sys.stderr)
    checklist.finish()


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--receiver":
        receive(int(sys.argv[2]), sys.argv[3], sys.argv[4])
    elif len(sys.argv) == 3 and sys.argv[1] == "--meshreg":
        sys.exit(main(sys.argv[2]))
    else:
        sys.exit(__doc__)
