# complexity's CPython harness (Python 3.8 or newer). The Swift side embeds
# its seven files (complexity_start.py, this one, complexity_wire.py,
# complexity_inputs.py, complexity_sampler.py, complexity_counting.py and
# complexity_memory.py), writes them to a folder named by their contents
# under the user's cache folder (where the interpreter keeps their bytecode
# between runs) and runs `python3 -u complexity_start.py` there (under
# valgrind to count instructions), which imports this file and calls main();
# run as a script, this file serves the same way. It reads one JSON request
# per line and answers one JSON reply per line, on its own copies of
# standard input and output: the user's code prints to standard error and
# reads an empty standard input, so nothing it does can reach the protocol.
# `complexity harness` prints it.
#   {"cmd": "hello"}  -> {"ok": true, "python": {...}, "ops": [...]}
#   {"cmd": "time", "op": ID, "n": N, "loops": K, "repeats": R, "cold": false}
#                     -> {"ok": true, "seconds": [total of K loops, R values]}
#   {"cmd": "define", "op": ID, "setup": CODE, "stmt": CODE, and any of
#    "restore", "block", "key", "cold", "keys", "check"}  -> {"ok": true}
#   {"cmd": "reset"}  -> {"ok": true}: forget every prepared input
#   {"cmd": "count", "op": ID, "n": N, "loops": K, "repeats": R, "cold": false}
#                     -> {"ok": true, "dumps": [callgrind dump of each sample]}
#   {"cmd": "prepare", "op": ID, "n": N, "cold": false}
#                     -> {"ok": true, "prepared": true}: build the input
#                        "count" will use at size N now (uncounted)
#   {"cmd": "mark"}   -> {"ok": true, "dump": N}: make callgrind dump now
#   {"cmd": "instrument"} -> {"ok": true}: switch callgrind's instrumentation on
#   {"cmd": "memory", "op": ID, "n": N, "loops": K, "repeats": R, "cold": false}
#                     -> {"ok": true, "bytes": [K x peak bytes per call, R values]}
#   {"cmd": "allocated", ...as memory} -> {"ok": true, "bytes": [K x bytes allocated
#                        per call in all, R values]} (the counting allocator preloaded)
#   {"cmd": "quit"}   (with "now": true, without the interpreter's teardown)
# Any failure -> {"ok": false, "error": "..."} ("bad_input": true when the code
# given does not compile); the harness keeps serving.
# "count", "prepare", "mark" and "instrument" only mean something under callgrind
# (complexity_counting.py).
import os
import sys

# The harness's own modules keep their bytecode beside them (PYTHONDONTWRITEBYTECODE
# is set for the user's code): compiling them again is 0.2 s of each start
# under valgrind. The folder is the harness's alone, named by its contents.
_writes_bytecode = sys.dont_write_bytecode
sys.dont_write_bytecode = False
import complexity_sampler as sampler  # noqa: E402
from complexity_counting import count_op, instrument, mark, prepare_size  # noqa: E402
from complexity_memory import memory_op  # noqa: E402
from complexity_wire import dumps, loads  # noqa: E402
sys.dont_write_bytecode = _writes_bytecode

# platform.python_implementation()'s names, without importing platform (and re).
_IMPLEMENTATIONS = {"cpython": "CPython", "pypy": "PyPy", "ironpython": "IronPython",
                    "jython": "Jython"}


def hello():
    return {"ok": True, "ops": sorted(sampler.OPS),
            # platform.python_version() reads the same word of sys.version.
            "python": {"version": sys.version.split()[0],
                       "implementation": _IMPLEMENTATIONS.get(
                           sys.implementation.name, sys.implementation.name),
                       "executable": sys.executable}}


def handle(req):
    """The reply to one request."""
    cmd = req.get("cmd")
    if cmd == "hello":
        return hello()
    if cmd == "time":
        return sampler.time_op(req)
    if cmd == "define":
        return sampler.define(req)
    if cmd == "count":
        return count_op(req)
    if cmd == "prepare":
        return prepare_size(req)
    if cmd in ("memory", "allocated"):
        return memory_op(req)
    if cmd == "instrument":
        return instrument()
    if cmd == "mark":
        return {"ok": True, "dump": mark()}
    if cmd == "reset":
        sampler.reset()
        return {"ok": True}
    return {"ok": False, "error": "unknown command %r" % cmd}


def protocol_channels():
    """The harness's own copies of standard input and output; file
    descriptors 0 and 1 then belong to the user's code: an empty input, and
    standard error for anything it prints."""
    requests = os.fdopen(os.dup(0), "r")
    replies = os.fdopen(os.dup(1), "w")
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    os.dup2(2, 1)
    return requests, replies


def main():
    requests, replies = protocol_channels()
    for line in requests:
        line = line.strip()
        if not line:
            continue
        try:
            req = loads(line)
            if req.get("cmd") == "quit":
                if req.get("now"):
                    # The interpreter's teardown frees every object: under
                    # valgrind 0.8 s of a count worker's life, for nothing.
                    sys.stdout.flush()
                    sys.stderr.flush()
                    os._exit(0)
                break
            reply = handle(req)
        except MemoryError:
            sampler.reset()
            reply = {"ok": False, "error": "out of memory"}
        except sampler.BadCode as e:
            reply = {"ok": False, "error": str(e), "bad_input": True}
        except Exception as e:
            reply = {"ok": False, "error": "%s: %s" % (type(e).__name__, e)}
        sys.stdout.flush()
        replies.write(dumps(reply) + "\n")
        replies.flush()


if __name__ == "__main__":
    main()
