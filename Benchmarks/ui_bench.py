"""Measures the web UI's server side (issue 15) against a running `meshreg serve`; standard library only.

1. Loads N products (POST /api/v1/apply, 5,000 a bundle), then times catalog queries as a user
   types them: every prefix of a few search words, each GET /api/v1/products?q=...&limit=50 on one
   keep-alive connection, p50/p99, next to GET /healthz on the same connection (the floor).
2. Emits OpenLineage runs downstream of the online-orders product's Kafka topic until its downstream
   lineage has 1,000+ nodes, then times the lineage as SVG (every node drawn, maxNodes=5000) and as
   JSON for the same walk, in turn, same run; the SVG must draw every node the JSON lists.
3. Sums each page's weight: its HTML shell and the assets it loads.
A failed request prints FAILED and exits 1.
"""
import argparse
import http.client
import json
import re
import statistics
import sys
import time
import urllib.parse

WORDS = ["orders", "customer", "bench-product-0042", "analytics", "revenue", "clicks"]
TOPIC = ("kafka://kafka-1.retail.internal:9092", "orders.order-events.v1")


class Client:
    def __init__(self, url, token):
        parsed = urllib.parse.urlparse(url)
        self.connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=120)
        self.headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}

    def call(self, method, path, body=None, headers=None):
        payload = None if body is None else json.dumps(body).encode()
        self.connection.request(method, path, body=payload, headers={**self.headers, **(headers or {})})
        response = self.connection.getresponse()
        data = response.read()
        if response.status >= 300:
            print(f"FAILED: {method} {path} answered {response.status}: {data[:300]!r}")
            sys.exit(1)
        return data

    def timed(self, path):
        start = time.perf_counter()
        data = self.call("GET", path)
        return (time.perf_counter() - start) * 1000, data


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int((len(ordered) - 1) * fraction))]


def load_products(client, count):
    for start in range(0, count, 5000):
        documents = []
        for index in range(start, min(start + 5000, count)):
            product = {"apiVersion": "v1.0.0", "kind": "DataProduct", "id": f"bench-product-{index:05d}", "name": f"Bench product {index}",
                       "version": "1.0.0", "status": "active", "domain": "orders",
                       "description": {"purpose": f"Generated product {index} for the catalog search benchmark: {WORDS[index % len(WORDS)]} data."},
                       "tags": ["bench", WORDS[index % len(WORDS)]],
                       "team": {"name": "order-platform", "members": [{"username": "david.kim", "role": "owner"}]},
                       "support": [{"channel": "#order-platform", "tool": "slack", "url": "https://chat.example/orders"}]}
            documents.append({"path": f"bench-{index}.json", "content": json.dumps(product)})
        client.call("POST", "/api/v1/apply", {"documents": documents})


def search(client, queries):
    prefixes = [word[:length] for word in WORDS for length in range(1, len(word) + 1)]
    times, floor = [], []
    while len(times) < queries:
        for prefix in prefixes:
            elapsed, _ = client.timed(f"/api/v1/products?limit=50&q={urllib.parse.quote(prefix)}")
            times.append(elapsed)
            floor.append(client.timed("/healthz")[0])
    print(f"search: {queries} keystroke queries over {len(prefixes)} prefixes: p50 {percentile(times, 0.5):.2f} ms p99 {percentile(times, 0.99):.2f} ms"
          f" · healthz p50 {percentile(floor, 0.5):.2f} ms")


def emit_lineage(client):
    """A tree below the topic: 10 jobs writing 10 datasets each, then one job per dataset writing 8 more."""
    def run(job, inputs, outputs, number):
        event = {"eventType": "COMPLETE", "eventTime": "2026-01-01T00:00:00Z", "producer": "https://meshreg.example/bench",
                 "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/definitions/RunEvent",
                 "run": {"runId": f"00000000-0000-4000-8000-{number:012d}"}, "job": {"namespace": "bench", "name": job},
                 "inputs": [{"namespace": ns, "name": name} for ns, name in inputs],
                 "outputs": [{"namespace": ns, "name": name} for ns, name in outputs]}
        client.call("POST", "/api/v1/lineage", event)
    number = 0
    for first in range(10):
        outputs = [("bench", f"level1.d{first}.{second}") for second in range(10)]
        number += 1
        run(f"level1.j{first}", [TOPIC], outputs, number)
        for dataset in outputs:
            number += 1
            run(f"level2.{dataset[1]}", [dataset], [("bench", f"level2.{dataset[1]}.{third}") for third in range(8)], number)


def lineage(client, rounds):
    base = "/api/v1/lineage/online-orders?direction=downstream&depth=10"
    walk = json.loads(client.call("GET", base + "&format=json"))
    nodes, edges = len(walk["nodes"]), len(walk["edges"])
    if nodes < 1000:
        print(f"FAILED: the benchmark graph has only {nodes} nodes")
        sys.exit(1)
    svg = client.call("GET", base + "&format=svg&maxNodes=5000").decode()
    drawn = len(re.findall(r'class="node node-', svg))
    if drawn != nodes:
        print(f"FAILED: the SVG draws {drawn} nodes, the JSON lists {nodes}")
        sys.exit(1)
    svg_times, json_times = [], []
    for _ in range(rounds):
        svg_times.append(client.timed(base + "&format=svg&maxNodes=5000")[0])
        json_times.append(client.timed(base + "&format=json")[0])
    print(f"lineage: {nodes} nodes, {edges} edges, {rounds} rounds in turn: svg p50 {percentile(svg_times, 0.5):.2f} ms p99 {percentile(svg_times, 0.99):.2f} ms"
          f" ({len(svg) // 1024} KiB) · json p50 {percentile(json_times, 0.5):.2f} ms p99 {percentile(json_times, 0.99):.2f} ms")


def page_weight(client):
    sizes = {}
    for page, path in [("catalog", "/ui/"), ("product", "/ui/products/online-orders"), ("contract", "/ui/contracts/orders.order-events/1.1.0"),
                       ("lineage", "/ui/lineage/online-orders"), ("impact", "/ui/impact"), ("governance", "/ui/governance"), ("subjects", "/ui/subjects")]:
        html = client.call("GET", path, headers={"Cookie": client.cookie}).decode()
        assets = re.findall(r'(?:href|src)="(/ui/assets/[^"]+)"', html) + [f"/ui/assets/{page}.js", "/ui/assets/dom.js", "/ui/assets/api.js"]
        sizes[page] = len(html.encode()) + sum(len(client.call("GET", asset)) for asset in sorted(set(assets)))
    print("page weight (bytes, HTML + CSS + JS):", " ".join(f"{page} {size}" for page, size in sizes.items()))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--products", type=int, default=10000)
    parser.add_argument("--queries", type=int, default=400)
    arguments = parser.parse_args()
    client = Client(arguments.url, arguments.token)
    started = time.perf_counter()
    load_products(client, arguments.products)
    print(f"loaded {arguments.products} products in {time.perf_counter() - started:.1f} s")
    search(client, arguments.queries)
    emit_lineage(client)
    lineage(client, max(10, arguments.queries // 10))
    # A session for the page shells, as a browser would have.
    client.connection.request("POST", "/ui/login", body=urllib.parse.urlencode({"token": arguments.token}),
                              headers={"Content-Type": "application/x-www-form-urlencoded"})
    response = client.connection.getresponse()
    response.read()
    client.cookie = (response.getheader("Set-Cookie") or "").split(";")[0]
    if not client.cookie:
        print("FAILED: signing in gave no session cookie")
        sys.exit(1)
    page_weight(client)


if __name__ == "__main__":
    main()
