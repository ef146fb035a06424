import Complexity
import ComplexityTestSupport
import Foundation
import XCTest

final class ComparisonTests: XCTestCase {
  private func recorded(_ name: String) throws -> RunResults {
    try RunResults.read(path: fixture("results/\(name)"))
  }

  private func comparison() throws -> Comparison {
    Comparison(try recorded("a.json"), try recorded("b.json"), labels: ("a.json", "b.json"))
  }

  private func row(_ op: String, _ c: Comparison) throws -> Comparison.Row {
    try XCTUnwrap(c.rows.first { $0.op == op })
  }

  func testTwoRecordedRuns() throws {
    let c = try comparison()
    XCTAssertEqual(
      c.rows.map(\.op),
      ["fake.constant", "fake.log", "fake.linear", "fake.mislabelled", "fake.quadratic"])
    XCTAssertEqual(
      c.rows.map(\.change), [.same, .same, .changed, .same, .onlyInB])
    XCTAssertEqual(c.changed.map(\.op), ["fake.linear"])
    XCTAssertEqual(c.exitStatus, 1)
    XCTAssertEqual(c.a.label, "a.json")
    XCTAssertEqual(c.b.started, "2026-01-06T09:00:00Z")

    let linear = try row("fake.linear", c)
    XCTAssertEqual(linear.a?.best, .linear)
    XCTAssertEqual(linear.b?.best, .quadratic)
    XCTAssertEqual(linear.size, 4096)
    // Each sample times n/1000: about 4x at n = 4096.
    XCTAssertEqual(try XCTUnwrap(linear.ratio), 4.096, accuracy: 0.25)

    // B's fake.log is A's, every sample 1.5 times slower.
    let log = try row("fake.log", c)
    XCTAssertEqual(try XCTUnwrap(log.ratio), 1.5, accuracy: 1e-3)
    XCTAssertEqual(
      try XCTUnwrap(log.b?.coefficient) / XCTUnwrap(log.a?.coefficient), 1.5, accuracy: 1e-3)

    let quadratic = try row("fake.quadratic", c)
    XCTAssertNil(quadratic.a)
    XCTAssertNil(quadratic.ratio)
    XCTAssertEqual(quadratic.b?.measured, "O(n^2)")
  }

  func testARunAgainstItselfChangesNothing() throws {
    let a = try recorded("a.json")
    let c = Comparison(a, a)
    XCTAssertEqual(Set(c.rows.map(\.change)), [.same])
    XCTAssertEqual(c.exitStatus, 0)
    for r in c.rows { XCTAssertEqual(try XCTUnwrap(r.ratio), 1, accuracy: 1e-12) }
  }

  func testSecondsAndInstructionsDoNotMakeARatio() throws {
    let a = try recorded("a.json")
    var b = try recorded("b.json")
    for i in b.results.indices { b.results[i].metric = .instructions }
    let c = Comparison(a, b, labels: ("a.json", "b.json"))
    let linear = try row("fake.linear", c)
    XCTAssertNil(linear.ratio)
    XCTAssertEqual(linear.a?.metric, .time)
    XCTAssertEqual(linear.b?.metric, .instructions)
    let table = try ComparisonReport(c).render(.table)
    XCTAssertTrue(table.contains("A by time, B by instructions: their costs do not compare"), table)
    XCTAssertTrue(table.contains(" Ir "), table)
  }

  func testInconclusiveSharingAClassIsUnsettledNotChanged() throws {
    let a = try recorded("a.json")
    var b = a
    let i = try XCTUnwrap(b.results.firstIndex { $0.op == "fake.linear" })
    b.results[i].classification?.outcome = .inconclusive(.linear, .linearithmic)
    let j = try XCTUnwrap(b.results.firstIndex { $0.op == "fake.log" })
    b.results[j].classification?.outcome = .inconclusive(.linear, .linearithmic)
    let k = try XCTUnwrap(b.results.firstIndex { $0.op == "fake.constant" })
    b.results[k].classification = nil
    b.results[k].failure = "at n = 64: the interpreter exited"
    let c = Comparison(a, b)
    XCTAssertEqual(try row("fake.linear", c).change, .unsettled)
    XCTAssertEqual(try row("fake.log", c).change, .changed)
    XCTAssertEqual(try row("fake.constant", c).change, .failed)
    XCTAssertEqual(try row("fake.constant", c).b?.measured, "failed")
    XCTAssertEqual(c.exitStatus, 1)
  }

  func testABaselineIsComparedOnTheOpsRun() throws {
    var run = try recorded("a.json")
    run.results = run.results.filter { $0.op == "fake.linear" }
    let c = Comparison(baseline: try recorded("b.json"), run: run)
    XCTAssertEqual(c.rows.map(\.op), ["fake.linear"])
    XCTAssertEqual(c.exitStatus, 1)
    let summary = ComparisonReport(c).baselineSummary()
    XCTAssertTrue(summary.contains("fake.linear was O(n^2), now O(n)"), summary)
    XCTAssertTrue(summary.contains("1 of 1 ops changed class"), summary)
  }

  // MARK: - Rendering

  func testTable() throws {
    let table = try ComparisonReport(try comparison()).render(.table)
    XCTAssertTrue(table.hasPrefix("A: a.json (AMD EPYC, 2 cores; started 2026-01-05T09:00:00Z)"))
    XCTAssertTrue(table.contains("op                documented  A         B         change"))
    XCTAssertTrue(table.contains("changed <--"))
    XCTAssertTrue(
      table.contains("Changed classes:\n\n- fake.linear: O(n) in A, O(n^2) in B (at n = 4096:"))
    XCTAssertTrue(
      table.hasSuffix(
        "5 ops: 3 same, 1 changed, 0 unsettled, 0 failed, 0 only in A, 1 only in B\n"), table)
  }

  func testMarkdownCSVAndJSON() throws {
    let report = ComparisonReport(try comparison())
    let md = try report.render(.markdown)
    XCTAssertTrue(
      md.contains("| `fake.linear` | O(n) | O(n) | O(n^2) | **changed** ⚠ | 4096 |"), md)
    XCTAssertTrue(md.contains("**Changed classes**"))

    let csv = try report.render(.csv).split(separator: "\n").map(String.init)
    XCTAssertEqual(csv[0], ComparisonReport.csvHeader.joined(separator: ","))
    XCTAssertEqual(
      csv[0],
      "op,documented,a_measured,b_measured,change,n,a_cost,b_cost,ratio,a_coefficient,b_coefficient,a_metric,b_metric,a_unit,b_unit"
    )
    XCTAssertTrue(csv[2].hasPrefix("fake.log,O(log n),O(log n),O(log n),same,4096,"), csv[2])
    XCTAssertTrue(csv[2].contains(",1.5000,"), csv[2])
    XCTAssertTrue(csv[5].hasPrefix("fake.quadratic,O(n^2),,O(n^2),only in B,4096,,"), csv[5])

    let json = try report.render(.json)
    let decoded = try JSONDecoder().decode(Comparison.self, from: Data(json.utf8))
    XCTAssertEqual(decoded.rows.map(\.change), try comparison().rows.map(\.change))
    XCTAssertTrue(json.contains("\"change\" : \"only in B\""))
  }
}
