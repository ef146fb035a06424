import XCTest

@testable import Complexity

/// How a counted sweep visits sizes: few first (`CountingSweep.passes`),
/// the rest only when that leaves the class open, never past the grid.
final class CountingSweepTests: XCTestCase {
  /// Records the sizes a subject is asked for.
  private struct Recording: Subject {
    var inner: FakeSubject
    var asked: [Int] = []
    /// The sizes announced by `prepare`, and how many samples came before each call.
    var prepared: [(sizes: [Int], after: Int)] = []
    var metric: Metric { .instructions }
    mutating func prepare(sizes: [Int]) throws { prepared.append((sizes, asked.count)) }
    mutating func sample(size: Int, iterations: Int) throws -> Double {
      asked.append(size)
      return try inner.sample(size: size, iterations: iterations)
    }
  }

  private let grid = SizePlan(minimum: 32, maximum: 32768, pointsPerOctave: 2).sizes

  func testAClearClassNeedsOnlyTheFirstPass() throws {
    // Counts: deterministic, so no noise; a cost in "instructions".
    var subject = Recording(inner: FakeSubject(.linear, intercept: 500, perUnit: 3, noise: 0))
    let outcome = try CountingSweep().run(&subject, grid: grid)
    let (points, classification) = (outcome.points, outcome.classification)
    XCTAssertEqual(classification.outcome.settled, .linear)
    XCTAssertEqual(points.map(\.n), CountingSweep.passes(over: grid)[0])
    XCTAssertTrue(Set(subject.asked).isSubset(of: Set(grid)))
    XCTAssertTrue(classification.notes.contains("repeated counts are identical at every size"))
  }

  func testEachPassAnnouncesItsSizesBeforeSamplingThem() throws {
    // The first pass is announced before its first sample; a later pass
    // would announce only sizes that no sample has visited yet.
    var subject = Recording(inner: FakeSubject(.linear, intercept: 500, perUnit: 3, noise: 0))
    _ = try CountingSweep().run(&subject, grid: grid)
    let first = CountingSweep.passes(over: grid)[0]
    XCTAssertEqual(subject.prepared.first?.sizes, first)
    XCTAssertEqual(subject.prepared.first?.after, 0)
    for (sizes, after) in subject.prepared {
      XCTAssertTrue(Set(sizes).isDisjoint(with: Set(subject.asked.prefix(after))))
    }
  }

  func testRepeatsThatDifferAreNamed() throws {
    var subject = Recording(inner: FakeSubject(.constant, intercept: 1000, perUnit: 0, noise: 0.05))
    let classification = try CountingSweep().run(&subject, grid: grid).classification
    XCTAssertTrue(
      classification.notes.contains { $0.hasPrefix("repeated counts differ by up to") },
      "\(classification.notes)")
  }
}
