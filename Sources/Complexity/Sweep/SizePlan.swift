import Foundation

/// The sizes a sweep visits: a geometric grid between two bounds.
public struct SizePlan: Codable, Sendable, Equatable {
  /// The smallest size (at least 1).
  public var minimum: Int
  /// The largest size.
  public var maximum: Int
  /// Sizes per doubling of `n` (1 gives powers of two from a power of two).
  public var pointsPerOctave: Int

  public init(minimum: Int = 32, maximum: Int = 32_768, pointsPerOctave: Int = 2) {
    self.minimum = minimum
    self.maximum = maximum
    self.pointsPerOctave = pointsPerOctave
  }

  /// Checks the bounds.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` naming the bad value.
  public func validate() throws {
    guard minimum >= 1 else {
      throw ComplexityError(.badInput, "minimum size \(minimum) must be at least 1")
    }
    guard maximum > minimum else {
      throw ComplexityError(
        .badInput, "maximum size \(maximum) must be larger than the minimum \(minimum)")
    }
    guard (1...16).contains(pointsPerOctave) else {
      throw ComplexityError(
        .badInput, "points per octave \(pointsPerOctave) must be between 1 and 16")
    }
    guard sizes.count >= Classifier.minimumSizes else {
      throw ComplexityError(
        .badInput,
        "sizes \(minimum)…\(maximum) give only \(sizes.count) distinct sizes; "
          + "a fit needs \(Classifier.minimumSizes): widen the range or add points per octave")
    }
  }

  /// The sizes for an operation: the plan's grid, or its powers of two when
  /// the operation asks for them and there are enough to fit.
  package func sizes(for sizing: Operation.Sizing) -> [Int] {
    guard sizing == .powersOfTwo else { return sizes }
    let powers = (0..<62).map { 1 << $0 }.filter { (minimum...maximum).contains($0) }
    return powers.count >= Classifier.minimumSizes ? powers : sizes
  }

  /// The sizes, ascending and distinct: `minimum · 2^(i / pointsPerOctave)`.
  public var sizes: [Int] {
    var result: [Int] = []
    var i = 0
    while true {
      let n = Int((Double(minimum) * pow(2, Double(i) / Double(pointsPerOctave))).rounded())
      if n > maximum { break }
      if result.last != n { result.append(n) }
      i += 1
    }
    return result
  }
}
