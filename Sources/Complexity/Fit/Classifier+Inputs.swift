/// Step 7 of the rule: how the class moves with the inputs counted.
extension Classifier {
  /// At each of `points`' sizes, the fewest sample of each input measured
  /// there (finite and positive), or the point's own fewest sample where
  /// no input has its size.
  static func inputValues(_ inputs: [[Point]], at points: [Point]) -> [[Double]] {
    let inputs = inputs.map { $0.mergedBySize() }
    return points.map { point in
      let values = inputs.compactMap { input in input.first { $0.n == point.n }?.best }
        .filter { $0.isFinite && $0 > 0 }
      return values.isEmpty ? [point.best] : values
    }
  }

  /// `count` draws of one value per size of `points`: at each size counted
  /// on m inputs, the fewest of m − 1 of them drawn with replacement (one,
  /// where m ≤ 2),
  ///
  ///     yᵢ = min(v(J₁), …, v(Jₘ₋₁)),  J uniform over the m inputs at nᵢ, v(J) input J's fewest sample,
  ///
  /// nil for fewer than two inputs or where no size has inputs of
  /// different values (every draw would be the same data).
  ///
  /// Why: counts repeat exactly for one input, but a hash table seeded by
  /// its address gets another layout, and its probes another cost, each
  /// time it is built; the inputs of one size put an offset on it that its
  /// repeats cannot show and that residuals around a fitted curve absorb
  /// (a curve of the wrong class can bend through them). Several inputs
  /// per size measure that offset; drawing them again per size asks
  /// whether the class survives it. The fitted value, the fewest of all m,
  /// is an extreme, and a plain bootstrap (m drawn of m) understates how
  /// an extreme varies; with two inputs, tried before this rule, it took
  /// O(sqrt n) for `swift.OrderedSet.removeFirst` over n = 32…2048 as
  /// confidently as the fit (100% of draws) in 1 of 8 runs. Drawing one
  /// fewer is a heuristic in the direction of the m-out-of-n bootstrap
  /// (which draws far fewer than m, for large m): it asks of two inputs
  /// what one input's counts say, and a little less as inputs are added
  /// (a draw equals the fitted value at a size with probability
  /// 1 − (1 − 1/m)^(m−1): 0.50, 0.56, 0.58 for m = 2, 3, 4). Inputs are
  /// added only while the class is open, so each is another look at the
  /// bar, and `CountingSweep.classifier(_:looking:)` raises the bar with
  /// each.
  static func inputDraws(
    _ inputs: [[Point]], points: [Point], count: Int, rng: inout SplitMix64
  ) -> [[Double]]? {
    guard inputs.count > 1 else { return nil }
    let choices = inputValues(inputs, at: points)
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
  ///     median over i of  v₍₂₎(nᵢ) / v₍₁₎(nᵢ) − 1,   v₍ₖ₎ the k-th least of the inputs' values,
  ///
  /// as `repeatNoise` is for one input's samples; nil for fewer than two
  /// inputs or where that median is 0 (most sizes' two fewest inputs
  /// tie), which would call the fitted values exact. The repeats of one
  /// input agree far more closely than two inputs do, and the two fewest
  /// samples of a size are mostly one input's.
  static func inputNoise(_ inputs: [[Point]], points: [Point]) -> Double? {
    guard inputs.count > 1 else { return nil }
    let gaps: [Double] = inputValues(inputs, at: points).compactMap { values in
      guard values.count > 1 else { return nil }
      let sorted = values.sorted()
      return sorted[1] / sorted[0] - 1
    }
    guard !gaps.isEmpty else { return nil }
    let noise = median(gaps)
    return noise > 0 ? noise : nil
  }
}
