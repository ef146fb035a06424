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
    /// How instructions are counted, when `metrics` has `.instructions`.
    public var counting: CountingOptions

    public init(
      sweep: Sweep = Sweep(), classifier: Classifier = Classifier(), python: String? = nil,
      cold: Bool = false, budget: Double = 10, maximumExtension: Int = 4,
      memoryCap: UInt64 = ResidentMemory.physical / 4, metrics: [Metric] = [.time],
      counting: CountingOptions = CountingOptions()
    ) {
      self.sweep = sweep
      self.classifier = classifier
      self.python = python
      self.cold = cold
      self.budget = budget
      self.maximumExtension = maximumExtension
      self.memoryCap = memoryCap
      self.metrics = metrics
      self.counting = counting
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
  /// Instruction counts are CPython-only for now: `--metric instructions`
  /// on a Swift (or fake) op is an error; with both metrics, such ops are
  /// timed only (and their results say so).
  ///
  /// - Throws: `ComplexityError(.badInput, …)` naming the first such op.
  public func check(_ operations: [Operation]) throws {
    guard options.metrics == [.instructions] else { return }
    if let op = operations.first(where: { $0.subject != .python }) {
      throw ComplexityError(
        .badInput, Self.cpythonOnly(op) + ": leave it out, or use --metric time (or both)")
    }
  }

  static func cpythonOnly(_ op: Operation) -> String {
    "instruction counts are CPython-only for now, and \(op.id) is a \(op.subject.rawValue) op"
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
      guard op.subject == .python else {
        time.classification?.notes.append(Self.cpythonOnly(op) + ": timed only")
        return time
      }
      return .combining(time: time, instructions: countOne(op, delegate: delegate))
    default:
      return timeOne(op, delegate: delegate)
    }
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

  /// Counts one CPython operation's instructions under callgrind and
  /// classifies the instructions per operation.
  ///
  /// Counts do not vary from run to run, so no size is measured twice and
  /// there is no second pass; and valgrind makes every size costly. So the
  /// coarse half of the grid first (sizes a power of two apart, as the
  /// adaptive time sweep starts), and the sizes in between only when that
  /// does not settle the class. Sizes are never extended past the plan.
  private func countOne(_ op: Operation, delegate: (SweepEvent) -> Void) -> OperationResult {
    let start = Date()
    let metric = Metric.instructions.rawValue
    var points: [Point] = []
    do {
      guard op.subject == .python else {
        throw ComplexityError(.badInput, Self.cpythonOnly(op) + ": use --metric time")
      }
      let valgrind = try prepareValgrind()
      try preparePython()
      let subject = try CallgrindPythonSubject(
        op: op.id, interpreter: harness!.interpreter.path, valgrind: valgrind,
        snippet: snippets[op.id], cold: options.cold)
      defer { subject.stop() }
      var counted = subject
      let engine = Sweep(plan: options.sweep.plan, timing: options.counting.engineSettings)
      let grid = try sizes(for: op)
      let coarse = grid.enumerated()
        .filter { $0.offset % 2 == 0 || $0.offset == grid.count - 1 }.map(\.element)
      let first = coarse.count >= Classifier.minimumSizes ? coarse : grid
      points = try engine.run(&counted, sizes: first, delegate: delegate)
      var classification = try options.classifier.classify(points)
      if classification.outcome.settled == nil && first.count < grid.count {
        let rest = grid.filter { !first.contains($0) }
        points = (points + (try engine.run(&counted, sizes: rest, delegate: delegate)))
          .mergedBySize()
        classification = try options.classifier.classify(points)
      }
      classification.notes += subject.notes + Self.repeatability(of: points)
      return OperationResult(
        op: op.id, documented: op.documented, classification: classification,
        points: points, seconds: Date().timeIntervalSince(start), metric: metric)
    } catch let failure as SweepFailure {
      return OperationResult(
        op: op.id, documented: op.documented, classification: nil,
        points: failure.partial, seconds: Date().timeIntervalSince(start),
        failure: failure.description, metric: metric)
    } catch {
      return OperationResult(
        op: op.id, documented: op.documented, classification: nil, points: points,
        seconds: Date().timeIntervalSince(start), failure: "\(error)", metric: metric)
    }
  }

  /// How far apart the repeated counts of each size are: they should agree
  /// to a few instructions in a million, and a larger gap is named.
  static func repeatability(of points: [Point]) -> [String] {
    let spreads = points.compactMap { p -> (n: Int, spread: Double)? in
      guard let lo = p.samples.min(), let hi = p.samples.max(), lo > 0, p.samples.count > 1
      else { return nil }
      return (p.n, hi / lo - 1)
    }
    guard let worst = spreads.max(by: { $0.spread < $1.spread }) else { return [] }
    if worst.spread == 0 { return ["repeated counts are identical at every size"] }
    if worst.spread <= 0.001 {
      return [
        String(
          format: "repeated counts agree within %.4f%% at every size", worst.spread * 100)
      ]
    }
    return [
      String(
        format: "repeated counts differ by up to %.2f%% (at n = %d): the allocator's state "
          + "moves from one sample to the next (one sample's freed blocks serve the next), "
          + "or cold keys differ; the fewest is fitted",
        worst.spread * 100, worst.n)
    ]
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
