import Foundation

/// Readable sizes for reports: `48 B`, `2.1 KB`, `1.05 MB` (powers of 1000).
enum Bytes {
  /// `bytes` with the unit that keeps the number below 1000, to `digits`
  /// significant digits.
  static func describe(_ bytes: Double, digits: Int = 3) -> String {
    guard bytes.isFinite else { return "-" }
    let units: [(Double, String)] = [(1e9, "GB"), (1e6, "MB"), (1e3, "KB"), (1, "B")]
    let (scale, unit) = units.first { abs(bytes) >= $0.0 } ?? units.last!
    return String(format: "%.\(digits)g", bytes / scale) + " " + unit
  }
}
