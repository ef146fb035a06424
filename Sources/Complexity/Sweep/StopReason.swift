/// Why an operation's sweep stopped measuring.
package enum StopReason: String, Codable, Sendable {
  /// The best two classes separated.
  case separated
  /// Every planned size was measured and extending was not allowed (the
  /// hard pair, O(n) against O(n log n), is not extended: larger sizes
  /// leave the caches, and the cost per element then rises like a log).
  case planDone = "plan done"
  /// The operation's time budget was spent.
  case budget
  /// The next size would pass the memory cap.
  case memory
  /// The largest size allowed was reached.
  case maximumSize = "max size"
}
