import Foundation

/// Renders `InterpreterRuns` as a table, CSV, markdown or JSON: one row per
/// op, and for each interpreter its class (by which metric), its verdict
/// against the documentation and its cost at the largest size it measured;
/// then, per interpreter, its own flagged rows, explanations and notes, as
/// a one-interpreter report gives them.
package struct SideBySideReport {
  package var runs: InterpreterRuns
  package var catalog: Catalog

  package init(_ runs: InterpreterRuns, catalog: Catalog = .standard) {
    self.runs = runs
    self.catalog = catalog
  }

  /// The CSV columns, in order: one line per op per interpreter (long
  /// form, for tools that pivot it themselves). `cost` is in `unit` (`s`
  /// or `Ir`), the chosen model's at `n_max`.
  package static let csvHeader = [
    "op", "interpreter", "implementation", "version", "documented", "measured", "verdict",
    "metric", "n_max", "cost", "unit", "failure",
  ]

  /// The runs in `format`.
  package func render(_ format: Format) throws -> String {
    switch format {
    case .json: return try ResultsReport.json(runs)
    case .csv:
      var t = CSVTable(header: Self.csvHeader)
      for row in runs.rows {
        for (i, r) in row.results.enumerated() {
          guard let r else { continue }
          let side = Comparison.Side(r, at: r.points.last?.n)
          let python = runs.runs[i].python
          t.rows.append([
            r.op, runs.labels[i], python?.implementation ?? "", python?.version ?? "",
            row.documented?.rawValue ?? "", side.measured, r.verdict?.rawValue ?? "",
            r.metric.rawValue, r.points.last.map { String($0.n) } ?? "",
            ResultsReport.format(side.seconds, "%.6g"), r.metric.unit, r.failure ?? "",
          ])
        }
      }
      return t.render()
    case .table:
      var t = TextTable(header: header)
      t.rows = runs.rows.map { cells($0, markdown: false) }
      return machine() + "\n" + t.render() + differences(markdown: false) + perRun(markdown: false)
    case .markdown:
      var t = MarkdownTable(header: header)
      t.rows = runs.rows.map { cells($0, markdown: true) }
      return machine() + "\n" + t.render() + differences(markdown: true) + perRun(markdown: true)
    }
  }

  /// A self-contained HTML page: the side-by-side table, each op linking to
  /// its plot in each interpreter's own report (`folders[i]/index.html`).
  package func html(folders: [String]) -> String {
    let e = Markup.escape
    var out = [
      "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
      "<title>complexity: interpreters side by side</title>",
      "<style>body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 80em; }"
        + " table { border-collapse: collapse; font-size: 0.92em; } th, td { padding: 0.3em 0.7em;"
        + " border-bottom: 1px solid #ddd; text-align: left; } th { background: #f4f4f4; }"
        + " td.differs { color: #b71c1c; font-weight: 700; }</style>",
      "</head>", "<body>", "<h1>Interpreters side by side</h1>", "<p>\(e(machine()))</p>",
      "<table>", "<tr>" + header.map { "<th>\(e($0))</th>" }.joined() + "</tr>",
    ]
    for row in runs.rows {
      let cells = self.cells(row, markdown: false)
      var html = "<tr><td><code>\(e(row.op))</code></td><td>\(e(cells[1]))</td>"
      for (i, folder) in folders.enumerated() where i < row.results.count {
        let (measured, verdict, cost) = (cells[2 + 3 * i], cells[3 + 3 * i], cells[4 + 3 * i])
        let link =
          row.results[i] == nil
          ? e(measured)
          : "<a href=\"\(e(folder))/index.html#plot-\(HTMLReport.anchorName(row.op))\">\(e(measured))</a>"
        let flagged = row.results[i]?.verdict == .differs ? " class=\"differs\"" : ""
        html += "<td>\(link)</td><td\(flagged)>\(e(verdict))</td><td>\(e(cost))</td>"
      }
      out.append(html + "</tr>")
    }
    out.append("</table>")
    out.append(
      "<pre>\(e(differences(markdown: false) + perRun(markdown: false)))</pre>")
    out += ["</body>", "</html>"]
    return out.joined(separator: "\n") + "\n"
  }

  // MARK: - Implementation details

  private var header: [String] {
    ["op", "documented"]
      + runs.labels.flatMap { label in [label, "verdict", "cost at n max"] }
  }

  private func cells(_ row: InterpreterRuns.Row, markdown: Bool) -> [String] {
    [markdown ? "`\(row.op)`" : row.op, row.documented?.rawValue ?? "-"]
      + row.results.flatMap { r -> [String] in
        guard let r else { return ["-", "-", "-"] }
        let side = Comparison.Side(r, at: r.points.last?.n)
        let metric = r.metric == .time ? "" : " (\(r.metric.rawValue))"
        let unit = r.metric == .time ? "" : " " + r.metric.unit
        let cost = side.seconds.map { Instructions.describe($0, as: r.metric) + unit } ?? "-"
        return [
          side.measured + metric, ResultsReport.verdictCell(r, markdown: markdown),
          "\(cost) at \(r.points.last.map { String($0.n) } ?? "-")",
        ]
      }
  }

  private func machine() -> String {
    guard let first = runs.runs.first else { return "" }
    return "CPU: \(first.machine.cpu), \(first.machine.cores) cores\n"
  }

  /// The ops whose classes have nothing in common between interpreters.
  private func differences(markdown: Bool) -> String {
    let rows = runs.differences
    guard !rows.isEmpty else { return "" }
    var lines = [
      "",
      markdown
        ? "**Classes that differ between interpreters**"
        : "Classes that differ between interpreters:", "",
    ]
    for row in rows {
      let outcomes = zip(runs.labels, row.results).compactMap { label, r in
        r.map { "\(label) \($0.measuredName)" }
      }
      lines.append("- \(markdown ? "`\(row.op)`" : row.op): \(outcomes.joined(separator: ", "))")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Each interpreter's flagged rows, notes and counts, under its name:
  /// an explanation drawn from CPython's source is only ever a CPython
  /// run's (`ResultsReport` decides by the run's interpreter).
  private func perRun(markdown: Bool) -> String {
    zip(runs.labels, runs.runs).map { label, run in
      let report = ResultsReport(run, catalog: catalog)
      let path = run.python.map { " (\($0.path))" } ?? ""
      return "\n" + (markdown ? "### \(label)\(path)\n" : "== \(label)\(path)\n")
        + report.footnotes(markdown: markdown) + report.metricNotes(markdown: markdown)
        + report.uncountedNotes(markdown: markdown) + report.summary()
    }.joined()
  }
}
