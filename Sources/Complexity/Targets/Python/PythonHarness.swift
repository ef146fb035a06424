import Foundation

/// A running `python3` serving the timing harness over JSON lines.
///
/// One harness serves a whole run; if it crashes or hangs on one operation,
/// it is killed and the next request starts a fresh one.
package final class PythonHarness {
  /// The interpreter as the harness reported it.
  package private(set) var interpreter: PythonInterpreter
  /// Seconds to wait for one reply before the harness counts as hung.
  package var replyTimeout: Double

  private let executable: String
  private let launch: Launch
  /// The running interpreter; nil once it failed or stopped.
  private var channel: LineProcess?
  /// The harness's main file, written once (`PythonHarness.write`).
  private let mainFile: String
  /// The temporary folder of the files, when the harness made it.
  private let ownDirectory: URL?
  /// JIT warm-ups reported so far, by op and size (`time(…, settle: true)`).
  package private(set) var warmUps: [String: [Int: WarmUp]] = [:]
  /// Ops defined so far, defined again in a restarted harness.
  private var defined: [String: PythonCode] = [:]
  /// Seconds to wait for a reply unless a sweep's budget says otherwise.
  package static let defaultReplyTimeout = 120.0
  /// The oldest interpreter the harness supports.
  package static let minimumVersion = (3, 8)

  /// Starts the harness and checks the interpreter.
  ///
  /// - Parameters:
  ///   - executable: the interpreter's path (see `PythonInterpreter.locate`).
  ///   - replyTimeout: seconds to wait for one reply (default 120).
  /// - Throws: `ComplexityError(.missingTool, …)` when it cannot start or is
  ///   too old; `ComplexityError(.subject, …)` when it does not answer.
  ///   - launch: how to start it (default: directly; or under valgrind).
  package init(
    executable: String, replyTimeout: Double = defaultReplyTimeout, launch: Launch = Launch()
  ) throws {
    self.executable = executable
    self.replyTimeout = replyTimeout
    self.launch = launch
    self.interpreter = PythonInterpreter(version: "?", implementation: "?", path: executable)
    let shared = launch.directory == nil ? Self.sharedFolder : nil
    ownDirectory =
      launch.directory == nil && shared == nil
      ? FileManager.default.temporaryDirectory.appendingPathComponent(
        "complexity-harness-\(UUID().uuidString)") : nil
    ownDirectory.map(Leftovers.register(folder:))
    do {
      if let shared {
        mainFile = shared.appendingPathComponent(Self.files[0].name).path
      } else {
        mainFile = try Self.write(into: launch.directory ?? ownDirectory!)
      }
      try start()
    } catch {
      ownDirectory.map(Leftovers.remove(folder:))
      throw error
    }
  }

  deinit {
    stop()
    ownDirectory.map(Leftovers.remove(folder:))
  }

  /// Times one operation: the seconds of one sample of `loops` runs.
  ///
  /// - Parameter settle: warm the op up first at each new size, until its
  ///   samples agree (a JIT's steady state; `complexity_sampler._settle`),
  ///   recorded in `warmUps`.
  package func time(
    op: String, n: Int, loops: Int, cold: Bool, settle: Bool = false
  ) throws
    -> Double
  {
    let (seconds, reply) = try sample(
      "time", answer: "seconds", op: op, n: n, loops: loops, cold: cold,
      extra: settle ? ["settle": true] : [:])
    if let warmUp = reply["warmup"] as? [String: Any], let spent = warmUp["seconds"] as? Double,
      let settled = warmUp["settled"] as? Bool
    {
      warmUps[op, default: [:]][n] = WarmUp(seconds: spent, settled: settled)
    }
    return seconds
  }

  /// The warm-up of one op at one size before it was timed.
  package struct WarmUp: Sendable, Equatable {
    /// Seconds spent running it before its samples agreed (or it gave up).
    package var seconds: Double
    /// Whether its samples came to agree.
    package var settled: Bool
  }

  /// Measures one operation's memory: `loops` times the mean peak bytes a
  /// call allocates above its input, or (`total`) the mean bytes it
  /// allocates in all (`complexity_memory.py`; totals need the counting
  /// allocator preloaded).
  package func memory(
    op: String, n: Int, loops: Int, cold: Bool, total: Bool = false
  ) throws
    -> Double
  {
    try sample(
      total ? "allocated" : "memory", answer: "bytes", op: op, n: n, loops: loops, cold: cold
    )
    .value
  }

  /// One sample of `loops` runs by request `cmd`, whose reply holds it
  /// under `answer`.
  ///
  /// - Throws: `ComplexityError(.subject, …)` when the harness fails or
  ///   sends a malformed reply.
  private func sample(
    _ cmd: String, answer: String, op: String, n: Int, loops: Int, cold: Bool,
    extra: [String: Any] = [:]
  ) throws -> (value: Double, reply: [String: Any]) {
    try defineFromCatalog(op)
    let reply = try request(
      [
        "cmd": cmd, "op": op, "n": n, "loops": loops, "repeats": 1, "cold": cold,
      ].merging(extra) { a, _ in a })
    guard let values = reply[answer] as? [Double], values.count == 1, values[0].isFinite,
      values[0] >= 0
    else {
      throw ComplexityError(.subject, "the harness sent a malformed reply for \(op): \(reply)")
    }
    return (values[0], reply)
  }

  /// Defines a catalog op the first time it is asked for (an id the
  /// harness was not given code for, and the catalog lacks, is left for
  /// the harness to refuse).
  package func defineFromCatalog(_ id: String) throws {
    if defined[id] == nil, let code = Catalog.standard[id]?.python { try define(id, code) }
  }

  /// Defines op `id` by its code, unless this harness has it already.
  ///
  /// - Throws: `ComplexityError(.subject, …)` when the code does not compile.
  package func define(_ id: String, _ code: PythonCode) throws {
    guard defined[id] != code else { return }
    _ = try request(code.defineRequest(op: id))
    defined[id] = code
  }

  /// Bytes resident in the interpreter's process.
  package func residentBytes() -> UInt64? {
    channel.flatMap { ResidentMemory.bytes(pid: $0.processIdentifier) }
  }

  /// Forgets every prepared input, so the next request builds it anew (in a
  /// new place in memory).
  package func reset() throws {
    _ = try request(["cmd": "reset"])
  }

  /// Stops the interpreter.
  package func stop() {
    let quit = launch.quitsAtOnce ? #"{"cmd": "quit", "now": true}"# : #"{"cmd": "quit"}"#
    channel?.stop(quit: Data((quit + "\n").utf8), grace: 1)
    channel = nil
  }

  // MARK: - Implementation details

  private func start() throws {
    let arguments = (launch.site ? [] : ["-S"]) + ["-u", mainFile]
    var env = ProcessInfo.processInfo.environment
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.merge(launch.environment) { _, added in added }
    channel = try LineProcess(
      command: launch.wrapper + [executable] + arguments, environment: env, name: "the harness"
    ) {
      ComplexityError(
        .missingTool, "could not start the Python interpreter \(self.executable): \($0)")
    }
    let hello = try request(["cmd": "hello"], restartOnFailure: false)
    guard let info = hello["python"] as? [String: Any],
      let version = info["version"] as? String,
      let implementation = info["implementation"] as? String,
      let path = info["executable"] as? String
    else {
      throw ComplexityError(.subject, "the harness greeted with a malformed reply: \(hello)")
    }
    let parts = version.split(separator: ".").compactMap { Int($0) }
    if parts.count >= 2,
      (parts[0], parts[1]) < Self.minimumVersion
    {
      stop()
      throw ComplexityError(
        .missingTool,
        "\(executable) is Python \(version); the harness needs "
          + "\(Self.minimumVersion.0).\(Self.minimumVersion.1) or newer: pass --python PATH")
    }
    interpreter = PythonInterpreter(version: version, implementation: implementation, path: path)
    for command in launch.startCommands {
      do {
        _ = try request(["cmd": command], restartOnFailure: false)
      } catch let error as ComplexityError {
        stop()
        throw StartCommandRefused(command: command, reason: error.description)
      }
    }
    let ops = defined
    defined = [:]
    for (id, code) in ops.sorted(by: { $0.key < $1.key }) { try define(id, code) }
  }

  func request(
    _ body: [String: Any], restartOnFailure: Bool = true
  ) throws
    -> [String: Any]
  {
    if channel?.isRunning != true {
      if restartOnFailure { stop(); try start() }
    }
    guard let channel, channel.isRunning else {
      throw ComplexityError(.subject, "the Python harness is not running")
    }
    // Sorted keys: the same request is the same bytes in every run (a
    // Swift dictionary's order changes from process to process), so the
    // harness allocates the same objects in the same order, and counts
    // under callgrind repeat between runs.
    let data =
      try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]) + Data("\n".utf8)
    let line: String
    do {
      try channel.send(data)
      line = try channel.receive(timeout: replyTimeout, exited: "the interpreter exited")
    } catch {
      self.channel = nil
      throw error
    }
    guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)),
      let reply = object as? [String: Any]
    else {
      throw ComplexityError(
        .subject, "the harness sent a line that is not JSON: \(line.prefix(200))")
    }
    guard reply["ok"] as? Bool == true else {
      // Code that does not compile is the user's to fix, not a failure.
      throw ComplexityError(
        reply["bad_input"] as? Bool == true ? .badInput : .subject,
        "\(reply["error"] as? String ?? "the harness failed")")
    }
    return reply
  }
}
