import Complexity
import Foundation
import XCTest

final class ReportTests: XCTestCase {
  private func results() -> RunResults {
    let runner = Runner(options: Runner.Options())
    let ops = try! Catalog.standard.select(["fake.linear", "fake.mislabelled"])
    var r = RunResults(
      python: PythonInterpreter(
        version: "3.11.7", implementation: "CPython", path: "/usr/bin/python3"),
      plan: SizePlan(), timing: TimingOptions())
    r.results = runner.run(ops)
    return r
  }

  func testCSVHeaderAndRows() throws {
    let csv = try ResultsReport(results()).render(.csv).split(separator: "\n")
    XCTAssertEqual(
      csv[0],
      "op,documented,measured,verdict,confidence,slope,n_min,n_max,seconds,best,runner_up,metric,failure,stop_reason,"
        + "other_metric,other_measured,other_verdict,space,allocated")
    XCTAssertTrue(csv[1].hasPrefix("fake.linear,O(n),O(n),agree,"))
    XCTAssertTrue(csv[2].hasPrefix("fake.mislabelled,O(1),O(n),differs,"))
  }

  func testTheSpaceColumnShowsTheMemoryMeasuredBeside() throws {
    var run = try results()
    let points = (5...10).map { Point(n: 1 << $0, iterations: 1, samples: [Double(8 << $0)]) }
    let space = OperationResult(
      op: "fake.linear", documented: nil, classification: try Classifier().classify(points),
      points: points, seconds: 0.1, metric: .memory)
    // The total allocated: twice as much, in the same class.
    let doubled = points.map { Point(n: $0.n, iterations: 1, samples: $0.samples.map { 2 * $0 }) }
    let allocated = OperationResult(
      op: "fake.linear", documented: nil, classification: try Classifier().classify(doubled),
      points: doubled, seconds: 0.1, metric: .allocated)
    run.results[0].space = [space, allocated]
    let report = ResultsReport(run)
    let table = try report.render(.table)
    XCTAssertTrue(table.contains("space"), table)
    XCTAssertTrue(table.contains("allocated"), table)
    XCTAssertTrue(table.contains("O(n) 8.19 KB"), table)
    XCTAssertTrue(table.contains("O(n) 16.4 KB"), table)
    XCTAssertTrue(try report.render(.markdown).contains("O(n) 8.19 KB"))
    let csv = try report.render(.csv).split(separator: "\n")
    XCTAssertTrue(csv[1].hasSuffix(",O(n),O(n)"), String(csv[1]))
    XCTAssertTrue(csv[2].hasSuffix(",,"), String(csv[2]))
    let decoded = try JSONDecoder().decode(
      RunResults.self, from: Data(try report.render(.json).utf8))
    XCTAssertEqual(decoded.results[0].spaceResult?.metric, .memory)
    XCTAssertEqual(decoded.results[0].allocatedResult?.metric, .allocated)
  }

  func testJSONRoundTripsAndHasTheDocumentedKeys() throws {
    let text = try ResultsReport(results()).render(.json)
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    XCTAssertNotNil(object["python"])
    XCTAssertNotNil(object["machine"])
    XCTAssertNotNil(object["started"])
    let first = (object["results"] as! [[String: Any]])[0]
    for key in ["op", "documented", "measured", "verdict", "confidence", "points"] {
      XCTAssertNotNil(first[key], key)
    }
    let decoded = try JSONDecoder().decode(RunResults.self, from: Data(text.utf8))
    XCTAssertEqual(decoded.results.count, 2)
  }

  func testOtherVersionsAreRejected() throws {
    var text = try ResultsReport(results()).render(.json)
    text = text.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 7")
    XCTAssertThrowsError(try JSONDecoder().decode(RunResults.self, from: Data(text.utf8))) {
      XCTAssertTrue("\($0)".contains("unsupported results version 7"), "\($0)")
    }
  }

  func testMarkdownFlagsAndExplainsDifferingRows() throws {
    let md = try ResultsReport(results()).render(.markdown)
    XCTAssertTrue(md.contains("| `fake.mislabelled` |"))
    XCTAssertTrue(md.contains("**differs** ⚠"))
    XCTAssertTrue(md.contains("**Flagged rows**"))
    XCTAssertTrue(md.contains("- `fake.mislabelled`: documented O(1), measured O(n)"))
    XCTAssertTrue(md.contains("the fake model is linear"))
  }

  func testTableSummary() throws {
    let table = try ResultsReport(results()).render(.table)
    XCTAssertTrue(table.contains("2 ops: 1 agree, 1 differ, 0 inconclusive, 0 failed"))
    XCTAssertEqual(results().exitStatus, 1)
  }

  func testCatalogListing() throws {
    let ops = try Catalog.standard.select(["list.pop0"])
    let json = try CatalogReport(ops).render(.json)
    XCTAssertTrue(json.contains("\"documented\" : \"O(n)\""))
    XCTAssertTrue(try CatalogReport(ops).render(.table).contains("Lists: Pop first (l.pop(0))"))
  }
}
