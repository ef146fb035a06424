/// Step 7 of the rule: how the class moves with the inputs counted.
extension Classifier {
  /// At each of `points`' sizes, the fewest sample of each input measured
  /// there (finite and positive), or the point's own fewest sample where
  /// no input has its size. Step 7's other measures take these values,
  /// computed once per classification.
  static func inputValues(_ inputs: [[Point]], at points: [Point]) -> [[Double]] {
    let inputs = inputs.map { $0.mergedBySize() }
    return points.map { point in
      let values = inputs.compactMap { input in input.first { $0.n == point.n }?.best }
        .filter { $0.isFinite && $0 > 0 }
      return values.isEmpty ? [point.best] : values
    }
  }

  /// Whether any size was measured on inputs of different values
  /// (`inputValues`): only then does step 7 apply.
  static func inputsDiffer(_ values: [[Double]]) -> Bool {
    values.contains { c in c.contains { $0 != c[0] } }
  }

  /// `points` with each size's value the median over its inputs of each
  /// input's fewest sample (`values`, from `inputValues` at `points`),
  ///
  ///     ỹᵢ = median over j of v(j, nᵢ),   v(j, n) input j's fewest sample at n,
  ///
  /// one sample per size (for two inputs, their mean). The fewest of one
  /// input's repeats is its cost (noise only adds to it); the inputs are
  /// each a draw of the layout, and one layout can be unusually cheap or
  /// unusually dear. The fewest of all inputs, fitted before this, is an
  /// extreme: each input added can only lower it, and a size with one
  /// unusually cheap layout sits off the curve (`swift.Set.subtracting`:
  /// one input of six at n = 4 096 counted 42% below their median, and
  /// the class was open between O(n) and O(n log n) in 1 of 10 catalog
  /// runs, AMD EPYC). A mean is as far off the other way where one layout is
  /// dear (`swift.OrderedSet.removeFirst` at n = 32 on an Intel Xeon:
  /// 3 221 and 1 944 instructions, which leave the class open on two
  /// inputs, whose median is their mean). The median of three or more
  /// ignores one odd layout either way.
  static func inputMedians(_ values: [[Double]], at points: [Point]) -> [Point] {
    zip(points, values).map { point, values in
      Point(
        n: point.n, iterations: point.iterations,
        samples: [median(values)])
    }
  }

  /// `count` draws of one value per size of `values` (from `inputValues`):
  /// at each size counted on m inputs, the median of k of them drawn with replacement, k the
  /// largest odd number not above m (1 for two inputs, 3 for three or
  /// four, 5 for five or six),
  ///
  ///     yᵢ = median(v(J₁), …, v(Jₖ)),  J uniform over the m inputs at nᵢ,
  ///
  /// nil where no size has inputs of different values (every draw would
  /// be the same data).
  ///
  /// Why: counts repeat exactly for one input, but a hash table seeded by
  /// its address gets another layout, and its probes another cost, each
  /// time it is built; the inputs of one size put an offset on it that its
  /// repeats cannot show and that residuals around a fitted curve absorb
  /// (a curve of the wrong class can bend through them). Several inputs
  /// per size measure that offset; drawing them again per size asks
  /// whether the class survives it. The draws take the statistic that is
  /// fitted, the median, and an odd k makes each draw's median one input's
  /// value, never a value between two: the draws move by whole layouts, as
  /// the inputs do. For odd m this is the plain bootstrap of the median.
  /// For two inputs it is one input's count per size, whose variance,
  /// `s²/2`, is exactly the squared standard error of the fitted value
  /// (their mean); the plain bootstrap (the mean of two drawn) has half
  /// of it. For four and six, one draw fewer than the plain bootstrap
  /// spreads the draws a little more. Inputs are added only while the
  /// class is open, so each is another look at the bar, and
  /// `CountingSweep.classifier(_:looking:)` raises the bar with each.
  static func inputDraws(
    _ values: [[Double]], count: Int, rng: inout SplitMix64
  ) -> [[Double]]? {
    guard inputsDiffer(values) else { return nil }
    return (0..<count).map { _ in
      values.map { c in
        let k = c.count % 2 == 1 ? c.count : c.count - 1
        return median((0..<k).map { _ in c.randomElement(using: &rng)! })
      }
    }
  }

  /// The relative noise of a size's fitted value where sizes were measured
  /// on inputs that differ: the median, over the sizes measured on more
  /// than one, of the relative standard error of the inputs' mean, each
  /// size's variance freed of the median's bias,
  ///
  ///     median over i of  √(sᵢ² / q(mᵢ − 1) / mᵢ) / ȳᵢ,
  ///
  /// with sᵢ² and ȳᵢ the variance and mean of the mᵢ inputs' values at nᵢ
  /// and q(k) the median of χ²ₖ/k (`ChiSquare.medianRatio`): for two inputs
  /// |a − b| / (a + b) / 0.67, since a size's variance on one degree of
  /// freedom falls below 0.45σ² half the time, and the plain median
  /// would call the noise a third smaller than it is. This is the scale
  /// `repeatNoise` is for one input's samples, and it is nil where no size
  /// has inputs of different values or that median is 0 (most sizes'
  /// inputs tie), which would call the fitted values exact. The repeats of
  /// one input agree far more closely than two inputs do. It is the
  /// mean's standard error: for two inputs the fitted median is their
  /// mean, and for three to six inputs of normal spread, a median is up
  /// to about a fifth noisier, which this leaves out.
  ///
  /// - Throws: `ComplexityError(.fit, …)` if GSL fails.
  static func inputNoise(_ values: [[Double]]) throws -> Double? {
    guard inputsDiffer(values) else { return nil }
    let errors: [Double] = try values.compactMap { values in
      guard values.count > 1 else { return nil }
      let m = Double(values.count)
      let mean = values.reduce(0, +) / m
      let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (m - 1)
      let q = try ChiSquare.medianRatio(degrees: values.count - 1)
      return (variance / q / m).squareRoot() / mean
    }
    guard !errors.isEmpty else { return nil }
    let noise = median(errors)
    return noise > 0 ? noise : nil
  }
}
