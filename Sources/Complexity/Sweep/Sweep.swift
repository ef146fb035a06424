import Foundation

/// The sweep engine, shared by every subject and metric: visits the
/// planned sizes, calibrates iterations per sample, and keeps every sample.
package struct Sweep: Sendable {
  package var plan: SizePlan
  /// How each size is sampled, in the subject's unit.
  package var sampling: SampleSettings

  package init(plan: SizePlan = SizePlan(), sampling: SampleSettings) {
    self.plan = plan
    self.sampling = sampling
  }

  /// A sweep that times: samples last `timing.minimumSampleSeconds`.
  package init(plan: SizePlan = SizePlan(), timing: TimingOptions = TimingOptions()) {
    self.init(plan: plan, sampling: timing.sampling)
  }

  /// Measures a subject at every planned size, smallest first.
  ///
  /// For each size, unmeasured calibration runs find the iteration count
  /// that makes a sample cost at least `sampling.minimumSample`. Then
  /// `sampling.repeats` rounds each take one sample of every size, in a
  /// shuffled order. Samples are stored per operation (total / iterations).
  ///
  /// - Parameters:
  ///   - subject: the adapter that prepares and measures the operation.
  ///   - sizes: sizes to visit instead of the plan's (for resumed or adaptive runs).
  ///   - memory: stops before a size whose input would pass the memory
  ///     cap (`MemoryGuard`): the sizes below it are sampled and returned.
  ///   - delegate: receives an event as each size starts and finishes.
  /// - Returns: one point per size (fewer when `memory` refused one).
  /// - Throws: `SweepFailure`, whose `partial` keeps the points measured
  ///   before the subject failed.
  package func run<S: Subject>(
    _ subject: inout S, sizes: [Int]? = nil, memory: MemoryGuard? = nil,
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
        if let memory, !memory.allows(n, resident: subject.residentBytes()) { break }
        delegate(.startSize(n: n, index: index, of: sizes.count))
        iterations = try calibrate(&subject, size: n, from: iterations)
        memory?.record(n)
        points.append(Point(n: n, iterations: iterations, samples: []))
      }
      // Then one sample per size per round, sizes in a shuffled order each
      // round, so a slow spell of the machine hits random sizes rather than
      // a run of neighbours that would read as a trend.
      var rng = SplitMix64(seed: 0xC0FFEE)
      for round in 0..<sampling.repeats {
        delegate(.startRound(index: round, of: sampling.repeats))
        for i in points.indices.shuffled(using: &rng) {
          current = points[i].n
          let k = points[i].iterations
          points[i].samples.append(try subject.sample(size: points[i].n, iterations: k) / Double(k))
        }
      }
    } catch {
      throw SweepFailure(
        size: current, underlying: error, partial: points.filter { !$0.samples.isEmpty })
    }
    for p in points { delegate(.finishSize(p)) }
    return points
  }

  /// Finds iterations per sample so that one sample costs enough.
  /// (Internal, not private: the interleaved run calibrates with it too.)
  func calibrate<S: Subject>(_ subject: inout S, size: Int, from start: Int) throws -> Int {
    let target = sampling.minimumSample
    var k = max(1, start)
    for _ in 0..<30 {
      let t = try subject.sample(size: size, iterations: k)
      guard t.isFinite, t >= 0 else {
        throw ComplexityError(
          .subject,
          "the subject measured \(t) \(subject.metric.quantity) at n = \(size), which is "
            + "not a finite, non-negative number")
      }
      if t >= target {
        // Too long by far: fewer iterations serve just as well, faster.
        if t > 4 * target, k > 1 {
          return max(1, Int((Double(k) * 1.5 * target / t).rounded(.up)))
        }
        return k
      }
      if k >= sampling.maximumIterations { return k }
      let scale = t > 0 ? min(1000, 1.5 * target / t) : 1000
      k = min(sampling.maximumIterations, max(k + 1, Int((Double(k) * scale).rounded(.up))))
    }
    return k
  }
}
