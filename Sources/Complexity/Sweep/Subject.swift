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
}
