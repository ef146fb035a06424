internal import CGSL

/// Finds sizes whose timing is off on its own: a whole size's samples slow
/// together (an unlucky memory layout of that size's input, a slow spell
/// that outlasted its samples). Minimum-of-repeats cannot remove such a
/// point, and one of them can tip a least-squares fit.
///
/// Each class is fitted by GSL's robust regression (bisquare weights) on
/// relative residuals: the rows of `y ≈ a + b·f(n)` are divided by `y`, so
/// the fit is of `1 ≈ a/y + b·f(n)/y`. Under the class with the smallest
/// robust σ, a point is an outlier when bisquare gives it zero weight while
/// both its neighbours keep more than half theirs. At most one point in ten
/// is set aside, never the smallest or largest size, so a bend at either end
/// of the range stays in the data for the classifier to judge.
enum OutlierScreen {
  /// Indices of the points to set aside (sorted by size).
  static func outliers(sizes: [Double], values: [Double]) throws -> [Int] {
    GSLSetup.once()
    let m = sizes.count
    guard m >= 7 else { return [] }
    var bestSigma = Double.infinity
    var bestWeights: [Double] = []
    for c in ComplexityClass.allCases {
      guard let fit = try robustWeights(c, sizes: sizes, values: values) else { continue }
      if fit.sigma < bestSigma {
        bestSigma = fit.sigma
        bestWeights = fit.weights
      }
    }
    guard bestWeights.count == m else { return [] }
    let candidates = (1..<(m - 1)).filter {
      bestWeights[$0] == 0 && bestWeights[$0 - 1] > 0.5 && bestWeights[$0 + 1] > 0.5
    }
    return Array(candidates.prefix(max(1, m / 10)))
  }

  private static func robustWeights(
    _ c: ComplexityClass, sizes: [Double], values: [Double]
  ) throws -> (sigma: Double, weights: [Double])? {
    let m = sizes.count
    let nMax = sizes.max()!
    let p = c == .constant ? 1 : 2
    let x = try GSLMatrix(rows: m, columns: p)
    let y = try GSLVector(count: m)
    for i in 0..<m {
      gsl_matrix_set(x.pointer, i, 0, 1 / values[i])
      if let f = c.scaledTerm(sizes[i], largest: nMax) {
        gsl_matrix_set(x.pointer, i, 1, f / values[i])
      }
      gsl_vector_set(y.pointer, i, 1)
    }
    let coefficients = try GSLVector(count: p)
    let cov = try GSLMatrix(rows: p, columns: p)
    guard let work = gsl_multifit_robust_alloc(gsl_multifit_robust_bisquare, m, p) else {
      throw ComplexityError(.fit, "GSL could not allocate a robust-fit workspace")
    }
    defer { gsl_multifit_robust_free(work) }
    let status = gsl_multifit_robust(x.pointer, y.pointer, coefficients.pointer, cov.pointer, work)
    // Not converging in GSL's iteration limit only means no verdict on
    // outliers under this class; other statuses are real failures.
    if status == Int32(GSL_EMAXITER) { return nil }
    try GSLSetup.check(status, doing: "robust regression (gsl_multifit_robust)")
    if p == 2 && gsl_vector_get(coefficients.pointer, 1) < 0 { return nil }
    let stats = gsl_multifit_robust_statistics(work)
    guard let weights = stats.weights else { return nil }
    return (stats.sigma, (0..<m).map { gsl_vector_get(weights, $0) })
  }
}
