import ComplexityTestSupport
import XCTest

extension XCTestCase {
  /// Runs the tool and asserts bad input: exit 2, a message on stderr that
  /// mentions `expected`, and no trap.
  @discardableResult
  func assertExitsTwo(
    _ arguments: [String], mentions expected: String, file: StaticString = #filePath,
    line: UInt = #line
  ) throws -> Tool.Result {
    let r = try Tool.run(arguments)
    XCTAssertEqual(r.status, 2, "status for \(arguments): \(r.stderr)", file: file, line: line)
    XCTAssertTrue(r.stderr.contains(expected), "stderr: \(r.stderr)", file: file, line: line)
    XCTAssertFalse(r.stderr.contains("Fatal error"), file: file, line: line)
    return r
  }
}
