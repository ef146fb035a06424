/// Step 7 of the rule: how the class moves with the input counted.
extension Classifier {
  /// `count` draws of one value per size of `points`: at each size, the
  /// fewest sample of one input chosen at random among the inputs measured
  /// there,
  ///
  ///     yᵢ = min(samples of input Jᵢ at nᵢ),  Jᵢ uniform over the inputs at nᵢ,
  ///
  /// and the point's own fewest sample where no input has its size; nil
  /// for fewer than two inputs or where no size has inputs of different
  /// values (every draw would be the same data).
  ///
  /// Why: counts repeat exactly for one input, but a hash table seeded by
  /// its address gets another layout, and its probes another cost, each
  /// time it is built; one input per size puts an offset on each size that
  /// its repeats cannot show and that residuals around a fitted curve
  /// absorb (a curve of the wrong class can bend through them). Two inputs
  /// per size measure that offset; drawing one of them per size asks
  /// whether the class survives it.
  static func inputDraws(
    _ inputs: [[Point]], points: [Point], count: Int, rng: inout SplitMix64
  ) -> [[Double]]? {
    guard inputs.count > 1 else { return nil }
    let inputs = inputs.map { $0.mergedBySize() }
    let choices: [[Double]] = points.map { point in
      let values = inputs.compactMap { input in input.first { $0.n == point.n }?.best }
        .filter { $0.isFinite && $0 > 0 }
      return values.isEmpty ? [point.best] : values
    }
    guard choices.contains(where: { c in c.contains { $0 != c[0] } }) else { return nil }
    return (0..<count).map { _ in choices.map { $0.randomElement(using: &rng)! } }
  }

  /// The relative noise of a size's fitted value where sizes were measured
  /// on inputs that differ: the median, over the sizes measured on more
  /// than one, of the gap between the inputs' fewest samples,
  ///
  ///     median over i of  max_J min(input J at nᵢ) / min_J min(input J at nᵢ) − 1,
  ///
  /// or nil where fewer than two inputs differ. The repeats of one input
  /// agree far more closely than two inputs do, and the two fewest samples
  /// of a size are mostly one input's: their gap would call the fitted
  /// values exact.
  static func inputNoise(_ inputs: [[Point]], points: [Point]) -> Double? {
    guard inputs.count > 1 else { return nil }
    let inputs = inputs.map { $0.mergedBySize() }
    let gaps: [Double] = points.compactMap { point in
      let values = inputs.compactMap { input in input.first { $0.n == point.n }?.best }
        .filter { $0.isFinite && $0 > 0 }
      guard values.count > 1 else { return nil }
      return values.max()! / values.min()! - 1
    }
    guard gaps.contains(where: { $0 > 0 }) else { return nil }
    return median(gaps)
  }
}
