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

    public init(
      sweep: Sweep = Sweep(), classifier: Classifier = Classifier(), python: String? = nil,
      cold: Bool = false, budget: Double = 10, maximumExtension: Int = 4,
      memoryCap: UInt64 = ResidentMemory.physical / 4
    ) {
      self.sweep = sweep
      self.classifier = classifier
      self.python = python
      self.cold = cold
      self.budget = budget
      self.maximumExtension = maximumExtension
      self.memoryCap = memoryCap
    }
  }

  public let options: Options
  private var harness: PythonHarness?

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

  /// Sweeps and classifies one operation.
  public func runOne(_ op: Operation, delegate: (SweepEvent) -> Void = { _ in })
    -> OperationResult
  {
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

  private func sweep(_ op: Operation, delegate: (SweepEvent) -> Void) throws
    -> AdaptiveSweep.Outcome
  {
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
