import Complexity
import ComplexityTestSupport
import XCTest

final class PythonCodeTests: XCTestCase {
  private func runner() throws -> Runner {
    guard let python = which("python3") else { throw XCTSkip("python3 is not on PATH") }
    return Runner(
      options: Runner.Options(
        plan: SizePlan(minimum: 64, maximum: 65536, pointsPerOctave: 1),
        timing: TimingOptions(repeats: 3, minimumSampleSeconds: 0.0005),
        python: python))
  }

  /// pop(0) on a list grows a thousandfold over the range: far from O(1).
  func testASnippetIsSweptInTheInterpreter() throws {
    let runner = try runner()
    let op = try runner.define(
      PythonCode(setup: "x = list(range(n))", statement: "x.append(x.pop(0))"),
      expected: .linear)
    let result = runner.runOne(op)
    let c = try XCTUnwrap(result.classification, result.failure ?? "")
    XCTAssertNotEqual(c.best, .constant)
    XCTAssertGreaterThan(c.growth, 20)
  }

  func testAFileDefiningSetupAndRun() throws {
    let runner = try runner()
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("snip-\(UUID()).py")
    try "def setup(n):\n    return {i: i for i in range(n)}\n\ndef run(d):\n    return d[3]\n"
      .write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    let op = try runner.define(
      try PythonCode.file(url.path), id: PythonCode.opID(forFile: url.path))
    let result = runner.runOne(op)
    // The file's code ran at every size. Its class is the clock's, which
    // on a loaded 2-core machine once read a dict lookup as O(n log n)
    // (its time rose ~2x as the dict left the caches): only its growth,
    // far below a linear op's thousandfold, is asserted.
    let c = try XCTUnwrap(result.classification, result.failure ?? "")
    XCTAssertLessThan(c.growth, 20, "\(c.best)")
  }

  func testCodeThatDoesNotCompileIsAClearError() throws {
    let runner = try runner()
    XCTAssertThrowsError(try runner.define(PythonCode(setup: "x = (", statement: "x"))) {
      XCTAssertTrue("\($0)".contains("setup code does not compile"), "\($0)")
    }
  }

  func testAFailingStatementFailsTheOpNotTheRun() throws {
    let runner = try runner()
    let op = try runner.define(PythonCode(setup: "x = 1", statement: "undefined_name"))
    let result = runner.runOne(op)
    XCTAssertNil(result.classification)
    XCTAssertTrue(result.failure?.contains("NameError") == true, result.failure ?? "")
  }

  func testMissingFile() {
    XCTAssertThrowsError(try PythonCode.file("/no/such.py")) {
      XCTAssertTrue("\($0)".contains("setup(n) and run(x)"))
    }
  }
}
