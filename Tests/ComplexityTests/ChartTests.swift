import ComplexityTestSupport
import Foundation
import XCTest

@testable import Complexity

#if canImport(FoundationXML)
  import FoundationXML
#endif

final class ChartTests: XCTestCase {
  private func recorded(_ name: String) throws -> RunResults {
    try RunResults.read(path: fixture("results/\(name)"))
  }

  private func result(_ op: String, in name: String = "a.json") throws -> OperationResult {
    try XCTUnwrap(try recorded(name).results.first { $0.op == op })
  }

  /// Parses `text` as XML: whether it is well-formed, and its element
  /// names in document order.
  ///
  /// `parse()` alone is not enough on Linux: it returns true for some
  /// broken documents (`<svg><g></svg>`) and reports the error only through
  /// `parserError` and the delegate, so all three are checked.
  private func parse(_ text: String) -> (wellFormed: Bool, names: [String]) {
    final class Collector: NSObject, XMLParserDelegate {
      var names: [String] = []
      var errors: [Error] = []
      func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
      ) { names.append(name) }
      func parser(_ parser: XMLParser, parseErrorOccurred error: Error) { errors.append(error) }
    }
    let parser = XMLParser(data: Data(text.utf8))
    let collector = Collector()
    parser.delegate = collector
    let parsed = parser.parse()
    return (parsed && parser.parserError == nil && collector.errors.isEmpty, collector.names)
  }

  /// The element names of `text`, failing the test unless it is well-formed XML.
  private func elements(
    _ text: String, file: StaticString = #filePath, line: UInt = #line
  ) -> [String] {
    let (wellFormed, names) = parse(text)
    XCTAssertTrue(wellFormed, "not well-formed XML", file: file, line: line)
    return names
  }

  // MARK: - SVG

  func testEverySVGIsWellFormedXMLWithAPointPerSize() throws {
    // The check itself catches broken markup.
    for broken in [
      "<svg><g></svg>", "<svg>a < b</svg>", "<svg>a & b</svg>", "<svg><text x=1>a</text></svg>",
      "<svg>&nbsp;</svg>", "<svg/><svg/>",
    ] {
      XCTAssertFalse(parse(broken).wellFormed, broken)
    }
    for name in ["a.json", "b.json"] {
      for r in try recorded(name).results {
        let svg = SVGChart(r).render()
        XCTAssertTrue(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns="))
        let names = elements(svg)
        XCTAssertEqual(names.first, "svg", r.op)
        // One dot per size, plus one in the legend (two with a ring).
        let legendDots = OperationChart(r).spreads.contains(where: \.isOutlier) ? 2 : 1
        XCTAssertEqual(names.filter { $0 == "circle" }.count, r.points.count + legendDots, r.op)
        XCTAssertTrue(svg.contains("seconds per operation (log scale)"))
      }
    }
  }

  func testFlaggedChartDrawsTheFitAndTheDocumentedClass() throws {
    let r = try result("fake.mislabelled")
    let chart = OperationChart(r)
    XCTAssertEqual(chart.curves.map(\.role), [.fit, .documented])
    XCTAssertEqual(chart.curves.map(\.label), ["fit O(n)", "documented O(1)"])
    XCTAssertEqual(chart.verdict, .differs)
    XCTAssertEqual(chart.spreads.count, r.points.count)
    XCTAssertTrue(chart.spreads.allSatisfy { $0.minimum <= $0.maximum })
    // The fit follows the minima: within 10% at the ends.
    let fit = chart.curves[0].samples
    XCTAssertEqual(fit.first!.seconds / chart.spreads.first!.minimum, 1, accuracy: 0.1)
    XCTAssertEqual(fit.last!.seconds / chart.spreads.last!.minimum, 1, accuracy: 0.1)
    let svg = SVGChart(chart).render()
    XCTAssertTrue(svg.contains(">fit O(n)</text>"))
    XCTAssertTrue(svg.contains(">documented O(1)</text>"))
    XCTAssertTrue(svg.contains("stroke-dasharray"))
    XCTAssertTrue(svg.contains("(differs)"))
  }

  func testAChartDrawsTheValuesTheClassifierFitted() throws {
    // Two inputs per size, one 10% dearer: the classifier fits their
    // median, and the chart's dots and outlier screen use it, while the
    // bars still span every sample.
    let sizes = (5...15).map { 1 << $0 }
    let a = sizes.map { Point(n: $0, samples: [Double(1000 + $0)]) }
    let b = sizes.map { Point(n: $0, samples: [1.1 * Double(1000 + $0)]) }
    let classification = try Classifier().classify(a + b, inputs: [a, b])
    let r = OperationResult(
      op: "layered", documented: .linear, classification: classification,
      points: (a + b).mergedBySize(), seconds: 1)
    let chart = OperationChart(r)
    for (spread, n) in zip(chart.spreads, sizes) {
      XCTAssertEqual(spread.fitted, 1.05 * Double(1000 + n), accuracy: 1e-9 * Double(n))
    }
    XCTAssertEqual(chart.spreads.map(\.minimum), a.map(\.best))
    XCTAssertEqual(chart.spreads.map(\.maximum), b.map(\.best))
    XCTAssertEqual(r.fittedPoints, classification.fitted)
  }

  func testAgreeingChartDrawsOneCurve() throws {
    let chart = OperationChart(try result("fake.linear"))
    XCTAssertEqual(chart.curves.map(\.role), [.fitAndDocumented])
    XCTAssertEqual(chart.curves.first?.label, "fit O(n) = documented")
  }

  func testDocumentedShapeWhenItsFitIsFlat() throws {
    // Constant timings documented O(n): the O(n) fit is flat, so the chart
    // draws the O(n) shape itself through the smallest size.
    var r = try result("fake.constant")
    r = OperationResult(
      op: r.op, documented: .linear, classification: r.classification, points: r.points,
      seconds: r.seconds)
    let chart = OperationChart(r)
    let documented = try XCTUnwrap(chart.curves.first { $0.role == .documented })
    XCTAssertEqual(documented.label, "documented O(n), shape through the smallest size")
    XCTAssertEqual(documented.samples.first!.seconds, chart.spreads.first!.minimum, accuracy: 1e-15)
    let first = documented.samples.first!, last = documented.samples.last!
    XCTAssertEqual(last.seconds / first.seconds, last.n / first.n, accuracy: 1e-6)
    _ = elements(SVGChart(chart).render())
  }

  func testFailedAndEmptyResultsStillDraw() throws {
    let empty = OperationResult(
      op: "list.pop0", documented: .linear, classification: nil, points: [], seconds: 0,
      failure: "the interpreter exited")
    let svg = SVGChart(empty).render()
    _ = elements(svg)
    XCTAssertTrue(svg.contains("failed before any size was timed: the interpreter exited"))

    let partial = OperationResult(
      op: "list.pop0", documented: .linear, classification: nil,
      points: [32, 64, 128].map { Point(n: $0, samples: [Double($0) * 1e-9]) }, seconds: 0,
      failure: "at n = 256: timeout")
    let chart = OperationChart(partial, operation: Catalog.standard["list.pop0"])
    XCTAssertEqual(chart.spreads.count, 3)
    XCTAssertEqual(chart.curves.map(\.role), [.documented])
    XCTAssertEqual(chart.remark, "failed: at n = 256: timeout")
    XCTAssertEqual(chart.subtitle, "Lists: Pop first (l.pop(0))")
    _ = elements(SVGChart(chart).render())
  }

  func testMarkupInIdsAndNotesIsEscaped() throws {
    var r = try result("fake.mislabelled")
    r.op = "odd<&>\"op'"
    let svg = SVGChart(r).render()
    XCTAssertTrue(svg.contains("odd&lt;&amp;&gt;&quot;op&#39;"))
    _ = elements(svg)
  }

  func testLongTitlesWrap() throws {
    let r = try result("fake.mislabelled")
    var chart = OperationChart(r)
    chart.title = Array(repeating: "a long documented cost", count: 8).joined(separator: " ")
    let svg = SVGChart(chart).render()
    let titleLines = svg.components(separatedBy: "font-weight=\"bold\"").count - 1
    XCTAssertGreaterThanOrEqual(titleLines, 3)
    _ = elements(svg)
  }

  // MARK: - HTML

  func testHTMLPageIsSelfContained() throws {
    let results = try recorded("b.json")
    let html = HTMLReport(results).render()
    XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
    let names = elements(html)
    XCTAssertEqual(names.filter { $0 == "svg" }.count, results.results.count)
    XCTAssertEqual(names.filter { $0 == "table" }.count, 1)
    XCTAssertEqual(names.filter { $0 == "tr" }.count, results.results.count + 1)
    for banned in ["http://", "https://", "<script", "<link", "src=", "@import", "@font-face"] {
      XCTAssertFalse(html.contains(banned), banned)
    }
    // The only url() is the plots' own clip paths.
    XCTAssertEqual(
      html.components(separatedBy: "url(").count - 1,
      html.components(separatedBy: "url(#").count - 1)
  }

  func testHTMLHighlightsAndExplainsFlaggedRows() throws {
    let html = HTMLReport(try recorded("a.json")).render()
    XCTAssertTrue(html.contains("<tr class=\"differs\"><td><a href=\"#plot-fake-mislabelled\">"))
    XCTAssertTrue(html.contains("<tr class=\"agree\"><td><a href=\"#plot-fake-linear\">"))
    XCTAssertTrue(html.contains("<h2>Flagged rows</h2>"))
    // Worded as the markdown report words it.
    XCTAssertTrue(
      html.contains(
        "<code>fake.mislabelled</code></a>: documented O(1), measured O(n) (confidence 1.00"))
    XCTAssertTrue(html.contains("the fake model is linear"))
    XCTAssertTrue(html.contains("<section class=\"plot\" id=\"plot-fake-mislabelled\">"))
    XCTAssertTrue(html.contains("4 ops: 3 agree, 1 differ, 0 inconclusive, 0 failed"))
  }

  func testPlotFolderWritesAnSVGPerOpAndTheIndex() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("plots-\(UUID())").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let written = try PlotFolder.write(try recorded("a.json"), to: folder + "/nested")
    XCTAssertEqual(
      written.map { URL(fileURLWithPath: $0).lastPathComponent },
      [
        "fake.constant.svg", "fake.log.svg", "fake.linear.svg", "fake.mislabelled.svg",
        "index.html",
      ])
    for path in written { XCTAssertTrue(FileManager.default.fileExists(atPath: path)) }
  }

  // MARK: - Axes and labels

  func testSizeAxisTicksAreDecades() {
    let ticks = LogAxis(lower: 30, upper: 35_000, from: 0, to: 100).ticks
    XCTAssertEqual(ticks.filter(\.isMajor).map(\.value), [100, 1000, 10_000])
    XCTAssertTrue(ticks.contains(LogAxis.Tick(value: 50, isMajor: false)))
    XCTAssertFalse(ticks.contains { $0.value < 30 || $0.value > 35_000 })
  }

  func testNarrowAxesLabelTwosAndFives() {
    let ticks = LogAxis(lower: 6e-8, upper: 3e-7, from: 100, to: 0).ticks
    XCTAssertEqual(ticks.filter(\.isMajor).map { ($0.value * 1e9).rounded() }, [100, 200])
  }

  func testAxisPositionsAndRanges() {
    let axis = LogAxis(lower: 10, upper: 1000, from: 100, to: 0)
    XCTAssertEqual(axis.position(10), 100, accuracy: 1e-9)
    XCTAssertEqual(axis.position(100), 50, accuracy: 1e-9)
    XCTAssertEqual(axis.position(1000), 0, accuracy: 1e-9)
    // A flat series still spans a decade, centred on it.
    let flat = LogAxis.range(of: [1e-7, 1.01e-7], padding: 0, minimumRatio: 10)
    XCTAssertEqual(flat.upper / flat.lower, 10, accuracy: 1e-9)
    XCTAssertTrue(flat.lower < 1e-7 && flat.upper > 1.01e-7)
  }

  func testSecondsAndSizesReadWell() {
    XCTAssertEqual(Seconds.describe(1e-7), "100 ns")
    XCTAssertEqual(Seconds.describe(1.5e-6), "1.5 µs")
    XCTAssertEqual(Seconds.describe(9.9996e-7), "1 µs")
    XCTAssertEqual(Seconds.describe(0.002), "2 ms")
    XCTAssertEqual(Seconds.describe(3), "3 s")
    XCTAssertEqual(SVGChart.sizeLabel(500), "500")
    XCTAssertEqual(SVGChart.sizeLabel(1000), "1k")
    XCTAssertEqual(SVGChart.sizeLabel(20_000), "20k")
    XCTAssertEqual(SVGChart.sizeLabel(1e6), "1M")
  }

  func testTickLabels() throws {
    let svg = SVGChart(try result("fake.linear")).render()
    for label in [">100<", ">1k<", ">1 µs<", ">10 µs<"] {
      XCTAssertTrue(svg.contains(label), label)
    }
  }
}
