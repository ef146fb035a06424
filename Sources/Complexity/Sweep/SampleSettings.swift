/// How the sweep engine samples each size, in the unit of its subject's
/// metric: `TimingOptions` give seconds, `CountingOptions` instructions.
package struct SampleSettings: Sendable, Equatable {
  /// Samples kept per size.
  package var repeats: Int
  /// Each sample runs the operation enough times to cost at least this
  /// much (seconds or instructions), so the fixed cost of starting a
  /// sample stays small against the work.
  package var minimumSample: Double
  /// Upper bound on iterations per sample.
  package var maximumIterations: Int
  /// Whether the calibration's last sample is kept as the size's first:
  /// for counts, which are the same at any number of iterations above the
  /// minimum (under valgrind each sample is costly); the clock's
  /// calibration runs cold, so it is not kept.
  package var keepsCalibration = false
}

extension TimingOptions {
  /// The engine's settings when the metric is time.
  package var sampling: SampleSettings {
    SampleSettings(
      repeats: repeats, minimumSample: minimumSampleSeconds, maximumIterations: maximumIterations)
  }
}

extension CountingOptions {
  /// The engine's settings when the metric is instructions.
  package var sampling: SampleSettings {
    SampleSettings(
      repeats: repeats, minimumSample: minimumSampleInstructions,
      maximumIterations: maximumIterations, keepsCalibration: true)
  }
}
