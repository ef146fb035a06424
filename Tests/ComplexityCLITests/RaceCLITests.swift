import Foundation
import XCTest

/// `complexity race` as a user runs it: exit codes and messages.
final class RaceCLITests: XCTestCase {
  private func run(_ arguments: [String]) throws -> Tool.Result { try Tool.run(arguments) }

  private func recipeFile(_ json: String) throws -> String {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("complexity-race-\(UUID().uuidString).json")
    try json.write(to: url, atomically: true, encoding: .utf8)
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
      #"{"name": "x", "implementations": [{"name": "a", "statement": "1"}, {"name": "b", "statement": "2"}], "sizez": [1]}"#)
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
      #"{"name": "x", "requires": ["complexity_no_such_module"], "implementations": [{"name": "a", "statement": "1"}, {"name": "b", "statement": "2"}]}"#)
    let r = try run(["race", path, "--python", python])
    XCTAssertEqual(r.status, 2)
    XCTAssertTrue(
      r.stderr.contains("install complexity_no_such_module into the interpreter given with --python"), r.stderr)
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
}
