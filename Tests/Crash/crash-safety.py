#!/usr/bin/env python3
"""Crash safety (issue 7): concurrent writers, `kill -9` at random moments, restart, check.

Every round starts `meshreg serve` on the same database, runs several client threads that write
products, contract versions, schema-registry subjects, OpenLineage events and access requests,
kills the server with SIGKILL at a random moment, restarts it and checks that:
  - every write the server acknowledged (2xx) is there, exactly as acknowledged;
  - nothing is half there: each product's current revision is the last of its history, and the
    database passes `PRAGMA integrity_check` and `PRAGMA foreign_key_check`;
  - `meshreg audit verify` finds the hash chain intact.
Usage: crash-safety.py --meshreg PATH [--rounds 20] [--seed N]. Standard library only.
"""
import argparse, json, os, random, re, signal, sqlite3, subprocess, sys, tempfile, threading, time, urllib.error, urllib.request, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Server:
    def __init__(self, meshreg, database):
        self.process = subprocess.Popen(
            [meshreg, "serve", "--db", database, "--port", "0", "--domains", os.path.join(ROOT, "Domains"),
             "--policies", os.path.join(ROOT, "Policies")],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 60
        self.port = None
        while time.time() < deadline and self.port is None:
            line = self.process.stderr.readline()
            if not line:
                break
            match = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
            if match:
                self.port = int(match.group(1))
        if self.port is None:
            self.process.kill()
            raise SystemExit("meshreg serve did not start")
        threading.Thread(target=lambda: self.process.stderr.read(), daemon=True).start()

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()


def call(port, method, path, token, body=None, content_type="application/json"):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method)
    request.add_header("Authorization", f"Bearer {token}")
    if data is not None:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            text = response.read()
            return response.status, (json.loads(text) if text else {})
    except urllib.error.HTTPError as error:
        return error.code, None


class Ledger:
    """What the server acknowledged, to check after the crash."""
    def __init__(self):
        self.lock = threading.Lock()
        self.products = {}      # product id -> {marker: revision}
        self.contracts = set()  # (id, version)
        self.subjects = {}      # subject -> set of schema ids
        self.runs = set()       # run ids with an acknowledged event
        self.requests = set()   # access request ids

    def add(self, kind, key, value=None):
        with self.lock:
            if kind == "product":
                self.products.setdefault(key, {})[value[0]] = value[1]
            elif kind == "subject":
                self.subjects.setdefault(key, set()).add(value)
            else:
                getattr(self, kind).add(key)


def writer(index, port, token, ledger, stop, products, counter):
    rng = random.Random(index)
    product = products[index % len(products)]
    while not stop.is_set():
        counter[0] += 1
        n = counter[0]
        choice = rng.randrange(5)
        try:
            if choice == 0:
                status, stored = call(port, "GET", f"/api/v1/products/{product}", token)
                if status != 200:
                    continue
                document = stored["document"]
                document.setdefault("description", {})["usage"] = f"crash-test marker {index}-{n}"
                status, written = call(port, "PUT", f"/api/v1/products/{product}", token, document)
                if status in (200, 201):
                    ledger.add("product", product, (f"{index}-{n}", written["revision"]))
            elif choice == 1:
                contract = {"apiVersion": "v3.1.0", "kind": "DataContract", "id": f"orders.crash-client-{index}", "name": "Crash test",
                            "version": f"0.{n}.0", "status": "draft", "domain": "orders", "team": {"name": "order-platform"},
                            "schema": [{"name": "t", "properties": [{"name": "id", "logicalType": "string", "classification": "internal"}]}]}
                status, _ = call(port, "PUT", f"/api/v1/contracts/orders.crash-client-{index}", token, contract)
                if status in (200, 201):
                    ledger.add("contracts", (f"orders.crash-client-{index}", f"0.{n}.0"))
            elif choice == 2:
                schema = {"type": "record", "name": "Crash", "fields": [{"name": f"f{i}", "type": "int", "default": 0} for i in range(n % 7 + 1)]}
                subject = f"crash-client-{index}-value"
                status, body = call(port, "POST", f"/apis/ccompat/v7/subjects/{subject}/versions", token,
                                    {"schema": json.dumps(schema)}, "application/vnd.schemaregistry.v1+json")
                if status == 200 and body and "id" in body:
                    ledger.add("subject", subject, body["id"])
            elif choice == 3:
                run = str(uuid.uuid4())
                event = {"eventType": "COMPLETE", "eventTime": "2026-11-25T12:00:00Z", "producer": "https://example.com/crash-test",
                         "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                         "run": {"runId": run}, "job": {"namespace": "crash", "name": f"job-{index}"},
                         "inputs": [{"namespace": "kafka://kafka-1.retail.internal:9092", "name": "orders.order-events.v1"}],
                         "outputs": [{"namespace": "s3://crash", "name": f"out/{index}/{n}"}]}
                status, _ = call(port, "POST", "/api/v1/lineage", token, event)
                if status == 201:
                    ledger.add("runs", run)
            else:
                status, body = call(port, "POST", "/api/v1/access-requests", token,
                                    {"product": "web-clickstream", "port": "page-views", "team": "campaign-analytics",
                                     "purpose": f"Crash test request {index}-{n} for campaign analysis"})
                if status == 201:
                    ledger.add("requests", body["id"])
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            time.sleep(0.01)


def check(port, token, ledger, database, meshreg):
    problems = []
    for product, markers in ledger.products.items():
        status, history = call(port, "GET", f"/api/v1/products/{product}/revisions", token)
        revisions = {item["revision"] for item in history["items"]}
        for marker, revision in markers.items():
            if revision not in revisions:
                problems.append(f"acknowledged revision {revision} of {product} ({marker}) is missing")
                continue
            _, stored = call(port, "GET", f"/api/v1/products/{product}/revisions/{revision}", token)
            if stored["document"].get("description", {}).get("usage") != f"crash-test marker {marker}":
                problems.append(f"revision {revision} of {product} does not hold the acknowledged content {marker}")
        _, current = call(port, "GET", f"/api/v1/products/{product}", token)
        if current["revision"] != max(revisions):
            problems.append(f"{product} is at revision {current['revision']} but its history ends at {max(revisions)}")
    for contract, version in ledger.contracts:
        if call(port, "GET", f"/api/v1/contracts/{contract}/versions/{version}", token)[0] != 200:
            problems.append(f"acknowledged contract {contract}@{version} is missing")
    for subject, ids in ledger.subjects.items():
        status, versions = call(port, "GET", f"/apis/ccompat/v7/subjects/{subject}/versions", token)
        found = set()
        for version in versions or []:
            _, body = call(port, "GET", f"/apis/ccompat/v7/subjects/{subject}/versions/{version}", token)
            found.add(body["id"])
        if not ids <= found:
            problems.append(f"subject {subject} lost acknowledged schema ids {sorted(ids - found)}")
    for request in ledger.requests:
        if call(port, "GET", f"/api/v1/access-requests/{request}", token)[0] != 200:
            problems.append(f"acknowledged access request {request} is missing")
    if ledger.runs:
        connection = sqlite3.connect(database)
        stored = {row[0] for row in connection.execute("SELECT DISTINCT run_id FROM lineage_events")}
        connection.close()
        if not ledger.runs <= stored:
            problems.append(f"{len(ledger.runs - stored)} acknowledged OpenLineage runs are missing")
    connection = sqlite3.connect(database)
    if connection.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        problems.append("PRAGMA integrity_check failed")
    if connection.execute("PRAGMA foreign_key_check").fetchall():
        problems.append("PRAGMA foreign_key_check found dangling references")
    connection.close()
    verify = subprocess.run([meshreg, "audit", "verify", "--db", database], capture_output=True, text=True)
    if verify.returncode != 0:
        problems.append("audit verify: " + verify.stdout.strip())
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--meshreg", required=True)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    workdir = tempfile.mkdtemp(prefix="meshreg-crash-")
    database = os.path.join(workdir, "crash.sqlite")
    ledger = Ledger()
    products = ["order-history", "web-sessions", "product-catalog", "user-features", "product-similarity", "web-clickstream"]
    print(f"seed {arguments.seed}, database {database}")
    for round_number in range(1, arguments.rounds + 1):
        server = Server(arguments.meshreg, database)
        token = open(database + ".admin-token").read().strip()
        stop = threading.Event()
        counter = [round_number * 100_000]
        threads = [threading.Thread(target=writer, args=(i, server.port, token, ledger, stop, products, counter)) for i in range(arguments.clients)]
        for thread in threads:
            thread.start()
        time.sleep(rng.uniform(0.3, 2.0))
        server.kill()
        stop.set()
        for thread in threads:
            thread.join()
        server = Server(arguments.meshreg, database)
        problems = check(server.port, token, ledger, database, arguments.meshreg)
        server.kill()
        counts = (f"{sum(len(m) for m in ledger.products.values())} product revisions, {len(ledger.contracts)} contract versions, "
                  f"{sum(len(i) for i in ledger.subjects.values())} subject schemas, {len(ledger.runs)} OpenLineage runs, {len(ledger.requests)} access requests")
        print(f"round {round_number}: killed and restarted; acknowledged so far: {counts}; {len(problems)} problems")
        if problems:
            for problem in problems[:20]:
                print("  " + problem)
            return 1
    print(f"{arguments.rounds} passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
