"""Memory: the peak bytes an op allocates above its input, by tracemalloc,
and the bytes it allocates in all, by the counting allocator.

Part of complexity's CPython harness (complexity_harness.py)."""
import gc

from complexity_counting import counter, direct
from complexity_sampler import prepare

# Each measured piece runs with tracemalloc started just before it and
# stopped just after, so only what it allocates is traced: its input,
# built untimed by the set-up, is not (freeing part of the input is not
# seen either, which is why the peak is "above the input"). A piece is one
# call, or one block of a block op (list.append's n/2 appends), whose peak
# is shared out over its calls: the amortised bytes per call. The loop is
# the counted twin's (complexity_counting.counter), whose runner is called
# once per piece. Tracing slows the interpreter several times over, so
# memory has a pass of its own and never shares one with the clock.


def _tracemalloc():
    """tracemalloc, imported only when memory is asked for: PyPy has none
    (its module imports a _tracemalloc that does not exist), and every
    other request must still work there."""
    try:
        import tracemalloc
        return tracemalloc
    except ImportError as e:
        raise RuntimeError(
            "this interpreter cannot trace allocations (%s): --metric memory "
            "needs CPython's tracemalloc" % e) from None


def _measured_pieces(peaks):
    """A runner for the counted twin's loop that traces each piece."""
    tracemalloc = _tracemalloc()

    def run(function, chunk):
        tracemalloc.start()
        try:
            function(chunk)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        peaks.append(peak / len(chunk))
    return run


def _allocation_counter():
    """The counting allocator's begin and end (libComplexityAllocationCounter.so),
    found in this process when it is preloaded (LD_PRELOAD). ctypes is
    imported here, not with the harness: every harness starts without it,
    the counting workers under valgrind too."""
    import ctypes
    process = ctypes.CDLL(None)
    try:
        return (process.complexity_allocations_begin,
                process.complexity_allocations_end)
    except AttributeError:
        raise RuntimeError(
            "the counting allocator is not loaded in this interpreter: totals "
            "need libComplexityAllocationCounter.so in LD_PRELOAD (and "
            "PYTHONMALLOC=malloc, so that objects are malloc's)") from None


# The total is counted with CPython's own allocator pools switched off
# (PYTHONMALLOC=malloc, set by the Swift side), so that each object is a
# malloc the counter sees, and without tracemalloc, whose own trace table
# is allocated by malloc too. What the counter's ctypes calls allocate
# between its begin and end is the same for every piece: a constant.
def _counted_pieces(totals):
    """A runner for the counted twin's loop that counts each piece's bytes."""
    import ctypes
    begin, end = _allocation_counter()
    peak, total = ctypes.c_int64(), ctypes.c_int64()
    peak_ref, total_ref = ctypes.byref(peak), ctypes.byref(total)

    def run(function, chunk):
        begin()
        try:
            function(chunk)
        finally:
            end(peak_ref, total_ref)
        totals.append(total.value / len(chunk))
    return run


def memory_op(req):
    """The reply to a "memory" request: per sample, `loops` times the mean
    peak bytes per call above the input; to an "allocated" request, `loops`
    times the mean bytes per call allocated in all."""
    pieces = _counted_pieces if req.get("cmd") == "allocated" else _measured_pieces
    prepared, loops, repeats = prepare(req)
    block = prepared.block or 1  # one call per piece, unless the op has blocks
    loops = max(loops, block)
    sample = counter(prepared)[0]

    def once(runner):
        keys = prepared.keys(loops)
        enabled = gc.isenabled()
        gc.disable()
        try:
            sample(prepared.ns, keys, block, runner)
        finally:
            if enabled:
                gc.enable()

    # One untraced run first: caches the interpreter fills on a first call
    # (specialisation, interned names) are not the op's.
    if not getattr(prepared, "memory_warm", False):
        once(direct)
        prepared.memory_warm = True
    out = []
    for _ in range(repeats):
        per_call = []
        once(pieces(per_call))
        out.append(int(req["loops"]) * sum(per_call) / len(per_call))
    return {"ok": True, "bytes": out}
