import Foundation

/// Renders the catalog's two-variable rows (`sweep --two-variables`): per
/// row the documented formula, the measured one, the verdict, the metric,
/// the grid and the wall time; a row's failure in its place.
package struct GridRowsReport {
  package var rows: [GridRows.Row]

  package init(_ rows: [GridRows.Row]) { self.rows = rows }

  static let header = ["op", "documented", "measured", "verdict", "metric", "grid", "seconds"]

  /// The exit status: 3 when a row failed, else 1 when a formula differs.
  package var exitStatus: Int32 {
    if rows.contains(where: { $0.report == nil }) { return ExitStatus.failed.rawValue }
    if rows.contains(where: { $0.report?.verdict == .differs }) {
      return ExitStatus.differs.rawValue
    }
    return ExitStatus.agree.rawValue
  }

  package func render(_ format: Format) throws -> String {
    let cells = rows.map { row -> [String] in
      guard let r = row.report else {
        return [row.op, row.documented, "failed", "", "", row.failure ?? "", seconds(row)]
      }
      return [
        row.op, row.documented, r.measured, r.verdict?.rawValue ?? "",
        r.sweep?.metric.rawValue ?? "", r.sweep?.grid ?? "", seconds(row),
      ]
    }
    switch format {
    case .json: return try ResultsReport.json(GridRowsFile(rows))
    case .csv: return CSVTable(header: Self.header, rows: cells).render()
    case .markdown:
      return MarkdownTable(header: Self.header, rows: cells).render() + summary + notes
    case .table: return TextTable(header: Self.header, rows: cells).render() + summary + notes
    }
  }

  /// Each row's notes (a log factor its slices exclude), under the table.
  private var notes: String {
    let lines = rows.flatMap { row in (row.report?.notes ?? []).map { "- \(row.op): \($0)" } }
    return lines.isEmpty ? "" : "\nNotes:\n" + lines.joined(separator: "\n") + "\n"
  }

  private func seconds(_ row: GridRows.Row) -> String { String(format: "%.0f", row.seconds) }

  private var summary: String {
    let count = { (v: Verdict) in rows.filter { $0.report?.verdict == v }.count }
    return "\n\(rows.count) rows in two variables: \(count(.agree)) agree, \(count(.differs)) "
      + "differ, \(count(.inconclusive)) inconclusive, "
      + "\(rows.filter { $0.report == nil }.count) failed\n"
  }
}

/// Renders a comparison of two runs of the two-variable rows.
package struct GridRowsComparisonReport {
  package var comparison: GridRowsComparison

  package init(_ comparison: GridRowsComparison) { self.comparison = comparison }

  package func render(_ format: Format) throws -> String {
    let header = ["op", comparison.labels.0, comparison.labels.1, "change"]
    let cells = comparison.entries.map { [$0.op, $0.a, $0.b, $0.change.rawValue] }
    switch format {
    case .json:
      return try ResultsReport.json(
        comparison.entries.map {
          ["op": $0.op, "a": $0.a, "b": $0.b, "change": $0.change.rawValue]
        })
    case .csv: return CSVTable(header: ["op", "a", "b", "change"], rows: cells).render()
    case .markdown: return MarkdownTable(header: header, rows: cells).render() + summary
    case .table: return TextTable(header: header, rows: cells).render() + summary
    }
  }

  /// The lines `sweep --two-variables --baseline` prints: each row whose
  /// formula changed, then the count.
  package func baselineSummary() -> String {
    let label = comparison.labels.0
    let changed = comparison.entries.filter { $0.change == .changed }
    guard !changed.isEmpty else {
      return "baseline \(label): no formula changed (\(comparison.entries.count) rows)\n"
    }
    var lines = changed.map { "baseline \(label): \($0.op) was \($0.a), now \($0.b)" }
    lines.append(
      "baseline \(label): \(changed.count) of \(comparison.entries.count) rows changed formula")
    return lines.joined(separator: "\n") + "\n"
  }

  private var summary: String {
    let count = { (c: GridRowsComparison.Change) in
      comparison.entries.filter { $0.change == c }.count
    }
    return "\n\(comparison.entries.count) rows in two variables: \(count(.same)) same, "
      + "\(count(.changed)) changed, \(count(.unsettled)) unsettled, \(count(.missing)) not in both\n"
  }
}
