"""Counted checks for the interop and browser tests (Tests/Interop, Tests/UI).

Each check prints `ok` or `FAIL` with what it checked; `finish` ends the run and fails it when a
check failed or when fewer checks ran than the run's floor, so a run where little happened cannot
pass. Standard library only.
"""
import sys


class Checklist:
    def __init__(self, name, floor, stop_at_first_failure=False):
        self.name = name
        self.floor = floor
        self.stop_at_first_failure = stop_at_first_failure
        self.count = 0
        self.failures = []

    def check(self, condition, what):
        """Records one check and returns whether it held."""
        self.count += 1
        print(("ok   " if condition else "FAIL ") + what, flush=True)
        if not condition:
            self.failures.append(what)
            if self.stop_at_first_failure:
                self.finish()
        return bool(condition)

    def finish(self):
        """Exits 0 when every check held and at least `floor` ran, else 1 saying why."""
        if self.failures:
            print(f"{self.name}: {len(self.failures)} of {self.count} checks failed", file=sys.stderr)
            sys.exit(1)
        if self.count < self.floor:
            print(f"{self.name}: only {self.count} checks ran, fewer than the floor of {self.floor}", file=sys.stderr)
            sys.exit(1)
        print(f"{self.name}: {self.count} checks passed")
        sys.exit(0)
