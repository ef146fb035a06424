"""Assert the Big-O class of your own Python code in pytest (or unittest).

Printed by `complexity python-helper > complexity_check.py`; standard
library only. Each call runs `complexity time --expect CLASS` on your code,
in a fresh interpreter, and reads its JSON:

    from complexity_check import assert_complexity

    def test_pop_front_is_linear():
        assert_complexity("x.pop(0); x.append(0)", setup="x = list(range(n))",
                          expected="O(n)")

The tool's exit status is the contract: 0 the class agrees, 1 it differs
(AssertionError, with the measured class and the tool's notes), 2 bad input
(ValueError), 3 the measurement failed (RuntimeError). `$COMPLEXITY_BIN`, or
`tool=`, names the tool when `complexity` is not on PATH.
"""
import json
import os
import subprocess

__all__ = ["assert_complexity", "measure_complexity", "ComplexityResult"]


class ComplexityResult:
    """What one `complexity time` run measured."""

    def __init__(self, report, status):
        result = report["results"][0]
        self.status = status
        self.measured = result.get("measured")
        self.verdict = result.get("verdict")
        self.metric = result.get("metric")
        self.confidence = result.get("confidence")
        self.stop_reason = result.get("stop_reason")
        self.notes = (result.get("classification") or {}).get("notes", [])
        self.sizes = [p["n"] for p in result.get("points", [])]
        self.report = report

    def __repr__(self):
        return "ComplexityResult(measured=%r, verdict=%r, metric=%r)" % (
            self.measured, self.verdict, self.metric)


def measure_complexity(statement, setup="pass", expected=None, *, metric="auto",
                       fresh=False, tool=None, python=None, extra=()):
    """Runs `complexity time` on `statement` (with `setup` building the
    input from `n`) and returns a ComplexityResult.

    Raises ValueError for bad input (exit 2) and RuntimeError when the
    measurement failed (exit 3)."""
    command = [tool or os.environ.get("COMPLEXITY_BIN", "complexity"), "time",
               "--setup", setup, "--metric", metric, "--format", "json", "--quiet"]
    if expected:
        command += ["--expect", expected]
    if fresh:
        command.append("--fresh")
    if python:
        command += ["--python", python]
    command += list(extra) + ["--", statement]
    run = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if run.returncode == 2:
        raise ValueError("complexity refused the input: " + run.stderr.strip())
    if run.returncode == 3 or run.returncode not in (0, 1):
        raise RuntimeError("complexity could not measure it (exit %d): %s"
                           % (run.returncode, run.stderr.strip()))
    return ComplexityResult(json.loads(run.stdout), run.returncode)


def assert_complexity(statement, setup="pass", expected="O(n)", **options):
    """Asserts that `statement` grows as `expected` (`O(1)`, `O(log n)`,
    `O(sqrt n)`, `O(n)`, `O(n log n)`, `O(n^2)`, `O(n^3)`, `O(2^n)`).

    Raises AssertionError when the measured class differs or the
    measurement cannot tell; returns the ComplexityResult when it agrees."""
    result = measure_complexity(statement, setup, expected, **options)
    if result.status != 0 or result.verdict != "agree":
        raise AssertionError(
            "%s: expected %s, measured %s (%s, by %s)\n  %s"
            % (statement, expected, result.measured, result.verdict, result.metric,
               "\n  ".join(result.notes)))
    return result
