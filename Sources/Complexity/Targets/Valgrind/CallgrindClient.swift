import CCallgrind
import Foundation

/// The callgrind this process runs under, asked through client requests:
/// it counts the instructions of chosen blocks of this process's own code.
///
/// Callgrind must have been started with collection off
/// (`--collect-atstart=no`), so that only the blocks inside `collect` are
/// counted, and told where to write (`--callgrind-out-file=PATH`, with
/// `PATH` also in `$COMPLEXITY_CALLGRIND_OUT`): each `dump()` writes
/// `PATH.N`, whose totals this client reads back. `SwiftWorkerSubject`
/// and `scripts/count-tests` start processes that way.
///
/// The dump counter is callgrind's, one per process, so there is one client
/// per process (`current()`).
package final class CallgrindClient: @unchecked Sendable {
  /// The variable naming callgrind's output file (its `--callgrind-out-file`).
  package static let outFileVariable = "COMPLEXITY_CALLGRIND_OUT"

  /// Callgrind's output file; dump N is `outFile.N`.
  package let outFile: String
  /// Dumps written so far. Callgrind's counter is the process's, so this
  /// one is too: a client made again after a failed start goes on from it.
  nonisolated(unsafe) private static var dumps = 0
  private let lock = NSLock()

  nonisolated(unsafe) private static var shared: CallgrindClient?
  private static let sharedLock = NSLock()

  /// Whether this process runs under valgrind (any tool).
  package static var isRunningUnderValgrind: Bool { complexity_running_on_valgrind() > 0 }

  /// Whether this build can make client requests at all (valgrind's
  /// headers were found when it was compiled).
  package static var isCompiledIn: Bool { complexity_callgrind_compiled_in() != 0 }

  /// The client of this process.
  ///
  /// - Throws: `ComplexityError(.missingTool, …)` when the process does not
  ///   run under valgrind, or was built without valgrind's headers, saying
  ///   how to run it; `ComplexityError(.subject, …)` when callgrind writes
  ///   no dump where `$COMPLEXITY_CALLGRIND_OUT` says.
  package static func current(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> CallgrindClient {
    sharedLock.lock()
    defer { sharedLock.unlock() }
    if let shared { return shared }
    guard isCompiledIn else {
      throw ComplexityError(
        .missingTool,
        "this build of complexity has no callgrind client requests: valgrind's headers "
          + "(valgrind/callgrind.h) were missing when it was compiled; "
          + "\(Valgrind.installHint), then rebuild")
    }
    guard isRunningUnderValgrind else {
      throw ComplexityError(
        .missingTool,
        "instruction counts in this process need it to run under callgrind: "
          + "valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file=PATH, "
          + "with \(outFileVariable)=PATH in its environment (./scripts/count-tests does this "
          + "for tests; the CLI re-runs itself so for Swift ops)")
    }
    let outFile =
      environment[outFileVariable].flatMap { $0.isEmpty ? nil : $0 }
      ?? "callgrind.out.\(getpid())"
    let made = try CallgrindClient(outFile: outFile)
    shared = made
    return made
  }

  private init(outFile: String) throws {
    self.outFile = outFile
    // Collection may have been on from the start (no --collect-atstart=no):
    // then the first dump holds the whole start-up. Switch it off, so that
    // only `collect` blocks count, and check that it is off.
    if try dump() > 0 {
      complexity_callgrind_toggle_collect()
      _ = try dump()
      let idle = try dump()
      guard idle == 0 else {
        throw ComplexityError(
          .subject,
          "callgrind counted \(idle) instructions with collection switched off: it cannot "
            + "be told to count only the measured code")
      }
    }
  }

  /// Whether this client has switched instrumentation on (`collect`).
  private var instrumenting = false

  /// Runs `body` with callgrind collecting, and only it. The first call
  /// switches callgrind's instrumentation on, for a process started with
  /// `--instr-atstart=no` (`SwiftWorkerSubject` starts the worker so): its
  /// start, its first request and the first op's set-up ran uninstrumented,
  /// twice as fast. Switching discards valgrind's translations, so once.
  @inline(__always)
  package func collect<T>(_ body: () throws -> T) rethrows -> T {
    if !instrumenting {
      complexity_callgrind_start_instrumentation()
      instrumenting = true
    }
    complexity_callgrind_toggle_collect()
    defer { complexity_callgrind_toggle_collect() }
    return try body()
  }

  /// Makes callgrind write what it collected since the last dump, and
  /// returns its instruction count.
  ///
  /// - Throws: `ComplexityError(.subject, …)` when the dump file is
  ///   missing (callgrind writes elsewhere: `$COMPLEXITY_CALLGRIND_OUT`
  ///   does not match `--callgrind-out-file`) or not the one expected.
  package func dump() throws -> UInt64 {
    lock.lock()
    defer { lock.unlock() }
    Self.dumps += 1
    let dumps = Self.dumps
    // Callgrind names the file and its `part:` from one counter, so only the
    // reason tells this dump from one that something else in the process
    // asked for (which would shift every later file by one).
    let reason = "complexity sample \(dumps) of process \(getpid())"
    complexity_callgrind_dump(reason)
    let path = "\(outFile).\(dumps)"
    // Plain open/read/unlink: this runs under valgrind, where Foundation's
    // file handles and file manager cost tens of milliseconds a sample.
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      throw ComplexityError(
        .subject,
        "callgrind wrote no dump at \(path): set \(Self.outFileVariable) to the path given "
          + "to --callgrind-out-file, and run valgrind with --tool=callgrind")
    }
    // The header, with the summary, is in the first few hundred bytes;
    // the per-function costs after it are not needed.
    var head = [UInt8](repeating: 0, count: 4_096)
    let count = max(0, read(fd, &head, head.count))
    close(fd)
    unlink(path)
    // A line cut at the buffer's end is not read (a count cut short would be wrong).
    let end =
      count == head.count ? (head.lastIndex(of: UInt8(ascii: "\n")) ?? 0) : count
    let output = try CallgrindOutput(header: head[..<end], source: path)
    guard output.trigger?.hasSuffix(reason) == true else {
      throw ComplexityError(
        .subject,
        "callgrind's dump \(path) was written by \(output.trigger ?? "an unknown trigger"), "
          + "not by this client's sample \(dumps): something else in this process dumps "
          + "callgrind's counts, so they cannot be told apart")
    }
    return try output.total("Ir")
  }
}
