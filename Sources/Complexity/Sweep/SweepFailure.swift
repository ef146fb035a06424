/// A sweep that stopped: a subject failed at one size, or the classifier
/// could not fit what was measured. The one failure type of every sweep. The points measured before are kept.
package struct SweepFailure: Error, CustomStringConvertible {
  /// The size being measured when the subject failed; nil when the
  /// classifier failed.
  package var size: Int?
  /// The subject's or the classifier's error.
  package var underlying: Error
  /// Points measured before the failure.
  package var partial: [Point]
  /// Which subject failed, when several were measured together (an
  /// interleaved race; nil otherwise).
  package var subject: Int?

  package init(size: Int?, underlying: Error, partial: [Point], subject: Int? = nil) {
    self.size = size
    self.underlying = underlying
    self.partial = partial
    self.subject = subject
  }

  /// The same failure, with `points` measured before it merged into its
  /// partial points (a strategy's earlier passes).
  package func including(_ points: [Point]) -> SweepFailure {
    SweepFailure(
      size: size, underlying: underlying, partial: (points + partial).mergedBySize(),
      subject: subject)
  }

  package var description: String {
    size.map { "at n = \($0): \(underlying)" } ?? "\(underlying)"
  }
}
