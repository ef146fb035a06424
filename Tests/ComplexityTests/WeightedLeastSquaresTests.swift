import XCTest

@testable import Complexity

final class WeightedLeastSquaresTests: XCTestCase {
  func testRecoversAnExactLine() throws {
    let x = [1.0, 2, 3, 4, 5]
    let solution = try WeightedLeastSquares.solve(
      design: x.map { [1, $0] }, weights: x.map { 1 / $0 }, values: x.map { 3 + 2 * $0 })
    XCTAssertEqual(solution.coefficients[0], 3, accuracy: 1e-9)
    XCTAssertEqual(solution.coefficients[1], 2, accuracy: 1e-9)
    XCTAssertEqual(solution.chiSquare, 0, accuracy: 1e-12)
  }

  func testBadShapesAreErrorsNotCrashes() {
    XCTAssertThrowsError(
      try WeightedLeastSquares.solve(design: [[1, 2]], weights: [1], values: [1]))
    XCTAssertThrowsError(
      try WeightedLeastSquares.solve(design: [[1], [1, 2]], weights: [1, 1], values: [1, 2]))
  }

  func testRelativeWeightsTreatSmallAndLargeAlike() throws {
    // A 10% error at the smallest size must pull as hard as at the largest.
    let sizes = [32.0, 64, 128, 256, 512, 1024]
    var values = sizes.map { 1e-7 + 1e-9 * $0 }
    values[0] *= 1.1
    let fit = try ModelFit.fit(.linear, sizes: sizes, values: values)
    let residual0 = abs(values[0] / fit.predict(32) - 1)
    XCTAssertLessThan(residual0, 0.1)
  }
}
