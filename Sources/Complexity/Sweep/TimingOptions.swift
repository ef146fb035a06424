/// How carefully each size is timed.
public struct TimingOptions: Codable, Sendable, Equatable {
  /// Samples kept per size (the minimum of them is fitted).
  public var repeats: Int
  /// Each sample runs the operation enough times to last at least this long,
  /// so clock resolution and call overhead stay small against the work.
  public var minimumSampleSeconds: Double
  /// Upper bound on iterations per sample.
  public var maximumIterations: Int

  public init(
    repeats: Int = 7, minimumSampleSeconds: Double = 0.001,
    maximumIterations: Int = 10_000_000
  ) {
    self.repeats = repeats
    self.minimumSampleSeconds = minimumSampleSeconds
    self.maximumIterations = maximumIterations
  }

  /// Checks the values.
  public func validate() throws {
    guard (1...1000).contains(repeats) else {
      throw ComplexityError(.badInput, "repeats \(repeats) must be between 1 and 1000")
    }
    guard minimumSampleSeconds > 0, minimumSampleSeconds <= 10 else {
      throw ComplexityError(
        .badInput,
        "minimum sample time \(minimumSampleSeconds) s must be above 0 and at most 10 s")
    }
  }
}
