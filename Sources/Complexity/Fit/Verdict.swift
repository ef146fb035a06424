/// How a measured class compares with a documented one.
public enum Verdict: String, Codable, Sendable {
  /// The measurement settles on the documented class.
  case agree
  /// The measurement settles on another class, or its two contenders both
  /// differ from the documented one.
  case differs
  /// The measurement cannot tell the documented class from another one.
  case inconclusive

  /// Compares a classification with the documented class.
  public init(documented: ComplexityClass, measured: Classification) {
    switch measured.outcome {
    case .conclusive(let c):
      self = c == documented ? .agree : .differs
    case .inconclusive(let a, let b):
      self = (a == documented || b == documented) ? .inconclusive : .differs
    case .steeper:
      self = .differs
    }
  }
}
