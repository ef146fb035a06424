import Complexity
import ComplexityTestSupport
import Foundation
import XCTest

/// The harness protocol against stand-in interpreters that misbehave, and a
/// live check in the real one.
final class PythonHarnessTests: XCTestCase {
  private func failure(_ fake: String, timeout: Double = 30) -> String {
    do {
      let harness = try PythonHarness(
        executable: fixture("fake-python/\(fake)"), replyTimeout: timeout)
      _ = try harness.time(op: "list.pop0", n: 100, loops: 1, cold: false)
      return "no error"
    } catch { return "\(error)" }
  }

  func testGarbageRepliesAreAClearError() {
    XCTAssertTrue(failure("garbage").contains("not JSON"), failure("garbage"))
  }

  func testACrashIsReportedWithItsStderr() {
    let message = failure("crash")
    XCTAssertTrue(message.contains("exited"), message)
    XCTAssertTrue(message.contains("MemoryError"), message)
  }

  func testAHangIsKilledAfterTheTimeout() {
    let start = Date()
    let message = failure("hang", timeout: 1)
    XCTAssertTrue(message.contains("did not answer within 1 s"), message)
    XCTAssertLessThan(Date().timeIntervalSince(start), 10)
  }

  func testAnOldInterpreterIsRefused() {
    let message = failure("old")
    XCTAssertTrue(message.contains("2.7.18") && message.contains("3.8"), message)
  }

  func testMalformedSamplesAreRefused() {
    XCTAssertTrue(failure("malformed").contains("malformed reply"), failure("malformed"))
  }

  func testLocatingTheInterpreter() throws {
    XCTAssertThrowsError(try PythonInterpreter.locate(explicit: "/no/such/python")) {
      XCTAssertTrue("\($0)".contains("--python /no/such/python"), "\($0)")
    }
    XCTAssertThrowsError(
      try PythonInterpreter.locate(
        explicit: nil, environment: ["PATH": "/nonexistent", "PYTHON": "nope"])
    ) {
      let message = "\($0)"
      XCTAssertTrue(
        message.contains("$PYTHON=nope") && message.contains("python3 on PATH"), message)
    }
  }

  // MARK: - Live, in the real interpreter

  /// pop(0) and l[i] are far apart (O(n) and O(1)): over n = 64…65536 pop(0)
  /// grows about a thousandfold and l[i] not at all, so noise on a busy
  /// machine cannot swap them. The assertions are on those facts, with wide
  /// margins, not on exact figures.
  func testLivePop0GrowsAndGetItemDoesNot() throws {
    guard let python = which("python3") else {
      throw XCTSkip("python3 is not on PATH: the live CPython checks need it")
    }
    let runner = Runner(
      options: Runner.Options(
        plan: SizePlan(minimum: 64, maximum: 65536, pointsPerOctave: 1),
        timing: TimingOptions(repeats: 3, minimumSampleSeconds: 0.0005),
        python: python))
    let results = runner.run(try Catalog.standard.select(["list.pop0", "list.getitem"]))
    XCTAssertNotNil(runner.interpreter)
    let pop0 = try XCTUnwrap(results[0].classification, results[0].failure ?? "")
    let getitem = try XCTUnwrap(results[1].classification, results[1].failure ?? "")
    XCTAssertGreaterThan(pop0.growth, 20, "pop(0) should grow with n")
    XCTAssertNotEqual(pop0.best, .constant)
    // Not "== .constant": one slow size can leave a 30 ns lookup undecided
    // between O(1) and O(log n); it can never make it grow like pop(0).
    XCTAssertLessThan(getitem.best, .linear, "\(getitem.notes)")
    XCTAssertLessThan(getitem.growth, 1)
  }

  func testLiveHarnessReportsBadRequests() throws {
    guard let python = which("python3") else { throw XCTSkip("python3 is not on PATH") }
    let harness = try PythonHarness(executable: python)
    XCTAssertEqual(harness.interpreter.implementation, "CPython")
    XCTAssertThrowsError(try harness.time(op: "no.such.op", n: 10, loops: 1, cold: false)) {
      XCTAssertTrue("\($0)".contains("unknown op"), "\($0)")
    }
    // The harness keeps serving after an error.
    XCTAssertGreaterThanOrEqual(try harness.time(op: "list.len", n: 10, loops: 10, cold: false), 0)
    XCTAssertThrowsError(try harness.time(op: "list.getslice", n: 1 << 21, loops: 1, cold: false)) {
      XCTAssertTrue("\($0)".contains("out of range"), "\($0)")
    }
  }
}
