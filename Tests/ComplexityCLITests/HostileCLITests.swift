import ComplexityTestSupport
import Foundation
import XCTest

/// The hostile afternoon's findings, each through the built binary: outputs
/// that must not be replaced, inputs that crashed, failures that passed
/// silently, runs that would not stop.
final class HostileCLITests: XCTestCase {
  private func run(_ arguments: [String]) throws -> Tool.Result { try Tool.run(arguments) }

  private let sortTimings = fixture("recorded/list.sort.csv")

  private func folder() throws -> URL {
    let url = try temporaryFolder(prefix: "hostile")
    addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
  }

  /// Refused with exit 2 and one line naming what was wrong.
  private func assertRefused(
    _ arguments: [String], mentions expected: String, file: StaticString = #filePath,
    line: UInt = #line
  ) throws {
    let stderr = try assertExitsTwo(arguments, mentions: expected, file: file, line: line).stderr
    XCTAssertEqual(stderr.split(separator: "\n").count, 1, stderr, file: file, line: line)
  }

  // MARK: - 1. --output replaces only what it should

  func testADeviceIsNeverReplaced() throws {
    guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
    try assertRefused(
      ["fit", sortTimings, "--output", "/dev/full"], mentions: "No space left on device")
    var info = stat()
    XCTAssertEqual(stat("/dev/full", &info), 0)
    XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "/dev/full must stay a device")
  }

  func testASymlinkStaysALinkAndItsTargetIsWritten() throws {
    let dir = try folder()
    let target = dir.appendingPathComponent("real.txt").path
    let link = dir.appendingPathComponent("link.txt").path
    try "old".write(toFile: target, atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    XCTAssertEqual(try run(["fit", sortTimings, "--output", link]).status, 0)
    XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), target)
    XCTAssertTrue(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("list.sort: "))
  }

  func testAFIFOIsWrittenThrough() throws {
    let fifo = try folder().appendingPathComponent("fifo").path
    XCTAssertEqual(mkfifo(fifo, 0o600), 0)
    let received = Received()
    let reader = Thread {
      if let handle = FileHandle(forReadingAtPath: fifo) {
        received.set(handle.readDataToEndOfFile())
      }
    }
    reader.start()
    XCTAssertEqual(try run(["fit", sortTimings, "--output", fifo]).status, 0)
    let deadline = Date().addingTimeInterval(10)
    while received.get().isEmpty && Date() < deadline { usleep(10_000) }
    XCTAssertTrue(String(decoding: received.get(), as: UTF8.self).hasPrefix("list.sort: "))
    var info = stat()
    XCTAssertEqual(stat(fifo, &info), 0)
    XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "the FIFO must stay a FIFO")
  }

  func testOutputsAreCheckedBeforeAnyWork() throws {
    let dir = try folder()
    try assertRefused(
      ["sweep", "--op", "fake.linear", "--output", dir.path], mentions: "it is a directory")
    try assertRefused(
      ["sweep", "--op", "fake.linear", "--output", "/no/such/folder/out.json"],
      mentions: "there is no folder /no/such/folder")
    try assertRefused(
      ["race", "-s", "a=pass", "-s", "b=pass", "--plot", dir.appendingPathComponent("x.png").path],
      mentions: "name it .svg, or .html")
  }

  // MARK: - 2. No crashes on bad numbers

  func testBadNumbersAreErrorsNotTraps() throws {
    try assertRefused(
      ["sweep", "--op", "list.len", "--max-memory=-1"], mentions: "--max-memory -1")
    try assertRefused(
      ["sweep", "--op", "list.len", "--max-memory", "0"], mentions: "--max-memory 0")
    for budget in ["-1", "0", "nan", "inf"] {
      try assertRefused(
        ["sweep", "--op", "list.len", "--budget=\(budget)"], mentions: "must be a positive number")
    }
    try assertRefused(
      ["race", "-s", "a=pass", "-s", "b=pass", "--min-size", "0"], mentions: "at least 1")
    try assertRefused(
      ["race", "-s", "a=pass", "-s", "b=pass", "--points-per-octave", "0"],
      mentions: "between 1 and 16")
    try assertRefused(["race", "-s", "a=", "-s", "b=pass"], mentions: "has an empty statement")
    let dir = try folder()
    for sizes in [
      #"{"min": 0, "max": 100}"#, #"{"min": -5, "max": 100}"#,
      #"{"min": 10, "max": 100, "perOctave": 0}"#,
    ] {
      let recipe = dir.appendingPathComponent("r.json")
      try """
      {"name": "r", "sizes": \(sizes), "implementations": [
        {"name": "a", "statement": "pass"}, {"name": "b", "statement": "pass"}]}
      """.write(to: recipe, atomically: true, encoding: .utf8)
      let r = try run(["race", recipe.path])
      XCTAssertEqual(r.status, 2, "\(sizes): \(r.stderr)")
      XCTAssertFalse(r.stderr.isEmpty)
    }
  }

  func testAFullStandardOutputIsAnError() throws {
    guard let full = FileHandle(forWritingAtPath: "/dev/full") else {
      throw XCTSkip("no /dev/full")
    }
    let p = Process()
    p.executableURL = try Tool.url()
    p.arguments = ["list"]
    p.standardOutput = full
    let err = Pipe()
    p.standardError = err
    try p.run()
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    XCTAssertEqual(p.terminationStatus, 2, stderr)
    XCTAssertTrue(stderr.contains("cannot write to standard output"), stderr)
  }

  func testCostsOutsideTheFittersRangeAreRefused() throws {
    let rows = (1...8).map { "\($0 * 100),\(Double($0) * 1e155)" }.joined(separator: "\n")
    let url = try temporaryFile("n,seconds\n" + rows + "\n", prefix: "huge", extension: "csv")
    defer { try? FileManager.default.removeItem(at: url) }
    try assertRefused(["fit", url.path], mentions: "outside 1e-100…1e100")
  }

  // MARK: - 3. A failed op never exits 0

  func testAFailedOpExitsThree() throws {
    // list.pop_k holds n = 2^20 fixed: k past it is out of range at once.
    let r = try run([
      "sweep", "--op", "list.pop_k", "--metric", "time", "--min-size", "2000000",
      "--max-size", "8000000", "--quiet", "--format", "csv",
    ])
    XCTAssertEqual(r.status, 3, r.stdout + r.stderr)
    XCTAssertTrue(r.stdout.contains("out of range"), r.stdout)
    let snippet = try run(["time", "--metric", "time", "--quiet", "raise ValueError('boom')"])
    XCTAssertEqual(snippet.status, 3, snippet.stderr)
    XCTAssertTrue(snippet.stderr.contains("boom"), snippet.stderr)
  }

  // MARK: - 4. Memory bounds a sweep

  func testASweepStopsBeforeTheMemoryCap() throws {
    let r = try run([
      "sweep", "--op", "list.len", "--metric", "time", "--max-size", "1000000000000",
      "--max-memory", "400", "--quiet", "--format", "json",
    ])
    // Measured, whatever the verdict: past the caches a 30 ns len() may
    // read as growing, which is the classifier's business, not this test's.
    XCTAssertTrue([0, 1].contains(r.status), "status \(r.status): \(r.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    let result = try XCTUnwrap((object?["results"] as? [[String: Any]])?.first)
    let points = try XCTUnwrap(result["points"] as? [[String: Any]])
    let largest = points.compactMap { $0["n"] as? Int }.max() ?? 0
    // 400 MiB hold a list of at most ~10 million ints and their objects.
    XCTAssertLessThan(largest, 20_000_000, "\(result["stop_reason"] ?? "")")
  }

  // MARK: - 5. The user's prints never reach the protocol

  func testAPrintInTheUsersCode() throws {
    let r = try run([
      "time", "--setup", "x = 1", "--metric", "time", "--max-size", "4096", "--quiet", "print(x)",
    ])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(r.stdout.hasPrefix("user.snippet: "), r.stdout)
  }

  // MARK: - 6. One run per output

  func testAJournalHeldByAnotherRunIsRefused() throws {
    let output = try folder().appendingPathComponent("out.json").path
    let lock = try OutputLockHolder(path: output + ".jsonl.lock")
    defer { lock.release() }
    try assertRefused(
      ["sweep", "--op", "fake.linear", "--output", output],
      mentions: "is being written by another complexity run (process \(getpid()))")
  }

  func testAnExistingJournalIsNotOverwritten() throws {
    let output = try folder().appendingPathComponent("out.json").path
    XCTAssertEqual(
      try run(["sweep", "--op", "fake.linear", "--output", output, "--quiet"]).status, 0)
    try assertRefused(
      ["sweep", "--op", "fake.linear", "--output", output], mentions: "holds a run already")
    try assertRefused(
      ["sweep", "--resume", output + ".jsonl", "--min-size", "64"],
      mentions: "leave the size and timing options out")
    XCTAssertEqual(try run(["sweep", "--resume", output + ".jsonl", "--quiet"]).status, 0)
  }

  // MARK: - 8. Smaller ones

  func testABaselineThatSharesNoOpIsRefused() throws {
    try assertRefused(
      ["sweep", "--op", "fake.quadratic", "--baseline", fixture("results/a.json")],
      mentions: "holds none of the ops this run measures")
  }

  func testHelpPrintsEachDefaultOnce() throws {
    let race = try run(["race", "--help"]).stdout
    XCTAssertEqual(race.components(separatedBy: "(default: 0.001)").count, 2, race)
    let time = try run(["time", "--help"]).stdout
    XCTAssertEqual(time.components(separatedBy: "default: auto").count, 2, time)
    XCTAssertFalse(time.contains("--resume"), time)
  }

  func testInterruptedCountsLeaveNoFolders() throws {
    guard which("valgrind") != nil else { throw XCTSkip("valgrind is not installed") }
    let before = Set(try temporaryFolders())
    let p = Process()
    p.executableURL = try Tool.url()
    p.arguments = ["sweep", "--op", "list.pop0", "--metric", "instructions", "--quiet"]
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    let deadline = Date().addingTimeInterval(60)
    func counting() throws -> Bool {
      Set(try temporaryFolders()).subtracting(before).contains {
        $0.hasPrefix("complexity-callgrind-")
      }
    }
    while try !counting() && Date() < deadline { usleep(50_000) }
    XCTAssertTrue(try counting(), "no callgrind folder appeared")
    kill(p.processIdentifier, SIGTERM)
    p.waitUntilExit()
    XCTAssertEqual(p.terminationStatus, 128 + SIGTERM)
    XCTAssertEqual(Set(try temporaryFolders()).subtracting(before), [])
  }

  // MARK: - 9. One results shape

  func testTimeWritesTheShapeOfASweepAndReportReadsIt() throws {
    let dir = try folder()
    let path = dir.appendingPathComponent("time.json").path
    let r = try run([
      "time", "--setup", "x = list(range(n))", "--metric", "time", "--max-size", "4096",
      "--quiet", "--format", "json", "--output", path, "len(x)",
    ])
    XCTAssertEqual(r.status, 0, r.stderr)
    let object =
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
      as? [String: Any]
    XCTAssertEqual(object?["command"] as? String, "time")
    XCTAssertEqual((object?["results"] as? [Any])?.count, 1)
    XCTAssertEqual(try run(["report", path]).status, 0)
    let csv = try run(["compare", path, path, "--format", "csv"]).stdout
    XCTAssertTrue(csv.hasPrefix("op,documented,a_measured,b_measured,change,n,a_cost,b_cost"), csv)
    XCTAssertTrue(csv.contains(",s,s\n"), csv)
  }

  private func temporaryFolders() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
      .filter { $0.hasPrefix("complexity-callgrind-") || $0.hasPrefix("complexity-harness-") }
  }
}

/// Holds an `flock` on a file, as another complexity run would.
private final class OutputLockHolder {
  let descriptor: Int32
  init(path: String) throws {
    descriptor = open(path, O_RDWR | O_CREAT, 0o644)
    guard descriptor >= 0, flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      throw NSError(domain: "lock", code: Int(errno))
    }
    let pid = "\(getpid())\n"
    _ = pid.withCString { write(descriptor, $0, strlen($0)) }
  }
  func release() {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}

/// What a reader thread received, handed over under a lock.
private final class Received: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()
  func set(_ value: Data) { lock.withLock { data = value } }
  func get() -> Data { lock.withLock { data } }
}

/// What an interpreter other than CPython gets: no instruction counts (they
/// are taken inside CPython's Context.run), refused before any work, and no
/// explanation borrowed from CPython's source.
final class OtherInterpreterCLITests: XCTestCase {
  private let pypy = fixture("fake-python/pypy")

  func testCountsAreRefusedUpFront() throws {
    let r = try assertExitsTwo(
      ["sweep", "--op", "list.clear", "--python", pypy, "--metric", "instructions"],
      mentions: "CPython's Context.run")
    XCTAssertTrue(r.stderr.contains("PyPy 3.9.16"), r.stderr)
  }

  func testAutoTimesOnlyAndSaysWhyAndBorrowsNoStory() throws {
    // The fake times every call at 1 ms: list.clear reads O(1), its docs' class.
    let r = try Tool.run([
      "sweep", "--op", "list.clear", "--op", "fake.mislabelled", "--python", pypy, "--quiet",
      "--format", "json",
    ])
    XCTAssertTrue([0, 1].contains(r.status), r.stderr)
    let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    let results = try XCTUnwrap(object?["results"] as? [[String: Any]])
    let clear = try XCTUnwrap(results.first { $0["op"] as? String == "list.clear" })
    XCTAssertEqual(clear["metric"] as? String, "time")
    XCTAssertNil(clear["metric_comparison"])
    let table = try Tool.run([
      "sweep", "--op", "list.pop_k", "--python", pypy, "--quiet", "--metric", "time",
    ])
    // pop(n-k) documented O(k), measured O(1) by the fake: flagged, and the
    // note on file (CPython's list_ass_slice) is not borrowed.
    XCTAssertTrue(table.stdout.contains("no explanation on file for PyPy"), table.stdout)
    XCTAssertFalse(table.stdout.contains("list_ass_slice"), table.stdout)
    // By default the flagged row is in doubt, and the table says why it was not counted.
    let auto = try Tool.run(["sweep", "--op", "list.pop_k", "--python", pypy, "--quiet"])
    XCTAssertTrue(auto.stdout.contains("Not counted (timed only):"), auto.stdout)
    XCTAssertTrue(auto.stdout.contains("which PyPy does not have"), auto.stdout)
  }
}
