import Foundation

/// One counting worker: the valgrind processes that count ops' instructions
/// on one core, each serving many ops in turn — a CPython harness under
/// callgrind (two: one without `site` for the catalog's code, one with it
/// for a user's) and a Swift count worker, each started on the first op
/// that needs it. Valgrind's start (about 2 s for CPython, uninstrumented) is paid once per worker,
/// not once per op.
///
/// A worker is used by one thread at a time; `SubjectPool` owns the
/// workers and `Runner` runs one per core.
final class CountingWorker {
  /// The CPython interpreter binary (`sys.executable`); nil until a
  /// CPython op has started the timing harness that names it.
  var interpreter: String?
  /// Random positions across the container instead of one hot key.
  let cold: Bool
  /// The command that serves Swift ops under callgrind; nil: none.
  let swiftWorker: [String]?
  let valgrind: Valgrind

  /// The CPython harnesses, by whether their interpreter imported `site`.
  private var python: [Bool: CallgrindPythonSubject] = [:]
  /// CPython harnesses starting on another thread (`prestart`), by `site`.
  private var starting: [Bool: Starting] = [:]
  private var swift: SwiftWorkerSubject?

  init(interpreter: String?, cold: Bool, swiftWorker: [String]?, valgrind: Valgrind) {
    self.interpreter = interpreter
    self.cold = cold
    self.swiftWorker = swiftWorker
    self.valgrind = valgrind
  }

  deinit { stop() }

  /// Counts `op` over `grid` with `strategy`, in this worker's processes.
  ///
  /// - Returns: the op's instruction result, or its failure with the reason.
  func count(
    _ op: Operation, grid: [Int], strategy: CountingSweep,
    delegate: (SweepEvent) -> Void = { _ in }
  ) -> OperationResult {
    let start = Date()
    do {
      let outcome = try withSubject(for: op) { subject, notes in
        var outcome = try strategy.run(&subject, grid: grid, delegate: delegate)
        outcome.classification.notes += notes
        return outcome
      }
      return OperationResult(
        op, outcome: outcome, metric: .instructions, seconds: Date().timeIntervalSince(start))
    } catch {
      return OperationResult(
        op, failure: error, metric: .instructions, seconds: Date().timeIntervalSince(start))
    }
  }

  /// Runs `body` with the process that counts `op`, switched to it, and
  /// the notes its results carry (how the count was taken). A process
  /// that failed is stopped, and the next op starts a new one.
  ///
  /// - Throws: `ComplexityError` when the process cannot start, or `body`'s error.
  func withSubject<T>(
    for op: Operation, _ body: (inout any Subject, [String]) throws -> T
  ) throws -> T {
    let counter = try subject(for: op)
    var subject: any Subject = counter
    do {
      return try body(&subject, counter.notes)
    } catch {
      drop(counter)
      throw error
    }
  }

  /// Starts the CPython harness that counts `op` now, on another thread,
  /// so that valgrind's start (about 1.3 s) overlaps whatever the caller
  /// does next; the first op that needs it waits for it. A harness that
  /// failed to start is started again by that op, which then says why.
  func prestart(_ op: Operation) {
    guard let interpreter, op.subject == .python else { return }
    let site = Self.importsSite(op)
    guard python[site] == nil, starting[site] == nil else { return }
    let pending = Starting()
    let (valgrind, cold) = (self.valgrind, self.cold)
    pending.done.enter()
    DispatchQueue.global().async {
      pending.result = Result {
        try CallgrindPythonSubject(
          op: op.id, interpreter: interpreter, valgrind: valgrind, code: op.python, cold: cold,
          site: site)
      }
      pending.done.leave()
    }
    starting[site] = pending
  }

  /// Stops every process of this worker (waiting for those still starting).
  func stop() {
    settle()
    python.values.forEach { $0.stop() }
    python = [:]
    swift?.stop()
    swift = nil
  }

  // MARK: - Implementation details

  /// A harness being started on another thread: its result once `done`.
  private final class Starting: @unchecked Sendable {
    let done = DispatchGroup()
    var result: Result<CallgrindPythonSubject, any Error> = .failure(CancellationError())
  }

  /// Waits for the harnesses being started, and keeps those that started.
  private func settle() {
    for (site, pending) in starting {
      pending.done.wait()
      if case .success(let made) = pending.result { python[site] = made }
    }
    starting = [:]
  }

  /// Whether `op`'s interpreter imports `site`: the catalog's code needs
  /// nothing from site-packages; a user's may.
  private static func importsSite(_ op: Operation) -> Bool { Catalog.standard[op.id] == nil }

  /// The process that counts `op`, switched to it (started on first use).
  private func subject(for op: Operation) throws -> any CountingSubject {
    switch op.subject {
    case .swift:
      guard let swiftWorker else {
        throw ComplexityError(.badInput, "\(op.id): this run has no Swift count worker")
      }
      if let swift {
        swift.select(op.id)
        return swift
      }
      let made = try SwiftWorkerSubject(op: op.id, worker: swiftWorker, valgrind: valgrind)
      swift = made
      return made
    case .python:
      guard let interpreter else {
        throw ComplexityError(.badInput, "\(op.id): this run has no CPython interpreter")
      }
      settle()
      let site = Self.importsSite(op)
      if let harness = python[site] {
        try harness.select(op.id, code: op.python)
        return harness
      }
      let made = try CallgrindPythonSubject(
        op: op.id, interpreter: interpreter, valgrind: valgrind, code: op.python, cold: cold,
        site: site)
      python[site] = made
      return made
    case .fake:
      throw ComplexityError(.badInput, "\(op.id) is a fake op: it cannot be counted")
    }
  }

  /// Stops the process behind `subject` after a failure, so that the next
  /// op gets a fresh one.
  private func drop(_ subject: any CountingSubject) {
    subject.stop()
    python = python.filter { $0.value !== subject }
    if swift === subject { swift = nil }
  }
}
