"""Side-by-side accuracy benchmark: complexity against big_O (PyPI `big-o`).

Run through scripts/bigo-benchmark, which builds the tool and a private
virtual environment with big-o. Each tool classifies the same operations,
whose true classes follow from CPython's source, R times (default 5); the
table shows how often each got the true class and how long a verdict took.
The runs of the two tools alternate, so machine noise hits both alike.
"""
import json
import random
import subprocess
import sys
import time

import big_o

TOOL = sys.argv[1]
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 5

# op, true class (from CPython's source), big_O function and data generator,
# complexity's arguments, and a size cap that both tools get (an O(n^2) loop
# at big_O's default max_n of 100000 would run for hours).
NESTED = "for a in x:\n    for b in x: pass"
CASES = [
    ("list.pop0", "O(n)", lambda x: x.pop(0), lambda n: list(range(n)),
     ["sweep", "--op", "list.pop0"], None),
    ("list.append", "O(1)", lambda x: x.append(1), lambda n: list(range(n)),
     ["sweep", "--op", "list.append"], None),
    ("list.getitem", "O(1)", lambda x: x[len(x) // 2], lambda n: list(range(n)),
     ["sweep", "--op", "list.getitem"], None),
    ("set.contains", "O(1)", lambda s: 12345 in s, lambda n: set(range(n)),
     ["sweep", "--op", "set.contains"], None),
    ("list.sort", "O(n log n)", lambda x: sorted(x),
     lambda n: random.Random(int(n)).sample(range(int(n)), int(n)),
     ["sweep", "--op", "list.sort"], None),
    ("list.contains", "O(n)", lambda x: -1 in x, lambda n: list(range(n)),
     ["sweep", "--op", "list.contains"], None),
    ("nested loop", "O(n^2)", lambda x: [None for a in x for b in x], lambda n: list(range(n)),
     ["time", "--setup", "x = list(range(n))", NESTED], 2048),
    ("dict.getitem", "O(1)", lambda d: d[0], lambda n: dict.fromkeys(range(n), 0),
     ["sweep", "--op", "dict.getitem"], None),
]

BIGO_NAMES = {
    "Constant": "O(1)", "Logarithmic": "O(log n)", "Linear": "O(n)",
    "Linearithmic": "O(n log n)", "Quadratic": "O(n^2)", "Cubic": "O(n^3)",
    "Polynomial": "polynomial", "Exponential": "exponential",
}
SETTINGS = {
    "default": {},
    # More sizes, more repeats, the minimum of several timings per size.
    "tuned": {"min_n": 100, "n_measures": 20, "n_repeats": 3, "n_timings": 5},
}


def run_bigo(case, setting):
    _, _, func, gen, _, cap = case
    kwargs = dict(SETTINGS[setting])
    if cap:
        kwargs["max_n"] = cap
    start = time.perf_counter()
    best, _ = big_o.big_o(func, gen, **kwargs)
    return BIGO_NAMES.get(type(best).__name__, type(best).__name__), time.perf_counter() - start


def run_ours(case):
    _, _, _, _, args, cap = case
    # --no-cache: every round counts anew, so each verdict's seconds are a
    # first run's (a second identical run reads its counts from the cache).
    cmd = [TOOL] + args + ["--format", "json", "--quiet", "--no-cache"]
    if cap:
        cmd += ["--max-size", str(cap)]
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if out.returncode not in (0, 1):
        return "error: " + out.stderr.strip(), seconds
    doc = json.loads(out.stdout)
    result = doc["results"][0] if "results" in doc else doc
    return result["measured"], seconds


def main():
    rows = []
    for case in CASES:
        verdicts = {"default": [], "tuned": [], "ours": []}
        seconds = {"default": 0.0, "tuned": 0.0, "ours": 0.0}
        for _ in range(ROUNDS):
            for who in ("ours", "default", "tuned"):
                v, s = run_ours(case) if who == "ours" else run_bigo(case, who)
                verdicts[who].append(v)
                seconds[who] += s
        rows.append((case, verdicts, seconds))
        print("%-13s done" % case[0], file=sys.stderr)

    print("%-13s %-11s %-34s %-34s %-30s" % (
        "op", "true class", "big_O default (correct/%d, s/verdict)" % ROUNDS,
        "big_O tuned (correct/%d, s/verdict)" % ROUNDS,
        "complexity (correct/%d, s/verdict)" % ROUNDS))
    totals = {"default": 0, "tuned": 0, "ours": 0}
    for case, verdicts, seconds in rows:
        cells = []
        for who in ("default", "tuned", "ours"):
            correct = sum(v == case[1] for v in verdicts[who])
            totals[who] += correct
            cells.append("%d/%d %5.2fs" % (correct, ROUNDS, seconds[who] / ROUNDS))
        print("%-13s %-11s %-34s %-34s %-30s" % (case[0], case[1], *cells))
    print()
    for case, verdicts, _ in rows:
        print("%-13s big_O default: %s" % (case[0], ", ".join(verdicts["default"])))
        print("%-13s big_O tuned:   %s" % ("", ", ".join(verdicts["tuned"])))
        print("%-13s complexity:    %s" % ("", ", ".join(verdicts["ours"])))
    n = len(rows) * ROUNDS
    print()
    print("correct of %d: big_O default %d, big_O tuned %d, complexity %d"
          % (n, totals["default"], totals["tuned"], totals["ours"]))


if __name__ == "__main__":
    main()
