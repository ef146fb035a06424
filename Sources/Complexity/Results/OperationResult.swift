/// What one operation's sweep produced: its points, its class and verdict.
package struct OperationResult: Codable, Sendable, Equatable {
  /// The operation's id.
  package var op: String
  /// The documented class (nil where none is documented).
  package var documented: ComplexityClass?
  /// The classification; nil when the sweep failed.
  package var classification: Classification?
  /// Documented against measured; nil when either is missing.
  package var verdict: Verdict?
  /// Every point measured (also those of a failed sweep).
  package var points: [Point]
  /// Wall-clock seconds the operation's sweep took.
  package var seconds: Double
  /// Why the sweep failed, if it did.
  package var failure: String?
  /// What `points` and `classification` measure: seconds or instructions
  /// per operation.
  package var metric: Metric
  /// With `--metric both`: the same op measured by the other metric (one
  /// result); empty otherwise.
  package var otherMetrics: [OperationResult] = []
  /// With `--metric both`: how the two metrics' verdicts compare, and why
  /// this result reports the one it does.
  package var metricComparison: MetricComparison?
  /// Why the op's instructions were not counted where the run asked for
  /// them (`both`, or `auto` with the timing in doubt); nil otherwise.
  package var notCounted: String?
  /// Why the op's memory was not measured beside it, where it would have
  /// been (a CPython op in another interpreter).
  package var spaceNotMeasured: String?
  /// Why the sweep stopped measuring (nil for results not from a sweep).
  package var stopReason: StopReason?
  /// The op's memory, measured beside (`--metric auto` and `both`, CPython
  /// and Swift ops): a result of metric `.memory` (its peak) and one of
  /// `.allocated` (its total) where that could be counted, or none.
  package var space: [OperationResult] = []

  package init(
    op: String, documented: ComplexityClass?, classification: Classification?,
    points: [Point], seconds: Double, failure: String? = nil, metric: Metric = .time
  ) {
    self.op = op
    self.documented = documented
    self.classification = classification
    self.points = points
    self.seconds = seconds
    self.failure = failure
    self.metric = metric
    if let documented, let classification {
      verdict = Verdict(documented: documented, measured: classification)
    } else {
      verdict = nil
    }
  }

  /// The result of a sweep that finished.
  package init(_ op: Operation, outcome: SweepOutcome, metric: Metric, seconds: Double) {
    self.init(
      op: op.id, documented: op.documented(for: metric),
      classification: outcome.classification,
      points: outcome.points, seconds: seconds, metric: metric)
    stopReason = outcome.stopReason
  }

  /// The result of a sweep that failed: the reason, and the points
  /// measured before (a `SweepFailure`'s).
  package init(_ op: Operation, failure: Error, metric: Metric, seconds: Double) {
    let sweep = failure as? SweepFailure
    self.init(
      op: op.id, documented: op.documented(for: metric), classification: nil,
      points: sweep?.partial ?? [],
      seconds: seconds,
      // Say which metric failed: a count that fails is not a timing that did.
      failure: (metric == .instructions ? "counting instructions: " : "")
        + (sweep?.description ?? "\(failure)"),
      metric: metric)
  }

  /// The result in `metric`: this one, or the one measured beside it.
  package func measured(by metric: Metric) -> OperationResult? {
    self.metric == metric ? self : otherMetrics.first { $0.metric == metric }
  }

  /// The values the classifier fitted, one point per size: its own where
  /// it kept them (`Classification.fitted`: the median of a Swift op's
  /// inputs), else the points, whose fewest sample per size it fitted.
  package var fittedPoints: [Point] { classification?.fitted ?? points }

  /// The peak memory measured beside, if any.
  package var spaceResult: OperationResult? { space.first { $0.metric == .memory } }

  /// The total allocated measured beside, if any.
  package var allocatedResult: OperationResult? { space.first { $0.metric == .allocated } }

  /// The measured class name, `inconclusive`, or `failed`.
  package var measuredName: String {
    if failure != nil && classification == nil { return "failed" }
    return classification?.outcome.name ?? "-"
  }
}

extension OperationResult {
  private enum CodingKeys: String, CodingKey {
    case op, documented, classification, verdict, points, seconds, failure, metric
    // Written for readers of the JSON; recomputed, not read back.
    case measured, confidence
    case stopReason = "stop_reason"
    case notCounted = "not_counted"
    case spaceNotMeasured = "space_not_measured"
    case otherMetrics = "other_metrics"
    case metricComparison = "metric_comparison"
    case space
  }

  package init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    op = try c.decode(String.self, forKey: .op)
    documented = try c.decodeIfPresent(ComplexityClass.self, forKey: .documented)
    classification = try c.decodeIfPresent(Classification.self, forKey: .classification)
    verdict = try c.decodeIfPresent(Verdict.self, forKey: .verdict)
    points = try c.decode([Point].self, forKey: .points)
    seconds = try c.decode(Double.self, forKey: .seconds)
    failure = try c.decodeIfPresent(String.self, forKey: .failure)
    metric = try c.decodeIfPresent(Metric.self, forKey: .metric) ?? .time
    stopReason = try c.decodeIfPresent(StopReason.self, forKey: .stopReason)
    notCounted = try c.decodeIfPresent(String.self, forKey: .notCounted)
    spaceNotMeasured = try c.decodeIfPresent(String.self, forKey: .spaceNotMeasured)
    otherMetrics = try c.decodeIfPresent([OperationResult].self, forKey: .otherMetrics) ?? []
    metricComparison = try c.decodeIfPresent(MetricComparison.self, forKey: .metricComparison)
    space = try c.decodeIfPresent([OperationResult].self, forKey: .space) ?? []
  }

  package func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(op, forKey: .op)
    try c.encodeIfPresent(documented, forKey: .documented)
    try c.encode(measuredName, forKey: .measured)
    try c.encodeIfPresent(verdict, forKey: .verdict)
    try c.encodeIfPresent(classification?.confidence, forKey: .confidence)
    try c.encodeIfPresent(classification, forKey: .classification)
    try c.encode(points, forKey: .points)
    try c.encode(seconds, forKey: .seconds)
    try c.encodeIfPresent(failure, forKey: .failure)
    try c.encode(metric, forKey: .metric)
    try c.encodeIfPresent(stopReason, forKey: .stopReason)
    try c.encodeIfPresent(notCounted, forKey: .notCounted)
    try c.encodeIfPresent(spaceNotMeasured, forKey: .spaceNotMeasured)
    if !otherMetrics.isEmpty { try c.encode(otherMetrics, forKey: .otherMetrics) }
    try c.encodeIfPresent(metricComparison, forKey: .metricComparison)
    if !space.isEmpty { try c.encode(space, forKey: .space) }
  }
}
