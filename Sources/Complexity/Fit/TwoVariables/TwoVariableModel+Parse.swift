import Foundation

extension TwoVariableModel {
  /// Reads a documented formula in the row's variable names, as the seed
  /// writes them: `O(nk)`, `O(n·k)`, `O(k+n)`, `O(len(s)+len(t))`,
  /// `O(min(len(s), len(t)))`, `O(len(s) * len(t))`, `O(k)`, `O(1)`;
  /// spaces, `·`, `*` and the order of a sum or product do not matter.
  ///
  /// - Returns: nil for a formula outside these shapes.
  /// `parse`, or an error naming the text (after `what`, e.g. `--expect `)
  /// and formulas in `x` and `y` that would be right.
  ///
  /// - Throws: `ComplexityError(.badInput, …)`.
  package static func parsed(
    _ text: String, _ x: String, _ y: String, what: String = ""
  )
    throws -> TwoVariableModel
  {
    guard let model = parse(text, x, y) else {
      throw ComplexityError(
        .badInput,
        "\(what)'\(text)' is not a formula in \(x) and \(y): write e.g. 'O(\(x)+\(y))', "
          + "'O(\(x)·\(y))', 'O(min(\(x), \(y)))' or 'O(\(y))'")
    }
    return model
  }

  package static func parse(_ text: String, _ x: String, _ y: String) -> TwoVariableModel? {
    var s = text.filter { !$0.isWhitespace }
    guard s.hasPrefix("O("), s.hasSuffix(")") else { return nil }
    s = String(s.dropFirst(2).dropLast())
    // The longer name first, so `len(s)` is not read inside `len(s2)`.
    let names = [(x.filter { !$0.isWhitespace }, "X"), (y.filter { !$0.isWhitespace }, "Y")]
      .sorted { $0.0.count > $1.0.count }
    for (name, token) in names { s = s.replacingOccurrences(of: name, with: token) }
    s = s.replacingOccurrences(of: "·", with: "").replacingOccurrences(of: "*", with: "")
    switch s {
    case "1": return .constant
    case "X": return .first(.linear)
    case "Y": return .second(.linear)
    case "logX": return .first(.logarithmic)
    case "logY": return .second(.logarithmic)
    case "XlogX": return .first(.linearithmic)
    case "YlogY": return .second(.linearithmic)
    case "X^2": return .first(.quadratic)
    case "Y^2": return .second(.quadratic)
    case "X+Y", "Y+X": return .sum(.linear, .linear)
    case "XY", "YX": return .product(.linear, .linear)
    case "min(X,Y)", "min(Y,X)": return .minimum
    case "max(X,Y)", "max(Y,X)": return .maximum
    default: return nil
    }
  }
}
