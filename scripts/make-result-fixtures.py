#!/usr/bin/env python3
"""Writes the recorded-run fixtures under fixtures/results/, without timing.

Every run comes from `complexity sweep` of the fake subjects (a seeded model,
nothing is timed), then is reshaped with `complexity fit` so the two runs
differ the way two interpreters might:

- a.json: fake.constant, fake.log, fake.linear and fake.mislabelled.
- b.json: the same run "on another interpreter": fake.log 1.5 times slower
  (same class), fake.linear turned quadratic (each sample times n/1000, so
  its class changes), and fake.quadratic, which a.json lacks.
- interrupted.jsonl: the journal of a run of every fake op, stopped while
  writing its third op (the last line is cut in the middle).

Usage: scripts/make-result-fixtures.py [path/to/complexity]
(default: .build/debug/complexity; build it first).
"""
import csv
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
OUT = os.path.join(ROOT, "fixtures", "results")
TOOL = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "complexity")
SIZES = ["--max-size", "4096", "--repeats", "3", "--quiet"]


def tool(*args):
    # Exit 1 only says a class differs from the docs (fake.mislabelled).
    done = subprocess.run([TOOL, *args], capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"complexity {' '.join(args)} failed: {done.stderr}")
    return done.stdout


def sweep(*ops):
    args = ["sweep", "--format", "json", *SIZES]
    for op in ops:
        args += ["--op", op]
    return json.loads(tool(*args))


def refit(result, scale):
    """The result again, every sample multiplied by scale(n), refitted."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, result["op"] + ".csv")
        with open(path, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["n", "seconds"])
            for p in result["points"]:
                for s in p["samples"]:
                    w.writerow([p["n"], repr(s * scale(p["n"]))])
        fitted = json.loads(tool("fit", path, "--expect", result["documented"], "--format", "json"))
    fitted["op"] = result["op"]
    fitted["seconds"] = result["seconds"]
    return fitted


def write(name, text):
    with open(os.path.join(OUT, name), "w") as f:
        f.write(text)


def main():
    os.makedirs(OUT, exist_ok=True)
    a = sweep("fake.constant", "fake.log", "fake.linear", "fake.mislabelled")
    a["started"] = "2026-01-05T09:00:00Z"
    write("a.json", json.dumps(a, indent=2, sort_keys=True) + "\n")

    b = json.loads(json.dumps(a))
    b["started"] = "2026-01-06T09:00:00Z"
    changed = {
        "fake.log": lambda n: 1.5,
        "fake.linear": lambda n: n / 1000,
    }
    b["results"] = [refit(r, changed[r["op"]]) if r["op"] in changed else r for r in b["results"]]
    b["results"] += sweep("fake.quadratic")["results"]
    write("b.json", json.dumps(b, indent=2, sort_keys=True) + "\n")

    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "run.json")
        tool("sweep", "--op", "fake.*", "--format", "json", "--output", out, *SIZES)
        with open(out + ".jsonl") as f:
            lines = f.read().splitlines(keepends=True)
    header = json.loads(lines[0])
    header["started"] = "2026-01-07T09:00:00Z"
    cut = lines[3][: len(lines[3]) // 2]
    write("interrupted.jsonl", json.dumps(header, sort_keys=True, separators=(",", ":")) + "\n"
          + lines[1] + lines[2] + cut)


if __name__ == "__main__":
    main()
