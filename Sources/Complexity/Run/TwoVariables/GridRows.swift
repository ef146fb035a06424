import Foundation

/// The catalog's rows whose documented cost is in two variables, each
/// swept over its grid (`TwoVariableSession(row:…)`) and judged by its
/// formula as the seed writes it (`complexity sweep --two-variables`).
package struct GridRows {
  /// The selected rows that have a grid, in catalog order (a resumed run
  /// keeps only those its journal lacks).
  package var operations: [Operation]
  package var options: Runner.Options
  package var metric: MetricChoice

  /// One row's outcome.
  package struct Row: Codable {
    package var op: String
    package var documented: String
    /// The fit, where the grid was measured and fitted.
    package var report: TwoVariableReport?
    /// Why not.
    package var failure: String?
    /// Wall seconds of the row's sweep.
    package var seconds: Double
    /// Each column's one-variable result (plotted; not in the JSON, whose
    /// report holds every point).
    package var columns: RunResults?

    enum CodingKeys: String, CodingKey { case op, documented, report, failure, seconds }
  }

  /// - Parameter patterns: op ids or globs (none: every row with a grid).
  /// - Throws: `ComplexityError(.badInput, …)` when no selected row has a
  ///   grid, naming those that do.
  package init(patterns: [String], options: Runner.Options, metric: MetricChoice) throws {
    let withGrid = Catalog.standard.operations.filter { $0.grid != nil }
    let chosen = Set(try Catalog.standard.select(patterns.isEmpty ? ["*"] : patterns).map(\.id))
    operations = withGrid.filter { chosen.contains($0.id) }
    guard !operations.isEmpty else {
      throw ComplexityError(
        .badInput,
        "no selected op has a documented cost in two variables: those that do are "
          + withGrid.map(\.id).joined(separator: ", "))
    }
    self.options = options
    self.metric = metric
  }

  /// Sweeps every row in turn, calling `done` after each.
  package func run(
    _ progress: @escaping (RunEvent) -> Void = { _ in }, done: (Row) -> Void = { _ in }
  ) -> [Row] {
    operations.map { op in
      let start = Date()
      var row = Row(op: op.id, documented: op.grid!.documented, seconds: 0)
      do {
        let session = try TwoVariableSession(
          row: op, grid: op.grid!, options: options, metric: metric)
        let outcome = try session.run(progress)
        (row.report, row.failure, row.columns) = (outcome.report, outcome.failure, outcome.columns)
      } catch {
        row.failure = "\(error)"
      }
      row.seconds = Date().timeIntervalSince(start)
      done(row)
      return row
    }
  }
}
