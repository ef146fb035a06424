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
    case .json: return try ResultsReport.json(rows)
    case .csv: return CSVTable(header: Self.header, rows: cells).render()
    case .markdown: return MarkdownTable(header: Self.header, rows: cells).render() + summary
    case .table: return TextTable(header: Self.header, rows: cells).render() + summary
    }
  }

  private func seconds(_ row: GridRows.Row) -> String { String(format: "%.0f", row.seconds) }

  private var summary: String {
    let count = { (v: Verdict) in rows.filter { $0.report?.verdict == v }.count }
    return "\n\(rows.count) rows in two variables: \(count(.agree)) agree, \(count(.differs)) "
      + "differ, \(count(.inconclusive)) inconclusive, "
      + "\(rows.filter { $0.report == nil }.count) failed\n"
  }
}
