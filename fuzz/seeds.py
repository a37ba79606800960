#!/usr/bin/env python3
"""Writes the AFL seed corpora of every fuzz target into <out>/<target>/ from the project's own data:
the language test corpus (yaml), the shared expression conformance data (yaql, jinja) and
fuzz/corpus/rest (REST bodies). Small seeds only: AFL mutates short inputs far more effectively."""
import json, os, re, shutil, sys, glob

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = sys.argv[1]
shared = os.path.join(os.path.dirname(root), "shared", "conformance", "expressions")

def write(target, items):
    d = os.path.join(out, target)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    seen = set()
    for data in items:
        if data in seen or not data:
            continue
        seen.add(data)
        with open(os.path.join(d, "seed%04d" % len(seen)), "wb") as f:
            f.write(data)
    print(f"{target}: {len(seen)} seeds")

yaml = [open(p, "rb").read() for p in sorted(glob.glob(root + "/tests/Sirocco.Language.Tests/Corpus/**/*.yaml", recursive=True))]
write("yaml", [y for y in yaml if len(y) <= 2048])

def exprs(name):
    path = os.path.join(shared, name)
    if not os.path.exists(path):
        return []
    return [json.loads(line)["expr"] for line in open(path, encoding="utf-8") if line.strip()]

yaql = []
for e in exprs("yaql.jsonl"):
    m = re.fullmatch(r"<%(.*)%>", e, re.S)
    if m and "<%" not in m.group(1):
        yaql.append(m.group(1).strip().encode())
write("yaql", yaql)
write("jinja", [e.encode() for e in exprs("jinja.jsonl")])
write("rest", [open(p, "rb").read() for p in sorted(glob.glob(root + "/fuzz/corpus/rest/*"))])
