import ComplexityTestSupport
import Foundation
import XCTest

/// `--metric` on the built tool: the errors a user meets, and one live
/// count (skipped where valgrind is absent).
final class InstructionsCLITests: XCTestCase {
  private func run(
    _ arguments: [String], environment: [String: String] = [:]
  ) throws
    -> Tool.Result
  {
    try Tool.run(arguments, environment: environment)
  }

  func testAFakeOpCannotBeCounted() throws {
    let r = try run(["sweep", "--op", "fake.linear", "--metric", "instructions"])
    XCTAssertEqual(r.status, 2, r.stderr)
    XCTAssertTrue(r.stderr.contains("CPython and Swift ops"), r.stderr)
    XCTAssertTrue(r.stdout.isEmpty, r.stdout)
  }

  func testTheCountWorkerOutsideValgrindSaysHowToRunIt() throws {
    let r = try run(["count-worker"])
    XCTAssertEqual(r.status, 2, r.stderr)
    XCTAssertTrue(r.stdout.contains("\"ok\":false"), r.stdout)
    XCTAssertTrue(r.stdout.contains("--tool=callgrind"), r.stdout)
  }

  /// Two far-apart Swift ops counted in the tool re-run under valgrind:
  /// deterministic, so the classes are asserted exactly.
  func testLiveSwiftOpsCountedInInstructions() throws {
    try skipUnlessValgrind()
    let r = try run([
      "sweep", "--op", "swift.Array.contains", "--op", "swift.Array.count",
      "--metric", "instructions", "--min-size", "64", "--max-size", "4096",
      "--points-per-octave", "1", "--quiet", "--format", "json",
    ])
    XCTAssertEqual(r.status, 0, r.stderr + r.stdout)
    let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    let results = object?["results"] as? [[String: Any]] ?? []
    XCTAssertEqual(results.map { $0["metric"] as? String }, ["instructions", "instructions"])
    XCTAssertEqual(results.map { $0["measured"] as? String }, ["O(n)", "O(1)"], r.stdout)
  }

  func testMissingValgrindIsNamedWithItsInstall() throws {
    let r = try run(
      ["sweep", "--op", "list.pop0", "--metric", "instructions"],
      environment: ["VALGRIND": "/no/such/valgrind"])
    XCTAssertEqual(r.status, 2, r.stderr)
    XCTAssertTrue(r.stderr.contains("valgrind"), r.stderr)
    XCTAssertTrue(r.stderr.contains("apt-get install valgrind"), r.stderr)
  }

  func testAnUnknownMetricIsAUsageError() throws {
    let r = try run(["sweep", "--op", "list.pop0", "--metric", "cycles"])
    XCTAssertEqual(r.status, 2)
    XCTAssertTrue(r.stderr.contains("time") && r.stderr.contains("instructions"), r.stderr)
  }

  /// A user's snippet counted end to end: deterministic, so the class is
  /// asserted exactly.
  func testLiveSnippetCountedInInstructions() throws {
    try skipUnlessValgrind()
    let r = try run([
      "time", "--setup", "x = list(range(n))", "x.append(x.pop(0))", "--expect", "O(n)",
      "--metric", "instructions", "--min-size", "64", "--max-size", "2048",
      "--points-per-octave", "1", "--quiet", "--format", "json",
    ])
    XCTAssertEqual(r.status, 0, r.stderr + r.stdout)
    let envelope = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    let object = (envelope?["results"] as? [[String: Any]])?.first
    XCTAssertEqual(object?["metric"] as? String, "instructions")
    XCTAssertEqual(object?["measured"] as? String, "O(n)")
  }

  /// Auto without valgrind: every op timed only, said once per run on
  /// standard error and in each result.
  func testAutoWithoutValgrindTimesAndSaysSoOnce() throws {
    let r = try run(
      [
        "sweep", "--op", "list.len", "--op", "list.append", "--quiet", "--format", "json",
        "--max-size", "1024",
      ],
      environment: ["VALGRIND": "/nonexistent/valgrind"])
    XCTAssertTrue([0, 1].contains(r.status), r.stderr)
    XCTAssertEqual(r.stderr.components(separatedBy: "warning: ").count - 1, 1, r.stderr)
    XCTAssertTrue(r.stderr.contains("time verdicts depend on this machine's caches"), r.stderr)
    let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    let results = try XCTUnwrap(object?["results"] as? [[String: Any]])
    XCTAssertEqual(results.count, 2)
    for result in results {
      XCTAssertEqual(result["metric"] as? String, "time")
      XCTAssertTrue((result["not_counted"] as? String)?.contains("valgrind is missing") == true)
    }
  }

  /// A second identical run reads its counts from the cache; --no-cache
  /// counts again.
  func testASecondRunReadsItsCountsFromTheCache() throws {
    try skipUnlessValgrind()
    let cache = FileManager.default.temporaryDirectory
      .appendingPathComponent("cache-cli-test-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: cache) }
    let arguments = [
      "sweep", "--op", "list.len", "--metric", "instructions", "--max-size", "1024",
      "--quiet", "--format", "json",
    ]
    func notes(_ r: Tool.Result) throws -> [String] {
      let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
      let result = try XCTUnwrap((object?["results"] as? [[String: Any]])?.first)
      let classification = try XCTUnwrap(result["classification"] as? [String: Any])
      return classification["notes"] as? [String] ?? []
    }
    let fromCache: (String) -> Bool = { $0.hasPrefix("counts read from the count cache") }
    let first = try run(arguments, environment: ["COMPLEXITY_CACHE_DIR": cache])
    XCTAssertTrue([0, 1].contains(first.status), first.stderr)
    XCTAssertFalse(try notes(first).contains(where: fromCache))
    let second = try run(arguments, environment: ["COMPLEXITY_CACHE_DIR": cache])
    XCTAssertEqual(second.status, first.status, second.stderr)
    let secondNotes = try notes(second)
    XCTAssertTrue(secondNotes.contains(where: fromCache), "\(secondNotes)")
    let again = try run(arguments + ["--no-cache"], environment: ["COMPLEXITY_CACHE_DIR": cache])
    XCTAssertFalse(try notes(again).contains(where: fromCache))
  }

  /// A counting worker started on the interpreter the last run named
  /// (`InterpreterMemo`) is only a guess: when the timing harness names
  /// another binary, the op is counted in that one, and the memo learns it.
  func testACountStartedOnAWrongGuessIsCountedInTheRealInterpreter() throws {
    try skipUnlessValgrind()
    let cache = FileManager.default.temporaryDirectory
      .appendingPathComponent("memo-cli-test-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: cache) }
    try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
    let command = try XCTUnwrap(
      (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) })
    let real = try Self.executable(of: command)
    // The same binary by another name: valgrind runs it, and it is not
    // the path the timing harness names.
    let alias = cache.appendingPathComponent("alias-python3")
    try FileManager.default.createSymbolicLink(atPath: alias.path, withDestinationPath: real)
    let memo = cache.appendingPathComponent("interpreters.json")
    let key = "\(command) from \(FileManager.default.currentDirectoryPath)"
    let guess = ["implementation": "CPython", "path": alias.path, "version": "3"]
    try JSONSerialization.data(withJSONObject: [key: guess]).write(to: memo)
    let r = try run(
      [
        "sweep", "--op", "list.len", "--metric", "instructions", "--max-size", "256", "--quiet",
        "--format", "json",
      ],
      environment: ["COMPLEXITY_CACHE_DIR": cache.path])
    XCTAssertTrue([0, 1].contains(r.status), r.stderr)
    XCTAssertTrue(r.stdout.contains("counted by callgrind"), r.stdout)
    XCTAssertTrue(r.stdout.contains("in \(real),"), r.stdout)
    XCTAssertFalse(r.stdout.contains("alias-python3"), r.stdout)
    let learnt = try String(contentsOf: memo, encoding: .utf8)
    XCTAssertFalse(learnt.contains("alias-python3"), learnt)
  }

  /// `sys.executable` of the interpreter `command` starts.
  private static func executable(of command: String) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: command)
    p.arguments = ["-c", "import sys; print(sys.executable)"]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    return text.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  private func skipUnlessValgrind() throws {
    try XCTSkipUnless(
      Tool.hasValgrind, "valgrind is not installed: the live instruction-count checks need it")
  }
}
