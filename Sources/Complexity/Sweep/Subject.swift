/// Something whose cost can be measured at a given size: one adapter per
/// subject (the CPython harness, Swift containers, a user's closure, a
/// fake), each measuring in one metric.
///
/// The sweep engine owns the sizes, the calibration and the bookkeeping; a
/// subject only prepares its input at size `n` (unmeasured) and takes one
/// sample of it.
package protocol Subject {
  /// What a sample measures: seconds, or instructions.
  var metric: Metric { get }

  /// One sample at one size: the total cost of `iterations` runs of the
  /// operation, in `metric`'s unit (seconds, or instructions executed).
  ///
  /// - Parameters:
  ///   - size: the size `n` of the input, prepared unmeasured.
  ///   - iterations: how many times to run the operation inside the sample.
  /// - Throws: `ComplexityError(.subject, …)` when the subject fails.
  mutating func sample(size: Int, iterations: Int) throws -> Double

  /// Builds the inputs of `sizes`, the sizes the sweep samples next,
  /// now and unmeasured; each is otherwise built at its first sample. A
  /// counting subject builds them before instrumentation starts, where
  /// the same work runs several times faster. Best effort: a size that
  /// cannot be built is left to its sample, which fails with the reason.
  mutating func prepare(sizes: [Int]) throws

  /// Bytes resident in the process that holds the inputs, so a sweep can
  /// stop before the next size exhausts memory; nil where unknown.
  func residentBytes() -> UInt64?

  /// Forgets the inputs built so far, so the next ones land elsewhere in
  /// memory (for another pass, or another input of each size).
  mutating func forgetInputs() throws

  /// Whether inputs built again after `forgetInputs` can count differently
  /// from the first: where a hash table is seeded by its address (Swift's
  /// `Set`, `Dictionary`, `OrderedSet`), a new input has another layout.
  /// Only then does a counted sweep count on more inputs than one
  /// (`CountingSweep.countSecondInput`).
  var rebuiltInputsDiffer: Bool { get }
}

extension Subject {
  package mutating func prepare(sizes: [Int]) throws {}
  package func residentBytes() -> UInt64? { nil }
  package mutating func forgetInputs() throws {}
  package var rebuiltInputsDiffer: Bool { false }
}
