import XCTest

@testable import Complexity

/// How a counted sweep visits sizes: few first (`CountingSweep.passes`),
/// the rest only when that leaves the class open, never past the grid.
final class CountingSweepTests: XCTestCase {
  /// Records the sizes a subject is asked for.
  private struct Recording: Subject {
    var inner: FakeSubject
    var asked: [Int] = []
    var metric: Metric { .instructions }
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

  func testRepeatsThatDifferAreNamed() throws {
    var subject = Recording(inner: FakeSubject(.constant, intercept: 1000, perUnit: 0, noise: 0.05))
    let classification = try CountingSweep().run(&subject, grid: grid).classification
    XCTAssertTrue(
      classification.notes.contains { $0.hasPrefix("repeated counts differ by up to") },
      "\(classification.notes)")
  }
}
