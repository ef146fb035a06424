import Foundation

/// Renders a run's results as a table, CSV, markdown or JSON.
package struct ResultsReport {
  package var results: RunResults
  /// Looks up seed rows and explanations for flagged rows.
  package var catalog: Catalog

  package init(_ results: RunResults, catalog: Catalog = .standard) {
    self.results = results
    self.catalog = catalog
  }

  /// The CSV columns, in order; extra columns come after the first nine.
  package static let csvHeader = [
    "op", "documented", "measured", "verdict", "confidence", "slope", "n_min", "n_max",
    "seconds", "best", "runner_up", "metric", "failure", "stop_reason", "other_metric",
    "other_measured", "other_verdict", "space", "allocated",
  ]

  /// The results in `format`.
  package func render(_ format: Format) throws -> String {
    switch format {
    case .json: return try Self.json(results)
    case .csv:
      var t = CSVTable(header: Self.csvHeader)
      t.rows = results.results.map(Self.csvRow)
      return t.render()
    case .table:
      var t = TextTable(
        header: [
          "op", "documented", "measured", "verdict", "confidence", "slope", "n", "seconds",
        ] + metricHeader)
      for r in results.results {
        t.rows.append(
          [
            r.op, r.documented?.rawValue ?? "-", measured(r), Self.verdictCell(r, markdown: false),
            number(r.classification?.confidence, "%.2f"),
            number(r.classification?.slope, "%.2f"), range(r), String(format: "%.1f", r.seconds),
          ] + metricCells(r))
      }
      return t.render() + footnotes(markdown: false) + metricNotes(markdown: false)
        + uncountedNotes(markdown: false) + summary()
    case .markdown:
      var t = MarkdownTable(
        header: [
          "op", "seed row", "example", "swept", "documented", "measured", "verdict",
          "confidence", "slope", "n",
        ] + metricHeader)
      for r in results.results {
        let op = catalog[r.op]
        t.rows.append(
          [
            "`\(r.op)`", op?.seedRow.map { "\($0.table): \($0.operation)" } ?? "-",
            op?.seedRow.map { "`\($0.example)`" } ?? "-", op?.swept ?? "n",
            documented(op, r), measured(r),
            Self.verdictCell(r, markdown: true), number(r.classification?.confidence, "%.2f"),
            number(r.classification?.slope, "%.2f"), range(r),
          ] + metricCells(r))
      }
      return header() + t.render() + footnotes(markdown: true) + metricNotes(markdown: true)
        + uncountedNotes(markdown: true)
        + "\n" + summary()
    }
  }

  /// One result as a CSV row under `csvHeader`.
  static func csvRow(_ r: OperationResult) -> [String] {
    [
      r.op, r.documented?.rawValue ?? "", r.measuredName, r.verdict?.rawValue ?? "",
      format(r.classification?.confidence, "%.3f"), format(r.classification?.slope, "%.3f"),
      r.points.first.map { "\($0.n)" } ?? "", r.points.last.map { "\($0.n)" } ?? "",
      String(format: "%.2f", r.seconds), r.classification?.best.rawValue ?? "",
      r.classification?.runnerUp.rawValue ?? "", r.metric.rawValue, r.failure ?? "",
      r.stopReason?.rawValue ?? "", r.otherMetrics.first?.metric.rawValue ?? "",
      r.otherMetrics.first?.measuredName ?? "", r.otherMetrics.first?.verdict?.rawValue ?? "",
      r.spaceResult?.measuredName ?? "", r.allocatedResult?.measuredName ?? "",
    ]
  }

  /// A number in `format`, or empty for nil or non-finite values.
  static func format(_ x: Double?, _ format: String) -> String {
    guard let x, x.isFinite else { return "" }
    return String(format: format, x)
  }

  /// The results as pretty, key-sorted JSON.
  package static func json<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
  }

  // MARK: - Implementation details

  private func header() -> String {
    var s = ""
    if let py = results.python {
      s += "Measured with \(py.implementation) \(py.version) (`\(py.path)`) "
    } else {
      s += "Measured "
    }
    s +=
      "on \(results.machine.cpu), \(results.machine.cores) cores, started \(results.started).\n\n"
    return s
  }

  /// The documented cost as written, and the class it means for the swept
  /// variable where the two read differently (`O(len(s)) → O(1)`).
  func documented(_ op: Operation?, _ r: OperationResult) -> String {
    let c = r.documented?.rawValue ?? "none"
    guard let text = op?.documentedText, text != c else { return c }
    return "\(text) → \(c)"
  }

  func measured(_ r: OperationResult) -> String {
    if let failure = r.failure, r.classification == nil { return "failed: \(failure)" }
    return r.classification?.outcome.description ?? "-"
  }

  /// The verdict as a cell: `differs` marked, `failed` for a failed sweep.
  static func verdictCell(_ r: OperationResult, markdown: Bool) -> String {
    guard let v = r.verdict else { return r.failure != nil ? "failed" : "-" }
    guard v == .differs else { return v.rawValue }
    return markdown ? "**differs** ⚠" : "differs <--"
  }

  func range(_ r: OperationResult) -> String {
    guard let a = r.points.first?.n, let b = r.points.last?.n else { return "-" }
    return "\(a)…\(b)"
  }

  private func number(_ x: Double?, _ format: String) -> String { Self.format(x, format) }

  /// Whether the table needs metric columns: some result is not a timing,
  /// or was measured both ways.
  var showsMetric: Bool {
    results.results.contains { $0.metric != .time || !$0.otherMetrics.isEmpty }
  }

  /// Whether some result was measured by both metrics.
  private var showsOtherMetric: Bool { results.results.contains { !$0.otherMetrics.isEmpty } }

  /// Whether some result has its memory measured beside.
  private var showsSpace: Bool { results.results.contains { $0.spaceResult != nil } }

  /// Whether some result has its total allocations measured beside.
  private var showsAllocated: Bool { results.results.contains { $0.allocatedResult != nil } }

  var metricHeader: [String] {
    let space = (showsSpace ? ["space"] : []) + (showsAllocated ? ["allocated"] : [])
    guard showsMetric else { return space }
    return (showsOtherMetric ? ["metric", "other metric"] : ["metric"]) + space
  }

  /// The memory measured beside: its class and the bytes per call at the
  /// largest size (`O(n) 262 KB`), or `-`; the peak, or (`allocated`) the
  /// total.
  func spaceCell(_ r: OperationResult, allocated: Bool = false) -> String {
    guard let s = allocated ? r.allocatedResult : r.spaceResult else { return "-" }
    guard let c = s.classification, let top = s.points.last else { return s.measuredName }
    return "\(c.outcome.description) \(Bytes.describe(top.best))"
  }

  /// The metric the row reports (`instructions*`: settled by instructions
  /// where time was inconclusive), and the other metric's outcome.
  func metricCells(_ r: OperationResult) -> [String] {
    let space =
      (showsSpace ? [spaceCell(r)] : []) + (showsAllocated ? [spaceCell(r, allocated: true)] : [])
    guard showsMetric else { return space }
    let settled = r.metricComparison?.agreement == .settled ? "*" : ""
    guard showsOtherMetric else { return [r.metric.rawValue + settled] + space }
    let other = r.otherMetrics.first.map { o -> String in
      let outcome = o.classification?.outcome.description ?? o.measuredName
      return "\(o.metric.rawValue): \(outcome)"
    }
    return [r.metric.rawValue + settled, other ?? "-"] + space
  }

  /// One line per op whose metrics disagree, or where instructions settled
  /// what time could not: both outcomes, the one reported, and why.
}
