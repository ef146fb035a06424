import Complexity
import XCTest

final class PointsFileTests: XCTestCase {
  private func error(_ text: String) -> String {
    do {
      _ = try PointsFile.parse(text, name: "t.csv")
      return "no error"
    } catch { return "\(error)" }
  }

  private let body = (1...5).map { "\($0 * 100),\(Double($0) * 1e-6)" }.joined(separator: "\n")

  func testParsesAndMergesRepeats() throws {
    let points = try PointsFile.parse("n,seconds\n" + body + "\n100,5e-7\n")
    XCTAssertEqual(points.count, 5)
    XCTAssertEqual(points[0].samples, [1e-6, 5e-7])
    XCTAssertEqual(points[0].best, 5e-7)
  }

  func testExtraColumnsAreAllowed() throws {
    XCTAssertEqual(
      try PointsFile.parse("n,seconds,note\n" + body.replacingOccurrences(of: "\n", with: ",x\n"))
        .count, 5)
  }

  func testBadInputNamesTheLineAndWhatIsRight() {
    XCTAssertTrue(error("").contains("empty"))
    XCTAssertTrue(error("size,time\n" + body).contains("must start with the columns n,seconds"))
    XCTAssertTrue(
      error("n,seconds\nabc,1e-6\n" + body).contains("line 2: size 'abc' is not a whole number"))
    XCTAssertTrue(error("n,seconds\n100,fast\n" + body).contains("time 'fast' is not a number"))
    XCTAssertTrue(error("n,seconds\n0,1e-6\n" + body).contains("not positive"))
    XCTAssertTrue(error("n,seconds\n-5,1e-6\n" + body).contains("not positive"))
    XCTAssertTrue(error("n,seconds\n100,nan\n" + body).contains("finite positive"))
    XCTAssertTrue(error("n,seconds\n100,inf\n" + body).contains("finite positive"))
    XCTAssertTrue(error("n,seconds\n100\n").contains("needs two fields"))
    XCTAssertTrue(error("n,seconds\n1,1e-6\n2,2e-6\n3,3e-6\n").contains("3 distinct sizes"))
  }

  func testMissingFile() {
    XCTAssertThrowsError(try PointsFile.read(path: "/nonexistent/x.csv")) {
      XCTAssertTrue("\($0)".contains("no such file"))
    }
  }
}
