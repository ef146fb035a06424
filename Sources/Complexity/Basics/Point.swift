/// The timings of one operation at one size.
public struct Point: Codable, Sendable, Equatable {
  /// The size the operation ran at.
  public var n: Int
  /// How many times the operation ran inside each sample.
  public var iterations: Int
  /// Seconds per operation, one value per timed sample (every sample is kept).
  public var samples: [Double]

  public init(n: Int, iterations: Int = 1, samples: [Double]) {
    self.n = n
    self.iterations = iterations
    self.samples = samples
  }

  /// The value fitted for this size: the minimum sample.
  ///
  /// Timing noise only ever adds time (another process, an interrupt, a cache
  /// flush), so the fastest sample is the best estimate of the cost itself.
  /// (Where a Swift op's size was counted on several inputs whose layouts
  /// differ, the classifier fits the median of the inputs' minima instead:
  /// `Classification.fitted`.)
  public var best: Double { samples.min() ?? .nan }
}

extension Array where Element == Point {
  /// Merges points of equal size into one, keeping every sample, sorted by size.
  public func mergedBySize() -> [Point] {
    var bySize: [Int: Point] = [:]
    for p in self {
      if var q = bySize[p.n] {
        q.samples += p.samples
        bySize[p.n] = q
      } else {
        bySize[p.n] = p
      }
    }
    return bySize.values.sorted { $0.n < $1.n }
  }
}
