import Foundation

/// Finds sizes whose timing is off on its own: a whole size's samples slow
/// together (an unlucky memory layout of that size's input, a slow spell
/// that outlasted its samples). Minimum-of-repeats cannot remove such a
/// point, and one of them can tip a least-squares fit.
///
/// Leave-one-out under the class with the lowest AICc: each interior size is
/// left out in turn, the class refitted on the others, and the size's
/// relative deviation from that fit compared with the others' residuals:
///
///     outlier  ⇔  |dᵢ| > max(minimumDeviation, 8 · median|rⱼ|)
///
/// At most one size in ten is set aside, never the smallest or largest, so
/// a bend at either end of the range stays in the data for the classifier.
///
/// Refitting for each size costs O(m²) for m sizes; past `refitLimit`
/// sizes (a recorded file, not a sweep) the left-out fit comes from the
/// full fit's leverages instead, exactly for weighted least squares:
///
///     ŷ₍ᵢ₎ = yᵢ − eᵢ / (1 − hᵢᵢ),   hᵢᵢ = wᵢ · xᵢᵀ (XᵀWX)⁻¹ xᵢ
///
/// and the typical residual is the full fit's (one size moves it little
/// among so many).
enum OutlierScreen {
  /// Deviations below this are never outliers (20%).
  static let minimumDeviation = 0.2
  /// Most sizes refitted one by one.
  static let refitLimit = 256

  /// Indices of the points to set aside (points sorted by size).
  static func outliers(sizes: [Double], values: [Double]) throws -> [Int] {
    let m = sizes.count
    guard m >= 7 else { return [] }
    let fits = try ComplexityClass.allCases.map {
      try ModelFit.fit($0, sizes: sizes, values: values)
    }
    guard let best = fits.filter(\.isValid).min(by: { $0.aicc < $1.aicc }) else { return [] }
    var found: [(index: Int, deviation: Double)] = []
    if m > refitLimit {
      found = try leverageDeviations(best.complexityClass, sizes: sizes, values: values)
    } else {
      found = try refitDeviations(best.complexityClass, sizes: sizes, values: values)
    }
    // The worst first, at most one in ten.
    return found.sorted { $0.deviation > $1.deviation }.prefix(max(1, m / 10)).map(\.index)
      .sorted()
  }

  /// Each interior size left out and the class refitted without it.
  private static func refitDeviations(
    _ c: ComplexityClass, sizes: [Double], values: [Double]
  ) throws -> [(index: Int, deviation: Double)] {
    let m = sizes.count
    var found: [(index: Int, deviation: Double)] = []
    for i in 1..<(m - 1) {
      let keep = (0..<m).filter { $0 != i }
      let fit = try ModelFit.fit(
        c, sizes: keep.map { sizes[$0] }, values: keep.map { values[$0] })
      let residuals = keep.map { abs(values[$0] / fit.predict(sizes[$0]) - 1) }
      let deviation = abs(values[i] / fit.predict(sizes[i]) - 1)
      let typical = Classifier.median(residuals)
      if deviation > max(minimumDeviation, 8 * typical) { found.append((i, deviation)) }
    }
    return found
  }

  /// Each interior size's left-out prediction from the full fit's leverage.
  private static func leverageDeviations(
    _ c: ComplexityClass, sizes: [Double], values: [Double]
  ) throws -> [(index: Int, deviation: Double)] {
    let nMax = sizes.max() ?? 1
    let design = sizes.map { n in [1] + (c.scaledTerm(n, largest: nMax).map { [$0] } ?? []) }
    let weights = values.map { 1 / ($0 * $0) }
    let fit = try WeightedLeastSquares.solve(design: design, weights: weights, values: values)
    let predicted = design.map { x in zip(x, fit.coefficients).map(*).reduce(0, +) }
    let typical = Classifier.median(zip(values, predicted).map { abs($0 / $1 - 1) })
    var found: [(index: Int, deviation: Double)] = []
    for i in 1..<(sizes.count - 1) {
      let x = design[i]
      let leverage =
        weights[i]
        * x.indices.map { j in
          x.indices.map { k in x[j] * fit.covariance[j][k] * x[k] }
            .reduce(0, +)
        }.reduce(0, +)
      guard leverage < 1 else { continue }
      let leftOut = values[i] - (values[i] - predicted[i]) / (1 - leverage)
      let deviation = abs(values[i] / leftOut - 1)
      if deviation > max(minimumDeviation, 8 * typical) { found.append((i, deviation)) }
    }
    return found
  }
}
