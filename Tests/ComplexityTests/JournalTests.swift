import Complexity
import ComplexityTestSupport
import Foundation
import XCTest

final class JournalTests: XCTestCase {
  private var path = ""

  override func setUp() {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("journal-\(UUID()).jsonl").path
  }

  override func tearDown() { try? FileManager.default.removeItem(atPath: path) }

  private func recorded() throws -> RunResults {
    try RunResults.read(path: fixture("results/a.json"))
  }

  private func text() -> String {
    String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
  }

  private func write(_ s: String) throws {
    try s.write(toFile: path, atomically: true, encoding: .utf8)
  }

  /// A journal with the first `count` results of the recorded run.
  private func journal(_ count: Int) throws -> (Journal, RunResults) {
    let run = try recorded()
    let journal = try Journal.create(
      path: path, header: Journal.Header(run, ops: run.results.map(\.op)))
    for r in run.results.prefix(count) { try journal.append(r) }
    return (journal, run)
  }

  private func assertBadInput(
    _ mentions: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertThrowsError(try Journal.read(path: path), file: file, line: line) { error in
      XCTAssertEqual((error as? ComplexityError)?.kind, .badInput, file: file, line: line)
      XCTAssertTrue("\(error)".contains(mentions), "\(error)", file: file, line: line)
    }
  }

  func testRoundTrip() throws {
    let (_, run) = try journal(4)
    XCTAssertEqual(text().split(separator: "\n").count, 5)
    let contents = try Journal.read(path: path)
    XCTAssertEqual(contents.warnings, [])
    XCTAssertEqual(contents.header.ops, run.results.map(\.op))
    XCTAssertEqual(contents.results.plan, run.plan)
    XCTAssertEqual(contents.results.timing, run.timing)
    XCTAssertEqual(contents.results.started, run.started)
    XCTAssertEqual(contents.results.machine, run.machine)
    XCTAssertEqual(contents.results.results, run.results)
  }

  func testCutLastLineIsLeftOutWithAWarningAndRepairedOnResume() throws {
    let (_, run) = try journal(2)
    let whole = text()
    let third = String(decoding: try Journal.lineForTest(run.results[2]), as: UTF8.self)
    try write(whole + third.prefix(third.count / 2))

    let contents = try Journal.read(path: path)
    XCTAssertEqual(contents.results.results.map(\.op), ["fake.constant", "fake.log"])
    XCTAssertEqual(contents.warnings.count, 1)
    XCTAssertTrue(contents.warnings[0].contains("line 4 is cut short"), contents.warnings[0])
    XCTAssertEqual(
      contents.missing(from: try Catalog.standard.select(run.results.map(\.op))).map(\.id),
      ["fake.linear", "fake.mislabelled"])

    let (reopened, again) = try Journal.resume(path: path)
    XCTAssertEqual(again.warnings.count, 1)
    XCTAssertEqual(text(), whole, "the cut line is removed before anything is appended")
    try reopened.append(run.results[2])
    let after = try Journal.read(path: path)
    XCTAssertEqual(after.warnings, [])
    XCTAssertEqual(after.results.results.map(\.op), ["fake.constant", "fake.log", "fake.linear"])
  }

  func testLastLineMissingOnlyItsNewlineIsKept() throws {
    _ = try journal(2)
    var s = text()
    s.removeLast()
    try write(s)
    XCTAssertEqual(try Journal.read(path: path).results.results.count, 2)
    let (reopened, _) = try Journal.resume(path: path)
    try reopened.append(try recorded().results[2])
    XCTAssertEqual(try Journal.read(path: path).results.results.count, 3)
  }

  func testAnOpWrittenTwiceCountsOnceAtItsLatestLine() throws {
    let (journal, run) = try journal(2)
    var again = run.results[0]
    again.seconds = 42
    try journal.append(again)
    let results = try Journal.read(path: path).results.results
    XCTAssertEqual(results.map(\.op), ["fake.constant", "fake.log"])
    XCTAssertEqual(results[0].seconds, 42)
  }

  func testDamagedOrForeignFilesAreRefused() throws {
    _ = try journal(2)
    var lines = text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines[1] = "{\"op\": 1"
    try write(lines.joined(separator: "\n"))
    assertBadInput("line 2 is not an operation's result")

    let damaged = [
      ("", "is empty"),
      ("{\"journal\":\"complexity\",\"vers", "no complete header line"),
      ("{\"a\": 1}\n", "is not a complexity journal"),
      ("not json\n", "is not a complexity journal"),
      ("{\"journal\":\"complexity\",\"version\":2}\n", "version 2 journal"),
      ("{\"journal\":\"complexity\",\"version\":1}\n", "damaged journal header"),
    ]
    for (text, message) in damaged {
      try write(text)
      assertBadInput(message)
    }
    // A results file is not a journal.
    try write(try ResultsReport(try recorded()).render(.json))
    assertBadInput("is not a complexity journal")
    XCTAssertThrowsError(try Journal.read(path: path + ".missing")) {
      XCTAssertTrue("\($0)".contains("no such file"), "\($0)")
    }
  }

  func testResultsFileReadsJournalsAndResults() throws {
    let (journalRun, warnings) = try ResultsFile.read(path: fixture("results/interrupted.jsonl"))
    XCTAssertEqual(journalRun.results.map(\.op), ["fake.constant", "fake.log"])
    XCTAssertEqual(warnings.count, 1)
    XCTAssertTrue(warnings[0].contains("cut short"))
    let (run, none) = try ResultsFile.read(path: fixture("results/a.json"))
    XCTAssertEqual(run.results.count, 4)
    XCTAssertEqual(none, [])
  }

  func testAResumedRunKeepsItsInterpreter() throws {
    var run = try recorded()
    let py311 = PythonInterpreter(
      version: "3.11.7", implementation: "CPython", path: "/usr/bin/python3")
    run.python = py311
    _ = try Journal.create(path: path, header: Journal.Header(run, ops: []))
    let contents = try Journal.read(path: path)
    XCTAssertNoThrow(try contents.check(interpreter: py311))
    XCTAssertNoThrow(try contents.check(interpreter: nil))
    var py312 = py311
    py312.version = "3.12.1"
    XCTAssertThrowsError(try contents.check(interpreter: py312)) {
      XCTAssertTrue("\($0)".contains("pass --python /usr/bin/python3"), "\($0)")
    }
  }

  func testJournalSitsBesideTheOutput() {
    XCTAssertEqual(Journal.path(besideOutput: "runs/today.json"), "runs/today.json.jsonl")
  }
}

extension Journal {
  /// One journal line as `append` writes it.
  static func lineForTest(_ result: OperationResult) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(result) + Data("\n".utf8)
  }
}
