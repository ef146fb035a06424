/// What the sweep engine reports as it goes, so progress, saving and
/// printing stay outside the engine.
package enum SweepEvent: Sendable {
  /// Timing of a size is about to start.
  case startSize(n: Int, index: Int, of: Int)
  /// A round of samples over every size is about to start.
  case startRound(index: Int, of: Int)
  /// A size is done.
  case finishSize(Point)
}
