"""Google's CEL (C++) through its Python binding, on the same access rule and input as
`RegistryBenchmarks policy`: compiled once, one Activation, evaluated repeatedly.

The loop's own cost (the Python call into the binding and the result back) is measured by the
same loop evaluating the constant expression `true`; prints both rates, rule then `true`, so the
caller can report the ratio on what remains once that overhead is taken away."""
import sys, time
from cel_expr_python import cel

RULE = "port.public || (grant.approved && (!port.pii || size(grant.purpose) > 0))"
INPUT = {"port": {"public": False, "pii": True, "name": "profiles"},
         "grant": {"approved": True, "purpose": "Consented audiences for the winter campaign"}}

environment = cel.NewEnv(variables={"port": cel.Type.DYN, "grant": cel.Type.DYN})
activation = environment.Activation(INPUT)
count = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000


def rate(source):
    expression = environment.compile(source)
    assert expression.eval(activation).value() is True, source
    start = time.perf_counter()
    for _ in range(count):
        expression.eval(activation)
    return count / (time.perf_counter() - start)


rule, constant = rate(RULE), rate("true")
print(f"{rule:.0f} {constant:.0f}")
