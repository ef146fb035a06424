/// The second variable of a two-variable sweep (`--var k=64..4096`): its
/// name, as the code's set-up sees it, and the values it takes.
package struct SweptVariable: Sendable, Equatable {
  /// A Python name other than `n` (which the engine sweeps).
  package var name: String
  /// Its values, ascending.
  package var values: [Int]

  /// Values from `lowest` to `highest` at ×`ratio`: 4 makes the grid's
  /// columns cross the engine's sizes (two per octave) at both edges, on
  /// the diagonal and where one variable is 256 or more times the other —
  /// where sums, products, `min` and `max` part.
  package static func geometric(
    _ name: String, _ lowest: Int, _ highest: Int, ratio: Int = 4
  )
    -> SweptVariable
  {
    var values: [Int] = []
    var v = lowest
    while v < highest {
      values.append(v)
      v = v > Int.max / ratio ? highest : max(v * ratio, v + 1)
    }
    values.append(highest)
    return SweptVariable(name: name, values: values)
  }

  /// The fewest values a grid needs: fewer leave a product and a sum alike.
  package static let minimumValues = 3

  /// Reads `NAME=LOW..HIGH` (geometric, ×4) or `NAME=V1,V2,V3`.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` naming what is wrong and an
  ///   example that is right.
  package static func parse(_ text: String) throws -> SweptVariable {
    let example = "write e.g. --var k=64..4096 or --var k=1,10,100,1000"
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, isIdentifier(parts[0]) else {
      throw ComplexityError(.badInput, "--var '\(text)' is not NAME=VALUES: \(example)")
    }
    let (name, spec) = (parts[0], parts[1])
    let variable: SweptVariable
    if let range = spec.range(of: "..") {
      guard let low = Int(spec[..<range.lowerBound]), let high = Int(spec[range.upperBound...]),
        low >= 0, high > low
      else {
        throw ComplexityError(
          .badInput, "--var \(name)=\(spec): a range is LOW..HIGH with 0 ≤ LOW < HIGH; \(example)")
      }
      variable = geometric(name, low, high)
    } else {
      let values = spec.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
      guard !values.isEmpty, values.allSatisfy({ ($0 ?? -1) >= 0 }) else {
        throw ComplexityError(
          .badInput, "--var \(name)=\(spec): values are whole numbers ≥ 0; \(example)")
      }
      variable = SweptVariable(name: name, values: Array(Set(values.compactMap { $0 })).sorted())
    }
    guard variable.values.count >= minimumValues else {
      throw ComplexityError(
        .badInput,
        "--var \(name)=\(spec) gives \(variable.values.count) value(s): a grid needs at least "
          + "\(minimumValues) (a range of 16 or more at ×4); \(example)")
    }
    return variable
  }

  /// Whether `s` is a Python identifier of ASCII letters, digits and `_`.
  static func isIdentifier(_ s: String) -> Bool {
    guard let first = s.unicodeScalars.first, first == "_" || first.properties.isAlphabetic
    else { return false }
    return s.unicodeScalars.allSatisfy {
      $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
    }
  }
}
