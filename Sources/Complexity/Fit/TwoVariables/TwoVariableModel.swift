import Foundation

/// A cost model in two variables, `t = a + Σ bⱼ·gⱼ(x, y)`, built from the
/// single-variable classes: each variable alone, their sum, their product,
/// `min` and `max`, or neither (a constant). These are the shapes the
/// seed's two-variable rows are written in: `O(k)`, `O(k+n)`, `O(nk)`,
/// `O(len(s)+len(t))`, `O(min(len(s), len(t)))`, `O(len(s) * len(t))`.
///
/// Each variable is scaled by its largest value, as `ComplexityClass`
/// scales n, so every column of the design lies in (0, 1]. A sum has one
/// coefficient per term (`a + b·f(x) + c·g(y)`): it holds when either
/// term alone would not.
package enum TwoVariableModel: Hashable, Sendable, Codable {
  /// Depends on neither variable.
  case constant
  /// Depends on the first (`x`) variable only, as the class says.
  case first(ComplexityClass)
  /// On the second (`y`) only.
  case second(ComplexityClass)
  /// `f(x) + g(y)`.
  case sum(ComplexityClass, ComplexityClass)
  /// `f(x) · g(y)`.
  case product(ComplexityClass, ComplexityClass)
  /// `min(x, y)`, both linear.
  case minimum
  /// `max(x, y)`, both linear.
  case maximum
  /// Linear in x where `x ≤ y`, constant elsewhere: a cost that stops at
  /// once on one side (`s <= t`: `set_issubset` returns False without a
  /// look when len(s) > len(t), else walks s).
  case firstUpToSecond
  /// Linear in y where `y ≤ x`, constant elsewhere (`s >= t`).
  case secondUpToFirst
  /// Linear where `x = y`, constant elsewhere (`s == t`: `set_richcompare`
  /// compares elements only when the sizes are equal).
  case diagonal

  /// The candidates every two-variable fit weighs: each variable alone
  /// (log, linear, n log n, quadratic), sums and products of log, linear
  /// and n log n terms, min, max, the constant, and the three costs that
  /// grow on one side of the diagonal or on it only.
  package static let candidates: [TwoVariableModel] = {
    let alone: [ComplexityClass] = [.logarithmic, .linear, .linearithmic, .quadratic]
    let terms: [ComplexityClass] = [.logarithmic, .linear, .linearithmic]
    var models: [TwoVariableModel] = [
      .constant, .minimum, .maximum, .firstUpToSecond, .secondUpToFirst, .diagonal,
    ]
    models += alone.map(TwoVariableModel.first) + alone.map(TwoVariableModel.second)
    for f in terms {
      for g in terms {
        models.append(.sum(f, g))
        models.append(.product(f, g))
      }
    }
    return models
  }()

  /// The design columns after the intercept, at `(x, y)` with the largest
  /// values `(xMax, yMax)`.
  func columns(_ x: Double, _ y: Double, xMax: Double, yMax: Double) -> [Double] {
    func term(_ c: ComplexityClass, _ v: Double, _ vMax: Double) -> Double {
      c.scaledTerm(v, largest: vMax) ?? 1
    }
    switch self {
    case .constant: return []
    case .first(let f): return [term(f, x, xMax)]
    case .second(let g): return [term(g, y, yMax)]
    case .sum(let f, let g): return [term(f, x, xMax), term(g, y, yMax)]
    case .product(let f, let g): return [term(f, x, xMax) * term(g, y, yMax)]
    // Both scaled by the larger of the two maxima, so min and max compare
    // the variables themselves, not their fractions.
    case .minimum:
      let top = Swift.max(xMax, yMax)
      return [Swift.min(x, y) / top]
    case .maximum:
      let top = Swift.max(xMax, yMax)
      return [Swift.max(x, y) / top]
    case .firstUpToSecond: return [x <= y ? x / Swift.max(xMax, yMax) : 0]
    case .secondUpToFirst: return [y <= x ? y / Swift.max(xMax, yMax) : 0]
    case .diagonal: return [x == y ? x / Swift.max(xMax, yMax) : 0]
    }
  }

  /// Whether the model grows only in part of the grid (`firstUpToSecond`,
  /// `secondUpToFirst`, `diagonal`): it needs points where it grows, two
  /// sizes of them at least, to be fitted.
  var isPiecewise: Bool {
    switch self {
    case .firstUpToSecond, .secondUpToFirst, .diagonal: return true
    default: return false
    }
  }

  /// The formulas without pieces that a piecewise model equals where it
  /// grows: each is a bound of the cost everywhere, reached there. A
  /// documented formula among them agrees with the measured piecewise one.
  var reaches: [TwoVariableModel] {
    switch self {
    case .firstUpToSecond: return [.first(.linear)]
    case .secondUpToFirst: return [.second(.linear)]
    // On the diagonal x = y = min = max.
    case .diagonal: return [.minimum, .maximum, .first(.linear), .second(.linear)]
    default: return []
    }
  }

  /// The model as the seed spells a formula, in the row's own variable
  /// names: `O(len(s) + len(t))`, `O(min(len(s), len(t)))`, `O(n·k)`.
  package func formula(_ x: String, _ y: String) -> String {
    func term(_ c: ComplexityClass, _ v: String) -> String {
      switch c {
      case .constant: return "1"
      case .logarithmic: return "log \(v)"
      case .squareRoot: return "sqrt \(v)"
      case .linear: return v
      case .linearithmic: return "\(v) log \(v)"
      case .quadratic: return "\(v)^2"
      case .cubic: return "\(v)^3"
      case .exponential: return "2^\(v)"
      }
    }
    switch self {
    case .constant: return "O(1)"
    case .first(let f): return "O(\(term(f, x)))"
    case .second(let g): return "O(\(term(g, y)))"
    case .sum(let f, let g): return "O(\(term(f, x)) + \(term(g, y)))"
    case .product(let f, let g): return "O(\(term(f, x))·\(term(g, y)))"
    case .minimum: return "O(min(\(x), \(y)))"
    case .maximum: return "O(max(\(x), \(y)))"
    case .firstUpToSecond: return "O(\(x)) if \(x) <= \(y), else O(1)"
    case .secondUpToFirst: return "O(\(y)) if \(y) <= \(x), else O(1)"
    case .diagonal: return "O(\(x)) if \(x) == \(y), else O(1)"
    }
  }
}
