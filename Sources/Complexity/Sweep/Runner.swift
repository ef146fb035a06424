import Foundation

/// Runs a list of operations through the sweep engine and the classifier,
/// one at a time (never two timings at once), reporting as it goes.
public final class Runner {
  /// Options that choose how operations are timed.
  public struct Options: Sendable {
    public var sweep: Sweep
    public var classifier: Classifier
    /// The interpreter for CPython operations (`--python`); nil finds one.
    public var python: String?
    /// Random positions across the container instead of one hot key.
    public var cold: Bool
    /// Seconds one operation may take before its sweep stops extending.
    public var budget: Double
    /// How far past the plan's maximum an undecided sweep may extend.
    public var maximumExtension: Int
    /// Resident bytes the subject's process may reach.
    public var memoryCap: UInt64
    /// What to measure: time (the default), instructions, or both. With
    /// both, each op is timed, then counted, and its result reports the
    /// metric to trust (`OperationResult.combining`).
    public var metrics: [Metric]
    /// With time alone: count the instructions of each op whose timing is
    /// in doubt — its verdict is inconclusive, or it differs from the
    /// documented class — and report the combined result
    /// (`OperationResult.combining`), when valgrind is installed. A row is
    /// then flagged only when the noise-free metric does not overturn it.
    public var countWhenInDoubt: Bool
    /// How instructions are counted, when `metrics` has `.instructions`.
    public var counting: CountingOptions
    /// The command that serves a Swift op counted under callgrind (the op
    /// id is appended): the `complexity` tool's own path and
    /// `count-worker --op`. Nil: Swift ops cannot be counted.
    public var swiftWorker: [String]?

    public init(
      sweep: Sweep = Sweep(), classifier: Classifier = Classifier(), python: String? = nil,
      cold: Bool = false, budget: Double = 10, maximumExtension: Int = 4,
      memoryCap: UInt64 = ResidentMemory.physical / 4, metrics: [Metric] = [.time],
      countWhenInDoubt: Bool = false, counting: CountingOptions = CountingOptions(),
      swiftWorker: [String]? = nil
    ) {
      self.sweep = sweep
      self.classifier = classifier
      self.python = python
      self.cold = cold
      self.budget = budget
      self.maximumExtension = maximumExtension
      self.memoryCap = memoryCap
      self.metrics = metrics
      self.countWhenInDoubt = countWhenInDoubt
      self.counting = counting
      self.swiftWorker = swiftWorker
    }
  }

  public let options: Options
  private var harness: PythonHarness?
  private var valgrind: Valgrind?
  /// Snippets defined so far, for the harness each instruction count starts.
  private var snippets: [String: PythonSnippet] = [:]

  public init(options: Options) { self.options = options }

  /// The interpreter, once a CPython operation has started it.
  public var interpreter: PythonInterpreter? { harness?.interpreter }

  /// Starts the Python harness now, so a missing interpreter fails before
  /// any work is done.
  ///
  /// - Throws: `ComplexityError(.missingTool, …)` naming what was tried.
  public func preparePython() throws {
    if harness == nil {
      let path = try PythonInterpreter.locate(explicit: options.python)
      harness = try PythonHarness(executable: path)
    }
  }

  /// Finds valgrind now, so a run that counts instructions fails before
  /// any work is done when it is missing.
  ///
  /// - Throws: `ComplexityError(.missingTool, …)` naming valgrind and how
  ///   to install it.
  @discardableResult
  public func prepareValgrind() throws -> Valgrind {
    if let valgrind { return valgrind }
    let found = try Valgrind.locate()
    valgrind = found
    return found
  }

  /// The operations the metrics cannot measure, refused before any work.
  ///
  /// Instructions are counted for CPython ops, and for Swift ops when a
  /// worker command is given (`Options.swiftWorker`): `--metric
  /// instructions` on any other op is an error; with both metrics, such
  /// ops are timed only (and their results say so).
  ///
  /// - Throws: `ComplexityError(.badInput, …)` naming the first such op.
  public func check(_ operations: [Operation]) throws {
    guard options.metrics == [.instructions] else { return }
    if let op = operations.first(where: { !canCount($0) }) {
      throw ComplexityError(
        .badInput, uncountable(op) + ": leave it out, or use --metric time (or both)")
    }
  }

  /// Whether instructions can be counted for `op`.
  public func canCount(_ op: Operation) -> Bool {
    switch op.subject {
    case .python: return true
    case .swift: return options.swiftWorker != nil && CallgrindClient.isCompiledIn
    case .fake: return false
    }
  }

  private func uncountable(_ op: Operation) -> String {
    op.subject == .swift && !CallgrindClient.isCompiledIn
      ? "\(op.id) is a Swift op, counted by callgrind's client requests, and this build has "
        + "none (valgrind's headers were missing when it was compiled: install valgrind and "
        + "rebuild)"
      : op.subject == .swift
      ? "\(op.id) is a Swift op, whose instructions are counted by re-running the complexity "
        + "tool under valgrind, and this run has no tool to re-run (Options.swiftWorker)"
      : "instruction counts are for CPython and Swift ops, and \(op.id) is a "
        + "\(op.subject.rawValue) op"
  }

  /// Registers a user's Python snippet, and returns the operation that
  /// sweeps it (run it with `runOne` or `run`).
  ///
  /// - Parameter expected: the class to compare with, if any.
  /// - Throws: `ComplexityError` when the interpreter is missing or the code
  ///   does not compile.
  public func define(_ snippet: PythonSnippet, expected: ComplexityClass? = nil) throws
    -> Operation
  {
    try preparePython()
    try harness!.define(snippet)
    snippets[snippet.id] = snippet
    return Operation(
      id: snippet.id, subject: .python, seedRow: nil, swept: "n",
      documented: expected, documentedText: expected?.rawValue ?? "not given",
      source: "--expect", method: snippet.restore == nil ? "timed in a loop" : "fresh input per call")
  }

  /// Sweeps and classifies each operation in turn. A failing operation is
  /// reported as failed with its reason, and the others still run.
  ///
  /// - Parameter delegate: receives progress; `.finishOperation` arrives as
  ///   soon as each operation is done, so callers can save as they go.
  /// - Returns: one result per operation.
  public func run(_ operations: [Operation], delegate: (RunEvent) -> Void = { _ in })
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

  /// Sweeps and classifies one operation by the options' metrics.
  public func runOne(_ op: Operation, delegate: (SweepEvent) -> Void = { _ in })
    -> OperationResult
  {
    switch (options.metrics.contains(.time), options.metrics.contains(.instructions)) {
    case (false, true):
      return countOne(op, delegate: delegate)
    case (true, true):
      var time = timeOne(op, delegate: delegate)
      guard canCount(op) else {
        time.classification?.notes.append(uncountable(op) + ": timed only")
        return time
      }
      return .combining(time: time, instructions: countOne(op, delegate: delegate))
    default:
      let time = timeOne(op, delegate: delegate)
      guard options.countWhenInDoubt, let why = Self.doubt(about: time) else { return time }
      return secondOpinion(on: time, because: why, op: op, delegate: delegate)
    }
  }

  /// Why a timing needs a second opinion (`--metric auto`), or nil.
  static func doubt(about time: OperationResult) -> String? {
    guard let classification = time.classification else { return nil }
    if classification.outcome.settled == nil {
      return "time was inconclusive, and instruction counts could settle it"
    }
    if time.verdict == .differs {
      return "time differs from the documented class, and instruction counts could check it"
    }
    return nil
  }

  /// Counts an op whose timing is in doubt, and combines the two (`--metric
  /// auto`). Where it cannot be counted, the timing stands and its notes
  /// say why.
  func secondOpinion(
    on time: OperationResult, because why: String, op: Operation,
    delegate: (SweepEvent) -> Void
  ) -> OperationResult {
    var time = time
    guard canCount(op) else {
      time.classification?.notes.append("\(why), but \(uncountable(op))")
      return time
    }
    do {
      try prepareValgrind()
    } catch {
      time.classification?.notes.append("\(why), but \(error)")
      return time
    }
    return .combining(time: time, instructions: countOne(op, delegate: delegate))
  }

  /// Times and classifies one operation (adaptively).
  private func timeOne(_ op: Operation, delegate: (SweepEvent) -> Void) -> OperationResult {
    let start = Date()
    do {
      let outcome = try sweep(op, delegate: delegate)
      var result = OperationResult(
        op: op.id, documented: op.documented, classification: outcome.classification,
        points: outcome.points, seconds: Date().timeIntervalSince(start))
      result.stopReason = outcome.stopReason
      return result
    } catch let failure as SweepFailure {
      return OperationResult(
        op: op.id, documented: op.documented, classification: nil,
        points: failure.partial, seconds: Date().timeIntervalSince(start),
        failure: failure.description)
    } catch {
      return OperationResult(
        op: op.id, documented: op.documented, classification: nil, points: [],
        seconds: Date().timeIntervalSince(start), failure: "\(error)")
    }
  }

  /// Counts one operation's instructions under callgrind, in a process
  /// of its own, and classifies the instructions per operation
  /// (`CountingSweep`).
  private func countOne(_ op: Operation, delegate: (SweepEvent) -> Void) -> OperationResult {
    let start = Date()
    let metric = Metric.instructions.rawValue
    do {
      let subject = try counter(for: op)
      defer { subject.stop() }
      var counted = subject
      let sweep = CountingSweep(
        plan: options.sweep.plan, counting: options.counting, classifier: options.classifier)
      var (points, classification) = try sweep.run(
        &counted, grid: try sizes(for: op), delegate: delegate)
      classification.notes += subject.notes
      return OperationResult(
        op: op.id, documented: op.documented, classification: classification,
        points: points, seconds: Date().timeIntervalSince(start), metric: metric)
    } catch let failure as SweepFailure {
      return OperationResult(
        op: op.id, documented: op.documented, classification: nil,
        points: failure.partial, seconds: Date().timeIntervalSince(start),
        failure: failure.description, metric: metric)
    } catch let failure as CountingSweep.ClassificationFailure {
      return OperationResult(
        op: op.id, documented: op.documented, classification: nil,
        points: failure.points, seconds: Date().timeIntervalSince(start),
        failure: failure.description, metric: metric)
    } catch {
      return OperationResult(
        op: op.id, documented: op.documented, classification: nil, points: [],
        seconds: Date().timeIntervalSince(start), failure: "\(error)", metric: metric)
    }
  }

  /// The subject that counts `op` under callgrind, in a process of its own.
  private func counter(for op: Operation) throws -> any CountingSubject {
    guard canCount(op) else {
      throw ComplexityError(.badInput, uncountable(op) + ": use --metric time")
    }
    let valgrind = try prepareValgrind()
    if op.subject == .swift, let worker = options.swiftWorker {
      return try CallgrindSwiftSubject(op: op.id, worker: worker, valgrind: valgrind)
    }
    try preparePython()
    return try CallgrindPythonSubject(
      op: op.id, interpreter: harness!.interpreter.path, valgrind: valgrind,
      snippet: snippets[op.id], cold: options.cold)
  }

  /// The sizes an operation's sweep visits: the plan's, and for a worst
  /// case only the small ones.
  private func sizes(for op: Operation) throws -> [Int] {
    var sizes = options.sweep.plan.sizes(for: op.sizing)
    if op.id.hasSuffix("@worst") {
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

  private func sweep(_ op: Operation, delegate: (SweepEvent) -> Void) throws
    -> AdaptiveSweep.Outcome
  {
    let sizes = try sizes(for: op)
    let adaptive = AdaptiveSweep(
      sweep: options.sweep, classifier: options.classifier, budgetSeconds: options.budget,
      maximumExtension: options.maximumExtension, memoryCap: options.memoryCap)
    // Worst cases cost O(n²) to set up, and swept-k rows hold n fixed: no extending.
    let extendable = !op.id.hasSuffix("@worst") && op.fixed.isEmpty
    switch op.subject {
    case .fake:
      guard var subject = FakeSubject(operationID: op.id) else {
        throw ComplexityError(.badInput, "no fake subject for \(op.id)")
      }
      return try adaptive.run(&subject, grid: sizes, extendable: extendable, delegate: delegate)
    case .python:
      try preparePython()
      var subject = PythonSubject(op: op.id, harness: harness!, cold: options.cold)
      return try adaptive.run(&subject, grid: sizes, extendable: extendable, delegate: delegate)
    case .swift:
      guard var subject = SwiftOperations.subject(for: op.id) else {
        throw ComplexityError(.badInput, "no Swift subject for \(op.id)")
      }
      return try adaptive.run(&subject, grid: sizes, extendable: extendable, delegate: delegate)
    }
  }
}
