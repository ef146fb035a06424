/// A sweep that stopped: the subject failed at one size, or the classifier
/// could not fit what was measured. The points measured before are kept.
package struct SweepFailure: Error, CustomStringConvertible {
  /// The size being measured when the subject failed; nil when the
  /// classifier failed.
  package var size: Int?
  /// The subject's or the classifier's error.
  package var underlying: Error
  /// Points measured before the failure.
  package var partial: [Point]

  package init(size: Int?, underlying: Error, partial: [Point]) {
    self.size = size
    self.underlying = underlying
    self.partial = partial
  }

  package var description: String {
    size.map { "at n = \($0): \(underlying)" } ?? "\(underlying)"
  }
}
