#!/usr/bin/env python3
"""Shows that Tests/Crash/crash-safety.py fails when writes do not happen: one round against
  - meshreg with policies that deny every write the crash test makes but lineage events (on a
    SQLite file and on PostgreSQL),
  - meshreg with the shipped policies but a floor no round reaches,
  - a fake `meshreg serve` (this script, called with `serve`) that answers 500 to everything;
each run must exit non-zero and print the reason. A few seconds with a debug build.
Usage: crash-safety-fails.py --meshreg PATH. Standard library only.
"""
import argparse, http.server, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
def denying_policy(name, description, events, match=None):
    """A policy that refuses `events`, only where the CEL `match` holds when it is given."""
    condition = f"""  matchConditions:
    - name: {name}
      expression: '{match}'
""" if match else ""
    return f"""apiVersion: meshreg/v1
kind: Policy
metadata:
  name: {name}
  description: {description}
spec:
  events: [{", ".join(events)}]
{condition}  validations:
    - expression: 'false'
      message: This registry refuses every write.
  validationActions: [Deny]
"""


# Denies every write the crash test makes but its lineage events, which no policy sees; the shipped
# mesh, loaded on first start through contract.publish (which registers each Kafka contract's
# projection on its topic's subjects) and product.register, still loads.
DENYING_POLICIES = {
    "deny-updates-requests": denying_policy("deny-updates-requests", "Refuses every product update and access request.",
                                            ["product.update", "access.request"]),
    "deny-crash-test-subjects": denying_policy("deny-crash-test-subjects", "Refuses the subjects the crash test registers.",
                                               ["subject.register"], 'subject.name.startsWith("crash-")'),
    "deny-crash-test-contracts": denying_policy("deny-crash-test-contracts", "Refuses the contracts the crash test publishes.",
                                                ["contract.publish"], 'contract.id.startsWith("orders.crash-")'),
}


def serve_errors(arguments):
    """Pretends to be `meshreg serve --admin-token-file PATH`: writes the admin token, answers 500."""
    with open(arguments[arguments.index("--admin-token-file") + 1], "w") as token:
        token.write("fake-token\n")

    class Failing(http.server.BaseHTTPRequestHandler):
        def answer(self):
            body = b'{"title": "fake server error"}'
            self.send_response(500)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        do_GET = do_PUT = do_POST = answer

        def log_message(self, *_):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Failing)
    print(f"meshreg listening on http://127.0.0.1:{server.server_address[1]}", file=sys.stderr, flush=True)
    server.serve_forever()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--meshreg", required=True)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="meshreg-crash-fails-") as denying:
        for name, text in DENYING_POLICIES.items():
            with open(os.path.join(denying, name + ".yaml"), "w") as policy:
                policy.write(text)
        return run_cases(arguments.meshreg, denying)


def run_cases(meshreg, denying):
    # (name, crash-safety.py arguments, texts the output must hold: the reason, and for a refusal its body)
    cases = [
        ("every write denied", ["--meshreg", meshreg, "--policies", denying],
         ["below the floor of 100", "answered 4", "refuses every write"]),
        ("every write denied, on PostgreSQL", ["--meshreg", meshreg, "--policies", denying, "--postgres"],
         ["below the floor of 100", "answered 4", "refuses every write"]),
        ("floor out of reach", ["--meshreg", meshreg, "--floor", "1000000", "--round-seconds", "1"],
         ["below the floor of 1000000"]),
        ("server answers 500", ["--meshreg", os.path.abspath(__file__)],
         ["below the floor of 100", "500 while the server was up"]),
    ]
    failed_as_they_should = 0
    for name, case_arguments, expected in cases:
        run = subprocess.run([sys.executable, os.path.join(HERE, "crash-safety.py"), "--rounds", "1", "--seed", "1", *case_arguments],
                             capture_output=True, text=True, timeout=120)
        missing = [text for text in expected if text not in run.stdout]
        if run.returncode != 0 and not missing:
            failed_as_they_should += 1
            print(f"{name}: crash-safety.py exited {run.returncode} as it should")
        else:
            print(f"{name}: crash-safety.py exited {run.returncode}, want non-zero with {missing or expected} in its output:")
            print("  " + (run.stdout + run.stderr).strip().replace("\n", "\n  "))
    print(f"{len(cases)} broken runs, {failed_as_they_should} failed as they should")
    return 0 if failed_as_they_should == len(cases) else 1


if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"]:
        serve_errors(sys.argv[2:])
    elif sys.argv[1:3] == ["audit", "verify"]:
        sys.exit(0)
    else:
        sys.exit(main())
