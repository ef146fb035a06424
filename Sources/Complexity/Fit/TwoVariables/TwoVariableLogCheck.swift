import Foundation

/// The second opinion on an `n log n` term in one variable of a
/// two-variable fit, asked of each slice of the grid along that variable.
///
/// Holding the other variable `w` fixed, every candidate with an
/// `n log n` term in `v` is, along `v`, `t = A(w) + C(w)·v + D(w)·v·ln v`
/// (a sum puts the other term into `A`, a product scales `C` and `D`).
/// Its marginal cost, the cost of one more element,
///
///     μ(v) = dt/dv = C + D·(ln v + 1)
///
/// needs no intercept: measured as `(t₂ − t₁)/(v₂ − v₁)` between
/// neighbouring sizes of the top half of the slice (`v ≥ √(v_min·v_max)`),
/// at `L = ln √(v₁v₂) + 1`, it is fitted as `μ = c + d·L` (GSL least
/// squares; the covariance scaled by the residual variance), and its
/// relative slope at the mean `L̄`,
///
///     β = d / (c + d·L̄)         (a pure n log n has β = 1 / L̄)
///
/// with its standard error, says whether the cost of an element keeps
/// rising. The information criterion weighs every point of the grid at
/// once, so a few hundred instructions more at the smallest sizes of a few
/// slices (an allocator's path that changes with the block's size) can
/// favour a log factor whose rise no slice's top half shows; the one-
/// variable `LogFactorCheck` is misled the same way, through the fitted
/// intercept, which the marginal cost does without.
///
/// A slice excludes the log factor when `β + 2σ < ½ / L̄`, supports it when
/// `β − 2σ > ½ / L̄`, and abstains otherwise (noise: with ±10% noise on
/// time, it abstains). The log factor is excluded when more than half of
/// the slices checked exclude it and none supports it.
struct TwoVariableLogCheck: Codable, Sendable, Equatable {
  /// The variable whose log factor was checked.
  var variable: TwoVariableClassifier.Variable
  /// Slices (values of the other variable) with enough sizes to check.
  var slices: Int
  /// Of those, the slices whose marginal cost excludes a log factor.
  var excluding: Int
  /// And those whose marginal cost supports one.
  var supporting: Int

  /// The data exclude a log factor in `variable`.
  var excludesLogFactor: Bool { slices > 0 && 2 * excluding > slices && supporting == 0 }

  /// The fewest sizes in a slice's top half: three marginal costs.
  static let minimumTopSizes = 4

  /// Runs the check along `variable`; nil when no slice can be checked.
  ///
  /// - Throws: GSL's failures.
  static func run(
    along variable: TwoVariableClassifier.Variable, _ points: [TwoVariablePoint]
  ) throws -> TwoVariableLogCheck? {
    let slices = Dictionary(grouping: points) { variable == .x ? $0.y : $0.x }
    var checked = 0
    var excluding = 0
    var supporting = 0
    for slice in slices.values {
      // The cheapest value at each size, sizes in order.
      let bySize = Dictionary(grouping: slice) { variable == .x ? $0.x : $0.y }
        .mapValues { $0.map(\.value).min()! }.sorted { $0.key < $1.key }
      guard let verdict = try sliceVerdict(bySize.map { Double($0.key) }, bySize.map(\.value))
      else { continue }
      checked += 1
      if verdict == .excludes { excluding += 1 }
      if verdict == .supports { supporting += 1 }
    }
    guard checked > 0 else { return nil }
    return TwoVariableLogCheck(
      variable: variable, slices: checked, excluding: excluding, supporting: supporting)
  }

  /// What one slice says of a log factor.
  enum SliceVerdict { case excludes, supports, abstains }

  /// One slice's answer (see the type's comment); nil when its top half has
  /// fewer than `minimumTopSizes` sizes or the cost does not rise along it.
  static func sliceVerdict(_ sizes: [Double], _ values: [Double]) throws -> SliceVerdict? {
    guard let low = sizes.first, let high = sizes.last, high > low else { return nil }
    let middle = (low * high).squareRoot() * 0.999
    let top = sizes.indices.filter { sizes[$0] >= middle }
    guard top.count >= minimumTopSizes else { return nil }
    let pairs = zip(top, top.dropFirst())
    let marginal = pairs.map { i, j in (values[j] - values[i]) / (sizes[j] - sizes[i]) }
    let at = pairs.map { i, j in log((sizes[i] * sizes[j]).squareRoot()) + 1 }
    let mean = at.reduce(0, +) / Double(at.count)
    // Centred on the mean, so c is the level there and d its slope.
    let solution = try WeightedLeastSquares.solve(
      design: at.map { [1, $0 - mean] }, weights: marginal.map { _ in 1 }, values: marginal)
    let level = solution.coefficients[0]
    let slope = solution.coefficients[1]
    guard level > 0 else { return nil }
    let scale = solution.chiSquare / Double(marginal.count - 2)
    let beta = slope / level
    let error = (solution.covariance[1][1] * scale).squareRoot() / level
    let half = 0.5 / mean
    if beta + 2 * error < half { return .excludes }
    if beta - 2 * error > half { return .supports }
    return .abstains
  }

  /// What the check found, in the row's names (`x`, `y`).
  func note(_ x: String, _ y: String) -> String {
    let (v, w) = variable == .x ? (x, y) : (y, x)
    return "a log factor in \(v) is excluded: along \(v), at \(excluding) of the \(slices) "
      + "values of \(w) checked, the cost of one more element stays flat over the top half "
      + "of the sizes, and at none does it rise like \(v) log \(v)'s; so the formulas with "
      + "\(v) log \(v) were set aside"
  }
}

extension TwoVariableModel {
  /// Whether the model has an `n log n` term in `variable`.
  func hasLinearithmicTerm(in variable: TwoVariableClassifier.Variable) -> Bool {
    switch (self, variable) {
    case (.first(let f), .x), (.sum(let f, _), .x), (.product(let f, _), .x):
      return f == .linearithmic
    case (.second(let g), .y), (.sum(_, let g), .y), (.product(_, let g), .y):
      return g == .linearithmic
    default: return false
    }
  }
}
