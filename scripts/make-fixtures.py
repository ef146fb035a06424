#!/usr/bin/env python3
"""Writes the synthetic timing fixtures under fixtures/synthetic/.

Deterministic (seeded): re-running it rewrites the same files. Each file is
CSV with a header n,seconds and one sample per line, as `complexity fit`
reads. The true class of each file is in its name.
"""
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "fixtures", "synthetic")

TERMS = {
    "constant": lambda n: 0.0,
    "log": lambda n: math.log(n),
    "linear": lambda n: n,
    "linearithmic": lambda n: n * math.log(n),
    "quadratic": lambda n: n * n,
}
# Seconds per unit of the term, chosen so the growing term passes the
# intercept (100 ns) within the range, as real operations do.
SCALE = {"constant": 0, "log": 2e-8, "linear": 1e-9, "linearithmic": 1e-10, "quadratic": 1e-12}


def sizes(lo, hi, per_octave):
    out, i = [], 0
    while True:
        n = round(lo * 2 ** (i / per_octave))
        if n > hi:
            return out
        if not out or out[-1] != n:
            out.append(n)
        i += 1


def write(name, rows):
    with open(os.path.join(OUT, name + ".csv"), "w") as f:
        f.write("n,seconds\n")
        for n, t in rows:
            f.write("%d,%.6g\n" % (n, t))


def curve(cls, ns, rng, noise, repeats, outliers, intercept=1e-7):
    rows = []
    for n in ns:
        base = intercept + SCALE[cls] * TERMS[cls](n)
        for _ in range(repeats):
            # Timing noise only ever adds time: a few percent, one-sided.
            t = base * (1 + noise * rng.random())
            if rng.random() < outliers:
                t *= 2 + 2 * rng.random()  # an interrupted sample
            rows.append((n, t))
    return rows


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = random.Random(20261129)
    grid = sizes(32, 32768, 2)
    for cls in TERMS:
        for variant, noise, repeats, outliers in [
            ("clean", 0.03, 5, 0.0),
            ("noisy", 0.10, 5, 0.0),
            ("outliers", 0.03, 5, 0.15),
        ]:
            write("%s-%s" % (cls, variant), curve(cls, grid, rng, noise, repeats, outliers))
    # Built to be ambiguous: n log n against n over one decade, one sample
    # per size with 10% noise. The fitter must say it cannot tell.
    decade = sizes(1000, 10000, 4)
    write("ambiguous-linearithmic-one-decade",
          curve("linearithmic", decade, rng, 0.10, 1, 0.0, intercept=1e-6))


if __name__ == "__main__":
    main()
