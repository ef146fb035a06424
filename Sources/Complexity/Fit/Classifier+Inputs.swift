/// Step 7 of the rule: how the class moves with the input counted.
extension Classifier {
  /// `count` draws of one value per size: at each of `sizes`, the fewest
  /// sample of one input chosen at random among the inputs measured there,
  ///
  ///     yᵢ = min(samples of input Jᵢ at nᵢ),  Jᵢ uniform over the inputs at nᵢ,
  ///
  /// or nil when fewer than two sizes have inputs whose values differ
  /// (every draw would be the same data).
  ///
  /// Why: counts repeat exactly for one input, but a hash table seeded by
  /// its address gets another layout, and its probes another cost, each
  /// time it is built; one input per size puts an offset on each size that
  /// its repeats cannot show and that residuals around a fitted curve
  /// absorb (a curve of the wrong class can bend through them). Two inputs
  /// per size measure that offset; drawing one of them per size asks
  /// whether the class survives it.
  static func inputDraws(
    _ inputs: [[Point]], sizes: [Int], count: Int, rng: inout SplitMix64
  ) -> [[Double]]? {
    guard inputs.count > 1 else { return nil }
    let choices: [[Double]] = sizes.map { n in
      inputs.compactMap { input in input.first { $0.n == n }?.best }.filter(\.isFinite)
    }
    guard choices.allSatisfy({ !$0.isEmpty }) else { return nil }
    let varying = choices.filter { c in c.contains { $0 != c[0] } }
    guard varying.count >= 2 else { return nil }
    return (0..<count).map { _ in choices.map { $0.randomElement(using: &rng)! } }
  }
}
