internal import CGSL

/// Weighted linear least squares through GSL's `gsl_multifit_wlinear`.
///
/// This file and its siblings named `*+GSL.swift` are the only door to C:
/// GSL's aborting error handler is switched off once, pointers stay inside
/// the `GSL*` wrappers, and every non-zero status becomes a `ComplexityError`.
enum WeightedLeastSquares {
  /// The solution of one weighted fit.
  struct Solution {
    /// Fitted coefficients, one per column of the design matrix.
    var coefficients: [Double]
    /// Covariance matrix of the coefficients, row-major.
    var covariance: [[Double]]
    /// Weighted sum of squared residuals, `Σ wᵢ (yᵢ − ŷᵢ)²`.
    var chiSquare: Double
  }

  /// Minimises `Σ wᵢ (yᵢ − Σⱼ Xᵢⱼ cⱼ)²`.
  ///
  /// - Parameters:
  ///   - design: the rows of the design matrix `X` (all of one length).
  ///   - weights: `wᵢ`, one per row, all positive.
  ///   - values: `yᵢ`, one per row.
  /// - Throws: `ComplexityError(.fit, …)` for a GSL failure or a bad shape.
  static func solve(
    design: [[Double]], weights: [Double], values: [Double]
  ) throws -> Solution {
    GSLSetup.once()
    let rows = design.count
    guard let columns = design.first?.count, columns > 0,
      rows >= columns, weights.count == rows, values.count == rows,
      design.allSatisfy({ $0.count == columns })
    else {
      throw ComplexityError(.fit, "least squares needs at least as many points as parameters")
    }
    let x = try GSLMatrix(rows: rows, columns: columns)
    for (i, row) in design.enumerated() {
      for (j, v) in row.enumerated() { gsl_matrix_set(x.pointer, i, j, v) }
    }
    let w = try GSLVector(weights)
    let y = try GSLVector(values)
    let c = try GSLVector(count: columns)
    let cov = try GSLMatrix(rows: columns, columns: columns)
    guard let work = gsl_multifit_linear_alloc(rows, columns) else {
      throw ComplexityError(.fit, "GSL could not allocate a least-squares workspace")
    }
    defer { gsl_multifit_linear_free(work) }
    var chisq = 0.0
    try GSLSetup.check(
      gsl_multifit_wlinear(x.pointer, w.pointer, y.pointer, c.pointer, cov.pointer, &chisq, work),
      doing: "weighted least squares (gsl_multifit_wlinear)")
    return Solution(
      coefficients: c.values,
      covariance: (0..<columns).map { i in
        (0..<columns).map { j in gsl_matrix_get(cov.pointer, i, j) }
      },
      chiSquare: chisq)
  }
}

/// Turns GSL's error handling into Swift errors.
enum GSLSetup {
  private static let handlerOff: Void = { _ = gsl_set_error_handler_off() }()

  /// Switches GSL's default (aborting) error handler off; idempotent.
  static func once() { _ = handlerOff }

  /// The single funnel from a GSL status to a Swift error.
  static func check(_ status: Int32, doing what: String) throws {
    guard status != Int32(GSL_SUCCESS) else { return }
    let reason = String(cString: gsl_strerror(status))
    throw ComplexityError(.fit, "GSL failed in \(what): \(reason) (status \(status))")
  }
}

/// Owns a `gsl_matrix` and frees it.
final class GSLMatrix {
  let pointer: UnsafeMutablePointer<gsl_matrix>

  init(rows: Int, columns: Int) throws {
    guard let p = gsl_matrix_calloc(rows, columns) else {
      throw ComplexityError(.fit, "GSL could not allocate a \(rows)x\(columns) matrix")
    }
    pointer = p
  }

  deinit { gsl_matrix_free(pointer) }
}

/// Owns a `gsl_vector` and frees it.
final class GSLVector {
  let pointer: UnsafeMutablePointer<gsl_vector>

  init(count: Int) throws {
    guard let p = gsl_vector_calloc(count) else {
      throw ComplexityError(.fit, "GSL could not allocate a vector of \(count)")
    }
    pointer = p
  }

  convenience init(_ values: [Double]) throws {
    try self.init(count: values.count)
    for (i, v) in values.enumerated() { gsl_vector_set(pointer, i, v) }
  }

  var values: [Double] { (0..<pointer.pointee.size).map { gsl_vector_get(pointer, $0) } }

  deinit { gsl_vector_free(pointer) }
}
