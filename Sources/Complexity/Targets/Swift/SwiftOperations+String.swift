extension SwiftOperations {
  /// `String`, n Characters of ASCII.
  static let string: [SwiftOperation] = [
    .make(
      "swift.String.count", "s.count", swept: "n = number of Characters", documented: .linear,
      quote: "\(stdlib), String.count: \"O(n), where n is the length of the string.\"",
      method: "timed in a loop; the string is not changed",
      setUp: { n in String(repeating: "a", count: n) }, run: { s in s.count }),
    .make(
      "swift.String.utf8count", "s.utf8.count", swept: "n = number of UTF-8 bytes",
      documented: .linear,
      quote:
        "\(stdlib), Collection.count: \"O(1) if the collection conforms to RandomAccessCollection; otherwise, O(n)\" (String.UTF8View is not random-access)",
      method: "timed in a loop; the string is not changed",
      note: "Native Swift strings store UTF-8 and keep its length, so String.UTF8View.count is "
        + "answered in O(1) (stdlib/public/core/StringUTF8View.swift: _guts.count for native "
        + "UTF-8), though the generic Collection rule says O(n) for a view that is not "
        + "random-access.",
      setUp: { n in String(repeating: "a", count: n) }, run: { s in s.utf8.count }),
  ]
}
