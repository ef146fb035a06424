internal import CGSL

/// The χ² distribution through GSL's `gsl_cdf_chisq_Pinv`.
enum ChiSquare {
  /// The median of `χ²ₖ / k`: where a sample variance on k degrees of
  /// freedom falls, as a share of the variance, half the time,
  ///
  ///     q(k) = F⁻¹(1/2; k) / k,   F the χ²ₖ distribution function,
  ///
  /// 0.455 for k = 1, 0.693 for k = 2, tending to 1. Dividing the median
  /// of several such variances by it estimates the variance without the
  /// median's bias: the sample standard deviation of two normal values,
  /// |a − b| / √2, has a median of 0.67σ, not σ.
  ///
  /// - Throws: `ComplexityError(.fit, …)` for k < 1 or a GSL failure.
  static func medianRatio(degrees k: Int) throws -> Double {
    GSLSetup.once()
    guard k >= 1 else {
      throw ComplexityError(.fit, "a χ² quantile needs at least 1 degree of freedom, not \(k)")
    }
    let q = gsl_cdf_chisq_Pinv(0.5, Double(k))
    guard q.isFinite, q > 0 else {
      throw ComplexityError(.fit, "GSL failed in gsl_cdf_chisq_Pinv(0.5, \(k)): \(q)")
    }
    return q / Double(k)
  }
}
