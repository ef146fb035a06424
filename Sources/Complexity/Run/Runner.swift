import Foundation

/// Runs a list of operations through the sweep engine and the classifier,
/// one at a time (never two measurements at once), reporting as it goes.
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
    /// `count-worker --op`. Nil: Swift ops cannot be counted.
    package var swiftWorker: [String]?

    package init(
      plan: SizePlan = SizePlan(), timing: TimingOptions = TimingOptions(),
      classifier: Classifier = Classifier(),
      limits: SweepLimits = SweepLimits(), counting: CountingOptions = CountingOptions(),
      metric: MetricChoice = .time, python: String? = nil, cold: Bool = false,
      swiftWorker: [String]? = nil
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
    }
  }

  package let options: Options
  private let pool: SubjectPool

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
    // The interpreter first: whether it can be counted depends on which it is.
    let harness = python.isEmpty ? nil : try pool.timingHarness()
    try check(operations)
    // Each op's code is defined now, so code that does not compile fails
    // before any op is measured.
    for op in python { if let code = op.python { try harness?.define(op.id, code) } }
    if options.metric.metrics.contains(.instructions)
      && operations.contains(where: { pool.whyUncountable($0) == nil })
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

  /// Sweeps and classifies each operation in turn. A failing operation is
  /// reported as failed with its reason, and the others still run.
  ///
  /// - Parameter delegate: receives progress; `.finishOperation` arrives as
  ///   soon as each operation is done, so callers can save as they go.
  /// - Returns: one result per operation.
  package func run(
    _ operations: [Operation], delegate: (RunEvent) -> Void = { _ in }
  )
    -> [OperationResult]
  {
    var results: [OperationResult] = []
    for (index, op) in operations.enumerated() {
      delegate(.startOperation(op, index: index, of: operations.count))
      let result = runOne(op) { delegate(.sweep(op, $0)) }
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
    switch options.metric {
    case .instructions:
      return measure(op, by: .instructions, delegate: delegate)
    case .both:
      let time = measure(op, by: .time, delegate: delegate)
      if let why = pool.whyUncountable(op) {
        return timedOnly(time, note: why + ": timed only", because: why)
      }
      return MetricPolicy.combine(
        time: time, instructions: measure(op, by: .instructions, delegate: delegate))
    case .time, .auto:
      let time = measure(op, by: .time, delegate: delegate)
      guard options.metric.countsWhenInDoubt, let why = MetricPolicy.doubt(about: time) else {
        return time
      }
      return secondOpinion(on: time, because: why, op: op, delegate: delegate)
    }
  }

  /// Counts an op whose timing is in doubt, and combines the two (`--metric
  /// auto`). Where it cannot be counted, the timing stands and its notes
  /// say why.
  func secondOpinion(
    on time: OperationResult, because why: String, op: Operation,
    delegate: (SweepEvent) -> Void
  ) -> OperationResult {
    if let cannot = pool.whyUncountable(op) {
      return timedOnly(time, note: "\(why), but \(cannot)", because: cannot)
    }
    do {
      try pool.callgrind()
    } catch {
      return timedOnly(time, note: "\(why), but \(error)", because: "\(error)")
    }
    return MetricPolicy.combine(
      time: time, instructions: measure(op, by: .instructions, delegate: delegate))
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
    _ op: Operation, by metric: Metric, delegate: (SweepEvent) -> Void
  )
    -> OperationResult
  {
    let start = Date()
    do {
      let grid = try sizes(for: op)
      let outcome = try pool.withSubject(for: op, metric: metric) { subject, notes in
        var outcome = try strategy(for: metric).run(
          &subject, grid: grid, extendable: op.isExtendable, delegate: delegate)
        outcome.classification.notes += notes
        return outcome
      }
      return OperationResult(
        op, outcome: outcome, metric: metric, seconds: Date().timeIntervalSince(start))
    } catch {
      return OperationResult(
        op, failure: error, metric: metric, seconds: Date().timeIntervalSince(start))
    }
  }

  /// How sizes are chosen: adaptively by the clock, coarse-first for counts.
  private func strategy(for metric: Metric) -> any SizeStrategy {
    switch metric {
    case .time:
      return AdaptiveSweep(
        sweep: Sweep(plan: options.plan, timing: options.timing), classifier: options.classifier,
        limits: options.limits)
    case .instructions:
      return CountingSweep(
        plan: options.plan, counting: options.counting, classifier: options.classifier)
    }
  }

  /// The sizes an operation's sweep visits: the plan's, and for a worst
  /// case only the small ones.
  private func sizes(for op: Operation) throws -> [Int] {
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
