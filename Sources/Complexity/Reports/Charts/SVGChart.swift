import Foundation

/// Draws one operation's timings on log-log axes as SVG.
///
/// The plot shows the value fitted at each size as a dot (the fastest
/// sample, or the median of a Swift op's inputs where their layouts
/// differ: `OperationChart.Spread.fitted`), the spread of
/// all samples at that size as a vertical bar, the chosen fit as a solid
/// curve and the documented class as a dashed one, with a legend naming
/// each. On log-log axes a power law is a straight line whose slope is its
/// exponent, so O(n) and O(n^2) read as slopes 1 and 2, and O(1) as flat.
///
/// Everything is drawn with presentation attributes, not CSS, so the SVG
/// looks the same opened on its own and inlined into an HTML page.
package struct SVGChart {
  package var chart: OperationChart

  /// Pixel size of the whole drawing.
  package var width = 640.0
  package var height = 420.0

  package init(_ chart: OperationChart) { self.chart = chart }

  /// The chart of one result, looked up in `catalog` for its seed row.
  package init(_ result: OperationResult, catalog: Catalog = .standard) {
    self.init(OperationChart(result, operation: catalog[result.op]))
  }

  /// The SVG document.
  ///
  /// - Parameter standalone: `true` for a file of its own (XML declaration
  ///   and namespace); `false` for inlining into HTML, where the namespace
  ///   is implied and the page stays free of any URL.
  package func render(standalone: Bool = true) -> String {
    var out: [String] = []
    if standalone { out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>") }
    let namespace = standalone ? " xmlns=\"http://www.w3.org/2000/svg\"" : ""
    let w = Markup.coordinate(width), h = Markup.coordinate(height)
    out.append(
      "<svg\(namespace) width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" "
        + "font-family=\"sans-serif\" font-size=\"12\" role=\"img\" "
        + "aria-label=\"\(Markup.escape(chart.title))\">")
    out.append("<title>\(Markup.escape(chart.title))</title>")
    out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>")
    for (i, line) in titleLines.enumerated() {
      out.append(text(line, x: 12, y: 20 + Double(i) * 18, size: 14, weight: "bold"))
    }
    if let subtitle = chart.subtitle {
      out.append(text(subtitle, x: 12, y: subtitleY, fill: "#555555"))
    }
    if chart.spreads.isEmpty {
      out.append(text(chart.remark ?? "no timings", x: width / 2, y: height / 2, anchor: "middle"))
    } else {
      out += plot()
    }
    out.append("</svg>")
    return out.joined(separator: "\n") + "\n"
  }

  // MARK: - Implementation details

  enum Style {
    static let point = "#1f4e9c"
    static let spread = "#9db7e0"
    static let fit = "#e07b00"
    static let documented = "#555555"
    static let documentedDiffers = "#c62828"
    static let grid = "#e6e6e6"
    static let axis = "#333333"
  }

  /// The plot area: left, top, right, bottom (below the title and legend).
  private var frame: (left: Double, top: Double, right: Double, bottom: Double) {
    let legendBottom = legendTop + Double(legendLayout.map(\.row).max() ?? 0) * 18
    return (72, legendBottom + 16, width - 20, height - 48)
  }

  /// The title, wrapped at spaces to fit the width (about 8 px per
  /// character at 14 px bold): documented costs can be long.
  private var titleLines: [String] {
    let limit = max(20, Int((width - 24) / 8))
    var lines: [String] = []
    var current = ""
    for word in chart.title.split(separator: " ") {
      if !current.isEmpty && current.count + 1 + word.count > limit {
        lines.append(current)
        current = ""
      }
      current += (current.isEmpty ? "" : " ") + word
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  /// The baseline of the subtitle, under the title's last line.
  private var subtitleY: Double { 20 + Double(titleLines.count - 1) * 18 + 18 }

  /// The baseline of the legend's first row.
  var legendTop: Double { (chart.subtitle == nil ? subtitleY - 18 : subtitleY) + 22 }

  /// One legend entry: what it marks and where it goes.
  struct LegendEntry {
    enum Marker { case point, outlier, spread, curve(OperationChart.Curve.Role) }
    var marker: Marker
    var label: String
    var row: Int
    var x: Double
  }

  /// Legend entries flowed left to right, wrapping onto new rows.
  var legendLayout: [LegendEntry] {
    var entries: [(LegendEntry.Marker, String)] = [
      (.point, "value fitted"), (.spread, "spread of samples"),
    ]
    if chart.spreads.contains(where: \.isOutlier) {
      entries.insert((.outlier, "set aside by the outlier screen"), at: 1)
    }
    entries += chart.curves.map { (.curve($0.role), $0.label) }
    var out: [LegendEntry] = []
    var (row, x) = (0, 72.0)
    for (marker, label) in entries {
      // About 6.2 px per character at 12 px sans-serif.
      let entryWidth = 24 + Double(label.count) * 6.2 + 16
      if x + entryWidth > width - 12 && x > 72 { (row, x) = (row + 1, 72) }
      out.append(LegendEntry(marker: marker, label: label, row: row, x: x))
      x += entryWidth
    }
    return out
  }

  private var axes: (x: LogAxis, y: LogAxis) {
    let f = frame
    let sizes = chart.spreads.map { Double($0.n) }
    let x = LogAxis.range(of: sizes, padding: 0.04)
    let measured = chart.spreads.flatMap { [$0.minimum, $0.maximum] }
    // Curves widen the range, but at most tenfold past the data: a
    // documented O(n^2) drawn through O(1) timings must not flatten them.
    let lo = measured.min()!, hi = measured.max()!
    let curveValues = chart.curves.flatMap { $0.samples.map(\.seconds) }
      .map { min(max($0, lo / 10), hi * 10) }
    let y = LogAxis.range(of: measured + curveValues, padding: 0.06, minimumRatio: 10)
    return (
      LogAxis(lower: x.lower, upper: x.upper, from: f.left, to: f.right),
      LogAxis(lower: y.lower, upper: y.upper, from: f.bottom, to: f.top)
    )
  }

  private func plot() -> [String] {
    let f = frame
    let (x, y) = axes
    var out: [String] = []
    let clip = "clip-" + chart.op.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    out.append(
      "<defs><clipPath id=\"\(clip)\"><rect x=\"\(c(f.left))\" y=\"\(c(f.top))\" "
        + "width=\"\(c(f.right - f.left))\" height=\"\(c(f.bottom - f.top))\"/></clipPath></defs>")

    // Grid and ticks.
    for tick in x.ticks {
      let px = x.position(tick.value)
      out.append(line(px, f.top, px, f.bottom, stroke: tick.isMajor ? Style.grid : "#f3f3f3"))
      out.append(line(px, f.bottom, px, f.bottom + (tick.isMajor ? 5 : 3), stroke: Style.axis))
      if tick.isMajor {
        out.append(text(Self.sizeLabel(tick.value), x: px, y: f.bottom + 18, anchor: "middle"))
      }
    }
    for tick in y.ticks {
      let py = y.position(tick.value)
      out.append(line(f.left, py, f.right, py, stroke: tick.isMajor ? Style.grid : "#f3f3f3"))
      out.append(line(f.left - (tick.isMajor ? 5 : 3), py, f.left, py, stroke: Style.axis))
      if tick.isMajor {
        out.append(
          text(
            Instructions.describe(tick.value, as: chart.metric), x: f.left - 8, y: py + 4,
            anchor: "end"))
      }
    }
    out.append(
      "<rect x=\"\(c(f.left))\" y=\"\(c(f.top))\" width=\"\(c(f.right - f.left))\" "
        + "height=\"\(c(f.bottom - f.top))\" fill=\"none\" stroke=\"\(Style.axis)\"/>")
    out.append(
      text(
        "\(chart.sizeLabel) (log scale)", x: (f.left + f.right) / 2, y: height - 10,
        anchor: "middle"))
    let middle = (f.top + f.bottom) / 2
    out.append(
      "<text x=\"16\" y=\"\(c(middle))\" text-anchor=\"middle\" "
        + "transform=\"rotate(-90 16 \(c(middle)))\">\(chart.metric.quantity) per operation "
        + "(log scale)</text>")

    // Data and curves, clipped to the plot area.
    out.append("<g clip-path=\"url(#\(clip))\">")
    for s in chart.spreads where s.maximum > s.minimum {
      let px = x.position(Double(s.n))
      out.append(
        line(px, y.position(s.minimum), px, y.position(s.maximum), stroke: Style.spread, width: 3))
    }
    for curve in chart.curves {
      let d = curve.samples.enumerated().map { i, p in
        (i == 0 ? "M" : "L") + c(x.position(p.n)) + " " + c(y.position(p.seconds))
      }.joined(separator: " ")
      let (stroke, dash) = curveStyle(curve.role)
      out.append(
        "<path d=\"\(d)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"2\"\(dash)/>")
    }
    for s in chart.spreads {
      out.append(point(x.position(Double(s.n)), y.position(s.fitted), outlier: s.isOutlier))
    }
    out.append("</g>")
    out += legend()
    if let remark = chart.remark {
      out.append(text(remark, x: f.left + 8, y: f.bottom - 8, fill: Style.documentedDiffers))
    }
    return out
  }
}
