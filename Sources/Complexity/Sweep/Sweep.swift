import Foundation

/// The sweep engine, shared by every subject: visits the planned sizes,
/// calibrates iterations per sample, and keeps every sample.
public struct Sweep: Sendable {
  public var plan: SizePlan
  public var timing: TimingOptions

  public init(plan: SizePlan = SizePlan(), timing: TimingOptions = TimingOptions()) {
    self.plan = plan
    self.timing = timing
  }

  /// Times a subject at every planned size, smallest first.
  ///
  /// For each size, untimed calibration runs find the iteration count that
  /// makes a sample last `timing.minimumSampleSeconds`. Then `timing.repeats`
  /// rounds each take one sample of every size, in a shuffled order.
  /// Samples are stored per operation.
  ///
  /// - Parameters:
  ///   - subject: the adapter that prepares and times the operation.
  ///   - sizes: sizes to visit instead of the plan's (for resumed or adaptive runs).
  ///   - delegate: receives an event as each size starts and finishes.
  /// - Returns: one point per size.
  /// - Throws: the subject's error; `partial` of a `SweepFailure` keeps the
  ///   points measured before it.
  public func run<S: Subject>(
    _ subject: inout S, sizes: [Int]? = nil,
    delegate: (SweepEvent) -> Void = { _ in }
  ) throws -> [Point] {
    let sizes = sizes ?? plan.sizes
    var points: [Point] = []
    var iterations = 1
    var current = 0
    do {
      // Calibrate every size once, smallest first.
      for (index, n) in sizes.enumerated() {
        current = n
        delegate(.startSize(n: n, index: index, of: sizes.count))
        iterations = try calibrate(&subject, size: n, from: iterations)
        points.append(Point(n: n, iterations: iterations, samples: []))
      }
      // Then one sample per size per round, sizes in a shuffled order each
      // round, so a slow spell of the machine hits random sizes rather than
      // a run of neighbours that would read as a trend.
      var rng = SplitMix64(seed: 0xC0FFEE)
      for round in 0..<timing.repeats {
        delegate(.startRound(index: round, of: timing.repeats))
        for i in points.indices.shuffled(using: &rng) {
          current = points[i].n
          let k = points[i].iterations
          let total = try subject.time(size: points[i].n, iterations: k, repeats: 1)
          points[i].samples.append(total[0] / Double(k))
        }
      }
    } catch {
      throw SweepFailure(
        size: current, underlying: error, partial: points.filter { !$0.samples.isEmpty })
    }
    for p in points { delegate(.finishSize(p)) }
    return points
  }

  /// Finds iterations per sample so that one sample lasts long enough.
  /// (Internal, not private: the interleaved run calibrates with it too.)
  func calibrate<S: Subject>(_ subject: inout S, size: Int, from start: Int) throws
    -> Int
  {
    let target = timing.minimumSampleSeconds
    var k = max(1, start)
    for _ in 0..<30 {
      let t = try subject.time(size: size, iterations: k, repeats: 1).first ?? 0
      guard t.isFinite, t >= 0 else {
        throw ComplexityError(.subject, "the subject reported a time of \(t) s at n = \(size)")
      }
      if t >= target {
        // Too long by far: fewer iterations serve just as well, faster.
        if t > 4 * target, k > 1 {
          return max(1, Int((Double(k) * 1.5 * target / t).rounded(.up)))
        }
        return k
      }
      if k >= timing.maximumIterations { return k }
      let scale = t > 0 ? min(1000, 1.5 * target / t) : 1000
      k = min(timing.maximumIterations, max(k + 1, Int((Double(k) * scale).rounded(.up))))
    }
    return k
  }
}

/// A sweep that stopped at one size; the sizes before it are kept.
public struct SweepFailure: Error, CustomStringConvertible {
  /// The size being timed when the subject failed.
  public var size: Int
  /// The subject's error.
  public var underlying: Error
  /// Points measured before the failure.
  public var partial: [Point]

  public var description: String { "at n = \(size): \(underlying)" }
}
