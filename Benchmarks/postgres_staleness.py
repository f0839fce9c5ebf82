"""For Benchmarks/postgres: how long a write on replica A takes to be seen on replica B.
Writes are paced on A (Benchmarks/events_pacer.py: global compatibility levels, one event each);
a reader long-polls B's event feed for those events and notes when each arrives. Staleness is
arrival on B minus the event's commit time on A (one machine, one clock). Fails unless every
acknowledged write is seen on B.
Usage: postgres_staleness.py URL_A URL_B TOKEN RATE SECONDS"""

import json
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from datetime import datetime

url_a, url_b, token, rate, seconds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5])


def get(url):
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)


start = 0  # the newest event before the paced writes
while page := get(f"{url_b}/api/v1/events?after={start}&limit=1000"):
    start = max(int(event["sequence"]) for event in page)
arrivals = {}
stop = threading.Event()


def read_b():
    after = start
    while not stop.is_set():
        for event in get(f"{url_b}/api/v1/events?after={after}&limit=1000&types=global-config.changed&wait=1"):
            arrivals[int(event["sequence"])] = (time.time(), datetime.fromisoformat(event["time"].replace("Z", "+00:00")).timestamp())
            after = max(after, int(event["sequence"]))


reader = threading.Thread(target=read_b)
reader.start()
host, port = urllib.parse.urlsplit(url_a).hostname, urllib.parse.urlsplit(url_a).port
acknowledged = int(subprocess.run([sys.executable, "Benchmarks/events_pacer.py", host, str(port), token, rate, str(seconds)],
                                  check=True, capture_output=True, text=True).stdout)
deadline = time.time() + 30
while len(arrivals) < acknowledged and time.time() < deadline:
    time.sleep(0.1)
stop.set()
reader.join()
staleness = sorted(max(0.0, seen - committed) * 1000 for seen, committed in arrivals.values())
if not staleness:
    sys.exit("FAILED: replica B saw none of the writes")
p50, p99 = staleness[len(staleness) // 2], staleness[min(len(staleness) - 1, int(len(staleness) * 0.99))]
missing = acknowledged - len(arrivals)
print(f"replica staleness: {acknowledged} writes acknowledged on A, {len(arrivals)} seen on B; "
      f"p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {staleness[-1]:.1f} ms" + (f"   FAILED: {missing} never seen on B" if missing > 0 else ""))
sys.exit(1 if missing > 0 else 0)
