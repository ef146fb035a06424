import Foundation

/// Renders a two-variable fit: the measured formula in the row's names,
/// the verdict against a documented one, and the candidates ranked.
package struct TwoVariableReport: Encodable {
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

  package struct Candidate: Encodable, Sendable {
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
    verdict = documented.map { d in
      if c.conclusive { return c.best.model == d ? .agree : .differs }
      return c.best.model == d || c.runnerUp?.model == d ? .inconclusive : .differs
    }
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
      var t = TextTable(header: ["rank", "formula", "AICc", "valid"])
      t.rows = ranking.enumerated().map { i, c in
        ["\(i + 1)", c.formula, String(format: "%.1f", c.aicc), c.valid ? "yes" : "no"]
      }
      return lines.joined(separator: "\n") + "\n\n" + t.render()
    }
  }
}
