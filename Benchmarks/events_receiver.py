"""Webhook receiver for Benchmarks/events: answers 204 at once and appends, per delivery, the
event's sequence, its commit time, the receive time (epoch seconds) and its type to the file given."""

import json
import sys
import threading
import time
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, path = int(sys.argv[1]), sys.argv[2]
lock = threading.Lock()
out = open(path, "a", buffering=1)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        received = time.time()
        event = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
        committed = datetime.fromisoformat(event["time"].replace("Z", "+00:00")).timestamp()
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()
        with lock:
            out.write(f"{event['sequence']} {committed:.3f} {received:.4f} {event['type']}\n")

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
