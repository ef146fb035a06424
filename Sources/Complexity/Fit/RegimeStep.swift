import Foundation

/// A step in a curve of times: between two neighbouring sizes the cost
/// jumps far more steeply than anywhere else, and then goes on at its old
/// slope. PyPy's `list.pop(0)` on an Intel Xeon: 298 ns at n = 4096, 1.57 µs
/// at 8192 (a local log-log slope of 2.4 where the rest of the curve reads
/// 1), when its unboxed list (8 bytes an item) outgrows the 48 KB L1 cache.
/// Fitted across, such a step reads as a log factor or worse; the sizes
/// below it are not yet in the asymptotic regime, so the class is fitted
/// from the step up (`asymptotic(_:)`), and the report says where.
///
/// The local slope between neighbouring sizes `n_i < n_(i+1)` is
///
///     σ_i = log(t_(i+1) / t_i) / log(n_(i+1) / n_i)
///
/// and a step is the last `σ_i ≥ minimumSlope` that exceeds the median
/// local slope by at least `minimumExcess`: a genuine n² reads σ ≈ 2
/// everywhere, and a cost per element that rises gently over several
/// octaves (the memory hierarchy, in CPython's time) never jumps this much
/// at once.
package struct RegimeStep: Sendable, Equatable {
  /// The sizes either side of the step.
  package var from: Int
  package var to: Int
  /// `t(to) / t(from)`.
  package var ratio: Double
  /// `σ` across the step.
  package var slope: Double

  /// The least local slope that can be a step.
  package static let minimumSlope = 2.0
  /// How far above the median local slope a step must be.
  package static let minimumExcess = 1.0

  /// The last step in `points`, if there is one.
  package static func last(in points: [Point]) -> RegimeStep? {
    let sorted = points.sorted { $0.n < $1.n }
    guard sorted.count >= 3 else { return nil }
    let steps = zip(sorted, sorted.dropFirst()).map { a, b in
      RegimeStep(
        from: a.n, to: b.n, ratio: b.best / a.best,
        slope: log(b.best / a.best) / log(Double(b.n) / Double(a.n)))
    }
    let slopes = steps.map(\.slope).sorted()
    let median = slopes[slopes.count / 2]
    return steps.last {
      $0.slope.isFinite && $0.slope >= minimumSlope && $0.slope >= median + minimumExcess
    }
  }

  /// `outcome` classified from its last step up, where there is a step
  /// and enough sizes above it to fit (`Classifier.minimumSizes` over two
  /// octaves or more); with too few, the outcome stays as fitted and the
  /// note says the class spans a step. Points are kept whole either way.
  ///
  /// - Throws: the classifier's error, for the sizes above the step.
  ///
  /// - Parameter metric: what the points hold, for the note's reason: times
  ///   step where data outgrow a cache or the runtime changes strategy;
  ///   bytes where the op changes strategy (`list.sort` allocates nothing
  ///   below 64 items, which it sorts by binary insertion, then timsort's
  ///   merge buffer).
  package static func asymptotic(
    _ outcome: SweepOutcome, classifier: Classifier, metric: Metric = .time
  ) throws -> SweepOutcome {
    guard let step = last(in: outcome.points) else { return outcome }
    let above = outcome.points.filter { $0.n >= step.to }
    let reason =
      metric.isSpace
      ? "the op changed strategy (its allocations below the step are not its large-n ones)"
      : "the data outgrew a cache level, or the runtime changed strategy"
    let where_ =
      String(
        format: "a step of %.1fx between n = %d and %d (local log-log slope %.1f, where the "
          + "curve's median is far lower): ", step.ratio, step.from, step.to, step.slope)
      + reason
    var outcome = outcome
    guard above.count >= Classifier.minimumSizes, let top = above.last?.n, top >= 4 * step.to
    else {
      outcome.classification.notes.append(
        where_ + "; too few sizes above it to fit them alone, so the class spans the step: "
          + "measure larger sizes (--max-size) to see the asymptotic regime")
      return outcome
    }
    var classification = try classifier.classify(above)
    classification.notes =
      outcome.classification.notes + [
        where_ + "; the sizes below it are not yet in the asymptotic regime, so the class is "
          + "fitted from n = \(step.to) up (\(above.count) sizes), not across it"
      ]
    outcome.classification = classification
    return outcome
  }
}
