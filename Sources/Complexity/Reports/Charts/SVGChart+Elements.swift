import Foundation

/// The chart's SVG elements: the legend, points, lines and labels.
extension SVGChart {
  /// The legend, above the plot.
  func legend() -> [String] {
    var out: [String] = []
    for entry in legendLayout {
      let (px, top) = (entry.x, legendTop + Double(entry.row) * 18)
      switch entry.marker {
      case .point: out.append(point(px + 10, top - 4, outlier: false))
      case .outlier: out.append(point(px + 10, top - 4, outlier: true))
      case .spread:
        out.append(line(px + 10, top - 11, px + 10, top + 3, stroke: Style.spread, width: 3))
      case .curve(let role):
        let (stroke, dash) = curveStyle(role)
        out.append(
          "<path d=\"M\(c(px)) \(c(top - 4)) L\(c(px + 20)) \(c(top - 4))\" "
            + "stroke=\"\(stroke)\" stroke-width=\"2\"\(dash)/>")
      }
      out.append(text(entry.label, x: px + 24, y: top))
    }
    return out
  }

  func curveStyle(_ role: OperationChart.Curve.Role) -> (String, String) {
    switch role {
    case .fit, .fitAndDocumented: return (Style.fit, "")
    case .documented:
      let differs = chart.verdict == .differs
      return (differs ? Style.documentedDiffers : Style.documented, " stroke-dasharray=\"6 4\"")
    }
  }

  func c(_ x: Double) -> String { Markup.coordinate(x) }

  /// A measured minimum: a dot, or a ring for a size set aside.
  func point(_ x: Double, _ y: Double, outlier: Bool) -> String {
    let paint =
      outlier
      ? "r=\"3.5\" fill=\"#ffffff\" stroke=\"\(Style.point)\" stroke-width=\"1.5\""
      : "r=\"3\" fill=\"\(Style.point)\""
    return "<circle cx=\"\(c(x))\" cy=\"\(c(y))\" \(paint)/>"
  }

  func line(
    _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1
  ) -> String {
    "<line x1=\"\(c(x1))\" y1=\"\(c(y1))\" x2=\"\(c(x2))\" y2=\"\(c(y2))\" "
      + "stroke=\"\(stroke)\" stroke-width=\"\(c(width))\"/>"
  }

  func text(
    _ s: String, x: Double, y: Double, anchor: String = "start", size: Double = 12,
    weight: String = "normal", fill: String = "#222222"
  ) -> String {
    "<text x=\"\(c(x))\" y=\"\(c(y))\" text-anchor=\"\(anchor)\" font-size=\"\(c(size))\" "
      + "font-weight=\"\(weight)\" fill=\"\(fill)\">\(Markup.escape(s))</text>"
  }

  /// A size for a tick label: `500`, `2k`, `10k`, `1M`.
  static func sizeLabel(_ n: Double) -> String {
    let units: [(Double, String)] = [(1e9, "G"), (1e6, "M"), (1e3, "k")]
    for (scale, suffix) in units where n >= scale {
      return String(format: "%g", (n / scale * 1000).rounded() / 1000) + suffix
    }
    return String(format: "%g", n.rounded())
  }
}
