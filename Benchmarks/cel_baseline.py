"""Google's CEL (C++) through its Python binding, on the same access rule and input as
`RegistryBenchmarks policy`: compiled once, one Activation, evaluated repeatedly."""
import sys, time
from cel_expr_python import cel

RULE = "port.public || (grant.approved && (!port.pii || size(grant.purpose) > 0))"
INPUT = {"port": {"public": False, "pii": True, "name": "profiles"},
         "grant": {"approved": True, "purpose": "Consented audiences for the winter campaign"}}

environment = cel.NewEnv(variables={"port": cel.Type.DYN, "grant": cel.Type.DYN})
expression = environment.compile(RULE)
activation = environment.Activation(INPUT)
count = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
assert expression.eval(activation).value() is True
start = time.perf_counter()
for _ in range(count):
    expression.eval(activation)
seconds = time.perf_counter() - start
print(f"{count / seconds:.0f}")
