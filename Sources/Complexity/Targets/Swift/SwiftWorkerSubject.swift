import Foundation

/// Swift operations of the catalog measured in a worker process
/// (`complexity count-worker`, the tool re-run), one op after another in
/// one process (`select(_:)` chooses the op): counted in instructions under
/// valgrind's callgrind, or in bytes with the counting allocator preloaded
/// (`AllocationCounter`). Each sample is a count, so the sweep engine in
/// this process fits instructions or bytes per operation with the same
/// rules as time.
///
/// Under callgrind the worker counts by client requests
/// (`CallgrindClient`): collection is off at start and switched on only
/// around each block of calls, so building inputs, restoring them and
/// answering requests are not counted. Its environment fixes what would
/// make counts bend with size or vary between runs without changing the
/// code measured: copies that count the same per byte at every size
/// (`Valgrind.steadyCopies`), and nothing else of the caller's, in a fixed
/// order. Swift's hashing stays seeded per process and per table, as in
/// real programs (see `notes`), so counts of hash operations move a little
/// from run to run.
package final class SwiftWorkerSubject: Subject {
  /// What the worker runs under.
  package enum Host {
    /// Valgrind's callgrind: instructions.
    case callgrind(Valgrind)
    /// The counting allocator (`AllocationCounter.libraryName`), preloaded
    /// from this file: peak bytes.
    case allocationCounter(URL)
  }

  /// The op counted now, by the id the worker knows it by.
  package private(set) var op: String
  package let host: Host
  /// What the allocation counter counts now: `.memory` (peaks) or
  /// `.allocated` (totals).
  private var bytes: Metric = .memory

  private let directory: URL
  /// The running worker; nil once it failed or stopped.
  private var worker: LineProcess?
  /// Seconds to wait for one reply: valgrind runs the code ~50 times slower.
  private let replyTimeout: Double = 1800

  /// The worker's environment under valgrind.
  package static let environment: [String: String] = Valgrind.steadyCopies

  /// What every result says about how it was counted.
  package var notes: [String] {
    guard case .callgrind(let valgrind) = host else { return Self.notes(for: bytes) }
    return [
      "instructions per op counted by callgrind (\(valgrind.version)) in a worker process "
        + "(this tool re-run under valgrind), only inside the measured blocks (inputs, "
        + "restores and the worker's requests uncounted); the fixed cost of each block "
        + "goes to the fit's intercept",
      "warm-up: the first sample at each size is counted and dropped (lazy symbol binding, "
        + "generic metadata, the heap growing); \(InProcessMeter.countedFreshCalls) calls "
        + "stand for each sample of an op that needs a fresh input per call",
      "glibc's rep movsb/stosb copies switched off, so a copy counts the same per byte at "
        + "every size",
      "hashing seeded per process and per table, as in real programs: counts of hash "
        + "operations move a little between runs; SWIFT_DETERMINISTIC_HASHING=1 would fix "
        + "them, but it seeds a table by its size alone, and merging two sets of one size "
        + "(union) then probes in clusters and grows faster than O(n)",
    ] + (isDebugBuild ? ["counted in a debug build: unoptimised code's instructions"] : [])
  }

  /// What every Swift result in `metric` (`.memory` or `.allocated`) says
  /// about how it was measured.
  package static func notes(for metric: Metric) -> [String] {
    metric == .allocated ? allocatedNotes : memoryNotes
  }

  /// What every Swift total-allocation result says about how it was measured.
  package static let allocatedNotes = [
    "bytes per call allocated in all, however soon freed, counted by a replacement of glibc's "
      + "malloc family preloaded into a worker process (this tool re-run), around each call "
      + "(or each block of a block op, shared out over its calls), plus one byte per call; "
      + "a reallocation that moves the block counts its new size, one in place its growth",
    "warm-up: the first sample at each size is measured and dropped",
  ]

  /// What every Swift memory result says about how it was measured.
  package static let memoryNotes = [
    "peak bytes per call above the input, counted by a replacement of glibc's malloc family "
      + "preloaded into a worker process (this tool re-run), around each call (or each block "
      + "of a block op, shared out over its calls), plus one byte per call so that nothing "
      + "allocated is a constant; bytes are glibc's usable sizes; the stack "
      + "(withUnsafeTemporaryAllocation) and mmap called directly are not seen",
    "warm-up: the first sample at each size is measured and dropped (generic metadata and "
      + "caches the runtime allocates on a first call)",
  ]

  /// Starts the worker under `host`, to count `op` first.
  ///
  /// - Parameters:
  ///   - worker: the command that runs the worker: the tool's own path and
  ///     `count-worker` (`--memory` is added for the allocation counter).
  /// - Throws: `ComplexityError(.subject, …)` when the worker fails to
  ///   start or says it cannot count.
  package init(op: String, worker: [String], host: Host) throws {
    self.op = op
    self.host = host
    directory = try Valgrind.makeOutputDirectory()
    do {
      try start(worker: worker)
    } catch {
      stop()
      throw error
    }
  }

  /// Starts valgrind on the worker, to count `op`'s instructions first.
  package convenience init(op: String, worker: [String], valgrind: Valgrind) throws {
    try self.init(op: op, worker: worker, host: .callgrind(valgrind))
  }

  /// Counts `op` from the next sample on (the worker drops the last op's
  /// inputs when it builds the first of `op`'s).
  package func select(_ op: String) { self.op = op }

  /// Counts `op`'s bytes in `metric` (`.memory`: peaks, `.allocated`:
  /// totals) from the next sample on; under callgrind, `metric` is unused.
  package func select(_ op: String, metric: Metric) {
    self.op = op
    if metric.isSpace { bytes = metric }
  }

  deinit { stop() }

  package var metric: Metric {
    guard case .callgrind = host else { return bytes }
    return .instructions
  }

  /// Counts the operation at one size: the instructions of `iterations` runs.
  package func sample(size: Int, iterations: Int) throws -> Double {
    let reply = try request(
      SwiftWorker.Request(
        cmd: "count", op: op, n: size, loops: iterations,
        metric: metric == .instructions ? nil : metric))
    guard let count = reply.count, count.isFinite, count >= 0 else {
      throw ComplexityError(.subject, "the worker sent a malformed count reply for \(op)")
    }
    return count
  }

  /// Builds the op's inputs at `sizes` in the worker now, uncounted: under
  /// callgrind, before the first counted block, uninstrumented. One request
  /// per size, as for the CPython harness, so that each set-up has the
  /// reply timeout its count would have had.
  package func prepare(sizes: [Int]) throws {
    for n in sizes { _ = try request(SwiftWorker.Request(cmd: "prepare", op: op, n: n)) }
  }

  package func residentBytes() -> UInt64? {
    worker.flatMap { ResidentMemory.bytes(pid: $0.processIdentifier) }
  }

  package func forgetInputs() throws {
    _ = try request(SwiftWorker.Request(cmd: "forget"))
  }

  /// As for the op's subject in the worker (`InProcessSubject`).
  package var rebuiltInputsDiffer: Bool {
    SwiftOperations.subject(for: op)?.rebuiltInputsDiffer ?? false
  }

  /// Stops valgrind and removes its output.
  package func stop() {
    worker?.stop(quit: Data("{\"cmd\":\"quit\"}\n".utf8), grace: 5)
    worker = nil
    Leftovers.remove(folder: directory)
  }

  // MARK: - Implementation details

  private func start(worker workerCommand: [String]) throws {
    var command = workerCommand
    let added: [String: String]
    switch host {
    case .callgrind(let valgrind):
      let outFile = directory.appendingPathComponent("callgrind.out").path
      added = Self.environment.merging([CallgrindClient.outFileVariable: outFile]) { a, _ in a }
      command =
        Valgrind.isolatedEnvironment(added)
        + valgrind.callgrindCommand(outFile: outFile, instrumentAtStart: false) + command
    case .allocationCounter(let library):
      added = [AllocationCounter.preloadVariable: library.path]
      command = command + ["--memory"]
    }
    worker = try LineProcess(
      command: command,
      environment: ProcessInfo.processInfo.environment.merging(added) { _, new in new },
      name: "the counting worker"
    ) { ComplexityError(.subject, "could not start the counting worker \(command): \($0)") }
    _ = try reply()
  }

  private func request(
    _ body: SwiftWorker.Request
  ) throws
    -> SwiftWorker.Reply
  {
    guard let worker, worker.isRunning else {
      throw ComplexityError(.subject, "the counting worker for \(op) is not running")
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    do {
      try worker.send(try encoder.encode(body) + Data("\n".utf8))
    } catch {
      self.worker = nil
      throw error
    }
    return try reply()
  }

  private func reply() throws -> SwiftWorker.Reply {
    guard let worker else {
      throw ComplexityError(.subject, "the counting worker for \(op) is not running")
    }
    let line: String
    do {
      line = try worker.receive(timeout: replyTimeout, exited: "the counting worker exited")
    } catch {
      self.worker = nil
      throw error
    }
    guard
      let reply = try? JSONDecoder().decode(SwiftWorker.Reply.self, from: Data(line.utf8))
    else {
      throw ComplexityError(
        .subject, "the counting worker sent a line that is not a reply: \(line.prefix(200))")
    }
    guard reply.ok else {
      throw ComplexityError(.subject, reply.error ?? "the counting worker failed")
    }
    return reply
  }
}
