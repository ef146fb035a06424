import Foundation

/// Chooses the complexity class of a sweep, or says it cannot.
///
/// The rule, in order:
///
/// 1. Fit every class as `t = a + b·f(n)` by relative weighted least squares
///    (`ModelFit.fit`), and drop models that need `b < 0`.
/// 2. **O(1) by equivalence.** Constant is nested in every growth model, so an
///    information criterion cannot confirm it. Instead: if the best growing
///    model (lowest AICc) grows by less than `constantTolerance` across the
///    measured range, the operation is O(1).
/// 3. Otherwise the class with the lowest AICc wins.
/// 4. **Confidence.** The data are resampled (`resamples` times, seeded) as
///    the chosen model's prediction times a relative residual drawn from its
///    own residuals, and the rule is run again on each. The share that picks
///    the same class is the confidence.
/// 5. **Inconclusive** when the confidence is below `minimumConfidence`, or a
///    growing class beats its nearest rival by less than `evidenceMargin` in
///    AICc (a likelihood ratio of about e³ ≈ 20 at the default).
public struct Classifier: Sendable {
  /// Largest growth across the range still called O(1) (default 0.25: 25%).
  public var constantTolerance: Double
  /// AICc difference a growing class needs over its rival (default 6).
  public var evidenceMargin: Double
  /// Share of resamples that must agree (default 0.9).
  public var minimumConfidence: Double
  /// Number of residual resamples (default 200).
  public var resamples: Int
  /// Seed of the resampling, so verdicts are repeatable.
  public var seed: UInt64
  /// Fewest distinct sizes accepted.
  public static let minimumSizes = 5

  public init(
    constantTolerance: Double = 0.25, evidenceMargin: Double = 6,
    minimumConfidence: Double = 0.9, resamples: Int = 200, seed: UInt64 = 0x5EED
  ) {
    self.constantTolerance = constantTolerance
    self.evidenceMargin = evidenceMargin
    self.minimumConfidence = minimumConfidence
    self.resamples = resamples
    self.seed = seed
  }

  /// Classifies a sweep.
  ///
  /// - Parameter points: the timings; points of equal size are merged.
  /// - Returns: the classification with its evidence.
  /// - Throws: `ComplexityError(.badInput, …)` for fewer than
  ///   `minimumSizes` distinct sizes, sizes below 1, or times that are not
  ///   finite and positive; `ComplexityError(.fit, …)` if GSL fails.
  public func classify(_ points: [Point]) throws -> Classification {
    var merged = points.mergedBySize()
    try Self.validate(merged)
    var notes: [String] = []
    let outliers = try OutlierScreen.outliers(
      sizes: merged.map { Double($0.n) }, values: merged.map(\.best))
    if !outliers.isEmpty {
      notes.append(
        "set aside as outliers (off the curve on their own): n = "
          + outliers.map { "\(merged[$0].n)" }.joined(separator: ", "))
      merged = merged.enumerated().filter { !outliers.contains($0.offset) }.map(\.element)
    }
    let sizes = merged.map { Double($0.n) }
    let values = merged.map(\.best)
    let decision = try decide(sizes: sizes, values: values)
    let models = decision.models

    // Resample around the chosen model with its own relative residuals.
    let chosen = models.first { $0.complexityClass == decision.best }!
    let predicted = sizes.map { chosen.predict($0) }
    let residuals = zip(values, predicted).map { $0 / $1 - 1 }
    var rng = SplitMix64(seed: seed)
    var votes: [ComplexityClass: Int] = [:]
    for _ in 0..<resamples {
      let y = predicted.map { $0 * (1 + residuals.randomElement(using: &rng)!) }
      guard y.allSatisfy({ $0 > 0 && $0.isFinite }),
        let again = try? decide(sizes: sizes, values: y)
      else { continue }
      votes[again.best, default: 0] += 1
    }
    let total = max(1, votes.values.reduce(0, +))
    let confidence = Double(votes[decision.best] ?? 0) / Double(total)

    let valid = models.filter(\.isValid)
    let minAICc = valid.map(\.aicc).min() ?? 0
    let weightSum = valid.map { exp(-($0.aicc - minAICc) / 2) }.reduce(0, +)
    let akaike = exp(-(chosen.aicc - minAICc) / 2) / weightSum

    notes += decision.notes
    var contender = decision.contender
    if contender == nil {
      // The rival: most votes among the others, then lowest AICc.
      let rival = valid.filter { $0.complexityClass != decision.best }.max { lhs, rhs in
        let (l, r) = (votes[lhs.complexityClass] ?? 0, votes[rhs.complexityClass] ?? 0)
        return l != r ? l < r : lhs.aicc > rhs.aicc
      }
      contender = rival?.complexityClass
    }
    let runnerUp = contender ?? (decision.best == .constant ? .logarithmic : .constant)
    var conclusive = decision.conclusive
    if confidence < minimumConfidence {
      conclusive = false
      notes.append(
        "only \(Int((confidence * 100).rounded()))% of resamples chose \(decision.best)")
    }
    if decision.best == .constant {
      notes.append(
        String(
          format: "grows %.0f%% across n = %d…%d (O(1) tolerance %.0f%%)",
          decision.growth * 100, merged.first!.n, merged.last!.n, constantTolerance * 100))
    }
    let best = decision.best
    return Classification(
      outcome: conclusive
        ? .conclusive(best) : .inconclusive(min(best, runnerUp), max(best, runnerUp)),
      best: best,
      runnerUp: runnerUp,
      confidence: confidence,
      akaikeWeight: akaike,
      growth: decision.growth,
      models: models,
      octaveSlopes: OctaveSlope.slopes(of: merged),
      slope: OctaveSlope.topSlope(of: merged),
      sizeRange: merged.first!.n...merged.last!.n,
      notes: notes)
  }

  // MARK: - Implementation details

  /// What the rule decides on one set of values, before resampling.
  private struct Decision {
    var models: [ModelFit]
    var best: ComplexityClass
    var growth: Double
    /// False when the evidence does not separate `best` from `contender`.
    var conclusive = true
    /// The rival the evidence struggled with, where one did.
    var contender: ComplexityClass?
    var notes: [String] = []
  }

  /// Steps 1–3 and 5 of the rule (everything but the resampling).
  private func decide(sizes: [Double], values: [Double]) throws -> Decision {
    let models = try ComplexityClass.allCases.map {
      try ModelFit.fit($0, sizes: sizes, values: values)
    }
    let (nMin, nMax) = (sizes.min()!, sizes.max()!)
    let growing = models.filter { $0.isValid && $0.complexityClass != .constant }
    guard let bestGrowing = growing.min(by: { $0.aicc < $1.aicc }) else {
      return Decision(models: models, best: .constant, growth: 0)
    }
    let growth = bestGrowing.growth(from: nMin, to: nMax)
    if growth < constantTolerance {
      return Decision(models: models, best: .constant, growth: growth)
    }
    let robust = Self.robustGrowth(sizes: sizes, values: values)
    if robust.typical < constantTolerance && robust.top < constantTolerance {
      return Decision(models: models, best: .constant, growth: max(robust.typical, robust.top))
    }
    let lowest = models.filter(\.isValid).min { $0.aicc < $1.aicc }!
    var d = Decision(models: models, best: lowest.complexityClass, growth: growth)
    guard
      let nearest = growing.filter({ $0.complexityClass != d.best })
        .min(by: { $0.aicc < $1.aicc })
    else { return d }
    let margin = nearest.aicc - lowest.aicc
    if Set([d.best, nearest.complexityClass]) == [.linear, .linearithmic],
      let check = try LogFactorCheck.run(sizes: sizes, values: values)
    {
      d.notes.append(
        String(
          format: "cost per element over the top half: log-log slope %.3f ± %.3f "
            + "(a pure n log n: %.3f), rising in %d of %d steps",
          check.beta, check.standardError, check.expected, check.rising, check.steps))
      if check.excludesLogFactor {
        d.best = .linear
        d.contender = .linearithmic
      } else if margin >= evidenceMargin
        && (d.best == .linearithmic) == check.supportsLogFactor
      {
        d.contender = nearest.complexityClass
      } else {
        d.conclusive = false
        d.contender = nearest.complexityClass
        d.notes.append(
          "the log factor is neither excluded nor steady enough to confirm "
            + "(cache effects can mimic it)")
      }
    } else if margin < evidenceMargin {
      d.conclusive = false
      d.contender = nearest.complexityClass
      d.notes.append(
        String(
          format: "%@ beats %@ by only %.1f in AICc (needs %.1f)",
          d.best.rawValue, nearest.complexityClass.rawValue, margin, evidenceMargin))
    }
    return d
  }

  /// Growth measures that a single step in the curve cannot inflate:
  ///
  ///     typical = (nMax / nMin)^median(sᵢ) − 1
  ///     top     = median(y, top third of sizes) / median(y, middle third) − 1
  ///
  /// where `sᵢ` is the log-log slope between neighbouring sizes. A steady
  /// O(log n) rise lifts every `sᵢ` and the top third; a one-off step (a
  /// cache level, an allocator threshold, a slow spell of the machine) moves
  /// only a few slopes, and none of the top third when it sits lower down.
  static func robustGrowth(sizes: [Double], values: [Double]) -> (typical: Double, top: Double) {
    let slopes: [Double] = (1..<sizes.count).map { i -> Double in
      let rise: Double = log(values[i] / values[i - 1])
      let run: Double = log(sizes[i] / sizes[i - 1])
      return rise / run
    }
    let typical = pow(sizes.last! / sizes.first!, median(slopes)) - 1
    let third = max(1, values.count / 3)
    let top = median(Array(values.suffix(third)))
    let middle = median(Array(values.dropLast(third).suffix(third)))
    return (typical, top / middle - 1)
  }

  /// How many steps between neighbouring sizes in the top half of the log
  /// range raise the cost per element (`y / n`).
  static func perElementRise(sizes: [Double], values: [Double]) -> (rising: Int, of: Int)? {
    let mid = sqrt(sizes.first! * sizes.last!)
    let top = sizes.indices.filter { sizes[$0] >= mid }
    guard top.count >= 3 else { return nil }
    let steps = zip(top, top.dropFirst()).map {
      values[$1] / sizes[$1] > values[$0] / sizes[$0]
    }
    return (steps.filter { $0 }.count, steps.count)
  }

  static func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    guard !s.isEmpty else { return .nan }
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
  }

  static func validate(_ points: [Point]) throws {
    if let bad = points.first(where: { $0.n < 1 }) {
      throw ComplexityError(
        .badInput, "size \(bad.n) is not positive: sizes must be whole numbers of at least 1")
    }
    for p in points {
      if p.samples.isEmpty {
        throw ComplexityError(.badInput, "size \(p.n) has no samples")
      }
      if let t = p.samples.first(where: { !$0.isFinite || $0 <= 0 }) {
        throw ComplexityError(
          .badInput,
          "time \(t) at n = \(p.n) is not a finite positive number of seconds")
      }
    }
    guard points.count >= minimumSizes else {
      throw ComplexityError(
        .badInput,
        "only \(points.count) distinct size\(points.count == 1 ? "" : "s"): "
          + "a fit needs at least \(minimumSizes), ideally spread over several octaves")
    }
  }
}
