/// How results are printed.
package enum Format: String, CaseIterable, Sendable {
  /// Aligned columns for a terminal.
  case table
  /// Comma-separated values with a header row.
  case csv
  /// A GitHub-flavoured markdown table with explanations under it.
  case markdown
  /// The full results, versioned, as JSON.
  case json
}
