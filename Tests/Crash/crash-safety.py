#!/usr/bin/env python3
"""Crash safety (issue 7): concurrent writers, `kill -9` at random moments, restart, check.

Every round starts `meshreg serve` on the same database, runs several client threads that write
products, contract versions, schema-registry subjects, OpenLineage events and access requests,
kills the server with SIGKILL at a random moment, restarts it and checks that:
  - every write the server acknowledged (2xx) is there, exactly as acknowledged;
  - nothing is half there: each product's current revision is the last of its history, and the
    database passes `PRAGMA integrity_check` and `PRAGMA foreign_key_check`;
  - `meshreg audit verify` finds the hash chain intact.
With --postgres the database is a throwaway PostgreSQL cluster (initdb and pg_ctl as the postgres
user, as Tests/Interop/serve.sh starts one) instead of a SQLite file, and each round also restarts
PostgreSQL (`pg_ctl restart -m immediate`: its processes are killed, then it recovers from its
write-ahead log) once half the floor is acknowledged; the round then has to reach the whole floor,
so the replica must reconnect by itself. A connection error or a 5xx is tolerated from the restart
until 2 s after PostgreSQL is back (what was in flight fails with 503), and counted.
The SQLite PRAGMA checks are SQLite's; on PostgreSQL the server's own recovery stands for them.
It also checks that the writes happened, so that a server refusing everything cannot pass:
  - each round, every kind of write is acknowledged at least --floor times before the kill (a round
    writes until it has, then the kill comes at a random moment in the next 2 s);
  - a connection error or a 5xx is tolerated only once the kill has begun (the server is going
    away); before that it fails the run, and so does every answer a writer does not expect (a 4xx
    refusal included), printed with its body.
Usage: crash-safety.py --meshreg PATH [--rounds 20] [--seed N] [--floor 100] [--postgres]. Standard library only.
Tests/Crash/crash-safety-fails.py shows that this script fails against a server that refuses writes.
"""
import argparse, glob, http.client, itertools, json, os, random, re, shutil, signal, socket, sqlite3, subprocess, sys, tempfile, threading, time, urllib.error, urllib.request, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def as_postgres(command, **options):
    """Runs a command as the postgres user, which PostgreSQL's server binaries need."""
    prefix = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else ["sudo", "-n", "-u", "postgres", "--"]
    return subprocess.run(prefix + command, check=True, text=True, **options)


class PostgresCluster:
    """A throwaway PostgreSQL cluster on a free loopback port with trust authentication, removed by `remove()`."""
    def __init__(self):
        binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda path: int(path.split("/")[-2]))
        if not binaries:
            raise SystemExit("PostgreSQL's server is not installed under /usr/lib/postgresql (run .ci/setup)")
        self.binaries = binaries[-1]
        self.directory = as_postgres(["mktemp", "-d", "/tmp/meshreg-crash-pg-XXXXXX"], capture_output=True).stdout.strip()
        as_postgres([f"{self.binaries}/initdb", f"--pgdata={self.directory}/data", "--username=meshreg", "--auth=trust",
                     "--encoding=UTF8", "--locale=C", "--no-sync"], stdout=subprocess.DEVNULL)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        # fsync off: the test kills processes, never the machine, so what PostgreSQL wrote stays in the kernel's cache.
        self.options = f"-c listen_addresses=127.0.0.1 -p {port} -k {self.directory} -c fsync=off"
        self.pg_ctl("start")
        self.uri = f"postgresql://meshreg@127.0.0.1:{port}/postgres?sslmode=disable"

    def pg_ctl(self, action, *options):
        as_postgres([f"{self.binaries}/pg_ctl", f"--pgdata={self.directory}/data", f"--log={self.directory}/server.log",
                     "--wait", "--timeout=60", "-o", self.options, *options, action], stdout=subprocess.DEVNULL)

    def restart(self):
        """Kills PostgreSQL's processes (`-m immediate`, as a crash would) and starts it again, recovering from its log."""
        self.pg_ctl("restart", "--mode=immediate")

    def query(self, sql):
        """The rows of a query, through psql, as lists of text."""
        run = subprocess.run(["psql", "--no-psqlrc", "--quiet", "--tuples-only", "--no-align", "--field-separator=\t",
                              "--set=ON_ERROR_STOP=1", f"--dbname={self.uri}", f"--command={sql}"],
                             capture_output=True, text=True, check=True)
        return [line.split("\t") for line in run.stdout.splitlines() if line]

    def remove(self):
        as_postgres([f"{self.binaries}/pg_ctl", f"--pgdata={self.directory}/data", "--mode=immediate", "--wait", "stop"],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        as_postgres(["rm", "-rf", self.directory])


class Server:
    def __init__(self, meshreg, database, policies, admin_token_file):
        self.process = subprocess.Popen(
            [meshreg, "serve", "--db", database, "--port", "0", "--domains", os.path.join(ROOT, "Domains"),
             "--policies", policies, "--admin-token-file", admin_token_file],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 60
        self.port = None
        output = []
        while time.time() < deadline and self.port is None:
            line = self.process.stderr.readline()
            if not line:
                break
            output.append(line)
            match = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
            if match:
                self.port = int(match.group(1))
        if self.port is None:
            self.process.kill()
            raise SystemExit("meshreg serve did not start:\n" + "".join(output[-20:]))
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
            return response.status, (json.loads(text) if text else {}), text
    except urllib.error.HTTPError as error:
        return error.code, None, error.read()


# What a request can raise when the server goes away under it (urllib.error.URLError is an OSError).
CONNECTION_ERRORS = (OSError, http.client.HTTPException)
KINDS = ("products", "contracts", "subjects", "lineage runs", "access requests")


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


class RoundLog:
    """What happened to the writes of one round: acknowledged per kind, errors, unexpected answers."""
    def __init__(self):
        self.lock = threading.Lock()
        self.acknowledged = {kind: 0 for kind in KINDS}
        self.errors_in_kill_window = 0
        self.errors_in_outage = 0
        self.restarted_after = None  # acknowledged writes when PostgreSQL was restarted
        self.outage = threading.Event()   # set while PostgreSQL restarts and shortly after
        self.unexpected = []    # descriptions of answers or errors that fail the run
        self.killing = threading.Event()  # set just before SIGKILL: from then on the server may vanish

    def acknowledge(self, kind):
        with self.lock:
            self.acknowledged[kind] += 1

    def reached(self, floor):
        with self.lock:
            return min(self.acknowledged.values()) >= floor

    def total(self):
        with self.lock:
            return sum(self.acknowledged.values())

    def answer(self, kind, method, path, status, text, expected):
        """Whether `status` is one of `expected`; records a 5xx as an error, any other answer as unexpected."""
        if status in expected:
            return True
        if status >= 500:
            self.error(kind, f"{method} {path}: {status}", text)
        else:
            self.fail(f"{kind}: {method} {path} answered {status}, expected {'/'.join(map(str, expected))}", text)
        return False

    def error(self, kind, description, text=b""):
        """A connection error or 5xx: expected once the kill has begun, a failure before."""
        if self.killing.is_set():
            with self.lock:
                self.errors_in_kill_window += 1
        elif self.outage.is_set():
            with self.lock:
                self.errors_in_outage += 1
        else:
            self.fail(f"{kind}: {description} while the server was up", text)

    def fail(self, description, text=b""):
        body = text.decode(errors="replace").strip() if isinstance(text, bytes) else str(text)
        with self.lock:
            self.unexpected.append(description + (f"\n    body: {body[:400]}" if body else ""))


def writer(index, port, token, ledger, log, stop, products, counter):
    rng = random.Random(index)
    product = products[index % len(products)]
    while not stop.is_set():
        n = next(counter)
        kind = KINDS[rng.randrange(len(KINDS))]
        try:
            if kind == "products":
                path = f"/api/v1/products/{product}"
                status, stored, text = call(port, "GET", path, token)
                if not log.answer(kind, "GET", path, status, text, (200,)):
                    continue
                document = stored["document"]
                document.setdefault("description", {})["usage"] = f"crash-test marker {index}-{n}"
                status, written, text = call(port, "PUT", path, token, document)
                if log.answer(kind, "PUT", path, status, text, (200, 201)):
                    ledger.add("product", product, (f"{index}-{n}", written["revision"]))
                    log.acknowledge(kind)
            elif kind == "contracts":
                contract = {"apiVersion": "v3.1.0", "kind": "DataContract", "id": f"orders.crash-client-{index}", "name": "Crash test",
                            "version": f"0.{n}.0", "status": "draft", "domain": "orders", "team": {"name": "order-platform"},
                            "schema": [{"name": "t", "properties": [{"name": "id", "logicalType": "string", "classification": "internal"}]}]}
                path = f"/api/v1/contracts/orders.crash-client-{index}"
                status, _, text = call(port, "PUT", path, token, contract)
                if log.answer(kind, "PUT", path, status, text, (200, 201)):
                    ledger.add("contracts", (f"orders.crash-client-{index}", f"0.{n}.0"))
                    log.acknowledge(kind)
            elif kind == "subjects":
                schema = {"type": "record", "name": "Crash", "fields": [{"name": f"f{i}", "type": "int", "default": 0} for i in range(n % 7 + 1)]}
                subject = f"crash-client-{index}-value"
                path = f"/apis/ccompat/v7/subjects/{subject}/versions"
                status, body, text = call(port, "POST", path, token, {"schema": json.dumps(schema)}, "application/vnd.schemaregistry.v1+json")
                if log.answer(kind, "POST", path, status, text, (200,)):
                    if not body or "id" not in body:
                        log.fail(f"{kind}: POST {path} answered 200 without an id", text)
                        continue
                    ledger.add("subject", subject, body["id"])
                    log.acknowledge(kind)
            elif kind == "lineage runs":
                run = str(uuid.uuid4())
                event = {"eventType": "COMPLETE", "eventTime": "2026-11-25T12:00:00Z", "producer": "https://example.com/crash-test",
                         "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                         "run": {"runId": run}, "job": {"namespace": "crash", "name": f"job-{index}"},
                         "inputs": [{"namespace": "kafka://kafka-1.retail.internal:9092", "name": "orders.order-events.v1"}],
                         "outputs": [{"namespace": "s3://crash", "name": f"out/{index}/{n}"}]}
                status, _, text = call(port, "POST", "/api/v1/lineage", token, event)
                if log.answer(kind, "POST", "/api/v1/lineage", status, text, (201,)):
                    ledger.add("runs", run)
                    log.acknowledge(kind)
            else:
                status, body, text = call(port, "POST", "/api/v1/access-requests", token,
                                          {"product": "web-clickstream", "port": "page-views", "team": "campaign-analytics",
                                           "purpose": f"Crash test request {index}-{n} for campaign analysis"})
                if log.answer(kind, "POST", "/api/v1/access-requests", status, text, (201,)):
                    ledger.add("requests", body["id"])
                    log.acknowledge(kind)
        except CONNECTION_ERRORS as error:
            log.error(kind, f"{type(error).__name__}: {error}")
            time.sleep(0.01)
        except (KeyError, TypeError, ValueError) as error:  # an answer without the fields a 2xx promises
            log.fail(f"{kind}: the answer lacks what it should hold ({type(error).__name__}: {error})")


def check(port, token, ledger, database, cluster, meshreg):
    problems = []
    for product, markers in ledger.products.items():
        status, history, _ = call(port, "GET", f"/api/v1/products/{product}/revisions", token)
        revisions = {item["revision"] for item in history["items"]}
        for marker, revision in markers.items():
            if revision not in revisions:
                problems.append(f"acknowledged revision {revision} of {product} ({marker}) is missing")
                continue
            _, stored, _ = call(port, "GET", f"/api/v1/products/{product}/revisions/{revision}", token)
            if stored["document"].get("description", {}).get("usage") != f"crash-test marker {marker}":
                problems.append(f"revision {revision} of {product} does not hold the acknowledged content {marker}")
        _, current, _ = call(port, "GET", f"/api/v1/products/{product}", token)
        if current["revision"] != max(revisions):
            problems.append(f"{product} is at revision {current['revision']} but its history ends at {max(revisions)}")
    for contract, version in ledger.contracts:
        if call(port, "GET", f"/api/v1/contracts/{contract}/versions/{version}", token)[0] != 200:
            problems.append(f"acknowledged contract {contract}@{version} is missing")
    for subject, ids in ledger.subjects.items():
        status, versions, _ = call(port, "GET", f"/apis/ccompat/v7/subjects/{subject}/versions", token)
        found = set()
        for version in versions or []:
            _, body, _ = call(port, "GET", f"/apis/ccompat/v7/subjects/{subject}/versions/{version}", token)
            found.add(body["id"])
        if not ids <= found:
            problems.append(f"subject {subject} lost acknowledged schema ids {sorted(ids - found)}")
    for request in ledger.requests:
        if call(port, "GET", f"/api/v1/access-requests/{request}", token)[0] != 200:
            problems.append(f"acknowledged access request {request} is missing")
    runs_query = "SELECT DISTINCT run_id FROM lineage_events"
    if cluster:
        stored = {row[0] for row in cluster.query(runs_query)} if ledger.runs else set()
    else:
        connection = sqlite3.connect(database)
        stored = {row[0] for row in connection.execute(runs_query)} if ledger.runs else set()
        if connection.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            problems.append("PRAGMA integrity_check failed")
        if connection.execute("PRAGMA foreign_key_check").fetchall():
            problems.append("PRAGMA foreign_key_check found dangling references")
        connection.close()
    if not ledger.runs <= stored:
        problems.append(f"{len(ledger.runs - stored)} acknowledged OpenLineage runs are missing")
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
    parser.add_argument("--floor", type=int, default=100, help="writes of each kind every round must acknowledge (default 100)")
    # A round lasts until every kind reached the floor, then the kill comes 0-2 s later, at a random moment.
    # Rounds are as long as the machine needs: 3-9 s with a debug build on 2 busy cores, longer as the
    # database grows over the rounds.
    parser.add_argument("--round-seconds", type=float, default=60,
                        help="a round that has not reached the floor of every kind by then fails (default 60)")
    parser.add_argument("--policies", default=os.path.join(ROOT, "Policies"), help="the policies the server enforces (default Policies/)")
    parser.add_argument("--postgres", action="store_true",
                        help="a throwaway PostgreSQL cluster instead of a SQLite file, restarted once a round")
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    workdir = tempfile.mkdtemp(prefix="meshreg-crash-")
    cluster = PostgresCluster() if arguments.postgres else None
    try:
        return run_rounds(arguments, rng, workdir, cluster)
    finally:
        if cluster:
            cluster.remove()


def restart_postgres(cluster, log, floor):
    """Once half the floor of every kind is acknowledged, restarts PostgreSQL under the writers."""
    while not (log.reached(floor // 2) or log.unexpected or log.killing.is_set()):
        time.sleep(0.02)
    if log.unexpected or log.killing.is_set():
        return
    log.outage.set()
    before = log.total()
    cluster.restart()
    log.restarted_after = before
    time.sleep(2)
    log.outage.clear()


def run_rounds(arguments, rng, workdir, cluster):
    database = cluster.uri if cluster else os.path.join(workdir, "crash.sqlite")
    admin_token_file = os.path.join(workdir, "admin-token")
    ledger = Ledger()
    products = ["order-history", "web-sessions", "product-catalog", "user-features", "product-similarity", "web-clickstream"]
    print(f"seed {arguments.seed}, database {database}, floor {arguments.floor} acknowledged writes of each kind per round")
    counter = itertools.count(1)
    for round_number in range(1, arguments.rounds + 1):
        server = Server(arguments.meshreg, database, arguments.policies, admin_token_file)
        token = open(admin_token_file).read().strip()
        stop = threading.Event()
        log = RoundLog()
        threads = [threading.Thread(target=writer, args=(i, server.port, token, ledger, log, stop, products, counter))
                   for i in range(arguments.clients)]
        if cluster:
            threads.append(threading.Thread(target=restart_postgres, args=(cluster, log, arguments.floor)))
        for thread in threads:
            thread.start()
        started = time.monotonic()
        while not (log.reached(arguments.floor) or log.unexpected or time.monotonic() - started > arguments.round_seconds):
            time.sleep(0.02)
        if not log.unexpected:
            time.sleep(rng.uniform(0, 2))
        seconds = time.monotonic() - started
        log.killing.set()
        server.kill()
        stop.set()
        for thread in threads:
            thread.join()
        # Shortfalls first: they say why the round failed, and the list below is cut at 20.
        problems = [f"{count} {kind} acknowledged in {seconds:.1f} s, below the floor of {arguments.floor} per round (--floor)"
                    for kind, count in log.acknowledged.items() if count < arguments.floor]
        problems += log.unexpected
        restart = ""
        if cluster:
            if log.restarted_after is None:
                problems.append("PostgreSQL was not restarted in this round")
            else:
                restart = (f"PostgreSQL restarted after {log.restarted_after} writes, "
                           f"{log.errors_in_outage} errors while it was away; ")
        server = Server(arguments.meshreg, database, arguments.policies, admin_token_file)
        problems += check(server.port, token, ledger, database, cluster, arguments.meshreg)
        server.kill()
        counts = ", ".join(f"{count} {kind}" for kind, count in log.acknowledged.items())
        early = " (stopped at the first unexpected answer)" if log.unexpected else ""
        print(f"round {round_number}: killed after {seconds:.1f} s{early}; acknowledged {counts}; {restart}"
              f"{log.errors_in_kill_window} connection errors in the kill window; {len(problems)} problems", flush=True)
        if problems:
            for problem in problems[:20]:
                print("  " + problem)
            if len(problems) > 20:
                print(f"  ... and {len(problems) - 20} more")
            if not cluster:
                print(f"the database is kept for a look: {database}")
            return 1
    shutil.rmtree(workdir, ignore_errors=True)
    print(f"{arguments.rounds} passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
