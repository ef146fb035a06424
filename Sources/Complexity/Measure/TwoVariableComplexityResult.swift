/// What `measureComplexity(values:…)` found in two variables: the formula
/// of n and the second variable, each column's one-variable result, and a
/// readable account for assertion messages.
public struct TwoVariableComplexityResult: Sendable, CustomStringConvertible {
  /// The variables' names: `n` and the second (`k` unless given).
  public var names: (String, String)
  /// Each value of the second variable and its one-variable result over n.
  public var columns: [(value: Int, result: ComplexityResult)]
  let classification: TwoVariableClassification

  init(
    names: (String, String), columns: [(value: Int, result: ComplexityResult)],
    classification: TwoVariableClassification
  ) {
    self.names = names
    self.columns = columns
    self.classification = classification
  }

  /// The measured formula spelled in the names (`O(n·k)`), or both
  /// contenders when the evidence cannot separate them.
  public var formula: String { classification.formula(names.0, names.1) }

  /// Whether the best formula is 4 AICc or more ahead of the next.
  public var isConclusive: Bool { classification.conclusive }

  /// Whether the measurement shows `expected`, a formula in the names
  /// (`O(nk)`, `O(n + k)`, `O(min(n, k))`, `O(k)`): true when the best
  /// formula is it, false when neither contender is, nil when it is one of
  /// two the evidence cannot separate.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` for a formula outside the
  ///   candidates.
  public func shows(_ expected: String) throws -> Bool? {
    switch classification.verdict(against: try TwoVariableModel.parsed(expected, names.0, names.1))
    {
    case .agree: return true
    case .inconclusive: return nil
    case .differs: return false
    }
  }

  public var description: String {
    let at = columns.map { "\(names.1) = \($0.value): \($0.result.outcome)" }
    return "measured \(formula) over \(columns.count) columns (\(at.joined(separator: "; ")))"
  }
}
