/// Renders the catalog for `complexity list`.
package struct CatalogReport {
  package var operations: [Operation]

  package init(_ operations: [Operation]) { self.operations = operations }

  /// The catalog in `format`.
  package func render(_ format: Format) throws -> String {
    let header = [
      "id", "subject", "seed row", "swept", "fixed", "documented", "worst case", "as written",
    ]
    let rows = operations.map { op -> [String] in
      let seed = op.seedRow.map { "\($0.table): \($0.operation) (\($0.example))" } ?? "-"
      let worst = op.documentedWorst.map { "\($0) (--case worst)" } ?? "-"
      let documented = op.documented?.rawValue ?? "none"
      let fixed = op.fixed.isEmpty ? "-" : op.fixed
      return [
        op.id, op.subject.rawValue, seed, op.swept, fixed, documented, worst, op.documentedText,
      ]
    }
    switch format {
    case .json: return try ResultsReport.json(operations)
    case .csv: return CSVTable(header: header, rows: rows).render()
    case .markdown: return MarkdownTable(header: header, rows: rows).render()
    case .table:
      return TextTable(header: Array(header.prefix(7)), rows: rows.map { Array($0.prefix(7)) })
        .render()
    }
  }
}
