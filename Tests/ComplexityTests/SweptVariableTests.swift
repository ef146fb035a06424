import XCTest

@testable import Complexity

/// `--var`'s values and the catalog's grids.
final class SweptVariableTests: XCTestCase {
  func testARangeStepsByFourAndEndsAtItsTop() throws {
    XCTAssertEqual(try SweptVariable.parse("k=64..4096").values, [64, 256, 1024, 4096])
    XCTAssertEqual(try SweptVariable.parse("k=1..100").values, [1, 4, 16, 64, 100])
    XCTAssertEqual(try SweptVariable.parse("k=0..64").values, [0, 1, 4, 16, 64])
    XCTAssertEqual(try SweptVariable.parse("len_t=9,1,3,3").values, [1, 3, 9])
  }

  func testBadVariablesSayWhatWouldBeRight() {
    for text in ["k", "k=", "=1..4", "2k=1..9", "k=9..2", "k=1,x", "k=-1..9", "k=1..3", "k=1,2"] {
      XCTAssertThrowsError(try SweptVariable.parse(text), text) {
        XCTAssertEqual(($0 as? ComplexityError)?.kind, .badInput, text)
        XCTAssertTrue("\($0)".contains("--var k=64..4096"), "\($0)")
      }
    }
  }

  /// Every catalog row with a grid names two sizes, a formula the fitter
  /// reads in them, and enough values.
  func testEveryCatalogGridIsReadable() throws {
    let grids = Catalog.standard.operations.compactMap { op in op.grid.map { (op.id, $0) } }
    XCTAssertGreaterThanOrEqual(grids.count, 10)
    for (id, grid) in grids {
      XCTAssertNotNil(
        TwoVariableModel.parse(grid.documented, grid.names[0], grid.names[1]), id)
      XCTAssertGreaterThanOrEqual(Set(grid.values).count, SweptVariable.minimumValues, id)
      XCTAssertLessThan(grid.n[0], grid.n[1], id)
    }
  }
}
