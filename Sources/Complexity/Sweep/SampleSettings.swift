/// How the sweep engine samples each size, in the unit of its subject's
/// metric: `TimingOptions` give seconds, `CountingOptions` instructions.
public struct SampleSettings: Sendable, Equatable {
  /// Samples kept per size.
  public var repeats: Int
  /// Each sample runs the operation enough times to cost at least this
  /// much (seconds or instructions), so the fixed cost of starting a
  /// sample stays small against the work.
  public var minimumSample: Double
  /// Upper bound on iterations per sample.
  public var maximumIterations: Int

  public init(repeats: Int, minimumSample: Double, maximumIterations: Int) {
    self.repeats = repeats
    self.minimumSample = minimumSample
    self.maximumIterations = maximumIterations
  }
}

extension TimingOptions {
  /// The engine's settings when the metric is time.
  public var sampling: SampleSettings {
    SampleSettings(
      repeats: repeats, minimumSample: minimumSampleSeconds, maximumIterations: maximumIterations)
  }
}

extension CountingOptions {
  /// The engine's settings when the metric is instructions.
  public var sampling: SampleSettings {
    SampleSettings(
      repeats: repeats, minimumSample: minimumSampleInstructions,
      maximumIterations: maximumIterations)
  }
}
