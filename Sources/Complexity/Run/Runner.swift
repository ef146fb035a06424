import Foundation

/// Runs a list of operations through the sweep engine and the classifier,
/// reporting as it goes, in two phases:
///
/// 1. **Counting** (`--metric instructions`, `both`, `auto`): every op that
///    can be counted is counted under callgrind, on one worker per core at
///    once (counts do not vary with load), or read from the count cache.
/// 2. **Timing** (`time`, `both`, `auto`): every op timed, one at a time,
///    alone on the machine (never two timings at once, nor a timing beside
///    a count). Under `auto`, an op whose counts settled its class is timed
///    briefly (`AdaptiveSweep.brief`): time is then shown beside the
///    counts, not asked to decide.
///
/// The subjects come from one `SubjectPool`, the sizes from one
/// `SizeStrategy` per metric, the choice between metrics from
/// `MetricPolicy`; the runner only runs.
package final class Runner {
  /// Options that choose how operations are measured.
  package struct Options: Sendable {
    /// The sizes.
    package var plan: SizePlan
    /// How each size is timed.
    package var timing: TimingOptions
    package var classifier: Classifier
    /// How far an adaptive (timed) sweep may go.
    package var limits: SweepLimits
    /// How instructions are counted.
    package var counting: CountingOptions
    /// What to measure (`MetricChoice`).
    package var metric: MetricChoice
    /// The interpreter for CPython operations (`--python`); nil finds one.
    package var python: String?
    /// Random positions across the container instead of one hot key.
    package var cold: Bool
    /// The command that serves a Swift op counted under callgrind (the op
    /// id is appended): the `complexity` tool's own path and
    /// `count-worker`. Nil: Swift ops cannot be counted.
    package var swiftWorker: [String]?
    /// Ops counted at once (one valgrind process each): one per core.
    package var countingWorkers: Int
    /// Where counts are kept between runs; nil: always count (`--no-cache`).
    package var cache: CountCache?

    package init(
      plan: SizePlan = SizePlan(), timing: TimingOptions = TimingOptions(),
      classifier: Classifier = Classifier(),
      limits: SweepLimits = SweepLimits(), counting: CountingOptions = CountingOptions(),
      metric: MetricChoice = .time, python: String? = nil, cold: Bool = false,
      swiftWorker: [String]? = nil,
      cache: CountCache? = nil,
      countingWorkers: Int = min(8, ProcessInfo.processInfo.activeProcessorCount)
    ) {
      self.plan = plan
      self.timing = timing
      self.classifier = classifier
      self.limits = limits
      self.counting = counting
      self.metric = metric
      self.python = python
      self.cold = cold
      self.swiftWorker = swiftWorker
      self.countingWorkers = max(1, countingWorkers)
      self.cache = cache
    }
  }

  package let options: Options
  let pool: SubjectPool

  package init(options: Options) {
    self.options = options
    pool = SubjectPool(python: options.python, cold: options.cold, swiftWorker: options.swiftWorker)
  }

  /// The interpreter, once a CPython operation has started it.
  package var interpreter: PythonInterpreter? { pool.interpreter }

  /// Checks that the metric can measure `operations`. Instructions are
  /// counted for CPython ops, and for Swift ops with a worker
  /// (`Options.swiftWorker`): `.instructions` on another op is an error;
  /// `.both` times such ops only (and their results say so).
  ///
  /// - Throws: `ComplexityError(.badInput, …)` naming the first such op.
  package func check(_ operations: [Operation]) throws {
    if let metric = options.metric.metrics.first, metric.isSpace,
      let why = operations.lazy.compactMap({ self.pool.whyNoMemory($0, metric: metric) }).first
    {
      throw ComplexityError(
        .badInput, "--metric \(metric.rawValue): \(why): leave it out, or use --metric time")
    }
    if options.metric == .instructions,
      let why = operations.lazy.compactMap(pool.whyUncountable).first
    {
      throw ComplexityError(.badInput, why + ": leave it out, or use --metric time (or both)")
    }
  }

  /// Checks, before any work, that the metric can measure `operations`
  /// (`check`), that every tool they need is there (the interpreter,
  /// valgrind), and that their Python code compiles.
  ///
  /// - Throws: `ComplexityError` naming the first op or tool missing.
  package func prepare(_ operations: [Operation]) throws {
    let python = operations.filter { $0.subject == .python }
    prestartCounting(python)
    // The interpreter first: whether it can be counted depends on which it is.
    let harness = python.isEmpty ? nil : try pool.timingHarness()
    try check(operations)
    // Each op's code is defined now, so code that does not compile fails
    // before any op is measured.
    for op in python { if let code = op.python { try harness?.define(op.id, code) } }
    // Auto falls back to time without valgrind (and says so); the others need it.
    if options.metric != .auto, options.metric.metrics.contains(.instructions),
      operations.contains(where: { pool.whyUncountable($0) == nil })
    {
      try pool.callgrind()
    }
  }

  /// A user's Python code as an operation to sweep (run it with `runOne`
  /// or `run`), checked first: the interpreter starts and compiles it.
  ///
  /// - Parameter expected: the class to compare with, if any.
  /// - Throws: `ComplexityError` when the interpreter is missing or the code
  ///   does not compile.
  package func define(
    _ code: PythonCode, id: String = "user.snippet", expected: ComplexityClass? = nil
  )
    throws -> Operation
  {
    let op = Operation.userCode(code, id: id, expected: expected)
    try prepare([op])
    return op
  }

  /// Sweeps and classifies each operation: all counts first (in parallel),
  /// then each op timed in turn. A failing operation is reported as failed
  /// with its reason, and the others still run.
  ///
  /// - Parameter delegate: receives progress; `.finishOperation` arrives as
  ///   soon as each operation is done, so callers can save as they go.
  /// - Returns: one result per operation.
  package func run(
    _ operations: [Operation], delegate: (RunEvent) -> Void = { _ in }
  )
    -> [OperationResult]
  {
    let counts = countAll(operations, delegate: delegate)
    var results: [OperationResult] = []
    for (index, op) in operations.enumerated() {
      delegate(.startOperation(op, index: index, of: operations.count))
      let result = finish(op, counts: counts) { delegate(.sweep(op, $0)) }
      results.append(result)
      delegate(.finishOperation(result, index: index, of: operations.count))
    }
    return results
  }

  /// Sweeps and classifies one operation by the options' metric.
  package func runOne(
    _ op: Operation, delegate: (SweepEvent) -> Void = { _ in }
  )
    -> OperationResult
  {
    let counts = countAll([op]) {
      if case .sweep(_, let event) = $0 { delegate(event) }
    }
    return finish(op, counts: counts, delegate: delegate)
  }

  /// An op's result once its counts (if any) are in: timed as the metric
  /// asks, and combined with the counts.
  private func finish(
    _ op: Operation, counts: Counts, delegate: (SweepEvent) -> Void
  ) -> OperationResult {
    let counted = counts.results[op.id]
    switch options.metric {
    case .instructions:
      return counted ?? measure(op, by: .instructions, delegate: delegate)
    case .time:
      return measure(op, by: .time, delegate: delegate)
    case .memory:
      // The total beside the peak: what the op allocates in all.
      var peak = measure(op, by: .memory, delegate: delegate)
      if let why = pool.whyNoMemory(op, metric: .allocated) {
        peak.classification?.notes.append("total allocated not measured: " + why)
      } else {
        peak.space = [space(op, by: .allocated, delegate)]
      }
      return peak
    case .allocated:
      return measure(op, by: .allocated, delegate: delegate)
    case .both, .auto:
      guard let counted else {
        let why = counts.uncounted[op.id] ?? "it was not counted"
        let time = measure(op, by: .time, delegate: delegate)
        return withSpace(
          timedOnly(time, note: why + ": timed only", because: why), op, counts, delegate)
      }
      // Counts that settled the class need time only beside them.
      let brief = options.metric == .auto && counted.classification?.outcome.settled != nil
      let time = measure(op, by: .time, brief: brief, delegate: delegate)
      return withSpace(
        MetricPolicy.combine(time: time, instructions: counted), op, counts, delegate)
    }
  }

  /// `result` with the op's memory measured beside it: measured during
  /// the counting phase where there was one (`counts.space`), else now.
  private func withSpace(
    _ result: OperationResult, _ op: Operation, _ counts: Counts,
    _ delegate: (SweepEvent) -> Void
  ) -> OperationResult {
    var result = result
    (result.space, result.spaceNotMeasured) = counts.space[op.id] ?? space(of: op, delegate)
    return result
  }

  /// The op's memory beside its time and counts (CPython and Swift ops;
  /// none for a fake): its peak bytes, or why they cannot be measured.
  /// The total allocated is `--metric memory`'s and `allocated`'s: the
  /// default run's budget (a minute for the catalog) has room for one
  /// memory pass. Read from the cache where it has them: bytes repeat
  /// like counts.
  func space(
    of op: Operation, _ delegate: (SweepEvent) -> Void = { _ in }
  )
    -> (space: [OperationResult], notMeasured: String?)
  {
    guard op.subject != .fake else { return ([], nil) }
    if let why = pool.whyNoMemory(op) { return ([], why) }
    return ([self.space(op, by: .memory, delegate)], nil)
  }

  /// `op`'s bytes in `metric` (`.memory` or `.allocated`), from the cache
  /// or measured (and cached).
  private func space(
    _ op: Operation, by metric: Metric, _ delegate: (SweepEvent) -> Void
  ) -> OperationResult {
    let key = try? options.cache.map { _ in
      cacheKey(op, grid: try sizes(for: op), metric: metric, valgrind: nil)
    }
    if let cached = cached(op, key: key) { return cached }
    let measured = measure(op, by: metric, delegate: delegate)
    if let key, measured.classification != nil { options.cache?.store(measured, key: key) }
    return measured
  }

  /// A timing that stands alone where counts were wanted: its notes and
  /// `notCounted` say why.
  private func timedOnly(
    _ time: OperationResult, note: String, because reason: String
  )
    -> OperationResult
  {
    var time = time
    time.classification?.notes.append(note)
    time.notCounted = reason
    return time
  }

  /// Sweeps one operation by one metric: its sizes chosen by that
  /// metric's strategy, its result built from the outcome or the failure.
  private func measure(
    _ op: Operation, by metric: Metric, brief: Bool = false, delegate: (SweepEvent) -> Void
  )
    -> OperationResult
  {
    let start = Date()
    do {
      let grid = try sizes(for: op)
      let outcome = try pool.withSubject(for: op, metric: metric) { subject, notes in
        var outcome = try strategy(for: metric, brief: brief).run(
          &subject, grid: grid, extendable: op.isExtendable, delegate: delegate)
        // Times can step where the data outgrow a cache, bytes where an op
        // changes strategy (instruction counts have shown no steps).
        if metric != .instructions {
          outcome = try RegimeStep.asymptotic(
            outcome, classifier: options.classifier, metric: metric)
        }
        outcome.classification.notes += notes + pool.warmUpNotes(for: op, metric: metric)
        return outcome
      }
      return OperationResult(
        op, outcome: outcome, metric: metric, seconds: Date().timeIntervalSince(start))
    } catch {
      return OperationResult(
        op, failure: error, metric: metric, seconds: Date().timeIntervalSince(start))
    }
  }

  /// How sizes are chosen: adaptively by the clock (briefly beside counts
  /// that settled the class), coarse-first for counts.
  private func strategy(for metric: Metric, brief: Bool = false) -> any SizeStrategy {
    switch metric {
    case .time:
      var timing = options.timing
      if brief { timing.repeats = min(timing.repeats, AdaptiveSweep.briefRepeats) }
      var sweep = AdaptiveSweep(
        sweep: Sweep(plan: options.plan, timing: timing), classifier: options.classifier,
        limits: options.limits)
      sweep.brief = brief
      return sweep
    case .instructions:
      return countingSweep
    case .memory, .allocated:
      // Bytes barely vary between calls: counted like instructions, one
      // call (or block) a sample.
      return CountingSweep(
        plan: options.plan, counting: CountingOptions(repeats: 2, minimumSampleInstructions: 1),
        classifier: options.classifier)
    }
  }

  /// How counts choose their sizes.
  var countingSweep: CountingSweep {
    CountingSweep(plan: options.plan, counting: options.counting, classifier: options.classifier)
  }

  /// The sizes an operation's sweep visits: the plan's, and for a worst
  /// case only the small ones.
  func sizes(for op: Operation) throws -> [Int] {
    var sizes = options.plan.sizes(for: op.sizing)
    if op.isWorstCase {
      sizes = sizes.filter { $0 <= Operation.worstCaseMaximumSize }
      guard sizes.count >= Classifier.minimumSizes else {
        throw ComplexityError(
          .badInput,
          "worst cases run at n ≤ \(Operation.worstCaseMaximumSize) (their set-up is O(n²)); "
            + "the sizes given leave fewer than \(Classifier.minimumSizes): lower --min-size")
      }
    }
    return sizes
  }
}
