import Foundation

/// The second opinion on the hard pair, O(n) against O(n log n).
///
/// Over a few decades, per-element costs drift as data moves from one cache
/// level to the next, and an information criterion reads the drift as a log
/// factor. This check asks the question directly. It fits the model that
/// contains both (GSL weighted least squares, relative weights):
///
///     t = a + c·n + d·n·ln n
///
/// The cost per element, less the fixed overhead, is then `c + d·ln n`,
/// and its log-log slope at the middle `m` of the top half of the range is
///
///     β = d / (c + d·ln m)        (a pure n log n has β = 1 / ln m)
///
/// with a standard error from the fit's covariance (delta method).
///
/// A cache level or a copy-strategy switch is a step, and a step inside the
/// top half inflates β. So the check also looks at every octave (n to 2n)
/// in the top half and counts those where `(t − a) / n` rises by at least
/// half of what a log factor would add over it (`ln 2n / ln n`): a log
/// factor lifts every octave by the same amount, a step only the one or two
/// octaves that straddle it. Whole octaves, not neighbouring sizes, so the
/// rise looked for is twice as large against the noise. The count is only
/// used when the noise of a difference of two points is below the half-rise
/// it is compared with. The noise is the classifier's: between a Swift
/// op's inputs where their layouts differ (`Classifier.inputNoise`), else
/// from the repeats (the typical gap between the two fastest samples of a
/// size, relative); with neither, the fit's relative residual σ.
struct LogFactorCheck: Equatable {
  /// Per-element log-log slope at the middle of the top half.
  var beta: Double
  /// Its standard error.
  var standardError: Double
  /// `1 / ln(m)`: β of a pure n log n.
  var expected: Double
  /// Octaves in the top half whose cost per element rose by at least half
  /// of a log factor's rise.
  var rising: Int
  /// Octaves in the top half.
  var steps: Int
  /// Whether the noise is small enough for the count of rising octaves to
  /// mean anything.
  var countIsInformative: Bool

  /// A log factor is excluded: β's upper bound (2σ) stays below half of a
  /// pure n log n's, or fewer than half of the steps rise like one.
  var excludesLogFactor: Bool {
    beta + 2 * standardError < 0.5 * expected
      || (countIsInformative && Double(rising) < 0.5 * Double(steps))
  }

  /// A log factor is plausible: β's lower bound (2σ) is above half of a pure
  /// n log n's, and the rise is steady (70% of the steps or more).
  var supportsLogFactor: Bool {
    beta - 2 * standardError > 0.5 * expected
      && (!countIsInformative || Double(rising) >= 0.7 * Double(steps))
  }

  /// Runs the check; nil when there are too few sizes to fit three
  /// parameters with room to spare, or the fit leaves no per-element cost.
  ///
  /// - Parameter repeatNoise: the relative noise of a size's fitted value,
  ///   from its inputs or its repeats; nil where neither says.
  static func run(
    sizes: [Double], values: [Double], repeatNoise: Double?
  ) throws
    -> LogFactorCheck?
  {
    let m = sizes.count
    guard m >= 6 else { return nil }
    let nMax = sizes.max()!
    let lnMax = log(nMax)
    // Scaled columns keep the fit well conditioned: n/nMax and
    // (n/nMax)·ln(n)/ln(nMax); the coefficients are rescaled below.
    let design = sizes.map { n -> [Double] in
      let u = n / nMax
      return [1, u, u * log(n) / lnMax]
    }
    let solution = try WeightedLeastSquares.solve(
      design: design, weights: values.map { 1 / ($0 * $0) }, values: values)
    // Relative weights are not inverse variances: scale the covariance by
    // the residual variance per degree of freedom.
    let scale = solution.chiSquare / Double(m - 3)
    let a = solution.coefficients[0]
    let c = solution.coefficients[1] / nMax
    let d = solution.coefficients[2] / (nMax * lnMax)
    let cov = solution.covariance.map { $0.map { $0 * scale } }
    let mid = sqrt(sizes.first! * nMax)
    let top = sizes.indices.filter { sizes[$0] >= mid * 0.999 }
    let lnTopMid = log(sqrt(mid * nMax))
    let level = c + d * lnTopMid
    guard level > 0, top.count >= 3, top.allSatisfy({ values[$0] > a }) else { return nil }
    let beta = d / level
    // Delta method, in the scaled coefficients (C = c·nMax, D = d·nMax·lnMax).
    let dBetaDC = -d / (level * level) / nMax
    let dBetaDD = c / (level * level) / (nMax * lnMax)
    let variance =
      dBetaDC * dBetaDC * cov[1][1] + dBetaDD * dBetaDD * cov[2][2]
      + 2 * dBetaDC * dBetaDD * cov[1][2]
    let octaves: [(Int, Int)] = top.compactMap { i in
      top.first { abs(sizes[$0] / sizes[i] - 2) < 0.2 }.map { (i, $0) }
    }
    guard octaves.count >= 2 else { return nil }
    let halfRises = octaves.map { i, j in 0.5 * log(log(sizes[j]) / log(sizes[i])) }
    let rising = zip(octaves, halfRises).filter { pair, halfRise in
      let (i, j) = pair
      return log((values[j] - a) / sizes[j]) - log((values[i] - a) / sizes[i]) >= halfRise
    }.count
    let noise = sqrt(2) * (repeatNoise ?? sqrt(scale))
    return LogFactorCheck(
      beta: beta, standardError: sqrt(max(0, variance)), expected: 1 / lnTopMid,
      rising: rising, steps: octaves.count,
      countIsInformative: noise < Classifier.median(halfRises))
  }
}
