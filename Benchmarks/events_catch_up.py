"""For Benchmarks/events: waits until a webhook subscription has delivered every event written
since it was created, and fails when it has not within two minutes or the receiver's log holds
fewer deliveries than events. Prints one line: events, deliveries, catch-up time.
Usage: events_catch_up.py URL TOKEN SUBSCRIPTION_JSON RECEIVER_LOG"""

import json
import sys
import time
import urllib.request

url, token, subscription, log = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), sys.argv[4]
start = int(subscription["position"])


def get(path):
    request = urllib.request.Request(url + path, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)


sequences = set()
after = start
while True:
    page = get(f"/api/v1/events?after={after}&limit=1000")
    if not page:
        break
    sequences.update(int(event["sequence"]) for event in page)
    after = max(int(event["sequence"]) for event in page)
if not sequences:
    sys.exit("FAILED: the round wrote no events")
began = time.monotonic()
while int(get(f"/api/v1/webhooks/{subscription['id']}")["position"]) < after:
    if time.monotonic() - began > 120:
        sys.exit(f"FAILED: the subscription did not deliver the round's {len(sequences)} events within 120 s")
    time.sleep(0.2)
with open(log) as lines:
    delivered = {int(line.split()[0]) for line in lines} & sequences
print(f"  round events {len(sequences)}, delivered {len(delivered)}, caught up {time.monotonic() - began:.1f} s after the run")
if len(delivered) < len(sequences):
    sys.exit(f"FAILED: {len(sequences) - len(delivered)} of the round's events never reached the receiver")
