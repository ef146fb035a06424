"""The timing loop: each op prepared once per size, and timed in blocks.

Part of complexity's CPython harness (complexity_harness.py)."""
import gc
import random
import time

import complexity_inputs
from complexity_inputs import (ABSENT, B, FIXED_N, SMALL, V, Collide, collide, Prototypes)

# Each op is defined by a "define" request (the catalog's rows, from
# Catalog/CPython/*.json, and users' snippets alike): setup (run once per size,
# untimed), stmt (timed, once per iteration), and optionally:
#   restore: untimed code run before each block to bring the state back to
#            size n (the previous block's keys are in _prev);
#   block:   iterations per timed block (an expression of n; default: all);
#   key:     the hot key K (an expression of n, evaluated once per size);
#   cold:    an expression of n and rng giving a random key for --cold;
#   keys:    an expression of n and k giving the whole key list (new keys);
#   check:   an expression of n that must hold (the sizes the op supports).
OPS = {}
FIELDS = ("setup", "stmt", "restore", "block", "key", "cold", "keys", "check")
CODE = ("setup", "stmt", "restore")  # exec'd; the other fields are eval'd


def indent(code, depth):
    pad = "    " * depth
    return "\n".join(pad + line for line in code.split("\n"))


SAMPLER = """
def _sample(_ns, _keys, _block, _timer):
{bind}
    _prev = []
    _total = 0
    _i = 0
    _k = len(_keys)
    while _i < _k:
        _chunk = _keys[_i:_i + _block]
{restore}
        _t0 = _timer()
        for K in _chunk:
{stmt}
        _total += _timer() - _t0
        _prev = _chunk
        _i += _block
    return _total
"""


# The builders a timed op's set-up calls: each input built anew.
_BUILDERS = complexity_inputs
# A counted op's: built once, copied (complexity_inputs.Prototypes).
PROTOTYPES = Prototypes()


class Prepared:
    """One op set up at one size: the namespace and its compiled sampler."""

    def __init__(self, spec, n, cold, builders=None):
        self.spec, self.n, self.cold = spec, n, cold
        built = builders or _BUILDERS
        ns = dict(B=B, V=V, ABSENT=ABSENT, ints=built.ints, shuffled=built.shuffled,
                  hset=built.hset,
                  Collide=Collide, collide=collide,
                  FIXED_N=FIXED_N, SMALL=SMALL, n=n, rng=random.Random(n))
        code = spec["_code"]  # compiled by define
        if "check" in code and not eval(code["check"], ns):
            raise ValueError("size %d is out of range for this op (%s)"
                             % (n, spec["check"]))
        exec(code["setup"], ns)
        self.ns = ns
        self._sample = None
        self.block = eval(code["block"], ns) if "block" in code else 0
        self.hot = eval(code["key"], ns) if "key" in code else None
        self.cold_key = eval(code["cold"], ns) if cold and "cold" in code else None
        self.new_keys = eval(code["keys"], ns) if "keys" in code else None

    @property
    def sample(self):
        """The timing loop over this size's names, compiled on first use
        (a counted op never needs it: under valgrind a compile costs 10 ms)."""
        if self._sample is None:
            ns = self.ns
            names = [k for k in ns if k.isidentifier() and not k.startswith("_")
                     and k != "__builtins__"]
            bind = "\n".join("    %s = _ns[%r]" % (k, k) for k in names) or "    pass"
            src = SAMPLER.format(
                bind=bind,
                restore=indent(self.spec.get("restore", "pass"), 2),
                stmt=indent(self.spec["stmt"], 3))
            code_ns = {}
            exec(compile(src, "<op %s>" % self.spec["id"], "exec"), ns, code_ns)
            self._sample = code_ns["_sample"]
        return self._sample

    def keys(self, k):
        if self.new_keys:
            return list(self.new_keys(k))
        if self.cold_key:
            rng = self.ns["rng"]
            return [self.cold_key(rng) for _ in range(k)]
        return [self.hot] * k


# Prepared sizes of the current op: each size is built once and kept, so the
# sweep can revisit sizes in any order without rebuilding (and re-scattering)
# its input.
_prepared = {}
_prepared_op = None


def prepare(req, collect=True, builders=None):
    """The request's op built at its size (once per size), its loops and
    repeats. `collect`: a full garbage collection after each new size, so
    that no garbage of the last size is collected while timing; counts need
    it only when the op changes (the loop runs with gc off, and under
    valgrind each collection costs 40 ms). `builders`: what the set-up's
    ints, hset and shuffled are (default: the builders themselves)."""
    global _prepared, _prepared_op
    op_id, n = req["op"], int(req["n"])
    loops, repeats, cold = int(req["loops"]), int(req["repeats"]), bool(req.get("cold"))
    if op_id not in OPS:
        raise KeyError("unknown op %r" % op_id)
    if n < 1 or loops < 1 or repeats < 1:
        raise ValueError("n, loops and repeats must be at least 1")
    if _prepared_op != (op_id, cold):
        _forget(_prepared)
        _prepared = {}
        _prepared_op = None
        gc.collect()
        _prepared_op = (op_id, cold)
    if n not in _prepared:
        _prepared[n] = Prepared(OPS[op_id], n, cold, builders)
        if collect:
            gc.collect()
    return _prepared[n], loops, repeats


# A JIT (PyPy's) speeds a loop up as it compiles it, so the first samples
# at a size are slower than what a program running the op for a while
# sees. With "settle" in a request, the first request at each size first
# runs samples (of at least SETTLE_SAMPLE seconds) and throws them away
# until SETTLE_RUN in a row agree within SETTLE_SPREAD, for at most
# SETTLE_SECONDS; the reply says how long that took and whether it settled.
SETTLE_SPREAD = 0.05
SETTLE_RUN = 3
SETTLE_SAMPLE = 1e-3
SETTLE_SECONDS = 2.0


def _timed(prepared, loops, timer):
    """The seconds of one sample of `loops` runs."""
    block = prepared.block or loops
    keys = prepared.keys(loops)
    enabled = gc.isenabled()
    gc.disable()
    try:
        return prepared.sample(prepared.ns, keys, block, timer) / 1e9
    finally:
        if enabled:
            gc.enable()


def _settle(prepared, loops, timer):
    """Seconds spent until the samples agreed, and whether they did."""
    start = time.perf_counter()
    while loops < 1 << 24 and _timed(prepared, loops, timer) < SETTLE_SAMPLE:
        loops *= 2
    run = []
    while True:
        run = (run + [_timed(prepared, loops, timer)])[-SETTLE_RUN:]
        spent = time.perf_counter() - start
        if len(run) == SETTLE_RUN and max(run) <= min(run) * (1 + SETTLE_SPREAD):
            return spent, True
        if spent > SETTLE_SECONDS:
            return spent, False


def time_op(req):
    prepared, loops, repeats = prepare(req)
    timer = time.perf_counter_ns
    reply = {"ok": True}
    if req.get("settle") and not getattr(prepared, "settled", None):
        spent, settled = _settle(prepared, loops, timer)
        prepared.settled = True
        reply["warmup"] = {"seconds": spent, "settled": settled}
    reply["seconds"] = [_timed(prepared, loops, timer) for _ in range(repeats)]
    return reply


def reset():
    """Forgets every prepared input (and, on the next request, rebuilds it
    somewhere else in memory)."""
    global _prepared, _prepared_op
    _forget(_prepared)
    _prepared, _prepared_op = {}, None
    gc.collect()


def _forget(prepared):
    """Empties each prepared size's namespace before it is dropped. A
    function the set-up defined refers back to the namespace, a cycle, and
    a cycle alive when a prototype was built is out of the collector's
    sight (complexity_inputs.Prototypes freezes it): emptied, the
    namespace and the inputs in it are freed by their reference counts.
    (A cycle inside the user's own objects would still stay frozen until
    the harness quits.)"""
    for p in prepared.values():
        p.ns.clear()


# The key expressions Prepared calls as functions (`cold` of rng, `keys` of
# k), so that a cold sample of 50 000 lookups evaluates, not compiles, each key.
KEY_FUNCTIONS = {"cold": "lambda rng: (%s)", "keys": "lambda k: (%s)"}


class BadCode(ValueError):
    """The user's code is wrong (it does not compile): bad input, not a failure."""


def define(req):
    """Registers an op (a catalog row or a user's snippet), after checking
    that its code compiles."""
    spec = {"id": str(req["op"])}
    for key in FIELDS:
        if req.get(key):
            spec[key] = str(req[key])
    for key in ("setup", "stmt"):
        if key not in spec:
            raise BadCode("an op needs %s code" % key)
    # Each field is compiled here, once per op, not once per size: under
    # callgrind the interpreter's compiler is a large body of code to
    # translate, and an op defined before instrumentation starts
    # (complexity_counting.instrument) never has it translated instrumented.
    # Prepared runs these code objects; stmt and restore are compiled into
    # the sampler's loop, so here they are only checked.
    code = {}
    for key in FIELDS:
        if key in spec:
            try:
                checked = compile(spec[key], "<%s>" % key, "exec" if key in CODE else "eval")
            except SyntaxError as e:
                raise BadCode("the %s code does not compile: %s (line %s)"
                              % (key, e.msg, e.lineno))
            if key in KEY_FUNCTIONS:
                code[key] = compile(KEY_FUNCTIONS[key] % spec[key], "<%s>" % key, "eval")
            elif key not in ("stmt", "restore"):
                code[key] = checked
    spec["_code"] = code
    OPS[spec["id"]] = spec
    if _prepared_op and _prepared_op[0] == spec["id"]:
        reset()
    return {"ok": True}
