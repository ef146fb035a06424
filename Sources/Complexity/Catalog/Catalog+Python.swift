extension Catalog {
  /// Adds one CPython row of the seed notebook's tables.
  mutating func addPython(
    _ id: String, table: String, row: String, example: String,
    swept: String = "n", fixed: String = "",
    documented: ComplexityClass?, as text: String, worst: String? = nil,
    worstClass: ComplexityClass? = nil,
    method: String, note: String? = nil,
    source: String = "seed notebook, Python Object Complexity"
  ) {
    var op =
      Operation(
        id: id, subject: .python,
        seedRow: Operation.SeedRow(table: table, operation: row, example: example),
        swept: swept, fixed: fixed, documented: documented, documentedText: text,
        worstCase: worst, source: source, method: method, implementationNote: note,
        // Sets and dicts are hash tables: time them at equal fill.
        sizing: table == "Lists" ? .geometric : .powersOfTwo)
    op.documentedWorst = worstClass
    add(op)
  }
}

/// Phrases shared by many rows' timing methods.
enum Method {
  static let loop = "timed in a loop; the container is not changed"
  static let fresh = "each call on a fresh copy made untimed; each call timed alone"
  static func restored(_ how: String) -> String {
    "each call on exactly n elements; \(how)"
  }
  static func untimedRestore(_ how: String) -> String {
    "each call on exactly n elements, timed alone; \(how) untimed between calls"
  }
}
