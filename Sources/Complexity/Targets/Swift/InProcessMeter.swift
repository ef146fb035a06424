/// What an in-process subject measures: seconds by the clock, or
/// instructions counted by the callgrind the process runs under.
///
/// A sample is one or more blocks of calls (several with `.blocks`, one
/// per call with `.fresh`); what runs between blocks (restoring the input,
/// building a fresh one) is never measured.
public struct InProcessMeter {
  /// Seconds by the monotonic clock (the default).
  public static let clock = InProcessMeter(callgrind: nil)

  /// Instructions, counted by callgrind's client requests.
  ///
  /// - Throws: `ComplexityError(.missingTool, …)` when the process does not
  ///   run under callgrind (see `CallgrindClient.current()`).
  public static func instructions() throws -> InProcessMeter {
    InProcessMeter(callgrind: try CallgrindClient.current())
  }

  /// The metric this meter measures.
  public var metric: Metric { callgrind == nil ? .time : .instructions }

  private let callgrind: CallgrindClient?

  private init(callgrind: CallgrindClient?) { self.callgrind = callgrind }

  /// Runs one block of a sample. Returns its seconds by the clock; counted
  /// instructions accumulate in callgrind until `sampleTotal`, so 0.
  @inline(__always)
  func block(_ body: () throws -> Void) rethrows -> Double {
    if let callgrind {
      try callgrind.collect(body)
      return 0
    }
    let start = MonotonicClock.nanoseconds()
    try body()
    let end = MonotonicClock.nanoseconds()
    return Double(end - start) / 1e9
  }

  /// The sample's total: the sum of its blocks' seconds, or the
  /// instructions callgrind counted in them.
  func sampleTotal(blocks: Double) throws -> Double {
    guard let callgrind else { return blocks }
    return Double(try callgrind.dump())
  }

  /// Whether a `.fresh` sample has made enough calls to stand for all of
  /// them. By the clock: when a wall-clock budget is spent (building a
  /// fresh input can cost far more than the call it feeds). Counting: after
  /// a fixed number of calls, so that the sample is the same in every run
  /// (each call executes the same instructions; valgrind is ~50 times
  /// slower, and a clock deadline would let the load choose the number).
  func freshSampleIsDone(calls: Int, deadline: UInt64) -> Bool {
    if callgrind != nil { return calls >= Self.countedFreshCalls }
    return MonotonicClock.nanoseconds() > deadline
  }

  /// Calls counted in one `.fresh` sample under callgrind.
  static let countedFreshCalls = 4
}
