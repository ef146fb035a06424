import Foundation

/// A logarithmic axis: maps values in `lower…upper` onto a pixel span and
/// chooses where its ticks go.
struct LogAxis: Equatable {
  /// One tick: the value it marks and whether it carries a label.
  struct Tick: Equatable {
    var value: Double
    var isMajor: Bool
  }

  /// The smallest and largest value shown.
  var lower: Double
  var upper: Double
  /// The pixel coordinates of `lower` and `upper`; `to` may be below `from`
  /// (a y axis grows upwards on screen).
  var from: Double
  var to: Double

  /// The pixel position of `value`.
  func position(_ value: Double) -> Double {
    let t = (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
    return from + t * (to - from)
  }

  /// The ticks inside the range: every power of ten, and 2× and 5× of each
  /// when there are fewer than three powers of ten to read the scale by.
  /// The other multiples (3×, 4×, 6×–9×) are unlabelled minor ticks.
  var ticks: [Tick] {
    let first = Int(floor(log10(lower))), last = Int(ceil(log10(upper)))
    guard first <= last else { return [] }
    let inRange = { (v: Double) in v >= self.lower * (1 - 1e-9) && v <= self.upper * (1 + 1e-9) }
    let decades = (first...last).map { pow(10, Double($0)) }
    let powers = decades.filter(inRange)
    let labelled: Set<Int> = powers.count >= 3 ? [1] : [1, 2, 5]
    var ticks: [Tick] = []
    for decade in decades {
      for m in 1...9 {
        let v = Double(m) * decade
        if inRange(v) { ticks.append(Tick(value: v, isMajor: labelled.contains(m))) }
      }
    }
    return ticks
  }

  /// A range around `values`, widened by `padding` (a share of the span in
  /// log space) on each side and to at least `minimumRatio` from end to end,
  /// so a flat series is drawn flat, not magnified noise.
  static func range(
    of values: [Double], padding: Double = 0.05, minimumRatio: Double = 1
  ) -> (lower: Double, upper: Double) {
    let finite = values.filter { $0.isFinite && $0 > 0 }
    guard let lo = finite.min(), let hi = finite.max() else { return (1, 10) }
    var (a, b) = (log10(lo), log10(hi))
    let minimumSpan = log10(max(minimumRatio, 1))
    if b - a < minimumSpan {
      let middle = (a + b) / 2
      (a, b) = (middle - minimumSpan / 2, middle + minimumSpan / 2)
    }
    if b - a < 1e-9 { (a, b) = (a - 0.5, b + 0.5) }
    let pad = (b - a) * padding
    return (pow(10, a - pad), pow(10, b + pad))
  }
}
