#!/usr/bin/env python3
"""Writes <name>.expected.json next to each YAML fixture, as PyYAML's safe_load reads it.

Run once from this directory: python3 make-expected.py
PyYAML implements YAML 1.1; the fixtures avoid the constructs where 1.1 and the 1.2 core
schema disagree (unquoted dates, yes/no/on/off, 0-prefixed octals, sexagesimal numbers).
Floats are written with a '.' or an exponent, so the JSON module reads them back as doubles.
"""
import glob
import json

import yaml

for path in sorted(glob.glob("*.yaml")):
    with open(path, encoding="utf-8") as source:
        document = yaml.safe_load(source)
    with open(path.removesuffix(".yaml") + ".expected.json", "w", encoding="utf-8") as target:
        json.dump(document, target, indent=2, ensure_ascii=False, default=str)
        target.write("\n")
