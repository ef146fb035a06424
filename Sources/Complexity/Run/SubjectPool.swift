import Foundation

/// Owns every process a run's subjects need, and answers "a subject for
/// this op and metric" in one place: the CPython harness (one for the
/// whole run, timing) and the counting workers (`CountingWorker`: one per
/// core, each with its valgrind-hosted harness and Swift count worker
/// serving op after op, stopped when the run ends).
final class SubjectPool {
  /// The interpreter for CPython ops (`--python`); nil finds one.
  let python: String?
  /// Random positions across the container instead of one hot key.
  let cold: Bool
  /// The command that serves a Swift op counted under callgrind (the op id
  /// is appended); nil: Swift ops cannot be counted.
  let swiftWorker: [String]?

  private var harness: PythonHarness?
  private var valgrind: Valgrind?
  private var workers: [CountingWorker] = []
  /// The worker that counts Swift ops' bytes, started on first use.
  private var swiftMemory: SwiftWorkerSubject?
  /// The harness that counts CPython ops' total bytes, started on first use.
  private var allocations: PythonHarness?

  /// What interpreter commands started as in earlier runs; nil: none kept.
  let memo: InterpreterMemo?

  init(
    python: String?, cold: Bool, swiftWorker: [String]?,
    memo: InterpreterMemo? = .standard()
  ) {
    self.python = python
    self.cold = cold
    self.swiftWorker = swiftWorker
    self.memo = memo
  }

  deinit { stop() }

  /// The interpreter, once a CPython operation has started it.
  var interpreter: PythonInterpreter? { harness?.interpreter }

  /// The timing harness, started on first use.
  ///
  /// - Throws: `ComplexityError(.missingTool, …)` naming what was tried.
  @discardableResult
  func timingHarness() throws -> PythonHarness {
    if let harness { return harness }
    let command = try PythonInterpreter.locate(explicit: python)
    let started = try PythonHarness(executable: command)
    memo?.record(started.interpreter, command: command)
    harness = started
    return started
  }

  /// The CPython interpreter this run's timing harness will name, as the
  /// last run from here named it (`InterpreterMemo`), before it has
  /// started; nil once it has, or when no run named it.
  func interpreterGuess() -> PythonInterpreter? {
    guard harness == nil, let memo,
      let command = try? PythonInterpreter.locate(explicit: python),
      let guess = memo.guess(command: command), guess.implementation == "CPython",
      FileManager.default.isExecutableFile(atPath: guess.path)
    else { return nil }
    return guess
  }

  /// Starts the first counting worker's harness for `op` now, in `guess`
  /// (`interpreterGuess`), so that valgrind's start overlaps the timing
  /// harness's; `countingWorkers` replaces it if the timing harness names
  /// another interpreter.
  func prestartCounting(_ op: Operation, in guess: PythonInterpreter) {
    guard workers.isEmpty, let valgrind = try? callgrind() else { return }
    let worker = CountingWorker(
      interpreter: guess.path, cold: cold, swiftWorker: swiftWorker, valgrind: valgrind)
    workers.append(worker)
    worker.prestart(op)
  }

  /// Stops the counting workers (waiting for any still starting), so that
  /// nothing runs beside the timing.
  func stopCountingWorkers() {
    workers.forEach { $0.stop() }
    workers = []
  }

  /// Valgrind, found on first use.
  ///
  /// - Throws: `ComplexityError(.missingTool, …)` naming valgrind and how
  ///   to install it.
  @discardableResult
  func callgrind() throws -> Valgrind {
    if let valgrind { return valgrind }
    let found = try Valgrind.locate()
    valgrind = found
    return found
  }

  /// `count` counting workers (made on first use, kept for the run), for
  /// threads of their own: one per core counts that many ops at once.
  ///
  /// - Throws: `ComplexityError(.missingTool, …)` when valgrind is missing.
  func countingWorkers(_ count: Int) throws -> [CountingWorker] {
    let valgrind = try callgrind()
    for worker in workers where worker.interpreter != interpreter?.path {
      // Not started yet, or started on a guess that proved wrong (`prestartCounting`).
      worker.stop()
      worker.interpreter = interpreter?.path
    }
    while workers.count < count {
      workers.append(
        CountingWorker(
          interpreter: interpreter?.path, cold: cold, swiftWorker: swiftWorker, valgrind: valgrind))
    }
    return Array(workers.prefix(count))
  }

  /// Why `op` cannot be counted in instructions, or nil when it can:
  /// CPython ops always, Swift ops with a worker to re-run in a build
  /// with callgrind's client requests.
  func whyUncountable(_ op: Operation) -> String? {
    switch op.subject {
    case .python:
      guard let interpreter, interpreter.implementation != "CPython" else { return nil }
      return "\(op.id) runs in \(interpreter.implementation) \(interpreter.version), and "
        + "instructions are counted inside CPython's Context.run (callgrind's "
        + "--toggle-collect=context_run), which \(interpreter.implementation) does not have"
    case .swift where !CallgrindClient.isCompiledIn:
      return "\(op.id) is a Swift op, counted by callgrind's client requests, and this build "
        + "has none (valgrind's headers were missing when it was compiled: install valgrind "
        + "and rebuild)"
    case .swift where swiftWorker == nil:
      return "\(op.id) is a Swift op, whose instructions are counted by re-running the "
        + "complexity tool under valgrind, and this run has no tool to re-run "
        + "(Options.swiftWorker)"
    case .swift: return nil
    case .fake:
      return "instruction counts are for CPython and Swift ops, and \(op.id) is a "
        + "\(op.subject.rawValue) op"
    }
  }

  /// The counting allocator beside the tool, if it was built.
  private var allocationCounter: URL? {
    AllocationCounter.library(besideExecutable: swiftWorker?.first)
  }

  /// Why `op`'s memory cannot be measured in `metric` (`.memory`, or
  /// `.allocated`), or nil when it can: CPython ops, peaks traced by
  /// CPython's tracemalloc in the interpreter, totals by the counting
  /// allocator preloaded into a harness of their own; Swift ops, in a
  /// worker with the counting allocator preloaded.
  func whyNoMemory(_ op: Operation, metric: Metric = .memory) -> String? {
    switch op.subject {
    case .python where metric == .allocated && allocationCounter == nil:
      return "\(op.id)'s total allocations are counted by \(AllocationCounter.libraryName) "
        + "preloaded into the interpreter, and it is not beside the tool (built with it by "
        + "swift build, on Linux only)"
    case .python: break
    case .swift:
      guard swiftWorker != nil else {
        return "\(op.id) is a Swift op, whose memory is measured by re-running the complexity "
          + "tool with its counting allocator, and this run has no tool to re-run "
          + "(Options.swiftWorker)"
      }
      guard allocationCounter != nil else {
        return "\(op.id) is a Swift op, whose memory is counted by "
          + "\(AllocationCounter.libraryName), and it is not beside the tool (built with it "
          + "by swift build, on Linux only)"
      }
      return nil
    case .fake:
      return "memory is measured for CPython and Swift ops, and \(op.id) is a fake op"
    }
    guard let interpreter, interpreter.implementation != "CPython" else { return nil }
    return "\(op.id) runs in \(interpreter.implementation) \(interpreter.version), and memory "
      + "is traced by CPython's tracemalloc (totals with CPython's PYTHONMALLOC=malloc), which "
      + "\(interpreter.implementation) does not have"
  }

  /// Runs `body` with a subject that measures `op` by `metric`, and the
  /// notes its results should carry (how a count was taken); a counting
  /// subject is the first counting worker's.
  ///
  /// - Throws: `ComplexityError` when the subject cannot be made (a
  ///   missing tool, an op no subject serves), or `body`'s error.
  func withSubject<T>(
    for op: Operation, metric: Metric, _ body: (inout any Subject, [String]) throws -> T
  ) throws -> T {
    var subject: any Subject
    var notes: [String] = []
    switch (op.subject, metric) {
    case (.python, .time), (.python, .memory), (.python, .allocated):
      if let why = metric.isSpace ? whyNoMemory(op, metric: metric) : nil {
        throw ComplexityError(.badInput, why)
      }
      let harness = try metric == .allocated ? allocationHarness() : timingHarness()
      if let code = op.python { try harness.define(op.id, code) }
      subject = PythonSubject(
        op: op.id, harness: harness, cold: cold, metric: metric,
        settle: metric == .time && PythonSubject.settles(harness.interpreter))
      if metric.isSpace { notes = PythonSubject.notes(for: metric) }
    case (.swift, .memory), (.swift, .allocated):
      if let why = whyNoMemory(op, metric: metric) { throw ComplexityError(.badInput, why) }
      let counter = try swiftMemoryWorker(for: op, metric: metric)
      subject = counter
      do {
        return try body(&subject, SwiftWorkerSubject.notes(for: metric))
      } catch {
        counter.stop()
        swiftMemory = nil
        throw error
      }
    case (_, .memory), (_, .allocated):
      throw ComplexityError(
        .badInput, whyNoMemory(op, metric: metric) ?? "\(op.id): no memory subject")
    case (.swift, .time):
      guard let made = SwiftOperations.subject(for: op.id) else {
        throw ComplexityError(.badInput, "no Swift subject for \(op.id)")
      }
      subject = made
    case (.fake, .time):
      guard let made = FakeSubject(operationID: op.id) else {
        throw ComplexityError(.badInput, "no fake subject for \(op.id)")
      }
      subject = made
    case (_, .instructions):
      if let why = whyUncountable(op) {
        throw ComplexityError(.badInput, why + ": use --metric time")
      }
      if op.subject == .python { try timingHarness() }
      return try countingWorkers(1)[0].withSubject(for: op, body)
    }
    defer {
      // A sweep's budget shortens each reply's wait; the next request waits as usual.
      harness?.replyTimeout = PythonHarness.defaultReplyTimeout
      allocations?.replyTimeout = PythonHarness.defaultReplyTimeout
    }
    return try body(&subject, notes)
  }

  /// What timing `op` learnt about its warm-up (a JIT's), for its notes.
  func warmUpNotes(for op: Operation, metric: Metric) -> [String] {
    guard metric == .time, op.subject == .python, let harness,
      let warmUps = harness.warmUps[op.id]
    else { return [] }
    return PythonSubject.warmUpNotes(warmUps, interpreter: harness.interpreter)
  }

  /// The worker that counts Swift ops' bytes, switched to `op` and `metric`.
  private func swiftMemoryWorker(for op: Operation, metric: Metric) throws -> SwiftWorkerSubject {
    if let swiftMemory {
      swiftMemory.select(op.id, metric: metric)
      return swiftMemory
    }
    guard let swiftWorker, let library = allocationCounter else {
      throw ComplexityError(.badInput, "\(op.id): this run cannot count Swift bytes")
    }
    let made = try SwiftWorkerSubject(
      op: op.id, worker: swiftWorker, host: .allocationCounter(library))
    made.select(op.id, metric: metric)
    swiftMemory = made
    return made
  }

  /// The harness that counts CPython ops' total bytes, started on first
  /// use: the interpreter binary with the counting allocator preloaded and
  /// `PYTHONMALLOC=malloc`, so that every object CPython allocates is a
  /// `malloc` the allocator sees (its own pools would hide them). Its own
  /// process: that allocator would change the timing harness's times.
  private func allocationHarness() throws -> PythonHarness {
    if let allocations { return allocations }
    guard let library = allocationCounter else {
      throw ComplexityError(.badInput, "this run cannot count CPython's total bytes")
    }
    // The binary, not a shim: a shell script would be preloaded too.
    let binary = try timingHarness().interpreter.path
    let started = try PythonHarness(
      executable: binary,
      launch: PythonHarness.Launch(environment: [
        AllocationCounter.preloadVariable: library.path, "PYTHONMALLOC": "malloc",
      ]))
    allocations = started
    return started
  }

  /// Stops the timing harness and the counting workers.
  func stop() {
    harness?.stop()
    harness = nil
    swiftMemory?.stop()
    swiftMemory = nil
    allocations?.stop()
    allocations = nil
    workers.forEach { $0.stop() }
    workers = []
  }
}
