import Foundation

/// A candidate growth class: how an operation's cost grows with its size `n`.
///
/// The raw values are the exact names used in every output (`O(1)`,
/// `O(log n)`, `O(sqrt n)`, `O(n)`, `O(n log n)`, `O(n^2)`, `O(n^3)`,
/// `O(2^n)`); the cases are in order of growth.
public enum ComplexityClass: String, CaseIterable, Codable, Sendable, Comparable {
  case constant = "O(1)"
  case logarithmic = "O(log n)"
  case squareRoot = "O(sqrt n)"
  case linear = "O(n)"
  case linearithmic = "O(n log n)"
  case quadratic = "O(n^2)"
  case cubic = "O(n^3)"
  case exponential = "O(2^n)"

  /// The growth term `f(n)` of the model `t = a + b·f(n)`, or `nil` for O(1).
  ///
  /// Sizes are scaled by the largest size so every column of the design
  /// matrix lies in (0, 1] and the fits stay well conditioned:
  ///
  ///     log n    →  ln(n) / ln(nMax)
  ///     sqrt n   →  (n / nMax)^½
  ///     n        →  n / nMax
  ///     n log n  →  (n / nMax) · ln(n) / ln(nMax)
  ///     n^2      →  (n / nMax)^2
  ///     n^3      →  (n / nMax)^3
  ///     2^n      →  2^(n − nMax)
  public func scaledTerm(_ n: Double, largest nMax: Double) -> Double? {
    let u = n / nMax
    let l = log(n) / log(nMax)
    switch self {
    case .constant: return nil
    case .logarithmic: return l
    case .squareRoot: return u.squareRoot()
    case .linear: return u
    case .linearithmic: return u * l
    case .quadratic: return u * u
    case .cubic: return u * u * u
    case .exponential: return exp2(n - nMax)
    }
  }

  /// The log-log slope of the class's growth term at large n: what a
  /// top-octave slope reads for it (`nil` for 2ⁿ, which has none).
  public var polynomialDegree: Double? {
    switch self {
    case .constant, .logarithmic: return 0
    case .squareRoot: return 0.5
    case .linear, .linearithmic: return 1
    case .quadratic: return 2
    case .cubic: return 3
    case .exponential: return nil
    }
  }

  /// Parses a class from its name; tolerant of spacing, `**`/`²` and `N`.
  public init?(name: String) {
    let squeezed = name.lowercased()
      .replacingOccurrences(of: " ", with: "")
      .replacingOccurrences(of: "**2", with: "^2")
      .replacingOccurrences(of: "**3", with: "^3")
      .replacingOccurrences(of: "²", with: "^2")
      .replacingOccurrences(of: "³", with: "^3")
      .replacingOccurrences(of: "√", with: "sqrt")
      .replacingOccurrences(of: "sqrt(n)", with: "sqrtn")
      .replacingOccurrences(of: "2**n", with: "2^n")
      .replacingOccurrences(of: "2ⁿ", with: "2^n")
    let aliases: [String: ComplexityClass] = [
      "o(1)": .constant, "1": .constant, "constant": .constant,
      "o(logn)": .logarithmic, "logn": .logarithmic, "logarithmic": .logarithmic,
      "o(sqrtn)": .squareRoot, "sqrtn": .squareRoot, "o(n^0.5)": .squareRoot,
      "o(n)": .linear, "n": .linear, "linear": .linear,
      "o(nlogn)": .linearithmic, "nlogn": .linearithmic, "linearithmic": .linearithmic,
      "o(n^2)": .quadratic, "n^2": .quadratic, "quadratic": .quadratic,
      "o(n^3)": .cubic, "n^3": .cubic, "cubic": .cubic,
      "o(2^n)": .exponential, "2^n": .exponential, "exponential": .exponential,
    ]
    guard let c = aliases[squeezed] else { return nil }
    self = c
  }

  /// Parses a class a user typed (`--expect 'O(n)'`).
  ///
  /// - Throws: `ComplexityError(.badInput, …)` listing the names accepted.
  public static func parse(_ text: String) throws -> ComplexityClass {
    guard let c = ComplexityClass(name: text) else {
      throw ComplexityError(
        .badInput,
        "unknown class '\(text)': use one of "
          + allCases.map(\.rawValue).joined(separator: ", "))
    }
    return c
  }

  private var rank: Int { Self.allCases.firstIndex(of: self)! }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

extension ComplexityClass: CustomStringConvertible {
  public var description: String { rawValue }
}
