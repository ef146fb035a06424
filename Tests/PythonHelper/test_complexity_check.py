"""Tests of complexity_check.py, the pytest helper `complexity python-helper`
prints, against the built tool ($COMPLEXITY_BIN). Stdlib unittest; run by
scripts/test after the build. The classes asserted are far apart (O(1)
against O(n)), so a busy machine cannot swap them."""
import os
import sys
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "Sources", "Complexity", "Targets", "Python", "Helper"))

from complexity_check import assert_complexity, measure_complexity  # noqa: E402

SMALL = ["--max-size", "4096"]


@unittest.skipUnless(os.environ.get("COMPLEXITY_BIN"), "COMPLEXITY_BIN names no built tool")
class HelperTests(unittest.TestCase):
    def test_an_agreeing_class_passes_and_says_what_it_measured(self):
        # Some microseconds of work a call, not 30 ns: a lookup that fast
        # can be left undecided between O(1) and O(log n) by one slow size.
        result = assert_complexity("x[-1] + sum(range(300))", setup="x = list(range(n))",
                                   expected="O(1)", metric="time", extra=SMALL)
        self.assertEqual(result.verdict, "agree")
        self.assertEqual(result.measured, "O(1)")

    def test_a_differing_class_is_an_assertion_error_naming_both(self):
        with self.assertRaises(AssertionError) as caught:
            assert_complexity("x.count(-1)", setup="x = list(range(n))", expected="O(1)",
                              metric="time", extra=SMALL)
        self.assertIn("expected O(1)", str(caught.exception))

    def test_bad_input_and_failures_are_other_errors(self):
        with self.assertRaises(ValueError):
            measure_complexity("x", setup="x = (", metric="time", extra=SMALL)
        with self.assertRaises(RuntimeError):
            measure_complexity("raise KeyError('boom')", metric="time", extra=SMALL)


if __name__ == "__main__":
    unittest.main()
