/// What one operation's sweep produced: its points, its class and verdict.
public struct OperationResult: Codable, Sendable, Equatable {
  /// The operation's id.
  public var op: String
  /// The documented class (nil where none is documented).
  public var documented: ComplexityClass?
  /// The classification; nil when the sweep failed.
  public var classification: Classification?
  /// Documented against measured; nil when either is missing.
  public var verdict: Verdict?
  /// Every point measured (also those of a failed sweep).
  public var points: [Point]
  /// Wall-clock seconds the operation's sweep took.
  public var seconds: Double
  /// Why the sweep failed, if it did.
  public var failure: String?
  /// What is measured: `time` (seconds per operation).
  public var metric: String

  public init(
    op: String, documented: ComplexityClass?, classification: Classification?,
    points: [Point], seconds: Double, failure: String? = nil, metric: String = "time"
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

  /// The measured class name, `inconclusive`, or `failed`.
  public var measuredName: String {
    if failure != nil && classification == nil { return "failed" }
    return classification?.outcome.name ?? "-"
  }
}
