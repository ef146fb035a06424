import Complexity
import Foundation
import XCTest

final class RaceTests: XCTestCase {
  /// A fake subject that writes every timing request into a shared log.
  final class Log { var calls: [(subject: Int, size: Int)] = [] }

  struct Recording: Subject {
    var index: Int
    var log: Log
    var fake: FakeSubject
    var metric: Metric { .time }
    mutating func sample(size: Int, iterations: Int) throws -> Double {
      log.calls.append((index, size))
      return try fake.sample(size: size, iterations: iterations)
    }
  }

  private func recipe(_ names: [String], sizes: [Int]) -> RaceRecipe {
    RaceRecipe(
      name: "fake", implementations: names.map { .init(name: $0, statement: "pass") },
      sizes: .list(sizes))
  }

  func testRoundsInterleaveEverySubjectAtEverySize() throws {
    let log = Log()
    let sizes = [64, 128, 256, 512, 1024, 2048]
    var subjects = (0..<3).map {
      Recording(
        index: $0, log: log, fake: FakeSubject(.linear, perUnit: 1e-8 * Double($0 + 1), noise: 0))
    }
    let sweep = Sweep(timing: TimingOptions(repeats: 4))
    let points = try sweep.runInterleaved(&subjects, sizes: sizes)
    // Calibration first, then 4 rounds × 6 sizes × 3 subjects, one sample each.
    let timed = Array(log.calls.suffix(4 * 6 * 3))
    for round in 0..<4 {
      let calls = Array(timed[(round * 18)..<((round + 1) * 18)])
      // Within a round: each size's three subjects come back to back.
      for block in 0..<6 {
        let group = calls[(block * 3)..<(block * 3 + 3)]
        XCTAssertEqual(Set(group.map(\.size)).count, 1, "round \(round): one size at a time")
        XCTAssertEqual(Set(group.map(\.subject)), [0, 1, 2], "round \(round): every subject")
      }
      XCTAssertEqual(Set(calls.map(\.size)), Set(sizes))
    }
    // The orders are shuffled: not ascending sizes, not always subject 0 first.
    let sizeOrders = (0..<4).map { r in
      stride(from: 0, to: 18, by: 3).map { timed[r * 18 + $0].size }
    }
    XCTAssertTrue(sizeOrders.contains { $0 != sizes })
    XCTAssertGreaterThan(Set(stride(from: 0, to: 72, by: 3).map { timed[$0].subject }).count, 1)
    XCTAssertEqual(points.count, 3)
    for p in points.flatMap({ $0 }) { XCTAssertEqual(p.samples.count, 4) }
    XCTAssertEqual(points[0].map(\.n), sizes)
  }

  func testAFailingSubjectIsNamed() {
    struct Failing: Subject {
      var fails: Bool
      var metric: Metric { .time }
      mutating func sample(size: Int, iterations: Int) throws -> Double {
        if fails && size > 100 { throw ComplexityError(.subject, "boom") }
        return 0.002
      }
    }
    var subjects = [Failing(fails: false), Failing(fails: true)]
    XCTAssertThrowsError(try Sweep().runInterleaved(&subjects, sizes: [50, 200])) { error in
      let failure = error as? SweepFailure
      XCTAssertEqual(failure?.subject, 1)
      XCTAssertEqual(failure?.size, 200)
    }
  }

  func testRaceOnFakesClassifiesEachAndFindsTheFactor() throws {
    let log = Log()
    var subjects = [
      Recording(
        index: 0, log: log, fake: FakeSubject(.linear, intercept: 0, perUnit: 3e-8, noise: 0)),
      Recording(
        index: 1, log: log, fake: FakeSubject(.linear, intercept: 0, perUnit: 1e-8, noise: 0)),
    ]
    let race = Race(
      recipe: recipe(["slow", "fast"], sizes: [1000, 2000, 4000, 8000, 16000, 32000]),
      timing: TimingOptions(repeats: 3))
    let result = try race.run(&subjects)
    XCTAssertEqual(
      result.entries.map { $0.classification?.outcome },
      [.conclusive(.linear), .conclusive(.linear)])
    XCTAssertEqual(result.winner, "fast")
    XCTAssertEqual(
      result.summary, ["fast is 3.0x faster than slow (3.0-3.0 over n = 1k..32k), both O(n)"])
  }
}
