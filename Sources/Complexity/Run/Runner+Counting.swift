import Foundation
import Synchronization

extension Runner {
  /// The counting phase's results: each counted op's instruction result
  /// (failed ones too), and why each op that was not counted was not.
  struct Counts {
    var results: [String: OperationResult] = [:]
    var uncounted: [String: String] = [:]
    /// Each op's memory, measured beside the counting (`space(of:)`).
    var space: [String: (space: [OperationResult], notMeasured: String?)] = [:]
  }

  /// Counts every op the metric counts, before any timing: from the cache
  /// where it has them, else on `options.countingWorkers` workers at once,
  /// each taking the next op as it finishes one. Counts do not vary with
  /// the machine's load, so counting on every core costs them nothing;
  /// timing waits until the counts are done, alone on the machine. Bytes
  /// do not vary with load either: one more thread measures every op's
  /// memory meanwhile (its processes are not the counting workers').
  func countAll(_ operations: [Operation], delegate: (RunEvent) -> Void) -> Counts {
    var counts = Counts()
    guard options.metric.metrics.contains(.instructions) else { return counts }
    // Entries of earlier builds, unused for a month, go once the counts are in.
    defer { options.cache?.prune() }
    var wanted: [Operation] = []
    for op in operations {
      if let why = pool.whyUncountable(op) {
        counts.uncounted[op.id] = why
      } else {
        wanted.append(op)
      }
    }
    guard !wanted.isEmpty else { return counts }
    let valgrind: Valgrind
    do {
      valgrind = try pool.callgrind()
    } catch {
      // Only auto and both get here (instructions checked for valgrind first).
      delegate(
        .warning(
          "\(error); so every op is timed only, and time verdicts depend on this machine's "
            + "caches (a memory level left reads as a log factor)"))
      for op in wanted {
        counts.uncounted[op.id] =
          "valgrind is missing (\(Valgrind.installHint)), and time verdicts depend on this "
          + "machine's caches"
      }
      return counts
    }

    // The cache first: what it has is not counted again.
    var todo: [(op: Operation, grid: [Int], key: String?)] = []
    for op in wanted {
      let grid: [Int]
      do {
        grid = try sizes(for: op)
      } catch {
        counts.results[op.id] = OperationResult(
          op, failure: error, metric: .instructions, seconds: 0)
        continue
      }
      let key = options.cache.map { _ in
        cacheKey(op, grid: grid, metric: .instructions, valgrind: valgrind)
      }
      if let cached = cached(op, key: key) {
        counts.results[op.id] = cached
        delegate(.counted(cached, done: counts.results.count, of: wanted.count, cached: true))
      } else {
        todo.append((op, grid, key))
      }
    }
    guard !todo.isEmpty else {
      pool.stopCountingWorkers()  // one started on a guess (`prestartCounting`)
      return counts
    }
    // Valgrind needs the interpreter binary the timing harness names.
    if todo.contains(where: { $0.op.subject == .python }) {
      do {
        try pool.timingHarness()
      } catch {
        for item in todo where item.op.subject == .python {
          counts.results[item.op.id] = OperationResult(
            item.op, failure: error, metric: .instructions, seconds: 0)
        }
        todo.removeAll { $0.op.subject == .python }
      }
    }

    let workers: [CountingWorker]
    do {
      workers = try pool.countingWorkers(min(options.countingWorkers, todo.count))
    } catch {
      for item in todo {
        counts.results[item.op.id] = OperationResult(
          item.op, failure: error, metric: .instructions, seconds: 0)
      }
      return counts
    }
    let strategy = countingSweep
    let lock = NSLock()
    var next = 0
    // Memory is measured beside the counts for the metrics that report it,
    // on a thread of its own: `concurrentPerform` runs as many iterations at
    // once as there are cores, so a third iteration on two cores waited for
    // the counting to end (4 s alone after it, on the project's 2-core Xeon).
    let measuresSpace = options.metric == .both || options.metric == .auto
    let spaceDone = DispatchSemaphore(value: 0)
    let spaces = Mutex<[String: (space: [OperationResult], notMeasured: String?)]>([:])
    if measuresSpace {
      Thread {
        for op in operations {
          let space = self.space(of: op)
          spaces.withLock { $0[op.id] = space }
        }
        spaceDone.signal()
      }.start()
    }
    DispatchQueue.concurrentPerform(iterations: workers.count) { w in
      while true {
        lock.lock()
        let i = next
        next += 1
        lock.unlock()
        guard i < todo.count else { return }
        let (op, grid, key) = todo[i]
        let result = workers[w].count(op, grid: grid, strategy: strategy)
        lock.lock()
        counts.results[op.id] = result
        if let key, result.classification != nil, let why = options.cache?.store(result, key: key) {
          delegate(.warning(why))
        }
        delegate(.counted(result, done: counts.results.count, of: wanted.count, cached: false))
        lock.unlock()
      }
    }
    if measuresSpace {
      spaceDone.wait()
      counts.space = spaces.withLock { $0 }
    }
    return counts
  }

  /// Starts counting's first CPython harness under valgrind before the
  /// timing harness starts, when the last run from here named the
  /// interpreter (`SubjectPool.interpreterGuess`) and the cache lacks the
  /// counts of one of `python`'s ops in it: valgrind's start (1.3 s) then
  /// overlaps the timing harness's (0.3 s through a pyenv shim), which it
  /// would otherwise wait for to learn the interpreter's binary.
  func prestartCounting(_ python: [Operation]) {
    guard options.metric.metrics.contains(.instructions), let guess = pool.interpreterGuess(),
      let valgrind = try? pool.callgrind()
    else { return }
    let first = python.first { op in
      guard let grid = try? sizes(for: op) else { return false }
      let key = cacheKey(op, grid: grid, metric: .instructions, valgrind: valgrind, in: guess)
      return options.cache?.lookup(key) == nil
    }
    if let first { pool.prestartCounting(first, in: guess) }
  }

  /// The cache's key of `op`'s `metric` over `grid`: the measured binary
  /// is the interpreter for CPython ops (`interpreter`, else the run's),
  /// the tool itself for Swift ops.
  func cacheKey(
    _ op: Operation, grid: [Int], metric: Metric, valgrind: Valgrind?,
    in interpreter: PythonInterpreter? = nil
  ) -> String {
    let interpreter = interpreter ?? pool.interpreter
    let counted =
      op.subject == .python
      ? (interpreter?.path ?? "python") : (options.swiftWorker?.first ?? "complexity")
    let version =
      op.subject == .python ? (interpreter.map { "\($0.implementation) \($0.version)" } ?? "") : ""
    return CountCache.key(
      op: op, grid: grid, metric: metric, counting: options.counting, cold: options.cold,
      counted: counted, version: version, valgrind: valgrind)
  }

  /// `op`'s result stored under `key`, if the cache has it: no wall time
  /// of its own this run, and a note saying where it came from.
  func cached(_ op: Operation, key: String?) -> OperationResult? {
    guard let key, let cache = options.cache, var cached = cache.lookup(key), cached.op == op.id
    else { return nil }
    cached.seconds = 0
    let (what, done, again) =
      cached.metric == .instructions
      ? ("counts", "counted", "counts") : ("peak bytes", "measured", "measures")
    cached.classification?.notes.append(
      "\(what) read from the count cache (\(cache.directory.path)): the same op, "
        + "interpreter, tool and sizes were \(done) before; --no-cache \(again) again")
    return cached
  }
}
