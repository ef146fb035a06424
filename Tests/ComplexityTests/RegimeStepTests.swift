import ComplexityTestSupport
import XCTest

@testable import Complexity

/// The step rule on generated curves: where it finds a step, where it must
/// not, and the class fitted from the step up.
final class RegimeStepTests: XCTestCase {
  /// 32 … 262144, two sizes per octave.
  private let sizes = (0...26).map { Int((32 * pow(2, Double($0) / 2)).rounded()) }

  /// a + b·n, the cost per element b multiplied by `jump` from `at` up.
  private func linear(jump: Double, at: Int) -> [Point] {
    sizes.map { n in Point(n: n, samples: [5e-8 + 1e-10 * Double(n) * (n >= at ? jump : 1)]) }
  }

  func testAStepIsFoundAndTheClassIsFittedAboveIt() throws {
    let points = linear(jump: 5, at: 8192)
    let step = try XCTUnwrap(RegimeStep.last(in: points))
    XCTAssertEqual(step.to, 8192)
    XCTAssertGreaterThan(step.slope, RegimeStep.minimumSlope)
    let classifier = Classifier()
    let whole = try classifier.classify(points)
    let outcome = try RegimeStep.asymptotic(
      SweepOutcome(points: points, classification: whole, stopReason: .planDone),
      classifier: classifier)
    XCTAssertEqual(outcome.classification.outcome, .conclusive(.linear))
    XCTAssertEqual(outcome.points.count, points.count, "no point is dropped from the record")
    XCTAssertTrue(
      outcome.classification.notes.contains { $0.contains("fitted from n = 8192 up") },
      "\(outcome.classification.notes)")
  }

  func testSmoothCurvesHaveNoStep() {
    let quadratic = sizes.map { n in Point(n: n, samples: [1e-7 + 1e-12 * pow(Double(n), 2)]) }
    XCTAssertNil(RegimeStep.last(in: quadratic), "n² is steep everywhere, not a step")
    // A cost per element that rises 4x over six octaves (a cache hierarchy:
    // CPython's list.pop0 on an Intel Xeon rose 3.8x from n = 2048 to 32768).
    let gentle = sizes.map { n in
      Point(n: n, samples: [1e-9 * Double(n) * min(4, max(1, pow(2, (log2(Double(n)) - 9) / 3)))])
    }
    XCTAssertNil(RegimeStep.last(in: gentle))
    XCTAssertNil(RegimeStep.last(in: linear(jump: 1, at: 0)))
  }

  func testAStepNearTheTopLeavesTheClassAsFittedAndSaysSo() throws {
    let points = linear(jump: 5, at: 131072)
    let classifier = Classifier()
    let whole = try classifier.classify(points)
    let outcome = try RegimeStep.asymptotic(
      SweepOutcome(points: points, classification: whole, stopReason: .planDone),
      classifier: classifier)
    XCTAssertEqual(outcome.classification.outcome, whole.outcome)
    XCTAssertTrue(outcome.classification.notes.contains { $0.contains("spans the step") })
  }
}
