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
    "other_measured", "other_verdict",
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
            r.op, r.documented?.rawValue ?? "-", measured(r), verdictCell(r, markdown: false),
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
            verdictCell(r, markdown: true), number(r.classification?.confidence, "%.2f"),
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

  private func verdictCell(_ r: OperationResult, markdown: Bool) -> String {
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

  var metricHeader: [String] {
    guard showsMetric else { return [] }
    return showsOtherMetric ? ["metric", "other metric"] : ["metric"]
  }

  /// The metric the row reports (`instructions*`: settled by instructions
  /// where time was inconclusive), and the other metric's outcome.
  func metricCells(_ r: OperationResult) -> [String] {
    guard showsMetric else { return [] }
    let settled = r.metricComparison?.agreement == .settled ? "*" : ""
    guard showsOtherMetric else { return [r.metric.rawValue + settled] }
    let other = r.otherMetrics.first.map { o -> String in
      let outcome = o.classification?.outcome.description ?? o.measuredName
      return "\(o.metric.rawValue): \(outcome)"
    }
    return [r.metric.rawValue + settled, other ?? "-"]
  }

  /// One line per op whose metrics disagree, or where instructions settled
  /// what time could not: both outcomes, the one reported, and why.
  /// One line per op whose instructions the run wanted and could not
  /// count, with the reason: the table says it, not only the JSON.
  private func uncountedNotes(markdown: Bool) -> String {
    let uncounted = results.results.filter { $0.notCounted != nil }
    guard !uncounted.isEmpty else { return "" }
    var lines = ["", markdown ? "**Not counted** (timed only)" : "Not counted (timed only):", ""]
    for r in uncounted {
      lines.append("- \(markdown ? "`\(r.op)`" : r.op): \(r.notCounted ?? "")")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func metricNotes(markdown: Bool) -> String {
    let news = results.results.filter { $0.metricComparison?.isNews == true }
    guard !news.isEmpty else { return "" }
    let title =
      markdown
      ? "**Where time and instructions disagree**" : "Where time and instructions disagree:"
    var lines = ["", title, ""]
    for r in news {
      let m = r.metricComparison!
      let id = markdown ? "`\(r.op)`" : r.op
      let what =
        m.agreement == .settled ? "settled by instructions" : "reported: \(m.trusted.rawValue)"
      lines.append(
        "- \(id): time \(m.time), instructions \(m.instructions); \(what). \(m.explanation).")
    }
    if news.contains(where: { $0.metricComparison?.agreement == .settled }) {
      lines.append("")
      lines.append("(* in the metric column: time was inconclusive and instructions settled it.)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One line per flagged row: what the implementation does and the evidence.
  private func footnotes(markdown: Bool) -> String {
    let flagged = explanations()
    guard !flagged.isEmpty else { return "" }
    var lines = ["", markdown ? "**Flagged rows**" : "Flagged rows:", ""]
    for e in flagged {
      let id = markdown ? "`\(e.op)`" : e.op
      lines.append("- \(id): documented \(e.documented), \(e.evidence). \(e.why)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Why a flagged row is flagged: the evidence and the implementation.
  struct Explanation {
    var op: String
    /// The documented cost as written.
    var documented: String
    /// `measured O(n) (confidence 1.00, top log-log slope 0.98, …)`.
    var evidence: String
    /// What the implementation does, or a request to check it.
    var why: String
  }

  /// The explanations of every flagged row, in run order; every renderer
  /// that lists flagged rows words them the same way.
  func explanations() -> [Explanation] {
    results.results.filter { $0.verdict == .differs }.map { r in
      let c = r.classification!
      var evidence = "measured \(c.outcome) (confidence \(String(format: "%.2f", c.confidence))"
      if let slope = c.slope { evidence += String(format: ", top log-log slope %.2f", slope) }
      evidence += String(
        format: ", growth %.0f%% over n = %d…%d)", c.growth * 100,
        c.sizeRange.lowerBound, c.sizeRange.upperBound)
      let op = catalog[r.op]
      // The notes on file read CPython's C source: another interpreter
      // gets its measurement and no borrowed story.
      let python = results.python?.implementation
      let borrowed = op?.subject == .python && python != nil && python != "CPython"
      return Explanation(
        op: r.op,
        documented: op?.documentedText ?? r.documented?.rawValue ?? "?",
        evidence: evidence,
        why: borrowed
          ? "no explanation on file for \(python ?? ""): the notes on file read CPython's source."
          : op?.implementationNote ?? "no explanation on file yet: check the implementation.")
    }
  }

  /// `6 ops: 5 agree, 1 differ, …; 1.2 s of sweeps`, with a newline.
  func summary() -> String {
    let all = results.results
    let count = { (v: Verdict) in all.filter { $0.verdict == v }.count }
    let failed = all.filter { $0.classification == nil }.count
    let seconds = all.map(\.seconds).reduce(0, +)
    var text =
      "\(all.count) ops: \(count(.agree)) agree, \(count(.differs)) differ, "
      + "\(count(.inconclusive)) inconclusive, \(failed) failed"
    let comparisons = all.compactMap(\.metricComparison)
    if !comparisons.isEmpty {
      let settled = comparisons.filter { $0.agreement == .settled }.count
      let differ = comparisons.filter { $0.agreement == .differ }.count
      text += "; \(settled) settled by instructions, \(differ) where the metrics differ"
    } else if let metric = Set(all.map(\.metric)).first, all.count > 0,
      Set(all.map(\.metric)).count == 1, metric != .time
    {
      text += " (by \(metric.rawValue))"
    }
    return text + "; " + String(format: "%.1f s of sweeps", seconds) + "\n"
  }
}
