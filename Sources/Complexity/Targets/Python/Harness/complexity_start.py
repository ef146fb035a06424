"""Starts complexity's CPython harness (complexity_harness.py): the file the
interpreter runs.

The file an interpreter is given to run is compiled at every start, never
kept as bytecode. Under valgrind, compiling complexity_harness.py (6 KB) was
0.09-0.12 s of each counting worker's start (Intel Xeon, CPython 3.11.7),
before anything is counted: most of it valgrind translating the compiler's
own code for the first time. Imported from here instead, the harness is
compiled once and its bytecode kept beside it, as for its other modules."""
import sys

_writes_bytecode = sys.dont_write_bytecode
sys.dont_write_bytecode = False
import complexity_harness  # noqa: E402
sys.dont_write_bytecode = _writes_bytecode

complexity_harness.main()
