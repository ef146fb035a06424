import Foundation

/// The valgrind installation that counts instructions (`--metric
/// instructions`), found on `PATH` or through `$VALGRIND`.
package struct Valgrind: Codable, Sendable, Equatable {
  /// The `valgrind` executable.
  package var path: String
  /// What `valgrind --version` prints, e.g. `valgrind-3.19.0`.
  package var version: String

  package init(path: String, version: String) {
    self.path = path
    self.version = version
  }

  /// How to get valgrind, for error messages.
  package static let installHint =
    "install it with `sudo apt-get install valgrind` (./scripts/complexity and ./scripts/test "
    + "install it), or set $VALGRIND to its path"

  /// Finds valgrind: `$VALGRIND`, else `valgrind` on `PATH`, and asks it
  /// its version (which also shows that it runs).
  ///
  /// - Throws: `ComplexityError(.missingTool, …)` naming valgrind, what was
  ///   tried and how to install it.
  package static func locate(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> Valgrind {
    let path: String
    if let explicit = environment["VALGRIND"], !explicit.isEmpty {
      guard FileManager.default.isExecutableFile(atPath: explicit) else {
        throw ComplexityError(
          .missingTool,
          "no valgrind at $VALGRIND=\(explicit): instruction counts need valgrind; \(installHint)")
      }
      path = explicit
    } else {
      let dirs = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
      guard
        let found = dirs.map({ "\($0)/valgrind" })
          .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
      else {
        throw ComplexityError(
          .missingTool,
          "valgrind is not installed (not on PATH): --metric instructions counts instructions "
            + "under valgrind's callgrind; \(installHint)")
      }
      path = found
    }
    let version = try Self.version(of: path)
    return Valgrind(path: path, version: version)
  }

  /// The command that runs a program under callgrind with counting off,
  /// for a program that switches it on and dumps by client requests
  /// (`CallgrindClient`).
  ///
  /// - Parameters:
  ///   - outFile: callgrind's output; dump N goes to `outFile.N`.
  ///   - instrumentAtStart: false for a program that switches
  ///     instrumentation on itself (`CallgrindClient.collect`).
  /// - Returns: valgrind and its options; append the program and its arguments.
  package func callgrindCommand(outFile: String, instrumentAtStart: Bool = true) -> [String] {
    [path, "-q", "--tool=callgrind", "--callgrind-out-file=\(outFile)", "--collect-atstart=no"]
      + (instrumentAtStart ? [] : ["--instr-atstart=no"])
  }

  /// The command that runs a program under callgrind, counting only inside
  /// `toggle` and dumping the counts at every entry to `dumpBefore`.
  ///
  /// - Parameters:
  ///   - outFile: callgrind's output; dump N goes to `outFile.N`.
  ///   - toggle: the function inside which instructions are counted.
  ///   - dumpBefore: the function whose every call writes a dump.
  ///   - instrumentAtStart: false to run the program uninstrumented (about
  ///     twice as fast, and blind: no toggles, no dumps) until it asks for
  ///     instrumentation by a client request.
  /// - Returns: valgrind and its options; append the program and its arguments.
  package func callgrindCommand(
    outFile: String, toggle: String, dumpBefore: String, instrumentAtStart: Bool = true
  ) -> [String] {
    callgrindCommand(outFile: outFile, instrumentAtStart: instrumentAtStart) + [
      "--toggle-collect=\(toggle)", "--dump-before=\(dumpBefore)",
    ]
  }

  // MARK: - Implementation details

  private static func version(of path: String) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = ["--version"]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    do {
      try p.run()
    } catch {
      throw ComplexityError(
        .missingTool, "could not run valgrind at \(path) (\(error)): \(installHint)")
    }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    // The output has ended; the exit follows within a millisecond. This
    // wait is on the way to every count, so it polls finely.
    if !p.exited(within: 10, poll: 0.001) {
      p.terminate()
      throw ComplexityError(
        .missingTool, "\(path) --version printed its version but did not exit: \(installHint)")
    }
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard p.terminationStatus == 0, text.hasPrefix("valgrind") else {
      throw ComplexityError(
        .missingTool,
        "\(path) --version did not answer as valgrind does (status \(p.terminationStatus)): "
          + installHint)
    }
    return text
  }
}
