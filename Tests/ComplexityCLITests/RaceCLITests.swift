import ComplexityTestSupport
import Foundation
import XCTest

/// `complexity race` as a user runs it: exit codes and messages.
final class RaceCLITests: XCTestCase {
  private func run(_ arguments: [String]) throws -> Tool.Result { try Tool.run(arguments) }

  private func recipeFile(_ json: String) throws -> String {
    let url = try temporaryFile(json, prefix: "race", extension: "json")
    addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url.path
  }

  private var python: String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
      let path = "\(dir)/python3"
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
  }

  func testAMissingRecipeFileIsBadInput() throws {
    let r = try run(["race", "/no/such/recipe.json"])
    XCTAssertEqual(r.status, 2)
    XCTAssertTrue(r.stderr.contains("no such recipe file: /no/such/recipe.json"), r.stderr)
  }

  func testAnUnknownFieldIsBadInput() throws {
    let path = try recipeFile(
      #"{"name": "x", "implementations": [{"name": "a", "statement": "1"}, {"name": "b", "statement": "2"}], "sizez": [1]}"#
    )
    let r = try run(["race", path])
    XCTAssertEqual(r.status, 2)
    XCTAssertTrue(r.stderr.contains("unknown field \"sizez\""), r.stderr)
    XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, "one line: \(r.stderr)")
  }

  func testOneImplementationIsNotARace() throws {
    let r = try run(["race", "-s", "a=pass"])
    XCTAssertEqual(r.status, 2)
    XCTAssertTrue(r.stderr.contains("at least two -s"), r.stderr)
  }

  func testAMissingModuleSaysWhatToInstallWithoutATraceback() throws {
    guard let python else { throw XCTSkip("python3 is not on PATH") }
    let path = try recipeFile(
      #"{"name": "x", "requires": ["complexity_no_such_module"], "implementations": [{"name": "a", "statement": "1"}, {"name": "b", "statement": "2"}]}"#
    )
    let r = try run(["race", path, "--python", python])
    XCTAssertEqual(r.status, 2)
    XCTAssertTrue(
      r.stderr.contains(
        "install complexity_no_such_module into the interpreter given with --python"), r.stderr)
    XCTAssertFalse(r.stderr.contains("Traceback"))
  }

  func testAnInlineRacePrintsClassesRatiosAndASummary() throws {
    guard let python else { throw XCTSkip("python3 is not on PATH") }
    let r = try run([
      "race", "--python", python, "--quiet", "-s", "loop=a = []\\nfor i in range(n): a.append(i)",
      "-s", "list_range=list(range(n))", "--min-size", "1000", "--max-size", "16000",
      "--repeats", "2", "--format", "csv",
    ])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.hasPrefix("race,variable,n,implementation,seconds,ratio"), r.stdout)
    XCTAssertEqual(r.stdout.split(separator: "\n").count, 1 + 5 * 2)
    let summary = try run([
      "race", "--python", python, "--quiet", "-s", "a=list(range(n))", "-s", "b=list(range(n))",
      "--min-size", "1000", "--max-size", "16000", "--repeats", "2", "--summary",
    ])
    XCTAssertEqual(summary.status, 0, summary.stderr)
    XCTAssertEqual(summary.stdout.split(separator: "\n").count, 1, summary.stdout)
  }

  func testAScalingRaceCannotBeCounted() throws {
    guard let python else { throw XCTSkip("python3 is not on PATH") }
    let r = try run([
      "race", "examples/races/parallel-workers.json", "--python", python, "--quiet",
      "--metric", "instructions",
    ])
    XCTAssertEqual(r.status, 2, r.stderr)
    XCTAssertTrue(r.stderr.contains("scaling race"), r.stderr)
    XCTAssertTrue(r.stderr.contains("--metric time"), r.stderr)
  }

  /// Two implementations counted under callgrind: a bare loop over a list
  /// executes fewer instructions per element than max(), which compares.
  /// (Neither allocates per element: list(range(n)) would, and its count
  /// per element creeps up as ints leave the small-int cache at 256.)
  func testALiveRaceCountedInInstructions() throws {
    guard let python else { throw XCTSkip("python3 is not on PATH") }
    guard
      (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/valgrind") })
    else { throw XCTSkip("valgrind is not installed: the live counted race needs it") }
    let arguments = [
      "race", "--python", python, "--quiet", "--setup", "x = list(range(n))",
      "-s", "loop=for v in x: pass", "-s", "builtin=max(x)", "--min-size", "256",
      "--max-size", "8192", "--metric", "instructions",
    ]
    let r = try run(arguments + ["--format", "csv"])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.hasPrefix("race,variable,n,implementation,instructions,ratio"), r.stdout)
    let summary = try run(arguments + ["--summary"])
    XCTAssertTrue(
      summary.stdout.hasPrefix("loop executes 2."), summary.stdout + summary.stderr)
    XCTAssertTrue(summary.stdout.contains("fewer instructions than builtin"), summary.stdout)
    XCTAssertTrue(summary.stdout.contains("both O(n)"), summary.stdout)
  }
}
