import Foundation

/// One candidate model `t = a + b·f(n)` fitted to a sweep.
public struct ModelFit: Codable, Sendable, Equatable {
  /// The class whose growth term `f` the model uses.
  public var complexityClass: ComplexityClass
  /// `a`: the fixed overhead, in seconds.
  public var intercept: Double
  /// `b`: seconds added at the largest size (`f` is scaled to 1 there).
  public var coefficient: Double
  /// Weighted sum of squared relative residuals.
  public var chiSquare: Double
  /// Small-sample Akaike information criterion (lower is better).
  public var aicc: Double
  /// `false` when the fit needs `b < 0`: a shrinking cost is not that class.
  public var isValid: Bool
  /// The largest size, which scales `f`.
  public var largestSize: Double

  /// The model's prediction at size `n`, in seconds.
  public func predict(_ n: Double) -> Double {
    intercept + coefficient * (complexityClass.scaledTerm(n, largest: largestSize) ?? 0)
  }

  /// The model's growth over `[nMin, nMax]`: `t(nMax) / t(nMin) − 1`.
  public func growth(from nMin: Double, to nMax: Double) -> Double {
    predict(nMax) / predict(nMin) - 1
  }
}

extension ModelFit {
  /// Fits `t = a + b·f(n)` (or `t = a` for O(1)) by weighted least squares.
  ///
  /// Weights are relative, `wᵢ = 1 / yᵢ²`, so a 10% error at a small size
  /// counts the same as a 10% error at a large one. The criterion is
  ///
  ///     AIC  = m·ln(χ² / m) + 2k
  ///     AICc = AIC + 2k(k + 1) / (m − k − 1)
  ///
  /// with `m` points and `k` parameters (the coefficients plus the variance).
  static func fit(
    _ complexityClass: ComplexityClass, sizes: [Double], values: [Double]
  ) throws -> ModelFit {
    let nMax = sizes.max() ?? 1
    let design = sizes.map { n -> [Double] in
      if let f = complexityClass.scaledTerm(n, largest: nMax) { return [1, f] }
      return [1]
    }
    let weights = values.map { 1 / ($0 * $0) }
    let solution = try WeightedLeastSquares.solve(
      design: design, weights: weights, values: values)
    let m = Double(values.count)
    let k = Double(design[0].count + 1)
    // A perfect fit would give ln(0); a floor keeps the criterion finite.
    let chi = max(solution.chiSquare, 1e-300)
    let aic = m * log(chi / m) + 2 * k
    let aicc = m - k - 1 > 0 ? aic + 2 * k * (k + 1) / (m - k - 1) : .infinity
    let b = solution.coefficients.count > 1 ? solution.coefficients[1] : 0
    return ModelFit(
      complexityClass: complexityClass,
      intercept: solution.coefficients[0],
      coefficient: b,
      chiSquare: solution.chiSquare,
      aicc: aicc,
      isValid: b >= 0,
      largestSize: nMax)
  }
}
