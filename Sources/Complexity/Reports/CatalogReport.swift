/// Renders the catalog for `complexity list`.
public struct CatalogReport {
  public var operations: [Operation]

  public init(_ operations: [Operation]) { self.operations = operations }

  /// The catalog in `format`.
  public func render(_ format: Format) throws -> String {
    let header = ["id", "subject", "seed row", "swept", "fixed", "documented", "as written"]
    let rows = operations.map { op in
      [
        op.id, op.subject.rawValue,
        op.seedRow.map { "\($0.table): \($0.operation) (\($0.example))" } ?? "-",
        op.swept, op.fixed.isEmpty ? "-" : op.fixed, op.documented?.rawValue ?? "none",
        op.documentedText,
      ]
    }
    switch format {
    case .json: return try ResultsReport.json(operations)
    case .csv: return CSVTable(header: header, rows: rows).render()
    case .markdown: return MarkdownTable(header: header, rows: rows).render()
    case .table:
      return TextTable(header: Array(header.prefix(6)), rows: rows.map { Array($0.prefix(6)) })
        .render()
    }
  }
}
