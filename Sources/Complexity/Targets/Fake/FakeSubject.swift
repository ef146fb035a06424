import Foundation

/// A deterministic stand-in subject with a known cost curve, for tests and
/// demonstrations: `t(n) = a + b·f(n)` seconds per operation, times a
/// seeded multiplicative noise. It never sleeps; it reports the time.
public struct FakeSubject: Subject {
  public var complexityClass: ComplexityClass
  /// `a`, seconds.
  public var intercept: Double
  /// Seconds per unit of the unscaled term (`f(n) = n`, `n²`, `ln n`, …).
  public var perUnit: Double
  /// Relative noise amplitude (0.02 is ±2%).
  public var noise: Double
  private var rng: SplitMix64

  public init(
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
  public func cost(_ n: Int) -> Double {
    let x = Double(n)
    let term: Double
    switch complexityClass {
    case .constant: term = 0
    case .logarithmic: term = log(x)
    case .linear: term = x
    case .linearithmic: term = x * log(x)
    case .quadratic: term = x * x
    }
    return intercept + perUnit * term
  }

  public var metric: Metric { .time }

  public mutating func sample(size: Int, iterations: Int) throws -> Double {
    Double(iterations) * cost(size) * (1 + noise * Double.random(in: 0..<1, using: &rng))
  }
}
