import Foundation

/// A run's results as one self-contained HTML page: the summary table with
/// flagged rows highlighted, the explanations of flagged rows, and every
/// operation's plot inline.
///
/// The page needs nothing beyond itself: no scripts, no external styles,
/// fonts or images, and no URL anywhere in it, so it opens offline. It is
/// also well-formed XML (every element closed, only XML's own entities),
/// so tests and other tools can parse it.
package struct HTMLReport {
  package var results: RunResults
  /// Looks up seed rows, swept variables and explanations.
  package var catalog: Catalog

  package init(_ results: RunResults, catalog: Catalog = .standard) {
    self.results = results
    self.catalog = catalog
  }

  /// The page.
  package func render() -> String {
    let text = ResultsReport(results, catalog: catalog)
    let flagged = results.results.filter { $0.verdict == .differs }.count
    var out: [String] = [
      "<!DOCTYPE html>",
      "<html lang=\"en\">",
      "<head>",
      "<meta charset=\"utf-8\"/>",
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>",
      "<title>complexity: \(results.results.count) ops, \(flagged) flagged</title>",
      "<style>\(Self.style)</style>",
      "</head>",
      "<body>",
      "<h1>Measured complexity against the documentation</h1>",
      "<p class=\"run\">\(escape(runLine()))</p>",
      "<p class=\"summary\">\(escape(text.summary().trimmingCharacters(in: .newlines)))</p>",
    ]
    out += table(text)
    out += explanations(text)
    out.append("<h2>Plots</h2>")
    out.append(
      "<p class=\"run\">Log-log axes: a cost growing like n<sup>k</sup> is a straight line of "
        + "slope k. Dots are the value fitted at each size (the fastest sample; for a Swift op "
        + "counted on inputs whose layouts differ, the median of the inputs'), bars the "
        + "spread of all samples, the solid curve the chosen fit and the dashed curve the "
        + "documented class scaled to the timings.</p>")
    for r in results.results {
      out.append("<section class=\"plot\" id=\"\(anchor(r.op))\">")
      out.append(SVGChart(r, catalog: catalog).render(standalone: false))
      var notes = r.classification?.notes ?? []
      if let m = r.metricComparison, m.agreement != .same {
        notes.insert(
          "time \(m.time), instructions \(m.instructions); reported: \(m.trusted.rawValue). "
            + m.explanation, at: 0)
      }
      if !notes.isEmpty {
        out.append("<ul class=\"notes\">")
        out += notes.map { "<li>\(escape($0))</li>" }
        out.append("</ul>")
      }
      out.append("</section>")
    }
    out += ["</body>", "</html>"]
    return out.joined(separator: "\n") + "\n"
  }

  // MARK: - Implementation details

  private static let style = """

    body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #222;
      max-width: 72em; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
    h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; }
    .run, .summary { color: #444; } .summary { font-weight: 600; }
    table { border-collapse: collapse; font-size: 0.92em; }
    th, td { padding: 0.3em 0.7em; border-bottom: 1px solid #ddd; text-align: left;
      vertical-align: top; }
    th { background: #f4f4f4; }
    td.number { text-align: right; font-variant-numeric: tabular-nums; }
    tr.differs { background: #fde4e4; } tr.differs td.verdict { color: #b71c1c; font-weight: 700; }
    tr.inconclusive { background: #fff6d6; } tr.failed { background: #eeeeee; color: #666; }
    code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
      font-size: 0.95em; }
    a { color: #1f4e9c; text-decoration: none; } a:hover { text-decoration: underline; }
    ul.flagged li { margin-bottom: 0.5em; }
    section.plot { margin: 1.5em 0 2.5em; } section.plot svg { max-width: 100%; height: auto; }
    ul.notes { color: #555; font-size: 0.9em; margin-top: 0.3em; }

    """

  private func escape(_ s: String) -> String { Markup.escape(s) }

  /// The element id of an op's plot.
  private func anchor(_ op: String) -> String { "plot-" + Self.anchorName(op) }

  /// An op id as an element id's tail (`list-pop0`).
  static func anchorName(_ op: String) -> String {
    op.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
  }

  /// What the run measured with, on what, and how.
  private func runLine() -> String {
    var s = "Measured "
    if let py = results.python { s += "with \(py.implementation) \(py.version) (\(py.path)) " }
    let m = results.machine
    s += "on \(m.cpu), \(m.cores) cores, \(m.system); started \(results.started). "
    let p = results.plan, t = results.timing
    s += "Sizes n = \(p.minimum)…\(p.maximum), \(p.pointsPerOctave) per doubling; "
    s += "\(t.repeats) samples per size, each at least \(Seconds.describe(t.minimumSampleSeconds))."
    if results.results.contains(where: { $0.metric == .instructions || !$0.otherMetrics.isEmpty }) {
      s +=
        " Instruction counts: valgrind's callgrind in the same interpreter, instructions per "
        + "operation (the notes under each plot say how)."
    }
    return s
  }

  private func table(_ text: ResultsReport) -> [String] {
    let header =
      [
        "op", "seed row", "example", "swept", "documented", "measured", "verdict", "confidence",
        "slope", "n",
      ] + text.metricHeader
    var out = [
      "<table>", "<thead><tr>" + header.map { "<th>\($0)</th>" }.joined() + "</tr></thead>",
    ]
    out.append("<tbody>")
    for r in results.results {
      let op = catalog[r.op]
      let rowClass =
        r.classification == nil ? "failed" : r.verdict.map(\.rawValue) ?? "none"
      let verdict = r.verdict?.rawValue ?? (r.failure != nil ? "failed" : "-")
      let cells =
        [
          "<td><a href=\"#\(anchor(r.op))\"><code>\(escape(r.op))</code></a></td>",
          "<td>\(escape(op?.seedRow.map { "\($0.table): \($0.operation)" } ?? "-"))</td>",
          "<td>" + (op?.seedRow.map { "<code>\(escape($0.example))</code>" } ?? "-") + "</td>",
          "<td>\(escape(op?.swept ?? "n"))</td>",
          "<td>\(escape(text.documented(op, r)))</td>",
          "<td>\(escape(text.measured(r)))</td>",
          "<td class=\"verdict\">\(escape(verdict))</td>",
          "<td class=\"number\">\(ResultsReport.format(r.classification?.confidence, "%.2f"))</td>",
          "<td class=\"number\">\(ResultsReport.format(r.classification?.slope, "%.2f"))</td>",
          "<td class=\"number\">\(escape(text.range(r)))</td>",
        ] + text.metricCells(r).map { "<td>\(escape($0))</td>" }
      out.append("<tr class=\"\(rowClass)\">" + cells.joined() + "</tr>")
    }
    out += ["</tbody>", "</table>"]
    return out
  }

  private func explanations(_ text: ResultsReport) -> [String] {
    let flagged = text.explanations()
    guard !flagged.isEmpty else { return [] }
    var out = ["<h2>Flagged rows</h2>", "<ul class=\"flagged\">"]
    for e in flagged {
      out.append(
        "<li><a href=\"#\(anchor(e.op))\"><code>\(escape(e.op))</code></a>: documented "
          + "\(escape(e.documented)), \(escape(e.evidence)). \(escape(e.why))</li>")
    }
    out.append("</ul>")
    return out
  }
}
