import Foundation

/// Readable durations for reports and chart labels: `850 ns`, `1.2 µs`,
/// `3 ms`, `1.5 s`.
enum Seconds {
  /// `seconds` with the unit that keeps the number between 1 and 1000, to
  /// `digits` significant digits (trailing zeros dropped).
  static func describe(_ seconds: Double, digits: Int = 3) -> String {
    guard seconds.isFinite else { return "-" }
    let units: [(Double, String)] = [(1, "s"), (1e-3, "ms"), (1e-6, "µs"), (1e-9, "ns")]
    let magnitude = abs(seconds)
    // Round first, so 999.96 ns reads as 1 µs rather than 1e+03 ns.
    let rounded = Double(String(format: "%.\(digits)g", magnitude)) ?? magnitude
    let (scale, unit) = units.first { rounded >= $0.0 } ?? units.last!
    return String(format: "%.\(digits)g", seconds / scale) + " " + unit
  }
}
