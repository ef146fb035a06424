import Complexity
import XCTest

final class SizePlanTests: XCTestCase {
  func testGeometricGrid() {
    XCTAssertEqual(
      SizePlan(minimum: 32, maximum: 256, pointsPerOctave: 2).sizes,
      [32, 45, 64, 91, 128, 181, 256])
    XCTAssertEqual(SizePlan(minimum: 1, maximum: 16, pointsPerOctave: 1).sizes, [1, 2, 4, 8, 16])
  }

  func testPowersOfTwoForHashTables() {
    let plan = SizePlan(minimum: 30, maximum: 1000, pointsPerOctave: 3)
    XCTAssertEqual(plan.sizes(for: .powersOfTwo), [32, 64, 128, 256, 512])
    // Too few powers of two: fall back to the grid rather than fail.
    let narrow = SizePlan(minimum: 100, maximum: 600, pointsPerOctave: 4)
    XCTAssertEqual(narrow.sizes(for: .powersOfTwo), narrow.sizes)
  }

  func testValidation() {
    XCTAssertThrowsError(try SizePlan(minimum: 0, maximum: 100).validate())
    XCTAssertThrowsError(try SizePlan(minimum: 100, maximum: 50).validate())
    XCTAssertThrowsError(try SizePlan(minimum: 100, maximum: 200, pointsPerOctave: 1).validate()) {
      XCTAssertTrue("\($0)".contains("distinct sizes"), "\($0)")
    }
    XCTAssertNoThrow(try SizePlan().validate())
  }
}
