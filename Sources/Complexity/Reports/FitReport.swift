import Foundation

/// Renders one classification in full: every model, the slopes, the notes.
package struct FitReport {
  package var result: OperationResult
  /// The run it belongs to, for the JSON and CSV (the shape of a sweep's).
  package var run: RunResults?

  package init(_ result: OperationResult, run: RunResults? = nil) {
    self.result = result
    self.run = run
  }

  /// The classification in `format`: the table and markdown in full, the
  /// JSON and CSV as a sweep's (a `results` array, one row per op).
  package func render(_ format: Format) throws -> String {
    switch format {
    case .json, .csv:
      var run = run ?? RunResults(python: nil, plan: SizePlan(), timing: TimingOptions())
      if run.results.isEmpty { run.results = [result] }
      return try ResultsReport(run).render(format)
    case .table: return text(markdown: false)
    case .markdown: return text(markdown: true)
    }
  }

  private func text(markdown: Bool) -> String {
    guard let c = result.classification else {
      return "\(result.op): failed: \(result.failure ?? "no classification")\n"
    }
    let f = ResultsReport.format
    var lines: [String] = []
    let title = "\(result.op): \(c.outcome)"
    lines.append(markdown ? "### \(title)\n" : title)
    var facts = [
      ("measured", c.outcome.description),
      ("runner-up", c.runnerUp.rawValue),
      ("confidence", f(c.confidence, "%.2f") + " of resamples chose \(c.best)"),
      ("Akaike weight", f(c.akaikeWeight, "%.3f")),
      (
        "growth",
        f(c.growth * 100, "%.0f")
          + "% across n = \(c.sizeRange.lowerBound)…\(c.sizeRange.upperBound)"
      ),
      ("top slope", f(c.slope, "%.3f") + " (log-log, top two octaves)"),
    ]
    if let documented = result.documented {
      facts.insert(("documented", documented.rawValue), at: 0)
      facts.append(("verdict", result.verdict?.rawValue ?? "-"))
    }
    let metric = result.metric
    if metric != .time || !result.otherMetrics.isEmpty {
      facts.append(("metric", "\(metric.quantity) per operation"))
    }
    for other in result.otherMetrics {
      let outcome = other.classification?.outcome.description ?? other.measuredName
      facts.append(("by \(other.metric)", outcome))
    }
    if let m = result.metricComparison {
      facts.append(("reported", "\(m.trusted.rawValue) (\(m.agreement.rawValue))"))
    }
    if markdown {
      lines.append(MarkdownTable(header: ["", ""], rows: facts.map { [$0.0, $0.1] }).render())
    } else {
      let width = facts.map(\.0.count).max() ?? 0
      lines += facts.map {
        "  " + $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1
      }
      lines.append("")
    }
    var models = [[String]]()
    for m in c.models.sorted(by: { $0.aicc < $1.aicc }) {
      models.append([
        m.complexityClass.rawValue, f(m.intercept, "%.4g"), f(m.coefficient, "%.4g"),
        f(m.aicc - (c.models.filter(\.isValid).map(\.aicc).min() ?? 0), "%.1f"),
        m.isValid ? "yes" : "no (b < 0)",
      ])
    }
    let header = [
      "model", "a (\(metric.unit))", "b (\(metric.unit) at n max)", "ΔAICc", "valid",
    ]
    lines.append(
      markdown
        ? MarkdownTable(header: header, rows: models).render()
        : TextTable(header: header, rows: models).render())
    let slopes = c.octaveSlopes.map { "\($0.from)→\($0.to): \(f($0.slope, "%.2f"))" }
    lines.append("octave slopes: " + slopes.joined(separator: ", "))
    for note in c.notes { lines.append("note: \(note)") }
    if let m = result.metricComparison, m.agreement != .same {
      lines.append("metrics: time \(m.time), instructions \(m.instructions): \(m.explanation)")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
