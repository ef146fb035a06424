/// What `measureComplexity` found: the points, the classification, and a
/// readable account for assertion messages.
public struct ComplexityResult: Sendable, Equatable, CustomStringConvertible {
  /// Every size measured, with every sample.
  public var points: [Point]
  /// The full classification: models, confidence, slopes, notes.
  public var classification: Classification
  /// Remarks on how the measurement was made (a debug build, say).
  public var warnings: [String]
  /// What the points hold: seconds (the default) or instructions per call.
  public var metric: Metric = .time

  /// The result of a sweep's outcome.
  init(_ outcome: SweepOutcome, warnings: [String], metric: Metric) {
    points = outcome.points
    classification = outcome.classification
    self.warnings = warnings
    self.metric = metric
  }

  /// The measured class, or nil when the evidence cannot separate two.
  public var `class`: ComplexityClass? { classification.outcome.settled }

  /// The measured class, or the two classes it cannot separate.
  public var outcome: Classification.Outcome { classification.outcome }

  /// Share of resamples that chose the same class (0…1); see
  /// `Classification.confidence`.
  public var confidence: Double { classification.confidence }

  /// Whether the measurement shows `expected`. An inconclusive outcome
  /// that names `expected` counts only when `allowingInconclusive` is set.
  public func shows(_ expected: ComplexityClass, allowingInconclusive: Bool = false) -> Bool {
    switch outcome {
    case .conclusive(let c): return c == expected
    case .inconclusive(let a, let b):
      return allowingInconclusive && (a == expected || b == expected)
    case .steeper: return false
    }
  }

  /// One paragraph: the class, the confidence, the range, the slope, the
  /// notes, and the fastest time at each size.
  public var description: String {
    var parts = [
      "measured \(outcome) with confidence \(ResultsReport.format(confidence, "%.2f"))",
      "over n = \(classification.sizeRange.lowerBound)…\(classification.sizeRange.upperBound)",
    ]
    if let slope = classification.slope {
      parts.append("top log-log slope \(ResultsReport.format(slope, "%.2f"))")
    }
    var text = parts.joined(separator: ", ")
    for note in classification.notes + warnings { text += "; \(note)" }
    switch metric {
    case .time:
      let times = points.map { "\($0.n): \(Seconds.describe($0.best))" }
      return text + ". Fastest per size: " + times.joined(separator: ", ")
    case .instructions:
      // Where the inputs' layouts differed, the classifier fitted their median.
      let fitted = classification.fitted ?? points
      let counts = fitted.map { "\($0.n): \(String(format: "%.0f", $0.best))" }
      let what =
        classification.fitted == nil
        ? "Instructions per call at each size"
        : "Instructions per call at each size (the median of the inputs' fewest counts)"
      return text + ". \(what): " + counts.joined(separator: ", ")
    case .memory, .allocated:
      let bytes = points.map { "\($0.n): \(String(format: "%.0f", $0.best))" }
      let what = metric == .memory ? "Peak bytes per call" : "Bytes allocated per call"
      return text + ". \(what) at each size: " + bytes.joined(separator: ", ")
    }
  }
}
