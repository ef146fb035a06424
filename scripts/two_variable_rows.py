"""The seed's two-variable rows, each counted over a grid and judged by its
formula as written (`complexity fit --two-variables`).

Each row is one `complexity time --var` run: the second variable takes the
values of AXIS, and at each the row's statement is counted over n = AXIS[0]
.. AXIS[-1] (the tool's own size choice, the columns counted side by side);
the grid is fitted in both variables and compared with the documented
formula. Usage: two_variable_rows.py BINARY"""
import json
import re
import subprocess
import sys
import time

AXIS = [64, 256, 1024, 4096, 16384]
# id, documented (the seed's spelling), names, setup (n and k bound), statement, fresh.
# The set rows name their sizes len(s) and len(t): n and k to the tool.
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


def judged(binary, documented, names, setup, stmt, fresh):
    """The row swept by `complexity time --var` (n and k over AXIS), its
    formula in n and k compared with the documented one."""
    expect = documented.replace(names[0], "n").replace(names[1], "k")
    args = [binary, "time", "--metric", "instructions", "--no-cache", "--quiet",
            "--format", "json", "--var", "n=%d..%d" % (AXIS[0], AXIS[-1]),
            "--var", "k=" + ",".join(map(str, AXIS)), "--expect", expect,
            "--setup", setup, stmt]
    if fresh:
        args.insert(2, "--fresh")
    run = subprocess.run(args, capture_output=True, text=True)
    if run.returncode not in (0, 1):
        raise SystemExit("%s: %s" % (stmt, run.stderr.strip()))
    return json.loads(run.stdout)


def main():
    binary = sys.argv[1]
    print("| row | documented | measured | verdict | metric | grid | wall |")
    print("|---|---|---|---|---|---|---|")
    for op, documented, names, setup, stmt, fresh in ROWS:
        start = time.time()
        r = judged(binary, documented, names, setup, stmt, fresh)
        # Spelled in the row's own names again.
        measured = re.sub(r"\b[nk]\b", lambda m: names["nk".index(m.group())], r["measured"])
        grid = "%d points, %s and %s = %d..%d" % (r["points"], names[0], names[1], AXIS[0], AXIS[-1])
        print("| `%s` `%s` | %s | %s | %s | %s | %s | %.0f s |"
              % (op, stmt, documented, measured, r.get("verdict", "-"),
                 r["sweep"]["metric"], grid, time.time() - start))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
