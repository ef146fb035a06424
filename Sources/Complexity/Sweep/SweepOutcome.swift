/// What one operation's sweep produced, whichever strategy chose its sizes
/// (`AdaptiveSweep` for time, `CountingSweep` for instructions).
package struct SweepOutcome: Sendable {
  /// One point per size measured, ascending.
  package var points: [Point]
  package var classification: Classification
  /// Why the sweep stopped measuring.
  package var stopReason: StopReason

  package init(points: [Point], classification: Classification, stopReason: StopReason) {
    self.points = points
    self.classification = classification
    self.stopReason = stopReason
  }
}
