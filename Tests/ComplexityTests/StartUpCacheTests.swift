import XCTest

@testable import Complexity

/// What the tool keeps between runs to start faster: the harness's files
/// (where the interpreter keeps their bytecode) and what each interpreter
/// command turned out to be. Neither may change a measurement: the files
/// are the harness's exactly, and a remembered interpreter is a guess.
final class StartUpCacheTests: XCTestCase {
  private func temporaryFolder() -> URL {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("start-up-cache-test-\(UUID().uuidString)")
    addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
    return dir
  }

  func testTheSharedHarnessFolderHoldsTheHarnessAndIsNotRewritten() throws {
    let cache = temporaryFolder()
    let folder = try XCTUnwrap(PythonHarness.makeSharedFolder(in: cache))
    XCTAssertEqual(folder.deletingLastPathComponent().lastPathComponent, "harness")
    for file in PythonHarness.files {
      let url = folder.appendingPathComponent(file.name)
      XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), file.source, file.name)
    }
    // A second run leaves the files as they are: a new modification time
    // would make the interpreter compile them again.
    // (The harness itself, whose bytecode is kept; the file run first is compiled at every start.)
    let main = folder.appendingPathComponent("complexity_harness.py")
    let old = Date(timeIntervalSince1970: 1_000_000)
    try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: main.path)
    XCTAssertEqual(PythonHarness.makeSharedFolder(in: cache)?.path, folder.path)
    let modified = try FileManager.default.attributesOfItem(atPath: main.path)[.modificationDate]
    XCTAssertEqual(modified as? Date, old)
    // A damaged file is written again.
    try "broken".write(to: main, atomically: true, encoding: .utf8)
    XCTAssertEqual(PythonHarness.makeSharedFolder(in: cache)?.path, folder.path)
    XCTAssertEqual(
      try String(contentsOf: main, encoding: .utf8),
      PythonHarness.files.first { $0.name == "complexity_harness.py" }?.source)
  }

  func testAnEarlierBuildsHarnessFolderGoesAfterAMonthUnused() throws {
    let cache = temporaryFolder()
    let harness = cache.appendingPathComponent("harness")
    let longAgo = Date().addingTimeInterval(-CacheFolder.keptUnused - 3600)
    let recent = Date().addingTimeInterval(-3600)
    for (name, used) in [("00000000000000aa", longAgo), ("00000000000000bb", recent)] {
      let old = harness.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
      CacheFolder.touch(old, now: used)
    }
    let folder = try XCTUnwrap(PythonHarness.makeSharedFolder(in: cache))
    CacheFolder.touch(folder, now: longAgo)
    // This build's folder is used now, so kept; the other build's in use
    // an hour ago stays too.
    XCTAssertEqual(PythonHarness.makeSharedFolder(in: cache)?.path, folder.path)
    let left = try FileManager.default.contentsOfDirectory(atPath: harness.path).sorted()
    XCTAssertEqual(left, ["00000000000000bb", folder.lastPathComponent].sorted())
  }

  func testAnUnwritableCacheHasNoSharedHarnessFolder() {
    XCTAssertNil(PythonHarness.makeSharedFolder(in: URL(fileURLWithPath: "/dev/null/cache")))
  }

  func testTheMemoGivesBackWhatACommandStartedAsFromTheSameFolder() {
    let memo = InterpreterMemo(file: temporaryFolder().appendingPathComponent("m.json"))
    let real = PythonInterpreter(
      version: "3.11.7", implementation: "CPython", path: "/opt/py/3.11.7/bin/python3")
    XCTAssertNil(memo.guess(command: "/shims/python3", folder: "/a"))
    memo.record(real, command: "/shims/python3", folder: "/a")
    XCTAssertEqual(memo.guess(command: "/shims/python3", folder: "/a"), real)
    XCTAssertNil(memo.guess(command: "/shims/python3", folder: "/b"))
    XCTAssertNil(memo.guess(command: "/usr/bin/python3", folder: "/a"))
    let other = PythonInterpreter(
      version: "3.12.1", implementation: "CPython", path: "/opt/py/3.12.1/bin/python3")
    memo.record(other, command: "/shims/python3", folder: "/a")
    XCTAssertEqual(memo.guess(command: "/shims/python3", folder: "/a"), other)
  }

  func testAnUnreadableMemoIsNoMemo() throws {
    let file = temporaryFolder().appendingPathComponent("m.json")
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data("{\"x\": tru".utf8).write(to: file)
    let memo = InterpreterMemo(file: file)
    XCTAssertNil(memo.guess(command: "x", folder: "/"))
    let real = PythonInterpreter(version: "3.11.7", implementation: "CPython", path: "/p")
    memo.record(real, command: "x", folder: "/")
    XCTAssertEqual(memo.guess(command: "x", folder: "/"), real)
  }
}
