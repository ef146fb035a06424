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

  /// A budget is a promise: with none, nothing is measured, and the error
  /// says the budget is why.
  func testNoBudgetMeasuresNothingAndSaysSo() throws {
    var subject = FakeSubject(.constant, noise: 0.01, seed: 3)
    XCTAssertThrowsError(
      try adaptive(budget: 0, neverSeparate: true).run(&subject, grid: SizePlan().sizes)
    ) {
      let underlying = ($0 as? SweepFailure)?.underlying as? ComplexityError
      XCTAssertEqual(underlying?.kind, .timedOut, "\($0)")
      XCTAssertTrue("\($0)".contains("budget"), "\($0)")
    }
  }

  /// Really slow calls, growing as n²: the sweep predicts each next size's
  /// cost and stops before the budget runs out, with enough sizes to fit.
  func testSteepGrowthStopsWithinTheBudget() throws {
    struct Sleeping: Subject {
      var metric: Metric { .time }
      mutating func sample(size: Int, iterations: Int) throws -> Double {
        let seconds = Double(iterations) * 2e-9 * Double(size) * Double(size)
        usleep(UInt32(min(seconds, 5) * 1e6))
        return seconds
      }
    }
    var subject = Sleeping()
    let start = Date()
    let outcome = try adaptive(budget: 2).run(&subject, grid: SizePlan().sizes)
    // Within the budget plus one sample (generous: a busy machine sleeps long).
    XCTAssertLessThan(Date().timeIntervalSince(start), 2 + 1.5)
    XCTAssertGreaterThanOrEqual(outcome.points.count, Classifier.minimumSizes)
    XCTAssertLessThan(outcome.points.last?.n ?? .max, SizePlan().maximum)
    XCTAssertEqual(outcome.classification.best, .quadratic, "\(outcome.classification.notes)")
  }
}
