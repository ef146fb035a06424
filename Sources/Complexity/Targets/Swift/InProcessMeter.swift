/// What an in-process subject measures: seconds by the clock,
/// instructions counted by the callgrind the process runs under, or the
/// peak bytes counted by the allocation counter preloaded into it.
///
/// A sample is one or more blocks of calls (several with `.blocks`, one
/// per call with `.fresh`); what runs between blocks (restoring the input,
/// building a fresh one) is never measured.
public struct InProcessMeter {
  /// Seconds by the monotonic clock (the default).
  public static let clock = InProcessMeter(kind: .clock)

  /// Instructions, counted by callgrind's client requests.
  ///
  /// - Throws: `ComplexityError(.missingTool, …)` when the process does not
  ///   run under callgrind (see `CallgrindClient.current()`).
  public static func instructions() throws -> InProcessMeter {
    InProcessMeter(kind: .callgrind(try CallgrindClient.current()))
  }

  /// Bytes counted by `AllocationCounter`: the peak above the input
  /// (`.memory`, the default) or the total allocated (`.allocated`).
  ///
  /// - Throws: `ComplexityError(.missingTool, …)` when the counting
  ///   allocator is not preloaded into the process.
  public static func allocations(_ metric: Metric = .memory) throws -> InProcessMeter {
    InProcessMeter(kind: .allocations(try AllocationCounter.current(), total: metric == .allocated))
  }

  /// The metric this meter measures.
  public var metric: Metric {
    switch kind {
    case .clock: return .time
    case .callgrind: return .instructions
    case .allocations(_, let total): return total ? .allocated : .memory
    }
  }

  private enum Kind {
    case clock
    case callgrind(CallgrindClient)
    case allocations(AllocationCounter, total: Bool)
  }

  private let kind: Kind

  private init(kind: Kind) { self.kind = kind }

  /// Runs one block of a sample. Returns its seconds by the clock, or its
  /// peak or total bytes; counted instructions accumulate in callgrind until
  /// `sampleTotal`, so 0.
  @inline(__always)
  func block(_ body: () throws -> Void) rethrows -> Double {
    switch kind {
    case .callgrind(let callgrind):
      try callgrind.collect(body)
      return 0
    case .allocations(let counter, let total):
      let bytes = try counter.measure(body)
      return Double(total ? bytes.total : bytes.peak)
    case .clock:
      let start = MonotonicClock.nanoseconds()
      try body()
      let end = MonotonicClock.nanoseconds()
      return Double(end - start) / 1e9
    }
  }

  /// The sample's total: the sum of its blocks' seconds or peaks, or the
  /// instructions callgrind counted in them.
  func sampleTotal(blocks: Double) throws -> Double {
    guard case .callgrind(let callgrind) = kind else { return blocks }
    return Double(try callgrind.dump())
  }

  /// Whether a `.fresh` sample has made enough calls to stand for all of
  /// them. By the clock: when a wall-clock budget is spent (building a
  /// fresh input can cost far more than the call it feeds). Counting
  /// instructions or bytes: after a fixed number of calls, so that the
  /// sample is the same in every run (each call executes the same
  /// instructions; valgrind is ~50 times slower, and a clock deadline
  /// would let the load choose the number).
  func freshSampleIsDone(calls: Int, deadline: UInt64) -> Bool {
    guard case .clock = kind else { return calls >= Self.countedFreshCalls }
    return MonotonicClock.nanoseconds() > deadline
  }

  /// Calls counted in one `.fresh` sample under callgrind.
  static let countedFreshCalls = 4
}
