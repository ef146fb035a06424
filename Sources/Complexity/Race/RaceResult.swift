import Foundation

/// What a race measured: every implementation's samples and class.
///
/// Samples are interleaved (see `Sweep.runInterleaved`): sample `r` of every
/// implementation at a size comes from the same round, so ratios can be
/// paired round by round. Ratios, speed-ups and the summary are derived
/// (`RaceResult+Ratios.swift`), not stored twice.
package struct RaceResult: Codable, Sendable, Equatable {
  /// One implementation's timings and verdict.
  package struct Entry: Codable, Sendable, Equatable {
    package var name: String
    /// One point per size, ascending; seconds (or instructions) per call.
    package var points: [Point]
    /// The fitted class; nil for a scaling race or when the fit failed.
    package var classification: Classification?
    /// Why it could not be classified, if it could not.
    package var failure: String?

    package init(
      name: String, points: [Point], classification: Classification? = nil,
      failure: String? = nil
    ) {
      self.name = name
      self.points = points
      self.classification = classification
      self.failure = failure
    }
  }

  /// The version of this format; reading any other fails.
  package static let currentVersion = 1
  package var version = RaceResult.currentVersion
  /// The recipe's name.
  package var name: String
  /// What is timed and what is not.
  package var about: String? = nil
  /// The swept value's name: `n`, or e.g. `workers` for a scaling race.
  package var variable = "n"
  /// The interpreter the race ran in.
  package var interpreter: PythonInterpreter? = nil
  package var timing: TimingOptions? = nil
  /// The implementations, in the recipe's order.
  package var entries: [Entry]
  /// Wall-clock seconds the race took.
  package var seconds = 0.0
  /// What the points hold: seconds per call (the default), or instructions.
  package var metric: Metric = .time
  /// The recipe's claims, answered from the entries (`answers`).
  package var claims: [RaceClaim] = []
  /// The cores of the machine the race ran on.
  package var cores: Int? = nil
  /// Where the classes came from when not from `metric` (a timed race
  /// classed by instruction counts); nil: `metric`.
  package var classesBy: Metric? = nil

  /// Whether the swept value is a count of workers rather than a size.
  package var isScaling: Bool { RaceRecipe.isScaling(variable) }
}

extension RaceResult {
  package init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    version = try c.decodeVersion(.version, current: Self.currentVersion, of: "race results")
    name = try c.decode(String.self, forKey: .name)
    about = try c.decodeIfPresent(String.self, forKey: .about)
    variable = try c.decode(String.self, forKey: .variable)
    interpreter = try c.decodeIfPresent(PythonInterpreter.self, forKey: .interpreter)
    timing = try c.decodeIfPresent(TimingOptions.self, forKey: .timing)
    entries = try c.decode([Entry].self, forKey: .entries)
    seconds = try c.decode(Double.self, forKey: .seconds)
    metric = try c.decodeIfPresent(Metric.self, forKey: .metric) ?? .time
    claims = try c.decodeIfPresent([RaceClaim].self, forKey: .claims) ?? []
    cores = try c.decodeIfPresent(Int.self, forKey: .cores)
    classesBy = try c.decodeIfPresent(Metric.self, forKey: .classesBy)
  }
}
