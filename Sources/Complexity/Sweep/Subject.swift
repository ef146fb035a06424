/// Something whose cost can be timed at a given size: one adapter per
/// subject (the CPython harness, Swift containers, a user's closure, a fake).
///
/// The sweep engine owns the sizes, the calibration and the bookkeeping; a
/// subject only prepares its input at size `n` (untimed) and times it.
public protocol Subject {
  /// Times the operation at one size.
  ///
  /// - Parameters:
  ///   - size: the size `n` of the input, prepared untimed.
  ///   - iterations: how many times to run the operation inside one sample.
  ///   - repeats: how many samples to take.
  /// - Returns: the total seconds of each sample (`repeats` values).
  /// - Throws: `ComplexityError(.subject, …)` when the subject fails.
  mutating func time(size: Int, iterations: Int, repeats: Int) throws -> [Double]

  /// Bytes resident in the process that holds the inputs, so a sweep can
  /// stop before the next size exhausts memory; nil where unknown.
  func residentBytes() -> UInt64?

  /// Forgets the inputs built so far, so the next ones land elsewhere in
  /// memory (for a second pass).
  mutating func forgetInputs() throws
}

extension Subject {
  public func residentBytes() -> UInt64? { nil }
  public mutating func forgetInputs() throws {}
}
