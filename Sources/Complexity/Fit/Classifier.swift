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
/// 4. Otherwise the class with the lowest AICc wins (O(1) only where the
///    values rise less than `constantRiseLimit`-fold: a flat curve with a
///    step); it is inconclusive when its nearest growing rival is within
///    `evidenceMargin` in AICc.
/// 5. **The hard pair.** When the winner and its rival are O(n) and
///    O(n log n), `LogFactorCheck` looks for the log factor's own signature
///    and decides, or says it cannot.
/// 6. **Confidence.** The data are resampled (`resamples` times, seeded) as
///    the chosen model's prediction times a relative residual drawn from its
///    own residuals, and steps 2–4 run again on each. The confidence is the
///    share that lands on the same class (O(n) and O(n log n) count as one
///    when step 5 settled the pair: resampling scrambles the very shape that
///    step reads). Below `minimumConfidence` the verdict is inconclusive.
/// 7. **Inputs.** Where sizes were counted on more than one input whose
///    layout moves the count (a hash table seeded by its address), each
///    size's value is the median over its inputs of each input's fewest
///    count (`inputMedians`), and steps 2–4 also run on draws of the
///    inputs per size (`inputDraws`: at each size counted on m inputs, the
///    median of an odd number drawn from them, one input for two):
///    residuals around a fitted curve cannot see an offset that the inputs
///    put on a whole size. The confidence is the lesser of the two shares,
///    and where the draws' share alone leaves the class open, the rival is
///    the class they chose most after the best. The noise that step 5 and
///    the bends are judged against is then the inputs' relative standard
///    error (`inputNoise`). As in step 6, O(n) and O(n log n) count as one
///    where step 5 settled the pair. The values fitted are kept
///    (`Classification.fitted`).
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
  /// Largest rise (greatest over least value) that O(1) may still win
  /// by AICc after failing step 3: a step in a flat curve, not growth.
  static let constantRiseLimit = 10.0

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
  /// - Parameters:
  ///   - points: the timings; points of equal size are merged.
  ///   - inputs: where sizes were measured on more than one input whose
  ///     layout can move the cost, each input's own points (their union is
  ///     `points`); step 7 draws from them. Empty (the default) or one
  ///     input: step 7 is skipped.
  /// - Returns: the classification with its evidence.
  /// - Throws: `ComplexityError(.badInput, …)` for fewer than
  ///   `minimumSizes` distinct sizes, sizes below 1, or times that are not
  ///   finite and positive; `ComplexityError(.fit, …)` if GSL fails.
  public func classify(_ points: [Point], inputs: [[Point]] = []) throws -> Classification {
    var merged = points.mergedBySize()
    try Self.validate(merged)
    // The noise of a size's fitted value: the inputs' relative standard
    // error, where there are several that differ, else (or where most
    // sizes' inputs tie) the repeats'.
    let repeatNoise = Self.repeatNoise(merged)
    // Step 7's fitted value: where the inputs differ, their median per size.
    var inputValues = Self.inputValues(inputs, at: merged)
    let layered = Self.inputsDiffer(inputValues)
    if layered { merged = Self.inputMedians(inputValues, at: merged) }
    let fitted = layered ? merged : nil
    var notes: [String] = []
    let outliers = try OutlierScreen.outliers(
      sizes: merged.map { Double($0.n) }, values: merged.map(\.best))
    if !outliers.isEmpty {
      notes.append(
        "set aside as outliers (off the curve on their own): n = "
          + outliers.map { "\(merged[$0].n)" }.joined(separator: ", "))
      merged = merged.enumerated().filter { !outliers.contains($0.offset) }.map(\.element)
      inputValues = inputValues.enumerated().filter { !outliers.contains($0.offset) }
        .map(\.element)
    }
    let sizes = merged.map { Double($0.n) }
    let values = merged.map(\.best)
    let noise = try Self.inputNoise(inputValues) ?? repeatNoise
    var decision = try decide(sizes: sizes, values: values)
    notes += decision.notes

    // Step 5: the hard pair.
    var pairSettled = false
    if let rival = decision.contender,
      Set([decision.best, rival]) == [.linear, .linearithmic],
      let check = try LogFactorCheck.run(
        sizes: sizes, values: values, repeatNoise: noise)
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
    let key = pairSettled && decision.best == .linearithmic ? .linear : decision.best
    /// What steps 2–4 choose on each of `draws` (O(n log n) as O(n) where
    /// step 5 settled the pair: resampling scrambles the shape it reads).
    func tally(_ draws: [[Double]]) -> [ComplexityClass: Int] {
      var votes: [ComplexityClass: Int] = [:]
      for y in draws {
        guard y.allSatisfy({ $0 > 0 && $0.isFinite }),
          let again = try? decide(sizes: sizes, values: y)
        else { continue }
        let vote = pairSettled && again.best == .linearithmic ? .linear : again.best
        votes[vote, default: 0] += 1
      }
      return votes
    }
    func share(_ votes: [ComplexityClass: Int]) -> Double {
      Double(votes[key] ?? 0) / Double(max(1, votes.values.reduce(0, +)))
    }
    var votes = tally(
      (0..<resamples).map { _ in
        predicted.map { $0 * (1 + residuals.randomElement(using: &rng)!) }
      })
    var confidence = share(votes)
    var residualsDecide = true

    // Step 7: the inputs of each size, drawn again.
    if let draws = Self.inputDraws(inputValues, count: resamples, rng: &rng) {
      let drawn = tally(draws)
      let drawnShare = share(drawn)
      notes.append(
        String(
          format: "counted on %d inputs per size, whose counts differ: %.0f%% of draws of "
            + "the inputs per size chose %@ (%.0f%% needed%@)",
          inputs.count, drawnShare * 100, decision.best.rawValue, minimumConfidence * 100,
          pairSettled
            ? "; O(n) and O(n log n) as one, as the log factor's check settled them" : ""))
      if drawnShare < confidence {
        confidence = drawnShare
        votes = drawn
        residualsDecide = false
      }
    }

    let valid = models.filter(\.isValid)
    let minAICc = valid.map(\.aicc).min() ?? 0
    let weightSum = valid.map { exp(-($0.aicc - minAICc) / 2) }.reduce(0, +)
    let akaike = exp(-(chosen.aicc - minAICc) / 2) / weightSum

    let drawsOpenIt = !residualsDecide && decision.conclusive && confidence < minimumConfidence
    if decision.contender == nil || drawsOpenIt {
      // The rival: most votes among the others, then lowest AICc; where the
      // draws of the inputs left the class open, their votes.
      let rival = valid.filter { ![decision.best, key].contains($0.complexityClass) }.max {
        lhs, rhs in
        let (l, r) = (votes[lhs.complexityClass] ?? 0, votes[rhs.complexityClass] ?? 0)
        return l != r ? l < r : lhs.aicc > rhs.aicc
      }
      if let rival, !drawsOpenIt || (votes[rival.complexityClass] ?? 0) > 0 {
        decision.contender = rival.complexityClass
      }
    }
    let best = decision.best
    let runnerUp = decision.contender ?? (best == .constant ? .logarithmic : .constant)
    var conclusive = decision.conclusive
    if confidence < minimumConfidence {
      conclusive = false
      if residualsDecide {
        notes.append("only \(Int((confidence * 100).rounded()))% of resamples chose \(best)")
      }
    }
    if let bend = Self.largestBend(merged, noise: noise) { notes.append(bend) }
    if best == .constant {
      notes.append(
        String(
          format: "grows %.0f%% across n = %d…%d (O(1) tolerance %.0f%%)",
          decision.growth * 100, merged.first!.n, merged.last!.n, constantTolerance * 100))
    }
    var outcome: Classification.Outcome =
      conclusive ? .conclusive(best) : .inconclusive(min(best, runnerUp), max(best, runnerUp))
    let topSlope = OctaveSlope.topSlope(of: merged)
    if let steep = Self.steeperThanEveryCandidate(merged, best: best, topSlope: topSlope) {
      outcome = steep
      notes.append(
        "grows faster than every class fitted (the best fit was \(best)): reported as "
          + "\(steep.name)")
    }
    return Classification(
      outcome: outcome,
      best: best,
      runnerUp: runnerUp,
      confidence: confidence,
      akaikeWeight: akaike,
      growth: decision.growth,
      models: models,
      octaveSlopes: OctaveSlope.slopes(of: merged),
      slope: OctaveSlope.topSlope(of: merged),
      sizeRange: merged.first!.n...merged.last!.n,
      notes: notes,
      fitted: fitted)
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
    // O(1) failed its own test, but a flat curve with one step in it (len()
    // leaving CPython's small-int cache at n = 256) still fits O(1) best.
    // Not a cost that rises more than `constantRiseLimit`-fold across the
    // range: with few sizes AICc's smaller penalty for one parameter can
    // rank O(1) first where nothing fits well (swift.Array.sort timed at 6
    // sizes, 13 800x slower at n = 32768 than at 32 with a cache step
    // between 2048 and 8192, read "O(1) beats O(n log n) by only 0.8").
    let rise = values.max()! / values.min()!
    let lowest =
      rise > Self.constantRiseLimit
      ? bestGrowing : models.filter(\.isValid).min { $0.aicc < $1.aicc }!
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
}
