/// What one operation's sweep produced, whichever strategy chose its sizes
/// (`AdaptiveSweep` for time, `CountingSweep` for instructions).
public struct SweepOutcome: Sendable {
  /// One point per size measured, ascending.
  public var points: [Point]
  public var classification: Classification
  /// Why the sweep stopped measuring.
  public var stopReason: StopReason

  public init(points: [Point], classification: Classification, stopReason: StopReason) {
    self.points = points
    self.classification = classification
    self.stopReason = stopReason
  }
}
