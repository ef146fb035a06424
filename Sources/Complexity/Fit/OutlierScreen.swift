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
enum OutlierScreen {
  /// Deviations below this are never outliers (20%).
  static let minimumDeviation = 0.2

  /// Indices of the points to set aside (points sorted by size).
  static func outliers(sizes: [Double], values: [Double]) throws -> [Int] {
    let m = sizes.count
    guard m >= 7 else { return [] }
    let fits = try ComplexityClass.allCases.map {
      try ModelFit.fit($0, sizes: sizes, values: values)
    }
    guard let best = fits.filter(\.isValid).min(by: { $0.aicc < $1.aicc }) else { return [] }
    var found: [(index: Int, deviation: Double)] = []
    for i in 1..<(m - 1) {
      let keep = (0..<m).filter { $0 != i }
      let fit = try ModelFit.fit(
        best.complexityClass, sizes: keep.map { sizes[$0] }, values: keep.map { values[$0] })
      let residuals = keep.map { abs(values[$0] / fit.predict(sizes[$0]) - 1) }
      let deviation = abs(values[i] / fit.predict(sizes[i]) - 1)
      let typical = Classifier.median(residuals)
      if deviation > max(minimumDeviation, 8 * typical) { found.append((i, deviation)) }
    }
    // The worst first, at most one in ten.
    return found.sorted { $0.deviation > $1.deviation }.prefix(max(1, m / 10)).map(\.index)
      .sorted()
  }
}
