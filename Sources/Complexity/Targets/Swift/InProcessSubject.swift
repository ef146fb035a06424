/// Swift code timed in this process: the one adapter behind the Swift
/// containers in the catalog and behind `measureComplexity`.
///
/// Three ways to keep an operation at its size:
///
/// - `.shared`: one input per size, built untimed and kept for the whole
///   sweep; the operation either leaves it unchanged or restores it itself
///   (a `removeFirst` followed by an `append`, say, with the O(1) `append`
///   inside the timing).
/// - `.blocks(restore:)`: amortised operations (`append`, inserting new
///   keys) run in timed blocks of n/2 calls on the shared input, and
///   `restore` brings it back to size n, untimed, before each block.
/// - `.fresh`: every call gets its own input from `setUp`, built untimed,
///   and each call is timed alone. For mutating operations whose effect
///   cannot be undone cheaply (sorting, removing everything), and for
///   copy-on-write: a fresh input is uniquely referenced, so the timed call
///   does not pay for a copy it would not pay for in real code.
public struct InProcessSubject<Input, Output>: Subject {
  /// How the input is kept at its size.
  public enum Mode {
    case shared
    case blocks(restore: (inout Input, Int) throws -> Void)
    case fresh
  }

  private let setUp: (Int) throws -> Input
  private let operation: (inout Input) throws -> Output
  private let mode: Mode
  private let meter: InProcessMeter
  /// Wall-clock nanoseconds one `.fresh` sample may take, set-up included.
  static var freshSampleBudget: UInt64 { 20_000_000 }
  /// Inputs of the shared modes, built once per size.
  private var inputs: [Int: Input] = [:]
  /// Inputs forgotten (`forgetInputs`) and still kept alive, per size.
  private var retired: [Int: [Input]] = [:]
  /// Whether every forgotten input is kept as long as the subject (see
  /// `forgetInputs`): counted, yes.
  package var keepsEveryForgottenInput: Bool
  /// Sizes counted so far (instructions and bytes, not time).
  private var warmed: Set<Int> = []

  /// - Parameters:
  ///   - mode: how the input is kept at its size (default `.shared`).
  ///   - meter: what a sample measures (default `.clock`: seconds).
  ///   - setUp: builds the input for size `n` (untimed).
  ///   - operation: the timed call; its result is kept alive.
  public init(
    mode: Mode = .shared, meter: InProcessMeter = .clock,
    setUp: @escaping (Int) throws -> Input,
    operation: @escaping (inout Input) throws -> Output
  ) {
    self.mode = mode
    self.meter = meter
    self.keepsEveryForgottenInput = meter.metric == .instructions
    self.setUp = setUp
    self.operation = operation
  }

  public func residentBytes() -> UInt64? { ResidentMemory.bytes() }

  /// Forgets the inputs built so far, but keeps them alive, so that the
  /// next ones cannot reuse their blocks: a hash table seeded by its
  /// address (`Set`, `Dictionary`, `OrderedSet`) then gets a new seed and
  /// another layout, not a freed block and an earlier input's. Counted,
  /// every forgotten input is kept as long as the subject (a counted sweep
  /// compares up to six inputs' layouts, and a third built where the
  /// first was freed would copy its layout); timed, one until the next of
  /// its size is built (a time sweep's second pass only needs another
  /// block than the first's, and holds one input more, not all).
  public mutating func forgetInputs() throws {
    for (n, input) in inputs { retired[n, default: []].append(input) }
    inputs = [:]
    warmed = []
  }

  /// A shared input built again can have another layout (see
  /// `forgetInputs`); a `.fresh` op builds one per call anyway.
  package var rebuiltInputsDiffer: Bool {
    if case .fresh = mode { return false }
    return true
  }

  public var metric: Metric { meter.metric }

  /// Builds the shared inputs of `sizes` now (a `.fresh` op builds one per
  /// call, so nothing): counted under callgrind, before the first counted
  /// block they are built uninstrumented (`CallgrindClient.collect`).
  /// Best effort: a size whose set-up fails is left to its sample.
  package mutating func prepare(sizes: [Int]) throws {
    if case .fresh = mode { return }
    for n in sizes where inputs[n] == nil {
      guard let input = try? build(n) else { return }
      inputs[n] = input
    }
  }

  /// One sample: seconds or instructions of `iterations` calls, or their
  /// bytes as every subject reports them (`Metric.spaceSample`).
  public mutating func sample(size: Int, iterations: Int) throws -> Double {
    // Counted, the first sample at a size pays once for what later ones
    // reuse: the lazy binding of library symbols, the runtime's first
    // instantiation of generic metadata (and its allocation), the heap
    // growing to the size. It is taken and dropped. (By the clock,
    // calibration has warmed up.)
    if meter.metric != .time && !warmed.contains(size) {
      _ = try measure(size: size, iterations: iterations)
      warmed.insert(size)
    }
    let measured = try measure(size: size, iterations: iterations)
    return meter.metric.isSpace
      ? Metric.spaceSample(bytes: measured, calls: iterations) : measured
  }

  private mutating func measure(size: Int, iterations: Int) throws -> Double {
    switch mode {
    case .shared:
      var input = try takeInput(size)
      defer { inputs[size] = input }
      // Each call is its own block for memory: its peak is its own, not
      // the most any one call of the sample held.
      return try meter.sampleTotal(
        blocks: try timeBlock(&input, calls: iterations, eachCall: meter.metric.isSpace))
    case .blocks(let restore):
      var input = try takeInput(size)
      defer { inputs[size] = input }
      let block = max(1, size / 2)
      var done = 0
      var total = 0.0
      while done < iterations {
        try restore(&input, size)
        let calls = min(block, iterations - done)
        total += try timeBlock(&input, calls: calls)
        done += calls
      }
      return try meter.sampleTotal(blocks: total)
    case .fresh:
      // Building a fresh input can cost far more than the call it feeds
      // (an O(n) array for an O(1) removeAll): past a wall-clock budget,
      // the calls made so far stand for the sample, scaled to its size.
      let deadline = MonotonicClock.nanoseconds() + Self.freshSampleBudget
      var total = 0.0
      var calls = 0
      while calls < iterations {
        var input = try setUp(size)
        total += try timeBlock(&input, calls: 1)
        blackHole(input)
        calls += 1
        if meter.freshSampleIsDone(calls: calls, deadline: deadline) { break }
      }
      total = try meter.sampleTotal(blocks: total)
      return total * Double(iterations) / Double(calls)
    }
  }

  /// The shared input of a size, moved out of the cache so that it is
  /// uniquely referenced while timed (a second reference would make the
  /// first mutation copy it).
  private mutating func takeInput(_ size: Int) throws -> Input {
    if let input = inputs.removeValue(forKey: size) { return input }
    return try build(size)
  }

  /// A new shared input of size `n`; timed, the one forgotten at that
  /// size goes only now that it is built (see `forgetInputs`).
  private mutating func build(_ n: Int) throws -> Input {
    defer { if !keepsEveryForgottenInput { retired[n] = nil } }
    return try setUp(n)
  }

  /// One block of `calls` calls, or (`eachCall`) as many blocks of one
  /// call: the sum of their measures.
  private func timeBlock(
    _ input: inout Input, calls: Int, eachCall: Bool = false
  ) throws
    -> Double
  {
    if eachCall && calls > 1 {
      var total = 0.0
      for _ in 0..<calls { total += try timeBlock(&input, calls: 1) }
      return total
    }
    guard meter.metric == .time else {
      return try meter.block {
        for _ in 0..<calls { blackHole(try operation(&input)) }
      }
    }
    // By the clock, the loop is read directly rather than through the
    // meter's closure: the example's insert-at-front (n = 64…4096) was
    // inconclusive in 2 of 15 runs through the closure, and passed 25 of
    // 25 this way.
    let start = MonotonicClock.nanoseconds()
    for _ in 0..<calls { blackHole(try operation(&input)) }
    let end = MonotonicClock.nanoseconds()
    return Double(end - start) / 1e9
  }
}
