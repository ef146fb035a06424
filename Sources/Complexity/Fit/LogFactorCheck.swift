import Foundation

/// The second opinion on the hard pair, O(n) against O(n log n).
///
/// Over a few decades, per-element costs drift as data moves from one cache
/// level to the next, and an information criterion reads the drift as a log
/// factor. A log factor has a signature of its own: in the top half of the
/// range the cost per element `y/n` rises steadily, with a log-log slope of
///
///     β = d ln(y/n) / d ln n  ≈  1 / ln(n)      (pure n·ln n)
///
/// This check fits `ln(y/n) = c + β·ln n` over the top half (GSL least
/// squares, with the standard error of β) and counts the size steps whose
/// `y/n` rises.
struct LogFactorCheck: Equatable {
  /// Fitted per-element slope in the top half.
  var beta: Double
  /// Its standard error.
  var standardError: Double
  /// `1 / ln(n)` at the middle of the top half: β of a pure n log n.
  var expected: Double
  /// Size steps in the top half whose cost per element rose.
  var rising: Int
  /// Size steps in the top half.
  var steps: Int

  /// A log factor is excluded: β's upper bound (2σ) stays below half of a
  /// pure n log n's.
  var excludesLogFactor: Bool { beta + 2 * standardError < 0.5 * expected }

  /// A log factor is plausible: β's lower bound (2σ) is above half of a pure
  /// n log n's, and the rise is steady (70% of the steps or more).
  var supportsLogFactor: Bool {
    beta - 2 * standardError > 0.5 * expected && Double(rising) >= 0.7 * Double(steps)
  }

  /// Runs the check; nil when the top half has fewer than 4 sizes.
  static func run(sizes: [Double], values: [Double]) throws -> LogFactorCheck? {
    let mid = sqrt(sizes.first! * sizes.last!)
    let top = sizes.indices.filter { sizes[$0] >= mid * 0.999 }
    guard top.count >= 4 else { return nil }
    let x = top.map { log(sizes[$0]) }
    let y = top.map { log(values[$0] / sizes[$0]) }
    let solution = try WeightedLeastSquares.solve(
      design: x.map { [1, $0] }, weights: Array(repeating: 1, count: x.count), values: y)
    // Unit weights: scale the covariance by the residual variance.
    let variance = solution.chiSquare / Double(x.count - 2)
    let se = sqrt(max(0, solution.covariance[1][1] * variance))
    let perElement = top.map { values[$0] / sizes[$0] }
    let rising = zip(perElement, perElement.dropFirst()).filter { $1 > $0 }.count
    let middle = exp((x.first! + x.last!) / 2)
    return LogFactorCheck(
      beta: solution.coefficients[1], standardError: se, expected: 1 / log(middle),
      rising: rising, steps: perElement.count - 1)
  }
}
