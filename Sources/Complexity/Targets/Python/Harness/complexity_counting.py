"""Instruction counts: the counted twin of the timing loop, under callgrind.

Part of complexity's CPython harness (complexity_harness.py)."""
import contextvars
import gc
import os

from complexity_sampler import PROTOTYPES, indent, prepare, reset

# The Swift side starts this harness under
#   valgrind --tool=callgrind --collect-atstart=no --instr-atstart=no
#            --toggle-collect=context_run --dump-before=getppid
# and asks it to `instrument` once it has started, which switches
# instrumentation on at the first counted sample: callgrind's
# instrumentation doubles the cost of everything it sees, and the
# interpreter's start and this harness's imports are most of a count
# worker's start (2.0 s of 4.3 s on an Intel Xeon), none of it counted; so
# are the first op's compiling and its first set-up and warm-up.
# Callgrind then counts instructions only while Context.run is running: a C
# function (callgrind sees C functions enter and leave, not Python ones)
# that this harness calls for nothing but the measured loop. So set-up, the
# keys, restores and the harness's own work run uncounted, as the clock
# leaves them out of timings. os.getppid (libc's getppid, which nothing else
# here calls) ends a sample: callgrind writes what it counted since the last
# mark to its Nth dump file, N being the number of marks so far.
_context = contextvars.copy_context()
_marks = 0


# A valgrind client request is a no-op instruction sequence valgrind
# recognises (valgrind.h, amd64): rotations of rdi by 128 bits in all, then
# xchg rbx, rbx, with the request's six words at rax and the answer in rdx.
# Python cannot issue it, so this is that sequence as a C function
#   unsigned long request(unsigned long args[6])  /* returns rdx, 0 default */
# in an executable page, called through ctypes. Off valgrind it returns 0.
_REQUEST_X86_64 = bytes.fromhex(
    "4889f8" "31d2"                              # mov rax, rdi; xor edx, edx
    "48c1c703" "48c1c70d" "48c1c73d" "48c1c733"  # rol rdi, 3, 13, 61, 51
    "4887db" "4889d0" "c3")                      # xchg rbx, rbx; mov rax, rdx; ret
_RUNNING_ON_VALGRIND = 0x1001
# VG_USERREQ_TOOL_BASE('C', 'T') + 4 (callgrind.h).
_START_INSTRUMENTATION = 0x43540000 + 4


def _client_request():
    """A function that issues a valgrind client request, or an error."""
    if os.uname().machine not in ("x86_64", "amd64"):
        return None, "no client request for %s" % os.uname().machine
    try:
        import ctypes
        import mmap
    except ImportError as e:
        return None, "no ctypes (%s)" % e
    page = mmap.mmap(-1, mmap.PAGESIZE,
                     prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)
    page.write(_REQUEST_X86_64)
    address = ctypes.addressof(ctypes.c_char.from_buffer(page))
    words = ctypes.c_ulong * 6
    call = ctypes.CFUNCTYPE(ctypes.c_ulong, words)(address)
    _client_request.page = page  # the code lives as long as the harness

    def request(code, *args):
        return call(words(code, *args))
    return request, None


# The client request that switches instrumentation on, once `instrument`
# has been asked for and until the first counted sample or mark issues it.
_pending_instrumentation = None


def instrument():
    """Has callgrind's instrumentation switched on just before the first
    counted sample (or mark), and checks now that it can be: an error names
    why not (the Swift side then starts valgrind with instrumentation on
    from the start). Until then the interpreter runs uninstrumented, twice
    as fast: the first op's definition (its compiling) and its first
    sample's set-up and warm-up, none of it counted. Switching on discards
    valgrind's translations, so it is done once."""
    global _pending_instrumentation
    request, error = _client_request()
    if request is None:
        return {"ok": False, "error": error}
    if request(_RUNNING_ON_VALGRIND) == 0:
        return {"ok": False, "error": "not running under valgrind"}
    _pending_instrumentation = request
    return {"ok": True}


def _instrument_now():
    """Switches instrumentation on if `instrument` asked for it."""
    global _pending_instrumentation
    if _pending_instrumentation is not None:
        _pending_instrumentation(_START_INSTRUMENTATION)
        _pending_instrumentation = None


def mark():
    global _marks
    _instrument_now()
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


def direct(function, chunk):
    """Calls the measured loop as Context.run would, but outside it."""
    function(chunk)


def prepare_size(req):
    """Builds the op's input at the request's size now, uncounted, as
    count_op would at its first sample there: a size the sweep will count
    next. Before the first counted sample instrumentation is still off,
    and there building list.pop0's ten inputs (n = 32 ... 32768) took 33 ms
    where building each at its first count took 250 ms (Intel Xeon). Best
    effort: a size that fails says so, and its count then fails with the
    reason."""
    try:
        prepare(dict(req, loops=1, repeats=1), collect=False, builders=PROTOTYPES)
    except MemoryError:
        reset()
        return {"ok": True, "prepared": False}
    except Exception:
        return {"ok": True, "prepared": False}
    return {"ok": True, "prepared": True}


def count_op(req):
    prepared, loops, repeats = prepare(req, collect=False, builders=PROTOTYPES)
    block = prepared.block or loops
    entry = counter(prepared)
    sample = entry[0]

    def once(counted=True):
        keys = prepared.keys(loops)
        enabled = gc.isenabled()
        gc.disable()
        try:
            # Uncounted runs call the loop directly, outside Context.run,
            # so callgrind collects nothing and no mark (a dump, 4 ms under
            # valgrind) is needed to set them apart.
            if counted:
                _instrument_now()
            sample(prepared.ns, keys, block, _context.run if counted else direct)
        finally:
            if enabled:
                gc.enable()
        return mark() if counted else None

    # Uncounted warm-up: the first sample of the op until the interpreter's
    # specialisation settles, then one sample at each new size (a first
    # sample also grows what restores later reuse).
    if not entry[1]:
        calls = -(-loops // block)
        for _ in range(max(1, -(-WARMUP_CALLS // calls))):
            once(counted=False)
        entry[1] = True
        prepared.warm = True
    if not getattr(prepared, "warm", False):
        once(counted=False)
        prepared.warm = True
    return {"ok": True, "dumps": [once() for _ in range(repeats)]}
