import Foundation

/// Recorded two-variable costs in CSV: a header naming the two variables
/// and the cost (`n,k,seconds`, `len(s),len(t),instructions`: any names),
/// then one line per measurement; lines sharing a pair of sizes keep the
/// least cost (the best sample, as one-variable fits do).
package enum TwoVariablePointsFile {
  /// The points and the two variables' names.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` naming the file, the line and
  ///   what would be right.
  package static func read(
    path: String
  ) throws -> (names: (String, String), points: [TwoVariablePoint]) {
    guard let data = FileManager.default.contents(atPath: path),
      let text = String(data: data, encoding: .utf8)
    else {
      throw ComplexityError(
        .badInput, "cannot read \(path): give a CSV file with a header x,y,cost (e.g. n,k,seconds)")
    }
    return try parse(text, name: path)
  }

  /// Parses the CSV text; `name` is used in error messages.
  package static func parse(
    _ text: String, name: String = "input"
  ) throws
    -> (names: (String, String), points: [TwoVariablePoint])
  {
    let lines = text.split(whereSeparator: \.isNewline).map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
    // Names may hold commas inside parentheses (`len(s)`): split outside them.
    func fields(_ line: String) -> [String] {
      var out: [String] = [], current = "", depth = 0
      for c in line {
        if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
        if c == "," && depth == 0 {
          out.append(current.trimmingCharacters(in: .whitespaces))
          current = ""
        } else {
          current.append(c)
        }
      }
      return out + [current.trimmingCharacters(in: .whitespaces)]
    }
    guard let header = lines.first.map(fields), header.count == 3 else {
      throw ComplexityError(
        .badInput, "\(name): the header must name three columns, x,y,cost (e.g. n,k,seconds)")
    }
    var best: [String: TwoVariablePoint] = [:]
    var order: [String] = []
    for (offset, line) in lines.enumerated().dropFirst() {
      let f = fields(line)
      guard f.count == 3, let x = Int(f[0]), let y = Int(f[1]), let v = Double(f[2]), x >= 1,
        y >= 1, v.isFinite, v > 0
      else {
        throw ComplexityError(
          .badInput,
          "\(name) line \(offset + 1): '\(line)' must be two whole sizes of at least 1 and a "
            + "positive cost")
      }
      let key = "\(x),\(y)"
      if let old = best[key] {
        if v < old.value { best[key] = TwoVariablePoint(x: x, y: y, value: v) }
      } else {
        best[key] = TwoVariablePoint(x: x, y: y, value: v)
        order.append(key)
      }
    }
    return ((header[0], header[1]), order.map { best[$0]! })
  }
}
