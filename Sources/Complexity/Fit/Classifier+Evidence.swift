import Foundation

/// The classifier's measures of the evidence: growth a single step cannot
/// inflate, the noise between repeats, where the curve bends, and the
/// checks on the input.
extension Classifier {
  /// Growth measures that a single step in the curve cannot inflate:
  ///
  ///     typical = (nMax / nMin)^median(sᵢ) − 1
  ///     top     = median(y, top third of sizes) / median(y, middle third) − 1
  ///
  /// where `sᵢ` is the log-log slope between neighbouring sizes. A steady
  /// O(log n) rise lifts every `sᵢ` and the top third; a one-off step (a
  /// cache level, CPython's small-int cache ending at 256, an allocator
  /// threshold) moves only a few slopes, and none of the top third when it
  /// sits lower down.
  static func robustGrowth(sizes: [Double], values: [Double]) -> (typical: Double, top: Double) {
    let slopes: [Double] = (1..<sizes.count).map { i -> Double in
      let rise: Double = log(values[i] / values[i - 1])
      let run: Double = log(sizes[i] / sizes[i - 1])
      return rise / run
    }
    let typical = pow(sizes.last! / sizes.first!, median(slopes)) - 1
    let third = max(1, values.count / 3)
    let top = median(Array(values.suffix(third)))
    let middle = median(Array(values.dropLast(third).suffix(third)))
    return (typical, top / middle - 1)
  }

  /// The relative noise of a size's fastest sample: the median, over the
  /// sizes, of the gap between its two fastest samples. Nil when most sizes
  /// have fewer than three samples.
  static func repeatNoise(_ points: [Point]) -> Double? {
    let gaps = points.filter { $0.samples.count >= 3 }.map { p -> Double in
      let s = p.samples.sorted()
      return (s[1] - s[0]) / s[0]
    }
    return gaps.count * 2 >= points.count ? median(gaps) : nil
  }

  /// The largest jump between the log-log slopes of overlapping octaves,
  /// when it is more than the noise explains: where a cache level, an
  /// allocator threshold or a change of algorithm bends the curve.
  ///
  /// A slope over one octave, `log2(t₂/t₁)`, carries about `√2·σ/ln 2` of
  /// noise for a relative noise σ of each size's fitted value (`noise`,
  /// 0.05 when unknown); a jump counts when it exceeds four times that, and
  /// 0.25 in any case.
  static func largestBend(_ points: [Point], noise: Double?) -> String? {
    let slopes = OctaveSlope.slopes(of: points)
    guard slopes.count >= 3 else { return nil }
    let sigma = noise ?? 0.05
    let threshold = max(0.25, 4 * 2.0.squareRoot() * sigma / log(2))
    let jumps = zip(slopes, slopes.dropFirst()).map { ($0, $1, abs($1.slope - $0.slope)) }
    guard let worst = jumps.max(by: { $0.2 < $1.2 }), worst.2 > threshold else { return nil }
    return String(
      format: "the log-log slope jumps from %.2f to %.2f between the octaves from n = %d "
        + "and n = %d, more than noise explains (%.2f): a cache level, an allocator "
        + "threshold or a change of algorithm bends the curve there",
      worst.0.slope, worst.1.slope, worst.0.from, worst.1.from, threshold)
  }

  static func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    guard !s.isEmpty else { return .nan }
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
  }

  /// Growth past every candidate, or nil, read off the top two sizes:
  /// steeper than 2ⁿ when the cost more than doubles per unit of n
  /// (`log₂(t₂/t₁) / (n₂ − n₁) > 1.5`: 3ⁿ, n!, …) and the log-log slope
  /// passes any polynomial's here (> 4); a polynomial past n³ when the best
  /// fit is n³ or 2ⁿ and the top log-log slope passes 3.5 but the cost
  /// does not double per unit of n.
  static func steeperThanEveryCandidate(
    _ points: [Point], best: ComplexityClass, topSlope: Double?
  ) -> Classification.Outcome? {
    guard points.count >= 3, let slope = topSlope else { return nil }
    let (a, b) = (points[points.count - 2], points[points.count - 1])
    guard b.n > a.n, a.best > 0 else { return nil }
    let perUnit = log2(b.best / a.best) / Double(b.n - a.n)
    if perUnit > 1.5 && slope > 4 { return .steeper(than: .exponential, slope: slope) }
    if best >= .cubic && slope > 3.5 && perUnit <= 1.5 && best != .exponential {
      return .steeper(than: .cubic, slope: slope)
    }
    return nil
  }

  static func validate(_ points: [Point]) throws {
    if let bad = points.first(where: { $0.n < 1 }) {
      throw ComplexityError(
        .badInput, "size \(bad.n) is not positive: sizes must be whole numbers of at least 1")
    }
    for p in points {
      if p.samples.isEmpty {
        throw ComplexityError(.badInput, "size \(p.n) has no samples")
      }
      if let t = p.samples.first(where: { !$0.isFinite || $0 <= 0 }) {
        throw ComplexityError(
          .badInput,
          "the cost \(t) measured at n = \(p.n) is not a finite positive number "
            + "(of seconds or instructions per call)")
      }
      // Weights are 1/t²: past these, they leave the range of a Double.
      if let t = p.samples.first(where: { $0 < 1e-100 || $0 > 1e100 }) {
        throw ComplexityError(
          .badInput,
          "the cost \(t) at n = \(p.n) is outside 1e-100…1e100: give the values in a unit "
            + "that keeps them in that range (seconds, or instructions)")
      }
    }
    guard points.count >= minimumSizes else {
      throw ComplexityError(
        .badInput,
        "only \(points.count) distinct size\(points.count == 1 ? "" : "s"): "
          + "a fit needs at least \(minimumSizes), ideally spread over several octaves")
    }
  }
}
