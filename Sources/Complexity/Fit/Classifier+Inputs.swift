/// Step 7 of the rule: how the class moves with the input counted.
extension Classifier {
  /// `count` draws of one value per size of `points`: at each size counted
  /// on m inputs, the fewest of m − 1 inputs drawn from them with
  /// replacement (one where m is 2),
  ///
  ///     yᵢ = min(v(J₁), …, v(Jₘ₋₁)),  J uniform over the m inputs at nᵢ, v(J) input J's fewest sample,
  ///
  /// and the point's own fewest sample where no input has its size; nil
  /// for fewer than two inputs or where no size has inputs of different
  /// values (every draw would be the same data).
  ///
  /// Why: counts repeat exactly for one input, but a hash table seeded by
  /// its address gets another layout, and its probes another cost, each
  /// time it is built; the inputs of one size put an offset on it that
  /// its repeats cannot show and that residuals around a fitted curve
  /// absorb (a curve of the wrong class can bend through them). Several
  /// inputs per size measure that offset; drawing them again per size asks
  /// whether the class survives it. The fitted value is the fewest of all
  /// m, an extreme, and a bootstrap of all m (drawn with replacement) is
  /// known to understate how much an extreme varies: with two inputs it
  /// took O(sqrt n) for `swift.OrderedSet.removeFirst` over n = 32…2048 as
  /// confidently as the fit did, in 1 of 8 runs. Drawing m − 1, the
  /// m-out-of-n bootstrap's remedy, asks as much of two inputs as of one
  /// (every draw one input's counts), and less as more inputs are counted.
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
    return (0..<count).map { _ in
      choices.map { c in
        let drawn = (0..<max(1, c.count - 1)).map { _ in c.randomElement(using: &rng)! }
        return drawn.min()!
      }
    }
  }

  /// The relative noise of a size's fitted value where sizes were measured
  /// on inputs that differ: the median, over the sizes measured on more
  /// than one, of the gap between the two inputs with the fewest counts,
  ///
  ///     median over i of  v₍₂₎(nᵢ) / v₍₁₎(nᵢ) − 1,   v₍ₖ₎ the k-th least of the inputs' fewest samples,
  ///
  /// as `repeatNoise` is for one input's samples; nil where no two inputs
  /// differ. The repeats of one input agree far more closely than two
  /// inputs do, and the two fewest samples of a size are mostly one
  /// input's: their gap would call the fitted values exact.
  static func inputNoise(_ inputs: [[Point]], points: [Point]) -> Double? {
    guard inputs.count > 1 else { return nil }
    let inputs = inputs.map { $0.mergedBySize() }
    let gaps: [Double] = points.compactMap { point in
      let values = inputs.compactMap { input in input.first { $0.n == point.n }?.best }
        .filter { $0.isFinite && $0 > 0 }.sorted()
      guard values.count > 1 else { return nil }
      return values[1] / values[0] - 1
    }
    guard gaps.contains(where: { $0 > 0 }) else { return nil }
    return median(gaps)
  }
}
