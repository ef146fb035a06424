import Complexity
import Foundation

/// What the test targets share: the repository's fixtures, generated
/// curves of a known class, and a look-up of tools on PATH.

/// The repository's `fixtures/` folder, found from this file's path.
package let fixtures = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("fixtures")

package func fixture(_ path: String) -> String { fixtures.appendingPathComponent(path).path }

/// Two-variable costs `cost(x, y)` on the grid `xs × ys` (x outer), each
/// with uniform relative noise of ±`noise`, seeded.
package func syntheticGrid(
  xs: [Int], ys: [Int], noise: Double, seed: UInt64, _ cost: (Double, Double) -> Double
) -> [TwoVariablePoint] {
  var rng = SplitMix64(seed: seed)
  return xs.flatMap { x in
    ys.map { y in
      let u = Double(rng.next() >> 11) / Double(1 << 53)
      let value = cost(Double(x), Double(y)) * (1 + noise * (2 * u - 1))
      return TwoVariablePoint(x: x, y: y, value: value)
    }
  }
}

/// Timings of a known class, generated with a seeded generator: intercept
/// `a`, one-sided multiplicative noise, `repeats` samples per size.
package func syntheticPoints(
  _ c: ComplexityClass, sizes: [Int], intercept: Double = 1e-7, perUnit: Double? = nil,
  noise: Double, repeats: Int = 5, seed: UInt64
) -> [Point] {
  var rng = SplitMix64(seed: seed)
  let unit: Double =
    perUnit
    ?? {
      switch c {
      case .constant: return 0
      case .logarithmic: return 2e-8
      case .squareRoot: return 1e-8
      case .linear: return 1e-9
      case .linearithmic: return 1e-10
      case .quadratic: return 1e-12
      case .cubic: return 1e-15
      case .exponential: return 1e-12
      }
    }()
  return sizes.map { n in
    let x = Double(n)
    let term: Double
    switch c {
    case .constant: term = 0
    case .logarithmic: term = log(x)
    case .squareRoot: term = x.squareRoot()
    case .linear: term = x
    case .linearithmic: term = x * log(x)
    case .quadratic: term = x * x
    case .cubic: term = x * x * x
    case .exponential: term = exp2(x)
    }
    let base = intercept + unit * term
    return Point(
      n: n,
      samples: (0..<repeats).map { _ in base * (1 + noise * Double.random(in: 0..<1, using: &rng)) }
    )
  }
}

/// An executable, if it is on PATH.
package func which(_ name: String) -> String? {
  for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
    let path = "\(dir)/\(name)"
    if FileManager.default.isExecutableFile(atPath: path) { return path }
  }
  return nil
}

/// A new file in the temporary folder holding `text`, named
/// `complexity-PREFIX-UUID.EXTENSION`; the caller removes it.
package func temporaryFile(_ text: String, prefix: String, extension ext: String) throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("complexity-\(prefix)-\(UUID().uuidString).\(ext)")
  try text.write(to: url, atomically: true, encoding: .utf8)
  return url
}

/// A new, empty folder in the temporary folder, named
/// `complexity-PREFIX-UUID`; the caller removes it.
package func temporaryFolder(prefix: String) throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("complexity-\(prefix)-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}
