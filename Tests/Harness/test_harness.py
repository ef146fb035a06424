"""Tests of the CPython harness (Sources/Complexity/Targets/Python/Harness/)
and of every CPython op of the catalog (Sources/Complexity/Catalog/CPython/*.json).

Stdlib only: `python3 -m unittest discover -s Tests/Harness` (scripts/test runs it).
"""
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HARNESS_DIR = os.path.join(ROOT, "Sources", "Complexity", "Targets", "Python", "Harness")
# The file the Swift side runs (it imports complexity_harness and serves).
HARNESS = os.path.join(HARNESS_DIR, "complexity_start.py")
MODULES = ("complexity_wire", "complexity_inputs", "complexity_sampler", "complexity_counting",
           "complexity_memory", "complexity_harness")
CATALOG = os.path.join(ROOT, "Sources", "Complexity", "Catalog", "CPython")


class Harness:
    """Fresh copies of the harness's modules (the op table starts empty)."""

    def __init__(self):
        if HARNESS_DIR not in sys.path:
            sys.path.insert(0, HARNESS_DIR)
        for name in MODULES:
            sys.modules.pop(name, None)
        self.inputs = importlib.import_module("complexity_inputs")
        self.sampler = importlib.import_module("complexity_sampler")
        self.counting = importlib.import_module("complexity_counting")
        self.memory = importlib.import_module("complexity_memory")

    def define(self, req):
        return self.sampler.define(req)

    def time_op(self, req):
        return self.sampler.time_op(req)

    def count_op(self, req):
        return self.counting.count_op(req)

    def memory_op(self, req):
        return self.memory.memory_op(req)

    @property
    def prepared(self):
        return self.sampler._prepared


def load_harness():
    return Harness()


def catalog_ops():
    ops = []
    for name in sorted(os.listdir(CATALOG)):
        if name.endswith(".json"):
            with open(os.path.join(CATALOG, name), encoding="utf-8") as f:
                ops += json.load(f)["operations"]
    return ops


def define_request(op_id, code):
    return dict(cmd="define", op=op_id, **code)


class WireTests(unittest.TestCase):
    """complexity_wire reads and writes what json.loads and json.dumps do."""

    def setUp(self):
        load_harness()
        self.wire = importlib.import_module("complexity_wire")

    def test_uses_the_c_codec_in_cpython(self):
        self.assertIsNotNone(self.wire._codec)

    def test_reads_what_json_reads(self):
        for text in ['{"cmd": "define", "op": "x\\u00e9", "setup": "x = ints(n)\\n", "n": 3}',
                     '{"f": 1.5e-3, "l": [1, -2, {"a": null}], "t": true, "e": false}',
                     '[]', '"only a string"', '{"big": 123456789012345678901234567890}']:
            self.assertEqual(self.wire.loads(text), json.loads(text), text)

    def test_writes_what_json_writes(self):
        for value in [{"ok": True, "seconds": [3.99e-06, 1e300, 0.1, float("inf")]},
                      {"ok": False, "error": "\u00e9\n\"quoted\"", "bad_input": True},
                      {"ok": True, "dumps": [1, 2], "warmup": {"seconds": 0.5, "settled": False}},
                      {"python": {"version": "3.11.7"}, "ops": []}]:
            self.assertEqual(self.wire.dumps(value), json.dumps(value))

    def test_bad_text_fails_as_json_fails(self):
        for text in ['{"cmd": ', '{"a": 1} trailing', '', 'nope']:
            with self.assertRaises(ValueError, msg=text):
                self.wire.loads(text)

    def test_refuses_what_json_refuses(self):
        with self.assertRaises(TypeError):
            self.wire.dumps({"x": object()})

    def test_the_harness_starts_without_json_re_or_platform(self):
        # Each of them is start-up time under valgrind (json alone 0.2 s).
        code = ("import sys; sys.path.insert(0, %r); import complexity_harness; "
                "print(sorted(m for m in ('json', 're', 'platform', 'enum') "
                "if m in sys.modules))" % HARNESS_DIR)
        out = subprocess.run([sys.executable, "-S", "-c", code], capture_output=True, text=True,
                             check=True, env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
        self.assertEqual(out.stdout.strip(), "[]")


class StartTests(unittest.TestCase):
    """complexity_start.py: the harness served from its kept bytecode."""

    def test_the_start_file_keeps_the_harness_bytecode(self):
        # The file an interpreter runs is compiled at every start; the modules
        # it imports are compiled once (under valgrind 0.1 s of each start).
        import shutil
        with tempfile.TemporaryDirectory() as folder:
            for name in MODULES + ("complexity_start",):
                shutil.copy(os.path.join(HARNESS_DIR, name + ".py"), folder)
            env = {k: v for k, v in os.environ.items() if k != "PYTHONPYCACHEPREFIX"}
            env["PYTHONDONTWRITEBYTECODE"] = "1"
            out = subprocess.run(
                [sys.executable, "-S", "-u", os.path.join(folder, "complexity_start.py")],
                input='{"cmd": "hello"}\n{"cmd": "quit"}\n', capture_output=True, text=True,
                env=env, timeout=60, check=True)
            self.assertTrue(json.loads(out.stdout.splitlines()[0])["ok"])
            kept = os.listdir(os.path.join(folder, "__pycache__"))
            self.assertTrue(any(f.startswith("complexity_harness.") for f in kept), kept)
            self.assertFalse(any(f.startswith("complexity_start.") for f in kept), kept)


class ProtocolTests(unittest.TestCase):
    """The harness as the Swift side runs it: JSON lines over stdin/stdout."""

    def setUp(self):
        self.err = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            [sys.executable, "-u", HARNESS], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=self.err, text=True)

    def tearDown(self):
        if self.proc.poll() is None:
            self.proc.stdin.write('{"cmd": "quit"}\n')
            self.proc.stdin.flush()
            self.proc.wait(timeout=10)
        self.proc.stdin.close()
        self.proc.stdout.close()
        self.err.close()

    def ask(self, request):
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def test_hello_names_the_interpreter(self):
        reply = self.ask({"cmd": "hello"})
        self.assertTrue(reply["ok"])
        self.assertEqual(reply["python"]["implementation"], "CPython")
        self.assertEqual(reply["ops"], [])

    def test_define_then_time(self):
        self.assertTrue(self.ask(define_request("t.len", {"setup": "x = ints(n)", "stmt": "len(x)"}))["ok"])
        reply = self.ask({"cmd": "time", "op": "t.len", "n": 100, "loops": 50, "repeats": 3})
        self.assertTrue(reply["ok"], reply)
        self.assertEqual(len(reply["seconds"]), 3)
        self.assertTrue(all(s >= 0 for s in reply["seconds"]))

    def test_a_failure_is_a_reply_and_the_harness_keeps_serving(self):
        reply = self.ask({"cmd": "time", "op": "no.such", "n": 1, "loops": 1, "repeats": 1})
        self.assertFalse(reply["ok"])
        self.assertIn("unknown op", reply["error"])
        self.assertFalse(self.ask({"cmd": "frobnicate"})["ok"])
        self.assertTrue(self.ask({"cmd": "hello"})["ok"])

    def test_code_that_does_not_compile_is_refused_with_its_field(self):
        reply = self.ask(define_request("t.bad", {"setup": "x = (", "stmt": "x"}))
        self.assertFalse(reply["ok"])
        self.assertIn("setup code does not compile", reply["error"])
        reply = self.ask(define_request("t.bad", {"setup": "x = 1", "stmt": "x", "block": "1 +"}))
        self.assertIn("block code does not compile", reply["error"])

    def test_the_users_prints_and_reads_never_reach_the_protocol(self):
        code = {"setup": "print('set up'); import sys; sys.stdin.read()",
                "stmt": "print(n, end='')"}
        self.assertTrue(self.ask(define_request("t.print", code))["ok"])
        reply = self.ask({"cmd": "time", "op": "t.print", "n": 3, "loops": 2, "repeats": 1})
        self.assertTrue(reply["ok"], reply)
        self.assertTrue(self.ask({"cmd": "hello"})["ok"])
        self.err.seek(0)
        self.assertIn(b"set up\n33", self.err.read())

    def test_quit_ends_the_process(self):
        self.proc.stdin.write('{"cmd": "quit"}\n')
        self.proc.stdin.flush()
        self.assertEqual(self.proc.wait(timeout=10), 0)

    def test_quit_now_skips_the_teardown_but_flushes(self):
        code = {"setup": "import atexit, sys; atexit.register(lambda: sys.stderr.write('atexit'))",
                "stmt": "pass"}
        self.assertTrue(self.ask(define_request("t.exit", code))["ok"])
        self.assertTrue(self.ask({"cmd": "time", "op": "t.exit", "n": 1, "loops": 1, "repeats": 1})["ok"])
        self.proc.stdin.write('{"cmd": "quit", "now": true}\n')
        self.proc.stdin.flush()
        self.assertEqual(self.proc.wait(timeout=10), 0)
        self.err.seek(0)
        self.assertNotIn(b"atexit", self.err.read())

    def test_settle_warms_each_size_up_once_and_says_how_long(self):
        self.assertTrue(self.ask(define_request("t.sum", {"setup": "x = ints(n)", "stmt": "sum(x)"}))["ok"])
        ask = {"cmd": "time", "op": "t.sum", "n": 100, "loops": 5, "repeats": 2, "settle": True}
        first = self.ask(ask)
        self.assertTrue(first["ok"], first)
        self.assertEqual(len(first["seconds"]), 2)
        self.assertGreater(first["warmup"]["seconds"], 0)
        self.assertIsInstance(first["warmup"]["settled"], bool)
        self.assertNotIn("warmup", self.ask(ask))
        self.assertIn("warmup", self.ask(dict(ask, n=200)))

    def test_instrument_off_valgrind_says_why_it_cannot(self):
        reply = self.ask({"cmd": "instrument"})
        self.assertFalse(reply["ok"])
        if os.uname().machine in ("x86_64", "amd64"):
            # The client request ran, and answered as off valgrind.
            self.assertEqual(reply["error"], "not running under valgrind")
        self.assertTrue(self.ask({"cmd": "hello"})["ok"])


class SamplerTests(unittest.TestCase):
    """The timing loop and its restores, called directly."""

    def setUp(self):
        self.h = load_harness()

    def define(self, op_id, **code):
        self.assertTrue(self.h.define(dict(op=op_id, **code))["ok"])

    def test_restore_brings_every_block_back_to_size_n(self):
        self.define("t.del", setup="x = ints(n); seen = []",
                    stmt="seen.append(len(x)); del x[0]",
                    restore="x[:] = ints(n)", block="1")
        self.h.time_op(dict(op="t.del", n=20, loops=7, repeats=2))
        prepared = self.h.prepared[20]
        self.assertEqual(prepared.ns["seen"], [20] * 14)

    def test_blocks_of_the_given_size_run_between_restores(self):
        self.define("t.add", setup="x = ints(n); sizes = []", stmt="x.append(V)",
                    restore="sizes.append(len(x)); del x[n:]", block="max(1, n // 2)")
        self.h.time_op(dict(op="t.add", n=10, loops=12, repeats=1))
        # 12 appends in blocks of 5: restores see 10, 15, 15 items.
        self.assertEqual(self.h.prepared[10].ns["sizes"], [10, 15, 15])

    def test_the_hot_key_and_cold_keys(self):
        self.define("t.get", setup="x = ints(n); got = []", stmt="got.append(K)",
                    key="n // 2", cold="rng.randrange(n)")
        self.h.time_op(dict(op="t.get", n=100, loops=5, repeats=1))
        self.assertEqual(self.h.prepared[100].ns["got"], [50] * 5)
        self.h.time_op(dict(op="t.get", n=100, loops=50, repeats=1, cold=True))
        self.assertGreater(len(set(self.h.prepared[100].ns["got"])), 10)

    def test_each_size_is_built_once_and_kept(self):
        self.define("t.built", setup="x = ints(n)", stmt="len(x)")
        log = []
        inputs = self.h.sampler._BUILDERS
        original = inputs.ints
        inputs.ints = lambda n: log.append(n) or original(n)
        try:
            for n in (4, 8, 4, 8):
                self.h.time_op(dict(op="t.built", n=n, loops=1, repeats=1))
        finally:
            inputs.ints = original
        self.assertEqual(log, [4, 8])

    def test_counts_copy_each_input_built_once(self):
        prototypes = self.h.sampler.Prototypes()
        a, b = prototypes.ints(5), prototypes.ints(5)
        self.assertEqual(a, b)
        self.assertIsNot(a, b)
        a.append(1)
        self.assertEqual(len(prototypes.ints(5)), 5)
        s = prototypes.hset(8)
        self.assertEqual(s, self.h.sampler.complexity_inputs.hset(8))
        self.assertIsNot(s, prototypes.hset(8))
        # The counted twin's set-up gets them; the timed loop's the builders.
        self.define("t.proto", setup="x = ints(n)", stmt="len(x)")
        self.h.count_op(dict(op="t.proto", n=8, loops=1, repeats=1))
        self.assertIs(self.h.prepared[8].ns["ints"].__self__, self.h.sampler.PROTOTYPES)

    def test_check_refuses_sizes_out_of_range(self):
        self.define("t.fixed", setup="x = ints(FIXED_N)", stmt="x[0]", check="n <= 16")
        with self.assertRaisesRegex(ValueError, "out of range"):
            self.h.time_op(dict(op="t.fixed", n=17, loops=1, repeats=1))

    def test_the_counted_twin_runs_the_same_statement_as_often(self):
        self.define("t.count", setup="x = ints(n); calls = [0]",
                    stmt="calls[0] += 1", restore="pass", block="2")
        reply = self.h.count_op(dict(op="t.count", n=8, loops=6, repeats=3))
        self.assertEqual(len(reply["dumps"]), 3)
        self.assertEqual(reply["dumps"], sorted(reply["dumps"]))
        runs = self.h.prepared[8].ns["calls"][0]
        # Three counted samples, plus the uncounted warm-up ones, of 6 calls each.
        self.assertEqual(runs % 6, 0)
        self.assertGreaterEqual(runs, 3 * 6 + self.h.counting.WARMUP_CALLS)

    def test_the_counted_twin_can_rebind_the_op_names(self):
        self.define("t.rebind", setup="x = list(range(n))", stmt="x = x[1:] + x[:1]")
        self.h.count_op(dict(op="t.rebind", n=5, loops=3, repeats=1))
        self.assertEqual(sorted(self.h.prepared[5].ns["x"]), list(range(5)))

    def test_an_ops_code_is_compiled_once_not_at_every_size(self):
        import builtins
        from unittest import mock
        self.define("t.once", setup="x = ints(n)", stmt="x[K]", key="n // 2",
                    cold="rng.randrange(n)", check="n >= 1")
        self.h.count_op(dict(op="t.once", n=4, loops=2, repeats=1))
        with mock.patch.object(builtins, "compile", wraps=builtins.compile) as spy:
            for n in (8, 16):
                self.h.count_op(dict(op="t.once", n=n, loops=2, repeats=1, cold=False))
        # Set-up, key and check were compiled at define; the counted loop
        # at the first size.
        self.assertEqual(spy.call_count, 0)
        self.assertEqual(self.h.prepared[16].hot, 8)

    def test_prototypes_are_out_of_the_collectors_sight(self):
        import gc
        if not hasattr(gc, "freeze"):
            self.skipTest("gc.freeze is CPython 3.7+")
        self.addCleanup(gc.unfreeze)
        gc.unfreeze()
        self.h.sampler.Prototypes().ints(5)
        self.assertGreater(gc.get_freeze_count(), 0)

    def test_an_ops_inputs_are_freed_when_the_op_changes_despite_the_freeze(self):
        import gc
        import weakref
        self.addCleanup(gc.unfreeze)
        # The set-up's function closes a cycle through the namespace, alive
        # (and frozen) when the prototype of ints(8) is built.
        self.define("t.cycle", setup="class T: pass\nt = T()\ndef f(): return t\nx = ints(n)",
                    stmt="f()")
        self.define("t.next", setup="x = ints(n)", stmt="len(x)")
        self.h.count_op(dict(op="t.cycle", n=8, loops=1, repeats=1))
        held = weakref.ref(self.h.prepared[8].ns["t"])
        self.h.count_op(dict(op="t.next", n=8, loops=1, repeats=1))
        gc.collect()
        self.assertIsNone(held())

    def test_instrumentation_starts_after_the_warm_up_before_the_first_count(self):
        calls = []
        self.define("t.late", setup="x = ints(n); seen = [0]", stmt="seen[0] += 1")

        def request(code, *args):
            calls.append((code, self.h.prepared[4].ns["seen"][0]))
            return 1
        self.h.counting._pending_instrumentation = request
        self.h.count_op(dict(op="t.late", n=4, loops=1, repeats=2))
        self.h.count_op(dict(op="t.late", n=8, loops=1, repeats=1))
        # Once, when the uncounted warm-up calls had run and no counted one.
        self.assertEqual(calls, [(self.h.counting._START_INSTRUMENTATION,
                                  self.h.counting.WARMUP_CALLS)])

    def test_prepare_builds_each_size_before_its_first_count(self):
        self.define("t.ahead", setup="x = ints(n); built = [n]", stmt="len(x)",
                    check="n <= 16")
        replies = [self.h.counting.prepare_size(dict(op="t.ahead", n=n)) for n in (4, 8, 32)]
        # Best effort: a size that fails (32 is out of range) says so, and
        # its count then fails with the reason.
        self.assertEqual(replies, [{"ok": True, "prepared": True}] * 2
                         + [{"ok": True, "prepared": False}])
        kept = self.h.prepared[8]
        self.assertIs(kept.ns["ints"].__self__, self.h.sampler.PROTOTYPES)
        self.h.count_op(dict(op="t.ahead", n=8, loops=1, repeats=1))
        self.assertIs(self.h.prepared[8], kept)
        with self.assertRaisesRegex(ValueError, "out of range"):
            self.h.count_op(dict(op="t.ahead", n=32, loops=1, repeats=1))

    def test_reset_forgets_the_prepared_inputs(self):
        self.define("t.len", setup="x = ints(n)", stmt="len(x)")
        self.h.time_op(dict(op="t.len", n=3, loops=1, repeats=1))
        self.assertIn(3, self.h.prepared)
        self.h.define(dict(op="t.len", setup="x = ints(n)", stmt="len(x)"))
        self.assertEqual(self.h.prepared, {})


class CatalogOpTests(unittest.TestCase):
    """Every CPython op of the catalog, and its worst case, runs in the harness."""

    def test_every_op_times_and_counts_at_small_sizes(self):
        h = load_harness()
        for row in catalog_ops():
            variants = [(row["id"], row["python"])]
            if "worstPython" in row:
                variants.append((row["id"] + "@worst", row["worstPython"]))
            if "grid" in row:
                # A grid's code sees k too, assigned first in its set-up
                # (and restore), as the Swift side's TwoVariableSession does.
                grid = dict(row["grid"]["python"])
                for key in ("setup", "restore"):
                    if key in grid:
                        grid[key] = "k = 4\n" + grid[key]
                variants.append((row["id"] + "@grid", grid))
            for op_id, code in variants:
                with self.subTest(op=op_id):
                    self.assertTrue(h.define(dict(op=op_id, **code))["ok"])
                    for n in (8, 64):
                        reply = h.time_op(dict(op=op_id, n=n, loops=4, repeats=2))
                        self.assertEqual(len(reply["seconds"]), 2)
                        h.time_op(dict(op=op_id, n=n, loops=4, repeats=1, cold=True))
                    self.assertEqual(len(h.count_op(dict(op=op_id, n=8, loops=2, repeats=1))["dumps"]), 1)
                    self.assertEqual(len(h.memory_op(dict(op=op_id, n=8, loops=2, repeats=1))["bytes"]), 1)

    def test_memory_is_the_peak_above_the_input(self):
        h = load_harness()
        self.assertTrue(h.define(dict(op="m.copy", setup="x = ints(n)", stmt="x.copy()"))["ok"])
        self.assertTrue(h.define(dict(op="m.get", setup="x = ints(n)", stmt="x[0]"))["ok"])
        self.assertTrue(h.define(dict(op="m.add", setup="x = ints(n)", stmt="x.append(V)",
                                      restore="del x[n:]", block="max(1, n // 2)"))["ok"])
        small = h.memory_op(dict(op="m.copy", n=1000, loops=3, repeats=2))["bytes"]
        large = h.memory_op(dict(op="m.copy", n=4000, loops=3, repeats=2))["bytes"]
        # A copy holds n pointers (8 bytes each): 3 calls of about 8n bytes.
        self.assertGreater(small[0], 3 * 8 * 1000)
        self.assertAlmostEqual(large[0] / small[0], 4, delta=0.1)
        # The input is not counted: indexing allocates (almost) nothing.
        self.assertLess(h.memory_op(dict(op="m.get", n=4000, loops=3, repeats=1))["bytes"][0], 3 * 100)
        # A block op's peak is shared out over the block's calls.
        per_call = h.memory_op(dict(op="m.add", n=4000, loops=1, repeats=1))["bytes"][0]
        self.assertLess(per_call, 100)

    def test_totals_need_the_counting_allocator(self):
        # Without libComplexityAllocationCounter.so preloaded there is
        # nothing to count with: the request fails, naming what it needs.
        h = load_harness()
        self.assertTrue(h.define(dict(op="m.copy", setup="x = ints(n)", stmt="x.copy()"))["ok"])
        if "ComplexityAllocationCounter" in os.environ.get("LD_PRELOAD", ""):
            self.skipTest("the counting allocator is preloaded")
        with self.assertRaisesRegex(RuntimeError, "LD_PRELOAD"):
            h.memory_op(dict(cmd="allocated", op="m.copy", n=100, loops=1, repeats=1))

    def test_rows_have_what_the_swift_side_reads(self):
        for row in catalog_ops():
            with self.subTest(op=row["id"]):
                if "grid" in row:
                    grid = row["grid"]
                    self.assertEqual(len(grid["names"]), 2)
                    self.assertEqual(len(grid["n"]), 2)
                    self.assertGreaterEqual(len(set(grid["values"])), 3)
                    self.assertTrue({"setup", "stmt"} <= set(grid["python"]))
                self.assertTrue(row["id"].split(".")[0] in ("list", "set", "dict", "deque"))
                self.assertIn("documentedText", row)
                self.assertIn("method", row)
                self.assertTrue({"setup", "stmt"} <= set(row["python"]))
                self.assertEqual("worstPython" in row, "documentedWorst" in row)


if __name__ == "__main__":
    unittest.main()
