import Foundation

/// The log-log slope of the timings over one doubling of `n`.
///
/// O(1) reads about 0, O(n) about 1, O(n^2) about 2; O(n log n) reads a
/// little over 1. A slope that jumps between octaves shows where a cache
/// level or a change of algorithm bends the curve.
public struct OctaveSlope: Codable, Sendable, Equatable {
  /// The lower size of the octave.
  public var from: Int
  /// The upper size (about twice `from`).
  public var to: Int
  /// `log2(t(to) / t(from)) / log2(to / from)`.
  public var slope: Double

  /// Slopes between each size and the size nearest to twice it.
  public static func slopes(of points: [Point]) -> [OctaveSlope] {
    let sorted = points.sorted { $0.n < $1.n }
    var result: [OctaveSlope] = []
    for p in sorted {
      let target = 2 * Double(p.n)
      guard
        let q = sorted.first(where: {
          abs(Double($0.n) - target) <= 0.1 * target
        })
      else { continue }
      let s = log2(q.best / p.best) / log2(Double(q.n) / Double(p.n))
      result.append(OctaveSlope(from: p.n, to: q.n, slope: s))
    }
    return result
  }

  /// The least-squares log-log slope over the top two octaves of the sweep.
  public static func topSlope(of points: [Point]) -> Double? {
    guard let nMax = points.map(\.n).max() else { return nil }
    let top = points.filter { $0.n * 4 >= nMax }
    guard top.count >= 2 else { return nil }
    // The same GSL least squares as every other fit, with equal weights.
    let solution = try? WeightedLeastSquares.solve(
      design: top.map { [1, log2(Double($0.n))] },
      weights: Array(repeating: 1, count: top.count), values: top.map { log2($0.best) })
    return solution?.coefficients[1]
  }
}
