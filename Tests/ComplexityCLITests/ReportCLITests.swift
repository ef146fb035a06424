import ComplexityTestSupport
import Foundation
import XCTest

/// The report, compare, plot, journal and baseline features, through the
/// built binary. Nothing here times anything: the runs are of fake ops (a
/// seeded model) or recorded in `fixtures/results/`.
final class ReportCLITests: XCTestCase {
  private static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  private struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  private struct NoBinary: Error, CustomStringConvertible {
    var path: String
    var description: String { "no built tool at \(path): build it, or set COMPLEXITY_BIN" }
  }

  /// Runs the tool (`$COMPLEXITY_BIN`, else `.build/debug/complexity`).
  private func complexity(_ arguments: String...) throws -> Outcome {
    try complexity(arguments)
  }

  private func complexity(_ arguments: [String]) throws -> Outcome {
    let path =
      ProcessInfo.processInfo.environment["COMPLEXITY_BIN"]
      ?? Self.root.appendingPathComponent(".build/debug/complexity").path
    guard FileManager.default.isExecutableFile(atPath: path) else { throw NoBinary(path: path) }
    // Files rather than pipes: neither stream can fill up and stall the tool.
    let dir = FileManager.default.temporaryDirectory
    let out = dir.appendingPathComponent("complexity-out-\(UUID().uuidString)")
    let err = dir.appendingPathComponent("complexity-err-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    defer {
      try? FileManager.default.removeItem(at: out)
      try? FileManager.default.removeItem(at: err)
    }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = arguments
    p.standardOutput = try FileHandle(forWritingTo: out)
    p.standardError = try FileHandle(forWritingTo: err)
    p.standardInput = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    return Outcome(status: p.terminationStatus, stdout: read(out), stderr: read(err))
  }

  private func recorded(_ name: String) -> String {
    Self.root.appendingPathComponent("fixtures/results/\(name)").path
  }

  /// A fresh folder, removed after the test.
  private func scratch() throws -> URL {
    let url = try temporaryFolder(prefix: "report")
    addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
  }

  private func read(_ url: URL) -> String {
    String(decoding: FileManager.default.contents(atPath: url.path) ?? Data(), as: UTF8.self)
  }

  private func lines(_ url: URL) -> [String] {
    read(url).split(separator: "\n").map(String.init)
  }

  // MARK: - report

  func testReportWritesASelfContainedHTMLPage() throws {
    let page = try scratch().appendingPathComponent("report.html")
    let r = try complexity("report", recorded("a.json"), "--format", "html", "--output", page.path)
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertEqual(r.stdout, "")
    let html = read(page)
    XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
    XCTAssertTrue(html.contains("<table>"))
    XCTAssertTrue(html.contains("<tr class=\"differs\">"))
    XCTAssertEqual(html.components(separatedBy: "<svg ").count - 1, 4)
    XCTAssertFalse(html.contains("http://") || html.contains("https://"))
  }

  func testReportPlotFolderAndOtherFormats() throws {
    let folder = try scratch().appendingPathComponent("plots")
    let r = try complexity(
      "report", recorded("b.json"), "--plot", folder.path, "--format", "markdown")
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.contains("| `fake.linear` |"), r.stdout)
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    XCTAssertEqual(
      files,
      [
        "fake.constant.svg", "fake.linear.svg", "fake.log.svg", "fake.mislabelled.svg",
        "fake.quadratic.svg", "index.html",
      ])
    XCTAssertTrue(read(folder.appendingPathComponent("fake.linear.svg")).contains("<svg xmlns="))
  }

  func testReportReadsACutJournalWithAWarning() throws {
    let r = try complexity("report", recorded("interrupted.jsonl"), "--format", "csv")
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertEqual(r.stdout.split(separator: "\n").count, 3)
    XCTAssertTrue(r.stderr.hasPrefix("warning: "), r.stderr)
    XCTAssertTrue(r.stderr.contains("line 4 is cut short"), r.stderr)
  }

  // MARK: - sweep: journal, plots, resume, baseline

  func testSweepWritesAJournalAndPlots() throws {
    let dir = try scratch()
    let output = dir.appendingPathComponent("run.json")
    let r = try complexity(
      "sweep", "--op", "fake.linear", "--op", "fake.mislabelled", "--max-size", "4096",
      "--format", "json", "--output", output.path, "--plot",
      dir.appendingPathComponent("plots").path,
      "--quiet")
    XCTAssertEqual(r.status, 1, r.stderr)  // fake.mislabelled differs from its docs
    let journal = lines(URL(fileURLWithPath: output.path + ".jsonl"))
    XCTAssertEqual(journal.count, 3)
    let header = try JSONSerialization.jsonObject(with: Data(journal[0].utf8)) as? [String: Any]
    XCTAssertEqual(header?["journal"] as? String, "complexity")
    XCTAssertEqual(header?["ops"] as? [String], ["fake.linear", "fake.mislabelled"])
    for line in journal.dropFirst() {
      let result = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      XCTAssertNotNil(result?["classification"])
    }
    let plots = try FileManager.default.contentsOfDirectory(
      atPath: dir.appendingPathComponent("plots").path
    ).sorted()
    XCTAssertEqual(plots, ["fake.linear.svg", "fake.mislabelled.svg", "index.html"])
  }

  func testResumeRunsOnlyTheMissingOps() throws {
    let dir = try scratch()
    let journal = dir.appendingPathComponent("run.json.jsonl")
    try FileManager.default.copyItem(atPath: recorded("interrupted.jsonl"), toPath: journal.path)
    let before = lines(journal)
    let output = dir.appendingPathComponent("run.json")

    let r = try complexity(
      "sweep", "--resume", journal.path, "--format", "json", "--output", output.path)
    XCTAssertEqual(r.status, 1, r.stderr)
    XCTAssertTrue(r.stderr.contains("line 4 is cut short"), r.stderr)
    XCTAssertTrue(r.stderr.contains("2 of 6 ops done, 4 to run"), r.stderr)
    XCTAssertFalse(r.stderr.contains("Fatal error"))

    let after = lines(journal)
    XCTAssertEqual(after.count, 7)
    XCTAssertEqual(
      Array(after.prefix(3)), Array(before.prefix(3)), "finished ops are kept as they were")
    let ops = try after.dropFirst().map { line -> String in
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      return try XCTUnwrap(object?["op"] as? String)
    }
    XCTAssertEqual(
      ops,
      [
        "fake.constant", "fake.log", "fake.linear", "fake.linearithmic", "fake.quadratic",
        "fake.mislabelled",
      ])
    // The journal's settings are the run's: the header's sizes, not the defaults.
    let results = try JSONSerialization.jsonObject(with: Data(read(output).utf8)) as? [String: Any]
    XCTAssertEqual((results?["plan"] as? [String: Any])?["maximum"] as? Int, 4096)
    XCTAssertEqual((results?["results"] as? [Any])?.count, 6)
    XCTAssertEqual(results?["started"] as? String, "2026-01-07T09:00:00Z")

    let again = try complexity("sweep", "--resume", journal.path, "--format", "csv")
    XCTAssertEqual(again.status, 1)
    XCTAssertTrue(again.stderr.contains("6 of 6 ops done, 0 to run"), again.stderr)
    XCTAssertFalse(again.stderr.contains("warning"))
    XCTAssertEqual(lines(journal).count, 7)
  }

  func testAJournalKeepsItsMetric() throws {
    let dir = try scratch()
    let output = dir.appendingPathComponent("run.json")
    let first = try complexity("sweep", "--op", "fake.linear", "--quiet", "--output", output.path)
    XCTAssertEqual(first.status, 0, first.stderr)
    let journal = output.path + ".jsonl"
    let header =
      try JSONSerialization.jsonObject(
        with: Data(lines(URL(fileURLWithPath: journal))[0].utf8)) as? [String: Any]
    XCTAssertEqual(header?["metric"] as? String, "auto")
    let other = try complexity("sweep", "--resume", journal, "--metric", "time")
    XCTAssertEqual(other.status, 2, other.stderr)
    XCTAssertTrue(
      other.stderr.contains("was started with --metric auto, this run asks for --metric time"),
      other.stderr)
    let same = try complexity("sweep", "--resume", journal, "--quiet")
    XCTAssertEqual(same.status, 0, same.stderr)
  }

  func testBaselineSetsTheExitStatus() throws {
    let same = try complexity(
      "sweep", "--op", "fake.linear", "--op", "fake.mislabelled", "--baseline", recorded("a.json"),
      "--quiet")
    XCTAssertEqual(same.status, 0, "docs differ for fake.mislabelled, but the baseline rules")
    XCTAssertTrue(same.stderr.contains("no class changed"), same.stderr)

    let changed = try complexity(
      "sweep", "--op", "fake.linear", "--baseline", recorded("b.json"), "--quiet")
    XCTAssertEqual(changed.status, 1)
    XCTAssertTrue(changed.stderr.contains("fake.linear was O(n^2), now O(n)"), changed.stderr)
  }

  // MARK: - compare

  func testCompareExitStatus() throws {
    let r = try complexity("compare", recorded("a.json"), recorded("b.json"))
    XCTAssertEqual(r.status, 1, r.stderr)
    XCTAssertTrue(r.stdout.contains("changed <--"), r.stdout)
    XCTAssertTrue(r.stdout.contains("- fake.linear: O(n) in A, O(n^2) in B"), r.stdout)
    let same = try complexity("compare", recorded("a.json"), recorded("a.json"))
    XCTAssertEqual(same.status, 0, same.stderr)
    XCTAssertTrue(same.stdout.contains("4 ops: 4 same, 0 changed"), same.stdout)
  }

  func testCompareFormats() throws {
    let csv = try complexity("compare", recorded("a.json"), recorded("b.json"), "--format", "csv")
    XCTAssertTrue(csv.stdout.hasPrefix("op,documented,a_measured,b_measured,change,n,"), csv.stdout)
    let md = try complexity(
      "compare", recorded("a.json"), recorded("b.json"), "--format", "markdown")
    XCTAssertTrue(md.stdout.contains("**changed** ⚠"))
    let json = try complexity("compare", recorded("a.json"), recorded("b.json"), "--format", "json")
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    XCTAssertEqual((object?["rows"] as? [Any])?.count, 5)
    XCTAssertEqual(json.status, 1)
  }

  // MARK: - Bad input to every command that reads results: exit 2, one clear line

  func testMalformedOrForeignResultsExitTwo() throws {
    let dir = try scratch()
    func file(_ name: String, _ text: String) throws -> String {
      let url = dir.appendingPathComponent(name)
      try text.write(to: url, atomically: true, encoding: .utf8)
      return url.path
    }
    let good = recorded("a.json")
    let goodText = read(URL(fileURLWithPath: good))
    let journalLines = read(URL(fileURLWithPath: recorded("interrupted.jsonl")))
      .split(separator: "\n").map(String.init)
    let bad: [(String, String)] = [
      (try file("garbage.json", "not json at all"), "not results JSON"),
      (
        try file("foreign.json", "{\"name\": \"a package.json\", \"version\": \"1.0\"}"),
        "not a complexity results file"
      ),
      (try file("array.json", "[1, 2, 3]"), "not a complexity results file"),
      (try file("empty.json", ""), "not results JSON"),
      (try file("cut.json", String(goodText.prefix(goodText.count / 2))), "not results JSON"),
      (
        try file(
          "v9.json",
          goodText.replacingOccurrences(of: "\n  \"version\": 1\n", with: "\n  \"version\": 9\n")),
        "unsupported results version 9"
      ),
      (
        try file("damaged.jsonl", journalLines[0] + "\n{\"op\": \n" + journalLines[1] + "\n"),
        "line 2 is not an operation's result"
      ),
      (dir.appendingPathComponent("missing.json").path, "no such file"),
    ]
    for (path, message) in bad {
      let name = URL(fileURLWithPath: path).lastPathComponent
      let commands: [[String]] = [
        ["report", path], ["report", path, "--format", "html"],
        ["compare", path, good], ["compare", good, path],
        ["sweep", "--op", "fake.linear", "--baseline", path, "--quiet"],
      ]
      for arguments in commands {
        let r = try complexity(arguments)
        XCTAssertEqual(r.status, 2, "\(arguments): \(r.stderr)")
        XCTAssertTrue(r.stderr.hasPrefix("error: "), "\(arguments): \(r.stderr)")
        XCTAssertTrue(r.stderr.contains(name), "\(arguments): \(r.stderr)")
        XCTAssertTrue(r.stderr.contains(message), "\(arguments): \(r.stderr)")
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertEqual(r.stdout, "", "nothing runs or prints before the input is checked")
      }
      let resume = try complexity("sweep", "--resume", path, "--quiet")
      XCTAssertEqual(resume.status, 2, "--resume \(name): \(resume.stderr)")
      XCTAssertTrue(
        resume.stderr.hasPrefix("error: ") && resume.stderr.contains(name), resume.stderr)
      XCTAssertEqual(resume.stdout, "")
    }
    // A results file is not a journal, and --resume says which file it wants.
    let notJournal = try complexity("sweep", "--resume", good, "--quiet")
    XCTAssertEqual(notJournal.status, 2)
    XCTAssertTrue(notJournal.stderr.contains("is not a complexity journal"), notJournal.stderr)
  }
}
