/// A sweep that stopped: the subject failed at one size, or the classifier
/// could not fit what was measured. The points measured before are kept.
public struct SweepFailure: Error, CustomStringConvertible {
  /// The size being measured when the subject failed; nil when the
  /// classifier failed.
  public var size: Int?
  /// The subject's or the classifier's error.
  public var underlying: Error
  /// Points measured before the failure.
  public var partial: [Point]

  public init(size: Int?, underlying: Error, partial: [Point]) {
    self.size = size
    self.underlying = underlying
    self.partial = partial
  }

  public var description: String {
    size.map { "at n = \($0): \(underlying)" } ?? "\(underlying)"
  }
}
