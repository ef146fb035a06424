import Foundation

/// Every operation `complexity` knows, looked up by id or glob.
package struct Catalog: Sendable {
  /// The operations in catalog order.
  package private(set) var operations: [Operation] = []

  /// An empty catalog; add operations with `add(_:)` or the `add…` families.
  package init() {}

  /// The standard catalog: the CPython rows, the Swift containers and the
  /// fake subjects.
  package static let standard: Catalog = {
    var c = Catalog()
    c.addCPythonOperations()
    for op in SwiftOperations.all { c.add(op.operation) }
    c.addFakeOperations()
    return c
  }()

  /// Adds an operation.
  ///
  /// A duplicate id is a programming error in the catalog itself, not user
  /// input, so it stops the program.
  package mutating func add(_ op: Operation) {
    precondition(!operations.contains { $0.id == op.id }, "duplicate op id \(op.id)")
    operations.append(op)
  }

  /// The operation with this id.
  package subscript(id: String) -> Operation? { operations.first { $0.id == id } }

  /// Resolves ids and globs (`set.*`, `list.pop?`) to operations, in
  /// catalog order, each once. No patterns: every operation except the fakes.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` for a pattern that matches
  ///   nothing, with the closest ids suggested.
  package func select(_ patterns: [String]) throws -> [Operation] {
    if patterns.isEmpty { return operations.filter { $0.subject != .fake } }
    var chosen: [String] = []
    for pattern in patterns {
      let matches = operations.filter { Glob(pattern).matches($0.id) }.map(\.id)
      guard !matches.isEmpty else {
        let suggestions = suggest(for: pattern)
        let hint =
          suggestions.isEmpty
          ? "run `complexity list` to see the ids"
          : "did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?"
        let what =
          Glob(pattern).isPattern ? "no op matches '\(pattern)'" : "unknown op '\(pattern)'"
        throw ComplexityError(.badInput, "\(what): \(hint)")
      }
      for id in matches where !chosen.contains(id) { chosen.append(id) }
    }
    return operations.filter { chosen.contains($0.id) }
  }

  /// The worst-case variants of the selected operations.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` when an operation named
  ///   explicitly has no worst case to provoke; with no patterns, every row
  ///   that has one.
  package func selectWorstCases(_ patterns: [String]) throws -> [Operation] {
    let chosen = try select(patterns)
    let supported = operations.filter { $0.worstCaseVariant != nil }.map(\.id)
    if !patterns.isEmpty, let missing = chosen.first(where: { $0.worstCaseVariant == nil }),
      !patterns.allSatisfy({ Glob($0).isPattern })
    {
      throw ComplexityError(
        .badInput,
        "\(missing.id) has no worst case to provoke; rows that have one: "
          + supported.joined(separator: ", "))
    }
    let variants = chosen.compactMap(\.worstCaseVariant)
    guard !variants.isEmpty else {
      throw ComplexityError(
        .badInput,
        "none of the selected rows has a worst case to provoke; rows that have one: "
          + supported.joined(separator: ", "))
    }
    return variants
  }

  /// Up to three ids closest to `text` by edit distance.
  package func suggest(for text: String) -> [String] {
    let target = text.lowercased()
    let scored = operations.map { op -> (String, Int) in
      let id = op.id.lowercased()
      var d = editDistance(target, id)
      // Typing part of an id is a strong hint.
      if id.contains(target) { d = min(d, 1) }
      return (op.id, d)
    }
    let limit = max(2, target.count / 3)
    return scored.filter { $0.1 <= limit }.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
      .prefix(3).map(\.0)
  }
}

/// Levenshtein distance between two strings.
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a), b = Array(b)
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0...b.count)
  for i in 1...a.count {
    var current = [i] + Array(repeating: 0, count: b.count)
    for j in 1...b.count {
      current[j] = min(
        previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.count]
}
