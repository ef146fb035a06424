"""Confusion table of `complexity fit --two-variables` on generated data.

For each of the seed's two-variable shapes (O(1), O(n), O(k), O(n + k),
O(n·k), O(min(n, k)), O(max(n, k))) and the three that grow on one side of
the diagonal or on it only (`s <= t`, `s >= t`, `s == t`), costs on a 5 × 5 grid (32 … 8192 in
each variable, a factor of 4 apart: both edges, the diagonal, and corners
where one variable is 256 times the other), with uniform relative noise of
±NOISE, are fitted TRIALS times; the table says what the fit called them.
Usage: two_variable_benchmark.py BINARY [TRIALS]"""
import json
import os
import random
import subprocess
import sys
import tempfile

AXIS = [32, 128, 512, 2048, 8192]
TRUTHS = [
    ("O(1)", lambda n, k: 50.0),
    ("O(n)", lambda n, k: 50 + 3 * n),
    ("O(k)", lambda n, k: 50 + 3 * k),
    ("O(n + k)", lambda n, k: 50 + 3 * n + 2 * k),
    ("O(n·k)", lambda n, k: 50 + 0.5 * n * k),
    ("O(min(n, k))", lambda n, k: 50 + 3 * min(n, k)),
    ("O(max(n, k))", lambda n, k: 50 + 3 * max(n, k)),
    ("O(n) if n <= k, else O(1)", lambda n, k: 50 + 3 * n if n <= k else 50.0),
    ("O(k) if k <= n, else O(1)", lambda n, k: 50 + 3 * k if k <= n else 50.0),
    ("O(n) if n == k, else O(1)", lambda n, k: 50 + 3 * n if n == k else 50.0),
]
NOISES = [0.02, 0.10, 0.30]


def fit(binary, rows):
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
        f.write("n,k,seconds\n")
        for n, k, v in rows:
            f.write("%d,%d,%r\n" % (n, k, v))
        path = f.name
    try:
        out = subprocess.run([binary, "fit", "--two-variables", "--format", "json", path],
                             capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(path)
    return json.loads(out)["measured"]


def main():
    binary = sys.argv[1]
    trials = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    rng = random.Random(0)
    for noise in NOISES:
        print("noise ±%d%%, %d trials per shape (rows: truth; columns: what the fit said)"
              % (noise * 100, trials))
        said = {}
        for name, cost in TRUTHS:
            counts = {}
            for _ in range(trials):
                rows = [(n, k, cost(n, k) * (1 + noise * rng.uniform(-1, 1)))
                        for n in AXIS for k in AXIS]
                m = fit(binary, rows)
                m = "inconclusive" if m.startswith("inconclusive") else m
                counts[m] = counts.get(m, 0) + 1
            said[name] = counts
        columns = [t for t, _ in TRUTHS] + sorted(
            {m for c in said.values() for m in c} - {t for t, _ in TRUTHS})
        print("| truth | " + " | ".join(columns) + " |")
        print("|---" * (len(columns) + 1) + "|")
        correct = 0
        for name, _ in TRUTHS:
            correct += said[name].get(name, 0)
            print("| %s | " % name + " | ".join(str(said[name].get(c, 0)) for c in columns) + " |")
        print("correct: %d of %d\n" % (correct, trials * len(TRUTHS)))


if __name__ == "__main__":
    main()
