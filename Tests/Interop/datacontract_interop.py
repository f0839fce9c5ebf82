"""Interop test: the real datacontract-cli (pinned in run-datacontract.sh) against meshreg.

For every contract version of the shipped mesh (Domains/*/contracts), as `meshreg serve` returns
it from GET /api/v1/contracts/{id}/versions/{version}:
  1. `datacontract lint` passes;
  2. round trip: `datacontract export jsonschema`, then `datacontract import jsonschema` gives a
     contract whose schema (objects, property names, logical types, required, nested properties
     and array items) equals the served one, and that `meshreg validate` accepts (and back).
Counts what ran and fails below a floor, so a run that checked nothing cannot pass.
Run by run-datacontract.sh with MESHREG_URL, MESHREG_TOKEN, MESHREG_BINARY and DATACONTRACT.
"""

import glob
import json
import os
import subprocess
import sys
import tempfile
import urllib.request

import yaml
from checklist import Checklist

URL = os.environ["MESHREG_URL"]
TOKEN = os.environ["MESHREG_TOKEN"]
MESHREG = os.environ["MESHREG_BINARY"]
DATACONTRACT = os.environ["DATACONTRACT"]
# Beyond each contract's own checks: the versions, the file count, four counts and the properties.
checklist = Checklist("datacontract interop", floor=7)
check = checklist.check
counts = {"served": 0, "linted": 0, "round trips": 0, "properties compared": 0, "validated by meshreg": 0}




def served(contract_id, version):
    request = urllib.request.Request(f"{URL}/api/v1/contracts/{contract_id}/versions/{version}",
                                     headers={"Authorization": f"Bearer {TOKEN}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())["document"]


def run(arguments):
    return subprocess.run(arguments, capture_output=True, text=True, timeout=120)


# JSON Schema has no date or time types: a date travels as a string of format `date`, a timestamp
# as one of format `date-time`, and comes back that way. Compare in those terms.
AS_JSON_SCHEMA = {"date": ("string", "date"), "timestamp": ("string", "date-time"), "time": ("string", "time")}


def logical(prop):
    logical_type = prop.get("logicalType")
    if logical_type in AS_JSON_SCHEMA:
        return AS_JSON_SCHEMA[logical_type]
    if logical_type == "string" and (prop.get("logicalTypeOptions") or {}).get("format") in ("date", "date-time", "time"):
        return ("string", prop["logicalTypeOptions"]["format"])
    return logical_type


def shape(properties):
    """The schema as a comparable tree: name -> (logicalType, required, nested, items)."""
    tree = {}
    for prop in properties or []:
        items = prop.get("items")
        tree[prop["name"]] = (logical(prop), bool(prop.get("required", False)),
                              shape(prop.get("properties")),
                              None if items is None else (logical(items), shape(items.get("properties"))))
    return tree


def count_properties(tree):
    return sum(1 + count_properties(nested) + (count_properties(items[1]) if items else 0)
               for (_, _, nested, items) in tree.values())


def differences(old, new, path=""):
    found = []
    for name in sorted(set(old) | set(new)):
        where = f"{path}/{name}"
        if name not in new:
            found.append(f"{where}: lost")
        elif name not in old:
            found.append(f"{where}: appeared")
        else:
            (old_type, old_required, old_nested, old_items), (new_type, new_required, new_nested, new_items) = old[name], new[name]
            if old_type != new_type:
                found.append(f"{where}: logicalType {old_type} -> {new_type}")
            if old_required != new_required:
                found.append(f"{where}: required {old_required} -> {new_required}")
            found += differences(old_nested, new_nested, where)
            if (old_items is None) != (new_items is None):
                found.append(f"{where}/items: {old_items} -> {new_items}")
            elif old_items:
                if old_items[0] != new_items[0]:
                    found.append(f"{where}/items: logicalType {old_items[0]} -> {new_items[0]}")
                found += differences(old_items[1], new_items[1], where + "/items")
    return found


def round_trip(document, work, name):
    source = os.path.join(work, f"{name}.odcs.yaml")
    exported = os.path.join(work, f"{name}.schema.json")
    imported = os.path.join(work, f"{name}.imported.odcs.yaml")
    result = run([DATACONTRACT, "export", "jsonschema", source, "--output", exported])
    if not check(result.returncode == 0, f"{name}: datacontract export jsonschema"):
        print(result.stdout[-2000:], result.stderr[-2000:])
        return
    result = run([DATACONTRACT, "import", "jsonschema", "--source", exported, "--output", imported])
    if not check(result.returncode == 0, f"{name}: datacontract import jsonschema"):
        print(result.stdout[-2000:], result.stderr[-2000:])
        return
    with open(imported) as f:
        back = yaml.safe_load(f)
    objects = document.get("schema", [])
    back_objects = back.get("schema", [])
    check(len(objects) == len(back_objects), f"{name}: {len(objects)} schema object(s) come back as {len(back_objects)}")
    for original, returned in zip(objects, back_objects):
        tree = shape(original.get("properties"))
        found = differences(tree, shape(returned.get("properties")))
        counts["properties compared"] += count_properties(tree)
        check(not found, f"{name}: object {original['name']} keeps its schema through jsonschema" + (f": {found}" if found else ""))
    counts["round trips"] += 1
    # And back into meshreg: the imported contract, under the served id, version and owner, validates.
    for key in ("id", "version", "domain", "status", "apiVersion"):
        back[key] = document[key]
    with open(imported, "w") as f:
        yaml.safe_dump(back, f, sort_keys=False)
    result = run([MESHREG, "validate", imported])
    if check(result.returncode == 0, f"{name}: meshreg validate accepts the contract datacontract-cli imported"):
        counts["validated by meshreg"] += 1
    else:
        print(result.stdout[-2000:], result.stderr[-2000:])


def main():
    files = sorted(glob.glob("Domains/*/contracts/*.odcs.yaml"))
    with tempfile.TemporaryDirectory() as work:
        for path in files:
            with open(path) as f:
                declared = yaml.safe_load(f)
            name = f"{declared['id']}@{declared['version']}"
            document = served(declared["id"], declared["version"])
            counts["served"] += 1
            check(document["apiVersion"] == declared["apiVersion"], f"{name}: served as ODCS {document['apiVersion']}")
            source = os.path.join(work, f"{name}.odcs.yaml")
            with open(source, "w") as f:
                yaml.safe_dump(document, f, sort_keys=False, allow_unicode=True)
            result = run([DATACONTRACT, "lint", source])
            if check(result.returncode == 0, f"{name}: datacontract lint ({document['apiVersion']})"):
                counts["linted"] += 1
            else:
                print(result.stdout[-3000:])
            round_trip(document, work, name)
    declared_documents = [yaml.safe_load(open(path)) for path in files]
    versions = {document["apiVersion"] for document in declared_documents}
    expected_properties = sum(count_properties(shape(entry.get("properties")))
                              for document in declared_documents for entry in document.get("schema", []))
    check({"v3.1.0", "v3.2.0"} <= versions, f"the mesh holds contracts of both ODCS versions: {sorted(versions)}")
    floor = len(files)
    print("counts:", counts, "floor:", floor)
    check(floor >= 18, f"{floor} contract files found (at least 18 expected)")
    for what, number in counts.items():
        if what != "properties compared":
            check(number >= floor, f"{number} {what}, at least {floor}")
    check(counts["properties compared"] == expected_properties > 0,
          f"{counts['properties compared']} properties compared, of {expected_properties} in the files")
    checklist.finish()


if __name__ == "__main__":
    main()
