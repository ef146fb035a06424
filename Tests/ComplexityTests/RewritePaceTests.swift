import XCTest

@testable import Complexity

/// The pace at which a results file is rewritten as a run goes: the first
/// op at once, then at most once per interval (times given, not read).
final class RewritePaceTests: XCTestCase {
  func testTheFirstRewriteIsAtOnceThenOncePerInterval() {
    var pace = RewritePace(interval: 3)
    let second: UInt64 = 1_000_000_000
    XCTAssertTrue(pace.due(now: 10 * second))
    XCTAssertFalse(pace.due(now: 11 * second))
    XCTAssertFalse(pace.due(now: 12 * second + second / 2))
    XCTAssertTrue(pace.due(now: 13 * second))
    XCTAssertFalse(pace.due(now: 15 * second))
    XCTAssertTrue(pace.due(now: 16 * second + 1))
  }

  func testAZeroIntervalRewritesEveryTime() {
    var pace = RewritePace(interval: 0)
    XCTAssertTrue(pace.due(now: 5))
    XCTAssertTrue(pace.due(now: 5))
    XCTAssertTrue(pace.due(now: 6))
  }
}
