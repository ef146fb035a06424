import Foundation

/// What a results table says under it: the ops not counted and why, where
/// the metrics disagree, the flagged rows explained, and the summary line.
extension ResultsReport {
  /// One line per op whose instructions the run wanted and could not
  /// count, with the reason: the table says it, not only the JSON.
  func uncountedNotes(markdown: Bool) -> String {
    section(
      markdown ? "**Not counted** (timed only)" : "Not counted (timed only):", \.notCounted,
      markdown: markdown)
      + section(
        markdown ? "**Space not measured**" : "Space not measured:", \.spaceNotMeasured,
        markdown: markdown)
  }

  /// One line per op whose `reason` is given, under `title`.
  private func section(
    _ title: String, _ reason: KeyPath<OperationResult, String?>, markdown: Bool
  ) -> String {
    let given = results.results.filter { $0[keyPath: reason] != nil }
    guard !given.isEmpty else { return "" }
    var lines = ["", title, ""]
    for r in given {
      lines.append("- \(markdown ? "`\(r.op)`" : r.op): \(r[keyPath: reason] ?? "")")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  func metricNotes(markdown: Bool) -> String {
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
  func footnotes(markdown: Bool) -> String {
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
