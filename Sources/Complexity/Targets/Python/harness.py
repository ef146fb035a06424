# complexity's CPython timing harness (Python 3.8 or newer). The Swift side
# embeds this file, starts it (`python3 -u -c SOURCE`, or as a file under
# valgrind), sends one JSON request per line on stdin and reads one JSON
# reply per line on stdout. `complexity harness` prints it.
#   {"cmd": "hello"}  -> {"ok": true, "python": {...}, "ops": [...]}
#   {"cmd": "time", "op": ID, "n": N, "loops": K, "repeats": R, "cold": false}
#                     -> {"ok": true, "seconds": [total of K loops, R values]}
#   {"cmd": "define", "op": ID, "setup": CODE, "stmt": CODE, and any of
#    "restore", "block", "key", "cold", "keys", "check"}  -> {"ok": true}
#   {"cmd": "reset"}  -> {"ok": true}: forget every prepared input
#   {"cmd": "count", "op": ID, "n": N, "loops": K, "repeats": R, "cold": false}
#                     -> {"ok": true, "dumps": [callgrind dump of each sample]}
#   {"cmd": "mark"}   -> {"ok": true, "dump": N}: make callgrind dump now
#   {"cmd": "quit"}
# Any failure -> {"ok": false, "error": "..."}; the harness keeps serving.
# "count" and "mark" only mean something under callgrind (see COUNTER below).
import contextvars
import gc
import json
import os
import platform
import random
import sys
import time

# Elements are ints far above CPython's small-int cache (-5..256), built the
# same way at every size, so no size gets shared objects the others lack.
B = 1 << 30
V = B - 1          # a value stored by set-item style operations
ABSENT = -(B + 7)  # an int that is in no container


def ints(n):
    return list(range(B, B + n))


def hset(n, start=B):
    # A set built by copying a set is presized: its table is the same
    # multiple of n at every power of two. Built from a list it would grow
    # by x4 steps, and its fill (and the time per element) would alternate.
    return set(set(range(start, start + n)))


class Collide:
    """A key whose hash is the same as every other's: each lookup must
    compare it with every key on the probe sequence (the worst case)."""
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return 42

    def __eq__(self, other):
        return isinstance(other, Collide) and self.v == other.v


def collide(n, start=0):
    return [Collide(i) for i in range(start, start + n)]


def shuffled(n):
    data = ints(n)
    random.Random(n).shuffle(data)
    return data


# Each op is defined by a "define" request (the catalog's rows, from
# cpython.json, and users' snippets alike): setup (run once per size,
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

FIXED_N = 1 << 20  # n held fixed where k is swept
SMALL = 10         # the small side held fixed


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


class Prepared:
    """One op set up at one size: the namespace and its compiled sampler."""

    def __init__(self, spec, n, cold):
        self.spec, self.n, self.cold = spec, n, cold
        ns = dict(B=B, V=V, ABSENT=ABSENT, ints=ints, shuffled=shuffled, hset=hset,
                  Collide=Collide, collide=collide,
                  FIXED_N=FIXED_N, SMALL=SMALL, n=n, rng=random.Random(n))
        if "check" in spec and not eval(spec["check"], ns):
            raise ValueError("size %d is out of range for this op (%s)"
                             % (n, spec["check"]))
        exec(spec["setup"], ns)
        self.ns = ns
        names = [k for k in ns if k.isidentifier() and not k.startswith("_")
                 and k != "__builtins__"]
        bind = "\n".join("    %s = _ns[%r]" % (k, k) for k in names) or "    pass"
        src = SAMPLER.format(
            bind=bind,
            restore=indent(spec.get("restore", "pass"), 2),
            stmt=indent(spec["stmt"], 3))
        code_ns = {}
        exec(compile(src, "<op %s>" % spec["id"], "exec"), ns, code_ns)
        self.sample = code_ns["_sample"]
        self.block = eval(spec.get("block", "0"), ns)
        self.hot = eval(spec["key"], ns) if "key" in spec else None

    def keys(self, k):
        ns = self.ns
        if "keys" in self.spec:
            return list(eval(self.spec["keys"], dict(ns, k=k)))
        if self.cold and "cold" in self.spec:
            rng = ns["rng"]
            return [eval(self.spec["cold"], dict(ns, rng=rng)) for _ in range(k)]
        return [self.hot] * k


# Prepared sizes of the current op: each size is built once and kept, so the
# sweep can revisit sizes in any order without rebuilding (and re-scattering)
# its input.
_prepared = {}
_prepared_op = None


def prepare(req):
    """The request's op built at its size (once per size), its loops and
    repeats."""
    global _prepared, _prepared_op
    op_id, n = req["op"], int(req["n"])
    loops, repeats, cold = int(req["loops"]), int(req["repeats"]), bool(req.get("cold"))
    if op_id not in OPS:
        raise KeyError("unknown op %r" % op_id)
    if n < 1 or loops < 1 or repeats < 1:
        raise ValueError("n, loops and repeats must be at least 1")
    if _prepared_op != (op_id, cold):
        _prepared = {}
        _prepared_op = None
        gc.collect()
        _prepared_op = (op_id, cold)
    if n not in _prepared:
        _prepared[n] = Prepared(OPS[op_id], n, cold)
        gc.collect()
    return _prepared[n], loops, repeats


def time_op(req):
    prepared, loops, repeats = prepare(req)
    block = prepared.block or loops
    timer = time.perf_counter_ns
    out = []
    for _ in range(repeats):
        keys = prepared.keys(loops)
        enabled = gc.isenabled()
        gc.disable()
        try:
            total = prepared.sample(prepared.ns, keys, block, timer)
        finally:
            if enabled:
                gc.enable()
        out.append(total / 1e9)
    return {"ok": True, "seconds": out}


# --- instruction counts (complexity sweep --metric instructions) -------------
# The Swift side starts this harness under
#   valgrind --tool=callgrind --collect-atstart=no
#            --toggle-collect=context_run --dump-before=getppid
# Callgrind then counts instructions only while Context.run is running: a C
# function (callgrind sees C functions enter and leave, not Python ones)
# that this harness calls for nothing but the measured loop. So set-up, the
# keys, restores and the harness's own work run uncounted, as the clock
# leaves them out of timings. os.getppid (libc's getppid, which nothing else
# here calls) ends a sample: callgrind writes what it counted since the last
# mark to its Nth dump file, N being the number of marks so far.
_context = contextvars.copy_context()
_marks = 0


def mark():
    global _marks
    os.getppid()
    _marks += 1
    return _marks


# The counted twin of SAMPLER: the same loop over the same statement, run
# through Context.run, one call per block. Its locals are the op's names
# (nonlocal, so the statement can rebind them as it would in SAMPLER); its
# internals are prefixed _cx_ so that user names starting with _ can be
# bound too. It is compiled once per op and shared by every size, so the
# interpreter's specialisation of the loop, warmed up once at the first
# size, is the same at every size.
COUNTER = """
def _cx_sample(_cx_ns, _cx_keys, _cx_block, _cx_run):
{bind}
    def _cx_measured(_cx_chunk):
        nonlocal {names}
        for K in _cx_chunk:
{stmt}
    _prev = []
    _cx_i = 0
    _cx_k = len(_cx_keys)
    while _cx_i < _cx_k:
        _cx_chunk = _cx_keys[_cx_i:_cx_i + _cx_block]
{restore}
        _cx_run(_cx_measured, _cx_chunk)
        _prev = _cx_chunk
        _cx_i += _cx_block
"""

# Calls of the measured loop before CPython 3.11's specialising interpreter
# has settled on its instructions (it quickens code after 8 calls or loops);
# the first sample of an op runs at least this many, uncounted.
WARMUP_CALLS = 16


def counter(prepared):
    """The counted sampler of a prepared op, compiled on first use."""
    spec = prepared.spec
    names = tuple(k for k in prepared.ns if k.isidentifier()
                  and k != "__builtins__" and not k.startswith("_cx_"))
    cache = spec.setdefault("_counters", {})
    if names not in cache:
        src = COUNTER.format(
            bind="\n".join("    %s = _cx_ns[%r]" % (k, k) for k in names),
            names=", ".join(names),
            restore=indent(spec.get("restore", "pass"), 2),
            stmt=indent(spec["stmt"], 3))
        code_ns = {}
        exec(compile(src, "<count %s>" % spec["id"], "exec"),
             {"__builtins__": __builtins__}, code_ns)
        cache[names] = [code_ns["_cx_sample"], False]
    return cache[names]


def count_op(req):
    prepared, loops, repeats = prepare(req)
    block = prepared.block or loops
    entry = counter(prepared)
    sample = entry[0]

    def once():
        keys = prepared.keys(loops)
        enabled = gc.isenabled()
        gc.disable()
        try:
            sample(prepared.ns, keys, block, _context.run)
        finally:
            if enabled:
                gc.enable()
        return mark()

    # Uncounted warm-up: the first sample of the op until the interpreter's
    # specialisation settles, then one sample at each new size (a first
    # sample also grows what restores later reuse).
    if not entry[1]:
        calls = -(-loops // block)
        for _ in range(max(1, -(-WARMUP_CALLS // calls))):
            once()
        entry[1] = True
        prepared.warm = True
    if not getattr(prepared, "warm", False):
        once()
        prepared.warm = True
    return {"ok": True, "dumps": [once() for _ in range(repeats)]}


def define(req):
    """Registers an op (a catalog row or a user's snippet), after checking
    that its code compiles."""
    spec = {"id": str(req["op"])}
    for key in FIELDS:
        if req.get(key):
            spec[key] = str(req[key])
    for key in ("setup", "stmt"):
        if key not in spec:
            raise ValueError("an op needs %s code" % key)
    for key in FIELDS:
        if key in spec:
            try:
                compile(spec[key], "<%s>" % key, "exec" if key in CODE else "eval")
            except SyntaxError as e:
                raise ValueError("the %s code does not compile: %s (line %s)"
                                 % (key, e.msg, e.lineno))
    OPS[spec["id"]] = spec
    global _prepared, _prepared_op
    if _prepared_op and _prepared_op[0] == spec["id"]:
        _prepared, _prepared_op = {}, None
    return {"ok": True}


def hello():
    return {"ok": True, "ops": sorted(OPS),
            "python": {"version": platform.python_version(),
                       "implementation": platform.python_implementation(),
                       "executable": sys.executable}}


def main():
    global _prepared, _prepared_op
    out = sys.stdout
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            req = json.loads(line)
            cmd = req.get("cmd")
            if cmd == "quit":
                break
            elif cmd == "hello":
                reply = hello()
            elif cmd == "time":
                reply = time_op(req)
            elif cmd == "define":
                reply = define(req)
            elif cmd == "count":
                reply = count_op(req)
            elif cmd == "mark":
                reply = {"ok": True, "dump": mark()}
            elif cmd == "reset":
                _prepared, _prepared_op = {}, None
                gc.collect()
                reply = {"ok": True}
            else:
                reply = {"ok": False, "error": "unknown command %r" % cmd}
        except MemoryError:
            _prepared, _prepared_op = {}, None
            reply = {"ok": False, "error": "out of memory"}
        except Exception as e:
            reply = {"ok": False, "error": "%s: %s" % (type(e).__name__, e)}
        out.write(json.dumps(reply) + "\n")
        out.flush()


if __name__ == "__main__":
    main()