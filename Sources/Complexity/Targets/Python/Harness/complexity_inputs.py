"""The inputs every op is built from, the same way at every size.

Part of complexity's CPython harness (complexity_harness.py)."""
import gc
import random

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


class Prototypes:
    """The builders above for counting: each input is built once and then
    copied (a list's copy, and a presized set's, are what the builders
    return). Under valgrind, building hset(1 << 16) for each of ten sizes
    cost 2 s of set-up; copying costs a tenth of that. Set-up is never
    counted, and a copy holds the same int objects as its prototype, which
    instruction counts cannot tell from fresh ones (the clock could: it
    keeps the builders)."""

    def __init__(self):
        self._made = {}

    def _prototype(self, key, build):
        if key not in self._made:
            self._made[key] = build()
            # Prototypes live as long as the harness, so they go out of the
            # collector's sight (with everything alive now): the full
            # collection at each change of op (complexity_sampler.prepare)
            # walked every element of every prototype, 100 ms under
            # callgrind with the catalog's, each time. What is frozen is
            # still freed by its reference count; only a reference cycle
            # alive now and dropped later would stay.
            if hasattr(gc, "freeze"):
                gc.freeze()
        return self._made[key]

    def ints(self, n):
        return list(self._prototype(("ints", n), lambda: ints(n)))

    def hset(self, n, start=B):
        return set(self._prototype(("hset", n, start), lambda: hset(n, start)))

    def shuffled(self, n):
        return list(self._prototype(("shuffled", n), lambda: shuffled(n)))


# n held fixed where k is swept: twice the default largest k (32768), and
# small enough to count under valgrind (2^20 items, kept at every size,
# made each gc pass and each count of pop(n-k) take 45 s).
FIXED_N = 1 << 16
SMALL = 10         # the small side held fixed
