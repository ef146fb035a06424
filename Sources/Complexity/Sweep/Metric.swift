/// What a sweep measures per operation.
///
/// Time and instructions answer different questions (memory, a third,
/// is the space an op needs). Time is what users feel, caches,
/// the kernel and the machine's load included; on a shared machine it is
/// noisy, and cache effects can mimic a log factor. Instructions, counted
/// by callgrind, do not depend on load or timing at all, so a verdict on
/// them repeats to the last digit; but they are blind to what an
/// instruction costs (a cache miss counts as one instruction, like a hit).
public enum Metric: String, Codable, Sendable, CaseIterable {
  /// Seconds per operation, by the clock.
  case time
  /// Instructions per operation, counted under valgrind's callgrind.
  case instructions
  /// Peak bytes an operation allocates above its input (CPython's
  /// tracemalloc, Swift's counting allocator), plus one byte per call so
  /// that nothing allocated is a constant a log-scale fit can hold.
  case memory
  /// Bytes an operation allocates in all, however soon it frees them (the
  /// counting allocator, in CPython with `PYTHONMALLOC=malloc`), plus one
  /// byte per call: the garbage it makes, beside the most it holds.
  case allocated

  /// Whether it measures space (bytes), not time or steps.
  public var isSpace: Bool { self == .memory || self == .allocated }

  /// The unit of a point's samples: `s` or `Ir` (callgrind's name for
  /// instructions executed).
  public var unit: String {
    switch self {
    case .time: return "s"
    case .instructions: return "Ir"
    case .memory, .allocated: return "B"
    }
  }

  /// How a value is named in headings: `seconds` or `instructions`.
  public var quantity: String {
    switch self {
    case .time: return "seconds"
    case .instructions: return "instructions"
    case .memory: return "bytes"
    case .allocated: return "bytes allocated"
    }
  }
}

extension Metric {
  /// A space sample as every subject reports it: the bytes `calls` calls
  /// allocated plus one byte a call, so that an op that allocates nothing
  /// at any size is the constant 1 B, which a log-scale fit can hold (a
  /// real allocation is 16 bytes or more).
  static func spaceSample(bytes: Double, calls: Int) -> Double { bytes + Double(calls) }
}
