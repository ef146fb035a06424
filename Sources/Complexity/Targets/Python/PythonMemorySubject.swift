/// One CPython operation's memory: the peak bytes each call allocates above
/// its input, traced by `tracemalloc` in the harness's own interpreter
/// (`complexity_memory.py`: tracing starts just before each call, or each
/// block of a block op, and stops just after, so the input built by the
/// set-up is not counted).
///
/// What it sees: every allocation CPython makes through its allocators
/// (objects, list and dict storage, buffers). What it misses: memory a C
/// extension takes from `malloc` directly, and memory given back to the
/// system; a freed block counts no longer, so the peak is the most held at
/// once. Each call is charged one byte more than it allocated, so that an
/// op that allocates nothing at any size is the constant 1 B, which a
/// log-scale fit can hold (a real allocation is 16 bytes or more).
package struct PythonMemorySubject: Subject {
  /// The op id the harness knows it by.
  package var op: String
  /// Random positions across the container instead of one hot key.
  package var cold: Bool
  let harness: PythonHarness

  package init(op: String, harness: PythonHarness, cold: Bool = false) {
    self.op = op
    self.harness = harness
    self.cold = cold
  }

  package var metric: Metric { .memory }

  package func residentBytes() -> UInt64? { harness.residentBytes() }

  /// What every memory result says about how it was measured.
  package static let notes = [
    "peak bytes per call above the input, traced by tracemalloc around each call (or each "
      + "block of a block op, shared out over its calls), plus one byte per call so that "
      + "nothing allocated is a constant; memory taken from malloc by C code directly, or "
      + "already freed, is not seen",
    "one untraced run first at each size, so caches the interpreter fills on a first call "
      + "are not the op's",
  ]

  /// The peak bytes of `iterations` calls at one size (their mean, times
  /// `iterations`), plus one byte per call.
  package mutating func sample(size: Int, iterations: Int) throws -> Double {
    try harness.memory(op: op, n: size, loops: iterations, cold: cold) + Double(iterations)
  }
}
