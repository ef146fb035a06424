import Foundation

/// Draws a race as SVG: one curve per implementation on log-log axes, the
/// fastest sample per size as a dot and the spread over rounds as a bar.
///
/// On log-log axes a constant factor between two implementations is a
/// constant vertical gap, and a class is a slope, so both claims of a race
/// read off one picture. A scaling race draws speed-up against workers
/// instead, with the ideal (speed-up = workers) dashed.
package struct RaceChart {
  package var result: RaceResult
  package var width = 640.0
  package var height = 420.0

  package init(_ result: RaceResult) { self.result = result }

  /// Colours of the curves, in the recipe's order (then repeating).
  static let palette = ["#1f4e9c", "#e07b00", "#2e7d32", "#c62828", "#6a1b9a", "#00838f"]

  /// The SVG document; `standalone: false` for inlining into HTML.
  package func render(standalone: Bool = true) -> String {
    var out: [String] = []
    if standalone { out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>") }
    let namespace = standalone ? " xmlns=\"http://www.w3.org/2000/svg\"" : ""
    let (w, h) = (c(width), c(height))
    let title = "race: \(result.name)"
    out.append(
      "<svg\(namespace) width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" "
        + "font-family=\"sans-serif\" font-size=\"12\" role=\"img\" "
        + "aria-label=\"\(Markup.escape(title))\">")
    out.append("<title>\(Markup.escape(title))</title>")
    out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>")
    out.append(text(title, x: 12, y: 20, size: 14, weight: "bold"))
    let series = self.series
    if series.allSatisfy({ $0.points.isEmpty }) {
      out.append(text("no timings", x: width / 2, y: height / 2, anchor: "middle"))
    } else {
      out += plot(series)
    }
    out.append("</svg>")
    return out.joined(separator: "\n") + "\n"
  }

  /// One self-contained HTML page: the summary, the table and the chart.
  package func html() throws -> String {
    let report = RaceReport(result)
    return [
      "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\"/>",
      "<title>race: \(Markup.escape(result.name))</title>",
      "<style>body{font-family:sans-serif;margin:2em;max-width:60em}"
        + "pre{background:#f6f6f6;padding:1em;overflow-x:auto}</style>",
      "</head>", "<body>", "<h1>Race: \(Markup.escape(result.name))</h1>",
      claimsTable(),
      "<ul>" + result.summary.map { "<li>\(Markup.escape($0))</li>" }.joined() + "</ul>",
      render(standalone: false),
      "<pre>\(Markup.escape(try report.render(.table)))</pre>",
      "</body>", "</html>",
    ].joined(separator: "\n") + "\n"
  }

  // MARK: - Implementation details

  /// The claims answered, one row each (empty without claims).
  private func claimsTable() -> String {
    let answers = result.answers
    guard !answers.isEmpty else { return "" }
    let e = Markup.escape
    let rows = answers.map { a -> String in
      let sign = a.claim.wantsAtMost ? "≤" : "≥"
      let cells = [
        a.answer.rawValue, a.claim.says, a.claim.seed ?? "",
        "\(RaceResult.factor(a.ratio))x",
        "\(RaceResult.factor(a.low))–\(RaceResult.factor(a.high))",
        "\(sign) \(RaceResult.factor(a.claim.threshold))",
        "\(result.variable) = \(SVGChart.sizeLabel(Double(a.n)))", a.notes.joined(separator: "; "),
      ]
      return "<tr>" + cells.map { "<td>\(e($0))</td>" }.joined() + "</tr>"
    }
    let header = [
      "answer", "claim", "seed", "speed-up", "95% interval", "claimed", "at", "notes",
    ].map { "<th>\($0)</th>" }.joined()
    return "<h2>Claims</h2><table><tr>\(header)</tr>" + rows.joined() + "</table>"
  }

  /// What one curve draws: `(x, y, low, high)` per size.
  private struct Series {
    var name: String
    var colour: String
    var points: [(x: Double, y: Double, low: Double, high: Double)]
  }

  private var series: [Series] {
    let scaling = result.scaling
    return result.entries.enumerated().map { i, e in
      let colour = Self.palette[i % Self.palette.count]
      if result.isScaling {
        let points = scaling.filter { $0.name == e.name }.map {
          (x: Double($0.workers), y: $0.speedup, low: $0.speedup, high: $0.speedup)
        }
        return Series(name: e.name, colour: colour, points: points)
      }
      let points = e.points.compactMap { p -> (x: Double, y: Double, low: Double, high: Double)? in
        let s = p.samples.filter { $0.isFinite && $0 > 0 }
        guard let lo = s.min(), let hi = s.max() else { return nil }
        return (Double(p.n), lo, lo, hi)
      }
      return Series(name: e.name, colour: colour, points: points)
    }
  }

  private func plot(_ series: [Series]) -> [String] {
    let legendRows = legend(series).map(\.row).max() ?? 0
    let (left, top, right, bottom) = (
      72.0, 50 + Double(legendRows) * 18 + 16, width - 20, height - 48
    )
    let xs = series.flatMap { $0.points.map(\.x) }
    var ys = series.flatMap { $0.points.flatMap { [$0.low, $0.high] } }
    if result.isScaling { ys += xs }  // the ideal line
    let xr = LogAxis.range(of: xs, padding: 0.04)
    let yr = LogAxis.range(of: ys, padding: 0.06, minimumRatio: result.isScaling ? 2 : 10)
    let x = LogAxis(lower: xr.lower, upper: xr.upper, from: left, to: right)
    let y = LogAxis(lower: yr.lower, upper: yr.upper, from: bottom, to: top)
    var out: [String] = []
    for tick in x.ticks {
      let px = x.position(tick.value)
      out.append(line(px, top, px, bottom, stroke: tick.isMajor ? "#e6e6e6" : "#f3f3f3"))
      if tick.isMajor {
        out.append(text(SVGChart.sizeLabel(tick.value), x: px, y: bottom + 18, anchor: "middle"))
      }
    }
    for tick in y.ticks {
      let py = y.position(tick.value)
      out.append(line(left, py, right, py, stroke: tick.isMajor ? "#e6e6e6" : "#f3f3f3"))
      if tick.isMajor {
        let label =
          result.isScaling
          ? String(format: "%gx", tick.value)
          : result.metric == .time
            ? Seconds.describe(tick.value) : SVGChart.sizeLabel(tick.value)
        out.append(text(label, x: left - 8, y: py + 4, anchor: "end"))
      }
    }
    out.append(
      "<rect x=\"\(c(left))\" y=\"\(c(top))\" width=\"\(c(right - left))\" "
        + "height=\"\(c(bottom - top))\" fill=\"none\" stroke=\"#333333\"/>")
    out.append(
      text(
        "\(result.variable) (log scale)", x: (left + right) / 2, y: height - 10, anchor: "middle"))
    let middle = (top + bottom) / 2
    let yLabel =
      result.isScaling
      ? "speed-up (log scale)" : "\(result.metric.quantity) per call (log scale)"
    out.append(
      "<text x=\"16\" y=\"\(c(middle))\" text-anchor=\"middle\" "
        + "transform=\"rotate(-90 16 \(c(middle)))\">\(yLabel)</text>")
    if result.isScaling, let lo = xs.min(), let hi = xs.max(), hi > lo {
      out.append(
        "<path d=\"M\(c(x.position(lo))) \(c(y.position(lo))) L\(c(x.position(hi))) "
          + "\(c(y.position(hi)))\" stroke=\"#999999\" stroke-width=\"1\" "
          + "stroke-dasharray=\"6 4\" fill=\"none\"/>")
    }
    for s in series where !s.points.isEmpty {
      for p in s.points where p.high > p.low {
        out.append(
          line(
            x.position(p.x), y.position(p.low), x.position(p.x), y.position(p.high),
            stroke: s.colour, width: 3, opacity: 0.35))
      }
      let d = s.points.enumerated().map { i, p in
        (i == 0 ? "M" : "L") + c(x.position(p.x)) + " " + c(y.position(p.y))
      }.joined(separator: " ")
      out.append("<path d=\"\(d)\" fill=\"none\" stroke=\"\(s.colour)\" stroke-width=\"2\"/>")
      for p in s.points {
        out.append(
          "<circle cx=\"\(c(x.position(p.x)))\" cy=\"\(c(y.position(p.y)))\" r=\"3\" "
            + "fill=\"\(s.colour)\"/>")
      }
    }
    for entry in legend(series) {
      let ly = 40 + Double(entry.row) * 18
      out.append(line(entry.x, ly - 4, entry.x + 20, ly - 4, stroke: entry.colour, width: 2))
      out.append(text(entry.label, x: entry.x + 24, y: ly))
    }
    return out
  }

  /// Legend entries flowed left to right, wrapping onto new rows.
  private func legend(_ series: [Series]) -> [(label: String, colour: String, row: Int, x: Double)]
  {
    var out: [(label: String, colour: String, row: Int, x: Double)] = []
    var (row, x) = (0, 72.0)
    var entries = series.map { s -> (String, String) in
      let outcome = result.entries.first { $0.name == s.name }?.classification?.outcome
      return (outcome.map { "\(s.name): \($0)" } ?? s.name, s.colour)
    }
    if result.isScaling { entries.append(("ideal: speed-up = \(result.variable)", "#999999")) }
    for (label, colour) in entries {
      let w = 24 + Double(label.count) * 6.2 + 16
      if x + w > width - 12 && x > 72 { (row, x) = (row + 1, 72) }
      out.append((label, colour, row, x))
      x += w
    }
    return out
  }

  private func c(_ x: Double) -> String { Markup.coordinate(x) }

  private func line(
    _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1,
    opacity: Double = 1
  ) -> String {
    "<line x1=\"\(c(x1))\" y1=\"\(c(y1))\" x2=\"\(c(x2))\" y2=\"\(c(y2))\" "
      + "stroke=\"\(stroke)\" stroke-width=\"\(c(width))\""
      + (opacity < 1 ? " stroke-opacity=\"\(c(opacity))\"" : "") + "/>"
  }

  private func text(
    _ s: String, x: Double, y: Double, anchor: String = "start", size: Double = 12,
    weight: String = "normal"
  ) -> String {
    "<text x=\"\(c(x))\" y=\"\(c(y))\" text-anchor=\"\(anchor)\" font-size=\"\(c(size))\" "
      + "font-weight=\"\(weight)\" fill=\"#222222\">\(Markup.escape(s))</text>"
  }
}
