/// How each size is counted when the metric is instructions.
///
/// Counts are deterministic, so there is no noise to average away: two
/// samples per size only check that (they should agree to the last few
/// instructions), and a sample needs only enough iterations that the fixed
/// cost of starting it (about a thousand instructions) is small against
/// the operation's own. Valgrind runs the interpreter about 50 times
/// slower than natively, which is why these are much smaller than the
/// clock's settings.
public struct CountingOptions: Codable, Sendable, Equatable {
  /// Samples per size (2: the second checks the first).
  public var repeats: Int
  /// Each sample runs the operation enough times to execute at least this
  /// many instructions.
  public var minimumSampleInstructions: Double
  /// Upper bound on iterations per sample.
  public var maximumIterations: Int

  public init(
    repeats: Int = 2, minimumSampleInstructions: Double = 200_000, maximumIterations: Int = 1000
  ) {
    self.repeats = repeats
    self.minimumSampleInstructions = minimumSampleInstructions
    self.maximumIterations = maximumIterations
  }

  /// Checks the values.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` naming the bad value.
  public func validate() throws {
    guard (1...100).contains(repeats) else {
      throw ComplexityError(.badInput, "counting repeats \(repeats) must be between 1 and 100")
    }
    guard minimumSampleInstructions >= 1 else {
      throw ComplexityError(
        .badInput,
        "minimum instructions per sample \(minimumSampleInstructions) must be at least 1")
    }
    guard maximumIterations >= 1 else {
      throw ComplexityError(
        .badInput, "maximum iterations \(maximumIterations) must be at least 1")
    }
  }
}
