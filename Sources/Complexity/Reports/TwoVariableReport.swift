import Foundation

/// Renders a two-variable fit: the measured formula in the row's names,
/// the verdict against a documented one, and the candidates ranked.
package struct TwoVariableReport: Codable {
  package var names: [String]
  package var measured: String
  package var documented: String?
  package var verdict: Verdict?
  package var conclusive: Bool
  /// `AICc(runner-up) − AICc(best)`.
  package var margin: Double
  package var points: Int
  /// The five best candidates: formula, AICc, valid.
  package var ranking: [Candidate]
  /// Why the outcome is what it is beyond the ranking (a log factor the
  /// slices exclude); nil in files written before there were notes.
  package var notes: [String]?
  /// What was measured, for a grid the tool swept (`time --var`): the
  /// metric, the grid, each column's one-variable class and the points.
  package var sweep: Sweep?

  /// A grid the tool swept.
  package struct Sweep: Codable, Sendable {
    package var metric: Metric
    /// `n = 32…32768 × k = 64, 256, 1024`.
    package var grid: String
    /// Each value of the second variable and the class over n there.
    package var columns: [Column]
    /// Every point: n, the second variable, the cost per call.
    package var values: [TwoVariablePoint]
  }

  /// One column of a swept grid.
  package struct Column: Codable, Sendable {
    package var value: Int
    package var measured: String
  }

  package struct Candidate: Codable, Sendable {
    package var formula: String
    package var aicc: Double
    package var valid: Bool
  }

  package init(
    classification c: TwoVariableClassification, names: (String, String),
    documented: TwoVariableModel?, points: Int
  ) {
    self.names = [names.0, names.1]
    measured = c.formula(names.0, names.1)
    self.documented = documented?.formula(names.0, names.1)
    conclusive = c.conclusive
    margin = c.margin
    self.points = points
    ranking = c.fits.prefix(5).map {
      Candidate(formula: $0.model.formula(names.0, names.1), aicc: $0.aicc, valid: $0.isValid)
    }
    verdict = documented.map(c.verdict(against:))
    let notes = c.notes(names.0, names.1)
    self.notes = notes.isEmpty ? nil : notes
  }

  /// The formulas the fit could not separate: the best alone when it is
  /// conclusive, else the best and the runner-up.
  package var contenders: Set<String> {
    Set(ranking.prefix(conclusive ? 1 : 2).map(\.formula))
  }

  /// The fit in `format`.
  package func render(_ format: Format) throws -> String {
    switch format {
    case .json: return try ResultsReport.json(self)
    case .csv:
      var t = CSVTable(header: ["rank", "formula", "aicc", "valid"])
      t.rows = ranking.enumerated().map { i, c in
        ["\(i + 1)", c.formula, String(format: "%.3f", c.aicc), c.valid ? "yes" : "no"]
      }
      return t.render()
    case .table, .markdown:
      var lines = [
        "measured: \(measured) (\(points) points; margin to the runner-up: "
          + String(format: "%.1f", margin) + " AICc)"
      ]
      if let documented, let verdict {
        lines.append("documented: \(documented): \(verdict.rawValue)")
      }
      lines += (notes ?? []).map { "note: \($0)" }
      if let sweep {
        lines.append("metric: \(sweep.metric.quantity) per call; grid: \(sweep.grid)")
        let name = names.count > 1 ? names[1] : "y"
        lines.append(
          "over n, at each \(name): "
            + sweep.columns.map { "\(name) = \($0.value): \($0.measured)" }.joined(separator: "; "))
      }
      var t = TextTable(header: ["rank", "formula", "AICc", "valid"])
      t.rows = ranking.enumerated().map { i, c in
        ["\(i + 1)", c.formula, String(format: "%.1f", c.aicc), c.valid ? "yes" : "no"]
      }
      return lines.joined(separator: "\n") + "\n\n" + t.render()
    }
  }
}
