import Foundation
import XCTest

@testable import Complexity

#if canImport(FoundationXML)
  import FoundationXML
#endif

final class RaceResultTests: XCTestCase {
  /// Fixed timings: `b` is exactly twice `a` at the minimum, and its
  /// round-paired ratios spread from 1.5 to 2.5.
  private func twoWay() -> RaceResult {
    let sizes = [1000, 10_000, 100_000]
    let a = sizes.map { n in Point(n: n, samples: [1e-9 * Double(n), 1.2e-9 * Double(n)]) }
    let b = sizes.map { n in Point(n: n, samples: [3e-9 * Double(n), 1.8e-9 * Double(n)]) }
    return RaceResult(
      name: "fixed", entries: [.init(name: "b", points: b), .init(name: "a", points: a)])
  }

  func testStandingsAreRatiosToTheFastestWithTheirSpreadOverRounds() {
    let result = twoWay()
    XCTAssertEqual(result.sizes, [1000, 10_000, 100_000])
    let at1k = result.standings.filter { $0.n == 1000 }
    let b = at1k.first { $0.name == "b" }!, a = at1k.first { $0.name == "a" }!
    XCTAssertEqual(a.ratio, 1, accuracy: 1e-12)
    XCTAssertEqual(b.ratio, 1.8, accuracy: 1e-12)  // 1.8 / 1.0 (minima)
    XCTAssertEqual(b.low, 1.5, accuracy: 1e-12)  // round 2: 1.8 / 1.2
    XCTAssertEqual(b.high, 3.0, accuracy: 1e-12)  // round 1: 3.0 / 1.0
  }

  func testSummaryNamesTheWinnerTheFactorAndTheClasses() {
    var result = twoWay()
    XCTAssertEqual(result.winner, "a")
    XCTAssertEqual(
      result.summary, ["a is 1.8x faster than b (1.8-1.8 over n = 1k..100k), both unclassified"])
    // Classes join the line; a near tie reads as one.
    result.entries[1].points = result.entries[1].points.map { p in
      Point(n: p.n, samples: p.samples.map { $0 * 1.75 })
    }
    XCTAssertTrue(result.summary[0].hasPrefix("a and b are about as fast"), result.summary[0])
  }

  func testACountedRaceSpeaksOfInstructionsAndOldFilesReadAsTime() throws {
    var result = twoWay()
    result.metric = .instructions
    XCTAssertEqual(
      result.summary,
      ["a executes 1.8x fewer instructions than b (1.8-1.8 over n = 1k..100k), both unclassified"])
    let csv = try RaceReport(result).render(.csv)
    XCTAssertTrue(csv.hasPrefix("race,variable,n,implementation,instructions,"), csv)
    // A file written before the metric was recorded reads as timed.
    var json =
      try JSONSerialization.jsonObject(with: JSONEncoder().encode(result)) as! [String: Any]
    XCTAssertEqual(json["metric"] as? String, "instructions")
    json["metric"] = nil
    let old = try JSONDecoder().decode(
      RaceResult.self, from: JSONSerialization.data(withJSONObject: json))
    XCTAssertEqual(old.metric, .time)
  }

  func testFactorsReadAsOneDecimalOrWhole() {
    XCTAssertEqual(RaceResult.factor(1.74), "1.7")
    XCTAssertEqual(RaceResult.factor(9.94), "9.9")
    XCTAssertEqual(RaceResult.factor(412.4), "412")
  }

  func testScalingReportsSpeedUpAndEfficiency() {
    let result = RaceResult(
      name: "w", variable: "workers",
      entries: [
        .init(name: "procs", points: [Point(n: 1, samples: [1.0]), Point(n: 2, samples: [0.625])]),
        .init(name: "threads", points: [Point(n: 1, samples: [1.0]), Point(n: 2, samples: [1.0])]),
      ])
    let procs = result.scaling.first { $0.name == "procs" && $0.workers == 2 }!
    XCTAssertEqual(procs.speedup, 1.6, accuracy: 1e-12)
    XCTAssertEqual(procs.efficiency, 0.8, accuracy: 1e-12)
    XCTAssertTrue(
      result.summary.contains(
        "procs: 1.60x speed-up at workers = 2 over workers = 1 (parallel efficiency 0.80)"),
      "\(result.summary)")
  }

  func testEveryFormatRendersAndJSONRoundTrips() throws {
    let result = twoWay()
    let report = RaceReport(result)
    let table = try report.render(.table)
    XCTAssertTrue(table.contains("ratio over rounds"))
    XCTAssertTrue(table.contains("1.5-3.0"))
    let csv = try report.render(.csv)
    XCTAssertTrue(
      csv.hasPrefix("race,variable,n,implementation,seconds,ratio,ratio_low,ratio_high,class\n"))
    XCTAssertEqual(csv.split(separator: "\n").count, 1 + 6)
    XCTAssertTrue(try report.render(.markdown).contains("| n | implementation |"))
    let json = try report.render(.json)
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
    XCTAssertEqual((object["summary"] as? [String])?.count, 1)
    let race = try JSONSerialization.data(withJSONObject: object["race"]!)
    XCTAssertEqual(try JSONDecoder().decode(RaceResult.self, from: race), result)
  }

  func testChartDrawsACurvePerImplementation() throws {
    let svg = RaceChart(twoWay()).render()
    XCTAssertEqual(svg.components(separatedBy: "<path d=\"M").count - 1, 2)
    XCTAssertTrue(svg.contains(">a</text>") && svg.contains(">b</text>"))
    let page = try RaceChart(twoWay()).html()
    XCTAssertTrue(XMLParser(data: Data(page.dropFirst("<!DOCTYPE html>\n".count).utf8)).parse())
  }
}
