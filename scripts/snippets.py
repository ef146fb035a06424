"""Sweeps snippets of known class with `complexity time` at default settings
and prints, per snippet, the class expected and measured, the metric that
decided, the wall time and why the sweep stopped; then the longest wall time.

    python3 scripts/snippets.py BIN [extra time options...]
"""
import json
import subprocess
import sys
import time

# (expected class, set-up, statement): each of a class that its code makes plain.
SNIPPETS = [
    ("O(1)", "d = {i: i for i in range(n)}", "d[0]"),
    ("O(1)", "s = set(range(n))", "0 in s"),
    ("O(log n)", "import bisect; a = list(range(n))", "bisect.bisect_left(a, n // 3)"),
    ("O(log n)", "import heapq; h = list(range(n))", "heapq.heappush(h, -1); heapq.heappop(h)"),
    ("O(sqrt n)", "import math", "for i in range(math.isqrt(n)): pass"),
    ("O(sqrt n)", "import math; p = next(k for k in range(n | 1, 1, -2)"
                  " if all(k % d for d in range(3, math.isqrt(k) + 1, 2)))",
     "all(p % d for d in range(3, math.isqrt(p) + 1, 2))"),
    ("O(n)", "a = list(range(n))", "sum(a)"),
    ("O(n)", "a = list(range(n))", "a[::-1]"),
    ("O(n)", "s = ['x'] * n", "''.join(s)"),
    ("O(n log n)", "import random; a = list(range(n)); random.Random(1).shuffle(a)", "sorted(a)"),
    ("O(n^2)", "r = range(n)", "for i in r:\n    for j in r:\n        pass"),
    ("O(n^2)", "import itertools; r = range(n)", "for _ in itertools.combinations(r, 2): pass"),
    ("O(n^2)", "a = list(range(n)); b = list(range(0, 2 * n, 2))", "[x for x in a if x in b]"),
    ("O(n^3)", "r = range(n)",
     "for i in r:\n    for j in r:\n        for k in r:\n            pass"),
    ("O(2^n)", "import itertools", "for _ in itertools.product((0, 1), repeat=n): pass"),
    ("O(2^n)", "import itertools; r = range(n)",
     "for k in range(n + 1):\n    for _ in itertools.combinations(r, k): pass"),
]


def main():
    binary, extra = sys.argv[1], sys.argv[2:]
    rows, longest = [], 0.0
    for expected, setup, statement in SNIPPETS:
        start = time.time()
        run = subprocess.run(
            [binary, "time", "--setup", setup, "--quiet", "--format", "json"] + extra
            + ["--", statement], capture_output=True, text=True, stdin=subprocess.DEVNULL)
        wall = time.time() - start
        longest = max(longest, wall)
        if run.returncode in (0, 1):
            r = json.loads(run.stdout)["results"][0]
            sizes = [p["n"] for p in r["points"]]
            measured, metric = r["measured"], r["metric"]
            if r.get("metric_comparison"):
                metric += " (time: %s)" % r["metric_comparison"]["time"]
            stop = r.get("stop_reason") or "-"
            span = "%d…%d" % (min(sizes), max(sizes)) if sizes else "-"
        else:
            measured, metric, stop, span = "error %d" % run.returncode, "-", "-", "-"
            measured += ": " + run.stderr.strip().splitlines()[-1][:60]
        ok = "yes" if measured == expected else "NO"
        rows.append((statement.replace("\n", "⏎ "), expected, measured, ok, metric, span,
                     "%.1f" % wall, stop))
    header = ("snippet", "expected", "measured", "right", "metric", "n", "wall s", "stop")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        cells = ("`%s`" % row[0],) + row[1:]
        print("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
    right = sum(r[3] == "yes" for r in rows)
    print("\n%d of %d at their class; longest wall time %.1f s" % (right, len(rows), longest))


if __name__ == "__main__":
    main()
