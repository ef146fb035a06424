import Foundation

/// A child process served over lines: requests written to its standard
/// input, one reply line read from its standard output per request, its
/// standard error kept for error messages. The one way both the CPython
/// harness and the Swift count worker are run.
final class LineProcess {
  /// How the process is named in errors: `the harness`, `the counting worker`.
  let name: String
  private let process: Process
  private let stdin: FileHandle
  private let lines = _LineQueue()
  private let stderrTail = _LineQueue()

  /// Starts `command` (its first word is the executable).
  ///
  /// - Parameter cannotStart: the error for a process that does not start.
  init(
    command: [String], environment: [String: String], name: String,
    cannotStart: (Error) -> ComplexityError
  ) throws {
    // A process that dies leaves a closed pipe; writing to it must be an
    // error we report, not SIGPIPE killing the whole process.
    signal(SIGPIPE, SIG_IGN)
    self.name = name
    process = Process()
    process.executableURL = URL(fileURLWithPath: command[0])
    process.arguments = Array(command.dropFirst())
    process.environment = environment
    let input = Pipe(), output = Pipe(), errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    lines.follow(output.fileHandleForReading)
    stderrTail.follow(errors.fileHandleForReading)
    do {
      try process.run()
    } catch {
      throw cannotStart(error)
    }
    Leftovers.register(child: process.processIdentifier)
    stdin = input.fileHandleForWriting
  }

  var isRunning: Bool { process.isRunning }

  var processIdentifier: Int32 { process.processIdentifier }

  /// Writes one request (a line, newline included).
  func send(_ line: Data) throws {
    do {
      try stdin.write(contentsOf: line)
    } catch {
      throw failure("could not write to \(name)")
    }
  }

  /// The next reply line.
  ///
  /// - Parameter exited: what to say when the process has gone.
  /// - Throws: `ComplexityError(.subject, …)` when no line comes within
  ///   `timeout` (the process is killed) or the process exits.
  func receive(timeout: Double, exited: String) throws -> String {
    if let line = lines.next(timeout: timeout) { return line }
    // The pipe closes as the process dies, a moment before it is reaped:
    // a closed pipe is an exit, not a hang.
    if !lines.isClosed && process.isRunning {
      end()
      throw ComplexityError(
        .timedOut,
        "\(name) did not answer within "
          + (timeout == timeout.rounded() ? "\(Int(timeout))" : String(format: "%.1f", timeout))
          + " s (stopped it)")
    }
    throw failure(exited)
  }

  /// An error saying `what`, with the exit status and the last lines of
  /// standard error; the process is ended.
  func failure(_ what: String) -> ComplexityError {
    // Let the process be reaped and its stderr drain, briefly.
    process.exited(within: 1)
    usleep(20_000)
    let status = process.isRunning ? "" : " (status \(process.terminationStatus))"
    let tail = stderrTail.drain().suffix(3).joined(separator: " | ")
    end()
    return ComplexityError(.subject, "\(what)\(status)\(tail.isEmpty ? "" : ": \(tail)")")
  }

  /// Sends `quit`, closes the input, waits up to `grace` seconds, then ends
  /// the process.
  func stop(quit: Data, grace: Double) {
    if process.isRunning {
      try? stdin.write(contentsOf: quit)
      try? stdin.close()
      process.exited(within: grace)
    }
    end()
  }

  /// Terminates the process if it still runs and waits for it (briefly,
  /// then SIGKILL), so that none outlives its owner.
  private func end() {
    defer { Leftovers.ended(child: process.processIdentifier) }
    guard process.isRunning else { return }
    process.terminate()
    if !process.exited(within: 2) { kill(process.processIdentifier, SIGKILL) }
  }
}

/// Lines read from a pipe on a background thread, handed out one at a time.
final class _LineQueue: @unchecked Sendable {
  private let condition = NSCondition()
  private var pending: [String] = []
  private var buffer = Data()
  private var closed = false

  func follow(_ handle: FileHandle) {
    let thread = Thread { [self] in
      while true {
        let chunk = handle.availableData
        condition.lock()
        if chunk.isEmpty {
          closed = true
          condition.broadcast()
          condition.unlock()
          return
        }
        buffer.append(chunk)
        while let i = buffer.firstIndex(of: 0x0A) {
          pending.append(String(decoding: buffer[buffer.startIndex..<i], as: UTF8.self))
          buffer = Data(buffer[(i + 1)...])
        }
        condition.broadcast()
        condition.unlock()
      }
    }
    thread.start()
  }

  /// Whether the pipe has reached its end.
  var isClosed: Bool {
    condition.lock()
    defer { condition.unlock() }
    return closed
  }

  /// The next line, or nil when the pipe closed or the timeout passed.
  func next(timeout: Double) -> String? {
    let deadline = Date().addingTimeInterval(timeout)
    condition.lock()
    defer { condition.unlock() }
    while pending.isEmpty && !closed {
      if !condition.wait(until: deadline) { break }
    }
    return pending.isEmpty ? nil : pending.removeFirst()
  }

  /// Every line so far.
  func drain() -> [String] {
    condition.lock()
    defer { condition.unlock() }
    let all = pending
    pending = []
    return all
  }
}
