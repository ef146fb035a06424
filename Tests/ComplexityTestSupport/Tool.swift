import Foundation

/// The built `complexity` binary, run as a user runs it; shared by the
/// CLI test files.
package enum Tool {
  /// The package root, found from this file's path.
  package static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Whether valgrind is on `PATH`: the live instruction-count checks need it.
  package static var hasValgrind: Bool {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
      .contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/valgrind") })
  }

  /// What one run printed and how it exited.
  package struct Result {
    package var status: Int32
    package var stdout: String
    package var stderr: String
  }

  struct MissingBinary: Error, CustomStringConvertible {
    var path: String
    var description: String { "no built tool at \(path): run swift build --product complexity" }
  }

  /// The debug build of the tool (`$COMPLEXITY_BIN` overrides). A missing
  /// binary fails the test rather than skipping it: CI must run these.
  package static func url() throws -> URL {
    let path =
      ProcessInfo.processInfo.environment["COMPLEXITY_BIN"]
      ?? root.appendingPathComponent(".build/debug/complexity").path
    guard FileManager.default.isExecutableFile(atPath: path) else {
      throw MissingBinary(path: path)
    }
    return URL(fileURLWithPath: path)
  }

  /// The count cache of this test process's runs: a folder of its own, so
  /// that tests neither read the user's counts nor leave theirs behind (it
  /// is removed when the test process exits normally).
  package static let cacheDirectory: String = {
    atexit { try? FileManager.default.removeItem(atPath: Tool.cacheDirectory) }
    return FileManager.default.temporaryDirectory
      .appendingPathComponent("complexity-test-cache-\(getpid())").path
  }()

  /// Runs the tool with no standard input and collects its output.
  package static func run(
    _ arguments: [String], environment: [String: String] = [:]
  ) throws -> Result {
    let p = Process()
    p.executableURL = try url()
    p.arguments = arguments
    p.environment = ProcessInfo.processInfo.environment
      .merging(["COMPLEXITY_CACHE_DIR": cacheDirectory]) { $1 }
      .merging(environment) { $1 }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Result(
      status: p.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }
}
