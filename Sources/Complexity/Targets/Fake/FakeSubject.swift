import Foundation

/// A deterministic stand-in subject with a known cost curve, for tests and
/// demonstrations: `t(n) = a + b·f(n)` seconds per operation, times a
/// seeded multiplicative noise. It never sleeps; it reports the time.
package struct FakeSubject: Subject {
  package var complexityClass: ComplexityClass
  /// `a`, seconds.
  package var intercept: Double
  /// Seconds per unit of the unscaled term (`f(n) = n`, `n²`, `ln n`, …).
  package var perUnit: Double
  /// Relative noise amplitude (0.02 is ±2%).
  package var noise: Double
  private var rng: SplitMix64

  package init(
    _ complexityClass: ComplexityClass, intercept: Double = 1e-7, perUnit: Double = 1e-8,
    noise: Double = 0.02, seed: UInt64 = 1
  ) {
    self.complexityClass = complexityClass
    self.intercept = intercept
    self.perUnit = perUnit
    self.noise = noise
    self.rng = SplitMix64(seed: seed)
  }

  /// The noiseless cost of one operation at size `n`.
  package func cost(_ n: Int) -> Double {
    let x = Double(n)
    let term: Double
    switch complexityClass {
    case .constant: term = 0
    case .logarithmic: term = log(x)
    case .linear: term = x
    case .linearithmic: term = x * log(x)
    case .squareRoot: term = x.squareRoot()
    case .quadratic: term = x * x
    case .cubic: term = x * x * x
    case .exponential: term = exp2(x)
    }
    return intercept + perUnit * term
  }

  package var metric: Metric { .time }

  package mutating func sample(size: Int, iterations: Int) throws -> Double {
    Double(iterations) * cost(size) * (1 + noise * Double.random(in: 0..<1, using: &rng))
  }
}
