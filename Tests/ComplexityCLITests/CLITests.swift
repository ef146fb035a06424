import Complexity
import ComplexityTestSupport
import Foundation
import XCTest

/// Runs the built `complexity` binary, as a user would.
final class CLITests: XCTestCase {
  static let fixtures = Tool.root.appendingPathComponent("fixtures")

  typealias Result = Tool.Result

  func binaryURL() throws -> URL { try Tool.url() }

  private func run(_ arguments: [String]) throws -> Result { try Tool.run(arguments) }

  private func fixture(_ path: String) -> String {
    Self.fixtures.appendingPathComponent(path).path
  }

  private func temporaryFile(_ text: String) throws -> String {
    let url = try ComplexityTestSupport.temporaryFile(text, prefix: "cli", extension: "csv")
    addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url.path
  }

  // MARK: - fit

  func testFitPrintsTheClass() throws {
    let r = try run(["fit", fixture("synthetic/linearithmic-clean.csv")])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.hasPrefix("linearithmic-clean: O(n log n)"), r.stdout)
    XCTAssertTrue(r.stdout.contains("octave slopes"))
  }

  func testFitExpectSetsTheExitStatus() throws {
    XCTAssertEqual(
      try run(["fit", fixture("recorded/list.pop0.csv"), "--expect", "O(n)"]).status, 0)
    let differs = try run(["fit", fixture("recorded/list.clear.csv"), "--expect", "O(1)"])
    XCTAssertEqual(differs.status, 1)
    XCTAssertTrue(differs.stdout.contains("verdict        differs"), differs.stdout)
  }

  func testFitFormats() throws {
    let csv = try run(["fit", fixture("recorded/list.sort.csv"), "--format", "csv"])
    XCTAssertTrue(
      csv.stdout.hasPrefix("op,documented,measured,verdict,confidence,slope,n_min,n_max,seconds"))
    let json = try run(["fit", fixture("recorded/list.sort.csv"), "--format", "json"])
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    // The shape of a sweep's JSON: one result in a results array.
    XCTAssertEqual(object?["command"] as? String, "fit")
    XCTAssertNotNil((object?["results"] as? [[String: Any]])?.first?["classification"])
    let md = try run(["fit", fixture("recorded/list.sort.csv"), "--format", "markdown"])
    XCTAssertTrue(md.stdout.contains("| model | a (s) |"), md.stdout)
  }

  func testOutputFile() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("out-\(UUID()).json")
      .path
    let r = try run([
      "fit", fixture("recorded/list.sort.csv"), "--format", "json", "--output", path,
    ])
    XCTAssertEqual(r.status, 0)
    XCTAssertEqual(r.stdout, "")
    XCTAssertTrue(FileManager.default.fileExists(atPath: path))
    try? FileManager.default.removeItem(atPath: path)
  }

  /// Without `--format`, `--output`'s extension names the format; `--format`
  /// wins over it, and another extension gets the table.
  func testTheOutputsExtensionNamesItsFormat() throws {
    let folder = try temporaryFolder(prefix: "format-by-extension")
    defer { try? FileManager.default.removeItem(at: folder) }
    func written(_ name: String, _ extra: [String] = []) throws -> String {
      let path = folder.appendingPathComponent(name).path
      let r = try run(["fit", fixture("recorded/list.sort.csv"), "--output", path] + extra)
      XCTAssertEqual(r.status, 0, r.stderr)
      return try String(contentsOfFile: path, encoding: .utf8)
    }
    XCTAssertNotNil(
      try JSONSerialization.jsonObject(with: Data(try written("fit.json").utf8)) as? [String: Any])
    XCTAssertTrue(try written("fit.csv").hasPrefix("op,documented,measured"))
    XCTAssertTrue(try written("fit.md").contains("| model | a (s) |"))
    XCTAssertTrue(try written("fit.txt").hasPrefix("list.sort: O(n log n)"))
    XCTAssertTrue(try written("forced.json", ["--format", "csv"]).hasPrefix("op,documented"))
  }

  // MARK: - Bad input: exit 2 and a one-line message saying what would be right

  private func assertBadInput(
    _ arguments: [String], mentions expected: String, file: StaticString = #filePath,
    line: UInt = #line
  ) throws {
    try assertExitsTwo(arguments, mentions: expected, file: file, line: line)
  }

  func testBadFitInput() throws {
    let rows = (1...5).map { "\($0 * 100),\(Double($0) * 1e-6)" }.joined(separator: "\n")
    try assertBadInput(["fit", "/no/such/file.csv"], mentions: "no such file")
    try assertBadInput(
      ["fit", try temporaryFile("size,t\n" + rows)], mentions: "columns n,seconds")
    try assertBadInput(
      ["fit", try temporaryFile("n,seconds\n100,quick\n" + rows)], mentions: "not a number")
    try assertBadInput(
      ["fit", try temporaryFile("n,seconds\n1,1\n2,2\n3,3\n")], mentions: "at least 5")
    try assertBadInput(
      ["fit", try temporaryFile("n,seconds\n0,1e-6\n" + rows)], mentions: "not positive")
    try assertBadInput(
      ["fit", try temporaryFile("n,seconds\n-3,1e-6\n" + rows)], mentions: "not positive")
    try assertBadInput(
      ["fit", try temporaryFile("n,seconds\n100,nan\n" + rows)], mentions: "finite positive")
    try assertBadInput(
      ["fit", try temporaryFile("n,seconds\n100,inf\n" + rows)], mentions: "finite positive")
    try assertBadInput(
      ["fit", fixture("recorded/list.sort.csv"), "--expect", "O(n!)"], mentions: "unknown class")
  }

  func testBadUsage() throws {
    // The closest id first.
    try assertBadInput(["sweep", "--op", "list.popp0"], mentions: "did you mean 'list.pop0'")
    try assertBadInput(["sweep", "--op", "tuple.*"], mentions: "no op matches 'tuple.*'")
    try assertBadInput(
      ["sweep", "--op", "fake.linear", "--max-size", "0"], mentions: "must be larger")
    try assertBadInput(["sweep", "--op", "fake.linear", "--repeats", "0"], mentions: "repeats")
    try assertBadInput(
      ["sweep", "--op", "list.pop0", "--python", "/no/python"], mentions: "--python /no/python")
    try assertBadInput(["fit"], mentions: "Missing expected argument")
    try assertBadInput(["sweep", "--format", "xml"], mentions: "xml")
    try assertBadInput(["frobnicate"], mentions: "frobnicate")
  }

  // MARK: - sweep and list

  func testSweepOfFakesAndItsExitStatus() throws {
    let agree = try run(["sweep", "--op", "fake.linear", "--op", "fake.quadratic"])
    XCTAssertEqual(agree.status, 0, agree.stderr)
    XCTAssertTrue(agree.stdout.contains("fake.quadratic  O(n^2)"), agree.stdout)
    let differs = try run(["sweep", "--op", "fake.*", "--format", "markdown"])
    XCTAssertEqual(differs.status, 1)
    XCTAssertTrue(differs.stdout.contains("**differs** ⚠"))
  }

  func testListShowsTheCatalog() throws {
    let r = try run(["list"])
    XCTAssertEqual(r.status, 0)
    XCTAssertTrue(r.stdout.contains("list.pop0"))
    XCTAssertFalse(r.stdout.contains("fake.linear"))
    let json = try run(["list", "--format", "json", "--op", "dict.*"])
    let array = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
    XCTAssertEqual(array?.count, 15)
  }

  func testHelpAndVersionExitZero() throws {
    XCTAssertEqual(try run(["--help"]).status, 0)
    XCTAssertEqual(try run(["--version"]).status, 0)
  }
}

extension CLITests {
  /// Interrupting a catalog run keeps every finished operation on disk.
  func testInterruptedRunKeepsFinishedOperations() throws {
    guard
      FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
        || ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
          .contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/python3") })
          == true
    else { throw XCTSkip("python3 is not on PATH") }
    let output = FileManager.default.temporaryDirectory
      .appendingPathComponent("interrupted-\(UUID()).json").path
    defer { try? FileManager.default.removeItem(atPath: output) }
    let p = Process()
    p.executableURL = try binaryURL()
    p.arguments = [
      "sweep", "--op", "list.*", "--format", "json", "--output", output, "--quiet",
      "--max-size", "4096",
    ]
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    defer { try? FileManager.default.removeItem(atPath: output + ".jsonl") }
    try p.run()
    // Wait for the first operations to finish, then interrupt. The journal
    // gets each op as it finishes; the output file is rewritten only every
    // few seconds, and on a fast machine with its counts cached the whole
    // run can end before its first rewrite.
    let deadline = Date().addingTimeInterval(60)
    while Date() < deadline && p.isRunning {
      let journal = FileManager.default.contents(atPath: output + ".jsonl") ?? Data()
      // The header line, then one line per finished op.
      if journal.filter({ $0 == UInt8(ascii: "\n") }).count >= 3 { break }
      usleep(20_000)
    }
    XCTAssertTrue(p.isRunning, "the run ended before it could be interrupted")
    kill(p.processIdentifier, SIGINT)
    p.waitUntilExit()
    // Every finished op is in the journal, which --resume reads.
    let journal = try Journal.read(path: output + ".jsonl").results.results.map(\.op)
    XCTAssertGreaterThanOrEqual(journal.count, 2)
    XCTAssertEqual(journal.first, "list.copy")
    // --output, rewritten every few seconds, holds whole JSON with a prefix of them.
    let data = try XCTUnwrap(FileManager.default.contents(atPath: output))
    let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let results = try XCTUnwrap(object["results"] as? [[String: Any]])
    XCTAssertEqual(results.compactMap { $0["op"] as? String }, Array(journal.prefix(results.count)))
  }
}

extension CLITests {
  func testReportRendersSavedResultsAndRefusesForeignJSON() throws {
    let saved = FileManager.default.temporaryDirectory.appendingPathComponent(
      "saved-\(UUID()).json"
    ).path
    defer { try? FileManager.default.removeItem(atPath: saved) }
    XCTAssertEqual(
      try run(["sweep", "--op", "fake.linear", "--format", "json", "--output", saved]).status, 0)
    let md = try run(["report", saved, "--format", "markdown"])
    XCTAssertEqual(md.status, 0, md.stderr)
    XCTAssertTrue(md.stdout.contains("| `fake.linear` |"))
    let foreign = try temporaryFile("{\"a\": 1}")
    let r = try run(["report", foreign])
    XCTAssertEqual(r.status, 2)
    XCTAssertTrue(r.stderr.contains("not a complexity results file"), r.stderr)
    let garbage = try temporaryFile("not json")
    XCTAssertEqual(try run(["report", garbage]).status, 2)
    XCTAssertEqual(try run(["report", "/no/such.json"]).status, 2)
  }
}

extension CLITests {
  func testTimeSweepsASnippet() throws {
    let r = try run([
      "time", "--setup", "x = list(range(n))", "x.append(x.pop(0))", "--expect", "O(1)",
      "--min-size", "64", "--max-size", "65536", "--points-per-octave", "1", "--repeats", "3",
      "--format", "csv",
    ])
    // pop(0) grows a thousandfold over the range: it cannot pass for O(1).
    XCTAssertEqual(r.status, 1, r.stderr)
    XCTAssertTrue(r.stdout.contains("user.snippet,O(1),"), r.stdout)
  }

  func testTimeBadInput() throws {
    try assertBadInput(["time"], mentions: "either a statement or --file")
    try assertBadInput(["time", "x", "--file", "f.py"], mentions: "either a statement or --file")
    try assertBadInput(["time", "--file", "/no/such.py"], mentions: "setup(n) and run(x)")
    try assertBadInput(["time", "--setup", "x = (", "x"], mentions: "does not compile")
    try assertBadInput(["time", "x", "--expect", "O(n!)"], mentions: "unknown class")
  }
}

extension CLITests {
  /// Two interpreters in one sweep (the same one twice here: CI has one
  /// Python): one row per op, a class, verdict and cost per interpreter, a
  /// journal per interpreter, and the Swift op measured once.
  func testTwoInterpretersSideBySide() throws {
    let output = FileManager.default.temporaryDirectory
      .appendingPathComponent("side-\(UUID()).csv").path
    let plots = FileManager.default.temporaryDirectory
      .appendingPathComponent("side-plots-\(UUID())").path
    defer {
      for path in [output, output + ".1.jsonl", output + ".2.jsonl", plots] {
        try? FileManager.default.removeItem(atPath: path)
      }
    }
    let r = try run([
      "sweep", "--python", "python3", "--python", "python3", "--op", "list.pop",
      "--op", "swift.Heap.min", "--metric", "time", "--max-size", "1024", "--repeats", "3",
      "--quiet", "--format", "csv", "--output", output, "--plot", plots,
    ])
    // 0 or 1: the verdicts are the clock's (a busy machine once read
    // list.pop off O(1) here); 2 or 3 would be the tool failing.
    XCTAssertTrue([0, 1].contains(r.status), r.stderr)
    let csv = try String(contentsOfFile: output, encoding: .utf8)
    let lines = csv.split(separator: "\n").map(String.init)
    XCTAssertEqual(
      lines.first,
      "op,interpreter,implementation,version,documented,measured,verdict,metric,n_max,cost,unit,failure"
    )
    XCTAssertEqual(lines.filter { $0.hasPrefix("list.pop,CPython") }.count, 2, csv)
    XCTAssertEqual(lines.filter { $0.hasPrefix("swift.Heap.min,") }.count, 1, csv)
    XCTAssertTrue(csv.contains("#2"), "two runs of one interpreter are told apart")
    for journal in [output + ".1.jsonl", output + ".2.jsonl"] {
      XCTAssertTrue(FileManager.default.fileExists(atPath: journal), journal)
    }
    let index = try String(contentsOfFile: plots + "/index.html", encoding: .utf8)
    XCTAssertTrue(index.contains("list-pop"), "the index links to each run's plots")
    let table = try run([
      "sweep", "--python", "python3", "--python", "python3", "--op", "list.pop",
      "--metric", "time", "--max-size", "1024", "--repeats", "3", "--quiet",
    ])
    XCTAssertTrue([0, 1].contains(table.status), table.stderr)
    XCTAssertTrue(table.stdout.contains("cost at n max"), table.stdout)
    let refused = try run([
      "sweep", "--python", "python3", "--python", "python3", "--op", "swift.Heap.min",
    ])
    XCTAssertEqual(refused.status, 2)
    XCTAssertTrue(
      refused.stderr.contains("none of the selected ops runs in Python"), refused.stderr)
  }
}

extension CLITests {
  /// `fit --two-variables`: a formula in the header's names, judged
  /// against a documented one (exit 1 when it differs, 2 for a formula it
  /// cannot read).
  func testFitInTwoVariables() throws {
    let axis = [32, 128, 512, 2048, 8192]
    var csv = "len(s),len(t),seconds\n"
    for x in axis { for y in axis { csv += "\(x),\(y),\(1e-6 + 1e-9 * Double(x + y))\n" } }
    let file = try temporaryFile(csv)
    let agree = try run(["fit", "--two-variables", file, "--expect", "O(len(t)+len(s))"])
    XCTAssertEqual(agree.status, 0, agree.stderr)
    XCTAssertTrue(agree.stdout.contains("measured: O(len(s) + len(t))"), agree.stdout)
    let differs = try run(["fit", "--two-variables", file, "--expect", "O(min(len(s), len(t)))"])
    XCTAssertEqual(differs.status, 1, differs.stdout)
    let unreadable = try run(["fit", "--two-variables", file, "--expect", "O(len(s)^len(t))"])
    XCTAssertEqual(unreadable.status, 2)
    XCTAssertTrue(
      unreadable.stderr.contains("is not a formula in len(s) and len(t)"), unreadable.stderr)
  }
}
