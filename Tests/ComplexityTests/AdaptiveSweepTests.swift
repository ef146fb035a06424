import XCTest

@testable import Complexity

/// The adaptive stopping rule, on deterministic subjects. Where a test
/// needs a case that never separates, it asks for a confidence above 1.
final class AdaptiveSweepTests: XCTestCase {
  private func adaptive(budget: Double = 10, neverSeparate: Bool = false) -> AdaptiveSweep {
    var a = AdaptiveSweep(
      sweep: Sweep(plan: SizePlan(), timing: TimingOptions(repeats: 3)),
      classifier: Classifier(), limits: SweepLimits(budgetSeconds: budget))
    if neverSeparate { a.separatedConfidence = 1.01 }
    return a
  }

  /// n log n with a large linear part: O(n) against O(n log n).
  struct Mixed: Subject {
    var metric: Metric { .time }
    mutating func sample(size: Int, iterations: Int) throws -> Double {
      let n = Double(size)
      let t = 1e-7 + 1e-9 * n + 2e-12 * n * log(n)
      return t * Double(iterations)
    }
  }

  func testAClearCaseStopsAfterTheCoarseGrid() throws {
    var subject = FakeSubject(.linear, noise: 0.01, seed: 3)
    let grid = SizePlan().sizes
    let outcome = try adaptive().run(&subject, grid: grid)
    XCTAssertEqual(outcome.stopReason, .separated)
    XCTAssertEqual(outcome.classification.outcome, .conclusive(.linear))
    // Every other size of the grid, plus its last.
    XCTAssertEqual(outcome.points.count, (grid.count + 1) / 2)
  }

  func testAnUndecidedCaseMeasuresTheGridThenExtendsToTheLimit() throws {
    var subject = FakeSubject(.constant, noise: 0.01, seed: 3)
    let grid = SizePlan().sizes
    let outcome = try adaptive(neverSeparate: true).run(&subject, grid: grid)
    XCTAssertEqual(outcome.stopReason, .maximumSize)
    XCTAssertEqual(outcome.points.last?.n, SizePlan().maximum * 4)
    XCTAssertTrue(grid.allSatisfy { n in outcome.points.contains { $0.n == n } })
    XCTAssertTrue(outcome.classification.notes.contains { $0.contains("2 passes") })
  }

  func testTheHardPairIsNotExtended() throws {
    var subject = Mixed()
    let outcome = try adaptive(neverSeparate: true).run(&subject, grid: SizePlan().sizes)
    XCTAssertEqual(outcome.points.last?.n, SizePlan().maximum)
    XCTAssertEqual(outcome.stopReason, .planDone)
  }

  func testNoBudgetMeansNoExtension() throws {
    var subject = FakeSubject(.constant, noise: 0.01, seed: 3)
    let outcome = try adaptive(budget: 0, neverSeparate: true).run(&subject, grid: SizePlan().sizes)
    XCTAssertEqual(outcome.points.last?.n, SizePlan().maximum)
    XCTAssertEqual(outcome.stopReason, .budget)
  }
}
