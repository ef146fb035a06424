import Complexity
import XCTest

final class ComplexityClassTests: XCTestCase {
  func testNamesAreTheOutputStrings() {
    XCTAssertEqual(
      ComplexityClass.allCases.map(\.rawValue),
      ["O(1)", "O(log n)", "O(sqrt n)", "O(n)", "O(n log n)", "O(n^2)", "O(n^3)", "O(2^n)"])
  }

  func testParsesTolerantly() {
    XCTAssertEqual(ComplexityClass(name: "O(n log n)"), .linearithmic)
    XCTAssertEqual(ComplexityClass(name: "o(N)"), .linear)
    XCTAssertEqual(ComplexityClass(name: "O(n**2)"), .quadratic)
    XCTAssertEqual(ComplexityClass(name: "O(n²)"), .quadratic)
    XCTAssertEqual(ComplexityClass(name: "constant"), .constant)
    XCTAssertEqual(ComplexityClass(name: "O(n^3)"), .cubic)
    XCTAssertNil(ComplexityClass(name: "O(n^4)"))
  }

  func testScaledTermsAreOneAtTheLargestSize() {
    for c in ComplexityClass.allCases where c != .constant {
      XCTAssertEqual(c.scaledTerm(4096, largest: 4096)!, 1, accuracy: 1e-12, "\(c)")
      XCTAssertLessThan(c.scaledTerm(64, largest: 4096)!, 1, "\(c)")
    }
    XCTAssertNil(ComplexityClass.constant.scaledTerm(10, largest: 100))
  }
}
