/// One CPython operation, measured by the harness in a real interpreter:
/// timed (`.time`), or its memory traced (`.memory`).
///
/// Memory is the peak bytes each call allocates above its input, traced by
/// `tracemalloc` in the harness's interpreter (`complexity_memory.py`:
/// tracing starts just before each call, or each block of a block op, and
/// stops just after, so the input built by the set-up is not counted).
/// What it sees: every allocation CPython makes through its allocators
/// (objects, list and dict storage, buffers). What it misses: memory a C
/// extension takes from `malloc` directly, and memory given back before
/// the peak; a freed block counts no longer, so the peak is the most held
/// at once. Each call is charged one byte more than it allocated, so that
/// an op that allocates nothing at any size is the constant 1 B, which a
/// log-scale fit can hold (a real allocation is 16 bytes or more).
package struct PythonSubject: Subject, Interruptible {
  /// The op id the harness knows it by (`list.pop0`).
  package var op: String
  /// Random positions across the container instead of one hot key.
  package var cold: Bool
  /// `.time`, `.memory` or `.allocated`.
  package let metric: Metric
  /// Whether each size is warmed up until its samples agree before it is
  /// timed: for an interpreter with a JIT (`settles(_:)`).
  package var settle: Bool
  let harness: PythonHarness

  package init(
    op: String, harness: PythonHarness, cold: Bool = false, metric: Metric = .time,
    settle: Bool = false
  ) {
    precondition(metric != .instructions, "instructions are counted by CallgrindPythonSubject")
    self.op = op
    self.harness = harness
    self.cold = cold
    self.metric = metric
    self.settle = settle
  }

  /// Whether `interpreter` compiles loops as they run (every interpreter
  /// but CPython, whose specialising interpreter settles within the
  /// calibration's first samples): its timings need a warm-up to settle.
  package static func settles(_ interpreter: PythonInterpreter) -> Bool {
    interpreter.implementation != "CPython"
  }

  /// What the warm-ups of `op` came to, for its notes: how long they took,
  /// and the sizes whose samples never agreed.
  package static func warmUpNotes(
    _ warmUps: [Int: PythonHarness.WarmUp], interpreter: PythonInterpreter
  ) -> [String] {
    guard !warmUps.isEmpty else { return [] }
    let total = warmUps.values.map(\.seconds).reduce(0, +)
    var notes = [
      String(
        format: "%@ warmed up at each size before it was timed: %.1f s over %d sizes "
          + "(samples run until 3 in a row agreed within 5%%)",
        interpreter.implementation, total, warmUps.count)
    ]
    let unsettled = warmUps.filter { !$0.value.settled }.keys.sorted()
    if !unsettled.isEmpty {
      notes.append(
        "not settled within 2 s at n = \(unsettled.map(String.init).joined(separator: ", ")): "
          + "the JIT was still changing the loop there, so those times are not its steady state")
    }
    return notes
  }

  /// What every result in `metric` (`.memory` or `.allocated`) says about
  /// how it was measured.
  package static func notes(for metric: Metric) -> [String] {
    metric == .allocated ? allocatedNotes : memoryNotes
  }

  /// What every total-allocation result says about how it was measured.
  package static let allocatedNotes = [
    "bytes per call allocated in all, however soon freed, counted by a replacement of "
      + "glibc's malloc family preloaded into an interpreter of their own with "
      + "PYTHONMALLOC=malloc (so that every object is a malloc it sees), around each call (or "
      + "each block of a block op, shared out over its calls), plus one byte per call; bytes "
      + "are glibc's usable sizes, and a piece's own bookkeeping (a few ctypes calls) is a "
      + "constant in the intercept",
    "one uncounted run first at each size, so caches the interpreter fills on a first call "
      + "are not the op's",
  ]

  /// What every memory result says about how it was measured.
  package static let memoryNotes = [
    "peak bytes per call above the input, traced by tracemalloc around each call (or each "
      + "block of a block op, shared out over its calls), plus one byte per call so that "
      + "nothing allocated is a constant; memory taken from malloc by C code directly, or "
      + "already freed, is not seen",
    "one untraced run first at each size, so caches the interpreter fills on a first call "
      + "are not the op's",
  ]

  package func residentBytes() -> UInt64? { harness.residentBytes() }

  package mutating func forgetInputs() throws { try harness.reset() }

  /// The longest one call may take: the harness is stopped (and started
  /// anew for the next request) when a reply takes longer.
  package func limitEachCall(to seconds: Double) { harness.replyTimeout = seconds }

  /// One sample at one size: the seconds of `iterations` runs, or their
  /// peak bytes (the mean per call, times `iterations`) plus one byte per call.
  package mutating func sample(size: Int, iterations: Int) throws -> Double {
    if metric.isSpace {
      let bytes = try harness.memory(
        op: op, n: size, loops: iterations, cold: cold, total: metric == .allocated)
      return Metric.spaceSample(bytes: bytes, calls: iterations)
    }
    return try harness.time(op: op, n: size, loops: iterations, cold: cold, settle: settle)
  }
}
