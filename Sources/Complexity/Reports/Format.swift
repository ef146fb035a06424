import Foundation

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

extension Format {
  /// The format a file's extension names (`.json`, `.csv`, `.md` or
  /// `.markdown`), for `--output FILE` without `--format`; nil for any other.
  package init?(extensionOf path: String) {
    switch (path as NSString).pathExtension.lowercased() {
    case "json": self = .json
    case "csv": self = .csv
    case "md", "markdown": self = .markdown
    default: return nil
    }
  }
}
