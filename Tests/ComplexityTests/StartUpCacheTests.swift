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
    let main = folder.appendingPathComponent(PythonHarness.files[0].name)
    let old = Date(timeIntervalSince1970: 1_000_000)
    try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: main.path)
    XCTAssertEqual(PythonHarness.makeSharedFolder(in: cache)?.path, folder.path)
    let modified = try FileManager.default.attributesOfItem(atPath: main.path)[.modificationDate]
    XCTAssertEqual(modified as? Date, old)
    // A damaged file is written again.
    try "broken".write(to: main, atomically: true, encoding: .utf8)
    XCTAssertEqual(PythonHarness.makeSharedFolder(in: cache)?.path, folder.path)
    XCTAssertEqual(try String(contentsOf: main, encoding: .utf8), PythonHarness.files[0].source)
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
