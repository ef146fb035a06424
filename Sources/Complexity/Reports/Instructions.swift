import Foundation

/// Readable instruction counts for reports and chart labels: `170`,
/// `25.2k`, `1.5M`.
enum Instructions {
  /// `count` with a k, M or G suffix that keeps the number below 1000, to
  /// `digits` significant digits.
  static func describe(_ count: Double, digits: Int = 3) -> String {
    guard count.isFinite else { return "-" }
    let units: [(Double, String)] = [(1e9, "G"), (1e6, "M"), (1e3, "k"), (1, "")]
    let rounded = Double(String(format: "%.\(digits)g", abs(count))) ?? abs(count)
    let (scale, unit) = units.first { rounded >= $0.0 } ?? units.last!
    return String(format: "%.\(digits)g", count / scale) + unit
  }

  /// A value of `metric` as a label: seconds with their unit, or a count.
  static func describe(_ value: Double, as metric: Metric) -> String {
    metric == .instructions ? describe(value) : Seconds.describe(value)
  }
}
