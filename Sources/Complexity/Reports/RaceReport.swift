import Foundation

/// Renders a race: each implementation's class, each size's ratios to the
/// fastest with their spread over rounds, and the summary lines.
package struct RaceReport {
  package var result: RaceResult

  package init(_ result: RaceResult) { self.result = result }

  /// The race in `format`. CSV has one row per size and implementation;
  /// JSON holds the whole result plus the derived standings and summary.
  package func render(_ format: Format) throws -> String {
    switch format {
    case .json: return try ResultsReport.json(Document(result))
    case .csv: return CSVTable(header: csvHeader, rows: rows(csv: true)).render()
    case .table, .markdown: return text(markdown: format == .markdown)
    }
  }

  /// The summary lines alone, one per line: each claim answered, then the
  /// implementations against the winner.
  package func summary() -> String {
    (result.claimLines + result.summary).joined(separator: "\n") + "\n"
  }

  /// What the JSON output holds.
  struct Document: Encodable {
    /// The envelope every command's JSON shares.
    var version = RunResults.currentVersion
    var command = "race"
    var machine = Machine.current
    var race: RaceResult
    var standings: [RaceResult.Standing]
    var scaling: [RaceResult.Scaling]?
    var summary: [String]
    var claims: [RaceResult.ClaimAnswer]

    init(_ race: RaceResult) {
      self.race = race
      standings = race.standings
      scaling = race.isScaling ? race.scaling : nil
      summary = race.claimLines + race.summary
      claims = race.answers
    }
  }

  // MARK: - Implementation details

  private var csvHeader: [String] {
    var header = [
      "race", "variable", "n", "implementation", result.metric.quantity, "ratio", "ratio_low",
      "ratio_high", "class",
    ]
    if result.isScaling { header += ["speedup", "efficiency"] }
    return header
  }

  /// One row per size and implementation, sizes ascending.
  private func rows(csv: Bool) -> [[String]] {
    let f = ResultsReport.format
    let scaling = result.scaling
    return result.standings.map { s in
      let entry = result.entries.first { $0.name == s.name }!
      let outcome = entry.classification?.outcome.description ?? ""
      var row: [String]
      if csv {
        row = [
          result.name, result.variable, "\(s.n)", s.name, f(s.best, "%.6g"), f(s.ratio, "%.4g"),
          f(s.low, "%.4g"), f(s.high, "%.4g"), outcome,
        ]
      } else {
        row = [
          SVGChart.sizeLabel(Double(s.n)), s.name,
          result.metric == .time ? Seconds.describe(s.best) : String(format: "%.0f", s.best),
          RaceResult.factor(s.ratio) + "x",
          RaceResult.factor(s.low) + "-" + RaceResult.factor(s.high),
        ]
      }
      if let up = scaling.first(where: { $0.workers == s.n && $0.name == s.name }) {
        row += [f(up.speedup, csv ? "%.4g" : "%.2f"), f(up.efficiency, csv ? "%.4g" : "%.2f")]
      }
      return row
    }
  }

  /// The chosen model's intercept: what a call costs whatever its size (a
  /// pool's dispatch, a JIT's entry), kept apart from the ratios; `-` when
  /// the fit puts it at or below zero.
  private func fixedCost(_ e: RaceResult.Entry) -> String {
    guard let c = e.classification, let model = c.model(c.best), model.intercept > 0 else {
      return "-"
    }
    return Instructions.describe(model.intercept, as: result.classesBy ?? result.metric)
  }

  private func text(markdown: Bool) -> String {
    func table(_ header: [String], _ rows: [[String]]) -> String {
      markdown
        ? MarkdownTable(header: header, rows: rows).render()
        : TextTable(header: header, rows: rows).render()
    }
    var out: [String] = []
    out.append(markdown ? "### Race: \(result.name)\n" : "race: \(result.name)")
    if let about = result.about { out.append(about + (markdown ? "\n" : "")) }
    if let py = result.interpreter {
      out.append("in \(py.implementation) \(py.version) (\(py.path))" + (markdown ? "\n" : ""))
    }
    if result.metric == .instructions {
      out.append(
        "instructions per call, counted under callgrind (" + Race.processNote + ")"
          + (markdown ? "\n" : ""))
    }
    if !markdown { out.append("") }
    if !result.isScaling {
      let f = ResultsReport.format
      out.append(
        table(
          [
            "implementation", result.classesBy.map { "class (by \($0.rawValue))" } ?? "class",
            "confidence", "slope", "fixed cost a call",
          ],
          result.entries.map { e in
            [
              e.name, e.classification?.outcome.description ?? "failed: \(e.failure ?? "?")",
              f(e.classification?.confidence, "%.2f"), f(e.classification?.slope, "%.2f"),
              fixedCost(e),
            ]
          }))
    }
    var header = [
      result.variable, "implementation",
      result.metric == .time ? "fastest" : result.metric.quantity, "ratio", "ratio over rounds",
    ]
    if result.isScaling { header += ["speed-up", "efficiency"] }
    out.append(table(header, rows(csv: false)))
    if !result.claims.isEmpty {
      out.append(markdown ? "Claims:\n" : "claims:")
      out += result.claimLines.map { (markdown ? "- " : "  ") + $0 }
      if markdown { out.append("") }
    }
    out.append(markdown ? "Summary:\n" : "summary:")
    out += result.summary.map { (markdown ? "- " : "  ") + $0 }
    return out.joined(separator: "\n") + "\n"
  }
}
