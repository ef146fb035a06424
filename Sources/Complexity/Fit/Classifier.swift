import Foundation

/// Chooses the complexity class of a sweep, or says it cannot.
///
/// The rule, in order:
///
/// 1. Set aside sizes that are off the curve on their own (`OutlierScreen`).
/// 2. Fit every class as `t = a + b·f(n)` by relative weighted least squares
///    (`ModelFit.fit`), and drop models that need `b < 0`.
/// 3. **O(1) by equivalence.** Constant is nested in every growth model, so an
///    information criterion cannot confirm it. Instead: the operation is O(1)
///    when neither the best growing model nor the O(log n) model grows by
///    `constantTolerance` across the measured range, or when growth measures
///    that one step in the curve cannot inflate stay below it and a third of
///    it (`robustGrowth`).
/// 4. Otherwise the class with the lowest AICc wins; it is inconclusive when
///    its nearest growing rival is within `evidenceMargin` in AICc.
/// 5. **The hard pair.** When the winner and its rival are O(n) and
///    O(n log n), `LogFactorCheck` looks for the log factor's own signature
///    and decides, or says it cannot.
/// 6. **Confidence.** The data are resampled (`resamples` times, seeded) as
///    the chosen model's prediction times a relative residual drawn from its
///    own residuals, and steps 2–4 run again on each. The confidence is the
///    share that lands on the same class (O(n) and O(n log n) count as one
///    when step 5 settled the pair: resampling scrambles the very shape that
///    step reads). Below `minimumConfidence` the verdict is inconclusive.
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
    var decision = try decide(sizes: sizes, values: values)
    notes += decision.notes

    // Step 5: the hard pair.
    var pairSettled = false
    if let rival = decision.contender,
      Set([decision.best, rival]) == [.linear, .linearithmic],
      let check = try LogFactorCheck.run(
        sizes: sizes, values: values, repeatNoise: Self.repeatNoise(merged))
    {
      notes = notes.filter { !$0.contains("in AICc") }
      notes.append(
        String(
          format: "cost per element over the top half: log-log slope %.3f ± %.3f "
            + "(a pure n log n: %.3f), rising like a log factor in %d of %d octaves",
          check.beta, check.standardError, check.expected, check.rising, check.steps))
      // Claiming n log n needs the log factor's signature; claiming n needs
      // the signature excluded, or AICc's margin with no sign of the factor.
      if check.excludesLogFactor {
        decision.best = .linear
        decision.contender = .linearithmic
        decision.conclusive = true
      } else if decision.margin >= evidenceMargin
        && check.supportsLogFactor == (decision.best == .linearithmic)
      {
        decision.conclusive = true
      } else {
        decision.conclusive = false
        notes.append(
          check.supportsLogFactor
            ? "a steady log factor shows, but AICc does not prefer n log n by its margin"
            : "the log factor is neither excluded nor steady enough to confirm "
              + "(cache effects can mimic it)")
      }
      pairSettled = decision.conclusive
    }

    // Step 6: resample around the chosen model with its own residuals.
    let models = decision.models
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
      var vote = again.best
      if pairSettled && vote == .linearithmic { vote = .linear }
      votes[vote, default: 0] += 1
    }
    let total = max(1, votes.values.reduce(0, +))
    let key = pairSettled && decision.best == .linearithmic ? .linear : decision.best
    let confidence = Double(votes[key] ?? 0) / Double(total)

    let valid = models.filter(\.isValid)
    let minAICc = valid.map(\.aicc).min() ?? 0
    let weightSum = valid.map { exp(-($0.aicc - minAICc) / 2) }.reduce(0, +)
    let akaike = exp(-(chosen.aicc - minAICc) / 2) / weightSum

    if decision.contender == nil {
      // The rival: most votes among the others, then lowest AICc.
      let rival = valid.filter { $0.complexityClass != decision.best }.max { lhs, rhs in
        let (l, r) = (votes[lhs.complexityClass] ?? 0, votes[rhs.complexityClass] ?? 0)
        return l != r ? l < r : lhs.aicc > rhs.aicc
      }
      decision.contender = rival?.complexityClass
    }
    let best = decision.best
    let runnerUp = decision.contender ?? (best == .constant ? .logarithmic : .constant)
    var conclusive = decision.conclusive
    if confidence < minimumConfidence {
      conclusive = false
      notes.append("only \(Int((confidence * 100).rounded()))% of resamples chose \(best)")
    }
    if let bend = Self.largestBend(merged) { notes.append(bend) }
    if best == .constant {
      notes.append(
        String(
          format: "grows %.0f%% across n = %d…%d (O(1) tolerance %.0f%%)",
          decision.growth * 100, merged.first!.n, merged.last!.n, constantTolerance * 100))
    }
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

  /// What steps 2–4 decide on one set of values.
  private struct Decision {
    var models: [ModelFit]
    var best: ComplexityClass
    var growth: Double
    /// False when the evidence does not separate `best` from `contender`.
    var conclusive = true
    /// The nearest growing rival by AICc, where there is one.
    var contender: ComplexityClass?
    /// The rival's AICc minus the winner's.
    var margin = Double.infinity
    var notes: [String] = []
  }

  /// Steps 2–4 of the rule.
  private func decide(sizes: [Double], values: [Double]) throws -> Decision {
    let models = try ComplexityClass.allCases.map {
      try ModelFit.fit($0, sizes: sizes, values: values)
    }
    let (nMin, nMax) = (sizes.min()!, sizes.max()!)
    let growing = models.filter { $0.isValid && $0.complexityClass != .constant }
    guard let bestGrowing = growing.min(by: { $0.aicc < $1.aicc }) else {
      return Decision(models: models, best: .constant, growth: 0)
    }
    // The slowest growing class also speaks: where the best-fitting model
    // bends only at the top (an n² with a tiny coefficient), a steady
    // O(log n) rise underneath still shows in the log model.
    let logGrowth =
      models.first { $0.complexityClass == .logarithmic && $0.isValid }?
      .growth(from: nMin, to: nMax) ?? 0
    let growth = max(bestGrowing.growth(from: nMin, to: nMax), logGrowth)
    if growth < constantTolerance {
      return Decision(models: models, best: .constant, growth: growth)
    }
    let robust = Self.robustGrowth(sizes: sizes, values: values)
    // A third of the tolerance for the top: O(log n) rises slowly, about a
    // third as much from the middle third of the sizes to the top third as
    // over the whole range, and must not pass for a step.
    if robust.typical < constantTolerance && robust.top < constantTolerance / 3 {
      return Decision(models: models, best: .constant, growth: max(robust.typical, robust.top))
    }
    let lowest = models.filter(\.isValid).min { $0.aicc < $1.aicc }!
    var d = Decision(models: models, best: lowest.complexityClass, growth: growth)
    guard
      let nearest = growing.filter({ $0.complexityClass != d.best })
        .min(by: { $0.aicc < $1.aicc })
    else { return d }
    d.contender = nearest.complexityClass
    d.margin = nearest.aicc - lowest.aicc
    if d.margin < evidenceMargin {
      d.conclusive = false
      d.notes.append(
        String(
          format: "%@ beats %@ by only %.1f in AICc (needs %.1f)",
          d.best.rawValue, nearest.complexityClass.rawValue, d.margin, evidenceMargin))
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
  /// cache level, CPython's small-int cache ending at 256, an allocator
  /// threshold) moves only a few slopes, and none of the top third when it
  /// sits lower down.
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

  /// The relative noise of a size's fastest sample: the median, over the
  /// sizes, of the gap between its two fastest samples. Nil when most sizes
  /// have fewer than three samples.
  static func repeatNoise(_ points: [Point]) -> Double? {
    let gaps = points.filter { $0.samples.count >= 3 }.map { p -> Double in
      let s = p.samples.sorted()
      return (s[1] - s[0]) / s[0]
    }
    return gaps.count * 2 >= points.count ? median(gaps) : nil
  }

  /// The largest jump between the log-log slopes of overlapping octaves,
  /// when it is more than the noise explains: where a cache level, an
  /// allocator threshold or a change of algorithm bends the curve.
  ///
  /// A slope over one octave, `log2(t₂/t₁)`, carries about `√2·σ/ln 2` of
  /// noise for a relative noise σ of each size's fastest sample; a jump
  /// counts when it exceeds four times that, and 0.25 in any case.
  static func largestBend(_ points: [Point]) -> String? {
    let slopes = OctaveSlope.slopes(of: points)
    guard slopes.count >= 3 else { return nil }
    let sigma = repeatNoise(points) ?? 0.05
    let threshold = max(0.25, 4 * 2.0.squareRoot() * sigma / log(2))
    let jumps = zip(slopes, slopes.dropFirst()).map { ($0, $1, abs($1.slope - $0.slope)) }
    guard let worst = jumps.max(by: { $0.2 < $1.2 }), worst.2 > threshold else { return nil }
    return String(
      format: "the log-log slope jumps from %.2f to %.2f between the octaves from n = %d "
        + "and n = %d, more than noise explains (%.2f): a cache level, an allocator "
        + "threshold or a change of algorithm bends the curve there",
      worst.0.slope, worst.1.slope, worst.0.from, worst.1.from, threshold)
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
