"""The seed's two-variable rows, each counted over a grid and judged by its
formula as written (`complexity fit --two-variables`).

For each row, the second variable takes the values of AXIS in turn; at each,
`complexity time --metric instructions` counts the row's statement over n
= AXIS[0] .. AXIS[-1] (the tool's own size choice); the points of all those
sweeps make the grid, which is fitted in both variables and compared with
the documented formula. Usage: two_variable_rows.py BINARY"""
import json
import os
import subprocess
import sys
import tempfile
import time

AXIS = [64, 256, 1024, 4096, 16384]
# id, documented (the seed's spelling), names, setup (n and k bound), statement, fresh.
ROWS = [
    ("list.getslice", "O(k)", ("n", "k"), "x = list(range(n))", "x[:k]", False),
    ("list.multiply", "O(nk)", ("n", "k"), "x = list(range(n))", "x * k", False),
    ("list.setslice", "O(k+n)", ("n", "k"), "x = list(range(n)); y = list(range(k))",
     "x[1:2] = y", True),
    ("set.union", "O(len(s)+len(t))", ("len(s)", "len(t)"),
     "s = set(range(n)); t = set(range(10**9, 10**9 + k))", "s | t", False),
    ("set.intersection", "O(min(len(s), len(t)))", ("len(s)", "len(t)"),
     "s = set(range(n)); t = set(range(k))", "s & t", False),
    ("set.difference", "O(len(s))", ("len(s)", "len(t)"),
     "s = set(range(n)); t = set(range(k))", "s - t", False),
    ("set.eq", "O(min(len(s), len(t)))", ("len(s)", "len(t)"),
     "s = set(range(n)); t = set(range(k))", "s == t", False),
]


def counted(binary, setup, stmt, fresh):
    args = [binary, "time", "--metric", "instructions", "--no-cache", "--quiet",
            "--format", "json", "--min-size", str(AXIS[0]), "--max-size", str(AXIS[-1]),
            "--setup", setup, stmt]
    if fresh:
        args.insert(2, "--fresh")
    run = subprocess.run(args, capture_output=True, text=True)
    if run.returncode not in (0, 1):
        raise SystemExit("%s: %s" % (stmt, run.stderr.strip()))
    return json.loads(run.stdout)["results"][0]["points"]


def main():
    binary = sys.argv[1]
    print("| row | documented | measured | verdict | metric | grid | wall |")
    print("|---|---|---|---|---|---|---|")
    for op, documented, names, setup, stmt, fresh in ROWS:
        start = time.time()
        rows = []
        for k in AXIS:
            for p in counted(binary, setup.replace("range(k)", "range(%d)" % k)
                             .replace("+ k)", "+ %d)" % k) + "; k = %d" % k, stmt, fresh):
                rows.append((p["n"], k, min(p["samples"])))
        with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
            f.write("%s,%s,instructions\n" % names)
            for n, k, v in rows:
                f.write("%d,%d,%r\n" % (n, k, v))
            path = f.name
        try:
            fit = subprocess.run([binary, "fit", "--two-variables", "--format", "json",
                                  "--expect", documented, path], capture_output=True, text=True)
        finally:
            os.unlink(path)
        if fit.returncode not in (0, 1):
            raise SystemExit("%s: %s" % (op, fit.stderr.strip()))
        r = json.loads(fit.stdout)
        grid = "%d points, %s and %s = %d..%d" % (len(rows), names[0], names[1], AXIS[0], AXIS[-1])
        print("| `%s` `%s` | %s | %s | %s | instructions | %s | %.0f s |"
              % (op, stmt, documented, r["measured"], r.get("verdict", "-"), grid,
                 time.time() - start))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
