import Foundation

/// One measurement of a two-variable cost: the cost at sizes `(x, y)`.
package struct TwoVariablePoint: Codable, Sendable, Equatable {
  package var x: Int
  package var y: Int
  /// Seconds or instructions per operation (the best sample).
  package var value: Double

  package init(x: Int, y: Int, value: Double) {
    self.x = x
    self.y = y
    self.value = value
  }
}

/// One candidate model fitted to two-variable points.
package struct TwoVariableFit: Codable, Sendable, Equatable {
  package var model: TwoVariableModel
  /// `a`, then one `b` per column of the model.
  package var coefficients: [Double]
  package var chiSquare: Double
  package var aicc: Double
  /// False when a growth term needs a negative coefficient.
  package var isValid: Bool
}

/// What a two-variable fit concluded.
package struct TwoVariableClassification: Codable, Sendable, Equatable {
  /// The model chosen, and the runner-up among the other valid models.
  package var best: TwoVariableFit
  package var runnerUp: TwoVariableFit?
  /// `AICc(runner-up) − AICc(best)`: how clearly the best won.
  package var margin: Double
  /// Whether the margin separates them (`TwoVariableClassifier.minimumMargin`).
  package var conclusive: Bool
  /// Every candidate, best first.
  package var fits: [TwoVariableFit]
  /// The log factors the data exclude (`TwoVariableLogCheck`): the
  /// formulas with them were set aside.
  var excludedLogFactors: [TwoVariableLogCheck] = []

  /// Why the outcome is what it is beyond the ranking, in the row's names.
  package func notes(_ x: String, _ y: String) -> [String] {
    var notes = excludedLogFactors.map { $0.note(x, y) }
    if best.model.isPiecewise, let grows = best.model.reaches.first {
      notes.append(
        "the cost grows in part of the grid only (\(best.model.formula(x, y))): "
          + "\(grows.formula(x, y)) is its bound, reached where it grows")
    }
    return notes
  }

  /// The outcome as a formula in the row's names: the best's, or
  /// `inconclusive (A | B)`.
  package func formula(_ x: String, _ y: String) -> String {
    guard !conclusive, let runnerUp else { return best.model.formula(x, y) }
    return "inconclusive (\(best.model.formula(x, y)) | \(runnerUp.model.formula(x, y)))"
  }

  /// The outcome against a documented (or expected) model: agree when the
  /// best is it, inconclusive when it is one of two contenders the margin
  /// cannot separate, differs otherwise.
  ///
  /// A piecewise model agrees with each formula it reaches where it grows
  /// (`TwoVariableModel.reaches`): `s <= t` measured O(len(s)) where
  /// len(s) <= len(t) and O(1) elsewhere has the documented O(len(s)) as its
  /// bound, reached where the cost grows.
  package func verdict(against documented: TwoVariableModel) -> Verdict {
    func matches(_ model: TwoVariableModel) -> Bool {
      model == documented || model.reaches.contains(documented)
    }
    if conclusive { return matches(best.model) ? .agree : .differs }
    return matches(best.model) || runnerUp.map { matches($0.model) } == true
      ? .inconclusive : .differs
  }
}

/// Chooses among `TwoVariableModel.candidates` by the same discipline as
/// the one-variable `Classifier`: each model `t = a + Σ bⱼ·gⱼ(x, y)` fitted
/// by GSL's weighted least squares with relative weights `1 / tᵢ²`, scored
///
///     AIC  = m·ln(χ² / m) + 2k,   AICc = AIC + 2k(k + 1) / (m − k − 1)
///
/// (k the coefficients plus the variance), models needing a negative growth
/// coefficient set aside, and the lowest AICc chosen only when the next
/// model is at least `minimumMargin` behind; otherwise the outcome is
/// inconclusive between the two. A variable the cost does not depend on
/// drops out the same way: the model without its term wins by the
/// parameter it saves.
package struct TwoVariableClassifier: Sendable {
  /// The AICc gap below which two models cannot be told apart (4: "considerably
  /// less support", Burnham and Anderson).
  package var minimumMargin = 4.0
  /// The fewest points a fit needs (a grid of at least 3 × 3).
  package static let minimumPoints = 9

  package init() {}

  /// - Throws: `ComplexityError(.fit, …)` for too few points or values
  ///   that are not finite and positive, and GSL's failures.
  package func classify(_ points: [TwoVariablePoint]) throws -> TwoVariableClassification {
    guard points.count >= Self.minimumPoints else {
      throw ComplexityError(
        .fit,
        "a two-variable fit needs at least \(Self.minimumPoints) points (a 3 × 3 grid); "
          + "got \(points.count)")
    }
    if let bad = points.first(where: {
      !($0.value.isFinite && $0.value > 0) || $0.x < 1 || $0.y < 1
    }) {
      throw ComplexityError(
        .fit,
        "the cost \(bad.value) at (\(bad.x), \(bad.y)) is not a finite positive number at "
          + "sizes of at least 1")
    }
    // The scales of the two variables (at least 2: log 1 would be 0).
    let xMax = max(Double(points.map(\.x).max()!), 2)
    let yMax = max(Double(points.map(\.y).max()!), 2)
    let values = points.map(\.value)
    let weights = values.map { 1 / ($0 * $0) }
    let m = Double(points.count)
    var fits: [TwoVariableFit] = []
    for model in TwoVariableModel.candidates {
      let design = points.map { p in
        [1] + model.columns(Double(p.x), Double(p.y), xMax: xMax, yMax: yMax)
      }
      // A piece the grid has fewer than two sizes of cannot be fitted.
      if model.isPiecewise, Set(design.map { $0[1] }.filter { $0 > 0 }).count < 2 { continue }
      let solution = try WeightedLeastSquares.solve(
        design: design, weights: weights, values: values)
      let k = Double(design[0].count + 1)
      let chi = max(solution.chiSquare, 1e-300)
      let aic = m * log(chi / m) + 2 * k
      let aicc = m - k - 1 > 0 ? aic + 2 * k * (k + 1) / (m - k - 1) : .infinity
      fits.append(
        TwoVariableFit(
          model: model, coefficients: solution.coefficients, chiSquare: solution.chiSquare,
          aicc: aicc, isValid: solution.coefficients.dropFirst().allSatisfy { $0 >= 0 }))
    }
    let ranked = fits.sorted { ($0.isValid ? 0 : 1, $0.aicc) < ($1.isValid ? 0 : 1, $1.aicc) }
    // "Does not depend on v", by equivalence as the one-variable O(1) rule:
    // a model that depends on v is nested in one that does not, so a small
    // term in v always fits noise a little better; where v's terms move
    // the cost by less than `constantTolerance` across the grid, the model
    // without v is taken instead.
    var allowed = ranked.filter(\.isValid)
    var reduced = false
    for variable in [Variable.x, .y] {
      guard let chosen = allowed.first, chosen.model.depends(on: variable),
        growth(of: chosen, along: variable, points, xMax: xMax, yMax: yMax)
          < constantTolerance
      else { continue }
      allowed = allowed.filter { !$0.model.depends(on: variable) }
      reduced = true
    }
    // A log factor the information criterion favours but the slices of
    // the grid do not show is set aside, as the one-variable classifier's
    // log-factor check does.
    var excluded: [TwoVariableLogCheck] = []
    for variable in [Variable.x, .y] {
      guard let chosen = allowed.first, chosen.model.hasLinearithmicTerm(in: variable),
        let check = try TwoVariableLogCheck.run(along: variable, points), check.excludesLogFactor
      else { continue }
      let rest = allowed.filter { !$0.model.hasLinearithmicTerm(in: variable) }
      guard !rest.isEmpty else { continue }
      allowed = rest
      excluded.append(check)
    }
    let best = allowed.first ?? ranked[0]
    // A rival that differs from the best only by a term in a variable the
    // best does not use, too small to matter by the same rule, is the
    // best's equivalent, not a contender.
    let unused = [Variable.x, .y].filter { !best.model.depends(on: $0) }
    let runnerUp = allowed.dropFirst().first { fit in
      !unused.contains { v in
        fit.model.depends(on: v)
          && growth(of: fit, along: v, points, xMax: xMax, yMax: yMax)
            < constantTolerance
      }
    }
    let margin = runnerUp.map { $0.aicc - best.aicc } ?? .infinity
    return TwoVariableClassification(
      best: best, runnerUp: runnerUp, margin: margin,
      conclusive: margin >= minimumMargin || (reduced && best.model == .constant),
      fits: ranked, excludedLogFactors: excluded)
  }

  /// Largest growth across the grid still called "does not depend on it"
  /// (0.25, as the one-variable `Classifier`'s O(1) rule).
  package var constantTolerance = 0.25

  /// One of the two variables.
  enum Variable: String, Codable, Sendable { case x, y }

  /// How much `fit` moves the cost as `variable` goes from its least to its
  /// largest value, the other held at each of its values: the largest
  /// `t(top) / t(bottom) − 1`.
  private func growth(
    of fit: TwoVariableFit, along variable: Variable, _ points: [TwoVariablePoint],
    xMax: Double, yMax: Double
  ) -> Double {
    func predict(_ x: Double, _ y: Double) -> Double {
      zip(fit.coefficients, [1] + fit.model.columns(x, y, xMax: xMax, yMax: yMax))
        .map(*).reduce(0, +)
    }
    let xs = points.map { Double($0.x) }, ys = points.map { Double($0.y) }
    let (lo, hi) = variable == .x ? (xs.min()!, xs.max()!) : (ys.min()!, ys.max()!)
    let others = Set(variable == .x ? ys : xs)
    return others.map { o -> Double in
      let (a, b) =
        variable == .x ? (predict(lo, o), predict(hi, o)) : (predict(o, lo), predict(o, hi))
      return a > 0 ? abs(b / a - 1) : .infinity
    }.max() ?? 0
  }
}

extension TwoVariableModel {
  /// Whether the model's cost moves with `variable`.
  func depends(on variable: TwoVariableClassifier.Variable) -> Bool {
    switch (self, variable) {
    case (.constant, _): return false
    case (.first, .x), (.second, .y): return true
    case (.first, .y), (.second, .x): return false
    case (.sum, _), (.product, _), (.minimum, _), (.maximum, _), (.firstUpToSecond, _),
      (.secondUpToFirst, _), (.diagonal, _):
      return true
    }
  }
}
