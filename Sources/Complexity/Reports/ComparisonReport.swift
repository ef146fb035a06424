import Foundation

/// Renders a `Comparison` as a table, CSV, markdown or JSON.
package struct ComparisonReport {
  package var comparison: Comparison

  package init(_ comparison: Comparison) { self.comparison = comparison }

  /// The CSV columns, in order. `a_cost` and `b_cost` are in `a_unit` and
  /// `b_unit`: `s` (seconds) or `Ir` (instructions executed).
  package static let csvHeader = [
    "op", "documented", "a_measured", "b_measured", "change", "n", "a_cost", "b_cost",
    "ratio", "a_coefficient", "b_coefficient", "a_metric", "b_metric", "a_unit", "b_unit",
  ]

  /// The comparison in `format`.
  package func render(_ format: Format) throws -> String {
    let f = ResultsReport.format
    switch format {
    case .json: return try ResultsReport.json(comparison)
    case .csv:
      var t = CSVTable(header: Self.csvHeader)
      t.rows = comparison.rows.map { r in
        [
          r.op, r.documented?.rawValue ?? "", r.a?.measured ?? "", r.b?.measured ?? "",
          r.change.rawValue, r.size.map(String.init) ?? "", f(r.a?.seconds, "%.6g"),
          f(r.b?.seconds, "%.6g"), f(r.ratio, "%.4f"), f(r.a?.coefficient, "%.6g"),
          f(r.b?.coefficient, "%.6g"), r.a?.metric.rawValue ?? "", r.b?.metric.rawValue ?? "",
          r.a?.metric.unit ?? "", r.b?.metric.unit ?? "",
        ]
      }
      return t.render()
    case .table:
      var t = TextTable(header: header)
      t.rows = comparison.rows.map { cells($0, markdown: false) }
      return runs(markdown: false) + "\n" + t.render() + changes(markdown: false) + summary()
    case .markdown:
      var t = MarkdownTable(header: header)
      t.rows = comparison.rows.map { cells($0, markdown: true) }
      return runs(markdown: true) + "\n" + t.render() + changes(markdown: true) + "\n"
        + summary()
    }
  }

  /// A few lines for standard error after a sweep with `--baseline`: each
  /// op whose class changed, then a count.
  package func baselineSummary() -> String {
    let changed = comparison.changed
    let label = comparison.a.label
    guard !changed.isEmpty else {
      return "baseline \(label): no class changed (\(counts()))\n"
    }
    var lines = changed.map { r in
      "baseline \(label): \(r.op) was \(r.a?.measured ?? "-"), now \(r.b?.measured ?? "-")"
    }
    lines.append(
      "baseline \(label): \(changed.count) of \(comparison.rows.count) ops changed class")
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: - Implementation details

  private var header: [String] {
    ["op", "documented", "A", "B", "change", "at n", "A cost", "B cost", "B/A"]
  }

  private func cells(_ r: Comparison.Row, markdown: Bool) -> [String] {
    var change = r.change.rawValue
    if r.change == .changed { change = markdown ? "**changed** ⚠" : "changed <--" }
    return [
      markdown ? "`\(r.op)`" : r.op, r.documented?.rawValue ?? "-", r.a?.measured ?? "-",
      r.b?.measured ?? "-", change, r.size.map(String.init) ?? "-", cost(r.a), cost(r.b),
      r.ratio.map { String(format: "%.2f", $0) } ?? "-",
    ]
  }

  /// Seconds, or instructions (`Ir`), at the comparison size.
  private func cost(_ side: Comparison.Side?) -> String {
    guard let side, let value = side.seconds else { return "-" }
    return side.metric == .instructions
      ? String(format: "%.0f Ir", value) : Seconds.describe(value)
  }

  private func runs(markdown: Bool) -> String {
    [("A", comparison.a), ("B", comparison.b)].map { name, run in
      var facts = [run.machine, "started \(run.started)"]
      if let python = run.python { facts.insert(python, at: 0) }
      let label = markdown ? "`\(run.label)`" : run.label
      return (markdown ? "- **\(name)**: " : "\(name): ")
        + "\(label) (\(facts.joined(separator: "; ")))"
    }.joined(separator: "\n") + "\n"
  }

  private func changes(markdown: Bool) -> String {
    let changed = comparison.changed
    guard !changed.isEmpty else { return "" }
    var lines = ["", markdown ? "**Changed classes**" : "Changed classes:", ""]
    for r in changed {
      var line =
        "- \(markdown ? "`\(r.op)`" : r.op): \(r.a?.measured ?? "-") in A, "
        + "\(r.b?.measured ?? "-") in B"
      if let n = r.size, let ratio = r.ratio {
        line +=
          " (at n = \(n): \(cost(r.a)) → \(cost(r.b)), " + String(format: "%.2f", ratio) + "×)"
      } else if let a = r.a, let b = r.b, a.metric != b.metric {
        line += " (A by \(a.metric), B by \(b.metric): their costs do not compare)"
      }
      lines.append(line)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func counts() -> String {
    let parts = Comparison.Change.allCases.map { "\(comparison.count($0)) \($0.rawValue)" }
    return "\(comparison.rows.count) ops: " + parts.joined(separator: ", ")
  }

  private func summary() -> String { counts() + "\n" }
}
